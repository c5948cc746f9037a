#pragma once
// The lab database: one SQLite file in WAL mode shared by the GUI and the CLI, possibly at the
// same time. A Store is shared (std::shared_ptr) and may be used from any thread: each thread
// gets its own connection, created on first use and closed when the thread ends or the Store is
// destroyed. Every write runs in a transaction (BEGIN IMMEDIATE, so two writers wait for each
// other up to the busy timeout instead of failing); nothing is left half-written on error.
//
// Opening runs the numbered migrations (core/store/migrations.h). An existing database from an
// older schema is first copied to "<path>.v<old>.bak"; one from a newer build is refused.
#include "core/common/result.h"
#include "core/store/records.h"

#include <QSqlDatabase>
#include <QSet>
#include <QSqlQuery>
#include <QString>
#include <QVector>
#include <functional>
#include <memory>
#include <optional>

namespace lab {

namespace storesql {
struct Outcome;
}

class Store
{
public:
    // Creates the file if needed, sets the PRAGMAs (WAL, foreign keys, busy timeout,
    // synchronous=NORMAL) and migrates. Errors name the file.
    static Result<std::shared_ptr<Store>> open(const QString &path);

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    QString path() const { return m_path; }
    // The schema version this build writes (the last migration's number).
    static int latestSchemaVersion();
    // The version found in the file (after open(): latestSchemaVersion()).
    Result<int> schemaVersion();
    // Where open() copied the file before migrating it; empty if it did not need to.
    QString backupPath() const { return m_backupPath; }

    // Runs `work` in one transaction on this thread's connection: commit if it returns success,
    // roll back otherwise (also if it throws; the exception is turned into an error). Nested
    // calls, including the typed methods below, join the outer transaction through savepoints,
    // so a generator can insert 10,000 incidents in one commit.
    Status transaction(const std::function<Status()> &work);

    // This thread's connection, for queries the typed methods do not cover (exports, reports).
    // Use it on this thread only, write through transaction(), and keep neither it nor its
    // queries beyond the call (the Store closes the connection when the thread or it ends).
    Result<QSqlDatabase> connection();

    // WAL checkpoints. A commit is a WAL append (no sync with synchronous=NORMAL) except the one
    // that crosses the automatic checkpoint threshold, which copies the WAL into the file and
    // syncs it: tens of milliseconds on a busy disk. A thread whose commits must stay short (votes
    // on the GUI thread) turns automatic checkpoints off for its connection while another thread
    // calls checkpointPassive() now and then to keep the WAL short.
    Status setAutoCheckpoint(bool on); // this thread's connection; on: SQLite's default 1000 pages
    Status checkpointPassive();        // never waits for, nor blocks, a writer

    // --- Incidents and their logs ---
    Result<qint64> addIncident(const IncidentRecord &incident);
    Result<IncidentRecord> incident(qint64 id);
    Result<QVector<IncidentRecord>> incidents(const IncidentFilter &filter = {});
    Result<qint64> countIncidents(const IncidentFilter &filter = {});
    Status setIncidentStatus(qint64 id, const QString &status);
    Status setGroundTruth(qint64 id, const QJsonObject &groundTruth);
    // Deletes the incident with its logs, explanations, pairs and votes.
    Status removeIncident(qint64 id);

    Result<qint64> addLog(const StoredLog &log);
    Result<QVector<StoredLog>> logsFor(qint64 incidentId);
    // The incident's first log (most incidents have exactly one).
    Result<StoredLog> logFor(qint64 incidentId);

    // --- Explanations and pairs ---
    Result<qint64> addExplanation(const ExplanationRecord &explanation);
    Result<ExplanationRecord> explanation(qint64 id);
    Result<QVector<ExplanationRecord>> explanationsFor(qint64 incidentId);

    // Both explanations must belong to the pair's incident and differ.
    Result<qint64> addPair(const PairRecord &pair);
    Result<PairRecord> pair(qint64 id);
    Result<QVector<PairRecord>> pairs(const PairFilter &filter = {});

    // --- Annotators and votes ---
    // The annotator with this name, created (with `kind`) if it does not exist yet.
    Result<AnnotatorRecord> ensureAnnotator(const QString &name,
                                            const QString &kind = QString(kAnnotatorHuman));
    Result<std::optional<AnnotatorRecord>> annotatorByName(const QString &name);
    Result<QVector<AnnotatorRecord>> annotators();

    // Records (or replaces) the annotator's vote on the pair in one transaction; returns its id.
    // Durable once this returns: it survives the process being killed right after.
    Result<qint64> recordVote(const VoteRecord &vote);
    Result<QVector<VoteRecord>> votesFor(qint64 pairId);
    Result<QVector<VoteRecord>> votes(const VoteFilter &filter = {});
    Result<qint64> countVotes();

    // A pair this annotator has not voted on yet, or none when the annotator is done. Prefers the
    // least-voted pairs (then the oldest) among the 2,000 least-voted; an annotator who has seen
    // all of those gets the least-voted open pair of the oldest stretch of pairs instead. Stays
    // fast with a million votes (see benchmarks/bench_store.cpp).
    Result<std::optional<PairRecord>> nextOpenPair(qint64 annotatorId);
    Result<LabelingProgress> progress();

