#include "core/model/packed_forward.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/autograd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <dlfcn.h>
#include <limits>

namespace lab {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

constexpr std::int64_t kIgnoreIndex = -100;
// Attention queries per block: a sequence of L tokens computes about L^2/2 + L*kQueryBlock/2
// scores instead of L^2, while each block's products stay big enough for BLAS.
constexpr std::int64_t kQueryBlock = 128;
// Rows of logits alive at a time in the lm_head + loss: 512 x 4096 floats = 8 MiB.
constexpr std::int64_t kLogitChunk = 512;

bool fastPath(const torch::Tensor &t)
{
    return t.device().is_cpu() && t.scalar_type() == at::kFloat;
}

// An unmerged adapter: the projection runs its own forward (x W^T + s B A x, with the adapter's
// dropout) rather than a fused product with its bare weight. A DISABLED adapter takes the same
// path, so the reference (adapter off) and a fresh policy (B = 0) compute x W^T by the very same
// product and DPO starts with policy = reference bit for bit, not merely up to BLAS rounding.
bool ownForward(const LoraLinearImpl &p)
{
    return p.hasAdapter() && !p.merged();
}

// ---------------------------------------------------------------------------------- RMSNorm
// y = x * rsqrt(mean(x^2) + eps) * w over rows of x [N, d]; one pass forward, one backward.
struct RmsNormFunction : public torch::autograd::Function<RmsNormFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &xIn,
                                 const torch::Tensor &weight, double eps)
    {
        const torch::Tensor x = xIn.contiguous();
        const torch::Tensor w = weight.contiguous();
        const std::int64_t n = x.size(0), d = x.size(1);
        torch::Tensor y = at::empty_like(x);
        torch::Tensor rstd = at::empty({n}, x.options());
        const float *xp = x.data_ptr<float>();
        const float *wp = w.data_ptr<float>();
        float *yp = y.data_ptr<float>();
        float *rp = rstd.data_ptr<float>();
        at::parallel_for(0, n, 64, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t r = begin; r < end; ++r) {
                const float *row = xp + r * d;
                double ss = 0;
                for (std::int64_t i = 0; i < d; ++i)
                    ss += double(row[i]) * row[i];
                const float rs = float(1.0 / std::sqrt(ss / double(d) + eps));
                rp[r] = rs;
                float *out = yp + r * d;
                for (std::int64_t i = 0; i < d; ++i)
                    out[i] = (row[i] * rs) * wp[i];
            }
        });
        ctx->save_for_backward({x, w, rstd});
        return y;
    }

    static variable_list backward(AutogradContext *ctx, variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &x = saved[0], &w = saved[1], &rstd = saved[2];
        const torch::Tensor dy = grads[0].contiguous();
        const std::int64_t n = x.size(0), d = x.size(1);
        torch::Tensor dx = at::empty_like(x);
        const int threads = at::get_num_threads();
        torch::Tensor dwPartial = at::zeros({threads, d}, x.options());
        const float *xp = x.data_ptr<float>(), *wp = w.data_ptr<float>();
        const float *rp = rstd.data_ptr<float>(), *gp = dy.data_ptr<float>();
        float *dxp = dx.data_ptr<float>(), *dwp = dwPartial.data_ptr<float>();
        at::parallel_for(0, n, 64, [&](std::int64_t begin, std::int64_t end) {
            float *dwRow = dwp + std::int64_t(at::get_thread_num()) * d;
            for (std::int64_t r = begin; r < end; ++r) {
                const float *xr = xp + r * d, *gr = gp + r * d;
                const float rs = rp[r];
                double dot = 0;
                for (std::int64_t i = 0; i < d; ++i)
                    dot += double(gr[i]) * wp[i] * xr[i];
                const float k = float(dot * double(rs) * rs * rs / double(d));
                float *out = dxp + r * d;
                for (std::int64_t i = 0; i < d; ++i) {
                    out[i] = rs * (gr[i] * wp[i]) - xr[i] * k;
                    dwRow[i] += gr[i] * (xr[i] * rs);
                }
            }
        });
        return {dx, dwPartial.sum(0), torch::Tensor()};
    }
};

torch::Tensor rmsNorm(const torch::Tensor &x, RMSNormImpl &norm)
{
    if (fastPath(x) && fastPath(norm.weight))
        return RmsNormFunction::apply(x, norm.weight, norm.eps);
    return norm.forward(x);
}

