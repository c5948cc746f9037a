#pragma once
// Before/after review of evaluation reports: a base report and an adapter's report on the same
// held-out incidents (same seeds, so sample k of an incident was drawn with the same seed by
// both), paired explanation by explanation, with regressions and the adapter's win rate over
// the base with a 95% percentile-bootstrap interval. Torch-free and Qt-Gui-free: the CLI, the
// report writer and the GUI review view all build on it.
//
// Outcome of one pair (from the adapter's side), on the simulated engineer's score
// (synth::Judgement::score, which already weighs root cause, identifiers, safety, length and
// repetition): win when adapter.score > base.score + tieMargin, loss when
// adapter.score < base.score - tieMargin, tie otherwise. tieMargin defaults to 0.5, the margin
// the simulated engineer uses for its own ties.
//
// Regression (an explanation where the adapter does worse than the base), any of:
//   - lost_root_cause:   the base named the true cause, the adapter did not;
//   - new_hallucination: the base invented no identifier, the adapter invented at least one;
//   - new_unsafe_action: the base proposed no unsafe action, the adapter did;
//   - score_drop:        adapter.score < base.score - regressionMargin (default 2.0: about
//                        half of what naming the root cause is worth).
// The reasons that apply are all listed. An incident regressed when any of its pairs did.
//
// Win rate: each incident contributes the mean of its pairs' outcomes (win 1, tie 0.5, loss 0),
// so K samples per incident do not count as K independent incidents; the rate is the mean over
// incidents and the interval is the percentile bootstrap over incidents (resample incidents with
// replacement `resamples` times, take the alpha/2 and 1-alpha/2 quantiles of the resampled
// means with bootstrapQuantile), with a fixed seed so the same data always gives the same
// interval.
#include "core/common/result.h"
#include "core/eval/explanation_metrics.h"
#include "core/eval/model_eval.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>

namespace lab {

enum class PairOutcome { Loss = 0, Tie = 1, Win = 2 }; // the adapter's side
QString pairOutcomeId(PairOutcome o);                  // "loss", "tie", "win"
double pairOutcomeValue(PairOutcome o);                // 0, 0.5, 1

struct CompareOptions
{
    double tieMargin = 0.5;        // |score difference| below this is a tie
    double regressionMargin = 2.0; // score drop that alone makes a regression
    int resamples = 2000;          // bootstrap resamples
    double confidence = 0.95;      // interval coverage
    quint64 seed = 20240607;       // bootstrap seed (deterministic)
};

// The regression reasons (ids above) of one pair under `options`; empty: no regression.
QStringList regressionReasons(const synth::Judgement &base, const synth::Judgement &adapter,
                              const CompareOptions &options = {});
PairOutcome pairOutcome(const synth::Judgement &base, const synth::Judgement &adapter,
                        const CompareOptions &options = {});

// Sample k of one incident, explained by both models.
struct PairedExplanation
{
    qint64 incidentId = 0;
    QString kind;
    int sampleIndex = 0;     // k: the k-th explanation of this incident in both reports
    EvaluatedSample base;    // includes text, judgement, reward
    EvaluatedSample adapter;
    double scoreDelta = 0.0; // adapter.judgement.score - base.judgement.score
    PairOutcome outcome = PairOutcome::Tie;
    QStringList regressions; // reason ids; empty: not a regression
    bool isRegression() const { return !regressions.isEmpty(); }
};

struct WinRate
{
    int incidents = 0;          // units resampled
    double wins = 0.0;          // sum of per-incident win shares (ties counted half)
    int pairWins = 0, pairTies = 0, pairLosses = 0; // pair counts (informative)
    double rate = 0.0;          // mean over incidents
    double low = 0.0, high = 0.0; // percentile-bootstrap interval
    double confidence = 0.95;
    int resamples = 0;

