#pragma once
// Explains the held-out incidents of a project with a model (and adapter) and judges every
// explanation with the simulated engineer against the incident's ground truth: the measure of
// what a model knows, on incidents it never trained or voted on.
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/eval/explanation_metrics.h"
#include "core/explain/explainer.h"

#include <QMap>
#include <QString>
#include <QVector>

namespace lab {

class Store;

struct ModelEvalOptions
{
    QString heldOutStatus = QStringLiteral("held_out"); // which incidents are evaluated
    int limit = -1;                 // incidents at most; -1: all held-out ones
    int samplesPerIncident = 1;     // sampled explanations per incident (1 with greedy)
    int batchSize = 16;             // rows per batched generation
    ExplainSettings settings;       // settings.seed seeds the first batch; later batches follow
    // A reward model folder (saveRewardModel + tokenizer.model): each explanation is scored on
    // prompt + explanation + EOS, as the reward model was trained, and the mean is reported as
    // `mean_reward`. Empty: no reward is computed.
    QString rewardModelDir;
};

struct EvaluatedSample
{
    qint64 incidentId = 0;
    QString kind;
    QString text;
    synth::Judgement judgement;
    int newTokens = 0;
    bool finished = false;
    double reward = 0.0; // the reward model's score (when ModelEvalOptions::rewardModelDir is set)
};

struct ModelEvalReport
{
    QString model;
    QString adapter; // empty: base model
    int incidents = 0;
    ExplanationMetrics overall;
    QMap<QString, ExplanationMetrics> perKind;
    QVector<EvaluatedSample> samples;
    double seconds = 0.0;
    double meanNewTokens = 0.0;
    double finishedRate = 0.0; // share of explanations the model ended itself (EOS)
    bool hasReward = false;    // a reward model scored the explanations
    QString rewardModel;       // its folder
    double meanReward = 0.0;   // `mean_reward` over all explanations
    QMap<QString, double> perKindReward;

    QJsonObject toJson(bool withSamples = false) const;
};

// Incidents need a ground truth (synthetic ones have it); others are skipped and counted out.
Result<ModelEvalReport> evaluateModel(Store &store, Explainer &explainer,
                                      const ModelEvalOptions &options,
                                      const ProgressCallback &progress = {});

} // namespace lab
