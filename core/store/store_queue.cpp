// The labeling queue (which pair an annotator sees next), gold answers, reward margins and the
// versioned labeling guidelines.
#include "core/store/store.h"
#include "core/store/store_sql.h"

#include <cmath>

namespace lab {

using namespace storesql;

namespace {

// How many pairs one walk of the queue looks at before it gives up on that walk. Every row
// costs an index probe into the annotator's votes; 2,000 stay within a few milliseconds.
constexpr int kWalkLimit = 2000;
// Id ranges the last-resort search counts at once (see nextPair).
constexpr qint64 kChunk = 4096;

quint64 splitMix64(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// Uniform in [0, 1), a pure function of its arguments, so that an annotator's queue is
// reproducible and two processes serving the same annotator agree.
double queueDraw(quint64 seed, qint64 annotatorId, qint64 position)
{
    const quint64 h = splitMix64(splitMix64(seed ^ splitMix64(quint64(annotatorId))) ^ quint64(position));
    return double(h >> 11) * 0x1.0p-53;
}

enum class Walk { Ordinary, Overlap, Gold };

// The first pairs of one queue order (at most kWalkLimit of them) that the annotator has not
// voted on, best first. The inner query only reads the partial index; the probes into the
// annotator's votes run inside SQLite, which stops at the outer LIMIT.
QString walkSql(Walk walk)
{
    // INDEXED BY: the walk must follow the queue order through the partial index, never sort.
    QString front;
    switch (walk) {
    case Walk::Ordinary:
        front = QStringLiteral("SELECT id FROM pairs INDEXED BY pairs_queue WHERE gold_choice IS NULL");
        break;
    case Walk::Overlap:
        front = QStringLiteral("SELECT id FROM pairs INDEXED BY pairs_queue WHERE gold_choice IS NULL"
                               " AND vote_count >= 1");
        break;
    case Walk::Gold:
        front = QStringLiteral("SELECT id FROM pairs INDEXED BY pairs_gold_queue WHERE gold_choice IS NOT NULL");
        break;
    }
    return QStringLiteral("SELECT id FROM (") + front +
           QStringLiteral(" ORDER BY vote_count, queue_rank, id LIMIT %1) AS front"
                          " WHERE NOT EXISTS (SELECT 1 FROM comparisons c WHERE c.annotator_id = ?"
                          " AND c.pair_id = front.id) LIMIT ?")
               .arg(kWalkLimit);
}

bool validRate(double rate)
{
    return std::isfinite(rate) && rate >= 0.0 && rate <= 1.0;
}

const QString kGuidelineColumns = QStringLiteral("version, text, author, created_at");

GuidelineRecord guidelineFrom(const QSqlQuery &q)
{
    GuidelineRecord r;
    r.version = q.value(0).toInt();
    r.text = q.value(1).toString();
    r.author = q.value(2).toString();
    r.createdAt = timeFrom(q.value(3));
    return r;
}

} // namespace

Result<std::optional<PairRecord>> Store::nextPair(qint64 annotatorId, const QueueOptions &options,
                                                  const QSet<qint64> &exclude)
{
    if (!validRate(options.goldRate) || !validRate(options.overlapRate))
        return fail(tr("database %1: queue rates must lie between 0 and 1 (gold %2, overlap %3)")
                        .arg(m_path)
                        .arg(options.goldRate)
                        .arg(options.overlapRate));
    const QString what = tr("find the next pair for annotator %1").arg(annotatorId);
    auto db = connection();
    if (!db.ok())
        return fail(db.error());

    // Trigger-kept counters answer "is this annotator done?" without touching pairs or votes.
    auto counts = step(what,
                       QStringLiteral("SELECT vote_count, (SELECT COALESCE(SUM(pairs), 0) FROM kind_progress)"
                                      " FROM annotators WHERE id = ?"),
                       {annotatorId});
    if (!counts.ok())
        return fail(counts.error());
    if (!counts->hasRow)
        return fail(tr("database %1 has no annotator %2").arg(m_path).arg(annotatorId));
    const qint64 voted = counts->value(0).toLongLong();
    if (voted >= counts->value(1).toLongLong())
        return std::optional<PairRecord>();

    auto served = [&](qint64 id) -> Result<std::optional<PairRecord>> {
        auto record = pair(id);
        if (!record.ok())
            return fail(record.error());
        return std::optional<PairRecord>(*record);
    };

    // One walk down a queue index: the first pair the annotator has neither voted on nor been
    // handed in `exclude`, among the first kWalkLimit of that order; 0 if there is none.
    auto walk = [&](Walk kind) -> Result<qint64> {
        const QVariantList binds{annotatorId, qint64(exclude.size()) + 1};
        if (exclude.isEmpty()) { // the common case: one row, through the prepared-statement cache
            auto q = step(what, walkSql(kind), binds);
            if (!q.ok())
                return fail(q.error());
            return q->hasRow ? q->value(0).toLongLong() : qint64(0);
        }
        auto rows = storesql::run(*db, m_path, what, walkSql(kind), binds);
        if (!rows.ok())
            return fail(rows.error());
        while (rows->next()) {
            const qint64 id = rows->value(0).toLongLong();
            if (!exclude.contains(id))
                return id;
        }
        return qint64(0);
    };

    // The draw depends on the annotator's position in the queue: votes so far plus the pairs
    // already handed out ahead (`exclude`), so a prefetch draws for the position it fills.
    const double u = queueDraw(options.seed, annotatorId, voted + exclude.size());
    std::optional<Walk> drawn;
    if (u < options.goldRate)
        drawn = Walk::Gold;
    else if (u < options.goldRate + options.overlapRate)
        drawn = Walk::Overlap;
    if (drawn) {
        auto id = walk(*drawn);
        if (!id.ok())
            return fail(id.error());
        if (*id > 0)
            return served(*id);
    }
    {
        auto id = walk(Walk::Ordinary);
        if (!id.ok())
            return fail(id.error());
        if (*id > 0)
            return served(*id);
    }

    // Last resort, for an annotator who has dealt with the whole front of the queue (someone who
    // skipped thousands of pairs, or nearly finished): compare, range by range of ids, how many
    // pairs exist with how many this annotator has voted on. Counting over an index range is far
    // cheaper than probing pair by pair; the first range with fewer votes than pairs holds an
    // open pair. Ordinary pairs come first within a range; gold pairs only when gold is asked for.
    // Two subqueries: SQLite answers a lone MIN or MAX from the end of the index, but scans the
    // whole table for both in one SELECT.
    auto bounds = step(what, QStringLiteral("SELECT (SELECT MIN(id) FROM pairs), (SELECT MAX(id) FROM pairs)"));
    if (!bounds.ok())
        return fail(bounds.error());
    const qint64 minId = bounds->value(0).toLongLong();
    const qint64 maxId = bounds->value(1).toLongLong();
    // NOT INDEXED keeps the id range on the table itself: with the gold term, SQLite would
    // otherwise pick the partial queue index and read all of it.
    const QString goldTerm = options.goldRate > 0 ? QString() : QStringLiteral(" AND gold_choice IS NULL");
    for (qint64 low = minId; low <= maxId; low += kChunk) {
        const qint64 high = low + kChunk - 1;
        auto pairsIn = step(what, QStringLiteral("SELECT COUNT(*) FROM pairs WHERE id BETWEEN ? AND ?"),
                            {low, high});
        if (!pairsIn.ok())
            return fail(pairsIn.error());
        auto votedIn = step(what,
                            QStringLiteral("SELECT COUNT(*) FROM comparisons WHERE annotator_id = ?"
                                           " AND pair_id BETWEEN ? AND ?"),
                            {annotatorId, low, high});
        if (!votedIn.ok())
            return fail(votedIn.error());
        if (pairsIn->value(0).toLongLong() <= votedIn->value(0).toLongLong())
            continue;
        auto open = storesql::run(*db, m_path, what,
                                  QStringLiteral("SELECT id FROM pairs NOT INDEXED WHERE id BETWEEN ? AND ?") + goldTerm +
                                      QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM comparisons c"
                                                     " WHERE c.annotator_id = ? AND c.pair_id = pairs.id)"
                                                     " ORDER BY gold_choice IS NOT NULL, vote_count, queue_rank, id"),
                                  {low, high, annotatorId});
        if (!open.ok())
            return fail(open.error());
        while (open->next()) {
            const qint64 id = open->value(0).toLongLong();
            if (!exclude.contains(id))
                return served(id);
        }
    }
    return std::optional<PairRecord>();
}

Status Store::setPairMargins(const QVector<PairMargin> &margins)
{
    for (const PairMargin &m : margins)
        if (!std::isfinite(m.margin))
            return fail(tr("database %1: the reward margin of pair %2 is not a number").arg(m_path).arg(m.pairId));
    return transaction([&]() -> Status {
        for (const PairMargin &m : margins) {
            // Rank in [-1, 0): before every unscored pair of the same vote count, and the smaller
            // |margin| (the reward model's least sure pairs) the earlier.
            const double rank = -1.0 + std::abs(m.margin) / (1.0 + std::abs(m.margin));
            Status changed = changeOneRow(
                tr("set the reward margin of pair %1").arg(m.pairId),
                QStringLiteral("UPDATE pairs SET reward_margin = ?, queue_rank = ? WHERE id = ?"),
                {m.margin, rank, m.pairId},
                [&] { return tr("database %1 has no pair %2").arg(m_path).arg(m.pairId); });
            if (!changed.ok())
                return changed;
        }
        return {};
    });
}

Status Store::setGoldAnswer(qint64 pairId, std::optional<VoteChoice> answer)
{
    if (answer && *answer == VoteChoice::Skip)
        return fail(tr("database %1: \"skip\" cannot be the answer of gold pair %2").arg(m_path).arg(pairId));
    return changeOneRow(tr("set the gold answer of pair %1").arg(pairId),
                        QStringLiteral("UPDATE pairs SET gold = ?, gold_choice = ? WHERE id = ?"),
                        {answer ? 1 : 0,
                         answer ? QVariant(voteChoiceToString(*answer)) : QVariant(QMetaType::fromType<QString>()),
                         pairId},
                        [&] { return tr("database %1 has no pair %2").arg(m_path).arg(pairId); });
}

Result<GuidelineRecord> Store::guidelines()
{
    auto latest = optionalRow(exec(tr("read the labeling guidelines"),
                                   QStringLiteral("SELECT ") + kGuidelineColumns +
                                       QStringLiteral(" FROM guidelines ORDER BY version DESC LIMIT 1")),
                              guidelineFrom);
    if (!latest.ok())
        return fail(latest.error());
    return latest->value_or(GuidelineRecord{});
}

Result<GuidelineRecord> Store::addGuidelines(const QString &text, const QString &author)
{
    const QString who = author.trimmed();
    if (who.isEmpty())
        return fail(tr("database %1: new labeling guidelines need an author").arg(m_path));
    GuidelineRecord record;
    record.text = text;
    record.author = who;
    record.createdAt = QDateTime::currentDateTimeUtc();
    Status status = transaction([&]() -> Status {
        // Inside the write transaction, so two editors cannot take the same number.
        auto next = step(tr("add labeling guidelines"),
                         QStringLiteral("SELECT COALESCE(MAX(version), 0) + 1 FROM guidelines"));
        if (!next.ok())
            return fail(next.error());
        record.version = next->value(0).toInt();
        auto q = step(tr("add labeling guidelines version %1").arg(record.version),
                      QStringLiteral("INSERT INTO guidelines (version, text, author, created_at) VALUES (?, ?, ?, ?)"),
                      {record.version, textOrEmpty(text), who, timeText(record.createdAt)});
        if (!q.ok())
            return fail(q.error());
        return {};
    });
    if (!status.ok())
        return fail(status.error());
    // What a later read returns (the stored time has millisecond precision).
    record.createdAt = timeFrom(timeText(record.createdAt));
    return record;
}

Result<QVector<GuidelineRecord>> Store::guidelineHistory()
{
    return allRows(exec(tr("read the labeling guidelines"),
                        QStringLiteral("SELECT ") + kGuidelineColumns +
                            QStringLiteral(" FROM guidelines ORDER BY version DESC")),
                   guidelineFrom);
}

} // namespace lab
