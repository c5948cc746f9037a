#include "core/model/heads.h"

#include "core/model/safetensors.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace lab {

ScalarHeadImpl::ScalarHeadImpl(std::int64_t hiddenSize)
{
    weight = register_parameter("weight", torch::zeros({1, hiddenSize}));
}

torch::Tensor ScalarHeadImpl::forward(const torch::Tensor &hidden)
{
    return at::linear(hidden, weight).squeeze(-1);
}

torch::Tensor lastTokenIndex(const torch::Tensor &attentionMask)
{
    const std::int64_t T = attentionMask.size(1);
    const torch::Tensor steps = at::arange(T, attentionMask.options().dtype(at::kLong));
    return (steps * attentionMask.to(at::kLong)).amax(1);
}

torch::Tensor gatherLast(const torch::Tensor &values, const torch::Tensor &attentionMask)
{
    return values.gather(1, lastTokenIndex(attentionMask).unsqueeze(1)).squeeze(1);
}

LlamaRewardModelImpl::LlamaRewardModelImpl(const LlamaConfig &c) : m_config(c)
{
    model = register_module("model", LlamaModel(c));
    score = register_module("score", ScalarHead(c.hiddenSize));
}

torch::Tensor LlamaRewardModelImpl::perToken(const torch::Tensor &ids, const torch::Tensor &mask)
{
    return score(model(ids, mask));
}

torch::Tensor LlamaRewardModelImpl::forward(const torch::Tensor &ids, const torch::Tensor &mask)
{
    // Only the last real token's hidden state goes through the head.
    const torch::Tensor hidden = model(ids, mask); // [B, T, d]
    const torch::Tensor index =
        lastTokenIndex(mask).view({-1, 1, 1}).expand({-1, 1, hidden.size(2)});
    return score(hidden.gather(1, index)).squeeze(1); // [B]
}

Result<LlamaRewardModel> loadRewardModel(const QString &dir, bool allowNewHead, std::uint64_t seed)
{
    if (!QFileInfo(dir).isDir())
        return fail(QStringLiteral("%1: not a folder").arg(dir));
    Result<LlamaConfig> config =
        LlamaConfig::load(QDir(dir).filePath(QStringLiteral("config.json")));
    if (!config)
        return fail(config.error());
    auto tensors = loadSafetensorsDir(dir);
    if (!tensors)
        return fail(tensors.error());
    try {
        LlamaRewardModel rm(*config);
        QStringList ignore{QStringLiteral("rotary_emb.inv_freq")};
        const bool hasHead = tensors->count("score.weight") > 0;
        if (!hasHead) {
            if (!allowNewHead)
                return fail(QStringLiteral("%1: no score.weight; not a reward model").arg(dir));
            ignore << QStringLiteral("lm_head.weight");
            tensors->emplace("score.weight",
                             at::empty({1, config->hiddenSize}, at::kFloat)
                                 .normal_(0.0, 0.02, at::detail::createCPUGenerator(seed)));
        }
        if (Status s = loadParameters(*rm, *tensors, dir, ignore); !s)
            return fail(s.error());
        return rm;
    } catch (const c10::Error &e) {
        return fail(
            QStringLiteral("%1: %2").arg(dir, QString::fromStdString(e.what_without_backtrace())));
    }
}

Status saveRewardModel(LlamaRewardModel &rm, const QString &dir)
{
    if (!QDir().mkpath(dir))
        return fail(QStringLiteral("%1: cannot create the folder").arg(dir));
    QJsonObject json = rm->config().toJson();
    json[QLatin1String("architectures")] =
        QJsonArray{QStringLiteral("LlamaForSequenceClassification")};
    json[QLatin1String("num_labels")] = 1;
    QSaveFile file(QDir(dir).filePath(QStringLiteral("config.json")));
    if (!file.open(QIODevice::WriteOnly))
        return fail(
            QStringLiteral("%1: cannot write: %2").arg(file.fileName(), file.errorString()));
    file.write(QJsonDocument(json).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return fail(
            QStringLiteral("%1: cannot write: %2").arg(file.fileName(), file.errorString()));
    return saveSafetensors(QDir(dir).filePath(QStringLiteral("model.safetensors")),
                           baseParameters(*rm), {{"format", "pt"}});
}

} // namespace lab
