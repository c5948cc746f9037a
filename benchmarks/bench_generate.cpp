// The `generate` workload of shared/bench/README.md, done our way (packed prefill, preallocated
// KV cache, fused projections, a CPU decode-attention kernel) for the same result: lab-tiny
// (float32, weights N(0, 0.02) from seed 1234 in HF module order, norms 1), 16 prompts with
// lengths randint(128, 257) from a generator seeded 1234, token ids uniform in [1, 4096) and the
// sampling from a second generator seeded 1235 drawn in the reference's order, left padding with
// pad id 0 and positions cumsum(mask) - 1, exactly 64 new tokens per row by multinomial over the
// full softmax at temperature 1 (no top-k/top-p, no early stop). 1 warm-up step, then 3 windows
// of whole steps lasting >= --seconds; the median rate of new tokens per second is reported.
//
//   bench_generate [--seconds S] [--json]
//
// Compare only with shared/bench/torch_reference.py --only generate run in the same period with
// the same threads (both default to one per core, OMP_WAIT_POLICY=passive).
#include "core/common/thread_environment.h"
#include "core/model/generation.h"
#include "core/model/llama.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/utils.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdlib>

using namespace lab;

int main(int argc, char **argv)
{
    // libgomp and OpenBLAS read their settings when loaded: re-exec with them if they are unset.
    ensureThreadEnvironment(argc, argv);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The bench README's generate workload"));
    parser.addHelpOption();
    QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                     QStringLiteral("Minimum length of each of the 3 windows."),
                                     QStringLiteral("S"), QStringLiteral("5"));
    QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOption(secondsOption);
    parser.addOption(jsonOption);
    parser.process(app);
    const double seconds = parser.value(secondsOption).toDouble();

    const char *omp = std::getenv("OMP_NUM_THREADS");
    const int threads = omp ? std::max(1, std::atoi(omp)) : 1;
    at::set_num_threads(threads); // as the reference's torch.set_num_threads(N)

    constexpr int kBatch = 16, kNewTokens = 64, kSeed = 1234;
    const LlamaConfig config = LlamaConfig::labTiny();
    LlamaForCausalLM model(config);
    initLlamaWeights(*model, kSeed);
    model->eval();
    at::Generator lengthGen = at::detail::createCPUGenerator(kSeed);
    at::Generator tokenGen = at::detail::createCPUGenerator(kSeed + 1);

    GenerationConfig gen;
    gen.maxNewTokens = kNewTokens;
    gen.doSample = true;
    gen.temperature = 1.0;

    auto step = [&]() -> double {
        const at::Tensor lengths = at::randint(128, 257, {kBatch}, lengthGen, at::kLong);
        const std::int64_t L = lengths.max().item<std::int64_t>();
        // As the reference: right-padded random ids (pad 0), then both flipped to left padding.
        const at::Tensor mask =
            (at::arange(L, at::kLong).unsqueeze(0) < lengths.unsqueeze(1)).to(at::kLong);
        const at::Tensor ids =
            at::randint(1, config.vocabSize, {kBatch, L}, tokenGen, at::kLong) * mask;
        Result<GenerationOutput> out = generate(*model, ids.flip(1), mask.flip(1), gen, tokenGen);
        if (!out)
            qFatal("%s", qPrintable(out.error()));
        return double(out->mask.sum().item<std::int64_t>()); // 16 * 64 new tokens
    };

    step(); // warm-up
    QJsonArray rates, steps;
    std::vector<double> values;
    for (int w = 0; w < 3; ++w) {
        QElapsedTimer timer;
        timer.start();
        double units = 0;
        int n = 0;
        while (n == 0 || timer.nsecsElapsed() < qint64(seconds * 1e9)) {
            units += step();
            ++n;
        }
        const double rate = units / (timer.nsecsElapsed() / 1e9);
        values.push_back(rate);
        rates.append(rate);
        steps.append(n);
    }
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted[1];

    QTextStream out(stdout);
    if (parser.isSet(jsonOption)) {
        QJsonObject o;
        o[QLatin1String("generate_tokens_per_s")] = std::round(median * 100) / 100;
        o[QLatin1String("windows")] = rates;
        o[QLatin1String("steps")] = steps;
        o[QLatin1String("threads")] = threads;
        o[QLatin1String("omp_wait_policy")] = QString::fromLocal8Bit(qgetenv("OMP_WAIT_POLICY"));
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        out << QStringLiteral("generate %1 new tokens/s (windows %2 %3 %4; %5 threads)\n")
                   .arg(median, 0, 'f', 2)
                   .arg(values[0], 0, 'f', 2)
                   .arg(values[1], 0, 'f', 2)
                   .arg(values[2], 0, 'f', 2)
                   .arg(threads);
    }
    return 0;
}
