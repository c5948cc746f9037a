#include "core/train/ppo_math.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace lab {

namespace {

QString torchMessage(const char *what, const c10::Error &e)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromStdString(e.what_without_backtrace()));
}

// The same shape for all defined tensors, floating point; an undefined mask is allowed.
Status checkSame(const char *what, std::initializer_list<std::pair<const char *, const torch::Tensor *>> tensors,
                 const torch::Tensor &mask)
{
    const torch::Tensor *first = nullptr;
    for (const auto &[name, t] : tensors) {
        if (!t->defined())
            return fail(QStringLiteral("%1: %2 is missing").arg(QLatin1String(what), QLatin1String(name)));
        if (!t->is_floating_point())
            return fail(QStringLiteral("%1: %2 must be a floating tensor").arg(QLatin1String(what), QLatin1String(name)));
        if (first && t->sizes() != first->sizes())
            return fail(QStringLiteral("%1: %2 has a different shape from %3")
                            .arg(QLatin1String(what), QLatin1String(name), QLatin1String(tensors.begin()->first)));
        first = t;
    }
    if (first && first->numel() == 0)
        return fail(QStringLiteral("%1: no tokens").arg(QLatin1String(what)));
    if (mask.defined() && first && mask.sizes() != first->sizes())
        return fail(QStringLiteral("%1: the mask has a different shape from the values").arg(QLatin1String(what)));
    return Status::success();
}

torch::Tensor maskAs(const torch::Tensor &mask, const torch::Tensor &like)
{
    return mask.defined() ? mask.to(like.dtype()) : torch::ones_like(like);
}

// TRL core.masked_mean: (values * mask).sum() / mask.sum().
torch::Tensor meanUnder(const torch::Tensor &x, const torch::Tensor &m) { return (x * m).sum() / m.sum(); }

} // namespace

Result<GaeResult> computeGae(const torch::Tensor &rewards, const torch::Tensor &values, double gamma, double lambda)
{
    if (Status s = checkSame("GAE", {{"rewards", &rewards}, {"values", &values}}, {}); !s)
        return fail(s.error());
    if (rewards.dim() != 1)
        return fail(QStringLiteral("GAE: rewards must be 1-D (one response), got %1-D").arg(rewards.dim()));
    if (!(gamma >= 0.0 && gamma <= 1.0) || !(lambda >= 0.0 && lambda <= 1.0))
        return fail(QStringLiteral("GAE: gamma and lambda must be in [0, 1], got %1 and %2").arg(gamma).arg(lambda));
    try {
        // TRL PPOTrainer.compute_advantages:
        //   for t in reversed(range(gen_len)):
        //       nextvalues = values[:, t + 1] if t < gen_len - 1 else 0.0
        //       delta = rewards[:, t] + gamma * nextvalues - values[:, t]
        //       lastgaelam = delta + gamma * lam * lastgaelam
        //   returns = advantages + values
        // Accumulated in double on the CPU: T is a few hundred, and one pass of scalars beats
        // T tiny tensor ops.
        const torch::Tensor r = rewards.detach().to(torch::kCPU, torch::kDouble).contiguous();
        const torch::Tensor v = values.detach().to(torch::kCPU, torch::kDouble).contiguous();
        const std::int64_t n = r.size(0);
        const double *rp = r.data_ptr<double>();
        const double *vp = v.data_ptr<double>();
        torch::Tensor adv = torch::empty({n}, torch::kDouble);
        double *ap = adv.data_ptr<double>();
        double last = 0.0;
        for (std::int64_t t = n - 1; t >= 0; --t) {
            const double next = t + 1 < n ? vp[t + 1] : 0.0;
            const double delta = rp[t] + gamma * next - vp[t];
            last = delta + gamma * lambda * last;
            ap[t] = last;
        }
        GaeResult out;
        out.advantages = adv.to(rewards.device(), rewards.scalar_type());
        out.returns = (adv + v).to(rewards.device(), rewards.scalar_type());
        return out;
    } catch (const c10::Error &e) {
        return fail(torchMessage("GAE", e));
    }
}

Result<torch::Tensor> maskedMean(const torch::Tensor &x, const torch::Tensor &mask)
{
    if (Status s = checkSame("masked mean", {{"values", &x}}, mask); !s)
        return fail(s.error());
    try {
        const torch::Tensor m = maskAs(mask, x);
        if (m.sum().item<double>() <= 0.0)
            return fail(QStringLiteral("masked mean: the mask selects nothing"));
        return meanUnder(x, m);
    } catch (const c10::Error &e) {
        return fail(torchMessage("masked mean", e));
    }
}