    // --- The labeling queue ---
    // The next pair for this annotator (none: done). A draw (QueueOptions) may serve an unseen
    // gold pair (goldRate) or a pair another annotator already voted on (overlapRate); otherwise
    // the non-gold pairs come by (vote_count, queue_rank). queue_rank interleaves strata: the k-th
    // pair of a (kind, signature) stratum gets rank k + random fraction, so 50 copies of one
    // failure come after the first pair of every other failure. Pairs scored by a reward model
    // (setPairMargins) get rank -1 + |m|/(1+|m|) and so come first, least sure first. `exclude`:
    // pair ids not to return (the GUI prefetches the pair after the one on screen). Never returns
    // a pair the annotator has voted on or skipped. Under 50 ms with 1,000,000 votes
    // (benchmarks/bench_store.cpp).
    Result<std::optional<PairRecord>> nextPair(qint64 annotatorId, const QueueOptions &options = {},
                                               const QSet<qint64> &exclude = {});
    // Sets reward_margin and moves the pairs to the front of the queue, least sure first.
    Status setPairMargins(const QVector<PairMargin> &margins);
    // Marks a pair as gold with its known answer (not Skip), or unmarks it (none).
    Status setGoldAnswer(qint64 pairId, std::optional<VoteChoice> answer);
    // Removes this annotator's vote on the pair (undo of a first vote); returns rows removed (0/1).
    Result<qint64> deleteVote(qint64 annotatorId, qint64 pairId);
    // This annotator's vote on the pair, if any.
    Result<std::optional<VoteRecord>> vote(qint64 annotatorId, qint64 pairId);

    // --- Labeling guidelines (markdown, versioned) ---
    // The latest version; version 0 and empty text when the project has none.
    Result<GuidelineRecord> guidelines();
    // Stores `text` as the next version and returns it.
    Result<GuidelineRecord> addGuidelines(const QString &text, const QString &author);
    Result<QVector<GuidelineRecord>> guidelineHistory(); // newest first

    // --- Training runs and their metrics ---
    Result<qint64> addRun(const RunRecord &run);
    // Writes status, times, result and vote snapshot of an existing run (kind and config stay).
    Status updateRun(const RunRecord &run);
    Result<RunRecord> run(qint64 id);
    Result<QVector<RunRecord>> runs(const QString &kind = {}); // newest first; empty kind: all

    // Appends many points in one transaction; a point with the same (step, name) replaces the old.
    Status appendMetrics(qint64 runId, const QVector<MetricPoint> &points);
    // Ordered by name, then step. Empty name: all metrics of the run.
    Result<QVector<MetricPoint>> metrics(qint64 runId, const QString &name = {});
    Result<QStringList> metricNames(qint64 runId);

    // --- LoRA adapters (at most one active; setActiveAdapter makes it exactly one) ---
    Result<qint64> addAdapter(const AdapterRecord &adapter);
    Result<AdapterRecord> adapter(qint64 id);
    Result<std::optional<AdapterRecord>> adapterByName(const QString &name);
    Result<QVector<AdapterRecord>> adapters(); // newest first
    Status setActiveAdapter(qint64 id);
    Status clearActiveAdapter(); // back to the base model
    Result<std::optional<AdapterRecord>> activeAdapter();
    Status setAdapterEval(qint64 id, const QJsonObject &eval);

    // --- Blind review votes (review_votes; never in the labeling queue or training data) ---
    // Stores one vote; refuses Skip and an incident that does not exist. Durable once it returns.
    Result<qint64> addReviewVote(const ReviewVoteRecord &vote);
    // The votes between these two models, oldest first; empty names: every vote.
    Result<QVector<ReviewVoteRecord>> reviewVotes(const QString &modelA = {}, const QString &modelB = {});

private:
    explicit Store(QString path);
    Status initialize();
    Result<int> readVersion(const QSqlDatabase &db);
    Status backUpBeforeMigrating(const QSqlDatabase &db, int oldVersion);
    // Runs one statement on this thread's connection; errors name the database and `what`.
    Result<QSqlQuery> exec(const QString &what, const QString &sql, const QVariantList &binds = {});
    // Runs a statement that yields at most one interesting row through this connection's cache of
    // prepared statements (writes, existence checks, counts), and finishes it.
    Result<storesql::Outcome> step(const QString &what, const QString &sql, const QVariantList &binds = {});

    // The write shapes the typed methods share (store_*.cpp); each runs through step() and
    // joins the caller's transaction. `missing` words the error and is only called on it.
    //
    // Inserts one row in a transaction and returns its id; `check` (if any) runs first in the same
    // transaction, so a row it validated cannot vanish before the insert.
    Result<qint64> insertReturningId(const QString &what, const QString &sql,
                                     const QVariantList &binds,
                                     const std::function<Status()> &check = {});
    // Updates or deletes in a transaction; anything but exactly one row affected is `missing`.
    Status changeOneRow(const QString &what, const QString &sql, const QVariantList &binds,
                        const std::function<QString()> &missing);
    // Fails with `missing` when `sql` (an existence check) yields no row.
    Status requireRow(const QString &what, const QString &sql, const QVariantList &binds,
                      const std::function<QString()> &missing);

    QString m_path;
    QString m_backupPath;
    quint64 m_serial = 0; // makes connection names unique per Store
};

} // namespace lab
