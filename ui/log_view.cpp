#include "ui/log_view.h"

#include "core/logs/log_file.h"
#include "ui/icons.h"
#include "ui/log_search.h"
#include "ui/log_text_view.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QLocale>
#include <climits>
#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace lab {

namespace {
constexpr int kSearchDelayMs = 250;
constexpr int kRepaintWhileIndexingMs = 100;

struct LevelChoice
{
    LogLevel minimum;
    const char *text;
};
// The level filter's entries; the combo box and the View menu's actions share them.
const LevelChoice kLevelChoices[] = {
    {LogLevel::Unknown, QT_TRANSLATE_NOOP("lab::LogView", "All levels")},
    {LogLevel::Debug, QT_TRANSLATE_NOOP("lab::LogView", "Debug and above")},
    {LogLevel::Info, QT_TRANSLATE_NOOP("lab::LogView", "Info and above")},
    {LogLevel::Warn, QT_TRANSLATE_NOOP("lab::LogView", "Warnings and above")},
    {LogLevel::Error, QT_TRANSLATE_NOOP("lab::LogView", "Errors and above")},
};
} // namespace

LogView::LogView(QWidget *parent) : QWidget(parent), m_search(new LogSearch(this)), m_text(new LogTextView(this))
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("logSearchBar"));
    buildSearchBar(bar);
    createActions();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_text, 1);
    setFocusProxy(m_text);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &LogView::restartSearch);

    m_linesAddedDelay = new QTimer(this);
    m_linesAddedDelay->setSingleShot(true);
    m_linesAddedDelay->setInterval(kRepaintWhileIndexingMs);
    connect(m_linesAddedDelay, &QTimer::timeout, this, &LogView::onLinesAdded);

    connect(m_text, &LogTextView::currentLineChanged, this, [this](qint64 line) {
        updateHitLabel();
        Q_EMIT currentLineChanged(line);
    });
    connect(m_search, &LogSearch::hitsAdded, this, [this](qint64) {
        if (m_jumpOnFirstHit && m_search->hitCount() > 0) {
            // The first results of a new search: go to the first hit at or after where the user is.
            m_jumpOnFirstHit = false;
            const qint64 from = std::max<qint64>(0, m_text->currentLine());
            const qint64 i = m_search->indexAtOrAfter(from);
            if (i < m_search->hitCount())
                m_text->setCurrentLine(m_search->hits()[size_t(i)]);
            else
                m_jumpOnFirstHit = true; // maybe a later batch has one after the current line
        }
        m_text->viewport()->update();
        updateHitLabel();
    });
    connect(m_search, &LogSearch::progress, m_searchProgress, &QProgressBar::setValue);
    connect(m_search, &LogSearch::finished, this, [this](qint64 hits, bool cancelled) {
        // A cancelled search is usually being replaced by a new one, whose jump must survive.
        if (!cancelled) {
            if (m_jumpOnFirstHit && hits > 0)
                m_text->setCurrentLine(m_search->hits().front()); // none after the cursor: wrap
            m_jumpOnFirstHit = false;
        }
        m_searchProgress->hide();
        m_cancelSearchButton->hide();
        updateHitLabel();
        m_text->viewport()->update();
        if (!cancelled)
            Q_EMIT searchFinished(hits);
    });
    m_text->setMarkedLines(&m_search->hits());
    updateHitLabel();
    updateActionsEnabled();
}

void LogView::updateActionsEnabled()
{
    // Find stays enabled: typing a pattern before opening a file is harmless.
    const bool open = bool(m_file);
    for (QAction *a : {m_findNextAction, m_findPreviousAction, m_nextErrorAction, m_previousErrorAction,
                       m_goToLineAction})
        a->setEnabled(open);
}

LogView::~LogView()
{
    // The search thread reads the file: stop it before the file goes.
    m_search->cancel();
    delete m_search;
    m_search = nullptr;
}

