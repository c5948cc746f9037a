// Opening files that are not at this build's schema: older lab databases (migrated after a
// backup), newer ones (refused), foreign SQLite files and non-SQLite files (refused, untouched).
#include "core/store/migrations.h"
#include "core/store/store.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace lab;

namespace {

// A plain QSQLITE connection for building files by hand, closed when it goes out of scope.
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("raw_%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawDb()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    // Runs one statement; returns the first column of the first row, or an error text.
    QString exec(const QString &sql, bool *ok = nullptr)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        const bool good = q.exec(sql);
        if (ok)
            *ok = good;
        if (!good)
            return q.lastError().text();
        return q.next() ? q.value(0).toString() : QString();
    }
    bool execAll(const QStringList &statements)
    {
        for (const QString &s : statements) {
            bool ok = false;
            const QString error = exec(s, &ok);
            if (!ok) {
                qWarning("%s: %s", qPrintable(s), qPrintable(error));
                return false;
            }
        }
        return true;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_open = false;
};

// Schema v1 exactly as migration 1 wrote it, with some data that v2's backfill must count.
bool writeVersion1(RawDb &db)
{
    const Migration &v1 = migrations().at(0);
    if (v1.version != 1)
        return false;
    QStringList statements = v1.statements;
    statements << QStringLiteral("INSERT INTO schema_version (version, description) VALUES (1, 'v1')")
               << QStringLiteral("INSERT INTO incidents (id, title, origin, source, kind, created_at)"
                                 " VALUES (1, 'old incident', 'synthetic', 'spark', 'spark_skew', '2024-01-01T00:00:00.000Z')")
               << QStringLiteral("INSERT INTO explanations (id, incident_id, text, created_at) VALUES"
                                 " (1, 1, 'skewed key', 'x'), (2, 1, 'it failed', 'x')")
               << QStringLiteral("INSERT INTO pairs (id, incident_id, explanation_a, explanation_b, created_at)"
                                 " VALUES (1, 1, 1, 2, 'x'), (2, 1, 2, 1, 'x')")
               << QStringLiteral("INSERT INTO annotators (id, name, created_at) VALUES (1, 'alice', 'x'), (2, 'bob', 'x')")
               << QStringLiteral("INSERT INTO comparisons (pair_id, annotator_id, shown_left, choice, created_at) VALUES"
                                 " (1, 1, 'a', 'a_better', 'x'), (1, 2, 'b', 'tie', 'x'), (2, 1, 'a', 'skip', 'x')");
    return db.execAll(statements);
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("m%1.db").arg(++m_counter)); }

