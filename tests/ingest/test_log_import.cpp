// Importing logs into a project: what is stored, and that a bad file stores nothing.
#include "core/ingest/log_import.h"
#include "core/store/store.h"
#include "shared_data.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lab;

class TestLogImport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> openStore(const QString &name)
    {
        auto store = Store::open(m_dir.filePath(name));
        if (!store)
            qFatal("%s", qPrintable(store.error()));
        return *store;
    }
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(f.fileName()));
        return f.fileName();
    }

private Q_SLOTS:
    void importsHadoopLogAsIncident()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Hadoop/Hadoop_2k.log");
        auto store = openStore(QStringLiteral("hadoop.db"));
        auto imported = importLogFile(*store, path);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->lines, 2000);
        QCOMPARE(imported->format, QStringLiteral("log4j"));
        QCOMPARE(imported->source, QString(kSourceOther)); // Hadoop speaks log4j but is not Spark

        auto incident = store->incident(imported->incidentId);
        QVERIFY(incident.ok());
        QCOMPARE(incident->origin, QString(kOriginImported));
        QCOMPARE(incident->title, QStringLiteral("Hadoop_2k.log"));
        auto log = store->logFor(imported->incidentId);
        QVERIFY(log.ok());
        QCOMPARE(log->lineCount, 2000);
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        // Same text, line for line; CRLF line ends (this file has them) are stored as LF.
        QCOMPARE(log->content.split(QLatin1Char('\n')).mid(0, 2000),
                 QString::fromUtf8(original.readAll()).remove(QLatin1Char('\r')).split(QLatin1Char('\n')).mid(0, 2000));
    }

    void sparkLogIsSparkSource()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Spark/Spark_2k.log");
        auto store = openStore(QStringLiteral("spark.db"));
        auto imported = importLogFile(*store, path);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->source, QString(kSourceSpark));
    }

    void badFilesStoreNothing()
    {
        auto store = openStore(QStringLiteral("bad.db"));
        const QString missing = m_dir.filePath(QStringLiteral("nope.log"));
        auto r1 = importLogFile(*store, missing);
        QVERIFY(!r1.ok());
        QVERIFY2(r1.error().contains(missing), qPrintable(r1.error()));

        auto r2 = importLogFile(*store, writeFile(QStringLiteral("empty.log"), {}));
        QVERIFY(!r2.ok());
        QVERIFY2(r2.error().contains(QLatin1String("empty")), qPrintable(r2.error()));

        QByteArray binary(4096, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = char((i * 37) & 0xff);
        auto r3 = importLogFile(*store, writeFile(QStringLiteral("blob.bin"), binary));
        QVERIFY(!r3.ok());

        QCOMPARE(*store->countIncidents(), 0);
    }

    void invalidUtf8IsKeptReadable()
    {
        auto store = openStore(QStringLiteral("utf8.db"));
        const QString path = writeFile(QStringLiteral("latin1.log"),
                                       QByteArray("2024-01-01 10:00:00,000 ERROR [main] a.B: caf\xe9 failed\n"));
        auto imported = importLogFile(*store, path);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        auto log = store->logFor(imported->incidentId);
        QVERIFY(log->content.contains(QChar(0xFFFD)));
    }
};

QTEST_GUILESS_MAIN(TestLogImport)
#include "test_log_import.moc"
