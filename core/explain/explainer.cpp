#include "core/explain/explainer.h"

#include "core/explain/explain_prompt.h"
#include "core/model/device.h"
#include "core/model/generation.h"
#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/text/tokenizer.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>
#include <algorithm>
#include <exception>
#include <mutex>

namespace lab {

QJsonObject ExplainSettings::toJson() const
{
    QJsonObject o{{QStringLiteral("max_new_tokens"), maxNewTokens},
                  {QStringLiteral("greedy"), greedy},
                  {QStringLiteral("seed"), QString::number(seed)}}; // a string: JSON numbers lose 64-bit seeds
    if (!greedy) {
        o.insert(QStringLiteral("temperature"), temperature);
        o.insert(QStringLiteral("top_k"), topK);
        o.insert(QStringLiteral("top_p"), topP);
    }
    o.insert(QStringLiteral("repetition_penalty"), repetitionPenalty);
    return o;
}

struct Explainer::Private
{
    LlamaForCausalLM model{nullptr};
    Tokenizer tokenizer;
    QString modelDir;
    QString adapterDir;
    QString device = QStringLiteral("cpu");
    std::vector<qint64> eosIds;
    qint64 padId = 0;
    // The prompt budget the model was trained with ("lab_prompt_tokens" in config.json, written
    // by the SFT trainer); 0 when unknown (a Hugging Face checkpoint): the context decides.
    int trainedPromptTokens = 0;
    std::mutex mutex; // one generation at a time: the model's fused weights are per call

    int promptBudget(int maxNewTokens) const
    {
        const int fromContext = model->config().maxPositionEmbeddings - maxNewTokens;
        return trainedPromptTokens > 0 ? std::min(fromContext, trainedPromptTokens) : fromContext;
    }

