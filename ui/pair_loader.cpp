#include "ui/pair_loader.h"

#include "core/store/store.h"

#include <QRandomGenerator>
#include <exception>

namespace lab {

PairLoader::PairLoader(std::shared_ptr<Store> store, qint64 annotatorId, const QueueOptions &options,
                       QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<lab::PairLoad>();
    qRegisterMetaType<QSet<qint64>>();
    auto *worker = new PairLoaderWorker(std::move(store), annotatorId, options);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &PairLoader::loadNext, worker, &PairLoaderWorker::loadNext, Qt::QueuedConnection);
    connect(this, &PairLoader::loadPair, worker, &PairLoaderWorker::loadPair, Qt::QueuedConnection);
    connect(worker, &PairLoaderWorker::loaded, this, &PairLoader::loaded, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("PairLoader"));
    m_thread.start();
}

PairLoader::~PairLoader()
{
    // A query in flight finishes (a few milliseconds); its answer is dropped with this object.
    m_thread.quit();
    m_thread.wait();
}

quint64 PairLoader::requestNext(const QSet<qint64> &exclude)
{
    Q_EMIT loadNext(++m_ticket, exclude);
    return m_ticket;
}

quint64 PairLoader::requestPair(qint64 pairId)
{
    Q_EMIT loadPair(++m_ticket, pairId);
    return m_ticket;
}

PairLoaderWorker::PairLoaderWorker(std::shared_ptr<Store> store, qint64 annotatorId, const QueueOptions &options)
    : m_store(std::move(store)), m_annotatorId(annotatorId), m_options(options)
{
}

void PairLoaderWorker::loadNext(quint64 ticket, const QSet<qint64> &exclude)
{
    PairLoad load;
    load.ticket = ticket;
    try {
        auto next = m_store->nextPair(m_annotatorId, m_options, exclude);
        if (!next.ok()) {
            load.error = next.error();
        } else if (next->has_value()) {
            auto assembled = assemble(**next);
            if (assembled.ok()) {
                load.pair = std::move(*assembled);
                // Random per pair, so that position bias can be measured; the vote stores it.
                load.pair->shownLeft = QRandomGenerator::global()->bounded(2) == 0 ? Candidate::A : Candidate::B;
            } else {
                load.error = assembled.error();
            }
        }
        addCounts(load);
    } catch (const std::exception &ex) {
        load.error = tr("Loading the next pair failed: %1").arg(QString::fromUtf8(ex.what()));
    }
    Q_EMIT loaded(load);
    checkpoint();
}

void PairLoaderWorker::checkpoint()
{
    // The label session turned automatic checkpoints off on the GUI thread's connection so that
    // no vote waits for one; a passive checkpoint here, after each answer, keeps the WAL short.
    // Best effort: a failed checkpoint only leaves the WAL longer until the next one.
    m_store->checkpointPassive();
}

void PairLoaderWorker::loadPair(quint64 ticket, qint64 pairId)
{
    PairLoad load;
    load.ticket = ticket;
    try {
        auto pair = m_store->pair(pairId);
        if (!pair.ok()) {
            load.error = pair.error();
            Q_EMIT loaded(load);
            return;
        }
        auto assembled = assemble(*pair);
        if (!assembled.ok()) {
            load.error = assembled.error();
            Q_EMIT loaded(load);
            return;
        }
        auto vote = m_store->vote(m_annotatorId, pairId);
        if (!vote.ok()) {
            load.error = vote.error();
            Q_EMIT loaded(load);
            return;
        }
        load.pair = std::move(*assembled);
        load.pair->vote = *vote;
        // The annotator sees the pair the way round it was voted, so the preselected side matches.
        load.pair->shownLeft = load.pair->vote ? load.pair->vote->shownLeft
                                               : (QRandomGenerator::global()->bounded(2) == 0 ? Candidate::A : Candidate::B);
        addCounts(load);
    } catch (const std::exception &ex) {
        load.error = tr("Loading pair %1 failed: %2").arg(pairId).arg(QString::fromUtf8(ex.what()));
    }
    Q_EMIT loaded(load);
}

Result<LoadedPair> PairLoaderWorker::assemble(const PairRecord &pair)
{
    LoadedPair loaded;
    loaded.pair = pair;
    auto incident = m_store->incident(pair.incidentId);
    if (!incident.ok())
        return fail(incident.error());
    loaded.incident = *incident;
    auto log = m_store->logFor(pair.incidentId);
    if (log.ok()) {
        loaded.logName = log->name;
        loaded.logText = log->content;
    } else {
        // An incident without a stored log can still be judged from the explanations alone;
        // the evidence then flags every identifier, which is the truth.
        loaded.logName = tr("(no log stored for incident %1)").arg(pair.incidentId);
    }
    auto a = m_store->explanation(pair.explanationA);
    if (!a.ok())
        return fail(a.error());
    auto b = m_store->explanation(pair.explanationB);
    if (!b.ok())
        return fail(b.error());
    loaded.candidateA = *a;
    loaded.candidateB = *b;
    const LogEvidence evidence(loaded.logText);
    loaded.evidenceA = evidence.check(loaded.candidateA.text);
    loaded.evidenceB = evidence.check(loaded.candidateB.text);
    return loaded;
}

void PairLoaderWorker::addCounts(PairLoad &load)
{
    // progress() reads trigger-kept counters only: a handful of rows whatever the vote count.
    auto progress = m_store->progress();
    if (!progress.ok())
        return;
    load.done = 0;
    load.left = progress->pairs;
    for (const AnnotatorProgress &a : progress->perAnnotator) {
        if (a.annotatorId == m_annotatorId) {
            load.done = a.votes;
            load.left = a.openPairs;
            break;
        }
    }
}

} // namespace lab
