// The log digest (what lab-tiny sees of a log): on the synthetic domain it must keep a root-cause
// line and the key identifiers; on anything else (empty, binary, huge, real loghub files) it must
// stay within the budget, in log order, and keep the few ERROR/FATAL lines there are.
#include "core/logs/log_digest.h"
#include "core/logs/log_format.h"
#include "core/logs/template_masking.h"
#include "core/synth/incident_generator.h"
#include "shared_data.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace lab;

namespace {

int defaultTokens(const QString &line)
{
    return int((line.size() + 2) / 3);
}

// The contract: every kept line's tokens plus one per '\n' between them fit the budget.
int digestTokens(const LogDigest &d,
                 const std::function<int(const QString &)> &count = defaultTokens)
{
    if (d.text.isEmpty())
        return 0;
    const QStringList lines = d.text.split(QLatin1Char('\n'));
    int total = int(lines.size()) - 1;
    for (const QString &l : lines)
        total += count(l);
    return total;
}

// Structural invariants every digest must hold.
void checkShape(const LogDigest &d, const LogDigestOptions &options = {})
{
    QVERIFY2(
        digestTokens(d, options.countTokens ? options.countTokens : defaultTokens) <=
            options.maxTokens,
        qPrintable(
            QStringLiteral("%1 tokens > budget %2").arg(digestTokens(d)).arg(options.maxTokens)));
    QCOMPARE(d.text.isEmpty() ? 0 : int(d.text.count(QLatin1Char('\n'))) + 1,
             int(d.sourceLines.size()));
    for (qsizetype i = 1; i < d.sourceLines.size(); ++i)
        QVERIFY2(d.sourceLines[i - 1] < d.sourceLines[i], "lines are not in log order");
    for (int n : d.sourceLines)
        QVERIFY(n >= 1 && n <= d.totalLines);
    QCOMPARE(d.omittedLines, d.totalLines - int(d.sourceLines.size()));
    QVERIFY(!d.text.endsWith(QLatin1Char('\n')));
    for (const QString &l : d.text.split(QLatin1Char('\n')))
        QVERIFY2(l.size() <= std::max(16, options.maxLineChars), qPrintable(l));
}

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace

class TestLogDigest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyLog()
    {
        const LogDigest d = digestLog(QString());
        QVERIFY(d.text.isEmpty());
        QVERIFY(d.sourceLines.isEmpty());
        QCOMPARE(d.totalLines, 0);
        QCOMPARE(d.omittedLines, 0);
        const LogDigest blank = digestLog(QStringLiteral("\n\n   \n"));
        QVERIFY(blank.text.isEmpty());
        QCOMPARE(blank.totalLines, 3);
        QCOMPARE(blank.omittedLines, 3);
    }

    void oneLine()
    {
        const QString line = QStringLiteral("2024-01-15 10:23:45,123 ERROR [main] "
                                            "com.acme.billing.InvoiceJob: cannot open "
                                            "/data/invoices.db: No space left on device");
        for (const QString &text : {line, QString(line + QLatin1Char('\n'))}) {
            const LogDigest d = digestLog(text);
            checkShape(d);
            QCOMPARE(d.totalLines, 1);
            QCOMPARE(d.sourceLines, QList<int>{1});
            // Timestamp and logger package go, level, logger and the identifiers stay.
            QCOMPARE(d.text, QStringLiteral("ERROR InvoiceJob: cannot open /data/invoices.db: No "
                                            "space left on device"));
        }
    }

    void explanationPromptFormat()
    {
        QCOMPARE(explanationPrompt(QStringLiteral("a\nb")),
                 QStringLiteral("a\nb\n### Explanation:\n"));
    }

    void identicalLines()
    {
        QString log;
        const QString line =
            QStringLiteral("24/02/16 00:10:27 INFO BlockManagerInfo: Added broadcast_7_piece0 in "
                           "memory on 10.0.0.1:40000 (size: 4.2 KiB, free: 2004.6 MiB)\n");
        log.reserve(line.size() * 50000);
        for (int i = 0; i < 50000; ++i)
            log += line;
        const LogDigest d = digestLog(log);
        checkShape(d);
        QCOMPARE(d.totalLines, 50000);
        QCOMPARE(d.sourceLines.size(), 1);
        // One line for the whole group, with the count of the similar lines it stands for (the
        // scan reads the log's last 4 MB, so the group starts inside the file).
        const int dropped = 50000 - d.sourceLines.first();
        QVERIFY(dropped > 20000);
        QVERIFY2(d.text.endsWith(QStringLiteral(" [x%1]").arg(dropped)), qPrintable(d.text));
        QVERIFY(
            d.text.startsWith(QStringLiteral("INFO BlockManagerInfo: Added broadcast_7_piece0")));
    }

