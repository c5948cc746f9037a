#pragma once
// Explaining a log with the model: the real-time triage path behind `rlhf-lab-cli explain` and
// the GUI's Explain action, and the sampler behind candidate generation.
//
// Torch-free on purpose (pimpl): ui/ and app/ include this header and never see LibTorch.
// The model sees explanationPrompt(digestLog(log)) as built by promptTokens() (the same ids the
// SFT trainer trains on), sized to the context minus the tokens to generate.
#include "core/common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>
#include <memory>

namespace lab {

struct ExplainSettings
{
    int maxNewTokens = 160;
    double temperature = 0.7;
    int topK = 0; // 0: off
    double topP = 0.95;
    double repetitionPenalty = 1.1;
    quint64 seed = 0;
    bool greedy = false; // argmax; temperature, topK and topP are ignored
    QString device = QStringLiteral("auto"); // "auto", "cpu", "cuda", "cuda:N"

    QJsonObject toJson() const;
};

struct Explanation
{
    QString text;           // the explanation, trimmed, without the end-of-sequence marker
    QString prompt;         // what the model saw: the digest and the "### Explanation:" cue
    QList<int> digestLines; // 1-based lines of the log the digest kept, in log order
    int totalLines = 0;     // lines of the log
    int promptTokens = 0;   // BOS included
    int newTokens = 0;      // generated, the end-of-sequence token included
    bool finished = false;  // the model ended the explanation itself (false: cut at maxNewTokens)
    double seconds = 0.0;   // wall time of this explanation (a batch's time, for explainBatch)
    QJsonObject meta;       // provenance: model, adapter, device, settings, seed, tokens, seconds
};

class Explainer
{
public:
    // A model folder (config.json, model.safetensors or shards, tokenizer.model) and optionally a
    // PEFT adapter folder (adapter_config.json, adapter_model.safetensors). Errors name the folder
    // and what is missing or wrong. The model stays on the CPU until a call asks for another
    // device.
    static Result<std::unique_ptr<Explainer>> load(const QString &modelDir, const QString &adapterDir = {});

    ~Explainer();
    Explainer(const Explainer &) = delete;
    Explainer &operator=(const Explainer &) = delete;

    Result<Explanation> explain(const QString &logText, const ExplainSettings &settings = {});
    // One batched generation over all logs (left-padded). Greedy, it gives what single calls
    // give; sampled, each row draws from one generator seeded with settings.seed.
    Result<QVector<Explanation>> explainBatch(const QStringList &logTexts, const ExplainSettings &settings);

    QString modelName() const;   // the model folder's name ("lab-tiny")
    QString modelDir() const;    // absolute
    QString adapterName() const; // the adapter folder's name; empty: base model
    QString adapterDir() const;  // absolute; empty: base model
    int contextLength() const;   // max_position_embeddings
    // The budget promptTokens() gets for `maxNewTokens` new tokens: the context minus those, and
    // no more than the prompts the model was trained on ("lab_prompt_tokens" in config.json).
    int maxPromptTokens(int maxNewTokens) const;

private:
    struct Private;
    explicit Explainer(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace lab