void LogView::buildSearchBar(QWidget *bar)
{
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(6, 4, 6, 4);
    row->setSpacing(4);

    m_searchEdit = new QLineEdit(bar);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search (regular expression)…"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setToolTip(tr("Search the visible lines. Enter: next hit, Shift+Enter: previous hit."));
    m_searchEdit->addAction(icon(IconId::Search), QLineEdit::LeadingPosition);
    m_searchEdit->setMinimumWidth(260);
    // Escape hands the keyboard back to the lines, as in a browser's find bar.
    auto *backToLines = new QAction(m_searchEdit);
    backToLines->setShortcut(QKeySequence(Qt::Key_Escape));
    backToLines->setShortcutContext(Qt::WidgetShortcut);
    connect(backToLines, &QAction::triggered, this, [this] { m_text->setFocus(Qt::ShortcutFocusReason); });
    m_searchEdit->addAction(backToLines);
    connect(m_searchEdit, &QLineEdit::textEdited, this, &LogView::scheduleSearch);
    connect(m_searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            scheduleSearch(); // the clear button does not send textEdited
    });
    connect(m_searchEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_searchDelay->isActive() || m_search->pattern().pattern() != currentPattern(nullptr).pattern()
            || m_search->pattern().patternOptions() != currentPattern(nullptr).patternOptions()) {
            m_searchDelay->stop();
            restartSearch();
            return;
        }
        if (QApplication::keyboardModifiers() & Qt::ShiftModifier)
            findPrevious();
        else
            findNext();
    });

    auto makeToggle = [bar](const QString &text, const QString &tip) {
        auto *b = new QToolButton(bar);
        b->setText(text);
        b->setToolTip(tip);
        b->setCheckable(true);
        b->setAutoRaise(true);
        return b;
    };
    m_regexButton = makeToggle(QStringLiteral(".*"), tr("Regular expression (Alt+R)"));
    m_regexButton->setObjectName(QStringLiteral("regexButton"));
    m_regexButton->setChecked(true);
    m_regexButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_R));
    m_caseButton = makeToggle(QStringLiteral("Aa"), tr("Match case (Alt+C)"));
    m_caseButton->setObjectName(QStringLiteral("caseButton"));
    m_caseButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_C));
    connect(m_regexButton, &QToolButton::toggled, this, &LogView::restartSearch);
    connect(m_caseButton, &QToolButton::toggled, this, &LogView::restartSearch);

    m_prevButton = new QToolButton(bar);
    m_prevButton->setObjectName(QStringLiteral("previousHitButton"));
    m_prevButton->setIcon(icon(IconId::Previous));
    m_prevButton->setAutoRaise(true);
    m_prevButton->setToolTip(tr("Previous hit (Shift+F3)"));
    connect(m_prevButton, &QToolButton::clicked, this, &LogView::findPrevious);
    m_nextButton = new QToolButton(bar);
    m_nextButton->setObjectName(QStringLiteral("nextHitButton"));
    m_nextButton->setIcon(icon(IconId::Next));
    m_nextButton->setAutoRaise(true);
    m_nextButton->setToolTip(tr("Next hit (F3)"));
    connect(m_nextButton, &QToolButton::clicked, this, &LogView::findNext);

    m_hitLabel = new QLabel(bar);
    m_hitLabel->setObjectName(QStringLiteral("hitLabel"));
    m_hitLabel->setMinimumWidth(110);
    m_hitLabel->setAlignment(Qt::AlignVCenter | Qt::AlignLeft);

    m_searchProgress = new QProgressBar(bar);
    m_searchProgress->setRange(0, 100);
    m_searchProgress->setMaximumWidth(90);
    m_searchProgress->setMaximumHeight(14);
    m_searchProgress->setTextVisible(false);
    m_searchProgress->hide();
    m_cancelSearchButton = new QToolButton(bar);
    m_cancelSearchButton->setIcon(icon(IconId::Cancel));
    m_cancelSearchButton->setAutoRaise(true);
    m_cancelSearchButton->setToolTip(tr("Stop searching"));
    m_cancelSearchButton->hide();
    connect(m_cancelSearchButton, &QToolButton::clicked, this, [this] {
        m_search->cancel();
        updateHitLabel();
    });

    m_lineFilterChip = new QToolButton(bar);
    m_lineFilterChip->setObjectName(QStringLiteral("lineFilterChip"));
    m_lineFilterChip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_lineFilterChip->setIcon(icon(IconId::Cancel));
    m_lineFilterChip->setLayoutDirection(Qt::RightToLeft);
    m_lineFilterChip->setToolTip(tr("Show all lines again"));
    m_lineFilterChip->setStyleSheet(QStringLiteral(
        "QToolButton { background: #e7f0fd; border: 1px solid #9dbcf0; border-radius: 9px; padding: 1px 6px; }"));
    m_lineFilterChip->hide();
    connect(m_lineFilterChip, &QToolButton::clicked, this, [this] {
        clearLineFilter();
        Q_EMIT lineFilterCleared();
    });

    auto *levelLabel = new QLabel(tr("&Level:"), bar);
    m_levelCombo = new QComboBox(bar);
    m_levelCombo->setObjectName(QStringLiteral("levelCombo"));
    for (const LevelChoice &choice : kLevelChoices)
        m_levelCombo->addItem(tr(choice.text), int(choice.minimum));
    levelLabel->setBuddy(m_levelCombo);
    connect(m_levelCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        setLevelFilter(LogLevel(m_levelCombo->itemData(index).toInt()));
    });

    row->addWidget(m_searchEdit, 3);
    row->addWidget(m_regexButton);
    row->addWidget(m_caseButton);
    row->addWidget(m_prevButton);
    row->addWidget(m_nextButton);
    row->addWidget(m_hitLabel);
    row->addWidget(m_searchProgress);
    row->addWidget(m_cancelSearchButton);
    row->addStretch(1);
    row->addWidget(m_lineFilterChip);
    row->addSpacing(8);
    row->addWidget(levelLabel);
    row->addWidget(m_levelCombo);
}

