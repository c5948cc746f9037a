#pragma once
// Internal to core/store: conversions between record fields and SQLite values, and the shared
// wording of errors. Not installed, not for other modules.
#include "core/common/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

#include <optional>
#include <type_traits>
#include <utility>

namespace lab::storesql {

inline QString tr(const char *text)
{
    return QCoreApplication::translate("lab::Store", text);
}

// Times are stored as ISO 8601 UTC text with milliseconds: sortable and readable in sqlite3.
QString timeText(const QDateTime &time); // invalid: now
QVariant timeOrNull(const QDateTime &time);
QDateTime timeFrom(const QVariant &value);

// What Store::step() reports about a statement it ran and finished.
struct Outcome
{
    bool hasRow = false;
    QVariantList row; // the first row, if any
    qint64 lastInsertId = 0;
    qint64 rowsAffected = 0;

    QVariant value(int column) const { return column < row.size() ? row.at(column) : QVariant(); }
};

QString jsonText(const QJsonObject &object);
QString jsonText(const QStringList &list);
QJsonObject jsonObjectFrom(const QVariant &value);
QStringList stringListFrom(const QVariant &value);

QVariant idOrNull(qint64 id);
QVariant textOrEmpty(const QString &text); // never NULL for NOT NULL text columns

// "database F: cannot <what>: <driver message>", with busy/locked made explicit.
Error sqlError(const QString &path, const QString &what, const QSqlError &error);

// Prepares `sql`, binds `binds` in order and runs it. The query is positioned before the first
// row; the error names the database and the action.
Result<QSqlQuery> run(const QSqlDatabase &db, const QString &path, const QString &what,
                      const QString &sql, const QVariantList &binds = {});

// "SELECT <columns> FROM <table> WHERE id = ?": how every record is read by its id.
QString selectById(const QString &columns, QLatin1String table);

// The record type a row mapper (`T from(const QSqlQuery &)`) makes.
template <typename Mapper>
using RowOf = std::decay_t<std::invoke_result_t<Mapper &, const QSqlQuery &>>;

// The typed reads share one shape: run the query (Store::exec), pass its error on, map its rows.
// These take the query's result so that each read stays one statement.

// Every row, mapped.
template <typename Mapper>
Result<QVector<RowOf<Mapper>>> allRows(Result<QSqlQuery> query, Mapper from)
{
    if (!query.ok())
        return fail(query.error());
    QVector<RowOf<Mapper>> out;
    while (query->next())
        out.append(from(*query));
    return out;
}

// The first row, mapped; none is an error, worded by `missing()` (only built when needed).
template <typename Mapper, typename Missing>
Result<RowOf<Mapper>> oneRow(Result<QSqlQuery> query, Mapper from, Missing missing)
{
    if (!query.ok())
        return fail(query.error());
    if (!query->next())
        return fail(missing());
    return from(*query);
}

// The first row, mapped, or none.
template <typename Mapper>
Result<std::optional<RowOf<Mapper>>> optionalRow(Result<QSqlQuery> query, Mapper from)
{
    if (!query.ok())
        return fail(query.error());
    if (!query->next())
        return std::optional<RowOf<Mapper>>();
    return std::optional<RowOf<Mapper>>(from(*query));
}

} // namespace lab::storesql
