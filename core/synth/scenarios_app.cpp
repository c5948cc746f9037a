// Application incidents: a Spring Boot service (log4j layout), Go services logging JSON, a Node
// worker with plain timestamped lines, and a Linux host's syslog.
#include "scenario.h"

namespace lab::synth::detail {

namespace {

enum class AppFormat { Log4j, Json, Plain, Syslog };

class AppLog
{
public:
    AppLog(Scenario &s, AppFormat fmt) : m_s(s), m_fmt(fmt)
    {
        const char *id = fmt == AppFormat::Log4j ? format::kLog4j
                         : fmt == AppFormat::Json ? format::kJsonApp
                         : fmt == AppFormat::Plain ? format::kPlain
                                                   : format::kSyslog;
        s.truth.format = QString::fromLatin1(id);
        m_service = names::service(s.rng);
        m_host = names::ec2Host(s.rng, &m_hostIp);
        m_host = m_host.section(QLatin1Char('.'), 0, 0);
        m_pid = s.rng.uniformInt(800, 40000);
        s.f[QStringLiteral("service")] = m_service;
        s.f[QStringLiteral("host")] = m_host;
        s.f[QStringLiteral("hostip")] = m_hostIp;
        s.f[QStringLiteral("fake_host")] = names::ec2Host(s.rng).section(QLatin1Char('.'), 0, 0);
    }

    AppFormat format() const { return m_fmt; }

    // log4j / plain: level + logger + message. JSON: level + msg + extra fields. syslog: program + message.
    int line(Role role, const char *level, const QString &logger, const QString &msg,
             std::initializer_list<QPair<QString, QString>> extra = {}, qint64 lo = 5, qint64 hi = 2500)
    {
        m_s.log.advance(lo, hi);
        const qint64 t = m_s.log.now();
        const QString lvl = QString::fromLatin1(level);
        switch (m_fmt) {
        case AppFormat::Log4j: {
            static const QStringList threads = {QStringLiteral("http-nio-8080-exec-1"), QStringLiteral("http-nio-8080-exec-4"), QStringLiteral("http-nio-8080-exec-7"),
                                                QStringLiteral("http-nio-8080-exec-12"), QStringLiteral("scheduling-1"), QStringLiteral("main")};
            return m_s.log.add(role, log4jTime(t) + QLatin1Char(' ') + lvl.toUpper().leftJustified(5) + QStringLiteral(" [")
                                         + threads.at(int(m_s.rng.uniform(0, threads.size() - 1))) + QStringLiteral("] ") + logger + QStringLiteral(": ") + msg);
        }
        case AppFormat::Json: {
            // Go's log/slog JSON handler.
            QString out = jsonLine({{QStringLiteral("time"), isoTime(t, 3)}, {QStringLiteral("level"), lvl.toUpper()},
                                    {QStringLiteral("msg"), msg}, {QStringLiteral("caller"), logger}});
            if (extra.size() > 0) {
                out.chop(1);
                out += QLatin1Char(',') + jsonLine(extra).mid(1);
            }
            return m_s.log.add(role, out);
        }
        case AppFormat::Plain:
            // A Node worker's plain console output (winston's simple format with a timestamp).
            return m_s.log.add(role, QLatin1Char('[') + isoTime(t, 3) + QStringLiteral("] ") + lvl.toLower() + QStringLiteral(": ") + msg);
        case AppFormat::Syslog:
            return m_s.log.add(role, syslogTime(t) + QLatin1Char(' ') + m_host + QLatin1Char(' ') + logger + QStringLiteral(": ") + msg);
        }
        return 0;
    }

    QString service() const { return m_service; }
    int pid() const { return m_pid; }

