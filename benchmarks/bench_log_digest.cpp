// Speed of digestLog, the step every SFT/DPO/PPO example and every `explain` goes through:
//   loghub   the eight loghub 2k files (~2,000 lines each), per file,
//   synth    synthetic incidents (100-300 lines), mean per incident,
//   big      a 100 MB log (the digest reads its last 4 MB).
// Each figure is the median of --runs timed runs; the process CPU time beside the wall time says
// what the code costs when other processes share the cores. Target: a 2,000-line log well under
// 10 ms.
//
//   bench_log_digest [--runs R] [--incidents N]
#include "benchmarks/bench_timing.h"
#include "core/common/paths.h"
#include "core/logs/log_digest.h"
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("digestLog speed"));
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Timed runs."),
                                        QStringLiteral("R"), QStringLiteral("15"));
    const QCommandLineOption incidentsOption(QStringLiteral("incidents"),
                                             QStringLiteral("Synthetic incidents."),
                                             QStringLiteral("N"), QStringLiteral("200"));
    parser.addOption(runsOption);
    parser.addOption(incidentsOption);
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const int incidentCount = std::max(1, parser.value(incidentsOption).toInt());

    const QString root = sharedDataDir(QStringLiteral(LAB_SHARED_DATA_DIR));
    if (root.isEmpty()) {
        out << "shared data not found; loghub part skipped\n";
    } else {
        for (const char *name :
             {"Apache", "BGL", "Hadoop", "HDFS", "Linux", "OpenStack", "Spark", "Zookeeper"}) {
            const QString path =
                QStringLiteral("%1/loghub/%2/%2_2k.log").arg(root, QLatin1String(name));
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) {
                out << "cannot read " << path << "\n";
                continue;
            }
            const QString text = QString::fromUtf8(f.readAll());
            LogDigest d;
            const Timing t = measure(runs, [&] { d = digestLog(text); });
            out << QStringLiteral("loghub %1 %2 lines: %3 ms wall, %4 ms cpu, %5 lines kept\n")
                       .arg(QLatin1String(name), -10)
                       .arg(d.totalLines)
                       .arg(t.wallMs, 0, 'f', 2)
                       .arg(t.cpuMs, 0, 'f', 2)
                       .arg(d.sourceLines.size());
        }
    }

    const auto incidents = synth::generateIncidents(7, incidentCount);
    if (!incidents.ok()) {
        out << incidents.error() << "\n";
        return 1;
    }
    qint64 lines = 0;
    for (const synth::Incident &inc : *incidents)
        lines += inc.log.count(QLatin1Char('\n'));
    const Timing synthTime = measure(runs, [&] {
        for (const synth::Incident &inc : *incidents)
            digestLog(inc.log);
    });
    out << QStringLiteral("synth  %1 incidents, %2 lines each on average: %3 ms wall, %4 ms cpu "
                          "per incident\n")
               .arg(incidentCount)
               .arg(double(lines) / incidentCount, 0, 'f', 0)
               .arg(synthTime.wallMs / incidentCount, 0, 'f', 3)
               .arg(synthTime.cpuMs / incidentCount, 0, 'f', 3);

    // 100 MB: synthetic incidents back to back.
    QString big;
    big.reserve(100 * 1024 * 1024 + 100000);
    for (int i = 0; big.size() < 100 * 1024 * 1024; i = (i + 1) % int(incidents->size()))
        big += incidents->at(i).log;
    LogDigest d;
    const Timing bigTime = measure(std::max(1, runs / 5), [&] { d = digestLog(big); });
    out << QStringLiteral("big    %1 MB, %2 lines: %3 ms wall, %4 ms cpu, %5 lines kept\n")
               .arg(big.size() / (1024 * 1024))
               .arg(d.totalLines)
               .arg(bigTime.wallMs, 0, 'f', 1)
               .arg(bigTime.cpuMs, 0, 'f', 1)
               .arg(d.sourceLines.size());
    out.flush();
    return 0;
}
