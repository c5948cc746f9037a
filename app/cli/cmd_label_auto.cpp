// rlhf-lab-cli label auto --db F [--noise P] [--seed S] [--annotator NAME]: the simulated engineer votes on open pairs.
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/synth/auto_label.h"
#include "core/store/store.h"

namespace lab::cli {
namespace {

int runLabelAuto(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption noiseOption(QStringLiteral("noise"), QStringLiteral("Probability that a vote is flipped (default 0.1)."),
                                         QStringLiteral("P"), QStringLiteral("0.1"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Seed of the noise and of the side shown left (default 1)."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption annotatorOption(
        QStringLiteral("annotator"),
        QStringLiteral("Vote as this simulated annotator (default \"simulated-engineer\"); two names with different seeds "
                       "give label quality something to compare."),
        QStringLiteral("NAME"), QString::fromLatin1(synth::kSimulatedEngineerName));
    parser.addOptions({noiseOption, seedOption, annotatorOption});
    const ProjectArgs project(parser, QStringLiteral("Project database."));
    if (int code = parseOrExit(parser, QStringLiteral("label auto"),
                               QStringLiteral("Let the simulated engineer vote (as annotator \"simulated-engineer\" or --annotator) on "
                                              "every pair it has not voted on, judging from the ground truth, with tags "
                                              "from its judgement (root_cause_right, hallucination, too_verbose...)."),
                               args);
        code >= 0)
        return code;
    bool ok = false;
    const double noise = parser.value(noiseOption).toDouble(&ok);
    if (!ok || noise < 0.0 || noise > 1.0)
        return fail(QStringLiteral("--noise must be a number from 0 to 1 (got '%1')").arg(parser.value(noiseOption)), kExitUsage);
    AutoLabelOptions options;
    options.noise = noise;
    options.annotator = parser.value(annotatorOption).trimmed();
    if (options.annotator.isEmpty())
        return fail(QStringLiteral("--annotator needs a name"), kExitUsage);
    if (int code = readSeed(parser, seedOption, options.seed); code >= 0)
        return code;
    std::shared_ptr<Store> store;
    if (int code = project.openStore(QStringLiteral("label auto"), store); code >= 0)
        return code;
    ProgressBar bar(QStringLiteral("voting"));
    auto summary = autoLabelAs(*store, options, [&](qint64 done, qint64 total) { return bar.update(done, total); });
    bar.finish();
    if (!summary)
        return fail(summary.error());
    if (project.json()) {
        printJson({{QStringLiteral("annotator"), options.annotator},
                   {QStringLiteral("votes"), summary->votes},
                   {QStringLiteral("a_better"), summary->aBetter},
                   {QStringLiteral("b_better"), summary->bBetter},
                   {QStringLiteral("tie"), summary->ties},
                   {QStringLiteral("both_bad"), summary->bothBad},
                   {QStringLiteral("flipped"), summary->flipped},
                   {QStringLiteral("skipped"), summary->skipped},
                   {QStringLiteral("noise"), noise}});
    } else {
        printOut(QStringLiteral("%1 votes: %2 A better, %3 B better, %4 tie, %5 both bad (%6 flipped by noise %7)%8\n")
                     .arg(summary->votes)
                     .arg(summary->aBetter)
                     .arg(summary->bBetter)
                     .arg(summary->ties)
                     .arg(summary->bothBad)
                     .arg(summary->flipped)
                     .arg(noise)
                     .arg(summary->skipped > 0 ? QStringLiteral("; %1 pairs skipped (no ground truth)").arg(summary->skipped) : QString()));
    }
    return kExitOk;
}

const Registrar registrar{{QStringLiteral("label auto"), QStringLiteral("simulated engineer votes on open pairs"), runLabelAuto}};

} // namespace
} // namespace lab::cli
