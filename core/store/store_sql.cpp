#include "core/store/store_sql.h"

#include <QJsonDocument>
#include <QSqlDriver>

namespace lab::storesql {

QString timeText(const QDateTime &time)
{
    const QDateTime t = time.isValid() ? time : QDateTime::currentDateTimeUtc();
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QVariant timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(timeText(time)) : QVariant(QMetaType::fromType<QString>());
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObjectFrom(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QStringList stringListFrom(const QVariant &value)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    out.reserve(array.size());
    for (const QJsonValue &v : array)
        out.append(v.toString());
    return out;
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QVariant textOrEmpty(const QString &text)
{
    return text.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(text);
}

QString selectById(const QString &columns, QLatin1String table)
{
    return QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM ") + table +
           QStringLiteral(" WHERE id = ?");
}

Error sqlError(const QString &path, const QString &what, const QSqlError &error)
{
    const QString native = error.nativeErrorCode();
    // SQLITE_BUSY (5) / SQLITE_LOCKED (6): another program kept the write lock past the timeout.
    if (native == QLatin1String("5") || native == QLatin1String("6"))
        return fail(tr("database %1 is busy: cannot %2 because another program is writing to it "
                       "(waited 5 s); try again").arg(path, what));
    QString detail = error.driverText();
    const QString db = error.databaseText();
    if (!db.isEmpty() && db != detail)
        detail = detail.isEmpty() ? db : detail + QLatin1String(": ") + db;
    return fail(tr("database %1: cannot %2: %3").arg(path, what, detail));
}

Result<QSqlQuery> run(const QSqlDatabase &db, const QString &path, const QString &what,
                      const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(path, what, query.lastError());
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(path, what, query.lastError());
    return query;
}

} // namespace lab::storesql
