// rlhf-lab: the desktop application. Builds the main window, hands it its settings and the
// runtime facts, and opens what the command line names. Everything else lives in ui/.
#include "core/runtime/runtime_info.h"
#include "core/common/thread_environment.h"
#include "ui/app_language.h"
#include "ui/app_settings.h"
#include "ui/log_view.h"
#include "ui/main_window.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <memory>

namespace {

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

    // A screenshot run starts from default window state and leaves the user's settings alone.
    // Read before the parser so that its help is in the user's language.
    const bool screenshotRun = !app.arguments().filter(QRegularExpression(QStringLiteral("^--?screenshot(=|$)"))).isEmpty();
    QTemporaryDir scratch;
    std::unique_ptr<QSettings> settings = screenshotRun
        ? std::make_unique<QSettings>(scratch.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
        : std::make_unique<QSettings>();
    lab::AppSettings appSettings = lab::AppSettings::load(*settings);
    // --language and --theme (hidden) override the settings for this run only: screenshots, checks.
    for (int i = 1; i + 1 < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--language"))
            appSettings.language = QString::fromLocal8Bit(argv[i + 1]);
        else if (arg == QLatin1String("--theme"))
            appSettings.theme = lab::themeFromId(QString::fromLocal8Bit(argv[i + 1]));
    }
    lab::installTranslators(app, appSettings.language);
    if (appSettings.theme != lab::Theme::System)
        lab::applyTheme(appSettings.theme);

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
    QCommandLineOption language(QStringLiteral("language"), QStringLiteral("en, de or zh_CN for this run"), QStringLiteral("code"));
    language.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("system, light or dark for this run"), QStringLiteral("theme"));
    theme.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({demo, screenshot, search, size, language, theme});
    parser.process(app);

    // Threads before any worker runs Torch code (each thread reads the count once).
    const lab::RuntimeInfo runtime = lab::initRuntime(appSettings.threads);
    lab::MainWindow window(*settings);
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
