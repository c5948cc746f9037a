#include "ui/incident_table_model.h"

#include <QLocale>
#include <QSet>
#include <algorithm>

namespace lab {

void IncidentTableModel::appendBatch(const QVector<IncidentRecord> &batch)
{
    if (batch.isEmpty())
        return;
    const int first = int(m_incidents.size());
    beginInsertRows({}, first, first + int(batch.size()) - 1);
    m_incidents += batch;
    endInsertRows();
}

void IncidentTableModel::clear()
{
    beginResetModel();
    m_incidents.clear();
    endResetModel();
}

const IncidentRecord *IncidentTableModel::incidentAt(int row) const
{
    return (row >= 0 && row < m_incidents.size()) ? &m_incidents[row] : nullptr;
}

int IncidentTableModel::rowOfIncident(qint64 id) const
{
    for (int row = 0; row < m_incidents.size(); ++row) {
        if (m_incidents[row].id == id)
            return row;
    }
    return -1;
}

QStringList IncidentTableModel::distinctValues(Column column) const
{
    QSet<QString> values;
    for (const IncidentRecord &incident : m_incidents) {
        const QString value = columnValue(incident, column);
        if (!value.isEmpty())
            values.insert(value);
    }
    QStringList sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

int IncidentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_incidents.size());
}

int IncidentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IncidentTableModel::columnValue(const IncidentRecord &incident, int column)
{
    switch (column) {
    case IdColumn: return QString::number(incident.id);
    case TitleColumn: return incident.title;
    case KindColumn: return incident.kind;
    case SourceColumn: return incident.source;
    case StatusColumn: return incident.status;
    case OriginColumn: return incident.origin;
    case CreatedColumn: return incident.createdAt.toString(Qt::ISODate);
    }
    return {};
}

QVariant IncidentTableModel::data(const QModelIndex &index, int role) const
{
    const IncidentRecord *incident = incidentAt(index.row());
    if (!incident)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == CreatedColumn)
            return QLocale().toString(incident->createdAt.toLocalTime(), QLocale::ShortFormat);
        if (index.column() == KindColumn && incident->kind.isEmpty())
            return tr("unknown");
        return columnValue(*incident, index.column());
    case Qt::EditRole: // sort keys
        if (index.column() == IdColumn)
            return incident->id;
        if (index.column() == CreatedColumn)
            return incident->createdAt;
        return columnValue(*incident, index.column());
    case RawValueRole: return columnValue(*incident, index.column());
    case IncidentIdRole: return incident->id;
    case Qt::ToolTipRole: return incident->title;
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant IncidentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Id");
    case TitleColumn: return tr("Title");
    case KindColumn: return tr("Kind");
    case SourceColumn: return tr("Source");
    case StatusColumn: return tr("Status");
    case OriginColumn: return tr("Origin");
    case CreatedColumn: return tr("Created");
    }
    return {};
}

void IncidentFilterProxy::setKind(const QString &kind)
{
    m_kind = kind;
    invalidateRowsFilter();
}

void IncidentFilterProxy::setSource(const QString &source)
{
    m_source = source;
    invalidateRowsFilter();
}

void IncidentFilterProxy::setStatus(const QString &status)
{
    m_status = status;
    invalidateRowsFilter();
}

void IncidentFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool IncidentFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = qobject_cast<const IncidentTableModel *>(sourceModel());
    const IncidentRecord *incident = model ? model->incidentAt(sourceRow) : nullptr;
    if (!incident)
        return false;
    if (!m_kind.isEmpty() && incident->kind != m_kind)
        return false;
    if (!m_source.isEmpty() && incident->source != m_source)
        return false;
    if (!m_status.isEmpty() && incident->status != m_status)
        return false;
    if (!m_text.isEmpty() && !incident->title.contains(m_text, Qt::CaseInsensitive)
        && !incident->kind.contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

bool IncidentFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(Qt::EditRole);
    const QVariant b = right.data(Qt::EditRole);
    if (left.column() == IncidentTableModel::IdColumn)
        return a.toLongLong() < b.toLongLong();
    if (left.column() == IncidentTableModel::CreatedColumn)
        return a.toDateTime() < b.toDateTime();
    return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
}

} // namespace lab
