#pragma once
// Builds the demo project (synthetic incidents from core/synth) in the background, with
// throttled progress and cancel, for the "Open Demo Project" action of a first start.
#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

namespace lab {

class DemoProjectJob : public QObject
{
    Q_OBJECT
public:
    explicit DemoProjectJob(QObject *parent = nullptr);
    ~DemoProjectJob() override;

    // <AppDataLocation>/demo/demo.lab
    // <dataDir>/demo/demo.lab; dataDir empty: the standard application-data folder.
    static QString defaultPath(const QString &dataDir = {});
    static constexpr quint64 kDefaultSeed = 1;

    void start(const QString &path, quint64 seed = kDefaultSeed);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(int percent);
    void finished(const QString &path);
    void failed(const QString &message);
    void cancelled();

    void run(quint64 generation, const QString &path, quint64 seed, std::shared_ptr<std::atomic_bool> cancel); // to the worker

private:
    QThread m_thread;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

class DemoProjectWorker : public QObject
{
    Q_OBJECT
public:
    void run(quint64 generation, const QString &path, quint64 seed, std::shared_ptr<std::atomic_bool> cancel);

Q_SIGNALS:
    void progress(quint64 generation, int percent);
    void done(quint64 generation, const QString &error, bool cancelled);
};

} // namespace lab
