// The Adapters view driven as a user would: the table lists every adapter with its run and
// evaluation, the buttons and shortcuts activate, roll back and switch to the base model (checked
// in Store::activeAdapter()), Export writes a PEFT folder, Evaluate runs in the worker thread with
// progress and Cancel. Fixtures: real adapters of a tiny model.
#include "explain/tiny_model.h"

#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/store/store.h"
#include "core/synth/synth_project.h"
#include "ui/adapter_table_model.h"
#include "ui/adapters_view.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace lab;

#define REQUIRE_OK(expr)                                                                           \
    do {                                                                                           \
        const auto &r_ = (expr);                                                                   \
        QVERIFY2(r_.ok(), qPrintable(r_.error()));                                                 \
    } while (false)

class TestAdaptersView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_model;
    std::shared_ptr<Store> m_store;
    int m_project = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    void addAdapter(const QString &name, const QString &status = QString(kRunFinished))
    {
        RunRecord run;
        run.kind = QString(kRunDpo);
        run.status = status;
        auto runId = m_store->addRun(run);
        if (!runId)
            qFatal("%s", qPrintable(runId.error()));
        const QString dir = path(QStringLiteral("p%1/runs/dpo-%2/adapter").arg(m_project).arg(*runId));
        if (Status s = labtest::makeRandomAdapter(m_model, dir, quint64(*runId)); !s)
            qFatal("%s", qPrintable(s.error()));
        AdapterRecord a;
        a.name = name;
        a.runId = *runId;
        a.path = dir;
        if (auto id = m_store->addAdapter(a); !id)
            qFatal("%s", qPrintable(id.error()));
    }

    QString activeName()
    {
        auto active = m_store->activeAdapter();
        if (!active)
            qFatal("%s", qPrintable(active.error()));
        return active->has_value() ? (*active)->name : QString();
    }

    QString cell(AdaptersView &view, const QString &name, int column)
    {
        const int row = view.model()->rowOf(name);
        return view.model()->index(row, column).data().toString();
    }

    void click(QToolButton *button)
    {
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_model = path(QStringLiteral("tiny-model"));
        labtest::TinyModelOptions o;
        o.contextLength = 512;
        REQUIRE_OK(labtest::makeTinyModel(m_model, o));
    }

    void init()
    {
        auto store = Store::open(path(QStringLiteral("lab%1.db").arg(++m_project)));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        m_store = *store;
    }

    void tableListsAdapters()
    {
        addAdapter(QStringLiteral("a"));
        addAdapter(QStringLiteral("b"), QString(kRunStopped));
        auto b = m_store->adapterByName(QStringLiteral("b"));
        REQUIRE_OK(m_store->setAdapterEval((*b)->id, QJsonObject{{QStringLiteral("root_cause_accuracy"), 0.5},
                                                                 {QStringLiteral("hallucination_rate"), 0.125},
                                                                 {QStringLiteral("mean_length"), 31.25},
                                                                 {QStringLiteral("mean_reward"), 1.5}}));
        AdaptersView view;
        view.setStore(m_store);
        QCOMPARE(view.model()->rowCount(), 2);
        QCOMPARE(view.model()->columnCount(), int(AdapterTableModel::ColumnCount));
        QCOMPARE(cell(view, QStringLiteral("b"), AdapterTableModel::NameColumn), QStringLiteral("b"));
        QCOMPARE(cell(view, QStringLiteral("b"), AdapterTableModel::MadeByColumn), QStringLiteral("dpo #%1").arg((*b)->runId));
        QCOMPARE(cell(view, QStringLiteral("b"), AdapterTableModel::RootCauseColumn), QStringLiteral("50.0%"));
        QCOMPARE(cell(view, QStringLiteral("b"), AdapterTableModel::HallucinationColumn), QStringLiteral("12.5%"));
        QVERIFY(cell(view, QStringLiteral("b"), AdapterTableModel::LengthColumn).startsWith(QLatin1String("31")));
        QVERIFY(cell(view, QStringLiteral("b"), AdapterTableModel::RewardColumn).startsWith(QLatin1String("1")));
        for (int c = AdapterTableModel::RootCauseColumn; c <= AdapterTableModel::RewardColumn; ++c)
            QCOMPARE(cell(view, QStringLiteral("a"), c), QStringLiteral("-"));
        QCOMPARE(cell(view, QStringLiteral("a"), AdapterTableModel::ActiveColumn), QString());
        // Nothing selected, nothing active: only Refresh makes sense.
        QVERIFY(!view.activateButton()->isEnabled());
        QVERIFY(!view.rollbackButton()->isEnabled());
        QVERIFY(!view.baseButton()->isEnabled());
        QVERIFY(!view.exportButton()->isEnabled());
    }

    void buttonsAndShortcutsActivateAndRollBack()
    {
        addAdapter(QStringLiteral("a"));
        addAdapter(QStringLiteral("b"));
        addAdapter(QStringLiteral("c"));
        AdaptersView view;
        view.setStore(m_store);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QSignalSpy changed(&view, &AdaptersView::activeAdapterChanged);

        view.selectAdapter(QStringLiteral("a"));
        click(view.activateButton());
        QCOMPARE(activeName(), QStringLiteral("a"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell(view, QStringLiteral("a"), AdapterTableModel::ActiveColumn), QStringLiteral("active"));
        QVERIFY(!view.activateButton()->isEnabled()); // already active

        QTest::qWait(3);
        view.selectAdapter(QStringLiteral("b"));
        view.table()->setFocus();
        QTest::keyClick(view.table(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(activeName(), QStringLiteral("b"));

        QTest::qWait(3);
        view.selectAdapter(QStringLiteral("c"));
        click(view.activateButton());
        QCOMPARE(activeName(), QStringLiteral("c"));
        QCOMPARE(changed.count(), 3);

        // Roll back: c -> b (button), b -> a (Ctrl+Z), a -> base model (button).
        click(view.rollbackButton());
        QCOMPARE(activeName(), QStringLiteral("b"));
        QTest::qWait(3);
        view.table()->setFocus();
        QTest::keyClick(view.table(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(activeName(), QStringLiteral("a"));
        QTest::qWait(3);
        click(view.rollbackButton());
        QCOMPARE(activeName(), QString());
        QCOMPARE(changed.count(), 6);
        QVERIFY(!view.rollbackButton()->isEnabled()); // nothing left to undo
        QVERIFY(view.model()->activeRow() < 0);
    }

    void unfinishedRunAsksAndBaseModel()
    {
        addAdapter(QStringLiteral("done"));
        addAdapter(QStringLiteral("stopped"), QString(kRunStopped));
        AdaptersView view;
        view.setStore(m_store);
        QStringList asked;
        bool answer = false;
        view.setConfirmHandler([&](const QString &question) {
            asked << question;
            return answer;
        });
        view.selectAdapter(QStringLiteral("stopped"));
        click(view.activateButton());
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().contains(QLatin1String("stopped")), qPrintable(asked.first()));
        QCOMPARE(activeName(), QString());
        answer = true;
        click(view.activateButton());
        QCOMPARE(activeName(), QStringLiteral("stopped"));

        QSignalSpy changed(&view, &AdaptersView::activeAdapterChanged);
        click(view.baseButton());
        QCOMPARE(activeName(), QString());
        QCOMPARE(changed.count(), 1);
        QVERIFY(!view.baseButton()->isEnabled());
    }

    void exportShowsResultOrError()
    {
        addAdapter(QStringLiteral("a"));
        AdaptersView view;
        view.setStore(m_store);
        view.selectAdapter(QStringLiteral("a"));
        QVERIFY(view.exportButton()->isEnabled());
        const QString out = path(QStringLiteral("export-a"));
        QVERIFY(view.exportSelectedTo(out));
        REQUIRE_OK(checkAdapterFolder(out));
        QVERIFY(view.statusLabel()->text().contains(QFileInfo(out).absoluteFilePath()));

        const QString foreign = path(QStringLiteral("foreign-view"));
        QVERIFY(QDir().mkpath(foreign));
        QFile f(QDir(foreign).filePath(QStringLiteral("x.txt")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QVERIFY(!view.exportSelectedTo(foreign));
        QVERIFY(view.statusLabel()->property("error").toBool());
        QVERIFY(view.statusLabel()->text().contains(QLatin1String("not an adapter folder")));
    }

    void evaluateInWorkerThreadWithCancel()
    {
        addAdapter(QStringLiteral("a"));
        REQUIRE_OK(synth::writeSyntheticIncidents(*m_store, 1000011, 4));
        auto incidents = m_store->incidents();
        REQUIRE_OK(incidents);
        for (const IncidentRecord &i : *incidents)
            REQUIRE_OK(m_store->setIncidentStatus(i.id, QStringLiteral("held_out")));

        AdaptersView view;
        view.setStore(m_store);
        view.setModelDir(m_model);
        ModelEvalOptions options;
        options.batchSize = 1; // a cancel check before every incident
        options.settings.maxNewTokens = 8;
        options.settings.greedy = true;
        options.settings.device = QStringLiteral("cpu");
        view.setEvalOptions(options);
        view.selectAdapter(QStringLiteral("a"));
        QSignalSpy finished(&view, &AdaptersView::evaluationFinished);

        // Cancelled at once: nothing stored, the GUI was never blocked.
        click(view.evaluateButton());
        QVERIFY(view.isEvaluating());
        QVERIFY(view.progressBar()->isVisible() || !view.isVisible());
        QVERIFY(!view.evaluateButton()->isEnabled());
        QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QVERIFY(!finished.last().at(1).toString().isEmpty());
        QVERIFY(!view.isEvaluating());
        QVERIFY(!m_store->adapterByName(QStringLiteral("a"))->value().eval.contains(QStringLiteral("root_cause_accuracy")));
        QCOMPARE(cell(view, QStringLiteral("a"), AdapterTableModel::RootCauseColumn), QStringLiteral("-"));

        // Run to the end: the table shows the stored metrics.
        click(view.evaluateButton());
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.last().at(1).toString().isEmpty(), qPrintable(finished.last().at(1).toString()));
        const QJsonObject eval = m_store->adapterByName(QStringLiteral("a"))->value().eval;
        QCOMPARE(eval.value(QStringLiteral("incidents")).toInt(), 4);
        QVERIFY(cell(view, QStringLiteral("a"), AdapterTableModel::RootCauseColumn).endsWith(QLatin1Char('%')));
        QVERIFY(cell(view, QStringLiteral("a"), AdapterTableModel::LengthColumn) != QStringLiteral("-"));
        QCOMPARE(cell(view, QStringLiteral("a"), AdapterTableModel::RewardColumn), QStringLiteral("-")); // no reward model
        QVERIFY(view.evaluateButton()->isEnabled());
    }

    void destroyedWhileEvaluating()
    {
        addAdapter(QStringLiteral("a"));
        REQUIRE_OK(synth::writeSyntheticIncidents(*m_store, 1000011, 2));
        auto incidents = m_store->incidents();
        REQUIRE_OK(incidents);
        for (const IncidentRecord &i : *incidents)
            REQUIRE_OK(m_store->setIncidentStatus(i.id, QStringLiteral("held_out")));
        auto view = std::make_unique<AdaptersView>();
        view->setStore(m_store);
        view->setModelDir(m_model);
        ModelEvalOptions options;
        options.batchSize = 1;
        options.settings.maxNewTokens = 8;
        options.settings.device = QStringLiteral("cpu");
        view->setEvalOptions(options);
        view->selectAdapter(QStringLiteral("a"));
        click(view->evaluateButton());
        view.reset(); // cancels, waits for the worker; must not crash or hang
        QVERIFY(true);
    }
};

QTEST_MAIN(TestAdaptersView)
#include "test_adapters_view.moc"
