#include "incident_generator.h"

#include "scenario.h"

#include <QDateTime>
#include <QTimeZone>

namespace lab::synth {

IncidentKind kindForIndex(quint64 seed, int index)
{
    const int n = int(allKinds().size());
    const int block = index / n;
    Rng rng(mixSeed(seed ^ 0x6b696e64ULL, quint64(block)));
    QList<int> order(n);
    for (int i = 0; i < n; ++i)
        order[i] = i;
    rng.shuffle(order);
    return allKinds().at(order.at(index % n)).kind;
}

Incident generateIncident(quint64 seed, int index, std::optional<IncidentKind> kindOverride)
{
    const IncidentKind kind = kindOverride ? *kindOverride : kindForIndex(seed, index);
    const KindInfo &info = kindInfo(kind);
    Incident incident;
    incident.index = index;
    incident.seed = mixSeed(seed, quint64(index) * 64 + quint64(kind));
    incident.id = QStringLiteral("syn-%1-%2").arg(seed).arg(index, 5, 10, QLatin1Char('0'));
    incident.truth.kind = QString::fromLatin1(info.id);
    incident.truth.system = QString::fromLatin1(info.system);

    Rng rng(incident.seed);
    // Somewhere between mid-2023 and mid-2024, any time of day, in UTC.
    const qint64 base = QDateTime(QDate(2023, 6, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const qint64 start = base + rng.uniform(0, 365LL * 24 * 3600 * 1000);
    detail::Scenario scenario(rng, start, incident);
    scenario.noiseBudget = rng.uniformInt(26, 150);
    switch (kind) {
    case IncidentKind::SparkExecutorOom:
    case IncidentKind::SparkFetchFailure:
    case IncidentKind::SparkSkew:
    case IncidentKind::SparkDriverOomCollect:
    case IncidentKind::SparkSchemaMismatch:
        detail::writeSparkScenario(scenario, kind);
        break;
    case IncidentKind::DltNullSequenceBy:
    case IncidentKind::DltExpectationFailure:
    case IncidentKind::DltConcurrentAppend:
        detail::writeDltScenario(scenario, kind);
        break;
    case IncidentKind::K8sOomKilled:
    case IncidentKind::K8sCrashLoopMissingSecret:
    case IncidentKind::K8sImagePullBackOff:
    case IncidentKind::K8sLivenessProbe:
    case IncidentKind::K8sDiskPressureEviction:
        detail::writeKubernetesScenario(scenario, kind);
        break;
    case IncidentKind::S3AccessDenied:
    case IncidentKind::S3SlowDown:
    case IncidentKind::S3NoSuchKey:
    case IncidentKind::S3KmsDenied:
        detail::writeS3Scenario(scenario, kind);
        break;
    default:
        detail::writeAppScenario(scenario, kind);
        break;
    }
    scenario.log.finish(incident);

    // A key identifier must be in the log, or citing it would count as a hallucination.
    QStringList keys;
    for (const QString &id : std::as_const(incident.truth.keyIdentifiers)) {
        if (incident.log.contains(id))
            keys << id;
    }
    incident.truth.keyIdentifiers = keys;
    incident.title = QString::fromLatin1(info.title)
                     + (keys.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(keys.first()));
    return incident;
}

Result<QList<Incident>> generateIncidents(quint64 seed, int count, const ProgressCallback &progress)
{
    QList<Incident> out;
    out.reserve(std::max(0, count));
    for (int i = 0; i < count; ++i) {
        out << generateIncident(seed, i);
        if (!reportProgress(progress, i + 1, count))
            return fail(QStringLiteral("incident generation cancelled after %1 of %2").arg(i + 1).arg(count));
    }
    return out;
}

} // namespace lab::synth
