#include "core/model/llama.h"

#include "core/model/safetensors.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

#include <QDir>
#include <QFileInfo>

#include <cmath>
#include <limits>

namespace lab {

RMSNormImpl::RMSNormImpl(std::int64_t dim, double eps) : eps(eps)
{
    weight = register_parameter("weight", torch::ones({dim}));
}

torch::Tensor RMSNormImpl::forward(const torch::Tensor &x)
{
    // HF computes the statistics in float32 whatever the activation dtype.
    const torch::Tensor xf = x.to(at::kFloat);
    const torch::Tensor normed = xf * at::rsqrt(xf.pow(2).mean(-1, /*keepdim=*/true) + eps);
    return weight * normed.to(x.scalar_type());
}

std::pair<torch::Tensor, torch::Tensor> rotaryCosSin(const torch::Tensor &positions, int headDim,
                                                     double theta)
{
    const auto fopts = torch::TensorOptions().dtype(at::kFloat).device(positions.device());
    // inv_freq = 1 / theta^(arange(0, hd, 2) / hd), in float32 as HF.
    const torch::Tensor exponent =
        at::arange(0, headDim, 2, fopts.dtype(at::kLong)).to(at::kFloat) /
        static_cast<double>(headDim);
    const torch::Tensor invFreq = 1.0 / at::pow(theta, exponent);
    const torch::Tensor freqs = positions.to(at::kFloat).unsqueeze(-1) * invFreq; // [..., hd/2]
    const torch::Tensor emb = at::cat({freqs, freqs}, -1);
    return {emb.cos(), emb.sin()};
}

torch::Tensor applyRotary(const torch::Tensor &x, const torch::Tensor &cos,
                          const torch::Tensor &sin)
{
    const std::int64_t half = x.size(-1) / 2;
    const torch::Tensor rotated = at::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
    return x * cos + rotated * sin;
}

LlamaAttentionImpl::LlamaAttentionImpl(const LlamaConfig &c)
    : m_heads(c.numHeads), m_kvHeads(c.numKvHeads), m_headDim(c.headDim())
{
    qProj = register_module("q_proj", LoraLinear(c.hiddenSize, c.numHeads * c.headDim()));
    kProj = register_module("k_proj", LoraLinear(c.hiddenSize, c.kvDim()));
    vProj = register_module("v_proj", LoraLinear(c.hiddenSize, c.kvDim()));
    oProj = register_module("o_proj", LoraLinear(c.numHeads * c.headDim(), c.hiddenSize));
}

torch::Tensor LlamaAttentionImpl::forward(const torch::Tensor &x, const torch::Tensor &cos,
                                          const torch::Tensor &sin, const torch::Tensor &maskBias)
{
    const std::int64_t B = x.size(0), T = x.size(1);
    const std::int64_t group = m_heads / m_kvHeads;
    torch::Tensor q = qProj(x).view({B, T, m_heads, m_headDim}).transpose(1, 2);
    torch::Tensor k = kProj(x).view({B, T, m_kvHeads, m_headDim}).transpose(1, 2);
    torch::Tensor v = vProj(x).view({B, T, m_kvHeads, m_headDim}).transpose(1, 2);
    q = applyRotary(q, cos, sin);
    k = applyRotary(k, cos, sin);
    // Grouped-query attention without repeating k/v: the `group` query heads that share a kv
    // head become one block of group*T rows ([B, KV, group*T, hd]); head h reads kv head
    // h / group, as HF's repeat_kv (repeat_interleave) arranges it.
    q = q.reshape({B, m_kvHeads, group * T, m_headDim});
    torch::Tensor scores = at::matmul(q, k.transpose(2, 3)) / std::sqrt(double(m_headDim));
    scores = (scores.view({B, m_kvHeads, group, T, T}) + maskBias.unsqueeze(2))
                 .view({B, m_kvHeads, group * T, T});
    const torch::Tensor probs = at::softmax(scores, -1, at::kFloat).to(q.scalar_type());
    const torch::Tensor out = at::matmul(probs, v) // [B, KV, group*T, hd]
                                  .view({B, m_heads, T, m_headDim})
                                  .transpose(1, 2)
                                  .reshape({B, T, m_heads * m_headDim});
    return oProj(out);
}

LlamaMlpImpl::LlamaMlpImpl(const LlamaConfig &c)
{
    gateProj = register_module("gate_proj", LoraLinear(c.hiddenSize, c.intermediateSize));
    upProj = register_module("up_proj", LoraLinear(c.hiddenSize, c.intermediateSize));
    downProj = register_module("down_proj", LoraLinear(c.intermediateSize, c.hiddenSize));
}

torch::Tensor LlamaMlpImpl::forward(const torch::Tensor &x)
{
    return downProj(at::silu(gateProj(x)) * upProj(x));
}

LlamaDecoderLayerImpl::LlamaDecoderLayerImpl(const LlamaConfig &c)
{
    inputLayernorm = register_module("input_layernorm", RMSNorm(c.hiddenSize, c.rmsNormEps));
    selfAttn = register_module("self_attn", LlamaAttention(c));
    postAttentionLayernorm =
        register_module("post_attention_layernorm", RMSNorm(c.hiddenSize, c.rmsNormEps));
    mlp = register_module("mlp", LlamaMlp(c));
}

torch::Tensor LlamaDecoderLayerImpl::forward(const torch::Tensor &x, const torch::Tensor &cos,
                                             const torch::Tensor &sin,
                                             const torch::Tensor &maskBias)
{
    const torch::Tensor h = x + selfAttn(inputLayernorm(x), cos, sin, maskBias);
    return h + mlp(postAttentionLayernorm(h));
}

LlamaModelImpl::LlamaModelImpl(const LlamaConfig &c) : m_config(c)
{
    embedTokens = register_module("embed_tokens", torch::nn::Embedding(c.vocabSize, c.hiddenSize));
    layers = register_module("layers", torch::nn::ModuleList());
    for (int i = 0; i < c.numLayers; ++i) {
        layerList.push_back(LlamaDecoderLayer(c));
        layers->push_back(layerList.back());
    }
    norm = register_module("norm", RMSNorm(c.hiddenSize, c.rmsNormEps));
}

torch::Tensor positionsFromMask(const torch::Tensor &attentionMask)
{
    const torch::Tensor mask = attentionMask.to(at::kLong);
    return (mask.cumsum(-1) - 1).masked_fill(mask == 0, 1);
}

torch::Tensor causalMaskBias(const torch::Tensor &attentionMask, std::int64_t T,
                             const torch::TensorOptions &options)
{
    const auto boolOpts = torch::TensorOptions().dtype(at::kBool).device(options.device());
    const torch::Tensor causal = at::ones({T, T}, boolOpts).tril();
    torch::Tensor allowed = causal.view({1, 1, T, T});
    if (attentionMask.defined())
        allowed = allowed & attentionMask.to(at::kBool).view({-1, 1, 1, T});
    const double lowest = std::numeric_limits<float>::lowest();
    return at::zeros(allowed.sizes(), options).masked_fill_(allowed.logical_not(), lowest);
}

torch::Tensor LlamaModelImpl::forward(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                                      const torch::Tensor &positions)
{
    const std::int64_t B = ids.size(0), T = ids.size(1);
    torch::Tensor pos = positions;
    if (!pos.defined())
        pos = attentionMask.defined()
                  ? positionsFromMask(attentionMask)
                  : at::arange(T, ids.options().dtype(at::kLong)).expand({B, T});
    auto [cos, sin] = rotaryCosSin(pos, m_config.headDim(), m_config.ropeTheta);
    cos = cos.unsqueeze(1); // [B, 1, T, hd]
    sin = sin.unsqueeze(1);
    torch::Tensor h = embedTokens(ids);
    const torch::Tensor bias = causalMaskBias(attentionMask, T, h.options());
    for (auto &layer : layerList)
        h = layer(h, cos, sin, bias);
    return norm(h);
}

LlamaForCausalLMImpl::LlamaForCausalLMImpl(const LlamaConfig &c) : m_config(c)
{
    model = register_module("model", LlamaModel(c));
    if (!c.tieWordEmbeddings)
        lmHead = register_module(
            "lm_head",
            torch::nn::Linear(torch::nn::LinearOptions(c.hiddenSize, c.vocabSize).bias(false)));
}

torch::Tensor LlamaForCausalLMImpl::outputWeight()
{
    return m_config.tieWordEmbeddings ? model->embedTokens->weight : lmHead->weight;
}

torch::Tensor LlamaForCausalLMImpl::hidden(const torch::Tensor &ids, const torch::Tensor &mask,
                                           const torch::Tensor &positions)
{
    return model(ids, mask, positions);
}

torch::Tensor LlamaForCausalLMImpl::logitsFromHidden(const torch::Tensor &hidden)
{
    return at::linear(hidden, outputWeight());
}

torch::Tensor LlamaForCausalLMImpl::forward(const torch::Tensor &ids, const torch::Tensor &mask,
                                            const torch::Tensor &positions)
{
    return logitsFromHidden(hidden(ids, mask, positions));
}

void initLlamaWeights(torch::nn::Module &module, std::uint64_t seed)
{
    torch::NoGradGuard noGrad;
    at::Generator gen = at::detail::createCPUGenerator(seed);
    for (auto &item : module.named_parameters()) {
        const std::string &name = item.key();
        torch::Tensor &p = item.value();
        if (name.find("lora_") != std::string::npos)
            continue;
        if (name.size() >= 11 && name.compare(name.size() - 11, 11, "norm.weight") == 0) {
            p.fill_(1.0);
        } else {
            // Drawn on the CPU so a seed means the same weights on every device.
            p.copy_(at::empty(p.sizes(), at::kFloat).normal_(0.0, 0.02, gen));
        }
    }
}

QString LoadReport::describe() const
{
    QStringList parts;
    auto list = [](const QStringList &names) {
        const int shown = 8;
        QString s = names.mid(0, shown).join(QStringLiteral(", "));
        if (names.size() > shown)
            s += QStringLiteral(" and %1 more").arg(names.size() - shown);
        return s;
    };
    if (!missing.isEmpty())
        parts << QStringLiteral("missing %1").arg(list(missing));
    if (!mismatched.isEmpty())
        parts << QStringLiteral("shape mismatch %1").arg(list(mismatched));
    if (!unexpected.isEmpty())
        parts << QStringLiteral("unexpected %1").arg(list(unexpected));
    return parts.join(QStringLiteral("; "));
}

namespace {

bool isAdapterName(const std::string &name)
{
    return name.find(".lora_A.") != std::string::npos || name.find(".lora_B.") != std::string::npos;
}

bool ignored(const std::string &name, const QStringList &ignore)
{
    const QString n = QString::fromStdString(name);
    for (const QString &pattern : ignore) {
        if (n == pattern || n.endsWith(pattern))
            return true;
    }
    return false;
}

QString shapeText(at::IntArrayRef sizes)
{
    QStringList dims;
    for (auto d : sizes)
        dims << QString::number(d);
    return QStringLiteral("[") + dims.join(QStringLiteral(", ")) + QStringLiteral("]");
}

} // namespace

Status loadParameters(torch::nn::Module &module, const std::map<std::string, at::Tensor> &tensors,
                      const QString &origin, const QStringList &ignore, LoadReport *reportOut)
{
    LoadReport report;
    std::vector<std::pair<torch::Tensor, at::Tensor>> copies;
    std::set<std::string> used;
    for (auto &item : module.named_parameters()) {
        if (isAdapterName(item.key()))
            continue;
        auto it = tensors.find(item.key());
        if (it == tensors.end()) {
            report.missing << QString::fromStdString(item.key());
            continue;
        }
        used.insert(item.key());
        if (it->second.sizes() != item.value().sizes()) {
            report.mismatched << QStringLiteral("%1: checkpoint %2, model %3")
                                     .arg(QString::fromStdString(item.key()),
                                          shapeText(it->second.sizes()),
                                          shapeText(item.value().sizes()));
            continue;
        }
        copies.emplace_back(item.value(), it->second);
    }
    for (const auto &[name, tensor] : tensors) {
        if (!used.count(name) && !ignored(name, ignore))
            report.unexpected << QString::fromStdString(name);
    }
    if (reportOut)
        *reportOut = report;
    if (!report.clean())
        return fail(QStringLiteral("%1: checkpoint does not fit the model: %2")
                        .arg(origin, report.describe()));
    torch::NoGradGuard noGrad;
    for (auto &[param, value] : copies)
        param.copy_(value);
    return {};
}

std::vector<std::pair<std::string, at::Tensor>> baseParameters(torch::nn::Module &module)
{
    std::vector<std::pair<std::string, at::Tensor>> out;
    for (auto &item : module.named_parameters()) {
        if (!isAdapterName(item.key()))
            out.emplace_back(item.key(), item.value().detach());
    }
    return out;
}

Result<LlamaForCausalLM> loadCausalLM(const QString &dir)
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
        LlamaForCausalLM model(*config);
        // Older HF checkpoints store the rotary inv_freq buffer; tied models may store lm_head.
        QStringList ignore{QStringLiteral("rotary_emb.inv_freq")};
        if (config->tieWordEmbeddings)
            ignore << QStringLiteral("lm_head.weight");
        if (Status s = loadParameters(*model, *tensors, dir, ignore); !s)
            return fail(s.error());
        return model;
    } catch (const c10::Error &e) {
        return fail(
            QStringLiteral("%1: %2").arg(dir, QString::fromStdString(e.what_without_backtrace())));
    }
}

Status saveCausalLM(LlamaForCausalLM &model, const QString &dir)
{
    if (!QDir().mkpath(dir))
        return fail(QStringLiteral("%1: cannot create the folder").arg(dir));
    if (Status s = model->config().save(QDir(dir).filePath(QStringLiteral("config.json"))); !s)
        return s;
    return saveSafetensors(QDir(dir).filePath(QStringLiteral("model.safetensors")),
                           baseParameters(*model), {{"format", "pt"}});
}

} // namespace lab
