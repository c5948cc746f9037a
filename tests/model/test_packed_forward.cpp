// The packed (unpadded) training forward against the padded LlamaForCausalLM::forward with a
// right-padded mask and torch's cross entropy (ignore_index -100, HF's shifted labels): loss
// within 1e-5 relative, every parameter's gradient within kGradTolerance of the largest entry of
// that gradient, with and without a LoRA adapter, MHA and GQA, lengths 1 and 2 and sequences
// longer than one attention query block (128). Also: per-sequence log-probs, prompt masking, the
// generic (non-float32) path, and a falling SFT loss under AdamW.
#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/model/packed_forward.h"

#include <ATen/ATen.h>
#include <torch/nn/utils/clip_grad.h>
#include <torch/optim/adamw.h>
#include <torch/utils.h>

#include <QtTest>

#include <map>

using namespace lab;

namespace {

constexpr double kLossTolerance = 1e-5; // relative
constexpr double kGradTolerance = 2e-5; // of max |gradient| of the same tensor
constexpr std::int64_t kIgnore = -100;

LlamaConfig smallConfig(int kvHeads)
{
    LlamaConfig c;
    c.vocabSize = 300;
    c.hiddenSize = 64;
    c.intermediateSize = 96;
    c.numLayers = 2;
    c.numHeads = 4;
    c.numKvHeads = kvHeads;
    c.maxPositionEmbeddings = 512;
    c.ropeTheta = 5000;
    return c;
}

LlamaForCausalLM makeModel(int kvHeads, std::uint64_t seed = 21)
{
    LlamaForCausalLM m(smallConfig(kvHeads));
    initLlamaWeights(*m, seed);
    // Sharper than the 0.02 init so attention and the output distribution are far from uniform.
    torch::NoGradGuard noGrad;
    for (auto &p : m->parameters())
        if (p.dim() == 2)
            p.mul_(4.0);
    // Norm weights away from 1, so their gradients are exercised in a general position.
    auto gen = at::detail::createCPUGenerator(seed + 1);
    for (auto &p : m->parameters())
        if (p.dim() == 1)
            p.copy_(at::empty(p.sizes()).uniform_(0.5, 1.5, gen));
    return m;
}

std::vector<std::vector<std::int64_t>> randomSequences(const std::vector<int> &lengths,
                                                       std::uint64_t seed, int vocab = 300)
{
    auto gen = at::detail::createCPUGenerator(seed);
    std::vector<std::vector<std::int64_t>> out;
    for (int n : lengths) {
        const at::Tensor t = at::randint(1, vocab, {n}, gen, at::kLong);
        out.emplace_back(t.data_ptr<std::int64_t>(), t.data_ptr<std::int64_t>() + n);
    }
    return out;
}

struct Padded
{
    at::Tensor ids, mask, labels; // [B, L]; labels as HF: the token itself or -100
};

// Right-padded, HF style; tokens before promptLen[s] get label -100 as a trainer masks a prompt.
Padded padRight(const std::vector<std::vector<std::int64_t>> &seqs,
                const std::vector<std::int64_t> &promptLen = {})
{
    std::int64_t L = 0;
    for (const auto &s : seqs)
        L = std::max<std::int64_t>(L, std::int64_t(s.size()));
    const auto B = std::int64_t(seqs.size());
    Padded p{at::zeros({B, L}, at::kLong), at::zeros({B, L}, at::kLong),
             at::full({B, L}, kIgnore, at::kLong)};
    for (std::int64_t b = 0; b < B; ++b) {
        for (std::int64_t i = 0; i < std::int64_t(seqs[size_t(b)].size()); ++i) {
            p.ids[b][i] = seqs[size_t(b)][size_t(i)];
            p.mask[b][i] = 1;
            if (promptLen.empty() || i >= promptLen[size_t(b)])
                p.labels[b][i] = seqs[size_t(b)][size_t(i)];
        }
    }
    return p;
}

// HF LlamaForCausalLM's loss: logits[:, :-1] against labels[:, 1:], -100 ignored, mean.
at::Tensor paddedLoss(LlamaForCausalLM &m, const Padded &p)
{
    const at::Tensor logits = m->forward(p.ids, p.mask);
    const std::int64_t V = logits.size(-1), L = logits.size(1);
    return at::cross_entropy_loss(logits.narrow(1, 0, L - 1).reshape({-1, V}),
                                  p.labels.narrow(1, 1, L - 1).reshape({-1}), {},
                                  at::Reduction::Mean, kIgnore);
}

// TRL's get_batch_logps: summed log-probs of the tokens whose label is not -100.
at::Tensor paddedLogProbs(LlamaForCausalLM &m, const Padded &p)
{
    const at::Tensor logits = m->forward(p.ids, p.mask);
    const std::int64_t L = logits.size(1);
    const at::Tensor labels = p.labels.narrow(1, 1, L - 1);
    const at::Tensor lp = at::log_softmax(logits.narrow(1, 0, L - 1), -1)
                              .gather(2, labels.clamp_min(0).unsqueeze(2))
                              .squeeze(2);
    return (lp * (labels != kIgnore)).sum(-1);
}

std::map<std::string, at::Tensor> takeGrads(torch::nn::Module &m)
{
    std::map<std::string, at::Tensor> grads;
    for (auto &p : m.named_parameters()) {
        if (p.value().grad().defined()) {
            grads[p.key()] = p.value().grad().clone();
            p.value().mutable_grad() = at::Tensor();
        }
    }
    return grads;
}

// Every parameter has a gradient on both sides or on neither; present ones are equal within
// tolerance.
void compareGrads(torch::nn::Module &m, const std::map<std::string, at::Tensor> &packed,
                  const std::map<std::string, at::Tensor> &padded)
{
    int trainable = 0;
    double worst = 0;
    std::string worstName;
    for (auto &p : m.named_parameters()) {
        if (!p.value().requires_grad())
            continue;
        const auto a = packed.find(p.key()), b = padded.find(p.key());
        // A merged adapter's A and B take no part in either forward, so neither side has one.
        QVERIFY2((a == packed.end()) == (b == padded.end()),
                 ("a gradient on one side only for " + p.key()).c_str());
        if (a == packed.end())
            continue;
        ++trainable;
        const double scale = b->second.abs().max().item<double>();
        const double diff = (a->second - b->second).abs().max().item<double>();
        const double rel = diff / std::max(scale, 1e-30);
        if (rel > worst) {
            worst = rel;
            worstName = p.key();
        }
        QVERIFY2(diff <= kGradTolerance * scale,
                 qPrintable(QStringLiteral("%1: max |diff| %2, max |grad| %3")
                                .arg(QString::fromStdString(p.key()))
                                .arg(diff)
                                .arg(scale)));
    }
    QCOMPARE(int(packed.size()), trainable);
    qInfo("%d gradients, worst max|diff| / max|grad| = %.3g (%s)", trainable, worst,
          worstName.c_str());
}

} // namespace

