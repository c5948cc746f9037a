#pragma once
// The preference pairs a reward model or DPO trains on, read from the project's votes: every
// a_better / b_better vote (ties, both-bad and skips are not pairs) becomes (prompt, chosen,
// rejected) in tokens. The prompt is the one `explain` builds (promptTokens(): BOS, the log's
// digest, "### Explanation:"); chosen and rejected are the explanations' tokens followed by EOS.
// Pairs are split into train and held-out BY INCIDENT (never by pair), deterministically from
// the seed, so no incident's log is seen in both. Incidents kept for evaluation (status
// "held_out") are never read.
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/train/train_run.h"

#include <cstdint>
#include <vector>

namespace lab {

class Store;
class Tokenizer;

struct PreferenceOptions
{
    int promptTokens = 352;   // budget of BOS + digest + cue (the SFT and explain budget)
    int contextTokens = 512;  // prompt + explanation + EOS are cut to this
    double heldOutFraction = 0.1; // share of incidents whose pairs are held out for evaluation
    quint64 seed = 1;
    QString evalStatus = QStringLiteral("held_out"); // incidents with this status are never read
};

struct PreferenceExample
{
    qint64 voteId = 0;
    qint64 pairId = 0;
    qint64 incidentId = 0;
    std::vector<std::int64_t> prompt;   // BOS ... "### Explanation:" cue
    std::vector<std::int64_t> chosen;   // explanation tokens + EOS (cut to fit the context)
    std::vector<std::int64_t> rejected; // idem
};

struct PreferenceData
{
    std::vector<PreferenceExample> train;
    std::vector<PreferenceExample> heldOut;
    QString snapshot;     // voteSnapshotHash of the votes used
    qint64 votes = 0;     // votes read after the selection
    qint64 ties = 0;      // left out
    qint64 bothBad = 0;   // left out
    qint64 skips = 0;     // left out
    qint64 noLog = 0;     // left out: the incident has no log
    qint64 incidents = 0; // distinct incidents with a pair
    QString describe() const; // "1,840 pairs from 300 incidents (train 1,650, held out 190); 210 ties, ..."
};

// Reads the selected votes and tokenizes each incident once. Cancel via `progress`.
Result<PreferenceData> loadPreferences(Store &store, const Tokenizer &tokenizer,
                                       const VoteSelection &selection,
                                       const PreferenceOptions &options = {},
                                       const ProgressCallback &progress = {});

// Whether an incident falls in the held-out share for this seed (a hash, stable across runs).
bool heldOutIncident(qint64 incidentId, double fraction, quint64 seed);

} // namespace lab
