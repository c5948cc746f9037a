#include "core/train/ppo_rollout.h"

#include "core/explain/explain_prompt.h"
#include "core/model/packed_forward.h"
#include "core/store/store.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <random>

namespace lab {

PromptSource::PromptSource(Store &store, const Tokenizer &tokenizer, std::vector<qint64> incidents, int budget,
                           quint64 seed)
    : m_store(store), m_tokenizer(tokenizer), m_incidents(std::move(incidents)), m_budget(budget), m_seed(seed)
{}

Result<std::vector<std::vector<std::int64_t>>> PromptSource::batch(qint64 iteration, int size)
{
    std::vector<std::vector<std::int64_t>> out;
    const qint64 n = qint64(m_incidents.size());
    for (int j = 0; j < size; ++j) {
        const qint64 position = iteration * size + j;
        const qint64 epoch = position / n;
        if (epoch != m_epoch) {
            m_order.resize(size_t(n));
            std::iota(m_order.begin(), m_order.end(), 0);
            std::mt19937_64 rng(m_seed * 0x9E3779B97F4A7C15ULL + quint64(epoch) + 1);
            std::shuffle(m_order.begin(), m_order.end(), rng);
            m_epoch = epoch;
        }
        const qint64 id = m_incidents[size_t(m_order[size_t(position % n)])];
        auto cached = m_cache.find(id);
        if (cached == m_cache.end()) {
            Result<StoredLog> log = m_store.logFor(id);
            if (!log)
                return fail(QStringLiteral("incident %1: %2").arg(id).arg(log.error()));
            cached = m_cache.emplace(id, promptTokens(m_tokenizer, log->content, m_budget)).first;
        }
        out.push_back(cached->second);
    }
    return out;
}

TokenPass tokenPass(LlamaForCausalLMImpl &model, ScalarHeadImpl *head,
                    const std::vector<std::vector<std::int64_t>> &sequences,
                    const std::vector<std::int64_t> &promptLengths, double temperature,
                    const torch::Device &device, bool wantEntropy, bool valueGradToPolicy)
{
    std::vector<std::int64_t> lossFrom;
    lossFrom.reserve(promptLengths.size());
    for (std::int64_t p : promptLengths)
        lossFrom.push_back(p - 1);
    PackedBatch batch = packSequences(sequences, lossFrom);
    batch.ids = batch.ids.to(device);
    batch.labels = batch.labels.to(device);
    const torch::Tensor hidden = packedHidden(model, batch);
    const torch::Tensor index = batch.labels.ne(-100).nonzero().squeeze(1);
    const torch::Tensor h = hidden.index_select(0, index);
    const torch::Tensor labels = batch.labels.index_select(0, index);
    const torch::Tensor logSoftmax = at::log_softmax(model.logitsFromHidden(h).to(at::kFloat) / temperature, -1);
    TokenPass out;
    out.logprobs = logSoftmax.gather(1, labels.unsqueeze(1)).squeeze(1);
    if (wantEntropy)
        out.entropy = -(logSoftmax.exp() * logSoftmax).sum(-1);
    if (head)
        out.values = head->forward(valueGradToPolicy ? h : h.detach()).to(at::kFloat);
    return out;
}

torch::Tensor scoreSequences(LlamaRewardModelImpl &rm, const std::vector<std::vector<std::int64_t>> &sequences,
                             const torch::Device &device)
{
    size_t longest = 0;
    for (const auto &s : sequences)
        longest = std::max(longest, s.size());
    torch::Tensor ids = torch::zeros({std::int64_t(sequences.size()), std::int64_t(longest)}, torch::kLong);
    torch::Tensor mask = torch::zeros_like(ids);
    for (size_t r = 0; r < sequences.size(); ++r) {
        const auto &s = sequences[r];
        ids[std::int64_t(r)].narrow(0, 0, std::int64_t(s.size()))
            .copy_(torch::tensor(std::vector<std::int64_t>(s.begin(), s.end()), torch::kLong));
        mask[std::int64_t(r)].narrow(0, 0, std::int64_t(s.size())).fill_(1);
    }
    return rm.forward(ids.to(device), mask.to(device)).to(torch::kCPU).to(torch::kDouble);
}

QByteArray generatorState(at::Generator &generator)
{
    const at::Tensor state = generator.get_state().contiguous();
    return QByteArray(reinterpret_cast<const char *>(state.data_ptr<std::uint8_t>()), qsizetype(state.numel()));
}

void setGeneratorState(at::Generator &generator, const QByteArray &bytes)
{
    at::Tensor state = torch::empty({qint64(bytes.size())}, torch::kUInt8);
    std::memcpy(state.data_ptr<std::uint8_t>(), bytes.constData(), size_t(bytes.size()));
    generator.set_state(state);
}

int promptBudget(const QString &modelDir, int context, int maxNewTokens)
{
    int budget = context - maxNewTokens;
    QFile file(QDir(modelDir).filePath(QStringLiteral("config.json")));
    if (file.open(QIODevice::ReadOnly)) {
        const int trained = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("lab_prompt_tokens")).toInt(0);
        if (trained > 0)
            budget = std::min(budget, trained);
    }
    return std::max(budget, kMinPromptTokens);
}

} // namespace lab
