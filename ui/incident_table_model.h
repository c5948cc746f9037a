#pragma once
// Incidents as a table (id, title, kind, source, status, origin, created), appended in batches
// as the loader pages through the database, and a proxy that sorts and filters them by kind,
// source, status and text without touching the database again.
#include "core/store/records.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QVector>

namespace lab {

class IncidentTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, TitleColumn, KindColumn, SourceColumn, StatusColumn, OriginColumn, CreatedColumn,
                  ColumnCount };
    static constexpr int IncidentIdRole = Qt::UserRole + 1;
    static constexpr int RawValueRole = Qt::UserRole + 2; // the stored string, for filters

    using QAbstractTableModel::QAbstractTableModel;

    void appendBatch(const QVector<IncidentRecord> &batch);
    void clear();
    const IncidentRecord *incidentAt(int row) const;
    int rowOfIncident(qint64 id) const;
    // Distinct values of a column (kind, source, status), sorted; for the filter boxes.
    QStringList distinctValues(Column column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    static QString columnValue(const IncidentRecord &incident, int column);

    QVector<IncidentRecord> m_incidents;
};

class IncidentFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    // Empty: any. Matched exactly against the stored value.
    void setKind(const QString &kind);
    void setSource(const QString &source);
    void setStatus(const QString &status);
    // Case-insensitive substring of the title or the kind.
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_kind, m_source, m_status, m_text;
};

} // namespace lab
