#include "ui/label_view.h"

#include "core/store/store.h"
#include "ui/explanation_view.h"
#include "ui/log_text_view.h"
#include "ui/log_view.h"
#include "ui/theme.h"
#include "ui/vote_history_model.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QRawFont>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

namespace lab {

namespace {

constexpr int kChoiceCount = 5;
const ScreenChoice kChoices[kChoiceCount] = {ScreenChoice::Left, ScreenChoice::Right, ScreenChoice::Tie,
                                             ScreenChoice::BothBad, ScreenChoice::Skip};

int choiceIndex(ScreenChoice choice)
{
    return int(std::find(std::begin(kChoices), std::end(kChoices), choice) - std::begin(kChoices));
}

// Whether some installed font draws 👍; without one (a bare X server) the buttons get a drawn
// thumb instead of a missing-glyph box.
bool emojiAvailable()
{
    static const bool available = [] {
        const QStringList families = QFontDatabase::families();
        for (const QString &family : families) {
            if (QRawFont::fromFont(QFont(family)).supportsCharacter(char32_t(0x1F44D)))
                return true;
        }
        return false;
    }();
    return available;
}

// A thumb in a 24x24 design square, pointing up (or down), filled with `color`.
QIcon thumbIcon(bool up, const QColor &color)
{
    QPixmap pixmap(48, 48);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(2, 2);
    if (!up) {
        p.translate(0, 24);
        p.scale(1, -1);
    }
    QPainterPath cuff;
    cuff.addRoundedRect(QRectF(1, 9.5, 4, 11.5), 0.8, 0.8);
    QPainterPath hand;
    hand.moveTo(7, 9);
    hand.lineTo(13.6, 1.6);
    hand.quadTo(15.4, 1.4, 15.4, 3.2);
    hand.lineTo(14.4, 8);
    hand.lineTo(21, 8);
    hand.quadTo(23, 8, 23, 10);
    hand.lineTo(23, 11.8);
    hand.lineTo(19.9, 19.8);
    hand.quadTo(19.4, 21, 18, 21);
    hand.lineTo(9, 21);
    hand.quadTo(7, 21, 7, 19);
    hand.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPath(cuff);
    p.drawPath(hand);
    return QIcon(pixmap);
}

} // namespace

const QStringList &LabelView::tagIds()
{
    static const QStringList ids = {QStringLiteral("root_cause_right"), QStringLiteral("blames_symptom"),
                                    QStringLiteral("blames_noise"),     QStringLiteral("hallucination"),
                                    QStringLiteral("unsafe_action"),    QStringLiteral("too_verbose"),
                                    QStringLiteral("generic")};
    return ids;
}

LabelView::LabelView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("labelView"));
    setFocusPolicy(Qt::StrongFocus);
    m_historyModel = new VoteHistoryModel(this);
    m_historyView = new QTableView(this);
    m_historyView->setObjectName(QStringLiteral("voteHistory"));
    m_historyView->setModel(m_historyModel);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->verticalHeader()->hide();
    m_historyView->verticalHeader()->setDefaultSectionSize(m_historyView->fontMetrics().height() + 6);
    m_historyView->horizontalHeader()->setStretchLastSection(false);
    m_historyView->horizontalHeader()->setSectionResizeMode(VoteHistoryModel::TagsColumn, QHeaderView::Stretch);
    m_historyView->setToolTip(tr("Your votes, newest first. Double-click or press Enter on one to see the pair again and change it."));
    m_historyView->hide(); // the main window docks it
    connect(m_historyView, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (m_session)
            m_session->editPair(m_historyModel->pairIdAt(index.row()));
    });

    m_pages = new QStackedWidget(this);
    m_pairPage = new QWidget(m_pages);
    m_messagePage = new QWidget(m_pages);
    buildPairPage(m_pairPage);
    buildMessagePage(m_messagePage);
    applyTints();
    m_pages->addWidget(m_messagePage);
    m_pages->addWidget(m_pairPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    createActions();
    showMessage(tr("Labeling has not started"), tr("Open a project and choose Label ▸ Start Labeling (Ctrl+L)."), false);
}

