#pragma once
// The line area of the log view: a virtual-scrolling QAbstractScrollArea that paints only the
// rows on screen (klogg's approach), so ten million lines cost no more than a hundred. No per-line
// items or widgets exist; a RowMap says which lines are visible when a filter is active.
#include "ui/row_map.h"

#include <QAbstractScrollArea>
#include <QRegularExpression>
#include <memory>
#include <vector>

namespace lab {

class LogFile;

class LogTextView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit LogTextView(QWidget *parent = nullptr);

    // Not owned; may be null. Resets the filter, the current line and the highlights.
    void setLogFile(const LogFile *file);
    const LogFile *logFile() const { return m_file; }

    void setRowMap(RowMap map);
    const RowMap &rowMap() const { return m_rows; }
    qint64 rowCount() const;
    qint64 lineCount() const;

    // The selected line as a 0-based line number of the file, or -1.
    qint64 currentLine() const { return m_currentLine; }
    // Selects `line` and scrolls it into view (centred when it was off screen). A hidden line
    // selects the next visible one. Returns the line actually selected, or -1.
    qint64 setCurrentLine(qint64 line);
    qint64 currentRow() const;

    // Matches of this pattern are painted with a highlight; an invalid or empty one clears it.
    void setHighlight(const QRegularExpression &pattern);
    // Lines marked in the gutter (search hits), sorted ascending. Not owned: the search that
    // fills it lives on the GUI thread too and calls viewport()->update() as it grows.
    void setMarkedLines(const std::vector<qint64> *lines);

    // The file grew (indexing in progress): update the scroll range without moving the view.
    void refreshLineCount();

    QFont textFont() const { return m_font; }
    void setTextFont(const QFont &font);

Q_SIGNALS:
    void currentLineChanged(qint64 line);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    int lineHeight() const;
    int gutterWidth() const;
    int visibleRowCapacity() const;
    void updateScrollBars();
    void selectRow(qint64 row, bool centre);
    qint64 rowAtY(int y) const;
    void copyCurrentLine() const;
    bool isMarked(qint64 line) const;
    QString displayText(qint64 line) const;

    const LogFile *m_file = nullptr;
    RowMap m_rows;
    qint64 m_currentLine = -1;
    QRegularExpression m_highlight;
    const std::vector<qint64> *m_marked = nullptr;
    QFont m_font;
    int m_maxTextWidth = 0; // widest line painted so far, for the horizontal range
};

} // namespace lab
