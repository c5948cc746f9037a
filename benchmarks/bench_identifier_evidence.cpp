// Speed of the identifier evidence check that flags invented identifiers before a vote:
//   big      a 100,000-line log (synthetic incidents one after another): building the index
//            once, then checking each of the last incident's seven explanations against it,
//   synth    one incident (100-300 lines): index + the seven explanations, as `label auto` does,
//   loghub   the eight loghub 2k files: index, and a check of an explanation that quotes ten
//            identifiers of the file and invents two.
// Each figure is the median of --runs timed runs, wall and process CPU time (the CPU time says
// what the code costs when other processes share the cores). Target: a check against a
// 100,000-line log in a few milliseconds.
//
//   bench_identifier_evidence [--runs R] [--lines N] [--incidents N]
#include "benchmarks/bench_timing.h"
#include "core/common/paths.h"
#include "core/logs/identifier_evidence.h"
#include "core/synth/explanation_writer.h"
#include "core/synth/incident_generator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <functional>
#include <vector>

using namespace lab;

namespace {

QTextStream out(stdout);

using bench::measure;
using bench::Timing;

QString ms(double v)
{
    return QString::number(v, 'f', v < 1 ? 3 : 2) + QStringLiteral(" ms");
}

int sink = 0; // keeps the optimiser from dropping the work

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("identifier evidence speed"));
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Timed runs."), QStringLiteral("R"), QStringLiteral("15"));
    const QCommandLineOption linesOption(QStringLiteral("lines"), QStringLiteral("Lines of the big log."), QStringLiteral("N"),
                                         QStringLiteral("100000"));
    const QCommandLineOption incidentsOption(QStringLiteral("incidents"), QStringLiteral("Synthetic incidents."), QStringLiteral("N"),
                                             QStringLiteral("200"));
    parser.addOption(runsOption);
    parser.addOption(linesOption);
    parser.addOption(incidentsOption);
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const int targetLines = std::max(1000, parser.value(linesOption).toInt());
    const int incidentCount = std::max(1, parser.value(incidentsOption).toInt());

    // big: incidents one after another until the log has the lines asked for; the explanations
    // are about the last one, so their identifiers sit among many similar ones.
    {
        QString log;
        int lines = 0;
        synth::Incident last;
        for (int i = 0; lines < targetLines; ++i) {
            last = synth::generateIncident(99, i);
            log += last.log;
            lines += int(last.log.count(QLatin1Char('\n')));
        }
        QStringList explanations;
        for (const auto &e : synth::writeAllExplanations(last))
            explanations << e.text;
        std::unique_ptr<LogEvidence> evidence;
        const Timing index = measure(std::max(1, runs / 3), [&] { evidence = std::make_unique<LogEvidence>(log); });
        double worst = 0;
        std::vector<double> walls, cpus;
        int mentions = 0, flagged = 0;
        for (const QString &text : explanations) {
            const Timing t = measure(runs, [&] { sink += evidence->check(text).hallucinatedCount(); });
            walls.push_back(t.wallMs);
            cpus.push_back(t.cpuMs);
            worst = std::max(worst, t.wallMs);
            const EvidenceReport report = evidence->check(text);
            mentions += int(report.mentions.size());
            flagged += report.hallucinatedCount();
        }
        std::sort(walls.begin(), walls.end());
        std::sort(cpus.begin(), cpus.end());
        out << "big log: " << evidence->lineCount() << " lines, " << QString::number(double(log.size()) / 1e6, 'f', 1) << " M chars\n"
            << "  index (once per log)        " << ms(index.wallMs) << " wall, " << ms(index.cpuMs) << " cpu\n"
            << "  check, median of 7 styles   " << ms(walls[walls.size() / 2]) << " wall, " << ms(cpus[cpus.size() / 2]) << " cpu; worst "
            << ms(worst) << " (" << mentions << " mentions, " << flagged << " not in the log)\n";
        out.flush();
    }

    // synth: what the simulated engineer does per incident (index + seven checks).
    {
        const auto incidents = synth::generateIncidents(2024, incidentCount);
        if (!incidents) {
            out << "synthetic incidents failed: " << incidents.error() << "\n";
            return 1;
        }
        QVector<QStringList> texts;
        for (const auto &incident : *incidents) {
            QStringList t;
            for (const auto &e : synth::writeAllExplanations(incident))
                t << e.text;
            texts << t;
        }
        const Timing t = measure(std::max(1, runs / 3), [&] {
            for (int i = 0; i < incidents->size(); ++i) {
                const LogEvidence evidence((*incidents)[i].log);
                for (const QString &text : texts[i])
                    sink += evidence.check(text).groundedCount();
            }
        });
        out << "synthetic: " << incidentCount << " incidents, index + 7 checks per incident: "
            << ms(t.wallMs / incidentCount) << " wall, " << ms(t.cpuMs / incidentCount) << " cpu\n";
        out.flush();
    }

    const QString root = sharedDataDir(QStringLiteral(LAB_SHARED_DATA_DIR));
    if (root.isEmpty()) {
        out << "shared data not found; loghub part skipped\n";
        return sink == -1;
    }
    for (const char *name : {"Apache", "BGL", "Hadoop", "HDFS", "Linux", "OpenStack", "Spark", "Zookeeper"}) {
        const QString path = root + QStringLiteral("/loghub/%1/%1_2k.log").arg(QLatin1String(name));
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            out << path << ": cannot open\n";
            continue;
        }
        const QString log = QString::fromUtf8(f.readAll());
        const QStringList lines = log.split(QLatin1Char('\n'));
        // An explanation that quotes ten identifiers from lines spread over the file and invents two.
        QStringList quoted;
        for (int i = 0; i < lines.size() && quoted.size() < 10; i += std::max<int>(1, int(lines.size()) / 10)) {
            const auto found = findIdentifiers(lines[i]);
            if (!found.isEmpty())
                quoted << found.first().text;
        }
        const QString text = QStringLiteral("The failure involves ") + quoted.join(QStringLiteral(", "))
                             + QStringLiteral(", and executor 4711 on 10.254.254.253 is to blame.");
        std::unique_ptr<LogEvidence> evidence;
        const Timing index = measure(runs, [&] { evidence = std::make_unique<LogEvidence>(log); });
        const Timing check = measure(runs, [&] { sink += evidence->check(text).hallucinatedCount(); });
        const EvidenceReport report = evidence->check(text);
        out << QString::fromLatin1(name).leftJustified(10) << " index " << ms(index.wallMs) << " (cpu " << ms(index.cpuMs) << "), check "
            << ms(check.wallMs) << " (cpu " << ms(check.cpuMs) << "): " << report.groundedCount() << " found, " << report.hallucinatedCount()
            << " not in the log\n";
    }
    return sink == -1;
}
