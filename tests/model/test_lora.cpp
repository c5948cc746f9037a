// LoRA in the PEFT convention: off is the base bit for bit, merged equals unmerged, the adapter
// round-trips through the PEFT file layout with PEFT's key names and shapes, and only the adapter
// trains.
#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/model/safetensors.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <set>

using namespace lab;

namespace {

LlamaConfig smallConfig()
{
    LlamaConfig c;
    c.vocabSize = 200;
    c.hiddenSize = 64;
    c.intermediateSize = 96;
    c.numLayers = 2;
    c.numHeads = 4;
    c.numKvHeads = 2; // GQA: k_proj/v_proj are [32, 64]
    c.maxPositionEmbeddings = 64;
    return c;
}

LlamaForCausalLM baseModel()
{
    LlamaForCausalLM m(smallConfig());
    initLlamaWeights(*m, 11);
    return m;
}

// A trained-looking adapter: B random instead of zero, so the adapter changes the output.
void randomiseB(torch::nn::Module &root, std::uint64_t seed)
{
    torch::NoGradGuard noGrad;
    auto gen = at::detail::createCPUGenerator(seed);
    for (auto &[name, lin] : loraTargets(root, LoraConfig::withMlp().targetModules)) {
        if (lin->hasAdapter())
            lin->loraB().copy_(at::empty(lin->loraB().sizes()).normal_(0, 0.05, gen));
    }
}

struct Batch
{
    at::Tensor ids, mask;
};

Batch batch()
{
    auto gen = at::detail::createCPUGenerator(3);
    Batch b{at::randint(1, 200, {3, 10}, gen, at::kLong), at::ones({3, 10}, at::kLong)};
    b.mask[2].narrow(0, 6, 4).fill_(0);
    return b;
}

} // namespace

class TestLora : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshAdapterIsInitialisedAsPeft();
    void disabledIsBaseBitForBit();
    void mergedEqualsUnmerged();
    void onlyAdapterTrains();
    void peftSaveLoadRoundTrip();
    void loadRejectsMismatchedAdapter();
    void mlpTargets();
};

void TestLora::freshAdapterIsInitialisedAsPeft()
{
    LlamaForCausalLM m = baseModel();
    LoraConfig cfg; // r 16, alpha 32 on q,k,v,o
    Result<std::vector<torch::Tensor>> params = addLora(*m, cfg, 5);
    QVERIFY2(params.ok(), qPrintable(params.error()));
    QCOMPARE(params->size(), size_t(2 * 4 * 2)); // A and B, 4 projections, 2 layers
    auto q = m->model->layerList[0]->selfAttn->qProj;
    QCOMPARE(q->loraA().sizes(), (at::IntArrayRef{16, 64}));
    QCOMPARE(q->loraB().sizes(), (at::IntArrayRef{64, 16}));
    QCOMPARE(m->model->layerList[0]->selfAttn->kProj->loraB().sizes(), (at::IntArrayRef{32, 16}));
    QCOMPARE(q->scale(), 2.0);
    QVERIFY(q->loraB().eq(0).all().item<bool>());
    // kaiming_uniform(a = sqrt(5)) on [r, in]: U(-1/sqrt(in), 1/sqrt(in)).
    const double bound = 1.0 / std::sqrt(64.0);
    QVERIFY(q->loraA().abs().max().item<double>() <= bound);
    QVERIFY(q->loraA().abs().max().item<double>() > 0.9 * bound);
    // Seeded: the same seed draws the same A.
    LlamaForCausalLM other = baseModel();
    QVERIFY(addLora(*other, cfg, 5).ok());
    QVERIFY(other->model->layerList[0]->selfAttn->qProj->loraA().equal(q->loraA()));
    // A second adapter on the same modules is refused.
    QVERIFY(!addLora(*m, cfg).ok());
    // Adapter names sit under the projection, as PEFT's do.
    std::set<std::string> names;
    for (const auto &p : m->named_parameters())
        names.insert(p.key());
    QVERIFY(names.count("model.layers.1.self_attn.o_proj.lora_A.weight"));
    QVERIFY(names.count("model.layers.1.self_attn.o_proj.lora_B.weight"));
    QVERIFY(names.count("model.layers.1.self_attn.o_proj.weight"));
}

