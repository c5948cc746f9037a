// The rlhf-lab-cli contract of DESIGN.md: --help everywhere, exit codes, one stderr line on
// failure, JSON shapes that scripts rely on.
#include "shared_data.h"
#include "cli/cli_process.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using labtest::cli;
using labtest::Run;

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

    // --- Labeling: label auto --annotator, label quality, prefs export / import ---

    void labelingCommandsHaveHelp_data()
    {
        QTest::addColumn<QStringList>("command");
        for (const char *c : {"prefs export", "prefs import", "label quality"})
            QTest::newRow(c) << QString::fromLatin1(c).split(QLatin1Char(' '));
    }
    void labelingCommandsHaveHelp()
    {
        QFETCH(QStringList, command);
        const Run r = cli(command + QStringList{QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        const QByteArray usage = QByteArray("Usage: rlhf-lab-cli ") + command.join(QLatin1Char(' ')).toUtf8();
        QVERIFY2(r.out.contains(usage), r.out.constData());
        QVERIFY(cli({QStringLiteral("--help")}).out.contains(command.join(QLatin1Char(' ')).toUtf8()));
    }

    void twoEngineersQualityAndPrefsRoundTrip()
    {
        const QString db = m_dir.filePath(QStringLiteral("prefs.db"));
        const QString S = QStringLiteral("--db");
        QVERIFY(cli({QStringLiteral("synth"), S, db, QStringLiteral("--incidents"), QStringLiteral("10"),
                     QStringLiteral("--seed"), QStringLiteral("4")}).code == 0);
        for (const char *who : {"eng-a", "eng-b"}) {
            const QString seed = QString::number(int(who[4]) - 'a' + 1); // different seeds: different noise
            const Run l = cli({QStringLiteral("label"), QStringLiteral("auto"), S, db, QStringLiteral("--annotator"),
                               QString::fromLatin1(who), QStringLiteral("--seed"), seed, QStringLiteral("--noise"),
                               QStringLiteral("0.2"), QStringLiteral("--json")});
            QVERIFY2(l.code == 0, l.err.constData());
            QCOMPARE(l.json().value(QStringLiteral("annotator")).toString(), QString::fromLatin1(who));
            QCOMPARE(l.json().value(QStringLiteral("votes")).toInt(), 30);
        }
        const Run q = cli({QStringLiteral("label"), QStringLiteral("quality"), S, db, QStringLiteral("--json")});
        QVERIFY2(q.code == 0, q.err.constData());
        const QJsonObject quality = q.json();
        QCOMPARE(quality.value(QStringLiteral("votes")).toInt(), 60);
        QCOMPARE(quality.value(QStringLiteral("annotators")).toArray().size(), 2);
        const QJsonArray agreement = quality.value(QStringLiteral("agreement")).toArray();
        QCOMPARE(agreement.size(), 1);
        QCOMPARE(agreement.first().toObject().value(QStringLiteral("shared_pairs")).toInt(), 30);
        const double kappa = agreement.first().toObject().value(QStringLiteral("kappa")).toDouble(-9);
        QVERIFY2(kappa > -1 && kappa < 1, qPrintable(QString::number(kappa))); // noise makes them differ
        QVERIFY(quality.value(QStringLiteral("krippendorff_alpha")).isDouble());
        const Run text = cli({QStringLiteral("label"), QStringLiteral("quality"), S, db});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("eng-a / eng-b"));

        // Lines on stdout, summary on stderr.
        const Run e = cli({QStringLiteral("prefs"), QStringLiteral("export"), S, db, QStringLiteral("--format"), QStringLiteral("trl")});
        QVERIFY2(e.code == 0, e.err.constData());
        QVERIFY(e.err.contains("wrote"));
        const QList<QByteArray> lines = e.out.trimmed().split('\n');
        QVERIFY(lines.size() > 10);
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY(!o.value(QStringLiteral("prompt")).toString().isEmpty());
            QVERIFY(o.value(QStringLiteral("chosen")).toString() != o.value(QStringLiteral("rejected")).toString());
        }
        // --json: the summary object on stdout, the lines in --out.
        const QString file = m_dir.filePath(QStringLiteral("prefs.jsonl"));
        const Run j = cli({QStringLiteral("prefs"), QStringLiteral("export"), S, db, QStringLiteral("--out"), file, QStringLiteral("--json")});
        QVERIFY2(j.code == 0, j.err.constData());
        QCOMPARE(j.json().value(QStringLiteral("written")).toInt(), lines.size());
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), e.out);
        QCOMPARE(cli({QStringLiteral("prefs"), QStringLiteral("export"), S, db, QStringLiteral("--json")}).code, 2);
        QCOMPARE(cli({QStringLiteral("prefs"), QStringLiteral("export"), S, db, QStringLiteral("--format"), QStringLiteral("csv")}).code, 2);
        QCOMPARE(cli({QStringLiteral("prefs"), QStringLiteral("export"), S, db, QStringLiteral("--since"), QStringLiteral("someday")}).code, 2);
        const Run future = cli({QStringLiteral("prefs"), QStringLiteral("export"), S, db, QStringLiteral("--since"), QStringLiteral("2999-01-01")});
        QCOMPARE(future.code, 0);
        QVERIFY(future.out.isEmpty());
        const Run one = cli({QStringLiteral("prefs"), QStringLiteral("export"), S, db, QStringLiteral("--annotator"), QStringLiteral("eng-b")});
        QCOMPARE(one.code, 0);
        QVERIFY(!one.out.contains("\"annotator\":\"eng-a\""));
        const Run nobody = cli({QStringLiteral("prefs"), QStringLiteral("export"), S, db, QStringLiteral("--annotator"), QStringLiteral("nobody")});
        QCOMPARE(nobody.code, 1);
        QCOMPARE(nobody.err.count('\n'), 1);

        // Import into an empty project, twice: the second changes nothing; export gives the same lines.
        const QString copy = m_dir.filePath(QStringLiteral("prefs-copy.db"));
        for (int round = 0; round < 2; ++round) {
            const Run i = cli({QStringLiteral("prefs"), QStringLiteral("import"), S, copy, file, QStringLiteral("--json")});
            QVERIFY2(i.code == 0, i.err.constData());
            QCOMPARE(i.json().value(QStringLiteral("format")).toString(), QStringLiteral("trl"));
            QCOMPARE(i.json().value(QStringLiteral("imported")).toInt(), lines.size());
            QCOMPARE(i.json().value(QStringLiteral("bad_lines")).toInt(), 0);
            QCOMPARE(i.json().value(QStringLiteral("pairs_created")).toInt() > 0, round == 0);
        }
        const Run again = cli({QStringLiteral("prefs"), QStringLiteral("export"), S, copy});
        QCOMPARE(again.code, 0);
        auto stripIds = [](const QByteArray &bytes) {
            QList<QJsonObject> out;
            for (const QByteArray &line : bytes.trimmed().split('\n')) {
                QJsonObject o = QJsonDocument::fromJson(line).object();
                o.remove(QStringLiteral("pair_id"));
                out << o;
            }
            return out;
        };
        QCOMPARE(stripIds(again.out), stripIds(e.out));
    }

    void prefsImportRejectsBadFiles()
    {
        const QString db = m_dir.filePath(QStringLiteral("bad.db"));
        const QString file = m_dir.filePath(QStringLiteral("bad.jsonl"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"prompt\":\"ERROR disk full\\n### Explanation:\\n\",\"chosen\":\"The disk is full.\",\"rejected\":\"Unknown.\"}\n"
                "{\"prompt\":\"p\",\"chosen\":\"c\"}\n"
                "not json\n");
        f.close();
        const Run strict = cli({QStringLiteral("prefs"), QStringLiteral("import"), QStringLiteral("--db"), db, file, QStringLiteral("--json")});
        QCOMPARE(strict.code, 1);
        QCOMPARE(strict.err.count('\n'), 1);
        QVERIFY2(strict.err.contains("line 2: 'rejected' is missing") && strict.err.contains("line 3: not JSON"), strict.err.constData());
        QCOMPARE(strict.json().value(QStringLiteral("imported")).toInt(), 0);
        QCOMPARE(strict.json().value(QStringLiteral("bad_lines")).toInt(), 2);
        QCOMPARE(strict.json().value(QStringLiteral("errors")).toArray().size(), 2);

        const Run lenient = cli({QStringLiteral("prefs"), QStringLiteral("import"), QStringLiteral("--db"), db, file,
                                 QStringLiteral("--skip-bad-lines"), QStringLiteral("--annotator"), QStringLiteral("reviewer"), QStringLiteral("--json")});
        QCOMPARE(lenient.code, 0);
        QCOMPARE(lenient.json().value(QStringLiteral("imported")).toInt(), 1);
        const Run exported = cli({QStringLiteral("prefs"), QStringLiteral("export"), QStringLiteral("--db"), db,
                                  QStringLiteral("--format"), QStringLiteral("unpaired")});
        QCOMPARE(exported.code, 0);
        QCOMPARE(exported.out.count('\n'), 2); // one vote: a true and a false line
        QVERIFY(exported.out.contains("\"annotator\":\"reviewer\""));

        const Run missing = cli({QStringLiteral("prefs"), QStringLiteral("import"), QStringLiteral("--db"), db,
                                 m_dir.filePath(QStringLiteral("none.jsonl"))});
        QCOMPARE(missing.code, 1);
        QCOMPARE(missing.err.count('\n'), 1);
        QCOMPARE(cli({QStringLiteral("prefs"), QStringLiteral("import"), QStringLiteral("--db"), db}).code, 2);
        QCOMPARE(cli({QStringLiteral("label"), QStringLiteral("quality"), QStringLiteral("--db"),
                      m_dir.filePath(QStringLiteral("none.db"))}).code, 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
