#include "core/train/preference_losses.h"

#include <torch/torch.h>

#include <cmath>

namespace lab {

namespace {

// Every input a defined 1-D floating tensor of the same length; empty batches have no mean.
Status checkBatch(const char *what, std::initializer_list<std::pair<const char *, const torch::Tensor *>> tensors)
{
    std::int64_t n = -1;
    for (const auto &[name, t] : tensors) {
        if (!t->defined())
            return fail(QStringLiteral("%1: %2 is missing").arg(QLatin1String(what), QLatin1String(name)));
        if (t->dim() != 1 || !t->is_floating_point())
            return fail(QStringLiteral("%1: %2 must be a 1-D floating tensor, got %3-D")
                            .arg(QLatin1String(what), QLatin1String(name)).arg(t->dim()));
        if (n >= 0 && t->size(0) != n)
            return fail(QStringLiteral("%1: %2 has %3 entries, expected %4")
                            .arg(QLatin1String(what), QLatin1String(name)).arg(t->size(0)).arg(n));
        n = t->size(0);
    }
    if (n == 0)
        return fail(QStringLiteral("%1: the batch is empty").arg(QLatin1String(what)));
    return Status::success();
}

double meanOf(const torch::Tensor &t) { return t.detach().to(torch::kDouble).mean().item<double>(); }

} // namespace

Result<PairLoss> bradleyTerryLoss(const torch::Tensor &rewardChosen, const torch::Tensor &rewardRejected,
                                  const torch::Tensor &margin)
{
    if (Status s = checkBatch("Bradley-Terry loss", {{"reward_chosen", &rewardChosen}, {"reward_rejected", &rewardRejected}}); !s)
        return fail(s.error());
    if (margin.defined())
        if (Status s = checkBatch("Bradley-Terry loss", {{"reward_chosen", &rewardChosen}, {"margin", &margin}}); !s)
            return fail(s.error());
    try {
        // TRL RewardTrainer.compute_loss:
        //   loss = -nn.functional.logsigmoid(rewards_chosen - rewards_rejected - margin).mean()
        torch::Tensor diff = rewardChosen - rewardRejected;
        torch::Tensor logits = margin.defined() ? diff - margin.to(diff.dtype()) : diff;
        PairLoss out;
        out.loss = -torch::log_sigmoid(logits).mean();
        const torch::Tensor d = diff.detach();
        out.stats[QStringLiteral("loss")] = out.loss.detach().item<double>();
        out.stats[QStringLiteral("accuracy")] = meanOf((d > 0).to(torch::kDouble));
        out.stats[QStringLiteral("margin")] = meanOf(d);
        out.stats[QStringLiteral("reward/chosen")] = meanOf(rewardChosen);
        out.stats[QStringLiteral("reward/rejected")] = meanOf(rewardRejected);
        return out;
    } catch (const c10::Error &e) {
        return fail(QStringLiteral("Bradley-Terry loss: %1").arg(QString::fromStdString(e.what_without_backtrace())));
    }
}

Result<PairLoss> dpoLoss(const torch::Tensor &policyChosen, const torch::Tensor &policyRejected,
                         const torch::Tensor &referenceChosen, const torch::Tensor &referenceRejected,
                         const DpoLossOptions &options)
{
    if (Status s = checkBatch("DPO loss", {{"policy_chosen_logps", &policyChosen},
                                           {"policy_rejected_logps", &policyRejected},
                                           {"reference_chosen_logps", &referenceChosen},
                                           {"reference_rejected_logps", &referenceRejected}});
        !s)
        return fail(s.error());
    if (!(options.beta > 0.0) || !std::isfinite(options.beta))
        return fail(QStringLiteral("DPO loss: beta must be a positive number, got %1").arg(options.beta));
    const double eps = options.labelSmoothing;
    if (options.type == DpoLossType::Robust && !(eps >= 0.0 && eps < 0.5))
        return fail(QStringLiteral("DPO loss: the robust loss needs a label-noise rate in [0, 0.5), got %1").arg(eps));
    if (options.type == DpoLossType::Sigmoid && !(eps >= 0.0 && eps <= 0.5))
        return fail(QStringLiteral("DPO loss: label smoothing must be in [0, 0.5], got %1").arg(eps));
    try {
        const double beta = options.beta;
        // TRL DPOTrainer.dpo_loss:
        //   pi_logratios = policy_chosen_logps - policy_rejected_logps
        //   ref_logratios = reference_chosen_logps - reference_rejected_logps
        //   logits = pi_logratios - ref_logratios
        const torch::Tensor refLogratios = (referenceChosen - referenceRejected).detach();
        const torch::Tensor logits = (policyChosen - policyRejected) - refLogratios.to(policyChosen.dtype());
        torch::Tensor losses;
        switch (options.type) {
        case DpoLossType::Sigmoid:
            // losses = -F.logsigmoid(beta * logits) * (1 - label_smoothing)
            //          - F.logsigmoid(-beta * logits) * label_smoothing
            losses = -torch::log_sigmoid(beta * logits) * (1.0 - eps) - torch::log_sigmoid(-beta * logits) * eps;
            break;
        case DpoLossType::Ipo:
            // losses = (logits - 1 / (2 * beta)) ** 2   (IPO paper, eq. 17)
            losses = (logits - 1.0 / (2.0 * beta)).pow(2);
            break;
        case DpoLossType::Robust:
            // losses = (-F.logsigmoid(beta * logits) * (1 - label_smoothing)
            //           + F.logsigmoid(-beta * logits) * label_smoothing) / (1 - 2 * label_smoothing)
            losses = (-torch::log_sigmoid(beta * logits) * (1.0 - eps) + torch::log_sigmoid(-beta * logits) * eps)
                / (1.0 - 2.0 * eps);
            break;
        }
        // chosen_rewards = beta * (policy_chosen_logps - reference_chosen_logps).detach()
        const torch::Tensor chosenRewards = beta * (policyChosen - referenceChosen).detach().to(torch::kDouble);
        const torch::Tensor rejectedRewards = beta * (policyRejected - referenceRejected).detach().to(torch::kDouble);
        PairLoss out;
        out.loss = losses.mean();
        out.stats[QStringLiteral("loss")] = out.loss.detach().item<double>();
        out.stats[QStringLiteral("rewards/chosen")] = meanOf(chosenRewards);
        out.stats[QStringLiteral("rewards/rejected")] = meanOf(rejectedRewards);
        // get_batch_loss_metrics: reward_accuracies = (chosen_rewards > rejected_rewards).float()
        out.stats[QStringLiteral("rewards/margins")] = meanOf(chosenRewards - rejectedRewards);
        out.stats[QStringLiteral("rewards/accuracies")] = meanOf((chosenRewards > rejectedRewards).to(torch::kDouble));
        out.stats[QStringLiteral("logps/chosen")] = meanOf(policyChosen);
        out.stats[QStringLiteral("logps/rejected")] = meanOf(policyRejected);
        return out;
    } catch (const c10::Error &e) {
        return fail(QStringLiteral("DPO loss: %1").arg(QString::fromStdString(e.what_without_backtrace())));
    }
}

QString dpoLossTypeName(DpoLossType type)
{
    switch (type) {
    case DpoLossType::Sigmoid: return QStringLiteral("sigmoid");
    case DpoLossType::Ipo: return QStringLiteral("ipo");
    case DpoLossType::Robust: return QStringLiteral("robust");
    }
    return QStringLiteral("sigmoid");
}

Result<DpoLossType> dpoLossTypeFromName(const QString &name)
{
    for (DpoLossType t : {DpoLossType::Sigmoid, DpoLossType::Ipo, DpoLossType::Robust})
        if (name == dpoLossTypeName(t))
            return t;
    return fail(QStringLiteral("DPO loss: unknown loss type \"%1\" (sigmoid, ipo or robust)").arg(name));
}

} // namespace lab