void LogView::createActions()
{
    auto make = [this](const QString &text, const QKeySequence &key, IconId iconId, auto slot) {
        auto *a = new QAction(icon(iconId), text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_findAction = make(tr("&Find…"), QKeySequence::Find, IconId::Search, &LogView::focusSearch);
    m_findNextAction = make(tr("Find &Next"), QKeySequence(Qt::Key_F3), IconId::Next, &LogView::findNext);
    m_findPreviousAction = make(tr("Find &Previous"), QKeySequence(Qt::SHIFT | Qt::Key_F3), IconId::Previous,
                                &LogView::findPrevious);
    m_nextErrorAction = make(tr("Next &Error"), QKeySequence(Qt::Key_F8), IconId::NextError, &LogView::nextError);
    m_nextErrorAction->setShortcuts({QKeySequence(Qt::Key_F8), QKeySequence(Qt::CTRL | Qt::Key_E)});
    m_previousErrorAction = make(tr("Previous E&rror"), QKeySequence(Qt::SHIFT | Qt::Key_F8), IconId::PreviousError,
                                 &LogView::previousError);
    m_previousErrorAction->setShortcuts(
        {QKeySequence(Qt::SHIFT | Qt::Key_F8), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)});
    m_goToLineAction = make(tr("&Go to Line…"), QKeySequence(Qt::CTRL | Qt::Key_G), IconId::GoToLine,
                            &LogView::askGoToLine);

    auto *group = new QActionGroup(this);
    const QKeySequence keys[] = {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), QKeySequence(),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)};
    int i = 0;
    for (const LevelChoice &choice : kLevelChoices) {
        auto *a = new QAction(tr(choice.text), group);
        a->setCheckable(true);
        a->setChecked(choice.minimum == LogLevel::Unknown);
        a->setShortcut(keys[i]);
        a->setShortcutContext(Qt::WindowShortcut);
        const int index = i++;
        connect(a, &QAction::triggered, this, [this, index] { m_levelCombo->setCurrentIndex(index); });
        addAction(a);
        m_levelActions.append(a);
    }
}

