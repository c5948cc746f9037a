#pragma once
// Internal to core/synth: the pieces every incident scenario is written with. A scenario draws
// its identifiers, writes the log line by line (each line tagged noise / symptom / cause /
// trace), fills in the ground truth and the material explanations are written from.
#include "incident.h"
#include "rng.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace lab::synth::detail {

enum class Role { Noise, Symptom, Cause, Trace };

using Facts = QHash<QString, QString>;

// Replaces every {key} in `pattern` with facts[key]. Unknown keys stay as they are, which a test
// catches (no '{' survives in generated text).
QString fill(const QString &pattern, const Facts &facts);

// Time stamps in the layouts the real systems write. `ms` is milliseconds since the epoch, UTC.
QString sparkTime(qint64 ms);             // 24/03/11 14:02:17
QString log4jTime(qint64 ms);             // 2024-03-11 14:02:17,123
QString isoTime(qint64 ms, int fraction); // 2024-03-11T14:02:17.123Z (fraction digits 0, 3, 6 or 9)
QString s3Time(qint64 ms);                // 11/Mar/2024:14:02:17 +0000
QString syslogTime(qint64 ms);            // Mar 11 14:02:17
QString kubeAge(qint64 ms);               // 45s, 3m12s, 12m, 2h5m

// A JSON string literal with quotes and escapes, for JSON log lines written in the key order the
// real loggers use (QJsonObject would sort the keys).
QString jsonString(const QString &value);
// {"k1":"v1","k2":2,...}: values that look like JSON numbers/booleans/objects are written raw
// when the key starts with '#', e.g. {"#status", "503"}.
QString jsonLine(std::initializer_list<QPair<QString, QString>> fields);

// Name pools: realistic words that identifiers are built from.
namespace names {
const QStringList &domains();   // orders, payments, ...
QString table(Rng &rng);        // prod.sales.orders_daily
QString column(Rng &rng);
QString bucket(Rng &rng);       // acme-prod-orders-raw
QString namespaceName(Rng &rng);
QString service(Rng &rng);      // checkout-api
QString podName(Rng &rng, const QString &deployment); // checkout-api-6d8f7c9b5-k2x8p
QString ec2Host(Rng &rng, QString *ip = nullptr);     // ip-10-0-3-17.ec2.internal
QString sparkAppName(Rng &rng);
QString awsAccount(Rng &rng);
QString roleName(Rng &rng);
QString dbHost(Rng &rng);
QString s3Key(Rng &rng);
} // namespace names

class LogBuilder
{
public:
    LogBuilder(Rng &rng, qint64 startMs) : m_rng(rng), m_now(startMs) {}

    qint64 now() const { return m_now; }
    void advance(qint64 loMs, qint64 hiMs) { m_now += m_rng.uniform(loMs, hiMs); }

    int add(Role role, const QString &text);
    // A `kubectl get events` row: the LAST SEEN age is known only when the capture ends, and the
    // columns are padded to the widest cell, so rows are rendered in finish().
    int addEventRow(Role role, const QStringList &columnsAfterAge);
    void setEventHeader(const QStringList &header) { m_eventHeader = header; }
    int lineCount() const { return int(m_lines.size()); }

    // Writes the text and line numbers into the incident.
    void finish(Incident &incident);

private:
    struct Line
    {
        Role role;
        QString text;
        qint64 time;
        QStringList columns; // non-empty: an event row
    };
    Rng &m_rng;
    qint64 m_now;
    QList<Line> m_lines;
    QStringList m_eventHeader;
};

struct Scenario
{
    Scenario(Rng &r, qint64 startMs, Incident &inc)
        : rng(r), log(r, startMs), incident(inc), truth(inc.truth), m(inc.material)
    {
    }

    Rng &rng;
    LogBuilder log;
    Incident &incident;
    GroundTruth &truth;
    ExplanationMaterial &m;
    Facts f;
    int noiseBudget = 0; // noise lines still to spread over the log

    QString t(const char *pattern) const { return fill(QString::fromUtf8(pattern), f); }
    QStringList t(std::initializer_list<const char *> patterns) const
    {
        QStringList out;
        for (const char *p : patterns)
            out << t(p);
        return out;
    }
    // Takes `share` (0..1) of the remaining noise budget, at least `minimum` lines.
    int take(double share, int minimum = 0)
    {
        const int n = std::max(minimum, int(noiseBudget * share));
        noiseBudget = std::max(0, noiseBudget - n);
        return n;
    }
    void noiseBlame(const QString &sentence)
    {
        if (!m.noiseBlame.contains(sentence))
            m.noiseBlame << sentence;
    }
};

// One function per system writes the scenario of the given kind.
void writeSparkScenario(Scenario &s, IncidentKind kind);
void writeDltScenario(Scenario &s, IncidentKind kind);
void writeKubernetesScenario(Scenario &s, IncidentKind kind);
void writeS3Scenario(Scenario &s, IncidentKind kind);
void writeAppScenario(Scenario &s, IncidentKind kind);

} // namespace lab::synth::detail
