#pragma once
// Direct preference optimisation (Rafailov et al. 2023; TRL's DPOTrainer) of the base model with a
// LoRA adapter, on the project's votes. Torch-free at its edge, so the CLI and the GUI start it
// like the other preference trainers (train_run.h):
//   - policy = the base model + a fresh LoRA adapter; reference = the SAME module with the adapter
//     switched off (never a second copy of the weights);
//   - the reference's log-probabilities of every pair the run will use (and of the held-out pairs)
//     are computed once, before the first step, without gradients, and kept in memory; they are
//     saved with each checkpoint, so a resumed run reads them back instead of recomputing;
//   - only the explanation tokens (and EOS) are scored, never the log prompt;
//   - sigmoid, IPO or robust (label-noise eps) loss, AdamW on the adapter only, warm-up + cosine,
//     gradient clipping; held-out rewards/accuracies every eval_every steps and at the end;
//   - checkpoints hold the adapter, AdamW's moments, the step, the cached reference log-probs and
//     trainer_state.json; the batches are a pure function of (seed, step), so a resumed run logs
//     exactly what the uninterrupted one would have;
//   - the adapter is written in the PEFT layout into the run's adapter/ folder, registered and
//     (when the run finished well) activated by RunSession::finish.
#include "core/train/preference_data.h"
#include "core/train/train_run.h"

#include <cstdint>
#include <vector>

namespace lab {

struct PackedBatch; // core/model/packed_forward.h

// Settings of a DPO run, with defaults tuned for lab-tiny on 2 CPU cores.
QVector<TrainParam> dpoParams();

// One DPO session on the calling thread (see train_run.h for errors and outcomes).
Result<TrainOutcome> runDpoTraining(const TrainJob &job, const TrainCallbacks &callbacks = {});

// The packed batch a DPO step scores: the chosen sequences (prompt + answer) of `indices`, then
// their rejected ones, each labelled only from its last prompt token on, so that only the
// answer's tokens (EOS included) count. Exposed for tests.
PackedBatch packPreferencePairs(const std::vector<PreferenceExample> &examples,
                                const std::vector<std::int64_t> &indices);

} // namespace lab