// The history view usually lives in a dock by then (and may be gone first: QPointer); a view
// whose model is destroyed lets go of it by itself.
LabelView::~LabelView() = default;

void LabelView::buildPairPage(QWidget *page)
{
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setSpacing(6);

    auto *status = new QHBoxLayout;
    m_pairLabel = new QLabel(page);
    m_pairLabel->setObjectName(QStringLiteral("labelPairStatus"));
    m_pairLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countsLabel = new QLabel(page);
    m_countsLabel->setObjectName(QStringLiteral("labelCounts"));
    QFont bold = m_countsLabel->font();
    bold.setBold(true);
    m_countsLabel->setFont(bold);
    status->addWidget(m_pairLabel, 1);
    status->addWidget(m_countsLabel);
    layout->addLayout(status);

    m_editBanner = new QWidget(page);
    m_editBanner->setObjectName(QStringLiteral("labelEditBanner"));
    m_editBanner->setAutoFillBackground(true);
    auto *bannerRow = new QHBoxLayout(m_editBanner);
    bannerRow->setContentsMargins(8, 4, 8, 4);
    m_editLabel = new QLabel(m_editBanner);
    m_editLabel->setWordWrap(true);
    auto *back = new QPushButton(tr("Back to the queue (Esc)"), m_editBanner);
    back->setFocusPolicy(Qt::NoFocus);
    connect(back, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->backToQueue();
    });
    bannerRow->addWidget(m_editLabel, 1);
    bannerRow->addWidget(back);
    m_editBanner->hide();
    layout->addWidget(m_editBanner);

    m_errorLabel = new QLabel(page);
    m_errorLabel->setObjectName(QStringLiteral("labelError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    // Log | A | B, the log widest: it is the evidence both explanations are judged against.
    m_splitter = new QSplitter(Qt::Horizontal, page);
    m_splitter->setObjectName(QStringLiteral("labelSplitter"));
    m_splitter->setChildrenCollapsible(false);
    auto *logBox = new QWidget(m_splitter);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->setSpacing(2);
    m_logView = new LogView(logBox);
    m_logView->setObjectName(QStringLiteral("labelLogView"));
    auto *logTools = new QHBoxLayout;
    auto *logTitle = new QLabel(tr("Log"), logBox);
    QFont titleFont = logTitle->font();
    titleFont.setBold(true);
    logTitle->setFont(titleFont);
    m_evidenceOnly = new QToolButton(logBox);
    m_evidenceOnly->setObjectName(QStringLiteral("labelEvidenceOnly"));
    m_evidenceOnly->setText(tr("Only cited lines"));
    m_evidenceOnly->setCheckable(true);
    m_evidenceOnly->setFocusPolicy(Qt::NoFocus);
    m_evidenceOnly->setToolTip(tr("Show only the log lines the two explanations rely on (marked in the margin)"));
    connect(m_evidenceOnly, &QToolButton::toggled, this, [this](bool on) {
        if (on && !m_supportLines.empty())
            m_logView->setLineFilter(tr("Cited by the explanations"), m_supportLines);
        else
            m_logView->clearLineFilter();
    });
    connect(m_logView, &LogView::lineFilterCleared, this, [this] {
        const QSignalBlocker block(m_evidenceOnly);
        m_evidenceOnly->setChecked(false);
    });
    logTools->addWidget(logTitle);
    logTools->addStretch(1);
    logTools->addWidget(m_evidenceOnly);
    logLayout->addLayout(logTools);
    logLayout->addWidget(m_logView, 1);
    connect(m_logView, &LogView::indexingFinished, this, [this] {
        markEvidenceInLog();
        if (m_pendingJump >= 0) {
            // Not goToLine(): that takes the keyboard, and the annotator may be typing a rationale.
            m_logView->textView()->setCurrentLine(m_pendingJump);
            m_pendingJump = -1;
        }
    });

    // Identifiers found in the log link to their line; the others are flagged before the vote.
    // A big letter over each: the keys and buttons speak of A and B. Each side holds two views
    // in a stack: the prefetched pair is rendered into the hidden one while the annotator reads,
    // so a vote only flips the stacks (rendering marked text costs milliseconds).
    auto makePane = [this](const QString &letter, const QString &name, QStackedWidget *&stack) {
        auto *box = new QWidget(m_splitter);
        auto *column = new QVBoxLayout(box);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        auto *title = new QLabel(letter, box);
        QFont big = title->font();
        big.setPointSizeF(big.pointSizeF() * 1.5);
        big.setBold(true);
        title->setFont(big);
        stack = new QStackedWidget(box);
        for (int i = 0; i < 2; ++i) {
            auto *view = new ExplanationView(stack);
            view->setObjectName(name);
            view->textBrowser()->setFocusPolicy(Qt::ClickFocus);
            connect(view, &ExplanationView::lineActivated, this, &LabelView::jumpToLine);
            stack->addWidget(view);
        }
        column->addWidget(title);
        column->addWidget(stack, 1);
        // A paragraph must stay readable whatever the docks around the page take.
        box->setMinimumWidth(box->fontMetrics().averageCharWidth() * 26);
        return box;
    };
    QWidget *leftBox = makePane(tr("A"), QStringLiteral("labelLeft"), m_leftStack);
    QWidget *rightBox = makePane(tr("B"), QStringLiteral("labelRight"), m_rightStack);
    // The log view's own minimum (its toolbar) would otherwise squeeze A and B to a word a line.
    logBox->setMinimumWidth(logBox->fontMetrics().averageCharWidth() * 30);
    m_splitter->addWidget(logBox);
    m_splitter->addWidget(leftBox);
    m_splitter->addWidget(rightBox);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 3);
    // Size hints would give the log nearly everything; the explanations are what is judged.
    m_splitter->setSizes({400, 300, 300});
    m_splitter->installEventFilter(this);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_splitterPlaced = true; });
    layout->addWidget(m_splitter, 1);

    // Tags: Alt+underlined letter toggles one without leaving the keyboard.
    auto *tags = new QHBoxLayout;
    tags->setSpacing(12);
    auto *tagsTitle = new QLabel(tr("Tags:"), page);
    tags->addWidget(tagsTitle);
    const QStringList labels = {tr("&Root cause right"), tr("Blames a s&ymptom"), tr("Blames &noise"),
                                tr("&Hallucination"),    tr("Unsafe &action"),    tr("Too &verbose"),
                                tr("&Generic")};
    for (int i = 0; i < tagIds().size(); ++i) {
        auto *box = new QCheckBox(labels[i], page);
        box->setObjectName(QStringLiteral("tag_") + tagIds()[i]);
        box->setProperty("tagId", tagIds()[i]);
        box->setFocusPolicy(Qt::NoFocus); // Space means skip, never "toggle the focused box"
        m_tagBoxes << box;
        tags->addWidget(box);
    }
    tags->addStretch(1);
    layout->addLayout(tags);

    m_rationale = new QLineEdit(page);
    m_rationale->setObjectName(QStringLiteral("labelRationale"));
    m_rationale->setPlaceholderText(tr("Why? (optional: saved with the vote. Enter or Esc returns to the vote keys)"));
    m_rationale->setClearButtonEnabled(true);
    m_rationale->installEventFilter(this);
    connect(m_rationale, &QLineEdit::returnPressed, this, [this] { setFocus(Qt::OtherFocusReason); });
    layout->addWidget(m_rationale);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    const bool emoji = emojiAvailable();
    const QString up = emoji ? QStringLiteral("👍 ") : QString();
    const QString down = emoji ? QStringLiteral("👎 ") : QString();
    const QString texts[kChoiceCount] = {up + tr("A better  (1)"), up + tr("B better  (2)"), tr("Tie  (3)"),
                                         down + tr("Both bad  (4)"), tr("Skip  (Space)")};
    const char *names[kChoiceCount] = {"voteLeft", "voteRight", "voteTie", "voteBothBad", "voteSkip"};
    for (int i = 0; i < kChoiceCount; ++i) {
        auto *b = new QPushButton(texts[i], page);
        b->setObjectName(QLatin1String(names[i]));
        b->setFocusPolicy(Qt::NoFocus);
        b->setCheckable(true); // checked: the vote a reopened pair already has
        b->setMinimumHeight(b->sizeHint().height() + 10);
        QFont f = b->font();
        f.setPointSizeF(f.pointSizeF() * 1.1);
        b->setFont(f);
        if (!emoji && i < 2)
            b->setIcon(thumbIcon(true, QColor(0x15, 0x80, 0x3d)));
        if (!emoji && i == 3)
            b->setIcon(thumbIcon(false, QColor(0xb9, 0x1c, 0x1c)));
        m_voteButtons[i] = b;
        const ScreenChoice choice = kChoices[i];
        connect(b, &QPushButton::clicked, this, [this, choice] { castVote(choice); });
        buttons->addWidget(b, i < 4 ? 2 : 1);
    }
    m_undoButton = new QPushButton(tr("Undo  (Ctrl+Z)"), page);
    m_undoButton->setObjectName(QStringLiteral("voteUndo"));
    m_undoButton->setFocusPolicy(Qt::NoFocus);
    m_undoButton->setMinimumHeight(m_voteButtons[0]->minimumHeight());
    connect(m_undoButton, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->undo();
    });
    buttons->addSpacing(16);
    buttons->addWidget(m_undoButton, 1);
    layout->addLayout(buttons);
}

