#include "core/train/run_session.h"

#include "core/store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <cmath>

namespace lab {

Result<std::unique_ptr<RunSession>> RunSession::begin(const TrainJob &job, const QJsonObject &config,
                                                      const QString &voteSnapshot,
                                                      const TrainCallbacks &callbacks, GuardOptions guards)
{
    if (!job.store)
        return fail(QStringLiteral("training needs a project database"));
    std::unique_ptr<RunSession> session(new RunSession());
    session->m_job = job;
    session->m_callbacks = callbacks;
    session->m_guards = TrainingGuards(guards);
    Store &store = *job.store;
    if (job.resumeRunId > 0) {
        Result<RunRecord> run = store.run(job.resumeRunId);
        if (!run)
            return fail(run.error());
        if (run->kind != job.kind)
            return fail(QStringLiteral("run %1 is a %2 run, not %3: it cannot be resumed as one")
                            .arg(run->id)
                            .arg(run->kind, job.kind));
        if (run->status == kRunFinished)
            return fail(QStringLiteral("run %1 has finished; start a new run instead").arg(run->id));
        if (run->voteSnapshot != voteSnapshot)
            return fail(QStringLiteral("run %1 trained on other votes (snapshot %2, now %3): votes were added or "
                                       "changed since. Start a new run to train on the current votes.")
                            .arg(run->id)
                            .arg(run->voteSnapshot, voteSnapshot));
        session->m_run = *run;
        session->m_resumed = true;
        // The settings are the run's own: a resumed run continues what it started.
        if (run->config.value(QStringLiteral("settings")).toObject() != config)
            session->event(QStringLiteral("resuming with the run's recorded settings, not the ones given now"),
                           TrainEventLevel::Warning);
    } else {
        RunRecord run;
        run.kind = job.kind;
        run.status = QString(kRunRunning);
        run.config = QJsonObject{{QStringLiteral("settings"), config},
                                 {QStringLiteral("votes"), job.votes.toJson()},
                                 {QStringLiteral("model_dir"), job.modelDir},
                                 {QStringLiteral("device"), job.device}};
        if (!job.adapterName.isEmpty())
            run.config.insert(QStringLiteral("adapter_name"), job.adapterName);
        run.startedAt = QDateTime::currentDateTimeUtc();
        run.voteSnapshot = voteSnapshot;
        Result<qint64> id = store.addRun(run);
        if (!id)
            return fail(id.error());
        run.id = *id;
        session->m_run = run;
    }
    session->m_run.status = QString(kRunRunning);
    session->m_run.finishedAt = QDateTime();
    if (Status s = store.updateRun(session->m_run); !s)
        return fail(s.error());
    if (!QDir().mkpath(session->runDir()))
        return fail(QStringLiteral("%1: cannot create the run's folder").arg(session->runDir()));
    session->m_clock.start();
    return session;
}

QString RunSession::runDir() const
{
    QString base = m_job.runsDir;
    if (base.isEmpty())
        base = QFileInfo(m_job.store->path()).absoluteDir().filePath(QStringLiteral("runs"));
    return QDir(base).filePath(QStringLiteral("%1-%2").arg(m_run.kind).arg(m_run.id));
}

QString RunSession::checkpointDir() const
{
    return QDir(runDir()).filePath(QStringLiteral("checkpoint"));
}

QString RunSession::outputDir() const
{
    return QDir(runDir()).filePath(m_run.kind == kRunReward ? QStringLiteral("reward_model")
                                                            : QStringLiteral("adapter"));
}

void RunSession::setResumePoint(qint64 step, double secondsBefore)
{
    m_startStep = step;
    m_lastStep = step;
    m_secondsBefore = secondsBefore;
    m_paceFromStep = -1;
    m_heldMs = 0;
    m_clock.restart();
    event(QStringLiteral("resumed run %1 from its checkpoint at step %2").arg(m_run.id).arg(step));
}

double RunSession::seconds() const
{
    return m_secondsBefore + m_clock.elapsed() / 1000.0;
}

void RunSession::event(const QString &message, TrainEventLevel level, qint64 step)
{
    if (m_callbacks.onEvent)
        m_callbacks.onEvent(TrainEvent{level, step < 0 ? m_lastStep : step, message});
}

bool RunSession::report(qint64 step, qint64 steps, const QVector<MetricPoint> &points)
{
    m_lastStep = step;
    QVector<MetricPoint> stamped = points;
    for (MetricPoint &p : stamped) {
        p.step = step;
        m_last.insert(p.name, p.value);
    }
    if (Status s = m_job.store->appendMetrics(m_run.id, stamped); !s) {
        m_failure = s.error();
        event(s.error(), TrainEventLevel::Error, step);
        return false;
    }
    if (std::optional<QString> trip = m_guards.check(step, stamped)) {
        m_guardMessage = *trip;
        event(*trip, TrainEventLevel::Error, step);
    }
    TrainProgress progress;
    progress.runId = m_run.id;
    progress.step = step;
    progress.steps = steps;
    progress.seconds = seconds();
    const qint64 nowMs = m_clock.elapsed();
    if (m_paceFromStep < 0) {
        m_paceFromStep = step;
        m_paceFromMs = nowMs;
        m_heldMs = 0;
    } else if (step > m_paceFromStep && steps >= step) {
        const double msPerStep = double(nowMs - m_paceFromMs - m_heldMs) / double(step - m_paceFromStep);
        progress.etaSeconds = std::max(0.0, msPerStep) * double(steps - step) / 1000.0;
    }
    progress.metrics = stamped;
    QElapsedTimer held;
    held.start();
    const bool goOn = !m_callbacks.onProgress || m_callbacks.onProgress(progress);
    m_heldMs += held.elapsed();
    if (!goOn && !m_stopRequested) {
        m_stopRequested = true;
        event(QStringLiteral("stop requested at step %1: writing a checkpoint").arg(step), TrainEventLevel::Info, step);
    }
    return !m_stopRequested && m_guardMessage.isEmpty();
}

QJsonObject RunSession::lastMetrics() const
{
    QJsonObject json;
    for (auto it = m_last.begin(); it != m_last.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

TrainOutcome RunSession::finish(qint64 steps, const QString &outputDir, const QString &error,
                                const QJsonObject &extra)
{
    Store &store = *m_job.store;
    TrainOutcome outcome;
    outcome.runId = m_run.id;
    outcome.kind = m_run.kind;
    outcome.steps = steps;
    outcome.resumedFrom = m_startStep;
    outcome.seconds = seconds();
    outcome.metrics = lastMetrics();
    outcome.voteSnapshot = m_run.voteSnapshot;
    const QString failure = !error.isEmpty() ? error : m_failure;
    if (!failure.isEmpty()) {
        outcome.status = QString(kRunFailed);
        outcome.message = failure;
    } else if (!m_guardMessage.isEmpty()) {
        outcome.status = QString(kRunPaused);
        outcome.message = m_guardMessage;
    } else if (m_stopRequested) {
        outcome.status = QString(kRunStopped);
    } else {
        outcome.status = QString(kRunFinished);
    }
    if (!outputDir.isEmpty() && QFileInfo(outputDir).isDir())
        outcome.outputDir = outputDir;

    // An adapter is registered whatever the ending (so it can be inspected), but only a run that
    // finished well may make it the active one.
    if (!outcome.outputDir.isEmpty() && m_run.kind != kRunReward && m_run.kind != kRunSft) {
        const QString name = m_job.adapterName.isEmpty() ? QStringLiteral("%1-%2").arg(m_run.kind).arg(m_run.id)
                                                         : m_job.adapterName;
        Result<std::optional<AdapterRecord>> existing = store.adapterByName(name);
        if (!existing) {
            outcome.status = QString(kRunFailed);
            outcome.message = existing.error();
        } else if (existing->has_value() && (*existing)->runId != m_run.id) {
            outcome.status = QString(kRunFailed);
            outcome.message = QStringLiteral("an adapter named '%1' already exists (from run %2); the adapter "
                                             "of run %3 is in %4")
                                  .arg(name)
                                  .arg((*existing)->runId)
                                  .arg(m_run.id)
                                  .arg(outcome.outputDir);
        } else {
            qint64 id = existing->has_value() ? (*existing)->id : 0;
            if (id == 0) {
                AdapterRecord adapter;
                adapter.name = name;
                adapter.runId = m_run.id;
                adapter.path = outcome.outputDir;
                Result<qint64> added = store.addAdapter(adapter);
                if (!added) {
                    outcome.status = QString(kRunFailed);
                    outcome.message = added.error();
                } else {
                    id = *added;
                }
            }
            if (id > 0) {
                outcome.adapterId = id;
                outcome.adapterName = name;
                if (outcome.status == kRunFinished && m_job.activate) {
                    if (Status s = store.setActiveAdapter(id); !s) {
                        outcome.status = QString(kRunFailed);
                        outcome.message = s.error();
                    } else {
                        outcome.activated = true;
                        event(QStringLiteral("adapter '%1' is now the project's active adapter").arg(name));
                    }
                } else if (outcome.status != kRunFinished) {
                    event(QStringLiteral("adapter '%1' was saved but not activated: the run %2")
                              .arg(name, outcome.status == kRunStopped ? QStringLiteral("was stopped")
                                         : outcome.status == kRunPaused ? QStringLiteral("was paused by a guard")
                                                                        : QStringLiteral("failed")),
                          TrainEventLevel::Warning);
                }
            }
        }
    }

    m_run.status = outcome.status;
    m_run.finishedAt = QDateTime::currentDateTimeUtc();
    QJsonObject result = extra;
    result.insert(QStringLiteral("metrics"), outcome.metrics);
    result.insert(QStringLiteral("steps"), steps);
    result.insert(QStringLiteral("seconds"), outcome.seconds);
    if (!outcome.outputDir.isEmpty())
        result.insert(QStringLiteral("output_dir"), outcome.outputDir);
    if (!outcome.message.isEmpty())
        result.insert(QStringLiteral("message"), outcome.message);
    if (outcome.adapterId > 0)
        result.insert(QStringLiteral("adapter"), outcome.adapterName);
    m_run.result = result;
    if (Status s = store.updateRun(m_run); !s && outcome.status != kRunFailed) {
        outcome.status = QString(kRunFailed);
        outcome.message = s.error();
    }
    event(outcome.message.isEmpty() ? QStringLiteral("run %1 %2 after %3 steps").arg(m_run.id).arg(outcome.status).arg(steps)
                                    : outcome.message,
          outcome.status == kRunFinished || outcome.status == kRunStopped ? TrainEventLevel::Info
                                                                          : TrainEventLevel::Error,
          steps);
    return outcome;
}

Result<QString> currentRewardModelDir(Store &store)
{
    Result<QVector<RunRecord>> runs = store.runs(QString(kRunReward));
    if (!runs)
        return fail(runs.error());
    for (const RunRecord &run : *runs) {
        if (run.status != kRunFinished)
            continue;
        const QString dir = run.result.value(QStringLiteral("output_dir")).toString();
        if (!dir.isEmpty() && QFileInfo(QDir(dir).filePath(QStringLiteral("model.safetensors"))).isFile())
            return dir;
    }
    return fail(QStringLiteral("%1 has no trained reward model yet; train one with: rlhf-lab-cli train reward --db %1")
                    .arg(store.path()));
}

QString voteSnapshotHash(const QVector<VoteRecord> &votes, const VoteSelection &selection)
{
    QVector<const VoteRecord *> sorted;
    sorted.reserve(votes.size());
    for (const VoteRecord &v : votes)
        sorted << &v;
    std::sort(sorted.begin(), sorted.end(), [](const VoteRecord *a, const VoteRecord *b) { return a->id < b->id; });
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QJsonDocument(selection.toJson()).toJson(QJsonDocument::Compact));
    for (const VoteRecord *v : sorted) {
        const QByteArray line = QByteArray::number(v->id) + ' ' + QByteArray::number(v->pairId) + ' '
                                + QByteArray::number(v->annotatorId) + ' ' + voteChoiceToString(v->choice).toLatin1()
                                + ' ' + v->createdAt.toUTC().toString(Qt::ISODateWithMs).toLatin1() + '\n';
        hash.addData(line);
    }
    return QString::fromLatin1(hash.result().toHex().left(16));
}

} // namespace lab
