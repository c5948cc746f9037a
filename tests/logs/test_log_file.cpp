// LogFile: background indexing, line access while indexing, levels per line, and bad input
// (missing, unreadable, empty, binary, invalid UTF-8, a 10 MB line, growth and truncation).
#include "core/logs/log_file.h"
#include "core/logs/log_stats.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <unistd.h>

using namespace lab;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes,
               QIODevice::OpenMode mode = QIODevice::WriteOnly)
{
    QFile f(path);
    if (!f.open(mode))
        return false;
    return f.write(bytes) == bytes.size() && f.flush();
}

QByteArray hadoopLine(int i, const char *level)
{
    return QByteArray("2015-10-18 18:01:47,") + QByteArray::number(100 + i % 900) + ' ' + level +
           " [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Event " +
           QByteArray::number(i) + " for attempt_1445144423722_0020_m_000002_0\n";
}

} // namespace

class TestLogFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void readsLinesAndLevels()
    {
        const QByteArray text =
            "24/01/15 10:23:45 INFO SparkContext: Running Spark version 3.5.0\r\n"
            "24/01/15 10:23:52 ERROR TaskSchedulerImpl: Lost executor 4 on 10.0.3.17\r\n"
            "org.apache.spark.SparkException: Job aborted\r\n"
            "\tat org.apache.spark.scheduler.DAGScheduler.failJob(DAGScheduler.scala:2785)\r\n"
            "24/01/15 10:23:53 WARN BlockManager: Block rdd_2_3 could not be removed\r\n"
            "24/01/15 10:23:54 INFO SparkContext: Invoking stop()"; // no final newline
        QVERIFY(writeFile(path("spark.log"), text));
        LogFile f;
        QSignalSpy finished(&f, &LogFile::indexingFinished);
        QVERIFY(f.open(path("spark.log")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QVERIFY(f.isIndexed());
        QCOMPARE(f.format(), LogFormat::Spark);
        QCOMPARE(f.lineCount(), 6);
        QCOMPARE(f.rawLine(0),
                 QByteArray("24/01/15 10:23:45 INFO SparkContext: Running Spark version 3.5.0"));
        QCOMPARE(f.line(5), QStringLiteral("24/01/15 10:23:54 INFO SparkContext: Invoking stop()"));
        QCOMPARE(f.lineLength(1),
                 qint64(strlen(
                     "24/01/15 10:23:52 ERROR TaskSchedulerImpl: Lost executor 4 on 10.0.3.17\r")));
        QCOMPARE(f.level(1), LogLevel::Error);
        QCOMPARE(f.level(2), LogLevel::Unknown);    // the stack trace has no level of its own
        QCOMPARE(f.entryLevel(2), LogLevel::Error); // but belongs to the ERROR entry
        QCOMPARE(f.entryLevel(3), LogLevel::Error);
        QCOMPARE(f.level(4), LogLevel::Warn);
        const LevelCounts c = f.levelCounts();
        QCOMPARE(c[size_t(LogLevel::Info)], 2);
        QCOMPARE(c[size_t(LogLevel::Error)], 1);
        QCOMPARE(c[size_t(LogLevel::Warn)], 1);
        QCOMPARE(c[size_t(LogLevel::Unknown)], 2);
        QCOMPARE(f.firstTime(), QStringLiteral("24/01/15 10:23:45"));
        QCOMPARE(f.lastTime(), QStringLiteral("24/01/15 10:23:54"));
        QCOMPARE(f.parsedLine(1).source, QStringLiteral("TaskSchedulerImpl"));
        // Out of range is empty, never a crash.
        QCOMPARE(f.rawLine(-1), QByteArray());
        QCOMPARE(f.rawLine(6), QByteArray());
        QCOMPARE(f.level(100), LogLevel::Unknown);
    }

    void openDataFromMemory()
    {
        QByteArray bytes;
        for (int i = 0; i < 3000; ++i)
            bytes += hadoopLine(i, i % 3 == 0 ? "WARN" : "INFO");
        LogFile f;
        QVERIFY(f.openData(bytes, QStringLiteral("incident-42.log")).ok());
        QVERIFY(f.waitForIndexed(5000));
        QCOMPARE(f.name(), QStringLiteral("incident-42.log"));
        QCOMPARE(f.path(), QString());
        QCOMPARE(f.format(), LogFormat::Log4j);
        QCOMPARE(f.lineCount(), 3000);
        QCOMPARE(f.levelCounts()[size_t(LogLevel::Warn)], 1000);
        QCOMPARE(f.rawLine(2999), hadoopLine(2999, "INFO").chopped(1));
        QVERIFY(!f.openData(QByteArray("abc\0def", 7), QStringLiteral("blob")).ok());
    }

    // The first lines are readable while the indexer is still on its way through the file.
    void linesAvailableWhileIndexing()
    {
        QFile out(path("big.log"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        QByteArray block;
        for (int i = 0; i < 20000; ++i)
            block += hadoopLine(i, i % 10 == 0 ? "ERROR" : "INFO");
        for (int k = 0; k < 12; ++k) // ~32 MB, 240,000 lines
            QVERIFY(out.write(block) == block.size());
        out.close();

        LogFile f;
        qint64 firstDone = -1, firstTotal = -1, linesAtFirst = -1;
        QByteArray firstLineAtFirst;
        // Direct: runs in the indexer thread at the first progress report, before it goes on.
        connect(
            &f, &LogFile::indexingProgress, &f,
            [&](qint64 done, qint64 total) {
                if (firstDone < 0) {
                    firstDone = done;
                    firstTotal = total;
                    linesAtFirst = f.lineCount();
                    firstLineAtFirst = f.rawLine(0);
                }
            },
            Qt::DirectConnection);
        QSignalSpy progress(&f, &LogFile::indexingProgress);
        QSignalSpy finished(&f, &LogFile::indexingFinished);
        QVERIFY(f.open(path("big.log")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(f.lineCount() > 0, 5000);
        QCOMPARE(f.rawLine(0), hadoopLine(0, "ERROR").chopped(1)); // from this (GUI) thread
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(firstDone > 0 && firstDone < firstTotal);
        QVERIFY(linesAtFirst > 0 && linesAtFirst < 240000);
        QCOMPARE(firstLineAtFirst, hadoopLine(0, "ERROR").chopped(1));
        QCOMPARE(f.lineCount(), 240000);
        QCOMPARE(f.levelCounts()[size_t(LogLevel::Error)], 24000);
        QCOMPARE(
            f.rawLine(123457),
            hadoopLine(123457 % 20000, (123457 % 20000) % 10 == 0 ? "ERROR" : "INFO").chopped(1));
        // Throttled: far fewer reports than 1 MB blocks would give unthrottled... and the last says
        // done.
        QVERIFY(progress.count() >= 2 && progress.count() <= 120);
        QCOMPARE(progress.last().at(0).toLongLong(), progress.last().at(1).toLongLong());

        // Cancelling a fresh pass stops it cleanly.
        LogFile g;
        QVERIFY(g.open(path("big.log")).ok());
        g.cancelIndexing();
        QVERIFY(!g.isIndexing());
        QVERIFY(g.lineCount() <= 240000);
    }

    void missingFolderAndUnreadable()
    {
        LogFile f;
        Status s = f.open(path("does-not-exist.log"));
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("does-not-exist.log")) &&
                     s.error().contains(QStringLiteral("no such file")),
                 qPrintable(s.error()));
        s = f.open(m_dir.path());
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("folder")), qPrintable(s.error()));
        QVERIFY(!f.open(QString()).ok());
        const Result<LogStats> st = computeStats(path("does-not-exist.log"));
        QVERIFY(!st.ok());
        QVERIFY2(st.error().contains(QStringLiteral("does-not-exist.log")), qPrintable(st.error()));

        QVERIFY(writeFile(path("secret.log"), "2015-10-18 18:01:47,978 INFO [main] a.B: x\n"));
        QFile::setPermissions(path("secret.log"), QFileDevice::Permissions());
        QFile probe(path("secret.log"));
        const bool stillReadable = probe.open(QIODevice::ReadOnly);
        probe.close();
        if (stillReadable) {
            QFile::setPermissions(path("secret.log"),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            QSKIP(qPrintable(
                QStringLiteral("running as uid %1, for whom chmod 000 does not block reading")
                    .arg(::geteuid())));
        }
        s = f.open(path("secret.log"));
        QFile::setPermissions(path("secret.log"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("secret.log")) &&
                     s.error().contains(QStringLiteral("ermission")),
                 qPrintable(s.error()));
    }

    void emptyFile()
    {
        QVERIFY(writeFile(path("empty.log"), QByteArray()));
        LogFile f;
        QVERIFY(f.open(path("empty.log")).ok()); // it may still grow
        QVERIFY(f.waitForIndexed(5000));
        QVERIFY(f.isEmpty());
        QCOMPARE(f.lineCount(), 0);
        QCOMPARE(f.line(0), QString());
        QCOMPARE(f.firstTime(), QString());
        QCOMPARE(f.lastTime(), QString());
        const Result<LogStats> st = computeStats(path("empty.log"));
        QVERIFY(!st.ok());
        QVERIFY2(st.error().contains(QStringLiteral("empty")), qPrintable(st.error()));
    }

    void binaryData()
    {
        QByteArray bin(4096, '\0');
        for (int i = 0; i < bin.size(); ++i)
            bin[i] = char((i * 7919) & 0xff);
        QVERIFY(writeFile(path("core.bin"), bin));
        LogFile f;
        Status s = f.open(path("core.bin"));
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("core.bin")) &&
                     s.error().contains(QStringLiteral("binary")),
                 qPrintable(s.error()));
        QVERIFY(!f.isOpen());
        QVERIFY(writeFile(path("app.log.gz"),
                          QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8) + "xxxx"));
        s = f.open(path("app.log.gz"));
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("gzip")), qPrintable(s.error()));
        QVERIFY(!computeStats(path("core.bin")).ok());
    }

    void invalidUtf8()
    {
        const QByteArray text =
            QByteArray("2015-10-18 18:01:47,978 ERROR [main] a.B: bad bytes \xff\xfe and \xc3\x28 "
                       "here\n") +
            "2015-10-18 18:01:48,000 INFO [main] a.B: caf\xc3\xa9 latin1 caf\xe9\n";
        QVERIFY(writeFile(path("bad-utf8.log"), text));
        LogFile f;
        QVERIFY(f.open(path("bad-utf8.log")).ok());
        QVERIFY(f.waitForIndexed(5000));
        QCOMPARE(f.lineCount(), 2);
        QCOMPARE(f.level(0), LogLevel::Error);
        const QString l0 = f.line(0);
        QVERIFY(l0.contains(QChar(QChar::ReplacementCharacter)));
        QVERIFY(l0.endsWith(QStringLiteral(" here")));
        QVERIFY(f.line(1).contains(QStringLiteral("caf\u00e9 latin1")));
        QVERIFY(f.parsedLine(0).message.startsWith(QStringLiteral("bad bytes")));
    }

    void tenMegabyteLine()
    {
        QByteArray text = "2015-10-18 18:01:47,978 WARN [main] a.B: huge payload follows\n";
        const QByteArray longHead = "2015-10-18 18:01:48,000 ERROR [main] a.B: ";
        const qint64 longLen = longHead.size() + 10 * 1024 * 1024;
        text += longHead + QByteArray(10 * 1024 * 1024, 'x');
        text += "\n2015-10-18 18:01:49,000 INFO [main] a.B: after\n";
        QVERIFY(writeFile(path("long.log"), text));
        LogFile f;
        QVERIFY(f.open(path("long.log")).ok());
        QVERIFY(f.waitForIndexed(10000));
        QCOMPARE(f.lineCount(), 3);
        QCOMPARE(f.level(1), LogLevel::Error); // the level came from the line's head
        QCOMPARE(f.lineLength(1), longLen);
        QCOMPARE(f.rawLine(1).size(), LogFile::kMaxLineBytes);
        const QString shown = f.line(1);
        QVERIFY(shown.endsWith(LogFile::kTruncatedMarker.arg(f.lineLength(1))));
        QVERIFY(shown.size() < LogFile::kMaxLineBytes + 100);
        QCOMPARE(f.line(2), QStringLiteral("2015-10-18 18:01:49,000 INFO [main] a.B: after"));
        QCOMPARE(f.level(2), LogLevel::Info);
    }

    void utf8BomAndCrLf()
    {
        QVERIFY(writeFile(
            path("bom.log"),
            "\xEF\xBB\xBF"
            "Jun 14 15:16:01 combo sshd[1]: hello\r\nJun 14 15:16:02 combo sshd[1]: bye\r\n"));
        LogFile f;
        QVERIFY(f.open(path("bom.log")).ok());
        QVERIFY(f.waitForIndexed(5000));
        QCOMPARE(f.format(), LogFormat::Syslog);
        QCOMPARE(f.line(0), QStringLiteral("Jun 14 15:16:01 combo sshd[1]: hello"));
        QCOMPARE(f.parsedLine(1).message, QStringLiteral("bye"));
    }

    void growthWhileOpen()
    {
        QVERIFY(writeFile(path("grow.log"), hadoopLine(0, "INFO") + hadoopLine(1, "INFO") +
                                                "2015-10-18 18:01:49,000 WA"));
        LogFile f;
        QVERIFY(f.open(path("grow.log")).ok());
        QVERIFY(f.waitForIndexed(5000));
        QCOMPARE(f.lineCount(), 3); // the unfinished last line counts
        QCOMPARE(f.level(2), LogLevel::Unknown);
        // The writer finishes that line and adds more.
        QVERIFY(writeFile(path("grow.log"),
                          QByteArray("RN [main] a.B: disk almost full\n") + hadoopLine(3, "ERROR"),
                          QIODevice::Append));
        QSignalSpy finished(&f, &LogFile::indexingFinished);
        f.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QCOMPARE(f.lineCount(), 4);
        QCOMPARE(f.level(2), LogLevel::Warn);
        QCOMPARE(f.line(2),
                 QStringLiteral("2015-10-18 18:01:49,000 WARN [main] a.B: disk almost full"));
        QCOMPARE(f.level(3), LogLevel::Error);
        QCOMPARE(f.levelCounts()[size_t(LogLevel::Unknown)], 0);
        QCOMPARE(f.levelCounts()[size_t(LogLevel::Info)], 2);

        // Following: the watcher notices appends by itself.
        f.setFollowing(true);
        QVERIFY(f.isFollowing());
        QVERIFY(writeFile(path("grow.log"), hadoopLine(4, "INFO") + hadoopLine(5, "FATAL"),
                          QIODevice::Append));
        QTRY_COMPARE_WITH_TIMEOUT(f.lineCount(), 6, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(f.level(5), LogLevel::Fatal, 5000);
    }

    void truncationWhileOpen()
    {
        QByteArray before;
        for (int i = 0; i < 100; ++i)
            before += hadoopLine(i, "INFO");
        QVERIFY(writeFile(path("trunc.log"), before));
        LogFile f;
        QVERIFY(f.open(path("trunc.log")).ok());
        QVERIFY(f.waitForIndexed(5000));
        QCOMPARE(f.lineCount(), 100);
        (void)f.line(50); // fill the page cache with the old content

        // copytruncate-style rotation: the file is cut and written anew.
        QVERIFY(writeFile(path("trunc.log"), hadoopLine(7, "ERROR") + hadoopLine(8, "WARN")));
        QSignalSpy truncated(&f, &LogFile::truncated);
        QSignalSpy finished(&f, &LogFile::indexingFinished);
        f.refresh();
        QCOMPARE(truncated.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QCOMPARE(f.lineCount(), 2);
        QCOMPARE(f.rawLine(0), hadoopLine(7, "ERROR").chopped(1));
        QCOMPARE(f.level(1), LogLevel::Warn);
        QCOMPARE(f.levelCounts()[size_t(LogLevel::Info)], 0);

        // Rewritten to the same size with other content: also noticed.
        QVERIFY(writeFile(path("trunc.log"),
                          hadoopLine(7, "FATAL") + hadoopLine(8, "WARN").replace("WARN", "INFO")));
        f.refresh();
        QCOMPARE(truncated.count(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 5000);
        QCOMPARE(f.level(0), LogLevel::Fatal);

        // Deleted while open: a message, and what was read stays readable.
        QSignalSpy failed(&f, &LogFile::failed);
        QVERIFY(QFile::remove(path("trunc.log")));
        f.refresh();
        QCOMPARE(failed.count(), 1);
        QVERIFY(f.lineCount() == 2);
    }

    void emptyFileThatGrows()
    {
        QVERIFY(writeFile(path("late.log"), QByteArray()));
        LogFile f;
        QVERIFY(f.open(path("late.log")).ok());
        QVERIFY(f.waitForIndexed(5000));
        QCOMPARE(f.format(), LogFormat::Plain);
        QByteArray text;
        for (int i = 0; i < 30; ++i)
            text += hadoopLine(i, "WARN");
        QVERIFY(writeFile(path("late.log"), text, QIODevice::Append));
        f.refresh();
        QVERIFY(f.waitForIndexed(5000));
        QCOMPARE(f.format(), LogFormat::Log4j); // decided again once there were lines
        QCOMPARE(f.lineCount(), 30);
        QCOMPARE(f.levelCounts()[size_t(LogLevel::Warn)], 30);
    }
};

QTEST_GUILESS_MAIN(TestLogFile)
#include "test_log_file.moc"
