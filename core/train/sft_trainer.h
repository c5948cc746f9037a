#pragma once
// Supervised fine-tuning, Torch-free at its edge so the CLI and the GUI's training controller can
// start it: AdamW, warm-up + cosine learning rate, gradient clipping, loss on the explanation
// tokens only, sequences packed end to end (no compute spent on padding), checkpoints written to
// a temporary folder and renamed into place. The run, its configuration and its metrics ("loss",
// "learning_rate", "grad_norm", "tokens_per_s") are recorded in the project database.
#include "core/common/result.h"
#include "core/train/sft_dataset.h"

#include <QJsonObject>
#include <QString>
#include <functional>
#include <memory>

namespace lab {

class Store;

struct SftConfig
{
    qint64 steps = 2000;
    int batchSize = 16; // sequences per step
    double learningRate = 1e-3;
    qint64 warmupSteps = 100;
    double minLrRatio = 0.1;
    double weightDecay = 0.1;
    double maxGradNorm = 1.0;
    quint64 seed = 1;           // weights of a fresh model, data order, style draws
    int logEvery = 10;          // steps between metric points
    qint64 checkpointEvery = 200;
    int tokenizerVocab = 4096;  // when a new tokenizer is trained
    QString device = QStringLiteral("auto");
    QString saveDtype = QStringLiteral("float16"); // final weights: float32, float16 or bfloat16
    SftDataOptions data;

    QJsonObject toJson() const;
    // Keys missing from `json` keep the values of `defaults`; unknown keys are an error (a typo
    // in a config file should not silently train something else).
    static Result<SftConfig> fromJson(const QJsonObject &json, const SftConfig &defaults);
    static Result<SftConfig> fromJson(const QJsonObject &json) { return fromJson(json, SftConfig()); }
};

struct SftJob
{
    std::shared_ptr<Store> store; // the corpus: its incidents and styled explanations
    QString outputDir;            // the trained model: config.json, model.safetensors, tokenizer.model
    // Start from this model and its tokenizer. Empty: a fresh lab-tiny (weights from the seed)
    // and a new unigram tokenizer trained on the corpus.
    QString initModelDir;
    bool resume = true; // continue from outputDir/checkpoint when it exists
    SftConfig config;
};

struct SftStep
{
    qint64 step = 0; // 1-based: steps done
    qint64 steps = 0;
    double loss = 0.0;
    double learningRate = 0.0;
    double gradNorm = 0.0;
    double tokensPerSecond = 0.0; // all tokens through the model, over the last logging window
    qint64 trainedTokens = 0;     // explanation tokens with a loss, so far
    double seconds = 0.0;
};

struct SftResult
{
    qint64 runId = 0;
    qint64 steps = 0; // steps done (all of them unless stopped)
    qint64 resumedFrom = 0;
    double finalLoss = 0.0; // mean over the last logging window
    double seconds = 0.0;
    bool stopped = false;
    QString outputDir;
    QString dataSnapshot;
};

struct SftCallbacks
{
    // After each logged step; return false to stop (a checkpoint and the model are still written).
    std::function<bool(const SftStep &)> onStep;
    // Preparation stages ("training the tokenizer", "reading 6000 incidents"...).
    std::function<void(const QString &stage)> onStage;
};

Result<SftResult> runSft(const SftJob &job, const SftCallbacks &callbacks = {});

} // namespace lab
