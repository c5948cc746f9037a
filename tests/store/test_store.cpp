// The lab database: round trips of every table, filters, votes and labeling order, the adapter
// invariant, transactions, and concurrent writers (threads and processes, SIGKILL after commit).
#include "core/store/store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <atomic>
#include <cmath>
#include <stdexcept>
#include <thread>

using namespace lab;

namespace {

// Fails the test function with the store's message when a call does not succeed.
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

IncidentRecord makeIncident(const QString &title, const QString &kind, const QString &source)
{
    IncidentRecord r;
    r.title = title;
    r.kind = kind;
    r.source = source;
    r.logFormat = QStringLiteral("spark");
    r.seed = 7;
    r.groundTruth = QJsonObject{{QStringLiteral("root_cause_lines"), QJsonArray{3, 4}}};
    return r;
}

// An incident with two explanations and a pair between them; returns the pair id.
qint64 addPairFixture(Store &store, const QString &kind, bool gold = false)
{
    const qint64 incident = take(store.addIncident(makeIncident(QStringLiteral("fixture ") + kind, kind,
                                                                QString(kSourceSpark))));
    ExplanationRecord a;
    a.incidentId = incident;
    a.text = QStringLiteral("Executor 3 ran out of memory.");
    a.style = QStringLiteral("good");
    ExplanationRecord b = a;
    b.text = QStringLiteral("The job failed.");
    b.style = QStringLiteral("generic");
    PairRecord pair;
    pair.incidentId = incident;
    pair.explanationA = take(store.addExplanation(a));
    pair.explanationB = take(store.addExplanation(b));
    if (gold)
        pair.goldChoice = VoteChoice::ABetter;
    return take(store.addPair(pair));
}

VoteRecord makeVote(qint64 pair, qint64 annotator, VoteChoice choice)
{
    VoteRecord v;
    v.pairId = pair;
    v.annotatorId = annotator;
    v.choice = choice;
    v.shownLeft = Candidate::B;
    v.tags = QStringList{QStringLiteral("hallucination"), QStringLiteral("unsafe")};
    v.rationale = QStringLiteral("A names the executor");
    v.guidelineVersion = QStringLiteral("g1");
    return v;
}

int storeConnectionCount()
{
    int n = 0;
    for (const QString &name : QSqlDatabase::connectionNames())
        if (name.startsWith(QLatin1String("lab_store_")))
            ++n;
    return n;
}

// Recounts labeling progress from the votes themselves and compares it with the trigger-kept
// counters that progress() reads. Returns an empty string when they agree.
QString countersDisagree(Store &store)
{
    auto progress = store.progress();
    if (!progress.ok())
        return progress.error();
    auto db = store.connection();
    QSqlQuery q(*db);
    if (!q.exec(QStringLiteral("SELECT i.kind, COUNT(*), SUM(v.n > 0), SUM(v.n) FROM pairs p"
                               " JOIN incidents i ON i.id = p.incident_id"
                               " JOIN (SELECT p2.id AS pid, (SELECT COUNT(*) FROM comparisons c"
                               "  WHERE c.pair_id = p2.id AND c.choice <> 'skip') AS n FROM pairs p2) v ON v.pid = p.id"
                               " GROUP BY i.kind ORDER BY i.kind")))
        return q.lastError().text();
    QStringList expected, actual;
    while (q.next())
        expected << QStringLiteral("%1:%2/%3/%4").arg(q.value(0).toString()).arg(q.value(1).toLongLong())
                        .arg(q.value(2).toLongLong()).arg(q.value(3).toLongLong());
    for (const KindProgress &k : progress->perKind)
        actual << QStringLiteral("%1:%2/%3/%4").arg(k.kind).arg(k.pairs).arg(k.votedPairs).arg(k.votes);
    if (expected != actual)
        return QStringLiteral("per kind: expected %1, counters say %2")
            .arg(expected.join(QLatin1Char(' ')), actual.join(QLatin1Char(' ')));
    for (const AnnotatorProgress &a : progress->perAnnotator) {
        QSqlQuery c(*db);
        c.exec(QStringLiteral("SELECT COUNT(*) FROM comparisons WHERE annotator_id = %1").arg(a.annotatorId));
        c.next();
        if (c.value(0).toLongLong() != a.votes)
            return QStringLiteral("annotator %1: %2 votes, counter says %3").arg(a.name).arg(c.value(0).toLongLong()).arg(a.votes);
    }
    return {};
}

#define REQUIRE_COUNTERS(store)                                                                    \
    do {                                                                                           \
        const QString why_ = countersDisagree(store);                                              \
        QVERIFY2(why_.isEmpty(), qPrintable(why_));                                                \
    } while (false)

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::shared_ptr<Store> m_store;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        static int counter = 0;
        m_path = m_dir.filePath(QStringLiteral("lab%1.db").arg(++counter));
        auto opened = Store::open(m_path);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        m_store = *opened;
    }
    void cleanup() { m_store.reset(); }

    void createAndReopen()
    {
        QCOMPARE(*m_store->schemaVersion(), Store::latestSchemaVersion());
        QVERIFY(m_store->backupPath().isEmpty());
        const qint64 id = *m_store->addIncident(makeIncident(QStringLiteral("t"), QStringLiteral("k"),
                                                             QString(kSourceK8s)));
        m_store.reset();
        QCOMPARE(storeConnectionCount(), 0);

        auto reopened = Store::open(m_path);
        QVERIFY2(reopened.ok(), qPrintable(reopened.error()));
        QVERIFY((*reopened)->backupPath().isEmpty());
        auto incident = (*reopened)->incident(id);
        REQUIRE_OK(incident);
        QCOMPARE(incident->title, QStringLiteral("t"));
    }

    void connectionSettings()
    {
        auto db = m_store->connection();
        REQUIRE_OK(db);
        auto pragma = [&](const char *name) {
            QSqlQuery q(*db);
            if (!q.exec(QStringLiteral("PRAGMA ") + QLatin1String(name)) || !q.next())
                return QString();
            return q.value(0).toString();
        };
        QCOMPARE(pragma("journal_mode"), QStringLiteral("wal"));
        QCOMPARE(pragma("foreign_keys"), QStringLiteral("1"));
        QCOMPARE(pragma("busy_timeout"), QStringLiteral("5000"));
        QCOMPARE(pragma("synchronous"), QStringLiteral("1")); // NORMAL
    }

    void incidentRoundTrip()
    {
        IncidentRecord in = makeIncident(QStringLiteral("Executor OOM in stage 12"),
                                         QStringLiteral("spark_executor_oom"), QString(kSourceSpark));
        in.origin = QString(kOriginImported);
        in.status = QStringLiteral("held_out");
        in.seed = -42;
        in.createdAt = QDateTime(QDate(2024, 3, 1), QTime(12, 30, 15, 250), Qt::UTC);
        const qint64 id = *m_store->addIncident(in);
        QVERIFY(id > 0);
        auto out = m_store->incident(id);
        REQUIRE_OK(out);
        QCOMPARE(out->id, id);
        QCOMPARE(out->title, in.title);
        QCOMPARE(out->origin, in.origin);
        QCOMPARE(out->source, in.source);
        QCOMPARE(out->kind, in.kind);
        QCOMPARE(out->logFormat, in.logFormat);
        QCOMPARE(out->status, in.status);
        QCOMPARE(out->seed, std::optional<qint64>(-42));
        QCOMPARE(out->groundTruth, in.groundTruth);
        QCOMPARE(out->createdAt, in.createdAt);

        IncidentRecord noSeed = makeIncident(QStringLiteral("imported"), QString(), QString(kSourceOther));
        noSeed.seed.reset();
        const qint64 second = *m_store->addIncident(noSeed);
        QVERIFY(!m_store->incident(second)->seed.has_value());
        // An unset creation time means now.
        QVERIFY(qAbs(m_store->incident(second)->createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        REQUIRE_OK(m_store->setIncidentStatus(id, QStringLiteral("labeled")));
        QCOMPARE(m_store->incident(id)->status, QStringLiteral("labeled"));
        const QJsonObject truth{{QStringLiteral("safe_actions"), QJsonArray{QStringLiteral("raise memory")}}};
        REQUIRE_OK(m_store->setGroundTruth(id, truth));
        QCOMPARE(m_store->incident(id)->groundTruth, truth);

        QVERIFY(!m_store->incident(9999).ok());
        QVERIFY(m_store->incident(9999).error().contains(QLatin1String("no incident 9999")));
        QVERIFY(!m_store->setIncidentStatus(9999, QStringLiteral("x")).ok());
    }

    void incidentValidation()
    {
        IncidentRecord bad = makeIncident(QStringLiteral("t"), QString(), QStringLiteral("mainframe"));
        auto r = m_store->addIncident(bad);
        QVERIFY(!r.ok());
        QVERIFY(r.error().contains(QLatin1String("mainframe")));
        bad.source = QString(kSourceS3);
        bad.origin = QStringLiteral("invented");
        QVERIFY(!m_store->addIncident(bad).ok());
        bad.origin = QString(kOriginSynthetic);
        bad.title = QStringLiteral("  ");
        QVERIFY(!m_store->addIncident(bad).ok());
        QCOMPARE(*m_store->countIncidents(), 0);
    }

    void logRoundTrip()
    {
        const qint64 incident = *m_store->addIncident(makeIncident(QStringLiteral("t"), QString(), QString(kSourceApp)));
        QVERIFY(!m_store->logFor(incident).ok());

        StoredLog log;
        log.incidentId = incident;
        log.name = QStringLiteral("driver.log");
        log.originalPath = QStringLiteral("/var/log/spark/driver.log");
        log.format = QStringLiteral("spark");
        log.content = QStringLiteral("line 1\nline 2 \u00e9\nline 3"); // no final newline
        const qint64 first = *m_store->addLog(log);
        StoredLog second = log;
        second.name = QStringLiteral("executor.log");
        second.content = QStringLiteral("a\nb\n");
        REQUIRE_OK(m_store->addLog(second));

        auto one = m_store->logFor(incident);
        REQUIRE_OK(one);
        QCOMPARE(one->id, first);
        QCOMPARE(one->name, log.name);
        QCOMPARE(one->originalPath, log.originalPath);
        QCOMPARE(one->format, log.format);
        QCOMPARE(one->content, log.content);
        QCOMPARE(one->lineCount, 3);
        auto all = m_store->logsFor(incident);
        REQUIRE_OK(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(1).lineCount, 2);

        log.incidentId = 12345;
        auto orphan = m_store->addLog(log);
        QVERIFY(!orphan.ok());
        QVERIFY(orphan.error().contains(QLatin1String("no incident 12345")));
    }

    void incidentFilters()
    {
        struct Row { const char *title; const char *kind; QLatin1String source; const char *status; };
        const Row rows[] = {
            {"Spark OOM on stage 3", "spark_executor_oom", kSourceSpark, "open"},
            {"Spark skew 100% on key", "spark_skew", kSourceSpark, "labeled"},
            {"Pod OOMKilled", "k8s_oomkilled", kSourceK8s, "open"},
            {"Bucket AccessDenied", "s3_access_denied", kSourceS3, "open"},
            {"Another spark OOM", "spark_executor_oom", kSourceSpark, "held_out"},
        };
        for (const Row &row : rows) {
            IncidentRecord r = makeIncident(QLatin1String(row.title), QLatin1String(row.kind), QString(row.source));
            r.status = QLatin1String(row.status);
            REQUIRE_OK(m_store->addIncident(r));
        }
        auto count = [&](const IncidentFilter &f) { return *m_store->countIncidents(f); };
        IncidentFilter f;
        QCOMPARE(count(f), 5);
        f.kind = QStringLiteral("spark_executor_oom");
        QCOMPARE(count(f), 2);
        f.status = QStringLiteral("open");
        QCOMPARE(count(f), 1);
        f = {};
        f.source = QString(kSourceSpark);
        QCOMPARE(count(f), 3);
        f = {};
        f.text = QStringLiteral("oom"); // case-insensitive, title or kind
        QCOMPARE(count(f), 3);
        f.text = QStringLiteral("100%"); // % is literal, not a wildcard
        QCOMPARE(count(f), 1);
        f.text = QStringLiteral("_");    // matches kinds with an underscore: all five
        QCOMPARE(count(f), 5);
        f.text = QStringLiteral("k%d");
        QCOMPARE(count(f), 0);

        f = {};
        f.source = QString(kSourceSpark);
        f.limit = 2;
        f.offset = 1;
        auto page = m_store->incidents(f);
        REQUIRE_OK(page);
        QCOMPARE(page->size(), 2);
        QCOMPARE(page->at(0).title, QStringLiteral("Spark skew 100% on key"));
        QCOMPARE(page->at(1).title, QStringLiteral("Another spark OOM"));
    }

    void explanationAndPairRoundTrip()
    {
        const qint64 incident = *m_store->addIncident(makeIncident(QStringLiteral("t"), QString(), QString(kSourceDlt)));
        AdapterRecord adapter;
        adapter.name = QStringLiteral("dpo-1");
        adapter.path = QStringLiteral("/tmp/dpo-1");
        const qint64 adapterId = *m_store->addAdapter(adapter);

        ExplanationRecord e;
        e.incidentId = incident;
        e.text = QStringLiteral("apply_changes got a null sequence_by in table orders");
        e.model = QStringLiteral("lab-tiny");
        e.adapterId = adapterId;
        e.meta = QJsonObject{{QStringLiteral("temperature"), 0.7}};
        const qint64 a = *m_store->addExplanation(e);
        ExplanationRecord synthetic;
        synthetic.incidentId = incident;
        synthetic.text = QStringLiteral("Something failed.");
        synthetic.style = QStringLiteral("generic");
        const qint64 b = *m_store->addExplanation(synthetic);

        auto out = m_store->explanation(a);
        REQUIRE_OK(out);
        QCOMPARE(out->text, e.text);
        QCOMPARE(out->model, e.model);
        QCOMPARE(out->adapterId, adapterId);
        QCOMPARE(out->meta, e.meta);
        QVERIFY(out->style.isEmpty());
        auto list = m_store->explanationsFor(incident);
        REQUIRE_OK(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(1).style, QStringLiteral("generic"));
        QCOMPARE(list->at(1).adapterId, 0);

        PairRecord p;
        p.incidentId = incident;
        p.explanationA = a;
        p.explanationB = b;
        p.gold = true;
        // A gold pair is only useful with its answer, and skip is no answer.
        QVERIFY(!m_store->addPair(p).ok());
        p.goldChoice = VoteChoice::Skip;
        QVERIFY(!m_store->addPair(p).ok());
        p.goldChoice = VoteChoice::ABetter;
        const qint64 pairId = *m_store->addPair(p);
        auto pair = m_store->pair(pairId);
        REQUIRE_OK(pair);
        QCOMPARE(pair->incidentId, incident);
        QCOMPARE(pair->explanationA, a);
        QCOMPARE(pair->explanationB, b);
        QVERIFY(pair->gold);
        QCOMPARE(pair->goldChoice, std::optional<VoteChoice>(VoteChoice::ABetter));
        QCOMPARE(pair->voteCount, 0);

        // A pair must compare two different explanations of its own incident.
        p.explanationB = a;
        QVERIFY(!m_store->addPair(p).ok());
        const qint64 other = *m_store->addIncident(makeIncident(QStringLiteral("o"), QString(), QString(kSourceDlt)));
        ExplanationRecord foreign = synthetic;
        foreign.incidentId = other;
        p.explanationB = *m_store->addExplanation(foreign);
        auto mismatch = m_store->addPair(p);
        QVERIFY(!mismatch.ok());
        QVERIFY(mismatch.error().contains(QLatin1String("explains incident")));
        p.explanationB = 99999;
        QVERIFY(!m_store->addPair(p).ok());

        PairFilter onlyGold;
        onlyGold.gold = true;
        QCOMPARE(m_store->pairs(onlyGold)->size(), 1);
        onlyGold.gold = false;
        QCOMPARE(m_store->pairs(onlyGold)->size(), 0);
        PairFilter byIncident;
        byIncident.incidentId = other;
        QCOMPARE(m_store->pairs(byIncident)->size(), 0);
    }

    void annotators()
    {
        auto alice = m_store->ensureAnnotator(QStringLiteral(" alice "));
        REQUIRE_OK(alice);
        QCOMPARE(alice->name, QStringLiteral("alice"));
        QCOMPARE(alice->kind, QString(kAnnotatorHuman));
        auto again = m_store->ensureAnnotator(QStringLiteral("alice"), QString(kAnnotatorSimulated));
        QCOMPARE(again->id, alice->id);
        QCOMPARE(again->kind, QString(kAnnotatorHuman)); // existing annotator is not changed
        REQUIRE_OK(m_store->ensureAnnotator(QStringLiteral("sim"), QString(kAnnotatorSimulated)));
        QCOMPARE(m_store->annotators()->size(), 2);
        QVERIFY(!m_store->annotatorByName(QStringLiteral("bob"))->has_value());
        QCOMPARE(m_store->annotatorByName(QStringLiteral("sim"))->value().kind, QString(kAnnotatorSimulated));
        QVERIFY(!m_store->ensureAnnotator(QString()).ok());
    }

    void votes()
    {
        const qint64 pair = addPairFixture(*m_store, QStringLiteral("k"));
        const qint64 alice = m_store->ensureAnnotator(QStringLiteral("alice"))->id;
        const qint64 bob = m_store->ensureAnnotator(QStringLiteral("bob"))->id;

        const VoteRecord first = makeVote(pair, alice, VoteChoice::ABetter);
        const qint64 id = *m_store->recordVote(first);
        REQUIRE_OK(m_store->recordVote(makeVote(pair, bob, VoteChoice::Skip)));

        auto stored = m_store->votesFor(pair);
        REQUIRE_OK(stored);
        QCOMPARE(stored->size(), 2);
        const VoteRecord &v = stored->at(0);
        QCOMPARE(v.id, id);
        QCOMPARE(v.annotatorId, alice);
        QCOMPARE(v.choice, VoteChoice::ABetter);
        QCOMPARE(v.shownLeft, Candidate::B);
        QCOMPARE(v.tags, first.tags);
        QCOMPARE(v.rationale, first.rationale);
        QCOMPARE(v.guidelineVersion, first.guidelineVersion);
        QVERIFY(v.createdAt.isValid());
        // A skip closes the pair for bob but is not a verdict.
        QCOMPARE(m_store->pair(pair)->voteCount, 1);

        // Voting again replaces the vote: same row, no second vote.
        VoteRecord changed = makeVote(pair, alice, VoteChoice::BothBad);
        changed.tags.clear();
        QCOMPARE(*m_store->recordVote(changed), id);
        stored = m_store->votesFor(pair);
        QCOMPARE(stored->size(), 2);
        QCOMPARE(stored->at(0).choice, VoteChoice::BothBad);
        QVERIFY(stored->at(0).tags.isEmpty());
        QCOMPARE(*m_store->countVotes(), 2);
        VoteFilter byBob;
        byBob.annotatorId = bob;
        QCOMPARE(m_store->votes(byBob)->size(), 1);
        QCOMPARE(m_store->votes(byBob)->at(0).choice, VoteChoice::Skip);
        // bob turns his skip into a verdict: the counter follows.
        REQUIRE_OK(m_store->recordVote(makeVote(pair, bob, VoteChoice::Tie)));
        QCOMPARE(m_store->pair(pair)->voteCount, 2);

        auto noPair = m_store->recordVote(makeVote(4242, alice, VoteChoice::Tie));
        QVERIFY(!noPair.ok());
        QVERIFY(noPair.error().contains(QLatin1String("no pair 4242")));
        QVERIFY(!m_store->recordVote(makeVote(pair, 777, VoteChoice::Tie)).ok());
        QCOMPARE(*m_store->countVotes(), 2);
    }

    void choiceStrings()
    {
        const VoteChoice all[] = {VoteChoice::ABetter, VoteChoice::BBetter, VoteChoice::Tie,
                                  VoteChoice::BothBad, VoteChoice::Skip};
        QStringList names;
        for (VoteChoice c : all) {
            names << voteChoiceToString(c);
            QCOMPARE(voteChoiceFromString(names.last()), std::optional<VoteChoice>(c));
        }
        QCOMPARE(names, (QStringList{QStringLiteral("a_better"), QStringLiteral("b_better"), QStringLiteral("tie"),
                                     QStringLiteral("both_bad"), QStringLiteral("skip")}));
        QVERIFY(!voteChoiceFromString(QStringLiteral("A better")).has_value());
        QCOMPARE(candidateFromString(QStringLiteral("b")), std::optional<Candidate>(Candidate::B));
    }

    void nextOpenPairOrder()
    {
        const qint64 p1 = addPairFixture(*m_store, QStringLiteral("k1"));
        const qint64 p2 = addPairFixture(*m_store, QStringLiteral("k1"));
        const qint64 p3 = addPairFixture(*m_store, QStringLiteral("k2"));
        const qint64 alice = m_store->ensureAnnotator(QStringLiteral("alice"))->id;
        const qint64 bob = m_store->ensureAnnotator(QStringLiteral("bob"))->id;

        auto next = [&](qint64 annotator) -> qint64 {
            auto r = m_store->nextOpenPair(annotator);
            if (!r.ok() || !r->has_value())
                return 0;
            return (*r)->id;
        };
        QCOMPARE(next(alice), p1);
        REQUIRE_OK(m_store->recordVote(makeVote(p1, alice, VoteChoice::ABetter)));
        QCOMPARE(next(alice), p2);
        // bob has not voted on p1, but p2 and p3 have fewer votes: they come first.
        QCOMPARE(next(bob), p2);
        REQUIRE_OK(m_store->recordVote(makeVote(p2, bob, VoteChoice::BBetter)));
        QCOMPARE(next(bob), p3);
        REQUIRE_OK(m_store->recordVote(makeVote(p3, bob, VoteChoice::Skip)));
        QCOMPARE(next(bob), p1);
        REQUIRE_OK(m_store->recordVote(makeVote(p1, bob, VoteChoice::Tie)));
        auto done = m_store->nextOpenPair(bob);
        REQUIRE_OK(done);
        QVERIFY(!done->has_value());
        QCOMPARE(next(alice), p3); // p3 has no verdict yet (bob skipped it)

        QVERIFY(!m_store->nextOpenPair(31337).ok());
    }

    // An annotator who has seen all of the least-voted pairs still gets every open pair, once,
    // from the chunked fallback (pairs span two id chunks of 4096).
    void nextOpenPairWhenNearlyDone()
    {
        const int total = 4500;
        const qint64 incident = *m_store->addIncident(makeIncident(QStringLiteral("many"), QStringLiteral("k"),
                                                                   QString(kSourceSpark)));
        ExplanationRecord e;
        e.incidentId = incident;
        e.text = QStringLiteral("one");
        const qint64 a = *m_store->addExplanation(e);
        e.text = QStringLiteral("two");
        const qint64 b = *m_store->addExplanation(e);
        QVector<qint64> ids;
        REQUIRE_OK(m_store->transaction([&]() -> Status {
            for (int i = 0; i < total; ++i) {
                PairRecord p;
                p.incidentId = incident;
                p.explanationA = a;
                p.explanationB = b;
                auto id = m_store->addPair(p);
                if (!id.ok())
                    return fail(id.error());
                ids << *id;
            }
            return {};
        }));
        const qint64 alice = m_store->ensureAnnotator(QStringLiteral("alice"))->id;
        const qint64 bob = m_store->ensureAnnotator(QStringLiteral("bob"))->id;
        const qint64 carol = m_store->ensureAnnotator(QStringLiteral("carol"))->id;
        // Left open for alice: the 40 newest pairs (one vote each, from bob) and one old pair
        // with two votes, so that none of them is among the 2,000 least-voted candidates.
        QSet<qint64> open;
        for (int i = total - 40; i < total; ++i)
            open.insert(ids[i]);
        const qint64 oldOpen = ids[1000];
        open.insert(oldOpen);
        REQUIRE_OK(m_store->transaction([&]() -> Status {
            for (qint64 id : ids) {
                const qint64 who = open.contains(id) ? bob : alice;
                if (!m_store->recordVote(makeVote(id, who, VoteChoice::ABetter)).ok())
                    return fail(QStringLiteral("vote failed"));
            }
            return m_store->recordVote(makeVote(oldOpen, carol, VoteChoice::Tie)).ok()
                       ? Status() : Status(fail(QStringLiteral("vote failed")));
        }));

        QSet<qint64> served;
        for (int guard = 0; guard <= open.size(); ++guard) {
            auto next = m_store->nextOpenPair(alice);
            REQUIRE_OK(next);
            if (!next->has_value())
                break;
            const qint64 id = (*next)->id;
            QVERIFY2(open.contains(id), qPrintable(QStringLiteral("pair %1 was already voted on").arg(id)));
            QVERIFY2(!served.contains(id), qPrintable(QStringLiteral("pair %1 served twice").arg(id)));
            if (served.isEmpty())
                QCOMPARE(id, oldOpen); // the first chunk with an open pair comes first
            served.insert(id);
            REQUIRE_OK(m_store->recordVote(makeVote(id, alice, VoteChoice::BBetter)));
        }
        QCOMPARE(served, open);
        QVERIFY(!m_store->nextOpenPair(alice)->has_value());
    }

    void progressCounts()
    {
        const qint64 a1 = addPairFixture(*m_store, QStringLiteral("spark_skew"));
        const qint64 a2 = addPairFixture(*m_store, QStringLiteral("spark_skew"));
        const qint64 b1 = addPairFixture(*m_store, QStringLiteral("s3_slowdown"));
        const qint64 alice = m_store->ensureAnnotator(QStringLiteral("alice"))->id;
        const qint64 bob = m_store->ensureAnnotator(QStringLiteral("bob"))->id;
        REQUIRE_OK(m_store->ensureAnnotator(QStringLiteral("carol")));
        REQUIRE_OK(m_store->recordVote(makeVote(a1, alice, VoteChoice::ABetter)));
        REQUIRE_OK(m_store->recordVote(makeVote(a1, bob, VoteChoice::ABetter)));
        REQUIRE_OK(m_store->recordVote(makeVote(b1, alice, VoteChoice::Skip)));
        REQUIRE_OK(m_store->recordVote(makeVote(a2, alice, VoteChoice::Tie)));

        auto p = m_store->progress();
        REQUIRE_OK(p);
        QCOMPARE(p->pairs, 3);
        QCOMPARE(p->votedPairs, 2);
        QCOMPARE(p->votes, 3);
        QCOMPARE(p->perAnnotator.size(), 3);
        QCOMPARE(p->perAnnotator[0].name, QStringLiteral("alice"));
        QCOMPARE(p->perAnnotator[0].votes, 3);
        QCOMPARE(p->perAnnotator[0].openPairs, 0);
        QCOMPARE(p->perAnnotator[1].votes, 1);
        QCOMPARE(p->perAnnotator[1].openPairs, 2);
        QCOMPARE(p->perAnnotator[2].votes, 0);
        QCOMPARE(p->perAnnotator[2].openPairs, 3);
        QCOMPARE(p->perKind.size(), 2);
        QCOMPARE(p->perKind[0].kind, QStringLiteral("s3_slowdown"));
        QCOMPARE(p->perKind[0].pairs, 1);
        QCOMPARE(p->perKind[0].votedPairs, 0);
        QCOMPARE(p->perKind[1].kind, QStringLiteral("spark_skew"));
        QCOMPARE(p->perKind[1].pairs, 2);
        QCOMPARE(p->perKind[1].votedPairs, 2);
        QCOMPARE(p->perKind[1].votes, 3);
    }

    void removeIncidentCascades()
    {
        const qint64 pair = addPairFixture(*m_store, QStringLiteral("k"));
        const qint64 alice = m_store->ensureAnnotator(QStringLiteral("alice"))->id;
        REQUIRE_OK(m_store->recordVote(makeVote(pair, alice, VoteChoice::ABetter)));
        const qint64 incident = m_store->pair(pair)->incidentId;
        StoredLog log;
        log.incidentId = incident;
        log.name = QStringLiteral("x.log");
        log.content = QStringLiteral("x");
        REQUIRE_OK(m_store->addLog(log));

        REQUIRE_OK(m_store->removeIncident(incident));
        QVERIFY(!m_store->pair(pair).ok());
        QCOMPARE(*m_store->countVotes(), 0);
        QCOMPARE(m_store->explanationsFor(incident)->size(), 0);
        QCOMPARE(m_store->logsFor(incident)->size(), 0);
        auto p = m_store->progress();
        QCOMPARE(p->perAnnotator[0].votes, 0); // the triggers followed the cascade
        QCOMPARE(p->pairs, 0);
        QCOMPARE(p->votes, 0);
        QVERIFY(p->perKind.isEmpty());
        QVERIFY(!m_store->removeIncident(incident).ok());
    }

    void progressFollowsEveryChange()
    {
        const qint64 p1 = addPairFixture(*m_store, QStringLiteral("dns"));
        const qint64 p2 = addPairFixture(*m_store, QStringLiteral("dns"));
        const qint64 p3 = addPairFixture(*m_store, QStringLiteral("tls"));
        const qint64 alice = m_store->ensureAnnotator(QStringLiteral("alice"))->id;
        const qint64 bob = m_store->ensureAnnotator(QStringLiteral("bob"))->id;
        REQUIRE_OK(m_store->recordVote(makeVote(p1, alice, VoteChoice::ABetter)));
        REQUIRE_OK(m_store->recordVote(makeVote(p1, bob, VoteChoice::Skip)));
        REQUIRE_OK(m_store->recordVote(makeVote(p3, bob, VoteChoice::Tie)));
        REQUIRE_COUNTERS(*m_store);
        REQUIRE_OK(m_store->recordVote(makeVote(p1, bob, VoteChoice::BBetter))); // skip -> verdict
        REQUIRE_OK(m_store->recordVote(makeVote(p3, bob, VoteChoice::Skip)));    // verdict -> skip
        REQUIRE_COUNTERS(*m_store);
        auto progress = m_store->progress();
        QCOMPARE(progress->perKind.size(), 2);
        QCOMPARE(progress->perKind[0].kind, QStringLiteral("dns"));
        QCOMPARE(progress->perKind[0].votes, 2);
        QCOMPARE(progress->perKind[1].votedPairs, 0);

        // An incident that changes kind takes its pairs and their votes along (raw SQL: the lab
        // has no API for it yet, but the counters must not depend on who writes).
        const qint64 incident = m_store->pair(p2)->incidentId;
        auto db = m_store->connection();
        QSqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("UPDATE incidents SET kind = 'tls' WHERE id = %1").arg(incident)));
        REQUIRE_COUNTERS(*m_store);
        // Deleting an annotator cascades to its votes.
        QVERIFY(q.exec(QStringLiteral("DELETE FROM annotators WHERE id = %1").arg(bob)));
        REQUIRE_COUNTERS(*m_store);
        QCOMPARE(m_store->progress()->votes, 1);
    }

    void runsAndMetrics()
    {
        RunRecord run;
        run.kind = QString(kRunDpo);
        run.config = QJsonObject{{QStringLiteral("beta"), 0.1}, {QStringLiteral("steps"), 200}};
        run.voteSnapshot = QStringLiteral("sha256:abc");
        const qint64 id = *m_store->addRun(run);
        auto stored = m_store->run(id);
        REQUIRE_OK(stored);
        QCOMPARE(stored->kind, QString(kRunDpo));
        QCOMPARE(stored->status, QString(kRunQueued));
        QCOMPARE(stored->config, run.config);
        QVERIFY(!stored->startedAt.isValid());
        QCOMPARE(stored->voteSnapshot, run.voteSnapshot);

        RunRecord update = *stored;
        update.status = QString(kRunFinished);
        update.startedAt = QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC);
        update.finishedAt = update.startedAt.addSecs(90);
        update.result = QJsonObject{{QStringLiteral("rewards/accuracies"), 0.81}};
        update.config = QJsonObject{}; // config is not rewritten by updateRun
        REQUIRE_OK(m_store->updateRun(update));
        stored = m_store->run(id);
        QCOMPARE(stored->status, QString(kRunFinished));
        QCOMPARE(stored->startedAt, update.startedAt);
        QCOMPARE(stored->finishedAt, update.finishedAt);
        QCOMPARE(stored->result, update.result);
        QCOMPARE(stored->config, run.config);

        RunRecord reward;
        reward.kind = QString(kRunReward);
        const qint64 rewardId = *m_store->addRun(reward);
        QCOMPARE(m_store->runs()->size(), 2);
        QCOMPARE(m_store->runs()->at(0).id, rewardId); // newest first
        QCOMPARE(m_store->runs(QString(kRunDpo))->size(), 1);
        RunRecord bad;
        bad.kind = QStringLiteral("grpo");
        QVERIFY(!m_store->addRun(bad).ok());
        update.status = QStringLiteral("exploded");
        QVERIFY(!m_store->updateRun(update).ok());

        QVector<MetricPoint> points;
        for (int step = 0; step < 100; ++step) {
            points.append({step, QStringLiteral("loss"), 1.0 / (step + 1)});
            points.append({step, QStringLiteral("rewards/margins"), step * 0.01});
        }
        points.append({100, QStringLiteral("loss"), std::nan("")});
        REQUIRE_OK(m_store->appendMetrics(id, points));
        // The same (step, name) again replaces the value.
        REQUIRE_OK(m_store->appendMetrics(id, {{5, QStringLiteral("loss"), 42.0}}));
        auto loss = m_store->metrics(id, QStringLiteral("loss"));
        REQUIRE_OK(loss);
        QCOMPARE(loss->size(), 101);
        QCOMPARE(loss->at(0).value, 1.0);
        QCOMPARE(loss->at(5).value, 42.0);
        QCOMPARE(loss->at(99).step, 99);
        QVERIFY(std::isnan(loss->at(100).value));
        QCOMPARE(m_store->metrics(id)->size(), 201);
        QCOMPARE(*m_store->metricNames(id), (QStringList{QStringLiteral("loss"), QStringLiteral("rewards/margins")}));
        QCOMPARE(m_store->metrics(rewardId)->size(), 0);

        // A bad point anywhere in a batch leaves none of the batch behind.
        QVector<MetricPoint> broken{{1, QStringLiteral("accuracy"), 0.5}, {2, QString(), 0.6}};
        QVERIFY(!m_store->appendMetrics(rewardId, broken).ok());
        QCOMPARE(m_store->metrics(rewardId)->size(), 0);
        QVERIFY(!m_store->appendMetrics(9999, {{1, QStringLiteral("loss"), 1.0}}).ok());
    }

    void adaptersOneActive()
    {
        RunRecord run;
        run.kind = QString(kRunPpo);
        const qint64 runId = *m_store->addRun(run);
        AdapterRecord a;
        a.name = QStringLiteral("ppo-1");
        a.runId = runId;
        a.path = QStringLiteral("/adapters/ppo-1");
        a.eval = QJsonObject{{QStringLiteral("win_rate"), 0.6}};
        a.active = true; // ignored: activation goes through setActiveAdapter
        const qint64 first = *m_store->addAdapter(a);
        AdapterRecord b = a;
        b.name = QStringLiteral("ppo-2");
        b.runId = 0;
        const qint64 second = *m_store->addAdapter(b);
        QVERIFY(!m_store->addAdapter(b).ok()); // duplicate name

        QVERIFY(!m_store->activeAdapter()->has_value());
        auto stored = m_store->adapter(first);
        REQUIRE_OK(stored);
        QCOMPARE(stored->runId, runId);
        QCOMPARE(stored->path, a.path);
        QCOMPARE(stored->eval, a.eval);
        QVERIFY(!stored->active);
        QCOMPARE(m_store->adapter(second)->runId, 0);

        auto activeCount = [&] {
            int n = 0;
            const QVector<AdapterRecord> all = *m_store->adapters();
            for (const AdapterRecord &r : all)
                n += r.active ? 1 : 0;
            return n;
        };
        REQUIRE_OK(m_store->setActiveAdapter(first));
        QCOMPARE(m_store->activeAdapter()->value().id, first);
        REQUIRE_OK(m_store->setActiveAdapter(second));
        QCOMPARE(m_store->activeAdapter()->value().id, second);
        QCOMPARE(activeCount(), 1);
        QVERIFY(m_store->adapter(second)->activatedAt.isValid());
        REQUIRE_OK(m_store->setActiveAdapter(second)); // again: still exactly one
        QCOMPARE(activeCount(), 1);
        QVERIFY(!m_store->setActiveAdapter(777).ok());
        QCOMPARE(m_store->activeAdapter()->value().id, second);

        // The database refuses a second active adapter even from raw SQL.
        auto db = m_store->connection();
        QSqlQuery raw(*db);
        QVERIFY(!raw.exec(QStringLiteral("UPDATE adapters SET active = 1 WHERE id = %1").arg(first)));

        REQUIRE_OK(m_store->clearActiveAdapter());
        QVERIFY(!m_store->activeAdapter()->has_value());
        REQUIRE_OK(m_store->setAdapterEval(first, QJsonObject{{QStringLiteral("win_rate"), 0.7}}));
        QCOMPARE(m_store->adapterByName(QStringLiteral("ppo-1"))->value().eval.value(QStringLiteral("win_rate")).toDouble(), 0.7);
        QVERIFY(!m_store->adapterByName(QStringLiteral("nope"))->has_value());
        QCOMPARE(m_store->adapters()->at(0).id, second); // newest first
    }

    void transactionRollsBack()
    {
        // A failure after several writes leaves none of them.
        Status failed = m_store->transaction([&]() -> Status {
            for (int i = 0; i < 5; ++i)
                if (!m_store->addIncident(makeIncident(QStringLiteral("t%1").arg(i), QString(), QString(kSourceApp))).ok())
                    return fail(QStringLiteral("unexpected"));
            return fail(QStringLiteral("generator cancelled"));
        });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error(), QStringLiteral("generator cancelled"));
        QCOMPARE(*m_store->countIncidents(), 0);

        // A failing inner step undoes only itself; the outer transaction still commits.
        Status outer = m_store->transaction([&]() -> Status {
            if (!m_store->addIncident(makeIncident(QStringLiteral("kept"), QString(), QString(kSourceApp))).ok())
                return fail(QStringLiteral("unexpected"));
            Status inner = m_store->transaction([&]() -> Status {
                if (!m_store->addIncident(makeIncident(QStringLiteral("undone"), QString(), QString(kSourceApp))).ok())
                    return fail(QStringLiteral("unexpected"));
                return fail(QStringLiteral("inner failure"));
            });
            return inner.ok() ? Status(fail(QStringLiteral("inner should fail"))) : Status();
        });
        REQUIRE_OK(outer);
        auto all = m_store->incidents();
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->at(0).title, QStringLiteral("kept"));

        // An exception is turned into an error and rolls back.
        Status thrown = m_store->transaction([&]() -> Status {
            (void)m_store->addIncident(makeIncident(QStringLiteral("x"), QString(), QString(kSourceApp)));
            throw std::runtime_error("boom");
        });
        QVERIFY(!thrown.ok());
        QVERIFY(thrown.error().contains(QLatin1String("boom")));
        QCOMPARE(*m_store->countIncidents(), 1);

        // A constraint violation inside a batch undoes the batch (an invalid choice via raw SQL).
        Status constraint = m_store->transaction([&]() -> Status {
            (void)m_store->addIncident(makeIncident(QStringLiteral("y"), QString(), QString(kSourceApp)));
            auto db = m_store->connection();
            QSqlQuery q(*db);
            if (!q.exec(QStringLiteral("INSERT INTO comparisons (pair_id, annotator_id, shown_left, choice,"
                                       " created_at) VALUES (1, 1, 'a', 'maybe', 'now')")))
                return fail(q.lastError().text());
            return {};
        });
        QVERIFY(!constraint.ok());
        QCOMPARE(*m_store->countIncidents(), 1);
    }

    void bulkInsertInOneTransaction()
    {
        Status status = m_store->transaction([&]() -> Status {
            for (int i = 0; i < 2000; ++i) {
                auto id = m_store->addIncident(makeIncident(QStringLiteral("bulk %1").arg(i), QStringLiteral("k"),
                                                            QString(kSourceSpark)));
                if (!id.ok())
                    return fail(id.error());
            }
            return {};
        });
        REQUIRE_OK(status);
        QCOMPARE(*m_store->countIncidents(), 2000);
    }

    void threadsWriteConcurrently()
    {
        const qint64 pairs = 40;
        QVector<qint64> pairIds;
        for (int i = 0; i < pairs; ++i)
            pairIds << addPairFixture(*m_store, QStringLiteral("k%1").arg(i % 4));
        const int before = storeConnectionCount();

        std::atomic<int> failures{0};
        QString firstError;
        auto writer = [&](const QString &name) {
            auto annotator = m_store->ensureAnnotator(name);
            if (!annotator.ok()) {
                ++failures;
                return;
            }
            for (qint64 pair : pairIds) {
                auto vote = m_store->recordVote(makeVote(pair, annotator->id, VoteChoice::ABetter));
                auto incident = m_store->addIncident(makeIncident(name, QString(), QString(kSourceApp)));
                if (!vote.ok() || !incident.ok()) {
                    if (failures++ == 0)
                        firstError = vote.ok() ? incident.error() : vote.error();
                }
            }
        };
        std::thread t1(writer, QStringLiteral("thread-1"));
        std::thread t2(writer, QStringLiteral("thread-2"));
        t1.join();
        t2.join();
        QVERIFY2(failures == 0, qPrintable(firstError));
        QCOMPARE(*m_store->countVotes(), 2 * pairs);
        IncidentFilter f;
        f.text = QStringLiteral("thread-");
        QCOMPARE(*m_store->countIncidents(f), 2 * pairs);
        REQUIRE_COUNTERS(*m_store);
        // Each thread's connection went away with the thread.
        QCOMPARE(storeConnectionCount(), before);
    }

    void processesWriteConcurrently()
    {
        if (qEnvironmentVariableIsSet("LAB_STORE_CHILD"))
            QSKIP("nested child");
        const int pairs = 60;
        for (int i = 0; i < pairs; ++i)
            addPairFixture(*m_store, QStringLiteral("k"));

        auto startChild = [&](const QString &annotator) {
            auto *p = new QProcess(this);
            p->setProgram(QCoreApplication::applicationFilePath());
            p->setArguments({QStringLiteral("--child-vote-all"), m_path, annotator});
            p->start();
            return p;
        };
        QProcess *a = startChild(QStringLiteral("proc-a"));
        QProcess *b = startChild(QStringLiteral("proc-b"));
        // This process writes at the same time as the two children.
        const qint64 me = m_store->ensureAnnotator(QStringLiteral("parent"))->id;
        const QVector<PairRecord> allPairs = *m_store->pairs();
        for (const PairRecord &pair : allPairs)
            REQUIRE_OK(m_store->recordVote(makeVote(pair.id, me, VoteChoice::Tie)));
        for (QProcess *p : {a, b}) {
            QVERIFY(p->waitForFinished(60000));
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                     p->readAllStandardError().constData());
        }
        QCOMPARE(*m_store->countVotes(), 3 * pairs);
        const LabelingProgress progress = *m_store->progress();
        for (const AnnotatorProgress &ap : progress.perAnnotator) {
            QCOMPARE(ap.votes, pairs);
            QCOMPARE(ap.openPairs, 0);
        }
        REQUIRE_COUNTERS(*m_store);
    }

    void voteSurvivesSigkill()
    {
        for (int i = 0; i < 400; ++i)
            addPairFixture(*m_store, QStringLiteral("k"));
        QProcess child;
        child.setProgram(QCoreApplication::applicationFilePath());
        child.setArguments({QStringLiteral("--child-vote-report"), m_path, QStringLiteral("killed")});
        child.start();
        QVERIFY(child.waitForStarted());

        // Kill as soon as at least 20 commits were reported, mid-stream.
        QList<qint64> reported;
        QByteArray buffer;
        while (reported.size() < 20 && child.state() == QProcess::Running) {
            child.waitForReadyRead(5000);
            buffer += child.readAllStandardOutput();
            while (buffer.contains('\n')) {
                const qsizetype nl = buffer.indexOf('\n');
                reported << buffer.left(nl).toLongLong();
                buffer.remove(0, nl + 1);
            }
        }
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        QVERIFY2(reported.size() >= 20, child.readAllStandardError().constData());

        m_store.reset();
        auto reopened = Store::open(m_path);
        REQUIRE_OK(reopened);
        VoteFilter all;
        QSet<qint64> stored;
        const QVector<VoteRecord> votes = *(*reopened)->votes(all);
        for (const VoteRecord &v : votes)
            stored.insert(v.id);
        for (qint64 id : reported)
            QVERIFY2(stored.contains(id), qPrintable(QStringLiteral("vote %1 lost after SIGKILL").arg(id)));
        // Counters stay consistent with the rows that made it.
        auto progress = (*reopened)->progress();
        QCOMPARE(progress->perAnnotator.at(0).votes, qint64(stored.size()));
        m_store = *reopened;
        REQUIRE_COUNTERS(*m_store);
    }
};

// Child modes for the multi-process tests: the same binary, re-run with a first argument.
static int childMain(const QStringList &args)
{
    if (args.size() < 4)
        return 2;
    auto opened = Store::open(args[2]);
    if (!opened.ok()) {
        QTextStream(stderr) << opened.error() << '\n';
        return 3;
    }
    Store &store = **opened;
    auto annotator = store.ensureAnnotator(args[3]);
    if (!annotator.ok()) {
        QTextStream(stderr) << annotator.error() << '\n';
        return 4;
    }
    const bool report = args[1] == QLatin1String("--child-vote-report");
    QTextStream out(stdout);
    for (;;) {
        auto next = store.nextOpenPair(annotator->id);
        if (!next.ok()) {
            QTextStream(stderr) << next.error() << '\n';
            return 5;
        }
        if (!next->has_value())
            return 0;
        auto id = store.recordVote(makeVote((*next)->id, annotator->id, VoteChoice::BBetter));
        if (!id.ok()) {
            QTextStream(stderr) << id.error() << '\n';
            return 6;
        }
        if (report) {
            out << *id << '\n';
            out.flush();
        }
    }
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() > 1 && args[1].startsWith(QLatin1String("--child-")))
        return childMain(args);
    TestStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_store.moc"
