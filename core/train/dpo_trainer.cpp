#include "core/train/dpo_trainer.h"

#include "core/common/paths.h"
#include "core/model/device.h"
#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/model/packed_forward.h"
#include "core/model/safetensors.h"
#include "core/store/store.h"
#include "core/text/tokenizer.h"
#include "core/train/adamw.h"
#include "core/train/checkpoint.h"
#include "core/train/lr_schedule.h"
#include "core/train/preference_data.h"
#include "core/train/preference_losses.h"
#include "core/train/run_session.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace lab {


namespace {

const QString kStateFile = QStringLiteral("trainer_state.json");
const QString kAdapterFile = QStringLiteral("adapter.safetensors");
const QString kOptimizerFile = QStringLiteral("optimizer.safetensors");
const QString kReferenceFile = QStringLiteral("reference_logps.safetensors");

struct Settings
{
    qint64 steps = 0, batchSize = 0, warmup = 0, evalPairs = 0, evalEvery = 0, logEvery = 0,
           checkpointEvery = 0, referenceBatch = 0;
    double lr = 0, minLrRatio = 0, weightDecay = 0, maxGradNorm = 0, heldOutFraction = 0;
    DpoLossOptions loss;
    LoraConfig lora;
    quint64 seed = 1;

    static Result<Settings> from(const QJsonObject &c)
    {
        Settings s;
        s.steps = c.value(QStringLiteral("steps")).toInteger();
        s.batchSize = c.value(QStringLiteral("batch_size")).toInteger();
        s.warmup = c.value(QStringLiteral("warmup_steps")).toInteger();
        s.evalPairs = c.value(QStringLiteral("eval_pairs")).toInteger();
        s.evalEvery = c.value(QStringLiteral("eval_every")).toInteger();
        s.logEvery = c.value(QStringLiteral("log_every")).toInteger();
        s.checkpointEvery = c.value(QStringLiteral("checkpoint_every")).toInteger();
        s.referenceBatch = c.value(QStringLiteral("reference_batch")).toInteger();
        s.lr = c.value(QStringLiteral("learning_rate")).toDouble();
        s.minLrRatio = c.value(QStringLiteral("min_lr_ratio")).toDouble();
        s.weightDecay = c.value(QStringLiteral("weight_decay")).toDouble();
        s.maxGradNorm = c.value(QStringLiteral("max_grad_norm")).toDouble();
        s.heldOutFraction = c.value(QStringLiteral("held_out_fraction")).toDouble();
        s.seed = quint64(c.value(QStringLiteral("seed")).toInteger());
        auto type = dpoLossTypeFromName(c.value(QStringLiteral("loss_type")).toString());
        if (!type)
            return fail(type.error());
        s.loss.type = *type;
        s.loss.beta = c.value(QStringLiteral("beta")).toDouble();
        s.loss.labelSmoothing = c.value(QStringLiteral("label_smoothing")).toDouble();
        s.lora.r = int(c.value(QStringLiteral("lora_r")).toInteger());
        s.lora.alpha = c.value(QStringLiteral("lora_alpha")).toDouble();
        s.lora.dropout = c.value(QStringLiteral("lora_dropout")).toDouble();
        s.lora.targetModules.clear();
        for (const QString &t : c.value(QStringLiteral("lora_targets")).toString().split(QLatin1Char(',')))
            if (!t.trimmed().isEmpty())
                s.lora.targetModules << t.trimmed();
        if (s.lora.targetModules.isEmpty())
            return fail(QStringLiteral("setting 'lora_targets' names no projection"));
        return s;
    }
};

// The batch order: epoch e visits the training pairs in a permutation drawn from (seed, e), and
// step s reads positions [s B, (s + 1) B) of the epochs laid end to end. A pure function of
// (seed, step), so a resumed run reads the very batches the uninterrupted one would have.
class BatchOrder
{
public:
    BatchOrder(qint64 pairs, qint64 batchSize, quint64 seed) : m_pairs(pairs), m_batch(batchSize), m_seed(seed) {}