// --------------------------------------------------------------------------------- SwiGLU
// silu(gate) * up from the fused product gu [N, 2F] = [gate | up]; the backward writes both
// halves of one [N, 2F] gradient instead of summing two padded narrow() gradients.
struct SwiGluFunction : public torch::autograd::Function<SwiGluFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &gu)
    {
        const std::int64_t f = gu.size(1) / 2;
        const torch::Tensor gate = gu.narrow(1, 0, f), up = gu.narrow(1, f, f);
        ctx->save_for_backward({gu});
        return at::silu(gate).mul_(up);
    }

    static variable_list backward(AutogradContext *ctx, variable_list grads)
    {
        const torch::Tensor gu = ctx->get_saved_variables()[0];
        const std::int64_t f = gu.size(1) / 2;
        const torch::Tensor gate = gu.narrow(1, 0, f), up = gu.narrow(1, f, f);
        const torch::Tensor &dy = grads[0];
        torch::Tensor dgu = at::empty_like(gu);
        torch::Tensor dGate = dgu.narrow(1, 0, f), dUp = dgu.narrow(1, f, f);
        at::mul_out(dUp, dy, at::silu(gate));
        at::silu_backward_out(dGate, dy * up, gate);
        return {dgu};
    }
};

torch::Tensor swiGlu(const torch::Tensor &gu)
{
    if (fastPath(gu))
        return SwiGluFunction::apply(gu);
    const std::int64_t f = gu.size(1) / 2;
    return at::silu(gu.narrow(1, 0, f)) * gu.narrow(1, f, f);
}

// ------------------------------------------------------------------------------ attention
struct AttentionShape
{
    std::int64_t heads, kvHeads, headDim;
    std::int64_t group() const { return heads / kvHeads; }
    std::int64_t rowWidth() const { return (heads + 2 * kvHeads) * headDim; }
};

// x [half | half] -> (x1 c - x2 s, x2 c + x1 s) * scale, as HF's x * cos + rotate_half(x) * sin.
inline void rotate(const float *src, float *dst, const float *c, const float *s, std::int64_t hd,
                   float scale)
{
    const std::int64_t half = hd / 2;
    for (std::int64_t i = 0; i < half; ++i) {
        const float x1 = src[i], x2 = src[i + half];
        dst[i] = (x1 * c[i] - x2 * s[i]) * scale;
        dst[i + half] = (x2 * c[i + half] + x1 * s[i + half]) * scale;
    }
}

// The transpose of rotate(): dx1 = dy1 c + dy2 s, dx2 = dy2 c - dy1 s (dy scaled first).
inline void rotateBack(const float *g, float *dst, const float *c, const float *s, std::int64_t hd,
                       float scale)
{
    const std::int64_t half = hd / 2;
    for (std::int64_t i = 0; i < half; ++i) {
        const float dy1 = g[i] * scale, dy2 = g[i + half] * scale;
        dst[i] = dy1 * c[i] + dy2 * s[i + half];
        dst[i + half] = dy2 * c[i + half] - dy1 * s[i];
    }
}

// Where the probabilities of each (sequence, query block) live in the flat buffer.
struct AttentionBlock
{
    std::int64_t start;  // first token of the sequence in the packed row
    std::int64_t first;  // first query of the block, within the sequence
    std::int64_t rows;   // queries in the block
    std::int64_t cols;   // keys it reads: 0 .. first + rows - 1
    std::int64_t offset; // into the probability buffer ([heads, rows, cols] from here)
};

std::vector<AttentionBlock> attentionBlocks(const std::vector<std::int64_t> &lengths,
                                            std::int64_t heads, std::int64_t *total)
{
    std::vector<AttentionBlock> blocks;
    std::int64_t start = 0, offset = 0;
    for (std::int64_t len : lengths) {
        for (std::int64_t a = 0; a < len; a += kQueryBlock) {
            const std::int64_t rows = std::min(kQueryBlock, len - a), cols = a + rows;
            blocks.push_back({start, a, rows, cols, offset});
            offset += heads * rows * cols;
        }
        start += len;
    }
    *total = offset;
    return blocks;
}

// firstBlock[s] .. firstBlock[s + 1] - 1: the blocks of sequence s.
std::vector<size_t> firstBlocks(const std::vector<AttentionBlock> &blocks,
                                const std::vector<std::int64_t> &lengths)
{
    std::vector<size_t> first{0};
    for (std::int64_t len : lengths)
        first.push_back(first.back() + size_t((len + kQueryBlock - 1) / kQueryBlock));
    TORCH_INTERNAL_ASSERT(first.back() == blocks.size());
    return first;
}

