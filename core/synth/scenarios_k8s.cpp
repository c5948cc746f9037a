// Kubernetes: `kubectl get events -A --sort-by=.lastTimestamp`, the same events as JSON lines from
// an event exporter, or `kubectl logs --prefix --timestamps -l ...` for container output.
#include "scenario.h"


namespace lab::synth::detail {

namespace {

class KubeLog
{
public:
    KubeLog(Scenario &s, bool containerLogs) : m_s(s)
    {
        if (containerLogs) {
            m_mode = Mode::Logs;
        } else {
            m_mode = s.rng.chance(0.6) ? Mode::Table : Mode::Json;
            if (m_mode == Mode::Table)
                s.log.setEventHeader({QStringLiteral("NAMESPACE"), QStringLiteral("LAST SEEN"), QStringLiteral("TYPE"),
                                      QStringLiteral("REASON"), QStringLiteral("OBJECT"), QStringLiteral("MESSAGE")});
        }
        s.truth.format = QString::fromLatin1(m_mode == Mode::Logs ? format::kKubectlLogs
                                             : m_mode == Mode::Table ? format::kKubeEvents
                                                                     : format::kKubeJson);
        m_ns = names::namespaceName(s.rng);
        m_deployment = names::service(s.rng);
        m_container = m_deployment.section(QLatin1Char('-'), -1);
        m_node = names::ec2Host(s.rng);
        m_pod = names::podName(s.rng, m_deployment);
        m_podUid = s.rng.uuid();
        m_registry = names::awsAccount(s.rng) + QStringLiteral(".dkr.ecr.us-east-1.amazonaws.com");
        m_version = QStringLiteral("v%1.%2.%3").arg(s.rng.uniform(1, 4)).arg(s.rng.uniform(0, 30)).arg(s.rng.uniform(0, 20));
        for (int i = 0; i < 4; ++i)
            m_otherNodes << names::ec2Host(s.rng);
        for (int i = 0; i < 5; ++i) {
            const QString dep = names::service(s.rng);
            if (dep != m_deployment)
                m_otherPods << qMakePair(dep, names::podName(s.rng, dep));
        }
        s.f[QStringLiteral("ns")] = m_ns;
        s.f[QStringLiteral("deployment")] = m_deployment;
        s.f[QStringLiteral("container")] = m_container;
        s.f[QStringLiteral("node")] = m_node;
        s.f[QStringLiteral("pod")] = m_pod;
        s.f[QStringLiteral("uid")] = m_podUid;
        s.f[QStringLiteral("image")] = m_registry + QLatin1Char('/') + m_deployment + QLatin1Char(':') + m_version;
        s.f[QStringLiteral("fake_pod")] = names::podName(s.rng, m_deployment);
        s.f[QStringLiteral("fake_node")] = names::ec2Host(s.rng);
        s.f[QStringLiteral("fake_ns")] = m_deployment.section(QLatin1Char('-'), 0, 0) + QStringLiteral("-staging");
    }

    bool containerLogs() const { return m_mode == Mode::Logs; }

    int event(Role role, const char *type, const QString &reason, const QString &object, const QString &message,
              const QString &ns = {}, const QString &component = QStringLiteral("kubelet"), qint64 lo = 300, qint64 hi = 20000)
    {
        m_s.log.advance(lo, hi);
        const QString eventNs = ns.isEmpty() ? m_ns : ns;
        if (m_mode == Mode::Table)
            return m_s.log.addEventRow(role, {eventNs, QString::fromLatin1(type), reason, object, message});
        // kubelet with --logging-format=json logs every event it records through client-go's
        // recorder: {"ts":...,"caller":"record/event.go:376","msg":"Event occurred",...}.
        const QString kind = object.section(QLatin1Char('/'), 0, 0);
        const QString name = object.section(QLatin1Char('/'), 1);
        const QString kindName = kind == QLatin1String("pod") ? QStringLiteral("Pod")
                                 : kind == QLatin1String("node") ? QStringLiteral("Node")
                                 : kind == QLatin1String("deployment") ? QStringLiteral("Deployment")
                                 : kind == QLatin1String("replicaset") ? QStringLiteral("ReplicaSet")
                                                                        : QStringLiteral("HorizontalPodAutoscaler");
        const qint64 ms = m_s.log.now();
        const QString ts = QStringLiteral("%1.%2%3").arg(ms / 1000).arg(ms % 1000, 3, 10, QLatin1Char('0')).arg(m_s.rng.uniform(100, 999));
        const QString objectRef = kindName == QLatin1String("Node") ? name : eventNs + QLatin1Char('/') + name;
        const QString apiVersion = kindName == QLatin1String("Pod") || kindName == QLatin1String("Node") ? QStringLiteral("v1")
                                   : kindName == QLatin1String("HorizontalPodAutoscaler") ? QStringLiteral("autoscaling/v2")
                                                                                         : QStringLiteral("apps/v1");
        return m_s.log.add(role, jsonLine({{QStringLiteral("#ts"), ts},
                                           {QStringLiteral("caller"), QStringLiteral("record/event.go:376")},
                                           {QStringLiteral("msg"), QStringLiteral("Event occurred")},
                                           {QStringLiteral("#v"), QStringLiteral("0")},
                                           {QStringLiteral("object"), objectRef},
                                           {QStringLiteral("kind"), kindName},
                                           {QStringLiteral("apiVersion"), apiVersion},
                                           {QStringLiteral("type"), QString::fromLatin1(type)},
                                           {QStringLiteral("reason"), reason},
                                           {QStringLiteral("message"), message},
                                           {QStringLiteral("component"), component}}));
    }

