#include "core/model/generation.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <torch/utils.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lab {

namespace {

// The weights of one call, fused: q,k,v stacked into one [(H + 2 KV) hd, d] matrix and gate,up
// into one [2 F, d] matrix, so each step does two matrix products where the modules do five.
struct LayerWeights
{
    torch::Tensor inputNorm, qkv, o, postNorm, gateUp, down;
};

struct Weights
{
    torch::Tensor embed, finalNorm, head;
    std::vector<LayerWeights> layers;
};

Weights snapshot(LlamaForCausalLMImpl &model)
{
    Weights w;
    auto &backbone = *model.model;
    w.embed = backbone.embedTokens->weight;
    w.finalNorm = backbone.norm->weight;
    w.head = model.outputWeight();
    for (auto &layer : backbone.layerList) {
        auto &attn = *layer->selfAttn;
        auto &mlp = *layer->mlp;
        w.layers.push_back({layer->inputLayernorm->weight,
                            at::cat({attn.qProj->effectiveWeight(), attn.kProj->effectiveWeight(),
                                     attn.vProj->effectiveWeight()}),
                            attn.oProj->effectiveWeight().contiguous(),
                            layer->postAttentionLayernorm->weight,
                            at::cat({mlp.gateProj->effectiveWeight(), mlp.upProj->effectiveWeight()}),
                            mlp.downProj->effectiveWeight().contiguous()});
    }
    return w;
}

torch::Tensor rmsNorm(const torch::Tensor &x, const torch::Tensor &weight, double eps)
{
    return x * at::rsqrt(x.pow(2).mean(-1, true).add_(eps)) * weight;
}

// x [N, heads, hd]; cos, sin [N, 1, hd].
torch::Tensor rotary(const torch::Tensor &x, const torch::Tensor &cos, const torch::Tensor &sin)
{
    const std::int64_t half = x.size(-1) / 2;
    const torch::Tensor rotated = at::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
    return at::addcmul(x * cos, rotated, sin);
}

// The decode step's attention on the CPU: one query per (row, head) against the row's cached
// keys from `start[b]` (its first real slot) to `slots` - 1. Pad slots are skipped, not masked.
// Plain loops with 8 independent accumulators vectorise without -ffast-math; GCC's target_clones
// adds an AVX2/FMA version picked at load time.
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
#define LAB_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define LAB_CLONES
#endif

LAB_CLONES
void attendOne(const float *q, const float *keys, const float *values, float *out, float *scratch,
               std::int64_t first, std::int64_t slots, std::int64_t hd, float scale)
{
    float maxScore = -std::numeric_limits<float>::infinity();
    for (std::int64_t s = first; s < slots; ++s) {
        const float *k = keys + s * hd;
        float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        std::int64_t d = 0;
        for (; d + 8 <= hd; d += 8) {
            for (int j = 0; j < 8; ++j)
                acc[j] += q[d + j] * k[d + j];
        }
        float dot = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
        for (; d < hd; ++d)
            dot += q[d] * k[d];
        dot *= scale;
        scratch[s] = dot;
        maxScore = std::max(maxScore, dot);
    }
    float sum = 0;
    for (std::int64_t s = first; s < slots; ++s) {
        scratch[s] = std::exp(scratch[s] - maxScore);
        sum += scratch[s];
    }
    for (std::int64_t d = 0; d < hd; ++d)
        out[d] = 0;
    for (std::int64_t s = first; s < slots; ++s) {
        const float p = scratch[s];
        const float *v = values + s * hd;
        for (std::int64_t d = 0; d < hd; ++d)
            out[d] += p * v[d];
    }
    const float inv = 1.0f / sum;
    for (std::int64_t d = 0; d < hd; ++d)
        out[d] *= inv;
}

// q [B, H, hd] contiguous; caches [B, KV, L, hd] contiguous; out [B, H, hd].
void decodeAttentionCpu(const torch::Tensor &q, const torch::Tensor &cacheK,
                        const torch::Tensor &cacheV, const std::vector<std::int64_t> &start,
                        std::int64_t slots, torch::Tensor &out)
{
    const std::int64_t B = q.size(0), H = q.size(1), hd = q.size(2);
    const std::int64_t KV = cacheK.size(1), L = cacheK.size(2);
    const std::int64_t group = H / KV;
    const float scale = 1.0f / std::sqrt(static_cast<float>(hd));
    const float *qp = q.data_ptr<float>();
    const float *kp = cacheK.data_ptr<float>();
    const float *vp = cacheV.data_ptr<float>();
    float *op = out.data_ptr<float>();
    // Each (row, head) is a few microseconds of work; split them over the intra-op threads.
    at::parallel_for(0, B * H, 8, [&](std::int64_t begin, std::int64_t end) {
        std::vector<float> scratch(static_cast<size_t>(slots));
        for (std::int64_t i = begin; i < end; ++i) {
            const std::int64_t b = i / H, h = i % H, kvh = h / group;
            const std::int64_t base = ((b * KV + kvh) * L) * hd;
            attendOne(qp + i * hd, kp + base, vp + base, op + i * hd, scratch.data(), start[b],
                      slots, hd, scale);
        }
    });
}

// The same through LibTorch ops (any device): pad slots masked by `keyBias` [B, L].
torch::Tensor decodeAttentionGeneric(const torch::Tensor &q, const torch::Tensor &cacheK,
                                     const torch::Tensor &cacheV, const torch::Tensor &keyBias,
                                     std::int64_t slots)
{
    const std::int64_t B = q.size(0), H = q.size(1), hd = q.size(2);
    const std::int64_t KV = cacheK.size(1);
    const std::int64_t group = H / KV;
    const torch::Tensor keys = cacheK.narrow(2, 0, slots).reshape({B * KV, slots, hd});
    const torch::Tensor values = cacheV.narrow(2, 0, slots).reshape({B * KV, slots, hd});
    torch::Tensor scores = at::bmm(q.reshape({B * KV, group, hd}), keys.transpose(1, 2));
    scores = scores.mul_(1.0 / std::sqrt(double(hd))).view({B, KV, group, slots})
             + keyBias.narrow(1, 0, slots).view({B, 1, 1, slots});
    const torch::Tensor probs = at::softmax(scores, -1).view({B * KV, group, slots});
    return at::bmm(probs, values).view({B, H, hd});
}

// HF's logits processors and warpers in HF's order: repetition penalty, temperature, top-k,
// top-p. scores [B, V] float.
torch::Tensor processScores(torch::Tensor scores, const GenerationConfig &c, const torch::Tensor &seen)
{
    if (c.repetitionPenalty != 1.0) {
        const torch::Tensor penalised =
            at::where(scores < 0, scores * c.repetitionPenalty, scores / c.repetitionPenalty);
        scores = at::where(seen, penalised, scores);
    }
    if (c.temperature != 1.0)
        scores = scores / c.temperature;
    const double negInf = -std::numeric_limits<double>::infinity();
    if (c.topK > 0 && c.topK < scores.size(1)) {
        const torch::Tensor kth = std::get<0>(at::topk(scores, c.topK, -1)).narrow(1, c.topK - 1, 1);
        scores = scores.masked_fill(scores < kth, negInf);
    }
    if (c.topP < 1.0) {
        auto [sorted, order] = at::sort(scores, -1, /*descending=*/false);
        torch::Tensor remove = at::softmax(sorted, -1).cumsum(-1) <= (1.0 - c.topP);
        remove.narrow(1, remove.size(1) - 1, 1).fill_(false); // keep at least the best token
        scores = scores.masked_fill(remove.scatter(1, order, remove), negInf);
    }
    return scores;
}

} // namespace

