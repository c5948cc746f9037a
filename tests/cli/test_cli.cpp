// The rlhf-lab-cli contract of DESIGN.md: --help everywhere, exit codes, one stderr line on
// failure, JSON shapes that scripts rely on.
#include "shared_data.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run cli(const QStringList &args, int timeoutMs = 300000)
{
    QProcess p;
    p.start(QStringLiteral(LAB_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs))
        qFatal("rlhf-lab-cli %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void overviewListsCommands()
    {
        const Run r = cli({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char *name : {"logs stats", "logs templates", "logs import", "synth", "label auto"})
            QVERIFY2(r.out.contains(name), name);
    }

    void everyCommandHasHelp_data()
    {
        QTest::addColumn<QStringList>("command");
        for (const char *c : {"logs stats", "logs templates", "logs import", "synth", "label auto"})
            QTest::newRow(c) << QString::fromLatin1(c).split(QLatin1Char(' '));
    }
    void everyCommandHasHelp()
    {
        QFETCH(QStringList, command);
        const Run r = cli(command + QStringList{QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        const QByteArray usage = QByteArray("Usage: rlhf-lab-cli ") + command.join(QLatin1Char(' ')).toUtf8();
        QVERIFY2(r.out.contains(usage), r.out.constData());
    }

    void unknownCommandIsOneLineOnStderr()
    {
        const Run r = cli({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
    }

    void missingFileFailsClearly()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.log"));
        const Run r = cli({QStringLiteral("logs"), QStringLiteral("stats"), missing, QStringLiteral("--json")});
        QVERIFY(r.code != 0);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(missing.toUtf8()), r.err.constData());
    }

    void statsOnHadoop()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Hadoop/Hadoop_2k.log");
        const Run r = cli({QStringLiteral("logs"), QStringLiteral("stats"), path, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("lines")).toInt(), 2000);
        QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("log4j"));
        const QJsonObject levels = o.value(QStringLiteral("levels")).toObject();
        QCOMPARE(levels.value(QStringLiteral("INFO")).toInt(), 1040);
        QCOMPARE(levels.value(QStringLiteral("WARN")).toInt(), 808);
        QCOMPARE(levels.value(QStringLiteral("ERROR")).toInt(), 150);
        QCOMPARE(levels.value(QStringLiteral("FATAL")).toInt(), 2);
        QVERIFY(o.value(QStringLiteral("first_time")).toString().startsWith(QLatin1String("2015-10-18 18:01:47")));
        QVERIFY(!o.value(QStringLiteral("last_time")).toString().isEmpty());
    }

    void templatesOnHdfs()
    {
        LAB_REQUIRE_SHARED(path, "loghub/HDFS/HDFS_2k.log");
        const Run r = cli({QStringLiteral("logs"), QStringLiteral("templates"), path, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = r.json();
        const QJsonArray lines = o.value(QStringLiteral("line_templates")).toArray();
        QCOMPARE(lines.size(), 2000);
        const QJsonArray templates = o.value(QStringLiteral("templates")).toArray();
        QVERIFY(templates.size() >= 10 && templates.size() <= 30); // ground truth has 14
        qint64 total = 0;
        QSet<QString> ids;
        for (const QJsonValue &t : templates) {
            total += t.toObject().value(QStringLiteral("count")).toInteger();
            ids.insert(t.toObject().value(QStringLiteral("id")).toString());
        }
        QCOMPARE(total, 2000);
        for (const QJsonValue &id : lines)
            QVERIFY(ids.contains(id.toString()));
    }

    void importSynthAndAutoLabel()
    {
        const QString db = m_dir.filePath(QStringLiteral("lab.db"));
        const Run s = cli({QStringLiteral("synth"), QStringLiteral("--db"), db, QStringLiteral("--incidents"),
                           QStringLiteral("40"), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--json")});
        QVERIFY2(s.code == 0, s.err.constData());
        const Run l = cli({QStringLiteral("label"), QStringLiteral("auto"), QStringLiteral("--db"), db,
                           QStringLiteral("--noise"), QStringLiteral("0.1"), QStringLiteral("--seed"), QStringLiteral("5"),
                           QStringLiteral("--json")});
        QVERIFY2(l.code == 0, l.err.constData());
        QVERIFY2(!l.json().isEmpty(), l.out.constData());

        LAB_REQUIRE_SHARED(path, "loghub/Spark/Spark_2k.log");
        const Run i = cli({QStringLiteral("logs"), QStringLiteral("import"), QStringLiteral("--db"), db, path,
                           QStringLiteral("--json")});
        QVERIFY2(i.code == 0, i.err.constData());
        const QJsonArray imported = i.json().value(QStringLiteral("imported")).toArray();
        QCOMPARE(imported.size(), 1);
        QCOMPARE(imported.first().toObject().value(QStringLiteral("source")).toString(), QStringLiteral("spark"));
        QCOMPARE(imported.first().toObject().value(QStringLiteral("lines")).toInt(), 2000);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
