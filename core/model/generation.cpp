#include "core/model/generation.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <torch/utils.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace lab {

namespace {

// ------------------------------------------------------------------------------ CPU kernels
// Plain loops over float32 rows. Eight independent accumulators let GCC vectorise the
// reductions without -ffast-math; target_clones adds an AVX2/FMA build chosen at load time.
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
#define LAB_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define LAB_CLONES
#endif

LAB_CLONES
float dot(const float *__restrict a, const float *__restrict b, std::int64_t n)
{
    float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    std::int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        for (int j = 0; j < 8; ++j)
            acc[j] += a[i + j] * b[i + j];
    }
    float sum = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for (; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

// One (row, head) of the decode step: softmax(q K^T * scale) V over slots [first, slots).
// A single function (not dot/axpy calls per slot), so each clone inlines its own loops.
LAB_CLONES
void attendOne(const float *__restrict q, const float *__restrict keys,
               const float *__restrict values, float *__restrict out, float *__restrict p,
               float *__restrict acc, std::int64_t first, std::int64_t slots, std::int64_t hd,
               float scale)
{
    // Four keys at a time: four independent FMA chains sharing the loads of q.
    auto hsum = [](const float *l) {
        return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
    };
    std::int64_t s = first;
    const std::int64_t hd8 = hd - hd % 8;
    for (; s + 4 <= slots; s += 4) {
        const float *k0 = keys + s * hd, *k1 = k0 + hd, *k2 = k1 + hd, *k3 = k2 + hd;
        float a0[8] = {0, 0, 0, 0, 0, 0, 0, 0}, a1[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        float a2[8] = {0, 0, 0, 0, 0, 0, 0, 0}, a3[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        for (std::int64_t d = 0; d < hd8; d += 8) {
            for (int j = 0; j < 8; ++j) {
                const float qd = q[d + j];
                a0[j] += qd * k0[d + j];
                a1[j] += qd * k1[d + j];
                a2[j] += qd * k2[d + j];
                a3[j] += qd * k3[d + j];
            }
        }
        float r0 = hsum(a0), r1 = hsum(a1), r2 = hsum(a2), r3 = hsum(a3);
        for (std::int64_t d = hd8; d < hd; ++d) {
            r0 += q[d] * k0[d];
            r1 += q[d] * k1[d];
            r2 += q[d] * k2[d];
            r3 += q[d] * k3[d];
        }
        p[s] = r0 * scale;
        p[s + 1] = r1 * scale;
        p[s + 2] = r2 * scale;
        p[s + 3] = r3 * scale;
    }
    for (; s < slots; ++s) {
        const float *k = keys + s * hd;
        float a[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        for (std::int64_t d = 0; d < hd8; d += 8) {
            for (int j = 0; j < 8; ++j)
                a[j] += q[d + j] * k[d + j];
        }
        float r = hsum(a);
        for (std::int64_t d = hd8; d < hd; ++d)
            r += q[d] * k[d];
        p[s] = r * scale;
    }
    float maxScore = -std::numeric_limits<float>::infinity();
    for (s = first; s < slots; ++s)
        maxScore = std::max(maxScore, p[s]);
    float sum = 0;
    for (std::int64_t s = first; s < slots; ++s) {
        p[s] = std::exp(p[s] - maxScore);
        sum += p[s];
    }
    for (std::int64_t d = 0; d < hd; ++d)
        acc[d] = 0;
    // Fixed chunks of 8 (GCC's -O2 cost model vectorises these, not a loop of unknown length),
    // four slots per pass so each accumulator is loaded and stored once per four FMAs.
    for (s = first; s + 4 <= slots; s += 4) {
        const float w0 = p[s], w1 = p[s + 1], w2 = p[s + 2], w3 = p[s + 3];
        const float *v0 = values + s * hd, *v1 = v0 + hd, *v2 = v1 + hd, *v3 = v2 + hd;
        std::int64_t d = 0;
        for (; d + 8 <= hd; d += 8) {
            for (int j = 0; j < 8; ++j)
                acc[d + j] += (w0 * v0[d + j] + w1 * v1[d + j]) + (w2 * v2[d + j] + w3 * v3[d + j]);
        }
        for (; d < hd; ++d)
            acc[d] += (w0 * v0[d] + w1 * v1[d]) + (w2 * v2[d] + w3 * v3[d]);
    }
    for (; s < slots; ++s) {
        const float w = p[s];
        const float *v = values + s * hd;
        std::int64_t d = 0;
        for (; d + 8 <= hd; d += 8) {
            for (int j = 0; j < 8; ++j)
                acc[d + j] += w * v[d + j];
        }
        for (; d < hd; ++d)
            acc[d] += w * v[d];
    }
    const float inv = 1.0f / sum;
    for (std::int64_t d = 0; d < hd; ++d)
        out[d] = acc[d] * inv;
}

// out = w * (x * rsqrt(mean(x^2) + eps)), HF's order of operations.
LAB_CLONES
void rmsNormRow(const float *__restrict x, const float *__restrict w, float *__restrict out,
                std::int64_t d, float eps)
{
    const float r = 1.0f / std::sqrt(dot(x, x, d) / static_cast<float>(d) + eps);
    for (std::int64_t i = 0; i < d; ++i)
        out[i] = w[i] * (x[i] * r);
}

// x [rows, d] contiguous -> new [rows, d].
torch::Tensor rmsNormCpu(const torch::Tensor &x, const torch::Tensor &w, double eps)
{
    torch::Tensor out = at::empty_like(x);
    const std::int64_t rows = x.size(0), d = x.size(1);
    const float *xp = x.data_ptr<float>();
    const float *wp = w.data_ptr<float>();
    float *op = out.data_ptr<float>();
    at::parallel_for(0, rows, 256, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r)
            rmsNormRow(xp + r * d, wp, op + r * d, d, static_cast<float>(eps));
    });
    return out;
}

// Rotates the q and k heads of each qkv row in place (HF rotate_half: x * cos + rotate_half(x)
// * sin; the tables hold cos/sin of position * inv_freq [positions, hd / 2], computed once per
// call in float32 as HF does) and stores the row's k and v in the cache at (row b, slot s).
void ropeAndStoreCpu(torch::Tensor &qkv, const std::vector<std::int64_t> &position,
                     const std::vector<std::int64_t> &cacheRow,
                     const std::vector<std::int64_t> &cacheSlot, const torch::Tensor &cosTable,
                     const torch::Tensor &sinTable, int H, int KV, int hd, torch::Tensor &cacheK,
                     torch::Tensor &cacheV)
{
    const std::int64_t rows = qkv.size(0), stride = qkv.size(1), half = hd / 2;
    const std::int64_t L = cacheK.size(2);
    float *base = qkv.data_ptr<float>();
    const float *cosBase = cosTable.data_ptr<float>();
    const float *sinBase = sinTable.data_ptr<float>();
    float *kc = cacheK.data_ptr<float>();
    float *vc = cacheV.data_ptr<float>();
    at::parallel_for(0, rows, 64, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            const float *cs = cosBase + position[r] * half;
            const float *sn = sinBase + position[r] * half;
            float *row = base + r * stride;
            for (int h = 0; h < H + KV; ++h) {
                float *x = row + h * hd;
                for (std::int64_t i = 0; i < half; ++i) {
                    const float a = x[i], b = x[i + half];
                    x[i] = a * cs[i] + (-b) * sn[i];
                    x[i + half] = b * cs[i] + a * sn[i];
                }
            }
            const std::int64_t b = cacheRow[r], s = cacheSlot[r];
            for (int h = 0; h < KV; ++h) {
                const std::int64_t at = ((b * KV + h) * L + s) * hd;
                std::memcpy(kc + at, row + (H + h) * hd, sizeof(float) * hd);
                std::memcpy(vc + at, row + (H + KV + h) * hd, sizeof(float) * hd);
            }
        }
    });
}

// Causal attention of query rows against the cache: query row j (its q heads inside the qkv
// row) belongs to cache row cacheRow[j] and sits at slot cacheSlot[j]; it reads that row's slots
// [start[b], cacheSlot[j]]. Pad slots are skipped, not masked, and so are the future ones: the
// prefill does half the work of a masked square. One parallel region covers every (row, head).
void attentionCpu(const torch::Tensor &qkv, const std::vector<std::int64_t> &cacheRow,
                  const std::vector<std::int64_t> &cacheSlot,
                  const std::vector<std::int64_t> &start, int H, int hd,
                  const torch::Tensor &cacheK, const torch::Tensor &cacheV, torch::Tensor &out)
{
    const std::int64_t rows = qkv.size(0), qStride = qkv.size(1);
    const std::int64_t KV = cacheK.size(1), L = cacheK.size(2);
    const std::int64_t group = H / KV;
    const float scale = 1.0f / std::sqrt(static_cast<float>(hd));
    const float *qp = qkv.data_ptr<float>();
    const float *kp = cacheK.data_ptr<float>();
    const float *vp = cacheV.data_ptr<float>();
    float *op = out.data_ptr<float>();
    at::parallel_for(0, rows * H, 8, [&](std::int64_t begin, std::int64_t end) {
        std::vector<float> p(static_cast<size_t>(L)), acc(static_cast<size_t>(hd));
        for (std::int64_t i = begin; i < end; ++i) {
            const std::int64_t j = i / H, h = i % H, b = cacheRow[j];
            const std::int64_t kv = ((b * KV + h / group) * L) * hd;
            attendOne(qp + j * qStride + h * hd, kp + kv, vp + kv, op + (j * H + h) * hd, p.data(),
                      acc.data(), start[b], cacheSlot[j] + 1, hd, scale);
        }
    });
}

// --------------------------------------------------------------------------- the engine
// One call's weights, transposed to [in, out] so every projection is a plain matrix product
// (and the residual adds fuse into addmm), with q,k,v stacked into one [d, (H + 2 KV) hd]
// matrix and gate,up into one [d, 2 F]: two products per block where the modules do five.
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
    w.finalNorm = backbone.norm->weight.contiguous();
    w.head = model.outputWeight().t().contiguous();
    for (auto &layer : backbone.layerList) {
        auto &attn = *layer->selfAttn;
        auto &mlp = *layer->mlp;
        w.layers.push_back(
            {layer->inputLayernorm->weight.contiguous(),
             at::cat({attn.qProj->effectiveWeight(), attn.kProj->effectiveWeight(),
                      attn.vProj->effectiveWeight()})
                 .t()
                 .contiguous(),
             attn.oProj->effectiveWeight().t().contiguous(),
             layer->postAttentionLayernorm->weight.contiguous(),
             at::cat({mlp.gateProj->effectiveWeight(), mlp.upProj->effectiveWeight()})
                 .t()
                 .contiguous(),
             mlp.downProj->effectiveWeight().t().contiguous()});
    }
    return w;
}

