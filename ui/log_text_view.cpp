#include "ui/log_text_view.h"

#include "core/logs/log_file.h"
#include "ui/log_palette.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <algorithm>

namespace lab {

namespace {
// Painting a 1 MB line would stall the view; nobody reads past this many characters on screen.
constexpr int kMaxPaintedChars = 4000;
constexpr int kGutterPadding = 8;
constexpr int kMarkerWidth = 4;
constexpr int kLevelStripeWidth = 3;
constexpr int kTextMargin = 6;
} // namespace

LogTextView::LogTextView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setTextFont(LogPalette::monospaceFont());
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewport()->setCursor(Qt::IBeamCursor);
    verticalScrollBar()->setSingleStep(1);
    setAccessibleName(tr("Log lines"));
}

void LogTextView::setTextFont(const QFont &font)
{
    m_font = font;
    m_maxTextWidth = 0;
    updateScrollBars();
    viewport()->update();
}

void LogTextView::setLogFile(const LogFile *file)
{
    m_file = file;
    m_rows = RowMap();
    m_currentLine = -1;
    m_highlight = QRegularExpression();
    m_marked = nullptr;
    m_maxTextWidth = 0;
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
    Q_EMIT currentLineChanged(-1);
}

qint64 LogTextView::lineCount() const
{
    return m_file ? m_file->lineCount() : 0;
}

qint64 LogTextView::rowCount() const
{
    return m_rows.rowCount(lineCount());
}

void LogTextView::setRowMap(RowMap map)
{
    const qint64 keep = m_currentLine;
    m_rows = std::move(map);
    updateScrollBars();
    if (keep >= 0 && rowCount() > 0) {
        // Stay on the same line if it is still shown, else on the nearest one after it.
        const qint64 row = std::min(m_rows.rowAtOrAfter(keep, lineCount()), rowCount() - 1);
        selectRow(row, true);
    } else {
        verticalScrollBar()->setValue(0);
        if (m_currentLine != -1) {
            m_currentLine = -1;
            Q_EMIT currentLineChanged(-1);
        }
    }
    viewport()->update();
}

qint64 LogTextView::currentRow() const
{
    return m_currentLine < 0 ? -1 : m_rows.rowOf(m_currentLine);
}

qint64 LogTextView::setCurrentLine(qint64 line)
{
    const qint64 rows = rowCount();
    if (rows == 0 || line < 0)
        return -1;
    selectRow(std::min(m_rows.rowAtOrAfter(line, lineCount()), rows - 1), true);
    return m_currentLine;
}

void LogTextView::selectRow(qint64 row, bool centre)
{
    const qint64 rows = rowCount();
    if (rows == 0)
        return;
    row = std::clamp<qint64>(row, 0, rows - 1);
    const qint64 line = m_rows.lineAt(row);
    QScrollBar *bar = verticalScrollBar();
    const qint64 top = bar->value();
    const qint64 capacity = std::max(1, visibleRowCapacity());
    if (row < top || row >= top + capacity) {
        const qint64 target = centre ? row - capacity / 2 : (row < top ? row : row - capacity + 1);
        bar->setValue(int(std::clamp<qint64>(target, 0, bar->maximum())));
    }
    if (line != m_currentLine) {
        m_currentLine = line;
        Q_EMIT currentLineChanged(line);
    }
    viewport()->update();
}

void LogTextView::setHighlight(const QRegularExpression &pattern)
{
    m_highlight = (pattern.isValid() && !pattern.pattern().isEmpty()) ? pattern : QRegularExpression();
    viewport()->update();
}

void LogTextView::setMarkedLines(const std::vector<qint64> *lines)
{
    m_marked = lines;
    viewport()->update();
}

bool LogTextView::isMarked(qint64 line) const
{
    return m_marked && std::binary_search(m_marked->begin(), m_marked->end(), line);
}

void LogTextView::refreshLineCount()
{
    updateScrollBars();
    viewport()->update();
}

