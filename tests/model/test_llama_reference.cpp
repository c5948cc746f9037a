// The Llama port against an independent reference: tests/model/reference_llama.py re-implements
// Hugging Face's LlamaForCausalLM forward in plain torch (Debian's python3-torch), writes random
// GQA checkpoints in the HF layout and their logits; here they are loaded as they are and
// compared. Tolerance: max |logit difference| < 1e-4 over real positions (logits are O(1-10);
// both sides compute in float32 with different operation order, which costs ~1e-6).
// Also: exact HF parameter names, load errors that name the problem, save/load round trip and
// the reward head.
#include "core/model/heads.h"
#include "core/model/llama.h"
#include "core/model/safetensors.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace lab;

namespace {

constexpr double kTolerance = 1e-4;

at::Tensor read(const SafetensorsFile &file, const char *name, at::ScalarType type = at::kFloat)
{
    Result<at::Tensor> t = file.tensor(name, type);
    if (!t)
        qFatal("%s", qPrintable(t.error()));
    return *t;
}

double maxDiffAtRealPositions(const at::Tensor &a, const at::Tensor &b, const at::Tensor &mask)
{
    const at::Tensor real = mask.to(at::kBool).unsqueeze(-1).expand_as(a);
    return (a - b).abs().masked_select(real).max().item<double>();
}

} // namespace

class TestLlamaReference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parameterNamesAreHuggingFaces();
    void logitsMatchReference_data();
    void logitsMatchReference();
    void saveLoadRoundTrip();
    void loadReportsMissingAndMismatched();
    void rewardHeadReadsLastRealToken();

private:
    QTemporaryDir m_dir;
    QString m_skipReason;
};

void TestLlamaReference::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString python = QStringLiteral("/usr/bin/python3");
    if (!QFile::exists(python)) {
        m_skipReason = QStringLiteral("no /usr/bin/python3 for the reference");
        return;
    }
    QProcess probe;
    probe.start(python, {QStringLiteral("-c"), QStringLiteral("import torch, numpy")});
    probe.waitForFinished(120000);
    if (probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0) {
        m_skipReason = QStringLiteral("python3-torch (with numpy) is not installed; the reference "
                                      "cannot run");
        return;
    }
    QProcess ref;
    ref.setProcessChannelMode(QProcess::MergedChannels);
    ref.start(python,
              {QStringLiteral(LAB_SOURCE_DIR "/tests/model/reference_llama.py"), m_dir.path()});
    QVERIFY2(ref.waitForFinished(300000), "reference_llama.py did not finish");
    QVERIFY2(ref.exitCode() == 0, ref.readAll().constData());
}

void TestLlamaReference::parameterNamesAreHuggingFaces()
{
    LlamaConfig c = LlamaConfig::labTiny();
    c.numLayers = 2;
    LlamaForCausalLM model(c);
    std::set<std::string> names;
    for (const auto &p : model->named_parameters())
        names.insert(p.key());
    std::set<std::string> expected{"model.embed_tokens.weight", "model.norm.weight",
                                   "lm_head.weight"};
    for (int i = 0; i < 2; ++i) {
        const std::string p = "model.layers." + std::to_string(i) + ".";
        for (const char *n : {"input_layernorm", "post_attention_layernorm", "self_attn.q_proj",
                              "self_attn.k_proj", "self_attn.v_proj", "self_attn.o_proj",
                              "mlp.gate_proj", "mlp.up_proj", "mlp.down_proj"})
            expected.insert(p + n + ".weight");
    }
    QCOMPARE(names, expected);
    QCOMPARE(model->named_buffers().size(), size_t(0)); // nothing hidden that a checkpoint lacks

    c.tieWordEmbeddings = true;
    LlamaForCausalLM tied(c);
    QCOMPARE(tied->named_parameters().size(), expected.size() - 1); // no lm_head
}

void TestLlamaReference::logitsMatchReference_data()
{
    QTest::addColumn<QString>("variant");
    QTest::newRow("untied lm_head") << QStringLiteral("untied");
    QTest::newRow("tied embeddings") << QStringLiteral("tied");
}

