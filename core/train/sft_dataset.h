#pragma once
// The SFT corpus: for each incident of a project, the prompt the model sees (BOS + the log's
// digest + "### Explanation:", built by the same code as `explain`) and the tokens of its styled
// explanations. A batch for step s is a pure function of (seed, s): incidents in a shuffled order
// per epoch, each with one style drawn from the mixture, so a resumed run sees the very batches
// the interrupted one would have seen.
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/train/style_mixture.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace lab {

class Store;
class Tokenizer;

struct SftDataOptions
{
    int contextTokens = 512;   // prompt + explanation + EOS are cut to this
    int promptTokens = 352;    // budget of BOS + digest + marker (explain uses the same)
    StyleMixture mixture = StyleMixture::baseModel();
    // Incidents with this status are never trained on (the evaluation's held-out set).
    QString heldOutStatus = QStringLiteral("held_out");
};

struct SftSequence
{
    std::vector<std::int64_t> tokens; // BOS, prompt, explanation, EOS (if it fitted)
    std::int64_t promptLength = 0;    // loss starts at the prediction of token promptLength
};

class SftDataset
{
public:
    // Reads every incident (but held-out ones) with at least one explanation in a style of the
    // mixture, digests its log and tokenizes prompt and explanations. Cancel via `progress`.
    static Result<SftDataset> fromStore(Store &store, const Tokenizer &tokenizer,
                                        const SftDataOptions &options,
                                        const ProgressCallback &progress = {});

    // The texts a new tokenizer is trained on: each incident's digest (estimated budget) and its
    // explanations in the mixture's styles.
    static Result<QStringList> tokenizerCorpus(Store &store, const SftDataOptions &options,
                                               const ProgressCallback &progress = {});

    qint64 incidentCount() const { return qint64(m_incidents.size()); }
    // The sequences of step `step` (batchSize of them), deterministic in (seed, step).
    std::vector<SftSequence> batch(qint64 step, int batchSize, quint64 seed) const;
    // A hash of what the dataset holds (incident ids, token counts, options): recorded with a
    // run so one can tell which data a checkpoint was trained on.
    QString snapshot() const { return m_snapshot; }
    const SftDataOptions &options() const { return m_options; }

private:
    struct Incident
    {
        qint64 id = 0;
        std::vector<std::int64_t> prompt;
        std::vector<QString> styles;                    // styles present, in mixture order
        std::vector<std::vector<std::int64_t>> answers; // explanation tokens + EOS, per style
        std::vector<double> weights;                    // cumulative mixture weights
    };
    // A permutation of the incidents, fresh for every epoch (cheap: a few thousand swaps).
    std::vector<qint64> epochOrder(qint64 epoch, quint64 seed) const;

    std::vector<Incident> m_incidents;
    SftDataOptions m_options;
    QString m_snapshot;
};

} // namespace lab
