#pragma once
// The comparison page: the incident's log (with the log view's search and filters; the lines the
// explanations rely on are marked and the identifiers they name highlighted) beside explanation A
// (left) and explanation B (right), each with its identifiers flagged against the log. Votes are
// single keys — 1 A better, 2 B better, 3 tie, 4 both bad, Space skip, Ctrl+Z undo — or the
// buttons; tags and an optional rationale go with the vote. Whether a pair is gold is never shown.
//
// The page shows; a LabelSession decides what is on screen and writes the votes, and a
// VoteHistoryModel lists them for the History dock (the main window places its view).
#include "core/store/records.h"
#include "ui/label_session.h"

#include <QPointer>
#include <QTableView>
#include <QWidget>
#include <memory>
#include <vector>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace lab {

class LogView;
class Store;
class VoteHistoryModel;
class ExplanationView;

class LabelView : public QWidget
{
    Q_OBJECT
public:
    // The tag ids stored in VoteRecord::tags, in the order the page shows them.
    static const QStringList &tagIds();

    explicit LabelView(QWidget *parent = nullptr);
    ~LabelView() override;

    // Starts labeling as `annotator` (the first pair loads in the background); a running session
    // ends first. stop() ends it and shows the "not started" page.
    void start(std::shared_ptr<Store> store, const AnnotatorRecord &annotator, const QueueOptions &options = {});
    void stop();
    bool isStarted() const { return m_session != nullptr; }

    LabelSession *session() const { return m_session; }
    VoteHistoryModel *historyModel() const { return m_historyModel; }
    // The list of this annotator's votes; activating a row reopens its pair. Meant for a dock.
    QTableView *historyView() const { return m_historyView.data(); }
    LogView *logView() const { return m_logView; }

    // Recorded on every vote from now on (the guidelines panel's current version).
    void setGuidelineVersion(int version);

    // For tests and the main window.
    QPushButton *voteButton(ScreenChoice choice) const;
    QPushButton *undoButton() const { return m_undoButton; }
    QCheckBox *tagBox(const QString &tagId) const;
    QLineEdit *rationaleEdit() const { return m_rationale; }
    QLabel *countsLabel() const { return m_countsLabel; }
    QLabel *pairLabel() const { return m_pairLabel; }
    QStringList checkedTags() const;
    QString leftText() const;  // the explanation shown on the left, as plain text
    QString rightText() const;
    QString leftFlags() const; // the evidence line above each explanation
    QString rightFlags() const;
    bool isShowingPair() const;
    bool isShowingEmpty() const; // "nothing left to label"
    QAction *undoAction() const { return m_undoAction; }

Q_SIGNALS:
    // A pair is on screen (explanations, status and tags filled; its log is indexing).
    void pairShown(qint64 pairId);
    void queueEmpty();
    // A vote is committed (pair on screen when it was cast).
    void voted(qint64 pairId);
    // The counts of this annotator changed, e.g. for the progress panel.
    void countsChanged(qint64 done, qint64 left);
    void message(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The banner, vote-button and message colours for the light or the dark theme.
    void applyTints();
    void buildPairPage(QWidget *page);
    void buildMessagePage(QWidget *page);
    void createActions();
    void castVote(ScreenChoice choice);
    void showPair(const LoadedPair &pair);
    void prerender(const LoadedPair &pair);
    ExplanationView *leftView() const;
    ExplanationView *rightView() const;
    void showLoading();
    void showEmpty();
    void showMessage(const QString &title, const QString &detail, bool retry);
    void updateCounts(qint64 done, qint64 left);
    void updateActions();
    void markEvidenceInLog();
    void jumpToLine(int line);

    LabelSession *m_session = nullptr;
    VoteHistoryModel *m_historyModel = nullptr;
    QPointer<QTableView> m_historyView; // reparented into a dock by the main window
    int m_guidelineVersion = 0;
    qint64 m_shownPair = 0;
    std::vector<qint64> m_supportLines; // sorted: lines either explanation relies on (marked in the log)
    QString m_highlightPattern;         // the identifiers both explanations found in the log
    int m_pendingJump = -1;             // line to scroll to once the log is indexed

    QStackedWidget *m_pages = nullptr;
    QWidget *m_pairPage = nullptr;
    QWidget *m_messagePage = nullptr;
    QLabel *m_messageTitle = nullptr;
    QLabel *m_messageDetail = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_emptyUndoButton = nullptr;

    QLabel *m_pairLabel = nullptr;
    QLabel *m_countsLabel = nullptr;
    QWidget *m_editBanner = nullptr;
    QLabel *m_editLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_splitterPlaced = false; // the user has dragged the handles: keep their sizes
    LogView *m_logView = nullptr;
    QToolButton *m_evidenceOnly = nullptr;
    // Two explanation views per side (see prerender): the current one and the next pair's.
    QStackedWidget *m_leftStack = nullptr;
    QStackedWidget *m_rightStack = nullptr;
    qint64 m_backPair = 0;               // the pair rendered in the hidden views (0: none)
    Candidate m_backLeft = Candidate::A; // and which candidate it put on the left
    QList<QCheckBox *> m_tagBoxes;
    QLineEdit *m_rationale = nullptr;
    QPushButton *m_voteButtons[5] = {};
    QPushButton *m_undoButton = nullptr;
    QAction *m_voteActions[5] = {};
    QAction *m_undoAction = nullptr;
};

} // namespace lab
