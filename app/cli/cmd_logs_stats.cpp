// rlhf-lab-cli logs stats FILE [--json]: lines, format, per-level counts and time span.
#include "cli_output.h"
#include "command.h"

#include "core/logs/log_stats.h"

#include <QCommandLineParser>
#include <QLocale>

namespace {

using namespace lab::cli;

// Small files index in well under a second; a bar would only flicker.
constexpr qint64 kProgressFromBytes = 32LL * 1024 * 1024;

QString humanBytes(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString table(const lab::LogStats &s)
{
    const QLocale c(QLocale::English,
                    QLocale::UnitedStates); // 1,234,567 whatever the user's locale
    QString out;
    out += QStringLiteral("File    %1\n").arg(s.path);
    out += QStringLiteral("Format  %1 [%2]\n")
               .arg(lab::formatDisplayName(s.format), lab::formatId(s.format));
    out += QStringLiteral("Lines   %1 (%2)\n").arg(c.toString(s.lines), humanBytes(s.bytes));
    if (!s.firstTime.isEmpty() || !s.lastTime.isEmpty())
        out += QStringLiteral("Time    %1  ..  %2\n").arg(s.firstTime, s.lastTime);
    out += QStringLiteral("Levels\n");
    // Worst first, lines without a level of their own last.
    for (int i = lab::kLogLevelCount - 1; i >= 0; --i) {
        const qint64 n = s.levels[size_t(i)];
        if (n == 0)
            continue;
        const QString name = lab::LogLevel(i) == lab::LogLevel::Unknown
                                 ? QStringLiteral("(none)")
                                 : lab::levelName(lab::LogLevel(i));
        const double pct = s.lines > 0 ? 100.0 * double(n) / double(s.lines) : 0.0;
        out += QStringLiteral("  %1 %2 %3%\n")
                   .arg(name, -8)
                   .arg(c.toString(n), 12)
                   .arg(QString::number(pct, 'f', 1), 6);
    }
    return out;
}

int runLogsStats(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The log file to read."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print one JSON object on stdout."));
    parser.addOption(json);
    if (const int rc = parseOrExit(
            parser, QStringLiteral("logs stats"),
            QStringLiteral("Lines, format, per-level counts and time span of a log file. "
                           "Reads the file in one streaming pass."),
            args);
        rc >= 0)
        return rc;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return fail(QStringLiteral(
                        "logs stats takes exactly one FILE (see: rlhf-lab-cli logs stats --help)"),
                    kExitUsage);

    ProgressBar bar(QStringLiteral("Reading"));
    const lab::Result<lab::LogStats> stats =
        lab::computeStats(files.first(), [&bar](qint64 done, qint64 total) {
            if (total >= kProgressFromBytes)
                bar.update(done, total);
            return true;
        });
    bar.finish();
    if (!stats)
        return fail(stats.error());
    if (parser.isSet(json))
        printJson(stats->toJson());
    else
        printOut(table(*stats));
    return kExitOk;
}

const Registrar kRegistrar{
    {QStringLiteral("logs stats"),
     QStringLiteral("lines, format, per-level counts and time span of a log file"), runLogsStats}};

} // namespace
