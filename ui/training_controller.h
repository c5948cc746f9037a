#pragma once
// Runs one training session (lab::runTraining) in a worker thread and reports to the GUI thread.
//
// The worker's callbacks never touch widgets: they put progress, metric points and events into a
// mailbox under a mutex, and a GUI-thread timer empties it at most ~10 times a second. So however
// fast a trainer logs, the GUI gets at most ten progress signals and ten metric batches a second,
// and nothing the worker does can block the GUI thread.
//
// pause() makes the worker wait inside its next progress callback (between two steps, on a
// QWaitCondition); resume() wakes it. stop() makes that callback return false: the trainer writes
// a checkpoint and the run ends as "stopped". A run a guard paused (status "paused") is resumed
// by starting a new session with job.resumeRunId set; that is the caller's choice (TrainingView).
#include "core/train/train_run.h"

#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QVector>
#include <QWaitCondition>
#include <memory>

class QThread;
class QTimer;

namespace lab {

class TrainingController : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Pausing, Paused, Stopping };
    Q_ENUM(State)

    // Mailbox emptying interval: at most this many milliseconds between two progress signals.
    static constexpr int kFlushIntervalMs = 100;

    explicit TrainingController(QObject *parent = nullptr);
    // Stops a run in flight and waits for its checkpoint (the trainer checks between steps).
    ~TrainingController() override;

    // False when a run is already going (the job is not started).
    bool start(const TrainJob &job);
    void pause();
    void resume();
    void stop();

    State state() const { return m_state; }
    bool isActive() const { return m_state != State::Idle; }
    qint64 runId() const { return m_runId; } // the run in flight (0 before its first progress)
    const TrainJob &job() const { return m_job; }
    // Blocks until the worker has ended (tests and shutdown); true if it ended within the time.
    bool wait(int msecs);

Q_SIGNALS:
    void stateChanged(lab::TrainingController::State state);
    void started(qint64 runId);
    void progress(qint64 step, qint64 steps, double seconds, double etaSeconds);
    void metrics(const QVector<lab::MetricPoint> &points);
    void event(int level, qint64 step, const QString &message); // level: lab::TrainEventLevel
    void finished(const lab::TrainOutcome &outcome);
    void failed(const QString &message);

private:
    // Worker side (called on the worker thread).
    bool onProgress(const TrainProgress &progress);
    void onEvent(const TrainEvent &event);
    // GUI side.
    void flush();
    void workerDone();
    void setState(State state);

    struct Mailbox
    {
        bool hasProgress = false;
        TrainProgress progress; // the newest one; its metrics are moved to `points`
        QVector<MetricPoint> points;
        QVector<TrainEvent> events;
        qint64 runId = 0;
    };

    QMutex m_mutex; // guards m_mail, m_pauseRequested, m_stopRequested, m_workerPaused
    QWaitCondition m_wake;
    Mailbox m_mail;
    bool m_pauseRequested = false;
    bool m_stopRequested = false;
    bool m_workerPaused = false;
    std::shared_ptr<Result<TrainOutcome>> m_result; // written by the worker before it ends

    QThread *m_thread = nullptr;
    QTimer *m_flushTimer = nullptr;
    TrainJob m_job;
    State m_state = State::Idle;
    qint64 m_runId = 0;
    bool m_startedSent = false;
};

} // namespace lab

Q_DECLARE_METATYPE(lab::TrainOutcome)
Q_DECLARE_METATYPE(lab::MetricPoint)
