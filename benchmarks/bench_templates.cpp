// Template mining throughput on real logs: the 16,000 lines of the eight loghub 2k files,
// repeated to ~2M lines, one Drain miner per system, one thread. Prints lines/s for
//   mask        masking alone (the byte scanner),
//   mine        masking + Drain on messages already split from their headers,
//   parse+mine  header parsing (the detected format's parseLineView) + masking + Drain,
//   file        mineTemplatesFromFile on files on disk: open, index, detect, parse, mine,
// each the median of --runs timed runs with fresh miners. Wall-clock lines/s is the figure; the
// per-CPU-second rate beside it says what the code costs when other processes share the cores. The
// reference is logpai's Python Drain at about 10,000 lines/s; the target is 50x that (500,000
// lines/s).
//
//   bench_templates [--lines N] [--runs R] [--file-lines N] [--only mask,mine,parse+mine,file]
#include "core/common/paths.h"
#include "core/logs/log_format.h"
#include "core/logs/template_masking.h"
#include "core/logs/template_miner.h"
#include "core/logs/template_table.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <vector>

using namespace lab;

namespace {

QTextStream out(stdout);

constexpr double kPythonDrainLinesPerSecond = 10000.0;
constexpr double kTargetLinesPerSecond = 50 * kPythonDrainLinesPerSecond;
const char *const kSystems[] = {"Apache", "BGL",       "Hadoop", "HDFS",
                                "Linux",  "OpenStack", "Spark",  "Zookeeper"};

struct System
{
    QString name;
    QByteArray raw;             // the whole .log file
    QList<QByteArray> lines;    // raw lines
    QList<QByteArray> messages; // parsed message of each line
    LogFormat format = LogFormat::Plain;
};

// One entry per benchmark line: which system and which of its lines.
struct Item
{
    int system;
    int line;
};

int die(const QString &message)
{
    QTextStream(stderr) << "bench_templates: " << message << Qt::endl;
    return 1;
}

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

struct Timing
{
    double wall = 0; // seconds on the clock
    double cpu = 0; // seconds this thread ran: what the code costs when other work shares the cores
};

// Median by wall time of `runs` runs.
template <typename F> Timing medianTiming(int runs, F &&run)
{
    std::vector<Timing> t;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        const double cpu0 = threadCpuSeconds();
        clock.start();
        run();
        t.push_back({double(clock.nsecsElapsed()) / 1e9, threadCpuSeconds() - cpu0});
    }
    std::sort(t.begin(), t.end(), [](const Timing &a, const Timing &b) { return a.wall < b.wall; });
    return t[t.size() / 2];
}

