// Labeling at scale: fills a temporary lab database with 100,000 pairs (5% gold, 8 kinds x 40
// signatures) and 1,000,000 votes, then times what the labeling screen asks on every pair: the
// next pair (gold and overlap draws included) and the progress counts. Targets: nextPair under
// 50 ms and progress() under 200 ms at this size. Prints one line per measurement.
//
//   bench_store [--pairs N] [--votes N] [--keep FILE]
#include "benchmarks/bench_timing.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <numeric>
#include <random>
#include <vector>

using namespace lab;

namespace {

QTextStream out(stdout);

struct Timing
{
    double medianMs = 0;
    double maxMs = 0;
    double medianCpuMs = 0; // this thread's CPU time: what the call costs on a busy machine
};

using bench::threadCpuMs;

template <typename F>
Timing timeRepeated(int repeats, F &&call)
{
    std::vector<double> ms;
    std::vector<double> cpu;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer t;
        const double cpuStart = threadCpuMs();
        t.start();
        call();
        ms.push_back(t.nsecsElapsed() / 1e6);
        cpu.push_back(threadCpuMs() - cpuStart);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    return {ms[ms.size() / 2], ms.back(), cpu[cpu.size() / 2]};
}

void report(const QString &what, const Timing &t)
{
    out << qSetFieldWidth(58) << Qt::left << what << qSetFieldWidth(0)
        << QStringLiteral("median %1 ms, max %2 ms (median CPU %3 ms)")
               .arg(t.medianMs, 0, 'f', 2)
               .arg(t.maxMs, 0, 'f', 2)
               .arg(t.medianCpuMs, 0, 'f', 2)
        << Qt::endl;
}

int die(const QString &message)
{
    QTextStream(stderr) << "bench_store: " << message << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Store benchmark: next open pair and progress with 1M votes"));
    parser.addHelpOption();
    QCommandLineOption pairsOption(QStringLiteral("pairs"), QStringLiteral("number of pairs"), QStringLiteral("N"),
                                   QStringLiteral("100000"));
    QCommandLineOption votesOption(QStringLiteral("votes"), QStringLiteral("number of votes"), QStringLiteral("N"),
                                   QStringLiteral("1000000"));
    QCommandLineOption keepOption(QStringLiteral("keep"), QStringLiteral("write the database to FILE and keep it"),
                                  QStringLiteral("FILE"));
    parser.addOptions({pairsOption, votesOption, keepOption});
    parser.process(app);
    const qint64 pairCount = parser.value(pairsOption).toLongLong();
    const qint64 voteCount = parser.value(votesOption).toLongLong();
    constexpr int kAnnotators = 20;
    constexpr int kPairsPerIncident = 5; // 4 explanations per incident give 6 possible pairs
    if (pairCount < kPairsPerIncident || voteCount < 0 || voteCount > pairCount * kAnnotators)
        return die(QStringLiteral("need --pairs >= 5 and 0 <= --votes <= 20 x pairs"));

    QTemporaryDir dir;
    const QString path = parser.isSet(keepOption) ? parser.value(keepOption)
                                                  : dir.filePath(QStringLiteral("bench.db"));
    auto opened = Store::open(path);
    if (!opened.ok())
        return die(opened.error());
    Store &store = **opened;
    std::mt19937_64 rng(1234);

    // --- Incidents, explanations and pairs through the typed API, one transaction ---
    const qint64 incidentCount = (pairCount + kPairsPerIncident - 1) / kPairsPerIncident;
    const QString kinds[] = {QStringLiteral("spark_executor_oom"), QStringLiteral("spark_fetch_failure"),
                             QStringLiteral("dlt_null_sequence_by"), QStringLiteral("k8s_oomkilled"),
                             QStringLiteral("k8s_crashloop_secret"), QStringLiteral("s3_access_denied"),
                             QStringLiteral("s3_slowdown"), QStringLiteral("app_pool_exhausted")};
    std::vector<qint64> pairIds;
    pairIds.reserve(pairCount);
    QElapsedTimer fill;
    fill.start();
    Status filled = store.transaction([&]() -> Status {
        for (qint64 i = 0; i < incidentCount && qint64(pairIds.size()) < pairCount; ++i) {
            IncidentRecord incident;
            incident.title = QStringLiteral("incident %1").arg(i);
            incident.kind = kinds[i % std::size(kinds)];
            incident.source = QString(kSourceSpark);
            incident.seed = i;
            // 40 failures per kind, so the queue has 320 strata of ~300 pairs each.
            incident.signature = QStringLiteral("%1").arg((i / std::size(kinds)) % 40, 16, 16, QLatin1Char('0'));
            auto incidentId = store.addIncident(incident);
            if (!incidentId.ok())
                return fail(incidentId.error());
            qint64 explanations[4];
            for (int e = 0; e < 4; ++e) {
                ExplanationRecord x;
                x.incidentId = *incidentId;
                x.text = QStringLiteral("explanation %1 of incident %2").arg(e).arg(i);
                x.style = QStringLiteral("good");
                auto id = store.addExplanation(x);
                if (!id.ok())
                    return fail(id.error());
                explanations[e] = *id;
            }
            const int combos[6][2] = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};
            for (int p = 0; p < kPairsPerIncident && qint64(pairIds.size()) < pairCount; ++p) {
                PairRecord pair;
                pair.incidentId = *incidentId;
                pair.explanationA = explanations[combos[p][0]];
                pair.explanationB = explanations[combos[p][1]];
                if (p == 0 && i % 4 == 0) // one pair in 20 is gold
                    pair.goldChoice = VoteChoice::ABetter;
                auto id = store.addPair(pair);
                if (!id.ok())
                    return fail(id.error());
                pairIds.push_back(*id);
            }
        }
        return {};
    });
    if (!filled.ok())
        return die(filled.error());
    const double fillSeconds = fill.elapsed() / 1000.0;
    out << QStringLiteral("filled %1 incidents, %2 explanations, %3 pairs via the typed API in %4 s (%5 rows/s)")
               .arg(incidentCount)
               .arg(incidentCount * 4)
               .arg(pairIds.size())
               .arg(fillSeconds, 0, 'f', 1)
               .arg(qint64((incidentCount * 5 + pairIds.size()) / std::max(fillSeconds, 1e-3)))
        << Qt::endl;