void TestLlamaReference::logitsMatchReference()
{
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    QFETCH(QString, variant);
    const QString dir = m_dir.filePath(variant);
    Result<LlamaForCausalLM> model = loadCausalLM(dir);
    QVERIFY2(model.ok(), qPrintable(model.error()));
    (*model)->eval();
    // The reference deliberately uses values that differ from our defaults.
    QCOMPARE((*model)->config().numKvHeads, 2);
    QCOMPARE((*model)->config().ropeTheta, 5000.0);
    QCOMPARE((*model)->config().rmsNormEps, 1e-5);
    QCOMPARE((*model)->config().tieWordEmbeddings, variant == QLatin1String("tied"));

    Result<SafetensorsFile> expected =
        SafetensorsFile::open(QDir(dir).filePath(QStringLiteral("expected.safetensors")));
    QVERIFY2(expected.ok(), qPrintable(expected.error()));
    torch::NoGradGuard noGrad;

    const at::Tensor idsFull = read(*expected, "ids_full", at::kLong);
    const at::Tensor maskFull = read(*expected, "mask_full", at::kLong);
    const at::Tensor full = (*model)->forward(idsFull, maskFull);
    const double diffFull = maxDiffAtRealPositions(full, read(*expected, "logits_full"), maskFull);
    qInfo("%s, no padding: max |logit diff| %.3g", qPrintable(variant), diffFull);
    QVERIFY2(diffFull < kTolerance, qPrintable(QString::number(diffFull)));
    // Logits that barely depend on the weights would make the comparison meaningless.
    QVERIFY(full.std().item<double>() > 0.5);

    // Left padding: positions cumsum(mask) - 1 (our default) against the reference's explicit ids.
    const at::Tensor idsLeft = read(*expected, "ids_left", at::kLong);
    const at::Tensor maskLeft = read(*expected, "mask_left", at::kLong);
    QVERIFY(positionsFromMask(maskLeft).equal(read(*expected, "pos_left", at::kLong)));
    const at::Tensor left = (*model)->forward(idsLeft, maskLeft);
    const double diffLeft = maxDiffAtRealPositions(left, read(*expected, "logits_left"), maskLeft);
    qInfo("%s, left-padded: max |logit diff| %.3g", qPrintable(variant), diffLeft);
    QVERIFY2(diffLeft < kTolerance, qPrintable(QString::number(diffLeft)));
    QVERIFY(left.isfinite().all().item<bool>()); // fully masked pad rows stay finite
}

void TestLlamaReference::saveLoadRoundTrip()
{
    LlamaConfig c = LlamaConfig::labTiny();
    c.numLayers = 2;
    c.numKvHeads = 2;
    c.vocabSize = 500;
    LlamaForCausalLM model(c);
    initLlamaWeights(*model, 42);
    QTemporaryDir dir;
    QVERIFY(saveCausalLM(model, dir.path()).ok());
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("config.json"))));
    Result<LlamaForCausalLM> again = loadCausalLM(dir.path());
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE((*again)->config(), c);
    torch::NoGradGuard noGrad;
    const at::Tensor ids =
        at::randint(0, 500, {2, 9}, at::detail::createCPUGenerator(1), at::kLong);
    QVERIFY(model->forward(ids).equal((*again)->forward(ids)));
}

