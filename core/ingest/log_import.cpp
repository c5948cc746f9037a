#include "core/ingest/log_import.h"

#include "core/logs/log_file.h"
#include "core/logs/log_signature.h"
#include "core/store/store.h"

#include <QFileInfo>

namespace lab {

QString sourceForFormat(const QString &formatId)
{
    static const QHash<QString, QString> sources = {
        {QStringLiteral("log4j"), QString(kSourceSpark)},
        {QStringLiteral("spark"), QString(kSourceSpark)},
        {QStringLiteral("dlt-events"), QString(kSourceDlt)},
        {QStringLiteral("kubectl-logs"), QString(kSourceK8s)},
        {QStringLiteral("kube-events"), QString(kSourceK8s)},
        {QStringLiteral("klog"), QString(kSourceK8s)},
        {QStringLiteral("kube-json"), QString(kSourceK8s)},
        {QStringLiteral("s3-access"), QString(kSourceS3)},
        {QStringLiteral("json-app"), QString(kSourceApp)},
    };
    return sources.value(formatId, QString(kSourceOther));
}

Result<ImportedLog> importLogFile(Store &store, const QString &path, const ProgressCallback &progress)
{
    const QFileInfo info(path);
    if (info.exists() && info.isFile() && info.size() > kMaxImportBytes)
        return fail(QStringLiteral("%1 is %2 MiB, more than the %3 MiB a project stores; open it in the log view instead")
                        .arg(path)
                        .arg(info.size() / (1024 * 1024))
                        .arg(kMaxImportBytes / (1024 * 1024)));

    // Indexing checks the bytes (binary, unreadable) and gives format and line count.
    LogFile file;
    if (Status s = file.openAndIndex(path, progress); !s)
        return fail(s.error());
    if (file.isEmpty())
        return fail(QStringLiteral("%1 is empty: nothing to import").arg(path));

    QString content;
    content.reserve(int(std::min<qint64>(file.sizeBytes(), kMaxImportBytes)));
    for (qint64 i = 0; i < file.lineCount(); ++i) {
        content += file.line(i);
        content += QLatin1Char('\n');
    }

    ImportedLog result;
    result.name = info.fileName();
    result.format = formatId(file.format());
    result.source = sourceForFormat(result.format);
    // log4j is also Hadoop's, Kafka's...: call it Spark only when Spark or Databricks loggers speak.
    if (file.format() == LogFormat::Log4j) {
        result.source = QString(kSourceOther);
        for (qint64 i = 0; i < std::min<qint64>(file.lineCount(), 500); ++i) {
            const QString source = file.parsedLine(i).source;
            if (source.contains(QLatin1String("spark"), Qt::CaseInsensitive)
                || source.contains(QLatin1String("databricks"), Qt::CaseInsensitive)) {
                result.source = QString(kSourceSpark);
                break;
            }
        }
    }
    result.lines = file.lineCount();
    result.bytes = file.sizeBytes();

    const Status stored = store.transaction([&]() -> Status {
        IncidentRecord incident;
        incident.title = result.name;
        incident.origin = QString(kOriginImported);
        incident.source = result.source;
        incident.logFormat = result.format;
        // Imported logs of the same failure share a signature, so the labeling queue spreads
        // over failures rather than files.
        incident.signature = logSignature(content);
        Result<qint64> id = store.addIncident(incident);
        if (!id)
            return fail(id.error());
        StoredLog log;
        log.incidentId = *id;
        log.name = result.name;
        log.originalPath = info.absoluteFilePath();
        log.format = result.format;
        log.lineCount = result.lines;
        log.content = std::move(content);
        if (Result<qint64> logId = store.addLog(log); !logId)
            return fail(logId.error());
        result.incidentId = *id;
        return {};
    });
    if (!stored)
        return fail(stored.error());
    return result;
}

} // namespace lab