Status LogView::openFile(const QString &path)
{
    SharedLogFile file = makeSharedLogFile();
    const Status opened = file->open(path);
    return adopt(std::move(file), opened);
}

Status LogView::openData(const QByteArray &bytes, const QString &name)
{
    SharedLogFile file = makeSharedLogFile();
    const Status opened = file->openData(bytes, name);
    return adopt(std::move(file), opened);
}

Status LogView::adopt(SharedLogFile file, Status opened)
{
    if (!opened)
        return opened;
    m_search->cancel();
    m_text->setLogFile(nullptr);
    if (m_file)
        m_file->disconnect(this); // a job may keep the old file alive a moment longer
    m_file = std::move(file);
    m_lineFilter.reset();
    m_lineFilterLabel.clear();
    m_lineFilterChip->hide();
    m_searchedWhileIndexing = false;
    m_finishedAtLines = -1;
    m_text->setLogFile(m_file.get());
    m_text->setMarkedLines(&m_search->hits());
    connectFile();
    rebuildRows();
    restartSearch();
    if (m_file->lineCount() > 0)
        m_text->setCurrentLine(0);
    updateActionsEnabled();
    Q_EMIT logOpened(m_file->name());
    if (m_file->isIndexed())
        onIndexingFinished();
    return Status::success();
}

void LogView::connectFile()
{
    LogFile *file = m_file.get();
    connect(file, &LogFile::indexingProgress, this, &LogView::indexingProgress);
    connect(file, &LogFile::linesAdded, this, [this] {
        if (!m_linesAddedDelay->isActive())
            m_linesAddedDelay->start();
    });
    connect(file, &LogFile::indexingFinished, this, &LogView::onIndexingFinished);
    connect(file, &LogFile::truncated, this, [this] {
        m_finishedAtLines = -1;
        rebuildRows();
        restartSearch();
    });
    connect(file, &LogFile::failed, this, &LogView::indexingFailed);
}

void LogView::closeLog()
{
    if (!m_file)
        return;
    m_search->cancel();
    m_text->setLogFile(nullptr);
    m_file->disconnect(this);
    m_file.reset();
    m_lineFilter.reset();
    m_lineFilterChip->hide();
    updateHitLabel();
    updateActionsEnabled();
    Q_EMIT logClosed();
}

void LogView::onLinesAdded()
{
    const bool wasEmpty = m_text->currentLine() < 0;
    m_text->refreshLineCount();
    if (wasEmpty && m_text->rowCount() > 0)
        m_text->setCurrentLine(0);
}

void LogView::onIndexingFinished()
{
    // adopt() calls this for a file indexed at once, and the queued signal arrives as well.
    if (!m_file || m_file->lineCount() == m_finishedAtLines)
        return;
    m_finishedAtLines = m_file->lineCount();
    m_linesAddedDelay->stop();
    // Filters and searches made while indexing saw only the lines known then.
    if (m_minLevel != LogLevel::Unknown)
        rebuildRows();
    else
        m_text->refreshLineCount();
    if (m_searchedWhileIndexing) {
        // Again over every line; the jump lands where the user is if that line is a hit.
        m_searchedWhileIndexing = false;
        restartSearch();
    }
    if (m_text->currentLine() < 0 && m_text->rowCount() > 0)
        m_text->setCurrentLine(0);
    Q_EMIT indexingFinished(m_file ? m_file->lineCount() : 0);
}

void LogView::setLevelFilter(LogLevel minimum)
{
    m_minLevel = minimum;
    for (int i = 0; i < m_levelCombo->count(); ++i) {
        if (LogLevel(m_levelCombo->itemData(i).toInt()) == minimum) {
            const QSignalBlocker blocker(m_levelCombo);
            m_levelCombo->setCurrentIndex(i);
            if (i < m_levelActions.size())
                m_levelActions[i]->setChecked(true);
        }
    }
    rebuildRows();
    restartSearch();
}