torch::Tensor rmsNormOps(const torch::Tensor &x, const torch::Tensor &weight, double eps)
{
    return weight * (x * at::rsqrt(x.pow(2).mean(-1, true).add_(eps)));
}

// x [N, heads, hd]; cos, sin [N, 1, hd].
torch::Tensor rotaryOps(const torch::Tensor &x, const torch::Tensor &cos, const torch::Tensor &sin)
{
    const std::int64_t half = x.size(-1) / 2;
    const torch::Tensor rotated = at::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
    return x * cos + rotated * sin;
}

class Engine
{
public:
    Engine(LlamaForCausalLMImpl &model, bool cpuKernels)
        : m_config(model.config()), m_w(snapshot(model)), m_cpu(cpuKernels),
          m_options(model.model->embedTokens->weight.options()), m_H(m_config.numHeads),
          m_KV(m_config.numKvHeads), m_hd(m_config.headDim()), m_F(m_config.intermediateSize),
          m_eps(m_config.rmsNormEps)
    {
        const torch::Tensor exponent =
            at::arange(0, m_hd, 2, at::kLong).to(at::kFloat) / static_cast<double>(m_hd);
        m_invFreq = (1.0 / at::pow(m_config.ropeTheta, exponent)).contiguous();
    }

    // Prompt rows: lengths n_b, left-aligned token lists packed in `tokens`; their keys and
    // values go to slots [P - n_b, P) of caches of L slots. Returns the logits [B, V] of each
    // row's last prompt token.
    torch::Tensor prefill(const torch::Tensor &tokens, const std::vector<std::int64_t> &lengths,
                          std::int64_t P, std::int64_t L)
    {
        const std::int64_t B = static_cast<std::int64_t>(lengths.size());
        std::int64_t total = 0, longest = 0;
        m_start.resize(B);
        std::vector<std::int64_t> offset(B), position, row, slot;
        for (std::int64_t b = 0; b < B; ++b) {
            m_start[b] = P - lengths[b];
            offset[b] = total;
            for (std::int64_t p = 0; p < lengths[b]; ++p) {
                position.push_back(p);
                row.push_back(b);
                slot.push_back(m_start[b] + p);
            }
            total += lengths[b];
            longest = std::max(longest, lengths[b]);
        }
        m_L = L;
        if (m_cpu) {
            // cos/sin for every position this call can reach, shared by all layers and steps.
            const torch::Tensor pos = at::arange(longest + (L - P) + 1, at::kLong).to(at::kFloat);
            const torch::Tensor freqs =
                pos.unsqueeze(1) * m_invFreq.unsqueeze(0); // [positions, hd/2]
            m_cosTable = freqs.cos().contiguous();
            m_sinTable = freqs.sin().contiguous();
        }
        const std::int64_t layers = static_cast<std::int64_t>(m_w.layers.size());
        // The CPU kernels never read pad slots; the generic path masks them, so they must be
        // finite: zeros.
        m_cache = m_cpu ? at::empty({layers, 2, B, m_KV, L, m_hd}, m_options)
                        : at::zeros({layers, 2, B, m_KV, L, m_hd}, m_options);
        torch::Tensor cos, sin;
        if (!m_cpu) {
            const torch::Tensor pos = at::tensor(position, at::kLong).to(m_options.device());
            std::tie(cos, sin) = rotaryCosSin(pos, m_hd, m_config.ropeTheta);
            cos = cos.unsqueeze(1);
            sin = sin.unsqueeze(1);
        }
        const torch::Tensor causal =
            m_cpu ? torch::Tensor()
                  : at::full({longest, longest}, std::numeric_limits<float>::lowest(), m_options)
                        .triu(1);
        const double scale = 1.0 / std::sqrt(double(m_hd));
        const std::int64_t group = m_H / m_KV;

        std::vector<std::int64_t> last(B), lastRow(B), lastSlot(B, P - 1);
        for (std::int64_t b = 0; b < B; ++b) {
            last[b] = offset[b] + lengths[b] - 1;
            lastRow[b] = b;
        }
        const torch::Tensor lastIndex = at::tensor(last, at::kLong).to(m_options.device());
        bool reduced = false;
        torch::Tensor x = m_w.embed.index_select(0, tokens); // [total, d]
        for (std::int64_t i = 0; i < layers; ++i) {
            const LayerWeights &lw = m_w.layers[i];
            torch::Tensor ck = m_cache[i][0], cv = m_cache[i][1];
            torch::Tensor qkv = at::mm(norm(x, lw.inputNorm), lw.qkv); // [total, qkvWidth]
            if (m_cpu) {
                ropeAndStoreCpu(qkv, position, row, slot, m_cosTable, m_sinTable, m_H, m_KV, m_hd,
                                ck, cv);
            } else {
                const torch::Tensor qk =
                    qkv.narrow(1, 0, (m_H + m_KV) * m_hd).view({total, m_H + m_KV, m_hd});
                qk.copy_(rotaryOps(qk, cos, sin));
                for (std::int64_t b = 0; b < B; ++b) {
                    const std::int64_t n = lengths[b], off = offset[b];
                    const torch::Tensor rows = qkv.narrow(0, off, n);
                    ck[b]
                        .narrow(1, m_start[b], n)
                        .copy_(rows.narrow(1, m_H * m_hd, m_KV * m_hd)
                                   .view({n, m_KV, m_hd})
                                   .transpose(0, 1));
                    cv[b]
                        .narrow(1, m_start[b], n)
                        .copy_(rows.narrow(1, (m_H + m_KV) * m_hd, m_KV * m_hd)
                                   .view({n, m_KV, m_hd})
                                   .transpose(0, 1));
                }
            }
            if (m_cpu && i + 1 == layers) {
                // The last layer's keys and values are stored; past them only each row's last
                // token reaches the logits, so attention, o_proj and the MLP run on B rows.
                torch::Tensor attn = at::empty({B, m_H, m_hd}, m_options);
                attentionCpu(qkv.index_select(0, lastIndex), lastRow, lastSlot, m_start, m_H, m_hd,
                             ck, cv, attn);
                x = x.index_select(0, lastIndex);
                x.addmm_(attn.view({B, m_H * m_hd}), lw.o);
                mlp(x, lw);
                reduced = true;
                break;
            }
            torch::Tensor attn = at::empty({total, m_H, m_hd}, m_options);
            if (m_cpu) {
                attentionCpu(qkv, row, slot, m_start, m_H, m_hd, ck, cv, attn);
            } else {
                for (std::int64_t b = 0; b < B; ++b) {
                    const std::int64_t n = lengths[b], off = offset[b];
                    const torch::Tensor keys = ck[b].narrow(1, m_start[b], n);   // [KV, n, hd]
                    const torch::Tensor values = cv[b].narrow(1, m_start[b], n); // [KV, n, hd]
                    // [H, n, hd] -> [KV, group*n, hd]: the heads that share a kv head in one block.
                    const torch::Tensor q = qkv.narrow(0, off, n)
                                                .narrow(1, 0, m_H * m_hd)
                                                .view({n, m_H, m_hd})
                                                .transpose(0, 1)
                                                .reshape({m_KV, group * n, m_hd});
                    const torch::Tensor bias = causal.narrow(0, 0, n).narrow(1, 0, n);
                    torch::Tensor scores;
                    if (group == 1) {
                        scores = at::baddbmm(bias, q, keys.transpose(1, 2), 1.0, scale);
                    } else {
                        scores = at::bmm(q, keys.transpose(1, 2)).mul_(scale);
                        scores.view({m_KV, group, n, n}).add_(bias);
                    }
                    attn.narrow(0, off, n).copy_(at::bmm(at::softmax(scores, -1), values)
                                                     .view({m_H, n, m_hd})
                                                     .transpose(0, 1));
                }
            }
            x.addmm_(attn.view({total, m_H * m_hd}), lw.o);
            mlp(x, lw);
        }
        const torch::Tensor lastRows = reduced ? x : x.index_select(0, lastIndex);
        return at::mm(norm(lastRows, m_w.finalNorm), m_w.head);
    }