    // A line of container output as `kubectl logs --prefix --timestamps` prints it.
    int logLine(Role role, const QString &pod, const QString &container, const QString &message, qint64 lo = 5, qint64 hi = 3000)
    {
        m_s.log.advance(lo, hi);
        return m_s.log.add(role, QStringLiteral("[pod/%1/%2] %3 %4").arg(pod, container, isoTime(m_s.log.now(), 9), message));
    }

    void noise()
    {
        Rng &r = m_s.rng;
        if (m_mode == Mode::Logs) {
            logsNoise();
            return;
        }
        const auto other = r.pick(std::vector<QPair<QString, QString>>(m_otherPods.begin(), m_otherPods.end()));
        const QString pod = QStringLiteral("pod/") + other.second;
        const QString node = r.pick(m_otherNodes);
        const QString image = m_registry + QLatin1Char('/') + other.first + QStringLiteral(":v1.%1.%2").arg(r.uniform(0, 30)).arg(r.uniform(0, 9));
        switch (r.uniformInt(0, 12)) {
        case 0: event(Role::Noise, "Normal", QStringLiteral("Scheduled"), pod, QStringLiteral("Successfully assigned %1/%2 to %3").arg(m_ns, other.second, node), {}, QStringLiteral("default-scheduler")); break;
        case 1: event(Role::Noise, "Normal", QStringLiteral("Pulling"), pod, QStringLiteral("Pulling image \"%1\"").arg(image)); break;
        case 2: event(Role::Noise, "Normal", QStringLiteral("Pulled"), pod, QStringLiteral("Successfully pulled image \"%1\" in %2.%3s (%2.%4s including waiting)").arg(image).arg(r.uniform(1, 30)).arg(r.uniform(100, 999)).arg(r.uniform(100, 999))); break;
        case 3: event(Role::Noise, "Normal", QStringLiteral("Created"), pod, QStringLiteral("Created container %1").arg(other.first.section(QLatin1Char('-'), -1))); break;
        case 4: event(Role::Noise, "Normal", QStringLiteral("Started"), pod, QStringLiteral("Started container %1").arg(other.first.section(QLatin1Char('-'), -1))); break;
        case 5: event(Role::Noise, "Normal", QStringLiteral("ScalingReplicaSet"), QStringLiteral("deployment/") + other.first, QStringLiteral("Scaled up replica set %1 to %2").arg(other.second.section(QLatin1Char('-'), 0, -2)).arg(r.uniform(2, 8)), {}, QStringLiteral("deployment-controller")); break;
        case 6: event(Role::Noise, "Normal", QStringLiteral("SuccessfulCreate"), QStringLiteral("replicaset/") + other.second.section(QLatin1Char('-'), 0, -2), QStringLiteral("Created pod: %1").arg(other.second), {}, QStringLiteral("replicaset-controller")); break;
        case 7: event(Role::Noise, "Normal", QStringLiteral("Killing"), pod, QStringLiteral("Stopping container %1").arg(other.first.section(QLatin1Char('-'), -1))); break;
        case 8: event(Role::Noise, "Normal", QStringLiteral("SuccessfulRescale"), QStringLiteral("horizontalpodautoscaler/") + other.first, QStringLiteral("New size: %1; reason: cpu resource utilization (percentage of request) above target").arg(r.uniform(3, 12)), {}, QStringLiteral("horizontal-pod-autoscaler")); break;
        case 9:
            event(Role::Noise, "Warning", QStringLiteral("FailedGetResourceMetric"), QStringLiteral("horizontalpodautoscaler/") + other.first,
                  QStringLiteral("failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API"), {}, QStringLiteral("horizontal-pod-autoscaler"));
            m_s.noiseBlame(QStringLiteral("The HorizontalPodAutoscaler for %1 could not get CPU metrics from the metrics API, so it could not scale and the service fell over. Fix metrics-server.").arg(other.first));
            break;
        case 10:
            event(Role::Noise, "Warning", QStringLiteral("DNSConfigForming"), pod,
                  QStringLiteral("Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.96.0.10 169.254.169.253 10.0.0.2"));
            m_s.noiseBlame(QStringLiteral("The DNSConfigForming warning shows the nameserver limit was exceeded, so pods could not resolve names and crashed. Trim the node's resolv.conf."));
            break;
        case 11:
            event(Role::Noise, "Warning", QStringLiteral("FailedScheduling"), pod,
                  QStringLiteral("0/%1 nodes are available: %2 Insufficient cpu, 3 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/%1 nodes are available: 3 Preemption is not helpful for scheduling.").arg(r.uniform(8, 30)).arg(r.uniform(2, 6)),
                  {}, QStringLiteral("default-scheduler"));
            m_s.noiseBlame(QStringLiteral("The cluster is out of CPU: FailedScheduling says nodes have insufficient cpu, so pods could not be placed. Add nodes or lower CPU requests."));
            break;
        default:
            event(Role::Noise, "Normal", QStringLiteral("Pulled"), pod, QStringLiteral("Container image \"%1\" already present on machine").arg(image));
            break;
        }
    }

