// Blind A/B review votes (table review_votes).
#include "core/store/store.h"
#include "core/store/store_sql.h"

namespace lab {

using namespace storesql;

namespace {

const QString kReviewColumns = QStringLiteral(
    "id, incident_id, model_a, model_b, text_a, text_b, shown_left, choice, reviewer, created_at");

ReviewVoteRecord reviewVoteFrom(const QSqlQuery &q)
{
    ReviewVoteRecord r;
    r.id = q.value(0).toLongLong();
    r.incidentId = q.value(1).toLongLong();
    r.modelA = q.value(2).toString();
    r.modelB = q.value(3).toString();
    r.textA = q.value(4).toString();
    r.textB = q.value(5).toString();
    r.shownLeft = candidateFromString(q.value(6).toString()).value_or(Candidate::A);
    r.choice = voteChoiceFromString(q.value(7).toString()).value_or(VoteChoice::Tie);
    r.reviewer = q.value(8).toString();
    r.createdAt = timeFrom(q.value(9));
    return r;
}

} // namespace

Result<qint64> Store::addReviewVote(const ReviewVoteRecord &vote)
{
    if (vote.choice == VoteChoice::Skip)
        return fail(tr("database %1: cannot record a review vote on incident %2: a review vote is a verdict, not a skip")
                        .arg(m_path)
                        .arg(vote.incidentId));
    if (vote.modelA.isEmpty() || vote.modelB.isEmpty())
        return fail(tr("database %1: cannot record a review vote on incident %2: both models must be named")
                        .arg(m_path)
                        .arg(vote.incidentId));
    return insertReturningId(
        tr("record a review vote on incident %1").arg(vote.incidentId),
        QStringLiteral("INSERT INTO review_votes (incident_id, model_a, model_b, text_a, text_b, shown_left, choice,"
                       " reviewer, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {vote.incidentId, vote.modelA, vote.modelB, textOrEmpty(vote.textA), textOrEmpty(vote.textB),
         candidateToString(vote.shownLeft), voteChoiceToString(vote.choice), textOrEmpty(vote.reviewer),
         timeText(vote.createdAt)},
        [&] {
            return requireRow(tr("record a review vote"), QStringLiteral("SELECT 1 FROM incidents WHERE id = ?"),
                              {vote.incidentId}, [&] {
                                  return tr("database %1: cannot record a review vote: there is no incident %2")
                                      .arg(m_path)
                                      .arg(vote.incidentId);
                              });
        });
}

Result<QVector<ReviewVoteRecord>> Store::reviewVotes(const QString &modelA, const QString &modelB)
{
    QString sql = QStringLiteral("SELECT ") + kReviewColumns + QStringLiteral(" FROM review_votes");
    QVariantList binds;
    if (!modelA.isEmpty() || !modelB.isEmpty()) {
        sql += QStringLiteral(" WHERE model_a = ? AND model_b = ?");
        binds << modelA << modelB;
    }
    sql += QStringLiteral(" ORDER BY id");
    return allRows(exec(tr("read the review votes"), sql, binds), reviewVoteFrom);
}

} // namespace lab