    // Feeds one token per row at `slot`, rows at positions `positions`; returns logits [B, V].
    torch::Tensor decode(const torch::Tensor &next, const std::vector<std::int64_t> &positions,
                         std::int64_t slot)
    {
        const std::int64_t B = next.size(0);
        const std::int64_t layers = static_cast<std::int64_t>(m_w.layers.size());
        torch::Tensor cos, sin, keyBias;
        std::vector<std::int64_t> row(B), slots(B, slot);
        for (std::int64_t b = 0; b < B; ++b)
            row[b] = b;
        if (!m_cpu) {
            const torch::Tensor pos = at::tensor(positions, at::kLong).to(m_options.device());
            std::tie(cos, sin) = rotaryCosSin(pos, m_hd, m_config.ropeTheta);
            cos = cos.unsqueeze(1);
            sin = sin.unsqueeze(1);
            keyBias = at::zeros({B, slot + 1}, m_options);
            for (std::int64_t b = 0; b < B; ++b)
                keyBias[b].narrow(0, 0, m_start[b]).fill_(std::numeric_limits<float>::lowest());
        }
        torch::Tensor h = m_w.embed.index_select(0, next); // [B, d]
        torch::Tensor attn = at::empty({B, m_H * m_hd}, m_options);
        for (std::int64_t i = 0; i < layers; ++i) {
            const LayerWeights &lw = m_w.layers[i];
            torch::Tensor ck = m_cache[i][0], cv = m_cache[i][1];
            torch::Tensor qkv = at::mm(norm(h, lw.inputNorm), lw.qkv);
            if (m_cpu) {
                ropeAndStoreCpu(qkv, positions, row, slots, m_cosTable, m_sinTable, m_H, m_KV, m_hd,
                                ck, cv);
                attentionCpu(qkv, row, slots, m_start, m_H, m_hd, ck, cv, attn);
            } else {
                const torch::Tensor qk = rotaryOps(
                    qkv.narrow(1, 0, (m_H + m_KV) * m_hd).view({B, m_H + m_KV, m_hd}), cos, sin);
                ck.select(2, slot).copy_(qk.narrow(1, m_H, m_KV));
                cv.select(2, slot).copy_(
                    qkv.narrow(1, (m_H + m_KV) * m_hd, m_KV * m_hd).view({B, m_KV, m_hd}));
                attn.copy_(
                    genericAttention(qk.narrow(1, 0, m_H).contiguous(), ck, cv, keyBias, slot + 1)
                        .view({B, m_H * m_hd}));
            }
            h.addmm_(attn, lw.o);
            mlp(h, lw);
        }
        return at::mm(norm(h, m_w.finalNorm), m_w.head);
    }

private:
    torch::Tensor norm(const torch::Tensor &x, const torch::Tensor &w) const
    {
        return m_cpu ? rmsNormCpu(x, w, m_eps) : rmsNormOps(x, w, m_eps);
    }

