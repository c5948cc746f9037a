// rlhf-lab-cli explain [--adapter NAME] [--db F] [--model DIR] ... LOGFILE: the real-time triage
// path. The explanation goes to stdout; --json gives it with its numbers.
#include "cli_model.h"
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

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

int runExplain(const QStringList &args)
{
    QCommandLineParser parser;
    const ModelArgs model(parser, 0.7);
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
    if (int code = model.readSettings(settings); code >= 0)
        return code;

    std::shared_ptr<Store> store;
    if (model.adapterSet()) {
        if (project.dbPath().isEmpty())
            return fail(QStringLiteral("--adapter needs --db F, the project that holds it"), kExitUsage);
        if (!QFileInfo(project.dbPath()).isFile())
            return fail(QStringLiteral("%1: no such project").arg(project.dbPath()));
        if (int code = project.openStore(QStringLiteral("explain"), store); code >= 0)
            return code;
    }

    QString logText, error;
    if (!readLog(positional.first(), logText, error))
        return fail(error);
    std::unique_ptr<Explainer> explainer;
    if (int code = model.loadExplainer(store.get(), explainer); code >= 0)
        return code;
    auto explanation = explainer->explain(logText, settings);
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
                   {QStringLiteral("model"), explainer->modelName()},
                   {QStringLiteral("adapter"), model.adapterSet() ? model.adapterName() : QString()},
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
