// rlhf-lab-cli bench [--json] [--only gemm,sft,generate] [--seconds S] [--threads N]: the
// workloads of shared/bench/README.md, with its JSON keys, to set beside
// shared/bench/torch_reference.py run on the same machine with the same threads.
#include "cli_output.h"
#include "command.h"

#include "core/bench/bench.h"

#include <QCommandLineParser>
#include <cstdio>
#include <unistd.h>

namespace {

using namespace lab::cli;

QString table(const lab::BenchReport &r)
{
    QString out = QStringLiteral("torch %1, %2 threads, OMP_WAIT_POLICY=%3, parameters lm %4, "
                                 "reward %5, lora %6\n")
                      .arg(r.torchVersion)
                      .arg(r.threads)
                      .arg(r.ompWaitPolicy.isEmpty() ? QStringLiteral("(unset)") : r.ompWaitPolicy)
                      .arg(r.lmParams)
                      .arg(r.rewardParams)
                      .arg(r.loraParams);
    out += QStringLiteral("%1 %2  %3 %4 %5\n")
               .arg(QStringLiteral("workload"), -9)
               .arg(QStringLiteral("median"), 10)
               .arg(QStringLiteral("unit"), -14)
               .arg(QStringLiteral("3 windows"), -26)
               .arg(QStringLiteral("steps"));
    for (const lab::BenchWorkload &w : r.workloads) {
        QStringList windows, steps;
        for (double v : w.windows)
            windows << QString::number(v, 'f', 2);
        for (int n : w.steps)
            steps << QString::number(n);
        out += QStringLiteral("%1 %2  %3 %4 %5\n")
                   .arg(w.name, -9)
                   .arg(w.median, 10, 'f', 2)
                   .arg(w.unit, -14)
                   .arg(windows.join(QLatin1Char(' ')), -26)
                   .arg(steps.join(QLatin1Char(' ')));
    }
    const QJsonObject json = r.toJson();
    if (json.contains(QLatin1String("sft_model_gflops"))) {
        out += QStringLiteral("sft model FLOP rate %1 GFLOP/s")
                   .arg(json.value(QLatin1String("sft_model_gflops")).toDouble(), 0, 'f', 2);
        if (json.contains(QLatin1String("sft_gemm_fraction")))
            out += QStringLiteral(" = %1 of gemm")
                       .arg(json.value(QLatin1String("sft_gemm_fraction")).toDouble(), 0, 'f', 3);
        out += QStringLiteral("\n  counted as %1\n").arg(r.flopCount);
    }
    return out;
}

int runBench(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print one JSON object on stdout."));
    const QCommandLineOption only(
        QStringLiteral("only"),
        QStringLiteral("Comma list of workloads (default: every available one: %1).")
            .arg(lab::availableBenchWorkloads().join(QLatin1Char(','))),
        QStringLiteral("NAMES"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("Minimum length of each of the 3 timing "
                                                    "windows (default 5)."),
                                     QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Threads for LibTorch and OpenBLAS "
                                                    "(default: one per core)."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({json, only, seconds, threads});
    if (const int rc = parseOrExit(
            parser, QStringLiteral("bench"),
            QStringLiteral("Speed of the gemm, sft and generate workloads of "
                           "shared/bench/README.md (reward and dpo print null for now). Compare "
                           "only with shared/bench/torch_reference.py run on the same machine "
                           "with the same threads."),
            args);
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("bench takes no positional arguments (see: rlhf-lab-cli bench "
                                   "--help)"),
                    kExitUsage);

    lab::BenchOptions options;
    bool ok = false;
    options.seconds = parser.value(seconds).toDouble(&ok);
    if (!ok || options.seconds <= 0)
        return fail(QStringLiteral("--seconds must be a positive number"), kExitUsage);
    options.threads = parser.value(threads).toInt(&ok);
    if (!ok || options.threads < 0)
        return fail(QStringLiteral("--threads must be a positive integer"), kExitUsage);
    for (const QString &name : parser.value(only).split(QLatin1Char(','), Qt::SkipEmptyParts))
        options.only << name.trimmed();
    for (const QString &name : options.only) {
        if (!lab::benchWorkloadNames().contains(name))
            return fail(QStringLiteral("--only: unknown workload '%1' (known: %2)")
                            .arg(name, lab::benchWorkloadNames().join(QLatin1Char(','))),
                        kExitUsage);
    }

    // Progress on a terminal only: a redirected stderr stays clean for logs.
    const bool showProgress = ::isatty(STDERR_FILENO);
    auto progress = [showProgress](const QString &workload, int windowsDone) {
        if (!showProgress)
            return;
        const QString line =
            windowsDone == 0
                ? QStringLiteral("bench: %1 (warm-up)").arg(workload)
                : QStringLiteral("bench: %1, window %2 of 3").arg(workload).arg(windowsDone);
        std::fprintf(stderr, "\r\033[K%s", qPrintable(line));
        std::fflush(stderr);
    };
    const lab::Result<lab::BenchReport> report = lab::runBench(options, progress);
    if (showProgress) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
    }
    if (!report)
        return fail(report.error());
    if (parser.isSet(json))
        printJson(report->toJson());
    else
        printOut(table(*report));
    return kExitOk;
}

const Registrar kRegistrar{
    {QStringLiteral("bench"),
     QStringLiteral("speed of the reference workloads (gemm, sft, generate)"), runBench}};

} // namespace