// OpenBLAS runs its own thread pool, which would synchronise its threads for each of the
// thousands of small attention products of a step (and loses many scheduler slices doing so on a
// busy machine). While this guard lives, OpenBLAS runs each product on the calling thread, and
// the attention's work items are spread over LibTorch's threads instead. A BLAS other than
// OpenBLAS is left alone.
class SingleThreadedBlas
{
public:
    SingleThreadedBlas()
    {
        if (api().get && api().set) {
            m_previous = api().get();
            if (m_previous > 1)
                api().set(1);
        }
    }
    ~SingleThreadedBlas()
    {
        if (m_previous > 1)
            api().set(m_previous);
    }
    SingleThreadedBlas(const SingleThreadedBlas &) = delete;
    SingleThreadedBlas &operator=(const SingleThreadedBlas &) = delete;

private:
    struct Api
    {
        int (*get)() = nullptr;
        void (*set)(int) = nullptr;
    };
    static const Api &api()
    {
        static const Api a = [] {
            Api r;
            r.get = reinterpret_cast<int (*)()>(::dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
            r.set =
                reinterpret_cast<void (*)(int)>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
            return r;
        }();
        return a;
    }
    int m_previous = 0;
};

// Runs work(sequence, kvHead) for every pair, spread over LibTorch's threads with the largest
// items first (longest-processing-time order: a sequence's cost grows with its length squared),
// each product single-threaded. Pairs touch disjoint rows of every output, so no locking.
template <typename Work>
void forEachSequenceHead(const std::vector<std::int64_t> &lengths, std::int64_t kvHeads,
                         const Work &work)
{
    const int threads = std::max(1, at::get_num_threads());
    std::vector<std::pair<std::int64_t, std::int64_t>> items; // (sequence, kv head)
    for (std::int64_t s = 0; s < std::int64_t(lengths.size()); ++s)
        for (std::int64_t j = 0; j < kvHeads; ++j)
            items.emplace_back(s, j);
    if (threads == 1 || items.size() == 1) {
        for (const auto &[s, j] : items)
            work(s, j);
        return;
    }
    std::stable_sort(items.begin(), items.end(), [&](const auto &a, const auto &b) {
        return lengths[size_t(a.first)] > lengths[size_t(b.first)];
    });
    std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> buckets(
        static_cast<size_t>(threads));
    std::vector<double> load(size_t(threads), 0.0);
    for (const auto &item : items) {
        const auto least = size_t(std::min_element(load.begin(), load.end()) - load.begin());
        const double len = double(lengths[size_t(item.first)]);
        load[least] += len * (len + kQueryBlock);
        buckets[least].push_back(item);
    }
    SingleThreadedBlas blas;
    at::parallel_for(0, threads, 1, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t t = begin; t < end; ++t)
            for (const auto &[s, j] : buckets[size_t(t)])
                work(s, j);
    });
}

