#pragma once
// The log view: a search bar (regex, case, next/previous, "3 of 57", progress and cancel), a
// level filter, an optional template filter, and the virtual-scrolling line area. It owns the
// LogFile it shows and the background search; the main window only places it and puts its
// actions in menus.
#include "core/common/result.h"
#include "core/logs/log_format.h"
#include "ui/shared_log_file.h"

#include <QPointer>
#include <QWidget>
#include <memory>
#include <vector>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTimer;
class QToolButton;

namespace lab {

class LogFile;
class LogSearch;
class LogTextView;

class LogView : public QWidget
{
    Q_OBJECT
public:
    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    // Opens a file (indexing continues in the background) or bytes held in memory. On failure
    // the previous log stays shown and the error names the file.
    Status openFile(const QString &path);
    Status openData(const QByteArray &bytes, const QString &name);
    void closeLog();

    LogFile *logFile() const { return m_file.get(); }
    SharedLogFile sharedLogFile() const { return m_file; }
    LogTextView *textView() const { return m_text; }
    QLineEdit *searchEdit() const { return m_searchEdit; }
    QComboBox *levelCombo() const { return m_levelCombo; }

    // Rows shown: lines whose entry level is >= the filter (Unknown: all lines).
    void setLevelFilter(LogLevel minimum);
    LogLevel levelFilter() const { return m_minLevel; }
    // Shows only `lines` (sorted), e.g. the lines of one template; `label` names it in the bar.
    void setLineFilter(const QString &label, std::vector<qint64> lines);
    void clearLineFilter();
    qint64 visibleRowCount() const;

    // Search. The pattern is a regular expression unless regex mode is off.
    void setSearch(const QString &text, bool regex = true, bool caseSensitive = false);
    bool isSearching() const;
    qint64 hitCount() const;
    // 0-based index of the current line among the hits, or -1 when it is on no hit.
    qint64 currentHitIndex() const;

    qint64 currentLine() const;
    bool goToLine(qint64 line); // 0-based; a hidden line selects the next visible one

    // Actions with their shortcuts, for menus and toolbars (they also work on this widget alone).
    QAction *findAction() const { return m_findAction; }
    QAction *findNextAction() const { return m_findNextAction; }
    QAction *findPreviousAction() const { return m_findPreviousAction; }
    QAction *nextErrorAction() const { return m_nextErrorAction; }
    QAction *previousErrorAction() const { return m_previousErrorAction; }
    QAction *goToLineAction() const { return m_goToLineAction; }
    QList<QAction *> levelFilterActions() const { return m_levelActions; }

public Q_SLOTS:
    void focusSearch();
    bool findNext();
    bool findPrevious();
    bool nextError();
    bool previousError();
    void askGoToLine();

Q_SIGNALS:
    void logOpened(const QString &name);
    void logClosed();
    void indexingProgress(qint64 bytesDone, qint64 bytesTotal);
    void indexingFinished(qint64 lines);
    void indexingFailed(const QString &message);
    void currentLineChanged(qint64 line);
    void searchFinished(qint64 hits);
    void lineFilterCleared();
    void message(const QString &text);

private:
    Status adopt(SharedLogFile file, Status opened);
    void connectFile();
    void rebuildRows();
    void restartSearch();
    void scheduleSearch();
    void updateHitLabel();
    void onLinesAdded();
    void onIndexingFinished();
    bool jumpToHit(bool forward);
    bool jumpToError(bool forward);
    QRegularExpression currentPattern(QString *error) const;
    void buildSearchBar(QWidget *bar);
    void createActions();
    void updateActionsEnabled();

    SharedLogFile m_file;
    LogSearch *m_search = nullptr;
    LogTextView *m_text = nullptr;

    QLineEdit *m_searchEdit = nullptr;
    QToolButton *m_regexButton = nullptr;
    QToolButton *m_caseButton = nullptr;
    QToolButton *m_prevButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    QLabel *m_hitLabel = nullptr;
    QProgressBar *m_searchProgress = nullptr;
    QToolButton *m_cancelSearchButton = nullptr;
    QComboBox *m_levelCombo = nullptr;
    QToolButton *m_lineFilterChip = nullptr;
    QTimer *m_searchDelay = nullptr;   // debounces typing
    QTimer *m_linesAddedDelay = nullptr; // coalesces indexing growth into one repaint per 100 ms

    LogLevel m_minLevel = LogLevel::Unknown;
    QString m_lineFilterLabel;
    std::shared_ptr<const std::vector<qint64>> m_lineFilter; // null: none
    bool m_jumpOnFirstHit = false;
    bool m_searchedWhileIndexing = false;
    qint64 m_finishedAtLines = -1; // lineCount() when indexingFinished was last handled

    QAction *m_findAction = nullptr;
    QAction *m_findNextAction = nullptr;
    QAction *m_findPreviousAction = nullptr;
    QAction *m_nextErrorAction = nullptr;
    QAction *m_previousErrorAction = nullptr;
    QAction *m_goToLineAction = nullptr;
    QList<QAction *> m_levelActions;
};

} // namespace lab
