#include "template_table.h"

#include "core/logs/log_file.h"

#include <QJsonArray>
#include <algorithm>

namespace lab {
namespace {

constexpr qint64 kProgressEvery = 8192; // lines between progress calls

QString cancelledMessage(const QString &what)
{
    return QStringLiteral("%1: template mining cancelled").arg(what);
}

TemplateTable finish(TemplateMiner &miner, std::vector<int> lineTemplates, LogFormat format)
{
    TemplateTable table;
    table.format = format;
    table.templates = miner.templates();
    table.lineTemplates = std::move(lineTemplates);
    return table;
}

} // namespace

std::vector<int> TemplateTable::idsByCount() const
{
    std::vector<int> ids(templates.size());
    for (size_t i = 0; i < ids.size(); ++i)
        ids[i] = int(i);
    std::stable_sort(ids.begin(), ids.end(), [this](int a, int b) {
        return templates[size_t(a)].count > templates[size_t(b)].count;
    });
    return ids;
}

QJsonObject TemplateTable::toJson() const
{
    QJsonArray list;
    for (const TemplateInfo &t : templates) {
        list.append(QJsonObject{{QStringLiteral("id"), templateLabel(t.id)},
                                {QStringLiteral("template"), t.text},
                                {QStringLiteral("count"), t.count}});
    }
    // Labels are built once per template, not once per line.
    std::vector<QJsonValue> labels;
    labels.reserve(templates.size());
    for (const TemplateInfo &t : templates)
        labels.emplace_back(templateLabel(t.id));
    QJsonArray lines;
    for (int id : lineTemplates)
        lines.append(id >= 0 && size_t(id) < labels.size() ? labels[size_t(id)] : QJsonValue());
    return QJsonObject{{QStringLiteral("templates"), list},
                       {QStringLiteral("line_templates"), lines},
                       {QStringLiteral("format"), formatId(format)}};
}

Result<TemplateTable> mineTemplates(const LogFile &file, const TemplateMinerConfig &config,
                                    const ProgressCallback &progress)
{
    if (!file.isOpen())
        return fail(QStringLiteral("template mining: no log file is open"));
    const LogFormat format = file.format();
    const qint64 total = file.lineCount();
    TemplateMiner miner(config);
    std::vector<int> ids;
    ids.reserve(size_t(total));
    QByteArray scratch;
    for (qint64 i = 0; i < total; ++i) {
        if (i % kProgressEvery == 0 && !reportProgress(progress, i, total))
            return fail(cancelledMessage(file.name()));
        const QByteArray line = file.rawLine(i);
        const ParsedLineView parsed = parseLineView(format, line, &scratch);
        ids.push_back(miner.add(parsed.message));
    }
    reportProgress(progress, total, total);
    return finish(miner, std::move(ids), format);
}

Result<TemplateTable> mineTemplatesFromFile(const QString &path, const TemplateMinerConfig &config,
                                            const ProgressCallback &progress)
{
    LogFile file;
    // Indexing reports bytes, mining lines: each gets half of one 0..1000 scale.
    constexpr qint64 kScale = 1000;
    auto half = [&](qint64 offset) -> ProgressCallback {
        if (!progress)
            return {};
        return [&progress, offset](qint64 done, qint64 total) {
            const qint64 part = total > 0 ? done * (kScale / 2) / total : 0;
            return progress(offset + part, kScale);
        };
    };
    if (Status opened = file.openAndIndex(path, half(0)); !opened)
        return fail(opened.error());
    return mineTemplates(file, config, half(kScale / 2));
}

Result<TemplateTable> mineTemplates(const QList<QByteArray> &messages,
                                    const TemplateMinerConfig &config,
                                    const ProgressCallback &progress)
{
    TemplateMiner miner(config);
    std::vector<int> ids;
    ids.reserve(size_t(messages.size()));
    const qint64 total = messages.size();
    for (qint64 i = 0; i < total; ++i) {
        if (i % kProgressEvery == 0 && !reportProgress(progress, i, total))
            return fail(cancelledMessage(QStringLiteral("messages")));
        ids.push_back(miner.add(QByteArrayView(messages[i])));
    }
    reportProgress(progress, total, total);
    return finish(miner, std::move(ids), LogFormat::Plain);
}

} // namespace lab