// Rotary embedding + causal self-attention of every packed sequence with itself, from the fused
// q/k/v product qkv [N, (H + 2 KV) hd] to the heads' outputs [N, H hd] (o_proj's input). The
// probabilities are kept for the backward; q carries the 1/sqrt(hd) scale from the start.
struct PackedAttentionFunction : public torch::autograd::Function<PackedAttentionFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &qkvIn,
                                 const torch::Tensor &cos, const torch::Tensor &sin,
                                 std::vector<std::int64_t> lengths, std::int64_t heads,
                                 std::int64_t kvHeads)
    {
        const torch::Tensor qkv = qkvIn.contiguous();
        const std::int64_t n = qkv.size(0);
        const AttentionShape shape{heads, kvHeads, qkv.size(1) / (heads + 2 * kvHeads)};
        const std::int64_t hd = shape.headDim, group = shape.group();
        const float scale = float(1.0 / std::sqrt(double(hd)));
        const auto opts = qkv.options();
        torch::Tensor q = at::empty({heads, n, hd}, opts);
        torch::Tensor k = at::empty({kvHeads, n, hd}, opts);
        torch::Tensor v = at::empty({kvHeads, n, hd}, opts);
        {
            const float *src = qkv.data_ptr<float>();
            const float *cp = cos.data_ptr<float>(), *sp = sin.data_ptr<float>();
            float *qp = q.data_ptr<float>(), *kp = k.data_ptr<float>(), *vp = v.data_ptr<float>();
            const std::int64_t width = shape.rowWidth();
            at::parallel_for(0, n, 64, [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t t = begin; t < end; ++t) {
                    const float *row = src + t * width;
                    const float *c = cp + t * hd, *s = sp + t * hd;
                    for (std::int64_t h = 0; h < heads; ++h)
                        rotate(row + h * hd, qp + (h * n + t) * hd, c, s, hd, scale);
                    for (std::int64_t j = 0; j < kvHeads; ++j) {
                        rotate(row + (heads + j) * hd, kp + (j * n + t) * hd, c, s, hd, 1.0f);
                        std::memcpy(vp + (j * n + t) * hd, row + (heads + kvHeads + j) * hd,
                                    sizeof(float) * size_t(hd));
                    }
                }
            });
        }
        std::int64_t total = 0;
        const std::vector<AttentionBlock> blocks = attentionBlocks(lengths, heads, &total);
        const std::vector<size_t> firstBlock = firstBlocks(blocks, lengths);
        const std::int64_t longest = *std::max_element(lengths.begin(), lengths.end());
        const double negInf = -std::numeric_limits<double>::infinity();
        // Added to the diagonal square of each block: -inf where key j comes after query i.
        const std::int64_t square = std::min(kQueryBlock, longest);
        const torch::Tensor future = at::full({square, square}, negInf, opts).triu_(1);
        torch::Tensor probs = at::empty({total}, opts);
        torch::Tensor out = at::empty({n, heads * hd}, opts);
        forEachSequenceHead(lengths, kvHeads, [&](std::int64_t seq, std::int64_t j) {
            for (size_t bi = firstBlock[size_t(seq)]; bi < firstBlock[size_t(seq) + 1]; ++bi) {
                const AttentionBlock &b = blocks[bi];
                const torch::Tensor kb = k[j].narrow(0, b.start, b.cols); // [cols, hd]
                const torch::Tensor vb = v[j].narrow(0, b.start, b.cols);
                for (std::int64_t h = j * group; h < (j + 1) * group; ++h) {
                    torch::Tensor p =
                        probs.narrow(0, b.offset + h * b.rows * b.cols, b.rows * b.cols)
                            .view({b.rows, b.cols});
                    at::mm_out(p, q[h].narrow(0, b.start + b.first, b.rows), kb.t());
                    if (b.rows > 1)
                        p.narrow(1, b.first, b.rows)
                            .add_(future.narrow(0, 0, b.rows).narrow(1, 0, b.rows));
                    at::_softmax_out(p, p, 1, false);
                    torch::Tensor ob =
                        out.narrow(0, b.start + b.first, b.rows).narrow(1, h * hd, hd);
                    at::mm_out(ob, p, vb);
                }
            }
        });
        ctx->save_for_backward({q, k, v, probs, cos, sin});
        ctx->saved_data["lengths"] = lengths;
        ctx->saved_data["heads"] = heads;
        ctx->saved_data["kvHeads"] = kvHeads;
        return out;
    }

    static variable_list backward(AutogradContext *ctx, variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &q = saved[0], &k = saved[1], &v = saved[2], &probs = saved[3];
        const torch::Tensor &cos = saved[4], &sin = saved[5];
        const std::vector<std::int64_t> lengths = ctx->saved_data["lengths"].toIntVector();
        const AttentionShape shape{ctx->saved_data["heads"].toInt(),
                                   ctx->saved_data["kvHeads"].toInt(), q.size(2)};
        const std::int64_t heads = shape.heads, kvHeads = shape.kvHeads, hd = shape.headDim;
        const std::int64_t n = q.size(1), group = shape.group();
        const float scale = float(1.0 / std::sqrt(double(hd)));
        const torch::Tensor dOut = grads[0].contiguous(); // [N, H hd]
        const auto opts = q.options();
        torch::Tensor dq = at::empty_like(q);
        torch::Tensor dk = at::zeros_like(k), dv = at::zeros_like(v);
        std::int64_t total = 0;
        const std::vector<AttentionBlock> blocks = attentionBlocks(lengths, heads, &total);
        const std::vector<size_t> firstBlock = firstBlocks(blocks, lengths);
        forEachSequenceHead(lengths, kvHeads, [&](std::int64_t seq, std::int64_t j) {
            for (size_t bi = firstBlock[size_t(seq)]; bi < firstBlock[size_t(seq) + 1]; ++bi) {
                const AttentionBlock &b = blocks[bi];
                const torch::Tensor kb = k[j].narrow(0, b.start, b.cols);
                const torch::Tensor vb = v[j].narrow(0, b.start, b.cols);
                torch::Tensor dkb = dk[j].narrow(0, b.start, b.cols);
                torch::Tensor dvb = dv[j].narrow(0, b.start, b.cols);
                for (std::int64_t h = j * group; h < (j + 1) * group; ++h) {
                    const torch::Tensor p =
                        probs.narrow(0, b.offset + h * b.rows * b.cols, b.rows * b.cols)
                            .view({b.rows, b.cols});
                    const torch::Tensor dob =
                        dOut.narrow(0, b.start + b.first, b.rows).narrow(1, h * hd, hd);
                    const torch::Tensor qb = q[h].narrow(0, b.start + b.first, b.rows);
                    torch::Tensor dp = at::mm(dob, vb.t()); // [rows, cols]
                    // dS = P * (dP - rowsum(P * dP)), in place; masked entries have P = 0.
                    at::_softmax_backward_data_out(dp, dp, p, 1, at::kFloat);
                    torch::Tensor dqb = dq[h].narrow(0, b.start + b.first, b.rows);
                    at::mm_out(dqb, dp, kb);
                    dvb.addmm_(p.t(), dob);
                    dkb.addmm_(dp.t(), qb);
                }
            }
        });
        torch::Tensor dqkv = at::empty({n, shape.rowWidth()}, opts);
        {
            const float *cp = cos.data_ptr<float>(), *sp = sin.data_ptr<float>();
            const float *dqp = dq.data_ptr<float>(), *dkp = dk.data_ptr<float>();
            const float *dvp = dv.data_ptr<float>();
            float *dst = dqkv.data_ptr<float>();
            const std::int64_t width = shape.rowWidth();
            at::parallel_for(0, n, 64, [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t t = begin; t < end; ++t) {
                    float *row = dst + t * width;
                    const float *c = cp + t * hd, *s = sp + t * hd;
                    for (std::int64_t h = 0; h < heads; ++h)
                        rotateBack(dqp + (h * n + t) * hd, row + h * hd, c, s, hd, scale);
                    for (std::int64_t j = 0; j < kvHeads; ++j) {
                        rotateBack(dkp + (j * n + t) * hd, row + (heads + j) * hd, c, s, hd, 1.0f);
                        std::memcpy(row + (heads + kvHeads + j) * hd, dvp + (j * n + t) * hd,
                                    sizeof(float) * size_t(hd));
                    }
                }
            });
        }
        return {dqkv,           torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor(),
                torch::Tensor()};
    }
};

