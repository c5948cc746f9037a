// Grouping accuracy on hand-worked examples, and the loghub structured-CSV reader.
#include "core/logs/template_accuracy.h"
#include "shared_data.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lab;

class TestTemplateAccuracy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handWorkedExample()
    {
        // truth:      A A A B B C C D
        // predicted:  1 1 1 2 2 2 3 4
        // group 1 = {0,1,2} = A exactly            -> 3 correct
        // group 2 = {3,4,5} mixes B and C          -> 0
        // group 3 = {6} but C = {5,6}              -> 0
        // group 4 = {7} = D exactly                -> 1 correct
        // accuracy = 4 / 8
        const std::vector<int> truth{0, 0, 0, 1, 1, 2, 2, 3};
        const std::vector<int> predicted{1, 1, 1, 2, 2, 2, 3, 4};
        const Result<double> acc = groupingAccuracy(predicted, truth);
        QVERIFY2(acc.ok(), qPrintable(acc.error()));
        QCOMPARE(*acc, 0.5);
    }

    void labelsAreOnlyNames()
    {
        // Renaming groups changes nothing: only the partition counts.
        const std::vector<int> truth{7, 7, -3, 9};
        QCOMPARE(*groupingAccuracy({42, 42, 0, 5}, truth), 1.0);
        // Splitting a true group fails all of its lines; the two true singletons stay correct.
        QCOMPARE(*groupingAccuracy({1, 2, 3, 4}, truth), 0.5);
        // Merging everything fails everything.
        QCOMPARE(*groupingAccuracy({1, 1, 1, 1}, truth), 0.0);
    }

    void badInputFails()
    {
        QVERIFY(!groupingAccuracy({1, 2}, {1}).ok());
        const Result<double> empty = groupingAccuracy({}, {});
        QVERIFY(!empty.ok());
        QVERIFY(!empty.error().isEmpty());
    }

    void labelIdsFromStrings()
    {
        const std::vector<int> ids =
            labelIds({QStringLiteral("E10"), QStringLiteral("E2"), QStringLiteral("E10")});
        QCOMPARE(ids.size(), size_t(3));
        QCOMPARE(ids[0], ids[2]);
        QVERIFY(ids[0] != ids[1]);
    }

    void readsQuotedCsv()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("x.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("LineId,Time,Content,EventId,EventTemplate\n"
                "1,\"18:01:47,978\",\"Registered signal handlers for [TERM, HUP, INT]\",E22,x\n"
                "2,t,\"10.1.1.1 \"\"GET /v2 HTTP/1.1\"\" status: 200\",E25,\"<*> \"\"GET "
                "<*>\"\"\"\r\n");
        f.close();
        const Result<StructuredLog> log = readStructuredLogCsv(path);
        QVERIFY2(log.ok(), qPrintable(log.error()));
        QCOMPARE(log->contents.size(), 2);
        QCOMPARE(log->contents[0],
                 QStringLiteral("Registered signal handlers for [TERM, HUP, INT]"));
        QCOMPARE(log->contents[1], QStringLiteral("10.1.1.1 \"GET /v2 HTTP/1.1\" status: 200"));
        QCOMPARE(log->eventIds, QStringList({QStringLiteral("E22"), QStringLiteral("E25")}));
        QCOMPARE(log->eventTemplates[1], QStringLiteral("<*> \"GET <*>\""));
    }

    void csvErrorsNameTheFile()
    {
        const Result<StructuredLog> missing =
            readStructuredLogCsv(QStringLiteral("/nonexistent/x.csv"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().contains(QStringLiteral("/nonexistent/x.csv")));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nocontent.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("LineId,Message\n1,hello\n");
        f.close();
        const Result<StructuredLog> bad = readStructuredLogCsv(path);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().contains(QStringLiteral("Content")));
    }

    void readsLoghubFile()
    {
        LAB_REQUIRE_SHARED(path, "loghub/HDFS/HDFS_2k.log_structured.csv");
        const Result<StructuredLog> log = readStructuredLogCsv(path);
        QVERIFY2(log.ok(), qPrintable(log.error()));
        QCOMPARE(log->contents.size(), 2000);
        QCOMPARE(log->eventIds.size(), 2000);
        QCOMPARE(log->contents[0],
                 QStringLiteral("PacketResponder 1 for block blk_38865049064139660 terminating"));
        QCOMPARE(log->eventIds[0], QStringLiteral("E10"));
        // The ground truth grouped against itself is perfect.
        const std::vector<int> ids = labelIds(log->eventIds);
        QCOMPARE(*groupingAccuracy(ids, ids), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestTemplateAccuracy)
#include "test_template_accuracy.moc"
