#pragma once
// A training checkpoint folder: the model as a Hugging Face folder (config.json,
// model.safetensors in float32), tokenizer.model, optimizer.safetensors (AdamW moments) and
// trainer_state.json (step, configuration, seed, data snapshot). Written into "<dir>.tmp" and
// renamed over <dir>, so a crash leaves either the old checkpoint or the new one, never a mix.
#include "core/common/result.h"
#include "core/model/llama.h"
#include "core/text/tokenizer.h"
#include "core/train/adamw.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace lab {

// Fills "<dir>.tmp" through `write`, then swaps it in for <dir> (the old folder is moved aside
// first and removed last), so a crash at any point leaves the old folder or the new one whole.
Status writeDirAtomically(const QString &dir,
                          const std::function<Status(const QString &tmpDir)> &write);
// One file written through QSaveFile (a temporary renamed over the path).
Status writeFileAtomically(const QString &path, const QByteArray &bytes);

Status writeCheckpoint(const QString &dir, LlamaForCausalLM &model, const Tokenizer &tokenizer,
                       const AdamW &optimizer, const QJsonObject &trainerState);

struct Checkpoint
{
    LlamaForCausalLM model{nullptr};
    Tokenizer tokenizer;
    std::map<std::string, torch::Tensor> optimizerState;
    QJsonObject trainerState;
};
Result<Checkpoint> readCheckpoint(const QString &dir);

// Writes a model folder for use: config.json (torch_dtype set; with promptTokens > 0 also
// "lab_prompt_tokens", the prompt budget it was trained with), model.safetensors in `dtype`
// ("float32", "float16", "bfloat16") and tokenizer.model. Each file is written atomically.
Status exportModel(const QString &dir, LlamaForCausalLM &model, const Tokenizer &tokenizer,
                   const QString &dtype, int promptTokens = 0);

} // namespace lab
