#include "ui/label_progress_model.h"

#include "core/synth/incident.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QStyle>
#include <cmath>

namespace lab {

namespace {

double fraction(qint64 done, qint64 total)
{
    return total > 0 ? double(done) / double(total) : 0.0;
}

QString percentText(qint64 done, qint64 total)
{
    if (total <= 0)
        return QStringLiteral("–");
    const double percent = 100.0 * double(done) / double(total);
    // 99.96% shown as "100%" would claim a finished job; floor keeps "done" honest.
    const int decimals = (percent > 0 && percent < 1) || (percent > 99 && percent < 100) ? 1 : 0;
    const double factor = decimals ? 10.0 : 1.0;
    return QStringLiteral("%1%").arg(QLocale().toString(std::floor(percent * factor) / factor, 'f', decimals));
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

// Same rows (by key) in the same order: update cells in place instead of resetting.
template <typename Row, typename Key>
bool sameKeys(const QVector<Row> &a, const QVector<Row> &b, Key key)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (key(a[i]) != key(b[i]))
            return false;
    }
    return true;
}

} // namespace

// --- AnnotatorProgressModel ---

void AnnotatorProgressModel::setRows(const QVector<AnnotatorProgress> &rows)
{
    if (sameKeys(m_rows, rows, [](const AnnotatorProgress &p) { return p.annotatorId; })) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, DoneColumn), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int AnnotatorProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnnotatorProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnnotatorProgressModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AnnotatorProgress &row = m_rows[index.row()];
    const qint64 total = row.votes + row.openPairs;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return row.name;
        case DoneColumn: return number(row.votes);
        case RemainingColumn: return number(row.openPairs);
        case ProgressColumn: return percentText(row.votes, total);
        }
        break;
    case kProgressFractionRole:
        if (index.column() == ProgressColumn)
            return fraction(row.votes, total);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        return tr("%1 has voted on or skipped %2 pairs; %3 are still waiting for them.")
            .arg(row.name, number(row.votes), number(row.openPairs));
    }
    return {};
}

QVariant AnnotatorProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("Annotator");
        case DoneColumn: return tr("Done");
        case RemainingColumn: return tr("Remaining");
        case ProgressColumn: return tr("Progress");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case DoneColumn: return tr("Pairs this annotator has voted on or skipped");
        case RemainingColumn: return tr("Pairs this annotator has not seen yet");
        case ProgressColumn: return tr("Done as a share of all pairs");
        }
    }
    return {};
}

// --- KindProgressModel ---

void KindProgressModel::setRows(const QVector<KindProgress> &rows)
{
    if (sameKeys(m_rows, rows, [](const KindProgress &p) { return p.kind; })) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, PairsColumn), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int KindProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int KindProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KindProgressModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const KindProgress &row = m_rows[index.row()];
    const qint64 remaining = qMax<qint64>(0, row.pairs - row.votedPairs);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn: {
            if (row.kind.isEmpty())
                return tr("(no kind)");
            if (auto kind = synth::kindFromId(row.kind))
                return QString::fromUtf8(synth::kindInfo(*kind).title);
            return row.kind;
        }
        case PairsColumn: return number(row.pairs);
        case VotedColumn: return number(row.votedPairs);
        case RemainingColumn: return number(remaining);
        case VotesColumn: return number(row.votes);
        case ProgressColumn: return percentText(row.votedPairs, row.pairs);
        }
        break;
    case kProgressFractionRole:
        if (index.column() == ProgressColumn)
            return fraction(row.votedPairs, row.pairs);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != KindColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (index.column() == KindColumn)
            return row.kind.isEmpty() ? tr("Incidents without a known kind (imported logs)") : row.kind;
        return tr("%1 of %2 pairs have at least one vote; %3 votes in all (skips not counted).")
            .arg(number(row.votedPairs), number(row.pairs), number(row.votes));
    }
    return {};
}

QVariant KindProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case KindColumn: return tr("Incident kind");
        case PairsColumn: return tr("Pairs");
        case VotedColumn: return tr("Voted");
        case RemainingColumn: return tr("Remaining");
        case VotesColumn: return tr("Votes");
        case ProgressColumn: return tr("Progress");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case PairsColumn: return tr("Candidate pairs of incidents of this kind");
        case VotedColumn: return tr("Pairs with at least one vote (skips not counted)");
        case RemainingColumn: return tr("Pairs nobody has voted on yet");
        case VotesColumn: return tr("Votes on these pairs by all annotators (skips not counted)");
        case ProgressColumn: return tr("Pairs with a vote as a share of the kind's pairs");
        }
    }
    return {};
}

// --- ProgressBarDelegate ---

void ProgressBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant value = index.data(kProgressFractionRole);
    if (!value.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QString text = item.text;
    item.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget); // background, selection

    // A thin bar with the percentage beside it (not over it: text across the bar's edge is
    // hard to read at table sizes).
    const QRect cell = option.rect.adjusted(4, 0, -4, 0);
    const int textWidth = option.fontMetrics.horizontalAdvance(QStringLiteral("100.0%")) + 6;
    const int barHeight = qMax(6, option.fontMetrics.height() / 2);
    const QRect track(cell.left(), cell.center().y() - barHeight / 2 + 1, qMax(0, cell.width() - textWidth), barHeight);
    const double share = qBound(0.0, value.toDouble(), 1.0);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(Qt::NoPen);
    painter->setBrush(option.palette.color(QPalette::Mid).lighter(130));
    painter->drawRoundedRect(track, 2, 2);
    if (share > 0) {
        QRect fill = track;
        fill.setWidth(qMax(2, int(track.width() * share + 0.5)));
        painter->setBrush(option.palette.color(QPalette::Highlight));
        painter->drawRoundedRect(fill, 2, 2);
    }
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(QRect(track.right() + 4, cell.top(), textWidth - 4, cell.height()),
                      Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
}

QSize ProgressBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(kProgressFractionRole).isValid())
        size.setWidth(qMax(size.width(), option.fontMetrics.horizontalAdvance(QStringLiteral("100.0%")) + 80));
    return size;
}

} // namespace lab
