// rlhf-lab-cli train sft --db F [--steps N] [--config FILE] [--out DIR] [--init-model DIR] [--json]
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/runtime/runtime_info.h"
#include "core/train/sft_trainer.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <atomic>
#include <csignal>

namespace lab::cli {
namespace {

std::atomic<bool> g_stopRequested{false};

void requestStop(int)
{
    g_stopRequested.store(true);
}

int runTrainSft(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption stepsOption(QStringLiteral("steps"), QStringLiteral("Optimizer steps (default 2000, or the config file's)."),
                                         QStringLiteral("N"));
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QStringLiteral("JSON file of settings: steps, batch_size, learning_rate, warmup_steps, min_lr_ratio, "
                                                         "weight_decay, max_grad_norm, seed, log_every, checkpoint_every, tokenizer_vocab, "
                                                         "device, save_dtype, context_tokens, prompt_tokens, held_out_status, style_mixture."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       QStringLiteral("Folder for the trained model and its checkpoint (default: models/sft-<time> next to the database)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption initOption(QStringLiteral("init-model"),
                                        QStringLiteral("Start from this model folder and its tokenizer (default: a fresh lab-tiny and a new tokenizer)."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption restartOption(QStringLiteral("restart"), QStringLiteral("Ignore a checkpoint in --out and start over."));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("Threads (default: one per core)."), QStringLiteral("N"),
                                           QStringLiteral("0"));
    parser.addOptions({stepsOption, configOption, outOption, initOption, restartOption, threadsOption});
    const ProjectArgs project(parser, QStringLiteral("Project database with the corpus (incidents and styled explanations)."));
    if (int code = parseOrExit(parser, QStringLiteral("train sft"),
                               QStringLiteral("Supervised fine-tuning on the project's styled explanations (the style mixture of a base "
                                              "model by default). Ctrl+C stops after the current step and still writes the model."),
                               args);
        code >= 0)
        return code;

    SftConfig defaults;
    QJsonObject configJson;
    if (parser.isSet(configOption)) {
        QString error;
        if (!readJsonObjectFile(parser.value(configOption), configJson, error))
            return fail(error, kExitUsage);
    }
    if (const int rc = readStepsInto(parser, stepsOption, configJson); rc >= 0)
        return rc;
    auto config = SftConfig::fromJson(configJson, defaults);
    if (!config)
        return fail(config.error(), kExitUsage);
    bool threadsOk = false;
    const int threads = parser.value(threadsOption).toInt(&threadsOk);
    if (!threadsOk || threads < 0)
        return fail(QStringLiteral("--threads must be a whole number >= 0"), kExitUsage);

    std::shared_ptr<Store> store;
    if (int code = project.openStore(QStringLiteral("train sft"), store); code >= 0)
        return code;
    const RuntimeInfo runtime = initRuntime(threads);
    if (const QString warning = slowBlasWarning(runtime); !warning.isEmpty())
        fail(warning, 0);

    SftJob job;
    job.store = store;
    job.config = *config;
    job.initModelDir = parser.value(initOption);
    job.resume = !parser.isSet(restartOption);
    job.outputDir = parser.value(outOption);
    if (job.outputDir.isEmpty())
        job.outputDir = QFileInfo(project.dbPath()).absoluteDir().filePath(
            QStringLiteral("models/sft-%1").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    const bool json = project.json();
    SftCallbacks callbacks;
    callbacks.onStage = [&](const QString &stage) {
        if (!json)
            printOut(stage + QLatin1Char('\n'));
    };
    callbacks.onStep = [&](const SftStep &s) {
        if (!json)
            printOut(QStringLiteral("step %1/%2  loss %3  lr %4  grad %5  %6 tok/s  %7 s\n")
                         .arg(s.step)
                         .arg(s.steps)
                         .arg(s.loss, 0, 'f', 4)
                         .arg(s.learningRate, 0, 'g', 3)
                         .arg(s.gradNorm, 0, 'f', 2)
                         .arg(s.tokensPerSecond, 0, 'f', 0)
                         .arg(s.seconds, 0, 'f', 0));
        return !g_stopRequested.load();
    };
    auto result = runSft(job, callbacks);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (!result)
        return fail(result.error());
    if (json) {
        printJson({{QStringLiteral("run_id"), result->runId},
                   {QStringLiteral("steps"), result->steps},
                   {QStringLiteral("resumed_from"), result->resumedFrom},
                   {QStringLiteral("stopped"), result->stopped},
                   {QStringLiteral("loss"), result->finalLoss},
                   {QStringLiteral("seconds"), result->seconds},
                   {QStringLiteral("output_dir"), result->outputDir},
                   {QStringLiteral("data_snapshot"), result->dataSnapshot}});
    } else {
        printOut(QStringLiteral("%1 after %2 steps (loss %3, %4 s); model in %5\n")
                     .arg(result->stopped ? QStringLiteral("stopped") : QStringLiteral("finished"))
                     .arg(result->steps)
                     .arg(result->finalLoss, 0, 'f', 4)
                     .arg(result->seconds, 0, 'f', 0)
                     .arg(result->outputDir));
    }
    return kExitOk;
}

const Registrar registrar{{QStringLiteral("train sft"), QStringLiteral("supervised fine-tuning of the model on styled explanations"), runTrainSft}};

} // namespace
} // namespace lab::cli
