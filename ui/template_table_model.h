#pragma once
// The template table: id ("T1"), line count, share of lines, template text. Filled in one batch
// when mining finishes (beginResetModel), sorted and filtered through a proxy by the panel.
#include "core/logs/template_miner.h"

#include <QAbstractTableModel>
#include <vector>

namespace lab {

class TemplateTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, CountColumn, ShareColumn, TextColumn, ColumnCount };
    // The template id as an int, for sorting T2 before T10 and for lookups.
    static constexpr int IdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setTemplates(std::vector<TemplateInfo> templates, qint64 totalLines);
    void clear();
    const TemplateInfo *templateAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<TemplateInfo> m_templates;
    qint64 m_totalLines = 0;
};

} // namespace lab