void TestLlamaReference::loadReportsMissingAndMismatched()
{
    LlamaConfig c = LlamaConfig::labTiny();
    c.numLayers = 1;
    c.vocabSize = 64;
    LlamaForCausalLM model(c);
    initLlamaWeights(*model, 1);
    std::map<std::string, at::Tensor> tensors;
    for (auto &[name, t] : baseParameters(*model))
        tensors[name] = t;

    auto withoutQ = tensors;
    withoutQ.erase("model.layers.0.self_attn.q_proj.weight");
    withoutQ["model.layers.0.self_attn.rotary_emb.inv_freq"] =
        at::ones({32}); // old HF files have it
    withoutQ["model.extra.weight"] = at::ones({3});
    LlamaForCausalLM target(c);
    LoadReport report;
    Status s = loadParameters(*target, withoutQ, QStringLiteral("ckpt"),
                              {QStringLiteral("rotary_emb.inv_freq")}, &report);
    QVERIFY(!s.ok());
    QCOMPARE(report.missing, QStringList{QStringLiteral("model.layers.0.self_attn.q_proj.weight")});
    QCOMPARE(report.unexpected, QStringList{QStringLiteral("model.extra.weight")});
    QVERIFY(s.error().contains(QLatin1String("ckpt")));
    QVERIFY(s.error().contains(QLatin1String("q_proj")));
    // Nothing was copied by the failed load.
    QVERIFY(!target->model->embedTokens->weight.equal(model->model->embedTokens->weight));

    LlamaConfig gqa = c;
    gqa.numKvHeads = 2;
    LlamaForCausalLM other(gqa);
    s = loadParameters(*other, tensors, QStringLiteral("ckpt"), {}, &report);
    QVERIFY(!s.ok());
    QCOMPARE(report.mismatched.size(), 2); // k_proj and v_proj
    QVERIFY(s.error().contains(
        QLatin1String("k_proj.weight: checkpoint [256, 256], model [128, 256]")));

    QVERIFY(!loadCausalLM(QStringLiteral("/nonexistent/model")).ok());
}

void TestLlamaReference::rewardHeadReadsLastRealToken()
{
    LlamaConfig c = LlamaConfig::labTiny();
    c.numLayers = 1;
    c.vocabSize = 100;
    LlamaRewardModel rm(c);
    initLlamaWeights(*rm, 3);
    std::set<std::string> names;
    for (const auto &p : rm->named_parameters())
        names.insert(p.key());
    QVERIFY(names.count("score.weight"));
    QVERIFY(names.count("model.embed_tokens.weight"));
    QCOMPARE(rm->score->weight.sizes(), (at::IntArrayRef{1, 256}));

    torch::NoGradGuard noGrad;
    const at::Tensor ids =
        at::randint(1, 100, {2, 7}, at::detail::createCPUGenerator(5), at::kLong);
    at::Tensor mask = at::ones({2, 7}, at::kLong);
    mask[1].narrow(0, 4, 3).fill_(0); // row 1: 4 real tokens, right-padded
    const at::Tensor perToken = rm->perToken(ids, mask);
    const at::Tensor rewards = rm->forward(ids, mask);
    QCOMPARE(rewards.sizes(), (at::IntArrayRef{2}));
    QVERIFY(std::abs(rewards[0].item<double>() - perToken[0][6].item<double>()) < 1e-6);
    QVERIFY(std::abs(rewards[1].item<double>() - perToken[1][3].item<double>()) < 1e-6);
    // Right padding cannot change what the real tokens see.
    const at::Tensor alone =
        rm->forward(ids[1].narrow(0, 0, 4).unsqueeze(0), at::ones({1, 4}, at::kLong));
    QVERIFY(std::abs(alone[0].item<double>() - rewards[1].item<double>()) < 1e-5);
    QVERIFY(lastTokenIndex(mask.flip(1)).equal(at::tensor(std::vector<int64_t>{6, 6})));

    QTemporaryDir dir;
    QVERIFY(saveRewardModel(rm, dir.path()).ok());
    Result<LlamaRewardModel> again = loadRewardModel(dir.path());
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QVERIFY((*again)->forward(ids, mask).equal(rewards));
    // A causal LM folder needs allowNewHead to become a reward model.
    LlamaForCausalLM lm(c);
    QTemporaryDir lmDir;
    QVERIFY(saveCausalLM(lm, lmDir.path()).ok());
    QVERIFY(!loadRewardModel(lmDir.path()).ok());
    QVERIFY(loadRewardModel(lmDir.path(), true, 9).ok());
}

QTEST_GUILESS_MAIN(TestLlamaReference)
#include "test_llama_reference.moc"
