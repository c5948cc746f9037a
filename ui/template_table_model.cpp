#include "ui/template_table_model.h"

#include "ui/log_palette.h"

#include <QLocale>

namespace lab {

void TemplateTableModel::setTemplates(std::vector<TemplateInfo> templates, qint64 totalLines)
{
    beginResetModel();
    m_templates = std::move(templates);
    m_totalLines = totalLines;
    endResetModel();
}

void TemplateTableModel::clear()
{
    setTemplates({}, 0);
}

const TemplateInfo *TemplateTableModel::templateAt(int row) const
{
    return (row >= 0 && row < int(m_templates.size())) ? &m_templates[size_t(row)] : nullptr;
}

int TemplateTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_templates.size());
}

int TemplateTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TemplateTableModel::data(const QModelIndex &index, int role) const
{
    const TemplateInfo *t = templateAt(index.row());
    if (!t)
        return {};
    const double share = m_totalLines > 0 ? double(t->count) / double(m_totalLines) : 0.0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn: return templateLabel(t->id);
        case CountColumn: return QLocale().toString(t->count);
        case ShareColumn: return QString(QLocale().toString(share * 100.0, 'f', share < 0.001 ? 2 : 1) + QLatin1Char('%'));
        case TextColumn: return t->text.isEmpty() ? tr("(empty line)") : t->text;
        }
        break;
    case Qt::EditRole: // what the proxy sorts by
        switch (index.column()) {
        case IdColumn: return t->id;
        case CountColumn: return t->count;
        case ShareColumn: return share;
        case TextColumn: return t->text;
        }
        break;
    case IdRole: return t->id;
    case Qt::ToolTipRole:
        return tr("%1: %2 lines\n%3").arg(templateLabel(t->id), QLocale().toString(t->count), t->text);
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn || index.column() == ShareColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::FontRole:
        if (index.column() == TextColumn)
            return LogPalette::monospaceFont();
        break;
    case Qt::ForegroundRole:
        if (index.column() == IdColumn)
            return LogPalette::standard().gutterText;
        break;
    }
    return {};
}

QVariant TemplateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Id");
    case CountColumn: return tr("Lines");
    case ShareColumn: return tr("Share");
    case TextColumn: return tr("Template");
    }
    return {};
}

} // namespace lab
