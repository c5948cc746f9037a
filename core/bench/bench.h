#pragma once
// The workloads of shared/bench/README.md, done the project's way (packed SFT, the KV-cache
// generation engine) for the same results as shared/bench/torch_reference.py: same model
// (lab-tiny, float32, N(0, 0.02) weights), same batch shapes from the same seeds (lengths from a
// generator seeded 1234, token ids and sampling from one seeded 1235, drawn in the reference's
// order), same optimiser and counting: 1 warm-up step, then 3 windows of whole steps lasting
// >= seconds each, the median rate reported. Torch-free so the CLI can call it.
#include "core/common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace lab {

struct BenchOptions
{
    QStringList only;     // workload names; empty = every one this build runs
    double seconds = 5.0; // minimum length of each of the 3 windows
    int threads = 0;      // 0 = one per core; sets LibTorch's and OpenBLAS's pools
};

struct BenchWorkload
{
    QString name;          // "sft"
    QString key;           // JSON key, "sft_tokens_per_s"
    QString unit;          // "real tokens/s"
    double median = 0;     // the reported rate
    QList<double> windows; // the 3 windows' rates
    QList<int> steps;      // whole steps per window
    // sft only: model FLOP/s (see sftFlopCount) in each window, GFLOP/s.
    QList<double> modelGflops;
};

struct BenchReport
{
    QList<BenchWorkload> workloads; // in the order run
    int threads = 1;
    QString torchVersion;
    QString ompWaitPolicy;
    qint64 lmParams = 0, rewardParams = 0, loraParams = 0;
    QString flopCount; // how sft_model_gflops is counted, in words

    const BenchWorkload *find(const QString &name) const;
    // The README's keys (null for workloads not run), plus sft_model_gflops and
    // sft_gemm_fraction (model FLOP/s of SFT over the gemm control's FLOP/s) and the windows.
    QJsonObject toJson() const;
};

// Every workload name of the README, and those this build runs (reward and dpo come with the
// training issue and are reported as null until then).
QStringList benchWorkloadNames();
QStringList availableBenchWorkloads();

// Called before each workload and after each window: (workload, windows done of 3).
using BenchProgress = std::function<void(const QString &workload, int windowsDone)>;

// Runs the chosen workloads; fails on an unknown or unavailable name or bad options.
Result<BenchReport> runBench(const BenchOptions &options, const BenchProgress &progress = {});

} // namespace lab
