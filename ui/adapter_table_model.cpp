#include "ui/adapter_table_model.h"

#include <QFont>
#include <QLocale>

namespace lab {

namespace {

const QString kNotEvaluated = QStringLiteral("-");

} // namespace

void AdapterTableModel::setEntries(const QVector<AdapterEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int AdapterTableModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_entries.size(); ++row)
        if (m_entries.at(row).adapter.name == name)
            return row;
    return -1;
}

int AdapterTableModel::activeRow() const
{
    for (int row = 0; row < m_entries.size(); ++row)
        if (m_entries.at(row).adapter.active)
            return row;
    return -1;
}

int AdapterTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AdapterTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdapterTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const AdapterEntry &e = m_entries.at(index.row());
    const AdapterRecord &a = e.adapter;
    if (role == NameRole)
        return a.name;
    if (role == Qt::FontRole && a.active) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::TextAlignmentRole && index.column() >= RootCauseColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case NameColumn:
            return a.path;
        case MadeByColumn:
            if (!e.run)
                return a.runId > 0 ? tr("The run that made it is no longer in the project.")
                                   : tr("Imported from a PEFT folder.");
            return e.run->finishedAt.isValid()
                       ? tr("Run %1, %2 at %3").arg(e.run->id).arg(e.run->status, QLocale().toString(e.run->finishedAt.toLocalTime(), QLocale::ShortFormat))
                       : tr("Run %1, %2").arg(e.run->id).arg(e.run->status);
        case ActiveColumn:
            return a.active ? tr("The lab explains with this adapter.") : QVariant();
        default:
            if (index.column() >= RootCauseColumn && !e.evaluated())
                return tr("Not evaluated yet: select it and press Evaluate.");
            if (index.column() >= RootCauseColumn)
                return tr("On %n held-out incident(s) of %1", nullptr, a.eval.value(QStringLiteral("incidents")).toInt())
                    .arg(a.eval.value(QStringLiteral("eval_db")).toString());
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    const auto percent = [&](const QString &metric) -> QVariant {
        const auto v = e.metric(metric);
        return v ? QVariant(tr("%1%").arg(*v * 100.0, 0, 'f', 1)) : QVariant(kNotEvaluated);
    };
    const auto number = [&](const QString &metric, int decimals) -> QVariant {
        const auto v = e.metric(metric);
        return v ? QVariant(QLocale().toString(*v, 'f', decimals)) : QVariant(kNotEvaluated);
    };
    switch (index.column()) {
    case NameColumn:
        return a.name;
    case MadeByColumn:
        if (!e.run)
            return a.runId > 0 ? tr("run #%1").arg(a.runId) : tr("imported");
        return tr("%1 #%2").arg(e.run->kind).arg(e.run->id);
    case CreatedColumn:
        return QLocale().toString(a.createdAt.toLocalTime(), QLocale::ShortFormat);
    case ActiveColumn:
        return a.active ? tr("active") : QString();
    case RootCauseColumn:
        return percent(QStringLiteral("root_cause_accuracy"));
    case HallucinationColumn:
        return percent(QStringLiteral("hallucination_rate"));
    case LengthColumn:
        return number(QStringLiteral("mean_length"), 1);
    case RewardColumn:
        return number(QStringLiteral("mean_reward"), 2);
    default:
        return {};
    }
}

QVariant AdapterTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Adapter");
    case MadeByColumn:
        return tr("Made by");
    case CreatedColumn:
        return tr("Created");
    case ActiveColumn:
        return tr("In use");
    case RootCauseColumn:
        return tr("Root cause");
    case HallucinationColumn:
        return tr("Hallucination");
    case LengthColumn:
        return tr("Mean length");
    case RewardColumn:
        return tr("Mean reward");
    default:
        return {};
    }
}

} // namespace lab
