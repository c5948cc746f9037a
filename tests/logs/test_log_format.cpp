// Format detection and field parsing on samples written the way the real tools write them
// (Databricks DLT event log, kubectl, klog, Kubernetes JSON, S3 access logs, JSON app logs,
// syslog, log4j / Spark driver logs), plus the level and format-id helpers.
#include "core/logs/log_format.h"

#include <QtTest>

using namespace lab;

namespace {

QList<QByteArray> toLines(const char *text)
{
    QList<QByteArray> lines = QByteArray(text).split('\n');
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

const char kDltEvents[] =
    R"J({"id":"5f8a1c20-a0b1-11ee-9c3d-00163e5c2a11","sequence":{"data_plane_id":{"instance":"execution","seq_no":1703250001001},"control_plane_seq_no":1703250001200},"origin":{"cloud":"AWS","region":"us-west-2","org_id":2718281828459045,"pipeline_id":"0b7c2f8e-41d6-4c1e-9a7e-3f2d1c0b9a88","pipeline_type":"WORKSPACE","pipeline_name":"orders_cdc","update_id":"c3d9e1f0-7a6b-4c5d-8e9f-0a1b2c3d4e5f","request_id":"c3d9e1f0-7a6b-4c5d-8e9f-0a1b2c3d4e5f"},"timestamp":"2023-12-22T13:00:01.001Z","message":"Update c3d9e1 started by API call.","level":"INFO","details":{"create_update":{"cause":"API_CALL","full_refresh":false}},"event_type":"create_update","maturity_level":"STABLE"})J"
    "\n"
    R"J({"id":"5f8a1c21-a0b1-11ee-9c3d-00163e5c2a11","sequence":{"data_plane_id":{"instance":"execution","seq_no":1703250001002}},"origin":{"cloud":"AWS","region":"us-west-2","pipeline_id":"0b7c2f8e-41d6-4c1e-9a7e-3f2d1c0b9a88","pipeline_name":"orders_cdc","update_id":"c3d9e1f0-7a6b-4c5d-8e9f-0a1b2c3d4e5f"},"timestamp":"2023-12-22T13:00:03.412Z","message":"Update c3d9e1 is INITIALIZING.","level":"INFO","details":{"update_progress":{"state":"INITIALIZING"}},"event_type":"update_progress","maturity_level":"STABLE"})J"
    "\n"
    R"J({"id":"5f8a1c22-a0b1-11ee-9c3d-00163e5c2a11","sequence":{"data_plane_id":{"instance":"execution","seq_no":1703250001003}},"origin":{"cloud":"AWS","region":"us-west-2","pipeline_id":"0b7c2f8e-41d6-4c1e-9a7e-3f2d1c0b9a88","pipeline_name":"orders_cdc","update_id":"c3d9e1f0-7a6b-4c5d-8e9f-0a1b2c3d4e5f","flow_id":"7e1d2c3b-4a59-4687-b9a0-c1d2e3f4a5b6","flow_name":"main.sales.silver_orders","cluster_id":"1222-125959-x7k2m9pq"},"timestamp":"2023-12-22T13:02:11.870Z","message":"Flow 'main.sales.silver_orders' has FAILED.","level":"ERROR","error":{"exceptions":[{"class_name":"org.apache.spark.sql.AnalysisException","message":"[NULL_SEQUENCE_BY] APPLY CHANGES sequence_by column \"updated_at\" contains null values.","error_class":"NULL_SEQUENCE_BY"}],"fatal":true},"details":{"flow_progress":{"status":"FAILED"}},"event_type":"flow_progress","maturity_level":"STABLE"})J"
    "\n"
    R"J({"id":"5f8a1c23-a0b1-11ee-9c3d-00163e5c2a11","sequence":{"data_plane_id":{"instance":"execution","seq_no":1703250001004}},"origin":{"cloud":"AWS","pipeline_id":"0b7c2f8e-41d6-4c1e-9a7e-3f2d1c0b9a88","pipeline_name":"orders_cdc","flow_name":"main.sales.bronze_orders","dataset_name":"main.sales.bronze_orders"},"timestamp":"2023-12-22T13:02:12.004Z","message":"Flow 'main.sales.bronze_orders' has completed \"12,344\" rows.\nDropped 3 rows.","level":"METRICS","details":{"flow_progress":{"status":"COMPLETED","metrics":{"num_output_rows":12344},"data_quality":{"dropped_records":3,"expectations":[{"name":"valid_order_id","dataset":"bronze_orders","passed_records":12344,"failed_records":3}]}}},"event_type":"flow_progress","maturity_level":"STABLE"})J"
    "\n"
    R"J({"id":"5f8a1c24-a0b1-11ee-9c3d-00163e5c2a11","sequence":{"data_plane_id":{"instance":"execution","seq_no":1703250001005}},"origin":{"cloud":"AWS","pipeline_id":"0b7c2f8e-41d6-4c1e-9a7e-3f2d1c0b9a88","pipeline_name":"orders_cdc","update_id":"c3d9e1f0-7a6b-4c5d-8e9f-0a1b2c3d4e5f"},"timestamp":"2023-12-22T13:02:15.550Z","message":"Update c3d9e1 is FAILED.","level":"WARN","details":{"update_progress":{"state":"FAILED"}},"event_type":"update_progress","maturity_level":"STABLE"})J"
    "\n";

