#pragma once
// AdamW with the maths of torch.optim.AdamW (decoupled weight decay, bias correction, eps added
// after the square root), over named parameters so its state saves next to the weights in a
// safetensors file and a resumed run continues bit for bit. Gradient clipping as
// torch.nn.utils.clip_grad_norm_ (one global L2 norm).
#include "core/common/result.h"

#include <torch/nn/module.h>
#include <torch/types.h>

#include <map>
#include <string>
#include <vector>

namespace lab {

struct AdamWOptions
{
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double weightDecay = 0.01;
};

struct NamedParameter
{
    std::string name;
    torch::Tensor tensor;
    bool decay = true; // false for norms (and biases), as nanoGPT and HF Trainer do
};

class AdamW
{
public:
    AdamW(std::vector<NamedParameter> parameters, AdamWOptions options = {});

    void zeroGrad();
    // Scales every gradient so that their global L2 norm is at most maxNorm; returns the norm
    // before clipping (what the charts show as grad_norm).
    double clipGradNorm(double maxNorm);
    // One update with learning rate `lr`; parameters without a gradient are left alone.
    void step(double lr);

    qint64 steps() const { return m_step; }
    const std::vector<NamedParameter> &parameters() const { return m_parameters; }

    // "exp_avg.<name>" and "exp_avg_sq.<name>" for every parameter (CPU, float32).
    std::map<std::string, torch::Tensor> state() const;
    // Restores state() written after `steps` updates; names and shapes must match.
    Status loadState(const std::map<std::string, torch::Tensor> &state, qint64 steps,
                     const QString &origin);

private:
    std::vector<NamedParameter> m_parameters;
    std::vector<torch::Tensor> m_expAvg, m_expAvgSq;
    AdamWOptions m_options;
    qint64 m_step = 0;
};

// The trainable parameters of a module under their full names, with norms (1-D) not decayed.
std::vector<NamedParameter> trainableParameters(torch::nn::Module &module);

} // namespace lab
