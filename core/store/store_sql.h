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

} // namespace lab::storesql