const char kKubectlLogs[] =
    "[pod/payments-api-7d9f8b6c5-x2x9k/api] 2024-01-15T10:23:45.123456789Z "
    "{\"level\":\"info\",\"ts\":\"2024-01-15T10:23:45.123Z\",\"logger\":\"http\",\"msg\":"
    "\"listening on :8080\"}\n"
    "[pod/payments-api-7d9f8b6c5-x2x9k/api] 2024-01-15T10:23:47.002118734Z "
    "{\"level\":\"error\",\"ts\":\"2024-01-15T10:23:47.001Z\",\"logger\":\"db\",\"msg\":"
    "\"connection pool exhausted: 50/50 in use, waited 30s\",\"pool\":\"orders-primary\"}\n"
    "[pod/payments-api-7d9f8b6c5-x2x9k/api] 2024-01-15T10:23:47.100000000Z \tat "
    "org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:223)\n"
    "[pod/payments-api-7d9f8b6c5-x2x9k/api] 2024-01-15T10:24:01.553201998Z WARN  Retrying request "
    "to https://ledger.internal:8443 (attempt 3/5)\n"
    "[pod/payments-api-7d9f8b6c5-x2x9k/istio-proxy] 2024-01-15T10:24:02.000105113Z I0115 "
    "10:24:02.000098       1 watcher.go:92] Certificate rotated for "
    "spiffe://cluster.local/ns/payments/sa/api\n";

const char kKubeEvents[] =
    "LAST SEEN   TYPE      REASON             OBJECT                                 MESSAGE\n"
    "12m         Normal    Scheduled          pod/payments-api-7d9f8b6c5-x2x9k       Successfully "
    "assigned payments/payments-api-7d9f8b6c5-x2x9k to ip-10-0-3-17.ec2.internal\n"
    "12m         Normal    Pulled             pod/payments-api-7d9f8b6c5-x2x9k       Container "
    "image \"registry.example.com/payments-api:1.42.0\" already present on machine\n"
    "11m         Warning   Failed             pod/payments-api-7d9f8b6c5-x2x9k       Error: secret "
    "\"payments-db-credentials\" not found\n"
    "2m11s       Warning   BackOff            pod/payments-api-7d9f8b6c5-x2x9k       Back-off "
    "restarting failed container api in pod payments-api-7d9f8b6c5-x2x9k_payments(3f2c)\n"
    "<unknown>   Normal    SuccessfulCreate   replicaset/payments-api-7d9f8b6c5      Created pod: "
    "payments-api-7d9f8b6c5-x2x9k\n";

const char kKubeEventsAllNamespaces[] =
    "NAMESPACE     LAST SEEN   TYPE      REASON      OBJECT                        MESSAGE\n"
    "kube-system   4m2s        Warning   Unhealthy   pod/coredns-5d78c9869d-8kq2t  Liveness probe "
    "failed: HTTP probe failed with statuscode: 503\n"
    "payments      30s         Warning   Evicted     pod/worker-6b7f9-lm2xq        The node was "
    "low on resource: ephemeral-storage.\n";

