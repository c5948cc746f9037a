#include "core/train/sft_trainer.h"

#include "core/model/device.h"
#include "core/model/llama.h"
#include "core/model/packed_forward.h"
#include "core/store/store.h"
#include "core/text/tokenizer.h"
#include "core/train/adamw.h"
#include "core/train/checkpoint.h"
#include "core/train/lr_schedule.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

namespace lab {
namespace {

QString checkpointDir(const QString &outputDir)
{
    return QDir(outputDir).filePath(QStringLiteral("checkpoint"));
}

// A new unigram tokenizer on the corpus, written to <outputDir>/tokenizer.model.
Result<Tokenizer> trainTokenizer(Store &store, const SftJob &job, const SftCallbacks &callbacks)
{
    if (callbacks.onStage)
        callbacks.onStage(QStringLiteral("training a %1-piece tokenizer on the corpus")
                              .arg(job.config.tokenizerVocab));
    auto texts = SftDataset::tokenizerCorpus(store, job.config.data);
    if (!texts)
        return fail(texts.error());
    TokenizerTrainOptions options;
    options.vocabSize = job.config.tokenizerVocab;
    const QString prefix = QDir(job.outputDir).filePath(QStringLiteral("tokenizer"));
    if (Status s = Tokenizer::train(*texts, prefix, options); !s)
        return fail(s.error());
    return Tokenizer::load(prefix + QStringLiteral(".model"));
}

struct Start
{
    LlamaForCausalLM model{nullptr};
    Tokenizer tokenizer;
    std::map<std::string, torch::Tensor> optimizerState;
    qint64 step = 0;
};

Result<Start> prepareStart(Store &store, const SftJob &job, const SftCallbacks &callbacks)
{
    Start start;
    const QString checkpoint = checkpointDir(job.outputDir);
    if (job.resume && QFileInfo::exists(QDir(checkpoint).filePath(QStringLiteral("trainer_state.json")))) {
        if (callbacks.onStage)
            callbacks.onStage(QStringLiteral("resuming from %1").arg(checkpoint));
        auto saved = readCheckpoint(checkpoint);
        if (!saved)
            return fail(saved.error());
        const QJsonObject savedConfig = saved->trainerState.value(QStringLiteral("config")).toObject();
        if (savedConfig.value(QStringLiteral("seed")) != job.config.toJson().value(QStringLiteral("seed"))
            || savedConfig.value(QStringLiteral("batch_size")) != job.config.batchSize)
            return fail(QStringLiteral("%1 was written by a run with another seed or batch size; "
                                       "use another output folder, or --restart to start over")
                            .arg(checkpoint));
        start.model = saved->model;
        start.tokenizer = saved->tokenizer;
        start.optimizerState = std::move(saved->optimizerState);
        start.step = qint64(saved->trainerState.value(QStringLiteral("step")).toDouble());
        return start;
    }
    if (!job.initModelDir.isEmpty()) {
        auto model = loadCausalLM(job.initModelDir);
        if (!model)
            return fail(model.error());
        auto tokenizer = Tokenizer::load(QDir(job.initModelDir).filePath(QStringLiteral("tokenizer.model")));
        if (!tokenizer)
            return fail(tokenizer.error());
        start.model = *model;
        start.tokenizer = *tokenizer;
        return start;
    }
    auto tokenizer = trainTokenizer(store, job, callbacks);
    if (!tokenizer)
        return fail(tokenizer.error());
    LlamaConfig config = LlamaConfig::labTiny();
    config.vocabSize = tokenizer->vocabSize();
    config.maxPositionEmbeddings = job.config.data.contextTokens;
    start.model = LlamaForCausalLM(config);
    initLlamaWeights(*start.model, job.config.seed);
    start.tokenizer = *tokenizer;
    return start;
}

} // namespace

Result<SftResult> runSft(const SftJob &job, const SftCallbacks &callbacks)
{
    if (!job.store)
        return fail(QStringLiteral("no project database"));
    if (job.outputDir.isEmpty())
        return fail(QStringLiteral("no output folder"));
    if (!QDir().mkpath(job.outputDir))
        return fail(QStringLiteral("%1: cannot create the folder").arg(job.outputDir));
    const SftConfig &config = job.config;
    auto deviceName = resolveDevice(config.device);
    if (!deviceName)
        return fail(deviceName.error());
    Store &store = *job.store;

    QElapsedTimer timer;
    timer.start();
    RunRecord run;
    run.kind = QString(kRunSft);
    run.status = QString(kRunRunning);
    QJsonObject runConfig = config.toJson();
    runConfig.insert(QStringLiteral("output_dir"), QDir(job.outputDir).absolutePath());
    runConfig.insert(QStringLiteral("init_model"), job.initModelDir);
    run.config = runConfig;
    run.startedAt = QDateTime::currentDateTimeUtc();
    auto runId = store.addRun(run);
    if (!runId)
        return fail(runId.error());
    run.id = *runId;
    auto finishRun = [&](const QString &status, const QJsonObject &result) {
        run.status = status;
        run.finishedAt = QDateTime::currentDateTimeUtc();
        run.result = result;
        store.updateRun(run);
    };

    try {
        auto start = prepareStart(store, job, callbacks);
        if (!start) {
            finishRun(QString(kRunFailed), {{QStringLiteral("error"), start.error()}});
            return fail(start.error());
        }
        if (callbacks.onStage)
            callbacks.onStage(QStringLiteral("reading and tokenizing the corpus"));
        auto dataset = SftDataset::fromStore(store, start->tokenizer, config.data);
        if (!dataset) {
            finishRun(QString(kRunFailed), {{QStringLiteral("error"), dataset.error()}});
            return fail(dataset.error());
        }
        run.voteSnapshot = dataset->snapshot();

        const torch::Device device(deviceName->toStdString());
        LlamaForCausalLM model = start->model;
        model->to(device);
        model->train();
        AdamWOptions adamOptions;
        adamOptions.weightDecay = config.weightDecay;
        AdamW optimizer(trainableParameters(*model), adamOptions);
        if (!start->optimizerState.empty()) {
            if (Status s = optimizer.loadState(start->optimizerState, start->step, checkpointDir(job.outputDir)); !s) {
                finishRun(QString(kRunFailed), {{QStringLiteral("error"), s.error()}});
                return fail(s.error());
            }
        }

        SftResult result;
        result.runId = run.id;
        result.resumedFrom = start->step;
        result.outputDir = job.outputDir;
        result.dataSnapshot = dataset->snapshot();
        auto trainerState = [&](qint64 step) {
            return QJsonObject{{QStringLiteral("step"), step},
                               {QStringLiteral("config"), config.toJson()},
                               {QStringLiteral("seed"), QString::number(config.seed)},
                               {QStringLiteral("data_snapshot"), dataset->snapshot()},
                               {QStringLiteral("run_id"), run.id}};
        };
        auto saveCheckpoint = [&](qint64 step) {
            return writeCheckpoint(checkpointDir(job.outputDir), model, start->tokenizer, optimizer,
                                   trainerState(step));
        };

        QElapsedTimer window;
        window.start();
        double windowLoss = 0.0;
        qint64 windowSteps = 0, windowTokens = 0, trainedTokens = 0;
        QVector<MetricPoint> pending;
        qint64 step = start->step;
        if (callbacks.onStage)
            callbacks.onStage(QStringLiteral("training"));
        while (step < config.steps) {
            // One step: batch, zero_grad, forward + loss, backward, clip, learning rate, update.
            const std::vector<SftSequence> sequences = dataset->batch(step, config.batchSize, config.seed);
            std::vector<std::vector<std::int64_t>> tokens;
            std::vector<std::int64_t> lossFrom;
            for (const SftSequence &s : sequences) {
                tokens.push_back(s.tokens);
                lossFrom.push_back(s.promptLength - 1);
                windowTokens += qint64(s.tokens.size());
                trainedTokens += qint64(s.tokens.size()) - s.promptLength;
            }
            PackedBatch batch = packSequences(tokens, lossFrom);
            batch.ids = batch.ids.to(device);
            batch.labels = batch.labels.to(device);
            optimizer.zeroGrad();
            torch::Tensor loss = packedCausalLmLoss(*model, batch);
            loss.backward();
            const double gradNorm = optimizer.clipGradNorm(config.maxGradNorm);
            const double lr = warmupCosineLr(step, config.warmupSteps, config.steps,
                                             config.learningRate, config.minLrRatio);
            optimizer.step(lr);
            ++step;
            windowLoss += loss.item<double>();
            ++windowSteps;

            bool keepGoing = true;
            if (step % config.logEvery == 0 || step == config.steps) {
                SftStep report;
                report.step = step;
                report.steps = config.steps;
                report.loss = windowLoss / double(windowSteps);
                report.learningRate = lr;
                report.gradNorm = gradNorm;
                report.tokensPerSecond = double(windowTokens) * 1000.0 / double(std::max<qint64>(1, window.elapsed()));
                report.trainedTokens = trainedTokens;
                report.seconds = double(timer.elapsed()) / 1000.0;
                result.finalLoss = report.loss;
                pending += {{step, QStringLiteral("loss"), report.loss},
                            {step, QStringLiteral("learning_rate"), lr},
                            {step, QStringLiteral("grad_norm"), gradNorm},
                            {step, QStringLiteral("tokens_per_s"), report.tokensPerSecond}};
                if (Status s = store.appendMetrics(run.id, pending); s)
                    pending.clear(); // a busy database keeps them for the next try
                windowLoss = 0.0;
                windowSteps = windowTokens = 0;
                window.restart();
                if (callbacks.onStep)
                    keepGoing = callbacks.onStep(report);
            }
            if (!keepGoing) {
                result.stopped = true;
                break;
            }
            if (step % config.checkpointEvery == 0 && step < config.steps) {
                if (Status s = saveCheckpoint(step); !s) {
                    finishRun(QString(kRunFailed), {{QStringLiteral("error"), s.error()}});
                    return fail(s.error());
                }
            }
        }
        if (callbacks.onStage)
            callbacks.onStage(QStringLiteral("writing the model"));
        if (Status s = saveCheckpoint(step); !s) {
            finishRun(QString(kRunFailed), {{QStringLiteral("error"), s.error()}});
            return fail(s.error());
        }
        model->to(torch::kCPU);
        if (Status s = exportModel(job.outputDir, model, start->tokenizer, config.saveDtype,
                                   config.data.promptTokens); !s) {
            finishRun(QString(kRunFailed), {{QStringLiteral("error"), s.error()}});
            return fail(s.error());
        }
        result.steps = step;
        result.seconds = double(timer.elapsed()) / 1000.0;
        finishRun(result.stopped ? QString(kRunStopped) : QString(kRunFinished),
                  {{QStringLiteral("steps"), step},
                   {QStringLiteral("final_loss"), result.finalLoss},
                   {QStringLiteral("seconds"), result.seconds},
                   {QStringLiteral("resumed_from"), result.resumedFrom},
                   {QStringLiteral("output_dir"), QDir(job.outputDir).absolutePath()},
                   {QStringLiteral("data_snapshot"), result.dataSnapshot}});
        return result;
    } catch (const c10::Error &e) {
        const QString message = QStringLiteral("training failed: %1").arg(QString::fromStdString(e.what_without_backtrace()));
        finishRun(QString(kRunFailed), {{QStringLiteral("error"), message}});
        return fail(message);
    } catch (const std::exception &e) {
        const QString message = QStringLiteral("training failed: %1").arg(QString::fromUtf8(e.what()));
        finishRun(QString(kRunFailed), {{QStringLiteral("error"), message}});
        return fail(message);
    }
}

} // namespace lab
