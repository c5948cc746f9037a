// The GUI's Full Demo dialog over its worker thread (offscreen): stages tick off as the pipeline
// runs them, the bar and the elapsed time move, and Cancel stops the demo at the next step with
// the stage in flight marked and the reason shown. LAB_DEMO_SCREENSHOT=FILE saves the dialog
// mid-run (the reward model stage) for the docs.
#include "core/store/store.h"
#include "ui/demo_run_dialog.h"
#include "ui/demo_run_job.h"

#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lab;

class TestDemoDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stagesTickAndCancelStops()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("demo.lab"));
        // The quick demo with a reward model long enough that Cancel surely lands in it.
        DemoSettings settings = DemoSettings::quick();
        settings.rewardConfig.insert(QStringLiteral("steps"), 400);
        settings.rewardConfig.insert(QStringLiteral("log_every"), 1);
        DemoRunDialog dialog(db, dir.filePath(QStringLiteral("report")), settings);
        dialog.show();
        QSignalSpy ready(&dialog, &DemoRunDialog::projectReady);
        QSignalSpy cancelled(dialog.job(), &DemoRunJob::cancelled);
        dialog.start();
        QVERIFY(dialog.isRunning());

        // The first three stages (incidents, lab-tiny's pairs, votes) finish and say what they did;
        // the reward model starts.
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stageState(3), QStringLiteral("running"), 240000);
        for (int stage = 0; stage < 3; ++stage)
            QCOMPARE(dialog.stageState(stage), QStringLiteral("done"));
        QCOMPARE(dialog.stageState(4), QStringLiteral("pending"));
        const auto *votes = dialog.findChild<QLabel *>(QStringLiteral("demoStageSummary_votes"));
        QVERIFY(votes);
        QVERIFY2(votes->text().contains(QStringLiteral("template pairs: 360 votes")), qPrintable(votes->text()));
        QVERIFY2(votes->text().contains(QStringLiteral("lab-tiny pairs: 8 votes")), qPrintable(votes->text()));
        auto *bar = dialog.findChild<QProgressBar *>(QStringLiteral("demoProgress"));
        QVERIFY(bar);
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QLabel *>(QStringLiteral("demoDetail"))->text().contains(QStringLiteral("step")), 120000);

        if (const QByteArray shot = qgetenv("LAB_DEMO_SCREENSHOT"); !shot.isEmpty())
            QVERIFY(dialog.grab().save(QString::fromLocal8Bit(shot)));

        auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("demoCancel"));
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!cancel->isEnabled()); // one request; the worker finishes its step first
        QVERIFY(cancelled.wait(120000));
        QVERIFY(!dialog.isRunning());
        QCOMPARE(dialog.stageState(3), QStringLiteral("failed"));
        QCOMPARE(dialog.stageState(4), QStringLiteral("pending"));
        QCOMPARE(ready.count(), 0);
        const QString log = dialog.findChild<QPlainTextEdit *>(QStringLiteral("demoLog"))->toPlainText();
        QVERIFY2(log.contains(QStringLiteral("demo stopped during 'Reward model'")), qPrintable(log));
        QVERIFY(cancel->isEnabled());

        // The stopped reward run is recorded as such; nothing was trained after it.
        auto store = Store::open(db);
        QVERIFY(store.ok());
        auto runs = (*store)->runs();
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), 1);
        QCOMPARE(runs->first().kind, QStringLiteral("reward"));
        QCOMPARE(runs->first().status, QStringLiteral("stopped"));
    }
};

QTEST_MAIN(TestDemoDialog)
#include "test_demo_dialog.moc"