void LogView::setLineFilter(const QString &label, std::vector<qint64> lines)
{
    m_lineFilter = std::make_shared<const std::vector<qint64>>(std::move(lines));
    m_lineFilterLabel = label;
    m_lineFilterChip->setText(label);
    m_lineFilterChip->show();
    rebuildRows();
    restartSearch();
}

void LogView::clearLineFilter()
{
    if (!m_lineFilter)
        return;
    m_lineFilter.reset();
    m_lineFilterLabel.clear();
    m_lineFilterChip->hide();
    rebuildRows();
    restartSearch();
}

qint64 LogView::visibleRowCount() const
{
    return m_text->rowCount();
}

void LogView::rebuildRows()
{
    if (!m_file || (m_minLevel == LogLevel::Unknown && !m_lineFilter)) {
        m_text->setRowMap(RowMap());
        return;
    }
    // One pass over the level bytes: ~10 ms per million lines, cheap enough to do in place.
    const qint64 count = m_file->lineCount();
    std::vector<qint64> rows;
    auto keep = [&](qint64 line) { return m_minLevel == LogLevel::Unknown || m_file->entryLevel(line) >= m_minLevel; };
    if (m_lineFilter) {
        for (qint64 line : *m_lineFilter) {
            if (line < count && keep(line))
                rows.push_back(line);
        }
    } else {
        for (qint64 line = 0; line < count; ++line) {
            if (keep(line))
                rows.push_back(line);
        }
    }
    m_text->setRowMap(RowMap(std::move(rows)));
}

QRegularExpression LogView::currentPattern(QString *error) const
{
    const QString text = m_searchEdit->text();
    if (text.isEmpty())
        return {};
    QRegularExpression re(m_regexButton->isChecked() ? text : QRegularExpression::escape(text),
                          m_caseButton->isChecked() ? QRegularExpression::NoPatternOption
                                                    : QRegularExpression::CaseInsensitiveOption);
    if (!re.isValid() && error)
        *error = re.errorString();
    return re;
}

void LogView::scheduleSearch()
{
    m_searchDelay->start();
}

void LogView::restartSearch()
{
    m_searchDelay->stop();
    QString error;
    const QRegularExpression re = currentPattern(&error);
    if (!error.isEmpty()) {
        m_search->cancel();
        m_text->setHighlight({});
        m_searchEdit->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #dc2626; }"));
        m_searchEdit->setToolTip(tr("Invalid regular expression: %1").arg(error));
        m_hitLabel->setText(tr("Invalid pattern"));
        return;
    }
    m_searchEdit->setStyleSheet({});
    m_searchEdit->setToolTip(tr("Search the visible lines. Enter: next hit, Shift+Enter: previous hit."));
    m_text->setHighlight(re);
    if (!m_file || re.pattern().isEmpty()) {
        m_search->cancel();
        m_text->viewport()->update();
        updateHitLabel();
        return;
    }
    m_searchedWhileIndexing = m_file->isIndexing();
    m_search->start(m_file, m_text->rowMap(), m_text->rowCount(), re); // cancels the previous one
    m_jumpOnFirstHit = true;
    m_searchProgress->setValue(0);
    m_searchProgress->show();
    m_cancelSearchButton->show();
    updateHitLabel();
}

bool LogView::isSearching() const
{
    return m_search->isRunning() || m_searchDelay->isActive();
}

qint64 LogView::hitCount() const
{
    return m_search->hitCount();
}

qint64 LogView::currentHitIndex() const
{
    return m_search->indexOf(m_text->currentLine());
}

void LogView::setSearch(const QString &text, bool regex, bool caseSensitive)
{
    const QSignalBlocker blockRegex(m_regexButton);
    const QSignalBlocker blockCase(m_caseButton);
    m_regexButton->setChecked(regex);
    m_caseButton->setChecked(caseSensitive);
    m_searchEdit->setText(text);
    restartSearch();
}

