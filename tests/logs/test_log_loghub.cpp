// The readers against loghub's real logs and their ground truth (../shared/data/loghub): format
// detection, levels against the Level column, and `message` against the Content column that
// the template miner is scored on.
#include "core/logs/log_file.h"
#include "core/logs/log_format.h"
#include "core/logs/log_stats.h"
#include "shared_data.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace lab;

namespace {

// RFC 4180 CSV, as loghub writes it (quoted fields with "" escapes; no newlines inside).
QList<QStringList> readCsv(const QString &path)
{
    QList<QStringList> rows;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    const QString text = QString::fromUtf8(f.readAll());
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            row << field;
            field.clear();
            rows << row;
            row.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row << field;
        rows << row;
    }
    return rows;
}

QList<QByteArray> readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = f.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

struct Truth
{
    QStringList content;
    QStringList level;
};

Truth readTruth(const QString &csvPath)
{
    Truth t;
    const QList<QStringList> rows = readCsv(csvPath);
    if (rows.isEmpty())
        return t;
    const qsizetype contentCol = rows.first().indexOf(QStringLiteral("Content"));
    const qsizetype levelCol = rows.first().indexOf(QStringLiteral("Level"));
    for (qsizetype r = 1; r < rows.size(); ++r) {
        t.content << rows[r].value(contentCol);
        t.level << (levelCol >= 0 ? rows[r].value(levelCol) : QString());
    }
    return t;
}

} // namespace

