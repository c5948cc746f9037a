// The real-time triage path: how long `explain` takes with a lab-tiny-shaped model on this
// machine. Target: under 1 s per explanation (160 new tokens at most) on the 2-core VM.
//
// Without --model it builds a random lab-tiny (LlamaConfig::labTiny(), N(0, 0.02) weights from
// seed 1234) with a 4096-piece tokenizer trained on 200 synthetic logs. A random model almost
// never ends its answer, so every explanation runs to the full --max-new-tokens: the worst case.
// Logs: synthetic incidents of every kind, plus loghub's Hadoop_2k.log (2,000 real lines) when
// the shared data is there, so the digest of a long log is in the time too.
//
//   bench_explain [--model DIR] [--keep DIR] [--runs N] [--max-new-tokens N] [--greedy] [--threads N] [--json]
//
// --keep DIR writes the random model there (for timing `rlhf-lab-cli explain --model DIR`).
#include "core/common/paths.h"
#include "core/common/thread_environment.h"
#include "core/explain/explain_prompt.h"
#include "core/explain/explainer.h"
#include "core/model/llama.h"
#include "core/runtime/runtime_info.h"
#include "core/synth/incident_generator.h"
#include "core/text/tokenizer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace lab;

namespace {

Status buildRandomLabTiny(const QString &dir)
{
    if (!QDir().mkpath(dir))
        return fail(QStringLiteral("cannot create %1").arg(dir));
    QStringList logs;
    for (int i = 0; i < 200; ++i)
        logs << synth::generateIncident(77, i).log;
    TokenizerTrainOptions options;
    options.vocabSize = 4096;
    if (Status s = Tokenizer::train(logs, dir + QStringLiteral("/tokenizer"), options); !s)
        return s;
    LlamaForCausalLM model(LlamaConfig::labTiny());
    initLlamaWeights(*model, 1234);
    return saveCausalLM(model, dir);
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const double at = p * double(v.size() - 1);
    const size_t lo = size_t(at);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (at - double(lo));
}

} // namespace

