#pragma once
// Every adapter of the project in one table: name, the run that made it, when, whether it is in
// use, and its stored evaluation (root-cause accuracy, hallucination rate, mean length, mean
// reward; a dash when not evaluated). Fed whole by setEntries() from listAdapters().
#include "core/train/adapter_registry.h"

#include <QAbstractTableModel>

namespace lab {

class AdapterTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, MadeByColumn, CreatedColumn, ActiveColumn, RootCauseColumn, HallucinationColumn,
                  LengthColumn, RewardColumn, ColumnCount };
    // The adapter's name, whatever the column (for the view's actions).
    static constexpr int NameRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(const QVector<AdapterEntry> &entries);
    const QVector<AdapterEntry> &entries() const { return m_entries; }
    // Row of the adapter named `name`; -1 if none.
    int rowOf(const QString &name) const;
    // Row of the active adapter; -1 when the base model is in use.
    int activeRow() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVector<AdapterEntry> m_entries;
};

} // namespace lab