int LogTextView::lineHeight() const
{
    return QFontMetrics(m_font).lineSpacing() + 2;
}

int LogTextView::gutterWidth() const
{
    const qint64 lines = std::max<qint64>(lineCount(), 999);
    const int digits = int(QString::number(lines).size());
    return kMarkerWidth + kGutterPadding + QFontMetrics(m_font).horizontalAdvance(QLatin1Char('9')) * digits
           + kGutterPadding + kLevelStripeWidth;
}

int LogTextView::visibleRowCapacity() const
{
    return viewport()->height() / lineHeight();
}

void LogTextView::updateScrollBars()
{
    const qint64 rows = rowCount();
    const int capacity = std::max(1, visibleRowCapacity());
    QScrollBar *v = verticalScrollBar();
    // QScrollBar holds an int: fine up to 2^31 rows, far past any log a person opens.
    v->setRange(0, int(std::max<qint64>(0, rows - capacity)));
    v->setPageStep(capacity);
    QScrollBar *h = horizontalScrollBar();
    const int textArea = std::max(0, viewport()->width() - gutterWidth() - kTextMargin);
    h->setRange(0, std::max(0, m_maxTextWidth + 2 * kTextMargin - textArea));
    h->setPageStep(textArea);
    h->setSingleStep(QFontMetrics(m_font).horizontalAdvance(QLatin1Char('M')) * 4);
}

QString LogTextView::displayText(qint64 line) const
{
    QString text = m_file->line(line);
    if (text.size() > kMaxPaintedChars) {
        text.truncate(kMaxPaintedChars);
        text += QChar(0x2026);
    }
    // Tabs and control characters would break the monospace column grid.
    for (QChar &c : text) {
        if (c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
        else if (c.unicode() < 0x20)
            c = QChar(0x00B7);
    }
    return text;
}

void LogTextView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const LogPalette &pal = LogPalette::standard();
    const QRect area = viewport()->rect();
    p.fillRect(area, pal.background);

    const int gutter = gutterWidth();
    p.fillRect(QRect(0, 0, gutter, area.height()), pal.gutterBackground);
    p.setPen(pal.gutterBorder);
    p.drawLine(gutter - 1, 0, gutter - 1, area.height());
    if (!m_file)
        return;

    p.setFont(m_font);
    const QFontMetrics fm(m_font);
    const int lh = lineHeight();
    const int ascent = fm.ascent() + 1;
    const qint64 rows = rowCount();
    const qint64 first = verticalScrollBar()->value();
    const qint64 last = std::min(rows, first + area.height() / lh + 2);
    const int xOffset = horizontalScrollBar()->value();
    const int textX = gutter + kTextMargin - xOffset;
    const int numberRight = gutter - kLevelStripeWidth - kGutterPadding;
    // The font is monospace: only the columns that can reach the screen are shaped and drawn,
    // which keeps a frame cheap however long the lines are.
    const int charWidth = std::max(1, fm.horizontalAdvance(QLatin1Char('M')));
    const int visibleColumns = (xOffset + area.width() - gutter) / charWidth + 2;
    bool widthGrew = false;

    for (qint64 row = first; row < last; ++row) {
        const qint64 line = m_rows.lineAt(row);
        const int y = int(row - first) * lh;
        const QRect rowRect(gutter, y, area.width() - gutter, lh);
        // The entry's level, so that stack frames under an ERROR line are tinted with it.
        const LogLevel level = m_file->entryLevel(line);

        if (line == m_currentLine)
            p.fillRect(rowRect, pal.currentLine);
        else if (const QColor tint = pal.levelTint(level); tint.isValid())
            p.fillRect(rowRect, tint);

        if (const QColor stripe = pal.levelStripe(level); stripe.isValid())
            p.fillRect(QRect(gutter - kLevelStripeWidth - 1, y, kLevelStripeWidth, lh), stripe);
        if (isMarked(line))
            p.fillRect(QRect(0, y + 1, kMarkerWidth, lh - 2), pal.searchMarker);

        p.setPen(line == m_currentLine ? pal.gutterCurrentText : pal.gutterText);
        const QString number = QString::number(line + 1);
        p.drawText(numberRight - fm.horizontalAdvance(number), y + ascent, number);

        const QString full = displayText(line);
        const QString text = full.size() > visibleColumns ? full.left(visibleColumns) : full;
        p.setClipRect(QRect(gutter, y, area.width() - gutter, lh));
        if (m_highlight.isValid() && !m_highlight.pattern().isEmpty()) {
            auto it = m_highlight.globalMatch(text);
            while (it.hasNext()) {
                const QRegularExpressionMatch m = it.next();
                if (m.capturedLength() == 0)
                    continue;
                const int x0 = textX + fm.horizontalAdvance(text.left(m.capturedStart()));
                const int w = fm.horizontalAdvance(m.captured());
                p.fillRect(QRect(x0, y + 1, w, lh - 2), pal.searchHighlight);
            }
        }
        p.setPen(pal.textFor(level));
        p.drawText(textX, y + ascent, text);
        p.setClipping(false);

        const int width = int(full.size()) * charWidth;
        if (width > m_maxTextWidth) {
            m_maxTextWidth = width;
            widthGrew = true;
        }
    }
    if (widthGrew)
        updateScrollBars();
}

