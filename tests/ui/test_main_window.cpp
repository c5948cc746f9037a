// The main window: opening logs and projects (command line, drag-and-drop, recent files), a
// clear error for a bad file, the incident list filtering by kind and opening an incident's log,
// view shortcuts, and the window state surviving a restart.
#include "core/logs/log_file.h"
#include "core/store/store.h"
#include "shared_data.h"
#include "core/synth/demo_project.h"
#include "ui/demo_project_job.h"
#include "ui/incident_list_view.h"
#include "ui/incident_table_model.h"
#include "ui/log_text_view.h"
#include "ui/log_view.h"
#include "ui/main_window.h"
#include "ui/recent_files.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QCommandLinkButton>
#include <QProgressDialog>
#include <QScopeGuard>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace lab;

namespace {

// Closes the next modal message box and records its texts.
struct MessageBoxCatcher
{
    QString text;
    QString informative;
    bool seen = false;

    void arm(QObject *context)
    {
        QTimer::singleShot(50, context, [this] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            seen = true;
            text = box->text();
            informative = box->informativeText();
            box->accept();
        });
    }
};

IncidentRecord incident(const QString &title, const QString &kind, const QString &source, const QString &status)
{
    IncidentRecord r;
    r.title = title;
    r.kind = kind;
    r.source = source;
    r.status = status;
    return r;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> newSettings(const QString &name = QStringLiteral("settings.ini"))
    {
        return std::make_unique<QSettings>(m_dir.filePath(name), QSettings::IniFormat);
    }

    // A project with five incidents of three kinds, each with a small log.
    QString makeProject()
    {
        const QString path = m_dir.filePath(QStringLiteral("incidents.lab"));
        if (QFileInfo::exists(path))
            return path;
        auto store = Store::open(path);
        if (!store) {
            qWarning("%s", qPrintable(store.error()));
            return {};
        }
        const IncidentRecord incidents[] = {
            incident(QStringLiteral("Executor lost on stage 3"), QStringLiteral("spark_executor_oom"), QStringLiteral("spark"), QStringLiteral("open")),
            incident(QStringLiteral("Pod api-7f9 OOMKilled"), QStringLiteral("k8s_oomkilled"), QStringLiteral("k8s"), QStringLiteral("open")),
            incident(QStringLiteral("Executor 12 killed by YARN"), QStringLiteral("spark_executor_oom"), QStringLiteral("spark"), QStringLiteral("labeled")),
            incident(QStringLiteral("GetObject AccessDenied"), QStringLiteral("s3_access_denied"), QStringLiteral("s3"), QStringLiteral("open")),
            incident(QStringLiteral("Container exceeded memory"), QStringLiteral("spark_executor_oom"), QStringLiteral("spark"), QStringLiteral("open")),
        };
        int n = 0;
        for (const IncidentRecord &r : incidents) {
            auto id = (*store)->addIncident(r);
            if (!id) {
                qWarning("%s", qPrintable(id.error()));
                return {};
            }
            StoredLog log;
            log.incidentId = *id;
            log.name = QStringLiteral("incident-%1.log").arg(++n);
            log.format = QStringLiteral("plain");
            for (int line = 0; line < 10 + n; ++line)
                log.content += QStringLiteral("2024-01-01 10:00:%1 INFO line %2 of %3\n").arg(line, 2, 10, QLatin1Char('0')).arg(line).arg(r.title);
            log.content += QStringLiteral("2024-01-01 10:01:00 ERROR %1\n").arg(r.title);
            if (auto added = (*store)->addLog(log); !added) {
                qWarning("%s", qPrintable(added.error()));
                return {};
            }
        }
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("rlhf-lab-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_main_window"));
    }

    void startsOnTheWelcomePage()
    {
        auto settings = newSettings(QStringLiteral("welcome.ini"));
        MainWindow window(*settings);
        window.show();
        window.openInitial({});
        QVERIFY(!window.logView()->logFile());
        QVERIFY(window.findChild<QWidget *>(QStringLiteral("welcomePage"))->isVisible());
        QCOMPARE(window.windowTitle(), QStringLiteral("RLHF Log Lab"));
    }

    void opensALogFromTheCommandLineAndRemembersIt()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Hadoop/Hadoop_2k.log");
        auto settings = newSettings(QStringLiteral("cmdline.ini"));
        MainWindow window(*settings);
        window.show();
        QSignalSpy ready(&window, &MainWindow::logReady);
        window.openInitial({path});
        QVERIFY(window.logView()->logFile());
        QVERIFY(ready.wait(20000)); // indexed and templates mined
        QCOMPARE(window.logView()->logFile()->lineCount(), 2000);
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Hadoop_2k.log")));
        QCOMPARE(window.recentFiles()->files().value(0), QFileInfo(path).absoluteFilePath());
        QVERIFY(window.logView()->isVisible());
    }

    void badFileShowsAnErrorDialog()
    {
        auto settings = newSettings(QStringLiteral("bad.ini"));
        MainWindow window(*settings);
        window.show();
        const QString missing = m_dir.filePath(QStringLiteral("missing.log"));
        MessageBoxCatcher catcher;
        catcher.arm(this);
        QVERIFY(!window.openLog(missing));
        QVERIFY(catcher.seen);
        QCOMPARE(catcher.text, QStringLiteral("Cannot open the log"));
        QVERIFY2(catcher.informative.contains(QStringLiteral("missing.log")), qPrintable(catcher.informative));

        // A project file that is no SQLite database.
        const QString fake = m_dir.filePath(QStringLiteral("fake.lab"));
        QFile file(fake);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a database\n");
        file.close();
        MessageBoxCatcher second;
        second.arm(this);
        QVERIFY(!window.openPath(fake));
        QVERIFY(second.seen);
        QCOMPARE(second.text, QStringLiteral("Cannot open the project"));
        QVERIFY(!window.store());
    }

    void incidentListFiltersByKindAndOpensTheLog()
    {
        const QString project = makeProject();
        QVERIFY(!project.isEmpty());
        auto settings = newSettings(QStringLiteral("project.ini"));
        MainWindow window(*settings);
        window.show();
        IncidentListView *list = window.incidentList();
        QSignalSpy loaded(list, &IncidentListView::loaded);
        QVERIFY(window.openProject(project));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(list->proxy()->rowCount(), 5);
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("incidentDock"))->isVisible());

        QComboBox *kind = list->kindCombo();
        QCOMPARE(kind->count(), 4); // All + three kinds
        kind->setCurrentIndex(kind->findText(QStringLiteral("spark_executor_oom")));
        QCOMPARE(list->proxy()->rowCount(), 3);
        for (int row = 0; row < 3; ++row)
            QCOMPARE(list->proxy()->index(row, IncidentTableModel::KindColumn).data().toString(),
                     QStringLiteral("spark_executor_oom"));
        QComboBox *status = list->statusCombo();
        status->setCurrentIndex(status->findText(QStringLiteral("labeled")));
        QCOMPARE(list->proxy()->rowCount(), 1);
        status->setCurrentIndex(0);
        list->sourceCombo()->setCurrentIndex(list->sourceCombo()->findText(QStringLiteral("k8s")));
        QCOMPARE(list->proxy()->rowCount(), 0); // kind AND source
        kind->setCurrentIndex(0);
        QCOMPARE(list->proxy()->rowCount(), 1);

        // Clicking an incident shows its stored log.
        QTableView *table = list->table();
        const QModelIndex first = table->model()->index(0, IncidentTableModel::TitleColumn);
        QCOMPARE(first.data().toString(), QStringLiteral("Pod api-7f9 OOMKilled"));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(first).center());
        QTRY_VERIFY(window.logView()->logFile());
        QTRY_VERIFY(window.logView()->logFile()->isIndexed());
        QCOMPARE(window.logView()->logFile()->name(), QStringLiteral("incident-2.log"));
        QCOMPARE(window.logView()->logFile()->lineCount(), 13);
        QVERIFY(window.logView()->logFile()->line(12).contains(QStringLiteral("Pod api-7f9 OOMKilled")));

        // Sorting by title through the header.
        list->sourceCombo()->setCurrentIndex(0);
        table->sortByColumn(IncidentTableModel::TitleColumn, Qt::AscendingOrder);
        QCOMPARE(table->model()->index(0, IncidentTableModel::TitleColumn).data().toString(),
                 QStringLiteral("Container exceeded memory"));
    }

    void viewShortcutsAndDrop()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Hadoop/Hadoop_2k.log");
        auto settings = newSettings(QStringLiteral("drop.ini"));
        MainWindow window(*settings);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(drop.isAccepted());
        QTRY_VERIFY(window.logView()->logFile());
        QCOMPARE(window.logView()->logFile()->name(), QStringLiteral("Hadoop_2k.log"));

        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("incidentDock"))->isVisible());
        QVERIFY(window.incidentList()->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window.logView()->textView()));
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window.logView()->searchEdit()));
    }

    void demoProjectIsBuiltInTheBackgroundAndOpened()
    {
        QStandardPaths::setTestModeEnabled(true); // AppDataLocation under ~/.qttest
        const QString path = DemoProjectJob::defaultPath();
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        auto settings = newSettings(QStringLiteral("demo.ini"));
        MainWindow window(*settings);
        window.show();
        window.openInitial({});
        QSignalSpy loaded(window.incidentList(), &IncidentListView::loaded);
        auto *button = window.findChild<QCommandLinkButton *>(QStringLiteral("welcomeOpenDemo"));
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        // The build runs on its own thread while a progress dialog shows.
        QVERIFY(window.findChild<QProgressDialog *>());
        QVERIFY(loaded.wait(180000));
        QCOMPARE(loaded.first().first().toLongLong(), qint64(synth::kDemoIncidents));
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".part")));
        QCOMPARE(window.store()->path(), path);
        QVERIFY(window.incidentList()->kindCombo()->count() > 10); // many root-cause kinds
    }

    // rlhf-lab --demo (what packaging/setup.sh starts): the demo project instead of the last one,
    // built in the background on the first start, just opened later; its first incident's log shows.
    void demoFlagOpensTheDemoProjectInsteadOfTheLastOne()
    {
        // A scratch HOME: the demo project goes under it, never into the user's data.
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QByteArray oldHome = qgetenv("HOME");
        qputenv("HOME", QFile::encodeName(home.path()));
        const auto restoreHome = qScopeGuard([&oldHome] { qputenv("HOME", oldHome); });
        QStandardPaths::setTestModeEnabled(true);
        const QString path = DemoProjectJob::defaultPath();
        QVERIFY2(path.startsWith(home.path()), qPrintable(path));
        QVERIFY(!QFileInfo::exists(path));

        auto settings = newSettings(QStringLiteral("demoflag.ini"));
        const QString project = makeProject();
        {
            MainWindow window(*settings);
            QVERIFY(window.openProject(project)); // becomes the last project
        }
        {
            MainWindow window(*settings);
            window.show();
            QSignalSpy loaded(window.incidentList(), &IncidentListView::loaded);
            QSignalSpy ready(&window, &MainWindow::logReady);
            window.openInitial({}, true);
            QVERIFY(!window.store()); // not the last project: the demo, still being built
            QVERIFY(window.findChild<QProgressDialog *>());
            QVERIFY(ready.wait(180000));
            QCOMPARE(loaded.count(), 1);
            QCOMPARE(loaded.first().first().toLongLong(), qint64(synth::kDemoIncidents));
            QCOMPARE(window.store()->path(), path);
            QCOMPARE(window.incidentList()->table()->currentIndex().row(), 0);
            QVERIFY(window.logView()->logFile());
            QVERIFY(window.logView()->logFile()->lineCount() > 0);
        }
        {
            MainWindow window(*settings);
            window.show();
            QSignalSpy loaded(window.incidentList(), &IncidentListView::loaded);
            window.openInitial({}, true);
            QVERIFY(!window.findChild<QProgressDialog *>()); // built already: opened at once
            QVERIFY(window.store());
            QCOMPARE(window.store()->path(), path);
            QVERIFY(loaded.wait(30000));
            QCOMPARE(loaded.first().first().toLongLong(), qint64(synth::kDemoIncidents));
        }
    }

    void windowStateAndRecentFilesSurviveARestart()
    {
        auto settings = newSettings(QStringLiteral("state.ini"));
        QList<int> sizes;
        {
            MainWindow window(*settings);
            window.resize(1000, 700);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *splitter = window.findChild<QSplitter *>(QStringLiteral("logSplitter"));
            splitter->setSizes({300, 250});
            sizes = splitter->sizes();
            for (int i = 0; i < 12; ++i)
                window.recentFiles()->add(m_dir.filePath(QStringLiteral("log-%1.txt").arg(i)));
            window.close();
        }
        MainWindow again(*settings);
        QCOMPARE(again.size(), QSize(1000, 700));
        QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("logSplitter"))->sizes(), sizes);
        const QStringList recent = again.recentFiles()->files();
        QCOMPARE(recent.size(), RecentFiles::kMaxEntries);
        QCOMPARE(recent.first(), m_dir.filePath(QStringLiteral("log-11.txt")));
        again.recentFiles()->add(m_dir.filePath(QStringLiteral("log-5.txt")));
        QCOMPARE(again.recentFiles()->files().first(), m_dir.filePath(QStringLiteral("log-5.txt")));
        QCOMPARE(again.recentFiles()->files().count(m_dir.filePath(QStringLiteral("log-5.txt"))), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
