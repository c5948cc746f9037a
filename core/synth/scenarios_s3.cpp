// S3: the bucket's server access log (the documented space-separated layout) or the client side,
// a Python service logging boto3 errors as JSON.
#include "scenario.h"

namespace lab::synth::detail {

namespace {

class S3Log
{
public:
    S3Log(Scenario &s, bool serverSide) : m_s(s), m_server(serverSide)
    {
        s.truth.format = QString::fromLatin1(serverSide ? format::kS3Access : format::kJsonApp);
        m_owner = s.rng.hex(64);
        m_account = names::awsAccount(s.rng);
        m_bucket = names::bucket(s.rng);
        m_role = names::roleName(s.rng);
        m_instance = QStringLiteral("i-0") + s.rng.hex(16);
        m_clientIp = s.rng.privateIp();
        m_service = names::service(s.rng);
        s.f[QStringLiteral("bucket")] = m_bucket;
        s.f[QStringLiteral("role")] = m_role;
        s.f[QStringLiteral("account")] = m_account;
        s.f[QStringLiteral("service")] = m_service;
        s.f[QStringLiteral("clientip")] = m_clientIp;
        s.f[QStringLiteral("arn")] = requester(m_role);
        s.f[QStringLiteral("fake_bucket")] = m_bucket.section(QLatin1Char('-'), 0, 1) + QStringLiteral("-shared-") + m_bucket.section(QLatin1Char('-'), -1);
        s.f[QStringLiteral("fake_role")] = m_role.section(QLatin1Char('-'), 0, 0) + QStringLiteral("-admin-role");
        for (int i = 0; i < 3; ++i)
            m_otherRoles << names::roleName(s.rng);
        for (int i = 0; i < 4; ++i)
            m_clientPool << s.rng.privateIp();
    }

    bool serverSide() const { return m_server; }
    QString requester(const QString &role) const
    {
        return QStringLiteral("arn:aws:sts::%1:assumed-role/%2/%3").arg(m_account, role, m_instance);
    }

    // One access log record; fields in the documented order.
    int access(Role role, const QString &op, const QString &key, const QString &method, int status, const QString &error,
               const QString &who, const QString &ip, qint64 lo = 5, qint64 hi = 4000, qint64 bytes = -1)
    {
        m_s.log.advance(lo, hi);
        Rng &r = m_s.rng;
        const QString uri = key == QLatin1String("-") ? QStringLiteral("/%1?list-type=2&prefix=%2").arg(m_bucket, m_prefixForList)
                                                      : QStringLiteral("/%1/%2").arg(m_bucket, key);
        const qint64 sent = bytes >= 0 ? bytes : (status >= 400 ? r.uniform(200, 400) : method == QLatin1String("GET") ? r.uniform(1000, 90000000) : 0);
        const QString objectSize = status >= 400 || method != QLatin1String("GET") ? QStringLiteral("-") : QString::number(sent);
        const qint64 total = r.uniform(3, 900);
        const QString ua = who == QLatin1String("AmazonS3") ? QStringLiteral("\"-\"")
                           : who.contains(m_role) ? m_s.rng.pick(QStringList{QStringLiteral("\"aws-sdk-java/1.12.470 Linux/5.15 OpenJDK_64-Bit_Server_VM/25.372-b07 java/1.8.0_372 scala/2.12.15 vendor/Azul_Systems,_Inc. cfg/retry-mode/legacy\""),
                                                                               QStringLiteral("\"Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux#5.10 md/arch#x86_64 lang/python#3.11.8\"")})
                                                : QStringLiteral("\"aws-cli/2.15.10 Python/3.11.6 Linux/6.2.0 exe/x86_64.ubuntu.22 prompt/off command/s3.cp\"");
        QString hostId = r.upperAlnum(40);
        hostId += r.hex(20) + QStringLiteral("=");
        const QString line = QStringLiteral("%1 %2 [%3] %4 %5 %6 %7 %8 \"%9 %10 HTTP/1.1\" %11 %12 %13 %14 %15 %16 \"-\" %17 - %18 SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader %2.s3.us-east-1.amazonaws.com TLSv1.2 - -")
                                 .arg(m_owner, m_bucket, s3Time(m_s.log.now()), ip, who, r.upperAlnum(16), op, key, method)
                                 .arg(uri).arg(status).arg(error.isEmpty() ? QStringLiteral("-") : error)
                                 .arg(sent == 0 ? QStringLiteral("-") : QString::number(sent)).arg(objectSize)
                                 .arg(total).arg(status >= 400 ? QStringLiteral("-") : QString::number(std::max<qint64>(1, total - r.uniform(0, 3))))
                                 .arg(ua, hostId);
        return m_s.log.add(role, line);
    }

