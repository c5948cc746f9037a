// rlhf-lab-cli train reward|dpo|ppo --db F [--steps N] [--config FILE] [--set KEY=VALUE]...
//     [--annotator NAME] [--since DATE] [--resume RUN] [--adapter-name NAME] [--no-activate]
//     [--model DIR] [--device D] [--threads N] [--json]
// One command for the three preference trainers: they share their edge (core/train/train_run.h),
// so settings, vote selection, progress, Ctrl+C and the outcome work alike.
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/runtime/runtime_info.h"
#include "core/store/store.h"
#include "core/train/train_run.h"

#include <QJsonDocument>
#include <QLocale>

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
}

QString duration(double seconds)
{
    const qint64 s = qint64(std::max(0.0, seconds) + 0.5);
    if (s < 60)
        return QStringLiteral("%1s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1m%2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h%2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

// The metrics worth a glance on the progress line, per kind.
QStringList headlineMetrics(const QString &kind)
{
    if (kind == kRunReward)
        return {QStringLiteral("loss"), QStringLiteral("accuracy"), QStringLiteral("eval/accuracy")};
    if (kind == kRunDpo)
        return {QStringLiteral("loss"), QStringLiteral("rewards/accuracies"), QStringLiteral("rewards/margins")};
    return {QStringLiteral("objective/scores"), QStringLiteral("objective/kl"), QStringLiteral("response/length")};
}

// "--set key=value": a number, true/false, or else a string, typed by the setting's default.
bool applySet(const QVector<TrainParam> &params, const QString &assignment, QJsonObject &config, QString &error)
{
    const int eq = assignment.indexOf(QLatin1Char('='));
    if (eq <= 0) {
        error = QStringLiteral("--set takes KEY=VALUE, not '%1'").arg(assignment);
        return false;
    }
    const QString key = assignment.left(eq), text = assignment.mid(eq + 1);
    const auto it = std::find_if(params.begin(), params.end(), [&](const TrainParam &p) { return p.key == key; });
    if (it == params.end()) {
        QStringList known;
        for (const TrainParam &p : params)
            known << p.key;
        error = QStringLiteral("unknown setting '%1' (known: %2)").arg(key, known.join(QStringLiteral(", ")));
        return false;
    }
    switch (it->defaultValue.typeId()) {
    case QMetaType::Bool:
        if (text != QLatin1String("true") && text != QLatin1String("false")) {
            error = QStringLiteral("--set %1 takes true or false, not '%2'").arg(key, text);
            return false;
        }
        config.insert(key, text == QLatin1String("true"));
        return true;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Double: {
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (!ok) {
            error = QStringLiteral("--set %1 takes a number, not '%2'").arg(key, text);
            return false;
        }
        config.insert(key, value);
        return true;
    }
    default:
        config.insert(key, text);
        return true;
    }
}

int runTrainKind(const QString &kind, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption stepsOption(QStringLiteral("steps"), QStringLiteral("Optimizer steps (PPO: iterations); overrides the config file."),
                                         QStringLiteral("N"));
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("JSON file of settings (see --list-settings)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption setOption(QStringLiteral("set"), QStringLiteral("One setting, e.g. --set learning_rate=1e-4 (repeatable; after --config)."),
                                       QStringLiteral("KEY=VALUE"));
    const QCommandLineOption listOption(QStringLiteral("list-settings"), QStringLiteral("Print the settings with their defaults and what they do."));
    const QCommandLineOption annotatorOption(QStringLiteral("annotator"), QStringLiteral("Train on this annotator's votes only."),
                                             QStringLiteral("NAME"));
    const QCommandLineOption sinceOption(QStringLiteral("since"), QStringLiteral("Train on votes cast at or after this time (ISO 8601, e.g. 2026-11-01 or 2026-11-01T10:00:00Z)."),
                                         QStringLiteral("DATE"));
    const QCommandLineOption resumeOption(QStringLiteral("resume"), QStringLiteral("Continue run N from its last checkpoint."),
                                          QStringLiteral("RUN"));
    const QCommandLineOption adapterOption(QStringLiteral("adapter-name"), QStringLiteral("Name of the adapter a DPO/PPO run makes (default <kind>-<run id>)."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption noActivateOption(QStringLiteral("no-activate"), QStringLiteral("Keep the project's active adapter even if the run finishes well."));
    const QCommandLineOption modelOption(QStringLiteral("model"), QStringLiteral("Base model folder (default: $LAB_MODEL_DIR or the bundled lab-tiny)."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption deviceOption(QStringLiteral("device"), QStringLiteral("auto, cpu or cuda[:N] (default auto)."), QStringLiteral("D"),
                                          QStringLiteral("auto"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("Threads (default: one per core)."), QStringLiteral("N"),
                                           QStringLiteral("0"));
    parser.addOptions({stepsOption, configOption, setOption, listOption, annotatorOption, sinceOption, resumeOption,
                       adapterOption, noActivateOption, modelOption, deviceOption, threadsOption});
    const ProjectArgs project(parser, QStringLiteral("Project database with the votes."));
    const QString what = kind == kRunReward ? QStringLiteral("Train the reward model on the project's A/B votes.")
                         : kind == kRunDpo  ? QStringLiteral("Align the model with DPO on the project's A/B votes; the result is a LoRA adapter.")
                                            : QStringLiteral("Align the model with PPO against the project's reward model; the result is a LoRA adapter.");
    if (int code = parseOrExit(parser, QStringLiteral("train ") + kind,
                               what + QStringLiteral(" Ctrl+C stops after the current step and keeps a checkpoint (--resume continues it)."),
                               args);
        code >= 0)
        return code;

    const QVector<TrainParam> params = trainParams(kind);
    if (parser.isSet(listOption)) {
        if (project.json()) {
            QJsonObject json;
            for (const TrainParam &p : params)
                json.insert(p.key, QJsonObject{{QStringLiteral("default"), QJsonValue::fromVariant(p.defaultValue)},
                                               {QStringLiteral("help"), p.help}});
            printJson(json);
        } else {
            for (const TrainParam &p : params)
                printOut(QStringLiteral("%1 = %2\n    %3\n").arg(p.key, p.defaultValue.toString(), p.help));
        }
        return kExitOk;
    }

    TrainJob job;
    job.kind = kind;
    if (parser.isSet(configOption)) {
        QString error;
        if (!readJsonObjectFile(parser.value(configOption), job.config, error))
            return fail(error, kExitUsage);
    }
    for (const QString &assignment : parser.values(setOption)) {
        QString error;
        if (!applySet(params, assignment, job.config, error))
            return fail(error, kExitUsage);
    }
    if (const int rc = readStepsInto(parser, stepsOption, job.config); rc >= 0)
        return rc;
    if (Result<QJsonObject> resolved = resolveTrainConfig(params, job.config); !resolved)
        return fail(resolved.error(), kExitUsage);
    job.votes.annotator = parser.value(annotatorOption);
    if (parser.isSet(sinceOption)) {
        const QString text = parser.value(sinceOption);
        job.votes.since = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!job.votes.since.isValid())
            job.votes.since = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
        if (!job.votes.since.isValid())
            return fail(QStringLiteral("--since must be a date like 2026-11-01 or 2026-11-01T10:00:00Z (got '%1')").arg(text), kExitUsage);
    }
    if (parser.isSet(resumeOption)) {
        bool ok = false;
        job.resumeRunId = parser.value(resumeOption).toLongLong(&ok);
        if (!ok || job.resumeRunId < 1)
            return fail(QStringLiteral("--resume takes a run id (see the Runs list), not '%1'").arg(parser.value(resumeOption)), kExitUsage);
    }
    job.adapterName = parser.value(adapterOption);
    job.activate = !parser.isSet(noActivateOption);
    job.modelDir = parser.value(modelOption);
    job.device = parser.value(deviceOption);
    bool threadsOk = false;
    const int threads = parser.value(threadsOption).toInt(&threadsOk);
    if (!threadsOk || threads < 0)
        return fail(QStringLiteral("--threads must be a whole number >= 0"), kExitUsage);

    if (int code = project.openStore(QStringLiteral("train ") + kind, job.store); code >= 0)
        return code;
    const RuntimeInfo runtime = initRuntime(threads);
    if (const QString warning = slowBlasWarning(runtime); !warning.isEmpty())
        fail(warning, 0);

    const bool json = project.json();
    const bool terminal = ::isatty(STDERR_FILENO) && ::isatty(STDOUT_FILENO);
    const QStringList headline = headlineMetrics(kind);
    QMap<QString, double> last;
    bool barDrawn = false;
    QElapsedTimer sincePrint;
    sincePrint.start();
    auto clearBar = [&] {
        if (barDrawn) {
            std::fputs("\r\033[K", stderr);
            barDrawn = false;
        }
    };
    TrainCallbacks callbacks;
    callbacks.onEvent = [&](const TrainEvent &e) {
        if (json && e.level == TrainEventLevel::Info)
            return;
        clearBar();
        const char *level = e.level == TrainEventLevel::Error ? "error: " : e.level == TrainEventLevel::Warning ? "warning: " : "";
        std::fprintf(stderr, "%s%s\n", level, qPrintable(e.message));
        std::fflush(stderr);
    };
    callbacks.onProgress = [&](const TrainProgress &p) {
        for (const MetricPoint &m : p.metrics)
            last.insert(m.name, m.value);
        if (json || (!terminal && sincePrint.elapsed() < 10000 && p.step < p.steps))
            return !g_stopRequested.load();
        sincePrint.restart();
        QString metrics;
        for (const QString &name : headline)
            if (last.contains(name))
                metrics += QStringLiteral("  %1 %2").arg(name).arg(last.value(name), 0, 'f', 4);
        const QString eta = p.etaSeconds >= 0 ? QStringLiteral("  ETA %1").arg(duration(p.etaSeconds)) : QString();
        const double frac = p.steps > 0 ? std::clamp(double(p.step) / double(p.steps), 0.0, 1.0) : 0.0;
        if (terminal) {
            constexpr int width = 24;
            const int filled = int(frac * width);
            std::fprintf(stderr, "\r\033[K%s [%s%s] %lld/%lld%s%s", qPrintable(kind),
                         qPrintable(QString(filled, QLatin1Char('#'))), qPrintable(QString(width - filled, QLatin1Char('.'))),
                         static_cast<long long>(p.step), static_cast<long long>(p.steps), qPrintable(metrics), qPrintable(eta));
            barDrawn = true;
        } else {
            std::fprintf(stderr, "%s step %lld/%lld%s%s\n", qPrintable(kind), static_cast<long long>(p.step),
                         static_cast<long long>(p.steps), qPrintable(metrics), qPrintable(eta));
        }
        std::fflush(stderr);
        return !g_stopRequested.load();
    };

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    Result<TrainOutcome> outcome = runTraining(job, callbacks);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    clearBar();
    if (!outcome)
        return fail(outcome.error());
    if (json) {
        printJson(outcome->toJson());
    } else {
        QString text = QStringLiteral("run %1 %2 after %3 steps in %4")
                           .arg(outcome->runId)
                           .arg(outcome->status)
                           .arg(outcome->steps)
                           .arg(duration(outcome->seconds));
        if (!outcome->message.isEmpty())
            text += QStringLiteral(": ") + outcome->message;
        text += QLatin1Char('\n');
        QStringList names = outcome->metrics.keys();
        for (const QString &name : names)
            text += QStringLiteral("  %1 %2\n").arg(name, -24).arg(outcome->metrics.value(name).toDouble(), 0, 'g', 6);
        if (!outcome->outputDir.isEmpty())
            text += QStringLiteral("output: %1\n").arg(outcome->outputDir);
        if (outcome->adapterId > 0)
            text += outcome->activated ? QStringLiteral("adapter '%1' is now active\n").arg(outcome->adapterName)
                                       : QStringLiteral("adapter '%1' saved, not activated\n").arg(outcome->adapterName);
        if (outcome->status == kRunStopped || outcome->status == kRunPaused)
            text += QStringLiteral("continue with: rlhf-lab-cli train %1 --db %2 --resume %3\n")
                        .arg(kind, project.dbPath())
                        .arg(outcome->runId);
        printOut(text);
    }
    return outcome->status == kRunFinished || outcome->status == kRunStopped ? kExitOk : kExitFailure;
}

int runTrainReward(const QStringList &args)
{
    return runTrainKind(QString(kRunReward), args);
}
int runTrainDpo(const QStringList &args)
{
    return runTrainKind(QString(kRunDpo), args);
}
int runTrainPpo(const QStringList &args)
{
    return runTrainKind(QString(kRunPpo), args);
}

const Registrar rewardRegistrar{{QStringLiteral("train reward"), QStringLiteral("train the reward model on the project's A/B votes"), runTrainReward}};
const Registrar dpoRegistrar{{QStringLiteral("train dpo"), QStringLiteral("align the model with DPO (a LoRA adapter)"), runTrainDpo}};
const Registrar ppoRegistrar{{QStringLiteral("train ppo"), QStringLiteral("align the model with PPO against the reward model (a LoRA adapter)"), runTrainPpo}};

} // namespace
} // namespace lab::cli
