#include "core/logs/log_stats.h"

#include "core/logs/log_file.h"

#include <QJsonObject>

namespace lab {

QJsonObject LogStats::toJson() const
{
    QJsonObject levelObject;
    for (int i = 0; i < kLogLevelCount; ++i) {
        if (levels[size_t(i)] > 0)
            levelObject.insert(levelName(LogLevel(i)), double(levels[size_t(i)]));
    }
    QJsonObject o;
    o.insert(QStringLiteral("lines"), double(lines));
    o.insert(QStringLiteral("format"), formatId(format));
    o.insert(QStringLiteral("levels"), levelObject);
    o.insert(QStringLiteral("first_time"), firstTime);
    o.insert(QStringLiteral("last_time"), lastTime);
    o.insert(QStringLiteral("bytes"), double(bytes));
    o.insert(QStringLiteral("format_name"), formatDisplayName(format));
    o.insert(QStringLiteral("path"), path);
    return o;
}

Result<LogStats> computeStats(const QString &path, const ProgressCallback &progress)
{
    LogFile file;
    if (Status s = file.openAndIndex(path, progress); !s)
        return fail(s.error());
    if (file.isEmpty())
        return fail(QStringLiteral("%1 is empty (0 bytes): no log lines to count").arg(path));
    LogStats stats;
    stats.path = file.path();
    stats.bytes = file.sizeBytes();
    stats.lines = file.lineCount();
    stats.format = file.format();
    stats.levels = file.levelCounts();
    stats.firstTime = file.firstTime();
    stats.lastTime = file.lastTime();
    return stats;
}

} // namespace lab
