// rlhf-lab-cli explain [--adapter NAME] [--db F] [--model DIR] ... LOGFILE: the real-time triage
// path. The explanation goes to stdout; --json gives it with its numbers.
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/common/paths.h"
#include "core/explain/explainer.h"
#include "core/store/store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <cstdio>

namespace lab::cli {
namespace {

// The log named on the command line, or standard input for "-".
bool readLog(const QString &path, QString &text, QString &error)
{
    QFile file;
    const bool stdinLog = path == QLatin1String("-");
    if (stdinLog) {
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot read the log from standard input");
            return false;
        }
    } else {
        file.setFileName(path);
        if (!QFileInfo(path).isFile()) {
            error = QStringLiteral("%1: no such file").arg(path);
            return false;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("%1: %2").arg(path, file.errorString());
            return false;
        }
    }
    text = QString::fromUtf8(file.readAll());
    return true;
}

// The --model folder, or the default one with a message that says how to get it.
bool modelFolder(const QString &given, QString &dir, QString &error)
{
    if (!given.isEmpty()) {
        dir = given;
        return true;
    }
    dir = defaultModelDir();
    if (QFileInfo(dir).isDir())
        return true;
    error = QStringLiteral("no model found at %1: build the project (it copies the bundled lab-tiny from "
                           "resources/models/lab-tiny into the build tree), train one with "
                           "'rlhf-lab-cli train sft --db F', or name one with --model DIR or LAB_MODEL_DIR")
                .arg(QDir::toNativeSeparators(dir));
    return false;
}

int runExplain(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption adapterOption(QStringLiteral("adapter"), QStringLiteral("LoRA adapter of the --db project to apply (by name)."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         QStringLiteral("Model folder (config.json, model.safetensors, tokenizer.model); "
                                                        "default: $LAB_MODEL_DIR or the bundled lab-tiny."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption temperatureOption(QStringLiteral("temperature"), QStringLiteral("Sampling temperature (default 0.7)."),
                                               QStringLiteral("T"), QStringLiteral("0.7"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Sampling seed (default 0); same seed, same explanation."),
                                        QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption greedyOption(QStringLiteral("greedy"), QStringLiteral("Take the most likely token each step instead of sampling."));
    const QCommandLineOption maxTokensOption(QStringLiteral("max-new-tokens"), QStringLiteral("Longest explanation in tokens (default 160)."),
                                             QStringLiteral("N"), QStringLiteral("160"));
    const QCommandLineOption deviceOption(QStringLiteral("device"), QStringLiteral("auto, cpu, cuda or cuda:N (default auto)."),
                                          QStringLiteral("D"), QStringLiteral("auto"));
    parser.addOptions({adapterOption, modelOption, temperatureOption, seedOption, greedyOption, maxTokensOption, deviceOption});
    const ProjectArgs project(parser, QStringLiteral("Project database holding the --adapter."));
    parser.addPositionalArgument(QStringLiteral("LOGFILE"), QStringLiteral("The log to explain ('-': standard input)."));
    if (int code = parseOrExit(parser, QStringLiteral("explain"),
                               QStringLiteral("Explain why the job in LOGFILE failed, with the model (and an adapter). "
                                              "The model reads a digest of the log that fits its context."),
                               args);
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(QStringLiteral("explain needs exactly one LOGFILE (see: rlhf-lab-cli explain --help)"), kExitUsage);

    ExplainSettings settings;
    bool ok = false;
    settings.temperature = parser.value(temperatureOption).toDouble(&ok);
    if (!ok || !(settings.temperature > 0.0) || settings.temperature > 100.0)
        return fail(QStringLiteral("--temperature must be a number above 0 (got '%1'); use --greedy for 0").arg(parser.value(temperatureOption)),
                    kExitUsage);
    settings.maxNewTokens = parser.value(maxTokensOption).toInt(&ok);
    if (!ok || settings.maxNewTokens < 1)
        return fail(QStringLiteral("--max-new-tokens must be a whole number above 0 (got '%1')").arg(parser.value(maxTokensOption)), kExitUsage);
    if (int code = readSeed(parser, seedOption, settings.seed); code >= 0)
        return code;
    settings.greedy = parser.isSet(greedyOption);
    settings.device = parser.value(deviceOption);

    QString adapterDir;
    if (parser.isSet(adapterOption)) {
        if (project.dbPath().isEmpty())
            return fail(QStringLiteral("--adapter needs --db F, the project that holds it"), kExitUsage);
        if (!QFileInfo(project.dbPath()).isFile())
            return fail(QStringLiteral("%1: no such project").arg(project.dbPath()));
        std::shared_ptr<Store> store;
        if (int code = project.openStore(QStringLiteral("explain"), store); code >= 0)
            return code;
        const QString name = parser.value(adapterOption);
        auto adapter = store->adapterByName(name);
        if (!adapter)
            return fail(adapter.error());
        if (!adapter->has_value())
            return fail(QStringLiteral("%1 has no adapter named '%2' (see: rlhf-lab-cli adapters list --db %1)").arg(project.dbPath(), name));
        adapterDir = (*adapter)->path;
    }

    QString logText, error;
    if (!readLog(positional.first(), logText, error))
        return fail(error);
    QString modelDir;
    if (!modelFolder(parser.value(modelOption), modelDir, error))
        return fail(error);
    auto explainer = Explainer::load(modelDir, adapterDir);
    if (!explainer)
        return fail(explainer.error());
    auto explanation = (*explainer)->explain(logText, settings);
    if (!explanation)
        return fail(explanation.error());

    if (project.json()) {
        QJsonArray lines;
        for (int line : explanation->digestLines)
            lines.append(line);
        printJson({{QStringLiteral("explanation"), explanation->text},
                   {QStringLiteral("prompt_tokens"), explanation->promptTokens},
                   {QStringLiteral("new_tokens"), explanation->newTokens},
                   {QStringLiteral("finished"), explanation->finished},
                   {QStringLiteral("seconds"), explanation->seconds},
                   {QStringLiteral("digest_lines"), lines},
                   {QStringLiteral("log_lines"), explanation->totalLines},
                   {QStringLiteral("model"), (*explainer)->modelName()},
                   {QStringLiteral("adapter"), parser.isSet(adapterOption) ? parser.value(adapterOption) : QString()},
                   {QStringLiteral("seed"), QString::number(settings.seed)},
                   {QStringLiteral("greedy"), settings.greedy}});
    } else {
        printOut(explanation->text + QLatin1Char('\n'));
    }
    return kExitOk;
}

const Registrar registrar{{QStringLiteral("explain"), QStringLiteral("explain a failed job's log with the model"), runExplain}};

} // namespace
} // namespace lab::cli
