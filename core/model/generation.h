#pragma once
// Batched sampling from a LlamaForCausalLM with a preallocated key/value cache.
//
// How: the prompt tokens of all rows are packed (no pad positions go through the projections),
// each row attends only to itself, and its keys/values land right-aligned in a cache
// [B, kv_heads, P + maxNewTokens, head_dim] per layer that is written in place, never
// concatenated. Only the last prompt position reaches lm_head. Decoding then runs one token per
// row per step. q/k/v and gate/up are fused into one matrix product each for the duration of the
// call (an enabled, unmerged LoRA adapter is folded in), so the checkpoint keeps HF's names.
// Positions are cumsum(mask) - 1 as in HF generate, so results match a full forward of the
// left-padded sequence up to float rounding.
#include "core/common/result.h"
#include "core/model/llama.h"

#include <ATen/core/Generator.h>

#include <QVector>
#include <vector>

namespace lab {

struct GenerationConfig
{
    int maxNewTokens = 64;
    bool doSample = true;           // false: greedy (argmax), the warpers below are ignored
    double temperature = 1.0;       // > 0
    int topK = 0;                   // 0 = off
    double topP = 1.0;              // 1 = off; keeps the smallest set with mass >= topP
    double repetitionPenalty = 1.0; // 1 = off; HF's CTRL-style penalty on prompt and output tokens
    QVector<qint64> eosTokenIds;    // a row stops after emitting one; empty = never stop early
    qint64 padTokenId = 0;          // written after a row has stopped
    bool returnLogits = false;      // keep each step's raw logits (tests, analysis)
    // Testing aid: attention through generic LibTorch ops (the path non-CPU devices use)
    // instead of the CPU decode kernel.
    bool genericAttention = false;
};

struct GenerationOutput
{
    torch::Tensor tokens;   // [B, N] int64 new tokens, padTokenId after a row's end
    torch::Tensor logProbs; // [B, N] float: log_softmax of the model's raw logits (temperature 1,
                            // no filtering) at each chosen token; 0 after a row's end
    torch::Tensor mask;     // [B, N] int64: 1 for generated tokens (the EOS included)
    torch::Tensor lengths;  // [B] int64: generated tokens per row
    torch::Tensor logits;   // [B, N, vocab] raw logits when config.returnLogits
};

// ids [B, P] int64 and attentionMask [B, P] (1 = real token; left padding as HF, right padding
// works too); every row needs at least one real token. `generator` is a CPU generator (e.g.
// at::detail::createCPUGenerator(seed)); the same seed and inputs give the same tokens.
Result<GenerationOutput> generate(LlamaForCausalLMImpl &model, const torch::Tensor &ids,
                                  const torch::Tensor &attentionMask,
                                  const GenerationConfig &config, at::Generator generator);

// Left-pads token lists into ids [B, P] and mask [B, P] (CPU, int64).
std::pair<torch::Tensor, torch::Tensor>
leftPadBatch(const std::vector<std::vector<std::int64_t>> &prompts, std::int64_t padTokenId);

} // namespace lab
