// rlhf-lab-cli candidates --db F [--limit N] [--seed S] [--model DIR] [--json]: the model (with the
// project's active adapter) writes two explanations of each incident without a pair, as a pair.
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/common/paths.h"
#include "core/explain/candidates.h"
#include "core/store/store.h"

#include <QDir>
#include <QFileInfo>

namespace lab::cli {
namespace {

int runCandidates(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption limitOption(QStringLiteral("limit"), QStringLiteral("Incidents at most (default: all without a pair)."),
                                         QStringLiteral("N"), QStringLiteral("-1"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Sampling seed (default 1)."), QStringLiteral("S"),
                                        QStringLiteral("1"));
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         QStringLiteral("Model folder; default: $LAB_MODEL_DIR or the bundled lab-tiny."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption temperatureOption(QStringLiteral("temperature"), QStringLiteral("Sampling temperature (default 0.9)."),
                                               QStringLiteral("T"), QStringLiteral("0.9"));
    const QCommandLineOption batchOption(QStringLiteral("batch"), QStringLiteral("Incidents per batched generation and per commit (default 8)."),
                                         QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption deviceOption(QStringLiteral("device"), QStringLiteral("auto, cpu, cuda or cuda:N (default auto)."),
                                          QStringLiteral("D"), QStringLiteral("auto"));
    parser.addOptions({limitOption, seedOption, modelOption, temperatureOption, batchOption, deviceOption});
    const ProjectArgs project(parser, QStringLiteral("Project database."));
    if (int code = parseOrExit(parser, QStringLiteral("candidates"),
                               QStringLiteral("Sample two explanations per incident that has no pair yet, with the model and the "
                                              "project's active adapter, and store them as a pair to vote on."),
                               args);
        code >= 0)
        return code;
    CandidateOptions options;
    bool ok = false;
    options.limit = parser.value(limitOption).toLongLong(&ok);
    if (!ok || options.limit < -1)
        return fail(QStringLiteral("--limit must be a whole number, or -1 for all (got '%1')").arg(parser.value(limitOption)), kExitUsage);
    options.batchSize = parser.value(batchOption).toInt(&ok);
    if (!ok || options.batchSize < 1 || options.batchSize > 256)
        return fail(QStringLiteral("--batch must be a whole number from 1 to 256 (got '%1')").arg(parser.value(batchOption)), kExitUsage);
    options.settings.temperature = parser.value(temperatureOption).toDouble(&ok);
    if (!ok || !(options.settings.temperature > 0.0))
        return fail(QStringLiteral("--temperature must be a number above 0 (got '%1')").arg(parser.value(temperatureOption)), kExitUsage);
    options.settings.device = parser.value(deviceOption);
    if (int code = readSeed(parser, seedOption, options.seed); code >= 0)
        return code;

    QString modelDir = parser.value(modelOption);
    if (modelDir.isEmpty()) {
        modelDir = defaultModelDir();
        if (!QFileInfo(modelDir).isDir())
            return fail(QStringLiteral("no model found at %1: build the project (it copies the bundled lab-tiny into the "
                                       "build tree), train one with 'rlhf-lab-cli train sft --db F', or name one with "
                                       "--model DIR or LAB_MODEL_DIR")
                            .arg(QDir::toNativeSeparators(modelDir)));
    }
    std::shared_ptr<Store> store;
    if (int code = project.openStore(QStringLiteral("candidates"), store); code >= 0)
        return code;
    auto loaded = loadExplainerForStore(*store, modelDir);
    if (!loaded)
        return fail(loaded.error());
    options.adapterId = loaded->adapterId;

    ProgressBar bar(QStringLiteral("sampling"));
    auto summary = generateCandidates(*store, *loaded->explainer, options, [&](qint64 done, qint64 total) { return bar.update(done, total); });
    bar.finish();
    if (!summary)
        return fail(summary.error());
    if (project.json()) {
        printJson({{QStringLiteral("incidents"), summary->incidents},
                   {QStringLiteral("explanations"), summary->explanations},
                   {QStringLiteral("pairs"), summary->pairs},
                   {QStringLiteral("skipped"), summary->skipped},
                   {QStringLiteral("resampled"), summary->resampled},
                   {QStringLiteral("new_tokens"), summary->newTokens},
                   {QStringLiteral("seconds"), summary->seconds},
                   {QStringLiteral("model"), loaded->explainer->modelName()},
                   {QStringLiteral("adapter"), loaded->adapterName},
                   {QStringLiteral("seed"), QString::number(options.seed)}});
    } else {
        printOut(QStringLiteral("%1 incidents got a pair (%2 explanations) from %3%4 in %5 s%6\n")
                     .arg(summary->incidents)
                     .arg(summary->explanations)
                     .arg(loaded->explainer->modelName(),
                          loaded->adapterName.isEmpty() ? QString() : QStringLiteral(" + ") + loaded->adapterName)
                     .arg(summary->seconds, 0, 'f', 1)
                     .arg(summary->skipped > 0 ? QStringLiteral("; %1 skipped (no log, or paired meanwhile)").arg(summary->skipped)
                                               : QString()));
    }
    return kExitOk;
}

const Registrar registrar{{QStringLiteral("candidates"), QStringLiteral("the model writes explanation pairs for unpaired incidents"),
                           runCandidates}};

} // namespace
} // namespace lab::cli
