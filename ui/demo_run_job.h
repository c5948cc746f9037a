#pragma once
// Runs the full demo (core/demo: incidents, candidates, votes, reward model, DPO, PPO,
// evaluation, report) in a worker thread and reports to the GUI thread by queued signals.
// The worker throttles its progress to ten signals a second; stage starts and ends always go
// through. cancel() sets an atomic flag the pipeline checks once per step; the destructor
// cancels, quits the thread and waits, so closing the window never leaves a thread behind.
#include "core/demo/demo_pipeline.h"

#include <QJsonObject>
#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

namespace lab {

class DemoRunWorker;

class DemoRunJob : public QObject
{
    Q_OBJECT
public:
    explicit DemoRunJob(QObject *parent = nullptr);
    ~DemoRunJob() override;

    // False when a demo is already running.
    bool start(const QString &dbPath, const QString &outDir, const DemoSettings &settings);
    void cancel();
    bool isRunning() const { return m_running; }
    // Blocks until the worker has ended (tests and shutdown); true if it ended in time.
    bool wait(int msecs);

Q_SIGNALS:
    void stageStarted(int stage);
    void stageFinished(int stage, const QString &summary);
    // overall 0..1; detail: "step 40/150  loss 0.41 ..."
    void progress(int stage, double overall, double seconds, const QString &detail);
    void message(const QString &text);
    // report: DemoResult::toJson(); table: DemoResult::table()
    void finished(const QString &dbPath, const QJsonObject &report, const QString &table);
    void failed(const QString &message);
    void cancelled(const QString &message);

private:
    QThread m_thread;
    DemoRunWorker *m_worker = nullptr; // lives in m_thread
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
    QString m_dbPath;
};

class DemoRunWorker : public QObject
{
    Q_OBJECT
public:
    void run(quint64 generation, const QString &dbPath, const QString &outDir, const lab::DemoSettings &settings,
             std::shared_ptr<std::atomic_bool> cancel);

Q_SIGNALS:
    void stageStarted(quint64 generation, int stage);
    void stageFinished(quint64 generation, int stage, const QString &summary);
    void progress(quint64 generation, int stage, double overall, double seconds, const QString &detail);
    void message(quint64 generation, const QString &text);
    void done(quint64 generation, const QString &error, bool cancelled, const QJsonObject &report,
              const QString &table);
};

} // namespace lab
