#include "core/eval/model_eval.h"

#include "core/explain/explain_prompt.h"
#include "core/model/device.h"
#include "core/model/heads.h"
#include "core/store/store.h"
#include "core/synth/incident.h"
#include "core/text/tokenizer.h"

#include <torch/utils.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>

#include <optional>

namespace lab {
namespace {

struct Item
{
    qint64 id = 0;
    QString kind;
    QString log;
    synth::GroundTruth truth;
};

// The reward model's score of each explanation, on the ids it was trained on: the prompt
// `explain` builds, the explanation's tokens and EOS (cut to the reward model's context).
class RewardScorer
{
public:
    static Result<RewardScorer> load(const QString &dir, const QString &fallbackTokenizerDir, const QString &deviceRequest)
    {
        RewardScorer scorer;
        Result<LlamaRewardModel> rm = loadRewardModel(dir);
        if (!rm)
            return fail(QStringLiteral("reward model %1: %2").arg(dir, rm.error()));
        QString tokenizerPath = QDir(dir).filePath(QStringLiteral("tokenizer.model"));
        if (!QFileInfo::exists(tokenizerPath))
            tokenizerPath = QDir(fallbackTokenizerDir).filePath(QStringLiteral("tokenizer.model"));
        Result<Tokenizer> tokenizer = Tokenizer::load(tokenizerPath);
        if (!tokenizer)
            return fail(QStringLiteral("reward model %1: %2").arg(dir, tokenizer.error()));
        if (tokenizer->vocabSize() > (*rm)->config().vocabSize)
            return fail(QStringLiteral("reward model %1 has %2 embeddings but its tokenizer %3 pieces")
                            .arg(dir)
                            .arg((*rm)->config().vocabSize)
                            .arg(tokenizer->vocabSize()));
        Result<QString> device = resolveDevice(deviceRequest);
        if (!device)
            return fail(device.error());
        scorer.m_device = torch::Device(device->toStdString());
        scorer.m_model = *rm;
        scorer.m_model->eval();
        scorer.m_model->to(scorer.m_device);
        scorer.m_tokenizer = *tokenizer;
        return scorer;
    }

