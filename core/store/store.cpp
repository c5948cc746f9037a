#include "core/store/store.h"

#include "core/store/migrations.h"
#include "core/store/store_sql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QHash>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlRecord>

#include <atomic>
#include <exception>
#include <unordered_map>
#include <vector>

namespace lab {

using storesql::tr;

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kCacheKiB = 32 * 1024;
const char kSqliteMagic[16] = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f',
                               'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};

std::atomic<quint64> g_nextStoreSerial{1};
std::atomic<quint64> g_nextConnection{1};

// One connection of one Store on one thread, with its prepared write statements. Preparing is
// most of the cost of a single-row insert, so a generator writing 100,000 rows reuses them.
struct ConnectionEntry
{
    QString name;
    QMutex mutex; // only for close(): the owning thread's exit and ~Store may race
    QHash<QString, std::shared_ptr<QSqlQuery>> statements;
    bool closed = false;

    void close()
    {
        QMutexLocker lock(&mutex);
        if (closed)
            return;
        closed = true;
        // Queries first: removeDatabase() warns about, and disables, a connection still in use.
        statements.clear();
        if (QSqlDatabase::contains(name))
            QSqlDatabase::removeDatabase(name);
    }
};
using EntryPtr = std::shared_ptr<ConnectionEntry>;

// Every live connection per Store, so that ~Store can close those of threads that are still
// running. Leaked on purpose: threads may end after static destruction has begun.
struct ConnectionRegistry
{
    QMutex mutex;
    std::unordered_map<quint64, std::vector<EntryPtr>> byStore;
};
ConnectionRegistry &registry()
{
    static auto *instance = new ConnectionRegistry;
    return *instance;
}

struct ThreadConnection
{
    EntryPtr entry;
    int depth = 0; // nesting of Store::transaction() on this thread
};

// This thread's connections, per Store. No QSqlDatabase copies are kept (only the entry's
// prepared queries, which close() drops first), so removeDatabase() never finds one in use.
struct ThreadConnections
{
    std::unordered_map<quint64, ThreadConnection> byStore;

    ~ThreadConnections()
    {
        for (const auto &[serial, connection] : byStore) {
            {
                ConnectionRegistry &r = registry();
                QMutexLocker lock(&r.mutex);
                auto it = r.byStore.find(serial);
                if (it != r.byStore.end())
                    std::erase(it->second, connection.entry);
            }
            connection.entry->close();
        }
    }
};
thread_local ThreadConnections t_connections;

} // namespace

Store::Store(QString path) : m_path(std::move(path)), m_serial(g_nextStoreSerial++) {}

Store::~Store()
{
    std::vector<EntryPtr> entries;
    {
        ConnectionRegistry &r = registry();
        QMutexLocker lock(&r.mutex);
        auto it = r.byStore.find(m_serial);
        if (it != r.byStore.end()) {
            entries = std::move(it->second);
            r.byStore.erase(it);
        }
    }
    t_connections.byStore.erase(m_serial);
    // Connections of other threads are closed here too: the last owner is gone, so nobody is
    // using them, and waiting for those threads to end could keep the file open for ever.
    for (const EntryPtr &entry : entries)
        entry->close();
}

int Store::latestSchemaVersion()
{
    return migrations().back().version;
}

Result<std::shared_ptr<Store>> Store::open(const QString &path)
{
    if (path.trimmed().isEmpty())
        return fail(tr("no database file given"));
    std::shared_ptr<Store> store(new Store(QFileInfo(path).absoluteFilePath()));
    if (Status status = store->initialize(); !status.ok())
        return fail(status.error());
    return store;
}