void LabelView::buildMessagePage(QWidget *page)
{
    auto *outer = new QVBoxLayout(page);
    auto *column = new QVBoxLayout;
    column->setSpacing(10);
    m_messageTitle = new QLabel(page);
    m_messageTitle->setObjectName(QStringLiteral("labelMessageTitle"));
    QFont big = m_messageTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_messageTitle->setFont(big);
    m_messageTitle->setAlignment(Qt::AlignCenter);
    m_messageDetail = new QLabel(page);
    m_messageDetail->setObjectName(QStringLiteral("labelMessageDetail"));
    m_messageDetail->setWordWrap(true);
    m_messageDetail->setAlignment(Qt::AlignCenter);
    auto *row = new QHBoxLayout;
    m_retryButton = new QPushButton(tr("Check again"), page);
    m_retryButton->setObjectName(QStringLiteral("labelRetry"));
    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->retry();
    });
    m_emptyUndoButton = new QPushButton(tr("Undo the last vote  (Ctrl+Z)"), page);
    m_emptyUndoButton->setObjectName(QStringLiteral("labelEmptyUndo"));
    connect(m_emptyUndoButton, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->undo();
    });
    row->addStretch(1);
    row->addWidget(m_retryButton);
    row->addWidget(m_emptyUndoButton);
    row->addStretch(1);
    column->addWidget(m_messageTitle);
    column->addWidget(m_messageDetail);
    column->addLayout(row);
    outer->addStretch(1);
    outer->addLayout(column);
    outer->addStretch(2);
}

