#pragma once
// What the workload builders of bench.cpp share, so each workload can live in its own file
// (bench_reward.cpp, bench_dpo.cpp): the seed, one step's result, and the reference's random
// right-padded sequences. Internal to lab_bench.
#include <ATen/ATen.h>

#include <cstdint>
#include <functional>
#include <vector>

namespace lab::bench {

inline constexpr std::uint64_t kSeed = 1234; // lengths; token ids and sampling use kSeed + 1

// One step of a workload: its units (GFLOP, tokens, pairs) and, for sft, its model FLOPs.
struct StepResult
{
    double units = 0;
    double modelFlops = 0;
};
using Step = std::function<StepResult()>;

// Right-padded random ids as the reference's right_padded(): a [B, L] draw from `tokens` (pad
// positions included, so the stream advances alike), then the sequences cut to their lengths.
std::vector<std::vector<std::int64_t>> randomSequences(const at::Tensor &lengths,
                                                       at::Generator &tokens, std::int64_t vocab);

// The workloads of the training issue (bench_reward.cpp, bench_dpo.cpp).
Step makeReward();
Step makeDpo();

} // namespace lab::bench
