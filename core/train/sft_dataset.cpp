#include "core/train/sft_dataset.h"

#include "core/explain/explain_prompt.h"
#include "core/logs/log_digest.h"
#include "core/store/store.h"
#include "core/synth/rng.h"
#include "core/text/tokenizer.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <algorithm>
#include <functional>

namespace lab {
namespace {

// The styles of the mixture with a positive weight, in a fixed order.
QStringList mixtureStyles(const StyleMixture &mixture)
{
    QStringList styles;
    for (auto it = mixture.weights.begin(); it != mixture.weights.end(); ++it) {
        if (it.value() > 0.0)
            styles.append(it.key());
    }
    return styles;
}

// Calls `visit` for every incident of the store that training may read (all but held-out ones),
// reporting progress over all incidents and stopping when the callback cancels.
Status forEachTrainingIncident(Store &store, const SftDataOptions &options,
                               const ProgressCallback &progress,
                               const std::function<Status(const IncidentRecord &)> &visit)
{
    auto incidents = store.incidents();
    if (!incidents)
        return fail(incidents.error());
    const qint64 total = incidents->size();
    qint64 done = 0;
    for (const IncidentRecord &incident : *incidents) {
        if (progress && !progress(done, total))
            return fail(QStringLiteral("cancelled"));
        ++done;
        if (!options.heldOutStatus.isEmpty() && incident.status == options.heldOutStatus)
            continue;
        if (Status s = visit(incident); !s)
            return s;
    }
    if (progress)
        progress(total, total);
    return {};
}

} // namespace

Result<SftDataset> SftDataset::fromStore(Store &store, const Tokenizer &tokenizer,
                                         const SftDataOptions &options,
                                         const ProgressCallback &progress)
{
    if (options.promptTokens < 16 || options.contextTokens <= options.promptTokens + 8)
        return fail(QStringLiteral("the prompt budget (%1 tokens) must leave room for an "
                                   "explanation in the context (%2 tokens)")
                        .arg(options.promptTokens)
                        .arg(options.contextTokens));
    const QStringList styles = mixtureStyles(options.mixture);
    SftDataset dataset;
    dataset.m_options = options;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray(QByteArray::number(options.contextTokens) + ' ' +
                            QByteArray::number(options.promptTokens) + ' ' +
                            QJsonDocument(options.mixture.toJson()).toJson(QJsonDocument::Compact)));
    Status read = forEachTrainingIncident(store, options, progress, [&](const IncidentRecord &incident) -> Status {
        auto explanations = store.explanationsFor(incident.id);
        if (!explanations)
            return fail(explanations.error());
        Incident item;
        item.id = incident.id;
        double cumulative = 0.0;
        for (const QString &style : styles) {
            const auto found = std::find_if(explanations->begin(), explanations->end(),
                                             [&](const ExplanationRecord &e) { return e.style == style; });
            if (found == explanations->end())
                continue;
            std::vector<std::int64_t> answer;
            for (int id : tokenizer.encode(found->text.trimmed()))
                answer.push_back(id);
            answer.push_back(tokenizer.eosId());
            item.styles.push_back(style);
            item.answers.push_back(std::move(answer));
            cumulative += options.mixture.weights.value(style);
            item.weights.push_back(cumulative);
        }
        if (item.styles.empty())
            return {};
        auto log = store.logFor(incident.id);
        if (!log)
            return fail(log.error());
        item.prompt = promptTokens(tokenizer, log->content, options.promptTokens);
        hash.addData(QByteArray(QByteArray::number(incident.id) + ':' +
                                QByteArray::number(qint64(item.prompt.size()))));
        for (const auto &answer : item.answers)
            hash.addData(QByteArray(',' + QByteArray::number(qint64(answer.size()))));
        dataset.m_incidents.push_back(std::move(item));
        return {};
    });
    if (!read)
        return fail(read.error());
    if (dataset.m_incidents.empty())
        return fail(QStringLiteral("%1: no incident has an explanation in the styles of the "
                                   "mixture (%2); generate some with `rlhf-lab-cli synth`")
                        .arg(store.path(), styles.join(QStringLiteral(", "))));
    dataset.m_snapshot = QString::fromLatin1(hash.result().toHex().left(16));
    return dataset;
}

Result<QStringList> SftDataset::tokenizerCorpus(Store &store, const SftDataOptions &options,
                                                const ProgressCallback &progress)
{
    const QStringList styles = mixtureStyles(options.mixture);
    QStringList texts;
    Status read = forEachTrainingIncident(store, options, progress, [&](const IncidentRecord &incident) -> Status {
        auto log = store.logFor(incident.id);
        if (!log)
            return fail(log.error());
        LogDigestOptions digestOptions;
        digestOptions.maxTokens = options.promptTokens;
        texts.append(explanationPrompt(digestLog(log->content, digestOptions).text));
        auto explanations = store.explanationsFor(incident.id);
        if (!explanations)
            return fail(explanations.error());
        for (const ExplanationRecord &e : *explanations) {
            if (styles.contains(e.style))
                texts.append(e.text);
        }
        return {};
    });
    if (!read)
        return fail(read.error());
    return texts;
}

std::vector<qint64> SftDataset::epochOrder(qint64 epoch, quint64 seed) const
{
    std::vector<qint64> order(m_incidents.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = qint64(i);
    synth::Rng rng(seed * 0x9E3779B97F4A7C15ull + quint64(epoch) + 1);
    for (size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[size_t(rng.uniform(0, qint64(i) - 1))]);
    return order;
}

std::vector<SftSequence> SftDataset::batch(qint64 step, int batchSize, quint64 seed) const
{
    std::vector<SftSequence> out;
    const qint64 n = qint64(m_incidents.size());
    std::vector<qint64> order;
    qint64 orderEpoch = -1;
    for (int k = 0; k < batchSize; ++k) {
        const qint64 global = step * batchSize + k;
        const qint64 epoch = global / n;
        if (epoch != orderEpoch) {
            order = epochOrder(epoch, seed);
            orderEpoch = epoch;
        }
        const Incident &incident = m_incidents[size_t(order[size_t(global % n)])];
        // The style: a draw from the mixture restricted to this incident's styles, seeded by
        // the position in the run so it is reproducible and differs between epochs.
        synth::Rng rng(seed ^ (quint64(global) * 0xD1B54A32D192ED03ull));
        const double pick = rng.real() * incident.weights.back();
        size_t style = 0;
        while (style + 1 < incident.weights.size() && pick >= incident.weights[style])
            ++style;
        SftSequence sequence;
        sequence.tokens = incident.prompt;
        sequence.promptLength = std::int64_t(incident.prompt.size());
        const auto &answer = incident.answers[style];
        const size_t room = size_t(std::max(0, m_options.contextTokens)) - sequence.tokens.size();
        sequence.tokens.insert(sequence.tokens.end(), answer.begin(),
                               answer.begin() + std::min(room, answer.size()));
        out.push_back(std::move(sequence));
    }
    return out;
}

} // namespace lab