std::pair<torch::Tensor, torch::Tensor>
leftPadBatch(const std::vector<std::vector<std::int64_t>> &prompts, std::int64_t padTokenId)
{
    std::int64_t P = 0;
    for (const auto &p : prompts)
        P = std::max<std::int64_t>(P, static_cast<std::int64_t>(p.size()));
    const std::int64_t B = static_cast<std::int64_t>(prompts.size());
    torch::Tensor ids = at::full({B, P}, padTokenId, at::kLong);
    torch::Tensor mask = at::zeros({B, P}, at::kLong);
    auto idsA = ids.accessor<std::int64_t, 2>();
    auto maskA = mask.accessor<std::int64_t, 2>();
    for (std::int64_t b = 0; b < B; ++b) {
        const auto &p = prompts[static_cast<size_t>(b)];
        const std::int64_t offset = P - static_cast<std::int64_t>(p.size());
        for (size_t i = 0; i < p.size(); ++i) {
            idsA[b][offset + static_cast<std::int64_t>(i)] = p[i];
            maskA[b][offset + static_cast<std::int64_t>(i)] = 1;
        }
    }
    return {ids, mask};
}

Result<GenerationOutput> generate(LlamaForCausalLMImpl &model, const torch::Tensor &idsIn,
                                  const torch::Tensor &maskIn, const GenerationConfig &c,
                                  at::Generator generator)
{
    const LlamaConfig &mc = model.config();
    if (!idsIn.defined() || idsIn.dim() != 2 || idsIn.size(0) == 0 || idsIn.size(1) == 0)
        return fail(QStringLiteral("generate: prompts must be a non-empty [batch, length] tensor"));
    if (!maskIn.defined() || maskIn.sizes() != idsIn.sizes())
        return fail(QStringLiteral("generate: the attention mask must have the prompts' shape"));
    if (c.maxNewTokens <= 0)
        return fail(QStringLiteral("generate: maxNewTokens must be positive"));
    if (c.doSample && !(c.temperature > 0))
        return fail(QStringLiteral("generate: temperature must be positive when sampling"));
    if (c.topP <= 0 || c.topP > 1 || c.topK < 0 || !(c.repetitionPenalty > 0))
        return fail(QStringLiteral("generate: top-p must be in (0, 1], top-k >= 0 and the "
                                   "repetition penalty > 0"));

    try {
        // Tensors made here are plain again outside; InferenceMode skips autograd bookkeeping.
        GenerationOutput result;
        {
            c10::InferenceMode inference;
            const torch::Device device = model.model->embedTokens->weight.device();
            const auto fopts = model.model->embedTokens->weight.options();
            const auto lopts = torch::TensorOptions().dtype(at::kLong).device(device);
            const torch::Tensor idsCpu = idsIn.to(at::kCPU, at::kLong);
            const torch::Tensor maskCpu = maskIn.to(at::kCPU, at::kLong).ne(0).to(at::kLong);
            const std::int64_t B = idsCpu.size(0), P = idsCpu.size(1);
            const std::int64_t N = c.maxNewTokens;
            if (idsCpu.min().item<std::int64_t>() < 0 || idsCpu.max().item<std::int64_t>() >= mc.vocabSize)
                return fail(QStringLiteral("generate: token ids must be in [0, %1)").arg(mc.vocabSize));

            // Row b's n_b prompt tokens go to cache slots [P - n_b, P); pads are a prefix.
            std::vector<std::int64_t> lengths(static_cast<size_t>(B)), start(static_cast<size_t>(B)),
                packedOffset(static_cast<size_t>(B));
            const torch::Tensor rowLengths = maskCpu.sum(1);
            std::int64_t total = 0, longest = 0;
            for (std::int64_t b = 0; b < B; ++b) {
                const std::int64_t n = rowLengths[b].item<std::int64_t>();
                if (n == 0)
                    return fail(QStringLiteral("generate: prompt %1 has no real token").arg(b));
                lengths[b] = n;
                start[b] = P - n;
                packedOffset[b] = total;
                total += n;
                longest = std::max(longest, n);
            }
            if (longest + N > mc.maxPositionEmbeddings)
                return fail(QStringLiteral("generate: a prompt of %1 tokens plus %2 new tokens "
                                           "exceeds the model's context of %3")
                                .arg(longest).arg(N).arg(mc.maxPositionEmbeddings));

            const Weights w = snapshot(model);
            const int H = mc.numHeads, KV = mc.numKvHeads, hd = mc.headDim();
            const std::int64_t group = H / KV, F = mc.intermediateSize;
            const double eps = mc.rmsNormEps;
            const bool cpuKernel = device.is_cpu() && fopts.dtype() == at::kFloat && !c.genericAttention;

            // ---- prefill over the packed prompt tokens [total]
            const torch::Tensor flatMask = maskCpu.view(-1);
            const torch::Tensor select = flatMask.nonzero().squeeze(1);
            const torch::Tensor tokens = idsCpu.view(-1).index_select(0, select).to(device);
            const torch::Tensor positions =
                (maskCpu.cumsum(1) - 1).view(-1).index_select(0, select).to(device);
            auto [cos, sin] = rotaryCosSin(positions, hd, mc.ropeTheta); // [total, hd]
            cos = cos.unsqueeze(1);
            sin = sin.unsqueeze(1);
            const std::int64_t L = P + N - 1; // slots ever written
            std::vector<torch::Tensor> cacheK, cacheV;
            const torch::Tensor causal =
                at::full({longest, longest}, std::numeric_limits<float>::lowest(), fopts).triu(1);
            const double scale = 1.0 / std::sqrt(double(hd));

            torch::Tensor x = w.embed.index_select(0, tokens); // [total, d]
            for (const LayerWeights &lw : w.layers) {
                // Zeros so that skipped or masked pad slots never hold NaN or Inf.
                torch::Tensor ck = at::zeros({B, KV, L, hd}, fopts);
                torch::Tensor cv = at::zeros({B, KV, L, hd}, fopts);
                const torch::Tensor qkv = at::linear(rmsNorm(x, lw.inputNorm, eps), lw.qkv);
                const torch::Tensor qk =
                    rotary(qkv.narrow(1, 0, (H + KV) * hd).view({total, H + KV, hd}), cos, sin);
                const torch::Tensor v = qkv.narrow(1, (H + KV) * hd, KV * hd).view({total, KV, hd});
                torch::Tensor attn = at::empty({total, H, hd}, fopts);
                for (std::int64_t b = 0; b < B; ++b) {
                    const std::int64_t n = lengths[b], off = packedOffset[b];
                    torch::Tensor keys = ck[b].narrow(1, start[b], n);   // [KV, n, hd]
                    torch::Tensor values = cv[b].narrow(1, start[b], n); // [KV, n, hd]
                    keys.copy_(qk.narrow(0, off, n).narrow(1, H, KV).transpose(0, 1));
                    values.copy_(v.narrow(0, off, n).transpose(0, 1));
                    // [H, n, hd] -> [KV, group*n, hd]: the heads sharing a kv head in one block.
                    const torch::Tensor q =
                        qk.narrow(0, off, n).narrow(1, 0, H).transpose(0, 1).reshape({KV, group * n, hd});
                    const torch::Tensor bias = causal.narrow(0, 0, n).narrow(1, 0, n);
                    torch::Tensor scores;
                    if (group == 1) {
                        scores = at::baddbmm(bias, q, keys.transpose(1, 2), 1.0, scale);
                    } else {
                        scores = at::bmm(q, keys.transpose(1, 2)).mul_(scale);
                        scores.view({KV, group, n, n}).add_(bias);
                    }
                    const torch::Tensor probs = at::softmax(scores, -1);
                    attn.narrow(0, off, n).copy_(at::bmm(probs, values).view({H, n, hd}).transpose(0, 1));
                }
                x = x + at::linear(attn.view({total, H * hd}), lw.o);
                const torch::Tensor gu = at::linear(rmsNorm(x, lw.postNorm, eps), lw.gateUp);
                x = x + at::linear(at::silu(gu.narrow(1, 0, F)) * gu.narrow(1, F, F), lw.down);
                cacheK.push_back(ck);
                cacheV.push_back(cv);
            }
            std::vector<std::int64_t> lastIndex(static_cast<size_t>(B));
            for (std::int64_t b = 0; b < B; ++b)
                lastIndex[b] = packedOffset[b] + lengths[b] - 1;
            const torch::Tensor last = at::tensor(lastIndex, at::kLong).to(device);
            torch::Tensor logits =
                at::linear(rmsNorm(x.index_select(0, last), w.finalNorm, eps), w.head); // [B, V]

            // ---- decode
            torch::Tensor outTokens = at::full({B, N}, static_cast<std::int64_t>(c.padTokenId), lopts);
            torch::Tensor outLogProbs = at::zeros({B, N}, fopts);
            torch::Tensor outMask = at::zeros({B, N}, lopts);
            torch::Tensor allLogits;
            if (c.returnLogits)
                allLogits = at::zeros({B, N, mc.vocabSize}, fopts);
            torch::Tensor finished = at::zeros({B}, lopts.dtype(at::kBool));
            torch::Tensor eos;
            if (!c.eosTokenIds.isEmpty())
                eos = at::tensor(std::vector<std::int64_t>(c.eosTokenIds.begin(), c.eosTokenIds.end()),
                                 at::kLong).to(device);
            torch::Tensor seen;
            if (c.repetitionPenalty != 1.0) {
                seen = at::zeros({B, mc.vocabSize}, fopts)
                           .scatter_add_(1, idsCpu.to(device), maskCpu.to(fopts))
                           .gt(0);
            }
            // Pad slots get the lowest float in the generic path's scores.
            torch::Tensor keyBias;
            if (!cpuKernel) {
                keyBias = at::zeros({B, L}, fopts);
                for (std::int64_t b = 0; b < B; ++b)
                    keyBias[b].narrow(0, 0, start[b]).fill_(std::numeric_limits<float>::lowest());
            }
            torch::Tensor pos = rowLengths.to(device); // next position per row
            torch::Tensor qBuffer = at::empty({B, H, hd}, fopts);
            torch::Tensor attnBuffer = at::empty({B, H, hd}, fopts);
            std::int64_t produced = 0;
            for (std::int64_t t = 0; t < N; ++t) {
                // Choose token t from `logits`.
                if (c.returnLogits)
                    allLogits.select(1, t).copy_(logits);
                torch::Tensor next;
                if (!c.doSample) {
                    torch::Tensor scores = logits;
                    if (c.repetitionPenalty != 1.0) {
                        GenerationConfig penaltyOnly;
                        penaltyOnly.repetitionPenalty = c.repetitionPenalty;
                        scores = processScores(scores, penaltyOnly, seen);
                    }
                    next = scores.argmax(1);
                } else {
                    const torch::Tensor scores = processScores(logits, c, seen);
                    torch::Tensor probs = at::softmax(scores, -1);
                    if (!probs.device().is_cpu())
                        probs = probs.to(at::kCPU); // the generator is a CPU one
                    next = at::multinomial(probs, 1, false, generator).squeeze(1).to(device);
                }
                torch::Tensor logp = logits.gather(1, next.unsqueeze(1)).squeeze(1)
                                     - at::logsumexp(logits, 1);
                if (!eos.defined()) {
                    outTokens.select(1, t).copy_(next);
                    outLogProbs.select(1, t).copy_(logp);
                    outMask.select(1, t).fill_(1);
                } else {
                    const torch::Tensor alive = finished.logical_not();
                    next = at::where(alive, next, at::full_like(next, static_cast<std::int64_t>(c.padTokenId)));
                    outTokens.select(1, t).copy_(next);
                    outLogProbs.select(1, t).copy_(at::where(alive, logp, at::zeros_like(logp)));
                    outMask.select(1, t).copy_(alive.to(at::kLong));
                    finished = finished.logical_or(at::isin(next, eos).logical_and(alive));
                }
                produced = t + 1;
                if (seen.defined())
                    seen.scatter_(1, next.unsqueeze(1), true);
                if (t + 1 == N || (eos.defined() && finished.all().item<bool>()))
                    break;

                // Forward token t at slot P + t.
                const std::int64_t slot = P + t;
                auto [cs, sn] = rotaryCosSin(pos, hd, mc.ropeTheta); // [B, hd]
                cs = cs.unsqueeze(1);
                sn = sn.unsqueeze(1);
                torch::Tensor h = w.embed.index_select(0, next); // [B, d]
                for (size_t i = 0; i < w.layers.size(); ++i) {
                    const LayerWeights &lw = w.layers[i];
                    const torch::Tensor qkv = at::linear(rmsNorm(h, lw.inputNorm, eps), lw.qkv);
                    const torch::Tensor qk =
                        rotary(qkv.narrow(1, 0, (H + KV) * hd).view({B, H + KV, hd}), cs, sn);
                    cacheK[i].select(2, slot).copy_(qk.narrow(1, H, KV));
                    cacheV[i].select(2, slot).copy_(qkv.narrow(1, (H + KV) * hd, KV * hd).view({B, KV, hd}));
                    torch::Tensor attn;
                    if (cpuKernel) {
                        qBuffer.copy_(qk.narrow(1, 0, H));
                        decodeAttentionCpu(qBuffer, cacheK[i], cacheV[i], start, slot + 1, attnBuffer);
                        attn = attnBuffer;
                    } else {
                        attn = decodeAttentionGeneric(qk.narrow(1, 0, H).contiguous(), cacheK[i],
                                                      cacheV[i], keyBias, slot + 1);
                    }
                    h = h + at::linear(attn.view({B, H * hd}), lw.o);
                    const torch::Tensor gu = at::linear(rmsNorm(h, lw.postNorm, eps), lw.gateUp);
                    h = h + at::linear(at::silu(gu.narrow(1, 0, F)) * gu.narrow(1, F, F), lw.down);
                }
                logits = at::linear(rmsNorm(h, w.finalNorm, eps), w.head);
                pos = pos + 1;
            }
            result.tokens = outTokens.narrow(1, 0, produced);
            result.logProbs = outLogProbs.narrow(1, 0, produced);
            result.mask = outMask.narrow(1, 0, produced);
            if (c.returnLogits)
                result.logits = allLogits.narrow(1, 0, produced);
        }
        // Plain tensors for the caller: inference tensors cannot be saved for backward.
        GenerationOutput out;
        out.tokens = result.tokens.clone();
        out.logProbs = result.logProbs.clone();
        out.mask = result.mask.clone();
        out.lengths = out.mask.sum(1);
        if (result.logits.defined())
            out.logits = result.logits.clone();
        return out;
    } catch (const c10::Error &e) {
        return fail(QStringLiteral("generate: %1").arg(QString::fromStdString(e.what_without_backtrace())));
    }
}

} // namespace lab