class TestPackedForward : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void packSequencesLabels();
    void lossAndGradsMatchPadded_data();
    void lossAndGradsMatchPadded();
    void loraGradsMatchPadded();
    void promptMaskedLossMatchesPadded();
    void sequenceLogProbsMatchPadded();
    void genericPathMatchesPadded();
    void rejectsBadBatches();
    void sftLossFalls();
};

void TestPackedForward::packSequencesLabels()
{
    const PackedBatch b = packSequences({{5, 6, 7}, {8}, {9, 10}}, {1, 0, 0});
    QCOMPARE(b.lengths, (std::vector<std::int64_t>{3, 1, 2}));
    QCOMPARE(b.ids.sizes(), (at::IntArrayRef{6}));
    QVERIFY(b.ids.equal(at::tensor(std::vector<std::int64_t>{5, 6, 7, 8, 9, 10})));
    // Sequence 0 trains from position 1 (predicting 7); the last token of each has no label.
    QVERIFY(b.labels.equal(at::tensor(std::vector<std::int64_t>{-100, 7, -100, -100, 10, -100})));
    QVERIFY(packedLastTokenIndex(b).equal(at::tensor(std::vector<std::int64_t>{2, 3, 5})));
    const PackedBatch all = packSequences({{1, 2}, {3, 4, 5}});
    QVERIFY(all.labels.equal(at::tensor(std::vector<std::int64_t>{2, -100, 4, 5, -100})));
}

void TestPackedForward::lossAndGradsMatchPadded_data()
{
    QTest::addColumn<int>("kvHeads");
    QTest::addColumn<QVector<int>>("lengths");
    QTest::newRow("mha, short and block-crossing") << 4 << QVector<int>{1, 2, 37, 130, 260, 5};
    QTest::newRow("gqa, short and block-crossing") << 2 << QVector<int>{300, 2, 1, 129, 64, 128};
    QTest::newRow("mha, one sequence") << 4 << QVector<int>{257};
    QTest::newRow("gqa, lengths 1 and 2 only") << 2 << QVector<int>{2, 1, 2};
}

