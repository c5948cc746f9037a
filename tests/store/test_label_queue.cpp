// The labeling queue of the lab database: stratified order, gold and overlap draws, reward
// margins, exclusion, undo with its counters, guidelines versions, the v3 -> v4 migration, two
// processes voting at once, and the failure signatures synth and import write.
#include "core/logs/log_signature.h"
#include "core/store/migrations.h"
#include "core/store/store.h"
#include "core/synth/incident_generator.h"
#include "core/synth/synth_project.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <stdexcept>

using namespace lab;

namespace {

constexpr char kChildDbVariable[] = "LAB_QUEUE_CHILD_DB";
constexpr char kChildVotesVariable[] = "LAB_QUEUE_CHILD_VOTES";

#define REQUIRE_OK(expr)                                                                           \
    do {                                                                                           \
        const auto &r_ = (expr);                                                                   \
        if (!r_.ok())                                                                              \
            QFAIL(qPrintable(QStringLiteral(#expr ": ") + r_.error()));                            \
    } while (false)

template <typename T>
T take(Result<T> result)
{
    if (!result.ok())
        throw std::runtime_error(result.error().toStdString());
    return std::move(result).value();
}

// One incident of (kind, signature) with two explanations; `count` pairs between them.
QVector<qint64> addStratum(Store &store, const QString &kind, const QString &signature, int count,
                           std::optional<VoteChoice> gold = std::nullopt)
{
    IncidentRecord incident;
    incident.title = kind + QLatin1Char('/') + signature;
    incident.kind = kind;
    incident.signature = signature;
    const qint64 incidentId = take(store.addIncident(incident));
    ExplanationRecord a;
    a.incidentId = incidentId;
    a.text = QStringLiteral("Executor 3 ran out of memory.");
    ExplanationRecord b = a;
    b.text = QStringLiteral("The job failed.");
    PairRecord pair;
    pair.incidentId = incidentId;
    pair.explanationA = take(store.addExplanation(a));
    pair.explanationB = take(store.addExplanation(b));
    pair.goldChoice = gold;
    QVector<qint64> ids;
    for (int i = 0; i < count; ++i)
        ids.append(take(store.addPair(pair)));
    return ids;
}

VoteRecord makeVote(qint64 pair, qint64 annotator, VoteChoice choice = VoteChoice::ABetter)
{
    VoteRecord v;
    v.pairId = pair;
    v.annotatorId = annotator;
    v.choice = choice;
    v.guidelineVersion = QStringLiteral("1");
    return v;
}

QueueOptions ordinaryOnly()
{
    QueueOptions o;
    o.goldRate = 0;
    o.overlapRate = 0;
    return o;
}

qint64 scalar(Store &store, const QString &sql)
{
    auto db = store.connection();
    QSqlQuery q(*db);
    if (!q.exec(sql) || !q.next())
        throw std::runtime_error(QString(sql + QStringLiteral(": ") + q.lastError().text()).toStdString());
    return q.value(0).toLongLong();
}

// The trigger-kept counters progress() reads, recounted from the votes themselves; empty if equal.
QString countersDisagree(Store &store)
{
    auto progress = store.progress();
    if (!progress.ok())
        return progress.error();
    const qint64 verdicts = scalar(store, QStringLiteral("SELECT COUNT(*) FROM comparisons WHERE choice <> 'skip'"));
    const qint64 votedPairs = scalar(store, QStringLiteral("SELECT COUNT(DISTINCT pair_id) FROM comparisons"
                                                           " WHERE choice <> 'skip'"));
    const qint64 pairs = scalar(store, QStringLiteral("SELECT COUNT(*) FROM pairs"));
    if (progress->votes != verdicts || progress->votedPairs != votedPairs || progress->pairs != pairs)
        return QStringLiteral("totals %1/%2/%3, counted %4/%5/%6")
            .arg(progress->pairs).arg(progress->votedPairs).arg(progress->votes)
            .arg(pairs).arg(votedPairs).arg(verdicts);
    for (const AnnotatorProgress &a : progress->perAnnotator) {
        const qint64 counted = scalar(store, QStringLiteral("SELECT COUNT(*) FROM comparisons WHERE annotator_id = %1")
                                                 .arg(a.annotatorId));
        if (counted != a.votes)
            return QStringLiteral("annotator %1: counter %2, counted %3").arg(a.name).arg(a.votes).arg(counted);
    }
    const qint64 stalePairs = scalar(store, QStringLiteral(
        "SELECT COUNT(*) FROM pairs p WHERE p.vote_count <> (SELECT COUNT(*) FROM comparisons c"
        " WHERE c.pair_id = p.id AND c.choice <> 'skip')"));
    if (stalePairs != 0)
        return QStringLiteral("%1 pairs have a wrong vote_count").arg(stalePairs);
    return {};
}

#define REQUIRE_COUNTERS(store)                                                                    \
    do {                                                                                           \
        const QString d_ = countersDisagree(store);                                                \
        QVERIFY2(d_.isEmpty(), qPrintable(d_));                                                    \
    } while (false)

// A plain QSQLITE connection for building an old-schema file by hand.
class RawDb
{
public:
    explicit RawDb(const QString &path) : m_name(QStringLiteral("raw_queue_%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawDb()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    bool execAll(const QStringList &statements)
    {
        for (const QString &s : statements) {
            QSqlQuery q(QSqlDatabase::database(m_name, false));
            if (!q.exec(s)) {
                qWarning("%s: %s", qPrintable(s), qPrintable(q.lastError().text()));
                return false;
            }
        }
        return true;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_open = false;
};

// Records `count` votes for `annotator` through nextPair, one commit each, as the GUI or the CLI
// does. Returns an error message or an empty string.
QString voteLoop(Store &store, const QString &annotator, int count)
{
    auto who = store.ensureAnnotator(annotator);
    if (!who.ok())
        return who.error();
    QueueOptions options; // default: gold and overlap draws included
    options.seed = 11;
    for (int i = 0; i < count; ++i) {
        auto next = store.nextPair(who->id, options);
        if (!next.ok())
            return next.error();
        if (!next->has_value())
            return QStringLiteral("%1 ran out of pairs after %2 votes").arg(annotator).arg(i);
        auto id = store.recordVote(makeVote((*next)->id, who->id, i % 7 == 0 ? VoteChoice::Skip : VoteChoice::BBetter));
        if (!id.ok())
            return id.error();
    }
    return {};
}

} // namespace

class TestLabelQueue : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::shared_ptr<Store> m_store;

    QString freshPath() { return m_dir.filePath(QStringLiteral("q%1.db").arg(++m_counter)); }

private Q_SLOTS:
    void init()
    {
        auto opened = Store::open(freshPath());
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        m_store = *opened;
    }
    void cleanup() { m_store.reset(); }

    void pairsCarryTheirStratumAndRank()
    {
        const QVector<qint64> big = addStratum(*m_store, QStringLiteral("k8s_oomkilled"), QStringLiteral("aaaa"), 4);
        const QVector<qint64> other = addStratum(*m_store, QStringLiteral("k8s_oomkilled"), QStringLiteral("bbbb"), 1);
        for (int k = 0; k < big.size(); ++k) {
            auto p = m_store->pair(big[k]);
            REQUIRE_OK(p);
            QCOMPARE(p->kind, QStringLiteral("k8s_oomkilled"));
            QCOMPARE(p->signature, QStringLiteral("aaaa"));
            // The k-th pair of its stratum: rank k plus a fraction.
            QVERIFY2(p->queueRank >= k && p->queueRank < k + 1, qPrintable(QString::number(p->queueRank)));
            QVERIFY(!p->gold);
            QVERIFY(!p->rewardMargin.has_value());
        }
        QVERIFY(m_store->pair(other[0])->queueRank < 1.0);
        auto incident = m_store->incident(m_store->pair(other[0])->incidentId);
        QCOMPARE(incident->signature, QStringLiteral("bbbb"));
    }

    void stratifiedOrder()
    {
        // 50 copies of one failure first (lowest ids), then 10 other strata of 3 pairs: five
        // other kinds and five other signatures of the same kind.
        QHash<qint64, QString> stratumOf;
        for (qint64 id : addStratum(*m_store, QStringLiteral("spark_executor_oom"), QStringLiteral("s0"), 50))
            stratumOf.insert(id, QStringLiteral("spark_executor_oom/s0"));
        for (int i = 1; i <= 5; ++i) {
            const QString kind = QStringLiteral("kind%1").arg(i);
            for (qint64 id : addStratum(*m_store, kind, QStringLiteral("s0"), 3))
                stratumOf.insert(id, kind + QStringLiteral("/s0"));
            const QString signature = QStringLiteral("s%1").arg(i);
            for (qint64 id : addStratum(*m_store, QStringLiteral("spark_executor_oom"), signature, 3))
                stratumOf.insert(id, QStringLiteral("spark_executor_oom/") + signature);
        }
        const qint64 alice = m_store->ensureAnnotator(QStringLiteral("alice"))->id;
        QSet<QString> covered;
        QStringList order;
        for (int i = 0; i < 11; ++i) {
            auto next = m_store->nextPair(alice, ordinaryOnly());
            REQUIRE_OK(next);
            QVERIFY(next->has_value());
            const QString stratum = stratumOf.value((*next)->id);
            order << stratum;
            covered.insert(stratum);
            REQUIRE_OK(m_store->recordVote(makeVote((*next)->id, alice)));
        }
        QVERIFY2(covered.size() == 11, qPrintable(order.join(QLatin1Char(' '))));
        // ...and the next 10 are second pairs of 10 strata again, not the big stratum's run.
        QSet<QString> second;
        for (int i = 0; i < 11; ++i) {
            auto next = m_store->nextPair(alice, ordinaryOnly());
            second.insert(stratumOf.value((*next)->id));
            REQUIRE_OK(m_store->recordVote(makeVote((*next)->id, alice)));
        }
        QCOMPARE(second.size(), 11);
    }

    void goldRateAndNoRepeats()
    {
        const QVector<qint64> gold = addStratum(*m_store, QStringLiteral("gold"), QStringLiteral("g"), 200,
                                                VoteChoice::ABetter);
        QSet<qint64> goldIds(gold.cbegin(), gold.cend());
        for (int s = 0; s < 40; ++s)
            addStratum(*m_store, QStringLiteral("k%1").arg(s % 8), QStringLiteral("s%1").arg(s), 30);
        QCOMPARE(m_store->pair(gold[0])->goldChoice, std::optional<VoteChoice>(VoteChoice::ABetter));

        const qint64 alice = m_store->ensureAnnotator(QStringLiteral("alice"))->id;
        QueueOptions options;
        options.goldRate = 0.1;
        options.overlapRate = 0;
        options.seed = 3;
        QSet<qint64> served;
        int goldServed = 0;
        for (int i = 0; i < 1000; ++i) {
            auto next = m_store->nextPair(alice, options);
            REQUIRE_OK(next);
            QVERIFY(next->has_value());
            const qint64 id = (*next)->id;
            QVERIFY2(!served.contains(id), qPrintable(QStringLiteral("pair %1 served twice").arg(id)));
            served.insert(id);
            QCOMPARE((*next)->gold, goldIds.contains(id));
            goldServed += goldIds.contains(id) ? 1 : 0;
            // Skips close a pair for the annotator as well as verdicts do.
            REQUIRE_OK(m_store->recordVote(makeVote(id, alice, i % 5 == 0 ? VoteChoice::Skip : VoteChoice::ABetter)));
        }
        // 1,000 draws at 10%: 100 expected, 3 standard deviations (9.5) either side.
        QVERIFY2(goldServed >= 71 && goldServed <= 129, qPrintable(QString::number(goldServed)));
        QVERIFY(goldServed < gold.size()); // unseen gold remained throughout

        // Without a gold rate, gold pairs are never served: not in the ordinary order, and not
        // when the ordinary pairs run out.
        const qint64 bob = m_store->ensureAnnotator(QStringLiteral("bob"))->id;
        for (int i = 0; i < 1200; ++i) {
            auto next = m_store->nextPair(bob, ordinaryOnly());
            REQUIRE_OK(next);
            QVERIFY(next->has_value());
            QVERIFY2(!(*next)->gold, qPrintable(QStringLiteral("gold pair served at %1").arg(i)));
            REQUIRE_OK(m_store->recordVote(makeVote((*next)->id, bob)));
        }
        auto after = m_store->nextPair(bob, ordinaryOnly());
        REQUIRE_OK(after);
        QVERIFY(!after->has_value());
        // With gold asked for, the gold left over comes once the ordinary pairs are done.
        auto leftover = m_store->nextPair(bob);
        REQUIRE_OK(leftover);
        QVERIFY(leftover->has_value() && (*leftover)->gold);
    }

    void drawsArePureFunctionsOfPosition()
    {
        addStratum(*m_store, QStringLiteral("gold"), QStringLiteral("g"), 50, VoteChoice::BBetter);
        for (int s = 0; s < 10; ++s)
            addStratum(*m_store, QStringLiteral("k"), QStringLiteral("s%1").arg(s), 10);
        const qint64 alice = m_store->ensureAnnotator(QStringLiteral("alice"))->id;
        QueueOptions options;
        options.goldRate = 0.5;
        options.seed = 17;
        for (int i = 0; i < 20; ++i) {
            auto first = m_store->nextPair(alice, options);
            auto again = m_store->nextPair(alice, options);
            REQUIRE_OK(first);
            QCOMPARE((*first)->id, (*again)->id);
            REQUIRE_OK(m_store->recordVote(makeVote((*first)->id, alice)));
        }
    }

    void overlapServesPairsOthersVoted()
    {
        for (int s = 0; s < 10; ++s)
            addStratum(*m_store, QStringLiteral("k"), QStringLiteral("s%1").arg(s), 10);
        const qint64 alice = m_store->ensureAnnotator(QStringLiteral("alice"))->id;
        const qint64 bob = m_store->ensureAnnotator(QStringLiteral("bob"))->id;
        QSet<qint64> aliceVoted;
        qint64 aliceSkipped = 0;
        for (int i = 0; i < 21; ++i) {
            const qint64 id = (*m_store->nextPair(alice, ordinaryOnly()))->id;
            // A skip is no verdict: nothing to agree with.
            const bool skip = i == 20;
            REQUIRE_OK(m_store->recordVote(makeVote(id, alice, skip ? VoteChoice::Skip : VoteChoice::Tie)));
            if (skip)
                aliceSkipped = id;
            else
                aliceVoted.insert(id);
        }
        QueueOptions overlap = ordinaryOnly();
        overlap.overlapRate = 1.0;
        for (int i = 0; i < 20; ++i) {
            auto next = m_store->nextPair(bob, overlap);
            REQUIRE_OK(next);
            QVERIFY2(aliceVoted.contains((*next)->id), qPrintable(QString::number((*next)->id)));
            REQUIRE_OK(m_store->recordVote(makeVote((*next)->id, bob)));
        }
        // Alice's verdicts are used up: the queue goes on with ordinary pairs.
        auto next = m_store->nextPair(bob, overlap);
        REQUIRE_OK(next);
        QVERIFY(next->has_value());
        QVERIFY(!aliceVoted.contains((*next)->id));
        QVERIFY((*next)->id != aliceSkipped || (*next)->voteCount == 0);
    }

    void marginsPutLeastSurePairsFirst()
    {
        QVector<qint64> ids;
        for (int s = 0; s < 5; ++s)
            ids += addStratum(*m_store, QStringLiteral("k"), QStringLiteral("s%1").arg(s), 4);
        const qint64 sure = ids[17], unsure = ids[12], middle = ids[3];
        REQUIRE_OK(m_store->setPairMargins({{sure, 4.0}, {unsure, -0.1}, {middle, 0.5}}));
        QCOMPARE(m_store->pair(unsure)->rewardMargin, std::optional<double>(-0.1));
        QVERIFY(m_store->pair(sure)->queueRank < 0 && m_store->pair(sure)->queueRank >= -1);
        QVERIFY(!m_store->setPairMargins({{999999, 1.0}}).ok());
        QVERIFY(!m_store->setPairMargins({{sure, qQNaN()}}).ok());

        const qint64 alice = m_store->ensureAnnotator(QStringLiteral("alice"))->id;
        QVector<qint64> served;
        for (int i = 0; i < 4; ++i) {
            const qint64 id = (*m_store->nextPair(alice, ordinaryOnly()))->id;
            served << id;
            REQUIRE_OK(m_store->recordVote(makeVote(id, alice)));
        }
        QCOMPARE(served.mid(0, 3), (QVector<qint64>{unsure, middle, sure}));
    }

    void excludeIsHonoured()
    {
        const QVector<qint64> ids = addStratum(*m_store, QStringLiteral("k"), QStringLiteral("s"), 3);
        const qint64 alice = m_store->ensureAnnotator(QStringLiteral("alice"))->id;
        const qint64 first = (*m_store->nextPair(alice, ordinaryOnly()))->id;
        auto second = m_store->nextPair(alice, ordinaryOnly(), {first});
        REQUIRE_OK(second);
        QVERIFY(second->has_value() && (*second)->id != first);
        auto none = m_store->nextPair(alice, {}, QSet<qint64>(ids.cbegin(), ids.cend()));
        REQUIRE_OK(none);
        QVERIFY(!none->has_value());
        QVERIFY(!m_store->nextPair(alice, QueueOptions{-0.5, 0, 0}).ok());
        QVERIFY(!m_store->nextPair(424242).ok());
    }

    void deleteVoteKeepsCountersRight()
    {
        const QVector<qint64> ids = addStratum(*m_store, QStringLiteral("k"), QStringLiteral("s"), 4);
        const qint64 alice = m_store->ensureAnnotator(QStringLiteral("alice"))->id;
        const qint64 bob = m_store->ensureAnnotator(QStringLiteral("bob"))->id;
        REQUIRE_OK(m_store->recordVote(makeVote(ids[0], alice, VoteChoice::ABetter)));
        REQUIRE_OK(m_store->recordVote(makeVote(ids[0], bob, VoteChoice::Tie)));
        REQUIRE_OK(m_store->recordVote(makeVote(ids[1], alice, VoteChoice::Skip)));
        REQUIRE_OK(m_store->recordVote(makeVote(ids[2], alice, VoteChoice::BothBad)));
        REQUIRE_COUNTERS(*m_store);

        auto mine = m_store->vote(alice, ids[0]);
        REQUIRE_OK(mine);
        QVERIFY(mine->has_value());
        QCOMPARE((*mine)->choice, VoteChoice::ABetter);
        QCOMPARE((*mine)->guidelineVersion, QStringLiteral("1"));
        QVERIFY(!m_store->vote(alice, ids[3])->has_value());

        QCOMPARE(*m_store->deleteVote(alice, ids[0]), 1);
        QCOMPARE(*m_store->deleteVote(alice, ids[0]), 0);
        QCOMPARE(*m_store->deleteVote(alice, ids[1]), 1); // undoing a skip
        QVERIFY(!m_store->vote(alice, ids[0])->has_value());
        QCOMPARE(m_store->pair(ids[0])->voteCount, 1); // bob's tie remains
        REQUIRE_COUNTERS(*m_store);
        // The undone pair is open again for alice.
        QSet<qint64> open;
        for (int i = 0; i < 3; ++i) {
            const qint64 id = (*m_store->nextPair(alice, ordinaryOnly()))->id;
            open.insert(id);
            REQUIRE_OK(m_store->recordVote(makeVote(id, alice)));
        }
        QCOMPARE(open, (QSet<qint64>{ids[0], ids[1], ids[3]}));
        REQUIRE_COUNTERS(*m_store);
    }

    void votesSince()
    {
        const QVector<qint64> ids = addStratum(*m_store, QStringLiteral("k"), QStringLiteral("s"), 2);
        const qint64 alice = m_store->ensureAnnotator(QStringLiteral("alice"))->id;
        const QDateTime t0 = QDateTime(QDate(2024, 3, 1), QTime(10, 0), Qt::UTC);
        VoteRecord early = makeVote(ids[0], alice);
        early.createdAt = t0;
        VoteRecord late = makeVote(ids[1], alice);
        late.createdAt = t0.addSecs(60);
        REQUIRE_OK(m_store->recordVote(early));
        REQUIRE_OK(m_store->recordVote(late));
        VoteFilter filter;
        filter.since = t0.addSecs(60);
        auto recent = m_store->votes(filter);
        REQUIRE_OK(recent);
        QCOMPARE(recent->size(), 1);
        QCOMPARE(recent->at(0).pairId, ids[1]);
        filter.since = t0;
        QCOMPARE(m_store->votes(filter)->size(), 2);
    }

    void goldAnswers()
    {
        const qint64 id = addStratum(*m_store, QStringLiteral("k"), QStringLiteral("s"), 1)[0];
        REQUIRE_OK(m_store->setGoldAnswer(id, VoteChoice::BBetter));
        QVERIFY(m_store->pair(id)->gold);
        QCOMPARE(m_store->pair(id)->goldChoice, std::optional<VoteChoice>(VoteChoice::BBetter));
        PairFilter onlyGold;
        onlyGold.gold = true;
        QCOMPARE(m_store->pairs(onlyGold)->size(), 1);
        QVERIFY(!m_store->setGoldAnswer(id, VoteChoice::Skip).ok());
        QVERIFY(!m_store->setGoldAnswer(987654, VoteChoice::Tie).ok());
        REQUIRE_OK(m_store->setGoldAnswer(id, std::nullopt));
        QVERIFY(!m_store->pair(id)->gold);
        QVERIFY(!m_store->pair(id)->goldChoice.has_value());
        QCOMPARE(m_store->pairs(onlyGold)->size(), 0);
    }

    void guidelineVersions()
    {
        auto none = m_store->guidelines();
        REQUIRE_OK(none);
        QCOMPARE(none->version, 0);
        QVERIFY(none->text.isEmpty());
        QVERIFY(m_store->guidelineHistory()->isEmpty());

        auto first = m_store->addGuidelines(QStringLiteral("# Vote\nPrefer the root cause."), QStringLiteral("lead"));
        REQUIRE_OK(first);
        QCOMPARE(first->version, 1);
        auto second = m_store->addGuidelines(QStringLiteral("# Vote\nPrefer the root cause. Flag hallucinations."),
                                             QStringLiteral(" alice "));
        REQUIRE_OK(second);
        QCOMPARE(second->version, 2);
        QCOMPARE(second->author, QStringLiteral("alice"));
        QVERIFY(!m_store->addGuidelines(QStringLiteral("x"), QStringLiteral("  ")).ok());

        auto latest = m_store->guidelines();
        REQUIRE_OK(latest);
        QCOMPARE(latest->version, 2);
        QCOMPARE(latest->text, second->text);
        QCOMPARE(latest->createdAt, second->createdAt);
        auto history = m_store->guidelineHistory();
        REQUIRE_OK(history);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).version, 2);
        QCOMPARE(history->at(1).version, 1);
        QCOMPARE(history->at(1).author, QStringLiteral("lead"));
    }

    void migrationFromVersion3RanksPairsAndKeepsVotes()
    {
        const QString path = freshPath();
        {
            RawDb raw(path);
            QVERIFY(raw.isOpen());
            QStringList statements;
            for (const Migration &m : migrations()) {
                if (m.version > 3)
                    break;
                statements += m.statements;
                statements << QStringLiteral("INSERT INTO schema_version (version, description) VALUES (%1, 'v%1')")
                                  .arg(m.version);
            }
            statements << QStringLiteral("INSERT INTO incidents (id, title, origin, source, kind, created_at) VALUES"
                                         " (1, 'a', 'synthetic', 'spark', 'spark_skew', 'x'),"
                                         " (2, 'b', 'synthetic', 'k8s', 'k8s_oomkilled', 'x')")
                       << QStringLiteral("INSERT INTO explanations (id, incident_id, text, created_at) VALUES"
                                         " (1, 1, 'skew', 'x'), (2, 1, 'failed', 'x'), (3, 2, 'oom', 'x'), (4, 2, 'x', 'x')");
            QString pairs = QStringLiteral("INSERT INTO pairs (id, incident_id, explanation_a, explanation_b, gold, created_at) VALUES ");
            QStringList rows;
            for (int id = 1; id <= 8; ++id) // 6 spark_skew pairs, 2 k8s_oomkilled pairs
                rows << (id <= 6 ? QStringLiteral("(%1, 1, 1, 2, %2, 'x')").arg(id).arg(id == 2 ? 1 : 0)
                                 : QStringLiteral("(%1, 2, 3, 4, 0, 'x')").arg(id));
            statements << pairs + rows.join(QLatin1Char(','))
                       << QStringLiteral("INSERT INTO annotators (id, name, created_at) VALUES (1, 'alice', 'x'), (2, 'bob', 'x')")
                       << QStringLiteral("INSERT INTO comparisons (pair_id, annotator_id, shown_left, choice, created_at) VALUES"
                                         " (1, 1, 'a', 'a_better', 'x'), (1, 2, 'b', 'tie', 'x'), (7, 1, 'a', 'skip', 'x'),"
                                         " (3, 2, 'a', 'both_bad', 'x')");
            QVERIFY(raw.execAll(statements));
        }
        auto opened = Store::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        Store &store = **opened;
        QCOMPARE(*store.schemaVersion(), Store::latestSchemaVersion());
        QCOMPARE(store.backupPath(), path + QStringLiteral(".v3.bak"));
        QCOMPARE(*store.countVotes(), 4);
        QCOMPARE(store.pair(1)->voteCount, 2);
        REQUIRE_COUNTERS(store);

        // Ranks: k-th pair of each (kind, signature) stratum in id order gets k + a fraction.
        for (int id = 1; id <= 8; ++id) {
            const PairRecord p = take(store.pair(id));
            const int k = id <= 6 ? id - 1 : id - 7;
            QVERIFY2(p.queueRank >= k && p.queueRank < k + 1,
                     qPrintable(QStringLiteral("pair %1 rank %2").arg(id).arg(p.queueRank)));
            QCOMPARE(p.signature, QString());
            QVERIFY(!p.gold); // a v3 gold pair had no answer
        }
        // New pairs continue their stratum's count.
        PairRecord more;
        more.incidentId = 2;
        more.explanationA = 3;
        more.explanationB = 4;
        const qint64 added = take(store.addPair(more));
        QVERIFY(store.pair(added)->queueRank >= 2 && store.pair(added)->queueRank < 3);
        QCOMPARE(store.pair(added)->kind, QStringLiteral("k8s_oomkilled"));

        // The queue works on the migrated file: bob's first ordinary pair is a first of a stratum.
        auto next = store.nextPair(2, ordinaryOnly());
        REQUIRE_OK(next);
        QVERIFY(next->has_value());
        QVERIFY((*next)->queueRank < 1);
        QCOMPARE(store.guidelines()->version, 0);
    }

    void twoProcessesVoteAtOnce()
    {
        for (int s = 0; s < 20; ++s)
            addStratum(*m_store, QStringLiteral("k%1").arg(s % 4), QStringLiteral("s%1").arg(s), 15,
                       s % 5 == 0 ? std::optional<VoteChoice>(VoteChoice::ABetter) : std::nullopt);
        constexpr int kVotes = 150;
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildDbVariable), m_store->path());
        env.insert(QString::fromLatin1(kChildVotesVariable), QString::number(kVotes));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted(10000));

        const QString parentError = voteLoop(*m_store, QStringLiteral("gui"), kVotes);
        QVERIFY(child.waitForFinished(60000));
        QVERIFY2(parentError.isEmpty(), qPrintable(parentError));
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 child.readAllStandardError().constData());