// The same attention through plain LibTorch ops (any device and dtype), one sequence at a time.
torch::Tensor genericAttention(const torch::Tensor &qkv, const torch::Tensor &cos,
                               const torch::Tensor &sin, const std::vector<std::int64_t> &lengths,
                               const AttentionShape &shape)
{
    const std::int64_t H = shape.heads, KV = shape.kvHeads, hd = shape.headDim;
    const std::int64_t longest = *std::max_element(lengths.begin(), lengths.end());
    const torch::Tensor future =
        at::ones({longest, longest}, qkv.options().dtype(at::kBool)).triu(1);
    std::vector<torch::Tensor> outs;
    std::int64_t start = 0;
    for (std::int64_t len : lengths) {
        const torch::Tensor rows = qkv.narrow(0, start, len);
        const torch::Tensor c = cos.narrow(0, start, len), s = sin.narrow(0, start, len);
        torch::Tensor q = rows.narrow(1, 0, H * hd).view({len, H, hd}).transpose(0, 1);
        torch::Tensor k = rows.narrow(1, H * hd, KV * hd).view({len, KV, hd}).transpose(0, 1);
        torch::Tensor v =
            rows.narrow(1, (H + KV) * hd, KV * hd).view({len, KV, hd}).transpose(0, 1);
        q = applyRotary(q, c, s);
        k = applyRotary(k, c, s);
        if (shape.group() > 1) {
            k = k.repeat_interleave(shape.group(), 0);
            v = v.repeat_interleave(shape.group(), 0);
        }
        torch::Tensor scores = at::matmul(q, k.transpose(1, 2)) / std::sqrt(double(hd));
        scores = scores.masked_fill(future.narrow(0, 0, len).narrow(1, 0, len),
                                    -std::numeric_limits<double>::infinity());
        const torch::Tensor probs = at::softmax(scores, -1);
        outs.push_back(at::matmul(probs, v).transpose(0, 1).reshape({len, H * hd}));
        start += len;
    }
    return at::cat(outs, 0);
}

// ----------------------------------------------------------------------------- projections
// x through several projections as one product: [N, in] -> [N, sum(out)], columns in order.
torch::Tensor fusedProjection(const torch::Tensor &x,
                              std::initializer_list<std::reference_wrapper<LoraLinearImpl>> projs)
{
    bool own = false;
    for (LoraLinearImpl &p : projs)
        own = own || ownForward(p);
    if (own) {
        std::vector<torch::Tensor> parts;
        for (LoraLinearImpl &p : projs)
            parts.push_back(p.forward(x));
        return at::cat(parts, 1);
    }
    std::vector<torch::Tensor> weights;
    for (LoraLinearImpl &p : projs)
        weights.push_back(p.weight);
    return at::mm(x, (weights.size() == 1 ? weights[0] : at::cat(weights, 0)).t());
}

// residual + proj(x), the addition folded into the product where the bare weight applies.
torch::Tensor projectAdd(const torch::Tensor &residual, const torch::Tensor &x, LoraLinearImpl &p)
{
    if (ownForward(p))
        return residual + p.forward(x);
    return at::addmm(residual, x, p.weight.t());
}