int main(int argc, char **argv)
{
    ensureThreadEnvironment(argc, argv);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Latency of explaining one log with a lab-tiny-shaped model"));
    parser.addHelpOption();
    const QCommandLineOption modelOption(QStringLiteral("model"), QStringLiteral("Model folder (default: a random lab-tiny)."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption keepOption(QStringLiteral("keep"), QStringLiteral("Write the random model here."), QStringLiteral("DIR"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Explanations per log (default 3)."), QStringLiteral("N"),
                                        QStringLiteral("3"));
    const QCommandLineOption tokensOption(QStringLiteral("max-new-tokens"), QStringLiteral("default 160"), QStringLiteral("N"),
                                          QStringLiteral("160"));
    const QCommandLineOption greedyOption(QStringLiteral("greedy"), QStringLiteral("Greedy decoding instead of sampling."));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("LibTorch threads (default 0: one per core)."),
                                           QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({modelOption, keepOption, runsOption, tokensOption, greedyOption, threadsOption, jsonOption});
    parser.process(app);
    const RuntimeInfo runtime = initRuntime(parser.value(threadsOption).toInt());
    QTextStream err(stderr);

    QTemporaryDir scratch;
    QString modelDir = parser.value(modelOption);
    if (modelDir.isEmpty()) {
        modelDir = parser.isSet(keepOption) ? parser.value(keepOption) : scratch.filePath(QStringLiteral("lab-tiny-random"));
        QElapsedTimer t;
        t.start();
        if (Status s = buildRandomLabTiny(modelDir); !s) {
            err << s.error() << '\n';
            return 1;
        }
        err << "built a random lab-tiny in " << modelDir << " (" << t.elapsed() << " ms)\n";
    }

    QElapsedTimer loadTimer;
    loadTimer.start();
    auto explainer = Explainer::load(modelDir);
    if (!explainer) {
        err << explainer.error() << '\n';
        return 1;
    }
    const double loadSeconds = double(loadTimer.nsecsElapsed()) / 1e9;

    QStringList logs;
    for (int i = 0; i < 21; ++i) // one of each kind
        logs << synth::generateIncident(5, i).log;
    const QString hadoop = sharedDataDir(QStringLiteral(LAB_SHARED_DATA_DIR)) + QStringLiteral("/loghub/Hadoop/Hadoop_2k.log");
    if (QFile file(hadoop); file.open(QIODevice::ReadOnly))
        logs << QString::fromUtf8(file.readAll());

    ExplainSettings settings;
    settings.maxNewTokens = parser.value(tokensOption).toInt();
    settings.greedy = parser.isSet(greedyOption);
    settings.device = QStringLiteral("cpu");
    // Warm-up: first-call allocations and thread-pool start.
    (void)(*explainer)->explain(logs.first(), settings);

    // The prompt alone (digest + tokenization), to tell it from generation.
    std::vector<double> promptSeconds;
    {
        auto tokenizer = Tokenizer::load(modelDir + QStringLiteral("/tokenizer.model"));
        if (!tokenizer) {
            err << tokenizer.error() << '\n';
            return 1;
        }
        const int budget = (*explainer)->maxPromptTokens(settings.maxNewTokens);
        for (const QString &log : std::as_const(logs)) {
            QElapsedTimer t;
            t.start();
            const auto ids = promptTokens(*tokenizer, log, budget);
            promptSeconds.push_back(double(t.nsecsElapsed()) / 1e9);
        }
    }

    std::vector<double> wall, reported, perToken;
    qint64 newTokens = 0, promptTokens = 0;
    const int runs = std::max(1, parser.value(runsOption).toInt());
    for (const QString &log : std::as_const(logs)) {
        for (int r = 0; r < runs; ++r) {
            settings.seed = quint64(r);
            QElapsedTimer t;
            t.start();
            auto e = (*explainer)->explain(log, settings);
            const double s = double(t.nsecsElapsed()) / 1e9;
            if (!e) {
                err << e.error() << '\n';
                return 1;
            }
            wall.push_back(s);
            reported.push_back(e->seconds);
            perToken.push_back(e->seconds / std::max(1, e->newTokens));
            newTokens += e->newTokens;
            promptTokens += e->promptTokens;
        }
    }
    const double n = double(wall.size());
    QJsonObject out{{QStringLiteral("model"), (*explainer)->modelName()},
                    {QStringLiteral("threads"), runtime.threads},
                    {QStringLiteral("explanations"), int(wall.size())},
                    {QStringLiteral("load_seconds"), loadSeconds},
                    {QStringLiteral("explain_seconds_median"), percentile(wall, 0.5)},
                    {QStringLiteral("explain_seconds_p90"), percentile(wall, 0.9)},
                    {QStringLiteral("explain_seconds_max"), percentile(wall, 1.0)},
                    {QStringLiteral("reported_seconds_median"), percentile(reported, 0.5)},
                    {QStringLiteral("prompt_seconds_median"), percentile(promptSeconds, 0.5)},
                    {QStringLiteral("prompt_seconds_max"), percentile(promptSeconds, 1.0)},
                    {QStringLiteral("ms_per_new_token_median"), 1000.0 * percentile(perToken, 0.5)},
                    {QStringLiteral("mean_new_tokens"), double(newTokens) / n},
                    {QStringLiteral("mean_prompt_tokens"), double(promptTokens) / n},
                    {QStringLiteral("max_new_tokens"), settings.maxNewTokens},
                    {QStringLiteral("greedy"), settings.greedy}};
    QTextStream outStream(stdout);
    if (parser.isSet(jsonOption)) {
        outStream << QJsonDocument(out).toJson(QJsonDocument::Compact) << '\n';
    } else {
        outStream << QStringLiteral("%1 explanations (%2 threads): median %3 s, p90 %4 s, max %5 s; %6 ms per new token; "
                                    "mean %7 new / %8 prompt tokens; model load %9 s; prompt (digest + tokens) median %10 s, max %11 s\n")
                         .arg(wall.size())
                         .arg(runtime.threads)
                         .arg(percentile(wall, 0.5), 0, 'f', 3)
                         .arg(percentile(wall, 0.9), 0, 'f', 3)
                         .arg(percentile(wall, 1.0), 0, 'f', 3)
                         .arg(1000.0 * percentile(perToken, 0.5), 0, 'f', 2)
                         .arg(double(newTokens) / n, 0, 'f', 1)
                         .arg(double(promptTokens) / n, 0, 'f', 1)
                         .arg(loadSeconds, 0, 'f', 3)
                         .arg(percentile(promptSeconds, 0.5), 0, 'f', 4)
                         .arg(percentile(promptSeconds, 1.0), 0, 'f', 4);
    }
    return 0;
}
