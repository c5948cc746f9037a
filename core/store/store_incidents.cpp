// Incidents and their logs.
#include "core/store/store.h"
#include "core/store/store_sql.h"

namespace lab {

using namespace storesql;

namespace {

const QString kIncidentColumns = QStringLiteral(
    "id, title, origin, source, kind, log_format, status, seed, ground_truth, created_at, signature");

IncidentRecord incidentFrom(const QSqlQuery &q)
{
    IncidentRecord r;
    r.id = q.value(0).toLongLong();
    r.title = q.value(1).toString();
    r.origin = q.value(2).toString();
    r.source = q.value(3).toString();
    r.kind = q.value(4).toString();
    r.logFormat = q.value(5).toString();
    r.status = q.value(6).toString();
    if (!q.value(7).isNull())
        r.seed = q.value(7).toLongLong();
    r.groundTruth = jsonObjectFrom(q.value(8));
    r.createdAt = timeFrom(q.value(9));
    r.signature = q.value(10).toString();
    return r;
}

const QString kLogColumns =
    QStringLiteral("id, incident_id, name, original_path, format, line_count, content");

StoredLog logFrom(const QSqlQuery &q)
{
    StoredLog r;
    r.id = q.value(0).toLongLong();
    r.incidentId = q.value(1).toLongLong();
    r.name = q.value(2).toString();
    r.originalPath = q.value(3).toString();
    r.format = q.value(4).toString();
    r.lineCount = q.value(5).toLongLong();
    r.content = q.value(6).toString();
    return r;
}

bool isOneOf(const QString &value, std::initializer_list<QLatin1String> allowed)
{
    for (QLatin1String a : allowed)
        if (value == a)
            return true;
    return false;
}

// LIKE pattern for a substring, with the wildcards in the user's text taken literally.
QString containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// WHERE clause (possibly empty) and its bind values for a filter.
QString whereFor(const IncidentFilter &filter, QVariantList &binds)
{
    QStringList terms;
    auto equal = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        terms.append(QLatin1String(column) + QLatin1String(" = ?"));
        binds.append(value);
    };
    equal("kind", filter.kind);
    equal("source", filter.source);
    equal("status", filter.status);
    equal("origin", filter.origin);
    if (!filter.text.isEmpty()) {
        terms.append(QStringLiteral("(title LIKE ? ESCAPE '\\' OR kind LIKE ? ESCAPE '\\')"));
        binds.append(containsPattern(filter.text));
        binds.append(containsPattern(filter.text));
    }
    return terms.isEmpty() ? QString() : QLatin1String(" WHERE ") + terms.join(QLatin1String(" AND "));
}

qint64 countLines(const QString &content)
{
    if (content.isEmpty())
        return 0;
    const qint64 newlines = content.count(QLatin1Char('\n'));
    return content.endsWith(QLatin1Char('\n')) ? newlines : newlines + 1;
}

} // namespace

Result<qint64> Store::addIncident(const IncidentRecord &incident)
{
    if (incident.title.trimmed().isEmpty())
        return fail(tr("database %1: cannot add an incident without a title").arg(m_path));
    if (!isOneOf(incident.origin, {kOriginSynthetic, kOriginImported}))
        return fail(tr("database %1: incident origin \"%2\" is not synthetic or imported")
                        .arg(m_path, incident.origin));
    if (!isOneOf(incident.source, {kSourceSpark, kSourceDlt, kSourceK8s, kSourceS3, kSourceApp, kSourceOther}))
        return fail(tr("database %1: incident source \"%2\" is not one of spark, dlt, k8s, s3, app, other")
                        .arg(m_path, incident.source));
    return insertReturningId(
        tr("add incident \"%1\"").arg(incident.title),
        QStringLiteral("INSERT INTO incidents (title, origin, source, kind, log_format,"
                       " status, seed, ground_truth, created_at, signature)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {incident.title, incident.origin, incident.source, textOrEmpty(incident.kind),
         textOrEmpty(incident.logFormat),
         incident.status.isEmpty() ? QStringLiteral("open") : incident.status,
         incident.seed ? QVariant(*incident.seed) : QVariant(QMetaType::fromType<qint64>()),
         jsonText(incident.groundTruth), timeText(incident.createdAt), textOrEmpty(incident.signature)});
}

