#pragma once
// One pass over a log file for `rlhf-lab-cli logs stats` and tests: line count, format,
// per-level counts and the time span, computed through LogFile (never the whole file in memory).
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/logs/log_format.h"

#include <QJsonObject>
#include <QString>

namespace lab {

struct LogStats
{
    QString path;
    qint64 bytes = 0;
    qint64 lines = 0;
    LogFormat format = LogFormat::Plain;
    LevelCounts levels{}; // per own line level, Unknown included
    QString firstTime;
    QString lastTime;

    // {"lines":N,"format":"hdfs","levels":{"INFO":N,...},"first_time":"...","last_time":"...",
    //  "bytes":N,"format_name":"...","path":"..."}; levels with a zero count are left out.
    QJsonObject toJson() const;
};

// Fails with a clear message on a missing, unreadable, empty or binary file, or when
// `progress` returns false.
Result<LogStats> computeStats(const QString &path, const ProgressCallback &progress = {});

} // namespace lab
