// bench_log_index: what opening a big log costs. Writes a ~1 GB log4j log to /tmp (deleted
// afterwards), then times open -> first line readable, full background indexing (MB/s, lines/s),
// random line reads during and after indexing, and reports peak RSS (VmHWM) to show that the
// file is not loaded. Also times parseLine / parseLineView per line on the loghub files.
//
//   bench_log_index [--size-mb N] [--keep] [--file PATH] [--json]
#include "core/logs/log_file.h"
#include "core/logs/log_format.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStorageInfo>
#include <QThread>
#include <cstdio>

using namespace lab;

namespace {

// kB from /proc/self/status ("VmHWM:  123456 kB"); -1 if unavailable.
qint64 procStatusKb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &l : lines) {
        if (l.startsWith(key)) {
            const QList<QByteArray> parts = l.simplified().split(' ');
            return parts.size() >= 2 ? parts[1].toLongLong() : -1;
        }
    }
    return -1;
}

// A Hadoop/Spark-driver-like log with stack traces, realistic line lengths and level mix.
bool writeLog(const QString &path, qint64 targetBytes, qint64 *linesWritten)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator rng(1234);
    static const char *kLevels[] = {"INFO", "INFO", "INFO", "INFO",  "INFO",
                                    "INFO", "WARN", "WARN", "ERROR", "DEBUG"};
    static const char *kSources[] = {
        "org.apache.hadoop.mapreduce.v2.app.MRAppMaster",
        "org.apache.spark.scheduler.TaskSetManager", "org.apache.hadoop.hdfs.DFSClient",
        "org.apache.spark.storage.BlockManagerInfo", "org.apache.hadoop.yarn.util.RackResolver"};
    QByteArray buf;
    buf.reserve(8 << 20);
    qint64 written = 0, lines = 0;
    int sec = 0;
    char line[512];
    auto r = [&rng](quint32 n) { return int(rng.bounded(n)); };
    while (written < targetBytes) {
        for (int k = 0; k < 20000; ++k) {
            const int li = r(10);
            const int mi = r(5);
            ++sec;
            int n =
                std::snprintf(line, sizeof line,
                              "2024-01-15 %02d:%02d:%02d,%03d %s [dispatcher-event-loop-%d] %s: ",
                              (sec / 3600) % 24, (sec / 60) % 60, sec % 60, r(1000), kLevels[li],
                              r(8), kSources[mi]);
            const int room = int(sizeof line) - n;
            switch (mi) {
            case 0:
                n += std::snprintf(line + n, size_t(room),
                                   "Finished task %d.0 in stage %d.0 (TID %d) in %d ms on "
                                   "10.0.%d.17 (executor %d) (%d/200)\n",
                                   r(200), r(40), r(100000), r(5000), r(255), r(64), r(200));
                break;
            case 1:
                n += std::snprintf(
                    line + n, size_t(room),
                    "Added rdd_%d_%d in memory on 10.0.%d.17:%d (size: %d.0 KB, free: 2.1 GB)\n",
                    r(200), r(40), r(255), 30000 + r(30000), r(5000));
                break;
            case 2:
                n += std::snprintf(line + n, size_t(room),
                                   "Lost task %d.0 in stage %d.0 (TID %d) (10.0.%d.17 executor "
                                   "%d): ExecutorLostFailure (executor exited)\n",
                                   r(200), r(40), r(100000), r(255), r(64));
                break;
            case 3:
                n += std::snprintf(
                    line + n, size_t(room),
                    "Exception in createBlockOutputStream for block blk_%d%d on 10.0.%d.17:50010\n",
                    r(1000000), r(1000000), r(255));
                break;
            default:
                n += std::snprintf(line + n, size_t(room),
                                   "Resolved host-%d-%d.ec2.internal to /default-rack\n", r(255),
                                   r(64));
                break;
            }
            buf.append(line, qMin<qsizetype>(n, qsizetype(sizeof line) - 1));
            ++lines;
            if (li == 8 && r(4) == 0) { // an ERROR with a stack trace
                buf += "java.io.IOException: Connection reset by peer\n"
                       "\tat sun.nio.ch.FileDispatcherImpl.read0(Native Method)\n"
                       "\tat "
                       "org.apache.spark.network.util.TransportFrameDecoder.channelRead("
                       "TransportFrameDecoder.java:102)\n";
                lines += 3;
            }
        }
        if (f.write(buf) != buf.size())
            return false;
        written += buf.size();
        buf.clear();
    }
    *linesWritten = lines;
    return f.flush();
}

