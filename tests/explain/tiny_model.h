#pragma once
// Test fixture: a model folder as Explainer::load expects one (config.json, model.safetensors,
// tokenizer.model), with random weights and a tokenizer trained on a few synthetic logs. Small
// enough to build in about a second; the weights are scaled up so that the next-token
// distributions are peaked (as a trained model's are) and greedy decoding has no near-ties.
#include "core/common/result.h"
#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/store/store.h"
#include "core/synth/incident_generator.h"
#include "core/text/tokenizer.h"
#include "core/train/sft_dataset.h"

#include <torch/utils.h>

#include <QDir>
#include <QStringList>

namespace labtest {

struct TinyModelOptions
{
    int contextLength = 256;
    int hiddenSize = 64;
    int layers = 2;
    std::uint64_t seed = 7;
    double sharpen = 6.0;
};

// Synthetic logs of `seed`, for training the tokenizer and as inputs.
inline QStringList syntheticLogs(int count, quint64 seed = 3)
{
    QStringList logs;
    for (int i = 0; i < count; ++i)
        logs << lab::synth::generateIncident(seed, i).log;
    return logs;
}

inline lab::Status makeTinyModel(const QString &dir, const TinyModelOptions &o = {})
{
    if (!QDir().mkpath(dir))
        return lab::fail(QStringLiteral("cannot create %1").arg(dir));
    lab::TokenizerTrainOptions t;
    t.vocabSize = 400;
    t.hardVocabLimit = false;
    if (lab::Status s = lab::Tokenizer::train(syntheticLogs(24), dir + QStringLiteral("/tokenizer"), t); !s)
        return s;
    auto tokenizer = lab::Tokenizer::load(dir + QStringLiteral("/tokenizer.model"));
    if (!tokenizer)
        return lab::fail(tokenizer.error());
    lab::LlamaConfig c;
    c.vocabSize = 416; // more embeddings than pieces, as a real checkpoint may have
    c.hiddenSize = o.hiddenSize;
    c.intermediateSize = 2 * o.hiddenSize;
    c.numLayers = o.layers;
    c.numHeads = 4;
    c.numKvHeads = 2;
    c.maxPositionEmbeddings = o.contextLength;
    lab::LlamaForCausalLM model(c);
    lab::initLlamaWeights(*model, o.seed);
    {
        torch::NoGradGuard noGrad;
        for (auto &p : model->parameters())
            if (p.dim() == 2)
                p.mul_(o.sharpen);
    }
    return lab::saveCausalLM(model, dir);
}

// A small random model (2 layers of 64, 4 heads) with a 700-piece tokenizer trained on the
// project's own corpus (its logs and styled explanations), for the trainer tests: a step takes
// milliseconds and the pieces fit the texts the trainers read.
inline lab::Status makeCorpusModel(lab::Store &store, const QString &dir, int maxPositions)
{
    auto texts = lab::SftDataset::tokenizerCorpus(store, lab::SftDataOptions());
    if (!texts)
        return lab::fail(texts.error());
    if (!QDir().mkpath(dir))
        return lab::fail(QStringLiteral("cannot create %1").arg(dir));
    lab::TokenizerTrainOptions options;
    options.vocabSize = 700;
    if (lab::Status s = lab::Tokenizer::train(*texts, dir + QStringLiteral("/tokenizer"), options); !s)
        return s;
    auto tokenizer = lab::Tokenizer::load(dir + QStringLiteral("/tokenizer.model"));
    if (!tokenizer)
        return lab::fail(tokenizer.error());
    lab::LlamaConfig config;
    config.vocabSize = tokenizer->vocabSize();
    config.hiddenSize = 64;
    config.intermediateSize = 160;
    config.numLayers = 2;
    config.numHeads = 4;
    config.numKvHeads = 4;
    config.maxPositionEmbeddings = maxPositions;
    lab::LlamaForCausalLM model(config);
    lab::initLlamaWeights(*model, 3);
    return lab::saveCausalLM(model, dir);
}

// A LoRA adapter (r 4 on q, k, v, o) for the model in `modelDir`, written in the PEFT layout to
// `dir`. B is drawn from `seed` (not zero), so the adapter changes what the model writes.
inline lab::Status makeRandomAdapter(const QString &modelDir, const QString &dir, std::uint64_t seed)
{
    auto model = lab::loadCausalLM(modelDir);
    if (!model)
        return lab::fail(model.error());
    lab::LoraConfig config;
    config.r = 4;
    config.alpha = 8;
    if (auto params = lab::addLora(**model, config, seed); !params)
        return lab::fail(params.error());
    {
        torch::NoGradGuard noGrad;
        auto gen = at::detail::createCPUGenerator(seed);
        for (auto &[name, lin] : lab::loraTargets(**model, config.targetModules))
            lin->loraB().copy_(at::empty(lin->loraB().sizes()).normal_(0, 0.05, gen));
    }
    return lab::saveLoraAdapter(**model, config, dir);
}

} // namespace labtest
