#pragma once
// Explains the open log in the background. A worker object in a QThread owned by this job loads
// the model once (again only when the model or adapter changes), reads the log, and generates;
// the GUI thread never touches the model. Results come back by queued signals, tagged with the
// request they answer, so a cancelled or superseded run's result is dropped.
#include "core/explain/explainer.h"
#include "ui/shared_log_file.h"

#include <QMetaType>
#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

namespace lab {

struct ExplainRequest
{
    QString modelDir;       // a model folder (defaultModelDir() unless the user chose one)
    QString adapterDir;     // PEFT folder of the project's active adapter; empty: base model
    QString adapterName;    // for display and provenance
    SharedLogFile log;      // the log to explain, read in the worker (its accessors are thread-safe)
    QString logText;        // used when `log` is null
    ExplainSettings settings;
};

class ExplainJob : public QObject
{
    Q_OBJECT
public:
    // The most lines read from the end of a log: failures are at the end, and the model only
    // sees a digest of a few hundred tokens anyway.
    static constexpr qint64 kMaxLines = 200000;

    explicit ExplainJob(QObject *parent = nullptr);
    ~ExplainJob() override; // drops what runs, stops the thread and waits for it

    void start(const ExplainRequest &request);
    // The run in flight finishes in the background (generation cannot be interrupted; it takes
    // about a second) and its result is dropped.
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void started();
    void modelLoading(const QString &modelDir);
    // digestLines are 1-based line numbers of the log (not of the tail that was read).
    void finished(const lab::Explanation &explanation);
    void failed(const QString &message);
    void cancelled();

    void run(quint64 generation, const lab::ExplainRequest &request,
             std::shared_ptr<std::atomic_bool> cancel); // to the worker

private:
    QThread m_thread;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

class ExplainWorker : public QObject
{
    Q_OBJECT
public:
    void run(quint64 generation, const lab::ExplainRequest &request, std::shared_ptr<std::atomic_bool> cancel);

Q_SIGNALS:
    void loading(quint64 generation, const QString &modelDir);
    void done(quint64 generation, const lab::Explanation &explanation, const QString &error, bool cancelled);

private:
    std::unique_ptr<Explainer> m_explainer; // kept between runs; lives and dies on the worker thread
};

} // namespace lab

Q_DECLARE_METATYPE(lab::Explanation)
Q_DECLARE_METATYPE(lab::ExplainRequest)
