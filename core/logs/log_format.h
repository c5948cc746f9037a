#pragma once
// Log levels, log formats and the per-line field parser shared by the reader (LogFile), the
// template miner and the CLI. Parsing works on raw bytes (UTF-8 or anything else) so that a
// 1 GB file can be scanned without decoding every line.
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>
#include <array>
#include <optional>

namespace lab {

// Ordered by severity, so `level >= LogLevel::Warn` means "warning or worse".
enum class LogLevel : quint8
{
    Unknown,
    Trace,
    Debug,
    Info,
    Notice,
    Warn,
    Error,
    Fatal
};
constexpr int kLogLevelCount = 8;
using LevelCounts = std::array<qint64, kLogLevelCount>; // indexed by int(LogLevel)

// Upper-case names: "UNKNOWN", "TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "ERROR", "FATAL".
QString levelName(LogLevel level);
const char *levelNameLatin1(LogLevel level);
// Case-insensitive, with the aliases real logs use: WARNING, ERR, SEVERE, CRITICAL/CRIT,
// FAILURE, EMERG, ALERT, PANIC, FINE/FINER/FINEST, VERBOSE, DBG, INF, WRN, EROR...
// Unknown when the text is no level name.
LogLevel levelFromName(QByteArrayView name);
LogLevel levelFromName(QStringView name);

// Stable ids (formatId) are stored in the database and printed by `logs stats --json`.
enum class LogFormat : quint8
{
    Plain, // "plain": fallback; level found by keyword
    Log4j, // "log4j": 2015-10-18 18:01:47,978 INFO [main] a.b.C: msg (Hadoop, Databricks driver)
    Spark, // "spark": 17/06/09 20:10:40 INFO a.b.C: msg
    DltEvents,   // "dlt-events": Databricks DLT event log, JSON lines with event_type/origin
    KubectlLogs, // "kubectl-logs": `kubectl logs --timestamps [--prefix]`; content parsed within
    KubeEvents,  // "kube-events": `kubectl get events` table
    Klog,        // "klog": I0115 10:23:45.123456    1234 file.go:42] msg
    KubeJson,    // "kube-json": Kubernetes component JSON logs {"ts":..,"v":0,"msg":..}
    S3Access,    // "s3-access": S3 server access log records
    JsonApp,     // "json-app": JSON application logs (time/level/message under common key names)
    Syslog,      // "syslog": RFC 3164 / RFC 5424 / journalctl short (loghub Linux)
    Hdfs,        // "hdfs": 081109 203615 148 INFO dfs.DataNode: msg
    Zookeeper,   // "zookeeper": 2015-07-29 17:41:44,747 - INFO  [thread:Class@774] - msg
    ApacheError, // "apache-error": [Sun Dec 04 04:47:44 2005] [notice] msg
    Bgl,         // "bgl": BlueGene/L RAS log
    OpenStack, // "openstack": nova-api.log.1... 2017-05-16 00:00:00.008 25746 INFO nova.x [req-...]
               // msg
};
constexpr int kLogFormatCount = 16;

QList<LogFormat> allLogFormats();
QString formatId(LogFormat format);                    // "log4j", "dlt-events", ...
std::optional<LogFormat> formatFromId(QStringView id); // nullopt for an unknown id
QString formatDisplayName(LogFormat format);           // "Kubernetes events (kubectl get events)"

struct ParsedLine
{
    QString time; // as written in the line (epoch seconds are rendered as ISO 8601 UTC)
    LogLevel level = LogLevel::Unknown;
    QString source;       // logger / component / pod / bucket / "host tag" (syslog), empty if none
    QString message;      // the free text; for loghub files equal to the ground truth's Content
    bool matched = false; // false: the line does not fit the format (continuation, stack frame)
                          // and `message` is the whole line
};

// The same fields as views into `line` (or into `scratch` when the message had to be built, e.g.
// unescaped JSON); no allocation on the common path. For hot loops such as template mining.
struct ParsedLineView
{
    QByteArrayView time;
    LogLevel level = LogLevel::Unknown;
    QByteArrayView source;
    QByteArrayView message;
    bool matched = false;
};

// `line` has no trailing newline (a trailing CR is ignored). Never fails: a line that does not
// fit comes back with matched = false, level Unknown (it belongs to the entry above it, e.g. a
// stack frame) and message = the whole line. Plain text always matches, its level taken from
// the first upper-case level word (ERROR, WARN, ...) near the start.
ParsedLine parseLine(LogFormat format, QByteArrayView line);
ParsedLineView parseLineView(LogFormat format, QByteArrayView line, QByteArray *scratch);
// Only the level, as parseLine would give it; what the indexer calls for every line.
LogLevel parseLevel(LogFormat format, QByteArrayView line);

// Scores every format over the first ~200 non-empty sample lines and returns the best; Plain
// when nothing fits at least a third of them.
LogFormat detectFormat(const QList<QByteArray> &sampleLines);

struct FormatScore
{
    LogFormat format;
    int matched = 0;    // sample lines the format parses
    int considered = 0; // non-empty sample lines looked at
};
// All formats with their scores, best first (what detectFormat decides from).
QList<FormatScore> scoreFormats(const QList<QByteArray> &sampleLines);

} // namespace lab
