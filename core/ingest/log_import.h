#pragma once
// Imports log files into a project as incidents, one incident per file, the log stored in the
// database so that the project is self-contained.
#include "core/common/progress.h"
#include "core/common/result.h"

#include <QString>

namespace lab {

class Store;

struct ImportedLog
{
    qint64 incidentId = 0;
    QString name;
    QString format;     // format id from core/logs
    QString source;     // kSource* guessed from the format
    qint64 lines = 0;
    qint64 bytes = 0;
};

// Files larger than this are refused: open them directly in the log view instead.
constexpr qint64 kMaxImportBytes = 256LL * 1024 * 1024;

// The store's source system for a detected log format ("spark" for log4j/Spark driver logs...).
QString sourceForFormat(const QString &formatId);

// Reads, checks (missing, unreadable, empty, binary, too large) and stores `path` in one
// transaction: nothing is written when it fails. `progress` reports bytes read.
Result<ImportedLog> importLogFile(Store &store, const QString &path, const ProgressCallback &progress = {});

} // namespace lab
