// The settings of the DPO trainer, with their defaults, ranges and help: Torch-free, so that lupdate
// (which follows #includes) reads the QT_TRANSLATE_NOOP texts in seconds, not by parsing LibTorch.
#include "core/train/dpo_trainer.h"

#include <QCoreApplication>

namespace lab {

QVector<TrainParam> dpoParams()
{
    TrainParam lossType = trainParam("loss_type", QT_TRANSLATE_NOOP("lab::TrainParam", "Loss"),
                                QT_TRANSLATE_NOOP("lab::TrainParam", "sigmoid: the DPO paper's loss. ipo: squared loss on length-averaged "
                                "log-probabilities, less prone to over-fitting a few pairs. robust: "
                                "sigmoid corrected for a known rate of flipped votes (label_smoothing)."),
                                QStringLiteral("sigmoid"));
    lossType.choices = {QStringLiteral("sigmoid"), QStringLiteral("ipo"), QStringLiteral("robust")};
    return {
        trainParam("steps", QT_TRANSLATE_NOOP("lab::TrainParam", "Steps"), QT_TRANSLATE_NOOP("lab::TrainParam", "Optimizer steps. Each step reads batch_size pairs."), qint64(150), 1, 1e6),
        trainParam("batch_size", QT_TRANSLATE_NOOP("lab::TrainParam", "Pairs per step"),
              QT_TRANSLATE_NOOP("lab::TrainParam", "Preference pairs per step (2 sequences each). Larger is steadier but slower."), qint64(8), 1, 512),
        trainParam("learning_rate", QT_TRANSLATE_NOOP("lab::TrainParam", "Learning rate"),
              QT_TRANSLATE_NOOP("lab::TrainParam", "Peak AdamW learning rate of the adapter. Lower it if rewards/accuracies stall or the "
              "explanations degrade."),
              1e-3, 1e-7, 1.0),
        trainParam("warmup_steps", QT_TRANSLATE_NOOP("lab::TrainParam", "Warm-up steps"), QT_TRANSLATE_NOOP("lab::TrainParam", "Steps of linear warm-up before the cosine decay."), qint64(10), 0,
              1e6, true),
        trainParam("min_lr_ratio", QT_TRANSLATE_NOOP("lab::TrainParam", "Final LR ratio"), QT_TRANSLATE_NOOP("lab::TrainParam", "The cosine decays to this fraction of the peak rate."), 0.1, 0, 1,
              true),
        trainParam("weight_decay", QT_TRANSLATE_NOOP("lab::TrainParam", "Weight decay"), QT_TRANSLATE_NOOP("lab::TrainParam", "AdamW decoupled weight decay on the adapter (TRL's default is 0)."),
              0.0, 0, 1, true),
        trainParam("max_grad_norm", QT_TRANSLATE_NOOP("lab::TrainParam", "Gradient clip"), QT_TRANSLATE_NOOP("lab::TrainParam", "The adapter's gradients are clipped to this global norm."), 1.0,
              1e-6, 1e6, true),
        trainParam("beta", QT_TRANSLATE_NOOP("lab::TrainParam", "Beta"),
              QT_TRANSLATE_NOOP("lab::TrainParam", "Strength of the pull towards the reference model: lower lets the policy move further "
              "from the base model (0.1 is the DPO paper's default)."),
              0.1, 1e-4, 100),
        lossType,
        trainParam("label_smoothing", QT_TRANSLATE_NOOP("lab::TrainParam", "Label noise"),
              QT_TRANSLATE_NOOP("lab::TrainParam", "robust: the assumed share of flipped votes (the simulated engineer's noise); sigmoid: "
              "conservative-DPO smoothing. Must stay below 0.5. Ignored by ipo."),
              0.0, 0, 0.49, true),
        trainParam("lora_r", QT_TRANSLATE_NOOP("lab::TrainParam", "LoRA rank"), QT_TRANSLATE_NOOP("lab::TrainParam", "Rank of the adapter matrices."), qint64(16), 1, 1024),
        trainParam("lora_alpha", QT_TRANSLATE_NOOP("lab::TrainParam", "LoRA alpha"), QT_TRANSLATE_NOOP("lab::TrainParam", "Adapter scale is alpha / rank."), 32.0, 1e-3, 1e5),
        trainParam("lora_dropout", QT_TRANSLATE_NOOP("lab::TrainParam", "LoRA dropout"), QT_TRANSLATE_NOOP("lab::TrainParam", "Dropout on the adapter's input while training."), 0.0, 0, 0.9, true),
        trainParam("lora_targets", QT_TRANSLATE_NOOP("lab::TrainParam", "Adapted projections"),
              QT_TRANSLATE_NOOP("lab::TrainParam", "Comma-separated projection names to adapt: q_proj, k_proj, v_proj, o_proj and, for the "
              "MLP, gate_proj, up_proj, down_proj."),
              QStringLiteral("q_proj,k_proj,v_proj,o_proj"), 0, 0, true),
        trainParam("seed", QT_TRANSLATE_NOOP("lab::TrainParam", "Seed"), QT_TRANSLATE_NOOP("lab::TrainParam", "Seeds the adapter's initialisation, the split and the batch order."), qint64(1), 0,
              2147483647.0, true),
        trainParam("held_out_fraction", QT_TRANSLATE_NOOP("lab::TrainParam", "Held-out share"),
              QT_TRANSLATE_NOOP("lab::TrainParam", "Share of incidents whose pairs are kept out of training and used to measure held-out "
              "rewards/accuracies."),
              0.1, 0.0, 0.5, true),
        trainParam("eval_pairs", QT_TRANSLATE_NOOP("lab::TrainParam", "Held-out pairs evaluated"),
              QT_TRANSLATE_NOOP("lab::TrainParam", "Held-out pairs scored at each evaluation (0: none). More is steadier but slower."), qint64(64), 0,
              100000, true),
        trainParam("eval_every", QT_TRANSLATE_NOOP("lab::TrainParam", "Evaluate every"), QT_TRANSLATE_NOOP("lab::TrainParam", "Steps between held-out evaluations (and one at the end)."),
              qint64(50), 1, 1e6, true),
        trainParam("log_every", QT_TRANSLATE_NOOP("lab::TrainParam", "Log every"), QT_TRANSLATE_NOOP("lab::TrainParam", "Steps between logged metric points (averaged over those steps)."),
              qint64(5), 1, 1e6, true),
        trainParam("checkpoint_every", QT_TRANSLATE_NOOP("lab::TrainParam", "Checkpoint every"), QT_TRANSLATE_NOOP("lab::TrainParam", "Steps between checkpoints (and one at the end)."),
              qint64(50), 1, 1e6, true),
        trainParam("reference_batch", QT_TRANSLATE_NOOP("lab::TrainParam", "Reference batch"),
              QT_TRANSLATE_NOOP("lab::TrainParam", "Pairs per no-grad forward when the reference log-probabilities are computed."), qint64(16), 1,
              1024, true),
    };
}

} // namespace lab
