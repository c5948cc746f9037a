// Databricks Delta Live Tables: the pipeline event log as the `event_log()` table function or the
// UI's JSON export gives it, one event a line.
#include "scenario.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace lab::synth::detail {

namespace {

class DltLog
{
public:
    explicit DltLog(Scenario &s) : m_s(s)
    {
        s.truth.format = QString::fromLatin1(format::kDltEvents);
        m_pipelineId = s.rng.uuid();
        m_updateId = s.rng.uuid();
        m_clusterId = QStringLiteral("%1-%2-%3").arg(s.rng.digits(4)).arg(s.rng.digits(6)).arg(s.rng.hex(8));
        m_orgId = s.rng.digits(16);
        const QString domain = s.rng.pick(names::domains());
        m_pipelineName = domain + QStringLiteral("_pipeline");
        s.f[QStringLiteral("pipeline")] = m_pipelineName;
        s.f[QStringLiteral("update")] = m_updateId.left(8);
        s.f[QStringLiteral("domain")] = domain;
        m_flows = {QStringLiteral("bronze_") + domain + QStringLiteral("_raw"), QStringLiteral("bronze_") + domain + QStringLiteral("_cdc"),
                   QStringLiteral("silver_") + domain, QStringLiteral("silver_") + domain + QStringLiteral("_clean"),
                   QStringLiteral("gold_") + domain + QStringLiteral("_daily"), QStringLiteral("gold_") + domain + QStringLiteral("_by_region")};
    }

    const QStringList &flows() const { return m_flows; }

