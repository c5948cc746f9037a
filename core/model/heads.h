#pragma once
// Scalar heads on the final hidden state: the reward model (HF LlamaForSequenceClassification
// with one label: submodules `model` and `score`, read at each sequence's last real token) and
// the PPO value head (one value per position).
#include "core/common/result.h"
#include "core/model/llama.h"

namespace lab {

// Linear(d, 1, bias=false): parameter `weight` [1, d].
class ScalarHeadImpl : public torch::nn::Module
{
public:
    explicit ScalarHeadImpl(std::int64_t hiddenSize);
    torch::Tensor forward(const torch::Tensor &hidden); // [B, T, d] -> [B, T]

    torch::Tensor weight;
};
TORCH_MODULE(ScalarHead);

// Index of each row's last real token: the largest t with mask[b, t] = 1 (works for left and
// right padding); rows without real tokens give 0. mask [B, T] -> [B] int64.
torch::Tensor lastTokenIndex(const torch::Tensor &attentionMask);
// values [B, T] read at lastTokenIndex -> [B].
torch::Tensor gatherLast(const torch::Tensor &values, const torch::Tensor &attentionMask);

class LlamaRewardModelImpl : public torch::nn::Module
{
public:
    explicit LlamaRewardModelImpl(const LlamaConfig &config);
    // One reward per sequence [B], read at the last real token.
    torch::Tensor forward(const torch::Tensor &ids, const torch::Tensor &attentionMask);
    // Rewards at every position [B, T].
    torch::Tensor perToken(const torch::Tensor &ids, const torch::Tensor &attentionMask);

    const LlamaConfig &config() const { return m_config; }

    LlamaModel model{nullptr};
    ScalarHead score{nullptr};

private:
    LlamaConfig m_config;
};
TORCH_MODULE(LlamaRewardModel);

// A reward model from a folder: either a saved reward model (config.json + weights with
// `score.weight`) or, with `allowNewHead`, a causal LM whose backbone is reused (lm_head is
// dropped and the head initialised N(0, 0.02) from `seed`).
Result<LlamaRewardModel> loadRewardModel(const QString &dir, bool allowNewHead = false,
                                         std::uint64_t seed = 0);
// config.json (architectures LlamaForSequenceClassification, num_labels 1) + model.safetensors.
Status saveRewardModel(LlamaRewardModel &model, const QString &dir);

} // namespace lab