void report(const QString &what, qint64 lines, const Timing &t, qint64 bytes)
{
    const double rate = double(lines) / t.wall;
    const double cpuRate = double(lines) / t.cpu;
    out << qSetFieldWidth(11) << Qt::left << what << qSetFieldWidth(0)
        << QStringLiteral(
               "%1 lines in %2 s: %3 lines/s (%4 MB/s, x%5 Python Drain, %6 the 500k target); "
               "per CPU second %7 lines/s")
               .arg(lines)
               .arg(t.wall, 0, 'f', 3)
               .arg(qRound64(rate))
               .arg(double(bytes) / t.wall / 1e6, 0, 'f', 1)
               .arg(rate / kPythonDrainLinesPerSecond, 0, 'f', 1)
               .arg(rate >= kTargetLinesPerSecond ? QStringLiteral("meets")
                                                  : QStringLiteral("misses"))
               .arg(qRound64(cpuRate))
        << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Template mining throughput on the loghub 2k files."));
    parser.addHelpOption();
    const QCommandLineOption linesOpt(QStringLiteral("lines"),
                                      QStringLiteral("Lines per timed run (default 2000000)."),
                                      QStringLiteral("N"), QStringLiteral("2000000"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"),
                                     QStringLiteral("Timed runs, median reported (default 3)."),
                                     QStringLiteral("R"), QStringLiteral("3"));
    const QCommandLineOption fileLinesOpt(
        QStringLiteral("file-lines"),
        QStringLiteral("Lines per system in the file benchmark (default 64000)."),
        QStringLiteral("N"), QStringLiteral("64000"));
    const QCommandLineOption onlyOpt(
        QStringLiteral("only"),
        QStringLiteral("Comma-separated subset of mask,mine,parse+mine,file (default all)."),
        QStringLiteral("NAMES"));
    parser.addOptions({linesOpt, runsOpt, fileLinesOpt, onlyOpt});
    parser.process(app);
    const qint64 totalLines = std::max<qint64>(1, parser.value(linesOpt).toLongLong());
    const int runs = std::max(1, parser.value(runsOpt).toInt());
    const qint64 fileLines = std::max<qint64>(1, parser.value(fileLinesOpt).toLongLong());
    const QStringList only = parser.value(onlyOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);
    auto wanted = [&only](const char *name) {
        return only.isEmpty() || only.contains(QLatin1String(name));
    };

    const QString root = sharedDataDir(QStringLiteral(LAB_SHARED_DATA_DIR));
    if (root.isEmpty())
        return die(QStringLiteral("../shared/data not found (set LAB_SHARED_DATA to its folder)"));

    std::vector<System> systems;
    for (const char *name : kSystems) {
        System s;
        s.name = QString::fromLatin1(name);
        QFile f(QStringLiteral("%1/loghub/%2/%2_2k.log").arg(root, s.name));
        if (!f.open(QIODevice::ReadOnly))
            return die(QStringLiteral("%1: cannot read: %2").arg(f.fileName(), f.errorString()));
        s.raw = f.readAll();
        s.lines = s.raw.split('\n');
        if (!s.lines.isEmpty() && s.lines.last().isEmpty())
            s.lines.removeLast();
        s.format = detectFormat(s.lines.mid(0, 200));
        QByteArray scratch;
        for (const QByteArray &line : std::as_const(s.lines))
            s.messages.append(parseLineView(s.format, line, &scratch).message.toByteArray());
        systems.push_back(std::move(s));
    }

    // The 16k lines in file order, system after system, repeated up to totalLines.
    std::vector<Item> items;
    items.reserve(size_t(totalLines));
    qint64 rawBytes = 0, messageBytes = 0;
    while (qint64(items.size()) < totalLines) {
        for (int si = 0; si < int(systems.size()) && qint64(items.size()) < totalLines; ++si) {
            for (int li = 0;
                 li < systems[size_t(si)].lines.size() && qint64(items.size()) < totalLines; ++li) {
                items.push_back({si, li});
                rawBytes += systems[size_t(si)].lines[li].size() + 1;
                messageBytes += systems[size_t(si)].messages[li].size();
            }
        }
    }
    out << "bench_templates: " << items.size() << " lines (" << rawBytes / 1000000 << " MB raw), "
        << systems.size() << " systems, one miner each, 1 thread, median of " << runs << " runs"
        << Qt::endl;

    // Keeps the optimizer from dropping the work.
    qint64 sink = 0;

    if (wanted("mask")) {
        const Timing maskTime = medianTiming(runs, [&] {
            std::string masked;
            const TemplateMaskOptions options;
            for (const Item &it : items) {
                const QByteArray &m = systems[size_t(it.system)].messages[it.line];
                masked.clear();
                maskMessageInto(std::string_view(m.constData(), size_t(m.size())), options, masked);
                sink += qint64(masked.size());
            }
        });
        report(QStringLiteral("mask"), qint64(items.size()), maskTime, messageBytes);
    }

    int templates = 0;
    if (wanted("mine")) {
        const Timing mineTime = medianTiming(runs, [&] {
            std::vector<TemplateMiner> miners(systems.size());
            for (const Item &it : items)
                sink += miners[size_t(it.system)].add(
                    QByteArrayView(systems[size_t(it.system)].messages[it.line]));
            templates = 0;
            for (const TemplateMiner &m : miners)
                templates += m.templateCount();
        });
        report(QStringLiteral("mine"), qint64(items.size()), mineTime, messageBytes);
    }

    if (wanted("parse+mine")) {
        const Timing parseMineTime = medianTiming(runs, [&] {
            std::vector<TemplateMiner> miners(systems.size());
            QByteArray scratch;
            for (const Item &it : items) {
                const System &s = systems[size_t(it.system)];
                const ParsedLineView parsed = parseLineView(s.format, s.lines[it.line], &scratch);
                sink += miners[size_t(it.system)].add(parsed.message);
            }
        });
        report(QStringLiteral("parse+mine"), qint64(items.size()), parseMineTime, rawBytes);
    }

    // Whole files on disk through the same helper as `rlhf-lab-cli logs templates`.
    if (wanted("file")) {
        QTemporaryDir dir;
        if (!dir.isValid())
            return die(QStringLiteral("cannot create a temporary folder"));
        QStringList paths;
        qint64 fileTotalLines = 0, fileBytes = 0;
        for (const System &s : systems) {
            const QString path = dir.filePath(s.name + QStringLiteral(".log"));
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly))
                return die(QStringLiteral("%1: cannot write: %2").arg(path, f.errorString()));
            for (qint64 written = 0; written < fileLines;) {
                for (qsizetype li = 0; li < s.lines.size() && written < fileLines;
                     ++li, ++written) {
                    f.write(s.lines[li]);
                    f.write("\n");
                    fileBytes += s.lines[li].size() + 1;
                }
            }
            fileTotalLines += fileLines;
            paths.append(path);
        }
        QString fileError;
        const Timing fileTime = medianTiming(runs, [&] {
            for (const QString &path : std::as_const(paths)) {
                const Result<TemplateTable> table = mineTemplatesFromFile(path);
                if (!table.ok())
                    fileError = table.error();
                else
                    sink += qint64(table->templates.size());
            }
        });
        if (!fileError.isEmpty())
            return die(fileError);
        report(QStringLiteral("file"), fileTotalLines, fileTime, fileBytes);
    }

    if (templates > 0)
        out << "templates after the mine runs: " << templates << Qt::endl;
    out << "checksum " << (sink & 0xffff) << Qt::endl;
    return 0;
}