void TestPackedForward::lossAndGradsMatchPadded()
{
    QFETCH(int, kvHeads);
    QFETCH(QVector<int>, lengths);
    LlamaForCausalLM m = makeModel(kvHeads);
    const auto seqs = randomSequences({lengths.begin(), lengths.end()}, 7);

    const at::Tensor packedLoss = packedCausalLmLoss(*m, packSequences(seqs));
    packedLoss.backward();
    const auto packedGrads = takeGrads(*m);
    const at::Tensor reference = paddedLoss(m, padRight(seqs));
    reference.backward();
    const auto paddedGrads = takeGrads(*m);

    const double a = packedLoss.item<double>(), b = reference.item<double>();
    qInfo("loss packed %.8f padded %.8f", a, b);
    QVERIFY2(std::abs(a - b) <= kLossTolerance * std::abs(b), qPrintable(QString::number(a - b)));
    compareGrads(*m, packedGrads, paddedGrads);

    // Without autograd the loss is the same number.
    torch::NoGradGuard noGrad;
    QCOMPARE(packedCausalLmLoss(*m, packSequences(seqs)).item<double>(), a);
}

void TestPackedForward::loraGradsMatchPadded()
{
    for (int kvHeads : {4, 2}) {
        LlamaForCausalLM m = makeModel(kvHeads);
        Result<std::vector<torch::Tensor>> params = addLora(*m, LoraConfig::withMlp(8, 16), 3);
        QVERIFY(params.ok());
        {
            // A trained-looking adapter (B = 0 would hide A's gradient).
            torch::NoGradGuard noGrad;
            auto gen = at::detail::createCPUGenerator(5);
            for (auto &p : loraParameters(*m))
                p.copy_(at::empty(p.sizes()).normal_(0, 0.1, gen));
        }
        // One projection merged, one switched off: both paths must agree on those too.
        m->model->layerList[0]->mlp->upProj->merge();
        m->model->layerList[1]->selfAttn->kProj->setAdapterEnabled(false);
        const auto seqs = randomSequences({3, 140, 1, 60}, 9);
        const at::Tensor packedLoss = packedCausalLmLoss(*m, packSequences(seqs));
        packedLoss.backward();
        const auto packedGrads = takeGrads(*m);
        const at::Tensor reference = paddedLoss(m, padRight(seqs));
        reference.backward();
        const auto paddedGrads = takeGrads(*m);
        qInfo("lora, %d kv heads: loss packed %.8f padded %.8f", kvHeads, packedLoss.item<double>(),
              reference.item<double>());
        QVERIFY(std::abs(packedLoss.item<double>() - reference.item<double>()) <=
                kLossTolerance * reference.item<double>());
        // Only A and B train; the merged projection's A and B get none on either side.
        QVERIFY(packedGrads.count("model.layers.0.self_attn.q_proj.lora_A.weight"));
        QVERIFY(packedGrads.count("model.layers.1.mlp.down_proj.lora_B.weight"));
        QVERIFY(!packedGrads.count("model.layers.0.self_attn.q_proj.weight"));
        QVERIFY(!packedGrads.count("model.layers.0.mlp.up_proj.lora_A.weight"));
        compareGrads(*m, packedGrads, paddedGrads);
    }
}

void TestPackedForward::promptMaskedLossMatchesPadded()
{
    LlamaForCausalLM m = makeModel(2);
    const auto seqs = randomSequences({40, 200, 3, 1}, 11);
    const std::vector<std::int64_t> prompt{30, 150, 1, 1}; // tokens before these have no loss
    std::vector<std::int64_t> lossFrom;
    for (std::int64_t p : prompt)
        lossFrom.push_back(p - 1); // the last prompt token predicts the first trained one
    const at::Tensor packedLoss = packedCausalLmLoss(*m, packSequences(seqs, lossFrom));
    packedLoss.backward();
    const auto packedGrads = takeGrads(*m);
    const at::Tensor reference = paddedLoss(m, padRight(seqs, prompt));
    reference.backward();
    const auto paddedGrads = takeGrads(*m);
    QVERIFY(std::abs(packedLoss.item<double>() - reference.item<double>()) <=
            kLossTolerance * reference.item<double>());
    compareGrads(*m, packedGrads, paddedGrads);
}

