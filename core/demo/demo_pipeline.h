#pragma once
// The whole alignment loop in one call, on the bundled default model, from an empty project:
//   incidents    synthetic incidents with ground truth (template pairs), incidents whose pairs the
//                model writes, and held-out incidents nobody trains or votes on;
//   candidates   lab-tiny samples two explanations for each of the model's incidents;
//   votes        the simulated engineer votes on every pair (noise 0.1);
//   reward       a reward model on the A/B votes;
//   dpo          a DPO adapter on the same votes;
//   ppo          a PPO adapter against the reward model;
//   evaluation   base, DPO and PPO explain the held-out incidents and are judged;
//   report       DIR/report.json (the DESIGN.md shape) and, by core/eval's report writer,
//                DIR/evaluation/{report.html, rows.csv, report.json} with every explanation.
// `rlhf-lab-cli demo` and the GUI's "Run the Full Demo" both call runDemo(); the sizes of
// DemoSettings::full() are chosen so the whole run stays under 15 minutes on 2 cores.
//
// Why template pairs as well as the model's own: lab-tiny invents an identifier in nearly every
// explanation that names the right cause, so the simulated engineer judges almost every pair of
// two lab-tiny samples "both bad", which is no preference at all. The template pairs (good vs a
// bad style) carry the signal; the model's pairs are voted too and counted apart, so the report
// shows how few of them became preferences.
//
// Torch-free header: the GUI includes it.
#include "core/common/result.h"
#include "core/eval/eval_compare.h"
#include "core/eval/model_eval.h"
#include "core/train/train_run.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>

namespace lab {

struct DemoSettings
{
    quint64 seed = 1;
    int incidents = 0;      // synthetic incidents with template pairs (3 pairs each)
    int modelIncidents = 0; // incidents whose one pair lab-tiny writes (no template pairs)
    int heldOut = 0;        // evaluation-only incidents (status held_out, no pairs)
    double noise = 0.1;     // the simulated engineer's share of flipped votes
    ExplainSettings candidateSettings; // lab-tiny's sampling for its candidate pairs
    QJsonObject rewardConfig;          // trainer settings (train_run.h), unknown keys fail
    QJsonObject dpoConfig;
    QJsonObject ppoConfig;
    ExplainSettings evalSettings; // the same for base, DPO and PPO (same seed: same draws)
    QString modelDir;             // empty: defaultModelDir() (lab-tiny)
    QString runsDir;              // empty: "<database name>-runs" next to the database
    QString device = QStringLiteral("auto");

    // The demo of the issue: under 15 minutes on 2 cores.
    static DemoSettings full();
    // A shortened run for CI and a first look (about 2 minutes on 2 cores): the same stages on
    // fewer incidents and steps. Its numbers show the loop works, not that alignment helped.
    static DemoSettings quick();
    QJsonObject toJson() const;
};

// The stages in order; DemoProgress::stage and the callbacks index this list.
struct DemoStage
{
    QString id;    // "incidents", "candidates", "votes", "reward", "dpo", "ppo", "evaluation", "report"
    QString title; // "Synthetic incidents", ... (English; the GUI translates its own)
    double weight; // share of the full demo's time it took when measured (sums to 1)
};
const QVector<DemoStage> &demoStages();

struct DemoProgress
{
    int stage = 0;       // index into demoStages()
    qint64 done = 0;     // within the stage (steps, incidents, explanations)
    qint64 total = 0;    // 0: unknown
    double overall = 0;  // 0..1 over the whole demo, weighted by DemoStage::weight
    double seconds = 0;  // since the demo started
    QString detail;      // "step 40/150  loss 0.41  eval/accuracy 0.83"
};

struct DemoCallbacks
{
    // Often (throttle before drawing). Return false to stop: the stage in flight ends at its next
    // step and runDemo() fails with "stopped"; what was stored so far stays in the database.
    std::function<bool(const DemoProgress &)> onProgress;
    // A stage starts (finished false, summary empty) or ends (finished true, one-line summary).
    std::function<void(int stage, bool finished, const QString &summary)> onStage;
    // Warnings and notable trainer events ("checkpoint written...", guard trips).
    std::function<void(const QString &message)> onMessage;
};

struct DemoVoteCounts
{
    int pairs = 0;
    int votes = 0;
    int preferences = 0; // a_better or b_better: what the reward model and DPO train on
    int ties = 0;
    int bothBad = 0;
    QJsonObject toJson() const;
};

struct DemoModelResult
{
    QString name;     // "base", "dpo", "ppo"
    QString adapter;  // adapter name; empty for the base model
    QString adapterDir;
    ModelEvalReport report;
};

struct DemoResult
{
    QString database;
    QString outDir;
    int incidents = 0;
    int modelIncidents = 0;
    int heldOut = 0;
    DemoVoteCounts templatePairs; // pairs of the synthetic styles
    DemoVoteCounts modelPairs;    // pairs lab-tiny wrote
    TrainOutcome reward;
    TrainOutcome dpo;
    TrainOutcome ppo;
    double rewardAccuracy = 0.0; // the reward model's eval/accuracy on held-out votes
    QVector<DemoModelResult> models; // base, dpo, ppo
    QVector<ModelComparison> comparisons; // dpo vs base, ppo vs base: win rate, regressions
    QString htmlReport;                   // DIR/evaluation/report.html
    QVector<double> stageSeconds;    // per demoStages() entry
    double seconds = 0.0;
    DemoSettings settings;

    // {"seconds","reward_model":{"eval/accuracy",...},"base":{metrics},"dpo":{..},"ppo":{..},
    //  "per_kind":{"base":{kind:{metrics}},...},"pairs":{...},"stages":[...],"settings":{...}}
    QJsonObject toJson() const;
    // The before/after table: one row per model, the DESIGN.md evaluation measures as columns,
    // and each adapter's win rate over the base with its 95% bootstrap interval.
    QString table() const;
};

// Runs the demo into the database at `dbPath`, which must be new or hold no incidents (the demo
// never mixes itself into someone's work; the error says what to do instead). `outDir` gets
// report.json and evaluation/ (HTML, CSV and JSON of every held-out explanation with its
// verdicts); empty: "<database name>-report" next to the database.
Result<DemoResult> runDemo(const QString &dbPath, const QString &outDir, const DemoSettings &settings,
                           const DemoCallbacks &callbacks = {});

} // namespace lab
