#pragma once
// Candidate generation: the current model (with the project's active adapter) samples two
// explanations of each incident that has no pair yet, and the two become a pair for engineers
// (or the simulated engineer) to vote on. This is how the labeling queue fills with the model's
// own outputs once it has been trained, instead of the synthetic styles.
//
// Torch-free header, like explainer.h.
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/explain/explainer.h"

#include <QString>
#include <QVector>
#include <memory>

namespace lab {

class Store;

struct CandidateOptions
{
    qint64 limit = -1;       // incidents at most; -1: every incident without a pair
    quint64 seed = 1;        // each batch draws from a seed mixed from this and its first incident id
    int batchSize = 8;       // incidents per batched generation and per transaction (2 rows each)
    ExplainSettings settings; // sampling (greedy is refused: both candidates would be the same);
                              // settings.seed is ignored in favour of the per-batch seeds
    qint64 adapterId = 0;    // the store's adapter the explainer carries (provenance); 0: base model
    QString heldOutStatus = QStringLiteral("held_out"); // incidents kept for evaluation are skipped
};

struct CandidateSummary
{
    int incidents = 0;    // incidents that got a pair
    int explanations = 0; // 2 per incident
    int pairs = 0;
    int skipped = 0;      // incidents without a log, or paired meanwhile by another process
    int resampled = 0;    // candidates drawn again because both came out the same
    qint64 newTokens = 0; // generated tokens, stored explanations only
    double seconds = 0.0;
    bool cancelled = false; // stopped through the progress callback; finished batches are kept
};

// The explainer a project's candidates come from: `modelDir` with the store's active adapter
// (Store::activeAdapter(), a PEFT folder), or the base model when none is active.
struct StoreExplainer
{
    std::unique_ptr<Explainer> explainer;
    qint64 adapterId = 0;
    QString adapterName;
};
Result<StoreExplainer> loadExplainerForStore(Store &store, const QString &modelDir);

// Incidents (ids, ascending) that have no pair yet and are not held out.
Result<QVector<qint64>> incidentsWithoutPairs(Store &store, qint64 limit = -1,
                                              const QString &heldOutStatus = QStringLiteral("held_out"));

// Samples two explanations for each incident without a pair (batched: batchSize incidents, two
// rows each, per generation), stores both as ExplanationRecords (model name, adapterId, meta:
// settings, seed, tokens, seconds, digest lines) and their PairRecord, one transaction per batch:
// a cancel or a crash loses at most the batch in flight. `progress` gets (incidents done, total)
// after each committed batch; returning false stops there (summary.cancelled).
Result<CandidateSummary> generateCandidates(Store &store, Explainer &explainer, const CandidateOptions &options,
                                            const ProgressCallback &progress = {});

} // namespace lab