Status Store::setAutoCheckpoint(bool on)
{
    auto q = exec(tr("set automatic checkpoints"),
                  on ? QStringLiteral("PRAGMA wal_autocheckpoint = 1000") : QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
    if (!q.ok())
        return fail(q.error());
    return {};
}

Status Store::checkpointPassive()
{
    auto q = exec(tr("checkpoint the write-ahead log"), QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
    if (!q.ok())
        return fail(q.error());
    return {};
}

Result<QSqlDatabase> Store::connection()
{
    auto found = t_connections.byStore.find(m_serial);
    if (found != t_connections.byStore.end()) {
        QSqlDatabase db = QSqlDatabase::database(found->second.entry->name, false);
        if (db.isValid() && db.isOpen())
            return db;
        found->second.entry->close();
        t_connections.byStore.erase(found);
    }

    const QString name = QStringLiteral("lab_store_%1_%2").arg(m_serial).arg(g_nextConnection++);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid()) {
            error = tr("cannot open database %1: the Qt SQLite driver (QSQLITE) is not available")
                        .arg(m_path);
        } else {
            db.setDatabaseName(m_path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
            if (!db.open())
                error = tr("cannot open database %1: %2").arg(m_path, db.lastError().text());
        }
        // Per-connection settings (WAL itself is stored in the file, set once by initialize()).
        const QString pragmas[] = {
            QStringLiteral("PRAGMA foreign_keys = ON"),
            QStringLiteral("PRAGMA synchronous = NORMAL"),
            QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs),
            // The default 2 MiB page cache thrashes on the vote indexes of a million-vote
            // database; 32 MiB holds them. Pages are allocated only as the file needs them.
            QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB),
            QStringLiteral("PRAGMA temp_store = MEMORY"),
        };
        for (const QString &pragma : pragmas) {
            if (!error.isEmpty())
                break;
            auto q = storesql::run(db, m_path, tr("configure the connection"), pragma);
            if (!q.ok())
                error = q.error();
        }
    }
    if (!error.isEmpty()) {
        QSqlDatabase::removeDatabase(name);
        return fail(error);
    }

    auto entry = std::make_shared<ConnectionEntry>();
    entry->name = name;
    t_connections.byStore[m_serial] = ThreadConnection{entry, 0};
    {
        ConnectionRegistry &r = registry();
        QMutexLocker lock(&r.mutex);
        r.byStore[m_serial].push_back(entry);
    }
    return QSqlDatabase::database(name, false);
}

Result<QSqlQuery> Store::exec(const QString &what, const QString &sql, const QVariantList &binds)
{
    auto db = connection();
    if (!db.ok())
        return fail(db.error());
    return storesql::run(*db, m_path, what, sql, binds);
}

Result<storesql::Outcome> Store::step(const QString &what, const QString &sql, const QVariantList &binds)
{
    auto db = connection();
    if (!db.ok())
        return fail(db.error());
    ConnectionEntry &entry = *t_connections.byStore[m_serial].entry;
    auto cached = entry.statements.find(sql);
    if (cached == entry.statements.end()) {
        auto query = std::make_shared<QSqlQuery>(*db);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            return storesql::sqlError(m_path, what, query->lastError());
        cached = entry.statements.insert(sql, query);
    }
    QSqlQuery &query = **cached;
    for (int i = 0; i < binds.size(); ++i)
        query.bindValue(i, binds[i]);
    if (!query.exec()) {
        Error error = storesql::sqlError(m_path, what, query.lastError());
        query.finish();
        return error;
    }
    storesql::Outcome outcome;
    outcome.hasRow = query.next();
    if (outcome.hasRow) {
        const int columns = query.record().count();
        for (int i = 0; i < columns; ++i)
            outcome.row.append(query.value(i));
    }
    outcome.lastInsertId = query.lastInsertId().toLongLong();
    outcome.rowsAffected = query.numRowsAffected();
    query.finish();
    return outcome;
}

Result<qint64> Store::insertReturningId(const QString &what, const QString &sql,
                                        const QVariantList &binds,
                                        const std::function<Status()> &check)
{
    qint64 id = 0;
    Status status = transaction([&]() -> Status {
        if (check) {
            Status checked = check();
            if (!checked.ok())
                return checked;
        }
        auto q = step(what, sql, binds);
        if (!q.ok())
            return fail(q.error());
        id = q->lastInsertId;
        return {};
    });
    if (!status.ok())
        return fail(status.error());
    return id;
}