class TestLogLoghub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void files_data()
    {
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("checkLevels");
        QTest::addColumn<double>("minContentRate");
        // Every file is held to 99 %: the formats allow an exact split.
        QTest::newRow("Apache") << "Apache"
                                << "apache-error" << true << 0.99;
        QTest::newRow("BGL") << "BGL"
                             << "bgl" << true << 0.99;
        QTest::newRow("HDFS") << "HDFS"
                              << "hdfs" << true << 0.99;
        QTest::newRow("Hadoop") << "Hadoop"
                                << "log4j" << true << 0.99;
        QTest::newRow("Linux") << "Linux"
                               << "syslog" << false << 0.99; // Level column = host
        QTest::newRow("OpenStack") << "OpenStack"
                                   << "openstack" << true << 0.99;
        QTest::newRow("Spark") << "Spark"
                               << "spark" << true << 0.99;
        QTest::newRow("Zookeeper") << "Zookeeper"
                                   << "zookeeper" << true << 0.99;
    }

    void files()
    {
        QFETCH(QString, system);
        QFETCH(QString, format);
        QFETCH(bool, checkLevels);
        QFETCH(double, minContentRate);
        LAB_REQUIRE_SHARED(root, "loghub");
        const QString logPath = QStringLiteral("%1/%2/%2_2k.log").arg(root, system);
        const QList<QByteArray> lines = readLines(logPath);
        QCOMPARE(lines.size(), 2000);

        const LogFormat detected = detectFormat(lines);
        QCOMPARE(formatId(detected), format);

        const Truth truth =
            readTruth(QStringLiteral("%1/%2/%2_2k.log_structured.csv").arg(root, system));
        const Truth corrected =
            readTruth(QStringLiteral("%1/loghub2_corrected/%2_2k.log_structured_corrected.csv")
                          .arg(root, system));
        QCOMPARE(truth.content.size(), lines.size());

        int contentMatch = 0, correctedMatch = 0, levelMatch = 0, matched = 0;
        QStringList firstMisses;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const ParsedLine p = parseLine(detected, lines[i]);
            matched += p.matched;
            if (p.message == truth.content[i])
                ++contentMatch;
            else if (firstMisses.size() < 3)
                firstMisses << QStringLiteral("line %1: got [%2] want [%3]")
                                   .arg(i + 1)
                                   .arg(p.message, truth.content[i]);
            if (i < corrected.content.size() && p.message == corrected.content[i])
                ++correctedMatch;
            if (checkLevels && p.level == levelFromName(QStringView(truth.level[i])))
                ++levelMatch;
        }
        const double rate = double(contentMatch) / double(lines.size());
        qInfo("%s: format %s, parsed %d/2000, message == Content %d/2000 (%.2f%%), == corrected "
              "Content %d/%lld, "
              "level == Level %d/2000",
              qPrintable(system), qPrintable(format), matched, contentMatch, rate * 100.0,
              correctedMatch, qlonglong(corrected.content.size()), checkLevels ? levelMatch : -1);
        for (const QString &miss : firstMisses)
            qInfo("  %s", qPrintable(miss));
        QCOMPARE(matched, 2000);
        QVERIFY2(rate >= minContentRate, qPrintable(firstMisses.join(QStringLiteral("; "))));
        if (checkLevels)
            QCOMPARE(levelMatch, 2000);
    }

    // The acceptance numbers, through the reader the CLI uses.
    void hadoopLevelCounts()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Hadoop/Hadoop_2k.log");
        const Result<LogStats> stats = computeStats(path);
        QVERIFY2(stats.ok(), qPrintable(stats.error()));
        QCOMPARE(stats->lines, 2000);
        QCOMPARE(stats->format, LogFormat::Log4j);
        QCOMPARE(stats->levels[size_t(LogLevel::Info)], 1040);
        QCOMPARE(stats->levels[size_t(LogLevel::Warn)], 808);
        QCOMPARE(stats->levels[size_t(LogLevel::Error)], 150);
        QCOMPARE(stats->levels[size_t(LogLevel::Fatal)], 2);
        QCOMPARE(stats->levels[size_t(LogLevel::Unknown)], 0);
        QCOMPARE(stats->firstTime, QStringLiteral("2015-10-18 18:01:47,978"));
        QVERIFY(!stats->lastTime.isEmpty());
    }

    // The JSON shape that scripts rely on (DESIGN.md), from the library and from the CLI.
    void statsJson()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Hadoop/Hadoop_2k.log");
        const Result<LogStats> stats = computeStats(path);
        QVERIFY2(stats.ok(), qPrintable(stats.error()));
        const QJsonObject o = stats->toJson();
        QCOMPARE(o.value(QStringLiteral("lines")).toInt(), 2000);
        QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("log4j"));
        const QJsonObject levels = o.value(QStringLiteral("levels")).toObject();
        QCOMPARE(levels.size(), 4);
        QCOMPARE(levels.value(QStringLiteral("INFO")).toInt(), 1040);
        QCOMPARE(levels.value(QStringLiteral("WARN")).toInt(), 808);
        QCOMPARE(levels.value(QStringLiteral("ERROR")).toInt(), 150);
        QCOMPARE(levels.value(QStringLiteral("FATAL")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("first_time")).toString(),
                 QStringLiteral("2015-10-18 18:01:47,978"));
        QVERIFY(o.contains(QStringLiteral("last_time")));

        const QString cli = QStringLiteral(LAB_BINARY_DIR "/app/rlhf-lab-cli");
        if (!QFileInfo::exists(cli))
            QSKIP("rlhf-lab-cli is not built in this build tree");
        QProcess p;
        p.start(cli,
                {QStringLiteral("logs"), QStringLiteral("stats"), path, QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject fromCli = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(fromCli.value(QStringLiteral("levels")).toObject(), levels);
        QCOMPARE(fromCli.value(QStringLiteral("lines")).toInt(), 2000);

        p.start(cli, {QStringLiteral("logs"), QStringLiteral("stats"),
                      path + QStringLiteral(".missing")});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY(p.exitCode() != 0);
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.contains("no such file"), err.constData());
    }

    void zookeeperAndBglCounts()
    {
        LAB_REQUIRE_SHARED(zk, "loghub/Zookeeper/Zookeeper_2k.log");
        const Result<LogStats> z = computeStats(zk);
        QVERIFY2(z.ok(), qPrintable(z.error()));
        QCOMPARE(z->levels[size_t(LogLevel::Error)], 13);
        QCOMPARE(z->levels[size_t(LogLevel::Warn)], 1318);
        QCOMPARE(z->levels[size_t(LogLevel::Info)], 669);

        LAB_REQUIRE_SHARED(spark, "loghub/Spark/Spark_2k.log");
        const Result<LogStats> s = computeStats(spark);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(s->levels[size_t(LogLevel::Info)], 2000);
        QCOMPARE(s->format, LogFormat::Spark);
    }
};

QTEST_GUILESS_MAIN(TestLogLoghub)
#include "test_log_loghub.moc"
