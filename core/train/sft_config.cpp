// SftConfig <-> JSON (the --config file of `rlhf-lab-cli train sft` and the run's record).
#include "core/train/sft_trainer.h"

#include <QJsonArray>
#include <QSet>

namespace lab {

QJsonObject SftConfig::toJson() const
{
    return {{QStringLiteral("steps"), steps},
            {QStringLiteral("batch_size"), batchSize},
            {QStringLiteral("learning_rate"), learningRate},
            {QStringLiteral("warmup_steps"), warmupSteps},
            {QStringLiteral("min_lr_ratio"), minLrRatio},
            {QStringLiteral("weight_decay"), weightDecay},
            {QStringLiteral("max_grad_norm"), maxGradNorm},
            {QStringLiteral("seed"), QString::number(seed)},
            {QStringLiteral("log_every"), logEvery},
            {QStringLiteral("checkpoint_every"), checkpointEvery},
            {QStringLiteral("tokenizer_vocab"), tokenizerVocab},
            {QStringLiteral("device"), device},
            {QStringLiteral("save_dtype"), saveDtype},
            {QStringLiteral("context_tokens"), data.contextTokens},
            {QStringLiteral("prompt_tokens"), data.promptTokens},
            {QStringLiteral("held_out_status"), data.heldOutStatus},
            {QStringLiteral("style_mixture"), data.mixture.toJson()}};
}

Result<SftConfig> SftConfig::fromJson(const QJsonObject &json, const SftConfig &defaults)
{
    static const QSet<QString> known = {
        QStringLiteral("steps"), QStringLiteral("batch_size"), QStringLiteral("learning_rate"),
        QStringLiteral("warmup_steps"), QStringLiteral("min_lr_ratio"), QStringLiteral("weight_decay"),
        QStringLiteral("max_grad_norm"), QStringLiteral("seed"), QStringLiteral("log_every"),
        QStringLiteral("checkpoint_every"), QStringLiteral("tokenizer_vocab"), QStringLiteral("device"),
        QStringLiteral("save_dtype"), QStringLiteral("context_tokens"), QStringLiteral("prompt_tokens"),
        QStringLiteral("held_out_status"), QStringLiteral("style_mixture")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            return fail(QStringLiteral("unknown SFT setting '%1'").arg(it.key()));
    }
    SftConfig c = defaults;
    bool bad = false;
    QString badKey;
    auto number = [&](const char *key, double current, double lo, double hi) {
        const QString k = QLatin1String(key);
        if (!json.contains(k))
            return current;
        const QJsonValue v = json.value(k);
        if (!v.isDouble() || v.toDouble() < lo || v.toDouble() > hi) {
            bad = true;
            badKey = QStringLiteral("%1 must be a number from %2 to %3").arg(k).arg(lo).arg(hi);
            return current;
        }
        return v.toDouble();
    };
    c.steps = qint64(number("steps", double(c.steps), 1, 1e9));
    c.batchSize = int(number("batch_size", c.batchSize, 1, 4096));
    c.learningRate = number("learning_rate", c.learningRate, 0, 1);
    c.warmupSteps = qint64(number("warmup_steps", double(c.warmupSteps), 0, 1e9));
    c.minLrRatio = number("min_lr_ratio", c.minLrRatio, 0, 1);
    c.weightDecay = number("weight_decay", c.weightDecay, 0, 10);
    c.maxGradNorm = number("max_grad_norm", c.maxGradNorm, 0, 1e6);
    c.logEvery = int(number("log_every", c.logEvery, 1, 1e6));
    c.checkpointEvery = qint64(number("checkpoint_every", double(c.checkpointEvery), 1, 1e9));
    c.tokenizerVocab = int(number("tokenizer_vocab", c.tokenizerVocab, 64, 1 << 20));
    c.data.contextTokens = int(number("context_tokens", c.data.contextTokens, 32, 1 << 20));
    c.data.promptTokens = int(number("prompt_tokens", c.data.promptTokens, 16, 1 << 20));
    if (bad)
        return fail(badKey);
    if (json.contains(QStringLiteral("seed"))) {
        bool ok = false;
        const QJsonValue v = json.value(QStringLiteral("seed"));
        c.seed = v.isString() ? v.toString().toULongLong(&ok) : quint64(v.toDouble(-1));
        if ((v.isString() && !ok) || (!v.isString() && (!v.isDouble() || v.toDouble() < 0)))
            return fail(QStringLiteral("seed must be a whole number >= 0"));
    }
    if (json.contains(QStringLiteral("device")))
        c.device = json.value(QStringLiteral("device")).toString();
    if (json.contains(QStringLiteral("save_dtype")))
        c.saveDtype = json.value(QStringLiteral("save_dtype")).toString();
    if (json.contains(QStringLiteral("held_out_status")))
        c.data.heldOutStatus = json.value(QStringLiteral("held_out_status")).toString();
    if (json.contains(QStringLiteral("style_mixture"))) {
        auto mixture = StyleMixture::fromJson(json.value(QStringLiteral("style_mixture")).toObject());
        if (!mixture)
            return fail(mixture.error());
        c.data.mixture = *mixture;
    }
    if (c.data.promptTokens + 8 >= c.data.contextTokens)
        return fail(QStringLiteral("prompt_tokens (%1) must leave room for an explanation in "
                                   "context_tokens (%2)")
                        .arg(c.data.promptTokens)
                        .arg(c.data.contextTokens));
    return c;
}

} // namespace lab