void LogTextView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void LogTextView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void LogTextView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateScrollBars();
}

qint64 LogTextView::rowAtY(int y) const
{
    return verticalScrollBar()->value() + y / lineHeight();
}

void LogTextView::keyPressEvent(QKeyEvent *event)
{
    const qint64 rows = rowCount();
    if (rows == 0) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const qint64 row = std::max<qint64>(currentRow(), verticalScrollBar()->value() - 1);
    const int page = std::max(1, visibleRowCapacity() - 1);
    if (event->matches(QKeySequence::Copy)) {
        copyCurrentLine();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Down: selectRow(row + 1, false); break;
    case Qt::Key_Up: selectRow(std::max<qint64>(0, row - 1), false); break;
    case Qt::Key_PageDown: selectRow(row + page, false); break;
    case Qt::Key_PageUp: selectRow(std::max<qint64>(0, row - page), false); break;
    case Qt::Key_Home:
        if (event->modifiers() & Qt::ControlModifier)
            selectRow(0, false);
        else
            horizontalScrollBar()->setValue(0);
        break;
    case Qt::Key_End:
        if (event->modifiers() & Qt::ControlModifier)
            selectRow(rows - 1, false);
        else
            horizontalScrollBar()->setValue(horizontalScrollBar()->maximum());
        break;
    case Qt::Key_Left: horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub); break;
    case Qt::Key_Right: horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd); break;
    default: QAbstractScrollArea::keyPressEvent(event); return;
    }
    event->accept();
}

void LogTextView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    const qint64 row = rowAtY(int(event->position().y()));
    if (row >= 0 && row < rowCount())
        selectRow(row, false);
    QAbstractScrollArea::mousePressEvent(event);
}

void LogTextView::contextMenuEvent(QContextMenuEvent *event)
{
    const qint64 row = rowAtY(event->pos().y());
    if (row >= 0 && row < rowCount())
        selectRow(row, false);
    QMenu menu(this);
    QAction *copy = menu.addAction(tr("&Copy Line"), this, &LogTextView::copyCurrentLine);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(m_currentLine >= 0);
    QAction *copyNumber = menu.addAction(tr("Copy Line &Number"), this, [this] {
        QApplication::clipboard()->setText(QString::number(m_currentLine + 1));
    });
    copyNumber->setEnabled(m_currentLine >= 0);
    menu.exec(event->globalPos());
}

void LogTextView::copyCurrentLine() const
{
    if (m_file && m_currentLine >= 0)
        QApplication::clipboard()->setText(m_file->line(m_currentLine));
}

} // namespace lab
