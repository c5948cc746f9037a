// Identifier evidence: each kind found and not found on a hand-made log (near misses included:
// executor 7 vs 17, a bucket vs a longer bucket, an IP vs a longer IP), positions and support
// lines; the synthetic styles (good explanations invent nothing, hallucinated ones do); and real
// loghub logs, where identifiers copied from a line are found at that line and altered ones are
// flagged.
#include "core/logs/identifier_evidence.h"
#include "core/synth/explanation_writer.h"
#include "core/synth/incident_generator.h"
#include "core/synth/simulated_engineer.h"
#include "shared_data.h"

#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace lab;

namespace {

// Lines 0..8 (1-based 1..9 in text).
const QString kLog = QStringLiteral(
    "24/03/11 14:02:17 WARN TaskSetManager: Lost task 3.0 in stage 12.0 (TID 318) (10.0.4.17 executor 7): java.lang.OutOfMemoryError: Java heap space\n"
    "24/03/11 14:02:18 INFO BlockManagerMasterEndpoint: Registering block manager 10.0.4.170:40688 for executor 17\n"
    "Warning  BackOff  pod/checkout-api-7d9f8c6b5-x2kqp  Back-off restarting failed container api in namespace payments\n"
    "2024-03-11T14:02:19Z ERROR GetObject s3://acme-prod-orders-raw/2024/03/11/part-0007.parquet AccessDenied on arn:aws:s3:::acme-prod-orders-raw\n"
    "AnalysisException: cannot resolve `customer_id` in table lakehouse.core.orders_hourly; column amount_usd is DECIMAL(18,2)\n"
    "org.apache.spark.shuffle.FetchFailedException: Failed to connect to db-primary.prod.internal:5432\n"
    "Traceback: File \"/Workspace/jobs/daily_report.py\", line 214, in <module>\n"
    "HikariPool-1 - Connection is not available, request timed out after 30000ms.\n"
    "wrote /mnt/scratch/tmp-41/out.csv for update 602b156b-8e2c-4c1a-9f3e-1d2c3b4a5f60\n");

QVector<int> lines(std::initializer_list<int> l)
{
    return QVector<int>(l);
}

// Independent of the module: does `text` occur in the log with no word character on either
// side? Looser than the module (it ignores '-' and '.' joins), so "absent" here means absent.
bool looselyInLog(const QString &text, const QString &log)
{
    const QRegularExpression re(QStringLiteral("(?<![A-Za-z0-9_])") + QRegularExpression::escape(text) + QStringLiteral("(?![A-Za-z0-9_])"),
                                QRegularExpression::CaseInsensitiveOption);
    return re.match(log).hasMatch();
}

// The identifier with one character changed: the last digit (+7 mod 10), else the last letter.
QString altered(const QString &text)
{
    QString out = text;
    for (qsizetype i = out.size() - 1; i >= 0; --i) {
        if (out[i].isDigit()) {
            out[i] = QChar(u'0' + (out[i].digitValue() + 7) % 10);
            return out;
        }
    }
    for (qsizetype i = out.size() - 1; i >= 0; --i) {
        if (out[i].isLetter()) {
            out[i] = out[i] == QLatin1Char('q') || out[i] == QLatin1Char('Q') ? QLatin1Char('z') : QLatin1Char('q');
            return out;
        }
    }
    return out + QLatin1Char('9');
}

} // namespace

