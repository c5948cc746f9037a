// Explanations, pairs, annotators, votes and labeling progress.
#include "core/store/store.h"
#include "core/store/store_sql.h"

#include <limits>

namespace lab {

using namespace storesql;

namespace {

const QString kExplanationColumns =
    QStringLiteral("id, incident_id, text, style, model, adapter_id, meta, created_at");

ExplanationRecord explanationFrom(const QSqlQuery &q)
{
    ExplanationRecord r;
    r.id = q.value(0).toLongLong();
    r.incidentId = q.value(1).toLongLong();
    r.text = q.value(2).toString();
    r.style = q.value(3).toString();
    r.model = q.value(4).toString();
    r.adapterId = q.value(5).isNull() ? 0 : q.value(5).toLongLong();
    r.meta = jsonObjectFrom(q.value(6));
    r.createdAt = timeFrom(q.value(7));
    return r;
}

const QString kPairColumns = QStringLiteral(
    "id, incident_id, explanation_a, explanation_b, gold, created_at, vote_count,"
    " gold_choice, kind, signature, queue_rank, reward_margin");

PairRecord pairFrom(const QSqlQuery &q)
{
    PairRecord r;
    r.id = q.value(0).toLongLong();
    r.incidentId = q.value(1).toLongLong();
    r.explanationA = q.value(2).toLongLong();
    r.explanationB = q.value(3).toLongLong();
    r.createdAt = timeFrom(q.value(5));
    r.voteCount = q.value(6).toLongLong();
    if (!q.value(7).isNull())
        r.goldChoice = voteChoiceFromString(q.value(7).toString());
    r.gold = r.goldChoice.has_value();
    r.kind = q.value(8).toString();
    r.signature = q.value(9).toString();
    r.queueRank = q.value(10).toDouble();
    if (!q.value(11).isNull())
        r.rewardMargin = q.value(11).toDouble();
    return r;
}

const QString kAnnotatorColumns = QStringLiteral("id, name, kind, created_at");

AnnotatorRecord annotatorFrom(const QSqlQuery &q)
{
    AnnotatorRecord r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.kind = q.value(2).toString();
    r.createdAt = timeFrom(q.value(3));
    return r;
}

QString selectAnnotatorByName()
{
    return QStringLiteral("SELECT ") + kAnnotatorColumns +
           QStringLiteral(" FROM annotators WHERE name = ?");
}

const QString kVoteColumns = QStringLiteral(
    "id, pair_id, annotator_id, shown_left, choice, tags, rationale, guideline_version, created_at");

VoteRecord voteFrom(const QSqlQuery &q)
{
    VoteRecord r;
    r.id = q.value(0).toLongLong();
    r.pairId = q.value(1).toLongLong();
    r.annotatorId = q.value(2).toLongLong();
    r.shownLeft = candidateFromString(q.value(3).toString()).value_or(Candidate::A);
    r.choice = voteChoiceFromString(q.value(4).toString()).value_or(VoteChoice::Skip);
    r.tags = stringListFrom(q.value(5));
    r.rationale = q.value(6).toString();
    r.guidelineVersion = q.value(7).toString();
    r.createdAt = timeFrom(q.value(8));
    return r;
}

} // namespace

// --- Explanations ---

Result<qint64> Store::addExplanation(const ExplanationRecord &explanation)
{
    if (explanation.text.isEmpty())
        return fail(tr("database %1: cannot add an empty explanation to incident %2")
                        .arg(m_path)
                        .arg(explanation.incidentId));
    return insertReturningId(
        tr("add an explanation to incident %1").arg(explanation.incidentId),
        QStringLiteral("INSERT INTO explanations (incident_id, text, style, model,"
                       " adapter_id, meta, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {explanation.incidentId, explanation.text, textOrEmpty(explanation.style),
         textOrEmpty(explanation.model), idOrNull(explanation.adapterId),
         jsonText(explanation.meta), timeText(explanation.createdAt)},
        [&] {
            return requireRow(
                tr("add an explanation"), QStringLiteral("SELECT 1 FROM incidents WHERE id = ?"),
                {explanation.incidentId}, [&] {
                    return tr("database %1: cannot add an explanation: there is no incident %2")
                        .arg(m_path)
                        .arg(explanation.incidentId);
                });
        });
}

Result<ExplanationRecord> Store::explanation(qint64 id)
{
    return oneRow(exec(tr("read explanation %1").arg(id),
                       selectById(kExplanationColumns, QLatin1String("explanations")), {id}),
                  explanationFrom,
                  [&] { return tr("database %1 has no explanation %2").arg(m_path).arg(id); });
}

Result<QVector<ExplanationRecord>> Store::explanationsFor(qint64 incidentId)
{
    return allRows(exec(tr("read the explanations of incident %1").arg(incidentId),
                        QStringLiteral("SELECT ") + kExplanationColumns +
                            QStringLiteral(" FROM explanations WHERE incident_id = ? ORDER BY id"),
                        {incidentId}),
                   explanationFrom);
}

// --- Pairs ---

Result<qint64> Store::addPair(const PairRecord &pair)
{
    if (pair.explanationA == pair.explanationB)
        return fail(tr("database %1: a pair needs two different explanations (both are %2)")
                        .arg(m_path)
                        .arg(pair.explanationA));
    if (pair.gold && !pair.goldChoice)
        return fail(tr("database %1: a gold pair needs its known answer (PairRecord::goldChoice)")
                        .arg(m_path));
    if (pair.goldChoice && *pair.goldChoice == VoteChoice::Skip)
        return fail(tr("database %1: \"skip\" cannot be the answer of a gold pair").arg(m_path));
    auto checkOwners = [&]() -> Status {
        // One row: how many of the two exist, and one that belongs to another incident, if any.
        auto owners = step(tr("add a pair"),
                           QStringLiteral("SELECT COUNT(*), MIN(CASE WHEN incident_id <> ? THEN id END),"
                                          " MIN(CASE WHEN incident_id <> ? THEN incident_id END)"
                                          " FROM explanations WHERE id IN (?, ?)"),
                           {pair.incidentId, pair.incidentId, pair.explanationA, pair.explanationB});
        if (!owners.ok())
            return fail(owners.error());
        if (owners->value(0).toLongLong() != 2)
            return fail(tr("database %1: cannot add a pair: explanation %2 or %3 does not exist")
                            .arg(m_path)
                            .arg(pair.explanationA)
                            .arg(pair.explanationB));
        if (!owners->value(1).isNull())
            return fail(tr("database %1: cannot pair explanation %2 with incident %3: it "
                           "explains incident %4")
                            .arg(m_path)
                            .arg(owners->value(1).toLongLong())
                            .arg(pair.incidentId)
                            .arg(owners->value(2).toLongLong()));
        return {};
    };
    return insertReturningId(
        tr("add a pair"),
        QStringLiteral("INSERT INTO pairs (incident_id, explanation_a, explanation_b,"
                       " gold, gold_choice, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
        {pair.incidentId, pair.explanationA, pair.explanationB, pair.goldChoice ? 1 : 0,
         pair.goldChoice ? QVariant(voteChoiceToString(*pair.goldChoice))
                         : QVariant(QMetaType::fromType<QString>()),
         timeText(pair.createdAt)},
        checkOwners);
}

Result<PairRecord> Store::pair(qint64 id)
{
    return oneRow(
        exec(tr("read pair %1").arg(id), selectById(kPairColumns, QLatin1String("pairs")), {id}),
        pairFrom, [&] { return tr("database %1 has no pair %2").arg(m_path).arg(id); });
}

Result<QVector<PairRecord>> Store::pairs(const PairFilter &filter)
{
    QString sql = QStringLiteral("SELECT ") + kPairColumns + QStringLiteral(" FROM pairs WHERE id > ?");
    QVariantList binds{filter.afterId};
    if (filter.incidentId > 0) {
        sql += QStringLiteral(" AND incident_id = ?");
        binds << filter.incidentId;
    }
    if (filter.gold) {
        sql += QStringLiteral(" AND gold = ?");
        binds << (*filter.gold ? 1 : 0);
    }
    sql += QStringLiteral(" ORDER BY id LIMIT ?");
    binds << filter.limit;
    return allRows(exec(tr("list pairs"), sql, binds), pairFrom);
}

// --- Annotators ---

Result<AnnotatorRecord> Store::ensureAnnotator(const QString &name, const QString &kind)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return fail(tr("database %1: an annotator needs a name").arg(m_path));
    AnnotatorRecord record;
    Status status = transaction([&]() -> Status {
        auto insert = step(tr("add annotator \"%1\"").arg(trimmed),
                           QStringLiteral("INSERT INTO annotators (name, kind, created_at) VALUES (?, ?, ?)"
                                          " ON CONFLICT (name) DO NOTHING"),
                           {trimmed, kind.isEmpty() ? QString(kAnnotatorHuman) : kind, timeText({})});
        if (!insert.ok())
            return fail(insert.error());
        auto read = oneRow(
            exec(tr("read annotator \"%1\"").arg(trimmed), selectAnnotatorByName(), {trimmed}),
            annotatorFrom,
            [&] { return tr("database %1: annotator \"%2\" vanished").arg(m_path, trimmed); });
        if (!read.ok())
            return fail(read.error());
        record = *read;
        return {};
    });
    if (!status.ok())
        return fail(status.error());
    return record;
}

Result<std::optional<AnnotatorRecord>> Store::annotatorByName(const QString &name)
{
    return optionalRow(
        exec(tr("read annotator \"%1\"").arg(name), selectAnnotatorByName(), {name.trimmed()}),
        annotatorFrom);
}

Result<QVector<AnnotatorRecord>> Store::annotators()
{
    return allRows(
        exec(tr("list annotators"), QStringLiteral("SELECT ") + kAnnotatorColumns +
                                        QStringLiteral(" FROM annotators ORDER BY name")),
        annotatorFrom);
}

// --- Votes ---

Result<qint64> Store::recordVote(const VoteRecord &vote)
{
    qint64 id = 0;
    Status status = transaction([&]() -> Status {
        // Named checks first: a bare "FOREIGN KEY constraint failed" tells the user nothing.
        Status pairExists =
            requireRow(tr("record a vote"), QStringLiteral("SELECT 1 FROM pairs WHERE id = ?"),
                       {vote.pairId}, [&] {
                           return tr("database %1: cannot record a vote: there is no pair %2")
                               .arg(m_path)
                               .arg(vote.pairId);
                       });
        if (!pairExists.ok())
            return pairExists;
        Status annotatorExists =
            requireRow(tr("record a vote"), QStringLiteral("SELECT 1 FROM annotators WHERE id = ?"),
                       {vote.annotatorId}, [&] {
                           return tr("database %1: cannot record a vote: there is no annotator %2")
                               .arg(m_path)
                               .arg(vote.annotatorId);
                       });
        if (!annotatorExists.ok())
            return annotatorExists;
        auto q = step(tr("record the vote of annotator %1 on pair %2").arg(vote.annotatorId).arg(vote.pairId),
                      QStringLiteral("INSERT INTO comparisons (pair_id, annotator_id, shown_left, choice,"
                                     " tags, rationale, guideline_version, created_at)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                                     " ON CONFLICT (annotator_id, pair_id) DO UPDATE SET"
                                     " shown_left = excluded.shown_left, choice = excluded.choice,"
                                     " tags = excluded.tags, rationale = excluded.rationale,"
                                     " guideline_version = excluded.guideline_version,"
                                     " created_at = excluded.created_at"),
                      {vote.pairId, vote.annotatorId, candidateToString(vote.shownLeft),
                       voteChoiceToString(vote.choice), jsonText(vote.tags), textOrEmpty(vote.rationale),
                       textOrEmpty(vote.guidelineVersion), timeText(vote.createdAt)});
        if (!q.ok())
            return fail(q.error());
        // lastInsertId() is not the row's id when the upsert updated an existing vote.
        auto row = step(tr("record a vote"),
                        QStringLiteral("SELECT id FROM comparisons WHERE annotator_id = ? AND pair_id = ?"),
                        {vote.annotatorId, vote.pairId});
        if (!row.ok())
            return fail(row.error());
        if (!row->hasRow)
            return fail(tr("database %1: the vote on pair %2 was not stored").arg(m_path).arg(vote.pairId));
        id = row->value(0).toLongLong();
        return {};
    });
    if (!status.ok())
        return fail(status.error());
    return id;
}

Result<QVector<VoteRecord>> Store::votesFor(qint64 pairId)
{
    VoteFilter filter;
    filter.pairId = pairId;
    return votes(filter);
}

Result<QVector<VoteRecord>> Store::votes(const VoteFilter &filter)
{
    QString sql = QStringLiteral("SELECT ") + kVoteColumns + QStringLiteral(" FROM comparisons WHERE id > ?");
    QVariantList binds{filter.afterId};
    if (filter.pairId > 0) {
        sql += QStringLiteral(" AND pair_id = ?");
        binds << filter.pairId;
    }
    if (filter.annotatorId > 0) {
        sql += QStringLiteral(" AND annotator_id = ?");
        binds << filter.annotatorId;
    }
    if (filter.since.isValid()) {
        sql += QStringLiteral(" AND created_at >= ?");
        binds << timeText(filter.since);
    }
    sql += QStringLiteral(" ORDER BY id LIMIT ?");
    binds << filter.limit;
    return allRows(exec(tr("read votes"), sql, binds), voteFrom);
}

Result<qint64> Store::deleteVote(qint64 annotatorId, qint64 pairId)
{
    // The counter triggers run in the same transaction, so progress() never sees half an undo.
    qint64 removed = 0;
    Status status = transaction([&]() -> Status {
        auto q = step(tr("remove the vote of annotator %1 on pair %2").arg(annotatorId).arg(pairId),
                      QStringLiteral("DELETE FROM comparisons WHERE annotator_id = ? AND pair_id = ?"),
                      {annotatorId, pairId});
        if (!q.ok())
            return fail(q.error());
        removed = q->rowsAffected;
        return {};
    });
    if (!status.ok())
        return fail(status.error());
    return removed;
}

Result<std::optional<VoteRecord>> Store::vote(qint64 annotatorId, qint64 pairId)
{
    return optionalRow(exec(tr("read the vote of annotator %1 on pair %2").arg(annotatorId).arg(pairId),
                            QStringLiteral("SELECT ") + kVoteColumns +
                                QStringLiteral(" FROM comparisons WHERE annotator_id = ? AND pair_id = ?"),
                            {annotatorId, pairId}),
                       voteFrom);
}

Result<qint64> Store::countVotes()
{
    auto q = step(tr("count votes"), QStringLiteral("SELECT COUNT(*) FROM comparisons"));
    if (!q.ok())
        return fail(q.error());
    return q->value(0).toLongLong();
}

Result<std::optional<PairRecord>> Store::nextOpenPair(qint64 annotatorId)
{
    const QString what = tr("find the next pair for annotator %1").arg(annotatorId);
    auto db = connection();
    if (!db.ok())
        return fail(db.error());
    // The trigger-kept counter answers "is this annotator done?" without scanning every pair.
    auto counts = storesql::run(*db, m_path, what,
                      QStringLiteral("SELECT vote_count, (SELECT COUNT(*) FROM pairs), (SELECT MIN(id) FROM pairs),"
                                     " (SELECT MAX(id) FROM pairs) FROM annotators WHERE id = ?"),
                      {annotatorId});
    if (!counts.ok())
        return fail(counts.error());
    if (!counts->next())
        return fail(tr("database %1 has no annotator %2").arg(m_path).arg(annotatorId));
    if (counts->value(0).toLongLong() >= counts->value(1).toLongLong())
        return std::optional<PairRecord>();
    const qint64 minId = counts->value(2).toLongLong();
    const qint64 maxId = counts->value(3).toLongLong();
    counts->finish();

    auto found = [&](QSqlQuery &q) -> Result<std::optional<PairRecord>> {
        if (!q.next())
            return std::optional<PairRecord>();
        auto pairRecord = pair(q.value(0).toLongLong());
        if (!pairRecord.ok())
            return fail(pairRecord.error());
        return std::optional<PairRecord>(*pairRecord);
    };

    // Least-voted first spreads the annotators over the pairs. Walking pairs_open_order, the
    // first candidates are rarely ones this annotator has seen; the walk stops after
    // kPreferredCandidates so that an annotator who has seen nearly everything does not probe
    // every pair.
    constexpr qint64 kPreferredCandidates = 2000;
    // The last preferred candidate bounds the walk (a subquery with LIMIT would materialize all
    // 2,000 rows even when the first one is open).
    auto bound = step(what,
                      QStringLiteral("SELECT vote_count, id FROM pairs INDEXED BY pairs_open_order"
                                     " ORDER BY vote_count, id LIMIT 1 OFFSET ?"),
                      {kPreferredCandidates - 1});
    if (!bound.ok())
        return fail(bound.error());
    const QVariant boundVotes = bound->hasRow ? bound->value(0) : QVariant(std::numeric_limits<qint64>::max());
    const QVariant boundId = bound->hasRow ? bound->value(1) : QVariant(std::numeric_limits<qint64>::max());
    auto preferred = storesql::run(*db, m_path, what,
                                   QStringLiteral("SELECT id FROM pairs INDEXED BY pairs_open_order"
                                                  " WHERE (vote_count, id) <= (?, ?) AND NOT EXISTS"
                                                  " (SELECT 1 FROM comparisons c WHERE c.annotator_id = ?"
                                                  " AND c.pair_id = pairs.id)"
                                                  " ORDER BY vote_count, id LIMIT 1"),
                                   {boundVotes, boundId, annotatorId});
    if (!preferred.ok())
        return fail(preferred.error());
    {
        auto result = found(*preferred);
        if (!result.ok() || result->has_value())
            return result;
    }

    // Fallback: compare, chunk by chunk of ids, how many pairs exist with how many this annotator
    // has voted on. Counting over an index range is far cheaper than probing pair by pair, and
    // the first chunk with fewer votes than pairs holds an open pair.
    constexpr qint64 kChunk = 4096;
    QSqlQuery pairsIn(*db);
    QSqlQuery votedIn(*db);
    pairsIn.setForwardOnly(true);
    votedIn.setForwardOnly(true);
    if (!pairsIn.prepare(QStringLiteral("SELECT COUNT(*) FROM pairs WHERE id BETWEEN ? AND ?")))
        return sqlError(m_path, what, pairsIn.lastError());
    if (!votedIn.prepare(QStringLiteral("SELECT COUNT(*) FROM comparisons WHERE annotator_id = ?"
                                        " AND pair_id BETWEEN ? AND ?")))
        return sqlError(m_path, what, votedIn.lastError());
    for (qint64 low = minId; low <= maxId; low += kChunk) {
        const qint64 high = low + kChunk - 1;
        pairsIn.bindValue(0, low);
        pairsIn.bindValue(1, high);
        votedIn.bindValue(0, annotatorId);
        votedIn.bindValue(1, low);
        votedIn.bindValue(2, high);
        if (!pairsIn.exec() || !pairsIn.next())
            return sqlError(m_path, what, pairsIn.lastError());
        if (!votedIn.exec() || !votedIn.next())
            return sqlError(m_path, what, votedIn.lastError());
        const qint64 pairCount = pairsIn.value(0).toLongLong();
        const qint64 votedCount = votedIn.value(0).toLongLong();
        pairsIn.finish();
        votedIn.finish();
        if (pairCount <= votedCount)
            continue;
        auto inChunk = storesql::run(*db, m_path, what,
                           QStringLiteral("SELECT id FROM pairs WHERE id BETWEEN ? AND ? AND NOT EXISTS"
                                          " (SELECT 1 FROM comparisons c WHERE c.annotator_id = ? AND c.pair_id = pairs.id)"
                                          " ORDER BY vote_count, id LIMIT 1"),
                           {low, high, annotatorId});
        if (!inChunk.ok())
            return fail(inChunk.error());
        auto result = found(*inChunk);
        if (!result.ok() || result->has_value())
            return result;
    }
    return std::optional<PairRecord>();
}

Result<LabelingProgress> Store::progress()
{
    // Only trigger-kept counters are read (kind_progress, annotators.vote_count), never the
    // votes or pairs themselves; the totals are the sums over kinds.
    LabelingProgress progress;
    auto kinds = exec(tr("count labeling progress"),
                      QStringLiteral("SELECT kind, pairs, voted_pairs, votes FROM kind_progress"
                                     " WHERE pairs > 0 ORDER BY kind"));
    if (!kinds.ok())
        return fail(kinds.error());
    while (kinds->next()) {
        KindProgress k;
        k.kind = kinds->value(0).toString();
        k.pairs = kinds->value(1).toLongLong();
        k.votedPairs = kinds->value(2).toLongLong();
        k.votes = kinds->value(3).toLongLong();
        progress.pairs += k.pairs;
        progress.votedPairs += k.votedPairs;
        progress.votes += k.votes;
        progress.perKind.append(k);
    }
    kinds->finish();

    auto people = exec(tr("count labeling progress"),
                       QStringLiteral("SELECT id, name, vote_count FROM annotators ORDER BY name"));
    if (!people.ok())
        return fail(people.error());
    while (people->next()) {
        AnnotatorProgress a;
        a.annotatorId = people->value(0).toLongLong();
        a.name = people->value(1).toString();
        a.votes = people->value(2).toLongLong();
        a.openPairs = qMax<qint64>(0, progress.pairs - a.votes);
        progress.perAnnotator.append(a);
    }
    return progress;
}

} // namespace lab
