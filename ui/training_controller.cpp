#include "ui/training_controller.h"

#include <QMutexLocker>
#include <QThread>
#include <QTimer>
#include <exception>

namespace lab {

TrainingController::TrainingController(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<lab::TrainOutcome>();
    qRegisterMetaType<lab::MetricPoint>();
    qRegisterMetaType<QVector<lab::MetricPoint>>();
    m_flushTimer = new QTimer(this);
    m_flushTimer->setInterval(kFlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &TrainingController::flush);
}

TrainingController::~TrainingController()
{
    if (!m_thread)
        return;
    stop();
    m_thread->wait();
    // The thread's finished() is queued to us and would arrive after we are gone.
    disconnect(m_thread, nullptr, this, nullptr);
    delete m_thread;
}

bool TrainingController::start(const TrainJob &job)
{
    if (m_thread)
        return false;
    m_job = job;
    m_runId = job.resumeRunId;
    m_startedSent = false;
    {
        QMutexLocker lock(&m_mutex);
        m_mail = {};
        m_pauseRequested = false;
        m_stopRequested = false;
        m_workerPaused = false;
    }
    auto result = std::make_shared<Result<TrainOutcome>>(fail(QStringLiteral("training ended without an outcome")));
    m_result = result;

    TrainCallbacks callbacks;
    callbacks.onProgress = [this](const TrainProgress &p) { return onProgress(p); };
    callbacks.onEvent = [this](const TrainEvent &e) { onEvent(e); };
    m_thread = QThread::create([job, callbacks, result] {
        // Trainers turn their own errors into a failed outcome; this is the last net so nothing
        // thrown ever crosses the thread.
        try {
            *result = runTraining(job, callbacks);
        } catch (const std::exception &e) {
            *result = fail(QStringLiteral("training stopped by an unexpected error: %1").arg(QString::fromLocal8Bit(e.what())));
        } catch (...) {
            *result = fail(QStringLiteral("training stopped by an unexpected error"));
        }
    });
    m_thread->setObjectName(QStringLiteral("Training"));
    connect(m_thread, &QThread::finished, this, &TrainingController::workerDone, Qt::QueuedConnection);
    m_thread->start(QThread::LowPriority); // the GUI stays responsive on 2 cores
    m_flushTimer->start();
    setState(State::Running);
    return true;
}

void TrainingController::pause()
{
    if (m_state != State::Running)
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_pauseRequested = true;
    }
    setState(State::Pausing);
}

void TrainingController::resume()
{
    if (m_state != State::Pausing && m_state != State::Paused)
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_pauseRequested = false;
        m_wake.wakeAll();
    }
    setState(State::Running);
}

void TrainingController::stop()
{
    if (m_state == State::Idle || m_state == State::Stopping)
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_stopRequested = true;
        m_pauseRequested = false;
        m_wake.wakeAll();
    }
    setState(State::Stopping);
}

bool TrainingController::wait(int msecs)
{
    return !m_thread || m_thread->wait(QDeadlineTimer(msecs));
}

bool TrainingController::onProgress(const TrainProgress &progress)
{
    QMutexLocker lock(&m_mutex);
    m_mail.hasProgress = true;
    m_mail.runId = progress.runId;
    m_mail.points += progress.metrics;
    m_mail.progress = progress;
    m_mail.progress.metrics.clear();
    // Between two steps: the trainer holds no lock of ours and waits here as long as the user
    // keeps the run paused.
    while (m_pauseRequested && !m_stopRequested) {
        m_workerPaused = true;
        m_wake.wait(&m_mutex);
    }
    m_workerPaused = false;
    return !m_stopRequested;
}

void TrainingController::onEvent(const TrainEvent &event)
{
    QMutexLocker lock(&m_mutex);
    m_mail.events << event;
}

void TrainingController::flush()
{
    Mailbox mail;
    bool workerPaused = false;
    {
        QMutexLocker lock(&m_mutex);
        std::swap(mail, m_mail);
        m_mail.runId = mail.runId;
        workerPaused = m_workerPaused;
    }
    if (mail.runId > 0 && !m_startedSent) {
        m_runId = mail.runId;
        m_startedSent = true;
        Q_EMIT started(m_runId);
    }
    for (const TrainEvent &e : std::as_const(mail.events))
        Q_EMIT event(int(e.level), e.step, e.message);
    if (!mail.points.isEmpty())
        Q_EMIT metrics(mail.points);
    if (mail.hasProgress)
        Q_EMIT progress(mail.progress.step, mail.progress.steps, mail.progress.seconds, mail.progress.etaSeconds);
    if (m_state == State::Pausing && workerPaused)
        setState(State::Paused);
}

void TrainingController::workerDone()
{
    m_flushTimer->stop();
    flush(); // what the worker said last
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    const std::shared_ptr<Result<TrainOutcome>> result = std::move(m_result);
    setState(State::Idle);
    if (result->ok()) {
        if (!m_startedSent && (*result)->runId > 0) {
            m_runId = (*result)->runId;
            m_startedSent = true;
            Q_EMIT started(m_runId);
        }
        Q_EMIT finished(**result);
    } else {
        Q_EMIT failed(result->error());
    }
}

void TrainingController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace lab
