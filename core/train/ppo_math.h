#pragma once
// The arithmetic of PPO for language models, as pure functions on LibTorch tensors (any floating
// dtype), following TRL's PPOTrainer (compute_rewards, compute_advantages, loss) and
// core.py (masked_mean, masked_var, masked_whiten, AdaptiveKLController, FixedKLController), so
// the PPO trainer's figures compare with a TRL run. Losses keep their autograd graph; fractions
// and KL estimates are detached doubles. Bad shapes or settings give an error, never a throw.
#include "core/common/result.h"

#include <torch/types.h>

#include <QtGlobal>

namespace lab {

struct GaeResult
{
    torch::Tensor advantages; // [T]
    torch::Tensor returns;    // [T] = advantages + values (the value head's targets)
};

// Generalised advantage estimation over one response of T tokens, computed backwards:
//   delta_t = r_t + gamma V_{t+1} - V_t   (V_T = 0: the response ends the episode)
//   A_t     = delta_t + gamma lambda A_{t+1}
// rewards and values are 1-D of the same length; the result is detached.
Result<GaeResult> computeGae(const torch::Tensor &rewards, const torch::Tensor &values, double gamma, double lambda);

// The mean of x over the entries where mask is non-zero (undefined mask = every entry).
Result<torch::Tensor> maskedMean(const torch::Tensor &x, const torch::Tensor &mask = {});

// (x - mean) / sqrt(var + 1e-8) over the masked entries, var with Bessel's correction as TRL's
// masked_whiten; with shiftMean false the mean is added back. Needs at least two masked entries.
// Unmasked entries are whitened with the same statistics (callers ignore them).
Result<torch::Tensor> whitenMasked(const torch::Tensor &x, const torch::Tensor &mask = {}, bool shiftMean = true);

// The KL coefficient of the per-token penalty. Adaptive (Ziegler et al. 2019, TRL's
// AdaptiveKLController): after each batch,
//   error = clip(current_kl / target - 1, -0.2, 0.2);  value *= 1 + error * n_steps / horizon
// Fixed: the value never changes.
class KlController
{
public:
    static KlController adaptive(double initValue, double target, double horizon);
    static KlController fixed(double value);

    double value() const { return m_value; }
    bool isAdaptive() const { return m_adaptive; }
    double target() const { return m_target; }
    double horizon() const { return m_horizon; }
    // n_steps: the samples (responses) behind currentKl, as TRL passes batch_size.
    void update(double currentKl, qint64 nSteps);
    // For resuming a run from its checkpoint.
    void setValue(double value) { m_value = value; }

private:
    double m_value = 0.0;
    double m_target = 0.0;
    double m_horizon = 0.0;
    bool m_adaptive = false;
};

struct ShapedRewards
{
    torch::Tensor rewards;        // [T] per-token reward: -kl_coef * kl_t, score added at the end
    torch::Tensor nonScoreReward; // [T] -kl_coef * kl_t
    torch::Tensor kl;             // [T] logp_t - ref_logp_t
};

// TRL compute_rewards for one response: kl = logprobs - ref_logprobs,
// reward = -kl_coef * kl, reward[last] += score. 1-D inputs, detached result.
Result<ShapedRewards> shapeRewards(const torch::Tensor &logprobs, const torch::Tensor &refLogprobs,
                                   double score, double klCoef);

struct PolicyLoss
{
    torch::Tensor loss;  // scalar, differentiable through logprobs
    double clipFraction = 0.0; // policy/clipfrac: share of tokens where the clipped term won
    double approxKl = 0.0;     // policy/approxkl: 0.5 mean((logp - old_logp)^2)
};

// ratio = exp(logp - old_logp); pg_losses = -A ratio; pg_losses2 = -A clip(ratio, 1-eps, 1+eps);
// loss = masked mean of max(pg_losses, pg_losses2). All inputs share one shape; mask optional.
Result<PolicyLoss> clippedPolicyLoss(const torch::Tensor &logprobs, const torch::Tensor &oldLogprobs,
                                     const torch::Tensor &advantages, const torch::Tensor &mask,
                                     double clipRange);

struct ValueLoss
{
    torch::Tensor loss;  // scalar, differentiable through values
    double clipFraction = 0.0; // share of tokens where the clipped error was larger
};

// vclip = clip(v, old_v - eps, old_v + eps);
// loss = 0.5 masked mean of max((v - R)^2, (vclip - R)^2).
Result<ValueLoss> clippedValueLoss(const torch::Tensor &values, const torch::Tensor &oldValues,
                                   const torch::Tensor &returns, const torch::Tensor &mask,
                                   double clipRangeValue);

// 0.5 masked mean of (logp - old_logp)^2, detached.
Result<double> approxKl(const torch::Tensor &logprobs, const torch::Tensor &oldLogprobs,
                        const torch::Tensor &mask = {});

} // namespace lab
