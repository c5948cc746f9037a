// The dpo workload of shared/bench/README.md, done the project's way: the 16 rows (8 chosen, 8
// rejected sharing their pair's prompt) packed end to end with no padding, logits only at the
// completion positions (packedSequenceLogProbs reads lm_head for labelled rows alone), the
// reference forward under NoGradGuard with the adapter switched off. Same model, LoRA, lengths,
// token ids, loss and optimiser as the reference's make_dpo, so the result is the same up to
// float rounding.
#include "core/bench/bench_workloads.h"

#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/model/packed_forward.h"

#include <ATen/ATen.h>
#include <torch/nn/utils/clip_grad.h>
#include <torch/optim/adamw.h>
#include <torch/utils.h>

#include <memory>
#include <stdexcept>

namespace lab::bench {

Step makeDpo()
{
    struct State
    {
        LlamaForCausalLM model{LlamaConfig::labTiny()};
        at::Generator lengths = at::detail::createCPUGenerator(kSeed);
        at::Generator tokens = at::detail::createCPUGenerator(kSeed + 1);
        std::vector<torch::Tensor> lora;
        std::unique_ptr<torch::optim::AdamW> optimizer;
    };
    auto s = std::make_shared<State>();
    initLlamaWeights(*s->model, kSeed);
    LoraConfig config; // r 16, alpha 32 on q, k, v, o: the reference's add_lora
    auto lora = addLora(*s->model, config, kSeed);
    if (!lora)
        throw std::runtime_error(lora.error().toStdString());
    s->lora = *lora;
    s->model->train();
    s->optimizer = std::make_unique<torch::optim::AdamW>(s->lora, torch::optim::AdamWOptions(5e-4).weight_decay(0.01));
    return [s]() {
        const std::int64_t pairs = 8, vocab = s->model->config().vocabSize;
        // As the reference's dpo_batch: prompt lengths, then completion lengths, then the ids of the
        // right-padded [16, L] draw; rejected rows take their pair's prompt tokens.
        const at::Tensor P = at::randint(64, 385, {pairs}, s->lengths, at::kLong);
        const at::Tensor C = at::randint(16, 129, {2 * pairs}, s->lengths, at::kLong);
        const at::Tensor promptLengths = P.repeat({2});
        std::vector<std::vector<std::int64_t>> rows = randomSequences(promptLengths + C, s->tokens, vocab);
        std::vector<std::int64_t> lossFrom(size_t(2 * pairs));
        for (std::int64_t i = 0; i < pairs; ++i) {
            const std::int64_t p = P[i].item<std::int64_t>();
            std::copy(rows[size_t(i)].begin(), rows[size_t(i)].begin() + p, rows[size_t(pairs + i)].begin());
            lossFrom[size_t(i)] = lossFrom[size_t(pairs + i)] = p - 1; // completion tokens only
        }
        const PackedBatch batch = packSequences(rows, lossFrom);

        s->optimizer->zero_grad();
        const at::Tensor policy = packedSequenceLogProbs(*s->model, batch).first; // [16], with grad
        at::Tensor reference;
        {
            torch::NoGradGuard noGrad;
            setLoraEnabled(*s->model, false);
            reference = packedSequenceLogProbs(*s->model, batch).first;
            setLoraEnabled(*s->model, true);
        }
        const at::Tensor logits = (policy.slice(0, 0, pairs) - policy.slice(0, pairs))
                                  - (reference.slice(0, 0, pairs) - reference.slice(0, pairs));
        const at::Tensor loss = -at::log_sigmoid(0.1 * logits).mean();
        loss.backward();
        torch::nn::utils::clip_grad_norm_(s->lora, 1.0);
        s->optimizer->step();
        loss.item<double>(); // as the reference's train_step
        return StepResult{double(pairs), 0};
    };
}

} // namespace lab::bench