const char kKlog[] =
    "I0115 10:23:45.123456    2231 kubelet.go:2107] \"SyncLoop (PLEG): event for pod\" "
    "pod=\"payments/payments-api-7d9f8b6c5-x2x9k\"\n"
    "W0115 10:23:46.000012    2231 pod_workers.go:1298] \"Error syncing pod, skipping\" "
    "err=\"failed to \\\"StartContainer\\\" for \\\"api\\\" with CrashLoopBackOff\"\n"
    "E0115 10:23:47.772301    2231 kuberuntime_manager.go:1256] container "
    "&Container{Name:api,Image:registry.example.com/payments-api:1.42.0} start failed: "
    "CreateContainerConfigError: secret \"payments-db-credentials\" not found\n"
    "I0115 10:23:48.000000    2231 kubelet_node_status.go:70] \"Attempting to register node\" "
    "node=\"ip-10-0-3-17.ec2.internal\"\n"
    "F0115 10:23:49.100200    2231 server.go:269] failed to run Kubelet: unable to load bootstrap "
    "kubeconfig: stat /etc/kubernetes/bootstrap-kubelet.conf: no such file or directory\n";

const char kKubeJson[] =
    R"J({"ts":1704887025123.456,"caller":"cache/reflector.go:325","msg":"Listing and watching","v":0,"type":"*v1.Pod","reflector":"k8s.io/client-go/informers/factory.go:150"})J"
    "\n"
    R"J({"ts":1704887025.5231,"caller":"scheduler/schedule_one.go:838","msg":"Unable to schedule pod; no fit; waiting","v":0,"pod":{"name":"worker-6b7f9-lm2xq","namespace":"payments"},"err":"0/3 nodes are available: 3 Insufficient memory."})J"
    "\n"
    R"J({"ts":1704887026.0001,"caller":"scheduler/eventhandlers.go:118","msg":"Add event for unscheduled pod","v":3,"pod":{"name":"worker-6b7f9-lm2xq","namespace":"payments"}})J"
    "\n";

const char kS3Access[] =
    "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be awsexamplebucket1 "
    "[06/Feb/2019:00:00:38 +0000] 192.0.2.3 "
    "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be 3E57427F3EXAMPLE "
    "REST.GET.VERSIONING - \"GET /awsexamplebucket1?versioning HTTP/1.1\" 200 - 113 - 7 - \"-\" "
    "\"S3Console/0.4\" - "
    "s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 "
    "ECDHE-RSA-AES128-GCM-SHA256 AuthHeader awsexamplebucket1.s3.us-west-1.amazonaws.com TLSV1.2 - "
    "-\n"
    "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be datalake-raw-prod "
    "[15/Jan/2024:10:23:45 +0000] 10.0.12.34 "
    "arn:aws:sts::123456789012:assumed-role/etl-job/i-0abc123 7X4TQ9D2M1EXAMPLE REST.GET.OBJECT "
    "orders/2024/01/15/part-00000.parquet \"GET /orders/2024/01/15/part-00000.parquet HTTP/1.1\" "
    "403 AccessDenied 243 - 12 - \"-\" \"aws-sdk-java/1.12.262 Linux/5.10\" - Hx3ZKq2bI9EXAMPLE= "
    "SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader datalake-raw-prod.s3.us-east-1.amazonaws.com "
    "TLSv1.2 - -\n"
    "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be datalake-raw-prod "
    "[15/Jan/2024:10:23:46 +0000] 10.0.12.35 "
    "arn:aws:sts::123456789012:assumed-role/etl-job/i-0abc124 8Y5UR0E3N2EXAMPLE REST.PUT.OBJECT "
    "orders/2024/01/15/part-00001.parquet \"PUT /orders/2024/01/15/part-00001.parquet HTTP/1.1\" "
    "503 SlowDown 331 52428800 4 - \"-\" \"aws-sdk-java/1.12.262 Linux/5.10\" - Jq8ZKq2bI9EXAMPLE= "
    "SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader datalake-raw-prod.s3.us-east-1.amazonaws.com "
    "TLSv1.2 - -\n";