    Status checkSettings(const ExplainSettings &s) const;
    Result<QVector<Explanation>> run(const QStringList &logTexts, const ExplainSettings &s);
};

namespace {

const QString kConfigFile = QStringLiteral("config.json");
const QString kTokenizerFile = QStringLiteral("tokenizer.model");

QString hasWeights(const QDir &dir)
{
    const QStringList weights = dir.entryList({QStringLiteral("*.safetensors")}, QDir::Files);
    return weights.isEmpty() ? QString() : weights.first();
}

} // namespace

Explainer::Explainer(std::unique_ptr<Private> p) : d(std::move(p)) {}
Explainer::~Explainer() = default;

Result<std::unique_ptr<Explainer>> Explainer::load(const QString &modelDir, const QString &adapterDir)
{
    if (modelDir.isEmpty())
        return fail(QStringLiteral("no model folder given"));
    const QFileInfo info(modelDir);
    if (!info.isDir())
        return fail(QStringLiteral("model folder %1 does not exist").arg(QDir::toNativeSeparators(modelDir)));
    const QDir dir(info.absoluteFilePath());
    const QString shown = QDir::toNativeSeparators(dir.absolutePath());
    if (!dir.exists(kConfigFile))
        return fail(QStringLiteral("model folder %1 has no config.json (a model folder holds config.json, "
                                   "model.safetensors and tokenizer.model)").arg(shown));
    if (hasWeights(dir).isEmpty())
        return fail(QStringLiteral("model folder %1 has no *.safetensors weights").arg(shown));
    if (!dir.exists(kTokenizerFile))
        return fail(QStringLiteral("model folder %1 has no tokenizer.model").arg(shown));

    auto p = std::make_unique<Private>();
    p->modelDir = dir.absolutePath();
    try {
        Result<LlamaForCausalLM> model = loadCausalLM(p->modelDir);
        if (!model)
            return fail(QStringLiteral("cannot load the model in %1: %2").arg(shown, model.error()));
        p->model = *model;
        Result<Tokenizer> tokenizer = Tokenizer::load(dir.filePath(kTokenizerFile));
        if (!tokenizer)
            return fail(QStringLiteral("cannot load the tokenizer of %1: %2").arg(shown, tokenizer.error()));
        p->tokenizer = *tokenizer;
        const LlamaConfig &config = p->model->config();
        if (p->tokenizer.vocabSize() > config.vocabSize)
            return fail(QStringLiteral("model folder %1: tokenizer.model has %2 pieces but the model only %3 "
                                       "embeddings; they do not belong together")
                            .arg(shown)
                            .arg(p->tokenizer.vocabSize())
                            .arg(config.vocabSize));
        if (!adapterDir.isEmpty()) {
            const QFileInfo adapterInfo(adapterDir);
            if (!adapterInfo.isDir())
                return fail(QStringLiteral("adapter folder %1 does not exist").arg(QDir::toNativeSeparators(adapterDir)));
            p->adapterDir = adapterInfo.absoluteFilePath();
            Result<LoraConfig> lora = loadLoraAdapter(*p->model, p->adapterDir);
            if (!lora)
                return fail(QStringLiteral("cannot apply the adapter %1 to the model in %2: %3")
                                .arg(QDir::toNativeSeparators(p->adapterDir), shown, lora.error()));
            setLoraEnabled(*p->model, true);
        }
        p->model->eval();
        QFile configFile(dir.filePath(kConfigFile));
        if (configFile.open(QIODevice::ReadOnly))
            p->trainedPromptTokens = QJsonDocument::fromJson(configFile.readAll()).object().value(QStringLiteral("lab_prompt_tokens")).toInt(0);
        // Every end-of-sequence id either side knows about ends an explanation.
        for (qint64 id : config.eosTokenIds)
            p->eosIds.push_back(id);
        if (p->tokenizer.eosId() >= 0
            && std::find(p->eosIds.begin(), p->eosIds.end(), qint64(p->tokenizer.eosId())) == p->eosIds.end())
            p->eosIds.push_back(p->tokenizer.eosId());
        // Pad positions are masked out; any id in range will do when a checkpoint has none.
        p->padId = p->tokenizer.padId() >= 0 ? p->tokenizer.padId()
                   : config.padTokenId >= 0  ? config.padTokenId
                   : !p->eosIds.empty()      ? p->eosIds.front()
                                             : 0;
    } catch (const std::exception &e) {
        return fail(QStringLiteral("cannot load the model in %1: %2").arg(shown, QString::fromUtf8(e.what())));
    }
    return std::unique_ptr<Explainer>(new Explainer(std::move(p)));
}

QString Explainer::modelName() const
{
    return QFileInfo(d->modelDir).fileName();
}

QString Explainer::modelDir() const
{
    return d->modelDir;
}

QString Explainer::adapterName() const
{
    return d->adapterDir.isEmpty() ? QString() : QFileInfo(d->adapterDir).fileName();
}

QString Explainer::adapterDir() const
{
    return d->adapterDir;
}

int Explainer::contextLength() const
{
    return d->model->config().maxPositionEmbeddings;
}

int Explainer::maxPromptTokens(int maxNewTokens) const
{
    return d->promptBudget(maxNewTokens);
}

Status Explainer::Private::checkSettings(const ExplainSettings &s) const
{
    const int context = model->config().maxPositionEmbeddings;
    if (s.maxNewTokens < 1 || s.maxNewTokens > context - kMinPromptTokens)
        return fail(QStringLiteral("max new tokens must be from 1 to %1 for %2 (context %3), got %4")
                        .arg(context - kMinPromptTokens)
                        .arg(QFileInfo(modelDir).fileName())
                        .arg(context)
                        .arg(s.maxNewTokens));
    if (!s.greedy) {
        if (!(s.temperature > 0.0))
            return fail(QStringLiteral("temperature must be above 0 (use greedy decoding for 0), got %1").arg(s.temperature));
        if (!(s.topP > 0.0 && s.topP <= 1.0))
            return fail(QStringLiteral("top-p must be in (0, 1], got %1").arg(s.topP));
        if (s.topK < 0)
            return fail(QStringLiteral("top-k must be 0 (off) or more, got %1").arg(s.topK));
    }
    if (!(s.repetitionPenalty > 0.0))
        return fail(QStringLiteral("repetition penalty must be above 0, got %1").arg(s.repetitionPenalty));
    return {};
}

Result<QVector<Explanation>> Explainer::Private::run(const QStringList &logTexts, const ExplainSettings &s)
{
    QElapsedTimer timer;
    timer.start();
    if (logTexts.isEmpty())
        return QVector<Explanation>();
    if (Status ok = checkSettings(s); !ok)
        return fail(ok.error());
    Result<QString> resolved = resolveDevice(s.device);
    if (!resolved)
        return fail(resolved.error());
    if (*resolved != device) {
        model->to(torch::Device(resolved->toStdString()));
        device = *resolved;
    }

    // A model sees prompts as long as those it was trained on, never longer.
    const int budget = promptBudget(s.maxNewTokens);
    std::vector<std::vector<std::int64_t>> prompts;
    QVector<Explanation> out(logTexts.size());
    prompts.reserve(std::size_t(logTexts.size()));
    for (int i = 0; i < logTexts.size(); ++i) {
        LogDigest digest;
        prompts.push_back(promptTokens(tokenizer, logTexts[i], budget, &digest));
        out[i].prompt = explanationPrompt(digest.text);
        out[i].digestLines = digest.sourceLines;
        out[i].totalLines = digest.totalLines;
        out[i].promptTokens = int(prompts.back().size());
    }

    GenerationConfig g;
    g.maxNewTokens = s.maxNewTokens;
    g.doSample = !s.greedy;
    g.temperature = s.temperature;
    g.topK = s.topK;
    g.topP = s.topP;
    g.repetitionPenalty = s.repetitionPenalty;
    for (qint64 id : eosIds)
        g.eosTokenIds.push_back(id);
    g.padTokenId = padId;

    torch::NoGradGuard noGrad;
    auto [ids, mask] = leftPadBatch(prompts, padId);
    Result<GenerationOutput> generated = generate(*model, ids, mask, g, at::detail::createCPUGenerator(s.seed));
    if (!generated)
        return fail(QStringLiteral("generation with %1 failed: %2").arg(QFileInfo(modelDir).fileName(), generated.error()));
    const at::Tensor tokens = generated->tokens.to(at::kCPU).contiguous();
    const at::Tensor lengths = generated->lengths.to(at::kCPU).contiguous();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;

    for (int i = 0; i < logTexts.size(); ++i) {
        const std::int64_t n = lengths[i].item<std::int64_t>();
        const std::int64_t *row = tokens[i].data_ptr<std::int64_t>();
        std::vector<int> textIds(row, row + n);
        Explanation &e = out[i];
        e.newTokens = int(n);
        e.finished = n > 0 && std::find(eosIds.begin(), eosIds.end(), textIds.back()) != eosIds.end();
        if (e.finished)
            textIds.pop_back();
        // A model may have more embeddings than its tokenizer has pieces (lab-tiny's tokenizer can
        // come out smaller than 4096); such ids have no text.
        const int vocab = tokenizer.vocabSize();
        textIds.erase(std::remove_if(textIds.begin(), textIds.end(), [vocab](int id) { return id < 0 || id >= vocab; }),
                      textIds.end());
        Result<QString> text = tokenizer.decode(textIds);
        if (!text)
            return fail(QStringLiteral("cannot decode what %1 generated: %2").arg(QFileInfo(modelDir).fileName(), text.error()));
        e.text = text->trimmed();
        e.seconds = seconds;
        QJsonArray lines;
        for (int line : e.digestLines)
            lines.append(line);
        e.meta = QJsonObject{{QStringLiteral("model"), QFileInfo(modelDir).fileName()},
                             {QStringLiteral("model_dir"), modelDir},
                             {QStringLiteral("adapter"), adapterDir.isEmpty() ? QString() : QFileInfo(adapterDir).fileName()},
                             {QStringLiteral("device"), device},
                             {QStringLiteral("settings"), s.toJson()},
                             {QStringLiteral("seed"), QString::number(s.seed)},
                             {QStringLiteral("batch"), int(logTexts.size())},
                             {QStringLiteral("prompt_tokens"), e.promptTokens},
                             {QStringLiteral("new_tokens"), e.newTokens},
                             {QStringLiteral("finished"), e.finished},
                             {QStringLiteral("seconds"), seconds},
                             {QStringLiteral("digest_lines"), lines},
                             {QStringLiteral("log_lines"), e.totalLines}};
    }
    return out;
}

Result<QVector<Explanation>> Explainer::explainBatch(const QStringList &logTexts, const ExplainSettings &settings)
{
    std::lock_guard lock(d->mutex);
    try {
        return d->run(logTexts, settings);
    } catch (const std::exception &e) {
        return fail(QStringLiteral("explaining with %1 failed: %2").arg(modelName(), QString::fromUtf8(e.what())));
    }
}

Result<Explanation> Explainer::explain(const QString &logText, const ExplainSettings &settings)
{
    Result<QVector<Explanation>> one = explainBatch(QStringList{logText}, settings);
    if (!one)
        return fail(one.error());
    return one->first();
}

} // namespace lab