    void binaryJunk()
    {
        QRandomGenerator rng(42);
        for (int round = 0; round < 20; ++round) {
            QByteArray bytes(int(rng.bounded(1, 200000)), Qt::Uninitialized);
            for (char &c : bytes)
                c = char(rng.bounded(256));
            const QString text = QString::fromUtf8(bytes);
            LogDigestOptions options;
            options.maxTokens = int(rng.bounded(0, 400));
            const LogDigest d = digestLog(text, options);
            checkShape(d, options);
            for (const QChar c : d.text)
                QVERIFY(c == QLatin1Char('\n') || c.unicode() >= 0x20);
        }
        // No newline at all: one huge line is cut, not kept whole.
        const LogDigest d = digestLog(QString(300000, QLatin1Char('x')));
        checkShape(d);
        QCOMPARE(d.totalLines, 1);
    }

    void hugeLogReadsTheTail()
    {
        // ~24 MB of chatter with one failure near the end: the digest still finds it, quickly.
        QString log;
        const QString chatter = QStringLiteral("2024-01-15 10:23:45,123 INFO [worker-3] "
                                               "com.acme.Pipeline: processed batch of 500 "
                                               "records in 12 ms, offset 123456789\n");
        const int lines = 24 * 1024 * 1024 / int(chatter.size());
        log.reserve(qsizetype(lines + 2) * chatter.size());
        for (int i = 0; i < lines; ++i) {
            log += chatter;
            if (i == lines - 100)
                log += QStringLiteral("2024-01-15 10:23:46,001 ERROR [worker-3] "
                                      "com.acme.Pipeline: write to bucket acme-raw failed: "
                                      "AccessDenied\n");
        }
        QElapsedTimer timer;
        timer.start();
        const LogDigest d = digestLog(log);
        qInfo("24 MB log digested in %lld ms", timer.elapsed());
        checkShape(d);
        QCOMPARE(d.totalLines, lines + 1);
        QVERIFY(d.sourceLines.contains(lines - 100 + 2));
        QVERIFY(d.text.contains(QStringLiteral("ERROR Pipeline: write to bucket acme-raw failed: "
                                               "AccessDenied")));
    }

    void keepsFewErrorsInOrder()
    {
        QStringList lines;
        QList<int> errorLines;
        for (int i = 0; i < 1500; ++i) {
            if (i == 200 || i == 900 || i == 1400) {
                lines << QStringLiteral("17/06/09 20:10:%1 ERROR Executor: Exception in task %2 "
                                        "(TID %3): disk%4 unreadable")
                             .arg(i % 60, 2, 10, QLatin1Char('0'))
                             .arg(i)
                             .arg(i * 7)
                             .arg(i == 900 ? QStringLiteral("A") : QStringLiteral("B"));
                errorLines << i + 1;
            } else if (i == 1401) {
                lines << QStringLiteral("java.io.IOException: Input/output error");
            } else if (i == 1402) {
                lines << QStringLiteral(
                    "\tat org.apache.spark.storage.DiskStore.get(DiskStore.scala:12)");
            } else if (i == 1403) {
                lines << QStringLiteral(
                    "\tat org.apache.spark.executor.Executor.run(Executor.scala:99)");
            } else {
                lines << QStringLiteral("17/06/09 20:10:%1 INFO TaskSetManager: Finished task "
                                        "%2.0 in stage 3.0 (TID %3) in %4 ms on host-%5 (%2/1500)")
                             .arg(i % 60, 2, 10, QLatin1Char('0'))
                             .arg(i)
                             .arg(i * 7)
                             .arg(100 + i % 13)
                             .arg(i % 5);
            }
        }
        const LogDigest d = digestLog(lines.join(QLatin1Char('\n')));
        checkShape(d);
        // Two error templates ("diskA" is a word, so it splits from "diskB"): both kept, the
        // repeated one with its count, then the exception and its first frame.
        QVERIFY2(d.sourceLines.contains(201) && d.sourceLines.contains(901), qPrintable(d.text));
        QVERIFY(!d.sourceLines.contains(1401)); // the same template as line 201
        QVERIFY(d.text.contains(QStringLiteral("ERROR Executor: Exception in task 200 (TID 1400): "
                                               "diskB unreadable [x1]")));
        QVERIFY(d.sourceLines.contains(1402));
        QVERIFY(d.sourceLines.contains(1403)); // first frame of the kept exception
        QVERIFY(!d.sourceLines.contains(1404));
        QVERIFY(d.text.contains(QStringLiteral("at org.apache.spark.storage.DiskStore.get")));
    }

