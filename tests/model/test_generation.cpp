// Generation: the KV-cache decoding equals a full forward of the left-padded sequence (logits
// and returned log-probs, max |diff| < 1e-4), a seed reproduces the tokens, EOS stops a row, and
// top-k / top-p / repetition penalty act as HF's processors do.
#include "core/model/generation.h"
#include "core/model/llama.h"
#include "core/model/lora.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

#include <QtTest>

#include <set>

using namespace lab;

namespace {

constexpr double kTolerance = 1e-4;

LlamaForCausalLM makeModel(int kvHeads = 2)
{
    LlamaConfig c;
    c.vocabSize = 300;
    c.hiddenSize = 64;
    c.intermediateSize = 128;
    c.numLayers = 2;
    c.numHeads = 4;
    c.numKvHeads = kvHeads;
    c.maxPositionEmbeddings = 128;
    c.ropeTheta = 5000;
    LlamaForCausalLM m(c);
    initLlamaWeights(*m, 21);
    // Sharper than the 0.02 init, so the distributions are far from uniform.
    torch::NoGradGuard noGrad;
    for (auto &p : m->parameters())
        if (p.dim() == 2)
            p.mul_(6.0);
    m->eval();
    return m;
}

// Left-padded prompts of lengths 9, 5, 1 and 12.
std::pair<at::Tensor, at::Tensor> prompts()
{
    auto gen = at::detail::createCPUGenerator(99);
    std::vector<std::vector<std::int64_t>> rows;
    for (int n : {9, 5, 1, 12}) {
        const at::Tensor t = at::randint(3, 300, {n}, gen, at::kLong);
        rows.emplace_back(t.data_ptr<std::int64_t>(), t.data_ptr<std::int64_t>() + n);
    }
    return leftPadBatch(rows, 0);
}

GenerationOutput run(LlamaForCausalLM &m, const GenerationConfig &cfg, std::uint64_t seed = 1)
{
    auto [ids, mask] = prompts();
    Result<GenerationOutput> out =
        generate(*m, ids, mask, cfg, at::detail::createCPUGenerator(seed));
    if (!out)
        qFatal("%s", qPrintable(out.error()));
    return *out;
}

} // namespace

class TestGeneration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cacheMatchesFullForward_data();
    void cacheMatchesFullForward();
    void seededIsReproducible();
    void greedyStopsAtEos();
    void topKOneAndTinyTopPAreGreedy();
    void topKKeepsSupport();
    void repetitionPenaltyAvoidsSeenTokens();
    void adapterIsFoldedIn();
    void rejectsBadInput();
};

void TestGeneration::cacheMatchesFullForward_data()
{
    QTest::addColumn<bool>("generic");
    QTest::addColumn<int>("kvHeads");
    QTest::newRow("GQA, CPU decode kernel") << false << 2;
    QTest::newRow("GQA, generic LibTorch attention") << true << 2;
    QTest::newRow("MHA, CPU decode kernel") << false << 4;
    QTest::newRow("MHA, generic LibTorch attention") << true << 4;
}

void TestGeneration::cacheMatchesFullForward()
{
    QFETCH(bool, generic);
    QFETCH(int, kvHeads);
    LlamaForCausalLM m = makeModel(kvHeads);
    GenerationConfig cfg;
    cfg.maxNewTokens = 7;
    cfg.returnLogits = true;
    cfg.genericAttention = generic;
    const GenerationOutput out = run(m, cfg);
    QCOMPARE(out.tokens.sizes(), (at::IntArrayRef{4, 7}));
    QVERIFY(out.mask.eq(1).all().item<bool>());

    // The whole left-padded sequence in one forward, positions cumsum(mask) - 1.
    auto [ids, mask] = prompts();
    const std::int64_t P = ids.size(1);
    const at::Tensor fullIds = at::cat({ids, out.tokens}, 1);
    const at::Tensor fullMask = at::cat({mask, at::ones({4, 7}, at::kLong)}, 1);
    torch::NoGradGuard noGrad;
    const at::Tensor logits = m->forward(fullIds, fullMask).narrow(1, P - 1, 7); // predicts token t
    const double logitDiff = (logits - out.logits).abs().max().item<double>();
    const at::Tensor expectedLogp =
        logits.log_softmax(-1).gather(2, out.tokens.unsqueeze(2)).squeeze(2);
    const double logpDiff = (expectedLogp - out.logProbs).abs().max().item<double>();
    qInfo("cache vs full forward: max |logit diff| %.3g, max |log-prob diff| %.3g", logitDiff,
          logpDiff);
    QVERIFY2(logitDiff < kTolerance, qPrintable(QString::number(logitDiff)));
    QVERIFY2(logpDiff < kTolerance, qPrintable(QString::number(logpDiff)));
    QVERIFY(out.logProbs.lt(0).all().item<bool>());
}