void TestLora::disabledIsBaseBitForBit()
{
    LlamaForCausalLM m = baseModel();
    const Batch b = batch();
    torch::Tensor base, fresh, adapted, off, onAgain;
    {
        torch::NoGradGuard noGrad;
        base = m->forward(b.ids, b.mask);
    }
    QVERIFY(addLora(*m, LoraConfig{}, 1).ok());
    {
        torch::NoGradGuard noGrad;
        fresh = m->forward(b.ids, b.mask); // B = 0
        randomiseB(*m, 2);
        adapted = m->forward(b.ids, b.mask);
        setLoraEnabled(*m, false);
        off = m->forward(b.ids, b.mask);
        setLoraEnabled(*m, true);
        onAgain = m->forward(b.ids, b.mask);
    }
    QVERIFY(fresh.equal(base));
    QVERIFY((adapted - base).abs().max().item<double>() > 1e-3);
    QVERIFY(off.equal(base));
    QVERIFY(onAgain.equal(adapted));
}

void TestLora::mergedEqualsUnmerged()
{
    LlamaForCausalLM m = baseModel();
    const Batch b = batch();
    const torch::Tensor w0 = m->model->layerList[1]->selfAttn->vProj->weight.clone();
    QVERIFY(addLora(*m, LoraConfig{}, 1).ok());
    randomiseB(*m, 4);
    torch::NoGradGuard noGrad;
    const torch::Tensor unmerged = m->forward(b.ids, b.mask);
    mergeLora(*m);
    QVERIFY(m->model->layerList[0]->selfAttn->qProj->merged());
    QVERIFY(!m->model->layerList[1]->selfAttn->vProj->weight.equal(w0));
    const torch::Tensor merged = m->forward(b.ids, b.mask);
    const double diff = (merged - unmerged).abs().max().item<double>();
    qInfo("merged vs unmerged: max |logit diff| %.3g", diff);
    QVERIFY(diff < 1e-4);
    unmergeLora(*m);
    QVERIFY((m->model->layerList[1]->selfAttn->vProj->weight - w0).abs().max().item<double>() <
            1e-6);
    QVERIFY((m->forward(b.ids, b.mask) - unmerged).abs().max().item<double>() < 1e-4);
    // Disabling a merged adapter unmerges it first.
    mergeLora(*m);
    setLoraEnabled(*m, false);
    QVERIFY(!m->model->layerList[0]->selfAttn->qProj->merged());
    QVERIFY((m->model->layerList[1]->selfAttn->vProj->weight - w0).abs().max().item<double>() <
            1e-6);
}

void TestLora::onlyAdapterTrains()
{
    LlamaForCausalLM m = baseModel();
    Result<std::vector<torch::Tensor>> params = addLora(*m, LoraConfig{}, 1);
    QVERIFY(params.ok());
    QCOMPARE(loraParameters(*m).size(), params->size());
    const Batch b = batch();
    const torch::Tensor logits = m->forward(b.ids, b.mask);
    logits.logsumexp(-1).mean().backward();
    for (const auto &p : m->named_parameters()) {
        const bool adapter = p.key().find("lora_") != std::string::npos;
        QCOMPARE(p.value().requires_grad(), adapter);
        if (!adapter)
            QVERIFY2(!p.value().grad().defined(), p.key().c_str());
    }
    // With B = 0 the gradient reaches B (A's gradient is B^T-weighted, hence zero at step 0).
    QVERIFY(m->model->layerList[0]->selfAttn->qProj->loraB().grad().abs().sum().item<double>() > 0);
}

