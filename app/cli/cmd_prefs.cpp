// rlhf-lab-cli prefs export --db F --format trl|unpaired [--out FILE] [--annotator NAME] [--since DATE]
// rlhf-lab-cli prefs import --db F FILE [--skip-bad-lines] [--annotator NAME] [--json]
// Preference pairs out to TRL-style JSON lines and back (core/label/prefs_io.h).
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/label/prefs_io.h"
#include "core/store/store.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QTimeZone>
#include <cstdio>

namespace lab::cli {
namespace {

// "2024-05-01" (midnight UTC) or an ISO 8601 time ("2024-05-01T10:00:00Z").
std::optional<QDateTime> parseSince(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (time.isValid())
        return time.toUTC();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid())
        return date.startOfDay(QTimeZone::utc());
    return std::nullopt;
}

int runPrefsExport(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("trl: {prompt, chosen, rejected} per vote; unpaired: {prompt, "
                                                         "completion, label} per judged explanation (default trl)."),
                                          QStringLiteral("FORMAT"), QStringLiteral("trl"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Write the lines to FILE instead of stdout."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption annotatorOption(QStringLiteral("annotator"), QStringLiteral("Only this annotator's votes."),
                                             QStringLiteral("NAME"));
    const QCommandLineOption sinceOption(QStringLiteral("since"),
                                         QStringLiteral("Only votes made at or after DATE (2024-05-01 or an ISO 8601 time, UTC)."),
                                         QStringLiteral("DATE"));
    parser.addOptions({formatOption, outOption, annotatorOption, sinceOption});
    const ProjectArgs project(parser, QStringLiteral("Project database."));
    if (int code = parseOrExit(parser, QStringLiteral("prefs export"),
                               QStringLiteral("Write the votes as JSON lines for preference training. Ties, skips and (for trl) "
                                              "both-bad votes are left out and counted; the summary goes to stderr (or, with "
                                              "--json and --out, to stdout)."),
                               args);
        code >= 0)
        return code;
    const auto format = prefsFormatFromId(parser.value(formatOption));
    if (!format)
        return fail(QStringLiteral("--format must be trl or unpaired (got '%1')").arg(parser.value(formatOption)), kExitUsage);
    PrefsExportOptions options;
    options.format = *format;
    options.annotator = parser.value(annotatorOption);
    if (parser.isSet(sinceOption)) {
        const auto since = parseSince(parser.value(sinceOption));
        if (!since)
            return fail(QStringLiteral("--since must be a date or an ISO 8601 time (got '%1')").arg(parser.value(sinceOption)),
                        kExitUsage);
        options.since = *since;
    }
    if (project.json() && !parser.isSet(outOption))
        return fail(QStringLiteral("prefs export --json needs --out FILE (stdout carries the lines otherwise)"), kExitUsage);
    if (!project.dbPath().isEmpty() && !QFileInfo::exists(project.dbPath()))
        return fail(QStringLiteral("there is no database %1").arg(project.dbPath()));
    std::shared_ptr<Store> store;
    if (int code = project.openStore(QStringLiteral("prefs export"), store); code >= 0)
        return code;

    ProgressBar bar(QStringLiteral("exporting"));
    auto progress = [&](qint64 done, qint64 total) { return bar.update(done, total); };
    Result<ExportSummary> summary = lab::fail(QString());
    const QString outPath = parser.value(outOption);
    if (parser.isSet(outOption)) {
        // QSaveFile: a failed export leaves no half-written file behind.
        QSaveFile file(outPath);
        if (!file.open(QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write %1: %2").arg(outPath, file.errorString()));
        summary = exportPreferences(*store, file, options, progress);
        if (summary && !file.commit())
            return fail(QStringLiteral("cannot write %1: %2").arg(outPath, file.errorString()));
    } else {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write to stdout"));
        summary = exportPreferences(*store, out, options, progress);
    }
    bar.finish();
    if (!summary)
        return fail(summary.error());
    const QString formatId = prefsFormatId(*format);
    if (project.json()) {
        printJson({{QStringLiteral("format"), formatId},
                   {QStringLiteral("out"), outPath},
                   {QStringLiteral("votes"), summary->votes},
                   {QStringLiteral("written"), summary->written},
                   {QStringLiteral("ties"), summary->ties},
                   {QStringLiteral("both_bad"), summary->bothBad},
                   {QStringLiteral("skips"), summary->skips},
                   {QStringLiteral("no_log"), summary->noLog}});
    } else {
        std::fprintf(stderr, "%s\n",
                     qUtf8Printable(QStringLiteral("wrote %1 %2 lines from %3 votes (left out: %4 ties, %5 skips%6%7)")
                                        .arg(summary->written)
                                        .arg(formatId)
                                        .arg(summary->votes)
                                        .arg(summary->ties)
                                        .arg(summary->skips)
                                        .arg(*format == PrefsFormat::Trl
                                                 ? QStringLiteral(", %1 both bad").arg(summary->bothBad)
                                                 : QString())
                                        .arg(summary->noLog > 0 ? QStringLiteral(", %1 without a log").arg(summary->noLog)
                                                                : QString())));
    }
    return kExitOk;
}

int runPrefsImport(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption skipOption(QStringLiteral("skip-bad-lines"),
                                        QStringLiteral("Import the good lines of a file that has bad ones."));
    const QCommandLineOption annotatorOption(QStringLiteral("annotator"),
                                             QStringLiteral("Sign every vote with NAME instead of the lines' \"annotator\"."),
                                             QStringLiteral("NAME"));
    parser.addOptions({skipOption, annotatorOption});
    const ProjectArgs project(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("TRL or unpaired JSON lines ('-': stdin)."));
    if (int code = parseOrExit(parser, QStringLiteral("prefs import"),
                               QStringLiteral("Read preference JSON lines (trl or unpaired, told apart by their keys) into the "
                                              "project. Every line is checked first; a file with a bad line imports nothing "
                                              "unless --skip-bad-lines. Importing a file twice changes nothing."),
                               args);
        code >= 0)
        return code;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return fail(QStringLiteral("prefs import needs exactly one FILE"), kExitUsage);
    const QString path = files.front();
    QFile file;
    if (path == QLatin1String("-")) {
        if (!file.open(stdin, QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read stdin"));
    } else {
        file.setFileName(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    std::shared_ptr<Store> store;
    if (int code = project.openStore(QStringLiteral("prefs import"), store); code >= 0)
        return code;

    PrefsImportOptions options;
    options.skipBadLines = parser.isSet(skipOption);
    options.annotator = parser.value(annotatorOption).trimmed();
    options.source = path == QLatin1String("-") ? QStringLiteral("stdin") : path;
    if (parser.isSet(annotatorOption) && options.annotator.isEmpty())
        return fail(QStringLiteral("--annotator needs a name"), kExitUsage);
    ProgressBar bar(QStringLiteral("importing"));
    auto summary = importPreferences(*store, file, options, [&](qint64 done, qint64 total) { return bar.update(done, total); });
    bar.finish();
    if (!summary)
        return fail(summary.error());

    const bool rejected = summary->badLines > 0 && !options.skipBadLines;
    if (project.json()) {
        printJson({{QStringLiteral("file"), options.source},
                   {QStringLiteral("format"), summary->format},
                   {QStringLiteral("lines"), summary->lines},
                   {QStringLiteral("bad_lines"), summary->badLines},
                   {QStringLiteral("imported"), summary->imported},
                   {QStringLiteral("incidents_created"), summary->incidentsCreated},
                   {QStringLiteral("pairs_created"), summary->pairsCreated},
                   {QStringLiteral("errors"), QJsonArray::fromStringList(summary->errors)}});
    }
    if (summary->badLines > 0) {
        constexpr int kShown = 5;
        QString shown = QStringList(summary->errors.mid(0, kShown)).join(QStringLiteral("; "));
        if (summary->errors.size() > kShown)
            shown += QStringLiteral("; and %1 more").arg(summary->errors.size() - kShown);
        const QString message = rejected
            ? QStringLiteral("%1: %2 bad lines, nothing imported (--skip-bad-lines imports the rest): %3")
            : QStringLiteral("%1: skipped %2 bad lines: %3");
        if (rejected)
            return fail(message.arg(options.source).arg(summary->badLines).arg(shown));
        std::fprintf(stderr, "%s\n", qUtf8Printable(message.arg(options.source).arg(summary->badLines).arg(shown)));
    }
    if (!project.json())
        printOut(QStringLiteral("imported %1 votes from %2 (%3; %4 incidents and %5 pairs created)\n")
                     .arg(summary->imported)
                     .arg(options.source, summary->format.isEmpty() ? QStringLiteral("no lines") : summary->format)
                     .arg(summary->incidentsCreated)
                     .arg(summary->pairsCreated));
    return kExitOk;
}

const Registrar exportRegistrar{{QStringLiteral("prefs export"),
                                 QStringLiteral("write votes as TRL (or unpaired) JSON lines"), runPrefsExport}};
const Registrar importRegistrar{{QStringLiteral("prefs import"),
                                 QStringLiteral("read TRL or unpaired JSON lines into a project"), runPrefsImport}};

} // namespace
} // namespace lab::cli
