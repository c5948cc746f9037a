// Spark driver logs: the five Spark root causes. The log is what `Driver logs > log4j` shows on
// Databricks or `yarn logs` prints for the driver container, in either the classic Spark layout
// (24/03/11 14:02:17 INFO TaskSetManager: ...) or the log4j2 ISO layout with thread names.
#include "scenario.h"

namespace lab::synth::detail {

namespace {

class SparkLog
{
public:
    explicit SparkLog(Scenario &s) : m_s(s)
    {
        m_iso = s.rng.chance(0.4);
        s.truth.format = QString::fromLatin1(m_iso ? format::kLog4j : format::kSpark);
        const int executors = s.rng.uniformInt(4, 16);
        for (int e = 1; e <= executors; ++e)
            m_executors << qMakePair(QString::number(e), s.rng.privateIp());
        m_stage = s.rng.uniformInt(2, 40);
        m_tid = s.rng.uniformInt(100, 9000);
        m_broadcast = s.rng.uniformInt(3, 60);
        m_finishedTid = m_tid - s.rng.uniformInt(40, 80);
        m_finished = s.rng.uniformInt(1, m_partitions / 2);
        m_partitions = s.rng.pick(std::vector<int>{64, 128, 200, 400, 800, 1600});
        m_driverIp = s.rng.privateIp();
        m_callSite = s.rng.pick(QStringList{QStringLiteral("save at NativeMethodAccessorImpl.java:0"),
                                            QStringLiteral("saveAsTable at NativeMethodAccessorImpl.java:0"),
                                            QStringLiteral("run at ThreadPoolExecutor.java:1149"),
                                            QStringLiteral("count at NativeMethodAccessorImpl.java:0"),
                                            QStringLiteral("$anonfun$recordDeltaOperation at DatabricksLogging.scala:128")});
    }

    int line(Role role, const char *level, const QString &logger, const QString &msg, qint64 lo = 5,
             qint64 hi = 1500)
    {
        m_s.log.advance(lo, hi);
        const QString lvl = QString::fromLatin1(level);
        if (m_iso) {
            static const QStringList threads = {QStringLiteral("task-result-getter-0"), QStringLiteral("dag-scheduler-event-loop"),
                                                QStringLiteral("dispatcher-event-loop-1"), QStringLiteral("main"),
                                                QStringLiteral("spark-listener-group-shared"), QStringLiteral("executor-heartbeater")};
            QString thread = threads.at(int(m_s.rng.uniform(0, threads.size() - 1)));
            return m_s.log.add(role, log4jTime(m_s.log.now()) + QLatin1Char(' ') + lvl.leftJustified(5)
                                         + QStringLiteral(" [") + thread + QStringLiteral("] ") + logger
                                         + QStringLiteral(": ") + msg);
        }
        return m_s.log.add(role, sparkTime(m_s.log.now()) + QLatin1Char(' ') + lvl + QLatin1Char(' ') + logger
                                     + QStringLiteral(": ") + msg);
    }
    int info(const QString &logger, const QString &msg, Role role = Role::Noise)
    {
        return line(role, "INFO", logger, msg);
    }
    void trace(const QStringList &frames)
    {
        for (const QString &f : frames)
            m_s.log.add(Role::Trace, QStringLiteral("\tat ") + f);
    }

    QPair<QString, QString> executor() { return m_s.rng.pick(std::vector<QPair<QString, QString>>(m_executors.begin(), m_executors.end())); }
    const QList<QPair<QString, QString>> &executors() const { return m_executors; }
    int nextTid() { return ++m_tid; }
    int stage() const { return m_stage; }
    void nextStage() { m_stage += m_s.rng.uniformInt(1, 3); }
    int partitions() const { return m_partitions; }
    QString callSite() const { return m_callSite; }
    QString driverIp() const { return m_driverIp; }

    void startup()
    {
        const Facts &f = m_s.f;
        info(QStringLiteral("SparkContext"), QStringLiteral("Running Spark version 3.%1.%2").arg(m_s.rng.uniform(2, 5)).arg(m_s.rng.uniform(0, 2)));
        info(QStringLiteral("SparkContext"), QStringLiteral("Submitted application: ") + f.value(QStringLiteral("app")));
        info(QStringLiteral("SecurityManager"), QStringLiteral("Changing view acls to: root"));
        info(QStringLiteral("Utils"), QStringLiteral("Successfully started service 'sparkDriver' on port %1.").arg(m_s.rng.uniform(33000, 45000)));
        info(QStringLiteral("SparkEnv"), QStringLiteral("Registering MapOutputTracker"));
        info(QStringLiteral("SparkEnv"), QStringLiteral("Registering BlockManagerMaster"));
        const QString sparkDir = m_s.rng.uuid();
        info(QStringLiteral("DiskBlockManager"), QStringLiteral("Created local directory at /local_disk0/spark-%1/blockmgr-%2").arg(sparkDir).arg(m_s.rng.uuid()));
        info(QStringLiteral("MemoryStore"), QStringLiteral("MemoryStore started with capacity %1.%2 GiB").arg(m_s.rng.uniform(8, 40)).arg(m_s.rng.uniform(0, 9)));
        info(QStringLiteral("SparkUI"), QStringLiteral("Bound SparkUI to 0.0.0.0, and started at http://%1:4040").arg(m_driverIp));
        for (const auto &e : std::as_const(m_executors)) {
            if (m_s.rng.chance(0.5))
                info(QStringLiteral("BlockManagerMasterEndpoint"),
                     QStringLiteral("Registering block manager %1:%2 with 7.%3 GiB RAM, BlockManagerId(%4, %1, %2, None)")
                         .arg(e.second).arg(m_s.rng.uniform(35000, 45000)).arg(m_s.rng.uniform(0, 9)).arg(e.first));
        }
    }

    void jobStart()
    {
        const int job = m_s.rng.uniformInt(0, 30);
        m_s.f[QStringLiteral("job")] = QString::number(job);
        info(QStringLiteral("SparkContext"), QStringLiteral("Starting job: ") + m_callSite);
        info(QStringLiteral("DAGScheduler"), QStringLiteral("Got job %1 (%2) with %3 output partitions").arg(job).arg(m_callSite).arg(m_partitions));
        info(QStringLiteral("DAGScheduler"), QStringLiteral("Final stage: ResultStage %1 (%2)").arg(m_stage).arg(m_callSite));
        info(QStringLiteral("DAGScheduler"), QStringLiteral("Parents of final stage: List(ShuffleMapStage %1)").arg(m_stage - 1));
        info(QStringLiteral("DAGScheduler"), QStringLiteral("Submitting %1 missing tasks from ResultStage %2 (MapPartitionsRDD[%3] at %4) (first 15 tasks are for partitions Vector(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14))")
                                                 .arg(m_partitions).arg(m_stage).arg(m_s.rng.uniform(10, 300)).arg(m_callSite));
        info(QStringLiteral("TaskSchedulerImpl"), QStringLiteral("Adding task set %1.0 with %2 tasks resource profile 0").arg(m_stage).arg(m_partitions));
    }