void TestGeneration::seededIsReproducible()
{
    LlamaForCausalLM m = makeModel();
    GenerationConfig cfg;
    cfg.maxNewTokens = 12;
    const GenerationOutput a = run(m, cfg, 7);
    const GenerationOutput b = run(m, cfg, 7);
    const GenerationOutput c = run(m, cfg, 8);
    QVERIFY(a.tokens.equal(b.tokens));
    QVERIFY(a.logProbs.equal(b.logProbs));
    QVERIFY(!a.tokens.equal(c.tokens));
    // The two attention paths sample the same tokens from the same seed.
    cfg.genericAttention = true;
    QVERIFY(run(m, cfg, 7).tokens.equal(a.tokens));
}

void TestGeneration::greedyStopsAtEos()
{
    LlamaForCausalLM m = makeModel();
    GenerationConfig cfg;
    cfg.doSample = false;
    cfg.maxNewTokens = 10;
    const GenerationOutput free = run(m, cfg);
    // Row 0's third token becomes the end of sequence (unless it occurred earlier).
    const at::Tensor row0 = free.tokens[0];
    std::int64_t eos = row0[2].item<std::int64_t>();
    cfg.eosTokenIds = {eos};
    cfg.padTokenId = 299;
    const GenerationOutput stopped = run(m, cfg);
    bool anyStopped = false;
    for (int b = 0; b < 4; ++b) {
        std::int64_t expectLen = 10;
        for (int t = 0; t < 10; ++t) {
            if (free.tokens[b][t].item<std::int64_t>() == eos) {
                expectLen = t + 1;
                break;
            }
        }
        anyStopped |= expectLen < 10;
        QCOMPARE(stopped.lengths[b].item<std::int64_t>(), expectLen);
        const std::int64_t produced = stopped.tokens.size(1);
        QVERIFY(stopped.tokens[b]
                    .narrow(0, 0, expectLen)
                    .equal(free.tokens[b].narrow(0, 0, expectLen)));
        if (expectLen < produced) {
            QVERIFY(stopped.tokens[b]
                        .narrow(0, expectLen, produced - expectLen)
                        .eq(299)
                        .all()
                        .item<bool>());
            QVERIFY(stopped.logProbs[b]
                        .narrow(0, expectLen, produced - expectLen)
                        .eq(0)
                        .all()
                        .item<bool>());
            QVERIFY(stopped.mask[b]
                        .narrow(0, expectLen, produced - expectLen)
                        .eq(0)
                        .all()
                        .item<bool>());
        }
    }
    QVERIFY(anyStopped);
    QCOMPARE(stopped.lengths[0].item<std::int64_t>(),
             row0.narrow(0, 0, 2).eq(eos).any().item<bool>() ? 1 : 3);

    // When every row has stopped, generation ends early.
    GenerationConfig single = cfg;
    auto [ids, mask] = prompts();
    Result<GenerationOutput> one = generate(*m, ids.narrow(0, 0, 1), mask.narrow(0, 0, 1), single,
                                            at::detail::createCPUGenerator(1));
    QVERIFY(one.ok());
    QCOMPARE(one->tokens.size(1), stopped.lengths[0].item<std::int64_t>());
}

void TestGeneration::topKOneAndTinyTopPAreGreedy()
{
    LlamaForCausalLM m = makeModel();
    GenerationConfig greedy;
    greedy.doSample = false;
    greedy.maxNewTokens = 10;
    const at::Tensor expected = run(m, greedy).tokens;
    GenerationConfig topK;
    topK.maxNewTokens = 10;
    topK.topK = 1;
    topK.temperature = 1.7;
    QVERIFY(run(m, topK, 3).tokens.equal(expected));
    GenerationConfig topP;
    topP.maxNewTokens = 10;
    topP.topP = 1e-6;
    QVERIFY(run(m, topP, 4).tokens.equal(expected));
    // Sampling without warpers is not greedy.
    GenerationConfig plain;
    plain.maxNewTokens = 10;
    plain.temperature = 3.0;
    QVERIFY(!run(m, plain, 5).tokens.equal(expected));
}

