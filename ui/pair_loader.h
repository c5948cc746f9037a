#pragma once
// Loads labeling pairs off the GUI thread: the queue query, the incident, its log, both
// explanations and the identifier evidence of each (LogEvidence::check indexes the log). The
// label session asks for the pair after the one on screen while the annotator reads, so a vote
// only ever waits for its own commit, never for a query or for the evidence.
//
// A worker object in a QThread owned by the loader does the work; requests and answers travel by
// queued signals and carry a ticket, so the session can drop answers it no longer wants.
#include "core/common/result.h"
#include "core/logs/identifier_evidence.h"
#include "core/store/records.h"

#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QThread>
#include <memory>
#include <optional>

namespace lab {

class Store;

// Everything the comparison view shows for one pair.
struct LoadedPair
{
    PairRecord pair;
    IncidentRecord incident;
    QString logName;
    QString logText;
    ExplanationRecord candidateA;
    ExplanationRecord candidateB;
    EvidenceReport evidenceA;
    EvidenceReport evidenceB;
    // Which candidate the screen shows on the left: random per showing, or the side the
    // annotator saw when a voted pair is reopened.
    Candidate shownLeft = Candidate::A;
    // The annotator's vote on this pair when it was loaded (a pair reopened from the history).
    std::optional<VoteRecord> vote;

    const ExplanationRecord &left() const { return shownLeft == Candidate::A ? candidateA : candidateB; }
    const ExplanationRecord &right() const { return shownLeft == Candidate::A ? candidateB : candidateA; }
    const EvidenceReport &leftEvidence() const { return shownLeft == Candidate::A ? evidenceA : evidenceB; }
    const EvidenceReport &rightEvidence() const { return shownLeft == Candidate::A ? evidenceB : evidenceA; }
};

// An answer of the loader. `pair` empty and `error` empty: the queue has nothing left.
struct PairLoad
{
    quint64 ticket = 0;
    std::optional<LoadedPair> pair;
    QString error;
    // The annotator's counts when the answer was made (-1: not read).
    qint64 done = -1; // pairs this annotator voted on or skipped
    qint64 left = -1; // pairs still waiting for this annotator
};

class PairLoader : public QObject
{
    Q_OBJECT
public:
    PairLoader(std::shared_ptr<Store> store, qint64 annotatorId, const QueueOptions &options,
               QObject *parent = nullptr);
    ~PairLoader() override; // stops the thread and waits for it

    // The next pair of the queue other than `exclude` (the pairs on screen or waiting to come
    // back). Returns the ticket its answer will carry.
    quint64 requestNext(const QSet<qint64> &exclude);
    // One given pair with the annotator's vote on it, shown the way round it was voted.
    quint64 requestPair(qint64 pairId);
    // The ticket of the last request (answers with an older ticket were asked for earlier).
    quint64 lastTicket() const { return m_ticket; }

Q_SIGNALS:
    void loaded(const lab::PairLoad &load);

    // To the worker.
    void loadNext(quint64 ticket, const QSet<qint64> &exclude);
    void loadPair(quint64 ticket, qint64 pairId);

private:
    QThread m_thread;
    quint64 m_ticket = 0;
};

class PairLoaderWorker : public QObject
{
    Q_OBJECT
public:
    PairLoaderWorker(std::shared_ptr<Store> store, qint64 annotatorId, const QueueOptions &options);

    void loadNext(quint64 ticket, const QSet<qint64> &exclude);
    void loadPair(quint64 ticket, qint64 pairId);

Q_SIGNALS:
    void loaded(const lab::PairLoad &load);

private:
    // Fills everything but the side shown left; errors name the pair.
    Result<LoadedPair> assemble(const PairRecord &pair);
    void addCounts(PairLoad &load);
    void checkpoint();

    std::shared_ptr<Store> m_store;
    qint64 m_annotatorId = 0;
    QueueOptions m_options;
};

} // namespace lab

Q_DECLARE_METATYPE(lab::PairLoad)
