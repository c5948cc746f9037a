#pragma once
// One annotator labeling one project: the pair on screen, the vote, undo and editing an earlier
// vote. It lives on the GUI thread and writes each vote synchronously (a WAL commit takes about a
// millisecond), so a vote is on disk before the next pair shows and a crash right after loses
// nothing; everything that reads (the queue, logs, evidence) runs ahead in a PairLoader.
//
// Screen and store speak differently: the screen has a left and a right explanation, the store
// has candidates A and B. The session converts, and stores which candidate was on the left.
#include "ui/pair_loader.h"

#include <QObject>
#include <QStringList>
#include <QVector>
#include <memory>
#include <optional>

namespace lab {

class Store;

// What the annotator pressed, in screen terms.
enum class ScreenChoice { Left, Right, Tie, BothBad, Skip };

// Candidate terms of a screen choice given the candidate shown left, and back.
VoteChoice toVoteChoice(ScreenChoice choice, Candidate shownLeft);
ScreenChoice toScreenChoice(VoteChoice choice, Candidate shownLeft);

class LabelSession : public QObject
{
    Q_OBJECT
public:
    LabelSession(std::shared_ptr<Store> store, const AnnotatorRecord &annotator,
                 const QueueOptions &options = {}, QObject *parent = nullptr);
    ~LabelSession() override;

    // Loads the first pair (pairShown or queueEmpty follows).
    void start();

    const AnnotatorRecord &annotator() const { return m_annotator; }
    std::shared_ptr<Store> store() const { return m_store; }

    // The pair on screen, if any.
    const std::optional<LoadedPair> &current() const { return m_current; }
    // True when the pair on screen is one the annotator has voted on already (from the history
    // or brought back by undo of an edit): a vote replaces the earlier one.
    bool isEditing() const { return m_current && m_current->vote.has_value(); }
    bool isLoading() const { return m_waiting; }
    // The pair after the one on screen is loaded (or known not to exist): a vote now shows the
    // next pair without waiting for anything but its own commit.
    bool isNextReady() const { return m_next.has_value() || m_nextIsEnd || !m_resume.isEmpty(); }
    bool isQueueEmpty() const { return !m_current && !m_waiting; }
    bool canUndo() const { return !m_undo.isEmpty(); }
    qint64 doneCount() const { return m_done; }
    qint64 leftCount() const { return m_left; }

    // The guideline version recorded on every vote from now on (0: none).
    void setGuidelineVersion(int version) { m_guidelineVersion = version; }
    int guidelineVersion() const { return m_guidelineVersion; }

    // Records the vote on the pair on screen (committed before this returns), then shows the
    // next pair at once. Returns false, with error() emitted, when nothing could be stored.
    bool vote(ScreenChoice choice, const QStringList &tags = {}, const QString &rationale = {});
    // Takes the last vote of this session back (a first vote is deleted, a replaced one gets its
    // earlier value back) and shows its pair again.
    bool undo();
    // Brings a voted pair back on screen with its vote preselected; the next vote replaces it.
    void editPair(qint64 pairId);
    // Leaves a pair reopened for editing without voting and goes back to the queue.
    void backToQueue();
    // Asks the queue again: after a load error, or when the queue was empty and pairs may have
    // been added since (by the CLI, say).
    void retry();

Q_SIGNALS:
    // A pair is on screen. `pair.vote` is the vote a new one would replace (none for a new pair).
    void pairShown(const lab::LoadedPair &pair);
    // The pair after the one on screen is loaded (the view may prepare it off screen); it is
    // the next pairShown unless an undo or edit comes first.
    void nextLoaded(const lab::LoadedPair &pair);
    // Waiting for the loader (only when the annotator out-votes the prefetch).
    void loading();
    // Nothing left for this annotator.
    void queueEmpty();
    void countsChanged(qint64 done, qint64 left);
    void undoAvailable(bool available);
    // The annotator's vote was written (new or replaced), or removed by undo. For the history.
    void voteStored(const lab::VoteRecord &vote, const QString &kind);
    void voteRemoved(qint64 voteId, qint64 pairId);
    void error(const QString &message);

private:
    struct UndoEntry
    {
        LoadedPair shown;                 // the pair as it was on screen before the vote
        VoteRecord recorded;              // what the vote wrote (with its id)
        std::optional<VoteRecord> before; // the vote it replaced; none: it was the first
    };

    void onLoaded(const PairLoad &load);
    void show(LoadedPair pair);
    void showEmpty();
    void advance();
    void requestPrefetch();
    QSet<qint64> pairsHeld() const;
    void setCounts(qint64 done, qint64 left);
    void setGuiCheckpoints(bool on);

    std::shared_ptr<Store> m_store;
    AnnotatorRecord m_annotator;
    PairLoader *m_loader = nullptr;
    int m_guidelineVersion = 0;

    std::optional<LoadedPair> m_current;
    // Pairs displaced by undo or by editing an earlier vote; they come back first, last in first.
    QVector<LoadedPair> m_resume;
    std::optional<LoadedPair> m_next; // the prefetched pair after the one on screen
    bool m_nextIsEnd = false;         // the prefetch found nothing left
    quint64 m_nextTicket = 0;         // the prefetch in flight (0: none)
    quint64 m_editTicket = 0;         // the pair requested by editPair (0: none)
    bool m_waiting = false;           // the screen waits for m_nextTicket
    QVector<UndoEntry> m_undo;
    quint64 m_lastWriteTicket = 0;    // loader answers up to this ticket predate the last write
    qint64 m_done = -1;
    qint64 m_left = -1;
};

} // namespace lab