// ------------------------------------------------------------------------- lm_head + loss
// Mean cross entropy of logits = hidden W^T over rows [M] with labels [M] (all >= 0). The
// gradients are formed in the forward, chunk by chunk, while each chunk's softmax is at hand;
// the backward only scales them by the incoming gradient.
struct LinearCrossEntropyFunction : public torch::autograd::Function<LinearCrossEntropyFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &hiddenIn,
                                 const torch::Tensor &weight, const torch::Tensor &labels,
                                 bool wantHidden, bool wantWeight)
    {
        const torch::Tensor hidden = hiddenIn.contiguous();
        const std::int64_t m = hidden.size(0), vocab = weight.size(0);
        const double invCount = 1.0 / double(m);
        torch::Tensor dHidden = wantHidden ? at::empty_like(hidden) : torch::Tensor();
        torch::Tensor dWeight = wantWeight ? at::zeros_like(weight) : torch::Tensor();
        const torch::Tensor wt = weight.t();
        torch::Tensor buffer = at::empty({std::min(kLogitChunk, m), vocab}, hidden.options());
        double lossSum = 0;
        for (std::int64_t r0 = 0; r0 < m; r0 += kLogitChunk) {
            const std::int64_t c = std::min(kLogitChunk, m - r0);
            const torch::Tensor h = hidden.narrow(0, r0, c);
            const torch::Tensor lab = labels.narrow(0, r0, c).unsqueeze(1);
            torch::Tensor logits = buffer.narrow(0, 0, c);
            at::mm_out(logits, h, wt);
            const torch::Tensor target = logits.gather(1, lab).squeeze(1);
            const torch::Tensor mx = std::get<0>(logits.max(1, true));
            logits.sub_(mx).exp_();
            const torch::Tensor sum = logits.sum(1);
            lossSum += (sum.log() + mx.squeeze(1) - target).sum().item<double>();
            if (!wantHidden && !wantWeight)
                continue;
            // d(mean CE)/d logits = (softmax - onehot) / M, built in place.
            logits.mul_((sum * double(m)).reciprocal_().unsqueeze(1));
            logits.scatter_add_(1, lab, at::full({c, 1}, -invCount, logits.options()));
            if (wantHidden) {
                torch::Tensor dh = dHidden.narrow(0, r0, c);
                at::mm_out(dh, logits, weight);
            }
            if (wantWeight)
                dWeight.addmm_(logits.t(), h);
        }
        ctx->save_for_backward({dHidden, dWeight});
        return at::scalar_tensor(lossSum * invCount, hidden.options());
    }

    static variable_list backward(AutogradContext *ctx, variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &g = grads[0];
        torch::Tensor dHidden = saved[0].defined() ? saved[0] * g : torch::Tensor();
        torch::Tensor dWeight = saved[1].defined() ? saved[1] * g : torch::Tensor();
        return {dHidden, dWeight, torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

// log softmax(hidden W^T)[label] for rows [M] with labels [M]; the backward recomputes each
// chunk's logits from the saved log-sum-exp, since its incoming gradient differs per row.
struct LinearLogProbFunction : public torch::autograd::Function<LinearLogProbFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &hiddenIn,
                                 const torch::Tensor &weight, const torch::Tensor &labels)
    {
        const torch::Tensor hidden = hiddenIn.contiguous();
        const std::int64_t m = hidden.size(0), vocab = weight.size(0);
        const torch::Tensor wt = weight.t();
        torch::Tensor lse = at::empty({m}, hidden.options());
        torch::Tensor logp = at::empty({m}, hidden.options());
        torch::Tensor buffer = at::empty({std::min(kLogitChunk, m), vocab}, hidden.options());
        for (std::int64_t r0 = 0; r0 < m; r0 += kLogitChunk) {
            const std::int64_t c = std::min(kLogitChunk, m - r0);
            torch::Tensor logits = buffer.narrow(0, 0, c);
            at::mm_out(logits, hidden.narrow(0, r0, c), wt);
            const torch::Tensor l = at::logsumexp(logits, 1);
            lse.narrow(0, r0, c).copy_(l);
            logp.narrow(0, r0, c).copy_(
                logits.gather(1, labels.narrow(0, r0, c).unsqueeze(1)).squeeze(1) - l);
        }
        ctx->save_for_backward({hidden, weight, labels, lse});
        return logp;
    }

    static variable_list backward(AutogradContext *ctx, variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &hidden = saved[0], &weight = saved[1], &labels = saved[2],
                            &lse = saved[3];
        const torch::Tensor g = grads[0].contiguous();
        const std::int64_t m = hidden.size(0), vocab = weight.size(0);
        const bool wantHidden = ctx->needs_input_grad(0), wantWeight = ctx->needs_input_grad(1);
        torch::Tensor dHidden = wantHidden ? at::empty_like(hidden) : torch::Tensor();
        torch::Tensor dWeight = wantWeight ? at::zeros_like(weight) : torch::Tensor();
        const torch::Tensor wt = weight.t();
        torch::Tensor buffer = at::empty({std::min(kLogitChunk, m), vocab}, hidden.options());
        for (std::int64_t r0 = 0; r0 < m && (wantHidden || wantWeight); r0 += kLogitChunk) {
            const std::int64_t c = std::min(kLogitChunk, m - r0);
            const torch::Tensor h = hidden.narrow(0, r0, c);
            const torch::Tensor gc = g.narrow(0, r0, c).unsqueeze(1);
            torch::Tensor logits = buffer.narrow(0, 0, c);
            at::mm_out(logits, h, wt);
            // d logp / d logits = onehot - softmax, times the row's incoming gradient.
            logits.sub_(lse.narrow(0, r0, c).unsqueeze(1)).exp_().mul_(-gc);
            logits.scatter_add_(1, labels.narrow(0, r0, c).unsqueeze(1), gc);
            if (wantHidden) {
                torch::Tensor dh = dHidden.narrow(0, r0, c);
                at::mm_out(dh, logits, weight);
            }
            if (wantWeight)
                dWeight.addmm_(logits.t(), h);
        }
        return {dHidden, dWeight, torch::Tensor()};
    }
};

