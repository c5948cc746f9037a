// The comparison view at scale: on a project with 1,000,000 stored comparisons, how long from a
// vote key (the view's action on it is triggered: what a matched shortcut does) to the next pair
// on screen, how long the prefetch behind it takes, and how long the
// progress panel and the history take to refresh. Targets: next pair under 50 ms, progress
// under 200 ms. Prints one line per measurement.
//
//   bench_label_view [--incidents N] [--votes N] [--keep FILE] [--db FILE]
//
// Without --db it builds the project itself: N synthetic incidents (realistic logs and the seven
// explanation styles), every pair of their explanations (21 per incident), and --votes votes
// spread over simulated annotators with raw prepared inserts (the trigger-kept counters still
// run for every row); "bench-human" votes in the view and already has 2,000 votes of its own.
// --db uses an existing project instead (e.g. bench_store --keep FILE; its incidents have no
// logs, which the view shows as such).
#include "benchmarks/bench_timing.h"
#include "core/logs/log_file.h"
#include "core/store/store.h"
#include "core/synth/synth_project.h"
#include "ui/label_progress_panel.h"
#include "ui/label_session.h"
#include "ui/label_view.h"
#include "ui/log_view.h"
#include "ui/pair_loader.h"
#include "ui/vote_history_model.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <random>
#include <vector>

using namespace lab;

