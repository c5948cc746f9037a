// The Explain action: on a log open in the main window it runs the model (a small random one the
// test builds, named through LAB_MODEL_DIR) in the background and the explanation, its numbers
// and its digest appear in the explain dock; a digest line jumps to the log; Regenerate samples
// again with a new seed; Copy copies; a missing model is a clear message, not a crash.
//
// LAB_EXPLAIN_SCREENSHOT=FILE also saves a picture of the window with the panel (run under
// xvfb-run with QT_QPA_PLATFORM=xcb to get real fonts); LAB_EXPLAIN_SCREENSHOT_MODEL=DIR runs
// that with a trained model instead of the random one, so the picture shows a readable answer.
#include "explain/tiny_model.h"
#include "ui/explain_panel.h"
#include "ui/log_view.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace lab;

namespace {
constexpr int kExplainTimeoutMs = 60000;
}

class TestExplainPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void explainActionShowsExplanation();
    void missingModelIsAClearMessage();

private:
    QTemporaryDir m_dir;
    QString m_model;
    QString m_log;
};

void TestExplainPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_model = m_dir.filePath(QStringLiteral("tiny"));
    const Status made = labtest::makeTinyModel(m_model, {.contextLength = 512}); // lab-tiny's context
    QVERIFY2(made.ok(), qPrintable(made.error()));
    m_log = m_dir.filePath(QStringLiteral("executor-oom.log"));
    QFile file(m_log);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(synth::generateIncident(21, 0).log.toUtf8());
}

void TestExplainPanel::explainActionShowsExplanation()
{
    qputenv("LAB_MODEL_DIR", qEnvironmentVariable("LAB_EXPLAIN_SCREENSHOT_MODEL", m_model).toUtf8());
    QSettings settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    MainWindow window(settings);
    window.resize(1600, 1000);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QAction *explain = window.explainAction();
    QVERIFY(!explain->isEnabled()); // no log yet
    QCOMPARE(explain->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    // The log view's next error gives Ctrl+E up in the main window and keeps F8.
    QVERIFY(!window.logView()->nextErrorAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_E)));
    QVERIFY(window.logView()->nextErrorAction()->shortcuts().contains(QKeySequence(Qt::Key_F8)));

    QSignalSpy indexed(window.logView(), &LogView::indexingFinished);
    QVERIFY(window.openLog(m_log));
    QVERIFY(indexed.wait(10000) || indexed.count() > 0);
    QVERIFY(explain->isEnabled());

    // Click the toolbar button, as a user would.
    auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolbar);
    QWidget *button = toolbar->widgetForAction(explain);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);

    ExplainPanel *panel = window.explainPanel();
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("explainDock"));
    QVERIFY(dock && dock->isVisible());
    QVERIFY(panel->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kExplainTimeoutMs);
    const QString first = panel->explanationText();
    QVERIFY2(!first.isEmpty(), qPrintable(panel->statusLabel()->text()));
    QCOMPARE(panel->textView()->toPlainText(), first);
    const Explanation &e = panel->explanation();
    QVERIFY(e.newTokens > 0);
    QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("new tokens")));
    QVERIFY(panel->statusLabel()->text().contains(QFileInfo(qEnvironmentVariable("LAB_MODEL_DIR")).fileName()));
    QCOMPARE(e.meta.value(QStringLiteral("seed")).toString(), QStringLiteral("0"));

    // The digest: one row per line the model read; clicking one moves the log view there.
    QVERIFY(!panel->digestView()->isVisible());
    QTest::mouseClick(panel->digestButton(), Qt::LeftButton);
    QVERIFY(panel->digestView()->isVisible());
    QAbstractItemModel *digest = panel->digestView()->model();
    QCOMPARE(digest->rowCount(), e.digestLines.size());
    QVERIFY(digest->rowCount() > 1);
    const int row = digest->rowCount() - 1;
    const QModelIndex index = digest->index(row, 0);
    panel->digestView()->scrollTo(index);
    QTest::mouseClick(panel->digestView()->viewport(), Qt::LeftButton, {},
                      panel->digestView()->visualRect(index).center());
    QTRY_COMPARE(window.logView()->currentLine(), qint64(e.digestLines[row] - 1));
    QVERIFY(digest->index(row, 0).data().toString().contains(QString::number(e.digestLines[row])));

    if (const QByteArray shot = qgetenv("LAB_EXPLAIN_SCREENSHOT"); !shot.isEmpty()) {
        QTest::qWait(300);
        QVERIFY(window.grab().save(QString::fromLocal8Bit(shot)));
    }

    // Copy.
    QTest::mouseClick(panel->copyButton(), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), first);

    // Regenerate: a new seed, a new sample (the model is kept loaded).
    QTest::mouseClick(panel->regenerateButton(), Qt::LeftButton);
    QVERIFY(panel->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kExplainTimeoutMs);
    const QString regenerated = panel->explanationText();
    QVERIFY(!regenerated.isEmpty());
    QVERIFY(panel->explanation().meta.value(QStringLiteral("seed")).toString() != QStringLiteral("0"));

    // Ctrl+E runs the action too.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier);
    QVERIFY(panel->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kExplainTimeoutMs);
    QCOMPARE(panel->explanationText(), regenerated); // Explain repeats the last seed: same text
    // Closing the log clears the panel and disables the action.
    window.logView()->closeLog();
    QVERIFY(!explain->isEnabled());
    QVERIFY(panel->explanationText().isEmpty());
}

void TestExplainPanel::missingModelIsAClearMessage()
{
    const QString nowhere = m_dir.filePath(QStringLiteral("no-model-here"));
    qputenv("LAB_MODEL_DIR", nowhere.toUtf8());
    QSettings settings(m_dir.filePath(QStringLiteral("settings2.ini")), QSettings::IniFormat);
    MainWindow window(settings);
    window.show();
    QSignalSpy indexed(window.logView(), &LogView::indexingFinished);
    QVERIFY(window.openLog(m_log));
    QVERIFY(indexed.wait(10000) || indexed.count() > 0);
    window.explainAction()->trigger();
    ExplainPanel *panel = window.explainPanel();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kExplainTimeoutMs);
    QVERIFY(panel->explanationText().isEmpty());
    auto *error = panel->findChild<QLabel *>(QStringLiteral("explainError"));
    QVERIFY(error && error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("No model found")), qPrintable(error->text()));
    QVERIFY(error->text().contains(QStringLiteral("no-model-here")));
    QVERIFY(!panel->regenerateButton()->isEnabled());
}

QTEST_MAIN(TestExplainPanel)
#include "test_explain_panel.moc"
