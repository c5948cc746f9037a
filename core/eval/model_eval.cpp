#include "core/eval/model_eval.h"

#include "core/store/store.h"
#include "core/synth/incident.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace lab {
namespace {

struct Item
{
    qint64 id = 0;
    QString kind;
    QString log;
    synth::GroundTruth truth;
};

} // namespace

QJsonObject ModelEvalReport::toJson(bool withSamples) const
{
    QJsonObject kinds;
    for (auto it = perKind.begin(); it != perKind.end(); ++it)
        kinds.insert(it.key(), it.value().toJson());
    QJsonObject metrics = overall.toJson();
    metrics.remove(QStringLiteral("samples"));
    QJsonObject out{{QStringLiteral("model"), model},
                    {QStringLiteral("adapter"), adapter},
                    {QStringLiteral("incidents"), incidents},
                    {QStringLiteral("samples"), overall.samples},
                    {QStringLiteral("metrics"), metrics},
                    {QStringLiteral("per_kind"), kinds},
                    {QStringLiteral("mean_new_tokens"), meanNewTokens},
                    {QStringLiteral("finished_rate"), finishedRate},
                    {QStringLiteral("seconds"), seconds}};
    if (withSamples) {
        QJsonArray rows;
        for (const EvaluatedSample &s : samples) {
            rows.append(QJsonObject{{QStringLiteral("incident_id"), s.incidentId},
                                    {QStringLiteral("kind"), s.kind},
                                    {QStringLiteral("text"), s.text},
                                    {QStringLiteral("root_cause"), s.judgement.rootCause},
                                    {QStringLiteral("hallucinated"), QJsonArray::fromStringList(s.judgement.hallucinated)},
                                    {QStringLiteral("key_identifiers_cited"), s.judgement.keyIdentifiersCited},
                                    {QStringLiteral("unsafe_action"), s.judgement.unsafeAction},
                                    {QStringLiteral("safe_action"), s.judgement.safeAction},
                                    {QStringLiteral("acceptable"), s.judgement.acceptable()},
                                    {QStringLiteral("words"), s.judgement.words}});
        }
        out.insert(QStringLiteral("explanations"), rows);
    }
    return out;
}

Result<ModelEvalReport> evaluateModel(Store &store, Explainer &explainer,
                                      const ModelEvalOptions &options,
                                      const ProgressCallback &progress)
{
    if (options.samplesPerIncident < 1 || options.batchSize < 1)
        return fail(QStringLiteral("samples per incident and batch size must be at least 1"));
    IncidentFilter filter;
    filter.status = options.heldOutStatus;
    auto incidents = store.incidents(filter);
    if (!incidents)
        return fail(incidents.error());
    std::vector<Item> items;
    for (const IncidentRecord &incident : *incidents) {
        if (options.limit >= 0 && int(items.size()) >= options.limit)
            break;
        auto truth = synth::GroundTruth::fromJson(incident.groundTruth);
        if (!truth || truth->kind.isEmpty())
            continue; // imported logs have no ground truth to judge against
        auto log = store.logFor(incident.id);
        if (!log)
            return fail(log.error());
        items.push_back({incident.id, incident.kind, log->content, *truth});
    }
    if (items.empty())
        return fail(QStringLiteral("%1: no held-out incident with a ground truth (status '%2'); "
                                   "generate some with `rlhf-lab-cli synth --held-out N`")
                        .arg(store.path(), options.heldOutStatus));

    ModelEvalReport report;
    report.model = explainer.modelName();
    report.adapter = explainer.adapterName();
    report.incidents = int(items.size());
    const int samples = options.settings.greedy ? 1 : options.samplesPerIncident;
    // Rows: every incident `samples` times, explained in batches.
    std::vector<size_t> rows;
    for (int s = 0; s < samples; ++s)
        for (size_t i = 0; i < items.size(); ++i)
            rows.push_back(i);
    QElapsedTimer timer;
    timer.start();
    QMap<QString, QVector<synth::Judgement>> byKind;
    QVector<synth::Judgement> all;
    qint64 newTokens = 0, finished = 0;
    ExplainSettings settings = options.settings;
    for (size_t start = 0; start < rows.size(); start += size_t(options.batchSize)) {
        if (progress && !progress(qint64(start), qint64(rows.size())))
            return fail(QStringLiteral("cancelled"));
        const size_t end = std::min(rows.size(), start + size_t(options.batchSize));
        QStringList logs;
        for (size_t r = start; r < end; ++r)
            logs.append(items[rows[r]].log);
        settings.seed = options.settings.seed + quint64(start);
        auto explained = explainer.explainBatch(logs, settings);
        if (!explained)
            return fail(explained.error());
        for (size_t r = start; r < end; ++r) {
            const Item &item = items[rows[r]];
            const Explanation &e = (*explained)[qsizetype(r - start)];
            EvaluatedSample sample;
            sample.incidentId = item.id;
            sample.kind = item.kind;
            sample.text = e.text;
            sample.judgement = synth::judge(e.text, item.truth, item.log);
            sample.newTokens = e.newTokens;
            sample.finished = e.finished;
            newTokens += e.newTokens;
            finished += e.finished ? 1 : 0;
            all.append(sample.judgement);
            byKind[item.kind].append(sample.judgement);
            report.samples.append(sample);
        }
    }
    if (progress)
        progress(qint64(rows.size()), qint64(rows.size()));
    report.overall = summarize(all);
    for (auto it = byKind.begin(); it != byKind.end(); ++it)
        report.perKind.insert(it.key(), summarize(it.value()));
    report.seconds = double(timer.elapsed()) / 1000.0;
    report.meanNewTokens = double(newTokens) / double(rows.size());
    report.finishedRate = double(finished) / double(rows.size());
    return report;
}

} // namespace lab