    void budgetWithCustomCounter()
    {
        const synth::Incident inc = synth::generateIncident(3, 5);
        // A counter that charges every character: a tighter budget, honoured all the same.
        for (int budget : {0, 1, 10, 40, 100, 360, 2000}) {
            LogDigestOptions options;
            options.maxTokens = budget;
            options.countTokens = [](const QString &l) { return int(l.size()); };
            const LogDigest d = digestLog(inc.log, options);
            checkShape(d, options);
            if (budget >= 100)
                QVERIFY(!d.text.isEmpty());
        }
        LogDigestOptions narrow;
        narrow.maxLineChars = 60;
        checkShape(digestLog(inc.log, narrow), narrow);
    }

    void deterministic()
    {
        const synth::Incident inc = synth::generateIncident(9, 2);
        const LogDigest a = digestLog(inc.log);
        const LogDigest b = digestLog(QString(inc.log)); // a separate copy
        QCOMPARE(a.text, b.text);
        QCOMPARE(a.sourceLines, b.sourceLines);
    }

    void s3AccessCompaction()
    {
        const QString line = QStringLiteral(
            "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be awsexamplebucket1 "
            "[06/Feb/2019:00:00:38 +0000] 192.0.2.3 arn:aws:iam::123456789012:user/etl "
            "3E57427F3EXAMPLE REST.GET.OBJECT data/2019/part-0001.parquet \"GET "
            "/awsexamplebucket1/data/2019/part-0001.parquet HTTP/1.1\" 403 AccessDenied 243 - 2 - "
            "\"-\" \"aws-cli/2.15.10 Python/3.11.6\" - "
            "s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 "
            "ECDHE-RSA-AES128-GCM-SHA256 AuthHeader awsexamplebucket1.s3.us-west-1.amazonaws.com "
            "TLSv1.2 - -");
        const LogDigest d = digestLog(line + QLatin1Char('\n') + line);
        checkShape(d);
        QCOMPARE(d.text,
                 QStringLiteral("REST.GET.OBJECT awsexamplebucket1 data/2019/part-0001.parquet "
                                "403 AccessDenied arn:aws:iam::123456789012:user/etl "
                                "192.0.2.3 [x1]"));
    }

    void jsonCompaction()
    {
        const QString line = QStringLiteral(
            "{\"timestamp\":\"2024-01-08T08:11:34.568Z\",\"level\":\"ERROR\",\"logger\":\"app.s3\","
            "\"request_id\":\"5f0c2a9e\",\"message\":\"S3 GetObject "
            "failed\",\"bucket\":\"acme-raw\","
            "\"error\":\"An error occurred (AccessDenied)\\nwhen calling "
            "GetObject\",\"retries\":3}");
        const LogDigest d = digestLog(line);
        checkShape(d);
        QCOMPARE(d.text,
                 QStringLiteral("ERROR S3 GetObject failed bucket=acme-raw error=An error "
                                "occurred (AccessDenied) when calling GetObject retries=3"));
    }

