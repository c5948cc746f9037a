#pragma once
// What the synthetic domain produces: incidents (a log plus its ground truth) and the styles of
// explanation written for them. The ground truth is what the simulated engineer judges against.
#include "core/common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace lab::synth {

enum class IncidentKind {
    SparkExecutorOom,
    SparkFetchFailure,
    SparkSkew,
    SparkDriverOomCollect,
    SparkSchemaMismatch,
    DltNullSequenceBy,
    DltExpectationFailure,
    DltConcurrentAppend,
    K8sOomKilled,
    K8sCrashLoopMissingSecret,
    K8sImagePullBackOff,
    K8sLivenessProbe,
    K8sDiskPressureEviction,
    S3AccessDenied,
    S3SlowDown,
    S3NoSuchKey,
    S3KmsDenied,
    AppPoolExhausted,
    AppTlsExpired,
    AppDnsFailure,
    AppDiskFull,
};

struct KindInfo
{
    IncidentKind kind;
    const char *id;      // stable name stored in the database: "spark_executor_oom"
    const char *system;  // "spark", "dlt", "k8s", "s3", "app" (the store's source ids)
    const char *title;   // for people: "Spark executor out of memory"
};

const QList<KindInfo> &allKinds();
const KindInfo &kindInfo(IncidentKind kind);
std::optional<IncidentKind> kindFromId(const QString &id);
QString kindId(IncidentKind kind);

// Log format ids shared with core/logs' format detection.
namespace format {
inline constexpr char kLog4j[] = "log4j";            // 2024-03-11 14:02:17,123 ERROR [thread] Class: msg
inline constexpr char kSpark[] = "spark";            // 24/03/11 14:02:17 INFO TaskSetManager: msg
inline constexpr char kDltEvents[] = "dlt-events";   // DLT event log, one JSON object a line
inline constexpr char kKubectlLogs[] = "kubectl-logs";
inline constexpr char kKubeEvents[] = "kube-events"; // kubectl get events table
inline constexpr char kKubeJson[] = "kube-json";     // kubelet JSON logs ("Event occurred" records)
inline constexpr char kS3Access[] = "s3-access";     // S3 server access log
inline constexpr char kJsonApp[] = "json-app";
inline constexpr char kSyslog[] = "syslog";
inline constexpr char kPlain[] = "plain";
} // namespace format

struct GroundTruth
{
    QString kind;          // KindInfo::id
    QString system;        // KindInfo::system
    QString format;        // one of format::*
    QString summary;       // one sentence: the true cause, for people and reports
    QList<int> rootCauseLines;  // 1-based line numbers of the lines that show the cause
    QList<int> symptomLines;    // lines that show the consequence (abort, restart, 5xx)
    QList<int> noiseLines;      // INFO chatter and irrelevant warnings
    QStringList keyIdentifiers; // identifiers a good explanation cites; each occurs in the log
    QStringList causeKeywords;  // lower-case phrases that name the true cause
    QStringList symptomKeywords;
    QStringList safeActions;        // sentences an engineer would accept
    QStringList safeActionKeywords; // lower-case markers of a safe fix
    QStringList unsafeActions;      // sentences an engineer must never run
    QStringList unsafeActionKeywords;

    QJsonObject toJson() const;
    static Result<GroundTruth> fromJson(const QJsonObject &object);
};

// Material the explanation writer builds sentences from. Produced with the log because only the
// scenario knows which identifiers and phrasings fit; kept in memory, not in the database.
struct ExplanationMaterial
{
    QStringList cause;        // variants of "what broke and why", citing real identifiers
    QStringList evidence;     // variants pointing at the lines that prove it
    QStringList fix;          // safe remediation sentences
    QStringList unsafeFix;    // dangerous remediation sentences (right cause, wrong fix)
    QStringList symptomBlame; // blames the consequence; never names the cause
    QStringList wrongCause;   // a plausible cause that is not in the log, with an invented id
    QStringList noiseBlame;   // blames an irrelevant warning that is in the log
    // Real identifier phrase -> invented look-alike that does not occur in the log.
    QList<QPair<QString, QString>> fakeSwaps;
};

struct Incident
{
    QString id;       // "syn-<seed>-<index>"
    QString title;    // one line for lists
    quint64 seed = 0; // the per-incident seed the log was drawn from
    int index = 0;
    QString log;      // the log text, lines joined with '\n', ending with '\n'
    GroundTruth truth;
    ExplanationMaterial material;
};

enum class ExplanationStyle { Good, Symptom, Noise, Generic, Hallucinated, Verbose, Unsafe };

const QList<ExplanationStyle> &allStyles();
QString styleId(ExplanationStyle style); // "good", "symptom", ...
std::optional<ExplanationStyle> styleFromId(const QString &id);

} // namespace lab::synth
