// rlhf-lab-cli logs templates FILE [--csv|--json]: Drain template mining over a log file.
#include "cli_output.h"
#include "command.h"

#include "core/logs/template_accuracy.h"
#include "core/logs/template_table.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <cstdio>
#include <optional>

namespace {

using namespace lab::cli;

// Writes bytes to stdout in large blocks: a million-line file gives a million rows.
class StdoutBuffer
{
public:
    ~StdoutBuffer() { flush(); }
    void append(const QByteArray &bytes) { append(bytes.constData(), bytes.size()); }
    void append(const char *data, qsizetype n)
    {
        m_buffer.append(data, n);
        if (m_buffer.size() >= kBlock)
            flush();
    }
    void flush()
    {
        std::fwrite(m_buffer.constData(), 1, size_t(m_buffer.size()), stdout);
        std::fflush(stdout);
        m_buffer.clear();
    }

private:
    static constexpr qsizetype kBlock = 1 << 20;
    QByteArray m_buffer;
};

QString humanTable(const QString &path, const lab::TemplateTable &table,
                   std::optional<double> accuracy, const QString &truthPath)
{
    const QLocale c = QLocale::c();
    QString out;
    out += QStringLiteral("File       %1\n").arg(path);
    out += QStringLiteral("Format     %1 (%2)\n")
               .arg(lab::formatId(table.format), lab::formatDisplayName(table.format));
    out += QStringLiteral("Lines      %1\n").arg(c.toString(qint64(table.lineTemplates.size())));
    out += QStringLiteral("Templates  %1\n").arg(c.toString(qint64(table.templates.size())));
    if (accuracy)
        out += QStringLiteral("Grouping accuracy  %1 (against %2)\n")
                   .arg(*accuracy, 0, 'f', 4)
                   .arg(truthPath);
    out += QStringLiteral("\n%1  %2  %3\n")
               .arg(QStringLiteral("COUNT"), 10)
               .arg(QStringLiteral("ID"), -7)
               .arg(QStringLiteral("TEMPLATE"));
    for (int id : table.idsByCount()) {
        const lab::TemplateInfo &t = table.templates[size_t(id)];
        out += QStringLiteral("%1  %2  %3\n")
                   .arg(c.toString(t.count), 10)
                   .arg(lab::templateLabel(id), -7)
                   .arg(t.text.isEmpty() ? QStringLiteral("(empty line)") : t.text);
    }
    return out;
}

void printCsv(const lab::TemplateTable &table)
{
    StdoutBuffer out;
    out.append(QByteArrayLiteral("line,template_id\n"));
    std::vector<QByteArray> labels;
    for (const lab::TemplateInfo &t : table.templates)
        labels.push_back(lab::templateLabel(t.id).toLatin1());
    for (size_t i = 0; i < table.lineTemplates.size(); ++i) {
        out.append(QByteArray::number(qint64(i + 1)));
        out.append(",", 1);
        out.append(labels[size_t(table.lineTemplates[i])]);
        out.append("\n", 1);
    }
}

// The shape of TemplateTable::toJson, written as it goes so that a large file's per-line array
// is never held as a QJsonArray.
void printJsonStreamed(const lab::TemplateTable &table, std::optional<double> accuracy)
{
    StdoutBuffer out;
    QJsonArray templates;
    for (const lab::TemplateInfo &t : table.templates) {
        templates.append(QJsonObject{{QStringLiteral("id"), lab::templateLabel(t.id)},
                                     {QStringLiteral("template"), t.text},
                                     {QStringLiteral("count"), t.count}});
    }
    out.append(QByteArrayLiteral("{\"templates\":"));
    out.append(QJsonDocument(templates).toJson(QJsonDocument::Compact));
    out.append(QByteArrayLiteral(",\"line_templates\":["));
    std::vector<QByteArray> labels;
    for (const lab::TemplateInfo &t : table.templates)
        labels.push_back('"' + lab::templateLabel(t.id).toLatin1() + '"');
    for (size_t i = 0; i < table.lineTemplates.size(); ++i) {
        if (i > 0)
            out.append(",", 1);
        out.append(labels[size_t(table.lineTemplates[i])]);
    }
    out.append(QByteArrayLiteral("],\"format\":\""));
    out.append(lab::formatId(table.format).toLatin1());
    out.append(QByteArrayLiteral("\",\"lines\":"));
    out.append(QByteArray::number(qint64(table.lineTemplates.size())));
    if (accuracy) {
        out.append(QByteArrayLiteral(",\"grouping_accuracy\":"));
        out.append(QByteArray::number(*accuracy, 'g', 6));
    }
    out.append(QByteArrayLiteral("}\n"));
}

int runLogsTemplates(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The log file to mine."));
    const QCommandLineOption json(
        QStringLiteral("json"),
        QStringLiteral("Print one JSON object: {\"templates\":[{\"id\":\"T1\",\"template\":\"...\","
                       "\"count\":N},...],\"line_templates\":[\"T1\",...],\"format\":\"...\","
                       "\"lines\":N}, one line_templates entry per line of FILE, in order."));
    const QCommandLineOption csv(
        QStringLiteral("csv"),
        QStringLiteral("Print only CSV rows 'line,template_id' (a header, then one row per line of "
                       "FILE, lines counted from 1); no template table. Use --json for both."));
    const QCommandLineOption depth(QStringLiteral("depth"),
                                   QStringLiteral("Drain tree depth (default 5)."),
                                   QStringLiteral("N"));
    const QCommandLineOption similarity(
        QStringLiteral("similarity"),
        QStringLiteral("Share of equal tokens for a line to join a template, 0..1 "
                       "(default 0.6)."),
        QStringLiteral("X"));
    const QCommandLineOption truth(
        QStringLiteral("truth"),
        QStringLiteral("A loghub-style structured CSV (Content, EventId columns) for FILE: "
                       "also report grouping accuracy against its EventId."),
        QStringLiteral("CSV"));
    parser.addOptions({json, csv, depth, similarity, truth});
    if (const int rc = parseOrExit(
            parser, QStringLiteral("logs templates"),
            QStringLiteral("Mines Drain-style templates from the message of every line (the "
                           "header is parsed away with the detected format; numbers, ids, IPs, "
                           "paths and URLs are masked as <*>). Default output: the template "
                           "table, most frequent first."),
            args);
        rc >= 0)
        return rc;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return fail(
            QStringLiteral(
                "logs templates takes exactly one FILE (see: rlhf-lab-cli logs templates --help)"),
            kExitUsage);
    if (parser.isSet(json) && parser.isSet(csv))
        return fail(QStringLiteral("choose one of --json and --csv"), kExitUsage);

    lab::TemplateMinerConfig config;
    if (parser.isSet(depth)) {
        bool ok = false;
        config.depth = parser.value(depth).toInt(&ok);
        if (!ok || config.depth < 3 || config.depth > 32)
            return fail(QStringLiteral("--depth must be a whole number from 3 to 32, not '%1'")
                            .arg(parser.value(depth)),
                        kExitUsage);
    }
    if (parser.isSet(similarity)) {
        bool ok = false;
        config.similarity = parser.value(similarity).toDouble(&ok);
        if (!ok || config.similarity < 0.0 || config.similarity > 1.0)
            return fail(QStringLiteral("--similarity must be a number from 0 to 1, not '%1'")
                            .arg(parser.value(similarity)),
                        kExitUsage);
    }

    ProgressBar bar(QStringLiteral("Mining templates"));
    const lab::Result<lab::TemplateTable> table =
        lab::mineTemplatesFromFile(files.first(), config, [&bar](qint64 done, qint64 total) {
            return bar.update(done, total);
        });
    bar.finish();
    if (!table)
        return fail(table.error());

    std::optional<double> accuracy;
    if (parser.isSet(truth)) {
        const lab::Result<lab::StructuredLog> gt = lab::readStructuredLogCsv(parser.value(truth));
        if (!gt)
            return fail(gt.error());
        if (size_t(gt->eventIds.size()) != table->lineTemplates.size())
            return fail(QStringLiteral("%1 has %2 rows but %3 has %4 lines")
                            .arg(parser.value(truth))
                            .arg(gt->eventIds.size())
                            .arg(files.first())
                            .arg(table->lineTemplates.size()));
        const lab::Result<double> acc =
            lab::groupingAccuracy(table->lineTemplates, lab::labelIds(gt->eventIds));
        if (!acc)
            return fail(acc.error());
        accuracy = *acc;
    }

    if (parser.isSet(json))
        printJsonStreamed(*table, accuracy);
    else if (parser.isSet(csv))
        printCsv(*table);
    else
        printOut(humanTable(files.first(), *table, accuracy, parser.value(truth)));
    return kExitOk;
}

const Registrar registrar{
    {QStringLiteral("logs templates"),
     QStringLiteral("Drain templates: per-line template id and the template table"),
     runLogsTemplates}};

} // namespace