Result<IncidentRecord> Store::incident(qint64 id)
{
    return oneRow(exec(tr("read incident %1").arg(id),
                       selectById(kIncidentColumns, QLatin1String("incidents")), {id}),
                  incidentFrom,
                  [&] { return tr("database %1 has no incident %2").arg(m_path).arg(id); });
}

Result<QVector<IncidentRecord>> Store::incidents(const IncidentFilter &filter)
{
    QVariantList binds;
    QString sql = QStringLiteral("SELECT ") + kIncidentColumns + QStringLiteral(" FROM incidents")
                  + whereFor(filter, binds) + QStringLiteral(" ORDER BY id LIMIT ? OFFSET ?");
    binds << filter.limit << filter.offset;
    return allRows(exec(tr("list incidents"), sql, binds), incidentFrom);
}

Result<qint64> Store::countIncidents(const IncidentFilter &filter)
{
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT COUNT(*) FROM incidents") + whereFor(filter, binds);
    auto q = step(tr("count incidents"), sql, binds);
    if (!q.ok())
        return fail(q.error());
    return q->value(0).toLongLong();
}

Status Store::setIncidentStatus(qint64 id, const QString &status)
{
    if (status.isEmpty())
        return fail(tr("database %1: incident status cannot be empty").arg(m_path));
    return changeOneRow(tr("set the status of incident %1").arg(id),
                        QStringLiteral("UPDATE incidents SET status = ? WHERE id = ?"),
                        {status, id},
                        [&] { return tr("database %1 has no incident %2").arg(m_path).arg(id); });
}

Status Store::setGroundTruth(qint64 id, const QJsonObject &groundTruth)
{
    return changeOneRow(tr("set the ground truth of incident %1").arg(id),
                        QStringLiteral("UPDATE incidents SET ground_truth = ? WHERE id = ?"),
                        {jsonText(groundTruth), id},
                        [&] { return tr("database %1 has no incident %2").arg(m_path).arg(id); });
}

Status Store::removeIncident(qint64 id)
{
    return changeOneRow(tr("remove incident %1").arg(id),
                        QStringLiteral("DELETE FROM incidents WHERE id = ?"), {id},
                        [&] { return tr("database %1 has no incident %2").arg(m_path).arg(id); });
}

Result<qint64> Store::addLog(const StoredLog &log)
{
    const QString what = tr("add log \"%1\"").arg(log.name);
    return insertReturningId(
        what,
        QStringLiteral("INSERT INTO logs (incident_id, name, original_path, format,"
                       " line_count, content) VALUES (?, ?, ?, ?, ?, ?)"),
        {log.incidentId, textOrEmpty(log.name), textOrEmpty(log.originalPath),
         textOrEmpty(log.format), log.lineCount > 0 ? log.lineCount : countLines(log.content),
         textOrEmpty(log.content)},
        [&] {
            return requireRow(
                what, QStringLiteral("SELECT 1 FROM incidents WHERE id = ?"), {log.incidentId},
                [&] {
                    return tr("database %1: cannot add log \"%2\": there is no incident %3")
                        .arg(m_path, log.name)
                        .arg(log.incidentId);
                });
        });
}

Result<QVector<StoredLog>> Store::logsFor(qint64 incidentId)
{
    return allRows(exec(tr("read the logs of incident %1").arg(incidentId),
                        QStringLiteral("SELECT ") + kLogColumns +
                            QStringLiteral(" FROM logs WHERE incident_id = ? ORDER BY id"),
                        {incidentId}),
                   logFrom);
}

Result<StoredLog> Store::logFor(qint64 incidentId)
{
    return oneRow(exec(tr("read the log of incident %1").arg(incidentId),
                       QStringLiteral("SELECT ") + kLogColumns +
                           QStringLiteral(" FROM logs WHERE incident_id = ? ORDER BY id LIMIT 1"),
                       {incidentId}),
                  logFrom, [&] {
                      return tr("database %1: incident %2 has no log").arg(m_path).arg(incidentId);
                  });
}

} // namespace lab