    // One line of ordinary driver chatter, or now and then an irrelevant warning.
    void noise()
    {
        Rng &r = m_s.rng;
        const auto e = executor();
        const int p = r.uniformInt(0, m_partitions - 1);
        switch (r.uniformInt(0, 15)) {
        case 0: case 1: case 2: case 3:
            info(QStringLiteral("TaskSetManager"), QStringLiteral("Starting task %1.0 in stage %2.0 (TID %3) (%4, executor %5, partition %1, PROCESS_LOCAL, %6 bytes) taskResourceAssignments Map()")
                                                       .arg(p).arg(m_stage).arg(nextTid()).arg(e.second, e.first).arg(r.uniform(4200, 9800)));
            break;
        case 4: case 5: case 6: case 7:
            info(QStringLiteral("TaskSetManager"), QStringLiteral("Finished task %1.0 in stage %2.0 (TID %3) in %4 ms on %5 (executor %6) (%7/%8)")
                                                       .arg(p).arg(m_stage).arg(m_finishedTid).arg(r.uniform(180, 45000)).arg(e.second, e.first)
                                                       .arg(std::min(m_finished, m_partitions - 1)).arg(m_partitions));
            m_finishedTid += r.uniformInt(1, 3);
            m_finished += r.uniformInt(1, 4);
            break;
        case 8:
            info(QStringLiteral("BlockManagerInfo"), QStringLiteral("Added broadcast_%1_piece0 in memory on %2:%3 (size: %4.%5 KiB, free: %6.%7 GiB)")
                                                         .arg(m_broadcast).arg(e.second).arg(r.uniform(35000, 45000)).arg(r.uniform(4, 90)).arg(r.uniform(0, 9)).arg(r.uniform(2, 7)).arg(r.uniform(0, 9)));
            break;
        case 9:
            ++m_broadcast;
            info(QStringLiteral("MemoryStore"), QStringLiteral("Block broadcast_%1 stored as values in memory (estimated size %2.%3 KiB, free %4.%5 GiB)")
                                                    .arg(m_broadcast).arg(r.uniform(20, 900)).arg(r.uniform(0, 9)).arg(r.uniform(2, 30)).arg(r.uniform(0, 9)));
            break;
        case 10:
            info(QStringLiteral("CodeGenerator"), QStringLiteral("Code generated in %1.%2 ms").arg(r.uniform(3, 90)).arg(r.digits(6)));
            break;
        case 11:
            info(QStringLiteral("ContextCleaner"), QStringLiteral("Cleaned accumulator %1").arg(r.uniform(100, 9000)));
            break;
        case 12:
            info(QStringLiteral("MapOutputTrackerMaster"), QStringLiteral("Size of output statuses for shuffle %1 is %2 bytes").arg(r.uniform(0, 20)).arg(r.uniform(300, 9000)));
            break;
        case 13:
            info(QStringLiteral("FileSourceStrategy"), QStringLiteral("Pushed Filters: IsNotNull(%1),GreaterThanOrEqual(%1,%2)").arg(names::column(r)).arg(r.uniform(1, 500)));
            break;
        case 14:
            info(QStringLiteral("ExecutorAllocationManager"), QStringLiteral("Requesting %1 new executors because tasks are backlogged (new desired total will be %2 for resource profile id: 0)")
                                                                  .arg(r.uniform(1, 4)).arg(m_executors.size() + r.uniform(1, 6)));
            break;
        default:
            irrelevantWarning();
            break;
        }
    }

    void irrelevantWarning()
    {
        Rng &r = m_s.rng;
        switch (r.uniformInt(0, 4)) {
        case 0:
            line(Role::Noise, "WARN", QStringLiteral("NativeCodeLoader"), QStringLiteral("Unable to load native-hadoop library for your platform... using builtin-java classes where applicable"));
            m_s.noiseBlame(QStringLiteral("Spark could not load the native-hadoop library and fell back to the builtin Java classes, which broke the job. Install the native Hadoop libraries on the cluster nodes and rerun."));
            break;
        case 1:
            line(Role::Noise, "WARN", QStringLiteral("SQLConf"), QStringLiteral("The SQL config 'spark.sql.legacy.parquet.datetimeRebaseModeInWrite' has been deprecated in Spark v3.2 and may be removed in the future. Use 'spark.sql.parquet.datetimeRebaseModeInWrite' instead."));
            m_s.noiseBlame(QStringLiteral("The job still sets the deprecated config spark.sql.legacy.parquet.datetimeRebaseModeInWrite, and Spark refused it. Switch to spark.sql.parquet.datetimeRebaseModeInWrite and the run should go through."));
            break;
        case 2:
            line(Role::Noise, "WARN", QStringLiteral("Utils"), QStringLiteral("Truncated the string representation of a plan since it was too large. This behavior can be adjusted by setting 'spark.sql.debug.maxToStringFields'."));
            m_s.noiseBlame(QStringLiteral("The query plan got too large and Spark truncated it, so the plan it executed was incomplete. Raise spark.sql.debug.maxToStringFields and rerun."));
            break;
        case 3:
            line(Role::Noise, "WARN", QStringLiteral("ProcfsMetricsGetter"), QStringLiteral("Exception when trying to compute pagesize, as a result reporting of ProcessTree metrics is stopped"));
            m_s.noiseBlame(QStringLiteral("The ProcfsMetricsGetter warning shows Spark failed to compute the page size and stopped ProcessTree metrics, which is what took the job down. Fix the procfs access on the workers."));
            break;
        default:
            line(Role::Noise, "WARN", QStringLiteral("MetricsConfig"), QStringLiteral("Cannot locate configuration: tried hadoop-metrics2-s3a-file-system.properties,hadoop-metrics2.properties"));
            m_s.noiseBlame(QStringLiteral("Hadoop could not find hadoop-metrics2.properties, so the S3A filesystem was misconfigured and the job failed. Add the metrics config to the cluster."));
            break;
        }
    }

    void pad(int n)
    {
        for (int i = 0; i < n; ++i)
            noise();
    }

