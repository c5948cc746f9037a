#pragma once
// The simulated engineer as a named annotator: `label auto --annotator NAME` lets several
// simulated engineers (different names, seeds and noise) vote on one project, so the agreement
// figures have something to measure. Each vote carries the labeling tags the engineer's judgement
// of the two explanations supports (root_cause_right, blames_symptom, blames_noise, hallucination,
// unsafe_action, too_verbose, generic).
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/logs/identifier_evidence.h"
#include "core/synth/simulated_engineer.h"
#include "core/synth/synth_project.h"

#include <QString>
#include <QStringList>

namespace lab {

class Store;

// Tag ids shared with the labeling screen (VoteRecord::tags).
inline constexpr QLatin1String kTagRootCauseRight{"root_cause_right"};
inline constexpr QLatin1String kTagBlamesSymptom{"blames_symptom"};
inline constexpr QLatin1String kTagBlamesNoise{"blames_noise"};
inline constexpr QLatin1String kTagHallucination{"hallucination"};
inline constexpr QLatin1String kTagUnsafeAction{"unsafe_action"};
inline constexpr QLatin1String kTagTooVerbose{"too_verbose"};
inline constexpr QLatin1String kTagGeneric{"generic"};

// One incident's log prepared for judging and tagging: the whole log, its irrelevant (noise)
// lines and its root-cause lines, each indexed once however many explanations are checked.
struct TaggingEvidence
{
    LogEvidence log;
    LogEvidence noise;
    LogEvidence cause;
    static TaggingEvidence of(const QString &log, const synth::GroundTruth &truth);
};

// What the engineer notices about one explanation, as tag ids (root_cause_right is the only
// praise; the rest are faults).
QStringList explanationTags(const QString &explanation, const synth::Judgement &judgement,
                            const synth::GroundTruth &truth, const TaggingEvidence &evidence);

// The tags of a vote: for A/B verdicts, root_cause_right when the chosen one has it plus the
// rejected one's faults (why it lost); for tie and both-bad, the faults of either.
QStringList voteTags(synth::Verdict verdict, const QStringList &tagsA, const QStringList &tagsB);

struct AutoLabelOptions
{
    QString annotator = QString::fromLatin1(synth::kSimulatedEngineerName);
    double noise = 0.1;
    quint64 seed = 1;
    qint64 limit = -1; // at most this many pairs; -1: all
};

// The simulated engineer votes, as annotator `options.annotator` (created as a simulated annotator if
// missing), on every pair it has not voted on yet, with tags. Each pair's draws come from
// (seed, pair id), so a database and seed give the same votes whatever the order. Votes are
// committed in batches of kAutoLabelBatch, so that a person voting in the GUI on the same
// database waits for one short batch, never for the whole run; a cancelled or failed run keeps
// the batches before it and a rerun goes on from there. Pairs of incidents without ground truth
// are skipped and counted.
inline constexpr int kAutoLabelBatch = 200;
Result<synth::LabelSummary> autoLabelAs(Store &store, const AutoLabelOptions &options,
                                        const ProgressCallback &progress = {});

} // namespace lab