void LabelView::createActions()
{
    const QKeySequence keys[kChoiceCount] = {QKeySequence(Qt::Key_1), QKeySequence(Qt::Key_2), QKeySequence(Qt::Key_3),
                                             QKeySequence(Qt::Key_4), QKeySequence(Qt::Key_Space)};
    const QString texts[kChoiceCount] = {tr("A Better"), tr("B Better"), tr("Tie"), tr("Both Bad"), tr("Skip")};
    for (int i = 0; i < kChoiceCount; ++i) {
        auto *a = new QAction(texts[i], this);
        a->setShortcut(keys[i]);
        // Only while the page (or something in it) has focus; a line edit keeps its digits and
        // spaces because it claims printable keys before shortcuts see them.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        const ScreenChoice choice = kChoices[i];
        connect(a, &QAction::triggered, this, [this, choice] { castVote(choice); });
        addAction(a);
        m_voteActions[i] = a;
        m_voteButtons[i]->setToolTip(tr("%1 — key %2").arg(texts[i], keys[i].toString(QKeySequence::NativeText)));
    }
    m_undoAction = new QAction(tr("Undo Vote"), this);
    m_undoAction->setObjectName(QStringLiteral("labelUndoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_undoAction, &QAction::triggered, this, [this] {
        if (m_session)
            m_session->undo();
    });
    addAction(m_undoAction);
    m_undoButton->setToolTip(tr("Take the last vote back and see its pair again — Ctrl+Z"));
    updateActions();
}