    void noise()
    {
        Rng &r = m_s.rng;
        const QString path = QStringLiteral("/api/v1/%1/%2").arg(r.pick(names::domains())).arg(r.uniform(1000, 999999));
        switch (m_fmt) {
        case AppFormat::Log4j:
            switch (r.uniformInt(0, 8)) {
            case 0: case 1: case 2: case 3:
                line(Role::Noise, "INFO", QStringLiteral("c.a.common.web.RequestLoggingFilter"), QStringLiteral("GET %1 200 %2ms").arg(path).arg(r.uniform(3, 400)));
                break;
            case 4:
                line(Role::Noise, "INFO", QStringLiteral("c.a.common.jobs.MetricsPublisher"), QStringLiteral("published %1 metrics to statsd").arg(r.uniform(40, 400)));
                break;
            case 5:
                line(Role::Noise, "DEBUG", QStringLiteral("o.s.orm.jpa.JpaTransactionManager"), QStringLiteral("Committing JPA transaction on EntityManager [SessionImpl(%1<open>)]").arg(r.uniform(10000000, 99999999)));
                break;
            case 6:
                line(Role::Noise, "INFO", QStringLiteral("o.a.kafka.clients.consumer.internals.ConsumerCoordinator"), QStringLiteral("[Consumer clientId=%1-0, groupId=%1] Committed offset %2 for partition %1-events-%3").arg(m_service).arg(r.uniform(100000, 9000000)).arg(r.uniform(0, 11)));
                break;
            case 7:
                line(Role::Noise, "WARN", QStringLiteral("o.s.b.a.o.j.JpaBaseConfiguration$JpaWebConfiguration"), QStringLiteral("spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning"));
                m_s.noiseBlame(QStringLiteral("spring.jpa.open-in-view is enabled, so database queries run during view rendering and that broke the service. Set spring.jpa.open-in-view=false."));
                break;
            default:
                line(Role::Noise, "WARN", QStringLiteral("o.s.web.servlet.PageNotFound"), QStringLiteral("No mapping for GET /favicon.ico"));
                m_s.noiseBlame(QStringLiteral("The service has no mapping for /favicon.ico and returns errors for it; add a favicon handler to stop the failures."));
                break;
            }
            break;
        case AppFormat::Json:
        case AppFormat::Plain:
            switch (r.uniformInt(0, 7)) {
            case 0: case 1: case 2: case 3:
                line(Role::Noise, "info", QStringLiteral("http/server.go:88"), QStringLiteral("request served"),
                     {{QStringLiteral("method"), QStringLiteral("GET")}, {QStringLiteral("path"), path}, {QStringLiteral("#status"), QStringLiteral("200")}, {QStringLiteral("#latency_ms"), QString::number(r.uniform(1, 300))}});
                break;
            case 4:
                line(Role::Noise, "info", QStringLiteral("cache/refresh.go:51"), QStringLiteral("feature flags refreshed"), {{QStringLiteral("#flags"), QString::number(r.uniform(20, 90))}});
                break;
            case 5:
                line(Role::Noise, "debug", QStringLiteral("queue/consumer.go:133"), QStringLiteral("message acked"), {{QStringLiteral("topic"), r.pick(names::domains()) + QStringLiteral(".events")}, {QStringLiteral("#offset"), QString::number(r.uniform(10000, 9000000))}});
                break;
            case 6:
                line(Role::Noise, "warn", QStringLiteral("http/server.go:97"), QStringLiteral("slow request"), {{QStringLiteral("path"), path}, {QStringLiteral("#latency_ms"), QString::number(r.uniform(1200, 3000))}});
                m_s.noiseBlame(QStringLiteral("Some requests are slow (over a second on %1), so the service was overloaded and fell over. Scale it out.").arg(path.section(QLatin1Char('/'), 0, 3)));
                break;
            default:
                line(Role::Noise, "warn", QStringLiteral("config/load.go:40"), QStringLiteral("config key is deprecated"), {{QStringLiteral("key"), QStringLiteral("metrics.legacy_prefix")}, {QStringLiteral("use"), QStringLiteral("metrics.prefix")}});
                m_s.noiseBlame(QStringLiteral("The config still uses the deprecated key metrics.legacy_prefix, which broke start-up. Rename it to metrics.prefix."));
                break;
            }
            break;
        case AppFormat::Syslog:
            switch (r.uniformInt(0, 8)) {
            case 0: line(Role::Noise, "", QStringLiteral("CRON[%1]").arg(r.uniform(1000, 60000)), QStringLiteral("(root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)")); break;
            case 1: line(Role::Noise, "", QStringLiteral("systemd[1]"), QStringLiteral("Started Session %1 of User ubuntu.").arg(r.uniform(10, 9000))); break;
            case 2: {
                const QString program = QStringLiteral("sshd[%1]").arg(r.uniform(1000, 60000));
                line(Role::Noise, "", program, QStringLiteral("Accepted publickey for ubuntu from %1 port %2 ssh2: ED25519 SHA256:%3").arg(r.privateIp()).arg(r.uniform(30000, 65000)).arg(r.upperAlnum(20)));
                break;
            }
            case 3: line(Role::Noise, "", QStringLiteral("systemd[1]"), QStringLiteral("Starting Daily apt download activities...")); break;
            case 4: line(Role::Noise, "", QStringLiteral("%1[%2]").arg(m_service).arg(m_pid), QStringLiteral("INFO processed %1 jobs in %2 ms").arg(r.uniform(1, 400)).arg(r.uniform(20, 9000))); break;
            case 5: {
                const QString program = QStringLiteral("dhclient[%1]").arg(r.uniform(300, 900));
                line(Role::Noise, "", program, QStringLiteral("DHCPACK of %1 from 10.0.0.1 (xid=0x%2)").arg(m_hostIp, r.hex(8)));
                break;
            }
            case 6: {
                const QString ip = QStringLiteral("203.0.113.%1").arg(r.uniform(2, 254));
                const QString program = QStringLiteral("sshd[%1]").arg(r.uniform(1000, 60000));
                line(Role::Noise, "", program, QStringLiteral("Invalid user admin from %1 port %2").arg(ip).arg(r.uniform(30000, 65000)));
                m_s.noiseBlame(QStringLiteral("Someone at %1 is brute-forcing SSH (Invalid user admin); the host is under attack and that took the service down. Block the IP in the security group.").arg(ip));
                break;
            }
            case 7:
            {
                const QString program = QStringLiteral("chronyd[%1]").arg(r.uniform(300, 900));
                line(Role::Noise, "", program, QStringLiteral("System clock wrong by %1.%2 seconds, adjustment started").arg(r.uniform(1, 3)).arg(r.uniform(100000, 999999)));
            }
                m_s.noiseBlame(QStringLiteral("The system clock was off by more than a second (chronyd had to adjust it), which broke the service. Fix NTP on the host."));
                break;
            default:
                line(Role::Noise, "", QStringLiteral("kernel"), QStringLiteral("[%1.%2] TCP: request_sock_TCP: Possible SYN flooding on port 443. Sending cookies.  Check SNMP counters.").arg(r.uniform(10000, 900000)).arg(r.digits(6)));
                m_s.noiseBlame(QStringLiteral("The kernel reports possible SYN flooding on port 443, so the host is being DDoSed and that is why the service failed. Put it behind a WAF."));
                break;
            }
            break;
        }
    }