void LogView::updateHitLabel()
{
    if (m_searchEdit->text().isEmpty() || !m_file) {
        m_hitLabel->clear();
        m_prevButton->setEnabled(false);
        m_nextButton->setEnabled(false);
        return;
    }
    const qint64 hits = m_search->hitCount();
    const qint64 index = currentHitIndex();
    const QString count = QLocale().toString(hits);
    QString text;
    if (hits == 0)
        text = m_search->isRunning() ? tr("Searching…") : tr("No hits");
    else if (index >= 0)
        text = tr("%1 of %2").arg(QLocale().toString(index + 1), count);
    else
        text = hits == 1 ? tr("1 hit") : tr("%1 hits").arg(count);
    if (m_search->isRunning() && hits > 0)
        text += QStringLiteral("…");
    m_hitLabel->setText(text);
    m_prevButton->setEnabled(hits > 0);
    m_nextButton->setEnabled(hits > 0);
}

void LogView::focusSearch()
{
    m_searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_searchEdit->selectAll();
}

bool LogView::jumpToHit(bool forward)
{
    if (m_searchDelay->isActive())
        restartSearch();
    const std::vector<qint64> &hits = m_search->hits();
    if (hits.empty()) {
        QApplication::beep();
        return false;
    }
    const qint64 current = m_text->currentLine();
    qint64 target;
    if (forward) {
        const auto it = std::upper_bound(hits.begin(), hits.end(), current);
        target = it == hits.end() ? hits.front() : *it; // wrap around, as editors do
        if (it == hits.end())
            Q_EMIT message(tr("Search wrapped to the top"));
    } else {
        const auto it = std::lower_bound(hits.begin(), hits.end(), current);
        target = it == hits.begin() ? hits.back() : *(it - 1);
        if (it == hits.begin())
            Q_EMIT message(tr("Search wrapped to the bottom"));
    }
    m_text->setCurrentLine(target);
    updateHitLabel();
    return true;
}

bool LogView::findNext()
{
    return jumpToHit(true);
}

bool LogView::findPrevious()
{
    return jumpToHit(false);
}

bool LogView::jumpToError(bool forward)
{
    if (!m_file)
        return false;
    // Own level, not the entry's: one stop per error entry, not one per stack frame.
    const RowMap &rows = m_text->rowMap();
    const qint64 count = m_text->rowCount();
    const qint64 start = m_text->currentRow();
    for (qint64 row = forward ? start + 1 : (start < 0 ? count - 1 : start - 1); row >= 0 && row < count;
         row += forward ? 1 : -1) {
        if (m_file->level(rows.lineAt(row)) >= LogLevel::Error) {
            m_text->setCurrentLine(rows.lineAt(row));
            return true;
        }
    }
    Q_EMIT message(forward ? tr("No error below this line") : tr("No error above this line"));
    QApplication::beep();
    return false;
}

bool LogView::nextError()
{
    return jumpToError(true);
}

bool LogView::previousError()
{
    return jumpToError(false);
}

qint64 LogView::currentLine() const
{
    return m_text->currentLine();
}

bool LogView::goToLine(qint64 line)
{
    if (!m_file || line < 0 || line >= m_file->lineCount())
        return false;
    const qint64 landed = m_text->setCurrentLine(line);
    if (landed != line && landed >= 0)
        Q_EMIT message(tr("Line %1 is hidden by the filter; showing line %2").arg(line + 1).arg(landed + 1));
    m_text->setFocus();
    return landed >= 0;
}

void LogView::askGoToLine()
{
    if (!m_file || m_file->lineCount() == 0)
        return;
    bool ok = false;
    const qint64 lines = m_file->lineCount();
    // QInputDialog takes an int: logs past 2^31 lines go to the last int line, which is rare enough.
    const int maxLine = int(std::min<qint64>(lines, INT_MAX));
    const int line = QInputDialog::getInt(this, tr("Go to Line"), tr("Line number (1–%1):").arg(QLocale().toString(lines)),
                                          int(std::max<qint64>(0, m_text->currentLine())) + 1, 1, maxLine, 1, &ok);
    if (ok)
        goToLine(line - 1);
}

} // namespace lab