void TestPackedForward::sequenceLogProbsMatchPadded()
{
    LlamaForCausalLM m = makeModel(4);
    QVERIFY(addLora(*m, LoraConfig{}, 3).ok());
    {
        torch::NoGradGuard noGrad;
        auto gen = at::detail::createCPUGenerator(8);
        for (auto &p : loraParameters(*m))
            p.copy_(at::empty(p.sizes()).normal_(0, 0.1, gen));
    }
    const auto seqs = randomSequences({90, 150, 20, 2}, 13);
    const std::vector<std::int64_t> prompt{60, 100, 5, 1};
    std::vector<std::int64_t> lossFrom;
    for (std::int64_t p : prompt)
        lossFrom.push_back(p - 1);
    const PackedBatch batch = packSequences(seqs, lossFrom);
    auto [logps, counts] = packedSequenceLogProbs(*m, batch);
    QVERIFY(counts.equal(at::tensor(std::vector<std::int64_t>{30, 50, 15, 1})));
    // A DPO-like weighting, so each sequence's gradient is scaled differently.
    const at::Tensor weights = at::tensor(std::vector<float>{1.0f, -2.0f, 0.5f, 3.0f});
    (logps * weights).sum().backward();
    const auto packedGrads = takeGrads(*m);
    const at::Tensor reference = paddedLogProbs(m, padRight(seqs, prompt));
    (reference * weights).sum().backward();
    const auto paddedGrads = takeGrads(*m);
    const double diff = (logps - reference).abs().max().item<double>();
    qInfo("log-probs packed %s, max |diff| %.3g",
          qPrintable(QString::number(logps[1].item<double>())), diff);
    QVERIFY(diff <= kLossTolerance * reference.abs().max().item<double>());
    compareGrads(*m, packedGrads, paddedGrads);

    // Adapter off (DPO's reference) under no_grad: the base model's log-probs.
    setLoraEnabled(*m, false);
    torch::NoGradGuard noGrad;
    const at::Tensor refOff = paddedLogProbs(m, padRight(seqs, prompt));
    const at::Tensor packedOff = packedSequenceLogProbs(*m, batch).first;
    QVERIFY((packedOff - refOff).abs().max().item<double>() <=
            kLossTolerance * refOff.abs().max().item<double>());
    QVERIFY((packedOff - logps.detach()).abs().max().item<double>() > 1e-3);
}

void TestPackedForward::genericPathMatchesPadded()
{
    // Float64 takes the plain-LibTorch path (as other devices do); compare it with the padded
    // forward in float64 too. The padded RMSNorm rounds through float32, hence the float tolerance.
    LlamaForCausalLM m = makeModel(2);
    m->to(at::kDouble);
    const auto seqs = randomSequences({1, 2, 70, 140}, 17);
    const at::Tensor packedLoss = packedCausalLmLoss(*m, packSequences(seqs));
    packedLoss.backward();
    const auto packedGrads = takeGrads(*m);
    const at::Tensor reference = paddedLoss(m, padRight(seqs));
    reference.backward();
    const auto paddedGrads = takeGrads(*m);
    QCOMPARE(packedLoss.scalar_type(), at::kDouble);
    QVERIFY(std::abs(packedLoss.item<double>() - reference.item<double>()) <=
            kLossTolerance * reference.item<double>());
    compareGrads(*m, packedGrads, paddedGrads);
    auto [logps, counts] = packedSequenceLogProbs(*m, packSequences(seqs));
    QVERIFY(
        (logps.detach() - paddedLogProbs(m, padRight(seqs)).detach()).abs().max().item<double>() <
        1e-3);
}

void TestPackedForward::rejectsBadBatches()
{
    LlamaForCausalLM m = makeModel(4);
    QVERIFY_THROWS_EXCEPTION(c10::Error, packSequences({{1, 2}, {}}));
    QVERIFY_THROWS_EXCEPTION(c10::Error, packSequences({{1, 2}}, {0, 1}));
    PackedBatch b = packSequences({{1, 2, 3}});
    b.lengths = {2};
    QVERIFY_THROWS_EXCEPTION(c10::Error, packedHidden(*m, b));
    // All-prompt batch: no label, a zero loss rather than NaN.
    const PackedBatch prompts = packSequences({{1, 2, 3}}, {5});
    QCOMPARE(packedCausalLmLoss(*m, prompts).item<double>(), 0.0);
}

void TestPackedForward::sftLossFalls()
{
    // A tiny repeated corpus: the same four sequences every step, AdamW as the trainer uses it.
    LlamaForCausalLM m(smallConfig(4));
    initLlamaWeights(*m, 3);
    m->train();
    const PackedBatch batch = packSequences(randomSequences({24, 40, 9, 33}, 23, 60));
    torch::optim::AdamW opt(m->parameters(), torch::optim::AdamWOptions(3e-3).weight_decay(0.01));
    std::vector<double> losses;
    for (int step = 0; step < 30; ++step) {
        opt.zero_grad();
        const at::Tensor loss = packedCausalLmLoss(*m, batch);
        loss.backward();
        torch::nn::utils::clip_grad_norm_(m->parameters(), 1.0);
        opt.step();
        losses.push_back(loss.item<double>());
    }
    qInfo("sft loss: step 0 %.4f, 10 %.4f, 29 %.4f", losses[0], losses[10], losses[29]);
    QVERIFY(std::abs(losses[0] - std::log(300.0)) < 0.2); // near uniform at the start
    QVERIFY(losses[29] < 0.5 * losses[0]);
    QVERIFY(losses[29] < losses[10]);
}

QTEST_GUILESS_MAIN(TestPackedForward)
#include "test_packed_forward.moc"
