// rlhf-lab: the desktop application. Builds the main window, hands it its settings and the
// runtime facts, and opens what the command line names. Everything else lives in ui/.
#include "core/runtime/runtime_info.h"
#include "core/common/thread_environment.h"
#include "ui/log_view.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>
#include <memory>

namespace {

void installTranslators(QApplication &app)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
    auto *labTranslator = new QTranslator(&app);
    if (labTranslator->load(QLocale(), QStringLiteral("rlhf-lab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(labTranslator);
}

// --screenshot FILE: grab the window once the log (with --demo: the first incident's) is indexed
// and its templates mined, then quit.
// For the README's screenshots and for checking the look under Xvfb.
void scheduleScreenshot(lab::MainWindow &window, const QString &file, int extraDelayMs, bool waitForLog)
{
    auto grab = [&window, file] {
        const bool ok = window.grab().save(file);
        if (!ok)
            qWarning("Could not write the screenshot to %s", qPrintable(file));
        QApplication::exit(ok ? 0 : 1);
    };
    bool *done = new bool(false);
    auto once = [grab, done, extraDelayMs, &window] {
        if (*done)
            return;
        *done = true;
        QTimer::singleShot(extraDelayMs, &window, grab);
    };
    if (waitForLog)
        QObject::connect(&window, &lab::MainWindow::logReady, &window, once);
    // Nothing to wait for (no log coming), or waiting too long: grab the window as it is.
    QTimer::singleShot(waitForLog ? 60000 : 1000, &window, once);
}

} // namespace

int main(int argc, char **argv)
{
    lab::ensureThreadEnvironment(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rlhf-lab"));
    QApplication::setApplicationDisplayName(QStringLiteral("RLHF Log Lab"));
    QApplication::setOrganizationName(QStringLiteral("RLHF Log Lab"));
    QApplication::setOrganizationDomain(QStringLiteral("rlhf-log-lab.org"));
    QApplication::setApplicationVersion(QStringLiteral(LAB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.rlhflab.RlhfLogLab"));
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Read logs, vote on explanations, align a model."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "Logs or project files (.lab) to open."),
                                 QStringLiteral("[files...]"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QApplication::translate("main", "Save a picture of the window once loaded, then quit."),
                                  QStringLiteral("file"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption search(QStringLiteral("search"),
                              QApplication::translate("main", "Search the opened log for this regular expression."),
                              QStringLiteral("regex"));
    QCommandLineOption demo(QStringLiteral("demo"),
                            QApplication::translate("main", "Open the demo project, building it from the bundled synthetic incidents first if needed."));
    QCommandLineOption size(QStringLiteral("size"), QStringLiteral("WxH"), QStringLiteral("size"));
    size.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({demo, screenshot, search, size});
    parser.process(app);

    // A screenshot run starts from default window state and leaves the user's settings alone.
    QTemporaryDir scratch;
    std::unique_ptr<QSettings> settings = parser.isSet(screenshot)
        ? std::make_unique<QSettings>(scratch.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
        : std::make_unique<QSettings>();
    lab::MainWindow window(*settings);
    const lab::RuntimeInfo runtime = lab::initRuntime();
    window.setRuntimeInfo(runtime);
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2)
            window.resize(wh[0].toInt(), wh[1].toInt());
    }
    window.show();
    window.openInitial(parser.positionalArguments(), parser.isSet(demo));
    if (parser.isSet(search))
        window.logView()->setSearch(parser.value(search));

    const QString warning = lab::slowBlasWarning(runtime);
    if (!warning.isEmpty()) {
        window.statusBar()->showMessage(warning);
        if (!parser.isSet(screenshot))
            QTimer::singleShot(0, &window, [&window, warning] {
                QMessageBox::warning(&window, QApplication::translate("main", "Slow matrix products"), warning);
            });
    }
    if (parser.isSet(screenshot))
        scheduleScreenshot(window, parser.value(screenshot), 600,
                           window.logView()->logFile() || parser.isSet(demo)); // --demo shows an incident's log
    return app.exec();
}
