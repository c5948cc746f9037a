#include "scenario.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace lab::synth::detail {

QString fill(const QString &pattern, const Facts &facts)
{
    QString out;
    out.reserve(pattern.size() + 32);
    qsizetype i = 0;
    while (i < pattern.size()) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('{')) {
            const qsizetype close = pattern.indexOf(QLatin1Char('}'), i + 1);
            if (close > i) {
                const QString key = pattern.mid(i + 1, close - i - 1);
                const auto it = facts.constFind(key);
                if (it != facts.constEnd()) {
                    out += it.value();
                    i = close + 1;
                    continue;
                }
            }
        }
        out += c;
        ++i;
    }
    return out;
}

namespace {
QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}
// The C locale keeps month names English whatever the user's locale is.
QString format(qint64 ms, const QString &pattern)
{
    return QLocale::c().toString(utc(ms), pattern);
}
} // namespace

QString sparkTime(qint64 ms) { return format(ms, QStringLiteral("yy/MM/dd HH:mm:ss")); }
QString log4jTime(qint64 ms) { return format(ms, QStringLiteral("yyyy-MM-dd HH:mm:ss,zzz")); }
QString s3Time(qint64 ms) { return format(ms, QStringLiteral("dd/MMM/yyyy:HH:mm:ss +0000")); }
QString syslogTime(qint64 ms)
{
    // syslog pads single-digit days with a space: "Mar  1 04:02:17".
    const QDateTime dt = utc(ms);
    return QLocale::c().toString(dt, QStringLiteral("MMM")) + QLatin1Char(' ')
           + QStringLiteral("%1").arg(dt.date().day(), 2, 10, QLatin1Char(' ')) + QLatin1Char(' ')
           + QLocale::c().toString(dt, QStringLiteral("HH:mm:ss"));
}