    // x += down(silu(gate(norm(x))) * up(norm(x))), in place.
    void mlp(torch::Tensor &x, const LayerWeights &lw) const
    {
        const torch::Tensor gu = at::mm(norm(x, lw.postNorm), lw.gateUp);
        torch::Tensor act = at::silu(gu.narrow(1, 0, m_F));
        act.mul_(gu.narrow(1, m_F, m_F));
        x.addmm_(act, lw.down);
    }

    // q [B, H, hd] contiguous; pad slots masked by keyBias [B, slots].
    torch::Tensor genericAttention(const torch::Tensor &q, const torch::Tensor &ck,
                                   const torch::Tensor &cv, const torch::Tensor &keyBias,
                                   std::int64_t slots) const
    {
        const std::int64_t B = q.size(0), group = m_H / m_KV;
        const torch::Tensor keys = ck.narrow(2, 0, slots).reshape({B * m_KV, slots, m_hd});
        const torch::Tensor values = cv.narrow(2, 0, slots).reshape({B * m_KV, slots, m_hd});
        torch::Tensor scores = at::bmm(q.reshape({B * m_KV, group, m_hd}), keys.transpose(1, 2));
        scores = scores.mul_(1.0 / std::sqrt(double(m_hd))).view({B, m_KV, group, slots}) +
                 keyBias.view({B, 1, 1, slots});
        const torch::Tensor probs = at::softmax(scores, -1).view({B * m_KV, group, slots});
        return at::bmm(probs, values).view({B, m_H, m_hd});
    }