const char kJsonApp[] =
    R"J({"@timestamp":"2024-01-15T10:23:45.123+00:00","@version":"1","message":"HikariPool-1 - Connection is not available, request timed out after 30000ms.","logger_name":"com.zaxxer.hikari.pool.HikariPool","thread_name":"http-nio-8080-exec-7","level":"ERROR","level_value":40000})J"
    "\n"
    R"J({"level":30,"time":1705314225123,"pid":18,"hostname":"checkout-5c9d8","msg":"request completed","req":{"method":"GET","url":"/health"},"responseTime":2})J"
    "\n"
    R"J({"asctime": "2024-01-15 10:23:46,001", "name": "worker.tasks", "levelname": "WARNING", "message": "Retrying task send_invoice (attempt 2) after \u201cConnectionResetError\u201d"})J"
    "\n"
    R"J({"timestamp":"2024-01-15T10:23:47Z","severity":"CRITICAL","message":"TLS handshake failed: certificate has expired (notAfter=2024-01-14T23:59:59Z)","service":"billing-gateway"})J"
    "\n";

const char kSyslog[] =
    "Jan 15 10:23:45 ip-10-0-3-17 systemd[1]: Started Session 42 of user ec2-user.\n"
    "Jan  5 03:01:02 ip-10-0-3-17 kernel: [12345.678901] Out of memory: Killed process 4242 (java) "
    "total-vm:8123456kB\n"
    "<27>Jan 15 10:23:47 db-1 postgres[2211]: FATAL:  remaining connection slots are reserved\n"
    "<165>1 2024-01-15T10:23:48.003Z web-3 nginx 1234 ID47 [meta sequenceId=\"1\"] upstream timed "
    "out (110: Connection timed out)\n"
    "2024-01-15T10:23:49.123456+00:00 ip-10-0-3-17 sshd[9876]: Accepted publickey for ec2-user "
    "from 10.0.0.5 port 51234 ssh2\n";

const char kSparkDriver[] =
    "24/01/15 10:23:45 INFO SparkContext: Running Spark version 3.5.0\n"
    "24/01/15 10:23:51 WARN TaskSetManager: Lost task 3.0 in stage 7.0 (TID 112) (10.0.3.17 "
    "executor 4): ExecutorLostFailure (executor 4 exited caused by one of the running tasks) "
    "Reason: Container killed by YARN for exceeding memory limits.\n"
    "24/01/15 10:23:52 ERROR TaskSchedulerImpl: Lost executor 4 on 10.0.3.17: Container killed by "
    "YARN for exceeding memory limits. 9.5 GB of 9.5 GB physical memory used.\n"
    "org.apache.spark.SparkException: Job aborted due to stage failure\n"
    "\tat "
    "org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:2785)"
    "\n";

const char kLogback[] =
    "2024-01-15 10:23:45.123 [main] INFO  com.acme.orders.Application - Started Application in 4.2 "
    "seconds\n"
    "2024-01-15 10:23:47.456 [http-nio-8080-exec-1] ERROR com.acme.orders.OrderController - Failed "
    "to place order 9921: timeout\n"
    "java.net.SocketTimeoutException: Read timed out\n"
    "2024-01-15 10:23:48,789 WARN [pool-2-thread-1] org.apache.kafka.clients.NetworkClient: "
    "[Consumer clientId=orders] Connection to node 3 could not be established.\n";

} // namespace

class TestLogFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void levelNames()
    {
        QCOMPARE(levelName(LogLevel::Warn), QStringLiteral("WARN"));
        QCOMPARE(levelFromName(QByteArrayView("warning")), LogLevel::Warn);
        QCOMPARE(levelFromName(QStringView(u"SEVERE")), LogLevel::Error);
        QCOMPARE(levelFromName(QByteArrayView("Critical")), LogLevel::Fatal);
        QCOMPARE(levelFromName(QByteArrayView("notice")), LogLevel::Notice);
        QCOMPARE(levelFromName(QByteArrayView("combo")), LogLevel::Unknown);
        QCOMPARE(levelFromName(QByteArrayView("")), LogLevel::Unknown);
        for (int i = 0; i < kLogLevelCount; ++i) {
            if (LogLevel(i) != LogLevel::Unknown)
                QCOMPARE(levelFromName(QStringView(levelName(LogLevel(i)))), LogLevel(i));
        }
    }

    void formatIds()
    {
        const QList<LogFormat> all = allLogFormats();
        QCOMPARE(all.size(), kLogFormatCount);
        QSet<QString> ids;
        for (LogFormat f : all) {
            const QString id = formatId(f);
            QVERIFY(!id.isEmpty());
            QVERIFY(!formatDisplayName(f).isEmpty());
            QCOMPARE(formatFromId(id), std::optional<LogFormat>(f));
            ids.insert(id);
        }
        QCOMPARE(ids.size(), kLogFormatCount);
        for (const char *id : {"log4j", "spark", "dlt-events", "kubectl-logs", "kube-events",
                               "klog", "kube-json", "s3-access", "json-app", "syslog", "hdfs",
                               "zookeeper", "apache-error", "bgl", "openstack", "plain"})
            QVERIFY2(formatFromId(QString::fromLatin1(id)).has_value(), id);
        QVERIFY(!formatFromId(u"nonsense").has_value());
    }

    void detection_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("format");
        QTest::newRow("dlt") << QByteArray(kDltEvents) << "dlt-events";
        QTest::newRow("kubectl-logs") << QByteArray(kKubectlLogs) << "kubectl-logs";
        QTest::newRow("kube-events") << QByteArray(kKubeEvents) << "kube-events";
        QTest::newRow("kube-events -A") << QByteArray(kKubeEventsAllNamespaces) << "kube-events";
        QTest::newRow("klog") << QByteArray(kKlog) << "klog";
        QTest::newRow("kube-json") << QByteArray(kKubeJson) << "kube-json";
        QTest::newRow("s3") << QByteArray(kS3Access) << "s3-access";
        QTest::newRow("json-app") << QByteArray(kJsonApp) << "json-app";
        QTest::newRow("syslog") << QByteArray(kSyslog) << "syslog";
        QTest::newRow("spark driver") << QByteArray(kSparkDriver) << "spark";
        QTest::newRow("logback") << QByteArray(kLogback) << "log4j";
        QTest::newRow("plain")
            << QByteArray("Starting backup\nbackup ERROR: disk full on /dev/sdb1\ndone\n")
            << "plain";
        QTest::newRow("empty") << QByteArray() << "plain";
    }

    void detection()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, format);
        const QList<QByteArray> lines = toLines(text.constData());
        QCOMPARE(formatId(detectFormat(lines)), format);
        const QList<FormatScore> scores = scoreFormats(lines);
        QCOMPARE(scores.size(), kLogFormatCount);
        QCOMPARE(formatId(scores.first().format), format);
    }

    void dltEvents()
    {
        const QList<QByteArray> l = toLines(kDltEvents);
        ParsedLine p = parseLine(LogFormat::DltEvents, l[2]);
        QVERIFY(p.matched);
        QCOMPARE(p.level, LogLevel::Error);
        QCOMPARE(p.time, QStringLiteral("2023-12-22T13:02:11.870Z"));
        QCOMPARE(p.source, QStringLiteral("main.sales.silver_orders"));
        QCOMPARE(p.message, QStringLiteral("Flow 'main.sales.silver_orders' has FAILED."));
        p = parseLine(LogFormat::DltEvents, l[0]);
        QCOMPARE(p.level, LogLevel::Info);
        QCOMPARE(p.source, QStringLiteral("create_update")); // no flow: the event type
        // JSON escapes are decoded in the message.
        p = parseLine(LogFormat::DltEvents, l[3]);
        QCOMPARE(
            p.message,
            QStringLiteral(
                "Flow 'main.sales.bronze_orders' has completed \"12,344\" rows.\nDropped 3 rows."));
        QCOMPARE(p.level, LogLevel::Info); // METRICS
        QCOMPARE(parseLine(LogFormat::DltEvents, l[4]).level, LogLevel::Warn);
        QCOMPARE(parseLevel(LogFormat::DltEvents, l[2]), LogLevel::Error);
        // A truncated JSON line is not an event.
        QVERIFY(!parseLine(LogFormat::DltEvents, l[2].left(200)).matched);
    }

    void kubectlLogs()
    {
        const QList<QByteArray> l = toLines(kKubectlLogs);
        ParsedLine p = parseLine(LogFormat::KubectlLogs, l[1]);
        QVERIFY(p.matched);
        QCOMPARE(p.time, QStringLiteral("2024-01-15T10:23:47.002118734Z"));
        QCOMPARE(p.source, QStringLiteral("pod/payments-api-7d9f8b6c5-x2x9k/api"));
        QCOMPARE(p.level, LogLevel::Error);
        QCOMPARE(p.message, QStringLiteral("connection pool exhausted: 50/50 in use, waited 30s"));
        p = parseLine(LogFormat::KubectlLogs, l[2]);
        QCOMPARE(p.level, LogLevel::Unknown); // a stack frame carries no level
        QCOMPARE(
            p.message,
            QStringLiteral("at org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:223)"));
        p = parseLine(LogFormat::KubectlLogs, l[3]);
        QCOMPARE(p.level, LogLevel::Warn);
        p = parseLine(LogFormat::KubectlLogs, l[4]);
        QCOMPARE(p.level, LogLevel::Info); // klog inside the container output
        QCOMPARE(
            p.message,
            QStringLiteral("Certificate rotated for spiffe://cluster.local/ns/payments/sa/api"));
        // Without --prefix.
        p = parseLine(LogFormat::KubectlLogs,
                      "2024-01-15T10:23:45.123456789Z E0115 10:23:45.123000 1 main.go:12] boom");
        QVERIFY(p.matched);
        QCOMPARE(p.level, LogLevel::Error);
        QCOMPARE(p.source, QStringLiteral("main.go:12"));
    }

    void kubeEvents()
    {
        const QList<QByteArray> l = toLines(kKubeEvents);
        ParsedLine p = parseLine(LogFormat::KubeEvents, l[0]);
        QVERIFY(p.matched);
        QCOMPARE(p.level, LogLevel::Unknown); // the header
        p = parseLine(LogFormat::KubeEvents, l[3]);
        QCOMPARE(p.time, QStringLiteral("11m"));
        QCOMPARE(p.level, LogLevel::Warn);
        QCOMPARE(p.source, QStringLiteral("pod/payments-api-7d9f8b6c5-x2x9k"));
        QCOMPARE(p.message,
                 QStringLiteral("Failed: Error: secret \"payments-db-credentials\" not found"));
        p = parseLine(LogFormat::KubeEvents, l[5]);
        QCOMPARE(p.level, LogLevel::Info);
        QCOMPARE(p.time, QStringLiteral("<unknown>"));
        QCOMPARE(p.message,
                 QStringLiteral("SuccessfulCreate: Created pod: payments-api-7d9f8b6c5-x2x9k"));
        const QList<QByteArray> a = toLines(kKubeEventsAllNamespaces);
        p = parseLine(LogFormat::KubeEvents, a[1]);
        QCOMPARE(p.time, QStringLiteral("4m2s"));
        QCOMPARE(p.source, QStringLiteral("pod/coredns-5d78c9869d-8kq2t"));
        QCOMPARE(p.message,
                 QStringLiteral(
                     "Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 503"));
    }

    void klog()
    {
        const QList<QByteArray> l = toLines(kKlog);
        const LogLevel expected[] = {LogLevel::Info, LogLevel::Warn, LogLevel::Error,
                                     LogLevel::Info, LogLevel::Fatal};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(parseLine(LogFormat::Klog, l[i]).level, expected[i]);
        const ParsedLine p = parseLine(LogFormat::Klog, l[2]);
        QCOMPARE(p.time, QStringLiteral("0115 10:23:47.772301"));
        QCOMPARE(p.source, QStringLiteral("kuberuntime_manager.go:1256"));
        QVERIFY(p.message.startsWith(QStringLiteral("container &Container{Name:api")));
        QVERIFY(!parseLine(LogFormat::Klog, "Info 0115 nothing").matched);
    }

    void kubeJson()
    {
        const QList<QByteArray> l = toLines(kKubeJson);
        ParsedLine p = parseLine(LogFormat::KubeJson, l[1]);
        QVERIFY(p.matched);
        QCOMPARE(p.level, LogLevel::Error); // an "err" key
        QCOMPARE(p.message, QStringLiteral("Unable to schedule pod; no fit; waiting"));
        QCOMPARE(p.source, QStringLiteral("scheduler/schedule_one.go:838"));
        QCOMPARE(p.time, QStringLiteral("2024-01-10T11:43:45.523Z")); // epoch seconds as ISO
        QCOMPARE(parseLine(LogFormat::KubeJson, l[0]).level, LogLevel::Info);
        QCOMPARE(parseLine(LogFormat::KubeJson, l[0]).time,
                 QStringLiteral("2024-01-10T11:43:45.123Z"));                  // ms
        QCOMPARE(parseLine(LogFormat::KubeJson, l[2]).level, LogLevel::Debug); // v=3
    }

    void s3Access()
    {
        const QList<QByteArray> l = toLines(kS3Access);
        ParsedLine p = parseLine(LogFormat::S3Access, l[0]);
        QVERIFY(p.matched);
        QCOMPARE(p.time, QStringLiteral("06/Feb/2019:00:00:38 +0000"));
        QCOMPARE(p.source, QStringLiteral("awsexamplebucket1"));
        QCOMPARE(p.level, LogLevel::Info);
        QCOMPARE(p.message,
                 QStringLiteral(
                     "REST.GET.VERSIONING - \"GET /awsexamplebucket1?versioning HTTP/1.1\" 200 -"));
        p = parseLine(LogFormat::S3Access, l[1]);
        QCOMPARE(p.level, LogLevel::Warn);
        QCOMPARE(
            p.message,
            QStringLiteral("REST.GET.OBJECT orders/2024/01/15/part-00000.parquet \"GET "
                           "/orders/2024/01/15/part-00000.parquet HTTP/1.1\" 403 AccessDenied"));
        QCOMPARE(parseLine(LogFormat::S3Access, l[2]).level, LogLevel::Error); // 503 SlowDown
        QCOMPARE(parseLevel(LogFormat::S3Access, l[2]), LogLevel::Error);
    }

    void jsonApp()
    {
        const QList<QByteArray> l = toLines(kJsonApp);
        ParsedLine p = parseLine(LogFormat::JsonApp, l[0]);
        QCOMPARE(p.level, LogLevel::Error);
        QCOMPARE(p.source, QStringLiteral("com.zaxxer.hikari.pool.HikariPool"));
        QCOMPARE(p.time, QStringLiteral("2024-01-15T10:23:45.123+00:00"));
        QCOMPARE(
            p.message,
            QStringLiteral(
                "HikariPool-1 - Connection is not available, request timed out after 30000ms."));
        p = parseLine(LogFormat::JsonApp, l[1]); // pino: numeric level, epoch ms
        QCOMPARE(p.level, LogLevel::Info);
        QCOMPARE(p.time, QStringLiteral("2024-01-15T10:23:45.123Z"));
        QCOMPARE(p.message, QStringLiteral("request completed"));
        p = parseLine(LogFormat::JsonApp, l[2]); // python-json-logger, \u escapes
        QCOMPARE(p.level, LogLevel::Warn);
        QCOMPARE(p.source, QStringLiteral("worker.tasks"));
        QCOMPARE(
            p.message,
            QStringLiteral(
                "Retrying task send_invoice (attempt 2) after \u201cConnectionResetError\u201d"));
        p = parseLine(LogFormat::JsonApp, l[3]);
        QCOMPARE(p.level, LogLevel::Fatal);
        QCOMPARE(p.source, QStringLiteral("billing-gateway"));
        QVERIFY(!parseLine(LogFormat::JsonApp, "{\"message\": \"unterminated").matched);
        QVERIFY(!parseLine(LogFormat::JsonApp, "not json").matched);
    }

    void syslog()
    {
        const QList<QByteArray> l = toLines(kSyslog);
        ParsedLine p = parseLine(LogFormat::Syslog, l[0]);
        QCOMPARE(p.time, QStringLiteral("Jan 15 10:23:45"));
        QCOMPARE(p.source, QStringLiteral("ip-10-0-3-17 systemd"));
        QCOMPARE(p.message, QStringLiteral("Started Session 42 of user ec2-user."));
        QCOMPARE(p.level, LogLevel::Unknown); // RFC 3164 without <PRI> has no severity
        p = parseLine(LogFormat::Syslog, l[1]);
        QCOMPARE(p.time, QStringLiteral("Jan  5 03:01:02"));
        QVERIFY(p.message.startsWith(QStringLiteral("[12345.678901] Out of memory")));
        p = parseLine(LogFormat::Syslog, l[2]);
        QCOMPARE(p.level, LogLevel::Error); // <27> = daemon.err
        QCOMPARE(p.message, QStringLiteral("FATAL:  remaining connection slots are reserved"));
        p = parseLine(LogFormat::Syslog, l[3]);
        QCOMPARE(p.level, LogLevel::Notice); // <165> = local4.notice
        QCOMPARE(p.time, QStringLiteral("2024-01-15T10:23:48.003Z"));
        QCOMPARE(p.source, QStringLiteral("web-3 nginx"));
        QCOMPARE(p.message, QStringLiteral("upstream timed out (110: Connection timed out)"));
        p = parseLine(LogFormat::Syslog, l[4]);
        QCOMPARE(p.time, QStringLiteral("2024-01-15T10:23:49.123456+00:00"));
        QCOMPARE(p.message,
                 QStringLiteral("Accepted publickey for ec2-user from 10.0.0.5 port 51234 ssh2"));
    }

    void sparkAndLog4j()
    {
        const QList<QByteArray> s = toLines(kSparkDriver);
        ParsedLine p = parseLine(LogFormat::Spark, s[2]);
        QCOMPARE(p.level, LogLevel::Error);
        QCOMPARE(p.source, QStringLiteral("TaskSchedulerImpl"));
        QCOMPARE(p.time, QStringLiteral("24/01/15 10:23:52"));
        QVERIFY(
            p.message.startsWith(QStringLiteral("Lost executor 4 on 10.0.3.17: Container killed")));
        p = parseLine(LogFormat::Spark, s[4]);
        QVERIFY(!p.matched); // a stack frame
        QCOMPARE(p.level, LogLevel::Unknown);
        QCOMPARE(p.message, QStringLiteral("at "
                                           "org.apache.spark.scheduler.DAGScheduler."
                                           "failJobAndIndependentStages(DAGScheduler.scala:2785)"));

        const QList<QByteArray> b = toLines(kLogback);
        p = parseLine(LogFormat::Log4j, b[1]);
        QCOMPARE(p.level, LogLevel::Error);
        QCOMPARE(p.source, QStringLiteral("com.acme.orders.OrderController"));
        QCOMPARE(p.message, QStringLiteral("Failed to place order 9921: timeout"));
        p = parseLine(LogFormat::Log4j, b[3]);
        QCOMPARE(p.level, LogLevel::Warn);
        QCOMPARE(p.source, QStringLiteral("org.apache.kafka.clients.NetworkClient"));
        QCOMPARE(p.message,
                 QStringLiteral(
                     "[Consumer clientId=orders] Connection to node 3 could not be established."));
        QVERIFY(!parseLine(LogFormat::Log4j, b[2]).matched);
    }

    void plainAndOddInput()
    {
        ParsedLine p = parseLine(LogFormat::Plain, "2024-01-15 10:00:00 backup ERROR: disk full\r");
        QCOMPARE(p.level, LogLevel::Error);
        QCOMPARE(p.time, QStringLiteral("2024-01-15 10:00:00"));
        QCOMPARE(p.message,
                 QStringLiteral("2024-01-15 10:00:00 backup ERROR: disk full")); // CR dropped
        QCOMPARE(parseLine(LogFormat::Plain, "an error occurred").level,
                 LogLevel::Unknown); // prose is no level
        // Invalid UTF-8 and empty lines never crash any parser.
        const QByteArray bad("\xff\xfe 2015-10-18 18:01:47,978 INFO [m] x: \xc3\x28 y");
        for (LogFormat f : allLogFormats()) {
            const ParsedLine q = parseLine(f, bad);
            Q_UNUSED(q);
            QCOMPARE(parseLine(f, QByteArrayView()).message, QString());
            QCOMPARE(parseLine(f, QByteArrayView("{")).source, QString());
        }
        QVERIFY(!parseLine(LogFormat::JsonApp, "{").matched);
        const ParsedLine q = parseLine(LogFormat::Plain, bad);
        QVERIFY(q.message.contains(QChar(0xFFFD)));
    }

    void viewMatchesStrings()
    {
        // parseLineView is what the template miner uses; it must agree with parseLine.
        const QList<QByteArray> l = toLines(kJsonApp);
        QByteArray scratch;
        const ParsedLineView v = parseLineView(LogFormat::JsonApp, l[2], &scratch);
        QCOMPARE(QString::fromUtf8(v.message), parseLine(LogFormat::JsonApp, l[2]).message);
        const ParsedLineView w =
            parseLineView(LogFormat::Spark, toLines(kSparkDriver)[1], &scratch);
        QCOMPARE(w.source, QByteArrayView("TaskSetManager"));
        QCOMPARE(w.level, LogLevel::Warn);
    }
};

QTEST_GUILESS_MAIN(TestLogFormat)
#include "test_log_format.moc"