QString isoTime(qint64 ms, int fraction)
{
    QString s = format(ms, QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (fraction > 0) {
        // Sub-millisecond digits are derived from the time itself so they stay deterministic.
        QString frac = QStringLiteral("%1").arg(ms % 1000, 3, 10, QLatin1Char('0'));
        quint64 h = mixSeed(quint64(ms), 7);
        while (frac.size() < fraction) {
            frac += QLatin1Char(char('0' + h % 10));
            h /= 10;
        }
        s += QLatin1Char('.') + frac.left(fraction);
    }
    return s + QLatin1Char('Z');
}

QString kubeAge(qint64 ms)
{
    // kubectl's duration.HumanDuration, the same thresholds.
    const qint64 seconds = std::max<qint64>(0, ms / 1000);
    if (seconds < 120)
        return QStringLiteral("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 10)
        return seconds % 60 == 0 ? QStringLiteral("%1m").arg(minutes)
                                 : QStringLiteral("%1m%2s").arg(minutes).arg(seconds % 60);
    if (minutes < 180)
        return QStringLiteral("%1m").arg(minutes);
    const qint64 hours = minutes / 60;
    return minutes % 60 == 0 ? QStringLiteral("%1h").arg(hours)
                             : QStringLiteral("%1h%2m").arg(hours).arg(minutes % 60);
}

QString jsonString(const QString &value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString jsonLine(std::initializer_list<QPair<QString, QString>> fields)
{
    QString out = QStringLiteral("{");
    bool first = true;
    for (const auto &field : fields) {
        if (!first)
            out += QLatin1Char(',');
        first = false;
        const bool raw = field.first.startsWith(QLatin1Char('#'));
        out += jsonString(raw ? field.first.mid(1) : field.first) + QLatin1Char(':')
               + (raw ? field.second : jsonString(field.second));
    }
    return out + QLatin1Char('}');
}

namespace names {

const QStringList &domains()
{
    static const QStringList d = {
        QStringLiteral("orders"),    QStringLiteral("payments"),  QStringLiteral("checkout"),
        QStringLiteral("billing"),   QStringLiteral("inventory"), QStringLiteral("clickstream"),
        QStringLiteral("customers"), QStringLiteral("ledger"),    QStringLiteral("shipments"),
        QStringLiteral("fraud"),     QStringLiteral("search"),    QStringLiteral("pricing"),
        QStringLiteral("invoices"),  QStringLiteral("sessions"),  QStringLiteral("telemetry"),
        QStringLiteral("accounts"),  QStringLiteral("refunds"),   QStringLiteral("catalog"),
    };
    return d;
}

QString table(Rng &rng)
{
    static const QStringList catalogs = {QStringLiteral("prod"), QStringLiteral("main"),
                                         QStringLiteral("lakehouse"), QStringLiteral("analytics")};
    static const QStringList schemas = {QStringLiteral("sales"), QStringLiteral("finance"),
                                        QStringLiteral("ops"), QStringLiteral("marketing"),
                                        QStringLiteral("core"), QStringLiteral("risk")};
    static const QStringList suffixes = {QStringLiteral("daily"), QStringLiteral("raw"),
                                         QStringLiteral("silver"), QStringLiteral("gold"),
                                         QStringLiteral("events"), QStringLiteral("snapshot"),
                                         QStringLiteral("v2"), QStringLiteral("hourly")};
    const QString catalog = rng.pick(catalogs);
    const QString schema = rng.pick(schemas);
    const QString domain = rng.pick(domains());
    return catalog + QLatin1Char('.') + schema + QLatin1Char('.') + domain + QLatin1Char('_') + rng.pick(suffixes);
}

QString column(Rng &rng)
{
    static const QStringList cols = {
        QStringLiteral("customer_id"), QStringLiteral("order_ts"),   QStringLiteral("amount"),
        QStringLiteral("currency"),    QStringLiteral("event_time"), QStringLiteral("updated_at"),
        QStringLiteral("sku"),         QStringLiteral("country_code"), QStringLiteral("discount_pct"),
        QStringLiteral("account_id"),  QStringLiteral("session_id"), QStringLiteral("merchant_id"),
        QStringLiteral("quantity"),    QStringLiteral("status"),     QStringLiteral("region"),
    };
    return rng.pick(cols);
}

QString bucket(Rng &rng)
{
    static const QStringList orgs = {QStringLiteral("acme"), QStringLiteral("globex"),
                                     QStringLiteral("initech"), QStringLiteral("umbrella"),
                                     QStringLiteral("hooli"), QStringLiteral("vandelay")};
    static const QStringList envs = {QStringLiteral("prod"), QStringLiteral("prd"),
                                     QStringLiteral("staging"), QStringLiteral("data")};
    static const QStringList tails = {QStringLiteral("raw"), QStringLiteral("landing"),
                                      QStringLiteral("exports"), QStringLiteral("lake"),
                                      QStringLiteral("archive"), QStringLiteral("artifacts")};
    const QString org = rng.pick(orgs);
    const QString env = rng.pick(envs);
    const QString domain = rng.pick(domains());
    return org + QLatin1Char('-') + env + QLatin1Char('-') + domain + QLatin1Char('-') + rng.pick(tails);
}

QString namespaceName(Rng &rng)
{
    static const QStringList suffixes = {QStringLiteral("prod"), QStringLiteral("svc"),
                                         QStringLiteral("backend"), QStringLiteral("platform"),
                                         QStringLiteral("live")};
    const QString domain = rng.pick(domains());
    return domain + QLatin1Char('-') + rng.pick(suffixes);
}

QString service(Rng &rng)
{
    static const QStringList kinds = {QStringLiteral("api"), QStringLiteral("worker"),
                                      QStringLiteral("gateway"), QStringLiteral("consumer"),
                                      QStringLiteral("sync"), QStringLiteral("scheduler")};
    const QString domain = rng.pick(domains());
    return domain + QLatin1Char('-') + rng.pick(kinds);
}

QString podName(Rng &rng, const QString &deployment)
{
    // ReplicaSet pod-template hash (9-10 chars) then the pod's 5-char suffix.
    const QString hash = rng.kubeSuffix(rng.uniformInt(9, 10));
    return deployment + QLatin1Char('-') + hash + QLatin1Char('-') + rng.kubeSuffix(5);
}

QString ec2Host(Rng &rng, QString *ip)
{
    const QString addr = rng.privateIp();
    if (ip)
        *ip = addr;
    QString host = addr;
    host.replace(QLatin1Char('.'), QLatin1Char('-'));
    return QStringLiteral("ip-") + host + QStringLiteral(".ec2.internal");
}

QString sparkAppName(Rng &rng)
{
    static const QStringList verbs = {QStringLiteral("ingest"), QStringLiteral("aggregate"),
                                      QStringLiteral("backfill"), QStringLiteral("compact"),
                                      QStringLiteral("enrich"), QStringLiteral("reconcile")};
    const QString domain = rng.pick(domains());
    return domain + QLatin1Char('_') + rng.pick(verbs);
}

QString awsAccount(Rng &rng) { return rng.digits(12); }

QString roleName(Rng &rng)
{
    static const QStringList tails = {QStringLiteral("etl-role"), QStringLiteral("job-runner"),
                                      QStringLiteral("reader"), QStringLiteral("service-role"),
                                      QStringLiteral("instance-profile")};
    const QString domain = rng.pick(domains());
    return domain + QLatin1Char('-') + rng.pick(tails);
}

QString dbHost(Rng &rng)
{
    static const QStringList kinds = {QStringLiteral("pg"), QStringLiteral("db"), QStringLiteral("mysql"),
                                      QStringLiteral("aurora")};
    const QString domain = rng.pick(domains());
    const QString kind = rng.pick(kinds);
    return domain + QLatin1Char('-') + kind + QStringLiteral("-") + QString::number(rng.uniform(1, 3))
           + QStringLiteral(".internal");
}

QString s3Key(Rng &rng)
{
    static const QStringList tops = {QStringLiteral("raw"), QStringLiteral("landing"), QStringLiteral("exports"),
                                     QStringLiteral("events"), QStringLiteral("snapshots")};
    static const QStringList ext = {QStringLiteral("parquet"), QStringLiteral("json.gz"), QStringLiteral("csv"),
                                    QStringLiteral("snappy.parquet")};
    // One draw per statement: the operands of + and the arguments of a call are evaluated in an
    // unspecified order, which would make the output depend on the compiler.
    const QString top = rng.pick(tops);
    const QString domain = rng.pick(domains());
    const qint64 month = rng.uniform(1, 12);
    const qint64 day = rng.uniform(1, 28);
    const qint64 part = rng.uniform(0, 199);
    const QString id = rng.uuid();
    const QString extension = rng.pick(ext);
    return top + QLatin1Char('/') + domain
           + QStringLiteral("/dt=2024-%1-%2/part-%3-%4.%5")
                 .arg(month, 2, 10, QLatin1Char('0'))
                 .arg(day, 2, 10, QLatin1Char('0'))
                 .arg(part, 5, 10, QLatin1Char('0'))
                 .arg(id, extension);
}

} // namespace names

int LogBuilder::add(Role role, const QString &text)
{
    m_lines.append(Line{role, text, m_now, {}});
    return int(m_lines.size());
}

int LogBuilder::addEventRow(Role role, const QStringList &columnsAfterAge)
{
    m_lines.append(Line{role, {}, m_now, columnsAfterAge});
    return int(m_lines.size());
}

void LogBuilder::finish(Incident &incident)
{
    GroundTruth &truth = incident.truth;
    truth.rootCauseLines.clear();
    truth.symptomLines.clear();
    truth.noiseLines.clear();

    // Event tables: the first column is the namespace, the second the age at capture time.
    const qint64 captureTime = m_now + m_rng.uniform(5000, 90000);
    QList<QStringList> rows;
    int columnCount = int(m_eventHeader.size());
    for (const Line &line : std::as_const(m_lines)) {
        if (line.columns.isEmpty())
            continue;
        QStringList row = line.columns;
        row.insert(1, kubeAge(captureTime - line.time));
        rows << row;
        columnCount = std::max(columnCount, int(row.size()));
    }
    QList<int> widths(columnCount, 0);
    auto measure = [&](const QStringList &row) {
        for (int c = 0; c + 1 < row.size(); ++c)
            widths[c] = std::max(widths[c], int(row[c].size()));
    };
    if (!rows.isEmpty()) {
        measure(m_eventHeader);
        for (const QStringList &row : std::as_const(rows))
            measure(row);
    }
    auto render = [&](const QStringList &row) {
        QString out;
        for (int c = 0; c < row.size(); ++c)
            out += c + 1 < row.size() ? row[c].leftJustified(widths[c] + 3) : row[c];
        return out;
    };

    QString text;
    int lineNo = 0;
    int rowIndex = 0;
    if (!rows.isEmpty() && !m_eventHeader.isEmpty()) {
        text += render(m_eventHeader) + QLatin1Char('\n');
        truth.noiseLines << ++lineNo;
    }
    for (const Line &line : std::as_const(m_lines)) {
        text += (line.columns.isEmpty() ? line.text : render(rows[rowIndex++])) + QLatin1Char('\n');
        ++lineNo;
        switch (line.role) {
        case Role::Cause: truth.rootCauseLines << lineNo; break;
        case Role::Symptom: truth.symptomLines << lineNo; break;
        case Role::Noise: truth.noiseLines << lineNo; break;
        case Role::Trace: break;
        }
    }
    incident.log = text;

    // An invented identifier must really be absent, or the hallucinated style would be honest.
    QList<QPair<QString, QString>> swaps;
    for (const auto &swap : std::as_const(incident.material.fakeSwaps)) {
        if (text.contains(swap.first) && !text.contains(swap.second, Qt::CaseInsensitive))
            swaps << swap;
    }
    incident.material.fakeSwaps = swaps;
}

} // namespace lab::synth::detail
