// The Review page driven as a reviewer would: two models (the base and LoRA adapters of a tiny
// model) explain the held-out incidents of a small synthetic project in the worker thread; the
// pair table, the metrics table and the chart per kind show what core/eval computed; the filters
// narrow to a kind and to regressions; Show log asks for the incident's log; a blind vote is
// stored, reveals the names and moves the win rate; the report folder is written with its PNG
// charts. Also the triage path of the main window: a pasted log, the cited lines marked in the
// log view, and the project's active adapter explaining.
#include "explain/tiny_model.h"

#include "core/eval/eval_compare.h"
#include "core/logs/identifier_evidence.h"
#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/store/store.h"
#include "core/synth/synth_project.h"
#include "ui/explain_panel.h"
#include "ui/explanation_view.h"
#include "ui/log_view.h"
#include "ui/main_window.h"
#include "ui/review_blind_panel.h"
#include "ui/review_chart.h"
#include "ui/review_diff.h"
#include "ui/review_models.h"
#include "ui/review_view.h"
#include "ui/triage_marks.h"

#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <cmath>

using namespace lab;

#define REQUIRE_OK(expr)                                                                           \
    do {                                                                                           \
        const auto &r_ = (expr);                                                                   \
        QVERIFY2(r_.ok(), qPrintable(r_.error()));                                                 \
    } while (false)

namespace {

constexpr int kHeldOut = 6;

Status makeAdapter(const QString &modelDir, const QString &dir, std::uint64_t seed)
{
    auto model = loadCausalLM(modelDir);
    if (!model)
        return fail(model.error());
    LoraConfig config;
    config.r = 4;
    config.alpha = 8;
    if (auto params = addLora(**model, config, seed); !params)
        return fail(params.error());
    torch::NoGradGuard noGrad;
    auto gen = at::detail::createCPUGenerator(seed);
    // Large enough that the adapter's explanations differ from the base model's.
    for (auto &[name, lin] : loraTargets(**model, config.targetModules))
        lin->loraB().copy_(at::empty(lin->loraB().sizes()).normal_(0, 0.5, gen));
    return saveLoraAdapter(**model, config, dir);
}

// A judged sample made by hand: what the comparison reads.
EvaluatedSample sample(qint64 incident, const QString &kind, const QString &text, double score, bool rootCause,
                       int hallucinated = 0)
{
    EvaluatedSample s;
    s.incidentId = incident;
    s.kind = kind;
    s.text = text;
    s.judgement.score = score;
    s.judgement.rootCause = rootCause;
    s.judgement.hallucinatedIdentifiers = hallucinated;
    s.judgement.words = int(text.split(QLatin1Char(' ')).size());
    return s;
}

} // namespace

