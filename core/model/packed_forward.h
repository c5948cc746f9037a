#pragma once
// The training forward without padding: whole sequences laid end to end in one [N] row, each
// attending causally to itself only, positions restarting at 0 for every sequence. The result is
// the padded LlamaForCausalLM::forward's (right padding, HF's shifted loss with -100 ignored) up
// to float rounding, for less work:
//   - no pad token goes through any projection, norm or the MLP;
//   - attention runs per sequence in query blocks, so only the causal part of each sequence's
//     [L, L] score matrix (plus the block diagonals) is computed, never [B, L, L] over the padding;
//   - q/k/v and gate/up are one matrix product each (the HF-named weights are concatenated for
//     the product and their gradients split back by autograd); a projection whose LoRA adapter is
//     enabled and unmerged runs through its own forward, so adapters (dropout included) apply
//     exactly as in forward();
//   - lm_head and cross entropy run in row chunks: logits exist for one chunk at a time, and the
//     loss's gradients with respect to the hidden states and lm_head are formed in the same pass.
// On the CPU in float32, RMSNorm, rotary embeddings, attention and SwiGLU are custom autograd
// functions with hand-written backward passes; elsewhere (CUDA, other dtypes) the same packed
// layout runs through plain LibTorch ops.
//
// Malformed input (a sequence of length 0, label/length mismatch) throws c10::Error like any
// LibTorch call; the training worker turns it into its failed() message.
#include "core/model/llama.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace lab {

// Whole sequences laid end to end, no padding; each attends causally to itself only, positions
// restart at 0 for every sequence.
struct PackedBatch
{
    torch::Tensor ids;    // [N] int64, all sequences concatenated
    torch::Tensor labels; // [N] int64: the token predicted at position i (the next one
                          // of the same sequence) or -100 (no loss: prompt, last token)
    std::vector<std::int64_t> lengths; // tokens per sequence, sum = N
};

// lossFrom[s]: the first position of sequence s whose NEXT token is trained (e.g. the last prompt
// token); 0 trains every next-token. Empty vector = all zero. Tensors are on the CPU; move ids and
// labels with .to(device) for another device.
PackedBatch packSequences(const std::vector<std::vector<std::int64_t>> &sequences,
                          const std::vector<std::int64_t> &lossFrom = {});

// Final normed hidden states [N, d] (differentiable; LoRA adapters apply as in forward()).
torch::Tensor packedHidden(LlamaForCausalLMImpl &model, const PackedBatch &batch);

// Mean cross entropy over positions with a label (scalar, differentiable), as HF's shifted loss
// with -100 ignored. Never materialises more logits than one chunk of rows. A batch without any
// label gives 0 (HF would give NaN), so an all-prompt batch cannot poison the weights.
torch::Tensor packedCausalLmLoss(LlamaForCausalLMImpl &model, const PackedBatch &batch);

// Per sequence, the summed log-prob of its labelled tokens [B] (DPO, PPO), and their count [B]
// (int64). Differentiable in the first; logits are recomputed chunk by chunk in the backward.
std::pair<torch::Tensor, torch::Tensor> packedSequenceLogProbs(LlamaForCausalLMImpl &model,
                                                               const PackedBatch &batch);

// The same quantities from hidden states [N, d] already computed by packedHidden (e.g. when a
// value head reads them too).
torch::Tensor packedLossFromHidden(LlamaForCausalLMImpl &model, const torch::Tensor &hidden,
                                   const PackedBatch &batch);
std::pair<torch::Tensor, torch::Tensor> packedLogProbsFromHidden(LlamaForCausalLMImpl &model,
                                                                 const torch::Tensor &hidden,
                                                                 const PackedBatch &batch);

// Index of the last token of each sequence in the packed row [B] (int64), e.g. where a reward
// head reads.
torch::Tensor packedLastTokenIndex(const PackedBatch &batch);

} // namespace lab