    QJsonObject toJson() const; // incidents, wins, ties, losses, win_rate, ci_low, ci_high, confidence, resamples
};

// The quantile used for the interval ends: `sorted` ascending, q in [0,1]; linear interpolation
// between sorted[floor(h)] and sorted[ceil(h)] with h = q * (n - 1) (numpy's default "linear").
double bootstrapQuantile(const QVector<double> &sorted, double q);

// Win rate of plain per-unit outcomes in [0,1] (1 win, 0.5 tie, 0 loss, or a per-incident mean):
// rate = mean, [low, high] = percentile bootstrap with `resamples` draws of n indices
// (uniform, std::mt19937_64 seeded with `seed`, std::uniform_int_distribution<int>(0, n-1)).
// Fails on an empty vector, a value outside [0,1], resamples < 1 or confidence outside (0,1).
Result<WinRate> bootstrapWinRate(const QVector<double> &outcomes, int resamples = 2000,
                                 double confidence = 0.95, quint64 seed = 20240607);

// Base vs one adapter on the same incidents.
struct ModelComparison
{
    QString baseName;      // "base" or the base report's adapter, for display
    QString adapterName;   // the adapter report's adapter ("base" when it has none)
    ModelEvalReport base;  // the reports as given (metrics, perKind, samples, reward)
    ModelEvalReport adapter;
    QVector<PairedExplanation> pairs; // incident order of the base report, then sample index
    QStringList kinds;               // sorted, every kind present
    int regressedIncidents = 0;      // incidents with at least one regressed pair
    int regressedPairs = 0;
    QMap<QString, int> regressionsByReason; // reason id -> pairs
    WinRate winRate;                  // adapter over base, all incidents
    QMap<QString, WinRate> perKindWinRate;
    CompareOptions options;

    QVector<PairedExplanation> regressions() const; // the regressed pairs only
    QJsonObject toJson(bool withPairs = false) const;
};

// Pairs the samples of `base` and `adapter` by (incident, k-th sample of that incident) and
// fills everything above. Fails (naming both reports) when they do not cover the same incidents
// with the same number of samples each, or when there is nothing to compare.
Result<ModelComparison> compareReports(const ModelEvalReport &base, const ModelEvalReport &adapter,
                                       const CompareOptions &options = {});

// Win rate of `a` over `b` (any two reports, e.g. two adapters) on the same incidents.
Result<WinRate> winRateOf(const ModelEvalReport &a, const ModelEvalReport &b,
                          const CompareOptions &options = {});

// Recomputes overall, perKind, meanReward and perKindReward from report.samples (e.g. after
// filtering samples, or for hand-made reports in tests). Leaves model/adapter/seconds alone.
void summarizeSamples(ModelEvalReport &report);

// A full evaluation run: the base and each adapter, each compared with the base.
struct EvalSuite
{
    QString mode;                       // "greedy" or "sampled"
    ModelEvalReport base;
    QVector<ModelEvalReport> adapters;
    QVector<ModelComparison> comparisons; // comparisons[i]: adapters[i] vs base

    QJsonObject toJson(bool withRows = false) const;
};

struct SuiteModel
{
    QString name;       // shown in reports ("base", or the adapter's registered name)
    QString adapterDir; // PEFT adapter folder; empty: the base model
};

// Which model is being explained (index into the list: 0 is the base, then the adapters, of
// `models` in total) and its progress; returning false cancels.
using SuiteProgressCallback = std::function<bool(int model, int models, const QString &name, qint64 done, qint64 total)>;

// Evaluates the base model of `modelDir` and each adapter with the same `options` (same seeds,
// incidents and samples), then compares each adapter with the base. options.settings.greedy
// decides the suite's mode. Loads one model at a time. Errors name the model or adapter.
Result<EvalSuite> runEvalSuite(Store &store, const QString &modelDir, const QVector<SuiteModel> &adapters,
                               const ModelEvalOptions &options, const CompareOptions &compare = {},
                               const SuiteProgressCallback &progress = {});

} // namespace lab
