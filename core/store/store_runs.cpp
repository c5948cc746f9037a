// Training runs, their per-step metrics, and LoRA adapters.
#include "core/store/store.h"
#include "core/store/store_sql.h"

#include <QtNumeric>

namespace lab {

using namespace storesql;

namespace {

const QString kRunColumns = QStringLiteral(
    "id, kind, status, config, started_at, finished_at, result, vote_snapshot");

RunRecord runFrom(const QSqlQuery &q)
{
    RunRecord r;
    r.id = q.value(0).toLongLong();
    r.kind = q.value(1).toString();
    r.status = q.value(2).toString();
    r.config = jsonObjectFrom(q.value(3));
    r.startedAt = timeFrom(q.value(4));
    r.finishedAt = timeFrom(q.value(5));
    r.result = jsonObjectFrom(q.value(6));
    r.voteSnapshot = q.value(7).toString();
    return r;
}

const QString kAdapterColumns =
    QStringLiteral("id, name, run_id, path, created_at, active, activated_at, eval");

AdapterRecord adapterFrom(const QSqlQuery &q)
{
    AdapterRecord r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.runId = q.value(2).isNull() ? 0 : q.value(2).toLongLong();
    r.path = q.value(3).toString();
    r.createdAt = timeFrom(q.value(4));
    r.active = q.value(5).toInt() != 0;
    r.activatedAt = timeFrom(q.value(6));
    r.eval = jsonObjectFrom(q.value(7));
    return r;
}

bool knownRunKind(const QString &kind)
{
    return kind == kRunSft || kind == kRunReward || kind == kRunDpo || kind == kRunPpo;
}

bool knownRunStatus(const QString &status)
{
    return status == kRunQueued || status == kRunRunning || status == kRunFinished
           || status == kRunFailed || status == kRunStopped || status == kRunPaused;
}

// addRun and updateRun refuse the same statuses with the same words.
Status checkRunStatus(const QString &path, const QString &status)
{
    if (knownRunStatus(status))
        return {};
    return fail(tr("database %1: run status \"%2\" is not one of queued, running, finished, "
                   "failed, stopped, paused")
                    .arg(path, status));
}

} // namespace

// --- Runs ---

Result<qint64> Store::addRun(const RunRecord &run)
{
    if (!knownRunKind(run.kind))
        return fail(tr("database %1: run kind \"%2\" is not one of sft, reward, dpo, ppo").arg(m_path, run.kind));
    Status statusKnown = checkRunStatus(m_path, run.status);
    if (!statusKnown.ok())
        return fail(statusKnown.error());
    return insertReturningId(
        tr("add a %1 run").arg(run.kind),
        QStringLiteral("INSERT INTO runs (kind, status, config, started_at, finished_at,"
                       " result, vote_snapshot, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {run.kind, run.status, jsonText(run.config), timeOrNull(run.startedAt),
         timeOrNull(run.finishedAt), jsonText(run.result), textOrEmpty(run.voteSnapshot),
         timeText({})});
}

Status Store::updateRun(const RunRecord &run)
{
    Status statusKnown = checkRunStatus(m_path, run.status);
    if (!statusKnown.ok())
        return fail(statusKnown.error());
    return changeOneRow(
        tr("update run %1").arg(run.id),
        QStringLiteral("UPDATE runs SET status = ?, started_at = ?, finished_at = ?,"
                       " result = ?, vote_snapshot = ? WHERE id = ?"),
        {run.status, timeOrNull(run.startedAt), timeOrNull(run.finishedAt), jsonText(run.result),
         textOrEmpty(run.voteSnapshot), run.id},
        [&] { return tr("database %1 has no run %2").arg(m_path).arg(run.id); });
}

Result<RunRecord> Store::run(qint64 id)
{
    return oneRow(
        exec(tr("read run %1").arg(id), selectById(kRunColumns, QLatin1String("runs")), {id}),
        runFrom, [&] { return tr("database %1 has no run %2").arg(m_path).arg(id); });
}

Result<QVector<RunRecord>> Store::runs(const QString &kind)
{
    QString sql = QStringLiteral("SELECT ") + kRunColumns + QStringLiteral(" FROM runs");
    QVariantList binds;
    if (!kind.isEmpty()) {
        sql += QStringLiteral(" WHERE kind = ?");
        binds << kind;
    }
    sql += QStringLiteral(" ORDER BY id DESC");
    return allRows(exec(tr("list runs"), sql, binds), runFrom);
}

// --- Metrics ---

Status Store::appendMetrics(qint64 runId, const QVector<MetricPoint> &points)
{
    if (points.isEmpty())
        return {};
    return transaction([&]() -> Status {
        Status exists = requireRow(
            tr("append metrics"), QStringLiteral("SELECT 1 FROM runs WHERE id = ?"), {runId}, [&] {
                return tr("database %1: cannot append metrics: there is no run %2")
                    .arg(m_path)
                    .arg(runId);
            });
        if (!exists.ok())
            return exists;

        auto db = connection();
        if (!db.ok())
            return fail(db.error());
        // One prepared statement for the whole batch: a PPO step writes a dozen points.
        QSqlQuery insert(*db);
        if (!insert.prepare(QStringLiteral("INSERT OR REPLACE INTO metrics (run_id, name, step, value)"
                                           " VALUES (?, ?, ?, ?)")))
            return sqlError(m_path, tr("append metrics to run %1").arg(runId), insert.lastError());
        for (const MetricPoint &point : points) {
            if (point.name.isEmpty())
                return fail(tr("database %1: metric at step %2 of run %3 has no name")
                                .arg(m_path)
                                .arg(point.step)
                                .arg(runId));
            insert.bindValue(0, runId);
            insert.bindValue(1, point.name);
            insert.bindValue(2, point.step);
            // SQLite turns NaN into NULL; metrics() turns it back.
            insert.bindValue(3, point.value);
            if (!insert.exec())
                return sqlError(m_path, tr("append metric %1 to run %2").arg(point.name).arg(runId),
                                insert.lastError());
        }
        return {};
    });
}

Result<QVector<MetricPoint>> Store::metrics(qint64 runId, const QString &name)
{
    QString sql = QStringLiteral("SELECT step, name, value FROM metrics WHERE run_id = ?");
    QVariantList binds{runId};
    if (!name.isEmpty()) {
        sql += QStringLiteral(" AND name = ?");
        binds << name;
    }
    sql += QStringLiteral(" ORDER BY name, step");
    return allRows(exec(tr("read the metrics of run %1").arg(runId), sql, binds),
                   [](const QSqlQuery &q) {
                       MetricPoint p;
                       p.step = q.value(0).toLongLong();
                       p.name = q.value(1).toString();
                       p.value = q.value(2).isNull() ? qQNaN() : q.value(2).toDouble();
                       return p;
                   });
}

Result<QStringList> Store::metricNames(qint64 runId)
{
    return allRows(
        exec(tr("read the metric names of run %1").arg(runId),
             QStringLiteral("SELECT DISTINCT name FROM metrics WHERE run_id = ? ORDER BY name"),
             {runId}),
        [](const QSqlQuery &q) { return q.value(0).toString(); });
}

// --- Adapters ---

Result<qint64> Store::addAdapter(const AdapterRecord &adapter)
{
    if (adapter.name.trimmed().isEmpty())
        return fail(tr("database %1: an adapter needs a name").arg(m_path));
    const QString what = tr("add adapter \"%1\"").arg(adapter.name);
    return insertReturningId(
        what,
        QStringLiteral(
            "INSERT INTO adapters (name, run_id, path, created_at, eval) VALUES (?, ?, ?, ?, ?)"),
        {adapter.name, idOrNull(adapter.runId), textOrEmpty(adapter.path),
         timeText(adapter.createdAt), jsonText(adapter.eval)},
        [&]() -> Status {
            auto exists =
                step(what, QStringLiteral("SELECT 1 FROM adapters WHERE name = ?"), {adapter.name});
            if (!exists.ok())
                return fail(exists.error());
            if (exists->hasRow)
                return fail(tr("database %1 already has an adapter named \"%2\"")
                                .arg(m_path, adapter.name));
            return {};
        });
}

Result<AdapterRecord> Store::adapter(qint64 id)
{
    return oneRow(exec(tr("read adapter %1").arg(id),
                       selectById(kAdapterColumns, QLatin1String("adapters")), {id}),
                  adapterFrom,
                  [&] { return tr("database %1 has no adapter %2").arg(m_path).arg(id); });
}

Result<std::optional<AdapterRecord>> Store::adapterByName(const QString &name)
{
    return optionalRow(exec(tr("read adapter \"%1\"").arg(name),
                            QStringLiteral("SELECT ") + kAdapterColumns +
                                QStringLiteral(" FROM adapters WHERE name = ?"),
                            {name}),
                       adapterFrom);
}

Result<QVector<AdapterRecord>> Store::adapters()
{
    return allRows(exec(tr("list adapters"), QStringLiteral("SELECT ") + kAdapterColumns +
                                                 QStringLiteral(" FROM adapters ORDER BY id DESC")),
                   adapterFrom);
}

Status Store::setActiveAdapter(qint64 id)
{
    // Off then on in one transaction: readers never see two active adapters, nor none.
    return transaction([&]() -> Status {
        Status exists =
            requireRow(tr("activate adapter %1").arg(id),
                       QStringLiteral("SELECT 1 FROM adapters WHERE id = ?"), {id},
                       [&] { return tr("database %1 has no adapter %2").arg(m_path).arg(id); });
        if (!exists.ok())
            return exists;
        auto off = step(tr("activate adapter %1").arg(id),
                        QStringLiteral("UPDATE adapters SET active = 0 WHERE active = 1 AND id <> ?"), {id});
        if (!off.ok())
            return fail(off.error());
        auto on = step(tr("activate adapter %1").arg(id),
                       QStringLiteral("UPDATE adapters SET active = 1, activated_at = ? WHERE id = ?"),
                       {timeText({}), id});
        return on.ok() ? Status() : Status(fail(on.error()));
    });
}

Status Store::clearActiveAdapter()
{
    return transaction([&]() -> Status {
        auto q = step(tr("switch back to the base model"),
                      QStringLiteral("UPDATE adapters SET active = 0 WHERE active = 1"));
        return q.ok() ? Status() : Status(fail(q.error()));
    });
}

Result<std::optional<AdapterRecord>> Store::activeAdapter()
{
    return optionalRow(
        exec(tr("read the active adapter"), QStringLiteral("SELECT ") + kAdapterColumns +
                                                QStringLiteral(" FROM adapters WHERE active = 1")),
        adapterFrom);
}

Status Store::setAdapterEval(qint64 id, const QJsonObject &eval)
{
    return changeOneRow(tr("store the evaluation of adapter %1").arg(id),
                        QStringLiteral("UPDATE adapters SET eval = ? WHERE id = ?"),
                        {jsonText(eval), id},
                        [&] { return tr("database %1 has no adapter %2").arg(m_path).arg(id); });
}

} // namespace lab