void LabelView::start(std::shared_ptr<Store> store, const AnnotatorRecord &annotator, const QueueOptions &options)
{
    stop();
    if (!store)
        return;
    m_session = new LabelSession(store, annotator, options, this);
    m_session->setGuidelineVersion(m_guidelineVersion);
    connect(m_session, &LabelSession::pairShown, this, &LabelView::showPair);
    connect(m_session, &LabelSession::nextLoaded, this, &LabelView::prerender);
    connect(m_session, &LabelSession::loading, this, &LabelView::showLoading);
    connect(m_session, &LabelSession::queueEmpty, this, &LabelView::showEmpty);
    connect(m_session, &LabelSession::countsChanged, this, &LabelView::updateCounts);
    connect(m_session, &LabelSession::undoAvailable, this, &LabelView::updateActions);
    connect(m_session, &LabelSession::voteStored, m_historyModel, &VoteHistoryModel::applyVote);
    connect(m_session, &LabelSession::voteRemoved, m_historyModel,
            [this](qint64 voteId, qint64) { m_historyModel->removeVote(voteId); });
    connect(m_session, &LabelSession::error, this, [this](const QString &text) {
        m_errorLabel->setText(text);
        m_errorLabel->show();
        if (m_pages->currentWidget() == m_messagePage && m_session && m_session->isQueueEmpty())
            showMessage(tr("Cannot load the next pair"), text, true);
        Q_EMIT message(text);
    });
    m_historyModel->setSource(store, annotator.id);
    m_session->start();
}

void LabelView::stop()
{
    if (!m_session)
        return;
    delete m_session; // its loader thread stops and waits
    m_session = nullptr;
    m_shownPair = 0;
    m_historyModel->setSource(nullptr, 0);
    m_logView->closeLog();
    showMessage(tr("Labeling has not started"), tr("Open a project and choose Label ▸ Start Labeling (Ctrl+L)."), false);
}

void LabelView::setGuidelineVersion(int version)
{
    m_guidelineVersion = version;
    if (m_session)
        m_session->setGuidelineVersion(version);
}

QPushButton *LabelView::voteButton(ScreenChoice choice) const
{
    return m_voteButtons[choiceIndex(choice)];
}

QCheckBox *LabelView::tagBox(const QString &tagId) const
{
    for (QCheckBox *box : m_tagBoxes) {
        if (box->property("tagId").toString() == tagId)
            return box;
    }
    return nullptr;
}

QStringList LabelView::checkedTags() const
{
    QStringList tags;
    for (QCheckBox *box : m_tagBoxes) {
        if (box->isChecked())
            tags << box->property("tagId").toString();
    }
    return tags;
}

ExplanationView *LabelView::leftView() const
{
    return static_cast<ExplanationView *>(m_leftStack->currentWidget());
}

ExplanationView *LabelView::rightView() const
{
    return static_cast<ExplanationView *>(m_rightStack->currentWidget());
}

QString LabelView::leftText() const
{
    return leftView()->text();
}

QString LabelView::rightText() const
{
    return rightView()->text();
}

QString LabelView::leftFlags() const
{
    return leftView()->summaryText();
}

QString LabelView::rightFlags() const
{
    return rightView()->summaryText();
}

void LabelView::prerender(const LoadedPair &pair)
{
    const int back = 1 - m_leftStack->currentIndex();
    static_cast<ExplanationView *>(m_leftStack->widget(back))->setExplanation(pair.left().text, pair.leftEvidence());
    static_cast<ExplanationView *>(m_rightStack->widget(back))->setExplanation(pair.right().text, pair.rightEvidence());
    m_backPair = pair.pair.id;
    m_backLeft = pair.shownLeft;
}

bool LabelView::isShowingPair() const
{
    return m_pages->currentWidget() == m_pairPage && m_shownPair > 0;
}

bool LabelView::isShowingEmpty() const
{
    return m_pages->currentWidget() == m_messagePage && m_session && m_session->isQueueEmpty();
}

void LabelView::castVote(ScreenChoice choice)
{
    if (!m_session || !m_session->current() || !isShowingPair())
        return;
    const qint64 pairId = m_session->current()->pair.id;
    if (m_session->vote(choice, checkedTags(), m_rationale->text())) {
        m_errorLabel->hide();
        Q_EMIT voted(pairId);
    }
}