std::vector<std::int64_t> checkedLengths(const PackedBatch &batch)
{
    TORCH_CHECK(!batch.lengths.empty(), "packed batch: no sequences");
    std::int64_t total = 0;
    for (std::int64_t len : batch.lengths) {
        TORCH_CHECK(len > 0, "packed batch: a sequence of length ", len);
        total += len;
    }
    TORCH_CHECK(batch.ids.dim() == 1 && batch.ids.size(0) == total, "packed batch: ids [",
                batch.ids.sizes(), "] do not match lengths summing to ", total);
    TORCH_CHECK(!batch.labels.defined() || batch.labels.sizes() == batch.ids.sizes(),
                "packed batch: labels [", batch.labels.sizes(), "] do not match ids [",
                batch.ids.sizes(), "]");
    return batch.lengths;
}

// Rows with a label, and the labels there.
std::pair<torch::Tensor, torch::Tensor> labelledRows(const PackedBatch &batch,
                                                     const torch::Device &device)
{
    TORCH_CHECK(batch.labels.defined(), "packed batch: no labels");
    const torch::Tensor labels = batch.labels.to(at::kLong).to(device);
    const torch::Tensor rows = (labels != kIgnoreIndex).nonzero().squeeze(1);
    return {rows, labels.index_select(0, rows)};
}

} // namespace

PackedBatch packSequences(const std::vector<std::vector<std::int64_t>> &sequences,
                          const std::vector<std::int64_t> &lossFrom)
{
    TORCH_CHECK(lossFrom.empty() || lossFrom.size() == sequences.size(),
                "packSequences: ", lossFrom.size(), " lossFrom values for ", sequences.size(),
                " sequences");
    PackedBatch batch;
    std::int64_t total = 0;
    for (const auto &s : sequences) {
        TORCH_CHECK(!s.empty(), "packSequences: an empty sequence");
        total += std::int64_t(s.size());
        batch.lengths.push_back(std::int64_t(s.size()));
    }
    batch.ids = at::empty({total}, at::kLong);
    batch.labels = at::full({total}, kIgnoreIndex, at::kLong);
    std::int64_t *ids = batch.ids.data_ptr<std::int64_t>();
    std::int64_t *labels = batch.labels.data_ptr<std::int64_t>();
    std::int64_t at = 0;
    for (size_t s = 0; s < sequences.size(); ++s) {
        const auto &seq = sequences[s];
        const std::int64_t from = lossFrom.empty() ? 0 : std::max<std::int64_t>(0, lossFrom[s]);
        const std::int64_t len = std::int64_t(seq.size());
        for (std::int64_t i = 0; i < len; ++i) {
            ids[at + i] = seq[size_t(i)];
            if (i + 1 < len && i >= from)
                labels[at + i] = seq[size_t(i + 1)];
        }
        at += len;
    }
    return batch;
}

torch::Tensor packedLastTokenIndex(const PackedBatch &batch)
{
    std::vector<std::int64_t> last;
    std::int64_t end = 0;
    for (std::int64_t len : batch.lengths) {
        end += len;
        last.push_back(end - 1);
    }
    return at::tensor(last, at::kLong);
}