    // After the abort nothing runs any more: the stage's other tasks are killed and the
    // application shuts down. Takes about `n` lines.
    void shutdown(int n)
    {
        Rng &r = m_s.rng;
        const int killed = std::clamp(n / 3, 2, 8);
        for (int i = 0; i < killed; ++i) {
            const auto e = executor();
            line(Role::Symptom, "WARN", QStringLiteral("TaskSetManager"),
                 QStringLiteral("Lost task %1.0 in stage %2.0 (TID %3) (%4 executor %5): TaskKilled (Stage cancelled)")
                     .arg(r.uniform(0, m_partitions - 1)).arg(m_stage).arg(m_tid - r.uniform(0, 30)).arg(e.second, e.first), 1, 200);
        }
        line(Role::Noise, "INFO", QStringLiteral("TaskSchedulerImpl"), QStringLiteral("Removed TaskSet %1.0, whose tasks have all completed, from pool").arg(m_stage));
        const QStringList stops = {
            QStringLiteral("SparkContext|Invoking stop() from shutdown hook"),
            QStringLiteral("SparkUI|Stopped Spark web UI at http://%1:4040").arg(m_driverIp),
            QStringLiteral("YarnClientSchedulerBackend|Shutting down all executors"),
            QStringLiteral("MapOutputTrackerMasterEndpoint|MapOutputTrackerMasterEndpoint stopped!"),
            QStringLiteral("MemoryStore|MemoryStore cleared"),
            QStringLiteral("BlockManager|BlockManager stopped"),
            QStringLiteral("BlockManagerMaster|BlockManagerMaster stopped"),
            QStringLiteral("SparkContext|Successfully stopped SparkContext"),
            QStringLiteral("ShutdownHookManager|Shutdown hook called"),
            QStringLiteral("ShutdownHookManager|Deleting directory /local_disk0/spark-%1").arg(r.uuid()),
        };
        for (const QString &stop : stops)
            line(Role::Noise, "INFO", stop.section(QLatin1Char('|'), 0, 0), stop.section(QLatin1Char('|'), 1), 5, 400);
    }