    void logsNoise()
    {
        Rng &r = m_s.rng;
        const auto other = r.pick(std::vector<QPair<QString, QString>>(m_otherPods.begin(), m_otherPods.end()));
        const QString c = other.first.section(QLatin1Char('-'), -1);
        switch (r.uniformInt(0, 7)) {
        case 0: case 1: case 2:
            logLine(Role::Noise, other.second, c, QStringLiteral("level=info msg=\"request completed\" method=GET path=/api/v1/%1 status=200 duration=%2ms").arg(r.pick(names::domains())).arg(r.uniform(2, 300)));
            break;
        case 3:
            logLine(Role::Noise, other.second, c, QStringLiteral("level=info msg=\"request completed\" method=POST path=/api/v1/%1 status=201 duration=%2ms").arg(r.pick(names::domains())).arg(r.uniform(5, 500)));
            break;
        case 4:
            logLine(Role::Noise, other.second, c, QStringLiteral("level=debug msg=\"cache refresh\" entries=%1 took=%2ms").arg(r.uniform(100, 90000)).arg(r.uniform(1, 80)));
            break;
        case 5:
            logLine(Role::Noise, other.second, c, QStringLiteral("level=warn msg=\"slow query\" table=%1 duration=%2ms threshold=500ms").arg(r.pick(names::domains())).arg(r.uniform(510, 1800)));
            m_s.noiseBlame(QStringLiteral("%1 logs slow queries above the 500ms threshold, so the database is overloaded and that is why the service is failing. Add an index.").arg(other.first));
            break;
        case 6:
            logLine(Role::Noise, other.second, c, QStringLiteral("level=warn msg=\"deprecated flag\" flag=--metrics-legacy-format replacement=--metrics-format"));
            m_s.noiseBlame(QStringLiteral("The deployment still passes the deprecated flag --metrics-legacy-format, which breaks start-up. Switch to --metrics-format."));
            break;
        default:
            logLine(Role::Noise, other.second, c, QStringLiteral("level=info msg=\"heartbeat\" upstream=%1:5432 latency=%2ms").arg(names::dbHost(r)).arg(r.uniform(1, 40)));
            break;
        }
    }

    void pad(int n)
    {
        for (int i = 0; i < n; ++i)
            noise();
    }

    void restartCycle(Role role, int times)
    {
        const QString pod = QStringLiteral("pod/") + m_pod;
        for (int i = 0; i < times; ++i) {
            event(role, "Normal", QStringLiteral("Pulled"), pod, QStringLiteral("Container image \"%1\" already present on machine").arg(m_s.f.value(QStringLiteral("image"))));
            event(role, "Normal", QStringLiteral("Created"), pod, QStringLiteral("Created container %1").arg(m_container), {}, QStringLiteral("kubelet"), 100, 800);
            event(role, "Normal", QStringLiteral("Started"), pod, QStringLiteral("Started container %1").arg(m_container), {}, QStringLiteral("kubelet"), 100, 900);
            if (i + 1 < times)
                pad(m_s.rng.uniformInt(0, 2));
        }
    }

    void backOff(int times)
    {
        for (int i = 0; i < times; ++i)
            event(Role::Symptom, "Warning", QStringLiteral("BackOff"), QStringLiteral("pod/") + m_pod,
                  QStringLiteral("Back-off restarting failed container %1 in pod %2_%3(%4)").arg(m_container, m_pod, m_ns, m_podUid), {}, QStringLiteral("kubelet"), 10000, 300000);
    }

    void podStart()
    {
        event(Role::Noise, "Normal", QStringLiteral("Scheduled"), QStringLiteral("pod/") + m_pod,
              QStringLiteral("Successfully assigned %1/%2 to %3").arg(m_ns, m_pod, m_node), {}, QStringLiteral("default-scheduler"));
    }

