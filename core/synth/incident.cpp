#include "incident.h"

#include <QJsonArray>

namespace lab::synth {

const QList<KindInfo> &allKinds()
{
    static const QList<KindInfo> kinds = {
        {IncidentKind::SparkExecutorOom, "spark_executor_oom", "spark", "Spark executor out of memory"},
        {IncidentKind::SparkFetchFailure, "spark_fetch_failure", "spark", "Shuffle fetch failure after a lost executor"},
        {IncidentKind::SparkSkew, "spark_skew", "spark", "Skewed partition stalls a Spark stage"},
        {IncidentKind::SparkDriverOomCollect, "spark_driver_oom_collect", "spark", "Driver out of memory on collect()"},
        {IncidentKind::SparkSchemaMismatch, "spark_schema_mismatch", "spark", "Schema mismatch on a Delta write"},
        {IncidentKind::DltNullSequenceBy, "dlt_null_sequence_by", "dlt", "APPLY CHANGES with NULL sequence_by values"},
        {IncidentKind::DltExpectationFailure, "dlt_expectation_failure", "dlt", "DLT expectation failed the update"},
        {IncidentKind::DltConcurrentAppend, "dlt_concurrent_append", "dlt", "Concurrent append conflict on a Delta table"},
        {IncidentKind::K8sOomKilled, "k8s_oomkilled", "k8s", "Container OOMKilled at its memory limit"},
        {IncidentKind::K8sCrashLoopMissingSecret, "k8s_crashloop_missing_secret", "k8s", "CrashLoopBackOff on a missing secret"},
        {IncidentKind::K8sImagePullBackOff, "k8s_imagepullbackoff", "k8s", "ImagePullBackOff on a missing image tag"},
        {IncidentKind::K8sLivenessProbe, "k8s_liveness_probe", "k8s", "Failing liveness probe restarts a container"},
        {IncidentKind::K8sDiskPressureEviction, "k8s_disk_pressure_eviction", "k8s", "Pods evicted under node disk pressure"},
        {IncidentKind::S3AccessDenied, "s3_access_denied", "s3", "S3 AccessDenied for a role"},
        {IncidentKind::S3SlowDown, "s3_slowdown", "s3", "S3 SlowDown throttling on a hot prefix"},
        {IncidentKind::S3NoSuchKey, "s3_nosuchkey", "s3", "S3 NoSuchKey for an expected object"},
        {IncidentKind::S3KmsDenied, "s3_kms_denied", "s3", "KMS key denies decrypt of S3 objects"},
        {IncidentKind::AppPoolExhausted, "app_pool_exhausted", "app", "Database connection pool exhausted"},
        {IncidentKind::AppTlsExpired, "app_tls_expired", "app", "Expired TLS certificate on an upstream"},
        {IncidentKind::AppDnsFailure, "app_dns_failure", "app", "DNS resolution failure for a dependency"},
        {IncidentKind::AppDiskFull, "app_disk_full", "app", "Disk full on a service host"},
    };
    return kinds;
}

const KindInfo &kindInfo(IncidentKind kind)
{
    return allKinds().at(int(kind));
}

QString kindId(IncidentKind kind)
{
    return QString::fromLatin1(kindInfo(kind).id);
}

std::optional<IncidentKind> kindFromId(const QString &id)
{
    for (const KindInfo &info : allKinds()) {
        if (id == QLatin1String(info.id))
            return info.kind;
    }
    return std::nullopt;
}

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonArray toArray(const QList<int> &list)
{
    QJsonArray a;
    for (int v : list)
        a.append(v);
    return a;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

QList<int> intList(const QJsonValue &value)
{
    QList<int> out;
    for (const QJsonValue &v : value.toArray())
        out << v.toInt();
    return out;
}

} // namespace

QJsonObject GroundTruth::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("kind")] = kind;
    o[QStringLiteral("system")] = system;
    o[QStringLiteral("format")] = format;
    o[QStringLiteral("summary")] = summary;
    o[QStringLiteral("root_cause_lines")] = toArray(rootCauseLines);
    o[QStringLiteral("symptom_lines")] = toArray(symptomLines);
    o[QStringLiteral("noise_lines")] = toArray(noiseLines);
    o[QStringLiteral("key_identifiers")] = toArray(keyIdentifiers);
    o[QStringLiteral("cause_keywords")] = toArray(causeKeywords);
    o[QStringLiteral("symptom_keywords")] = toArray(symptomKeywords);
    o[QStringLiteral("safe_actions")] = toArray(safeActions);
    o[QStringLiteral("safe_action_keywords")] = toArray(safeActionKeywords);
    o[QStringLiteral("unsafe_actions")] = toArray(unsafeActions);
    o[QStringLiteral("unsafe_action_keywords")] = toArray(unsafeActionKeywords);
    return o;
}

Result<GroundTruth> GroundTruth::fromJson(const QJsonObject &o)
{
    GroundTruth t;
    t.kind = o.value(QStringLiteral("kind")).toString();
    if (t.kind.isEmpty())
        return fail(QStringLiteral("ground truth JSON has no \"kind\""));
    t.system = o.value(QStringLiteral("system")).toString();
    t.format = o.value(QStringLiteral("format")).toString();
    t.summary = o.value(QStringLiteral("summary")).toString();
    t.rootCauseLines = intList(o.value(QStringLiteral("root_cause_lines")));
    t.symptomLines = intList(o.value(QStringLiteral("symptom_lines")));
    t.noiseLines = intList(o.value(QStringLiteral("noise_lines")));
    t.keyIdentifiers = stringList(o.value(QStringLiteral("key_identifiers")));
    t.causeKeywords = stringList(o.value(QStringLiteral("cause_keywords")));
    t.symptomKeywords = stringList(o.value(QStringLiteral("symptom_keywords")));
    t.safeActions = stringList(o.value(QStringLiteral("safe_actions")));
    t.safeActionKeywords = stringList(o.value(QStringLiteral("safe_action_keywords")));
    t.unsafeActions = stringList(o.value(QStringLiteral("unsafe_actions")));
    t.unsafeActionKeywords = stringList(o.value(QStringLiteral("unsafe_action_keywords")));
    if (t.causeKeywords.isEmpty())
        return fail(QStringLiteral("ground truth for kind \"%1\" has no cause keywords").arg(t.kind));
    return t;
}

const QList<ExplanationStyle> &allStyles()
{
    static const QList<ExplanationStyle> styles = {
        ExplanationStyle::Good,  ExplanationStyle::Symptom,      ExplanationStyle::Noise,
        ExplanationStyle::Generic, ExplanationStyle::Hallucinated, ExplanationStyle::Verbose,
        ExplanationStyle::Unsafe,
    };
    return styles;
}

QString styleId(ExplanationStyle style)
{
    switch (style) {
    case ExplanationStyle::Good: return QStringLiteral("good");
    case ExplanationStyle::Symptom: return QStringLiteral("symptom");
    case ExplanationStyle::Noise: return QStringLiteral("noise");
    case ExplanationStyle::Generic: return QStringLiteral("generic");
    case ExplanationStyle::Hallucinated: return QStringLiteral("hallucinated");
    case ExplanationStyle::Verbose: return QStringLiteral("verbose");
    case ExplanationStyle::Unsafe: return QStringLiteral("unsafe");
    }
    return {};
}

std::optional<ExplanationStyle> styleFromId(const QString &id)
{
    for (ExplanationStyle s : allStyles()) {
        if (styleId(s) == id)
            return s;
    }
    return std::nullopt;
}

} // namespace lab::synth