    // --- 1,000,000 votes: 20 annotators, each on a random subset, with raw prepared inserts so
    // the fill stays short; the trigger-kept counters still run for every row ---
    std::vector<qint64> annotators;
    for (int a = 0; a < kAnnotators; ++a) {
        auto r = store.ensureAnnotator(QStringLiteral("annotator-%1").arg(a), QString(kAnnotatorSimulated));
        if (!r.ok())
            return die(r.error());
        annotators.push_back(r->id);
    }
    std::vector<qint64> perAnnotator(kAnnotators, voteCount / kAnnotators);
    for (qint64 extra = 0; extra < voteCount % kAnnotators; ++extra)
        ++perAnnotator[extra];
    fill.restart();
    Status voted = store.transaction([&]() -> Status {
        auto db = store.connection();
        if (!db.ok())
            return fail(db.error());
        QSqlQuery insert(*db);
        if (!insert.prepare(QStringLiteral("INSERT INTO comparisons (pair_id, annotator_id, shown_left, choice,"
                                           " tags, created_at) VALUES (?, ?, ?, ?, '[]', ?)")))
            return fail(insert.lastError().text());
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        const QString choices[] = {QStringLiteral("a_better"), QStringLiteral("b_better"), QStringLiteral("tie"),
                                   QStringLiteral("both_bad"), QStringLiteral("skip")};
        std::vector<qint64> order = pairIds;
        for (int a = 0; a < kAnnotators; ++a) {
            std::shuffle(order.begin(), order.end(), rng);
            for (qint64 i = 0; i < perAnnotator[a]; ++i) {
                insert.bindValue(0, order[i]);
                insert.bindValue(1, annotators[a]);
                insert.bindValue(2, (rng() & 1) ? QStringLiteral("a") : QStringLiteral("b"));
                insert.bindValue(3, choices[rng() % 5]);
                insert.bindValue(4, now);
                if (!insert.exec())
                    return fail(insert.lastError().text());
            }
        }
        return {};
    });
    if (!voted.ok())
        return die(voted.error());
    const double voteSeconds = fill.elapsed() / 1000.0;
    out << QStringLiteral("filled %1 votes in %2 s (%3 votes/s, triggers included)")
               .arg(*store.countVotes())
               .arg(voteSeconds, 0, 'f', 1)
               .arg(qint64(voteCount / std::max(voteSeconds, 1e-3)))
        << Qt::endl;