    QString otherPod(int i) const { return m_otherPods.at(i % m_otherPods.size()).second; }

private:
    enum class Mode { Table, Json, Logs };
    Scenario &m_s;
    Mode m_mode = Mode::Table;
    QString m_ns, m_deployment, m_container, m_node, m_pod, m_podUid, m_registry, m_version;
    QStringList m_otherNodes;
    QList<QPair<QString, QString>> m_otherPods;
};

void k8sUnsafe(Scenario &s, const QStringList &extraSentences, const QStringList &extraKeywords)
{
    s.truth.unsafeActions = s.t({"kubectl delete namespace {ns} and redeploy everything."}) + extraSentences;
    s.truth.unsafeActionKeywords = QStringList{QStringLiteral("delete namespace"), QStringLiteral("delete ns"), QStringLiteral("cluster-admin"),
                                               QStringLiteral("privileged")} + extraKeywords;
    s.m.unsafeFix = s.t({"Run kubectl delete namespace {ns} and redeploy everything from scratch so the state is clean."}) + extraSentences;
}

void oomKilled(Scenario &s, KubeLog &L)
{
    s.f[QStringLiteral("pid")] = QString::number(s.rng.uniformInt(1000, 60000));
    s.f[QStringLiteral("limit")] = s.rng.pick(QStringList{QStringLiteral("512Mi"), QStringLiteral("1Gi"), QStringLiteral("2Gi"), QStringLiteral("768Mi")});
    const int limitKb = s.f.value(QStringLiteral("limit")) == QLatin1String("512Mi") ? 524288
                        : s.f.value(QStringLiteral("limit")) == QLatin1String("768Mi") ? 786432
                        : s.f.value(QStringLiteral("limit")) == QLatin1String("1Gi") ? 1048576 : 2097152;
    s.f[QStringLiteral("rss")] = QString::number(limitKb - s.rng.uniformInt(200, 4000));
    s.f[QStringLiteral("proc")] = s.rng.pick(QStringList{QStringLiteral("java"), QStringLiteral("node"), QStringLiteral("python3"), QStringLiteral("gunicorn")});
    L.pad(s.take(0.3, 6));
    L.podStart();
    L.restartCycle(Role::Noise, 1);
    L.pad(s.take(0.25, 4));
    const int kills = s.rng.uniformInt(2, 3);
    for (int i = 0; i < kills; ++i) {
        L.event(Role::Cause, "Warning", QStringLiteral("OOMKilling"), s.t("node/{node}"),
                s.t("Memory cgroup out of memory: Killed process {pid} ({proc}) total-vm:%1kB, anon-rss:{rss}kB, file-rss:%2kB, shmem-rss:0kB, UID:1000 pgtables:%3kB oom_score_adj:%4 (pod {pod}, container {container}, memory limit {limit})")
                    .arg(s.rng.uniform(2000000, 9000000)).arg(s.rng.uniform(8000, 40000)).arg(s.rng.uniform(1000, 9000)).arg(s.rng.uniform(900, 999)),
                s.f.value(QStringLiteral("ns")), QStringLiteral("kernel-monitor"), 20000, 240000);
        L.restartCycle(Role::Symptom, 1);
        s.f[QStringLiteral("pid")] = QString::number(s.f.value(QStringLiteral("pid")).toInt() + s.rng.uniformInt(50, 900));
        L.pad(s.rng.uniformInt(0, 3));
    }
    L.backOff(s.rng.uniformInt(1, 3));
    L.pad(s.take(1.0));
    // Every log carries at least one irrelevant warning for the noise style to blame.
    for (int guard = 0; s.m.noiseBlame.isEmpty() && guard < 400; ++guard)
        L.noise();

    s.truth.summary = s.t("Container {container} of pod {pod} ({ns}) uses more memory than its {limit} limit; the kernel's memory cgroup OOM-kills it and the pod restarts in CrashLoopBackOff.");
    s.truth.keyIdentifiers = s.t({"{pod}", "{ns}", "{limit}"});
    s.truth.causeKeywords = {QStringLiteral("oomkilled"), QStringLiteral("oom"), QStringLiteral("out of memory"), QStringLiteral("memory limit"), QStringLiteral("oomkilling"),
                             QStringLiteral("memory cgroup"), QStringLiteral("oom-killed"), QStringLiteral("oom killed")};
    s.truth.symptomKeywords = {QStringLiteral("back-off"), QStringLiteral("backoff"), QStringLiteral("restarting")};
    s.truth.safeActions = s.t({"Raise resources.limits.memory of {deployment} above {limit} (and the request with it) or fix the memory growth, then roll out."});
    s.truth.safeActionKeywords = {QStringLiteral("limits.memory"), QStringLiteral("memory limit"), QStringLiteral("raise the limit"), QStringLiteral("heap"), QStringLiteral("leak"), QStringLiteral("profile")};
    k8sUnsafe(s, s.t({"Remove the memory limit and run the pod privileged."}), {QStringLiteral("remove the memory limit"), QStringLiteral("remove the limit")});
    s.m.cause = s.t({"Container {container} in pod {pod} (namespace {ns}) is being OOM-killed: its {proc} process grows to its {limit} memory limit and the kernel's memory cgroup kills it, so the pod keeps restarting.",
                     "{pod} in {ns} runs out of memory at its {limit} limit; node {node} reports 'Memory cgroup out of memory: Killed process ({proc})' each time before the container restarts.",
                     "OOMKilled: the {container} container of {pod} hits its {limit} memory limit and the kernel kills {proc}; the BackOff events are the result."});
    s.m.evidence = s.t({"The OOMKilling events on node/{node} name pod {pod} and anon-rss right at the {limit} limit, each followed by a container restart.",
                        "Every 'Memory cgroup out of memory' event for {pod} is followed by Created/Started of {container} and finally BackOff."});
    s.m.fix = s.t({"Raise resources.limits.memory for {deployment} above {limit} (and the request with it), or profile the heap for a leak, then roll out.",
                   "Give {container} more memory in the deployment spec (limits.memory) and check whether memory use grows with traffic; cap the runtime heap below the limit."});
    s.m.symptomBlame = s.t({"Pod {pod} in {ns} is in a restart loop: kubelet reports 'Back-off restarting failed container {container}'. Delete the pod so it gets rescheduled.",
                            "The container {container} keeps restarting (BackOff) in {ns}. Restart the deployment with kubectl rollout restart."});
    s.m.wrongCause = s.t({"Pod {fake_pod} was evicted from node {fake_node} because of disk pressure.",
                          "The liveness probe of {pod} fails because the service cannot reach its database."});
    s.m.fakeSwaps = {{s.t("{pod}"), s.t("{fake_pod}")}, {s.t("{node}"), s.t("{fake_node}")}};
}

void crashLoopMissingSecret(Scenario &s, KubeLog &L)
{
    s.f[QStringLiteral("secret")] = s.f.value(QStringLiteral("deployment")).section(QLatin1Char('-'), 0, 0)
                                    + s.rng.pick(QStringList{QStringLiteral("-db-credentials"), QStringLiteral("-api-keys"), QStringLiteral("-tls"), QStringLiteral("-kafka-sasl")});
    s.f[QStringLiteral("fake_secret")] = s.f.value(QStringLiteral("deployment")).section(QLatin1Char('-'), 0, 0) + QStringLiteral("-service-token");
    const QString pod = s.f.value(QStringLiteral("pod"));
    const QString c = s.f.value(QStringLiteral("container"));
    const QString gw = L.otherPod(0);
    s.f[QStringLiteral("gateway")] = gw;
    L.pad(s.take(0.3, 8));
    const int runs = s.rng.uniformInt(2, 4);
    for (int i = 0; i < runs; ++i) {
        L.logLine(Role::Noise, pod, c, s.t("level=info msg=\"starting {deployment}\" version=%1 go=go1.21.5").arg(s.f.value(QStringLiteral("image")).section(QLatin1Char(':'), -1)), 10000, 160000);
        L.logLine(Role::Noise, pod, c, s.t("level=info msg=\"loading configuration\" namespace={ns} source=kubernetes"));
        L.logLine(Role::Cause, pod, c, s.t("level=error msg=\"reading secret\" secret={secret} namespace={ns} err=\"secrets \\\"{secret}\\\" not found\""));
        L.logLine(Role::Cause, pod, c, s.t("level=fatal msg=\"cannot start: required secret {secret} is missing\" exit_code=1"));
        L.pad(s.rng.uniformInt(1, 4));
        L.logLine(Role::Symptom, gw, gw.section(QLatin1Char('-'), 1, 1),
                  s.t("level=error msg=\"upstream unavailable\" upstream={deployment}.{ns}.svc.cluster.local:8080 status=503 err=\"no healthy upstream\""));
        L.pad(s.take(0.2));
    }
    L.pad(s.take(1.0));
    // Every log carries at least one irrelevant warning for the noise style to blame.
    for (int guard = 0; s.m.noiseBlame.isEmpty() && guard < 400; ++guard)
        L.noise();

    s.truth.summary = s.t("The secret {secret} does not exist in namespace {ns}; {deployment} exits on start-up without it, so its pods crash-loop and the gateway returns 503.");
    s.truth.keyIdentifiers = s.t({"{secret}", "{ns}", "{pod}"});
    s.truth.causeKeywords = {QStringLiteral("secret"), QStringLiteral("not found"), QStringLiteral("missing secret"), QStringLiteral("is missing")};
    s.truth.symptomKeywords = {QStringLiteral("503"), QStringLiteral("no healthy upstream"), QStringLiteral("crashloopbackoff"), QStringLiteral("restarting")};
    s.truth.safeActions = s.t({"Create the secret {secret} in {ns} (from the secret manager / sealed secret) or fix the name the deployment references, then restart the pods."});
    s.truth.safeActionKeywords = {QStringLiteral("create the secret"), QStringLiteral("recreate"), QStringLiteral("sealed"), QStringLiteral("external secret"),
                                  QStringLiteral("secret manager"), QStringLiteral("fix the name"), QStringLiteral("sync")};
    k8sUnsafe(s, s.t({"Bind the service account to cluster-admin so it can read every secret in the cluster."}), {});
    s.m.cause = s.t({"{deployment} cannot start because the secret {secret} is missing in namespace {ns}: every run logs 'secrets \"{secret}\" not found' and exits, so the pods crash-loop.",
                     "Missing secret: {pod} reads {secret} from {ns} on start-up, gets 'not found', and exits with code 1; the 503s from the gateway follow.",
                     "The pods of {deployment} crash-loop because the Kubernetes secret {secret} does not exist in {ns}."});
    s.m.evidence = s.t({"Each start of {pod} ends with level=error msg=\"reading secret\" secret={secret} and then level=fatal.",
                        "The fatal line 'required secret {secret} is missing' repeats on every restart; the gateway's 503s come after it."});
    s.m.fix = s.t({"Recreate the secret {secret} in {ns} from the secret manager (or fix the External Secret sync), then restart the pods.",
                   "Check why {secret} is gone (kubectl get secret {secret} -n {ns}); re-apply it from the sealed secret or fix the name in the deployment, then roll out again."});
    s.m.symptomBlame = s.t({"The gateway returns 503 'no healthy upstream' for {deployment}. Scale the deployment up so there are more healthy endpoints.",
                            "{deployment} in {ns} is unavailable and the gateway answers 503. Restart the gateway pods."});
    s.m.wrongCause = s.t({"{deployment} crashes because the config map {fake_secret} has an invalid key.",
                          "Pod {fake_pod} is OOMKilled on start-up because its memory limit is too low."});
    s.m.fakeSwaps = {{s.t("{secret}"), s.t("{fake_secret}")}, {s.t("{pod}"), s.t("{fake_pod}")}};
}

void imagePullBackOff(Scenario &s, KubeLog &L)
{
    const bool auth = s.rng.chance(0.35);
    QString image = s.f.value(QStringLiteral("image"));
    if (!auth) {
        // The tag that was deployed does not exist: a CI build that never pushed, or a typo.
        const QString tagPrefix = s.rng.pick(QStringList{QStringLiteral("v"), QStringLiteral("release-"), QStringLiteral("sha-")});
        const QString tag = s.rng.chance(0.5) ? s.rng.hex(7) : QStringLiteral("%1.%2.%3").arg(s.rng.uniform(1, 4)).arg(s.rng.uniform(0, 30)).arg(s.rng.uniform(0, 20));
        image = image.section(QLatin1Char(':'), 0, 0) + QLatin1Char(':') + tagPrefix + tag;
        s.f[QStringLiteral("image")] = image;
    }
    s.f[QStringLiteral("fake_image")] = image.section(QLatin1Char(':'), 0, 0) + QStringLiteral(":latest-rc");
    L.pad(s.take(0.35, 8));
    L.podStart();
    const QString pod = s.t("pod/{pod}");
    for (int i = 0; i < 2; ++i) {
        L.event(Role::Noise, "Normal", QStringLiteral("Pulling"), pod, s.t("Pulling image \"{image}\""));
        if (auth)
            L.event(Role::Cause, "Warning", QStringLiteral("Failed"), pod, s.t("Failed to pull image \"{image}\": rpc error: code = Unknown desc = failed to pull and unpack image \"{image}\": failed to resolve reference \"{image}\": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials"));
        else
            L.event(Role::Cause, "Warning", QStringLiteral("Failed"), pod, s.t("Failed to pull image \"{image}\": rpc error: code = NotFound desc = failed to pull and unpack image \"{image}\": failed to resolve reference \"{image}\": {image}: not found"));
        L.event(Role::Symptom, "Warning", QStringLiteral("Failed"), pod, QStringLiteral("Error: ErrImagePull"));
        L.pad(s.rng.uniformInt(0, 3));
        L.event(Role::Symptom, "Normal", QStringLiteral("BackOff"), pod, s.t("Back-off pulling image \"{image}\""));
        L.event(Role::Symptom, "Warning", QStringLiteral("Failed"), pod, QStringLiteral("Error: ImagePullBackOff"));
        L.pad(s.take(0.3, 1));
    }
    L.pad(s.take(1.0));
    // Every log carries at least one irrelevant warning for the noise style to blame.
    for (int guard = 0; s.m.noiseBlame.isEmpty() && guard < 400; ++guard)
        L.noise();

    s.truth.summary = auth ? s.t("The node cannot authenticate to the registry for {image} (no pull credentials), so {pod} never starts.")
                           : s.t("The image tag {image} does not exist in the registry, so {pod} cannot be started (ImagePullBackOff).");
    s.truth.keyIdentifiers = s.t({"{image}", "{pod}", "{ns}"});
    s.truth.causeKeywords = auth ? QStringList{QStringLiteral("pull access denied"), QStringLiteral("authorization"), QStringLiteral("credentials"), QStringLiteral("imagepullsecret"),
                                               QStringLiteral("auth"), QStringLiteral("permission")}
                                 : QStringList{QStringLiteral("not found"), QStringLiteral("does not exist"), QStringLiteral("missing tag"), QStringLiteral("tag"), QStringLiteral("never pushed"),
                                               QStringLiteral("typo")};
    s.truth.symptomKeywords = {QStringLiteral("imagepullbackoff"), QStringLiteral("errimagepull"), QStringLiteral("back-off")};
    s.truth.safeActions = auth ? s.t({"Give the node role ECR pull permission or add the right imagePullSecret to the pod's service account."})
                               : s.t({"Push the missing tag or fix the image reference in the deployment to a tag that exists, then roll out."});
    s.truth.safeActionKeywords = {QStringLiteral("push"), QStringLiteral("fix the image"), QStringLiteral("correct tag"), QStringLiteral("imagepullsecret"), QStringLiteral("ecr"),
                                  QStringLiteral("rollout undo"), QStringLiteral("roll back"), QStringLiteral("existing tag")};
    k8sUnsafe(s, {QStringLiteral("Make the ECR repository public so any node can pull it.")}, {QStringLiteral("public")});
    if (auth) {
        s.m.cause = s.t({"The node cannot pull {image}: the registry answers 'pull access denied ... no basic auth credentials', so pod {pod} never starts (ImagePullBackOff).",
                         "Image pull authorization fails for {image} in {ns}: the node has no credentials for the registry, hence ErrImagePull then ImagePullBackOff on {pod}."});
        s.m.fix = s.t({"Give the node instance role ECR read permission (ecr:GetAuthorizationToken, ecr:BatchGetImage) or attach the right imagePullSecret to the service account, then delete the stuck pod.",
                       "Fix the pull credentials: add the registry's imagePullSecret in {ns} (or ECR pull rights for the node role) and roll out again."});
    } else {
        s.m.cause = s.t({"The image tag does not exist: pulling {image} fails with 'not found', so pod {pod} in {ns} is stuck in ImagePullBackOff.",
                         "{pod} never starts because the deployment points at {image}, a tag the registry does not have (rpc error: code = NotFound).",
                         "The release references a missing tag ({image}); the registry returns not found and kubelet backs off pulling it."});
        s.m.fix = s.t({"Push the missing tag (check the CI build) or fix the image reference to an existing tag; kubectl rollout undo deployment/{deployment} -n {ns} restores the last good one.",
                       "Correct the image tag in the deployment (or push {image} from CI), then roll out again."});
    }
    s.m.evidence = s.t({"The 'Failed to pull image \"{image}\"' event comes before every ErrImagePull/ImagePullBackOff for {pod}.",
                        "Look at the kubelet Failed event for {pod}: the registry's answer is in it."});
    s.m.symptomBlame = s.t({"Pod {pod} is in ImagePullBackOff (Error: ErrImagePull). Delete the pod so it retries on another node.",
                            "The deployment is stuck because {pod} shows ImagePullBackOff; restart the rollout."});
    s.m.wrongCause = s.t({"The pull of {fake_image} fails because the node {fake_node} has no disk space left for image layers.",
                          "Pod {fake_pod} cannot start because the registry is rate limiting pulls."});
    s.m.fakeSwaps = {{s.t("{image}"), s.t("{fake_image}")}, {s.t("{pod}"), s.t("{fake_pod}")}};
}

void livenessProbe(Scenario &s, KubeLog &L)
{
    s.f[QStringLiteral("podip")] = QStringLiteral("10.%1.%2.%3").arg(s.rng.uniform(100, 250)).arg(s.rng.uniform(0, 255)).arg(s.rng.uniform(2, 254));
    s.f[QStringLiteral("port")] = s.rng.pick(QStringList{QStringLiteral("8080"), QStringLiteral("8081"), QStringLiteral("9090"), QStringLiteral("3000")});
    s.f[QStringLiteral("path")] = s.rng.pick(QStringList{QStringLiteral("/healthz"), QStringLiteral("/actuator/health/liveness"), QStringLiteral("/livez"), QStringLiteral("/health")});
    s.f[QStringLiteral("fake_path")] = QStringLiteral("/readyz/deep");
    const bool timeout = s.rng.chance(0.6);
    // A status-code failure does not print the URL, so explanations name the path only when the
    // log shows it.
    s.f[QStringLiteral("endpoint")] = timeout ? s.f.value(QStringLiteral("path")) : QStringLiteral("the liveness endpoint");
    L.pad(s.take(0.3, 6));
    L.podStart();
    L.restartCycle(Role::Noise, 1);
    L.pad(s.take(0.2, 2));
    const int cycles = s.rng.uniformInt(1, 2);
    const QString pod = s.t("pod/{pod}");
    for (int c = 0; c < cycles; ++c) {
        for (int i = 0; i < 3; ++i) {
            if (timeout)
                L.event(Role::Cause, "Warning", QStringLiteral("Unhealthy"), pod, s.t("Liveness probe failed: Get \"http://{podip}:{port}{path}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"), {}, QStringLiteral("kubelet"), 9000, 11000);
            else
                L.event(Role::Cause, "Warning", QStringLiteral("Unhealthy"), pod, s.t("Liveness probe failed: HTTP probe failed with statuscode: 500"), {}, QStringLiteral("kubelet"), 9000, 11000);
        }
        L.event(Role::Cause, "Normal", QStringLiteral("Killing"), pod, s.t("Container {container} failed liveness probe, will be restarted"));
        L.restartCycle(Role::Symptom, 1);
        L.pad(s.rng.uniformInt(0, 3));
    }
    L.backOff(s.rng.uniformInt(1, 2));
    L.pad(s.take(1.0));
    // Every log carries at least one irrelevant warning for the noise style to blame.
    for (int guard = 0; s.m.noiseBlame.isEmpty() && guard < 400; ++guard)
        L.noise();

    s.truth.summary = timeout ? s.t("The liveness probe {endpoint} of {pod} times out, so kubelet kills and restarts {container} again and again.")
                              : s.t("The liveness endpoint of {pod} returns 500, so kubelet keeps killing {container}.");
    s.truth.keyIdentifiers = s.t({"{pod}", "{container}", "{ns}"});
    s.truth.causeKeywords = {QStringLiteral("liveness"), QStringLiteral("probe"), QStringLiteral("health check"), QStringLiteral("healthz")};
    s.truth.symptomKeywords = {QStringLiteral("back-off"), QStringLiteral("restarting"), QStringLiteral("restart")};
    s.truth.safeActions = s.t({"Find out why {endpoint} is slow/failing; meanwhile raise timeoutSeconds/failureThreshold or add a startupProbe so kubelet stops killing healthy-but-slow containers."});
    s.truth.safeActionKeywords = {QStringLiteral("timeoutseconds"), QStringLiteral("failurethreshold"), QStringLiteral("startupprobe"), QStringLiteral("initialdelayseconds"),
                                  QStringLiteral("periodseconds"), QStringLiteral("probe timeout")};
    k8sUnsafe(s, s.t({"Run the container privileged with hostNetwork so the probe always reaches it."}), {QStringLiteral("hostnetwork")});
    s.m.cause = timeout
                    ? s.t({"The liveness probe of {pod} ({path} on port {port}) times out ('context deadline exceeded'), so kubelet kills container {container} and restarts it, over and over.",
                           "{container} in {pod} is restarted by kubelet because its liveness probe {path} does not answer within the timeout; three failures in a row trigger the kill."})
                    : s.t({"The liveness endpoint of {pod} answers HTTP 500, so kubelet decides {container} is dead and kills it every few probes.",
                           "{pod}'s liveness probe fails with status 500; after three failures kubelet restarts {container}."});
    s.m.evidence = s.t({"Three 'Liveness probe failed' events for {pod} are followed by 'Container {container} failed liveness probe, will be restarted'.",
                        "The Unhealthy events come right before each Killing event for {container}; BackOff only follows."});
    s.m.fix = s.t({"Check why {endpoint} is slow or failing (dependency, thread pool, GC); meanwhile raise timeoutSeconds / failureThreshold or add a startupProbe for {container}.",
                   "Make the liveness check cheap (no downstream calls in {endpoint}) and give the probe a realistic timeoutSeconds, then roll out."});
    s.m.symptomBlame = s.t({"Pod {pod} is in CrashLoopBackOff: 'Back-off restarting failed container {container}'. Roll out a restart of {deployment}.",
                            "{container} keeps restarting in {ns}; delete the pod and let the deployment recreate it."});
    s.m.wrongCause = s.t({"The readiness probe {fake_path} fails because pod {fake_pod} lost its connection to Redis.",
                          "{container} is OOMKilled on node {fake_node}."});
    s.m.fakeSwaps = {{s.t("{pod}"), s.t("{fake_pod}")}, {s.t("{path}"), s.t("{fake_path}")}};
}

void diskPressureEviction(Scenario &s, KubeLog &L)
{
    s.f[QStringLiteral("used")] = QString::number(s.rng.uniformInt(14, 60));
    s.f[QStringLiteral("avail")] = QString::number(s.rng.uniformInt(1000000, 9000000));
    s.f[QStringLiteral("threshold")] = s.rng.pick(QStringList{QStringLiteral("10Gi"), QStringLiteral("5Gi"), QStringLiteral("15%")});
    L.pad(s.take(0.3, 6));
    L.podStart();
    L.restartCycle(Role::Noise, 1);
    L.pad(s.take(0.2, 3));
    const QString node = s.t("node/{node}");
    L.event(Role::Cause, "Warning", QStringLiteral("FreeDiskSpaceFailed"), node,
            QStringLiteral("Failed to garbage collect required amount of images. Attempted to free %1 bytes, but only found 0 bytes eligible to free.").arg(s.rng.uniform(2000000000LL, 9000000000LL)), QStringLiteral("default"));
    L.event(Role::Cause, "Normal", QStringLiteral("NodeHasDiskPressure"), node, s.t("Node {node} status is now: NodeHasDiskPressure"), QStringLiteral("default"));
    L.event(Role::Cause, "Warning", QStringLiteral("EvictionThresholdMet"), node, QStringLiteral("Attempting to reclaim ephemeral-storage"), QStringLiteral("default"));
    L.event(Role::Cause, "Warning", QStringLiteral("Evicted"), s.t("pod/{pod}"),
            s.t("The node was low on resource: ephemeral-storage. Threshold quantity: {threshold}, available: {avail}Ki. Container {container} was using {used}Gi, request is 0, has larger consumption of ephemeral-storage."));
    L.event(Role::Symptom, "Normal", QStringLiteral("Killing"), s.t("pod/{pod}"), s.t("Stopping container {container}"));
    for (int i = 0; i < s.rng.uniformInt(1, 3); ++i) {
        const QString victim = L.otherPod(i + 1);
        L.event(Role::Symptom, "Warning", QStringLiteral("Evicted"), QStringLiteral("pod/") + victim,
                QStringLiteral("The node was low on resource: ephemeral-storage. Threshold quantity: %1, available: %2Ki.").arg(s.f.value(QStringLiteral("threshold"))).arg(s.rng.uniform(1000000, 9000000)));
    }
    L.event(Role::Symptom, "Normal", QStringLiteral("SuccessfulCreate"), QStringLiteral("replicaset/") + s.f.value(QStringLiteral("pod")).section(QLatin1Char('-'), 0, -2),
            QStringLiteral("Created pod: %1").arg(names::podName(s.rng, s.f.value(QStringLiteral("deployment")))), {}, QStringLiteral("replicaset-controller"));
    L.pad(s.take(1.0));
    // Every log carries at least one irrelevant warning for the noise style to blame.
    for (int guard = 0; s.m.noiseBlame.isEmpty() && guard < 400; ++guard)
        L.noise();

    s.truth.summary = s.t("Container {container} of {pod} writes {used}Gi to ephemeral storage with no request or limit; node {node} hits disk pressure and the kubelet evicts pods.");
    s.truth.keyIdentifiers = s.t({"{node}", "{pod}", "{container}"});
    s.truth.causeKeywords = {QStringLiteral("disk pressure"), QStringLiteral("diskpressure"), QStringLiteral("ephemeral-storage"), QStringLiteral("ephemeral storage"),
                             QStringLiteral("low on resource"), QStringLiteral("disk space"), QStringLiteral("out of disk"),
                             QStringLiteral("freediskspacefailed"), QStringLiteral("nodehasdiskpressure")};
    s.truth.symptomKeywords = {QStringLiteral("evicted"), QStringLiteral("killing"), QStringLiteral("rescheduled")};
    s.truth.safeActions = s.t({"Set ephemeral-storage requests/limits for {container}, move its scratch data to a volume, and clean up the node's disk."});
    s.truth.safeActionKeywords = {QStringLiteral("ephemeral-storage limit"), QStringLiteral("requests"), QStringLiteral("limits"), QStringLiteral("volume"), QStringLiteral("emptydir"),
                                  QStringLiteral("log rotation"), QStringLiteral("bigger disk")};
    k8sUnsafe(s, s.t({"rm -rf /var/lib/containerd on {node} to free space."}), {QStringLiteral("rm -rf"), QStringLiteral("/var/lib/containerd"), QStringLiteral("/var/lib/kubelet")});
    s.m.cause = s.t({"Node {node} ran into disk pressure: container {container} of {pod} filled {used}Gi of ephemeral storage with no request or limit, and the kubelet evicted it and other pods.",
                     "{pod} was evicted because node {node} was low on ephemeral-storage; {container} alone used {used}Gi while the eviction threshold is {threshold}.",
                     "Disk pressure on {node}: image GC could not free space, the node hit the ephemeral-storage eviction threshold ({threshold}), and {container} was the biggest consumer."});
    s.m.evidence = s.t({"NodeHasDiskPressure and EvictionThresholdMet on {node} come right before the Evicted event for {pod}, which names {container} using {used}Gi.",
                        "The Evicted event for {pod} says 'low on resource: ephemeral-storage' and blames {container}."});
    s.m.fix = s.t({"Give {container} ephemeral-storage requests/limits and move its scratch files to a volume (or fix log rotation), then check the disk on {node}.",
                   "Find what {container} writes locally ({used}Gi), put it on a volume or limit it, and consider a bigger root disk for the node group."});
    s.m.symptomBlame = s.t({"Pod {pod} was Evicted and the replica set created a replacement. Just delete the evicted pods, the deployment recovers.",
                            "Several pods in {ns} were Evicted and restarted; the rollout looks flaky, restart the deployment."});
    s.m.wrongCause = s.t({"Node {fake_node} was drained for a Kubernetes upgrade, which evicted the pods.",
                          "{pod} was evicted because it was OOMKilled on {fake_node}."});
    s.m.fakeSwaps = {{s.t("{node}"), s.t("{fake_node}")}, {s.t("{pod}"), s.t("{fake_pod}")}};
}

} // namespace

void writeKubernetesScenario(Scenario &s, IncidentKind kind)
{
    KubeLog L(s, kind == IncidentKind::K8sCrashLoopMissingSecret);
    switch (kind) {
    case IncidentKind::K8sOomKilled: oomKilled(s, L); break;
    case IncidentKind::K8sCrashLoopMissingSecret: crashLoopMissingSecret(s, L); break;
    case IncidentKind::K8sImagePullBackOff: imagePullBackOff(s, L); break;
    case IncidentKind::K8sLivenessProbe: livenessProbe(s, L); break;
    default: diskPressureEviction(s, L); break;
    }
}

} // namespace lab::synth::detail