struct ParseBench
{
    double nsPerLineView = 0;
    double nsPerLineString = 0;
    qint64 lines = 0;
};

ParseBench benchParse(const QString &dataDir)
{
    ParseBench r;
    const QStringList systems = {QStringLiteral("Apache"), QStringLiteral("BGL"),
                                 QStringLiteral("HDFS"),   QStringLiteral("Hadoop"),
                                 QStringLiteral("Linux"),  QStringLiteral("OpenStack"),
                                 QStringLiteral("Spark"),  QStringLiteral("Zookeeper")};
    QList<QPair<LogFormat, QList<QByteArray>>> inputs;
    for (const QString &s : systems) {
        QFile f(QStringLiteral("%1/loghub/%2/%2_2k.log").arg(dataDir, s));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QList<QByteArray> lines = f.readAll().split('\n');
        inputs.append({detectFormat(lines), lines});
    }
    if (inputs.isEmpty())
        return r;
    constexpr int kRounds = 30;
    QByteArray scratch;
    qint64 sink = 0, n = 0;
    QElapsedTimer t;
    t.start();
    for (int round = 0; round < kRounds; ++round)
        for (const auto &[format, lines] : inputs)
            for (const QByteArray &l : lines) {
                sink += parseLineView(format, l, &scratch).message.size();
                ++n;
            }
    r.nsPerLineView = double(t.nsecsElapsed()) / double(n);
    n = 0;
    t.restart();
    for (int round = 0; round < kRounds / 3; ++round)
        for (const auto &[format, lines] : inputs)
            for (const QByteArray &l : lines) {
                sink += parseLine(format, l).message.size();
                ++n;
            }
    r.nsPerLineString = double(t.nsecsElapsed()) / double(n);
    r.lines = n;
    if (sink == 42)
        std::puts(""); // keeps the loops from being optimised away
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    qint64 sizeMb = 1024;
    bool keep = false, json = false;
    QString given;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--size-mb") && i + 1 < args.size())
            sizeMb = args[++i].toLongLong();
        else if (args[i] == QLatin1String("--keep"))
            keep = true;
        else if (args[i] == QLatin1String("--json"))
            json = true;
        else if (args[i] == QLatin1String("--file") && i + 1 < args.size())
            given = args[++i];
        else {
            std::fprintf(stderr,
                         "usage: bench_log_index [--size-mb N] [--keep] [--file PATH] [--json]\n");
            return 2;
        }
    }

    const qint64 rssStartKb = procStatusKb("VmRSS:");
    QString path = given;
    qint64 linesWritten = -1;
    QElapsedTimer t;
    if (path.isEmpty()) {
        path = QDir::tempPath() +
               QStringLiteral("/bench_log_index_%1.log").arg(QCoreApplication::applicationPid());
        const QStorageInfo disk(QDir::tempPath());
        if (disk.bytesAvailable() < sizeMb * 1024 * 1024 * 2) {
            std::fprintf(stderr, "bench_log_index: not enough free space in %s for %lld MB\n",
                         qPrintable(QDir::tempPath()), qlonglong(sizeMb));
            return 1;
        }
        std::fprintf(stderr, "writing %lld MB to %s ...\n", qlonglong(sizeMb), qPrintable(path));
        t.start();
        if (!writeLog(path, sizeMb * 1024 * 1024, &linesWritten)) {
            std::fprintf(stderr, "bench_log_index: cannot write %s\n", qPrintable(path));
            QFile::remove(path);
            return 1;
        }
        std::fprintf(stderr, "written in %.1f s\n", double(t.elapsed()) / 1000.0);
    }
    const qint64 hwmBeforeKb = procStatusKb("VmHWM:");

    LogFile file;
    QElapsedTimer total;
    total.start();
    if (Status s = file.open(path); !s) {
        std::fprintf(stderr, "bench_log_index: %s\n", qPrintable(s.error()));
        if (given.isEmpty() && !keep)
            QFile::remove(path);
        return 1;
    }
    const double openMs = double(total.nsecsElapsed()) / 1e6;
    // The UI's question: how soon can the first screen (50 lines) be drawn?
    while (file.lineCount() < 50 && file.isIndexing())
        QThread::usleep(200);
    QStringList screen;
    for (int i = 0; i < 50; ++i)
        screen << file.line(i);
    const double firstScreenMs = double(total.nsecsElapsed()) / 1e6;
    const qint64 bytesAtFirstScreen = file.indexedBytes();

    // Random reads while the indexer runs (as a scrolling view would do).
    QRandomGenerator rng(7);
    QElapsedTimer rt;
    qint64 readsDuring = 0;
    rt.start();
    while (file.isIndexing() && readsDuring < 20000) {
        const qint64 n = file.lineCount();
        if (n > 0)
            (void)file.line(qint64(rng.bounded(quint64(n))));
        ++readsDuring;
    }
    const double usPerReadDuring =
        readsDuring > 0 ? double(rt.nsecsElapsed()) / 1e3 / double(readsDuring) : 0;

    file.waitForIndexed();
    const double indexSeconds = double(total.nsecsElapsed()) / 1e9;
    const qint64 bytes = file.sizeBytes();
    const qint64 lines = file.lineCount();

    rt.restart();
    constexpr int kReads = 20000;
    qint64 sink = 0;
    for (int i = 0; i < kReads; ++i)
        sink += file.line(qint64(rng.bounded(quint64(lines)))).size();
    const double usPerRead = double(rt.nsecsElapsed()) / 1e3 / kReads;
    const LevelCounts counts = file.levelCounts();
    const qint64 hwmKb = procStatusKb("VmHWM:");
    const qint64 rssKb = procStatusKb("VmRSS:");
    file.close();
    if (given.isEmpty() && !keep)
        QFile::remove(path);

    const ParseBench parse = benchParse(QString::fromUtf8(qgetenv("LAB_SHARED_DATA")).isEmpty()
                                            ? QStringLiteral(LAB_SHARED_DATA_DIR)
                                            : QString::fromUtf8(qgetenv("LAB_SHARED_DATA")));

    const double mb = double(bytes) / (1024.0 * 1024.0);
    QJsonObject o;
    o.insert(QStringLiteral("file_mb"), mb);
    o.insert(QStringLiteral("lines"), double(lines));
    o.insert(QStringLiteral("lines_written"), double(linesWritten));
    o.insert(QStringLiteral("open_ms"), openMs);
    o.insert(QStringLiteral("first_screen_ms"), firstScreenMs);
    o.insert(QStringLiteral("indexed_mb_at_first_screen"),
             double(bytesAtFirstScreen) / (1024.0 * 1024.0));
    o.insert(QStringLiteral("index_seconds"), indexSeconds);
    o.insert(QStringLiteral("index_mb_per_s"), mb / indexSeconds);
    o.insert(QStringLiteral("index_lines_per_s"), double(lines) / indexSeconds);
    o.insert(QStringLiteral("random_line_us_during_indexing"), usPerReadDuring);
    o.insert(QStringLiteral("random_line_us"), usPerRead);
    o.insert(QStringLiteral("rss_start_mb"), double(rssStartKb) / 1024.0);
    o.insert(QStringLiteral("peak_rss_before_open_mb"), double(hwmBeforeKb) / 1024.0);
    o.insert(QStringLiteral("peak_rss_mb"), double(hwmKb) / 1024.0);
    o.insert(QStringLiteral("rss_after_index_mb"), double(rssKb) / 1024.0);
    o.insert(QStringLiteral("error_lines"), double(counts[size_t(LogLevel::Error)]));
    o.insert(QStringLiteral("parse_view_ns_per_line"), parse.nsPerLineView);
    o.insert(QStringLiteral("parse_line_ns_per_line"), parse.nsPerLineString);
    if (json) {
        std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    } else {
        std::printf("file                 %.0f MB, %lld lines (%s)\n", mb, qlonglong(lines),
                    qPrintable(formatId(LogFormat::Log4j)));
        std::printf("open()               %.2f ms\n", openMs);
        std::printf("first 50 lines       %.2f ms after open (indexer at %.0f MB)\n", firstScreenMs,
                    double(bytesAtFirstScreen) / (1024.0 * 1024.0));
        std::printf("full index           %.2f s = %.0f MB/s, %.2f M lines/s\n", indexSeconds,
                    mb / indexSeconds, double(lines) / indexSeconds / 1e6);
        std::printf("random line()        %.2f us during indexing, %.2f us after\n",
                    usPerReadDuring, usPerRead);
        std::printf("memory               RSS at start %.1f MB, peak before open %.1f MB, peak "
                    "(VmHWM) %.1f MB, "
                    "RSS after %.1f MB\n",
                    double(rssStartKb) / 1024.0, double(hwmBeforeKb) / 1024.0,
                    double(hwmKb) / 1024.0, double(rssKb) / 1024.0);
        std::printf("parse (loghub)       parseLineView %.0f ns/line, parseLine %.0f ns/line (%lld "
                    "lines)\n",
                    parse.nsPerLineView, parse.nsPerLineString, qlonglong(parse.lines));
    }
    return sink == -1 ? 1 : 0;
}