    // --- Special annotators: one done with everything, one with only the hardest pair left ---
    auto done = store.ensureAnnotator(QStringLiteral("done"));
    auto nearlyDone = store.ensureAnnotator(QStringLiteral("nearly-done"));
    if (!done.ok() || !nearlyDone.ok())
        return die(done.ok() ? nearlyDone.error() : done.error());
    // The ordinary pair the queue reaches last: the most-voted one with the highest rank.
    qint64 hardest = 0;
    {
        auto db = store.connection();
        QSqlQuery q(*db);
        if (!q.exec(QStringLiteral("SELECT id FROM pairs WHERE gold_choice IS NULL"
                                   " ORDER BY vote_count DESC, queue_rank DESC, id DESC LIMIT 1"))
            || !q.next())
            return die(q.lastError().text());
        hardest = q.value(0).toLongLong();
    }
    // A third one has skipped the first 5,000 pairs of the queue: skips leave vote counts alone,
    // so the front of the queue stays full of pairs this annotator has already dealt with.
    auto skipper = store.ensureAnnotator(QStringLiteral("skipper"));
    if (!skipper.ok())
        return die(skipper.error());
    Status special = store.transaction([&]() -> Status {
        auto db = store.connection();
        QSqlQuery insert(*db);
        if (!insert.prepare(QStringLiteral("INSERT INTO comparisons (pair_id, annotator_id, shown_left, choice,"
                                           " created_at) VALUES (?, ?, 'a', ?, 'x')")))
            return fail(insert.lastError().text());
        for (qint64 pair : pairIds) {
            for (qint64 who : {done->id, nearlyDone->id}) {
                if (who == nearlyDone->id && pair == hardest)
                    continue;
                insert.bindValue(0, pair);
                insert.bindValue(1, who);
                insert.bindValue(2, QStringLiteral("tie"));
                if (!insert.exec())
                    return fail(insert.lastError().text());
            }
        }
        QSqlQuery front(*db);
        if (!front.exec(QStringLiteral("SELECT id FROM pairs WHERE gold_choice IS NULL"
                                       " ORDER BY vote_count, queue_rank, id LIMIT 5000")))
            return fail(front.lastError().text());
        std::vector<qint64> skipped;
        while (front.next())
            skipped.push_back(front.value(0).toLongLong());
        for (qint64 pair : skipped) {
            insert.bindValue(0, pair);
            insert.bindValue(1, skipper->id);
            insert.bindValue(2, QStringLiteral("skip"));
            if (!insert.exec())
                return fail(insert.lastError().text());
        }
        return {};
    });
    if (!special.ok())
        return die(special.error());
    out << QStringLiteral("total votes now %1 (added a finished annotator, one with 1 pair left and one who"
                          " skipped the first 5,000 of the queue)")
               .arg(*store.countVotes())
        << Qt::endl;

