#pragma once
// The reward model trainer (Torch-free edge): the base model's backbone with a new scalar head
// (HF LlamaForSequenceClassification, num_labels 1), trained on the project's A/B votes with the
// Bradley-Terry loss (optional margin). Pairs come from loadPreferences, split into train and
// held-out BY INCIDENT. Each step packs the chosen and the rejected sequences of its pairs end to
// end (no padding) and runs ONE forward for both sides; the reward is read at each sequence's last
// token. Only the top `train_layers` decoder layers, the final norm and the head are trained by
// default: below them no activations are kept and no backward runs, which roughly halves a step.
//
// Metrics (DESIGN.md): loss, accuracy, margin, reward/chosen, reward/rejected every log_every
// steps (means over the steps since the last point), eval/accuracy on held-out pairs at each
// epoch end, every eval_every steps and at the end (agreement with the held-out VOTES, which carry
// the annotators' noise). Checkpoints hold the weights, the AdamW state and the step; batches are
// a pure function of (seed, step), so a resumed run logs exactly what an uninterrupted one would.
// A finished run leaves reward_model/ (saveRewardModel + tokenizer.model) in its run folder, then
// scores the project's pairs nobody has voted on so the labeling queue serves the least-sure first.
#include "core/common/result.h"
#include "core/train/train_run.h"

#include <QVector>

namespace lab {

QVector<TrainParam> rewardParams();

Result<TrainOutcome> runRewardTraining(const TrainJob &job, const TrainCallbacks &callbacks = {});

} // namespace lab