class TestReviewView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_model;
    QString m_dbPath;
    std::shared_ptr<Store> m_store;
    std::unique_ptr<ReviewView> m_view; // evaluated once in evaluateShowsRowsAndCharts, reused after

    QString path(const QString &name) const { return m_dir.filePath(name); }

    void addAdapter(const QString &name, quint64 seed)
    {
        RunRecord run;
        run.kind = QString(kRunDpo);
        run.status = QString(kRunFinished);
        auto runId = m_store->addRun(run);
        QVERIFY2(runId.ok(), qPrintable(runId.error()));
        const QString dir = path(QStringLiteral("runs/%1/adapter").arg(name));
        REQUIRE_OK(makeAdapter(m_model, dir, seed));
        AdapterRecord a;
        a.name = name;
        a.runId = *runId;
        a.path = dir;
        REQUIRE_OK(m_store->addAdapter(a));
    }

    ModelEvalOptions quickOptions() const
    {
        ModelEvalOptions options;
        options.limit = kHeldOut;
        options.batchSize = 3;
        options.settings.maxNewTokens = 24;
        options.settings.device = QStringLiteral("cpu");
        options.settings.seed = 7;
        return options;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_model = path(QStringLiteral("tiny-model"));
        labtest::TinyModelOptions o;
        o.contextLength = 512;
        REQUIRE_OK(labtest::makeTinyModel(m_model, o));
        m_dbPath = path(QStringLiteral("review.lab"));
        auto store = Store::open(m_dbPath);
        QVERIFY2(store.ok(), qPrintable(store.error()));
        m_store = *store;
        REQUIRE_OK(synth::writeSyntheticIncidents(*m_store, 424242, 10));
        auto incidents = m_store->incidents();
        REQUIRE_OK(incidents);
        for (int i = 0; i < kHeldOut; ++i)
            REQUIRE_OK(m_store->setIncidentStatus(incidents->at(i).id, QStringLiteral("held_out")));
        addAdapter(QStringLiteral("dpo-a"), 11);
        addAdapter(QStringLiteral("dpo-b"), 12);
    }

    void wordDiffMarksChangedWords()
    {
        const QString a = QStringLiteral("Executor 7 ran out of memory; raise spark.executor.memory.");
        const QString b = QStringLiteral("executor 7 lost its memory; raise spark.executor.memory.");
        const WordDiff d = wordDiff(a, b);
        QStringList onlyA, onlyB;
        for (const WordSpan &w : d.onlyInA)
            onlyA << a.mid(w.start, w.length);
        for (const WordSpan &w : d.onlyInB)
            onlyB << b.mid(w.start, w.length);
        QCOMPARE(onlyA, (QStringList{QStringLiteral("ran"), QStringLiteral("out"), QStringLiteral("of")}));
        QCOMPARE(onlyB, (QStringList{QStringLiteral("lost"), QStringLiteral("its")}));
        QCOMPARE(d.commonWords, 5); // executor 7 memory raise spark.executor.memory (case folded, '.' trimmed)
        QVERIFY(wordDiff(a, a).onlyInA.isEmpty());
        QCOMPARE(wordDiff(QString(), b).onlyInB.size(), splitWords(b).size());
    }

    void filtersOnHandMadeComparison()
    {
        // Four incidents of two kinds; B loses the root cause on 2 and invents an identifier on 3.
        ModelEvalReport a, b;
        a.samples = {sample(1, QStringLiteral("oom"), QStringLiteral("executor 7 ran out of memory"), 6, true),
                     sample(2, QStringLiteral("oom"), QStringLiteral("the driver ran out of memory"), 6, true),
                     sample(3, QStringLiteral("s3"), QStringLiteral("access denied on bucket logs"), 5, true),
                     sample(4, QStringLiteral("s3"), QStringLiteral("something failed"), 0, false)};
        b.samples = {sample(1, QStringLiteral("oom"), QStringLiteral("executor 7 ran out of memory, raise it"), 7, true),
                     sample(2, QStringLiteral("oom"), QStringLiteral("a task failed"), 1, false),
                     sample(3, QStringLiteral("s3"), QStringLiteral("access denied on bucket logz"), 4.8, true, 1),
                     sample(4, QStringLiteral("s3"), QStringLiteral("access denied on bucket logs"), 5, true)};
        summarizeSamples(a);
        summarizeSamples(b);
        a.incidents = b.incidents = 4;
        b.adapter = QStringLiteral("dpo-x");
        auto c = compareReports(a, b);
        REQUIRE_OK(c);
        QCOMPARE(c->regressedPairs, 2);

        ReviewPairModel model;
        ReviewFilterModel filter;
        filter.setSourceModel(&model);
        model.setComparison(*c);
        QCOMPARE(filter.rowCount(), 4);
        filter.setRegressionsOnly(true);
        QCOMPARE(filter.rowCount(), 2);
        QList<qint64> regressed;
        for (int r = 0; r < filter.rowCount(); ++r)
            regressed << filter.index(r, 0).data(ReviewPairModel::IncidentRole).toLongLong();
        std::sort(regressed.begin(), regressed.end());
        QCOMPARE(regressed, (QList<qint64>{2, 3}));
        filter.setKind(QStringLiteral("s3"));
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, ReviewPairModel::IncidentColumn).data().toLongLong(), 3);
        QVERIFY(filter.index(0, ReviewPairModel::RegressionColumn).data().toString().contains(QLatin1String("hallucination")));
        filter.setRegressionsOnly(false);
        QCOMPARE(filter.rowCount(), 2);

        ReviewMetricsModel metrics;
        metrics.setComparison(*c);
        QCOMPARE(metrics.metricAt(0), QStringLiteral("root_cause_accuracy"));
        QCOMPARE(metrics.value(0, ReviewMetricsModel::AColumn), 0.75);
        QCOMPARE(metrics.value(0, ReviewMetricsModel::BColumn), 0.75);
        QCOMPARE(metrics.value(1, ReviewMetricsModel::BColumn), 0.25); // hallucination
        metrics.setKind(QStringLiteral("oom"));
        QCOMPARE(metrics.value(0, ReviewMetricsModel::BColumn), 0.5);
        QCOMPARE(metrics.value(0, ReviewMetricsModel::DeltaColumn), -0.5);
        QVERIFY(metrics.index(0, ReviewMetricsModel::DeltaColumn).data().toString().startsWith(QLatin1String("-50.0")));

        ReviewChart chart;
        chart.setComparison(*c);
        QCOMPARE(chart.kinds(), (QStringList{QStringLiteral("oom"), QStringLiteral("s3")}));
        // Horizontal bars run bottom-up: the last bar is the first kind.
        QCOMPARE(chart.setA()->count(), 2);
        QCOMPARE(chart.setB()->at(1), 50.0); // oom, B: 1 of 2
        QCOMPARE(chart.setB()->at(0), 100.0); // s3, B: 2 of 2
        chart.setMetric(QStringLiteral("hallucination_rate"));
        QCOMPARE(chart.setB()->at(0), 50.0);
        QCOMPARE(chart.setA()->at(0), 0.0);

        // Saved while never shown (the export's case): laid out at the asked size, legend included.
        const QString png = m_dir.filePath(QStringLiteral("chart.png"));
        QString error;
        QVERIFY2(chart.savePng(png, QSize(640, 400), &error), qPrintable(error));
        QCOMPARE(QImage(png).size(), QSize(640, 400));
        // A second metric saved right after the first (the export's sequence) is laid out anew.
        chart.setMetric(QStringLiteral("root_cause_accuracy"));
        QVERIFY2(chart.savePng(png, QSize(640, 400), &error), qPrintable(error));
        QVERIFY(chart.chart()->legend()->isVisible());
        QVERIFY(chart.chart()->legend()->geometry().height() > 0);
        QVERIFY(chart.chart()->plotArea().width() > 100 && chart.chart()->plotArea().right() < 640);
        // ...and painted so: B's legend marker (its bar colour) is in the image where the legend is.
        const QImage image(png);
        const QRect legend = chart.chart()->mapRectToScene(chart.chart()->legend()->geometry()).toRect();
        int marker = 0;
        for (int y = legend.top(); y <= legend.bottom(); ++y)
            for (int x = legend.left(); x <= legend.right(); ++x)
                marker += image.valid(x, y) && image.pixelColor(x, y) == chart.setB()->color();
        QVERIFY2(marker > 4, qPrintable(QString::number(marker)));
    }

    void evaluateShowsRowsAndCharts()
    {
        m_view = std::make_unique<ReviewView>();
        ReviewView &view = *m_view;
        view.setModelDir(m_model);
        view.setEvalOptions(quickOptions());
        view.setStore(m_store);
        QCOMPARE(view.modelNames(), (QStringList{QStringLiteral("base"), QStringLiteral("dpo-b"), QStringLiteral("dpo-a")}));
        QVERIFY(view.selectModels(QStringLiteral("base"), QStringLiteral("dpo-a")));
        QVERIFY(!view.exportButton()->isEnabled());

        QSignalSpy finished(&view, &ReviewView::evaluationFinished);
        QTest::mouseClick(view.evaluateButton(), Qt::LeftButton);
        QVERIFY(view.isEvaluating());
        QVERIFY(!view.evaluateButton()->isEnabled());
        QVERIFY(view.progressBar()->isVisibleTo(&view));
        QVERIFY(finished.wait(300000));
        QVERIFY2(finished.at(0).at(0).toString().isEmpty(), qPrintable(finished.at(0).at(0).toString()));
        QVERIFY(!view.isEvaluating());
        QVERIFY(view.hasResult());

        const ModelComparison *c = view.comparison();
        QVERIFY(c);
        QCOMPARE(c->baseName, QStringLiteral("base"));
        QCOMPARE(c->adapterName, QStringLiteral("dpo-a"));
        QCOMPARE(c->base.incidents, kHeldOut);
        QCOMPARE(view.pairModel()->rowCount(), kHeldOut);
        QCOMPARE(view.filterModel()->rowCount(), kHeldOut);
        // The adapter really changed the explanations (the comparison is not of a model with itself).
        int differing = 0;
        for (const PairedExplanation &p : c->pairs)
            differing += p.base.text != p.adapter.text;
        QVERIFY(differing > 0);

        // Metrics table = the reports' numbers.
        QCOMPARE(view.metricsModel()->value(0, ReviewMetricsModel::AColumn), c->base.overall.rootCauseAccuracy);
        QCOMPARE(view.metricsModel()->value(5, ReviewMetricsModel::BColumn), c->adapter.overall.meanLength);
        QCOMPARE(view.metricsModel()->value(view.metricsModel()->rowCount() - 1, ReviewMetricsModel::BColumn), c->winRate.rate);

        // One bar per kind and model, each the report's per-kind value.
        ReviewChart *chart = view.chart();
        QCOMPARE(chart->kinds(), c->kinds);
        QCOMPARE(chart->setA()->count(), c->kinds.size());
        QCOMPARE(chart->setB()->count(), c->kinds.size());
        view.chartMetricCombo()->setCurrentIndex(view.chartMetricCombo()->findData(QStringLiteral("mean_length")));
        QCOMPARE(chart->metric(), QStringLiteral("mean_length"));
        for (int i = 0; i < c->kinds.size(); ++i) {
            const int bar = int(c->kinds.size()) - 1 - i;
            QCOMPARE(chart->setA()->at(bar), c->base.perKind.value(c->kinds.at(i)).meanLength);
            QCOMPARE(chart->setB()->at(bar), c->adapter.perKind.value(c->kinds.at(i)).meanLength);
        }

        // Side by side: the selected pair's texts, with B's own words tinted.
        view.selectPair(0);
        const int source = view.filterModel()->mapToSource(view.pairTable()->currentIndex()).row();
        const PairedExplanation &p = view.pairModel()->pairAt(source);
        QCOMPARE(view.viewA()->text(), p.base.text);
        QCOMPARE(view.viewB()->text(), p.adapter.text);
        QVERIFY(view.viewA()->title().startsWith(QLatin1String("A: base")));
        const WordDiff diff = wordDiff(p.base.text, p.adapter.text);
        if (!diff.onlyInB.isEmpty()) {
            QTextCursor cursor(view.viewB()->textBrowser()->document());
            cursor.setPosition(diff.onlyInB.first().start + 1);
            QCOMPARE(cursor.charFormat().background().color(), QColor(0xd9, 0xf5, 0xdf));
        }

        // The log is one click away.
        QSignalSpy openLog(&view, &ReviewView::openIncidentRequested);
        QTest::mouseClick(view.logButton(), Qt::LeftButton);
        QCOMPARE(openLog.count(), 1);
        QCOMPARE(openLog.at(0).at(0).toLongLong(), p.incidentId);

        // Filters: one kind, then regressions only (whatever this random adapter regressed).
        const QString kind = c->kinds.first();
        view.setKindFilter(kind);
        int ofKind = 0;
        for (const PairedExplanation &q : c->pairs)
            ofKind += q.kind == kind;
        QCOMPARE(view.filterModel()->rowCount(), ofKind);
        view.setKindFilter({});
        view.setRegressionsOnly(true);
        QCOMPARE(view.filterModel()->rowCount(), c->regressedPairs);
        for (int r = 0; r < view.filterModel()->rowCount(); ++r)
            QVERIFY(view.filterModel()->index(r, 0).data(ReviewPairModel::RegressionRole).toBool());
        view.setRegressionsOnly(false);
        QCOMPARE(view.filterModel()->rowCount(), kHeldOut);
    }

    void blindVoteRevealsNamesAndMovesWinRate()
    {
        QVERIFY(m_view && m_view->hasResult());
        BlindReviewPanel *blind = m_view->blindPanel();
        m_view->tabs()->setCurrentWidget(blind);
        QCOMPARE(blind->itemCount(), kHeldOut);
        QVERIFY(blind->winRateLabel()->text().contains(QLatin1String("No blind votes")));

        const PairedExplanation *shown = nullptr;
        for (const PairedExplanation &p : m_view->comparison()->pairs)
            if (p.incidentId == blind->currentIncident())
                shown = &p;
        QVERIFY(shown);
        // Names hidden; the sides hold the two texts in the drawn order.
        QCOMPARE(blind->leftView()->title(), QStringLiteral("Left"));
        QCOMPARE(blind->rightView()->title(), QStringLiteral("Right"));
        const bool leftIsA = blind->leftIsA();
        QCOMPARE(blind->leftView()->text(), leftIsA ? shown->base.text : shown->adapter.text);
        QCOMPARE(blind->rightView()->text(), leftIsA ? shown->adapter.text : shown->base.text);

        // 1 = left better, from the keyboard (the keys are shortcuts of the shown, focused panel).
        m_view->show();
        QApplication::setActiveWindow(m_view.get());
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        blind->setFocus();
        QTest::keyClick(blind, Qt::Key_1);
        QVERIFY(blind->isRevealed());
        QCOMPARE(blind->leftView()->title(), leftIsA ? QStringLiteral("Left: base") : QStringLiteral("Left: dpo-a"));
        QVERIFY(blind->revealLabel()->text().contains(QLatin1String("dpo-a")));
        auto votes = m_store->reviewVotes(QStringLiteral("base"), QStringLiteral("dpo-a"));
        REQUIRE_OK(votes);
        QCOMPARE(votes->size(), 1);
        QCOMPARE(votes->at(0).incidentId, shown->incidentId);
        QCOMPARE(votes->at(0).choice, leftIsA ? VoteChoice::ABetter : VoteChoice::BBetter);
        QCOMPARE(votes->at(0).shownLeft, leftIsA ? Candidate::A : Candidate::B);
        QCOMPARE(votes->at(0).textB, shown->adapter.text);
        const double first = leftIsA ? 0.0 : 1.0; // B's win share
        QCOMPARE(blind->winRate().incidents, 1);
        QCOMPARE(blind->winRate().rate, first);
        QCOMPARE(blind->winRate().low, first); // one incident: every resample is the same
        QVERIFY(!blind->voteButton(2)->isEnabled()); // one vote per showing
        QVERIFY(!blind->vote(2));

        // Space: the next incident, names hidden again; 3 = tie counts half.
        QTest::keyClick(blind, Qt::Key_Space);
        QVERIFY(!blind->isRevealed());
        QCOMPARE(blind->currentItem(), 1);
        QCOMPARE(blind->leftView()->title(), QStringLiteral("Left"));
        QVERIFY(blind->currentIncident() != shown->incidentId);
        QTest::mouseClick(blind->voteButton(3), Qt::LeftButton);
        QCOMPARE(blind->winRate().incidents, 2);
        QCOMPARE(blind->winRate().rate, (first + 0.5) / 2);
        QVERIFY(blind->winRate().low <= blind->winRate().rate && blind->winRate().rate <= blind->winRate().high);
        QVERIFY(blind->winRateLabel()->text().contains(QLatin1String("from 2 votes on 2 incidents")));

        // Votes are in the file: a fresh connection reads them, and a new review of the same two
        // models starts with the incidents not voted on and the same win rate.
        {
            auto reopened = Store::open(m_dbPath);
            REQUIRE_OK(reopened);
            auto again = (*reopened)->reviewVotes(QStringLiteral("base"), QStringLiteral("dpo-a"));
            REQUIRE_OK(again);
            QCOMPARE(again->size(), 2);
        }
        BlindReviewPanel other;
        other.setStore(m_store);
        other.setComparison(*m_view->comparison(), 99);
        QCOMPARE(other.winRate().rate, (first + 0.5) / 2);
        QVERIFY(other.currentIncident() != shown->incidentId);
    }

    void exportWritesReportWithPngCharts()
    {
        QVERIFY(m_view && m_view->hasResult());
        const QString out = path(QStringLiteral("report"));
        QString error;
        QVERIFY2(m_view->exportReportTo(out, &error), qPrintable(error));
        QDir dir(out);
        QVERIFY(dir.exists(QStringLiteral("report.html")));
        QVERIFY(dir.exists(QStringLiteral("rows.csv")));
        QVERIFY(dir.exists(QStringLiteral("report.json")));
        const QStringList pngs = QDir(dir.filePath(QStringLiteral("images"))).entryList({QStringLiteral("*.png")});
        QVERIFY2(pngs.size() >= 4, qPrintable(pngs.join(QLatin1Char(','))));
        QFile html(dir.filePath(QStringLiteral("report.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(html.readAll());
        for (const QString &png : pngs)
            QVERIFY2(text.contains(png), qPrintable(png));
        QImage image(dir.filePath(QStringLiteral("images/") + pngs.first()));
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 400);
        QFile rows(dir.filePath(QStringLiteral("rows.csv")));
        QVERIFY(rows.open(QIODevice::ReadOnly));
        // Header plus one row per explanation of each model at least.
        QVERIFY(rows.readAll().count('\n') >= 2 * kHeldOut + 1);
    }

    void triagePasteMarksAndActiveAdapter()
    {
        qputenv("LAB_MODEL_DIR", m_model.toUtf8());
        QSettings settings(path(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(settings);
        QVERIFY(window.reviewAction()->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_R));
        QVERIFY(!window.reviewAction()->isEnabled());
        QVERIFY(window.openProject(m_dbPath));
        QVERIFY(window.reviewAction()->isEnabled());
        window.reviewAction()->trigger();
        QVERIFY(window.isReviewPageShown());

        auto adapter = m_store->adapterByName(QStringLiteral("dpo-b"));
        REQUIRE_OK(adapter);
        REQUIRE_OK(m_store->setActiveAdapter((*adapter)->id));

        auto log = m_store->logFor(m_store->incidents()->first().id);
        REQUIRE_OK(log);
        QVERIFY(window.pasteLog(log->content));
        QVERIFY(window.logView()->logFile());
        // Indexed in the background, as an opened file is.
        QTRY_COMPARE(window.logView()->logFile()->lineCount(), qint64(log->content.trimmed().count(QLatin1Char('\n')) + 1));
        QVERIFY(!window.isReviewPageShown());

        window.explainAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window.explainPanel()->isBusy(), 120000);
        const Explanation &e = window.explainPanel()->explanation();
        QVERIFY2(!e.text.isEmpty() || e.newTokens > 0, "no explanation");
        QCOMPARE(e.meta.value(QStringLiteral("adapter")).toString(), QStringLiteral("dpo-b"));

        // Cited lines: an explanation that names an identifier of the log marks its lines.
        const LogEvidence evidence(log->content);
        const QVector<IdentifierMention> found = findIdentifiers(log->content);
        QString cited;
        for (const IdentifierMention &m : found)
            if (m.kind != IdentifierKind::LineNumber && !evidence.linesOf(m.text).isEmpty()) {
                cited = m.text;
                break;
            }
        QVERIFY2(!cited.isEmpty(), "the synthetic log names no identifier");
        Explanation madeUp;
        madeUp.text = QStringLiteral("The job failed because of %1 and pod ghost-pod-zz9 crashed.").arg(cited);
        madeUp.meta.insert(QStringLiteral("evidence"), evidenceToJson(evidence.check(madeUp.text)));
        window.triageMarks()->show(madeUp);
        const QVector<int> lines = evidence.linesOf(cited);
        QVERIFY(!window.triageMarks()->citedLines().empty());
        QCOMPARE(qint64(window.triageMarks()->citedLines().front()), qint64(lines.first()));
        QCOMPARE(window.logView()->currentLine(), qint64(lines.first()));
        QVERIFY(window.triageMarks()->pattern().match(cited).hasMatch());
        QVERIFY(!window.triageMarks()->pattern().match(QStringLiteral("ghost-pod-zz9")).hasMatch());
        REQUIRE_OK(m_store->clearActiveAdapter());
    }

    void cleanupTestCase()
    {
        m_view.reset();
    }
};

QTEST_MAIN(TestReviewView)
#include "test_review_view.moc"
