#pragma once
// Writes the synthetic domain into a project database: incidents with their log and ground
// truth, one explanation per style, candidate pairs; and lets the simulated engineer vote on
// the open pairs.
#include "core/common/progress.h"
#include "core/common/result.h"

#include <QString>
#include <QVector>
#include <QtGlobal>

namespace lab {
class Store;
}

namespace lab::synth {

inline constexpr char kSimulatedEngineerName[] = "simulated-engineer";
inline constexpr char kSimulatedGuideline[] = "simulated-engineer/1";

struct SynthSummary
{
    int incidents = 0;
    int explanations = 0;
    int pairs = 0;
};

// Generates incidents 0..count-1 of `seed` and stores them in one transaction (nothing is left
// behind on error or cancel). Each incident gets 7 explanations (one per style, model empty)
// and 3 pairs: good vs two different bad styles, and one bad vs bad; the A/B order is random. The
// good-vs-bad pairs of one incident in ten are gold pairs (answer: the good side is better).
Result<SynthSummary> writeSyntheticIncidents(Store &store, quint64 seed, int count,
                                             const ProgressCallback &progress = {});

// Held-out incidents come from their own seed (the project's seed + this offset), so they are
// never copies of the incidents that are trained or voted on.
inline constexpr quint64 kHeldOutSeedOffset = 1000000;

// Incidents kept for evaluation: incidents 0..count-1 of `seed` + kHeldOutSeedOffset, marked
// held_out and left without pairs, so they never reach the labeling queue, the reward model or
// SFT. One transaction (it joins the caller's). Returns the new incidents' ids.
Result<QVector<qint64>> writeHeldOutIncidents(Store &store, quint64 seed, int count,
                                              const ProgressCallback &progress = {});

// Deletes the candidate pairs (and their votes) of these incidents.
Status deletePairsOf(Store &store, const QVector<qint64> &incidentIds);

struct LabelSummary
{
    int votes = 0;
    int aBetter = 0;
    int bBetter = 0;
    int ties = 0;
    int bothBad = 0;
    int flipped = 0;  // votes the noise changed
    int skipped = 0;  // open pairs without usable ground truth (imported incidents)
};

// The simulated engineer votes, as annotator "simulated-engineer", on every pair it has not voted
// on yet (at most `limit` of them; -1: all), with tags; autoLabelAs (auto_label.h) with that
// annotator, committed in batches. Each pair's randomness (noise,
// the side shown left) comes from (seed, pair id), so the same database and seed give the same
// votes whatever the order.
Result<LabelSummary> autoLabel(Store &store, double noise, quint64 seed, qint64 limit = -1,
                               const ProgressCallback &progress = {});

} // namespace lab::synth