void TestGeneration::topKKeepsSupport()
{
    LlamaForCausalLM m = makeModel();
    GenerationConfig cfg;
    cfg.maxNewTokens = 20;
    cfg.topK = 3;
    cfg.temperature = 5.0; // flat enough that without top-k other tokens would appear
    cfg.returnLogits = true;
    const GenerationOutput out = run(m, cfg, 9);
    const at::Tensor top3 = std::get<1>(out.logits.topk(3, -1)); // [B, N, 3]
    QVERIFY(top3.eq(out.tokens.unsqueeze(2)).any(2).all().item<bool>());

    cfg.topK = 0;
    const GenerationOutput wide = run(m, cfg, 9);
    const at::Tensor wideTop3 = std::get<1>(wide.logits.topk(3, -1));
    QVERIFY(!wideTop3.eq(wide.tokens.unsqueeze(2)).any(2).all().item<bool>());

    // top-p 0.5 keeps the smallest set of tokens with probability mass >= 0.5 at temperature 1.
    GenerationConfig nucleus;
    nucleus.maxNewTokens = 20;
    nucleus.topP = 0.5;
    nucleus.returnLogits = true;
    const GenerationOutput n = run(m, nucleus, 10);
    auto [sorted, order] = n.logits.softmax(-1).sort(-1, true);
    const at::Tensor before = sorted.cumsum(-1) - sorted; // mass of the better tokens
    const at::Tensor allowed = at::zeros_like(sorted, at::kBool).scatter(2, order, before < 0.5);
    QVERIFY(allowed.gather(2, n.tokens.unsqueeze(2)).all().item<bool>());
}

void TestGeneration::repetitionPenaltyAvoidsSeenTokens()
{
    LlamaForCausalLM m = makeModel();
    GenerationConfig cfg;
    cfg.doSample = false;
    cfg.maxNewTokens = 12;
    cfg.repetitionPenalty = 1e4;
    const GenerationOutput out = run(m, cfg);
    auto [ids, mask] = prompts();
    for (int b = 0; b < 4; ++b) {
        std::set<std::int64_t> seen;
        for (std::int64_t t = 0; t < ids.size(1); ++t) {
            if (mask[b][t].item<std::int64_t>())
                seen.insert(ids[b][t].item<std::int64_t>());
        }
        for (int t = 0; t < 12; ++t) {
            const std::int64_t tok = out.tokens[b][t].item<std::int64_t>();
            QVERIFY2(
                !seen.count(tok),
                qPrintable(QStringLiteral("row %1 step %2 repeats %3").arg(b).arg(t).arg(tok)));
            seen.insert(tok);
        }
    }
    // Without the penalty this greedy model repeats itself.
    cfg.repetitionPenalty = 1.0;
    const GenerationOutput plain = run(m, cfg);
    bool repeats = false;
    for (int b = 0; b < 4; ++b) {
        const auto row = plain.tokens[b];
        repeats |= std::get<0>(at::_unique(row)).size(0) < row.size(0);
    }
    QVERIFY(repeats);
}

void TestGeneration::adapterIsFoldedIn()
{
    LlamaForCausalLM m = makeModel();
    QVERIFY(addLora(*m, LoraConfig{}, 1).ok());
    {
        torch::NoGradGuard noGrad;
        auto gen = at::detail::createCPUGenerator(2);
        for (auto &b : loraParameters(*m))
            if (b.size(1) == 16)
                b.copy_(at::empty(b.sizes()).normal_(0, 0.5, gen));
    }
    GenerationConfig cfg;
    cfg.maxNewTokens = 5;
    cfg.returnLogits = true;
    const GenerationOutput on = run(m, cfg);
    auto [ids, mask] = prompts();
    torch::NoGradGuard noGrad;
    const at::Tensor full =
        m->forward(at::cat({ids, on.tokens}, 1), at::cat({mask, at::ones({4, 5}, at::kLong)}, 1))
            .narrow(1, ids.size(1) - 1, 5);
    QVERIFY((full - on.logits).abs().max().item<double>() < kTolerance);
    setLoraEnabled(*m, false);
    const GenerationOutput off = run(m, cfg);
    QVERIFY((off.logits.select(1, 0) - on.logits.select(1, 0)).abs().max().item<double>() > 1e-2);
}

void TestGeneration::rejectsBadInput()
{
    LlamaForCausalLM m = makeModel();
    GenerationConfig cfg;
    auto gen = at::detail::createCPUGenerator(1);
    auto [ids, mask] = prompts();
    at::Tensor emptyRow = mask.clone();
    emptyRow[1].fill_(0);
    QVERIFY(!generate(*m, ids, emptyRow, cfg, gen).ok());
    cfg.maxNewTokens = 200; // 12 + 200 > 128 positions
    Result<GenerationOutput> tooLong = generate(*m, ids, mask, cfg, gen);
    QVERIFY(!tooLong.ok());
    QVERIFY(tooLong.error().contains(QLatin1String("context")));
    cfg.maxNewTokens = 4;
    QVERIFY(!generate(*m, ids + 1000, mask, cfg, gen).ok());
    QVERIFY(!generate(*m, ids, mask.narrow(1, 0, 3), cfg, gen).ok());
}

QTEST_GUILESS_MAIN(TestGeneration)
#include "test_generation.moc"
