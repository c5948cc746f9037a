// rlhf-lab-cli adapters list     --db F [--json]
// rlhf-lab-cli adapters activate --db F NAME [--force] [--json]
// rlhf-lab-cli adapters rollback --db F [--json]
// rlhf-lab-cli adapters base     --db F [--json]
// rlhf-lab-cli adapters export   --db F NAME DIR [--json]
// rlhf-lab-cli adapters import   --db F DIR NAME [--json]
// rlhf-lab-cli adapters eval     --db F NAME [--held-out-db F2] [--limit N] [model options] [--json]
// The project's LoRA adapters (core/train/adapter_registry.h): which run made each one and how it
// scored, which one is in use, and PEFT folders in and out.
#include "cli_model.h"
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/store/store.h"
#include "core/train/adapter_registry.h"

#include <QFileInfo>
#include <QJsonArray>

namespace lab::cli {
namespace {

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonObject adapterJson(const AdapterRecord &a, const std::optional<RunRecord> &run = std::nullopt)
{
    QJsonObject o{{QStringLiteral("id"), a.id},
                  {QStringLiteral("name"), a.name},
                  {QStringLiteral("run_id"), a.runId > 0 ? QJsonValue(a.runId) : QJsonValue()},
                  {QStringLiteral("active"), a.active},
                  {QStringLiteral("created_at"), timeJson(a.createdAt)},
                  {QStringLiteral("activated_at"), timeJson(a.activatedAt)},
                  {QStringLiteral("path"), a.path},
                  {QStringLiteral("eval"), a.eval}};
    if (run) {
        o.insert(QStringLiteral("kind"), run->kind);
        o.insert(QStringLiteral("run_status"), run->status);
        o.insert(QStringLiteral("run_finished_at"), timeJson(run->finishedAt));
    } else {
        o.insert(QStringLiteral("kind"), a.runId > 0 ? QJsonValue() : QJsonValue(QStringLiteral("imported")));
    }
    return o;
}

QJsonValue nameOrNull(const std::optional<AdapterRecord> &a)
{
    return a ? QJsonValue(a->name) : QJsonValue();
}

QString metricText(const AdapterEntry &e, const QString &name, bool percent)
{
    const auto v = e.metric(name);
    if (!v)
        return QStringLiteral("-");
    return percent ? QStringLiteral("%1%").arg(*v * 100.0, 0, 'f', 1) : QString::number(*v, 'f', 1);
}

// Opens the --db project, refusing one that does not exist (these commands never create one).
int openExisting(const ProjectArgs &project, const QString &command, std::shared_ptr<Store> &store)
{
    if (!project.dbPath().isEmpty() && !QFileInfo::exists(project.dbPath()))
        return fail(QStringLiteral("there is no database %1").arg(project.dbPath()));
    return project.openStore(command, store);
}

// Parses, checks the number of positional arguments and opens the project.
int prepare(QCommandLineParser &parser, const ProjectArgs &project, const QString &command,
            const QString &description, const QStringList &args, int positional,
            std::shared_ptr<Store> &store)
{
    if (int code = parseOrExit(parser, command, description, args); code >= 0)
        return code;
    const QStringList given = parser.positionalArguments();
    if (given.size() != positional)
        return fail(QStringLiteral("%1 takes %2 argument(s), got %3 (see: rlhf-lab-cli %1 --help)")
                        .arg(command)
                        .arg(positional)
                        .arg(given.size()),
                    kExitUsage);
    return openExisting(project, command, store);
}

int runList(const QStringList &args)
{
    QCommandLineParser parser;
    const ProjectArgs project(parser, QStringLiteral("Project database."));
    std::shared_ptr<Store> store;
    if (int code = prepare(parser, project, QStringLiteral("adapters list"),
                           QStringLiteral("List the project's LoRA adapters, newest first: the run that made each, "
                                          "which one is active, and its stored evaluation."),
                           args, 0, store);
        code >= 0)
        return code;
    auto entries = listAdapters(*store);
    if (!entries)
        return fail(entries.error());
    if (project.json()) {
        QJsonArray rows;
        QJsonValue active;
        for (const AdapterEntry &e : *entries) {
            rows.append(adapterJson(e.adapter, e.run));
            if (e.adapter.active)
                active = e.adapter.name;
        }
        printJson({{QStringLiteral("adapters"), rows}, {QStringLiteral("active"), active}});
        return kExitOk;
    }
    if (entries->isEmpty()) {
        printOut(QStringLiteral("%1 has no adapters yet (train one: rlhf-lab-cli train dpo --db %1)\n").arg(store->path()));
        return kExitOk;
    }
    QString text = QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8\n")
                       .arg(QStringLiteral("name"), -24)
                       .arg(QStringLiteral("made by"), -12)
                       .arg(QStringLiteral("run status"), -10)
                       .arg(QStringLiteral("created (UTC)"), -16)
                       .arg(QStringLiteral("root cause"), 10)
                       .arg(QStringLiteral("halluc."), 8)
                       .arg(QStringLiteral("words"), 6)
                       .arg(QStringLiteral("reward"), 7);
    bool anyActive = false;
    for (const AdapterEntry &e : *entries) {
        anyActive = anyActive || e.adapter.active;
        text += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                    .arg(e.adapter.active ? QStringLiteral("*") : QStringLiteral(" "))
                    .arg(e.adapter.name, -24)
                    .arg(e.madeBy(), -12)
                    .arg(e.run ? e.run->status : QStringLiteral("-"), -10)
                    .arg(e.adapter.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")), -16)
                    .arg(metricText(e, QStringLiteral("root_cause_accuracy"), true), 10)
                    .arg(metricText(e, QStringLiteral("hallucination_rate"), true), 8)
                    .arg(metricText(e, QStringLiteral("mean_length"), false), 6)
                    .arg(metricText(e, QStringLiteral("mean_reward"), false), 7);
    }
    text += anyActive ? QStringLiteral("\n* active\n") : QStringLiteral("\nno adapter active: the base model is in use\n");
    printOut(text);
    return kExitOk;
}

int runActivate(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption forceOption(QStringLiteral("force"),
                                         QStringLiteral("Activate even if the run that made it did not finish."));
    parser.addOption(forceOption);
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The adapter to use."));
    const ProjectArgs project(parser, QStringLiteral("Project database."));
    std::shared_ptr<Store> store;
    if (int code = prepare(parser, project, QStringLiteral("adapters activate"),
                           QStringLiteral("Make NAME the adapter the lab explains with. Its folder must hold a "
                                          "readable PEFT adapter, and its run must have finished (unless --force)."),
                           args, 1, store);
        code >= 0)
        return code;
    auto active = activateAdapter(*store, parser.positionalArguments().constFirst(), parser.isSet(forceOption));
    if (!active)
        return fail(active.error());
    if (project.json())
        printJson({{QStringLiteral("active"), active->name}, {QStringLiteral("adapter"), adapterJson(*active)}});
    else
        printOut(QStringLiteral("active: %1 (%2)\n").arg(active->name, active->path));
    return kExitOk;
}

int runRollback(const QStringList &args)
{
    QCommandLineParser parser;
    const ProjectArgs project(parser, QStringLiteral("Project database."));
    std::shared_ptr<Store> store;
    if (int code = prepare(parser, project, QStringLiteral("adapters rollback"),
                           QStringLiteral("Undo the current activation: go back to the adapter activated before it, or "
                                          "to the base model. Repeated, it walks further back."),
                           args, 0, store);
        code >= 0)
        return code;
    auto rolled = rollbackAdapter(*store);
    if (!rolled)
        return fail(rolled.error());
    if (project.json()) {
        printJson({{QStringLiteral("from"), nameOrNull(rolled->from)}, {QStringLiteral("to"), nameOrNull(rolled->to)}});
        return kExitOk;
    }
    const QString base = QStringLiteral("the base model");
    printOut(QStringLiteral("rolled back: %1 -> %2\n")
                 .arg(rolled->from ? rolled->from->name : base, rolled->to ? rolled->to->name : base));
    return kExitOk;
}

int runBase(const QStringList &args)
{
    QCommandLineParser parser;
    const ProjectArgs project(parser, QStringLiteral("Project database."));
    std::shared_ptr<Store> store;
    if (int code = prepare(parser, project, QStringLiteral("adapters base"),
                           QStringLiteral("Use the base model, no adapter ('adapters rollback' undoes this)."), args, 0, store);
        code >= 0)
        return code;
    if (Status s = useBaseModel(*store); !s)
        return fail(s.error());
    if (project.json())
        printJson({{QStringLiteral("active"), QJsonValue()}});
    else
        printOut(QStringLiteral("the base model is in use (no adapter)\n"));
    return kExitOk;
}

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The adapter to export."));
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("New or empty folder, or an earlier export to replace."));
    const ProjectArgs project(parser, QStringLiteral("Project database."));
    std::shared_ptr<Store> store;
    if (int code = prepare(parser, project, QStringLiteral("adapters export"),
                           QStringLiteral("Write the adapter as a PEFT folder (adapter_config.json, "
                                          "adapter_model.safetensors) that Hugging Face PEFT loads."),
                           args, 2, store);
        code >= 0)
        return code;
    const QStringList pos = parser.positionalArguments();
    auto dir = exportAdapter(*store, pos.at(0), pos.at(1));
    if (!dir)
        return fail(dir.error());
    if (project.json())
        printJson({{QStringLiteral("adapter"), pos.at(0)}, {QStringLiteral("dir"), *dir}});
    else
        printOut(QStringLiteral("exported %1 to %2\n").arg(pos.at(0), *dir));
    return kExitOk;
}

int runImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("A PEFT LoRA folder."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Name of the adapter in this project."));
    const ProjectArgs project(parser, QStringLiteral("Project database."));
    std::shared_ptr<Store> store;
    if (int code = prepare(parser, project, QStringLiteral("adapters import"),
                           QStringLiteral("Copy a PEFT LoRA folder into the project (adapters/NAME next to the "
                                          "database) and register it; it is not activated."),
                           args, 2, store);
        code >= 0)
        return code;
    const QStringList pos = parser.positionalArguments();
    auto imported = importAdapter(*store, pos.at(0), pos.at(1));
    if (!imported)
        return fail(imported.error());
    if (project.json())
        printJson({{QStringLiteral("adapter"), adapterJson(*imported)}});
    else
        printOut(QStringLiteral("imported %1 as %2 (%3)\n").arg(pos.at(0), imported->name, imported->path));
    return kExitOk;
}

int runEvalAdapter(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption heldOutOption(QStringLiteral("held-out-db"),
                                           QStringLiteral("Database with the held-out incidents (default: the --db project)."),
                                           QStringLiteral("F"));
    const QCommandLineOption limitOption(QStringLiteral("limit"), QStringLiteral("Held-out incidents at most (default: all)."),
                                         QStringLiteral("N"), QStringLiteral("-1"));
    parser.addOptions({heldOutOption, limitOption});
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The adapter to evaluate."));
    const ModelArgs model(parser, 0.7);
    const ProjectArgs project(parser, QStringLiteral("Project database that holds the adapter."));
    std::shared_ptr<Store> store;
    if (int code = prepare(parser, project, QStringLiteral("adapters eval"),
                           QStringLiteral("Evaluate the adapter as 'rlhf-lab-cli eval --adapter NAME' does and store the "
                                          "metrics with it, so 'adapters list' and the Adapters view show them."),
                           args, 1, store);
        code >= 0)
        return code;
    if (model.adapterSet())
        return fail(QStringLiteral("adapters eval takes the adapter as NAME, not --adapter"), kExitUsage);
    AdapterEvalOptions options;
    if (int code = model.readSettings(options.eval.settings); code >= 0)
        return code;
    bool ok = false;
    options.eval.limit = parser.value(limitOption).toInt(&ok);
    if (!ok || options.eval.limit < -1 || options.eval.limit == 0)
        return fail(QStringLiteral("--limit must be a whole number above 0"), kExitUsage);
    QString error;
    if (!resolveModelFolder(parser.value(QStringLiteral("model")), options.modelDir, error))
        return fail(error);
    std::shared_ptr<Store> heldOut;
    if (parser.isSet(heldOutOption)) {
        const QString path = parser.value(heldOutOption);
        if (!QFileInfo::exists(path))
            return fail(QStringLiteral("there is no database %1").arg(path));
        auto opened = Store::open(path);
        if (!opened)
            return fail(opened.error());
        heldOut = std::move(*opened);
    }
    const QString name = parser.positionalArguments().constFirst();
    ProgressBar bar(QStringLiteral("evaluating"));
    auto eval = evaluateAdapter(*store, name, heldOut.get(), options,
                                [&](qint64 done, qint64 total) { return bar.update(done, total); });
    bar.finish();
    if (!eval)
        return fail(eval.error());
    if (project.json()) {
        printJson({{QStringLiteral("adapter"), name}, {QStringLiteral("eval"), *eval}});
        return kExitOk;
    }
    const auto number = [&](const char *key) { return eval->value(QLatin1String(key)).toDouble(); };
    printOut(QStringLiteral("%1 on %2 held-out incidents: root cause %3%, hallucination %4%, unsafe %5%, %6 words\n")
                 .arg(name)
                 .arg(eval->value(QStringLiteral("incidents")).toInt())
                 .arg(number("root_cause_accuracy") * 100.0, 0, 'f', 1)
                 .arg(number("hallucination_rate") * 100.0, 0, 'f', 1)
                 .arg(number("unsafe_action_rate") * 100.0, 0, 'f', 1)
                 .arg(number("mean_length"), 0, 'f', 1));
    return kExitOk;
}

const Registrar listRegistrar{{QStringLiteral("adapters list"), QStringLiteral("LoRA adapters, their runs and evaluations"), runList}};
const Registrar activateRegistrar{{QStringLiteral("adapters activate"), QStringLiteral("use an adapter"), runActivate}};
const Registrar rollbackRegistrar{{QStringLiteral("adapters rollback"), QStringLiteral("undo the last activation"), runRollback}};
const Registrar baseRegistrar{{QStringLiteral("adapters base"), QStringLiteral("use the base model (no adapter)"), runBase}};
const Registrar exportRegistrar{{QStringLiteral("adapters export"), QStringLiteral("write an adapter as a PEFT folder"), runExport}};
const Registrar importRegistrar{{QStringLiteral("adapters import"), QStringLiteral("add a PEFT folder to the project"), runImport}};
const Registrar evalRegistrar{{QStringLiteral("adapters eval"), QStringLiteral("evaluate an adapter and store its metrics"), runEvalAdapter}};

} // namespace
} // namespace lab::cli
