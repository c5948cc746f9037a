#pragma once
// Low-rank adapters in the PEFT convention: y = x W^T + (alpha / r) * B(A(dropout(x))), with
// A [r, in] kaiming-uniform (a = sqrt(5)), B [out, r] zeros, so a fresh adapter changes nothing.
// The adapter lives inside the projection it adapts (submodules `lora_A`, `lora_B`), so the
// reference model of DPO/PPO is the same module with the adapter switched off, never a copy.
#include "core/common/result.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>

namespace lab {

struct LoraConfig
{
    int r = 16;
    double alpha = 32.0;
    double dropout = 0.0;
    // Names of the projections to adapt (last component of the module path).
    QStringList targetModules{QStringLiteral("q_proj"), QStringLiteral("k_proj"),
                              QStringLiteral("v_proj"), QStringLiteral("o_proj")};
    QString baseModel; // base_model_name_or_path in adapter_config.json; informative only

    double scale() const { return alpha / r; }
    static LoraConfig withMlp(int r = 16, double alpha = 32.0);
};

// A bias-free Linear (parameter `weight` [out, in], as HF's nn.Linear(bias=False)) that can carry
// one adapter.
class LoraLinearImpl : public torch::nn::Module
{
public:
    LoraLinearImpl(std::int64_t inFeatures, std::int64_t outFeatures);

    torch::Tensor forward(const torch::Tensor &x); // [..., in] -> [..., out]

    // Registers `lora_A` and `lora_B`; A is drawn from `generator` (or the global one).
    void addAdapter(int r, double alpha, double dropout,
                    std::optional<at::Generator> generator = std::nullopt);
    void removeAdapter(); // unmerges first
    bool hasAdapter() const { return m_loraA.defined(); }

    // Off: the layer computes exactly x W^T (bit-identical to the base); no weight is touched
    // unless the adapter was merged, in which case it is unmerged first (as PEFT does).
    void setAdapterEnabled(bool enabled);
    bool adapterEnabled() const { return m_enabled; }

    // W += scale * B A (and -= for unmerge). Merged, the forward is one matmul; unmerge restores
    // W up to float rounding.
    void merge();
    void unmerge();
    bool merged() const { return m_merged; }

    // The weight this layer currently applies: W, plus scale * B A when the adapter is enabled
    // and not merged. Used by the generation engine to fuse projections.
    torch::Tensor effectiveWeight() const;

    std::int64_t inFeatures() const { return m_in; }
    std::int64_t outFeatures() const { return m_out; }
    double scale() const { return m_scale; }

    torch::Tensor weight;                      // [out, in]
    torch::Tensor &loraA() { return m_loraA; } // [r, in]
    torch::Tensor &loraB() { return m_loraB; } // [out, r]

private:
    std::int64_t m_in, m_out;
    torch::Tensor m_loraA, m_loraB; // parameters `weight` of the submodules lora_A and lora_B
    double m_scale = 1.0;
    double m_dropout = 0.0;
    bool m_enabled = false;
    bool m_merged = false;
};
TORCH_MODULE(LoraLinear);

// The adaptable projections under `root` whose names match config.targetModules, with their
// module paths (e.g. "model.layers.0.self_attn.q_proj").
std::vector<std::pair<std::string, std::shared_ptr<LoraLinearImpl>>>
loraTargets(torch::nn::Module &root, const QStringList &targetModules);

// Adds an adapter to every target, freezes every other parameter of `root` and returns the
// trainable adapter parameters (A, B per target, in module order). Fails if any target already
// has one or no module matches.
Result<std::vector<torch::Tensor>> addLora(torch::nn::Module &root, const LoraConfig &config,
                                           std::optional<std::uint64_t> seed = std::nullopt);
void removeLora(torch::nn::Module &root);
void setLoraEnabled(torch::nn::Module &root, bool enabled);
void mergeLora(torch::nn::Module &root);
void unmergeLora(torch::nn::Module &root);
bool hasLora(torch::nn::Module &root);
std::vector<torch::Tensor> loraParameters(torch::nn::Module &root);

// PEFT layout: DIR/adapter_config.json + DIR/adapter_model.safetensors with keys
// `base_model.model.<module path>.lora_A.weight` [r, in] and `...lora_B.weight` [out, r].
Status saveLoraAdapter(torch::nn::Module &root, const LoraConfig &config, const QString &dir);
// Reads the config, adds an adapter to `root` where it has none (replacing none that exists with
// a different rank), and copies the weights in. Every adapted module must be present in the file
// and every tensor in the file must find its module, with matching shapes.
Result<LoraConfig> loadLoraAdapter(torch::nn::Module &root, const QString &dir);
Result<LoraConfig> readLoraConfig(const QString &adapterConfigJsonPath);

} // namespace lab