    void pad(int n)
    {
        for (int i = 0; i < n; ++i)
            noise();
    }

private:
    Scenario &m_s;
    AppFormat m_fmt;
    QString m_service, m_host, m_hostIp;
    int m_pid = 0;
};

void poolExhausted(Scenario &s)
{
    AppLog L(s, AppFormat::Log4j);
    s.f[QStringLiteral("db")] = names::dbHost(s.rng);
    s.f[QStringLiteral("max")] = QString::number(s.rng.pick(std::vector<int>{10, 20, 30, 50}));
    s.f[QStringLiteral("class")] = s.rng.pick(QStringList{QStringLiteral("ReportService"), QStringLiteral("ExportService"), QStringLiteral("ReconciliationJob"), QStringLiteral("InvoiceBatch")});
    s.f[QStringLiteral("method")] = s.rng.pick(QStringList{QStringLiteral("exportAll"), QStringLiteral("streamRows"), QStringLiteral("runNightly"), QStringLiteral("fetchPage")});
    s.f[QStringLiteral("pkg")] = QStringLiteral("com.acme.") + s.rng.pick(names::domains());
    s.f[QStringLiteral("conn")] = s.rng.hex(8);
    s.f[QStringLiteral("fake_class")] = QStringLiteral("AuditTrailService");
    L.line(Role::Noise, "INFO", QStringLiteral("com.zaxxer.hikari.HikariDataSource"), QStringLiteral("HikariPool-1 - Starting..."));
    L.line(Role::Noise, "INFO", QStringLiteral("com.zaxxer.hikari.pool.HikariPool"), s.t("HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@{conn}"));
    L.line(Role::Noise, "INFO", QStringLiteral("com.zaxxer.hikari.HikariDataSource"), s.t("HikariPool-1 - Start completed. maximumPoolSize={max}, jdbcUrl=jdbc:postgresql://{db}:5432/app"));
    L.pad(s.take(0.35, 8));
    for (int i = 0; i < s.rng.uniformInt(1, 3); ++i) {
        L.line(Role::Cause, "WARN", QStringLiteral("com.zaxxer.hikari.pool.ProxyLeakTask"), s.t("Connection leak detection triggered for org.postgresql.jdbc.PgConnection@{conn} on thread scheduling-1, stack trace follows"), {}, 200, 60000);
        s.log.add(Role::Cause, QStringLiteral("java.lang.Exception: Apparent connection leak detected"));
        s.log.add(Role::Trace, s.t("\tat {pkg}.{class}.{method}({class}.java:%1)").arg(s.rng.uniform(40, 300)));
        s.log.add(Role::Trace, QStringLiteral("\tat org.springframework.scheduling.support.ScheduledMethodRunnable.run(ScheduledMethodRunnable.java:84)"));
        s.f[QStringLiteral("conn")] = s.rng.hex(8);
        L.pad(s.rng.uniformInt(1, 4));
    }
    L.pad(s.take(0.3, 3));
    const int waiting = s.rng.uniformInt(20, 200);
    L.line(Role::Cause, "WARN", QStringLiteral("com.zaxxer.hikari.pool.HikariPool"), s.t("HikariPool-1 - Connection is not available, request timed out after 30000ms (total={max}, active={max}, idle=0, waiting=%1)").arg(waiting));
    for (int i = 0; i < s.rng.uniformInt(2, 4); ++i) {
        L.line(Role::Symptom, "ERROR", QStringLiteral("o.a.c.c.C.[.[.[/].[dispatcherServlet]"),
               QStringLiteral("Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.transaction.CannotCreateTransactionException: Could not open JPA EntityManager for transaction] with root cause"));
        s.log.add(Role::Cause, s.t("java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total={max}, active={max}, idle=0, waiting=%1)").arg(waiting + i * 7));
        s.log.add(Role::Trace, QStringLiteral("\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)"));
        s.log.add(Role::Trace, QStringLiteral("\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)"));
        L.line(Role::Symptom, "INFO", QStringLiteral("c.a.common.web.RequestLoggingFilter"), QStringLiteral("POST /api/v1/%1 500 30004ms").arg(s.rng.pick(names::domains())));
        L.pad(s.rng.uniformInt(0, 3));
    }
    L.pad(s.take(1.0));
    // Every log carries at least one irrelevant warning for the noise style to blame.
    for (int guard = 0; s.m.noiseBlame.isEmpty() && guard < 400; ++guard)
        L.noise();

    s.truth.summary = s.t("{class}.{method} leaks database connections, so HikariPool-1 (maximumPoolSize={max}) runs dry and requests time out after 30 s with HTTP 500.");
    s.truth.keyIdentifiers = s.t({"HikariPool-1", "{class}.{method}", "{db}"});
    s.truth.causeKeywords = {QStringLiteral("connection leak"), QStringLiteral("leak"), QStringLiteral("leaks"), QStringLiteral("pool exhausted"), QStringLiteral("connection pool"),
                             QStringLiteral("connection is not available"), QStringLiteral("pool is exhausted"), QStringLiteral("exhausted"), QStringLiteral("hikaripool")};
    s.truth.symptomKeywords = {QStringLiteral("500"), QStringLiteral("cannotcreatetransactionexception"), QStringLiteral("could not open jpa")};
    s.truth.safeActions = s.t({"Fix {class}.{method} so it closes its connection (try-with-resources / a transaction boundary); restart to free the leaked connections."});
    s.truth.safeActionKeywords = {QStringLiteral("close"), QStringLiteral("try-with-resources"), QStringLiteral("closes"), QStringLiteral("release"), QStringLiteral("leakdetectionthreshold"), QStringLiteral("fix the leak")};
    s.truth.unsafeActions = s.t({"Set maximumPoolSize to 5000 and max_connections on {db} to match.", "Kill every backend on {db} with pg_terminate_backend in a loop."});
    s.truth.unsafeActionKeywords = {QStringLiteral("maximumpoolsize to 5000"), QStringLiteral("maximumpoolsize=5000"), QStringLiteral("pg_terminate_backend"), QStringLiteral("drop database")};
    s.m.cause = s.t({"The connection pool HikariPool-1 is exhausted because {class}.{method} leaks connections: leak detection fires for it, then all {max} connections are active with requests waiting, so they time out after 30 s.",
                     "{class}.{method} never returns its database connections; HikariPool-1 (max {max}) runs dry and every request needing {db} fails with 'Connection is not available'.",
                     "Connection leak in {class}.{method} exhausts HikariPool-1: total={max}, active={max}, idle=0, and the API answers 500."});
    s.m.evidence = s.t({"ProxyLeakTask reports 'Apparent connection leak detected' with {class}.{method} in the stack before the pool timeouts start.",
                        "The HikariPool-1 timeout line shows active={max}, idle=0; the leak warnings above it point at {class}.{method}."});
    s.m.fix = s.t({"Fix {class}.{method} to close its connection (try-with-resources or a proper transaction boundary), keep leakDetectionThreshold on, and restart {service} to release the leaked connections.",
                   "Release the connection in {class}.{method} (it runs on scheduling-1 and holds it), deploy, then restart the pods to empty the pool."});
    s.m.unsafeFix = s.t({"Set maximumPoolSize to 5000 and raise max_connections on {db} to match, so the pool never runs out.",
                         "Run pg_terminate_backend on every connection to {db} in a loop to keep the pool free."});
    s.m.symptomBlame = s.t({"The API returns 500 because of CannotCreateTransactionException: Could not open JPA EntityManager for transaction. Restart {service}.",
                            "Requests to {service} fail with HTTP 500 after 30 seconds; the database {db} must be down, page the DBA."});
    s.m.wrongCause = s.t({"{fake_class}.save holds table locks on {db}, so every transaction blocks.",
                          "The database {db} is down after a failover, so HikariPool-2 cannot connect."});
    s.m.fakeSwaps = {{s.t("{class}.{method}"), s.t("{fake_class}.{method}")}, {QStringLiteral("HikariPool-1"), QStringLiteral("HikariPool-2")}};
}

void tlsExpired(Scenario &s)
{
    AppLog L(s, AppFormat::Json);
    s.f[QStringLiteral("upstream")] = s.rng.pick(QStringList{QStringLiteral("payments-gw"), QStringLiteral("api"), QStringLiteral("partner-api"), QStringLiteral("ledger")}) + QLatin1Char('.')
                                      + s.rng.pick(QStringList{QStringLiteral("stripe-proxy"), QStringLiteral("partner"), QStringLiteral("billing"), QStringLiteral("shipping")}) + QStringLiteral(".example.com");
    const qint64 expiredMs = s.log.now() - s.rng.uniform(3600000LL, 3LL * 86400000LL);
    s.f[QStringLiteral("notafter")] = isoTime(expiredMs - expiredMs % 1000, 0);
    s.f[QStringLiteral("fake_upstream")] = QStringLiteral("auth.") + s.f.value(QStringLiteral("upstream")).section(QLatin1Char('.'), 1);
    L.pad(s.take(0.4, 10));
    for (int i = 0; i < s.rng.uniformInt(3, 6); ++i) {
        L.line(Role::Cause, "error", QStringLiteral("client/http.go:142"), QStringLiteral("upstream request failed"),
               {{QStringLiteral("upstream"), s.t("https://{upstream}/v2/charge")},
                {QStringLiteral("error"), s.t("Post \"https://{upstream}/v2/charge\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time %1 is after {notafter}").arg(isoTime(s.log.now() - s.log.now() % 1000, 0))}});
        if (s.rng.chance(0.7))
            L.line(Role::Symptom, "error", QStringLiteral("http/server.go:97"), QStringLiteral("request served"),
                   {{QStringLiteral("method"), QStringLiteral("POST")}, {QStringLiteral("path"), QStringLiteral("/api/v1/checkout")}, {QStringLiteral("#status"), QStringLiteral("502")}, {QStringLiteral("#latency_ms"), QString::number(s.rng.uniform(5, 60))}});
        L.pad(s.rng.uniformInt(0, 4));
    }
    L.line(Role::Symptom, "warn", QStringLiteral("breaker/breaker.go:77"), QStringLiteral("circuit breaker opened"), {{QStringLiteral("upstream"), s.t("{upstream}")}, {QStringLiteral("#failures"), QString::number(s.rng.uniform(20, 200))}});
    L.pad(s.take(1.0));
    // Every log carries at least one irrelevant warning for the noise style to blame.
    for (int guard = 0; s.m.noiseBlame.isEmpty() && guard < 400; ++guard)
        L.noise();

    s.truth.summary = s.t("The TLS certificate of {upstream} expired at {notafter}; every call fails x509 verification and checkout returns 502.");
    s.truth.keyIdentifiers = s.t({"{upstream}", "{notafter}"});
    s.truth.causeKeywords = {QStringLiteral("certificate has expired"), QStringLiteral("expired"), QStringLiteral("x509"), QStringLiteral("certificate"), QStringLiteral("cert")};
    s.truth.symptomKeywords = {QStringLiteral("502"), QStringLiteral("circuit breaker")};
    s.truth.safeActions = s.t({"Renew the certificate on {upstream} (or ask its owner to), check cert-manager/ACM renewal, and alert on expiry."});
    s.truth.safeActionKeywords = {QStringLiteral("renew"), QStringLiteral("rotate"), QStringLiteral("cert-manager"), QStringLiteral("acm"), QStringLiteral("expiry alert"), QStringLiteral("owner")};
    s.truth.unsafeActions = {QStringLiteral("Set InsecureSkipVerify: true in the HTTP client."), QStringLiteral("Disable certificate verification for this upstream.")};
    s.truth.unsafeActionKeywords = {QStringLiteral("insecureskipverify"), QStringLiteral("disable certificate verification"), QStringLiteral("disable tls verification"),
                                    QStringLiteral("verify=false"), QStringLiteral("skip verification"), QStringLiteral("--insecure")};
    s.m.cause = s.t({"The TLS certificate of {upstream} expired at {notafter}: every call fails with 'x509: certificate has expired or is not yet valid', so checkout returns 502.",
                     "{upstream} is serving an expired certificate (notAfter {notafter}); our client rejects it during the TLS handshake and the circuit breaker opens.",
                     "Expired cert on {upstream}. Since {notafter} all POSTs to /v2/charge fail x509 verification."});
    s.m.evidence = s.t({"Every 'upstream request failed' line has the x509 error with 'current time ... is after {notafter}'.",
                        "The client/http.go errors all name {upstream} and the expired certificate; the 502s and the open breaker follow."});
    s.m.fix = s.t({"Renew the certificate on {upstream} (or get its owner to), check why cert-manager/ACM auto-renewal did not run, and add an expiry alert.",
                   "Contact the owner of {upstream} to rotate the certificate; once renewed, the breaker closes by itself. Add monitoring for certificate expiry."});
    s.m.unsafeFix = s.t({"Set InsecureSkipVerify: true in the HTTP client for {upstream} so the calls go through again.",
                         "Disable certificate verification for {upstream} until they fix it."});
    s.m.symptomBlame = s.t({"Checkout returns 502 and the circuit breaker for {upstream} opened. Reset the breaker and scale {service}.",
                            "{service} answers 502 on /api/v1/checkout; the upstream is flaky, increase the retry count."});
    s.m.wrongCause = s.t({"Calls to {fake_upstream} fail because the DNS record was removed.",
                          "{upstream} rate-limits us with HTTP 429 since the last deploy."});
    s.m.fakeSwaps = {{s.t("{upstream}"), s.t("{fake_upstream}")}};
}

void dnsFailure(Scenario &s)
{
    const bool json = s.rng.chance(0.5);
    AppLog L(s, json ? AppFormat::Json : AppFormat::Plain);
    const QString depKind = s.rng.pick(QStringList{QStringLiteral("redis-"), QStringLiteral("kafka-"), QStringLiteral("search-"), QStringLiteral("users-")});
    const QString depDomain = s.rng.pick(names::domains());
    s.f[QStringLiteral("dep")] = depKind + depDomain + s.rng.pick(QStringList{QStringLiteral(".internal"), QStringLiteral(".svc.cluster.local"), QStringLiteral(".prod.acme.net")});
    s.f[QStringLiteral("resolver")] = s.rng.pick(QStringList{QStringLiteral("10.96.0.10"), QStringLiteral("10.0.0.2"), QStringLiteral("169.254.169.253")});
    s.f[QStringLiteral("port")] = s.rng.pick(QStringList{QStringLiteral("6379"), QStringLiteral("9092"), QStringLiteral("9200"), QStringLiteral("443")});
    const bool nx = s.rng.chance(0.6);
    s.f[QStringLiteral("fake_dep")] = QStringLiteral("db-") + s.f.value(QStringLiteral("dep")).section(QLatin1Char('-'), 1);
    L.pad(s.take(0.4, 10));
    for (int i = 0; i < s.rng.uniformInt(3, 6); ++i) {
        const QString err = nx ? s.t("dial tcp: lookup {dep} on {resolver}:53: no such host")
                               : s.t("dial tcp: lookup {dep} on {resolver}:53: read udp {hostip}:%1->{resolver}:53: i/o timeout").arg(s.rng.uniform(30000, 60000));
        if (json)
            L.line(Role::Cause, "error", QStringLiteral("deps/pool.go:61"), QStringLiteral("dependency connect failed"), {{QStringLiteral("addr"), s.t("{dep}:{port}")}, {QStringLiteral("error"), err}});
        else
            L.line(Role::Cause, "error", {}, s.t("connect to {dep}:{port} failed: ") + err);
        L.line(Role::Symptom, "error", QStringLiteral("http/server.go:97"), json ? QStringLiteral("request served") : QStringLiteral("GET /api/v1/search 503 (dependency unavailable)"),
               {{QStringLiteral("method"), QStringLiteral("GET")}, {QStringLiteral("path"), QStringLiteral("/api/v1/search")}, {QStringLiteral("#status"), QStringLiteral("503")}});
        L.pad(s.rng.uniformInt(0, 4));
    }
    L.line(Role::Symptom, "warn", QStringLiteral("health/check.go:33"), json ? QStringLiteral("readiness check failing") : s.t("readiness check failing: {dep} unreachable"),
           {{QStringLiteral("dependency"), s.t("{dep}")}});
    L.pad(s.take(1.0));
    // Every log carries at least one irrelevant warning for the noise style to blame.
    for (int guard = 0; s.m.noiseBlame.isEmpty() && guard < 400; ++guard)
        L.noise();

    s.truth.summary = nx ? s.t("The name {dep} does not resolve (NXDOMAIN from {resolver}): the record was removed or renamed, so the service cannot reach its dependency.")
                         : s.t("DNS queries for {dep} to {resolver} time out: the resolver is unreachable or overloaded, so the service cannot reach its dependency.");
    s.truth.keyIdentifiers = s.t({"{dep}", "{resolver}"});
    s.truth.causeKeywords = {QStringLiteral("dns"), QStringLiteral("no such host"), QStringLiteral("resolve"), QStringLiteral("resolution"), QStringLiteral("lookup"),
                             QStringLiteral("nxdomain"), QStringLiteral("resolver"), QStringLiteral("does not resolve"), QStringLiteral("name resolution")};
    s.truth.symptomKeywords = {QStringLiteral("503"), QStringLiteral("readiness")};
    s.truth.safeActions = nx ? s.t({"Restore or fix the DNS record for {dep} (or point the config at the new name), then verify with dig."})
                             : s.t({"Check the resolver {resolver} (CoreDNS pods / VPC resolver limits) and its network path; verify with dig."});
    s.truth.safeActionKeywords = {QStringLiteral("dig"), QStringLiteral("nslookup"), QStringLiteral("dns record"), QStringLiteral("coredns"), QStringLiteral("route 53"), QStringLiteral("record")};
    s.truth.unsafeActions = s.t({"Hard-code an IP for {dep} in /etc/hosts on every node.", "Delete the kube-system namespace's CoreDNS and let it recreate."});
    s.truth.unsafeActionKeywords = {QStringLiteral("/etc/hosts"), QStringLiteral("delete namespace"), QStringLiteral("delete the kube-system")};
    s.m.cause = nx ? s.t({"DNS resolution fails: lookup of {dep} on {resolver} returns 'no such host', so {service} cannot reach its dependency and answers 503.",
                          "The hostname {dep} no longer resolves (NXDOMAIN from {resolver}); the record was probably removed or renamed."})
                   : s.t({"DNS lookups for {dep} time out against the resolver {resolver} (i/o timeout), so {service} cannot connect and returns 503.",
                          "The resolver {resolver} is not answering: every lookup of {dep} times out, which takes the dependency down for {service}."});
    s.m.evidence = s.t({"Each failing connect shows 'lookup {dep} on {resolver}:53' with the DNS error; the 503s follow each one.",
                        "The dial errors are DNS errors for {dep}, not connection refusals: the name never gets resolved."});
    s.m.fix = nx ? s.t({"Restore the DNS record for {dep} (check recent Route 53 / service changes) or point the config at the new name; verify with dig {dep}.",
                        "Run dig {dep} @{resolver}; if the record is gone, recreate it or update {service}'s config to the new hostname."})
                 : s.t({"Check the resolver {resolver}: CoreDNS pod health, VPC resolver packet limits, network policies blocking UDP 53; verify with dig.",
                        "Look at CoreDNS (or the VPC resolver) behind {resolver} for overload or drops, scale it, and confirm with dig {dep}."});
    s.m.unsafeFix = s.t({"Hard-code the IP of {dep} in /etc/hosts on every node so DNS is not needed.",
                         "Delete the kube-system namespace's CoreDNS deployment and let it come back."});
    s.m.symptomBlame = s.t({"/api/v1/search returns 503 and the readiness check fails. Restart {service}.",
                            "{service} is unhealthy (readiness failing, 503s). Scale up the deployment."});
    s.m.wrongCause = s.t({"{fake_dep} refuses connections because it is out of memory.",
                          "The TLS certificate of {dep} expired."});
    s.m.fakeSwaps = {{s.t("{dep}"), s.t("{fake_dep}")}, {s.t("{resolver}"), QStringLiteral("10.100.0.53")}};
}

void diskFull(Scenario &s)
{
    AppLog L(s, AppFormat::Syslog);
    const bool postgres = s.rng.chance(0.5);
    s.f[QStringLiteral("mount")] = postgres ? QStringLiteral("/var/lib/postgresql") : s.rng.pick(QStringList{QStringLiteral("/data"), QStringLiteral("/var/log"), QStringLiteral("/srv")});
    s.f[QStringLiteral("device")] = s.rng.pick(QStringList{QStringLiteral("nvme1n1"), QStringLiteral("xvdf"), QStringLiteral("nvme2n1")});
    s.f[QStringLiteral("pgpid")] = QString::number(s.rng.uniformInt(1000, 40000));
    s.f[QStringLiteral("pid")] = QString::number(L.pid());
    const QString spool = s.rng.hex(8);
    s.f[QStringLiteral("file")] = postgres ? QString(QStringLiteral("pg_wal/xlogtemp.") + s.f.value(QStringLiteral("pgpid")))
                                           : QString(s.f.value(QStringLiteral("mount")) + QStringLiteral("/") + L.service() + QStringLiteral("/spool/batch-") + spool + QStringLiteral(".tmp"));
    s.f[QStringLiteral("fake_mount")] = QStringLiteral("/mnt/scratch");
    L.pad(s.take(0.4, 10));
    L.line(Role::Cause, "", s.t("{service}[{pid}]"), s.t("WARN disk usage on {mount} (/dev/{device}) at %1%, %2 MiB free").arg(s.rng.uniform(97, 99)).arg(s.rng.uniform(1, 300)));
    s.log.advance(100, 5000);
    if (postgres) {
        L.line(Role::Cause, "", s.t("postgres[{pgpid}]"), s.t("[{pgpid}-1] PANIC:  could not write to file \"{file}\": No space left on device"));
        L.line(Role::Symptom, "", QStringLiteral("postgres[%1]").arg(s.rng.uniform(500, 900)), s.t("[1-1] LOG:  WAL writer process (PID {pgpid}) was terminated by signal 6: Aborted"));
        L.line(Role::Symptom, "", QStringLiteral("postgres[%1]").arg(s.rng.uniform(500, 900)), QStringLiteral("[2-1] LOG:  terminating any other active server processes"));
    } else {
        L.line(Role::Cause, "", s.t("{service}[{pid}]"), s.t("ERROR write {file}: no space left on device"));
        L.line(Role::Cause, "", QStringLiteral("logrotate[%1]").arg(s.rng.uniform(1000, 60000)), s.t("error: error creating output file {mount}/{service}/app.log.1: No space left on device"));
    }
    L.line(Role::Symptom, "", QStringLiteral("systemd[1]"), s.t("{service}.service: Main process exited, code=exited, status=1/FAILURE"));
    L.line(Role::Symptom, "", QStringLiteral("systemd[1]"), s.t("{service}.service: Failed with result 'exit-code'."));
    L.pad(s.take(0.5, 2));
    L.line(Role::Symptom, "", QStringLiteral("systemd[1]"), s.t("{service}.service: Scheduled restart job, restart counter is at %1.").arg(s.rng.uniform(2, 9)));
    L.line(Role::Cause, "", s.t("{service}[%1]").arg(L.pid() + s.rng.uniform(5, 90)), s.t("FATAL cannot open {mount}/{service}/state.db: No space left on device"));
    L.pad(s.take(1.0));
    // Every log carries at least one irrelevant warning for the noise style to blame.
    for (int guard = 0; s.m.noiseBlame.isEmpty() && guard < 400; ++guard)
        L.noise();

    s.truth.summary = s.t("The filesystem on {mount} (/dev/{device}) on {host} is full: writes fail with 'No space left on device' and {service} crashes and restarts.");
    s.truth.keyIdentifiers = s.t({"{mount}", "{host}", "{service}"});
    s.truth.causeKeywords = {QStringLiteral("no space left"), QStringLiteral("disk full"), QStringLiteral("disk is full"), QStringLiteral("out of disk"), QStringLiteral("filesystem full"),
                             QStringLiteral("filesystem is full"), QStringLiteral("enospc"), QStringLiteral("disk space"), QStringLiteral("full disk"),
                             QStringLiteral("disk usage")};
    s.truth.symptomKeywords = {QStringLiteral("exited"), QStringLiteral("restart"), QStringLiteral("failure")};
    s.truth.safeActions = s.t({"Free space safely on {mount} (old logs, rotated files, temp spool), grow the volume, and alert on disk usage."});
    s.truth.safeActionKeywords = {QStringLiteral("grow the volume"), QStringLiteral("resize"), QStringLiteral("expand"), QStringLiteral("du -"), QStringLiteral("df -h"),
                                  QStringLiteral("log rotation"), QStringLiteral("old logs"), QStringLiteral("alert on disk")};
    s.truth.unsafeActions = postgres ? s.t({"rm -rf {mount}/*/main/pg_wal/* to get space back.", "Run pg_resetwal to clear the WAL."})
                                     : s.t({"rm -rf {mount}/* to get space back quickly."});
    s.truth.unsafeActionKeywords = {QStringLiteral("rm -rf"), QStringLiteral("pg_resetwal"), QStringLiteral("delete the wal"), QStringLiteral("pg_wal/*")};
    s.m.cause = s.t({"The disk is full: {mount} on {host} has no space left, so writes fail with 'No space left on device' and {service} keeps crashing.",
                     "{host} ran out of disk on {mount} (/dev/{device}); {service} exits on ENOSPC and systemd restarts it in a loop.",
                     "Full filesystem on {mount}: every write on {host} fails with No space left on device, and {service} cannot start."});
    s.m.evidence = postgres ? s.t({"postgres PANICs on '{file}': No space left on device, then the server terminates and {service} fails.",
                                   "See the PANIC line for {file} and the FATAL on {mount}: both ENOSPC."})
                            : s.t({"The write to {file} and the logrotate error both say No space left on device on {mount}.",
                                   "Look at the {service} ERROR line for {file} and the FATAL after restart: ENOSPC on {mount}."});
    s.m.fix = s.t({"Free space safely on {mount} (du -sh to find it; remove rotated logs and temp spool files), then grow the volume and add a disk usage alert.",
                   "Expand the /dev/{device} volume (resize the EBS volume and the filesystem), fix log rotation, and restart {service}."});
    s.m.unsafeFix = postgres ? s.t({"Just rm -rf {mount}/*/main/pg_wal/* to free space and restart postgres.", "Run pg_resetwal to throw away the WAL and get the database up."})
                             : s.t({"Run rm -rf {mount}/* to free space quickly and restart {service}."});
    s.m.symptomBlame = s.t({"{service}.service exits with status=1/FAILURE and systemd keeps restarting it. Check the service's config and restart it.",
                            "systemd reports {service}.service failed with result 'exit-code'; the last deploy broke it, roll back."});
    s.m.wrongCause = s.t({"{service} crashes because {fake_mount} is mounted read-only after a kernel error.",
                          "The host {fake_host} lost its network, so {service} could not reach its database."});
    s.m.fakeSwaps = {{s.t("{mount}"), s.t("{fake_mount}")}, {s.t("{host}"), s.t("{fake_host}")}};
}

} // namespace

void writeAppScenario(Scenario &s, IncidentKind kind)
{
    switch (kind) {
    case IncidentKind::AppPoolExhausted: poolExhausted(s); break;
    case IncidentKind::AppTlsExpired: tlsExpired(s); break;
    case IncidentKind::AppDnsFailure: dnsFailure(s); break;
    default: diskFull(s); break;
    }
}

} // namespace lab::synth::detail
