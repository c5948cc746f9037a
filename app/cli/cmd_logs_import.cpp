// rlhf-lab-cli logs import --db F FILE...: store logs as incidents.
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/ingest/log_import.h"
#include "core/store/store.h"

#include <QJsonArray>

namespace lab::cli {
namespace {

int runLogsImport(const QStringList &args)
{
    QCommandLineParser parser;
    const ProjectArgs project(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Log files to import, one incident each."),
                                 QStringLiteral("FILE..."));
    if (int code = parseOrExit(parser, QStringLiteral("logs import"),
                               QStringLiteral("Store log files in a project as incidents (one per file)."), args);
        code >= 0)
        return code;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return fail(QStringLiteral("logs import needs at least one FILE"), kExitUsage);
    std::shared_ptr<Store> store;
    if (int code = project.openStore(QStringLiteral("logs import"), store); code >= 0)
        return code;

    // Every file is tried; the ones that fail are reported and the rest still imported.
    QJsonArray imported;
    int failures = 0;
    for (const QString &path : files) {
        ProgressBar bar(QStringLiteral("importing ") + path);
        auto result = importLogFile(*store, path, [&](qint64 done, qint64 total) { return bar.update(done, total); });
        bar.finish();
        if (!result) {
            fail(result.error());
            ++failures;
            continue;
        }
        imported.append(QJsonObject{{QStringLiteral("incident"), result->incidentId},
                                    {QStringLiteral("file"), path},
                                    {QStringLiteral("format"), result->format},
                                    {QStringLiteral("source"), result->source},
                                    {QStringLiteral("lines"), result->lines}});
        if (!project.json())
            printOut(QStringLiteral("incident %1: %2 (%3, %4 lines)\n")
                         .arg(result->incidentId)
                         .arg(path, result->format)
                         .arg(result->lines));
    }
    if (project.json())
        printJson({{QStringLiteral("imported"), imported}, {QStringLiteral("failed"), failures}});
    return failures == 0 ? kExitOk : kExitFailure;
}

const Registrar registrar{{QStringLiteral("logs import"), QStringLiteral("store log files as incidents in a project"),
                           runLogsImport}};

} // namespace
} // namespace lab::cli