Result<torch::Tensor> whitenMasked(const torch::Tensor &x, const torch::Tensor &mask, bool shiftMean)
{
    if (Status s = checkSame("whitening", {{"values", &x}}, mask); !s)
        return fail(s.error());
    try {
        const torch::Tensor m = maskAs(mask, x);
        const double count = m.sum().item<double>();
        if (count < 2.0)
            return fail(QStringLiteral("whitening: needs at least two masked values, got %1").arg(count));
        // TRL core.masked_whiten / masked_var(unbiased=True):
        //   mean = masked_mean(values); variance = masked_mean((values - mean) ** 2)
        //   variance *= mask_sum / (mask_sum - 1)
        //   whitened = (values - mean) * torch.rsqrt(variance + 1e-8)
        //   if not shift_mean: whitened += mean
        const torch::Tensor mean = meanUnder(x, m);
        const torch::Tensor var = meanUnder((x - mean).pow(2), m) * (count / (count - 1.0));
        torch::Tensor whitened = (x - mean) * torch::rsqrt(var + 1e-8);
        if (!shiftMean)
            whitened = whitened + mean;
        return whitened;
    } catch (const c10::Error &e) {
        return fail(torchMessage("whitening", e));
    }
}

KlController KlController::adaptive(double initValue, double target, double horizon)
{
    KlController c;
    c.m_value = initValue;
    c.m_target = target;
    c.m_horizon = horizon;
    c.m_adaptive = true;
    return c;
}

KlController KlController::fixed(double value)
{
    KlController c;
    c.m_value = value;
    return c;
}

void KlController::update(double currentKl, qint64 nSteps)
{
    // A NaN KL or a nonsense setting must not poison the coefficient: the guards report the
    // NaN, and the run pauses with the last good value.
    if (!m_adaptive || !std::isfinite(currentKl) || !(m_target > 0.0) || !(m_horizon > 0.0))
        return;
    // TRL AdaptiveKLController.update:
    //   proportional_error = np.clip(current / target - 1, -0.2, 0.2)
    //   mult = 1 + proportional_error * n_steps / self.horizon
    //   self.value *= mult
    const double error = std::clamp(currentKl / m_target - 1.0, -0.2, 0.2);
    m_value *= 1.0 + error * double(nSteps) / m_horizon;
}

Result<ShapedRewards> shapeRewards(const torch::Tensor &logprobs, const torch::Tensor &refLogprobs,
                                   double score, double klCoef)
{
    if (Status s = checkSame("reward shaping", {{"logprobs", &logprobs}, {"ref_logprobs", &refLogprobs}}, {}); !s)
        return fail(s.error());
    if (logprobs.dim() != 1)
        return fail(QStringLiteral("reward shaping: logprobs must be 1-D (one response), got %1-D").arg(logprobs.dim()));
    if (!std::isfinite(score) || !std::isfinite(klCoef))
        return fail(QStringLiteral("reward shaping: score %1 or KL coefficient %2 is not finite").arg(score).arg(klCoef));
    try {
        // TRL PPOTrainer.compute_rewards:
        //   kl = logprob - ref_logprob; non_score_reward = -self.kl_ctl.value * kl
        //   reward = non_score_reward.clone(); reward[last_non_masked_index] += score
        ShapedRewards out;
        out.kl = (logprobs - refLogprobs).detach();
        out.nonScoreReward = -klCoef * out.kl;
        out.rewards = out.nonScoreReward.clone();
        out.rewards[-1] += score;
        return out;
    } catch (const c10::Error &e) {
        return fail(torchMessage("reward shaping", e));
    }
}