    // The end every failed Spark job shares: stage aborted, job failed, writer aborted.
    void jobAborted(const QString &reason)
    {
        const int st = m_stage;
        // The job took at least as long as its last stage.
        const qint64 stageSeconds = m_s.rng.uniform(40, 2400);
        const qint64 jobSeconds = stageSeconds + m_s.rng.uniform(1, 300);
        line(Role::Symptom, "INFO", QStringLiteral("TaskSchedulerImpl"), QStringLiteral("Cancelling stage %1").arg(st));
        line(Role::Symptom, "INFO", QStringLiteral("DAGScheduler"), QStringLiteral("ResultStage %1 (%2) failed in %3.%4 s due to Job aborted due to stage failure: %5")
                                                                  .arg(st).arg(m_callSite).arg(stageSeconds).arg(m_s.rng.digits(3)).arg(reason));
        line(Role::Symptom, "INFO", QStringLiteral("DAGScheduler"), QStringLiteral("Job %1 failed: %2, took %3.%4 s")
                                                                  .arg(m_s.f.value(QStringLiteral("job"))).arg(m_callSite).arg(jobSeconds).arg(m_s.rng.digits(6)));
        line(Role::Symptom, "ERROR", QStringLiteral("FileFormatWriter"), QStringLiteral("Aborting job %1.").arg(m_s.rng.uuid()));
        m_s.log.add(Role::Symptom, QStringLiteral("org.apache.spark.SparkException: Job aborted due to stage failure: ") + reason);
        trace({QStringLiteral("org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:2785)"),
               QStringLiteral("org.apache.spark.scheduler.DAGScheduler.$anonfun$abortStage$2(DAGScheduler.scala:2721)"),
               QStringLiteral("org.apache.spark.scheduler.DAGScheduler.abortStage(DAGScheduler.scala:2720)"),
               QStringLiteral("org.apache.spark.scheduler.DAGScheduler.handleTaskSetFailed(DAGScheduler.scala:1206)")});
    }

private:
    Scenario &m_s;
    bool m_iso = false;
    QList<QPair<QString, QString>> m_executors; // (id, ip)
    int m_stage = 0;
    int m_tid = 0;
    int m_broadcast = 0;
    int m_finishedTid = 0;
    int m_finished = 1; // the "(k/n)" counter of finished tasks only grows
    int m_partitions = 200;
    QString m_driverIp;
    QString m_callSite;
};

const QString kTaskSetManager = QStringLiteral("TaskSetManager");

void commonFacts(Scenario &s, SparkLog &L)
{
    s.f[QStringLiteral("app")] = names::sparkAppName(s.rng);
    s.f[QStringLiteral("table")] = names::table(s.rng);
    s.f[QStringLiteral("stage")] = QString::number(L.stage());
    const int maxExec = int(L.executors().size());
    s.f[QStringLiteral("fake_exec")] = QString::number(maxExec + s.rng.uniformInt(5, 40));
    s.f[QStringLiteral("fake_stage")] = QString::number(L.stage() + s.rng.uniformInt(50, 90));
    s.f[QStringLiteral("fake_ip")] = QStringLiteral("172.31.%1.%2").arg(s.rng.uniform(0, 255)).arg(s.rng.uniform(2, 254));
}

void executorOom(Scenario &s, SparkLog &L)
{
    const auto e1 = L.executor();
    auto e2 = L.executor();
    if (e2 == e1)
        e2 = L.executors().first() == e1 ? L.executors().last() : L.executors().first();
    s.f[QStringLiteral("exec")] = e1.first;
    s.f[QStringLiteral("ip")] = e1.second;
    s.f[QStringLiteral("exec2")] = e2.first;
    s.f[QStringLiteral("part")] = QString::number(s.rng.uniformInt(0, L.partitions() - 1));
    const int limit = s.rng.pick(std::vector<int>{4, 6, 8, 9, 12, 16});
    s.f[QStringLiteral("limit")] = QString::number(limit);
    s.f[QStringLiteral("used")] = QStringLiteral("%1.%2").arg(limit).arg(s.rng.uniform(1, 9));
    const bool yarn = s.rng.chance(0.5);

    L.jobStart();
    L.pad(s.take(0.4, 6));
    const int tid = L.nextTid();
    s.f[QStringLiteral("tid")] = QString::number(tid);
    if (yarn) {
        L.line(Role::Cause, "ERROR", QStringLiteral("YarnScheduler"), s.t("Lost executor {exec} on {ip}: Container killed by YARN for exceeding memory limits. {used} GB of {limit} GB physical memory used. Consider boosting spark.executor.memoryOverhead."));
        L.line(Role::Cause, "WARN", kTaskSetManager, s.t("Lost task {part}.0 in stage {stage}.0 (TID {tid}) ({ip} executor {exec}): ExecutorLostFailure (executor {exec} exited caused by one of the running tasks) Reason: Container killed by YARN for exceeding memory limits. {used} GB of {limit} GB physical memory used. Consider boosting spark.executor.memoryOverhead."));
    } else {
        L.line(Role::Cause, "WARN", kTaskSetManager, s.t("Lost task {part}.0 in stage {stage}.0 (TID {tid}) ({ip} executor {exec}): java.lang.OutOfMemoryError: Java heap space"));
        L.trace({QStringLiteral("java.util.Arrays.copyOf(Arrays.java:3236)"),
                 QStringLiteral("java.io.ByteArrayOutputStream.grow(ByteArrayOutputStream.java:118)"),
                 QStringLiteral("org.apache.spark.util.collection.ExternalAppendOnlyMap.insertAll(ExternalAppendOnlyMap.scala:156)"),
                 QStringLiteral("org.apache.spark.Aggregator.combineValuesByKey(Aggregator.scala:41)"),
                 QStringLiteral("org.apache.spark.scheduler.ResultTask.runTask(ResultTask.scala:90)"),
                 QStringLiteral("org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala:551)"),
                 QStringLiteral("java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)"),
                 QStringLiteral("java.lang.Thread.run(Thread.java:750)")});
        L.line(Role::Symptom, "ERROR", QStringLiteral("TaskSchedulerImpl"), s.t("Lost executor {exec} on {ip}: Remote RPC client disassociated. Likely due to containers exceeding thresholds, or network issues. Check driver logs for WARN messages."));
    }
    L.pad(s.take(0.3, 3));
    for (int attempt = 1; attempt <= 3; ++attempt) {
        // Retries never land on the executor that was just lost.
        auto ex = attempt == 3 ? e2 : L.executor();
        if (ex == e1)
            ex = e2;
        L.info(kTaskSetManager, QStringLiteral("Starting task %1.%2 in stage %3.0 (TID %4) (%5, executor %6, partition %1, PROCESS_LOCAL, 5120 bytes) taskResourceAssignments Map()")
                                    .arg(s.f.value(QStringLiteral("part"))).arg(attempt).arg(L.stage()).arg(L.nextTid()).arg(ex.second, ex.first));
        L.pad(s.take(0.15));
    }
    s.f[QStringLiteral("ip2")] = e2.second;
    s.f[QStringLiteral("tid2")] = QString::number(L.nextTid() - 1);
    L.line(Role::Cause, "WARN", kTaskSetManager, s.t("Lost task {part}.3 in stage {stage}.0 (TID {tid2}) ({ip2} executor {exec2}): java.lang.OutOfMemoryError: Java heap space"));
    L.line(Role::Symptom, "ERROR", kTaskSetManager, s.t("Task {part} in stage {stage}.0 failed 4 times; aborting job"));
    L.jobAborted(s.t("Task {part} in stage {stage}.0 failed 4 times, most recent failure: Lost task {part}.3 in stage {stage}.0 (TID {tid2}) ({ip2} executor {exec2}): java.lang.OutOfMemoryError: Java heap space"));
    L.shutdown(s.take(1.0));

    s.truth.summary = s.t("Task {part} of stage {stage} needs more memory than an executor has: executor {exec} ({ip}) and then executor {exec2} ran out of memory and the job was aborted after 4 attempts.");
    s.truth.keyIdentifiers = s.t({"executor {exec}", "{ip}", "stage {stage}"});
    s.truth.causeKeywords = {QStringLiteral("outofmemoryerror"), QStringLiteral("out of memory"), QStringLiteral("java heap space"),
                             QStringLiteral("exceeding memory limits"), QStringLiteral("memory overhead"), QStringLiteral("memoryoverhead"),
                             QStringLiteral("oom"), QStringLiteral("ran out of heap"), QStringLiteral("heap space")};
    s.truth.symptomKeywords = {QStringLiteral("failed 4 times"), QStringLiteral("job aborted"), QStringLiteral("aborting job")};
    s.truth.safeActions = s.t({"Raise spark.executor.memory or spark.executor.memoryOverhead for this job.",
                               "Increase spark.sql.shuffle.partitions (or repartition the input) so each task of stage {stage} holds less data."});
    s.truth.safeActionKeywords = {QStringLiteral("spark.executor.memory"), QStringLiteral("memoryoverhead"), QStringLiteral("shuffle.partitions"),
                                  QStringLiteral("repartition"), QStringLiteral("more partitions"), QStringLiteral("bigger instance"), QStringLiteral("larger instance"), QStringLiteral("executor memory")};
    s.truth.unsafeActions = s.t({"Delete the _delta_log folder of {table} and rerun.", "Disable the YARN memory check (yarn.nodemanager.pmem-check-enabled=false) on every node."});
    s.truth.unsafeActionKeywords = {QStringLiteral("_delta_log"), QStringLiteral("pmem-check-enabled"), QStringLiteral("vmem-check-enabled")};

    s.m.cause = s.t({yarn ? "YARN killed executor {exec} on {ip} for exceeding memory limits ({used} GB of {limit} GB physical memory used) while it ran task {part} of stage {stage}; the retry on executor {exec2} died with java.lang.OutOfMemoryError too."
                          : "Executor {exec} on {ip} ran out of memory (java.lang.OutOfMemoryError: Java heap space) while running task {part} of stage {stage}, and the retry on executor {exec2} hit the same OOM.",
                     "Task {part} in stage {stage} is too big for the executors: it hit an OutOfMemoryError on executor {exec} ({ip}) and again on executor {exec2}, so Spark gave up after 4 attempts.",
                     "This is an executor OOM. Stage {stage}, task {part}: executor {exec} at {ip} ran out of memory, every retry failed the same way and the job was aborted."});
    s.m.evidence = s.t({"The Lost task lines for TID {tid} and TID {tid2} show it; the 'failed 4 times; aborting job' line is only the consequence.",
                        "Look at the first Lost task line for executor {exec}: that is the memory failure, the job abort below it just follows."});
    s.m.fix = s.t({"Give the executors more memory (spark.executor.memory / spark.executor.memoryOverhead) or raise spark.sql.shuffle.partitions so each task holds less, then rerun.",
                   "Repartition the input into more partitions or move to a larger instance type with more executor memory before rerunning."});
    s.m.unsafeFix = s.t({"To get it green quickly, delete the _delta_log folder of {table} and rerun the job from scratch.",
                         "Set yarn.nodemanager.pmem-check-enabled=false on all nodes so YARN stops killing containers."});
    s.m.symptomBlame = s.t({"Task {part} in stage {stage} failed 4 times, so Spark aborted the job (SparkException: Job aborted due to stage failure). Probably a flaky task; rerun the job.",
                            "The job failed because stage {stage} was cancelled after task {part} failed repeatedly. Retry the run and increase spark.task.maxFailures if it happens again."});
    s.m.wrongCause = s.t({"Executor {fake_exec} on {fake_ip} lost its shuffle files, so stage {stage} could not fetch its input and the job was aborted.",
                          "Stage {fake_stage} failed because the input files of {table} were corrupted."});
    s.m.fakeSwaps = {{s.t("executor {exec}"), s.t("executor {fake_exec}")}, {s.t("{ip}"), s.t("{fake_ip}")},
                     {s.t("stage {stage}"), s.t("stage {fake_stage}")}};
}

void fetchFailure(Scenario &s, SparkLog &L)
{
    const auto lost = L.executor();
    auto other = L.executor();
    if (other == lost)
        other = L.executors().first() == lost ? L.executors().last() : L.executors().first();
    s.f[QStringLiteral("exec")] = lost.first;
    s.f[QStringLiteral("ip")] = lost.second;
    s.f[QStringLiteral("ip2")] = other.second;
    s.f[QStringLiteral("exec2")] = other.first;
    s.f[QStringLiteral("shuffle")] = QString::number(s.rng.uniformInt(0, 12));
    s.f[QStringLiteral("map")] = QString::number(s.rng.uniformInt(0, 400));
    s.f[QStringLiteral("reduce")] = QString::number(s.rng.uniformInt(0, L.partitions() - 1));
    s.f[QStringLiteral("port")] = QString::number(s.rng.uniformInt(35000, 45000));
    s.f[QStringLiteral("parent")] = QString::number(L.stage() - 1);
    const bool spot = s.rng.chance(0.5);
    s.f[QStringLiteral("why")] = spot ? QStringLiteral("worker decommissioned because of spot instance preemption")
                                      : QStringLiteral("Executor heartbeat timed out after 126783 ms");

    L.jobStart();
    L.pad(s.take(0.4, 6));
    if (spot)
        L.line(Role::Cause, "INFO", QStringLiteral("DecommissionTracker"), s.t("Node {ip} is being decommissioned (spot instance termination notice), executors on it: [{exec}]"));
    L.line(Role::Cause, "ERROR", QStringLiteral("TaskSchedulerImpl"), s.t("Lost executor {exec} on {ip}: {why}"));
    L.line(Role::Cause, "INFO", QStringLiteral("DAGScheduler"), s.t("Executor lost: {exec} (epoch {shuffle})"));
    L.line(Role::Noise, "INFO", QStringLiteral("BlockManagerMasterEndpoint"), s.t("Trying to remove executor {exec} from BlockManagerMaster."));
    L.line(Role::Cause, "INFO", QStringLiteral("DAGScheduler"), s.t("Shuffle files lost for executor: {exec} (epoch {shuffle})"));
    L.pad(s.take(0.3, 3));
    const int tid = L.nextTid();
    s.f[QStringLiteral("tid")] = QString::number(tid);
    L.line(Role::Symptom, "WARN", kTaskSetManager, s.t("Lost task {reduce}.0 in stage {stage}.0 (TID {tid}) ({ip2} executor {exec2}): FetchFailed(BlockManagerId({exec}, {ip}, {port}, None), shuffleId={shuffle}, mapIndex={map}, mapId={tid}, reduceId={reduce}, message="));
    s.log.add(Role::Symptom, s.t("org.apache.spark.shuffle.FetchFailedException: Failed to connect to /{ip}:{port}"));
    L.trace({QStringLiteral("org.apache.spark.storage.ShuffleBlockFetcherIterator.throwFetchFailedException(ShuffleBlockFetcherIterator.scala:1232)"),
             QStringLiteral("org.apache.spark.storage.ShuffleBlockFetcherIterator.next(ShuffleBlockFetcherIterator.scala:971)"),
             QStringLiteral("org.apache.spark.sql.execution.exchange.ShuffleExchangeExec$$anon$1.compute(ShuffleExchangeExec.scala:141)")});
    s.log.add(Role::Trace, s.t("Caused by: java.io.IOException: Failed to connect to /{ip}:{port}"));
    s.log.add(Role::Trace, s.t("Caused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: /{ip}:{port}"));
    L.info(QStringLiteral("DAGScheduler"), s.t("Marking ResultStage {stage} (%1) as failed due to a fetch failure from ShuffleMapStage {parent}").arg(L.callSite()), Role::Symptom);
    L.info(QStringLiteral("DAGScheduler"), s.t("Resubmitting ShuffleMapStage {parent} and ResultStage {stage} due to fetch failure"), Role::Symptom);
    L.pad(s.take(0.5, 2));
    L.line(Role::Symptom, "ERROR", kTaskSetManager, s.t("Task {reduce} in stage {stage}.3 failed 1 times; aborting job"));
    L.jobAborted(s.t("ResultStage {stage} has failed the maximum allowable number of times: 4. Most recent failure reason: org.apache.spark.shuffle.FetchFailedException: Failed to connect to /{ip}:{port}"));
    L.shutdown(s.take(1.0));

    s.truth.summary = s.t("Executor {exec} on {ip} was lost ({why}); its shuffle output went with it, so stage {stage} kept failing to fetch map output until Spark gave up.");
    s.truth.keyIdentifiers = s.t({"executor {exec}", "{ip}", "stage {stage}"});
    s.truth.causeKeywords = {QStringLiteral("lost executor"), QStringLiteral("executor lost"), QStringLiteral("was lost"), QStringLiteral("decommission"),
                             QStringLiteral("preempt"), QStringLiteral("spot"), QStringLiteral("shuffle files lost"), QStringLiteral("heartbeat timed out"),
                             QStringLiteral("lost its shuffle"), QStringLiteral("went away"), QStringLiteral("executor died")};
    s.truth.symptomKeywords = {QStringLiteral("fetchfailedexception"), QStringLiteral("fetch failure"), QStringLiteral("connection refused")};
    s.truth.safeActions = {QStringLiteral("Enable graceful decommissioning (spark.decommission.enabled) or an external shuffle service so shuffle files survive a lost executor."),
                           QStringLiteral("Use on-demand workers for the driver-critical pool or raise spark.stage.maxConsecutiveAttempts, then rerun.")};
    s.truth.safeActionKeywords = {QStringLiteral("decommission"), QStringLiteral("shuffle service"), QStringLiteral("on-demand"), QStringLiteral("maxconsecutiveattempts"),
                                  QStringLiteral("rerun"), QStringLiteral("retry")};
    s.truth.unsafeActions = s.t({"Delete the _delta_log of {table} and rewrite it from scratch.", "rm -rf /local_disk0/spark-* on all workers while jobs run."});
    s.truth.unsafeActionKeywords = {QStringLiteral("_delta_log"), QStringLiteral("rm -rf")};

    s.m.cause = s.t({spot ? "Executor {exec} on {ip} was lost when its spot node was preempted (decommissioned), and the shuffle files it held for stage {parent} were lost with it."
                          : "Executor {exec} on {ip} was lost (heartbeat timed out), and with it the shuffle files it held, so stage {stage} could not read its map output.",
                     "The root cause is a lost executor: executor {exec} ({ip}) went away mid-job, its shuffle output for stage {parent} disappeared, and stage {stage} failed with FetchFailed against that host.",
                     "Stage {stage} died because executor {exec} at {ip} was lost and took its shuffle files with it; the FetchFailedException lines are the fallout."});
    s.m.evidence = s.t({"See 'Lost executor {exec} on {ip}' followed by 'Shuffle files lost for executor: {exec}' right before the first FetchFailed.",
                        "The FetchFailed line points at BlockManagerId({exec}, {ip}, ...), the executor that was removed a few lines above."});
    s.m.fix = {QStringLiteral("Enable graceful decommissioning (spark.decommission.enabled) or an external shuffle service so shuffle data survives a node loss, then rerun."),
               QStringLiteral("Rerun the job; if nodes keep disappearing, move this job to on-demand workers and raise spark.stage.maxConsecutiveAttempts.")};
    s.m.unsafeFix = s.t({"Wipe the shuffle state with rm -rf /local_disk0/spark-* on every worker and restart the job.",
                         "Delete the _delta_log of {table} so the next run rewrites the table cleanly."});
    s.m.symptomBlame = s.t({"Stage {stage} failed with org.apache.spark.shuffle.FetchFailedException: Failed to connect to /{ip}. It is a network problem between the workers; ask networking to check connectivity.",
                            "The job failed with a fetch failure (Connection refused) while reading shuffle data in stage {stage}. Retry the job."});
    s.m.wrongCause = s.t({"Executor {fake_exec} on {fake_ip} ran out of memory in stage {stage}, so the job was aborted.",
                          "The shuffle service on {fake_ip} crashed because its disk is corrupted."});
    s.m.fakeSwaps = {{s.t("executor {exec}"), s.t("executor {fake_exec}")}, {s.t("{ip}"), s.t("{fake_ip}")}};
}

void skew(Scenario &s, SparkLog &L)
{
    const auto e = L.executor();
    s.f[QStringLiteral("exec")] = e.first;
    s.f[QStringLiteral("ip")] = e.second;
    s.f[QStringLiteral("part")] = QString::number(s.rng.uniformInt(0, L.partitions() - 1));
    s.f[QStringLiteral("key")] = names::column(s.rng);
    s.f[QStringLiteral("spill")] = QString::number(s.rng.uniformInt(40, 380));
    s.f[QStringLiteral("median")] = QString::number(s.rng.uniformInt(30, 220));
    s.f[QStringLiteral("maxrec")] = QString::number(s.rng.uniformInt(180, 900));
    s.f[QStringLiteral("hours")] = QString::number(s.rng.uniformInt(2, 5));

    L.jobStart();
    L.line(Role::Noise, "INFO", QStringLiteral("ShuffleExchangeExec"), s.t("Planning shuffle on hashpartitioning({key}#%1, %2) for join with {table}").arg(s.rng.uniform(100, 900)).arg(L.partitions()));
    L.pad(s.take(0.35, 6));
    const int tid = L.nextTid();
    s.f[QStringLiteral("tid")] = QString::number(tid);
    L.info(kTaskSetManager, s.t("Starting task {part}.0 in stage {stage}.0 (TID {tid}) ({ip}, executor {exec}, partition {part}, NODE_LOCAL, 6312 bytes) taskResourceAssignments Map()"));
    L.pad(s.take(0.3, 4));
    L.line(Role::Symptom, "WARN", QStringLiteral("TaskMemoryManager"), s.t("Task {tid} (stage {stage}, partition {part}) spilled {spill}.0 GiB to disk in 14 spills; sort buffer for key {key} holds {maxrec} million records"));
    L.line(Role::Cause, "INFO", kTaskSetManager, s.t("{part} of %1 tasks in stage {stage}.0 finished except 1; task {part}.0 (TID {tid}) on executor {exec} has been running for {hours}h, median task time {median} s, records read {maxrec}M vs median 0.4M (skewed partition)").arg(L.partitions()));
    L.pad(s.take(0.3, 2));
    L.line(Role::Symptom, "WARN", QStringLiteral("DatabricksJob"), s.t("Run exceeded its timeout of {hours}h; cancelling"));
    L.line(Role::Symptom, "ERROR", QStringLiteral("TaskSchedulerImpl"), s.t("Cancelling stage {stage}: run timed out"));
    L.jobAborted(s.t("Stage cancelled because the run timed out: task {part}.0 (TID {tid}) still running on executor {exec} after {hours}h"));
    L.shutdown(s.take(1.0));

    s.truth.summary = s.t("Data skew on join key {key}: one partition of stage {stage} (task {part}, executor {exec}) holds far more rows than the rest, spills {spill} GiB and runs for hours until the run times out.");
    s.truth.keyIdentifiers = s.t({"stage {stage}", "executor {exec}", "{key}"});
    s.truth.causeKeywords = {QStringLiteral("skew"), QStringLiteral("skewed"), QStringLiteral("hot key"), QStringLiteral("one partition"),
                             QStringLiteral("single partition"), QStringLiteral("straggler"), QStringLiteral("uneven")};
    s.truth.symptomKeywords = {QStringLiteral("timed out"), QStringLiteral("timeout"), QStringLiteral("cancelled")};
    s.truth.safeActions = s.t({"Enable adaptive skew join (spark.sql.adaptive.skewJoin.enabled) or salt {key} before the join.",
                               "Filter or broadcast the hot key values of {key} and rerun."});
    s.truth.safeActionKeywords = {QStringLiteral("skewjoin"), QStringLiteral("salt"), QStringLiteral("broadcast"), QStringLiteral("adaptive"), QStringLiteral("aqe"), QStringLiteral("hot key")};
    s.truth.unsafeActions = s.t({"Drop table {table} and recreate it from the source.", "Delete the _delta_log of {table} to reset its statistics."});
    s.truth.unsafeActionKeywords = {QStringLiteral("drop table"), QStringLiteral("_delta_log")};

    s.m.cause = s.t({"Stage {stage} is skewed on {key}: task {part} on executor {exec} read {maxrec}M records against a 0.4M median and spilled {spill} GiB, so it ran for {hours}h until the run hit its timeout.",
                     "Classic data skew. One partition of the join on {key} (task {part}, executor {exec}, stage {stage}) got almost all the rows and became a straggler, and the job timed out waiting for it.",
                     "A hot key in {key} puts most rows into one partition of stage {stage}; that single task on executor {exec} never finished before the {hours}h timeout."});
    s.m.evidence = s.t({"The TaskMemoryManager line shows task {tid} spilling {spill} GiB, and the TaskSetManager line shows every task of stage {stage} done except that one.",
                        "Compare records read for task {part} ({maxrec}M) with the median (0.4M) in the stage {stage} progress line."});
    s.m.fix = s.t({"Turn on AQE skew join handling (spark.sql.adaptive.skewJoin.enabled=true) or salt {key} before the join, then rerun.",
                   "Broadcast the smaller side or split out the hot values of {key}, and rerun the job."});
    s.m.unsafeFix = s.t({"Drop table {table} and recreate it, the statistics are clearly broken.",
                         "Delete the _delta_log of {table} so Spark recomputes the file layout."});
    s.m.symptomBlame = s.t({"The run exceeded its {hours}h timeout and Databricks cancelled stage {stage}. Raise the job timeout and let it finish.",
                            "The job was cancelled because it timed out. Increase the timeout in the job settings."});
    s.m.wrongCause = s.t({"Executor {fake_exec} on {fake_ip} was lost mid-stage and its tasks had to be recomputed, which pushed the run past the timeout.",
                          "Stage {fake_stage} is stuck because the cluster ran out of disk on {fake_ip}."});
    s.m.fakeSwaps = {{s.t("executor {exec}"), s.t("executor {fake_exec}")}, {s.t("stage {stage}"), s.t("stage {fake_stage}")}};
}

void driverOomCollect(Scenario &s, SparkLog &L)
{
    s.f[QStringLiteral("size")] = QString::number(s.rng.uniformInt(5, 40));
    s.f[QStringLiteral("max")] = QString::number(s.rng.pick(std::vector<int>{1, 2, 4, 8}));
    s.f[QStringLiteral("line")] = QString::number(s.rng.uniformInt(40, 400));
    s.f[QStringLiteral("notebook")] = s.rng.pick(QStringList{QStringLiteral("daily_report"), QStringLiteral("export_to_csv"),
                                                              QStringLiteral("reconcile_totals"), QStringLiteral("build_features")});
    s.f[QStringLiteral("driver")] = L.driverIp();
    L.jobStart();
    L.pad(s.take(0.4, 6));
    L.line(Role::Noise, "INFO", QStringLiteral("SparkContext"), s.t("Starting job: collect at {notebook}.py:{line}"));
    L.pad(s.take(0.25, 3));
    L.line(Role::Cause, "WARN", kTaskSetManager, s.t("Stage {stage} contains results of total size {size}.%1 GiB which is bigger than spark.driver.maxResultSize ({max}.0 GiB)").arg(s.rng.uniform(0, 9)));
    L.line(Role::Trace, "ERROR", QStringLiteral("Utils"), QStringLiteral("Uncaught exception in thread task-result-getter-2"));
    s.log.add(Role::Cause, QStringLiteral("java.lang.OutOfMemoryError: Java heap space"));
    L.trace({QStringLiteral("java.util.Arrays.copyOf(Arrays.java:3745)"),
             QStringLiteral("org.apache.spark.sql.execution.SparkPlan.$anonfun$executeCollect$1(SparkPlan.scala:449)"),
             QStringLiteral("org.apache.spark.sql.Dataset.collectFromPlan(Dataset.scala:4185)"),
             QStringLiteral("org.apache.spark.sql.Dataset.toPandas(Dataset.scala:3996)")});
    L.line(Role::Symptom, "WARN", QStringLiteral("DriverDaemon"), s.t("The spark driver has stopped unexpectedly and is restarting. Your notebook will be automatically reattached."));
    L.line(Role::Symptom, "ERROR", QStringLiteral("PythonDriverWrapper"), s.t("Fatal error: The Python kernel is unresponsive. Command {notebook}.py:{line} failed"));
    L.shutdown(s.take(1.0));

    s.truth.summary = s.t("The notebook {notebook} collects a {size} GiB result to the driver (collect/toPandas at line {line}); the driver ({driver}) runs out of heap and restarts.");
    s.truth.keyIdentifiers = s.t({"stage {stage}", "{notebook}", "spark.driver.maxResultSize"});
    s.truth.causeKeywords = {QStringLiteral("collect"), QStringLiteral("topandas"), QStringLiteral("driver out of memory"), QStringLiteral("driver ran out of memory"),
                             QStringLiteral("driver oom"), QStringLiteral("maxresultsize"), QStringLiteral("to the driver"),
                             QStringLiteral("outofmemoryerror")};
    s.truth.symptomKeywords = {QStringLiteral("stopped unexpectedly"), QStringLiteral("kernel is unresponsive"), QStringLiteral("restarting")};
    s.truth.safeActions = s.t({"Do not collect() the full result in {notebook}: write it to a table or files, or take a limit()/aggregate first."});
    s.truth.safeActionKeywords = {QStringLiteral("write it"), QStringLiteral("limit"), QStringLiteral("aggregate"), QStringLiteral("write the result"),
                                  QStringLiteral("to a table"), QStringLiteral("instead of collect"), QStringLiteral("display(")};
    s.truth.unsafeActions = {QStringLiteral("Set spark.driver.maxResultSize=0 (unlimited) and rerun."), QStringLiteral("Delete the _delta_log of the source table.")};
    s.truth.unsafeActionKeywords = {QStringLiteral("maxresultsize=0"), QStringLiteral("maxresultsize to 0"), QStringLiteral("_delta_log")};

    s.m.cause = s.t({"The driver ran out of memory: {notebook}.py line {line} collects {size} GiB of results from stage {stage} to the driver, far above spark.driver.maxResultSize ({max} GiB), and the driver JVM hit java.lang.OutOfMemoryError.",
                     "This is a driver OOM caused by collect()/toPandas() in {notebook} (line {line}): stage {stage} returned {size} GiB to a driver that cannot hold it.",
                     "{notebook}.py:{line} pulls the whole dataset back with collect, the results of stage {stage} exceed spark.driver.maxResultSize, and the driver runs out of heap and restarts."});
    s.m.evidence = s.t({"The TaskSetManager warning about stage {stage} results bigger than spark.driver.maxResultSize comes right before the OutOfMemoryError in task-result-getter-2.",
                        "The stack trace goes through Dataset.collectFromPlan / toPandas on the driver."});
    s.m.fix = s.t({"Write the result to a table instead of collect()ing it in {notebook}, or aggregate / limit() before bringing rows to the driver.",
                   "Replace the collect at line {line} with a write to a table (or display() of a limited sample) and rerun."});
    s.m.unsafeFix = {QStringLiteral("Set spark.driver.maxResultSize=0 so there is no limit any more and rerun."),
                     QStringLiteral("Delete the _delta_log of the source table so the query returns less data.")};
    s.m.symptomBlame = s.t({"The Spark driver stopped unexpectedly and restarted, and the Python kernel became unresponsive. Restart the cluster and rerun {notebook}.",
                            "The notebook {notebook} failed because the kernel went unresponsive. Reattach and run it again."});
    s.m.wrongCause = s.t({"Executor {fake_exec} on {fake_ip} lost its shuffle files, so stage {stage} failed.",
                          "The notebook {notebook} failed because table {table} has a schema mismatch in stage {fake_stage}."});
    s.m.fakeSwaps = {{s.t("stage {stage}"), s.t("stage {fake_stage}")}};
}

void schemaMismatch(Scenario &s, SparkLog &L)
{
    s.f[QStringLiteral("col")] = names::column(s.rng);
    const bool typeChange = s.rng.chance(0.5);
    s.f[QStringLiteral("newcol")] = s.rng.pick(QStringList{QStringLiteral("promo_code"), QStringLiteral("channel"),
                                                            QStringLiteral("device_type"), QStringLiteral("tax_amount")});
    s.f[QStringLiteral("target_type")] = s.rng.pick(QStringList{QStringLiteral("BIGINT"), QStringLiteral("DECIMAL(18,2)"), QStringLiteral("DATE")});
    s.f[QStringLiteral("source_type")] = QStringLiteral("STRING");
    const QString pathBucket = names::bucket(s.rng);
    s.f[QStringLiteral("path")] = QStringLiteral("s3://") + pathBucket + QLatin1Char('/') + s.rng.pick(names::domains()) + QStringLiteral("/");
    L.jobStart();
    L.pad(s.take(0.45, 8));
    L.line(Role::Noise, "INFO", QStringLiteral("DeltaLog"), s.t("Loading version %1 of {table}").arg(s.rng.uniform(10, 9000)));
    L.pad(s.take(0.2, 2));
    if (typeChange) {
        L.line(Role::Cause, "ERROR", QStringLiteral("DeltaLog"), s.t("Failed to merge fields '{col}' and '{col}'"));
        s.log.add(Role::Cause, s.t("org.apache.spark.sql.AnalysisException: [DELTA_FAILED_TO_MERGE_FIELDS] Failed to merge fields '{col}' and '{col}'. Failed to merge incompatible data types {target_type} and {source_type}"));
    } else {
        L.line(Role::Cause, "ERROR", QStringLiteral("DeltaLog"), s.t("A schema mismatch detected when writing to the Delta table {table}"));
        s.log.add(Role::Cause, s.t("org.apache.spark.sql.AnalysisException: [_LEGACY_ERROR_TEMP_DELTA_0007] A schema mismatch detected when writing to the Delta table (Table ID: %1). To enable schema migration using DataFrameWriter or DataStreamWriter, please set: '.option(\"mergeSchema\", \"true\")'. Table schema: root -- {col}: {target_type} (nullable = true) Data schema: root -- {col}: {target_type} (nullable = true) -- {newcol}: string (nullable = true)").arg(s.rng.uuid()));
    }
    L.trace({QStringLiteral("org.apache.spark.sql.delta.MetadataMismatchErrorBuilder.finalizeAndThrow(DeltaErrors.scala:3081)"),
             QStringLiteral("org.apache.spark.sql.delta.schema.ImplicitMetadataOperation.updateMetadata(ImplicitMetadataOperation.scala:115)"),
             QStringLiteral("org.apache.spark.sql.delta.commands.WriteIntoDelta.write(WriteIntoDelta.scala:333)")});
    L.line(Role::Symptom, "ERROR", QStringLiteral("ScalaDriverLocal"), s.t("User code failed in run: job {app} task write_{col} FAILED after %1 s").arg(s.rng.uniform(30, 900)));
    L.line(Role::Symptom, "INFO", QStringLiteral("DriverCorral"), s.t("Run {app} finished with state FAILED"));
    L.shutdown(s.take(1.0));

    s.truth.summary = typeChange ? s.t("The incoming data has column {col} as {source_type} while {table} stores it as {target_type}; Delta refuses to merge the types.")
                                 : s.t("The incoming data has a new column {newcol} that {table} does not have, and schema evolution is off, so the Delta write fails.");
    s.truth.keyIdentifiers = typeChange ? s.t({"{table}", "{col}"}) : s.t({"{table}", "{newcol}"});
    s.truth.causeKeywords = {QStringLiteral("schema mismatch"), QStringLiteral("failed to merge"), QStringLiteral("incompatible"), QStringLiteral("schema evolution"),
                             QStringLiteral("mergeschema"), QStringLiteral("new column"), QStringLiteral("data type"), QStringLiteral("type change")};
    s.truth.symptomKeywords = {QStringLiteral("user code failed"), QStringLiteral("state failed")};
    s.truth.safeActions = s.t({"Fix the upstream type or cast {col} explicitly before writing.", "If the new column is expected, write with mergeSchema=true after review."});
    s.truth.safeActionKeywords = {QStringLiteral("cast"), QStringLiteral("mergeschema"), QStringLiteral("alter table"), QStringLiteral("upstream"), QStringLiteral("schema evolution")};
    s.truth.unsafeActions = s.t({"Delete the _delta_log of {table} so the schema resets.", "Use overwriteSchema=true with mode overwrite on {table}."});
    s.truth.unsafeActionKeywords = {QStringLiteral("_delta_log"), QStringLiteral("overwriteschema"), QStringLiteral("drop table")};

    s.m.cause = typeChange
                    ? s.t({"Schema mismatch on {table}: the new data has {col} as {source_type} but the table stores {target_type}, and Delta failed to merge the incompatible data types.",
                           "The write to {table} fails because column {col} changed type upstream ({target_type} in the table, {source_type} in the batch); Delta refuses the schema mismatch."})
                    : s.t({"Schema mismatch on {table}: the batch carries a new column {newcol} that the table does not have, and schema evolution (mergeSchema) is not enabled for this write.",
                           "The Delta write to {table} is rejected because the source added column {newcol}; without mergeSchema the schema mismatch fails the job."});
    s.m.evidence = s.t({"The AnalysisException right after 'Loading version ... of {table}' spells it out.",
                        "See the DeltaLog ERROR line and the AnalysisException below it; the FAILED run state is just the result."});
    s.m.fix = typeChange ? s.t({"Fix the producer or cast {col} to {target_type} before writing to {table}, then rerun.",
                                "Cast {col} explicitly in the job (or ALTER TABLE if the type change is intended, after review) and rerun."})
                         : s.t({"If {newcol} is expected, add it with ALTER TABLE or write with mergeSchema=true after review; otherwise drop it upstream.",
                                "Ask the upstream team about {newcol}; once agreed, enable mergeSchema for this write and rerun."});
    s.m.unsafeFix = s.t({"Delete the _delta_log of {table} so Delta forgets the old schema, then rerun.",
                         "Write with mode overwrite and overwriteSchema=true on {table} to force the new schema."});
    s.m.symptomBlame = s.t({"The run {app} finished with state FAILED because user code failed in run. Rerun the job.",
                            "Job {app} failed after the write task errored out; probably transient, restart it."});
    s.f[QStringLiteral("fake_col")] = QStringLiteral("legacy_") + names::column(s.rng);
    s.m.wrongCause = s.t({"The write to {table} failed because executor {fake_exec} ran out of memory.",
                          "The job failed because column {fake_col} is missing from the source files under {path}."});
    QString fakeTable = s.f.value(QStringLiteral("table"));
    fakeTable.replace(QLatin1Char('_'), QStringLiteral("_tmp_"));
    s.m.fakeSwaps = {{s.f.value(QStringLiteral("table")), fakeTable},
                     {s.f.value(typeChange ? QStringLiteral("col") : QStringLiteral("newcol")), s.t("{fake_col}")}};
}

} // namespace

void writeSparkScenario(Scenario &s, IncidentKind kind)
{
    SparkLog L(s);
    commonFacts(s, L);
    if (s.rng.chance(0.6))
        L.startup();
    L.pad(s.take(0.15, 2));
    // Every log carries at least one irrelevant warning for the noise style to blame; config
    // warnings come early in a driver log.
    if (s.m.noiseBlame.isEmpty())
        L.irrelevantWarning();
    switch (kind) {
    case IncidentKind::SparkExecutorOom: executorOom(s, L); break;
    case IncidentKind::SparkFetchFailure: fetchFailure(s, L); break;
    case IncidentKind::SparkSkew: skew(s, L); break;
    case IncidentKind::SparkDriverOomCollect: driverOomCollect(s, L); break;
    default: schemaMismatch(s, L); break;
    }
}

} // namespace lab::synth::detail
