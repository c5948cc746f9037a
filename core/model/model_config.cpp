#include "core/model/model_config.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace lab {

LlamaConfig LlamaConfig::labTiny()
{
    return LlamaConfig{};
}

Status LlamaConfig::validate() const
{
    if (vocabSize <= 0 || hiddenSize <= 0 || intermediateSize <= 0 || numLayers <= 0 ||
        numHeads <= 0 || numKvHeads <= 0 || maxPositionEmbeddings <= 0)
        return fail(QStringLiteral("model config: sizes must be positive"));
    if (hiddenSize % numHeads != 0)
        return fail(QStringLiteral("model config: hidden_size %1 is not a multiple of "
                                   "num_attention_heads %2")
                        .arg(hiddenSize)
                        .arg(numHeads));
    if (numHeads % numKvHeads != 0)
        return fail(QStringLiteral("model config: num_attention_heads %1 is not a multiple of "
                                   "num_key_value_heads %2")
                        .arg(numHeads)
                        .arg(numKvHeads));
    if (headDim() % 2 != 0)
        return fail(QStringLiteral("model config: head dimension %1 must be even for rotary "
                                   "embeddings")
                        .arg(headDim()));
    if (!(rmsNormEps > 0) || !(ropeTheta > 0))
        return fail(QStringLiteral("model config: rms_norm_eps and rope_theta must be positive"));
    return {};
}

Result<LlamaConfig> LlamaConfig::fromJson(const QJsonObject &json, const QString &origin)
{
    const QString where = origin.isEmpty() ? QStringLiteral("model config") : origin;
    LlamaConfig c;
    auto readInt = [&](const char *key, int &out, bool required) -> Status {
        const QJsonValue v = json.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(QStringLiteral("%1: missing \"%2\"").arg(where, QLatin1String(key)));
            return {};
        }
        if (!v.isDouble())
            return fail(
                QStringLiteral("%1: \"%2\" is not a number").arg(where, QLatin1String(key)));
        out = v.toInt();
        return {};
    };
    for (auto [key, field, required] :
         {std::tuple{"vocab_size", &c.vocabSize, true},
          {"hidden_size", &c.hiddenSize, true},
          {"intermediate_size", &c.intermediateSize, true},
          {"num_hidden_layers", &c.numLayers, true},
          {"num_attention_heads", &c.numHeads, true},
          {"max_position_embeddings", &c.maxPositionEmbeddings, false}}) {
        if (Status s = readInt(key, *field, required); !s)
            return fail(s.error());
    }
    c.numKvHeads = c.numHeads; // HF: absent num_key_value_heads means plain multi-head attention
    if (Status s = readInt("num_key_value_heads", c.numKvHeads, false); !s)
        return fail(s.error());
    if (json.contains(QLatin1String("head_dim")) &&
        json.value(QLatin1String("head_dim")).toInt() != c.headDim())
        return fail(
            QStringLiteral("%1: head_dim %2 differs from hidden_size / num_attention_heads, "
                           "which this model does not support")
                .arg(where)
                .arg(json.value(QLatin1String("head_dim")).toInt()));
    const QJsonValue scaling = json.value(QLatin1String("rope_scaling"));
    if (!scaling.isUndefined() && !scaling.isNull())
        return fail(QStringLiteral("%1: rope_scaling is not supported").arg(where));
    const QString act = json.value(QLatin1String("hidden_act")).toString(QStringLiteral("silu"));
    if (act != QLatin1String("silu"))
        return fail(
            QStringLiteral("%1: hidden_act \"%2\" is not supported (only silu)").arg(where, act));
    if (json.value(QLatin1String("attention_bias")).toBool() ||
        json.value(QLatin1String("mlp_bias")).toBool())
        return fail(QStringLiteral("%1: biases in attention or MLP are not supported").arg(where));
    c.rmsNormEps = json.value(QLatin1String("rms_norm_eps")).toDouble(c.rmsNormEps);
    c.ropeTheta = json.value(QLatin1String("rope_theta")).toDouble(c.ropeTheta);
    // HF's PretrainedConfig defaults tie_word_embeddings to true when the key is absent.
    c.tieWordEmbeddings = json.value(QLatin1String("tie_word_embeddings")).toBool(true);
    const QJsonValue bos = json.value(QLatin1String("bos_token_id"));
    if (bos.isDouble())
        c.bosTokenId = bos.toInteger();
    const QJsonValue eos = json.value(QLatin1String("eos_token_id"));
    if (eos.isDouble()) {
        c.eosTokenIds = {eos.toInteger()};
    } else if (eos.isArray()) {
        c.eosTokenIds.clear();
        for (const QJsonValue &e : eos.toArray())
            c.eosTokenIds.append(e.toInteger());
    }
    const QJsonValue pad = json.value(QLatin1String("pad_token_id"));
    if (pad.isDouble())
        c.padTokenId = pad.toInteger();
    c.torchDtype = json.value(QLatin1String("torch_dtype")).toString(c.torchDtype);
    if (Status s = c.validate(); !s)
        return fail(where + QStringLiteral(": ") + s.error());
    return c;
}

Result<LlamaConfig> LlamaConfig::load(const QString &configJsonPath)
{
    QFile file(configJsonPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("%1: cannot open: %2").arg(configJsonPath, file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(
            QStringLiteral("%1: not a JSON object: %2").arg(configJsonPath, error.errorString()));
    return fromJson(doc.object(), configJsonPath);
}

QJsonObject LlamaConfig::toJson() const
{
    QJsonObject o;
    o[QLatin1String("architectures")] = QJsonArray{QStringLiteral("LlamaForCausalLM")};
    o[QLatin1String("model_type")] = QStringLiteral("llama");
    o[QLatin1String("vocab_size")] = vocabSize;
    o[QLatin1String("hidden_size")] = hiddenSize;
    o[QLatin1String("intermediate_size")] = intermediateSize;
    o[QLatin1String("num_hidden_layers")] = numLayers;
    o[QLatin1String("num_attention_heads")] = numHeads;
    o[QLatin1String("num_key_value_heads")] = numKvHeads;
    o[QLatin1String("max_position_embeddings")] = maxPositionEmbeddings;
    o[QLatin1String("rms_norm_eps")] = rmsNormEps;
    o[QLatin1String("rope_theta")] = ropeTheta;
    o[QLatin1String("hidden_act")] = QStringLiteral("silu");
    o[QLatin1String("tie_word_embeddings")] = tieWordEmbeddings;
    o[QLatin1String("attention_bias")] = false;
    o[QLatin1String("bos_token_id")] = bosTokenId;
    if (eosTokenIds.size() == 1) {
        o[QLatin1String("eos_token_id")] = eosTokenIds.front();
    } else {
        QJsonArray ids;
        for (qint64 id : eosTokenIds)
            ids.append(id);
        o[QLatin1String("eos_token_id")] = ids;
    }
    o[QLatin1String("pad_token_id")] = padTokenId;
    o[QLatin1String("torch_dtype")] = torchDtype;
    return o;
}

Status LlamaConfig::save(const QString &configJsonPath) const
{
    QSaveFile file(configJsonPath);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("%1: cannot write: %2").arg(configJsonPath, file.errorString()));
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return fail(QStringLiteral("%1: cannot write: %2").arg(configJsonPath, file.errorString()));
    return {};
}

} // namespace lab