Status Store::changeOneRow(const QString &what, const QString &sql, const QVariantList &binds,
                           const std::function<QString()> &missing)
{
    return transaction([&]() -> Status {
        auto q = step(what, sql, binds);
        if (!q.ok())
            return fail(q.error());
        if (q->rowsAffected != 1)
            return fail(missing());
        return {};
    });
}

Status Store::requireRow(const QString &what, const QString &sql, const QVariantList &binds,
                         const std::function<QString()> &missing)
{
    auto q = step(what, sql, binds);
    if (!q.ok())
        return fail(q.error());
    if (!q->hasRow)
        return fail(missing());
    return {};
}

Status Store::transaction(const std::function<Status()> &work)
{
    auto db = connection();
    if (!db.ok())
        return fail(db.error());
    const int depth = t_connections.byStore[m_serial].depth;
    const QString savepoint = QStringLiteral("lab_sp%1").arg(depth);

    // IMMEDIATE takes the write lock up front, so a second writer (thread or process) waits in
    // the busy handler instead of failing when it upgrades a read lock half-way through.
    auto begin = step(tr("start a transaction"), depth == 0 ? QStringLiteral("BEGIN IMMEDIATE")
                                                            : QStringLiteral("SAVEPOINT ") + savepoint);
    if (!begin.ok())
        return fail(begin.error());

    ++t_connections.byStore[m_serial].depth;
    Status status;
    try {
        status = work();
    } catch (const std::exception &e) {
        status = fail(tr("database %1: write aborted by an error: %2")
                          .arg(m_path, QString::fromLocal8Bit(e.what())));
    } catch (...) {
        status = fail(tr("database %1: write aborted by an unknown error").arg(m_path));
    }
    --t_connections.byStore[m_serial].depth;

    if (status.ok()) {
        auto end = step(tr("commit"), depth == 0 ? QStringLiteral("COMMIT")
                                                 : QStringLiteral("RELEASE ") + savepoint);
        if (end.ok())
            return status;
        status = fail(end.error());
    }
    // Errors here are ignored: SQLite may already have rolled back (disk full, I/O error), and
    // the first error is the one worth reporting.
    if (depth == 0) {
        (void)step(tr("roll back"), QStringLiteral("ROLLBACK"));
    } else {
        (void)step(tr("roll back"), QStringLiteral("ROLLBACK TO ") + savepoint);
        (void)step(tr("roll back"), QStringLiteral("RELEASE ") + savepoint);
    }
    return status;
}

