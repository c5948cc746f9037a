// rlhf-lab-cli synth logs --out DIR: one synthetic incident log per root-cause kind, as plain
// files to open, explain or import. The package's sample logs are made by this command at build
// time; anyone can make more (another seed) the same way.
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/synth/incident_generator.h"

#include <QDir>
#include <QJsonArray>
#include <QSaveFile>

namespace lab::cli {
namespace {

int runSynthLogs(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Folder to write the logs into (created if missing)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Generator seed (default 1); same seed, same logs."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print {\"files\":[...]} on stdout."));
    parser.addOptions({outOption, seedOption, jsonOption});
    if (int code = parseOrExit(parser, QStringLiteral("synth logs"),
                               QStringLiteral("Write one synthetic incident log per root-cause kind (<kind>.log) into a folder, "
                                              "without a project."),
                               args);
        code >= 0)
        return code;
    if (!parser.isSet(outOption))
        return fail(QStringLiteral("synth logs needs --out DIR"), kExitUsage);
    quint64 seed = 0;
    if (int code = readSeed(parser, seedOption, seed); code >= 0)
        return code;
    const QDir out(parser.value(outOption));
    if (!QDir().mkpath(out.absolutePath()))
        return fail(QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(out.absolutePath())));

    QJsonArray files;
    const QList<synth::KindInfo> &kinds = synth::allKinds();
    for (int i = 0; i < kinds.size(); ++i) {
        const synth::Incident incident = synth::generateIncident(seed, i, kinds[i].kind);
        const QString path = out.filePath(QLatin1String(kinds[i].id) + QStringLiteral(".log"));
        QSaveFile file(path);
        const QByteArray bytes = incident.log.toUtf8();
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return fail(QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        files.append(path);
    }
    if (parser.isSet(jsonOption))
        printJson({{QStringLiteral("files"), files}, {QStringLiteral("seed"), QString::number(seed)}});
    else
        printOut(QStringLiteral("%1 logs written to %2 (seed %3)\n").arg(files.size()).arg(QDir::toNativeSeparators(out.absolutePath())).arg(seed));
    return kExitOk;
}

const Registrar registrar{{QStringLiteral("synth logs"), QStringLiteral("one synthetic incident log per root-cause kind, as files"), runSynthLogs}};

} // namespace
} // namespace lab::cli
