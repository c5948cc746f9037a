#include "ui/label_session.h"

#include "core/store/store.h"

#include <algorithm>

namespace lab {

VoteChoice toVoteChoice(ScreenChoice choice, Candidate shownLeft)
{
    switch (choice) {
    case ScreenChoice::Left:
        return shownLeft == Candidate::A ? VoteChoice::ABetter : VoteChoice::BBetter;
    case ScreenChoice::Right:
        return shownLeft == Candidate::A ? VoteChoice::BBetter : VoteChoice::ABetter;
    case ScreenChoice::Tie:
        return VoteChoice::Tie;
    case ScreenChoice::BothBad:
        return VoteChoice::BothBad;
    case ScreenChoice::Skip:
        break;
    }
    return VoteChoice::Skip;
}

ScreenChoice toScreenChoice(VoteChoice choice, Candidate shownLeft)
{
    switch (choice) {
    case VoteChoice::ABetter:
        return shownLeft == Candidate::A ? ScreenChoice::Left : ScreenChoice::Right;
    case VoteChoice::BBetter:
        return shownLeft == Candidate::A ? ScreenChoice::Right : ScreenChoice::Left;
    case VoteChoice::Tie:
        return ScreenChoice::Tie;
    case VoteChoice::BothBad:
        return ScreenChoice::BothBad;
    case VoteChoice::Skip:
        break;
    }
    return ScreenChoice::Skip;
}

LabelSession::LabelSession(std::shared_ptr<Store> store, const AnnotatorRecord &annotator,
                           const QueueOptions &options, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_annotator(annotator)
{
    m_loader = new PairLoader(m_store, annotator.id, options, this);
    connect(m_loader, &PairLoader::loaded, this, &LabelSession::onLoaded);
    setGuiCheckpoints(false);
}

LabelSession::~LabelSession()
{
    delete m_loader; // stops its thread first: no checkpoint runs while this connection changes
    m_loader = nullptr;
    setGuiCheckpoints(true);
}

void LabelSession::setGuiCheckpoints(bool on)
{
    // Votes commit on this (GUI) thread, so while labeling its connection never checkpoints (see
    // Store::setAutoCheckpoint); the loader thread does after each prefetch (PairLoaderWorker).
    // Best effort: a failure only makes an occasional vote slower.
    m_store->setAutoCheckpoint(on);
}

void LabelSession::start()
{
    m_waiting = true;
    Q_EMIT loading();
    requestPrefetch();
}

void LabelSession::retry()
{
    if (m_current)
        return;
    m_waiting = true;
    Q_EMIT loading();
    requestPrefetch();
}

QSet<qint64> LabelSession::pairsHeld() const
{
    QSet<qint64> held;
    if (m_current)
        held.insert(m_current->pair.id);
    for (const LoadedPair &p : m_resume)
        held.insert(p.pair.id);
    return held;
}

void LabelSession::requestPrefetch()
{
    m_next.reset();
    m_nextIsEnd = false;
    m_nextTicket = m_loader->requestNext(pairsHeld());
}

void LabelSession::setCounts(qint64 done, qint64 left)
{
    done = std::max<qint64>(0, done);
    left = std::max<qint64>(0, left);
    if (done == m_done && left == m_left)
        return;
    m_done = done;
    m_left = left;
    Q_EMIT countsChanged(m_done, m_left);
}

void LabelSession::onLoaded(const PairLoad &load)
{
    const bool isEdit = load.ticket == m_editTicket;
    const bool isNext = load.ticket == m_nextTicket;
    if (!isEdit && !isNext)
        return; // superseded
    // Counts read before the last vote or undo would undo its +1/-1 on screen.
    if (load.done >= 0 && load.ticket > m_lastWriteTicket)
        setCounts(load.done, load.left);

    if (isEdit) {
        m_editTicket = 0;
        if (!load.error.isEmpty()) {
            Q_EMIT error(load.error);
            return;
        }
        if (!load.pair)
            return;
        if (m_current && m_current->pair.id != load.pair->pair.id)
            m_resume.append(*m_current);
        m_waiting = false; // the prefetch still lands in m_next
        show(*load.pair);
        return;
    }

    m_nextTicket = 0;
    if (!load.error.isEmpty()) {
        Q_EMIT error(load.error);
        if (m_waiting) {
            m_waiting = false;
            showEmpty();
        }
        return;
    }
    if (load.pair && pairsHeld().contains(load.pair->pair.id)) {
        // Asked for before this pair came back on screen (undo, edit): ask again.
        requestPrefetch();
        return;
    }
    if (m_waiting) {
        m_waiting = false;
        if (load.pair) {
            show(*load.pair);
            requestPrefetch();
        } else {
            showEmpty();
        }
        return;
    }
    m_next = load.pair;
    m_nextIsEnd = !load.pair;
    if (m_next)
        Q_EMIT nextLoaded(*m_next);
}

void LabelSession::show(LoadedPair pair)
{
    m_current = std::move(pair);
    Q_EMIT pairShown(*m_current);
}

void LabelSession::showEmpty()
{
    m_current.reset();
    Q_EMIT queueEmpty();
}

void LabelSession::advance()
{
    m_current.reset();
    if (!m_resume.isEmpty()) {
        show(m_resume.takeLast());
        return;
    }
    if (m_next) {
        LoadedPair next = std::move(*m_next);
        m_next.reset();
        show(std::move(next));
        requestPrefetch();
        return;
    }
    if (m_nextIsEnd) {
        showEmpty();
        return;
    }
    // The annotator was faster than the prefetch (or it failed): wait for it.
    m_waiting = true;
    Q_EMIT loading();
    if (m_nextTicket == 0)
        requestPrefetch();
}

bool LabelSession::vote(ScreenChoice choice, const QStringList &tags, const QString &rationale)
{
    if (!m_current)
        return false;
    VoteRecord v;
    v.pairId = m_current->pair.id;
    v.annotatorId = m_annotator.id;
    v.shownLeft = m_current->shownLeft;
    v.choice = toVoteChoice(choice, m_current->shownLeft);
    v.tags = tags;
    v.rationale = rationale.trimmed();
    v.guidelineVersion = m_guidelineVersion > 0 ? QString::number(m_guidelineVersion) : QString();
    v.createdAt = QDateTime::currentDateTimeUtc();

    // Read what it replaces in the same transaction as the write, so undo restores exactly the
    // vote that was there, even if another process wrote it a moment ago.
    std::optional<VoteRecord> before;
    const Status status = m_store->transaction([&]() -> Status {
        auto previous = m_store->vote(v.annotatorId, v.pairId);
        if (!previous.ok())
            return fail(previous.error());
        before = *previous;
        auto id = m_store->recordVote(v);
        if (!id.ok())
            return fail(id.error());
        v.id = *id;
        return {};
    });
    if (!status.ok()) {
        Q_EMIT error(tr("The vote on pair %1 was not saved: %2").arg(v.pairId).arg(status.error()));
        return false;
    }
    m_lastWriteTicket = m_loader->lastTicket();
    const QString kind = m_current->incident.kind;
    m_undo.append({*m_current, v, before});
    if (!before)
        setCounts(m_done + 1, m_left - 1);
    Q_EMIT voteStored(v, kind);
    Q_EMIT undoAvailable(true);
    advance();
    return true;
}

bool LabelSession::undo()
{
    if (m_undo.isEmpty())
        return false;
    const UndoEntry entry = m_undo.last();
    const qint64 pairId = entry.recorded.pairId;
    Status status;
    if (entry.before) {
        auto restored = m_store->recordVote(*entry.before);
        if (!restored.ok())
            status = fail(restored.error());
    } else {
        auto removed = m_store->deleteVote(m_annotator.id, pairId);
        if (!removed.ok())
            status = fail(removed.error());
    }
    if (!status.ok()) {
        Q_EMIT error(tr("Cannot undo the vote on pair %1: %2").arg(pairId).arg(status.error()));
        return false;
    }
    m_undo.removeLast();
    m_lastWriteTicket = m_loader->lastTicket();
    if (entry.before) {
        Q_EMIT voteStored(*entry.before, entry.shown.incident.kind);
    } else {
        setCounts(m_done - 1, m_left + 1);
        Q_EMIT voteRemoved(entry.recorded.id, pairId);
    }

    // The pair on screen waits to come back after the undone one.
    m_resume.erase(std::remove_if(m_resume.begin(), m_resume.end(),
                                  [&](const LoadedPair &p) { return p.pair.id == pairId; }),
                   m_resume.end());
    if (m_current && m_current->pair.id != pairId)
        m_resume.append(*m_current);
    LoadedPair again = entry.shown;
    again.vote = entry.before;
    m_waiting = false;
    show(std::move(again));
    Q_EMIT undoAvailable(canUndo());
    return true;
}

void LabelSession::editPair(qint64 pairId)
{
    if (pairId <= 0 || (m_current && m_current->pair.id == pairId))
        return;
    m_editTicket = m_loader->requestPair(pairId);
}

void LabelSession::backToQueue()
{
    if (!isEditing())
        return;
    advance();
}

} // namespace lab
