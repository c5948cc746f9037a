// The lab as a desktop citizen: settings that round-trip through QSettings and reach the views
// (theme, training defaults, device, model folder, annotator profile, reopening the last
// project), the settings dialog edited as a user would, the shortcuts overlay (F1) read from
// the real menus, and the About box's versions.
#include "core/runtime/runtime_info.h"
#include "core/store/store.h"
#include "core/train/train_run.h"
#include "ui/about_dialog.h"
#include "ui/app_settings.h"
#include "ui/icons.h"
#include "ui/label_session.h"
#include "ui/label_view.h"
#include "core/logs/log_file.h"
#include "ui/explain_panel.h"
#include "ui/log_text_view.h"
#include "ui/log_view.h"
#include "ui/template_panel.h"
#include "ui/log_palette.h"
#include "ui/main_window.h"
#include "ui/settings_dialog.h"
#include "ui/shortcuts_overlay.h"
#include "ui/theme.h"
#include "ui/training_form.h"
#include "ui/training_view.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QTableView>
#include <QTextBrowser>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace lab;

class TestDesktop : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<QSettings> newSettings(const QString &name)
    {
        return std::make_unique<QSettings>(m_dir.filePath(name), QSettings::IniFormat);
    }

    static double dpoLearningRateDefault()
    {
        for (const TrainParam &p : trainParams(QString(kRunDpo)))
            if (p.key == QLatin1String("learning_rate"))
                return p.defaultValue.toDouble();
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("rlhf-lab-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_desktop"));
    }

    void settingsRoundTripThroughQSettings()
    {
        auto qs = newSettings(QStringLiteral("roundtrip.ini"));
        const AppSettings fresh = AppSettings::load(*qs);
        QCOMPARE(fresh.language, QString());
        QCOMPARE(fresh.theme, Theme::System);
        QCOMPARE(fresh.device, QStringLiteral("auto"));
        QCOMPARE(fresh.threads, 0);
        QVERIFY(fresh.reopenLastProject);
        QCOMPARE(fresh.effectiveDataDir(), AppSettings::defaultDataDir());

        AppSettings s;
        s.language = QStringLiteral("de");
        s.theme = Theme::Dark;
        s.dataDir = m_dir.filePath(QStringLiteral("data"));
        s.reopenLastProject = false;
        s.threads = 3;
        s.device = QStringLiteral("cpu");
        s.modelDir = m_dir.filePath(QStringLiteral("model"));
        s.annotatorName = QStringLiteral("dana");
        s.trainingDefaults.insert(QString(kRunDpo), QJsonObject{{QStringLiteral("learning_rate"), 0.004}, {QStringLiteral("steps"), 40}});
        s.save(*qs);
        const AppSettings back = AppSettings::load(*newSettings(QStringLiteral("roundtrip.ini")));
        QVERIFY(back == s);
        QCOMPARE(back.effectiveDataDir(), s.dataDir);

        // A language this build does not ship falls back to the system's.
        qs->setValue(QStringLiteral("ui/language"), QStringLiteral("tlh"));
        QCOMPARE(AppSettings::load(*qs).language, QString());
    }

    void trainingDefaultsKeepOnlyChangesAndValidValues()
    {
        const QVector<TrainParam> builtIn = trainParams(QString(kRunDpo));
        QVERIFY(!builtIn.isEmpty());
        const QVector<TrainParam> mine = TrainingForm::withDefaults(
            builtIn, QJsonObject{{QStringLiteral("learning_rate"), 0.004}, {QStringLiteral("beta"), -5.0}, // below its minimum
                                 {QStringLiteral("no_such_key"), 1}});
        for (const TrainParam &p : mine) {
            if (p.key == QLatin1String("learning_rate"))
                QCOMPARE(p.defaultValue.toDouble(), 0.004);
            if (p.key == QLatin1String("beta"))
                QCOMPARE(p.defaultValue.toDouble(), 0.1); // out of range: the built-in stays
        }
        QJsonObject values;
        for (const TrainParam &p : builtIn)
            values.insert(p.key, QJsonValue::fromVariant(p.defaultValue));
        QVERIFY(TrainingForm::changedFromDefaults(builtIn, values).isEmpty());
        values.insert(QStringLiteral("learning_rate"), 0.002);
        QCOMPARE(TrainingForm::changedFromDefaults(builtIn, values), (QJsonObject{{QStringLiteral("learning_rate"), 0.002}}));
    }

    void settingsDialogEditsEveryPage()
    {
        AppSettings initial;
        initial.trainingDefaults.insert(QString(kRunReward), QJsonObject{{QStringLiteral("steps"), 77}});
        SettingsDialog dialog(initial);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("de")));
        dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(QStringLiteral("dark")));
        dialog.dataDirEdit()->setFocus();
        QTest::keyClicks(dialog.dataDirEdit(), m_dir.filePath(QStringLiteral("projects")));
        dialog.threadsBox()->setValue(2);
        dialog.deviceBox()->setCurrentIndex(dialog.deviceBox()->findData(QStringLiteral("cpu")));
        QVERIFY(dialog.deviceBox()->currentIndex() >= 0);
        QTest::keyClicks(dialog.annotatorEdit(), QStringLiteral("  dana "));

        // Training page: the reward model shows the user's 77 steps; DPO gets a new learning rate.
        dialog.tabs()->setCurrentIndex(3);
        QCOMPARE(dialog.trainerBox()->currentData().toString(), QString(kRunReward));
        auto *steps = qobject_cast<QSpinBox *>(dialog.trainingForm()->editor(QStringLiteral("steps")));
        QVERIFY(steps);
        QCOMPARE(steps->value(), 77);
        dialog.trainerBox()->setCurrentIndex(dialog.trainerBox()->findData(QString(kRunDpo)));
        auto *lr = qobject_cast<QDoubleSpinBox *>(dialog.trainingForm()->editor(QStringLiteral("learning_rate")));
        QVERIFY(lr);
        QCOMPARE(lr->value(), dpoLearningRateDefault());
        lr->setValue(0.004);
        // Switching away and back keeps the edit.
        dialog.trainerBox()->setCurrentIndex(dialog.trainerBox()->findData(QString(kRunPpo)));
        dialog.trainerBox()->setCurrentIndex(dialog.trainerBox()->findData(QString(kRunDpo)));
        lr = qobject_cast<QDoubleSpinBox *>(dialog.trainingForm()->editor(QStringLiteral("learning_rate")));
        QCOMPARE(lr->value(), 0.004);

        if (const QString dir = qEnvironmentVariable("LAB_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(100); // rows added to a shown form show on the next event loop pass
            dialog.grab().save(dir + QStringLiteral("/settings-training.png"));
            dialog.tabs()->setCurrentIndex(1);
            dialog.grab().save(dir + QStringLiteral("/settings-model.png"));
        }

        const AppSettings s = dialog.settings();
        QCOMPARE(s.language, QStringLiteral("de"));
        QCOMPARE(s.theme, Theme::Dark);
        QCOMPARE(s.dataDir, m_dir.filePath(QStringLiteral("projects")));
        QCOMPARE(s.threads, 2);
        QCOMPARE(s.device, QStringLiteral("cpu"));
        QCOMPARE(s.annotatorName, QStringLiteral("dana"));
        QCOMPARE(s.trainingDefaults.value(QString(kRunReward)), (QJsonObject{{QStringLiteral("steps"), 77}}));
        QCOMPARE(s.trainingDefaults.value(QString(kRunDpo)), (QJsonObject{{QStringLiteral("learning_rate"), 0.004}}));
        QVERIFY(!s.trainingDefaults.contains(QString(kRunPpo))); // shown, never changed: nothing stored
    }

    void appliedSettingsReachTheViewsAndSurviveARestart()
    {
        auto qs = newSettings(QStringLiteral("apply.ini"));
        {
            MainWindow window(*qs);
            window.show();
            QVERIFY(!isDarkPalette());
            AppSettings s = window.appSettings();
            s.theme = Theme::Dark;
            s.trainingDefaults.insert(QString(kRunDpo), QJsonObject{{QStringLiteral("learning_rate"), 0.004}});
            QVERIFY(!window.applySettings(s)); // theme and defaults apply at once: no restart
            QVERIFY(isDarkPalette());
            QCOMPARE(&LogPalette::standard(), &LogPalette::dark());
            QVERIFY(LogPalette::standard().background.lightness() < 64);

            TrainingView *training = window.trainingView();
            training->setKind(QString(kRunDpo));
            auto *lr = qobject_cast<QDoubleSpinBox *>(training->form()->editor(QStringLiteral("learning_rate")));
            QVERIFY(lr);
            QCOMPARE(lr->value(), 0.004);
            lr->setValue(0.01);
            training->form()->restoreDefaults(); // back to the user's default, not the lab's
            QCOMPARE(lr->value(), 0.004);

            s.language = QStringLiteral("zh_CN");
            QVERIFY(window.applySettings(s)); // a new language needs a restart
            s.language.clear();
            QVERIFY(!window.applySettings(s)); // back to what the process started with
            s.theme = Theme::Light;
            window.applySettings(s);
            QVERIFY(!isDarkPalette());
            QCOMPARE(&LogPalette::standard(), &LogPalette::light());
        }
        MainWindow again(*qs);
        QCOMPARE(again.appSettings().theme, Theme::Light);
        QCOMPARE(again.appSettings().trainingDefaults.value(QString(kRunDpo)).value(QStringLiteral("learning_rate")).toDouble(), 0.004);
        applyTheme(Theme::System);
    }

    void restartClosesTheWindowAndStartsOnce()
    {
        auto qs = newSettings(QStringLiteral("restart.ini"));
        MainWindow window(*qs);
        int starts = 0;
        window.setRestartHandler([&starts] { ++starts; });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        AppSettings s = window.appSettings();
        s.language = QStringLiteral("de");
        QVERIFY(window.applySettings(s));
        window.restartLater();
        QVERIFY(!window.isVisible());
        QCOMPARE(starts, 1);
        QVERIFY(!window.restartRequested());
        // The language is saved for the next start.
        QCOMPARE(AppSettings::load(*newSettings(QStringLiteral("restart.ini"))).language, QStringLiteral("de"));
    }

    void lastProjectReopensOnlyWhenWanted()
    {
        const QString project = m_dir.filePath(QStringLiteral("last.lab"));
        QVERIFY(Store::open(project).ok());
        auto qs = newSettings(QStringLiteral("reopen.ini"));
        {
            MainWindow window(*qs);
            QVERIFY(window.openProject(project));
        }
        {
            MainWindow window(*qs);
            window.openInitial({});
            QVERIFY(window.store());
            QCOMPARE(window.store()->path(), QFileInfo(project).absoluteFilePath());
            AppSettings s = window.appSettings();
            s.reopenLastProject = false;
            window.applySettings(s);
        }
        MainWindow window(*qs);
        window.openInitial({});
        QVERIFY(!window.store());
    }

    void annotatorProfileSignsVotesWithoutAsking()
    {
        const QString project = m_dir.filePath(QStringLiteral("profile.lab"));
        QVERIFY(Store::open(project).ok());
        auto qs = newSettings(QStringLiteral("profile.ini"));
        MainWindow window(*qs);
        window.show();
        AppSettings s = window.appSettings();
        s.annotatorName = QStringLiteral("dana");
        window.applySettings(s);
        QVERIFY(window.openProject(project));
        QVERIFY(window.startLabeling()); // no dialog: the profile is taken
        QVERIFY(window.labelView()->session());
        QCOMPARE(window.labelView()->session()->annotator().name, QStringLiteral("dana"));
        auto stored = window.store()->annotatorByName(QStringLiteral("dana"));
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->kind, QString(kAnnotatorHuman));
    }

    void filesDroppedOnAnyViewOpen()
    {
        // Drops land on whatever view is under the pointer: the log text, the template table, the
        // explanation panel. Each passes them up to the window, which opens the file.
        auto qs = newSettings(QStringLiteral("drop.ini"));
        MainWindow window(*qs);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList logs;
        for (int i = 0; i < 4; ++i) {
            const QString path = m_dir.filePath(QStringLiteral("drop-%1.log").arg(i));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArrayLiteral("2024-01-01 10:00:00 INFO starting\n2024-01-01 10:00:01 ERROR failed\n"));
            logs << path;
        }
        QVERIFY(window.openLog(logs[0]));
        window.explainPanel()->show();
        const QList<QWidget *> targets = {window.logView()->textView()->viewport(), window.templatePanel()->table()->viewport(),
                                          window.explainPanel()->textView()->viewport()};
        for (int i = 0; i < targets.size(); ++i) {
            QMimeData mime;
            mime.setUrls({QUrl::fromLocalFile(logs[i + 1])});
            QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(targets[i], &enter);
            QVERIFY2(enter.isAccepted(), qPrintable(targets[i]->parentWidget()->objectName()));
            QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(targets[i], &drop);
            QTRY_COMPARE(window.logView()->logFile()->name(), QFileInfo(logs[i + 1]).fileName());
        }
    }

    void f1ShowsEveryShortcutFromTheMenus()
    {
        auto qs = newSettings(QStringLiteral("f1.ini"));
        MainWindow window(*qs);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        ShortcutsOverlay *overlay = window.shortcutsOverlay();
        QVERIFY(!overlay->isVisible());
        QTest::keyClick(&window, Qt::Key_F1);
        QTRY_VERIFY(overlay->isVisible());
        QCOMPARE(overlay->geometry(), window.rect());
        if (const QString dir = qEnvironmentVariable("LAB_SCREENSHOT_DIR"); !dir.isEmpty())
            window.grab().save(dir + QStringLiteral("/shortcuts.png"));

        QHash<QString, QString> keysOf; // description -> keys
        QStringList groupTitles;
        for (const ShortcutGroup &g : overlay->groups()) {
            groupTitles << g.title;
            for (const ShortcutEntry &e : g.entries)
                keysOf.insert(e.description, e.keys);
        }
        QVERIFY2(groupTitles.contains(QStringLiteral("File")), qPrintable(groupTitles.join(QLatin1Char(','))));
        QCOMPARE(keysOf.value(QStringLiteral("Open Log")), QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText));
        QCOMPARE(keysOf.value(QStringLiteral("Explain")), QStringLiteral("Ctrl+E"));
        QCOMPARE(keysOf.value(QStringLiteral("Settings")), QStringLiteral("Ctrl+,"));
        QCOMPARE(keysOf.value(QStringLiteral("A (left) is better")), QStringLiteral("1"));
        // Every action in the menus with a key is listed.
        int withKeys = 0;
        for (QAction *top : window.menuBar()->actions())
            for (QAction *a : top->menu()->actions())
                withKeys += (!a->menu() && !a->shortcut().isEmpty()) ? 1 : 0;
        int listed = 0;
        for (const ShortcutGroup &g : overlay->groups())
            listed += groupTitles.indexOf(g.title) < window.menuBar()->actions().size() ? int(g.entries.size()) : 0;
        QVERIFY2(listed >= withKeys, qPrintable(QStringLiteral("%1 listed, %2 menu actions with keys").arg(listed).arg(withKeys)));

        QTest::keyClick(overlay, Qt::Key_Escape);
        QTRY_VERIFY(!overlay->isVisible());
        // F1 again opens it, a click closes it.
        window.shortcutsAction()->trigger();
        QTRY_VERIFY(overlay->isVisible());
        QTest::mouseClick(overlay, Qt::LeftButton, {}, QPoint(5, 5));
        QTRY_VERIFY(!overlay->isVisible());
    }

    void iconsComeInHighDpiSizes()
    {
        const QList<QSize> app = icon(IconId::App).availableSizes();
        for (int size : {16, 32, 48, 256, 512})
            QVERIFY2(app.contains(QSize(size, size)), qPrintable(QString::number(size)));
        // name@2x.png is picked up beside name.png: a 2x screen gets real pixels, not a blow-up.
        const QList<QSize> open = icon(IconId::Open).availableSizes();
        QVERIFY(open.contains(QSize(48, 48)));
        QVERIFY2(open.contains(QSize(96, 96)), qPrintable(QString::number(open.size())));

        // The same icon object draws light strokes once the theme is dark.
        const QIcon folder = icon(IconId::Open);
        auto strokeLightness = [&folder] {
            const QImage image = folder.pixmap(QSize(48, 48), 1.0).toImage();
            int sum = 0, n = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (qAlpha(image.pixel(x, y)) > 200) {
                        sum += QColor(image.pixel(x, y)).lightness();
                        ++n;
                    }
            return n > 0 ? sum / n : -1;
        };
        applyTheme(Theme::Light);
        const int onLight = strokeLightness();
        applyTheme(Theme::Dark);
        const int onDark = strokeLightness();
        applyTheme(Theme::System);
        QVERIFY2(onLight >= 0 && onLight < 100 && onDark > 180, qPrintable(QStringLiteral("%1 %2").arg(onLight).arg(onDark)));
    }

    void aboutNamesTheVersionsInUse()
    {
        const RuntimeInfo runtime = initRuntime(1);
        QVERIFY(!runtime.torchVersion.isEmpty());
        AboutDialog about(runtime, m_dir.path(), m_dir.filePath(QStringLiteral("x.ini")));
        if (const QString dir = qEnvironmentVariable("LAB_SCREENSHOT_DIR"); !dir.isEmpty()) {
            about.show();
            about.grab().save(dir + QStringLiteral("/about.png"));
        }
        const QString details = about.detailsText();
        QVERIFY2(details.contains(QStringLiteral("Qt: ") + QString::fromLatin1(qVersion())), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("LibTorch: ") + runtime.torchVersion), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("BLAS: ")), qPrintable(details));
        if (!runtime.blasLibrary.isEmpty())
            QVERIFY2(details.contains(runtime.blasLibrary), qPrintable(details));
        if (runtime.blasThreads > 0)
            QCOMPARE(runtime.blasThreads, 1); // initRuntime(1) set OpenBLAS's pool as well
        QVERIFY(details.contains(QStringLiteral("Devices: cpu")));
    }
};

QTEST_MAIN(TestDesktop)
#include "test_desktop.moc"
