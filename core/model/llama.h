#pragma once
// The Llama-family decoder as LibTorch modules whose named_parameters() are exactly Hugging Face's
// LlamaForCausalLM names (`model.embed_tokens.weight`, `model.layers.N.self_attn.q_proj.weight`,
// ..., `model.norm.weight`, `lm_head.weight`), so a HF checkpoint folder loads as it is.
//
// Conventions, as HF's modeling_llama: RMSNorm x * rsqrt(mean(x^2) + eps) * w; rotary embeddings
// with rotate_half (the two halves of a head, not interleaved pairs), inv_freq =
// theta^(-2i/d); grouped-query attention where query head h reads key/value head h / (H / KV);
// SwiGLU MLP down(silu(gate(x)) * up(x)); no biases; positions = cumsum(mask) - 1.
#include "core/common/result.h"
#include "core/model/lora.h"
#include "core/model/model_config.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include <QString>
#include <QStringList>
#include <map>
#include <string>

namespace lab {

class RMSNormImpl : public torch::nn::Module
{
public:
    RMSNormImpl(std::int64_t dim, double eps);
    torch::Tensor forward(const torch::Tensor &x);

    torch::Tensor weight; // [dim]
    double eps;
};
TORCH_MODULE(RMSNorm);

// cos and sin [..., headDim] for integer positions [...], HF layout cat(freqs, freqs).
std::pair<torch::Tensor, torch::Tensor> rotaryCosSin(const torch::Tensor &positions, int headDim,
                                                     double theta);
// x * cos + rotate_half(x) * sin; x [B, heads, T, hd], cos/sin [B, 1, T, hd].
torch::Tensor applyRotary(const torch::Tensor &x, const torch::Tensor &cos,
                          const torch::Tensor &sin);

class LlamaAttentionImpl : public torch::nn::Module
{
public:
    explicit LlamaAttentionImpl(const LlamaConfig &config);
    // x [B, T, d]; cos/sin [B, 1, T, hd]; maskBias [B, 1, T, T] additive (0 or lowest float).
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &cos,
                          const torch::Tensor &sin, const torch::Tensor &maskBias);

    LoraLinear qProj{nullptr}, kProj{nullptr}, vProj{nullptr}, oProj{nullptr};

private:
    int m_heads, m_kvHeads, m_headDim;
};
TORCH_MODULE(LlamaAttention);

class LlamaMlpImpl : public torch::nn::Module
{
public:
    explicit LlamaMlpImpl(const LlamaConfig &config);
    torch::Tensor forward(const torch::Tensor &x);

    LoraLinear gateProj{nullptr}, upProj{nullptr}, downProj{nullptr};
};
TORCH_MODULE(LlamaMlp);

class LlamaDecoderLayerImpl : public torch::nn::Module
{
public:
    explicit LlamaDecoderLayerImpl(const LlamaConfig &config);
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &cos,
                          const torch::Tensor &sin, const torch::Tensor &maskBias);

    RMSNorm inputLayernorm{nullptr};
    LlamaAttention selfAttn{nullptr};
    RMSNorm postAttentionLayernorm{nullptr};
    LlamaMlp mlp{nullptr};
};
TORCH_MODULE(LlamaDecoderLayer);

// HF's LlamaModel: embed_tokens, layers, norm.
class LlamaModelImpl : public torch::nn::Module
{
public:
    explicit LlamaModelImpl(const LlamaConfig &config);
    // ids [B, T] int64; attentionMask [B, T] (1 real, 0 pad; any padding side; undefined = all
    // real); positions [B, T] (undefined = cumsum(mask) - 1, which for right padding is 0..T-1
    // as in training and for left padding the positions HF's generate uses). Returns the final
    // normed hidden states [B, T, d]. Rows attend causally to their own real tokens only.
    torch::Tensor forward(const torch::Tensor &ids, const torch::Tensor &attentionMask = {},
                          const torch::Tensor &positions = {});

    const LlamaConfig &config() const { return m_config; }

    torch::nn::Embedding embedTokens{nullptr};
    torch::nn::ModuleList layers{nullptr};
    std::vector<LlamaDecoderLayer> layerList; // the same modules as `layers`, typed
    RMSNorm norm{nullptr};

private:
    LlamaConfig m_config;
};
TORCH_MODULE(LlamaModel);

// HF's LlamaForCausalLM: `model` and `lm_head` (absent when tie_word_embeddings; the embedding
// matrix is then the output projection).
class LlamaForCausalLMImpl : public torch::nn::Module
{
public:
    explicit LlamaForCausalLMImpl(const LlamaConfig &config);

    // Logits [B, T, vocab].
    torch::Tensor forward(const torch::Tensor &ids, const torch::Tensor &attentionMask = {},
                          const torch::Tensor &positions = {});
    // Final hidden states [B, T, d] (for value heads and for computing logits on a subset).
    torch::Tensor hidden(const torch::Tensor &ids, const torch::Tensor &attentionMask = {},
                         const torch::Tensor &positions = {});
    torch::Tensor logitsFromHidden(const torch::Tensor &hidden);
    // [vocab, d]: lm_head.weight, or the embedding when tied.
    torch::Tensor outputWeight();

    const LlamaConfig &config() const { return m_config; }

    LlamaModel model{nullptr};
    torch::nn::Linear lmHead{nullptr};

private:
    LlamaConfig m_config;
};
TORCH_MODULE(LlamaForCausalLM);

// The additive attention bias [B, 1, T, T]: 0 where query t may read key s (s <= t, key real),
// the lowest float elsewhere (HF's masked_fill value, which keeps fully masked pad rows finite).
torch::Tensor causalMaskBias(const torch::Tensor &attentionMask, std::int64_t T,
                             const torch::TensorOptions &options);
// cumsum(mask) - 1, with pad positions set to 1 (HF generate's convention).
torch::Tensor positionsFromMask(const torch::Tensor &attentionMask);

// N(0, 0.02) for every projection and embedding, 1 for norms, as HF Llama's _init_weights;
// adapter weights are left alone. Deterministic for a seed, on any device.
void initLlamaWeights(torch::nn::Module &module, std::uint64_t seed);

// What a checkpoint lacks or has too much of, compared with a module.
struct LoadReport
{
    QStringList missing;    // parameters with no tensor in the checkpoint
    QStringList unexpected; // tensors with no parameter
    QStringList mismatched; // "name: checkpoint [a, b], model [c, d]"
    bool clean() const { return missing.isEmpty() && unexpected.isEmpty() && mismatched.isEmpty(); }
    QString describe() const;
};

// Copies tensors into the module's parameters (adapter parameters are not expected). Fails,
// changing nothing, when anything is missing or mismatched; unexpected names fail too unless
// listed in `ignore` (exact names or suffixes such as "rotary_emb.inv_freq").
Status loadParameters(torch::nn::Module &module, const std::map<std::string, at::Tensor> &tensors,
                      const QString &origin, const QStringList &ignore = {},
                      LoadReport *report = nullptr);
// The base (non-adapter) parameters under their HF names, detached.
std::vector<std::pair<std::string, at::Tensor>> baseParameters(torch::nn::Module &module);

// A HF Llama folder: config.json and model.safetensors (or shards with an index). The tokenizer
// is loaded separately (core/text). The model is on the CPU; move it with ->to(device).
Result<LlamaForCausalLM> loadCausalLM(const QString &dir);
// Writes config.json and model.safetensors (base weights; an unmerged adapter is not included,
// a merged one is). Creates the folder.
Status saveCausalLM(LlamaForCausalLM &model, const QString &dir);

} // namespace lab
