#include "template_accuracy.h"

#include <QFile>
#include <QHash>
#include <unordered_map>

namespace lab {

Result<double> groupingAccuracy(const std::vector<int> &predicted, const std::vector<int> &truth)
{
    if (predicted.size() != truth.size())
        return fail(QStringLiteral("grouping accuracy: %1 predicted labels for %2 true labels")
                        .arg(predicted.size())
                        .arg(truth.size()));
    if (predicted.empty())
        return fail(QStringLiteral("grouping accuracy: no lines to compare"));

    std::unordered_map<int, qint64> truthSize;
    for (int t : truth)
        ++truthSize[t];
    // Per predicted group: its size, and the one true event all its lines share (or none).
    struct Group
    {
        qint64 size = 0;
        int truth = 0;
        bool pure = true;
    };
    std::unordered_map<int, Group> groups;
    for (size_t i = 0; i < predicted.size(); ++i) {
        auto [it, inserted] = groups.try_emplace(predicted[i]);
        Group &g = it->second;
        if (inserted)
            g.truth = truth[i];
        else if (g.truth != truth[i])
            g.pure = false;
        ++g.size;
    }
    qint64 correct = 0;
    for (const auto &[id, g] : groups) {
        if (g.pure && truthSize[g.truth] == g.size)
            correct += g.size;
    }
    return double(correct) / double(predicted.size());
}

std::vector<int> labelIds(const QStringList &labels)
{
    std::vector<int> ids;
    ids.reserve(size_t(labels.size()));
    QHash<QString, int> seen;
    for (const QString &label : labels) {
        auto it = seen.constFind(label);
        if (it == seen.constEnd())
            it = seen.insert(label, int(seen.size()));
        ids.push_back(it.value());
    }
    return ids;
}

namespace {

// Splits RFC 4180 CSV into rows of fields; quoted fields may hold commas, quotes and newlines.
std::vector<QStringList> parseCsv(const QByteArray &data)
{
    std::vector<QStringList> rows;
    QStringList row;
    QByteArray field;
    bool quoted = false;
    bool fieldStarted = false;
    const qsizetype n = data.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = data[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < n && data[i + 1] == '"') {
                    field.append('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
            continue;
        }
        if (c == '"' && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == ',') {
            row.append(QString::fromUtf8(field));
            field.clear();
            fieldStarted = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < n && data[i + 1] == '\n')
                ++i;
            if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
                row.append(QString::fromUtf8(field));
                rows.push_back(row);
            }
            row.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
        row.append(QString::fromUtf8(field));
        rows.push_back(row);
    }
    return rows;
}

} // namespace

Result<StructuredLog> readStructuredLogCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    const std::vector<QStringList> rows = parseCsv(file.readAll());
    if (rows.empty())
        return fail(
            QStringLiteral("%1: empty file, expected a header with Content and EventId").arg(path));
    const QStringList &header = rows.front();
    const qsizetype content = header.indexOf(QStringLiteral("Content"));
    const qsizetype eventId = header.indexOf(QStringLiteral("EventId"));
    const qsizetype eventTemplate = header.indexOf(QStringLiteral("EventTemplate"));
    if (content < 0 || eventId < 0)
        return fail(QStringLiteral("%1: no Content or EventId column in the header").arg(path));
    StructuredLog log;
    for (size_t r = 1; r < rows.size(); ++r) {
        const QStringList &row = rows[r];
        if (row.size() != header.size())
            return fail(QStringLiteral("%1: row %2 has %3 fields, the header %4")
                            .arg(path)
                            .arg(r + 1)
                            .arg(row.size())
                            .arg(header.size()));
        log.contents.append(row[content]);
        log.eventIds.append(row[eventId]);
        if (eventTemplate >= 0)
            log.eventTemplates.append(row[eventTemplate]);
    }
    return log;
}

} // namespace lab
