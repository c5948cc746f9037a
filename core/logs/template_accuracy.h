#pragma once
// How well mined templates group lines, against a ground truth such as loghub's EventId column.
#include "core/common/result.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace lab {

// Grouping accuracy (Zhu et al., "Tools and Benchmarks for Automated Log Parsing", ICSE-SEIP
// 2019; logpai/logparser's evaluator): a line is correct when the set of lines sharing its
// predicted template is exactly the set of lines sharing its true event. Returns correct lines /
// all lines. Labels are any ints (ids need not be dense). Fails when the sizes differ or are 0.
Result<double> groupingAccuracy(const std::vector<int> &predicted, const std::vector<int> &truth);

// Dense ints for string labels ("E10", "E2", ...), equal strings getting equal ints.
std::vector<int> labelIds(const QStringList &labels);

// A loghub `X_2k.log_structured.csv` (or loghub-2.0's `_corrected.csv`): the `Content` and
// `EventId` columns, with `EventTemplate` when present, one entry per log line.
struct StructuredLog
{
    QStringList contents;
    QStringList eventIds;
    QStringList eventTemplates;
};

// Reads the file (RFC 4180 quoting: "a ""b"", c"). Fails naming the file when it cannot be read
// or lacks the Content or EventId column.
Result<StructuredLog> readStructuredLogCsv(const QString &path);

} // namespace lab