Result<int> Store::readVersion(const QSqlDatabase &db)
{
    auto tables = storesql::run(
        db, m_path, tr("read the schema version"),
        QStringLiteral("SELECT SUM(name = 'schema_version'), COUNT(*) FROM sqlite_master"
                       " WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"));
    if (!tables.ok()) {
        // SQLITE_NOTADB (26): a file with an SQLite header but garbage after it.
        if (tables.error().contains(QLatin1String("not a database")))
            return fail(tr("%1 is not an RLHF Log Lab database (not a valid SQLite file)").arg(m_path));
        return fail(tables.error());
    }
    tables->next();
    const bool hasVersionTable = tables->value(0).toLongLong() > 0;
    const qint64 tableCount = tables->value(1).toLongLong();
    if (!hasVersionTable) {
        if (tableCount > 0)
            return fail(tr("%1 is an SQLite database but not an RLHF Log Lab database "
                           "(it has %2 tables and no schema_version table)")
                            .arg(m_path)
                            .arg(tableCount));
        return 0;
    }
    auto version = storesql::run(db, m_path, tr("read the schema version"),
                                 QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
    if (!version.ok())
        return fail(version.error());
    version->next();
    return version->value(0).toInt();
}

Result<int> Store::schemaVersion()
{
    auto db = connection();
    if (!db.ok())
        return fail(db.error());
    return readVersion(*db);
}

Status Store::backUpBeforeMigrating(const QSqlDatabase &db, int oldVersion)
{
    // Never overwrite an earlier backup: it may be the only copy of data an earlier failed
    // migration attempt started from.
    QString target = QStringLiteral("%1.v%2.bak").arg(m_path).arg(oldVersion);
    for (int n = 1; QFileInfo::exists(target); ++n)
        target = QStringLiteral("%1.v%2.%3.bak").arg(m_path).arg(oldVersion).arg(n);
    // VACUUM INTO reads through this connection, so pages still in the WAL are included.
    auto q = storesql::run(db, m_path,
                           tr("back up to %1 before migrating from schema %2").arg(target).arg(oldVersion),
                           QStringLiteral("VACUUM INTO ?"), {target});
    if (!q.ok())
        return fail(q.error());
    m_backupPath = target;
    return {};
}

Status Store::initialize()
{
    const QFileInfo info(m_path);
    if (info.exists()) {
        if (info.isDir())
            return fail(tr("%1 is a folder, not a database file").arg(m_path));
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("cannot read database %1: %2").arg(m_path, file.errorString()));
        const QByteArray header = file.read(sizeof(kSqliteMagic));
        if (!header.isEmpty() && header != QByteArray(kSqliteMagic, sizeof(kSqliteMagic)))
            return fail(tr("%1 is not an RLHF Log Lab database (not an SQLite file)").arg(m_path));
    } else if (!info.absoluteDir().exists()) {
        return fail(tr("cannot create database %1: folder %2 does not exist")
                        .arg(m_path, info.absolutePath()));
    }

    auto db = connection();
    if (!db.ok())
        return fail(db.error());

    // Check the version before anything writes to the file (switching to WAL does).
    auto found = readVersion(*db);
    if (!found.ok())
        return fail(found.error());
    const int latest = latestSchemaVersion();
    if (*found > latest)
        return fail(tr("database %1 was written by a newer RLHF Log Lab (schema %2, this build "
                       "knows %3); upgrade the lab")
                        .arg(m_path)
                        .arg(*found)
                        .arg(latest));

    auto mode = storesql::run(*db, m_path, tr("switch to WAL mode"),
                              QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!mode.ok())
        return fail(mode.error());
    mode->next();
    const QString journal = mode->value(0).toString().toLower();
    mode->finish();
    if (journal != QLatin1String("wal"))
        return fail(tr("cannot switch database %1 to WAL mode (journal mode stays %2); is it on a "
                       "network or read-only file system?")
                        .arg(m_path, journal));

    if (*found == latest)
        return {};
    if (*found > 0) {
        if (Status backup = backUpBeforeMigrating(*db, *found); !backup.ok())
            return backup;
    }

    for (const Migration &migration : migrations()) {
        if (migration.version <= *found)
            continue;
        Status applied = transaction([&]() -> Status {
            // Another process opening the same file may have migrated it meanwhile.
            auto current = readVersion(*db);
            if (!current.ok())
                return fail(current.error());
            if (*current >= migration.version)
                return {};
            for (const QString &statement : migration.statements) {
                auto q = storesql::run(*db, m_path, tr("apply migration %1").arg(migration.version),
                                       statement);
                if (!q.ok())
                    return fail(q.error());
            }
            auto q = storesql::run(*db, m_path, tr("record migration %1").arg(migration.version),
                                   QStringLiteral("INSERT INTO schema_version (version, description) VALUES (?, ?)"),
                                   {migration.version, migration.description});
            return q.ok() ? Status() : Status(fail(q.error()));
        });
        if (!applied.ok())
            return fail(tr("cannot migrate database %1 to schema %2 (%3): %4")
                            .arg(m_path)
                            .arg(migration.version)
                            .arg(migration.description, applied.error()));
    }
    return {};
}

} // namespace lab
