// The `reward` workload of shared/bench/README.md: 8 pairs of random sequences (lengths and ids
// drawn as the reference draws them: chosen [8, Lc] then rejected [8, Lr]), the lab-tiny backbone
// with a scalar head read at each sequence's last token, loss -logsigmoid(r_c - r_r).mean(),
// AdamW lr 1e-4 on all 4,213,248 parameters, gradients clipped to norm 1.0.
// The reference pads chosen and rejected apart and runs two padded forwards; here all 16
// sequences go end to end through ONE packed forward (no padding, each attends to itself only),
// which gives the same rewards up to float rounding.
#include "core/bench/bench_workloads.h"

#include "core/model/heads.h"
#include "core/model/llama.h"
#include "core/model/packed_forward.h"

#include <torch/nn/utils/clip_grad.h>
#include <torch/optim/adamw.h>
#include <torch/utils.h>

#include <memory>

namespace lab::bench {

Step makeReward()
{
    struct State
    {
        LlamaRewardModel model{LlamaConfig::labTiny()};
        // packedHidden takes a causal LM: this one shares the reward model's backbone.
        LlamaForCausalLM lm{LlamaConfig::labTiny()};
        at::Generator lengths = at::detail::createCPUGenerator(kSeed);
        at::Generator tokens = at::detail::createCPUGenerator(kSeed + 1);
        std::unique_ptr<torch::optim::AdamW> optimizer;
    };
    auto s = std::make_shared<State>();
    initLlamaWeights(*s->model, kSeed);
    s->lm->model = s->model->model;
    s->model->train();
    s->optimizer = std::make_unique<torch::optim::AdamW>(
        s->model->parameters(), torch::optim::AdamWOptions(1e-4).weight_decay(0.01));
    return [s]() {
        constexpr std::int64_t kPairs = 8;
        const std::int64_t vocab = s->model->config().vocabSize;
        const at::Tensor lengths = at::randint(96, 513, {2 * kPairs}, s->lengths, at::kLong);
        std::vector<std::vector<std::int64_t>> seqs =
            randomSequences(lengths.narrow(0, 0, kPairs), s->tokens, vocab);
        for (auto &r : randomSequences(lengths.narrow(0, kPairs, kPairs), s->tokens, vocab))
            seqs.push_back(std::move(r));
        const PackedBatch batch = packSequences(seqs);
        s->optimizer->zero_grad();
        const at::Tensor hidden = packedHidden(*s->lm, batch);                               // [N, d]
        const at::Tensor rewards = s->model->score(hidden.index_select(0, packedLastTokenIndex(batch))); // [16]
        const at::Tensor loss =
            -at::log_sigmoid(rewards.narrow(0, 0, kPairs) - rewards.narrow(0, kPairs, kPairs)).mean();
        loss.backward();
        torch::nn::utils::clip_grad_norm_(s->model->parameters(), 1.0);
        s->optimizer->step();
        loss.item<double>(); // as the reference's train_step
        return StepResult{double(kPairs), 0};
    };
}

} // namespace lab::bench