    std::vector<std::int64_t> batch(qint64 step)
    {
        std::vector<std::int64_t> out;
        out.reserve(size_t(m_batch));
        for (qint64 pos = step * m_batch; pos < (step + 1) * m_batch; ++pos)
            out.push_back(epoch(pos / m_pairs)[size_t(pos % m_pairs)]);
        return out;
    }

private:
    const std::vector<std::int64_t> &epoch(qint64 e)
    {
        auto it = m_epochs.find(e);
        if (it != m_epochs.end())
            return it->second;
        at::Generator g = at::detail::createCPUGenerator(m_seed * 1000003ULL + quint64(e) * 7919ULL + 17ULL);
        const at::Tensor perm = at::randperm(m_pairs, g, at::kLong);
        const std::int64_t *p = perm.data_ptr<std::int64_t>();
        return m_epochs.emplace(e, std::vector<std::int64_t>(p, p + m_pairs)).first->second;
    }

    qint64 m_pairs, m_batch;
    quint64 m_seed;
    std::map<qint64, std::vector<std::int64_t>> m_epochs;
};

} // namespace

PackedBatch packPreferencePairs(const std::vector<PreferenceExample> &examples,
                                const std::vector<std::int64_t> &indices)
{
    std::vector<std::vector<std::int64_t>> sequences;
    std::vector<std::int64_t> lossFrom;
    sequences.reserve(indices.size() * 2);
    for (int side = 0; side < 2; ++side) {
        for (std::int64_t i : indices) {
            const PreferenceExample &e = examples[size_t(i)];
            std::vector<std::int64_t> s = e.prompt;
            const auto &answer = side == 0 ? e.chosen : e.rejected;
            s.insert(s.end(), answer.begin(), answer.end());
            sequences.push_back(std::move(s));
            lossFrom.push_back(std::int64_t(e.prompt.size()) - 1);
        }
    }
    return packSequences(sequences, lossFrom);
}

namespace {

// Summed log-probs of each pair's chosen and rejected answers [n] each (IPO: averaged per token,
// as TRL does).
struct PairLogps
{
    torch::Tensor chosen, rejected;
};

PairLogps pairLogps(LlamaForCausalLMImpl &model, const std::vector<PreferenceExample> &examples,
                    const std::vector<std::int64_t> &indices, const torch::Device &device, bool average)
{
    PackedBatch batch = packPreferencePairs(examples, indices);
    batch.ids = batch.ids.to(device);
    batch.labels = batch.labels.to(device);
    auto [logps, counts] = packedSequenceLogProbs(model, batch);
    if (average)
        logps = logps / counts.clamp_min(1).to(logps.dtype());
    const auto n = std::int64_t(indices.size());
    return {logps.slice(0, 0, n), logps.slice(0, n, 2 * n)};
}

// The reference (adapter off, no grad) log-probs of `indices`, written into chosen/rejected [N].
Status computeReference(LlamaForCausalLMImpl &model, const std::vector<PreferenceExample> &examples,
                        const std::vector<std::int64_t> &indices, qint64 batchPairs, const torch::Device &device,
                        bool average, torch::Tensor &chosen, torch::Tensor &rejected, RunSession &session,
                        const QString &what)
{
    torch::NoGradGuard noGrad;
    setLoraEnabled(model, false);
    const bool wasTraining = model.is_training();
    model.eval();
    for (size_t from = 0; from < indices.size(); from += size_t(batchPairs)) {
        const size_t to = std::min(indices.size(), from + size_t(batchPairs));
        const std::vector<std::int64_t> part(indices.begin() + std::ptrdiff_t(from), indices.begin() + std::ptrdiff_t(to));
        PairLogps lp = pairLogps(model, examples, part, device, average);
        const torch::Tensor where = at::tensor(part, at::kLong);
        chosen.index_copy_(0, where, lp.chosen.to(torch::kCPU, torch::kFloat));
        rejected.index_copy_(0, where, lp.rejected.to(torch::kCPU, torch::kFloat));
        if (session.stopRequested())
            break;
    }
    model.train(wasTraining);
    setLoraEnabled(model, true);
    session.event(QStringLiteral("reference log-probabilities of %1 %2 pairs computed").arg(indices.size()).arg(what));
    return {};
}

QString encodeGeneratorState(const at::Generator &g)
{
    const at::Tensor state = g.get_state();
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(state.data_ptr()), int(state.numel()))
                                   .toBase64());
}

} // namespace