    // The acceptance measure of the digest on the synthetic domain: a root-cause line survives
    // in nearly every incident, and the identifiers a good explanation cites are in the text.
    void synthCoverage()
    {
        constexpr int kIncidents = 500;
        const auto incidents = synth::generateIncidents(20240611, kIncidents);
        QVERIFY2(incidents.ok(), qPrintable(incidents.error()));
        struct KindStats
        {
            int incidents = 0, covered = 0, ids = 0, idsFound = 0;
            qint64 lines = 0, tokens = 0;
        };
        QMap<QString, KindStats> perKind;
        KindStats all;
        QStringList misses;
        QElapsedTimer timer;
        qint64 nanos = 0;
        for (const synth::Incident &inc : *incidents) {
            timer.start();
            const LogDigest d = digestLog(inc.log);
            nanos += timer.nsecsElapsed();
            checkShape(d);
            KindStats &k = perKind[inc.truth.kind];
            bool covered = false;
            for (int n : inc.truth.rootCauseLines)
                covered = covered || d.sourceLines.contains(n);
            int found = 0;
            for (const QString &id : inc.truth.keyIdentifiers)
                found += d.text.contains(id) ? 1 : 0;
            for (KindStats *s : {&k, &all}) {
                ++s->incidents;
                s->covered += covered ? 1 : 0;
                s->ids += int(inc.truth.keyIdentifiers.size());
                s->idsFound += found;
                s->lines += d.sourceLines.size();
                s->tokens += digestTokens(d);
            }
            if (!covered)
                misses << QStringLiteral("%1 (%2)").arg(inc.id, inc.truth.kind);
            // LAB_DIGEST_DUMP=1 shows each miss: the digest, and the root-cause lines it lacks.
            if (qEnvironmentVariableIsSet("LAB_DIGEST_DUMP") &&
                (!covered || found < inc.truth.keyIdentifiers.size())) {
                const QStringList logLines = inc.log.split(QLatin1Char('\n'));
                QStringList causes;
                for (int n : inc.truth.rootCauseLines.mid(0, 3))
                    causes << QStringLiteral("  RC %1: %2")
                                  .arg(n)
                                  .arg(logLines.value(n - 1).left(400));
                qInfo("---- %s %s ids %s\n%s\n%s", qPrintable(inc.id), qPrintable(inc.truth.kind),
                      qPrintable(inc.truth.keyIdentifiers.join(QStringLiteral(" | "))),
                      qPrintable(d.text), qPrintable(causes.join(QLatin1Char('\n'))));
            }
        }
        qInfo("%-30s %5s %9s %9s %6s %7s", "kind", "n", "rootcause", "ids", "lines", "tokens");
        auto row = [](const QString &name, const KindStats &s) {
            qInfo("%-30s %5d %9.3f %9.3f %6.1f %7.1f", qPrintable(name), s.incidents,
                  double(s.covered) / s.incidents, s.ids ? double(s.idsFound) / s.ids : 1.0,
                  double(s.lines) / s.incidents, double(s.tokens) / s.incidents);
        };
        for (auto it = perKind.cbegin(); it != perKind.cend(); ++it)
            row(it.key(), it.value());
        row(QStringLiteral("ALL"), all);
        qInfo("mean digest time %.3f ms per incident", double(nanos) / kIncidents / 1e6);
        if (!misses.isEmpty())
            qInfo("root cause missed: %s", qPrintable(misses.join(QStringLiteral(", "))));
        const double coverage = double(all.covered) / all.incidents;
        const double idRecall = double(all.idsFound) / all.ids;
        QVERIFY2(coverage >= 0.95, qPrintable(QString::number(coverage)));
        QVERIFY2(idRecall >= 0.80, qPrintable(QString::number(idRecall)));
    }

    void loghubFiles()
    {
        LAB_REQUIRE_SHARED(root, "loghub");
        for (const char *name :
             {"Zookeeper", "Hadoop", "Spark", "BGL", "Linux", "Apache", "HDFS", "OpenStack"}) {
            const QString file = QStringLiteral("%1/%2/%2_2k.log").arg(root, QLatin1String(name));
            const QString text = readText(file);
            QVERIFY2(!text.isEmpty(), qPrintable(file));
            QElapsedTimer timer;
            timer.start();
            const LogDigest d = digestLog(text);
            const qint64 us = timer.nsecsElapsed() / 1000;
            checkShape(d);
            QCOMPARE(d.totalLines, int(text.count(QLatin1Char('\n'))) +
                                       (text.endsWith(QLatin1Char('\n')) ? 0 : 1));

            // Every template of ERROR/FATAL lines is shown by one of its lines, when there are few.
            const QStringList lines = text.split(QLatin1Char('\n'));
            QList<QByteArray> sample;
            for (qsizetype i = 0; i < std::min<qsizetype>(200, lines.size()); ++i)
                sample << lines[i].toUtf8();
            const LogFormat format = detectFormat(sample);
            QSet<QString> errorTemplates, keptTemplates;
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const ParsedLine p = parseLine(format, lines[i].toUtf8());
                if (p.level < LogLevel::Error)
                    continue;
                const QString t = maskMessage(p.message);
                errorTemplates.insert(t);
                if (d.sourceLines.contains(int(i) + 1))
                    keptTemplates.insert(t);
            }
            qInfo("%-10s %s: %lld us, %lld lines kept, %lld error templates, %lld shown", name,
                  qPrintable(formatId(format)), us, qlonglong(d.sourceLines.size()),
                  qlonglong(errorTemplates.size()), qlonglong(keptTemplates.size()));
            if (errorTemplates.size() <= 5)
                QCOMPARE(keptTemplates.size(), errorTemplates.size());
            else
                QVERIFY(keptTemplates.size() >= 3);
        }
    }
};

QTEST_GUILESS_MAIN(TestLogDigest)
#include "test_log_digest.moc"
