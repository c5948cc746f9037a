// rlhf-lab-cli synth --db F --incidents N --seed S: synthetic incidents + candidate explanations.
#include "cli_output.h"
#include "command.h"

#include "core/store/store.h"
#include "core/synth/synth_project.h"

#include <QElapsedTimer>

namespace lab::cli {
namespace {

int runSynth(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Project database (created if missing)."), QStringLiteral("F"));
    const QCommandLineOption countOption(QStringLiteral("incidents"), QStringLiteral("Number of incidents to generate (default 200)."),
                                         QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Generator seed (default 1); same seed, same incidents."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({dbOption, countOption, seedOption, jsonOption});
    if (int code = parseOrExit(parser, QStringLiteral("synth"),
                               QStringLiteral("Generate synthetic incidents (21 root-cause kinds) with ground truth, one explanation "
                                              "per style and candidate pairs, in one transaction."),
                               args);
        code >= 0)
        return code;
    if (!parser.isSet(dbOption))
        return fail(QStringLiteral("synth needs --db F"), kExitUsage);
    bool ok = false;
    const int count = parser.value(countOption).toInt(&ok);
    if (!ok || count < 1 || count > 1000000)
        return fail(QStringLiteral("--incidents must be a whole number from 1 to 1000000 (got '%1')").arg(parser.value(countOption)), kExitUsage);
    const quint64 seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--seed must be a non-negative whole number (got '%1')").arg(parser.value(seedOption)), kExitUsage);

    auto store = Store::open(parser.value(dbOption));
    if (!store)
        return fail(store.error());
    QElapsedTimer timer;
    timer.start();
    ProgressBar bar(QStringLiteral("generating"));
    auto summary = synth::writeSyntheticIncidents(**store, seed, count, [&](qint64 done, qint64 total) { return bar.update(done, total); });
    bar.finish();
    if (!summary)
        return fail(summary.error());
    const double seconds = double(timer.elapsed()) / 1000.0;
    if (parser.isSet(jsonOption)) {
        printJson({{QStringLiteral("incidents"), summary->incidents},
                   {QStringLiteral("explanations"), summary->explanations},
                   {QStringLiteral("pairs"), summary->pairs},
                   {QStringLiteral("seed"), QString::number(seed)},
                   {QStringLiteral("seconds"), seconds}});
    } else {
        printOut(QStringLiteral("%1 incidents, %2 explanations, %3 pairs written to %4 in %5 s (seed %6)\n")
                     .arg(summary->incidents)
                     .arg(summary->explanations)
                     .arg(summary->pairs)
                     .arg(parser.value(dbOption))
                     .arg(seconds, 0, 'f', 1)
                     .arg(seed));
    }
    return kExitOk;
}

const Registrar registrar{{QStringLiteral("synth"), QStringLiteral("generate synthetic incidents and candidate explanations"), runSynth}};

} // namespace
} // namespace lab::cli
