#pragma once
// The pieces of a PPO iteration that touch the models (internal to the PPO trainer; LibTorch):
// the prompt order, the per-token pass over sampled responses (log-probs, entropy, values), the
// reward model's scores and the sampling generator's state for checkpoints.
#include "core/common/result.h"
#include "core/model/heads.h"
#include "core/model/llama.h"
#include "core/text/tokenizer.h"

#include <ATen/core/Generator.h>
#include <torch/types.h>

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <map>
#include <vector>

namespace lab {

class Store;

// Prompts in an order that is a pure function of (seed, position): epoch e of the incident list
// is a shuffle seeded by (seed, e), iteration i takes positions [i B, (i + 1) B). Each incident's
// prompt (promptTokens(), as `explain` builds it) is built once, when first drawn.
class PromptSource
{
public:
    PromptSource(Store &store, const Tokenizer &tokenizer, std::vector<qint64> incidents, int budget, quint64 seed);
    Result<std::vector<std::vector<std::int64_t>>> batch(qint64 iteration, int size);

private:
    Store &m_store;
    const Tokenizer &m_tokenizer;
    std::vector<qint64> m_incidents;
    int m_budget;
    quint64 m_seed;
    qint64 m_epoch = -1;
    std::vector<qint64> m_order;
    std::map<qint64, std::vector<std::int64_t>> m_cache;
};

// Per response token (flattened over the rows, in row order): the log-prob of the sampled token
// under the tempered policy, the entropy of that distribution and the value head's estimate, all
// read at the position that predicts the token.
struct TokenPass
{
    torch::Tensor logprobs; // [M]
    torch::Tensor entropy;  // [M] (undefined unless asked for)
    torch::Tensor values;   // [M] (undefined without a head)
};

// sequences = prompt + response; one packed forward (no padding work). Differentiable unless
// called under NoGradGuard; the value head reads detached hidden states unless valueGradToPolicy.
TokenPass tokenPass(LlamaForCausalLMImpl &model, ScalarHeadImpl *head,
                    const std::vector<std::vector<std::int64_t>> &sequences,
                    const std::vector<std::int64_t> &promptLengths, double temperature,
                    const torch::Device &device, bool wantEntropy, bool valueGradToPolicy);

// The reward model's score of each whole sequence (prompt + response), read at its last token.
// [B] double on the CPU.
torch::Tensor scoreSequences(LlamaRewardModelImpl &rm, const std::vector<std::vector<std::int64_t>> &sequences,
                             const torch::Device &device);

// A CPU generator's state as bytes, and back (for exact resume).
QByteArray generatorState(at::Generator &generator);
void setGeneratorState(at::Generator &generator, const QByteArray &bytes);

// The prompt budget `explain` uses: the context minus the new tokens, and no more than the prompts
// the model was trained on ("lab_prompt_tokens" in its config.json).
int promptBudget(const QString &modelDir, int context, int maxNewTokens);

} // namespace lab