namespace {

QTextStream out(stdout);

struct Stats
{
    double medianMs = 0;
    double maxMs = 0;
    double p95Ms = 0;
};

Stats stats(std::vector<double> ms)
{
    if (ms.empty())
        return {};
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.back(), ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

void report(const QString &what, const Stats &s, int samples)
{
    out << qSetFieldWidth(62) << Qt::left << what << qSetFieldWidth(0)
        << QStringLiteral("median %1 ms, p95 %2 ms, max %3 ms (%4 samples)")
               .arg(s.medianMs, 0, 'f', 2)
               .arg(s.p95Ms, 0, 'f', 2)
               .arg(s.maxMs, 0, 'f', 2)
               .arg(samples)
        << Qt::endl;
}

int die(const QString &message)
{
    QTextStream(stderr) << "bench_label_view: " << message << Qt::endl;
    return 1;
}

double ms(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

// This thread's CPU time: tells a slow sample on a busy machine (wall >> CPU) from slow code.
using bench::threadCpuMs;

// The offscreen platform warns on every size-hint change of a top-level window; that is noise here.
QtMessageHandler g_previousHandler = nullptr;
void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("propagateSizeHints")))
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// Runs the event loop until `sender` emits `signal` (true) or `timeoutMs` pass (false).
template <typename Sender, typename Signal>
bool waitFor(Sender *sender, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    bool fired = false;
    auto connection = QObject::connect(sender, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(connection);
    return fired;
}

// Runs the event loop until `done()` holds (true) or `timeoutMs` pass (false).
template <typename Predicate>
bool waitUntil(Predicate done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// Fills `store` as described at the top; returns an error message or an empty string.
QString fill(Store &store, int incidents, qint64 votes)
{
    QElapsedTimer t;
    t.start();
    auto written = synth::writeSyntheticIncidents(store, 2024, incidents);
    if (!written.ok())
        return written.error();
    // Every other pair of each incident's explanations, so the votes spread over many pairs.
    Status paired = store.transaction([&]() -> Status {
        auto db = store.connection();
        if (!db.ok())
            return fail(db.error());
        QSqlQuery q(*db);
        if (!q.exec(QStringLiteral("INSERT INTO pairs (incident_id, explanation_a, explanation_b, gold, created_at)"
                                   " SELECT a.incident_id, a.id, b.id, 0, strftime('%Y-%m-%dT%H:%M:%fZ','now')"
                                   " FROM explanations a JOIN explanations b ON b.incident_id = a.incident_id AND b.id > a.id"
                                   " WHERE NOT EXISTS (SELECT 1 FROM pairs p WHERE p.incident_id = a.incident_id AND"
                                   " ((p.explanation_a = a.id AND p.explanation_b = b.id) OR"
                                   " (p.explanation_a = b.id AND p.explanation_b = a.id)))")))
            return fail(q.lastError().text());
        return {};
    });
    if (!paired.ok())
        return paired.error();
    std::vector<qint64> pairIds;
    {
        auto db = store.connection();
        QSqlQuery q(*db);
        if (!q.exec(QStringLiteral("SELECT id FROM pairs ORDER BY id")))
            return q.lastError().text();
        while (q.next())
            pairIds.push_back(q.value(0).toLongLong());
    }
    out << QStringLiteral("filled %1 incidents with logs, %2 pairs in %3 s")
               .arg(written->incidents)
               .arg(pairIds.size())
               .arg(t.elapsed() / 1000.0, 0, 'f', 1)
        << Qt::endl;

    t.restart();
    const qint64 perAnnotator = std::max<qint64>(1, qint64(pairIds.size()) * 9 / 10);
    const int annotators = int((votes + perAnnotator - 1) / perAnnotator);
    std::mt19937_64 rng(99);
    Status voted = store.transaction([&]() -> Status {
        std::vector<qint64> who;
        for (int a = 0; a < annotators; ++a) {
            auto r = store.ensureAnnotator(QStringLiteral("sim-%1").arg(a), QString(kAnnotatorSimulated));
            if (!r.ok())
                return fail(r.error());
            who.push_back(r->id);
        }
        auto human = store.ensureAnnotator(QStringLiteral("bench-human"));
        if (!human.ok())
            return fail(human.error());
        auto db = store.connection();
        QSqlQuery insert(*db);
        if (!insert.prepare(QStringLiteral("INSERT INTO comparisons (pair_id, annotator_id, shown_left, choice, tags,"
                                           " guideline_version, created_at) VALUES (?, ?, ?, ?, '[]', '1', ?)")))
            return fail(insert.lastError().text());
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        const QString choices[] = {QStringLiteral("a_better"), QStringLiteral("b_better"), QStringLiteral("tie"),
                                   QStringLiteral("both_bad"), QStringLiteral("skip")};
        std::vector<qint64> order = pairIds;
        qint64 left = votes;
        auto put = [&](qint64 annotator, qint64 count) -> Status {
            std::shuffle(order.begin(), order.end(), rng);
            for (qint64 i = 0; i < count && i < qint64(order.size()); ++i) {
                insert.bindValue(0, order[i]);
                insert.bindValue(1, annotator);
                insert.bindValue(2, (rng() & 1) ? QStringLiteral("a") : QStringLiteral("b"));
                insert.bindValue(3, choices[rng() % 5]);
                insert.bindValue(4, now);
                if (!insert.exec())
                    return fail(insert.lastError().text());
            }
            return {};
        };
        const qint64 humanVotes = std::min<qint64>(2000, qint64(pairIds.size()) / 4);
        if (Status s = put(human->id, humanVotes); !s.ok())
            return s;
        left -= humanVotes;
        for (int a = 0; a < annotators && left > 0; ++a) {
            const qint64 n = std::min(left, perAnnotator);
            if (Status s = put(who[a], n); !s.ok())
                return s;
            left -= n;
        }
        return {};
    });
    if (!voted.ok())
        return voted.error();
    out << QStringLiteral("filled %1 votes from %2 annotators in %3 s")
               .arg(*store.countVotes())
               .arg(annotators + 1)
               .arg(t.elapsed() / 1000.0, 0, 'f', 1)
        << Qt::endl;
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    g_previousHandler = qInstallMessageHandler(quietHandler);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Comparison view benchmark: next pair and progress with 1M votes"));
    parser.addHelpOption();
    QCommandLineOption incidentsOption(QStringLiteral("incidents"), QStringLiteral("synthetic incidents (21 pairs each)"),
                                       QStringLiteral("N"), QStringLiteral("2000"));
    QCommandLineOption votesOption(QStringLiteral("votes"), QStringLiteral("stored votes"), QStringLiteral("N"),
                                   QStringLiteral("1000000"));
    QCommandLineOption keepOption(QStringLiteral("keep"), QStringLiteral("write the project to FILE and keep it"),
                                  QStringLiteral("FILE"));
    QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("use this existing project"), QStringLiteral("FILE"));
    QCommandLineOption samplesOption(QStringLiteral("samples"), QStringLiteral("votes to time"), QStringLiteral("N"),
                                     QStringLiteral("200"));
    parser.addOptions({incidentsOption, votesOption, keepOption, dbOption, samplesOption});
    parser.process(app);
    const int samples = std::max(1, parser.value(samplesOption).toInt());

    QTemporaryDir dir;
    const bool existing = parser.isSet(dbOption);
    const QString path = existing ? parser.value(dbOption)
                                  : (parser.isSet(keepOption) ? parser.value(keepOption)
                                                              : dir.filePath(QStringLiteral("bench-label.lab")));
    auto opened = Store::open(path);
    if (!opened.ok())
        return die(opened.error());
    std::shared_ptr<Store> store = *opened;
    if (!existing) {
        const QString error = fill(*store, parser.value(incidentsOption).toInt(), parser.value(votesOption).toLongLong());
        if (!error.isEmpty())
            return die(error);
    }
    auto human = store->ensureAnnotator(QStringLiteral("bench-human"));
    if (!human.ok())
        return die(human.error());
    auto votes = store->countVotes();
    auto progress = store->progress();
    if (!votes.ok() || !progress.ok())
        return die(votes.ok() ? progress.error() : votes.error());
    out << QStringLiteral("project: %1 pairs, %2 stored comparisons, %3 annotators; bench-human has voted %4")
               .arg(progress->pairs)
               .arg(*votes)
               .arg(progress->perAnnotator.size())
               .arg([&] {
                   for (const AnnotatorProgress &a : progress->perAnnotator)
                       if (a.annotatorId == human->id)
                           return a.votes;
                   return qint64(0);
               }())
        << Qt::endl;

    // --- The prefetch behind each vote: queue query, incident, log, explanations, evidence ---
    {
        PairLoader loader(store, human->id, QueueOptions{});
        PairLoad last;
        QObject::connect(&loader, &PairLoader::loaded, [&](const PairLoad &load) { last = load; });
        std::vector<double> times;
        for (int i = 0; i < 50; ++i) {
            QElapsedTimer t;
            t.start();
            loader.requestNext({});
            if (!waitFor(&loader, &PairLoader::loaded, 10000))
                return die(QStringLiteral("the pair loader did not answer"));
            times.push_back(ms(t));
            if (!last.error.isEmpty())
                return die(last.error);
        }
        report(QStringLiteral("prefetch of the next pair (worker thread, off the vote path)"), stats(times), 50);
    }

    // --- Vote key -> next pair on screen ---
    LabelView view;
    view.resize(1600, 1000);
    view.show();
    view.activateWindow();
    view.setGuidelineVersion(1);
    view.start(store, *human);
    if (!waitUntil([&] { return view.isShowingPair(); }, 30000))
        return die(QStringLiteral("no pair to vote on"));
    view.setFocus();

    LabelProgressPanel panel;
    panel.setStore(store);
    if (!waitFor(&panel, &LabelProgressPanel::refreshed, 30000))
        return die(QStringLiteral("the progress panel never refreshed"));

    // The actions behind keys 1-4 (what a matched shortcut triggers; QtTest is not linked here).
    QList<QAction *> voteActions;
    for (Qt::Key key : {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4}) {
        for (QAction *a : view.actions()) {
            if (a->shortcut() == QKeySequence(key))
                voteActions << a;
        }
    }
    if (voteActions.size() != 4)
        return die(QStringLiteral("the view has no actions on keys 1-4"));
    std::vector<double> shown, shownCpu, commitOnly, painted, logReady, panelTimes;
    bool logIndexed = false;
    QObject::connect(view.logView(), &LogView::indexingFinished, [&] { logIndexed = true; });
    for (int i = 0; i < samples; ++i) {
        // An annotator reads for seconds; the prefetch (measured above) is done long before.
        if (!waitUntil([&] { return view.session()->isNextReady(); }, 10000))
            return die(QStringLiteral("the prefetch never finished"));
        const qint64 before = view.session()->current()->pair.id;
        logIndexed = false;
        QElapsedTimer t;
        const double cpu0 = threadCpuMs();
        t.start();
        voteActions[i % 4]->trigger();
        const double tShown = ms(t);
        shownCpu.push_back(threadCpuMs() - cpu0);
        if (!view.isShowingPair() || view.session()->current()->pair.id == before) {
            if (view.isShowingEmpty())
                break;
            return die(QStringLiteral("vote %1 did not show the next pair").arg(i));
        }
        view.repaint();
        const double tPainted = ms(t);
        if (!waitUntil([&] { return logIndexed; }, 5000))
            return die(QStringLiteral("the next pair's log was never indexed"));
        const double tLog = ms(t);
        shown.push_back(tShown);
        painted.push_back(tPainted);
        logReady.push_back(tLog);

        // The progress panel after the vote, every 10th vote (it coalesces bursts anyway).
        if (i % 10 == 0) {
            QElapsedTimer p;
            p.start();
            panel.refresh();
            if (!waitFor(&panel, &LabelProgressPanel::refreshed, 10000))
                return die(QStringLiteral("the progress panel did not refresh"));
            panelTimes.push_back(ms(p));
        }
    }
    report(QStringLiteral("vote key -> next pair shown (vote committed)"), stats(shown), int(shown.size()));
    report(QStringLiteral("  the same, this thread's CPU time"), stats(shownCpu), int(shownCpu.size()));
    report(QStringLiteral("vote key -> next pair painted"), stats(painted), int(painted.size()));
    report(QStringLiteral("vote key -> next pair's log indexed in the log view"), stats(logReady), int(logReady.size()));
    report(QStringLiteral("progress panel refresh (after a vote)"), stats(panelTimes), int(panelTimes.size()));

    // --- The commit alone: what the vote path waits for (fsync-free in WAL, synchronous=NORMAL,
    // except when a commit runs the automatic checkpoint) ---
    {
        auto extra = store->ensureAnnotator(QStringLiteral("bench-commit"));
        if (!extra.ok())
            return die(extra.error());
        auto pairs = store->pairs(PairFilter{0, std::nullopt, 0, 200});
        if (!pairs.ok())
            return die(pairs.error());
        for (const PairRecord &pair : *pairs) {
            VoteRecord v;
            v.pairId = pair.id;
            v.annotatorId = extra->id;
            v.choice = VoteChoice::Tie;
            QElapsedTimer t;
            t.start();
            if (!store->recordVote(v).ok())
                return die(QStringLiteral("recordVote failed"));
            commitOnly.push_back(ms(t));
        }
        report(QStringLiteral("recordVote alone (one commit each, session running)"), stats(commitOnly), int(commitOnly.size()));
    }

    // --- The history: first page of the annotator's votes ---
    {
        VoteHistoryModel model;
        std::vector<double> times;
        for (int i = 0; i < 10; ++i) {
            QElapsedTimer t;
            t.start();
            model.setSource(store, human->id);
            if (!waitFor(&model, &VoteHistoryModel::pageLoaded, 10000))
                return die(QStringLiteral("the history never loaded"));
            times.push_back(ms(t));
        }
        report(QStringLiteral("history: first page of bench-human's votes (worker)"), stats(times), 10);
        // A heavy simulated annotator: most of its rows are near the end of the table.
        auto heavy = store->annotatorByName(QStringLiteral("sim-0"));
        if (heavy.ok() && heavy->has_value()) {
            times.clear();
            for (int i = 0; i < 10; ++i) {
                QElapsedTimer t;
                t.start();
                model.setSource(store, (*heavy)->id);
                if (!waitFor(&model, &VoteHistoryModel::pageLoaded, 10000))
                    return die(QStringLiteral("the history never loaded"));
                times.push_back(ms(t));
            }
            report(QStringLiteral("history: first page of an annotator with ~40k votes"), stats(times), 10);
        }
    }

    const Stats s = stats(shown);
    const Stats p = stats(panelTimes);
    out << QStringLiteral("targets: next pair < 50 ms: %1 (max %2 ms); progress < 200 ms: %3 (max %4 ms)")
               .arg(s.maxMs < 50 ? QStringLiteral("met") : QStringLiteral("MISSED"))
               .arg(s.maxMs, 0, 'f', 1)
               .arg(p.maxMs < 200 ? QStringLiteral("met") : QStringLiteral("MISSED"))
               .arg(p.maxMs, 0, 'f', 1)
        << Qt::endl;
    return 0;
}
