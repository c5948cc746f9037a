// rlhf-lab-cli reward eval --db F PAIRS.jsonl [--device D] [--json]
// The project's current reward model (the output of its newest finished reward run) on any
// TRL-format preference file: the share of pairs whose chosen answer it scores higher.
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/store/store.h"
#include "core/train/reward_eval.h"

#include <cstdio>

namespace lab::cli {
namespace {

// A warning line on stderr (the result itself goes to stdout, so --json stays parseable).
void warn(const QString &text)
{
    std::fputs(qPrintable(QStringLiteral("rlhf-lab-cli: reward eval: %1\n").arg(text)), stderr);
}

int runRewardEval(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption deviceOption(QStringLiteral("device"), QStringLiteral("cpu, cuda or auto (default cpu)."),
                                          QStringLiteral("D"), QStringLiteral("cpu"));
    parser.addOption(deviceOption);
    parser.addPositionalArgument(QStringLiteral("PAIRS.jsonl"),
                                 QStringLiteral("Preference pairs, one JSON object a line with \"prompt\", \"chosen\" and "
                                                "\"rejected\" (what `prefs export` writes)."));
    const ProjectArgs project(parser, QStringLiteral("Project database whose reward model is used."));
    if (int code = parseOrExit(parser, QStringLiteral("reward eval"),
                               QStringLiteral("Pairwise accuracy of the project's current reward model on a TRL-format "
                                              "preference file: the share of pairs whose chosen answer gets the higher "
                                              "reward."),
                               args);
        code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("reward eval: give exactly one PAIRS.jsonl file"), kExitUsage);
    const QString pairsPath = parser.positionalArguments().first();

    std::shared_ptr<Store> store;
    if (int code = project.openStore(QStringLiteral("reward eval"), store); code >= 0)
        return code;
    ProgressBar bar(QStringLiteral("scoring pairs"));
    auto report = evaluateRewardPairs(*store, pairsPath, parser.value(deviceOption),
                                      [&](qint64 done, qint64 total) { return bar.update(done, total); });
    bar.finish();
    if (!report)
        return fail(QStringLiteral("reward eval: %1").arg(report.error()));
    for (const QString &line : report->badLines)
        warn(QStringLiteral("%1: %2 (skipped)").arg(pairsPath, line));
    if (report->badLineCount > report->badLines.size())
        warn(QStringLiteral("%1: %2 more bad lines skipped")
                     .arg(pairsPath)
                     .arg(report->badLineCount - report->badLines.size()));
    if (project.json()) {
        printJson(report->toJson());
        return kExitOk;
    }
    printOut(QStringLiteral("%1 pairs, accuracy %2% (%3 correct), mean margin %4, %5 s\n")
                 .arg(report->pairs)
                 .arg(report->accuracy * 100.0, 0, 'f', 2)
                 .arg(report->correct)
                 .arg(report->meanMargin, 0, 'f', 3)
                 .arg(report->seconds, 0, 'f', 1));
    printOut(QStringLiteral("reward model: %1\n").arg(report->modelDir));
    return kExitOk;
}

const Registrar registrar{{QStringLiteral("reward eval"),
                           QStringLiteral("pairwise accuracy of the current reward model on a TRL pairs file"),
                           runRewardEval}};

} // namespace
} // namespace lab::cli