torch::Tensor packedHidden(LlamaForCausalLMImpl &model, const PackedBatch &batch)
{
    const std::vector<std::int64_t> lengths = checkedLengths(batch);
    LlamaModelImpl &m = *model.model;
    const LlamaConfig &config = model.config();
    const torch::Tensor &embedding = m.embedTokens->weight;
    const torch::Device device = embedding.device();
    const AttentionShape shape{config.numHeads, config.numKvHeads, config.headDim()};

    std::vector<std::int64_t> positions;
    positions.reserve(size_t(batch.ids.size(0)));
    for (std::int64_t len : lengths) {
        for (std::int64_t i = 0; i < len; ++i)
            positions.push_back(i);
    }
    auto [cos, sin] = rotaryCosSin(at::tensor(positions, at::kLong).to(device), config.headDim(),
                                   config.ropeTheta); // [N, hd] each, float32 as HF
    cos = cos.to(embedding.scalar_type()).contiguous();
    sin = sin.to(embedding.scalar_type()).contiguous();

    torch::Tensor h = at::embedding(embedding, batch.ids.to(device)); // [N, d]
    const bool fast = fastPath(h);
    for (auto &layer : m.layerList) {
        LlamaAttentionImpl &attn = *layer->selfAttn;
        LlamaMlpImpl &mlp = *layer->mlp;
        torch::Tensor x = rmsNorm(h, *layer->inputLayernorm);
        const torch::Tensor qkv =
            fusedProjection(x, {*attn.qProj, *attn.kProj, *attn.vProj}); // [N, (H + 2 KV) hd]
        const torch::Tensor heads =
            fast
                ? PackedAttentionFunction::apply(qkv, cos, sin, lengths, shape.heads, shape.kvHeads)
                : genericAttention(qkv, cos, sin, lengths, shape); // [N, H hd]
        h = projectAdd(h, heads, *attn.oProj);
        x = rmsNorm(h, *layer->postAttentionLayernorm);
        const torch::Tensor gu = fusedProjection(x, {*mlp.gateProj, *mlp.upProj}); // [N, 2F]
        h = projectAdd(h, swiGlu(gu), *mlp.downProj);
    }
    return rmsNorm(h, *m.norm);
}

torch::Tensor packedLossFromHidden(LlamaForCausalLMImpl &model, const torch::Tensor &hidden,
                                   const PackedBatch &batch)
{
    auto [rows, labels] = labelledRows(batch, hidden.device());
    const torch::Tensor weight = model.outputWeight();
    if (rows.numel() == 0)
        return (hidden.sum() * 0).to(hidden.scalar_type());
    const torch::Tensor h = hidden.index_select(0, rows);
    if (fastPath(h) && fastPath(weight)) {
        const bool grad = at::GradMode::is_enabled();
        return LinearCrossEntropyFunction::apply(h, weight, labels, grad && h.requires_grad(),
                                                 grad && weight.requires_grad());
    }
    return at::cross_entropy_loss(at::linear(h, weight), labels);
}

std::pair<torch::Tensor, torch::Tensor> packedLogProbsFromHidden(LlamaForCausalLMImpl &model,
                                                                 const torch::Tensor &hidden,
                                                                 const PackedBatch &batch)
{
    auto [rows, labels] = labelledRows(batch, hidden.device());
    const torch::Tensor weight = model.outputWeight();
    const auto B = std::int64_t(batch.lengths.size());
    std::vector<std::int64_t> seqOf;
    seqOf.reserve(size_t(batch.ids.size(0)));
    for (std::int64_t s = 0; s < B; ++s)
        seqOf.insert(seqOf.end(), size_t(batch.lengths[size_t(s)]), s);
    const torch::Tensor seq =
        at::tensor(seqOf, at::kLong).to(hidden.device()).index_select(0, rows);
    const torch::Tensor counts =
        at::zeros({B}, seq.options()).index_add_(0, seq, at::ones_like(seq));
    if (rows.numel() == 0)
        return {at::zeros({B}, hidden.options()) + hidden.sum() * 0, counts};
    const torch::Tensor h = hidden.index_select(0, rows);
    torch::Tensor tokenLogp;
    if (fastPath(h) && fastPath(weight))
        tokenLogp = LinearLogProbFunction::apply(h, weight, labels);
    else
        tokenLogp =
            at::log_softmax(at::linear(h, weight), -1).gather(1, labels.unsqueeze(1)).squeeze(1);
    return {at::zeros({B}, hidden.options()).index_add(0, seq, tokenLogp), counts};
}

torch::Tensor packedCausalLmLoss(LlamaForCausalLMImpl &model, const PackedBatch &batch)
{
    return packedLossFromHidden(model, packedHidden(model, batch), batch);
}

std::pair<torch::Tensor, torch::Tensor> packedSequenceLogProbs(LlamaForCausalLMImpl &model,
                                                               const PackedBatch &batch)
{
    return packedLogProbsFromHidden(model, packedHidden(model, batch), batch);
}

} // namespace lab