private Q_SLOTS:
    void migrationsAreNumberedInOrder()
    {
        const auto &list = migrations();
        QVERIFY(!list.empty());
        for (size_t i = 0; i < list.size(); ++i) {
            QCOMPARE(list[i].version, int(i + 1));
            QVERIFY(!list[i].statements.isEmpty());
        }
        QCOMPARE(Store::latestSchemaVersion(), list.back().version);
    }

    void olderDatabaseIsBackedUpAndMigrated()
    {
        const QString path = freshPath();
        {
            RawDb raw(path);
            QVERIFY(raw.isOpen());
            QCOMPARE(raw.exec(QStringLiteral("PRAGMA journal_mode = WAL")), QStringLiteral("wal"));
            QVERIFY(writeVersion1(raw));
            // Leave the last rows in the WAL (no checkpoint, connection still open) so the
            // backup must read through SQLite rather than copy the main file.
            raw.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
            QVERIFY(raw.execAll({QStringLiteral("INSERT INTO annotators (id, name, created_at) VALUES (3, 'carol', 'x')")}));

            auto opened = Store::open(path);
            QVERIFY2(opened.ok(), qPrintable(opened.error()));
            Store &store = **opened;
            QCOMPARE(*store.schemaVersion(), Store::latestSchemaVersion());
            QCOMPARE(store.backupPath(), path + QStringLiteral(".v1.bak"));

            // v2's counters were backfilled from the existing votes (skips are not verdicts).
            QCOMPARE(store.pair(1)->voteCount, 2);
            QCOMPARE(store.pair(2)->voteCount, 0);
            auto progress = store.progress();
            QVERIFY2(progress.ok(), qPrintable(progress.error()));
            QCOMPARE(progress->perAnnotator.size(), 3);
            QCOMPARE(progress->perAnnotator[0].name, QStringLiteral("alice"));
            QCOMPARE(progress->perAnnotator[0].votes, 2);
            QCOMPARE(progress->perAnnotator[1].votes, 1);
            QCOMPARE(progress->perAnnotator[2].votes, 0);
            QCOMPARE(progress->perKind.size(), 1);
            QCOMPARE(progress->perKind[0].kind, QStringLiteral("spark_skew"));
            QCOMPARE(progress->perKind[0].pairs, 2);
            QCOMPARE(progress->perKind[0].votedPairs, 1);
            QCOMPARE(progress->perKind[0].votes, 2);
            QVERIFY(!store.nextOpenPair(1)->has_value());
            QCOMPARE(store.nextOpenPair(2)->value().id, 2);
            // ...and the triggers keep them from now on.
            VoteRecord v;
            v.pairId = 2;
            v.annotatorId = 2;
            v.choice = VoteChoice::BBetter;
            QVERIFY(store.recordVote(v).ok());
            QCOMPARE(store.pair(2)->voteCount, 1);
            QCOMPARE(store.progress()->perKind[0].votedPairs, 2);
        }

        // The backup is a complete v1 database, WAL content included.
        QVERIFY(QFile::exists(path + QStringLiteral(".v1.bak")));
        RawDb backup(path + QStringLiteral(".v1.bak"));
        QCOMPARE(backup.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")), QStringLiteral("1"));
        QCOMPARE(backup.exec(QStringLiteral("SELECT COUNT(*) FROM comparisons")), QStringLiteral("3"));
        QCOMPARE(backup.exec(QStringLiteral("SELECT name FROM annotators WHERE id = 3")), QStringLiteral("carol"));
        bool ok = true;
        backup.exec(QStringLiteral("SELECT vote_count FROM pairs"), &ok);
        QVERIFY(!ok); // still the old schema

        // Opening the migrated file again neither migrates nor backs up.
        auto again = Store::open(path);
        QVERIFY(again.ok());
        QVERIFY((*again)->backupPath().isEmpty());
    }

    void existingBackupIsNotOverwritten()
    {
        const QString path = freshPath();
        {
            RawDb raw(path);
            QVERIFY(writeVersion1(raw));
        }
        QFile old(path + QStringLiteral(".v1.bak"));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("an earlier backup");
        old.close();

        auto opened = Store::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE((*opened)->backupPath(), path + QStringLiteral(".v1.1.bak"));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("an earlier backup"));
    }

    void failedMigrationLeavesTheOldSchema()
    {
        const QString path = freshPath();
        {
            RawDb raw(path);
            QVERIFY(writeVersion1(raw));
            // Migration 2 adds annotators.vote_count; a column of that name already there makes
            // it fail half-way (after it altered `pairs`).
            QVERIFY(raw.execAll({QStringLiteral("ALTER TABLE annotators ADD COLUMN vote_count TEXT")}));
        }
        auto opened = Store::open(path);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().contains(QLatin1String("cannot migrate database")), qPrintable(opened.error()));
        QVERIFY(opened.error().contains(path));

        RawDb raw(path);
        QCOMPARE(raw.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")), QStringLiteral("1"));
        bool ok = true;
        raw.exec(QStringLiteral("SELECT vote_count FROM pairs"), &ok);
        QVERIFY(!ok); // the first half of migration 2 was rolled back
        QVERIFY(QFile::exists(path + QStringLiteral(".v1.bak")));
    }

    void emptySqliteFileIsInitialized()
    {
        const QString path = freshPath();
        {
            RawDb raw(path);
            // A valid SQLite file with no tables (schema "v0").
            QVERIFY(raw.execAll({QStringLiteral("CREATE TABLE t (x)"), QStringLiteral("DROP TABLE t")}));
        }
        QVERIFY(QFileInfo(path).size() > 0);
        auto opened = Store::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE(*(*opened)->schemaVersion(), Store::latestSchemaVersion());
        QVERIFY((*opened)->backupPath().isEmpty());
    }

    void newerSchemaIsRefused()
    {
        const QString path = freshPath();
        {
            auto created = Store::open(path);
            QVERIFY(created.ok());
        }
        const int future = Store::latestSchemaVersion() + 7;
        {
            RawDb raw(path);
            QVERIFY(raw.execAll({QStringLiteral("INSERT INTO schema_version (version, description) VALUES (%1, 'future')").arg(future)}));
        }
        auto opened = Store::open(path);
        QVERIFY(!opened.ok());
        const QString expected = QStringLiteral("database %1 was written by a newer RLHF Log Lab (schema %2, "
                                                "this build knows %3); upgrade the lab")
                                     .arg(QFileInfo(path).absoluteFilePath())
                                     .arg(future)
                                     .arg(Store::latestSchemaVersion());
        QCOMPARE(opened.error(), expected);
        QVERIFY(!QFile::exists(path + QStringLiteral(".v%1.bak").arg(future)));
    }

    void garbageFileIsRefused()
    {
        const QString path = freshPath();
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray content = "2024-01-01 12:00:00 INFO this is a log file, not a database\n";
        f.write(content);
        f.close();
        auto opened = Store::open(path);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().contains(QLatin1String("not an RLHF Log Lab database")), qPrintable(opened.error()));
        QVERIFY(opened.error().contains(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content); // untouched

        // A correct header with garbage after it.
        const QString halfPath = freshPath();
        QFile half(halfPath);
        QVERIFY(half.open(QIODevice::WriteOnly));
        half.write(QByteArray("SQLite format 3\0", 16) + QByteArray(4096, '\xAB'));
        half.close();
        auto broken = Store::open(halfPath);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().contains(halfPath), qPrintable(broken.error()));
    }

    void foreignSqliteDatabaseIsRefused()
    {
        const QString path = freshPath();
        {
            RawDb raw(path);
            QVERIFY(raw.execAll({QStringLiteral("CREATE TABLE moz_places (id INTEGER, url TEXT)")}));
        }
        auto opened = Store::open(path);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().contains(QLatin1String("not an RLHF Log Lab database")), qPrintable(opened.error()));
        RawDb raw(path);
        QCOMPARE(raw.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")), QStringLiteral("1"));
    }

    void badPathsAreClearErrors()
    {
        auto missingFolder = Store::open(m_dir.filePath(QStringLiteral("no/such/folder/lab.db")));
        QVERIFY(!missingFolder.ok());
        QVERIFY2(missingFolder.error().contains(QLatin1String("does not exist")), qPrintable(missingFolder.error()));
        auto folder = Store::open(m_dir.path());
        QVERIFY(!folder.ok());
        QVERIFY(folder.error().contains(QLatin1String("folder")));
        QVERIFY(!Store::open(QString()).ok());
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "test_migrations.moc"
