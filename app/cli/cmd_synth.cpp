// rlhf-lab-cli synth --db F --incidents N --seed S: synthetic incidents + candidate explanations.
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/store/store.h"
#include "core/synth/synth_project.h"

#include <QElapsedTimer>

namespace lab::cli {
namespace {

int runSynth(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption countOption(QStringLiteral("incidents"), QStringLiteral("Number of incidents to generate (default 200)."),
                                         QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Generator seed (default 1); same seed, same incidents."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption heldOutOption(QStringLiteral("held-out"),
                                           QStringLiteral("Also generate N incidents for evaluation only (seed S + 1000000, status held_out, "
                                                          "no pairs): never trained or voted on."),
                                           QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({countOption, seedOption, heldOutOption});
    const ProjectArgs project(parser);
    if (int code = parseOrExit(parser, QStringLiteral("synth"),
                               QStringLiteral("Generate synthetic incidents (21 root-cause kinds) with ground truth, one explanation "
                                              "per style and candidate pairs, in one transaction."),
                               args);
        code >= 0)
        return code;
    bool ok = false;
    const int heldOut = parser.value(heldOutOption).toInt(&ok);
    if (!ok || heldOut < 0 || heldOut > 1000000)
        return fail(QStringLiteral("--held-out must be a whole number from 0 to 1000000 (got '%1')").arg(parser.value(heldOutOption)), kExitUsage);
    const int count = parser.value(countOption).toInt(&ok);
    if (!ok || count < (heldOut > 0 ? 0 : 1) || count > 1000000)
        return fail(QStringLiteral("--incidents must be a whole number from 1 to 1000000 (got '%1')").arg(parser.value(countOption)), kExitUsage);
    quint64 seed = 0;
    if (int code = readSeed(parser, seedOption, seed); code >= 0)
        return code;
    std::shared_ptr<Store> store;
    if (int code = project.openStore(QStringLiteral("synth"), store); code >= 0)
        return code;
    QElapsedTimer timer;
    timer.start();
    ProgressBar bar(QStringLiteral("generating"));
    synth::SynthSummary total;
    if (count > 0) {
        auto summary = synth::writeSyntheticIncidents(*store, seed, count, [&](qint64 done, qint64 all) { return bar.update(done, all + heldOut); });
        if (!summary)
            return fail(summary.error());
        total = *summary;
    }
    int heldOutWritten = 0;
    if (heldOut > 0) {
        auto written = synth::writeHeldOutIncidents(*store, seed, heldOut, [&](qint64 done, qint64) { return bar.update(count + done, count + heldOut); });
        if (!written)
            return fail(written.error());
        heldOutWritten = int(written->size());
    }
    bar.finish();
    const synth::SynthSummary *summary = &total;
    const double seconds = double(timer.elapsed()) / 1000.0;
    if (project.json()) {
        printJson({{QStringLiteral("incidents"), summary->incidents},
                   {QStringLiteral("explanations"), summary->explanations},
                   {QStringLiteral("pairs"), summary->pairs},
                   {QStringLiteral("held_out"), heldOutWritten},
                   {QStringLiteral("seed"), QString::number(seed)},
                   {QStringLiteral("seconds"), seconds}});
    } else {
        if (heldOutWritten > 0)
            printOut(QStringLiteral("%1 held-out incidents for evaluation (seed %2)\n").arg(heldOutWritten).arg(seed + synth::kHeldOutSeedOffset));
        if (count > 0 || heldOutWritten == 0)
            printOut(QStringLiteral("%1 incidents, %2 explanations, %3 pairs written to %4 in %5 s (seed %6)\n")
                     .arg(summary->incidents)
                     .arg(summary->explanations)
                     .arg(summary->pairs)
                     .arg(project.dbPath())
                     .arg(seconds, 0, 'f', 1)
                     .arg(seed));
    }
    return kExitOk;
}

const Registrar registrar{{QStringLiteral("synth"), QStringLiteral("generate synthetic incidents and candidate explanations"), runSynth}};

} // namespace
} // namespace lab::cli
