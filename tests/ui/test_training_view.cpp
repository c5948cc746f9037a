// The Training page, end to end on a small synthetic project labeled without noise and the bundled
// lab-tiny model: a reward run started from the page's Start button sends points to the loss
// chart, Stop ends it as "stopped" in the database (checkpoint written) with the buttons back to
// idle, and the CSV export holds every point; Pause holds the worker between two steps and Resume
// lets it go on; closing the window while a run trains asks first (answered through the test hook)
// and, told to stop, closes only once the run has ended. Without the model these skip; the parts
// that need no model (a job that cannot start, the charts' decimation, the form) always run.
#include "core/store/store.h"
#include "core/synth/auto_label.h"
#include "core/synth/synth_project.h"
#include "ui/main_window.h"
#include "ui/run_table_model.h"
#include "ui/training_chart.h"
#include "ui/training_charts.h"
#include "ui/training_controller.h"
#include "ui/training_form.h"
#include "ui/training_view.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QtTest>

using namespace lab;

namespace {
constexpr int kRunTimeoutMs = 240000; // loading lab-tiny and the votes on a busy 2-core machine
}

class TestTrainingView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_model;

    std::unique_ptr<QSettings> newSettings()
    {
        static int n = 0;
        return std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++n)), QSettings::IniFormat);
    }

    static QToolButton *button(QWidget *view, const char *name)
    {
        auto *b = view->findChild<QToolButton *>(QLatin1String(name));
        if (!b)
            qWarning("no button %s", name);
        return b;
    }

    static void setNumber(TrainingForm *form, const QString &key, double value)
    {
        QWidget *editor = form->editor(key);
        if (!editor)
            return; // not a setting of this trainer
        if (auto *spin = qobject_cast<QSpinBox *>(editor))
            spin->setValue(int(value));
        else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor))
            dspin->setValue(value);
        else
            QFAIL(qPrintable(QStringLiteral("%1 is not a number field").arg(key)));
    }

    // Small and quick on lab-tiny: short prompts, one trained layer, a point every step (the
    // settings the trainer has).
    static void makeQuick(TrainingView *view, int steps)
    {
        TrainingForm *form = view->form();
        setNumber(form, QStringLiteral("steps"), steps);
        setNumber(form, QStringLiteral("batch_size"), 2);
        setNumber(form, QStringLiteral("log_every"), 1);
        setNumber(form, QStringLiteral("train_layers"), 1);
        setNumber(form, QStringLiteral("prompt_tokens"), 96);
        setNumber(form, QStringLiteral("context_tokens"), 160);
        setNumber(form, QStringLiteral("eval_pairs"), 8);
        setNumber(form, QStringLiteral("eval_every"), 0);
        setNumber(form, QStringLiteral("checkpoint_every"), 0);
        if (auto *score = qobject_cast<QCheckBox *>(form->editor(QStringLiteral("score_pairs"))))
            score->setChecked(false);
    }

    // The reward model when runTraining() has it, else DPO (whichever trainer this build has).
    static QString quickKind()
    {
        for (const QString &kind : {QString(kRunReward), QString(kRunDpo)})
            if (!trainParams(kind).isEmpty())
                return kind;
        return {};
    }
    bool haveRewardTrainer() const { return !quickKind().isEmpty(); }

    // A window on the project, on the Training page, with the reward trainer set up small.
    std::unique_ptr<MainWindow> openWindow(QSettings &settings, int steps)
    {
        auto window = std::make_unique<MainWindow>(settings);
        window->resize(1400, 900);
        window->show();
        if (!window->openProject(m_project) || !window->showTraining())
            return nullptr;
        TrainingView *view = window->trainingView();
        view->setKind(quickKind());
        makeQuick(view, steps);
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("project.db"));
        auto store = Store::open(m_project);
        QVERIFY2(store, qPrintable(store.error()));
        auto written = synth::writeSyntheticIncidents(**store, 5, 40, {});
        QVERIFY2(written, qPrintable(written.error()));
        AutoLabelOptions label;
        label.noise = 0.0;
        label.seed = 2;
        auto votes = autoLabelAs(**store, label);
        QVERIFY2(votes, qPrintable(votes.error()));
        QVERIFY(votes->aBetter + votes->bBetter > 50);

        m_model = qEnvironmentVariable("LAB_MODEL_DIR");
        if (m_model.isEmpty())
            m_model = QStringLiteral(LAB_BINARY_DIR "/resources/bundle/models/lab-tiny");
        if (QFileInfo::exists(m_model + QStringLiteral("/model.safetensors")))
            qputenv("LAB_MODEL_DIR", m_model.toUtf8());
        else
            m_model.clear();
    }

    void formFollowsTheTrainersSettings()
    {
        auto settings = newSettings();
        MainWindow window(*settings);
        window.show();
        QVERIFY(!window.trainAction()->isEnabled()); // no project yet
        QVERIFY(window.openProject(m_project));
        QVERIFY(window.trainAction()->isEnabled());
        window.trainAction()->trigger();
        QVERIFY(window.isTrainingPageShown());
        TrainingView *view = window.trainingView();
        QCOMPARE(view->kindBox()->count(), trainKinds().size());

        if (quickKind().isEmpty())
            QSKIP("no preference trainer is dispatched in this build");
        view->setKind(quickKind());
        const QVector<TrainParam> params = trainParams(view->kind());
        QCOMPARE(view->form()->params().size(), params.size());
        for (const TrainParam &p : params) {
            QWidget *editor = view->form()->editor(p.key);
            QVERIFY2(editor, qPrintable(p.key));
            QVERIFY2(editor->toolTip().contains(p.help.left(20).toHtmlEscaped()), qPrintable(p.key));
            // Advanced settings wait behind "More settings".
            QCOMPARE(editor->isVisibleTo(view), !p.advanced);
            if (p.choices.isEmpty() && p.defaultValue.typeId() != QMetaType::QString && p.defaultValue.typeId() != QMetaType::Bool) {
                if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
                    QCOMPARE(spin->value(), p.defaultValue.toInt());
                    if (p.maximum > p.minimum)
                        QCOMPARE(spin->minimum(), int(p.minimum));
                } else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor)) {
                    QCOMPARE(dspin->value(), p.defaultValue.toDouble());
                }
            }
        }
        auto *more = view->form()->findChild<QToolButton *>(QStringLiteral("moreSettingsButton"));
        QVERIFY(more);
        more->click();
        for (const TrainParam &p : params)
            QVERIFY(view->form()->editor(p.key)->isVisibleTo(view));

        // A changed value goes into the job's config, and Restore defaults takes it back.
        setNumber(view->form(), QStringLiteral("steps"), 7);
        QCOMPARE(view->form()->values().value(QStringLiteral("steps")).toInteger(), 7);
        QVERIFY(resolveTrainConfig(params, view->form()->values()).ok());
        view->form()->findChild<QPushButton *>(QStringLiteral("restoreDefaultsButton"))->click();
        const auto stepsParam = std::find_if(params.cbegin(), params.cend(), [](const TrainParam &p) { return p.key == QLatin1String("steps"); });
        QVERIFY(stepsParam != params.cend());
        QCOMPARE(view->form()->values().value(QStringLiteral("steps")).toInteger(), stepsParam->defaultValue.toLongLong());

        // Idle: only Start.
        QVERIFY(view->startAction()->isEnabled());
        QVERIFY(!view->pauseAction()->isEnabled());
        QVERIFY(!view->resumeAction()->isEnabled());
        QVERIFY(!view->stopAction()->isEnabled());
        // The annotators of the project are offered.
        QVERIFY(!view->form()->editor(QStringLiteral("steps")) || view->form()->editor(QStringLiteral("steps"))->isEnabled());
        QVERIFY(view->findChild<QComboBox *>(QStringLiteral("annotatorBox"))->findText(QString::fromLatin1(synth::kSimulatedEngineerName)) >= 0);
    }

    void aJobThatCannotStartSaysWhy()
    {
        // A project without votes: nothing to train on. The error reaches the event log and the
        // buttons come back.
        const QString empty = m_dir.filePath(QStringLiteral("empty.db"));
        {
            auto store = Store::open(empty);
            QVERIFY2(store, qPrintable(store.error()));
        }
        auto settings = newSettings();
        MainWindow window(*settings);
        window.show();
        QVERIFY(window.openProject(empty));
        QVERIFY(window.showTraining());
        TrainingView *view = window.trainingView();
        QSignalSpy failed(view, &TrainingView::runFailed);
        QSignalSpy ended(view, &TrainingView::runEnded);
        QTest::mouseClick(button(view, "startTrainingButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() + ended.count() == 1, kRunTimeoutMs);
        QVERIFY(!view->isTraining());
        QVERIFY(view->eventLog()->toPlainText().contains(QStringLiteral("error")));
        QVERIFY(view->startAction()->isEnabled());
        QVERIFY(!view->stopAction()->isEnabled());
        QVERIFY(!view->pauseAction()->isEnabled());
    }

    void chartsKeepEveryPointAndDrawAFew()
    {
        TrainingCharts charts;
        charts.resize(900, 600);
        charts.show();
        QVector<MetricPoint> points;
        for (int step = 1; step <= 10000; ++step) {
            points.push_back({step, QStringLiteral("loss"), 1.0 / step});
            points.push_back({step, QStringLiteral("eval/accuracy"), step == 5000 ? 0.99 : 0.5});
        }
        points.push_back({10001, QStringLiteral("learning_rate"), 1e-4});
        charts.addPoints(points);
        QTRY_VERIFY(charts.chartFor(QStringLiteral("loss")) && charts.chartFor(QStringLiteral("loss"))->displayedCount(QStringLiteral("loss")) > 0);
        TrainingChart *loss = charts.chartFor(QStringLiteral("loss"));
        QCOMPARE(loss->pointCount(QStringLiteral("loss")), 10000);
        QVERIFY(loss->displayedCount(QStringLiteral("loss")) <= TrainingChart::kMaxDisplayPoints + 1);
        // Accuracy and eval accuracy share a chart; the one spike survives decimation.
        TrainingChart *accuracy = charts.chartFor(QStringLiteral("eval/accuracy"));
        QVERIFY(accuracy && accuracy != loss);
        QCOMPARE(accuracy->title(), TrainingCharts::groupTitle(QStringLiteral("accuracy")));
        const QVector<QPointF> shown = TrainingChart::decimate(accuracy->points(QStringLiteral("eval/accuracy")), 2000);
        QVERIFY(std::any_of(shown.cbegin(), shown.cend(), [](const QPointF &p) { return p.y() == 0.99; }));
        // An unknown metric gets a chart of its own, after the known ones.
        QVERIFY(charts.chartFor(QStringLiteral("learning_rate")));
        QCOMPARE(charts.charts().last(), charts.chartFor(QStringLiteral("learning_rate")));

        const QString csv = m_dir.filePath(QStringLiteral("many.csv"));
        QVERIFY(charts.exportCsv(csv).ok());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.first(), QByteArray("step,name,value"));
        QCOMPARE(lines.size() - 2, 20001); // header and the final empty line
        QCOMPARE(lines[1], QByteArray("1,eval/accuracy,0.5"));
        QCOMPARE(lines[2], QByteArray("1,loss,1"));
        const QString png = m_dir.filePath(QStringLiteral("charts.png"));
        QVERIFY(charts.exportPng(png).ok());
        QVERIFY(QImage(png).width() > 300);
    }

    void startShowsPointsAndStopRecordsTheRun()
    {
        if (m_model.isEmpty())
            QSKIP("lab-tiny is not built (resources/bundle/models/lab-tiny)");
        if (!haveRewardTrainer())
            QSKIP("no preference trainer is dispatched in this build");
        auto settings = newSettings();
        auto window = openWindow(*settings, 5000);
        QVERIFY(window);
        TrainingView *view = window->trainingView();
        QSignalSpy ended(view, &TrainingView::runEnded);

        QTest::mouseClick(button(view, "startTrainingButton"), Qt::LeftButton);
        QVERIFY(view->isTraining());
        QVERIFY(!view->startAction()->isEnabled());
        QVERIFY(view->stopAction()->isEnabled());
        QVERIFY(view->pauseAction()->isEnabled());
        QVERIFY(!view->kindBox()->isEnabled());
        // The loss chart receives points (drawn, not only buffered).
        QTRY_VERIFY_WITH_TIMEOUT(view->charts()->chartFor(QStringLiteral("loss"))
                                     && view->charts()->chartFor(QStringLiteral("loss"))->displayedCount(QStringLiteral("loss")) >= 3,
                                 kRunTimeoutMs);
        const qint64 runId = view->controller()->runId();
        QVERIFY(runId > 0);
        QVERIFY(view->progressBar()->value() >= 3);
        QVERIFY(!view->etaLabel()->text().isEmpty());
        QVERIFY(window->windowTitle().contains(QString::number(runId)));
        QCOMPARE(view->runModel()->rowOf(runId), 0); // listed, newest first

        QTest::mouseClick(button(view, "stopTrainingButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
        const TrainOutcome outcome = ended.first().first().value<TrainOutcome>();
        QCOMPARE(outcome.status, QString(kRunStopped));
        QVERIFY(outcome.steps < 5000);

        auto store = Store::open(m_project);
        QVERIFY(store);
        auto run = (*store)->run(runId);
        QVERIFY2(run, qPrintable(run.error()));
        QCOMPARE(run->status, QString(kRunStopped));
        QCOMPARE(view->runModel()->data(view->runModel()->index(0, RunTableModel::StatusColumn)).toString(),
                 RunTableModel::statusText(QString(kRunStopped)));

        // Idle again; the stopped run can be resumed.
        QVERIFY(!view->isTraining());
        QVERIFY(view->startAction()->isEnabled());
        QVERIFY(!view->pauseAction()->isEnabled());
        QVERIFY(!view->stopAction()->isEnabled());
        QVERIFY(view->resumeAction()->isEnabled());
        QCOMPARE(view->resumableRun(), runId);
        QVERIFY(view->kindBox()->isEnabled());

        // The CSV holds every point the run logged, as the database has them.
        auto stored = (*store)->metrics(runId);
        QVERIFY(stored);
        QVERIFY(!stored->isEmpty());
        const QString csv = m_dir.filePath(QStringLiteral("run.csv"));
        QVERIFY(view->exportCsv(csv).ok());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.takeFirst(), QStringLiteral("step,name,value"));
        QCOMPARE(lines.size(), stored->size());
        for (const MetricPoint &p : *stored) {
            if (p.name != QLatin1String("loss"))
                continue;
            const QString prefix = QStringLiteral("%1,loss,").arg(p.step);
            const auto line = std::find_if(lines.cbegin(), lines.cend(), [&](const QString &l) { return l.startsWith(prefix); });
            QVERIFY2(line != lines.cend(), qPrintable(prefix));
            QVERIFY(qFuzzyCompare(line->mid(prefix.size()).toDouble(), p.value));
        }

        // Selecting the run in the list shows it from the database, its settings read-only.
        view->newRun();
        QCOMPARE(view->charts()->totalPoints(), 0);
        view->runTable()->selectRow(view->runModel()->rowOf(runId));
        QCOMPARE(view->shownRun(), runId);
        QCOMPARE(view->charts()->totalPoints(), qint64(stored->size()));
        QVERIFY(!view->form()->editor(QStringLiteral("steps"))->isEnabled());
        QCOMPARE(view->form()->values().value(QStringLiteral("steps")).toInteger(), 5000);
        QVERIFY(!view->startAction()->isEnabled());
        QVERIFY(view->resumeAction()->isEnabled());
        view->findChild<QPushButton *>(QStringLiteral("useSettingsButton"))->click();
        QVERIFY(view->form()->editor(QStringLiteral("steps"))->isEnabled());
        QCOMPARE(view->form()->values().value(QStringLiteral("steps")).toInteger(), 5000);
        QVERIFY(view->startAction()->isEnabled());
    }

    void pauseHoldsTheWorkerAndResumeGoesOn()
    {
        if (m_model.isEmpty())
            QSKIP("lab-tiny is not built (resources/bundle/models/lab-tiny)");
        if (!haveRewardTrainer())
            QSKIP("no preference trainer is dispatched in this build");
        auto settings = newSettings();
        auto window = openWindow(*settings, 5000);
        QVERIFY(window);
        TrainingView *view = window->trainingView();
        QSignalSpy ended(view, &TrainingView::runEnded);
        QTest::mouseClick(button(view, "startTrainingButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view->charts()->pointCount(QStringLiteral("loss")) >= 2, kRunTimeoutMs);

        QTest::mouseClick(button(view, "pauseTrainingButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view->controller()->state(), TrainingController::State::Paused, 60000);
        QVERIFY(!view->pauseAction()->isEnabled());
        QVERIFY(view->resumeAction()->isEnabled());
        QVERIFY(view->stopAction()->isEnabled());
        QTest::qWait(2 * TrainingController::kFlushIntervalMs); // what the worker said before it stopped
        const int step = view->progressBar()->value();
        const qint64 points = view->charts()->pointCount(QStringLiteral("loss"));
        QTest::qWait(1500); // several steps' time: nothing moves
        QCOMPARE(view->progressBar()->value(), step);
        QCOMPARE(view->charts()->pointCount(QStringLiteral("loss")), points);

        QTest::mouseClick(button(view, "resumeTrainingButton"), Qt::LeftButton);
        QCOMPARE(view->controller()->state(), TrainingController::State::Running);
        QTRY_VERIFY_WITH_TIMEOUT(view->progressBar()->value() > step, 60000);
        QVERIFY(view->charts()->pointCount(QStringLiteral("loss")) > points);

        // Stop works from a pause too.
        QTest::mouseClick(button(view, "pauseTrainingButton"), Qt::LeftButton);
        QTest::mouseClick(button(view, "stopTrainingButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
        QCOMPARE(ended.first().first().value<TrainOutcome>().status, QString(kRunStopped));
    }

    void closingWhileTrainingAsksFirst()
    {
        if (m_model.isEmpty())
            QSKIP("lab-tiny is not built (resources/bundle/models/lab-tiny)");
        if (!haveRewardTrainer())
            QSKIP("no preference trainer is dispatched in this build");
        auto settings = newSettings();
        auto window = openWindow(*settings, 5000);
        QVERIFY(window);
        TrainingView *view = window->trainingView();
        int asked = 0;
        auto answer = MainWindow::CloseWhileTraining::KeepTraining;
        window->setCloseWhileTrainingHandler([&] {
            ++asked;
            return answer;
        });
        QTest::mouseClick(button(view, "startTrainingButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view->charts()->pointCount(QStringLiteral("loss")) >= 1, kRunTimeoutMs);
        const qint64 runId = view->controller()->runId();

        // "Keep training": the window stays and the run goes on.
        QVERIFY(!window->close());
        QCOMPARE(asked, 1);
        QVERIFY(window->isVisible());
        QVERIFY(view->isTraining());
        const int step = view->progressBar()->value();
        QTRY_VERIFY_WITH_TIMEOUT(view->progressBar()->value() > step, 60000);

        // "Stop and quit": the run stops, writes its checkpoint, and then the window closes.
        answer = MainWindow::CloseWhileTraining::StopAndQuit;
        QVERIFY(!window->close()); // not yet: the worker is still writing
        QCOMPARE(asked, 2);
        QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), kRunTimeoutMs);
        QVERIFY(!view->isTraining());
        auto store = Store::open(m_project);
        QVERIFY(store);
        auto run = (*store)->run(runId);
        QVERIFY(run);
        QCOMPARE(run->status, QString(kRunStopped));
    }
};

QTEST_MAIN(TestTrainingView)
#include "test_training_view.moc"