    // One score per (log, explanation), batch by batch.
    std::vector<double> score(const std::vector<QString> &logs, const std::vector<QString> &texts, int promptBudget)
    {
        torch::NoGradGuard noGrad;
        const std::int64_t context = m_model->config().maxPositionEmbeddings;
        const std::int64_t eos = m_tokenizer.eosId() >= 0 ? m_tokenizer.eosId()
                                 : m_model->config().eosTokenIds.isEmpty() ? 2
                                                                           : m_model->config().eosTokenIds.front();
        std::vector<double> out;
        constexpr size_t kBatch = 16;
        for (size_t start = 0; start < logs.size(); start += kBatch) {
            const size_t end = std::min(logs.size(), start + kBatch);
            std::vector<std::vector<std::int64_t>> rows;
            size_t longest = 1;
            for (size_t i = start; i < end; ++i) {
                std::vector<std::int64_t> ids = promptTokens(m_tokenizer, logs[i], promptBudget);
                for (int id : m_tokenizer.encode(texts[i]))
                    ids.push_back(id);
                ids.push_back(eos);
                if (std::int64_t(ids.size()) > context) {
                    ids.resize(size_t(context));
                    ids.back() = eos;
                }
                longest = std::max(longest, ids.size());
                rows.push_back(std::move(ids));
            }
            torch::Tensor ids = torch::zeros({std::int64_t(rows.size()), std::int64_t(longest)}, torch::kLong);
            torch::Tensor mask = torch::zeros_like(ids);
            for (size_t r = 0; r < rows.size(); ++r) {
                const std::int64_t n = std::int64_t(rows[r].size());
                ids[std::int64_t(r)].narrow(0, 0, n).copy_(torch::tensor(rows[r], torch::kLong));
                mask[std::int64_t(r)].narrow(0, 0, n).fill_(1);
            }
            const torch::Tensor scores = m_model->forward(ids.to(m_device), mask.to(m_device)).to(torch::kCPU).to(torch::kDouble).contiguous();
            for (std::int64_t r = 0; r < scores.size(0); ++r)
                out.push_back(scores[r].item<double>());
        }
        return out;
    }

private:
    LlamaRewardModel m_model{nullptr};
    Tokenizer m_tokenizer;
    torch::Device m_device{torch::kCPU};
};

} // namespace

QJsonObject ModelEvalReport::toJson(bool withSamples) const
{
    QJsonObject kinds;
    for (auto it = perKind.begin(); it != perKind.end(); ++it)
        kinds.insert(it.key(), it.value().toJson());
    QJsonObject metrics = overall.toJson();
    metrics.remove(QStringLiteral("samples"));
    if (hasReward) {
        metrics.insert(QStringLiteral("mean_reward"), meanReward);
        for (auto it = perKindReward.begin(); it != perKindReward.end(); ++it) {
            QJsonObject kind = kinds.value(it.key()).toObject();
            kind.insert(QStringLiteral("mean_reward"), it.value());
            kinds.insert(it.key(), kind);
        }
    }
    QJsonObject out{{QStringLiteral("model"), model},
                    {QStringLiteral("adapter"), adapter},
                    {QStringLiteral("incidents"), incidents},
                    {QStringLiteral("samples"), overall.samples},
                    {QStringLiteral("metrics"), metrics},
                    {QStringLiteral("per_kind"), kinds},
                    {QStringLiteral("mean_new_tokens"), meanNewTokens},
                    {QStringLiteral("finished_rate"), finishedRate},
                    {QStringLiteral("seconds"), seconds}};
    if (hasReward)
        out.insert(QStringLiteral("reward_model"), rewardModel);
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
                                    {QStringLiteral("reward"), hasReward ? QJsonValue(s.reward) : QJsonValue()},
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

    // The reward model is loaded before any generation, so a bad folder fails fast.
    std::optional<RewardScorer> scorer;
    if (!options.rewardModelDir.isEmpty()) {
        Result<RewardScorer> loaded = RewardScorer::load(options.rewardModelDir, explainer.modelDir(), options.settings.device);
        if (!loaded)
            return fail(loaded.error());
        scorer = std::move(*loaded);
    }

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
    if (scorer) {
        std::vector<QString> logs, texts;
        for (const EvaluatedSample &sample : report.samples) {
            texts.push_back(sample.text);
            logs.push_back(QString());
        }
        for (size_t r = 0; r < rows.size(); ++r)
            logs[r] = items[rows[r]].log;
        std::vector<double> rewards;
        try {
            rewards = scorer->score(logs, texts, explainer.maxPromptTokens(options.settings.maxNewTokens));
        } catch (const std::exception &e) {
            return fail(QStringLiteral("scoring with the reward model %1 failed: %2").arg(options.rewardModelDir, QString::fromUtf8(e.what())));
        }
        QMap<QString, std::pair<double, int>> sums;
        double total = 0.0;
        for (qsizetype i = 0; i < report.samples.size(); ++i) {
            report.samples[i].reward = rewards[size_t(i)];
            total += rewards[size_t(i)];
            auto &kind = sums[report.samples[i].kind];
            kind.first += rewards[size_t(i)];
            kind.second += 1;
        }
        report.hasReward = true;
        report.rewardModel = QFileInfo(options.rewardModelDir).absoluteFilePath();
        report.meanReward = total / double(std::max<qsizetype>(1, report.samples.size()));
        for (auto it = sums.begin(); it != sums.end(); ++it)
            report.perKindReward.insert(it.key(), it->first / double(it->second));
    }
    report.overall = summarize(all);
    for (auto it = byKind.begin(); it != byKind.end(); ++it)
        report.perKind.insert(it.key(), summarize(it.value()));
    report.seconds = double(timer.elapsed()) / 1000.0;
    report.meanNewTokens = double(newTokens) / double(rows.size());
    report.finishedRate = double(finished) / double(rows.size());
    return report;
}

} // namespace lab