        const qint64 gui = m_store->annotatorByName(QStringLiteral("gui"))->value().id;
        const qint64 cli = m_store->annotatorByName(QStringLiteral("cli"))->value().id;
        QCOMPARE(scalar(*m_store, QStringLiteral("SELECT COUNT(*) FROM comparisons WHERE annotator_id = %1").arg(gui)),
                 qint64(kVotes));
        QCOMPARE(scalar(*m_store, QStringLiteral("SELECT COUNT(*) FROM comparisons WHERE annotator_id = %1").arg(cli)),
                 qint64(kVotes));
        QCOMPARE(*m_store->countVotes(), qint64(2 * kVotes));
        REQUIRE_COUNTERS(*m_store);
    }

    void logSignatureIgnoresIdentifiers()
    {
        const QString a = QStringLiteral(
            "2024-05-01 10:00:00,001 INFO scheduler.DAGScheduler: Submitting 200 missing tasks\n"
            "2024-05-01 10:00:03,120 WARN metrics.MetricsSystem: Exception when trying to compute pagesize\n"
            "2024-05-01 10:00:05,442 ERROR cluster.YarnScheduler: Lost executor 7 on ip-10-0-3-17: Container killed"
            " by YARN for exceeding memory limits. 9.1 GB of 9 GB physical memory used\n"
            "2024-05-01 10:00:05,500 ERROR datasources.FileFormatWriter: Aborting job 'orders_daily'.\n"
            "java.lang.OutOfMemoryError: Java heap space\n");
        QString b = a;
        b.replace(QStringLiteral("executor 7"), QStringLiteral("executor 12"))
            .replace(QStringLiteral("ip-10-0-3-17"), QStringLiteral("ip-10-0-9-201"))
            .replace(QStringLiteral("orders_daily"), QStringLiteral("billing-events"))
            .replace(QStringLiteral("9.1 GB"), QStringLiteral("12.4 GB"));
        const QString signature = logSignature(a);
        QCOMPARE(signature.size(), 16);
        QCOMPARE(logSignature(b), signature);
        // A WARN that mentions an exception is not part of the failure.
        QString quieter = a;
        quieter.remove(QStringLiteral("2024-05-01 10:00:03,120 WARN metrics.MetricsSystem: Exception when trying to compute pagesize\n"));
        QCOMPARE(logSignature(quieter), signature);
        // Another failure is another signature.
        QString other = a;
        other.replace(QStringLiteral("java.lang.OutOfMemoryError: Java heap space"),
                      QStringLiteral("org.apache.spark.shuffle.FetchFailedException: Failed to connect"));
        QVERIFY(logSignature(other) != signature);
        QVERIFY(logFailureTemplates(a).contains(QStringLiteral("java.lang.OutOfMemoryError: Java heap space")));
        // No failure line: no signature.
        QCOMPARE(logSignature(QStringLiteral("2024-05-01 10:00:00,001 INFO a.B: all good\n")), QString());
        QCOMPARE(logSignature(QString()), QString());
    }

    void synthWritesSignaturesAndGold()
    {
        // Incidents of one failure share a signature across their random tables, pipelines, ids.
        QSet<QString> nullSequence;
        for (int i = 0; i < 10; ++i)
            nullSequence.insert(logSignature(synth::generateIncident(5, i, synth::IncidentKind::DltNullSequenceBy).log));
        QCOMPARE(nullSequence.size(), 1);
        QVERIFY(!nullSequence.begin()->isEmpty());

        auto summary = synth::writeSyntheticIncidents(*m_store, 5, 42);
        REQUIRE_OK(summary);
        const QVector<IncidentRecord> incidents = take(m_store->incidents());
        QSet<QString> strata;
        int withSignature = 0;
        for (const IncidentRecord &incident : incidents) {
            QCOMPARE(incident.signature, logSignature(m_store->logFor(incident.id)->content));
            withSignature += incident.signature.isEmpty() ? 0 : 1;
            strata.insert(incident.kind + QLatin1Char('/') + incident.signature);
        }
        // Some event logs put their failures at INFO (no signature: they group by kind alone);
        // most logs have one.
        QVERIFY2(withSignature >= 30, qPrintable(QString::number(withSignature)));
        // 42 incidents over 21 kinds, twice each: many share their kind's stratum.
        QVERIFY2(strata.size() >= 21 && strata.size() <= 34, qPrintable(QString::number(strata.size())));

        // One incident in ten (0, 10, 20, 30, 40): its two good-vs-bad pairs are gold, good wins.
        int gold = 0;
        const QVector<PairRecord> pairs = take(m_store->pairs());
        for (const PairRecord &p : pairs) {
            const QString styleA = m_store->explanation(p.explanationA)->style;
            const QString styleB = m_store->explanation(p.explanationB)->style;
            QCOMPARE(p.signature, m_store->incident(p.incidentId)->signature);
            if (!p.gold)
                continue;
            ++gold;
            QVERIFY(styleA == QLatin1String("good") || styleB == QLatin1String("good"));
            QCOMPARE(*p.goldChoice, styleA == QLatin1String("good") ? VoteChoice::ABetter : VoteChoice::BBetter);
        }
        QCOMPARE(gold, 5 * 2);
    }
};

// Child mode of twoProcessesVoteAtOnce: the same binary, told by the environment to vote as "cli".
static int childMain()
{
    auto opened = Store::open(qEnvironmentVariable(kChildDbVariable));
    if (!opened.ok()) {
        QTextStream(stderr) << opened.error() << '\n';
        return 3;
    }
    const QString error = voteLoop(**opened, QStringLiteral("cli"), qEnvironmentVariableIntValue(kChildVotesVariable));
    if (!error.isEmpty()) {
        QTextStream(stderr) << error << '\n';
        return 4;
    }
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kChildDbVariable))
        return childMain();
    TestLabelQueue test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_label_queue.moc"
