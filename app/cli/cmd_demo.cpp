// rlhf-lab-cli demo --db F [--out DIR] [--quick] [--seed S] [--threads N] [--json]
// The whole loop on the bundled default from an empty database: synthetic incidents, candidate
// pairs (templates and lab-tiny's own), simulated votes, reward model, DPO, PPO, evaluation of
// base/DPO/PPO on held-out incidents, report. Prints each stage and the before/after table.
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/demo/demo_pipeline.h"
#include "core/runtime/runtime_info.h"

#include <QDir>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace lab::cli {
namespace {

std::atomic<bool> g_stopRequested{false};

void requestStop(int)
{
    g_stopRequested.store(true);
    // A second Ctrl+C ends the program at once.
    std::signal(SIGINT, SIG_DFL);
}

QString clock(double seconds)
{
    const qint64 s = qint64(std::max(0.0, seconds) + 0.5);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

int runDemoCommand(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       QStringLiteral("Folder for report.json and evaluation/ (report.html, rows.csv, report.json of "
                                                      "every explanation); default: <db name>-report next to the database."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption quickOption(QStringLiteral("quick"),
                                         QStringLiteral("A shortened demo (about 2 minutes on 2 cores): the same stages on fewer "
                                                        "incidents and steps; it shows the loop works, not that alignment helps."));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Seed of the incidents, votes and training (default 1)."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("Torch threads (default: the core count)."),
                                           QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({outOption, quickOption, seedOption, threadsOption});
    const ProjectArgs project(parser, QStringLiteral("A new or empty project database for the demo."));
    if (int code = parseOrExit(parser, QStringLiteral("demo"),
                               QStringLiteral("Run the whole alignment loop on the bundled lab-tiny from an empty database: "
                                              "synthetic incidents, candidate pairs, simulated votes (noise 0.1), reward model, "
                                              "DPO, PPO, evaluation of base, DPO and PPO on held-out incidents, and a report "
                                              "(DIR/report.json). The full demo took 11.5 minutes on 2 cores (20 on 2 cores busy with other work). Ctrl+C stops it."),
                               args);
        code >= 0)
        return code;
    if (project.dbPath().isEmpty())
        return fail(QStringLiteral("demo needs --db FILE (a new or empty database)"), kExitUsage);
    DemoSettings settings = parser.isSet(quickOption) ? DemoSettings::quick() : DemoSettings::full();
    if (int code = readSeed(parser, seedOption, settings.seed); code >= 0)
        return code;
    bool ok = false;
    const int threads = parser.value(threadsOption).toInt(&ok);
    if (!ok || threads < 0)
        return fail(QStringLiteral("--threads must be a whole number >= 0"), kExitUsage);
    const RuntimeInfo runtime = initRuntime(threads);
    if (const QString warning = slowBlasWarning(runtime); !warning.isEmpty())
        fail(warning, 0);

    const bool json = project.json();
    const bool terminal = ::isatty(STDERR_FILENO) && ::isatty(STDOUT_FILENO);
    // Stage lines go where the table goes; with --json stdout carries the JSON object only.
    FILE *lines = json ? stderr : stdout;
    const QVector<DemoStage> &stages = demoStages();
    bool barDrawn = false;
    auto clearBar = [&] {
        if (barDrawn) {
            std::fputs("\r\033[K", stderr);
            barDrawn = false;
        }
    };
    QElapsedTimer sinceDraw;
    sinceDraw.start();
    qint64 lastDraw = -1000000;
    DemoCallbacks callbacks;
    callbacks.onStage = [&](int stage, bool finished, const QString &summary) {
        clearBar();
        if (finished)
            std::fprintf(lines, "      %s\n", qPrintable(summary));
        else
            std::fprintf(lines, "[%d/%d] %s\n", stage + 1, int(stages.size()), qPrintable(stages[stage].title));
        std::fflush(lines);
    };
    callbacks.onMessage = [&](const QString &message) {
        clearBar();
        std::fprintf(stderr, "warning: %s\n", qPrintable(message));
        std::fflush(stderr);
    };
    callbacks.onProgress = [&](const DemoProgress &p) {
        const qint64 now = sinceDraw.elapsed();
        // A terminal gets a bar redrawn ten times a second; a log file a line every 30 s.
        if (now - lastDraw >= (terminal ? 100 : 30000) && !p.detail.isEmpty()) {
            lastDraw = now;
            if (terminal) {
                constexpr int width = 24;
                const int filled = int(p.overall * width);
                std::fprintf(stderr, "\r\033[K[%s%s] %3d%%  %s  %s", qPrintable(QString(filled, QLatin1Char('#'))),
                             qPrintable(QString(width - filled, QLatin1Char('.'))), int(p.overall * 100.0),
                             qPrintable(clock(p.seconds)), qPrintable(p.detail));
                barDrawn = true;
            } else if (!json) {
                std::fprintf(stderr, "      %s  %s\n", qPrintable(clock(p.seconds)), qPrintable(p.detail));
            }
            std::fflush(stderr);
        }
        return !g_stopRequested.load();
    };

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    Result<DemoResult> result = runDemo(project.dbPath(), parser.value(outOption), settings, callbacks);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    clearBar();
    if (!result)
        return fail(result.error());
    if (json) {
        printJson(result->toJson());
        return kExitOk;
    }
    printOut(QStringLiteral("\nBefore/after on %1 held-out incidents (sampled, temperature %2, same seed for every model):\n\n%3\n")
                 .arg(result->heldOut)
                 .arg(settings.evalSettings.temperature)
                 .arg(result->table()));
    printOut(QStringLiteral("reward model eval/accuracy %1%  |  votes: %2 on template pairs (%3 preferences), %4 on lab-tiny's "
                            "pairs (%5 preferences, %6 both bad)\n")
                 .arg(result->rewardAccuracy * 100.0, 0, 'f', 1)
                 .arg(result->templatePairs.votes)
                 .arg(result->templatePairs.preferences)
                 .arg(result->modelPairs.votes)
                 .arg(result->modelPairs.preferences)
                 .arg(result->modelPairs.bothBad));
    printOut(QStringLiteral("demo finished in %1 (%2 s)\nreport: %3\n        %4\nopen the project: rlhf-lab %5\n")
                 .arg(clock(result->seconds))
                 .arg(result->seconds, 0, 'f', 0)
                 .arg(QDir::toNativeSeparators(QDir(result->outDir).filePath(QStringLiteral("report.json"))),
                      QDir::toNativeSeparators(result->htmlReport), QDir::toNativeSeparators(result->database)));
    return kExitOk;
}

const Registrar registrar{{QStringLiteral("demo"), QStringLiteral("run the whole loop on the bundled default and print before/after"),
                           runDemoCommand}};

} // namespace
} // namespace lab::cli