Result<TrainOutcome> runDpoTraining(const TrainJob &jobIn, const TrainCallbacks &callbacks)
{
    if (!jobIn.store)
        return fail(QStringLiteral("DPO training needs a project database"));
    TrainJob job = jobIn;
    job.kind = QString(kRunDpo);
    Store &store = *job.store;

    // A resumed run continues with its recorded settings.
    QJsonObject given = job.config;
    if (job.resumeRunId > 0) {
        Result<RunRecord> run = store.run(job.resumeRunId);
        if (!run)
            return fail(run.error());
        given = run->config.value(QStringLiteral("settings")).toObject();
    }
    auto config = resolveTrainConfig(dpoParams(), given);
    if (!config)
        return fail(QStringLiteral("DPO: %1").arg(config.error()));
    auto settings = Settings::from(*config);
    if (!settings)
        return fail(QStringLiteral("DPO: %1").arg(settings.error()));
    const Settings &s = *settings;
    auto deviceName = resolveDevice(job.device);
    if (!deviceName)
        return fail(deviceName.error());

    const QString modelDir = job.modelDir.isEmpty() ? defaultModelDir() : job.modelDir;
    auto tokenizer = Tokenizer::load(QDir(modelDir).filePath(QStringLiteral("tokenizer.model")));
    if (!tokenizer)
        return fail(tokenizer.error());
    auto loaded = loadCausalLM(modelDir);
    if (!loaded)
        return fail(loaded.error());
    LlamaForCausalLM model = *loaded;

    // The prompts `explain` will build for this model: its trained prompt budget, in its context.
    PreferenceOptions dataOptions;
    dataOptions.seed = s.seed;
    dataOptions.heldOutFraction = s.heldOutFraction;
    dataOptions.contextTokens = int(model->config().maxPositionEmbeddings);
    dataOptions.promptTokens = std::min(dataOptions.promptTokens, dataOptions.contextTokens - 32);
    {
        QFile file(QDir(modelDir).filePath(QStringLiteral("config.json")));
        if (file.open(QIODevice::ReadOnly)) {
            const int budget = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("lab_prompt_tokens")).toInt();
            if (budget > 0)
                dataOptions.promptTokens = std::min(budget, dataOptions.contextTokens - 16);
        }
    }
    auto data = loadPreferences(store, *tokenizer, job.votes, dataOptions);
    if (!data)
        return fail(data.error());
    if (data->train.empty())
        return fail(QStringLiteral("DPO: no preference pairs to train on (%1)").arg(data->describe()));

    auto begun = RunSession::begin(job, *config, data->snapshot, callbacks);
    if (!begun)
        return fail(begun.error());
    RunSession &session = **begun;
    session.event(QStringLiteral("DPO on %1").arg(data->describe()));

    const auto nTrain = qint64(data->train.size());
    qint64 step = 0;
    try {
        const torch::Device device(deviceName->toStdString());
        LoraConfig lora = s.lora;
        lora.baseModel = QDir(modelDir).absolutePath();
        auto loraParams = addLora(*model, lora, s.seed);
        if (!loraParams)
            return session.finish(0, {}, QStringLiteral("DPO: %1").arg(loraParams.error()));
        model->to(device);
        model->train();
        AdamWOptions adamOptions;
        adamOptions.weightDecay = s.weightDecay;
        AdamW optimizer(trainableParameters(*model), adamOptions);

        // The reference cache: [pairs] float32 on the CPU, NaN where the run never needs it.
        const bool average = s.loss.type == DpoLossType::Ipo;
        torch::Tensor refChosen = at::full({nTrain}, NAN, at::kFloat);
        torch::Tensor refRejected = at::full({nTrain}, NAN, at::kFloat);
        std::vector<std::int64_t> evalIndices;
        {
            const auto nHeld = qint64(data->heldOut.size());
            const qint64 n = std::min(nHeld, s.evalPairs);
            // Evenly spread over the held-out pairs (they come grouped by incident).
            for (qint64 i = 0; i < n; ++i)
                evalIndices.push_back(i * nHeld / n);
        }
        torch::Tensor evalRefChosen = at::full({qint64(evalIndices.size())}, NAN, at::kFloat);
        torch::Tensor evalRefRejected = evalRefChosen.clone();

        BatchOrder order(nTrain, s.batchSize, s.seed);
        double secondsBefore = 0.0;
        const QString checkpoint = session.checkpointDir();
        bool haveReference = false;
        if (session.resumed() && QFileInfo::exists(QDir(checkpoint).filePath(kStateFile))) {
            QFile stateFile(QDir(checkpoint).filePath(kStateFile));
            if (!stateFile.open(QIODevice::ReadOnly))
                return session.finish(0, {}, QStringLiteral("%1: cannot read").arg(stateFile.fileName()));
            const QJsonObject state = QJsonDocument::fromJson(stateFile.readAll()).object();
            step = state.value(QStringLiteral("step")).toInteger();
            secondsBefore = state.value(QStringLiteral("seconds")).toDouble();
            if (state.value(QStringLiteral("train_pairs")).toInteger() != nTrain)
                return session.finish(step, {}, QStringLiteral("%1: written for %2 training pairs, the votes give %3")
                                                    .arg(checkpoint)
                                                    .arg(state.value(QStringLiteral("train_pairs")).toInteger())
                                                    .arg(nTrain));
            auto adapterFile = SafetensorsFile::open(QDir(checkpoint).filePath(kAdapterFile));
            if (!adapterFile)
                return session.finish(step, {}, adapterFile.error());
            {
                torch::NoGradGuard noGrad;
                for (const NamedParameter &p : optimizer.parameters()) {
                    auto t = adapterFile->tensor(p.name);
                    if (!t)
                        return session.finish(step, {}, t.error());
                    if (t->sizes() != p.tensor.sizes())
                        return session.finish(step, {}, QStringLiteral("%1: %2 has another shape")
                                                            .arg(adapterFile->path(), QString::fromStdString(p.name)));
                    p.tensor.copy_(*t);
                }
            }
            auto optimizerFile = SafetensorsFile::open(QDir(checkpoint).filePath(kOptimizerFile));
            if (!optimizerFile)
                return session.finish(step, {}, optimizerFile.error());
            std::map<std::string, torch::Tensor> moments;
            for (const std::string &name : optimizerFile->names()) {
                auto t = optimizerFile->tensor(name);
                if (!t)
                    return session.finish(step, {}, t.error());
                moments[name] = *t;
            }
            if (Status st = optimizer.loadState(moments, step, checkpoint); !st)
                return session.finish(step, {}, st.error());
            auto refFile = SafetensorsFile::open(QDir(checkpoint).filePath(kReferenceFile));
            if (!refFile)
                return session.finish(step, {}, refFile.error());
            auto rc = refFile->tensor("train.chosen"), rr = refFile->tensor("train.rejected");
            auto ec = refFile->tensor("held_out.chosen"), er = refFile->tensor("held_out.rejected");
            if (!rc || !rr || !ec || !er)
                return session.finish(step, {}, QStringLiteral("%1: reference log-probabilities missing")
                                                    .arg(refFile->path()));
            if (rc->numel() != nTrain || ec->numel() != evalRefChosen.numel())
                return session.finish(step, {}, QStringLiteral("%1: written for other pairs").arg(refFile->path()));
            refChosen = rc->clone();
            refRejected = rr->clone();
            evalRefChosen = ec->clone();
            evalRefRejected = er->clone();
            haveReference = true;
            session.setResumePoint(step, secondsBefore);
        }

        if (!haveReference) {
            // Every pair the whole run will read, computed once.
            std::set<std::int64_t> needed;
            for (qint64 k = 0; k < s.steps && qint64(needed.size()) < nTrain; ++k)
                for (std::int64_t i : order.batch(k))
                    needed.insert(i);
            const std::vector<std::int64_t> indices(needed.begin(), needed.end());
            session.event(QStringLiteral("computing the reference log-probabilities of %1 pairs").arg(indices.size()));
            computeReference(*model, data->train, indices, s.referenceBatch, device, average, refChosen,
                             refRejected, session, QStringLiteral("training"));
            if (!evalIndices.empty()) {
                std::vector<std::int64_t> all(evalIndices.size());
                for (size_t i = 0; i < all.size(); ++i)
                    all[i] = std::int64_t(i);
                std::vector<PreferenceExample> evalExamples;
                for (std::int64_t i : evalIndices)
                    evalExamples.push_back(data->heldOut[size_t(i)]);
                computeReference(*model, evalExamples, all, s.referenceBatch, device, average, evalRefChosen,
                                 evalRefRejected, session, QStringLiteral("held-out"));
            }
        }
        std::vector<PreferenceExample> evalExamples;
        for (std::int64_t i : evalIndices)
            evalExamples.push_back(data->heldOut[size_t(i)]);

        auto saveCheckpoint = [&](qint64 atStep) -> Status {
            QJsonObject state{{QStringLiteral("step"), atStep},
                              {QStringLiteral("seconds"), session.seconds()},
                              {QStringLiteral("config"), *config},
                              {QStringLiteral("vote_snapshot"), data->snapshot},
                              {QStringLiteral("train_pairs"), nTrain},
                              {QStringLiteral("held_out_pairs"), qint64(data->heldOut.size())},
                              {QStringLiteral("data_order"),
                               QStringLiteral("epoch permutations drawn from (seed, epoch); step s reads "
                                              "positions [s*batch_size, (s+1)*batch_size)")},
                              {QStringLiteral("rng_state"), encodeGeneratorState(at::detail::getDefaultCPUGenerator())},
                              {QStringLiteral("run_id"), session.runId()}};
            return writeDirAtomically(checkpoint, [&](const QString &tmp) -> Status {
                std::vector<std::pair<std::string, at::Tensor>> weights;
                for (const NamedParameter &p : optimizer.parameters())
                    weights.emplace_back(p.name, p.tensor.detach());
                if (Status st = saveSafetensors(QDir(tmp).filePath(kAdapterFile), weights); !st)
                    return st;
                const auto moments = optimizer.state();
                if (Status st = saveSafetensors(QDir(tmp).filePath(kOptimizerFile),
                                                {moments.begin(), moments.end()});
                    !st)
                    return st;
                if (Status st = saveSafetensors(QDir(tmp).filePath(kReferenceFile),
                                                {{"train.chosen", refChosen},
                                                 {"train.rejected", refRejected},
                                                 {"held_out.chosen", evalRefChosen},
                                                 {"held_out.rejected", evalRefRejected}});
                    !st)
                    return st;
                return writeFileAtomically(QDir(tmp).filePath(kStateFile),
                                           QJsonDocument(state).toJson(QJsonDocument::Indented));
            });
        };

        // Held-out rewards of the current policy (no grad, dropout off).
        auto evaluate = [&](qint64 atStep) -> QVector<MetricPoint> {
            if (evalExamples.empty())
                return {};
            torch::NoGradGuard noGrad;
            model->eval();
            std::vector<torch::Tensor> chosen, rejected;
            for (size_t from = 0; from < evalExamples.size(); from += size_t(s.referenceBatch)) {
                std::vector<std::int64_t> part;
                for (size_t i = from; i < std::min(evalExamples.size(), from + size_t(s.referenceBatch)); ++i)
                    part.push_back(std::int64_t(i));
                PairLogps lp = pairLogps(*model, evalExamples, part, device, average);
                chosen.push_back(lp.chosen.to(torch::kCPU, torch::kFloat));
                rejected.push_back(lp.rejected.to(torch::kCPU, torch::kFloat));
            }
            model->train();
            auto loss = dpoLoss(at::cat(chosen), at::cat(rejected), evalRefChosen, evalRefRejected, s.loss);
            QVector<MetricPoint> points;
            if (!loss)
                return points;
            for (const auto &[name, value] : loss->stats)
                points.push_back({atStep, QStringLiteral("eval/") + name, value});
            return points;
        };

        std::map<QString, double> window;
        qint64 windowSteps = 0;
        bool ended = false;
        const bool dropout = s.lora.dropout > 0.0;
        while (step < s.steps && !ended) {
            // One step: batch, zero_grad, policy forward, loss, backward, clip, update.
            const std::vector<std::int64_t> indices = order.batch(step);
            if (dropout) // dropout masks as a function of (seed, step), for exact resumes
                at::manual_seed(s.seed * 1000003ULL + quint64(step));
            optimizer.zeroGrad();
            PairLogps policy = pairLogps(*model, data->train, indices, device, average);
            const torch::Tensor where = at::tensor(indices, at::kLong);
            auto loss = dpoLoss(policy.chosen, policy.rejected, refChosen.index_select(0, where).to(device),
                                refRejected.index_select(0, where).to(device), s.loss);
            if (!loss)
                return session.finish(step, {}, QStringLiteral("DPO: %1").arg(loss.error()));
            const double lossValue = loss->stats[QStringLiteral("loss")];
            double gradNorm = NAN;
            if (std::isfinite(lossValue)) {
                loss->loss.backward();
                gradNorm = optimizer.clipGradNorm(s.maxGradNorm);
            }
            const double lr = warmupCosineLr(step, s.warmup, s.steps, s.lr, s.minLrRatio);
            // A non-finite loss or gradient never reaches the weights: the guard pauses the run at
            // this very step and the last checkpoint stays the good one.
            const bool finite = std::isfinite(lossValue) && std::isfinite(gradNorm);
            if (finite)
                optimizer.step(lr);
            ++step;
            for (const auto &[name, value] : loss->stats)
                window[name] += value;
            window[QStringLiteral("grad_norm")] += gradNorm;
            ++windowSteps;

            if (!finite || step % s.logEvery == 0 || step == s.steps) {
                QVector<MetricPoint> points;
                for (const auto &[name, sum] : window)
                    points.push_back({step, name, sum / double(windowSteps)});
                points.push_back({step, QStringLiteral("learning_rate"), lr});
                if (finite && (step % s.evalEvery == 0 || step == s.steps))
                    points += evaluate(step);
                window.clear();
                windowSteps = 0;
                if (!session.report(step, s.steps, points))
                    ended = true;
            } else if (finite && step % s.evalEvery == 0) {
                if (!session.report(step, s.steps, evaluate(step)))
                    ended = true;
            }
            if (ended && session.stopRequested() && session.guardMessage().isEmpty() && session.failure().isEmpty()) {
                if (Status st = saveCheckpoint(step); !st)
                    return session.finish(step, {}, st.error());
                session.event(QStringLiteral("checkpoint written at step %1").arg(step), TrainEventLevel::Info, step);
            } else if (!ended && (step % s.checkpointEvery == 0 || step == s.steps)) {
                if (Status st = saveCheckpoint(step); !st)
                    return session.finish(step, {}, st.error());
                session.event(QStringLiteral("checkpoint written at step %1").arg(step), TrainEventLevel::Info, step);
            }
        }

        QString output;
        if (!ended && step >= s.steps) {
            output = session.outputDir();
            model->to(torch::kCPU);
            if (Status st = writeDirAtomically(output, [&](const QString &tmp) { return saveLoraAdapter(*model, lora, tmp); });
                !st)
                return session.finish(step, {}, st.error());
        }
        QJsonObject extra{{QStringLiteral("train_pairs"), nTrain},
                          {QStringLiteral("held_out_pairs"), qint64(data->heldOut.size())},
                          {QStringLiteral("eval_pairs"), qint64(evalExamples.size())},
                          {QStringLiteral("data"), data->describe()},
                          {QStringLiteral("model_dir"), QDir(modelDir).absolutePath()}};
        return session.finish(step, output, {}, extra);
    } catch (const c10::Error &e) {
        return session.finish(step, {}, QStringLiteral("DPO training failed: %1")
                                            .arg(QString::fromStdString(e.what_without_backtrace())));
    } catch (const std::exception &e) {
        return session.finish(step, {}, QStringLiteral("DPO training failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace lab