void LabelView::showPair(const LoadedPair &pair)
{
    const bool samePair = pair.pair.id == m_shownPair && m_pages->currentWidget() == m_pairPage;
    m_shownPair = pair.pair.id;
    const QString kind = pair.incident.kind.isEmpty() ? tr("unknown kind") : pair.incident.kind;
    const QString title = pair.incident.title.isEmpty() ? QString() : QStringLiteral(" — ") + pair.incident.title;
    m_pairLabel->setText(tr("Pair %1 · incident %2 · %3%4").arg(pair.pair.id).arg(pair.incident.id).arg(kind, title));
    m_pairLabel->setToolTip(pair.logName);
    if (m_backPair == pair.pair.id && m_backLeft == pair.shownLeft) {
        const int back = 1 - m_leftStack->currentIndex();
        m_leftStack->setCurrentIndex(back);
        m_rightStack->setCurrentIndex(back);
        m_backPair = 0;
    } else {
        // Undo or an edit: drawn now; the prefetched pair stays ready behind.
        leftView()->setExplanation(pair.left().text, pair.leftEvidence());
        rightView()->setExplanation(pair.right().text, pair.rightEvidence());
    }

    // A reopened pair shows the vote it has; a new one starts blank.
    for (QCheckBox *box : m_tagBoxes)
        box->setChecked(pair.vote && pair.vote->tags.contains(box->property("tagId").toString()));
    m_rationale->setText(pair.vote ? pair.vote->rationale : QString());
    const int selected = pair.vote ? choiceIndex(toScreenChoice(pair.vote->choice, pair.shownLeft)) : -1;
    for (int i = 0; i < kChoiceCount; ++i)
        m_voteButtons[i]->setChecked(i == selected);
    if (pair.vote) {
        const QDateTime when = pair.vote->createdAt.toLocalTime();
        m_editLabel->setText(tr("You voted <b>%1</b> on this pair (%2). A new vote replaces it.")
                                 .arg(VoteHistoryModel::verdictText(pair.vote->choice, pair.shownLeft).toHtmlEscaped(),
                                      QLocale().toString(when, QLocale::ShortFormat)));
        m_editBanner->show();
    } else {
        m_editBanner->hide();
    }
    m_errorLabel->hide();

    if (!samePair) {
        // The log: both explanations' cited lines marked, their found identifiers highlighted,
        // scrolled to the first cited line once indexed.
        std::set<qint64> lines;
        QStringList words;
        for (const EvidenceReport *report : {&pair.evidenceA, &pair.evidenceB}) {
            for (int line : report->supportLines)
                lines.insert(line);
            for (const IdentifierMention &m : report->mentions) {
                if (m.inLog() && m.kind != IdentifierKind::LineNumber)
                    words << QRegularExpression::escape(m.text);
            }
        }
        words.removeDuplicates();
        // Longest first, so that "executor 17" wins over "executor 1" in the alternation.
        std::sort(words.begin(), words.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
        m_supportLines.assign(lines.begin(), lines.end());
        m_highlightPattern = words.join(QLatin1Char('|'));
        m_pendingJump = m_supportLines.empty() ? -1 : int(m_supportLines.front());
        {
            const QSignalBlocker block(m_evidenceOnly);
            m_evidenceOnly->setChecked(false);
        }
        m_evidenceOnly->setEnabled(!m_supportLines.empty());
        const QString name = pair.logName.isEmpty() ? tr("Incident %1").arg(pair.incident.id) : pair.logName;
        const Status opened = m_logView->openData(pair.logText.toUtf8(), name);
        if (!opened) {
            m_logView->closeLog();
            m_errorLabel->setText(opened.error());
            m_errorLabel->show();
        }
        markEvidenceInLog();
    }

    m_pages->setCurrentWidget(m_pairPage);
    updateActions();
    // The keys vote again at once; the rationale field keeps focus only while typing in it.
    if (!hasFocus())
        setFocus(Qt::OtherFocusReason);
    Q_EMIT pairShown(pair.pair.id);
}

void LabelView::markEvidenceInLog()
{
    if (!m_logView->logFile())
        return;
    m_logView->textView()->setMarkedLines(&m_supportLines);
    // The annotator's own search wins over the evidence highlight.
    if (m_logView->searchEdit()->text().isEmpty() && !m_highlightPattern.isEmpty())
        m_logView->textView()->setHighlight(
            QRegularExpression(m_highlightPattern, QRegularExpression::CaseInsensitiveOption));
}

void LabelView::jumpToLine(int line)
{
    if (line < 0)
        return;
    if (m_evidenceOnly->isChecked()
        && !std::binary_search(m_supportLines.begin(), m_supportLines.end(), qint64(line)))
        m_evidenceOnly->setChecked(false);
    m_logView->goToLine(line);
}

void LabelView::showLoading()
{
    m_shownPair = 0;
    showMessage(tr("Loading the next pair…"), QString(), false);
}

void LabelView::showEmpty()
{
    m_shownPair = 0;
    const qint64 done = m_session ? m_session->doneCount() : 0;
    showMessage(tr("Nothing left to label"),
                tr("You have judged every pair of this project (%1 done). New pairs come when incidents are "
                   "added or the model writes new candidates; “Check again” looks for them.")
                    .arg(QLocale().toString(std::max<qint64>(0, done))),
                true);
    Q_EMIT queueEmpty();
}

void LabelView::showMessage(const QString &title, const QString &detail, bool retry)
{
    m_messageTitle->setText(title);
    m_messageDetail->setText(detail);
    m_messageDetail->setVisible(!detail.isEmpty());
    m_retryButton->setVisible(retry && m_session);
    m_pages->setCurrentWidget(m_messagePage);
    updateActions();
}

void LabelView::updateCounts(qint64 done, qint64 left)
{
    m_countsLabel->setText(tr("%1 done · %2 left").arg(QLocale().toString(done), QLocale().toString(left)));
    Q_EMIT countsChanged(done, left);
}

void LabelView::updateActions()
{
    const bool pair = isShowingPair();
    for (QAction *a : m_voteActions)
        a->setEnabled(pair);
    const bool undo = m_session && m_session->canUndo();
    m_undoAction->setEnabled(undo);
    m_undoButton->setEnabled(undo);
    m_emptyUndoButton->setVisible(undo && m_pages->currentWidget() == m_messagePage);
}

void LabelView::applyTints()
{
    const bool dark = isDarkPalette();
    m_editBanner->setStyleSheet(dark ? QStringLiteral("#labelEditBanner { background: #4a3b12; border-radius: 4px; }")
                                     : QStringLiteral("#labelEditBanner { background: #fef3c7; border-radius: 4px; }"));
    m_errorLabel->setStyleSheet(dark ? QStringLiteral("color: #f87171;") : QStringLiteral("color: #b91c1c;"));
    const QString checked = dark ? QStringLiteral("QPushButton:checked { background: #1f4d2e; }")
                                 : QStringLiteral("QPushButton:checked { background: #dcfce7; }");
    m_voteButtons[choiceIndex(ScreenChoice::Left)]->setStyleSheet(checked);
    m_voteButtons[choiceIndex(ScreenChoice::Right)]->setStyleSheet(checked);
    m_messageDetail->setStyleSheet(dark ? QStringLiteral("color: #9aa1ab;") : QStringLiteral("color: #4b5563;"));
}

void LabelView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTints();
    QWidget::changeEvent(event);
}

void LabelView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_session && m_session->isEditing()) {
        m_session->backToQueue();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool LabelView::eventFilter(QObject *watched, QEvent *event)
{
    // Sizes given before the page is laid out are scaled by minimum hints, not by what reads
    // well, and the main window moves its docks as the page appears: until the user drags the
    // handles, every width the splitter gets is shared out log 44%, A and B 28% each.
    if (watched == m_splitter && event->type() == QEvent::Resize && !m_splitterPlaced) {
        const int w = m_splitter->width();
        m_splitter->setSizes({w * 44 / 100, w * 28 / 100, w * 28 / 100});
    }
    if (watched == m_rationale && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            setFocus(Qt::OtherFocusReason); // leave the field; the next key votes
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace lab

