// The settings of the reward model trainer, with their defaults, ranges and help: Torch-free, so that lupdate
// (which follows #includes) reads the QT_TRANSLATE_NOOP texts in seconds, not by parsing LibTorch.
#include "core/train/reward_trainer.h"

#include <QCoreApplication>

namespace lab {

namespace {

QVariant whole(qint64 v) { return QVariant::fromValue<qint64>(v); }

} // namespace

QVector<TrainParam> rewardParams()
{
    return {
        trainParam("steps", QT_TRANSLATE_NOOP("lab::TrainParam", "Steps"), QT_TRANSLATE_NOOP("lab::TrainParam", "Optimizer steps in the run. Each step trains on batch_size pairs; one epoch is "
              "ceil(training pairs / batch_size) steps."), whole(200), 1, 1e7),
        trainParam("batch_size", QT_TRANSLATE_NOOP("lab::TrainParam", "Pairs per step"), QT_TRANSLATE_NOOP("lab::TrainParam", "Preference pairs per step; the chosen and rejected answers of all of "
              "them go through one packed forward."), whole(8), 1, 256),
        trainParam("learning_rate", QT_TRANSLATE_NOOP("lab::TrainParam", "Learning rate"), QT_TRANSLATE_NOOP("lab::TrainParam", "Peak AdamW learning rate, reached after the warm-up and then lowered "
              "along a cosine. Lower it if the loss jumps about or turns NaN."), 1e-4, 1e-7, 1e30),
        trainParam("warmup_steps", QT_TRANSLATE_NOOP("lab::TrainParam", "Warm-up steps"), QT_TRANSLATE_NOOP("lab::TrainParam", "Steps over which the learning rate rises linearly to its peak."),
              whole(10), 0, 1e6, true),
        trainParam("min_lr_ratio", QT_TRANSLATE_NOOP("lab::TrainParam", "Final learning rate ratio"), QT_TRANSLATE_NOOP("lab::TrainParam", "The cosine ends at this fraction of the peak learning rate."),
              0.1, 0.0, 1.0, true),
        trainParam("weight_decay", QT_TRANSLATE_NOOP("lab::TrainParam", "Weight decay"), QT_TRANSLATE_NOOP("lab::TrainParam", "AdamW's decoupled weight decay on the weight matrices (not on norms)."),
              0.0, 0.0, 1.0, true),
        trainParam("max_grad_norm", QT_TRANSLATE_NOOP("lab::TrainParam", "Gradient clip"), QT_TRANSLATE_NOOP("lab::TrainParam", "Gradients are scaled down so that their global norm is at most this."),
              1.0, 0.0, 1e6, true),
        trainParam("margin", QT_TRANSLATE_NOOP("lab::TrainParam", "Margin"), QT_TRANSLATE_NOOP("lab::TrainParam", "Bradley-Terry margin: the loss keeps pushing until r(chosen) - r(rejected) exceeds "
              "it. 0 is the plain Bradley-Terry loss."), 0.0, 0.0, 100.0, true),
        trainParam("train_layers", QT_TRANSLATE_NOOP("lab::TrainParam", "Trained layers"), QT_TRANSLATE_NOOP("lab::TrainParam", "How many of the top decoder layers are trained with the head (the "
              "final norm too when > 0); -1 trains the whole model. Fewer layers make a step cheaper: nothing "
              "below them runs backward."), whole(2), -1, 1000),
        trainParam("held_out_fraction", QT_TRANSLATE_NOOP("lab::TrainParam", "Held-out share"), QT_TRANSLATE_NOOP("lab::TrainParam", "Share of the incidents whose pairs are kept out of training to "
              "measure eval/accuracy (split by incident, never by pair)."), 0.05, 0.0, 0.9),
        trainParam("eval_pairs", QT_TRANSLATE_NOOP("lab::TrainParam", "Held-out pairs evaluated"), QT_TRANSLATE_NOOP("lab::TrainParam", "At most this many held-out pairs are scored at each "
              "evaluation (the same ones each time); 0: all of them."), whole(300), 0, 1e7, true),
        trainParam("eval_every", QT_TRANSLATE_NOOP("lab::TrainParam", "Evaluate every"), QT_TRANSLATE_NOOP("lab::TrainParam", "Steps between held-out evaluations besides each epoch end and the end "
              "of the run; 0: only then."), whole(50), 0, 1e7, true),
        trainParam("log_every", QT_TRANSLATE_NOOP("lab::TrainParam", "Log every"), QT_TRANSLATE_NOOP("lab::TrainParam", "Steps between metric points (means over those steps)."), whole(5), 1, 1e6, true),
        trainParam("checkpoint_every", QT_TRANSLATE_NOOP("lab::TrainParam", "Checkpoint every"), QT_TRANSLATE_NOOP("lab::TrainParam", "Steps between checkpoints (also written when the run stops); "
              "0: only at the end."), whole(50), 0, 1e7, true),
        trainParam("prompt_tokens", QT_TRANSLATE_NOOP("lab::TrainParam", "Prompt budget"), QT_TRANSLATE_NOOP("lab::TrainParam", "Tokens of BOS + log digest + cue; 0: what the base model was trained "
              "with (its lab_prompt_tokens, else 352)."), whole(0), 0, 4096, true),
        trainParam("context_tokens", QT_TRANSLATE_NOOP("lab::TrainParam", "Context"), QT_TRANSLATE_NOOP("lab::TrainParam", "Prompt + explanation + EOS are cut to this many tokens."), whole(512), 32,
              4096, true),
        trainParam("seed", QT_TRANSLATE_NOOP("lab::TrainParam", "Seed"), QT_TRANSLATE_NOOP("lab::TrainParam", "Head initialisation, train/held-out split and the order of the pairs."), whole(1), 0,
              9.0e15, true),
        trainParam("score_pairs", QT_TRANSLATE_NOOP("lab::TrainParam", "Rank unvoted pairs"), QT_TRANSLATE_NOOP("lab::TrainParam", "After a finished run, score the pairs nobody has voted on so the "
              "labeling queue shows the ones the model is least sure about first."), true, 0, 0, true),
        trainParam("score_seconds", QT_TRANSLATE_NOOP("lab::TrainParam", "Ranking time limit"), QT_TRANSLATE_NOOP("lab::TrainParam", "Pair ranking is skipped when it would take longer than this "
              "many seconds."), 60.0, 0.0, 1e6, true),
    };
}

} // namespace lab
