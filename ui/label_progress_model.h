#pragma once
// Labeling progress as two tables: per annotator (done, remaining) and per incident kind (pairs,
// pairs with a vote, remaining, votes). A refresh with the same rows updates the cells in place,
// so selection and scrolling survive the once-a-vote refreshes.
#include "core/store/records.h"

#include <QAbstractTableModel>
#include <QStyledItemDelegate>

namespace lab {

// Role of a progress column: the done share in [0, 1] (the delegate draws it as a bar).
inline constexpr int kProgressFractionRole = Qt::UserRole + 10;

class AnnotatorProgressModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, DoneColumn, RemainingColumn, ProgressColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QVector<AnnotatorProgress> &rows);
    const QVector<AnnotatorProgress> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVector<AnnotatorProgress> m_rows;
};

class KindProgressModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { KindColumn, PairsColumn, VotedColumn, RemainingColumn, VotesColumn, ProgressColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QVector<KindProgress> &rows);
    const QVector<KindProgress> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVector<KindProgress> m_rows;
};

// Draws kProgressFractionRole as a thin bar with the cell's text (the percentage) beside it.
class ProgressBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace lab
