#pragma once
// The bookkeeping one session of a preference run does, whatever the trainer (Torch-free):
//   - records the run (kind, resolved settings, vote selection, vote snapshot hash) or reopens the
//     run being resumed, refusing to resume on different votes;
//   - gives the run its folder (runs/<kind>-<id>/ next to the database): checkpoint/ and the
//     output (reward_model/ or adapter/);
//   - report(): appends the step's metric points to the database, runs the guards, computes the
//     ETA and calls the caller's progress callback; says whether to go on;
//   - finish(): writes status, result and final metrics; for DPO/PPO registers the adapter and
//     activates it only when the run finished well.
#include "core/train/train_run.h"
#include "core/train/training_guards.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QMap>

namespace lab {

class RunSession
{
public:
    // Records a new run, or reopens job.resumeRunId (same kind; its voteSnapshot must equal
    // `voteSnapshot`). `config` is the resolved settings (resolveTrainConfig).
    static Result<std::unique_ptr<RunSession>> begin(const TrainJob &job, const QJsonObject &config,
                                                     const QString &voteSnapshot,
                                                     const TrainCallbacks &callbacks,
                                                     GuardOptions guards = {});

    qint64 runId() const { return m_run.id; }
    bool resumed() const { return m_resumed; }
    const QJsonObject &config() const { return m_run.config; }
    Store &store() const { return *m_job.store; }
    const TrainJob &job() const { return m_job; }
    QString runDir() const;        // created by begin()
    QString checkpointDir() const; // runDir/checkpoint (may not exist yet)
    QString outputDir() const;     // runDir/reward_model for reward runs, runDir/adapter otherwise

    // The step a resumed session starts from and the wall seconds spent before it; the trainer
    // calls this after reading its checkpoint so ETA and seconds continue.
    void setResumePoint(qint64 step, double secondsBefore);

    // After a logged step: stores the points, checks the guards, calls onProgress. Returns false
    // when the run must end now: the user stopped it (stopRequested()) or a guard tripped
    // (guardMessage()). Database errors are raised as events and end the run as failed.
    bool report(qint64 step, qint64 steps, const QVector<MetricPoint> &points);
    bool stopRequested() const { return m_stopRequested; }
    const QString &guardMessage() const { return m_guardMessage; }
    const QString &failure() const { return m_failure; }

    void event(const QString &message, TrainEventLevel level = TrainEventLevel::Info, qint64 step = -1);

    // Last reported value of each metric (DESIGN.md names).
    QJsonObject lastMetrics() const;
    double seconds() const;

    // Ends the session: the status is failed if `error` is set, else paused if a guard tripped,
    // else stopped if the user stopped it, else finished. `outputDir` (may be empty) is what the
    // run wrote. For DPO/PPO with an output, the adapter is registered (name job.adapterName or
    // "<kind>-<id>"), and activated when finished and job.activate. `extra` goes into the run's
    // result next to the metrics.
    TrainOutcome finish(qint64 steps, const QString &outputDir, const QString &error = {},
                        const QJsonObject &extra = {});

private:
    RunSession() = default;

    TrainJob m_job;
    TrainCallbacks m_callbacks;
    RunRecord m_run;
    TrainingGuards m_guards;
    QElapsedTimer m_clock;
    double m_secondsBefore = 0.0;
    qint64 m_startStep = 0;
    // ETA from the pace since the first report after (re)starting: loading the data and the
    // model before it, and time the progress callback held the worker (a paused GUI run), are
    // not training and would make the estimate too long.
    qint64 m_paceFromStep = -1;
    qint64 m_paceFromMs = 0;
    qint64 m_heldMs = 0;
    qint64 m_lastStep = 0;
    bool m_resumed = false;
    bool m_stopRequested = false;
    QString m_guardMessage;
    QString m_failure;
    QMap<QString, double> m_last;
};

// The folder of the reward model the project uses now: the output of its newest reward run that
// finished. Empty when there is none (the error says how to train one).
Result<QString> currentRewardModelDir(Store &store);

// A short hash of the selected A/B votes (ids, pairs, verdicts, times) and the selection itself:
// recorded with a run and checked on resume.
QString voteSnapshotHash(const QVector<VoteRecord> &votes, const VoteSelection &selection);

} // namespace lab