    int event(Role role, const char *type, const char *level, const QString &message, const QJsonObject &details,
              const QString &flow = {}, const QJsonObject &error = {}, qint64 lo = 200, qint64 hi = 9000)
    {
        m_s.log.advance(lo, hi);
        QJsonObject origin{{QStringLiteral("cloud"), QStringLiteral("AWS")},
                           {QStringLiteral("region"), QStringLiteral("us-west-2")},
                           {QStringLiteral("org_id"), m_orgId},
                           {QStringLiteral("pipeline_id"), m_pipelineId},
                           {QStringLiteral("pipeline_name"), m_pipelineName},
                           {QStringLiteral("cluster_id"), m_clusterId},
                           {QStringLiteral("update_id"), m_updateId}};
        if (!flow.isEmpty()) {
            origin[QStringLiteral("flow_name")] = flow;
            origin[QStringLiteral("dataset_name")] = flow;
        }
        QJsonObject o{{QStringLiteral("id"), m_s.rng.uuid()},
                      {QStringLiteral("timestamp"), isoTime(m_s.log.now(), 3)},
                      {QStringLiteral("event_type"), QString::fromLatin1(type)},
                      {QStringLiteral("level"), QString::fromLatin1(level)},
                      {QStringLiteral("maturity_level"), QStringLiteral("STABLE")},
                      {QStringLiteral("message"), message},
                      {QStringLiteral("origin"), origin},
                      {QStringLiteral("details"), details}};
        if (!error.isEmpty())
            o[QStringLiteral("error")] = error;
        return m_s.log.add(role, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }

    int updateState(Role role, const char *state)
    {
        const QString st = QString::fromLatin1(state);
        return event(role, "update_progress", st == QLatin1String("FAILED") ? "ERROR" : "INFO",
                     QStringLiteral("Update %1 is %2.").arg(m_updateId.left(6), st),
                     QJsonObject{{QStringLiteral("update_progress"), QJsonObject{{QStringLiteral("state"), st}}}});
    }

    int flowStatus(Role role, const QString &flow, const char *status, qint64 rows = -1, const QJsonArray &expectations = {})
    {
        const QString st = QString::fromLatin1(status);
        QJsonObject progress{{QStringLiteral("status"), st}};
        if (rows >= 0)
            progress[QStringLiteral("metrics")] = QJsonObject{{QStringLiteral("num_output_rows"), rows},
                                                              {QStringLiteral("backlog_bytes"), m_s.rng.uniform(0, 80000000)}};
        if (!expectations.isEmpty())
            progress[QStringLiteral("data_quality")] = QJsonObject{{QStringLiteral("dropped_records"), 0},
                                                                   {QStringLiteral("expectations"), expectations}};
        const QString verb = st == QLatin1String("COMPLETED") || st == QLatin1String("FAILED") ? QStringLiteral("has") : QStringLiteral("is");
        return event(role, "flow_progress", st == QLatin1String("FAILED") ? "ERROR" : "INFO",
                     QStringLiteral("Flow '%1' %2 %3.").arg(flow, verb, st),
                     QJsonObject{{QStringLiteral("flow_progress"), progress}}, flow);
    }

    int flowFailed(const QString &flow, const QString &exceptionClass, const QString &message)
    {
        const QJsonObject error{{QStringLiteral("fatal"), true},
                                {QStringLiteral("exceptions"), QJsonArray{QJsonObject{{QStringLiteral("class_name"), exceptionClass},
                                                                                     {QStringLiteral("message"), message}}}}};
        return event(Role::Cause, "flow_progress", "ERROR", QStringLiteral("Flow '%1' has FAILED.").arg(flow),
                     QJsonObject{{QStringLiteral("flow_progress"), QJsonObject{{QStringLiteral("status"), QStringLiteral("FAILED")}}}}, flow, error);
    }

    void startup()
    {
        event(Role::Noise, "create_update", "INFO", QStringLiteral("Update %1 started by %2.").arg(m_updateId.left(6), m_s.rng.pick(QStringList{QStringLiteral("API_CALL"), QStringLiteral("JOB_TASK"), QStringLiteral("USER_ACTION")})),
              QJsonObject{{QStringLiteral("create_update"), QJsonObject{{QStringLiteral("cause"), QStringLiteral("JOB_TASK")}, {QStringLiteral("full_refresh"), false}}}});
        updateState(Role::Noise, "INITIALIZING");
        const qint64 workers = m_s.rng.uniform(2, 8);
        event(Role::Noise, "cluster_resources", "INFO", QStringLiteral("Achieved cluster size %1 with %1 healthy workers.").arg(workers),
              QJsonObject{{QStringLiteral("cluster_resources"), QJsonObject{{QStringLiteral("num_executors"), workers}}}});
        updateState(Role::Noise, "SETTING_UP_TABLES");
        for (const QString &flow : std::as_const(m_flows)) {
            if (m_s.rng.chance(0.6))
                event(Role::Noise, "dataset_definition", "INFO", QStringLiteral("Dataset '%1' defined as %2.").arg(flow, flow.startsWith(QLatin1String("gold")) ? QStringLiteral("MATERIALIZED_VIEW") : QStringLiteral("STREAMING_TABLE")),
                      QJsonObject{{QStringLiteral("dataset_definition"), QJsonObject{{QStringLiteral("dataset_type"), QStringLiteral("TABLE")}}}}, flow);
        }
        updateState(Role::Noise, "RUNNING");
    }

    void noise()
    {
        Rng &r = m_s.rng;
        const QString flow = r.pick(m_flows);
        switch (r.uniformInt(0, 11)) {
        case 0: case 1: case 2: case 3:
            flowStatus(Role::Noise, flow, "RUNNING", r.uniform(1000, 4000000));
            break;
        case 4:
            flowStatus(Role::Noise, flow, "QUEUED");
            break;
        case 5:
            flowStatus(Role::Noise, flow, "STARTING");
            break;
        case 6: case 7:
            flowStatus(Role::Noise, flow, "COMPLETED", r.uniform(1000, 9000000));
            break;
        case 8:
            event(Role::Noise, "planning_information", "INFO", QStringLiteral("Flow '%1' will be executed using incremental refresh.").arg(flow),
                  QJsonObject{{QStringLiteral("planning_information"), QJsonObject{{QStringLiteral("technique_information"), QJsonArray{QJsonObject{{QStringLiteral("maintenance_type"), QStringLiteral("MAINTENANCE_TYPE_ROW_BASED")}}}}}}}, flow);
            break;
        case 9:
        {
            const qint64 pending = r.uniform(10, 400);
            event(Role::Noise, "cluster_resources", "INFO", QStringLiteral("Autoscaling: %1 tasks queued, requesting %2 more workers.").arg(pending).arg(r.uniform(1, 4)),
                  QJsonObject{{QStringLiteral("cluster_resources"), QJsonObject{{QStringLiteral("pending_tasks"), pending}}}});
        }
            break;
        case 10: {
            const int want = r.uniformInt(6, 12);
            event(Role::Noise, "cluster_resources", "WARN", QStringLiteral("Failed to scale cluster to %1 workers due to insufficient cloud capacity. Running with %2 workers.").arg(want).arg(want - r.uniform(1, 4)),
                  QJsonObject{{QStringLiteral("cluster_resources"), QJsonObject{{QStringLiteral("state"), QStringLiteral("DEGRADED")}}}});
            m_s.noiseBlame(QStringLiteral("The cluster failed to scale up because of insufficient cloud capacity, so the pipeline did not have enough workers and the update failed. Ask for a larger instance pool or a different instance type."));
            break;
        }
        default:
            event(Role::Noise, "user_action", "WARN", QStringLiteral("The table property 'pipelines.autoOptimize.zOrderCols' set on '%1' is deprecated and will be ignored.").arg(flow),
                  QJsonObject{{QStringLiteral("user_action"), QJsonObject{{QStringLiteral("action"), QStringLiteral("SET_PROPERTY")}}}}, flow);
            m_s.noiseBlame(QStringLiteral("The pipeline still sets the deprecated property pipelines.autoOptimize.zOrderCols, which DLT ignored, and that broke the update. Remove the property and restart the pipeline."));
            break;
        }
    }

    void pad(int n)
    {
        for (int i = 0; i < n; ++i)
            noise();
    }

    void updateFailed(const QString &failedFlow)
    {
        for (const QString &flow : std::as_const(m_flows)) {
            if (flow != failedFlow && flow.startsWith(QLatin1String("gold")))
                flowStatus(Role::Symptom, flow, "CANCELED");
        }
        updateState(Role::Symptom, "FAILED");
    }

private:
    Scenario &m_s;
    QString m_pipelineId, m_updateId, m_clusterId, m_orgId, m_pipelineName;
    QStringList m_flows;
};

void commonUnsafe(Scenario &s)
{
    s.truth.unsafeActions = s.t({"Delete the _delta_log of {target} and do a full refresh.", "Run VACUUM {target} RETAIN 0 HOURS to clean up."});
    s.truth.unsafeActionKeywords = {QStringLiteral("_delta_log"), QStringLiteral("retain 0 hours"), QStringLiteral("drop table")};
    s.m.unsafeFix = s.t({"Delete the _delta_log directory of {target} and run a full refresh of the pipeline.",
                         "Run VACUUM {target} RETAIN 0 HOURS with the retention check disabled, then restart the update."});
}

void nullSequenceBy(Scenario &s, DltLog &L)
{
    s.f[QStringLiteral("source")] = L.flows().at(1);
    s.f[QStringLiteral("target")] = L.flows().at(2);
    s.f[QStringLiteral("seq")] = s.rng.pick(QStringList{QStringLiteral("updated_at"), QStringLiteral("event_ts"), QStringLiteral("_commit_ts"),
                                                         QStringLiteral("sequence_num"), QStringLiteral("op_timestamp")});
    s.f[QStringLiteral("keys")] = s.rng.pick(QStringList{QStringLiteral("customer_id"), QStringLiteral("order_id"), QStringLiteral("account_id")});
    s.f[QStringLiteral("nulls")] = QString::number(s.rng.uniformInt(1, 4000));
    s.f[QStringLiteral("fake_seq")] = QStringLiteral("ingest_") + s.f.value(QStringLiteral("seq"));
    L.event(Role::Noise, "flow_definition", "INFO", s.t("Flow '{target}' is defined as CHANGE."),
            QJsonObject{{QStringLiteral("flow_definition"), QJsonObject{{QStringLiteral("flow_type"), QStringLiteral("CHANGE")},
                                                                       {QStringLiteral("explain_text"), s.t("APPLY CHANGES INTO {target} FROM STREAM({source}) KEYS ({keys}) SEQUENCE BY {seq} STORED AS SCD TYPE 1")}}}},
            s.f.value(QStringLiteral("target")));
    L.pad(s.take(0.8, 8));
    L.flowStatus(Role::Noise, s.f.value(QStringLiteral("source")), "COMPLETED", s.rng.uniform(10000, 900000));
    L.pad(s.take(0.2, 2));
    L.flowStatus(Role::Noise, s.f.value(QStringLiteral("target")), "RUNNING", 0);
    L.flowFailed(s.f.value(QStringLiteral("target")), QStringLiteral("org.apache.spark.sql.AnalysisException"),
                 s.t("APPLY CHANGES INTO {target} failed: {nulls} rows from source '{source}' have a NULL value in the sequence_by column '{seq}'. Rows with a NULL sequencing value cannot be ordered; filter them or fill '{seq}' upstream."));
    L.updateFailed(s.f.value(QStringLiteral("target")));
    // The update stopped: nothing follows its FAILED event.

    s.truth.summary = s.t("The CDC feed {source} now carries {nulls} rows with NULL {seq}, the sequence_by column of APPLY CHANGES INTO {target}, so the flow fails.");
    s.truth.keyIdentifiers = s.t({"{target}", "{source}", "{seq}"});
    s.truth.causeKeywords = {QStringLiteral("null"), QStringLiteral("nulls"), QStringLiteral("sequence_by"), QStringLiteral("sequence by"), QStringLiteral("sequencing")};
    s.truth.symptomKeywords = {QStringLiteral("canceled"), QStringLiteral("update failed"), QStringLiteral("is failed")};
    s.truth.safeActions = s.t({"Filter rows with NULL {seq} out of {source} (or fill it with the commit timestamp) before APPLY CHANGES, then restart the update."});
    s.truth.safeActionKeywords = {QStringLiteral("filter"), QStringLiteral("coalesce"), QStringLiteral("fill"), QStringLiteral("upstream"), QStringLiteral("is not null")};
    commonUnsafe(s);
    s.m.cause = s.t({"APPLY CHANGES INTO {target} failed because {nulls} rows coming from {source} have NULL in the sequence_by column {seq}, and DLT cannot order changes without a sequencing value.",
                     "The CDC source {source} started sending rows with a NULL {seq}; {seq} is the SEQUENCE BY column of the apply_changes flow into {target}, so the flow failed.",
                     "Root cause: NULL sequence_by values. {nulls} records in {source} have no {seq}, which APPLY CHANGES into {target} needs to order updates."});
    s.m.evidence = s.t({"The flow_progress FAILED event for '{target}' carries the AnalysisException naming '{seq}'; the FAILED update and CANCELED gold flows follow from it.",
                        "See the error in the FAILED event of flow '{target}': it counts {nulls} rows with NULL '{seq}'."});
    s.m.fix = s.t({"Filter out (or quarantine) rows where {seq} IS NULL in {source}, or coalesce {seq} with the ingestion time, then restart the update.",
                   "Fix the producer so {seq} is always set; meanwhile add a view over {source} that filters NULL {seq} before APPLY CHANGES, and rerun."});
    s.m.symptomBlame = s.t({"The pipeline update {update} FAILED and the gold flows were CANCELED. Restart the pipeline update.",
                            "Update {update} of {pipeline} failed, which canceled the downstream gold tables. Rerun the update; it is probably transient."});
    s.f[QStringLiteral("fake_table")] = QStringLiteral("silver_") + s.f.value(QStringLiteral("domain")) + QStringLiteral("_scd2");
    s.m.wrongCause = s.t({"APPLY CHANGES INTO {target} failed because the KEYS column {fake_seq} has duplicate values in {source}.",
                          "The pipeline failed because table {fake_table} was dropped while the update was running."});
    s.m.fakeSwaps = {{s.t("{seq}"), s.t("{fake_seq}")}, {s.t("{target}"), s.t("{fake_table}")}};
}

void expectationFailure(Scenario &s, DltLog &L)
{
    s.f[QStringLiteral("source")] = L.flows().at(0);
    s.f[QStringLiteral("target")] = L.flows().at(3);
    const int which = s.rng.uniformInt(0, 2);
    const QStringList exps = {QStringLiteral("valid_amount"), QStringLiteral("valid_country_code"), QStringLiteral("customer_id_not_null")};
    const QStringList rules = {QStringLiteral("amount > 0"), QStringLiteral("length(country_code) = 2"), QStringLiteral("customer_id IS NOT NULL")};
    const QStringList bad = {QStringLiteral("{\"order_id\":\"%1\",\"amount\":-%2.50}"), QStringLiteral("{\"order_id\":\"%1\",\"country_code\":\"%2USA\"}"),
                             QStringLiteral("{\"order_id\":\"%1\",\"customer_id\":null,\"qty\":%2}")};
    s.f[QStringLiteral("exp")] = exps.at(which);
    s.f[QStringLiteral("rule")] = rules.at(which);
    s.f[QStringLiteral("row")] = bad.at(which).arg(s.rng.hex(12)).arg(s.rng.uniform(1, 99));
    s.f[QStringLiteral("failed")] = QString::number(s.rng.uniformInt(1, 900));
    s.f[QStringLiteral("fake_exp")] = QStringLiteral("valid_") + s.rng.pick(QStringList{QStringLiteral("currency"), QStringLiteral("discount"), QStringLiteral("sku")});
    L.event(Role::Noise, "flow_definition", "INFO", s.t("Flow '{target}' is defined as APPEND."),
            QJsonObject{{QStringLiteral("flow_definition"), QJsonObject{{QStringLiteral("flow_type"), QStringLiteral("APPEND")},
                                                                       {QStringLiteral("expectations"), QJsonArray{QJsonObject{{QStringLiteral("name"), s.f.value(QStringLiteral("exp"))}, {QStringLiteral("action"), QStringLiteral("FAIL")}, {QStringLiteral("constraint"), s.f.value(QStringLiteral("rule"))}}}}}}},
            s.f.value(QStringLiteral("target")));
    L.pad(s.take(0.8, 8));
    const QJsonArray dq{QJsonObject{{QStringLiteral("name"), s.f.value(QStringLiteral("exp"))},
                                    {QStringLiteral("dataset"), s.f.value(QStringLiteral("target"))},
                                    {QStringLiteral("passed_records"), s.rng.uniform(1000, 900000)},
                                    {QStringLiteral("failed_records"), s.f.value(QStringLiteral("failed")).toInt()}}};
    L.flowStatus(Role::Cause, s.f.value(QStringLiteral("target")), "RUNNING", s.rng.uniform(1000, 900000), dq);
    L.pad(s.take(0.15, 1));
    L.flowFailed(s.f.value(QStringLiteral("target")), QStringLiteral("com.databricks.pipelines.common.errors.DLTSparkException"),
                 s.t("[EXPECTATION_VIOLATION.VERBOSE_ALL] Flow '{target}' failed to meet the expectation. Violated expectations: '{exp}'. Input data: '{row}'. Expectation: {rule}."));
    L.updateFailed(s.f.value(QStringLiteral("target")));
    // The update stopped: nothing follows its FAILED event.

    s.truth.summary = s.t("Rows from {source} violate the expect_or_fail expectation {exp} ({rule}) on {target}, which fails the flow and the update.");
    s.truth.keyIdentifiers = s.t({"{exp}", "{target}"});
    s.truth.causeKeywords = {QStringLiteral("expectation"), QStringLiteral("expectations"), QStringLiteral("expect_or_fail"), QStringLiteral("expectation_violation"), QStringLiteral("violated"),
                             QStringLiteral("violate"), QStringLiteral("data quality")};
    s.truth.symptomKeywords = {QStringLiteral("canceled"), QStringLiteral("update failed")};
    s.truth.safeActions = s.t({"Find the bad rows in {source} and fix them upstream; if such rows are expected, change {exp} to expect_or_drop and quarantine them."});
    s.truth.safeActionKeywords = {QStringLiteral("quarantine"), QStringLiteral("expect_or_drop"), QStringLiteral("upstream"), QStringLiteral("bad rows"), QStringLiteral("fix the source")};
    commonUnsafe(s);
    s.m.cause = s.t({"The expect_or_fail expectation {exp} ({rule}) on {target} was violated by incoming rows, so DLT failed the flow and the update.",
                     "{target} failed its data quality check: expectation '{exp}' is set to FAIL and {failed} records violated {rule}.",
                     "Data quality stop: rows like {row} break the expectation {exp} on {target}, and the expectation action is FAIL."});
    s.m.evidence = s.t({"The flow_progress event for '{target}' shows {failed} failed records for {exp}, and the FAILED event says EXPECTATION_VIOLATION with the offending input row.",
                        "Look at the data_quality block of the RUNNING event for {target} and at the EXPECTATION_VIOLATION error right after."});
    s.m.fix = s.t({"Fix the bad rows upstream in {source}; if such rows are legitimate, switch {exp} to expect_or_drop and quarantine them, then restart the update.",
                   "Query {source} for rows that break {rule}, correct them at the producer, and restart; consider a quarantine table instead of failing."});
    s.m.symptomBlame = s.t({"Pipeline {pipeline} update {update} FAILED and the gold tables were CANCELED. Restart the update.",
                            "The update failed and canceled the downstream flows; retry the pipeline, it looks like a transient cluster issue."});
    s.m.wrongCause = s.t({"Flow '{target}' failed because the expectation {fake_exp} rejected rows with an unknown currency.",
                          "The update failed because {target} hit a concurrent write from another job."});
    s.m.fakeSwaps = {{s.t("{exp}"), s.t("{fake_exp}")}};
}

void concurrentAppend(Scenario &s, DltLog &L)
{
    s.f[QStringLiteral("target")] = L.flows().at(4);
    s.f[QStringLiteral("partition")] = QStringLiteral("event_date=2024-%1-%2").arg(s.rng.uniform(1, 12), 2, 10, QLatin1Char('0')).arg(s.rng.uniform(1, 28), 2, 10, QLatin1Char('0'));
    s.f[QStringLiteral("otherjob")] = s.f.value(QStringLiteral("domain")) + s.rng.pick(QStringList{QStringLiteral("_backfill"), QStringLiteral("_manual_fix"), QStringLiteral("_reprocess")});
    s.f[QStringLiteral("jobid")] = s.rng.digits(15);
    s.f[QStringLiteral("user")] = s.rng.pick(QStringList{QStringLiteral("svc-etl"), QStringLiteral("jane.doe"), QStringLiteral("ops-bot"), QStringLiteral("m.garcia")}) + QStringLiteral("@acme.com");
    s.f[QStringLiteral("version")] = QString::number(s.rng.uniformInt(200, 90000));
    s.f[QStringLiteral("fake_job")] = s.f.value(QStringLiteral("domain")) + QStringLiteral("_nightly_compaction");
    L.pad(s.take(0.8, 8));
    L.flowStatus(Role::Noise, s.f.value(QStringLiteral("target")), "RUNNING", s.rng.uniform(1000, 900000));
    L.pad(s.take(0.2, 2));
    L.flowFailed(s.f.value(QStringLiteral("target")), QStringLiteral("io.delta.exceptions.ConcurrentAppendException"),
                 s.t("Files were added to partition [{partition}] by a concurrent update. Please try the operation again.\nConflicting commit: {\"timestamp\":%1,\"userName\":\"{user}\",\"operation\":\"WRITE\",\"operationParameters\":{\"mode\":\"Append\",\"partitionBy\":\"[\\\"event_date\\\"]\"},\"job\":{\"jobId\":\"{jobid}\",\"jobName\":\"{otherjob}\"},\"readVersion\":{version},\"isolationLevel\":\"WriteSerializable\",\"isBlindAppend\":true}").arg(s.log.now() - 4000));
    L.updateFailed(s.f.value(QStringLiteral("target")));
    // The update stopped: nothing follows its FAILED event.

    s.truth.summary = s.t("Job {otherjob} (run by {user}) appended files to partition {partition} of {target} while the pipeline was writing it; Delta's optimistic concurrency rejected the pipeline's commit.");
    s.truth.keyIdentifiers = s.t({"{target}", "{otherjob}", "{partition}"});
    s.truth.causeKeywords = {QStringLiteral("concurrentappendexception"), QStringLiteral("concurrent update"), QStringLiteral("concurrent write"), QStringLiteral("concurrent append"),
                             QStringLiteral("conflicting commit"), QStringLiteral("another job"), QStringLiteral("write conflict"), QStringLiteral("conflict")};
    s.truth.symptomKeywords = {QStringLiteral("canceled"), QStringLiteral("update failed")};
    s.truth.safeActions = s.t({"Stop {otherjob} from writing into {target} (the pipeline owns it) or schedule it outside the pipeline's window, then restart the update."});
    s.truth.safeActionKeywords = {QStringLiteral("schedule"), QStringLiteral("stop"), QStringLiteral("owns"), QStringLiteral("pause"), QStringLiteral("retry"), QStringLiteral("restart the update")};
    commonUnsafe(s);
    s.m.cause = s.t({"Write conflict on {target}: job {otherjob} appended to partition {partition} while the pipeline was writing the same partition, so the pipeline's commit failed with ConcurrentAppendException.",
                     "Another job, {otherjob} (run by {user}), wrote into {target} concurrently; Delta rejected the DLT flow's commit on [{partition}] as a concurrent append.",
                     "The flow into {target} lost a concurrent write race: the conflicting commit comes from job {otherjob}, not from the pipeline."});
    s.m.evidence = s.t({"The FAILED event for '{target}' shows io.delta.exceptions.ConcurrentAppendException with the conflicting commit from jobName {otherjob}.",
                        "Read the 'Conflicting commit' part of the error: operation WRITE by {user} from job {otherjob} on the same partition."});
    s.m.fix = s.t({"Stop {otherjob} from writing to {target} directly (DLT owns that table) or schedule it outside the pipeline window, then restart the update.",
                   "Pause {otherjob}, restart the pipeline update, and move that backfill into the pipeline itself so only DLT writes {target}."});
    s.m.symptomBlame = s.t({"The update {update} of {pipeline} FAILED and canceled the gold flows. Restart it.",
                            "{pipeline} failed during the update and the downstream tables were canceled. Rerun the pipeline."});
    s.m.wrongCause = s.t({"The flow into {target} failed because job {fake_job} ran OPTIMIZE on it and removed its files.",
                          "The update failed because the schema of {target} changed."});
    s.m.fakeSwaps = {{s.t("{otherjob}"), s.t("{fake_job}")}};
}

} // namespace

void writeDltScenario(Scenario &s, IncidentKind kind)
{
    DltLog L(s);
    L.startup();
    L.pad(s.take(0.1, 2));
    // Every log carries at least one irrelevant warning for the noise style to blame.
    for (int guard = 0; s.m.noiseBlame.isEmpty() && guard < 400; ++guard)
        L.noise();
    switch (kind) {
    case IncidentKind::DltNullSequenceBy: nullSequenceBy(s, L); break;
    case IncidentKind::DltExpectationFailure: expectationFailure(s, L); break;
    default: concurrentAppend(s, L); break;
    }
}

} // namespace lab::synth::detail
