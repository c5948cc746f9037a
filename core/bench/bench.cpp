#include "core/bench/bench.h"
#include "core/bench/bench_workloads.h"

#include "core/model/generation.h"
#include "core/model/llama.h"
#include "core/model/packed_forward.h"
#include "core/runtime/runtime_info.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/nn/utils/clip_grad.h>
#include <torch/optim/adamw.h>
#include <torch/utils.h>

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <dlfcn.h>
#include <thread>

namespace lab {

namespace bench {

std::vector<std::vector<std::int64_t>> randomSequences(const at::Tensor &lengths,
                                                       at::Generator &tokens, std::int64_t vocab)
{
    const std::int64_t B = lengths.size(0), L = lengths.max().item<std::int64_t>();
    const at::Tensor ids = at::randint(1, vocab, {B, L}, tokens, at::kLong).contiguous();
    std::vector<std::vector<std::int64_t>> seqs;
    const std::int64_t *p = ids.data_ptr<std::int64_t>();
    for (std::int64_t b = 0; b < B; ++b) {
        const std::int64_t len = lengths[b].item<std::int64_t>();
        seqs.emplace_back(p + b * L, p + b * L + len);
    }
    return seqs;
}

} // namespace bench

namespace {

using bench::kSeed;
using bench::randomSequences;
using bench::Step;
using bench::StepResult;

struct WorkloadInfo
{
    const char *name, *key, *unit;
    bool available;
};

constexpr WorkloadInfo kWorkloads[] = {
    {"gemm", "gemm_gflops", "GFLOP/s", true},
    {"sft", "sft_tokens_per_s", "real tokens/s", true},
    {"reward", "reward_pairs_per_s", "pairs/s", true},
    {"dpo", "dpo_pairs_per_s", "pairs/s", true},
    {"generate", "generate_tokens_per_s", "new tokens/s", true},
};


double median3(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// As the reference's measure(): one warm-up step, then 3 windows of whole steps lasting
// >= seconds; each window's rate is its units over its time.
BenchWorkload measure(const WorkloadInfo &info, const Step &step, double seconds,
                      const BenchProgress &progress)
{
    BenchWorkload w;
    w.name = QString::fromLatin1(info.name);
    w.key = QString::fromLatin1(info.key);
    w.unit = QString::fromLatin1(info.unit);
    step();
    for (int window = 0; window < 3; ++window) {
        QElapsedTimer timer;
        timer.start();
        double units = 0, flops = 0;
        int n = 0;
        while (n == 0 || double(timer.nsecsElapsed()) < seconds * 1e9) {
            const StepResult r = step();
            units += r.units;
            flops += r.modelFlops;
            ++n;
        }
        const double elapsed = double(timer.nsecsElapsed()) / 1e9;
        w.windows << units / elapsed;
        w.steps << n;
        if (flops > 0)
            w.modelGflops << flops / elapsed / 1e9;
        if (progress)
            progress(w.name, window + 1);
    }
    w.median = median3(w.windows);
    return w;
}

// Matrix-product parameters (no embedding) of a causal LM: q, k, v, o, gate, up, down, lm_head.
std::int64_t matmulParams(const LlamaConfig &c)
{
    const std::int64_t d = c.hiddenSize, q = std::int64_t(c.numHeads) * c.headDim();
    const std::int64_t perLayer = d * q + 2 * d * c.kvDim() + q * d + 3 * d * c.intermediateSize;
    return c.numLayers * perLayer + std::int64_t(c.vocabSize) * d;
}

// 6 x matmul params x tokens (forward 2, backward 4) plus the causal attention actually needed:
// per layer, QK^T and PV forward take 2 * q_width * L(L+1) FLOPs, their backward twice that.
double sftFlops(const LlamaConfig &c, const std::vector<std::int64_t> &lengths)
{
    double flops = 0;
    const double qWidth = double(c.numHeads) * c.headDim();
    for (std::int64_t L : lengths) {
        flops += 6.0 * double(matmulParams(c)) * double(L);
        flops += 6.0 * qWidth * double(L) * double(L + 1) * c.numLayers;
    }
    return flops;
}

Step makeGemm()
{
    at::Generator ga = at::detail::createCPUGenerator(kSeed);
    at::Generator gb = at::detail::createCPUGenerator(kSeed + 1);
    const std::int64_t n = 1024;
    const at::Tensor a = at::randn({n, n}, ga), b = at::randn({n, n}, gb);
    return [a, b, n]() {
        at::mm(a, b);
        return StepResult{2.0 * double(n) * n * n / 1e9, 0};
    };
}

Step makeSft()
{
    struct State
    {
        LlamaForCausalLM model{LlamaConfig::labTiny()};
        at::Generator lengths = at::detail::createCPUGenerator(kSeed);
        at::Generator tokens = at::detail::createCPUGenerator(kSeed + 1);
        std::unique_ptr<torch::optim::AdamW> optimizer;
    };
    auto s = std::make_shared<State>();
    initLlamaWeights(*s->model, kSeed);
    s->model->train();
    s->optimizer = std::make_unique<torch::optim::AdamW>(
        s->model->parameters(), torch::optim::AdamWOptions(3e-4).weight_decay(0.01));
    return [s]() {
        const LlamaConfig &c = s->model->config();
        const at::Tensor lengths = at::randint(96, 513, {16}, s->lengths, at::kLong);
        const PackedBatch batch = packSequences(randomSequences(lengths, s->tokens, c.vocabSize));
        s->optimizer->zero_grad();
        const at::Tensor loss = packedCausalLmLoss(*s->model, batch);
        loss.backward();
        torch::nn::utils::clip_grad_norm_(s->model->parameters(), 1.0);
        s->optimizer->step();
        loss.item<double>(); // as the reference's train_step
        return StepResult{double(lengths.sum().item<std::int64_t>()), sftFlops(c, batch.lengths)};
    };
}

Step makeGenerate()
{
    struct State
    {
        LlamaForCausalLM model{LlamaConfig::labTiny()};
        at::Generator lengths = at::detail::createCPUGenerator(kSeed);
        at::Generator tokens = at::detail::createCPUGenerator(kSeed + 1);
        GenerationConfig config;
    };
    auto s = std::make_shared<State>();
    initLlamaWeights(*s->model, kSeed);
    s->model->eval();
    s->config.maxNewTokens = 64;
    s->config.doSample = true;
    s->config.temperature = 1.0; // full-vocabulary multinomial, no early stop (no EOS ids)
    s->config.eosTokenIds.clear();
    return [s]() -> StepResult {
        const std::int64_t B = 16;
        const at::Tensor lengths = at::randint(128, 257, {B}, s->lengths, at::kLong);
        const std::int64_t L = lengths.max().item<std::int64_t>();
        // As the reference: right-padded random ids (pad 0), then both flipped to left padding.
        const at::Tensor mask =
            (at::arange(L, at::kLong).unsqueeze(0) < lengths.unsqueeze(1)).to(at::kLong);
        const at::Tensor ids =
            at::randint(1, s->model->config().vocabSize, {B, L}, s->tokens, at::kLong) * mask;
        Result<GenerationOutput> out =
            generate(*s->model, ids.flip(1), mask.flip(1), s->config, s->tokens);
        TORCH_CHECK(out.ok(), out.error().toStdString());
        return StepResult{double(out->mask.sum().item<std::int64_t>()), 0};
    };
}

// OpenBLAS keeps its own thread pool, deaf to LibTorch's set_num_threads; size it at run time
// where the loaded BLAS is OpenBLAS.
void setBlasThreads(int threads)
{
    using SetThreads = void (*)(int);
    if (auto fn = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        fn(threads);
}

} // namespace

const BenchWorkload *BenchReport::find(const QString &name) const
{
    for (const BenchWorkload &w : workloads) {
        if (w.name == name)
            return &w;
    }
    return nullptr;
}

QJsonObject BenchReport::toJson() const
{
    QJsonObject o;
    auto rounded = [](double v) { return std::round(v * 100) / 100; };
    for (const WorkloadInfo &info : kWorkloads) {
        const BenchWorkload *w = find(QString::fromLatin1(info.name));
        o[QLatin1String(info.key)] = w ? QJsonValue(rounded(w->median)) : QJsonValue();
    }
    o[QLatin1String("threads")] = threads;
    o[QLatin1String("torch")] = torchVersion;
    o[QLatin1String("config")] = QStringLiteral("lab-tiny");
    o[QLatin1String("omp_wait_policy")] =
        ompWaitPolicy.isEmpty() ? QJsonValue() : QJsonValue(ompWaitPolicy);
    o[QLatin1String("params")] = QJsonObject{{QLatin1String("lm"), lmParams},
                                             {QLatin1String("reward"), rewardParams},
                                             {QLatin1String("lora"), loraParams}};
    const BenchWorkload *sft = find(QStringLiteral("sft"));
    const BenchWorkload *gemm = find(QStringLiteral("gemm"));
    if (sft && !sft->modelGflops.isEmpty()) {
        const double gflops = median3(sft->modelGflops);
        o[QLatin1String("sft_model_gflops")] = rounded(gflops);
        o[QLatin1String("sft_flop_count")] = flopCount;
        if (gemm && gemm->median > 0)
            o[QLatin1String("sft_gemm_fraction")] = std::round(gflops / gemm->median * 1000) / 1000;
    }
    QJsonObject windows, steps;
    for (const BenchWorkload &w : workloads) {
        QJsonArray rates, counts;
        for (double r : w.windows)
            rates.append(rounded(r));
        for (int n : w.steps)
            counts.append(n);
        windows[w.name] = rates;
        steps[w.name] = counts;
    }
    o[QLatin1String("windows")] = windows;
    o[QLatin1String("steps")] = steps;
    return o;
}

QStringList benchWorkloadNames()
{
    QStringList names;
    for (const WorkloadInfo &info : kWorkloads)
        names << QString::fromLatin1(info.name);
    return names;
}

QStringList availableBenchWorkloads()
{
    QStringList names;
    for (const WorkloadInfo &info : kWorkloads) {
        if (info.available)
            names << QString::fromLatin1(info.name);
    }
    return names;
}

Result<BenchReport> runBench(const BenchOptions &options, const BenchProgress &progress)
{
    if (!(options.seconds > 0) || options.seconds > 3600)
        return fail(
            QStringLiteral("bench: --seconds must be in (0, 3600], not %1").arg(options.seconds));
    if (options.threads < 0)
        return fail(QStringLiteral("bench: --threads must be >= 1"));
    const QStringList chosen = options.only.isEmpty() ? availableBenchWorkloads() : options.only;
    for (const QString &name : chosen) {
        if (!benchWorkloadNames().contains(name))
            return fail(QStringLiteral("bench: unknown workload '%1' (known: %2)")
                            .arg(name, benchWorkloadNames().join(QStringLiteral(","))));
        if (!availableBenchWorkloads().contains(name))
            return fail(QStringLiteral("bench: workload '%1' is not built yet (available: %2)")
                            .arg(name, availableBenchWorkloads().join(QStringLiteral(","))));
    }

    const int threads = options.threads > 0
                            ? options.threads
                            : int(std::max(1u, std::thread::hardware_concurrency()));
    const RuntimeInfo info = initRuntime(threads);
    setBlasThreads(threads);

    BenchReport report;
    report.threads = info.threads;
    report.torchVersion = info.torchVersion;
    report.ompWaitPolicy = QString::fromLocal8Bit(qgetenv("OMP_WAIT_POLICY"));
    const LlamaConfig c = LlamaConfig::labTiny();
    try {
        LlamaForCausalLM lm(c);
        for (const auto &p : lm->parameters())
            report.lmParams += p.numel();
        // The reward model: the backbone and a scalar head Linear(d, 1) instead of lm_head.
        report.rewardParams =
            report.lmParams - std::int64_t(c.vocabSize) * c.hiddenSize + c.hiddenSize;
        // LoRA r 16 on q, k, v, o: A [r, in] and B [out, r] each.
        const std::int64_t r = 16, d = c.hiddenSize, q = std::int64_t(c.numHeads) * c.headDim();
        report.loraParams = c.numLayers * r * ((d + q) + 2 * (d + c.kvDim()) + (q + d));
    } catch (const c10::Error &e) {
        return fail(
            QStringLiteral("bench: %1").arg(QString::fromStdString(e.what_without_backtrace())));
    }
    report.flopCount =
        QStringLiteral("6 x %1 matmul params (no embedding) x tokens + 6 x %2 x L(L+1) x %3 "
                       "layers causal attention per sequence of L tokens")
            .arg(matmulParams(c))
            .arg(c.numHeads * c.headDim())
            .arg(c.numLayers);

    for (const WorkloadInfo &w : kWorkloads) {
        const QString name = QString::fromLatin1(w.name);
        if (!chosen.contains(name))
            continue;
        if (progress)
            progress(name, 0);
        try {
            Step step = name == QLatin1String("gemm")  ? makeGemm()
                        : name == QLatin1String("sft") ? makeSft()
                        : name == QLatin1String("dpo") ? bench::makeDpo()
                        : name == QLatin1String("reward") ? bench::makeReward()
                                                       : makeGenerate();
            report.workloads << measure(w, step, options.seconds, progress);
        } catch (const c10::Error &e) {
            return fail(QStringLiteral("bench %1: %2")
                            .arg(name, QString::fromStdString(e.what_without_backtrace())));
        } catch (const std::exception &e) {
            return fail(QStringLiteral("bench %1: %2").arg(name, QString::fromLocal8Bit(e.what())));
        }
    }
    return report;
}

} // namespace lab
