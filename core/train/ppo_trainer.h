#pragma once
// PPO on the project's incidents, TRL-style (PPOTrainer): the policy is the base model with a LoRA
// adapter and a value head on its final hidden state; the reference is the same weights with the
// adapter switched off. Each iteration:
//   1. rollouts: a batch of prompts (promptTokens() of incidents, as `explain` builds them),
//      sampled with the KV-cached generator (adapter on) at the configured temperature, up to the
//      response length limit; EOS ends a row;
//   2. the project's current reward model scores prompt + response at the end of the sequence; a
//      response cut at the limit without EOS has `missing_eos_penalty` subtracted (TRL);
//   3. old log-probs, values (policy) and reference log-probs (adapter off), packed, no grad;
//      per-token KL penalty (shapeRewards) with an adaptive KL coefficient, GAE, whitened
//      advantages;
//   4. ppo_epochs x mini_batches of clipped policy loss + vf_coef * clipped value loss, AdamW on
//      the adapter and the value head, gradient clipping.
// Metrics (DESIGN.md names): objective/scores, objective/kl, objective/entropy,
// objective/rlhf_reward, policy/approxkl, policy/clipfrac, loss/policy, loss/value,
// val/explained_var, kl_coef, response/length. The run's guards (KL limit, entropy floor,
// verbosity hacking, NaN) read them and pause the run.
// Checkpoints hold the adapter, the value head, AdamW's state, the KL coefficient, the step and
// the sampling generator's state, so a resumed run logs exactly what an uninterrupted one would.
// Torch-free at this edge: the settings are a QJsonObject (resolveTrainConfig(ppoParams(), ...)).
#include "core/common/result.h"
#include "core/train/train_run.h"

#include <QVector>

namespace lab {

// The settings PPO understands, with defaults tuned for lab-tiny on 2 cores.
QVector<TrainParam> ppoParams();

// Needs a reward model in the project (currentRewardModelDir()); errors of the job (bad setting,
// no reward model, no incidents, unreadable model) come back before a run is recorded.
Result<TrainOutcome> runPpoTraining(const TrainJob &job, const TrainCallbacks &callbacks = {});

} // namespace lab