class TestIdentifierEvidence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindsFoundAndNearMisses_data()
    {
        QTest::addColumn<QString>("identifier");
        QTest::addColumn<QVector<int>>("expected"); // empty: not in the log
        // Numbered references compare noun and number.
        QTest::newRow("executor") << QStringLiteral("executor 7") << lines({0});
        QTest::newRow("executor #7") << QStringLiteral("Executor #7") << lines({0});
        QTest::newRow("executor 17") << QStringLiteral("executor 17") << lines({1});
        QTest::newRow("executor 1") << QStringLiteral("executor 1") << lines({});
        QTest::newRow("stage") << QStringLiteral("stage 12") << lines({0});
        QTest::newRow("stage attempt") << QStringLiteral("stage 12.0") << lines({0});
        QTest::newRow("stage 1") << QStringLiteral("stage 1") << lines({});
        QTest::newRow("task") << QStringLiteral("task 3.0") << lines({0});
        QTest::newRow("task other attempt") << QStringLiteral("task 3.1") << lines({});
        QTest::newRow("tid") << QStringLiteral("TID 318") << lines({0});
        QTest::newRow("tid prefix") << QStringLiteral("TID 31") << lines({});
        // IPs and hosts, with ports.
        QTest::newRow("ip") << QStringLiteral("10.0.4.17") << lines({0});
        QTest::newRow("ip shorter") << QStringLiteral("10.0.4.1") << lines({});
        QTest::newRow("ip longer") << QStringLiteral("10.0.4.170") << lines({1});
        QTest::newRow("ip:port") << QStringLiteral("10.0.4.170:40688") << lines({1});
        QTest::newRow("ip:other port") << QStringLiteral("10.0.4.170:40689") << lines({});
        QTest::newRow("host") << QStringLiteral("db-primary.prod.internal") << lines({5});
        QTest::newRow("host any case") << QStringLiteral("DB-Primary.prod.internal") << lines({5});
        QTest::newRow("host:port") << QStringLiteral("db-primary.prod.internal:5432") << lines({5});
        QTest::newRow("host:other port") << QStringLiteral("db-primary.prod.internal:5433") << lines({});
        QTest::newRow("other host") << QStringLiteral("db-replica.prod.internal") << lines({});
        // Pods and their owners; namespaces.
        QTest::newRow("pod") << QStringLiteral("checkout-api-7d9f8c6b5-x2kqp") << lines({2});
        QTest::newRow("pod one letter off") << QStringLiteral("checkout-api-7d9f8c6b5-x2kqq") << lines({});
        QTest::newRow("deployment of the pod") << QStringLiteral("deployment/checkout-api") << lines({2});
        QTest::newRow("node/ of a host") << QStringLiteral("node/db-primary.prod.internal") << lines({5});
        QTest::newRow("replica set of the pod") << QStringLiteral("checkout-api-7d9f8c6b5") << lines({2});
        QTest::newRow("namespace") << QStringLiteral("namespace payments") << lines({2});
        QTest::newRow("other namespace") << QStringLiteral("namespace billing") << lines({});
        // Buckets and keys: a bucket is not a longer bucket, a key must be the key.
        QTest::newRow("bucket") << QStringLiteral("acme-prod-orders-raw") << lines({3});
        QTest::newRow("bucket prefix") << QStringLiteral("acme-prod-orders") << lines({});
        QTest::newRow("longer bucket") << QStringLiteral("acme-prod-orders-raw-eu") << lines({});
        QTest::newRow("s3 bucket") << QStringLiteral("s3://acme-prod-orders-raw") << lines({3});
        QTest::newRow("s3 key") << QStringLiteral("s3://acme-prod-orders-raw/2024/03/11/part-0007.parquet") << lines({3});
        QTest::newRow("s3 key prefix") << QStringLiteral("s3://acme-prod-orders-raw/2024/03/11/") << lines({3});
        QTest::newRow("s3 other day") << QStringLiteral("s3://acme-prod-orders-raw/2024/03/12/part-0007.parquet") << lines({});
        QTest::newRow("s3 other bucket") << QStringLiteral("s3://acme-prod-orders-lake/2024/03/11/part-0007.parquet") << lines({});
        QTest::newRow("arn") << QStringLiteral("arn:aws:s3:::acme-prod-orders-raw") << lines({3});
        // Tables and columns.
        QTest::newRow("table") << QStringLiteral("lakehouse.core.orders_hourly") << lines({4});
        QTest::newRow("schema.table") << QStringLiteral("core.orders_hourly") << lines({4});
        QTest::newRow("other table") << QStringLiteral("lakehouse.core.orders_daily") << lines({});
        QTest::newRow("backticked column") << QStringLiteral("`customer_id`") << lines({4});
        QTest::newRow("column") << QStringLiteral("column amount_usd") << lines({4});
        QTest::newRow("column prefix") << QStringLiteral("column amount") << lines({});
        // Exception classes: whole or the simple name, case as written.
        QTest::newRow("exception") << QStringLiteral("java.lang.OutOfMemoryError") << lines({0});
        QTest::newRow("simple exception") << QStringLiteral("FetchFailedException") << lines({5});
        QTest::newRow("other exception") << QStringLiteral("StackOverflowError") << lines({});
        QTest::newRow("exception case") << QStringLiteral("FetchfailedException") << lines({});
        // Log line numbers; a cited code line is found where the log quotes it.
        QTest::newRow("line") << QStringLiteral("line 3") << lines({2});
        QTest::newRow("L5") << QStringLiteral("L5") << lines({4});
        QTest::newRow("lines") << QStringLiteral("lines 2-3") << lines({1, 2});
        QTest::newRow("code line") << QStringLiteral("line 214") << lines({6});
        QTest::newRow("past the end") << QStringLiteral("line 99") << lines({});
        QTest::newRow("file:line") << QStringLiteral("daily_report.py:214") << lines({6});
        QTest::newRow("file:other line") << QStringLiteral("daily_report.py:215") << lines({});
        // Paths: case matters, a parent folder is real, half a name is not.
        QTest::newRow("path") << QStringLiteral("/mnt/scratch/tmp-41/out.csv") << lines({8});
        QTest::newRow("parent folder") << QStringLiteral("/mnt/scratch") << lines({8});
        QTest::newRow("path case") << QStringLiteral("/mnt/Scratch/tmp-41/out.csv") << lines({});
        QTest::newRow("half a folder") << QStringLiteral("/mnt/scratc") << lines({});
        QTest::newRow("path glob") << QStringLiteral("/mnt/scratch/tmp-*") << lines({8});
        // Other names.
        QTest::newRow("pool") << QStringLiteral("HikariPool-1") << lines({7});
        QTest::newRow("pool 10") << QStringLiteral("HikariPool-10") << lines({});
        QTest::newRow("pool 2") << QStringLiteral("HikariPool-2") << lines({});
        QTest::newRow("uuid head") << QStringLiteral("602b156b") << lines({8});
        QTest::newRow("other uuid head") << QStringLiteral("602b156c") << lines({});
    }

    void kindsFoundAndNearMisses()
    {
        QFETCH(QString, identifier);
        QFETCH(QVector<int>, expected);
        const LogEvidence evidence(kLog);
        QCOMPARE(evidence.lineCount(), 9);
        QCOMPARE(evidence.linesOf(identifier), expected);
        // The same answer inside a sentence, and the mention spans exactly the identifier.
        const QString sentence = QStringLiteral("I think ") + identifier + QStringLiteral(" is the problem.");
        const EvidenceReport report = evidence.check(sentence);
        QCOMPARE(report.mentions.size(), 1);
        const IdentifierMention &m = report.mentions.first();
        // The span is the name itself: without a glob's '*', a context word or backticks.
        const QString spanned = sentence.mid(m.start, m.length);
        QVERIFY2(!spanned.isEmpty() && identifier.contains(spanned), qPrintable(spanned));
        QCOMPARE(m.start, 8 + int(identifier.indexOf(spanned)));
        QCOMPARE(m.text, spanned);
        QCOMPARE(m.logLines, expected);
        QCOMPARE(m.inLog(), !expected.isEmpty());
    }

    void kindsAreNamed()
    {
        const QString text = QStringLiteral("executor 7, task 3.0, stage 12, checkout-api-7d9f8c6b5-x2kqp in namespace payments, lakehouse.core.orders_hourly, "
                                            "`customer_id`, s3://acme-prod-orders-raw, s3://acme-prod-orders-raw/2024/03/11/x.parquet, db-primary.prod.internal, "
                                            "10.0.4.17, java.lang.OutOfMemoryError, line 3, /mnt/scratch, HikariPool-1, partition 4, job 2");
        QStringList kinds;
        for (const IdentifierMention &m : findIdentifiers(text))
            kinds << identifierKindId(m.kind);
        QCOMPARE(kinds, QStringList({QStringLiteral("executor"), QStringLiteral("task"), QStringLiteral("stage"), QStringLiteral("pod"),
                                     QStringLiteral("namespace"), QStringLiteral("table"), QStringLiteral("column"), QStringLiteral("bucket"),
                                     QStringLiteral("object_key"), QStringLiteral("host"), QStringLiteral("ip_address"), QStringLiteral("exception"),
                                     QStringLiteral("line"), QStringLiteral("path"), QStringLiteral("other"), QStringLiteral("partition"),
                                     QStringLiteral("job")}));
    }

    void vocabularyIsNotAClaim()
    {
        const LogEvidence evidence(kLog);
        const EvidenceReport report = evidence.check(
            QStringLiteral("Raise spark.executor.memory to 8g, grant s3:GetObject, run kubectl rollout restart, set mergeSchema=true, "
                           "97% of 512Mi, retry in 30s; the on-call engineer should back-off."));
        QVERIFY2(report.mentions.isEmpty(), qPrintable(report.hallucinated().join(QLatin1Char(','))));
        QVERIFY(report.supportLines.isEmpty());
    }

    void reportPositionsAndSupportLines()
    {
        const LogEvidence evidence(kLog);
        const QString text = QStringLiteral("Executor 7 on 10.0.4.17 hit java.lang.OutOfMemoryError (see line 214); executor 7 again, "
                                            "and pod checkout-api-7d9f8c6b5-x2kqq restarted.");
        const EvidenceReport report = evidence.check(text);
        QStringList texts;
        for (const IdentifierMention &m : report.mentions) {
            texts << m.text;
            QCOMPARE(text.mid(m.start, m.length), m.text);
        }
        QCOMPARE(texts, QStringList({QStringLiteral("Executor 7"), QStringLiteral("10.0.4.17"), QStringLiteral("java.lang.OutOfMemoryError"),
                                     QStringLiteral("line 214"), QStringLiteral("executor 7"), QStringLiteral("checkout-api-7d9f8c6b5-x2kqq")}));
        QCOMPARE(report.mentions.at(0).start, 0);
        QCOMPARE(report.mentions.at(4).start, int(text.indexOf(QLatin1String("executor 7"))));
        // Distinct identifiers: executor 7 twice counts once.
        QCOMPARE(report.groundedCount(), 4);
        QCOMPARE(report.hallucinatedCount(), 1);
        QCOMPARE(report.hallucinated(), QStringList{QStringLiteral("checkout-api-7d9f8c6b5-x2kqq")});
        QCOMPARE(report.supportLines, lines({0, 6}));
        // Through JSON (a worker thread's result), shifted to the whole log's lines.
        const EvidenceReport back = evidenceFromJson(evidenceToJson(report, 100));
        QCOMPARE(back.mentions.size(), report.mentions.size());
        QCOMPARE(back.mentions.at(5).text, report.mentions.at(5).text);
        QCOMPARE(back.mentions.at(5).kind, IdentifierKind::Pod);
        QCOMPARE(back.mentions.at(1).start, report.mentions.at(1).start);
        QCOMPARE(back.mentions.at(3).logLines, lines({106}));
        QCOMPARE(back.supportLines, lines({100, 106}));
        QCOMPARE(back.hallucinated(), report.hallucinated());
        QVERIFY(evidenceFromJson(QJsonObject{{QStringLiteral("mentions"), QStringLiteral("junk")}}).mentions.isEmpty());
        QVERIFY(LogEvidence(QString()).check(text).supportLines.isEmpty());
        QCOMPARE(LogEvidence(QString()).lineCount(), 0);
        QCOMPARE(LogEvidence(QStringLiteral("one\r\ntwo")).linesOf(QStringLiteral("line 2")), lines({1}));
    }

    void simulatedEngineerUsesTheSameCheck()
    {
        const LogEvidence evidence(kLog);
        const QString text = QStringLiteral("executor 17 on 10.0.4.18 ran out of memory");
        const synth::Judgement j = synth::judge(text, synth::GroundTruth{}, kLog);
        const EvidenceReport report = evidence.check(text);
        QCOMPARE(j.hallucinated, report.hallucinated());
        QCOMPARE(j.realIdentifiers, report.groundedCount());
        QCOMPARE(j.supportLines, report.supportLines);
        QCOMPARE(synth::identifierInLog(QStringLiteral("executor 17"), kLog), true);
        QCOMPARE(synth::identifierInLog(QStringLiteral("10.0.4.18"), kLog), false);
    }

    // Measured on 300 incidents of seed 11 (2,100 of seed 7 give the same picture): good,
    // symptom, generic and verbose explanations never name an identifier the log lacks; 95% of
    // hallucinated ones do (the rest tell a wrong cause with real names); some noise and unsafe
    // ones do too (the noisy warning's component, the table an unsafe fix deletes).
    void syntheticStyles()
    {
        constexpr int kIncidents = 300;
        QHash<synth::ExplanationStyle, int> flagged;
        int goodCitingCause = 0;
        for (int i = 0; i < kIncidents; ++i) {
            const synth::Incident incident = synth::generateIncident(11, i);
            const LogEvidence evidence(incident.log);
            for (const auto &e : synth::writeAllExplanations(incident)) {
                const EvidenceReport report = evidence.check(e.text);
                if (report.hallucinatedCount() > 0)
                    ++flagged[e.style];
                if (e.style == synth::ExplanationStyle::Good) {
                    QVERIFY2(report.hallucinatedCount() == 0, qPrintable(incident.truth.kind + QStringLiteral(": ") + e.text + QStringLiteral(" | ")
                                                                         + report.hallucinated().join(QLatin1Char(','))));
                    QVERIFY2(report.groundedCount() >= 1, qPrintable(e.text));
                    for (int line : incident.truth.rootCauseLines) {
                        if (report.supportLines.contains(line - 1)) {
                            ++goodCitingCause;
                            break;
                        }
                    }
                }
            }
        }
        auto rate = [&](synth::ExplanationStyle s) { return double(flagged.value(s)) / kIncidents; };
        qInfo("hallucination rate per style: good %.3f symptom %.3f noise %.3f generic %.3f hallucinated %.3f verbose %.3f unsafe %.3f; "
              "good explanations whose support lines include a root-cause line: %.3f",
              rate(synth::ExplanationStyle::Good), rate(synth::ExplanationStyle::Symptom), rate(synth::ExplanationStyle::Noise),
              rate(synth::ExplanationStyle::Generic), rate(synth::ExplanationStyle::Hallucinated), rate(synth::ExplanationStyle::Verbose),
              rate(synth::ExplanationStyle::Unsafe), double(goodCitingCause) / kIncidents);
        QCOMPARE(rate(synth::ExplanationStyle::Good), 0.0);
        QCOMPARE(rate(synth::ExplanationStyle::Symptom), 0.0);
        QCOMPARE(rate(synth::ExplanationStyle::Generic), 0.0);
        QCOMPARE(rate(synth::ExplanationStyle::Verbose), 0.0);
        QVERIFY(rate(synth::ExplanationStyle::Hallucinated) >= 0.90);
        QVERIFY(rate(synth::ExplanationStyle::Noise) <= 0.12);
        QVERIFY(rate(synth::ExplanationStyle::Unsafe) <= 0.15);
        QVERIFY(double(goodCitingCause) / kIncidents >= 0.80);
    }

    void loghub_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f : {"Spark/Spark_2k.log", "Hadoop/Hadoop_2k.log", "HDFS/HDFS_2k.log", "OpenStack/OpenStack_2k.log",
                              "Zookeeper/Zookeeper_2k.log", "Apache/Apache_2k.log", "Linux/Linux_2k.log", "BGL/BGL_2k.log"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void loghub()
    {
        QFETCH(QString, file);
        LAB_REQUIRE_SHARED(root, "loghub");
        QFile f(root + QLatin1Char('/') + file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const QString log = QString::fromUtf8(f.readAll());
        const QStringList logLines = log.split(QLatin1Char('\n'));
        const LogEvidence evidence(log);
        QCOMPARE(evidence.lineCount(), int(log.endsWith(QLatin1Char('\n')) ? logLines.size() - 1 : logLines.size()));
        int copied = 0, alteredChecked = 0;
        QStringList misses;
        // Every 10th line: each identifier in it, read as if an explanation quoted it.
        for (int i = 0; i < evidence.lineCount(); i += 10) {
            for (const IdentifierMention &m : evidence.check(logLines[i], 100000).mentions) {
                if (m.kind == IdentifierKind::LineNumber)
                    continue; // "line 42" in a log line means code, not this log's line 42
                ++copied;
                if (!m.logLines.contains(i))
                    misses << QStringLiteral("line %1: %2 -> %3 lines").arg(i).arg(m.text).arg(m.logLines.size());
                const QString changed = altered(m.text);
                if (changed != m.text && findIdentifiers(changed).size() == 1 && !looselyInLog(changed, log)) {
                    ++alteredChecked;
                    if (!evidence.linesOf(changed).isEmpty())
                        misses << QStringLiteral("altered %1 (from %2) found").arg(changed, m.text);
                }
            }
        }
        qInfo("%s: %d identifiers copied from lines, %d altered ones absent from the log", qPrintable(file), copied, alteredChecked);
        QVERIFY2(misses.isEmpty(), qPrintable(misses.mid(0, 10).join(QStringLiteral("; "))));
        QVERIFY(copied >= 50);
        QVERIFY(alteredChecked >= 20);
    }
};

QTEST_GUILESS_MAIN(TestIdentifierEvidence)
#include "test_identifier_evidence.moc"