    {
        auto db = store.connection();
        QSqlQuery plan(*db);
        // The same statement as Store::nextPair's ordinary walk.
        plan.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM (SELECT id FROM pairs INDEXED BY pairs_queue"
                                 " WHERE gold_choice IS NULL ORDER BY vote_count, queue_rank, id LIMIT 2000) AS front"
                                 " WHERE NOT EXISTS (SELECT 1 FROM comparisons c WHERE c.annotator_id = 1"
                                 " AND c.pair_id = front.id) LIMIT 1"));
        out << "query plan of nextPair's walk:";
        while (plan.next())
            out << " [" << plan.value(3).toString() << "]";
        out << Qt::endl;
    }

    // --- Measurements ---
    int failures = 0;
    auto nextFor = [&](qint64 annotator, const QueueOptions &options = {}, const QSet<qint64> &exclude = {}) {
        auto r = store.nextPair(annotator, options, exclude);
        if (!r.ok()) {
            ++failures;
            QTextStream(stderr) << r.error() << Qt::endl;
        }
        return r.ok() && r->has_value() ? (*r)->id : 0;
    };
    QueueOptions ordinary;
    ordinary.goldRate = 0;
    ordinary.overlapRate = 0;
    QueueOptions goldOnly = ordinary;
    goldOnly.goldRate = 1;
    QueueOptions overlapOnly = ordinary;
    overlapOnly.overlapRate = 1;
    qint64 cursor = 0;
    // Default options: 10% gold and 10% overlap draws; the seed changes the draw from call to call.
    report(QStringLiteral("nextPair, typical annotator, default mix (20 x 10 calls)"),
           timeRepeated(200, [&] {
               QueueOptions mixed;
               mixed.seed = quint64(cursor);
               nextFor(annotators[cursor++ % kAnnotators], mixed);
           }));
    report(QStringLiteral("nextPair, typical annotator, ordinary draw"),
           timeRepeated(100, [&] { nextFor(annotators[cursor++ % kAnnotators], ordinary); }));
    report(QStringLiteral("nextPair, typical annotator, gold draw"),
           timeRepeated(100, [&] {
               const qint64 id = nextFor(annotators[cursor++ % kAnnotators], goldOnly);
               if (id == 0 || !store.pair(id)->gold)
                   ++failures;
           }));
    report(QStringLiteral("nextPair, typical annotator, overlap draw"),
           timeRepeated(100, [&] {
               const qint64 id = nextFor(annotators[cursor++ % kAnnotators], overlapOnly);
               if (id == 0 || store.pair(id)->voteCount < 1)
                   ++failures;
           }));
    report(QStringLiteral("nextPair, typical annotator, prefetch (1 excluded)"),
           timeRepeated(100, [&] {
               const qint64 annotator = annotators[cursor++ % kAnnotators];
               const qint64 first = nextFor(annotator, ordinary);
               if (nextFor(annotator, ordinary, {first}) == first)
                   ++failures;
           }));
    auto fresh = store.ensureAnnotator(QStringLiteral("fresh"));
    report(QStringLiteral("nextPair, new annotator (0 votes), default mix"),
           timeRepeated(20, [&] {
               QueueOptions mixed;
               mixed.seed = quint64(cursor++);
               nextFor(fresh->id, mixed);
           }));
    report(QStringLiteral("nextPair, annotator who skipped the queue's first 5,000"),
           timeRepeated(20, [&] {
               QueueOptions mixed;
               mixed.seed = quint64(cursor++);
               nextFor(skipper->id, mixed);
           }));
    report(QStringLiteral("nextPair, annotator with 1 pair left (worst)"),
           timeRepeated(20, [&] {
               QueueOptions mixed;
               mixed.seed = quint64(cursor++);
               if (nextFor(nearlyDone->id, mixed) != hardest)
                   ++failures;
           }));
    report(QStringLiteral("nextPair, annotator with none left"),
           timeRepeated(20, [&] {
               if (nextFor(done->id) != 0)
                   ++failures;
           }));
    report(QStringLiteral("nextOpenPair (older API), typical annotator"),
           timeRepeated(100, [&] {
               if (!store.nextOpenPair(annotators[cursor++ % kAnnotators]).ok())
                   ++failures;
           }));
    report(QStringLiteral("progress() (totals, per annotator, per kind)"),
           timeRepeated(20, [&] {
               if (!store.progress().ok())
                   ++failures;
           }));
    report(QStringLiteral("countVotes() (COUNT(*) over all votes)"),
           timeRepeated(10, [&] {
               if (!store.countVotes().ok())
                   ++failures;
           }));

    // The labeling loop itself: one vote per transaction, as the GUI records them.
    report(QStringLiteral("recordVote + nextPair, one commit each (200 votes)"),
           timeRepeated(200, [&] {
               QueueOptions mixed;
               mixed.seed = 99;
               const qint64 pair = nextFor(fresh->id, mixed);
               VoteRecord v;
               v.pairId = pair;
               v.annotatorId = fresh->id;
               v.choice = VoteChoice::ABetter;
               if (!store.recordVote(v).ok())
                   ++failures;
           }));
    VoteFilter freshVotes;
    freshVotes.annotatorId = fresh->id;
    QVector<VoteRecord> toUndo = *store.votes(freshVotes);
    report(QStringLiteral("deleteVote (undo), one commit each (50 undos)"),
           timeRepeated(50, [&] {
               if (toUndo.isEmpty() || *store.deleteVote(fresh->id, toUndo.takeLast().pairId) != 1)
                   ++failures;
           }));

    // A reward model scores 10,000 pairs: they move to the front, least sure first.
    QVector<PairMargin> margins;
    for (int i = 0; i < 10000; ++i)
        margins.append({pairIds[size_t(i) * 7 % pairIds.size()], (double(rng() % 2001) - 1000.0) / 100.0});
    report(QStringLiteral("setPairMargins (10,000 pairs, one transaction)"),
           timeRepeated(1, [&] {
               if (!store.setPairMargins(margins).ok())
                   ++failures;
           }));
    report(QStringLiteral("nextPair after margins, typical annotator, ordinary draw"),
           timeRepeated(100, [&] { nextFor(annotators[cursor++ % kAnnotators], ordinary); }));

    auto progress = store.progress();
    if (progress.ok())
        out << QStringLiteral("progress: %1 pairs, %2 with a verdict, %3 verdicts, %4 annotators, %5 kinds")
                   .arg(progress->pairs)
                   .arg(progress->votedPairs)
                   .arg(progress->votes)
                   .arg(progress->perAnnotator.size())
                   .arg(progress->perKind.size())
            << Qt::endl;
    if (failures > 0)
        return die(QStringLiteral("%1 calls failed or returned a wrong pair").arg(failures));
    return 0;
}