void TestLora::peftSaveLoadRoundTrip()
{
    LlamaForCausalLM m = baseModel();
    LoraConfig cfg;
    cfg.r = 8;
    cfg.alpha = 16;
    cfg.baseModel = QStringLiteral("lab-tiny");
    QVERIFY(addLora(*m, cfg, 1).ok());
    randomiseB(*m, 6);
    QTemporaryDir dir;
    QVERIFY(saveLoraAdapter(*m, cfg, dir.path()).ok());

    // adapter_config.json as PEFT writes it.
    QFile json(dir.filePath(QStringLiteral("adapter_config.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(o.value(QLatin1String("peft_type")).toString(), QStringLiteral("LORA"));
    QCOMPARE(o.value(QLatin1String("r")).toInt(), 8);
    QCOMPARE(o.value(QLatin1String("lora_alpha")).toDouble(), 16.0);
    QCOMPARE(o.value(QLatin1String("target_modules")).toArray().size(), 4);
    QCOMPARE(o.value(QLatin1String("base_model_name_or_path")).toString(),
             QStringLiteral("lab-tiny"));

    // Exact key names and shapes.
    Result<SafetensorsFile> file =
        SafetensorsFile::open(dir.filePath(QStringLiteral("adapter_model.safetensors")));
    QVERIFY2(file.ok(), qPrintable(file.error()));
    std::set<std::string> expected;
    for (int i = 0; i < 2; ++i) {
        for (const char *proj : {"q_proj", "k_proj", "v_proj", "o_proj"}) {
            const std::string p =
                "base_model.model.model.layers." + std::to_string(i) + ".self_attn." + proj;
            expected.insert(p + ".lora_A.weight");
            expected.insert(p + ".lora_B.weight");
        }
    }
    const auto names = file->names();
    QCOMPARE(std::set<std::string>(names.begin(), names.end()), expected);
    QCOMPARE(file->info("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight")->shape,
             (std::vector<std::int64_t>{8, 64}));
    QCOMPARE(file->info("base_model.model.model.layers.0.self_attn.k_proj.lora_B.weight")->shape,
             (std::vector<std::int64_t>{32, 8}));
    QCOMPARE(file->info("base_model.model.model.layers.1.self_attn.o_proj.lora_B.weight")->shape,
             (std::vector<std::int64_t>{64, 8}));

    // Loading into a fresh copy of the base reproduces the adapted model exactly.
    LlamaForCausalLM fresh = baseModel();
    Result<LoraConfig> loaded = loadLoraAdapter(*fresh, dir.path());
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->r, 8);
    QCOMPARE(loaded->alpha, 16.0);
    const Batch b = batch();
    torch::NoGradGuard noGrad;
    QVERIFY(fresh->forward(b.ids, b.mask).equal(m->forward(b.ids, b.mask)));
    QCOMPARE(loraParameters(*fresh).size(), size_t(16));
    QVERIFY(loraParameters(*fresh).front().requires_grad());
}

void TestLora::loadRejectsMismatchedAdapter()
{
    LlamaForCausalLM m = baseModel();
    QVERIFY(addLora(*m, LoraConfig{}, 1).ok());
    QTemporaryDir dir;
    QVERIFY(saveLoraAdapter(*m, LoraConfig{}, dir.path()).ok());

    // The same adapter does not fit a model with other shapes.
    LlamaConfig wider = smallConfig();
    wider.hiddenSize = 128;
    LlamaForCausalLM other(wider);
    Result<LoraConfig> r = loadLoraAdapter(*other, dir.path());
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("q_proj")), qPrintable(r.error()));
    QVERIFY(!hasLora(*other)); // nothing half-loaded

    // A config whose rank disagrees with the tensors.
    QFile json(dir.filePath(QStringLiteral("adapter_config.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
    json.close();
    o[QLatin1String("r")] = 4;
    QVERIFY(json.open(QIODevice::WriteOnly | QIODevice::Truncate));
    json.write(QJsonDocument(o).toJson());
    json.close();
    LlamaForCausalLM same = baseModel();
    r = loadLoraAdapter(*same, dir.path());
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("expected A [4, 64]")), qPrintable(r.error()));
    QVERIFY(!loadLoraAdapter(*same, QStringLiteral("/nonexistent")).ok());
}

void TestLora::mlpTargets()
{
    LlamaForCausalLM m = baseModel();
    const LoraConfig cfg = LoraConfig::withMlp(4, 8);
    Result<std::vector<torch::Tensor>> params = addLora(*m, cfg, 1);
    QVERIFY(params.ok());
    QCOMPARE(params->size(), size_t(2 * 7 * 2));
    QCOMPARE(m->model->layerList[0]->mlp->downProj->loraA().sizes(), (at::IntArrayRef{4, 96}));
    removeLora(*m);
    QVERIFY(!hasLora(*m));
    for (const auto &p : m->named_parameters())
        QVERIFY(p.key().find("lora_") == std::string::npos);
}

QTEST_GUILESS_MAIN(TestLora)
#include "test_lora.moc"