    const LlamaConfig &m_config;
    Weights m_w;
    bool m_cpu;
    torch::TensorOptions m_options;
    int m_H, m_KV, m_hd;
    std::int64_t m_F;
    double m_eps;
    torch::Tensor m_invFreq;              // CPU float [hd / 2]
    torch::Tensor m_cosTable, m_sinTable; // [positions, hd / 2], CPU kernels only
    torch::Tensor m_cache;                // [layers, 2 (k, v), B, KV, L, hd]
    std::vector<std::int64_t> m_start;
    std::int64_t m_L = 0;
};

// HF's logits processors and warpers in HF's order: repetition penalty, temperature, top-k,
// top-p. scores [B, V] float.
torch::Tensor processScores(torch::Tensor scores, const GenerationConfig &c,
                            const torch::Tensor &seen, bool warp)
{
    if (c.repetitionPenalty != 1.0) {
        const torch::Tensor penalised =
            at::where(scores < 0, scores * c.repetitionPenalty, scores / c.repetitionPenalty);
        scores = at::where(seen, penalised, scores);
    }
    if (!warp)
        return scores;
    if (c.temperature != 1.0)
        scores = scores / c.temperature;
    const double negInf = -std::numeric_limits<double>::infinity();
    if (c.topK > 0 && c.topK < scores.size(1)) {
        const torch::Tensor kth =
            std::get<0>(at::topk(scores, c.topK, -1)).narrow(1, c.topK - 1, 1);
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
        GenerationOutput result;
        {
            // InferenceMode skips autograd bookkeeping; what leaves this scope is cloned below.
            c10::InferenceMode inference;
            const torch::Device device = model.model->embedTokens->weight.device();
            const auto fopts = model.model->embedTokens->weight.options();
            const auto lopts = torch::TensorOptions().dtype(at::kLong).device(device);
            const torch::Tensor idsCpu = idsIn.to(at::kCPU, at::kLong).contiguous();
            const torch::Tensor maskCpu = maskIn.to(at::kCPU).ne(0).to(at::kLong).contiguous();
            const std::int64_t B = idsCpu.size(0), P = idsCpu.size(1);
            const std::int64_t N = c.maxNewTokens;
            if (idsCpu.min().item<std::int64_t>() < 0 ||
                idsCpu.max().item<std::int64_t>() >= mc.vocabSize)
                return fail(
                    QStringLiteral("generate: token ids must be in [0, %1)").arg(mc.vocabSize));

            // Each row's real tokens in order (any padding side), packed.
            std::vector<std::int64_t> lengths(static_cast<size_t>(B)), packed;
            packed.reserve(static_cast<size_t>(B * P));
            const std::int64_t *idp = idsCpu.data_ptr<std::int64_t>();
            const std::int64_t *mp = maskCpu.data_ptr<std::int64_t>();
            std::int64_t longest = 0;
            for (std::int64_t b = 0; b < B; ++b) {
                for (std::int64_t t = 0; t < P; ++t) {
                    if (mp[b * P + t]) {
                        packed.push_back(idp[b * P + t]);
                        ++lengths[b];
                    }
                }
                if (lengths[b] == 0)
                    return fail(QStringLiteral("generate: prompt %1 has no real token").arg(b));
                longest = std::max(longest, lengths[b]);
            }
            if (longest + N > mc.maxPositionEmbeddings)
                return fail(QStringLiteral("generate: a prompt of %1 tokens plus %2 new tokens "
                                           "exceeds the model's context of %3")
                                .arg(longest)
                                .arg(N)
                                .arg(mc.maxPositionEmbeddings));

            const bool cpuKernels =
                device.is_cpu() && fopts.dtype() == at::kFloat && !c.genericAttention;
            Engine engine(model, cpuKernels);
            torch::Tensor logits =
                engine.prefill(at::tensor(packed, at::kLong).to(device), lengths, P, P + N - 1);

            torch::Tensor outTokens =
                at::full({B, N}, static_cast<std::int64_t>(c.padTokenId), lopts);
            torch::Tensor outLogProbs = at::zeros({B, N}, fopts);
            torch::Tensor outMask = at::zeros({B, N}, lopts);
            torch::Tensor allLogits;
            if (c.returnLogits)
                allLogits = at::zeros({B, N, mc.vocabSize}, fopts);
            torch::Tensor finished = at::zeros({B}, lopts.dtype(at::kBool));
            torch::Tensor eos;
            if (!c.eosTokenIds.isEmpty())
                eos = at::tensor(
                          std::vector<std::int64_t>(c.eosTokenIds.begin(), c.eosTokenIds.end()),
                          at::kLong)
                          .to(device);
            torch::Tensor seen;
            if (c.repetitionPenalty != 1.0)
                seen = at::zeros({B, mc.vocabSize}, fopts)
                           .scatter_add_(1, idsCpu.to(device), maskCpu.to(fopts))
                           .gt(0);
            std::vector<std::int64_t> positions(lengths); // the next position of each row
            std::int64_t produced = 0;
            for (std::int64_t t = 0; t < N; ++t) {
                if (c.returnLogits)
                    allLogits.select(1, t).copy_(logits);
                torch::Tensor next;
                if (!c.doSample) {
                    next = processScores(logits, c, seen, false).argmax(1);
                } else {
                    torch::Tensor probs = at::softmax(processScores(logits, c, seen, true), -1);
                    if (!probs.device().is_cpu())
                        probs = probs.to(at::kCPU); // the generator is a CPU one
                    next = at::multinomial(probs, 1, false, generator).squeeze(1).to(device);
                }
                const torch::Tensor logp =
                    logits.gather(1, next.unsqueeze(1)).squeeze(1) - at::logsumexp(logits, 1);
                if (!eos.defined()) {
                    outTokens.select(1, t).copy_(next);
                    outLogProbs.select(1, t).copy_(logp);
                    outMask.select(1, t).fill_(1);
                } else {
                    const torch::Tensor alive = finished.logical_not();
                    next = at::where(alive, next,
                                     at::full_like(next, static_cast<std::int64_t>(c.padTokenId)));
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
                logits = engine.decode(next, positions, P + t);
                for (auto &p : positions)
                    ++p;
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
        return fail(
            QStringLiteral("generate: %1").arg(QString::fromStdString(e.what_without_backtrace())));
    }
}

} // namespace lab
