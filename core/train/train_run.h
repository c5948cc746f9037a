#pragma once
// What every preference trainer (reward model, DPO, PPO) shares at its Torch-free edge, so the CLI
// and the GUI's training controller start, watch, pause and stop any of them the same way:
//   - a TrainJob names the project, the kind, the settings (JSON, unknown keys refused), which
//     votes to train on and whether to resume an earlier run;
//   - progress comes back as metric points under the names of DESIGN.md, after each logged step;
//   - the outcome says how the run ended (finished, stopped, paused by a guard, failed) and what
//     it left behind (reward model folder, LoRA adapter).
// runTraining() dispatches on the kind; each trainer also has its own entry point
// (reward_trainer.h, dpo_trainer.h, ppo_trainer.h).
#include "core/common/result.h"
#include "core/store/records.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>
#include <functional>
#include <memory>

namespace lab {

class Store;

// Which votes a run trains on. Ties, both-bad and skips never make a pair.
struct VoteSelection
{
    QString annotator; // only this annotator's votes; empty: everyone's
    QDateTime since;   // only votes created at or after; invalid: all

    QJsonObject toJson() const;
    static Result<VoteSelection> fromJson(const QJsonObject &json);
    QString describe() const; // "all votes", "votes by alice since 2026-11-01 10:00"
};

// One setting of a trainer, for config files, tooltips and the GUI's form.
struct TrainParam
{
    QString key;          // JSON key: "learning_rate"
    QString label;        // short English label: "Learning rate" (the GUI translates its own)
    QString help;         // one or two sentences: what it does and when to change it
    QVariant defaultValue; // double, int (qint64), bool or QString
    double minimum = 0.0; // for numbers
    double maximum = 0.0;
    QStringList choices;  // for strings with a fixed set of values ("sigmoid", "ipo", "robust")
    bool advanced = false; // hidden behind "More settings" in the GUI
};

struct TrainJob
{
    std::shared_ptr<Store> store;
    QString kind;       // kRunReward, kRunDpo, kRunPpo
    QJsonObject config; // the trainer's settings: missing keys take their defaults, unknown keys fail
    VoteSelection votes;
    QString modelDir;     // base model folder; empty: defaultModelDir()
    qint64 resumeRunId = 0; // > 0: continue that run from its last checkpoint (same kind)
    QString device = QStringLiteral("auto");
    QString adapterName;   // DPO/PPO: the adapter's name; empty: "<kind>-<run id>"
    bool activate = true;  // DPO/PPO: make the adapter active when the run finishes well
    QString runsDir;       // where run folders go; empty: "runs" next to the database
};

struct TrainProgress
{
    qint64 runId = 0;
    qint64 step = 0;  // steps done (1-based)
    qint64 steps = 0; // planned
    double seconds = 0.0;    // wall time of this run so far (earlier sessions of a resumed run included)
    double etaSeconds = -1.0; // < 0: unknown yet
    QVector<MetricPoint> metrics; // points logged at this step, DESIGN.md names
};

enum class TrainEventLevel { Info, Warning, Error };

struct TrainEvent
{
    TrainEventLevel level = TrainEventLevel::Info;
    qint64 step = 0;
    QString message; // plain English for the event log: "checkpoint written at step 200"
};

struct TrainCallbacks
{
    // After each logged step. Return false to stop: a checkpoint is written, the run is kept as
    // "stopped" and can be resumed; no adapter is activated.
    std::function<bool(const TrainProgress &)> onProgress;
    // Stages, checkpoints, evaluations, guard trips, warnings.
    std::function<void(const TrainEvent &)> onEvent;
};

struct TrainOutcome
{
    qint64 runId = 0;
    QString kind;
    QString status;  // kRunFinished, kRunStopped, kRunPaused (a guard tripped), kRunFailed
    QString message; // why it paused or failed; empty when it finished
    qint64 steps = 0;       // steps done in total
    qint64 resumedFrom = 0; // step the session started from (0: fresh)
    double seconds = 0.0;
    QJsonObject metrics;    // last value of each metric, DESIGN.md names
    QString outputDir;      // reward model folder or adapter folder (PEFT layout); empty if none
    qint64 adapterId = 0;   // DPO/PPO: the adapter registered for this run (0: none)
    QString adapterName;
    bool activated = false; // the adapter became the project's active one
    QString voteSnapshot;

    QJsonObject toJson() const; // {"run_id","kind","status","message","steps",...,"metrics":{...}}
};

// One setting, for the trainers' parameter tables (reward_params.cpp, dpo_params.cpp,
// ppo_params.cpp); label and help are QT_TRANSLATE_NOOP("lab::TrainParam", ...) literals.
TrainParam trainParam(const char *key, const char *label, const char *help, QVariant value, double min = 0,
                      double max = 0, bool advanced = false);

// The settings a kind understands, with their defaults (empty for an unknown kind).
QVector<TrainParam> trainParams(const QString &kind);
// The kinds runTraining() can start, in GUI order.
QStringList trainKinds();

// Runs a whole training session on the calling thread (the GUI calls it from its worker).
// Errors of the job itself (unknown kind or key, no votes, unreadable model) come back as an
// error before any run is recorded; a failure after the run started is recorded and comes back
// as an outcome with status "failed".
Result<TrainOutcome> runTraining(const TrainJob &job, const TrainCallbacks &callbacks = {});

// Settings from JSON for a list of parameters: fills defaults, checks types, ranges and choices,
// refuses unknown keys ("unknown setting 'lerning_rate' (known: ...)"). Used by every trainer.
Result<QJsonObject> resolveTrainConfig(const QVector<TrainParam> &params, const QJsonObject &given);

} // namespace lab