    // One JSON log line of the client service.
    int client(Role role, const char *level, const QString &logger, const QString &msg, std::initializer_list<QPair<QString, QString>> extra = {},
               qint64 lo = 5, qint64 hi = 3000)
    {
        m_s.log.advance(lo, hi);
        // python-json-logger with a renamed time field, as most Python services configure it.
        QString line = jsonLine({{QStringLiteral("timestamp"), isoTime(m_s.log.now(), 3)},
                                 {QStringLiteral("level"), QString::fromLatin1(level).toUpper()},
                                 {QStringLiteral("logger"), logger},
                                 {QStringLiteral("service"), m_service},
                                 {QStringLiteral("message"), msg}});
        if (extra.size() > 0) {
            line.chop(1);
            const QString tail = jsonLine(extra);
            line += QLatin1Char(',') + tail.mid(1);
        }
        return m_s.log.add(role, line);
    }

    QString randomKey() { return names::s3Key(m_s.rng); }

    void noise()
    {
        Rng &r = m_s.rng;
        if (!m_server) {
            switch (r.uniformInt(0, 7)) {
            case 0: case 1: case 2:
                client(Role::Noise, "info", QStringLiteral("app.worker"), QStringLiteral("processed batch"), {{QStringLiteral("#records"), QString::number(r.uniform(100, 50000))}, {QStringLiteral("#duration_ms"), QString::number(r.uniform(20, 3000))}});
                break;
            case 3:
                client(Role::Noise, "info", QStringLiteral("app.s3"), QStringLiteral("uploaded object"), {{QStringLiteral("bucket"), m_bucket}, {QStringLiteral("key"), QStringLiteral("exports/") + r.pick(names::domains()) + QStringLiteral("/") + r.hex(12) + QStringLiteral(".json.gz")}});
                break;
            case 4:
                client(Role::Noise, "debug", QStringLiteral("botocore.credentials"), QStringLiteral("Found credentials from IAM Role: ") + m_role);
                break;
            case 5:
                client(Role::Noise, "info", QStringLiteral("uvicorn.access"), QStringLiteral("%1:%2 - \"GET /healthz HTTP/1.1\" 200").arg(r.privateIp()).arg(r.uniform(30000, 60000)));
                break;
            case 6:
                client(Role::Noise, "warning", QStringLiteral("py.warnings"), QStringLiteral("DeprecationWarning: datetime.datetime.utcnow() is deprecated and scheduled for removal in a future version."));
                m_s.noiseBlame(QStringLiteral("The service calls datetime.utcnow(), which is deprecated, and that broke the S3 calls. Replace it with datetime.now(timezone.utc)."));
                break;
            default:
                client(Role::Noise, "warning", QStringLiteral("urllib3.connectionpool"), QStringLiteral("Connection pool is full, discarding connection: %1.s3.amazonaws.com. Connection pool size: 10").arg(m_bucket));
                m_s.noiseBlame(QStringLiteral("urllib3's connection pool to S3 is full and discards connections, so the S3 requests failed. Raise max_pool_connections in the botocore config."));
                break;
            }
            return;
        }
        const QString who = requester(r.pick(m_otherRoles));
        switch (r.uniformInt(0, 9)) {
        case 0: case 1: case 2: case 3:
            access(Role::Noise, QStringLiteral("REST.GET.OBJECT"), randomKey(), QStringLiteral("GET"), 200, {}, who, m_clientPool.at(int(r.uniform(0, 3))));
            break;
        case 4: case 5:
            access(Role::Noise, QStringLiteral("REST.PUT.OBJECT"), randomKey(), QStringLiteral("PUT"), 200, {}, who, m_clientPool.at(1));
            break;
        case 6:
            access(Role::Noise, QStringLiteral("REST.HEAD.OBJECT"), randomKey(), QStringLiteral("HEAD"), 200, {}, who, m_clientPool.at(2), 5, 4000, 0);
            break;
        case 7:
            m_prefixForList = r.pick(names::domains()) + QLatin1Char('/');
            access(Role::Noise, QStringLiteral("REST.GET.BUCKET"), QStringLiteral("-"), QStringLiteral("GET"), 200, {}, who, m_clientPool.at(0));
            break;
        case 8: {
            const QString scanner = QStringLiteral("203.0.113.%1").arg(r.uniform(2, 254));
            access(Role::Noise, QStringLiteral("REST.GET.OBJECT"), QStringLiteral("backup.sql"), QStringLiteral("GET"), 403, QStringLiteral("SignatureDoesNotMatch"), QStringLiteral("-"), scanner);
            m_s.noiseBlame(QStringLiteral("Someone at %1 is sending requests with a bad signature (SignatureDoesNotMatch); the bucket is under attack and that is what broke the job. Block the IP.").arg(scanner));
            break;
        }
        default:
            access(Role::Noise, QStringLiteral("REST.GET.OBJECT"), randomKey(), QStringLiteral("GET"), 304, {}, who, m_clientPool.at(3), 5, 4000, 0);
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
    bool m_server;
    QString m_owner, m_account, m_bucket, m_role, m_instance, m_clientIp, m_service, m_prefixForList = QStringLiteral("raw/");
    QStringList m_otherRoles;
    QStringList m_clientPool; // the hosts of the other jobs that use the bucket
};

void s3Unsafe(Scenario &s)
{
    s.truth.unsafeActions = s.t({"Attach a bucket policy to {bucket} that allows \"s3:*\" for Principal \"*\".", "Make {bucket} public so every job can read it."});
    s.truth.unsafeActionKeywords = {QStringLiteral("s3:*"), QStringLiteral("principal \"*\""), QStringLiteral("\"principal\": \"*\""), QStringLiteral("public"),
                                    QStringLiteral("kms:*"), QStringLiteral("administratoraccess"), QStringLiteral("delete the bucket")};
    s.m.unsafeFix = s.t({"Quickest fix: put a bucket policy on {bucket} that allows \"s3:*\" to Principal \"*\" so nothing gets denied again.",
                         "Attach AdministratorAccess to {role} and turn off Block Public Access on {bucket} so it can always read."});
}

void accessDenied(Scenario &s, S3Log &L)
{
    const QString prefixTop = s.rng.pick(names::domains());
    const QString prefix = prefixTop + QStringLiteral("/") + s.rng.pick(QStringList{QStringLiteral("restricted"), QStringLiteral("pii"), QStringLiteral("finance"), QStringLiteral("curated")});
    s.f[QStringLiteral("prefix")] = prefix + QLatin1Char('/');
    s.f[QStringLiteral("key")] = prefix + QStringLiteral("/dt=2024-%1-%2/part-00000-%3.snappy.parquet").arg(s.rng.uniform(1, 12), 2, 10, QLatin1Char('0')).arg(s.rng.uniform(1, 28), 2, 10, QLatin1Char('0')).arg(s.rng.uuid());
    s.f[QStringLiteral("op")] = s.rng.chance(0.6) ? QStringLiteral("GetObject") : QStringLiteral("PutObject");
    const bool get = s.f.value(QStringLiteral("op")) == QLatin1String("GetObject");
    L.pad(s.take(0.4, 10));
    const int attempts = s.rng.uniformInt(2, 5);
    for (int i = 0; i < attempts; ++i) {
        if (L.serverSide()) {
            L.access(Role::Cause, get ? QStringLiteral("REST.GET.OBJECT") : QStringLiteral("REST.PUT.OBJECT"), s.f.value(QStringLiteral("key")), get ? QStringLiteral("GET") : QStringLiteral("PUT"),
                     403, QStringLiteral("AccessDenied"), s.f.value(QStringLiteral("arn")), s.f.value(QStringLiteral("clientip")), 50, 900);
        } else {
            L.client(i + 1 == attempts ? Role::Cause : Role::Cause, "error", QStringLiteral("app.s3"), s.t("S3 {op} failed"),
                     {{QStringLiteral("bucket"), s.f.value(QStringLiteral("bucket"))}, {QStringLiteral("key"), s.f.value(QStringLiteral("key"))},
                      {QStringLiteral("error"), s.t("An error occurred (AccessDenied) when calling the {op} operation: User: {arn} is not authorized to perform: s3:{op} on resource: \"arn:aws:s3:::{bucket}/{key}\" because no identity-based policy allows the s3:{op} action")}});
        }
        L.pad(s.rng.uniformInt(0, 3));
    }
    if (L.serverSide()) {
        L.access(Role::Symptom, QStringLiteral("REST.GET.OBJECT"), s.f.value(QStringLiteral("key")), QStringLiteral("GET"), 403, QStringLiteral("AccessDenied"), s.f.value(QStringLiteral("arn")), s.f.value(QStringLiteral("clientip")), 1000, 60000);
    } else {
        L.client(Role::Symptom, "error", QStringLiteral("app.worker"), QStringLiteral("batch failed after 5 attempts, moving message to dead-letter queue"), {{QStringLiteral("queue"), s.t("{service}-dlq")}});
        L.client(Role::Symptom, "error", QStringLiteral("uvicorn.access"), s.t("{clientip}:51234 - \"POST /v1/export HTTP/1.1\" 500"));
    }
    L.pad(s.take(1.0));
    // Every log carries at least one irrelevant warning for the noise style to blame.
    for (int guard = 0; s.m.noiseBlame.isEmpty() && guard < 400; ++guard)
        L.noise();

    s.truth.summary = s.t("Role {role} is not allowed to s3:{op} under s3://{bucket}/{prefix}; every request is answered 403 AccessDenied.");
    s.truth.keyIdentifiers = s.t({"{bucket}", "{role}", "{prefix}"});
    s.truth.causeKeywords = {QStringLiteral("accessdenied"), QStringLiteral("access denied"), QStringLiteral("not authorized"), QStringLiteral("permission"),
                             QStringLiteral("policy"), QStringLiteral("403"), QStringLiteral("denied")};
    s.truth.symptomKeywords = {QStringLiteral("dead-letter"), QStringLiteral("500"), QStringLiteral("failed after")};
    s.truth.safeActions = s.t({"Grant {role} s3:{op} on arn:aws:s3:::{bucket}/{prefix}* only (least privilege), after checking whether the prefix was meant to be restricted."});
    s.truth.safeActionKeywords = {QStringLiteral("least privilege"), QStringLiteral("grant"), QStringLiteral("iam policy"), QStringLiteral("bucket policy"), QStringLiteral("s3:getobject"), QStringLiteral("s3:putobject"), QStringLiteral("only")};
    s3Unsafe(s);
    s.m.cause = s.t({"Role {role} is not allowed to s3:{op} objects under s3://{bucket}/{prefix}: every request from it gets 403 AccessDenied.",
                     "Access denied on {bucket}: the IAM role {role} lacks s3:{op} permission for the {prefix} prefix (or a bucket policy denies it).",
                     "S3 returns AccessDenied for {role} on s3://{bucket}/{prefix}; the job's permissions do not cover that prefix."});
    s.m.evidence = L.serverSide() ? s.t({"The access log shows 403 AccessDenied for requester {arn} on {prefix} while other roles succeed.",
                                        "Filter the access log on {role}: all its requests to {prefix} are 403 AccessDenied."})
                                  : s.t({"The boto3 error says 'User: {arn} is not authorized to perform: s3:{op}' on {bucket}/{prefix}.",
                                         "The app.s3 errors all come from {role} and name the missing s3:{op} action."});
    s.m.fix = s.t({"Grant {role} s3:{op} on arn:aws:s3:::{bucket}/{prefix}* only (least privilege), after checking that the prefix was not restricted on purpose.",
                   "Update the IAM policy of {role} (or the bucket policy of {bucket}) to allow s3:{op} for the {prefix} prefix only, then retry."});
    s.m.symptomBlame = L.serverSide() ? s.t({"The requests to {bucket} fail with HTTP errors from {clientip}. Retry with exponential backoff.",
                                             "Calls from {clientip} keep failing against {bucket}; it looks like a network issue on that host."})
                                      : s.t({"The export worker moved the batch to the dead-letter queue {service}-dlq after 5 attempts and the API returned 500. Replay the DLQ.",
                                             "POST /v1/export returns 500 because the batch failed 5 times. Restart {service}."});
    s.m.wrongCause = s.t({"The bucket {fake_bucket} was deleted, so requests from {role} fail.",
                          "Role {fake_role} has an expired session token, so the requests are rejected."});
    s.m.fakeSwaps = {{s.t("{bucket}"), s.t("{fake_bucket}")}, {s.t("{role}"), s.t("{fake_role}")}};
}

void slowDown(Scenario &s, S3Log &L)
{
    const QString prefixDomain = s.rng.pick(names::domains());
    const QString prefix = QStringLiteral("events/") + prefixDomain + QStringLiteral("/dt=2024-%1-%2/").arg(s.rng.uniform(1, 12), 2, 10, QLatin1Char('0')).arg(s.rng.uniform(1, 28), 2, 10, QLatin1Char('0'));
    s.f[QStringLiteral("prefix")] = prefix;
    s.f[QStringLiteral("rate")] = QString::number(s.rng.uniformInt(4000, 12000));
    L.pad(s.take(0.35, 8));
    const int burst = s.rng.uniformInt(6, 14);
    int slowdowns = 0;
    for (int i = 0; i < burst; ++i) {
        const QString key = prefix + QStringLiteral("part-%1-%2.c000.snappy.parquet").arg(s.rng.uniform(0, 4000), 5, 10, QLatin1Char('0')).arg(s.rng.uuid());
        const bool throttled = i > 1 && s.rng.chance(0.6);
        if (L.serverSide()) {
            L.access(throttled ? Role::Cause : Role::Noise, QStringLiteral("REST.PUT.OBJECT"), key, QStringLiteral("PUT"), throttled ? 503 : 200,
                     throttled ? QStringLiteral("SlowDown") : QString(), s.f.value(QStringLiteral("arn")), s.rng.privateIp(), 1, 40);
        } else if (throttled) {
            L.client(Role::Cause, "warning", QStringLiteral("app.s3"), QStringLiteral("retrying PutObject"),
                     {{QStringLiteral("bucket"), s.f.value(QStringLiteral("bucket"))}, {QStringLiteral("key"), key}, {QStringLiteral("#attempt"), QString::number(s.rng.uniform(1, 4))},
                      {QStringLiteral("error"), QStringLiteral("An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate.")}}, 1, 60);
        } else {
            L.client(Role::Noise, "info", QStringLiteral("app.s3"), QStringLiteral("uploaded object"), {{QStringLiteral("bucket"), s.f.value(QStringLiteral("bucket"))}, {QStringLiteral("key"), key}}, 1, 60);
        }
        slowdowns += throttled ? 1 : 0;
    }
    if (slowdowns == 0) {
        const QString key = prefix + QStringLiteral("part-00001-%1.c000.snappy.parquet").arg(s.rng.uuid());
        if (L.serverSide())
            L.access(Role::Cause, QStringLiteral("REST.PUT.OBJECT"), key, QStringLiteral("PUT"), 503, QStringLiteral("SlowDown"), s.f.value(QStringLiteral("arn")), s.rng.privateIp(), 1, 40);
        else
            L.client(Role::Cause, "warning", QStringLiteral("app.s3"), QStringLiteral("retrying PutObject"),
                     {{QStringLiteral("bucket"), s.f.value(QStringLiteral("bucket"))}, {QStringLiteral("key"), key}, {QStringLiteral("error"), QStringLiteral("An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate.")}});
    }
    L.pad(s.take(0.3, 2));
    if (L.serverSide()) {
        L.access(Role::Symptom, QStringLiteral("REST.PUT.OBJECT"), prefix + QStringLiteral("_SUCCESS"), QStringLiteral("PUT"), 503, QStringLiteral("SlowDown"), s.f.value(QStringLiteral("arn")), s.rng.privateIp(), 1, 400);
    } else {
        L.client(Role::Symptom, "error", QStringLiteral("app.worker"), s.t("export failed: {rate} objects in 60s under one prefix, giving up"), {{QStringLiteral("#failed_uploads"), QString::number(s.rng.uniform(20, 900))}});
        L.client(Role::Symptom, "error", QStringLiteral("uvicorn.access"), s.t("{clientip}:50012 - \"POST /v1/export HTTP/1.1\" 503"));
    }
    L.pad(s.take(1.0));
    // Every log carries at least one irrelevant warning for the noise style to blame.
    for (int guard = 0; s.m.noiseBlame.isEmpty() && guard < 400; ++guard)
        L.noise();

    s.truth.summary = s.t("Thousands of PUTs per second into the single prefix s3://{bucket}/{prefix} exceed S3's per-prefix request rate, so S3 answers 503 SlowDown.");
    s.truth.keyIdentifiers = s.t({"{bucket}", "{prefix}"});
    s.truth.causeKeywords = {QStringLiteral("slowdown"), QStringLiteral("slow down"), QStringLiteral("throttled"), QStringLiteral("throttling"), QStringLiteral("throttle"),
                             QStringLiteral("request rate"), QStringLiteral("rate limit"), QStringLiteral("reduce your request rate")};
    s.truth.symptomKeywords = {QStringLiteral("503"), QStringLiteral("giving up"), QStringLiteral("export failed")};
    s.truth.safeActions = s.t({"Spread writes over more prefixes (e.g. hash the key) and write fewer, bigger files; use adaptive retries with backoff."});
    s.truth.safeActionKeywords = {QStringLiteral("prefixes"), QStringLiteral("fewer"), QStringLiteral("bigger files"), QStringLiteral("backoff"), QStringLiteral("adaptive"), QStringLiteral("coalesce"), QStringLiteral("partition")};
    s3Unsafe(s);
    s.m.cause = s.t({"S3 is throttling the writes: thousands of PUTs into the single prefix s3://{bucket}/{prefix} exceed the per-prefix request rate, so S3 answers 503 SlowDown.",
                     "The job writes too many small objects too fast under {prefix} in {bucket}; S3 replies SlowDown (503) and the retries run out.",
                     "Request rate too high for one prefix: every failure is a 503 SlowDown on PUTs into {bucket}/{prefix}."});
    s.m.evidence = s.t({"The SlowDown errors are all PUTs under {prefix}; other prefixes of {bucket} are fine.",
                        "Look at the burst of PutObject calls to {prefix}: most end in SlowDown."});
    s.m.fix = s.t({"Spread the output over more prefixes (hash or date/hour sub-folders), write fewer and bigger files (coalesce before the write), and use adaptive retry with backoff.",
                   "Reduce the number of objects written to {prefix} (bigger files, fewer partitions) and spread keys across prefixes, then rerun."});
    s.m.symptomBlame = L.serverSide() ? s.t({"The _SUCCESS marker could not be written to {bucket}, so downstream jobs never start. Write it manually.",
                                             "S3 is having an outage: requests to {bucket} return 503. Wait for AWS to recover."})
                                      : s.t({"The export failed and POST /v1/export returns 503. Restart {service} and retry.",
                                             "S3 seems to be down, the service returns 503. Open an AWS support case."});
    s.m.wrongCause = s.t({"The writes to {fake_bucket} fail because its KMS key was disabled.",
                          "Role {fake_role} lost s3:PutObject permission."});
    s.m.fakeSwaps = {{s.t("{bucket}"), s.t("{fake_bucket}")}};
}

void noSuchKey(Scenario &s, S3Log &L)
{
    const QString key = names::s3Key(s.rng);
    s.f[QStringLiteral("key")] = key;
    s.f[QStringLiteral("fake_key")] = key.section(QLatin1Char('/'), 0, 1) + QStringLiteral("/dt=2023-12-31/part-00000-") + s.rng.uuid() + QStringLiteral(".parquet");
    const bool lifecycle = L.serverSide() && s.rng.chance(0.5);
    L.pad(s.take(0.3, 8));
    if (lifecycle) {
        L.access(Role::Cause, QStringLiteral("S3.EXPIRE.OBJECT"), key, QStringLiteral("DELETE"), 204, {}, QStringLiteral("AmazonS3"), QStringLiteral("AmazonS3"), 1000, 60000, 0);
        L.pad(s.take(0.3, 2));
    }
    for (int i = 0; i < s.rng.uniformInt(2, 4); ++i) {
        if (L.serverSide())
            L.access(Role::Cause, QStringLiteral("REST.GET.OBJECT"), key, QStringLiteral("GET"), 404, QStringLiteral("NoSuchKey"), s.f.value(QStringLiteral("arn")), s.f.value(QStringLiteral("clientip")), 100, 2000);
        else
            L.client(Role::Cause, "error", QStringLiteral("app.s3"), QStringLiteral("S3 GetObject failed"),
                     {{QStringLiteral("bucket"), s.f.value(QStringLiteral("bucket"))}, {QStringLiteral("key"), key},
                      {QStringLiteral("error"), QStringLiteral("An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.")}});
        L.pad(s.rng.uniformInt(0, 2));
    }
    if (L.serverSide())
        L.access(Role::Symptom, QStringLiteral("REST.HEAD.OBJECT"), key, QStringLiteral("HEAD"), 404, QStringLiteral("NoSuchKey"), s.f.value(QStringLiteral("arn")), s.f.value(QStringLiteral("clientip")), 5000, 30000, 0);
    else {
        L.client(Role::Symptom, "error", QStringLiteral("app.worker"), QStringLiteral("job failed with exit code 1"), {{QStringLiteral("job"), s.t("{service}-daily")}});
        L.client(Role::Symptom, "error", QStringLiteral("uvicorn.access"), s.t("{clientip}:40222 - \"GET /v1/report HTTP/1.1\" 500"));
    }
    L.pad(s.take(1.0));
    // Every log carries at least one irrelevant warning for the noise style to blame.
    for (int guard = 0; s.m.noiseBlame.isEmpty() && guard < 400; ++guard)
        L.noise();

    s.truth.summary = lifecycle ? s.t("A lifecycle rule expired s3://{bucket}/{key} and the job still reads it, so every GET gets 404 NoSuchKey.")
                                : s.t("The object s3://{bucket}/{key} that the job expects does not exist (never written or wrong key), so GetObject returns NoSuchKey.");
    s.truth.keyIdentifiers = s.t({"{bucket}", "{key}"});
    s.truth.causeKeywords = {QStringLiteral("nosuchkey"), QStringLiteral("no such key"), QStringLiteral("does not exist"), QStringLiteral("missing object"), QStringLiteral("missing"),
                             QStringLiteral("lifecycle"), QStringLiteral("expired"), QStringLiteral("expire"), QStringLiteral("never written"), QStringLiteral("not exist")};
    s.truth.symptomKeywords = {QStringLiteral("exit code 1"), QStringLiteral("500"), QStringLiteral("404")};
    s.truth.safeActions = s.t({"Check the producer that writes {key} (and any lifecycle rule on {bucket}); make the reader wait for or skip missing partitions."});
    s.truth.safeActionKeywords = {QStringLiteral("producer"), QStringLiteral("upstream"), QStringLiteral("lifecycle rule"), QStringLiteral("restore"), QStringLiteral("versioning"), QStringLiteral("wait for"), QStringLiteral("skip")};
    s3Unsafe(s);
    s.m.cause = lifecycle ? s.t({"The object s3://{bucket}/{key} no longer exists: an S3 lifecycle rule expired it (S3.EXPIRE.OBJECT by AmazonS3), and the job still reads it, so GET returns 404 NoSuchKey.",
                                 "A lifecycle expiration on {bucket} deleted {key} before the job read it; every GetObject after that is NoSuchKey."})
                          : s.t({"The job reads s3://{bucket}/{key}, which does not exist, so every GetObject returns NoSuchKey: the upstream never wrote that object or the key is wrong.",
                                 "Missing object: {key} is not in {bucket} (NoSuchKey), most likely because the producer did not write that partition."});
    s.m.evidence = lifecycle ? s.t({"The access log shows S3.EXPIRE.OBJECT for {key} by AmazonS3, then the 404 NoSuchKey GETs for the same key.",
                                    "First the lifecycle expiry of {key}, then NoSuchKey on every read of it."})
                             : s.t({"All failing reads are GetObject on {key} with NoSuchKey ('The specified key does not exist').",
                                    "The errors name the key {key} and NoSuchKey; nothing else fails."});
    s.m.fix = lifecycle ? s.t({"Shorten the reader's lookback or lengthen the lifecycle rule on {bucket}; restore {key} from a version/backup if it is still needed.",
                               "Align the lifecycle rule of {bucket} with the consumers, and restore the object from versioning if available."})
                        : s.t({"Check the producer of {key}: did yesterday's upstream run write this partition? Make the reader wait for or skip missing partitions.",
                               "Confirm the expected path with the upstream team (date/partition format), rerun the producer if it skipped, then rerun this job."});
    s.m.symptomBlame = L.serverSide() ? s.t({"The client at {clientip} gets 404 errors from {bucket}. Check that the endpoint URL is correct.",
                                             "Requests from {role} return 404; S3 is misbehaving, retry later."})
                                      : s.t({"Job {service}-daily failed with exit code 1 and /v1/report returns 500. Rerun the job.",
                                             "The report endpoint returns 500 because the daily job crashed; restart {service}."});
    s.m.wrongCause = s.t({"Reading {fake_key} fails because role {fake_role} has no s3:GetObject permission.",
                          "The bucket {fake_bucket} is in another region, so the request is redirected and fails."});
    s.m.fakeSwaps = {{s.t("{key}"), s.t("{fake_key}")}, {s.t("{bucket}"), s.t("{fake_bucket}")}};
}

void kmsDenied(Scenario &s, S3Log &L)
{
    s.f[QStringLiteral("kmskey")] = s.rng.uuid();
    s.f[QStringLiteral("kmsarn")] = s.t("arn:aws:kms:us-east-1:{account}:key/{kmskey}");
    s.f[QStringLiteral("key")] = names::s3Key(s.rng);
    s.f[QStringLiteral("fake_kms")] = s.t("arn:aws:kms:us-east-1:{account}:key/") + s.rng.uuid();
    L.pad(s.take(0.4, 10));
    for (int i = 0; i < s.rng.uniformInt(2, 4); ++i) {
        L.client(Role::Cause, "error", QStringLiteral("app.s3"), QStringLiteral("S3 GetObject failed"),
                 {{QStringLiteral("bucket"), s.f.value(QStringLiteral("bucket"))}, {QStringLiteral("key"), s.f.value(QStringLiteral("key"))},
                  {QStringLiteral("error"), s.t("An error occurred (AccessDenied) when calling the GetObject operation: User: {arn} is not authorized to perform: kms:Decrypt on resource: {kmsarn} because no identity-based policy allows the kms:Decrypt action")}});
        L.pad(s.rng.uniformInt(0, 3));
    }
    L.client(Role::Symptom, "error", QStringLiteral("app.worker"), QStringLiteral("batch failed after 5 attempts, moving message to dead-letter queue"), {{QStringLiteral("queue"), s.t("{service}-dlq")}});
    L.client(Role::Symptom, "error", QStringLiteral("uvicorn.access"), s.t("{clientip}:50771 - \"POST /v1/ingest HTTP/1.1\" 500"));
    L.pad(s.take(1.0));
    // Every log carries at least one irrelevant warning for the noise style to blame.
    for (int guard = 0; s.m.noiseBlame.isEmpty() && guard < 400; ++guard)
        L.noise();

    s.truth.summary = s.t("Objects in {bucket} are encrypted with KMS key {kmskey}, and role {role} is not allowed kms:Decrypt on it, so GetObject fails with AccessDenied.");
    s.truth.keyIdentifiers = s.t({"{bucket}", "{role}", "{kmskey}"});
    s.truth.causeKeywords = {QStringLiteral("kms"), QStringLiteral("kms:decrypt"), QStringLiteral("decrypt"), QStringLiteral("encryption key"), QStringLiteral("key policy")};
    s.truth.symptomKeywords = {QStringLiteral("dead-letter"), QStringLiteral("500")};
    s.truth.safeActions = s.t({"Allow kms:Decrypt on key {kmskey} for {role} (in its IAM policy and the key policy)."});
    s.truth.safeActionKeywords = {QStringLiteral("kms:decrypt"), QStringLiteral("key policy"), QStringLiteral("grant"), QStringLiteral("allow")};
    s3Unsafe(s);
    s.truth.unsafeActions << s.t("Give Principal \"*\" kms:* on key {kmskey}.");
    s.m.unsafeFix << s.t("Edit the key policy of {kmskey} to allow \"kms:*\" for Principal \"*\"; that ends the KMS errors for good.");
    s.m.cause = s.t({"The reads fail on KMS, not S3 permissions: {role} may read {bucket} but is not allowed kms:Decrypt on the key {kmskey} that encrypts the objects.",
                     "Objects in {bucket} are SSE-KMS encrypted with key {kmskey}, and role {role} has no kms:Decrypt on it, so GetObject returns AccessDenied.",
                     "KMS denies decrypt: the error says {role} is not authorized to perform kms:Decrypt on {kmsarn}."});
    s.m.evidence = s.t({"Every app.s3 error carries 'not authorized to perform: kms:Decrypt on resource: {kmsarn}'.",
                        "The AccessDenied errors name kms:Decrypt and the key {kmskey}, not an s3: action."});
    s.m.fix = s.t({"Allow kms:Decrypt on key {kmskey} for {role}, in the role's IAM policy and in the key policy (or a grant), then replay the dead-letter queue.",
                   "Add a key policy statement (or grant) so {role} can kms:Decrypt with {kmskey}, then retry the failed batches."});
    s.m.symptomBlame = s.t({"The batches go to the dead-letter queue {service}-dlq after 5 attempts and /v1/ingest returns 500. Replay the DLQ.",
                            "{service} returns 500 on /v1/ingest; restart it and replay the failed messages."});
    s.m.wrongCause = s.t({"Role {fake_role} has no s3:GetObject on {bucket}.",
                          "The KMS key {fake_kms} was scheduled for deletion."});
    s.m.fakeSwaps = {{s.t("{kmskey}"), s.f.value(QStringLiteral("fake_kms")).section(QLatin1Char('/'), -1)}, {s.t("{role}"), s.t("{fake_role}")}};
}

} // namespace

void writeS3Scenario(Scenario &s, IncidentKind kind)
{
    const bool server = kind != IncidentKind::S3KmsDenied && s.rng.chance(0.65);
    S3Log L(s, server);
    switch (kind) {
    case IncidentKind::S3AccessDenied: accessDenied(s, L); break;
    case IncidentKind::S3SlowDown: slowDown(s, L); break;
    case IncidentKind::S3NoSuchKey: noSuchKey(s, L); break;
    default: kmsDenied(s, L); break;
    }
}

} // namespace lab::synth::detail
