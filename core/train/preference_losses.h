#pragma once
// The pairwise losses of the reward model and of DPO, as pure functions on 1-D batch tensors
// (one entry per pair, any floating dtype, float64 included). The loss keeps its autograd graph;
// the statistics are detached doubles under the metric names of ../shared/DESIGN.md, so the
// trainers log them as they are. The formulas are TRL's (RewardTrainer.compute_loss and
// DPOTrainer.dpo_loss / get_batch_loss_metrics), so figures compare with a TRL run.
#include "core/common/result.h"

#include <torch/types.h>

#include <QString>

#include <map>

namespace lab {

struct PairLoss
{
    torch::Tensor loss;                  // scalar, differentiable
    std::map<QString, double> stats;     // detached, DESIGN.md metric names
};

// Bradley–Terry: mean of -logsigmoid(r_chosen - r_rejected - margin). `margin` is an optional
// per-pair tensor (TRL's "margin" column); an undefined tensor means no margin.
// stats: loss, accuracy (share of pairs with r_chosen > r_rejected), margin (mean of
// r_chosen - r_rejected), reward/chosen, reward/rejected (means).
Result<PairLoss> bradleyTerryLoss(const torch::Tensor &rewardChosen, const torch::Tensor &rewardRejected,
                                  const torch::Tensor &margin = {});

enum class DpoLossType { Sigmoid, Ipo, Robust };

struct DpoLossOptions
{
    DpoLossType type = DpoLossType::Sigmoid;
    double beta = 0.1;
    // Sigmoid: TRL's label_smoothing (conservative DPO); Robust: the label-noise rate eps, in
    // [0, 0.5). Ignored by IPO.
    double labelSmoothing = 0.0;
};

// DPO on summed (or, for IPO as TRL does, length-averaged) log-probabilities of the chosen and
// rejected responses under the policy and the frozen reference. With
// h = (policyChosen - policyRejected) - (referenceChosen - referenceRejected):
//   Sigmoid: -logsigmoid(beta h) (1 - ls) - logsigmoid(-beta h) ls
//   Ipo:     (h - 1 / (2 beta))^2
//   Robust:  (-logsigmoid(beta h) (1 - eps) + logsigmoid(-beta h) eps) / (1 - 2 eps)
// The loss is the batch mean. stats: loss, rewards/chosen (mean beta (pc - rc)), rewards/rejected
// (mean beta (pr - rr)), rewards/margins, rewards/accuracies (share chosen > rejected),
// logps/chosen, logps/rejected (policy means).
Result<PairLoss> dpoLoss(const torch::Tensor &policyChosen, const torch::Tensor &policyRejected,
                         const torch::Tensor &referenceChosen, const torch::Tensor &referenceRejected,
                         const DpoLossOptions &options = {});

QString dpoLossTypeName(DpoLossType type);
// "sigmoid", "ipo" or "robust" (TRL's loss_type strings).
Result<DpoLossType> dpoLossTypeFromName(const QString &name);

} // namespace lab
