// The settings of the PPO trainer, with their defaults, ranges and help: Torch-free, so that lupdate
// (which follows #includes) reads the QT_TRANSLATE_NOOP texts in seconds, not by parsing LibTorch.
#include "core/train/ppo_trainer.h"

#include <QCoreApplication>

namespace lab {

QVector<TrainParam> ppoParams()
{
    QVector<TrainParam> params{
        trainParam("steps", QT_TRANSLATE_NOOP("lab::TrainParam", "Iterations"), QT_TRANSLATE_NOOP("lab::TrainParam", "PPO iterations: each samples one batch of explanations, scores them and updates the policy on them."),
          qint64(20), 1, 1e6),
        trainParam("batch_size", QT_TRANSLATE_NOOP("lab::TrainParam", "Rollouts per iteration"), QT_TRANSLATE_NOOP("lab::TrainParam", "Explanations sampled (one per incident) and scored in each iteration. More gives steadier updates but slower iterations."),
          qint64(24), 2, 4096),
        trainParam("mini_batches", QT_TRANSLATE_NOOP("lab::TrainParam", "Mini-batches"), QT_TRANSLATE_NOOP("lab::TrainParam", "Each iteration's rollouts are split into this many gradient steps per PPO epoch."),
          qint64(2), 1, 256),
        trainParam("ppo_epochs", QT_TRANSLATE_NOOP("lab::TrainParam", "PPO epochs"), QT_TRANSLATE_NOOP("lab::TrainParam", "Passes over each iteration's rollouts. More squeezes more out of each batch but drifts further from the sampling policy (watch policy/clipfrac)."),
          qint64(2), 1, 32),
        trainParam("learning_rate", QT_TRANSLATE_NOOP("lab::TrainParam", "Learning rate"), QT_TRANSLATE_NOOP("lab::TrainParam", "AdamW step size for the LoRA adapter and the value head (constant). On lab-tiny 3e-4 hardly moves the policy in 30 iterations; 1.5e-3 raises the reward within 20 with the KL still far below the guard."),
          1.5e-3, 1e-7, 1.0),
        trainParam("max_grad_norm", QT_TRANSLATE_NOOP("lab::TrainParam", "Gradient clip"), QT_TRANSLATE_NOOP("lab::TrainParam", "The global gradient norm is clipped to this value before each update."),
          1.0, 1e-6, 1e6, true),
        trainParam("weight_decay", QT_TRANSLATE_NOOP("lab::TrainParam", "Weight decay"), QT_TRANSLATE_NOOP("lab::TrainParam", "AdamW decoupled weight decay on the adapter matrices."),
          0.0, 0.0, 1.0, true),
        trainParam("lora_r", QT_TRANSLATE_NOOP("lab::TrainParam", "LoRA rank"), QT_TRANSLATE_NOOP("lab::TrainParam", "Rank of the adapter matrices: more capacity and more memory."),
          qint64(16), 1, 512, true),
        trainParam("lora_alpha", QT_TRANSLATE_NOOP("lab::TrainParam", "LoRA alpha"), QT_TRANSLATE_NOOP("lab::TrainParam", "The adapter's output is scaled by alpha / rank."),
          32.0, 1e-6, 1e6, true),
        trainParam("lora_mlp", QT_TRANSLATE_NOOP("lab::TrainParam", "Adapt the MLP too"), QT_TRANSLATE_NOOP("lab::TrainParam", "Also put adapters on the MLP projections (gate, up, down), not only on attention."),
          false, 0, 0, true),
        trainParam("temperature", QT_TRANSLATE_NOOP("lab::TrainParam", "Sampling temperature"), QT_TRANSLATE_NOOP("lab::TrainParam", "Temperature of the rollouts; the policy's log-probs are taken at the same temperature. Lower explores less."),
          0.7, 0.05, 5.0),
        trainParam("max_new_tokens", QT_TRANSLATE_NOOP("lab::TrainParam", "Response length limit"), QT_TRANSLATE_NOOP("lab::TrainParam", "Tokens a rollout may generate; a response cut here without end-of-sequence gets the missing-EOS penalty."),
          qint64(96), 4, 480),
        trainParam("missing_eos_penalty", QT_TRANSLATE_NOOP("lab::TrainParam", "Missing-EOS penalty"), QT_TRANSLATE_NOOP("lab::TrainParam", "Subtracted from the reward model's score of a response that hit the length limit without ending itself (TRL's missing_eos_penalty)."),
          1.0, 0.0, 100.0),
        trainParam("init_kl_coef", QT_TRANSLATE_NOOP("lab::TrainParam", "Initial KL coefficient"), QT_TRANSLATE_NOOP("lab::TrainParam", "Weight of the per-token KL penalty against the reference (the base model). Higher keeps the policy closer to it."),
          0.05, 0.0, 100.0),
        trainParam("adaptive_kl", QT_TRANSLATE_NOOP("lab::TrainParam", "Adaptive KL"), QT_TRANSLATE_NOOP("lab::TrainParam", "Adjust the KL coefficient after each iteration towards the KL target (Ziegler et al.); off: it stays fixed."),
          true, 0, 0, true),
        trainParam("kl_target", QT_TRANSLATE_NOOP("lab::TrainParam", "KL target"), QT_TRANSLATE_NOOP("lab::TrainParam", "Per-response KL (nats) the adaptive controller steers towards."),
          4.0, 1e-3, 1e3, true),
        trainParam("kl_horizon", QT_TRANSLATE_NOOP("lab::TrainParam", "KL horizon"), QT_TRANSLATE_NOOP("lab::TrainParam", "Responses over which the adaptive controller corrects the coefficient; smaller reacts faster."),
          1000.0, 1.0, 1e9, true),
        trainParam("gamma", QT_TRANSLATE_NOOP("lab::TrainParam", "Discount"), QT_TRANSLATE_NOOP("lab::TrainParam", "Discount of future rewards within a response (GAE gamma)."),
          1.0, 0.0, 1.0, true),
        trainParam("lam", QT_TRANSLATE_NOOP("lab::TrainParam", "GAE lambda"), QT_TRANSLATE_NOOP("lab::TrainParam", "Bias/variance trade-off of the advantage estimate."),
          0.95, 0.0, 1.0, true),
        trainParam("clip_range", QT_TRANSLATE_NOOP("lab::TrainParam", "Policy clip range"), QT_TRANSLATE_NOOP("lab::TrainParam", "PPO clips the probability ratio to 1 +/- this."),
          0.2, 1e-3, 10.0, true),
        trainParam("clip_range_value", QT_TRANSLATE_NOOP("lab::TrainParam", "Value clip range"), QT_TRANSLATE_NOOP("lab::TrainParam", "The value head's new estimate may move at most this far from the old one in the clipped loss."),
          0.2, 1e-3, 1e3, true),
        trainParam("vf_coef", QT_TRANSLATE_NOOP("lab::TrainParam", "Value loss weight"), QT_TRANSLATE_NOOP("lab::TrainParam", "Weight of the value head's loss in the total loss."),
          0.1, 0.0, 100.0, true),
        trainParam("value_head_init", QT_TRANSLATE_NOOP("lab::TrainParam", "Value head start"), QT_TRANSLATE_NOOP("lab::TrainParam", "zeros: the value head starts at 0; reward_model: it starts from the reward model's score head (same hidden size needed)."),
          QStringLiteral("zeros"), 0, 0, true),
        trainParam("value_grad_to_policy", QT_TRANSLATE_NOOP("lab::TrainParam", "Value loss trains the adapter"), QT_TRANSLATE_NOOP("lab::TrainParam", "Let the value loss's gradient flow into the shared LoRA adapter (TRL's shared-backbone value head); off: it trains the value head only."),
          false, 0, 0, true),
        trainParam("reward_model", QT_TRANSLATE_NOOP("lab::TrainParam", "Reward model folder"), QT_TRANSLATE_NOOP("lab::TrainParam", "Score with this reward model folder instead of the project's current one (the output of its newest finished reward run)."),
          QString(), 0, 0, true),
        trainParam("seed", QT_TRANSLATE_NOOP("lab::TrainParam", "Seed"), QT_TRANSLATE_NOOP("lab::TrainParam", "Seeds the adapter's initial weights, the prompt order, the sampling and the mini-batch order."),
          qint64(1), 0, 2e9, true),
        trainParam("checkpoint_every", QT_TRANSLATE_NOOP("lab::TrainParam", "Checkpoint every"), QT_TRANSLATE_NOOP("lab::TrainParam", "Iterations between checkpoints (one is always written at the end and when stopped)."),
          qint64(10), 1, 1e6, true),
        trainParam("kl_limit", QT_TRANSLATE_NOOP("lab::TrainParam", "KL guard"), QT_TRANSLATE_NOOP("lab::TrainParam", "Pause the run when the mean per-response KL to the base model exceeds this (nats); 0 turns the guard off."),
          25.0, 0.0, 1e6, true),
        trainParam("min_entropy", QT_TRANSLATE_NOOP("lab::TrainParam", "Entropy guard"), QT_TRANSLATE_NOOP("lab::TrainParam", "Pause the run when the policy's mean token entropy falls below this (nats): it has collapsed onto a few tokens. 0 turns the guard off."),
          0.05, 0.0, 100.0, true),
    };
    for (TrainParam &t : params)
        if (t.key == QLatin1String("value_head_init"))
            t.choices = {QStringLiteral("zeros"), QStringLiteral("reward_model")};
    return params;
}

} // namespace lab