Result<PolicyLoss> clippedPolicyLoss(const torch::Tensor &logprobs, const torch::Tensor &oldLogprobs,
                                     const torch::Tensor &advantages, const torch::Tensor &mask,
                                     double clipRange)
{
    if (Status s = checkSame("policy loss", {{"logprobs", &logprobs}, {"old_logprobs", &oldLogprobs}, {"advantages", &advantages}}, mask); !s)
        return fail(s.error());
    if (!(clipRange > 0.0 && clipRange < 1.0))
        return fail(QStringLiteral("policy loss: the clip range must be in (0, 1), got %1").arg(clipRange));
    try {
        const torch::Tensor m = maskAs(mask, logprobs);
        if (m.sum().item<double>() <= 0.0)
            return fail(QStringLiteral("policy loss: the mask selects no token"));
        // TRL PPOTrainer.loss:
        //   ratio = torch.exp(logprobs - old_logprobs)
        //   pg_losses = -advantages * ratio
        //   pg_losses2 = -advantages * torch.clamp(ratio, 1.0 - cliprange, 1.0 + cliprange)
        //   pg_loss = masked_mean(torch.max(pg_losses, pg_losses2), mask)
        //   pg_clipfrac = masked_mean(torch.gt(pg_losses2, pg_losses).float(), mask)
        //   approxkl = 0.5 * masked_mean((logprobs - old_logprobs) ** 2, mask)
        const torch::Tensor old = oldLogprobs.detach();
        const torch::Tensor adv = advantages.detach();
        const torch::Tensor ratio = torch::exp(logprobs - old);
        const torch::Tensor pg1 = -adv * ratio;
        const torch::Tensor pg2 = -adv * torch::clamp(ratio, 1.0 - clipRange, 1.0 + clipRange);
        PolicyLoss out;
        out.loss = meanUnder(torch::max(pg1, pg2), m);
        out.clipFraction = meanUnder(torch::gt(pg2, pg1).to(m.dtype()), m).detach().item<double>();
        out.approxKl = (0.5 * meanUnder((logprobs - old).pow(2), m)).detach().item<double>();
        return out;
    } catch (const c10::Error &e) {
        return fail(torchMessage("policy loss", e));
    }
}

Result<ValueLoss> clippedValueLoss(const torch::Tensor &values, const torch::Tensor &oldValues,
                                   const torch::Tensor &returns, const torch::Tensor &mask,
                                   double clipRangeValue)
{
    if (Status s = checkSame("value loss", {{"values", &values}, {"old_values", &oldValues}, {"returns", &returns}}, mask); !s)
        return fail(s.error());
    if (!(clipRangeValue > 0.0) || !std::isfinite(clipRangeValue))
        return fail(QStringLiteral("value loss: the clip range must be positive, got %1").arg(clipRangeValue));
    try {
        const torch::Tensor m = maskAs(mask, values);
        if (m.sum().item<double>() <= 0.0)
            return fail(QStringLiteral("value loss: the mask selects no token"));
        // TRL PPOTrainer.loss:
        //   vpredclipped = clip_by_value(vpreds, values - cliprange_value, values + cliprange_value)
        //   vf_losses1 = (vpreds - returns) ** 2; vf_losses2 = (vpredclipped - returns) ** 2
        //   vf_loss = 0.5 * masked_mean(torch.max(vf_losses1, vf_losses2), mask)
        //   vf_clipfrac = masked_mean(torch.gt(vf_losses2, vf_losses1).float(), mask)
        const torch::Tensor old = oldValues.detach();
        const torch::Tensor ret = returns.detach();
        const torch::Tensor clipped = torch::max(torch::min(values, old + clipRangeValue), old - clipRangeValue);
        const torch::Tensor l1 = (values - ret).pow(2);
        const torch::Tensor l2 = (clipped - ret).pow(2);
        ValueLoss out;
        out.loss = 0.5 * meanUnder(torch::max(l1, l2), m);
        out.clipFraction = meanUnder(torch::gt(l2, l1).to(m.dtype()), m).detach().item<double>();
        return out;
    } catch (const c10::Error &e) {
        return fail(torchMessage("value loss", e));
    }
}

Result<double> approxKl(const torch::Tensor &logprobs, const torch::Tensor &oldLogprobs, const torch::Tensor &mask)
{
    if (Status s = checkSame("approx KL", {{"logprobs", &logprobs}, {"old_logprobs", &oldLogprobs}}, mask); !s)
        return fail(s.error());
    try {
        const torch::Tensor m = maskAs(mask, logprobs);
        if (m.sum().item<double>() <= 0.0)
            return fail(QStringLiteral("approx KL: the mask selects no token"));
        return (0.5 * meanUnder((logprobs - oldLogprobs).pow(2), m)).detach().item<double>();
    } catch (const c10::Error &e) {
        return fail(torchMessage("approx KL", e));
    }
}

} // namespace lab
