#pragma once
// Using a trained reward model (Torch-free edge): score token sequences with it, and measure its
// pairwise accuracy on any TRL-format preference file ({"prompt","chosen","rejected"} per line),
// so it can be tried on pairs nobody trained it on (`rlhf-lab-cli reward eval`).
//
// A prompt is read the way the model was trained: a prompt that ends with the "### Explanation:"
// cue (what `prefs export` writes) is tokenized as it is after BOS; when that does not fit the
// model's prompt budget, or the text has no cue, it is taken as a log and promptTokens() builds
// the prompt from it (digest within the budget, then the cue). Chosen and rejected are the
// explanations' tokens followed by EOS, the whole cut to the context.
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/text/tokenizer.h"

#include <QJsonObject>
#include <QString>
#include <QVector>
#include <cstdint>
#include <memory>
#include <vector>

namespace lab {

class Store;

// A reward model folder (saveRewardModel + tokenizer.model) ready to score.
class RewardScorer
{
public:
    // `device`: "auto", "cpu", "cuda"... (core/model/device.h).
    static Result<RewardScorer> load(const QString &dir, const QString &device = QStringLiteral("cpu"));

    const Tokenizer &tokenizer() const;
    int promptBudget() const;  // prompt tokens the model was trained with
    int contextTokens() const; // prompt + explanation + EOS are cut to this
    QString dir() const;

    // The prompt ids for a prompt text (see the file comment).
    std::vector<std::int64_t> promptIds(const QString &prompt) const;
    // prompt + explanation tokens + EOS, cut to the context (the explanation is cut, never the prompt).
    std::vector<std::int64_t> sequence(const std::vector<std::int64_t> &prompt,
                                       const QString &explanation) const;

    // One reward per sequence (read at its last token), packed in batches of about
    // `batchTokens` tokens, no gradients. Cancel via `progress` (done/total sequences).
    Result<std::vector<double>> score(const std::vector<std::vector<std::int64_t>> &sequences,
                                      const ProgressCallback &progress = {},
                                      std::int64_t batchTokens = 8192) const;

private:
    struct Impl;
    std::shared_ptr<Impl> d;
};

struct RewardEvalReport
{
    QString modelDir;
    qint64 pairs = 0;    // pairs scored
    qint64 correct = 0;  // r(chosen) > r(rejected)
    double accuracy = 0.0;
    double meanMargin = 0.0; // mean of r(chosen) - r(rejected)
    QStringList badLines;    // "line 7: no \"rejected\" text", at most 20 kept
    qint64 badLineCount = 0;
    double seconds = 0.0;

    QJsonObject toJson() const; // {"pairs","accuracy","correct","mean_margin","bad_lines",...}
};

// Pairwise accuracy of the reward model in `modelDir` on a TRL jsonl file. Lines that are not
// such an object are counted and named by number; a file with no pair at all is an error.
Result<RewardEvalReport> evaluateRewardPairs(const QString &modelDir, const QString &pairsPath,
                                             const QString &device = QStringLiteral("cpu"),
                                             const ProgressCallback &progress = {});

// The same with the project's current reward model (currentRewardModelDir); without one the
// error says how to train it.
Result<RewardEvalReport> evaluateRewardPairs(Store &store, const QString &pairsPath,
                                             const QString &device = QStringLiteral("cpu"),
                                             const ProgressCallback &progress = {});

} // namespace lab
