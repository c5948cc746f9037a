#include "core/train/ppo_trainer.h"

#include "core/common/paths.h"
#include "core/explain/explain_prompt.h"
#include "core/model/device.h"
#include "core/model/generation.h"
#include "core/model/heads.h"
#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/model/packed_forward.h"
#include "core/model/safetensors.h"
#include "core/store/store.h"
#include "core/text/tokenizer.h"
#include "core/train/adamw.h"
#include "core/train/checkpoint.h"
#include "core/train/ppo_math.h"
#include "core/train/ppo_rollout.h"
#include "core/train/run_session.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/utils.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

namespace lab {
namespace {

const QString kTrainerState = QStringLiteral("trainer_state.json");
const QString kAdapterSub = QStringLiteral("adapter");
const QString kValueHeadFile = QStringLiteral("value_head.safetensors");
const QString kOptimizerFile = QStringLiteral("optimizer.safetensors");
constexpr const char *kValueHeadName = "value_head.weight";

struct PpoSettings
{
    qint64 steps = 0;
    int batchSize = 0, miniBatches = 0, ppoEpochs = 0;
    double learningRate = 0, maxGradNorm = 0, weightDecay = 0;
    int loraR = 0;
    double loraAlpha = 0;
    bool loraMlp = false;
    double temperature = 0;
    int maxNewTokens = 0;
    double missingEosPenalty = 0;
    double initKlCoef = 0;
    bool adaptiveKl = true;
    double klTarget = 0, klHorizon = 0;
    double gamma = 0, lambda = 0, clipRange = 0, clipRangeValue = 0, vfCoef = 0;
    QString valueHeadInit;
    bool valueGradToPolicy = false;
    QString rewardModel;
    quint64 seed = 0;
    qint64 checkpointEvery = 0;
    double klLimit = 0, minEntropy = 0;
};

PpoSettings readSettings(const QJsonObject &c)
{
    auto i = [&](const char *k) { return qint64(c.value(QLatin1String(k)).toDouble()); };
    auto d = [&](const char *k) { return c.value(QLatin1String(k)).toDouble(); };
    auto b = [&](const char *k) { return c.value(QLatin1String(k)).toBool(); };
    auto s = [&](const char *k) { return c.value(QLatin1String(k)).toString(); };
    PpoSettings p;
    p.steps = i("steps");
    p.batchSize = int(i("batch_size"));
    p.miniBatches = int(i("mini_batches"));
    p.ppoEpochs = int(i("ppo_epochs"));
    p.learningRate = d("learning_rate");
    p.maxGradNorm = d("max_grad_norm");
    p.weightDecay = d("weight_decay");
    p.loraR = int(i("lora_r"));
    p.loraAlpha = d("lora_alpha");
    p.loraMlp = b("lora_mlp");
    p.temperature = d("temperature");
    p.maxNewTokens = int(i("max_new_tokens"));
    p.missingEosPenalty = d("missing_eos_penalty");
    p.initKlCoef = d("init_kl_coef");
    p.adaptiveKl = b("adaptive_kl");
    p.klTarget = d("kl_target");
    p.klHorizon = d("kl_horizon");
    p.gamma = d("gamma");
    p.lambda = d("lam");
    p.clipRange = d("clip_range");
    p.clipRangeValue = d("clip_range_value");
    p.vfCoef = d("vf_coef");
    p.valueHeadInit = s("value_head_init");
    p.valueGradToPolicy = b("value_grad_to_policy");
    p.rewardModel = s("reward_model");
    p.seed = quint64(i("seed"));
    p.checkpointEvery = i("checkpoint_every");
    p.klLimit = d("kl_limit");
    p.minEntropy = d("min_entropy");
    return p;
}

QString fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

// What the run trains on: the reward model (its weights, by hash) and the incidents it draws from.
QString dataSnapshot(const QString &rewardModelDir, const std::vector<qint64> &incidents)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QByteArrayLiteral("ppo\n"));
    hash.addData(fileHash(QDir(rewardModelDir).filePath(QStringLiteral("model.safetensors"))).toLatin1());
    for (qint64 id : incidents)
        hash.addData(QByteArray(QByteArray::number(id) + ' '));
    return QString::fromLatin1(hash.result().toHex().left(16));
}

double mean(const std::vector<double> &xs)
{
    return xs.empty() ? 0.0 : std::accumulate(xs.begin(), xs.end(), 0.0) / double(xs.size());
}

} // namespace


Result<TrainOutcome> runPpoTraining(const TrainJob &jobIn, const TrainCallbacks &callbacks)
{
    TrainJob job = jobIn;
    job.kind = QString(kRunPpo);
    if (!job.store)
        return fail(QStringLiteral("training needs a project database"));
    Store &store = *job.store;

    // A resumed run continues with its own recorded settings.
    QJsonObject given = job.config;
    if (job.resumeRunId > 0) {
        Result<RunRecord> run = store.run(job.resumeRunId);
        if (!run)
            return fail(run.error());
        given = run->config.value(QStringLiteral("settings")).toObject();
    }
    Result<QJsonObject> config = resolveTrainConfig(ppoParams(), given);
    if (!config)
        return fail(config.error());
    const PpoSettings s = readSettings(*config);
    if (s.batchSize < s.miniBatches)
        return fail(QStringLiteral("PPO: batch_size (%1) must be at least mini_batches (%2)").arg(s.batchSize).arg(s.miniBatches));
    Result<QString> deviceName = resolveDevice(job.device);
    if (!deviceName)
        return fail(deviceName.error());

    // The reward model first: without one there is nothing to optimise.
    QString rewardDir = s.rewardModel;
    if (rewardDir.isEmpty()) {
        Result<QString> current = currentRewardModelDir(store);
        if (!current)
            return fail(QStringLiteral("PPO needs a reward model: train a reward model first (%1)").arg(current.error()));
        rewardDir = *current;
    }
    Result<LlamaRewardModel> rewardModel = loadRewardModel(rewardDir);
    if (!rewardModel)
        return fail(QStringLiteral("cannot load the reward model in %1: %2").arg(rewardDir, rewardModel.error()));

    const QString modelDir = job.modelDir.isEmpty() ? defaultModelDir() : job.modelDir;
    Result<LlamaForCausalLM> loaded = loadCausalLM(modelDir);
    if (!loaded)
        return fail(QStringLiteral("cannot load the model in %1: %2").arg(modelDir, loaded.error()));
    LlamaForCausalLM model = *loaded;
    Result<Tokenizer> tokenizer = Tokenizer::load(QDir(modelDir).filePath(QStringLiteral("tokenizer.model")));
    if (!tokenizer)
        return fail(QStringLiteral("cannot load the tokenizer of %1: %2").arg(modelDir, tokenizer.error()));
    const LlamaConfig modelConfig = model->config();
    if ((*rewardModel)->config().vocabSize < tokenizer->vocabSize())
        return fail(QStringLiteral("the reward model in %1 has %2 embeddings but the tokenizer of %3 has %4 pieces; "
                                   "they do not belong together")
                        .arg(rewardDir)
                        .arg((*rewardModel)->config().vocabSize)
                        .arg(modelDir)
                        .arg(tokenizer->vocabSize()));
    if (s.valueHeadInit == QLatin1String("reward_model") && (*rewardModel)->config().hiddenSize != modelConfig.hiddenSize)
        return fail(QStringLiteral("value_head_init 'reward_model' needs the reward model's hidden size (%1) to match the policy's (%2)")
                        .arg((*rewardModel)->config().hiddenSize)
                        .arg(modelConfig.hiddenSize));
    if (s.maxNewTokens > modelConfig.maxPositionEmbeddings - kMinPromptTokens)
        return fail(QStringLiteral("max_new_tokens %1 leaves no room for a prompt in a context of %2")
                        .arg(s.maxNewTokens)
                        .arg(modelConfig.maxPositionEmbeddings));

    // Prompts: every incident not kept for evaluation.
    Result<QVector<IncidentRecord>> records = store.incidents();
    if (!records)
        return fail(records.error());
    std::vector<qint64> incidentIds;
    for (const IncidentRecord &r : *records)
        if (r.status != QLatin1String("held_out"))
            incidentIds.push_back(r.id);
    std::sort(incidentIds.begin(), incidentIds.end());
    if (incidentIds.empty())
        return fail(QStringLiteral("%1 has no incidents to train on (held-out ones are never used)").arg(store.path()));
    const QString snapshot = dataSnapshot(rewardDir, incidentIds);

    GuardOptions guards;
    guards.klLimit = s.klLimit;
    guards.minEntropy = s.minEntropy;
    Result<std::unique_ptr<RunSession>> begun = RunSession::begin(job, *config, snapshot, callbacks, guards);
    if (!begun)
        return fail(begun.error());
    RunSession &session = **begun;

    qint64 step = 0;
    try {
        const torch::Device device(deviceName->toStdString());
        LlamaRewardModel rm = *rewardModel;
        rm->eval();
        for (auto &p : rm->parameters())
            p.set_requires_grad(false);
        rm->to(device);

        ScalarHead valueHead(modelConfig.hiddenSize);
        LoraConfig lora = s.loraMlp ? LoraConfig::withMlp(s.loraR, s.loraAlpha) : LoraConfig();
        lora.r = s.loraR;
        lora.alpha = s.loraAlpha;
        lora.baseModel = QFileInfo(modelDir).fileName();
        KlController kl = s.adaptiveKl ? KlController::adaptive(s.initKlCoef, s.klTarget, s.klHorizon)
                                       : KlController::fixed(s.initKlCoef);
        at::Generator sampler = at::detail::createCPUGenerator(s.seed);
        std::map<std::string, torch::Tensor> optimizerState;
        qint64 adamSteps = 0;

        const QString checkpoint = session.checkpointDir();
        const bool haveCheckpoint = session.resumed() && QFileInfo::exists(QDir(checkpoint).filePath(kTrainerState));
        if (haveCheckpoint) {
            QFile file(QDir(checkpoint).filePath(kTrainerState));
            if (!file.open(QIODevice::ReadOnly))
                return session.finish(0, {}, QStringLiteral("%1: cannot read").arg(file.fileName()));
            const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
            if (state.value(QStringLiteral("vote_snapshot")).toString() != snapshot)
                return session.finish(0, {}, QStringLiteral("%1 was written for another reward model or incident set").arg(checkpoint));
            Result<LoraConfig> restored = loadLoraAdapter(*model, QDir(checkpoint).filePath(kAdapterSub));
            if (!restored)
                return session.finish(0, {}, restored.error());
            lora = *restored;
            lora.baseModel = QFileInfo(modelDir).fileName();
            Result<SafetensorsFile> headFile = SafetensorsFile::open(QDir(checkpoint).filePath(kValueHeadFile));
            if (!headFile)
                return session.finish(0, {}, headFile.error());
            Result<at::Tensor> headWeight = headFile->tensor(kValueHeadName);
            if (!headWeight || headWeight->sizes() != valueHead->weight.sizes())
                return session.finish(0, {}, QStringLiteral("%1: no value head of the model's size").arg(headFile->path()));
            {
                torch::NoGradGuard noGrad;
                valueHead->weight.copy_(*headWeight);
            }
            Result<SafetensorsFile> optFile = SafetensorsFile::open(QDir(checkpoint).filePath(kOptimizerFile));
            if (!optFile)
                return session.finish(0, {}, optFile.error());
            for (const std::string &name : optFile->names()) {
                Result<at::Tensor> t = optFile->tensor(name);
                if (!t)
                    return session.finish(0, {}, t.error());
                optimizerState[name] = *t;
            }
            step = qint64(state.value(QStringLiteral("step")).toDouble());
            adamSteps = qint64(state.value(QStringLiteral("adam_steps")).toDouble());
            kl.setValue(state.value(QStringLiteral("kl_coef")).toDouble());
            setGeneratorState(sampler, QByteArray::fromBase64(state.value(QStringLiteral("rng_state")).toString().toLatin1()));
            session.setResumePoint(step, state.value(QStringLiteral("seconds")).toDouble());
        } else {
            Result<std::vector<torch::Tensor>> added = addLora(*model, lora, s.seed);
            if (!added)
                return session.finish(0, {}, added.error());
            if (s.valueHeadInit == QLatin1String("reward_model")) {
                torch::NoGradGuard noGrad;
                valueHead->weight.copy_(rm->score->weight.to(torch::kCPU));
            }
        }
        setLoraEnabled(*model, true);
        model->to(device);
        valueHead->to(device);

        std::vector<NamedParameter> trainable = trainableParameters(*model);
        trainable.push_back({kValueHeadName, valueHead->weight, false});
        AdamWOptions adamOptions;
        adamOptions.weightDecay = s.weightDecay;
        AdamW optimizer(trainable, adamOptions);
        if (!optimizerState.empty())
            if (Status st = optimizer.loadState(optimizerState, adamSteps, checkpoint); !st)
                return session.finish(step, {}, st.error());

        PromptSource prompts(store, *tokenizer, incidentIds,
                             promptBudget(modelDir, modelConfig.maxPositionEmbeddings, s.maxNewTokens), s.seed);
        GenerationConfig generation;
        generation.maxNewTokens = s.maxNewTokens;
        generation.doSample = true;
        generation.temperature = s.temperature;
        std::vector<qint64> eosIds(modelConfig.eosTokenIds.begin(), modelConfig.eosTokenIds.end());
        if (tokenizer->eosId() >= 0 && std::find(eosIds.begin(), eosIds.end(), qint64(tokenizer->eosId())) == eosIds.end())
            eosIds.push_back(tokenizer->eosId());
        for (qint64 id : eosIds)
            generation.eosTokenIds.push_back(id);
        const qint64 padId = tokenizer->padId() >= 0 ? tokenizer->padId() : modelConfig.padTokenId;
        generation.padTokenId = padId;

        auto writeCheckpoint = [&](qint64 atStep) -> Status {
            return writeDirAtomically(checkpoint, [&](const QString &tmp) -> Status {
                if (Status st = saveLoraAdapter(*model, lora, QDir(tmp).filePath(kAdapterSub)); !st)
                    return st;
                if (Status st = saveSafetensors(QDir(tmp).filePath(kValueHeadFile), {{kValueHeadName, valueHead->weight.detach()}}); !st)
                    return st;
                const auto adam = optimizer.state();
                if (Status st = saveSafetensors(QDir(tmp).filePath(kOptimizerFile),
                                                std::vector<std::pair<std::string, at::Tensor>>(adam.begin(), adam.end()));
                    !st)
                    return st;
                const QJsonObject state{{QStringLiteral("step"), atStep},
                                        {QStringLiteral("seconds"), session.seconds()},
                                        {QStringLiteral("settings"), *config},
                                        {QStringLiteral("vote_snapshot"), snapshot},
                                        {QStringLiteral("reward_model"), QDir(rewardDir).absolutePath()},
                                        {QStringLiteral("kl_coef"), kl.value()},
                                        {QStringLiteral("adam_steps"), optimizer.steps()},
                                        {QStringLiteral("rng_state"), QString::fromLatin1(generatorState(sampler).toBase64())}};
                return writeFileAtomically(QDir(tmp).filePath(kTrainerState), QJsonDocument(state).toJson());
            });
        };

        session.event(QStringLiteral("PPO on %1 incidents, reward model %2, %3 rollouts per iteration")
                          .arg(incidentIds.size())
                          .arg(QDir::toNativeSeparators(rewardDir))
                          .arg(s.batchSize));
        double eosRateSum = 0.0;
        qint64 iterationsHere = 0;
        while (step < s.steps) {
            // --- Rollouts: sample with the adapter on, score, and read what PPO needs. ---
            Result<std::vector<std::vector<std::int64_t>>> batchPrompts = prompts.batch(step, s.batchSize);
            if (!batchPrompts)
                return session.finish(step, {}, batchPrompts.error());
            const int B = s.batchSize;
            std::vector<std::vector<std::int64_t>> sequences(static_cast<size_t>(B)), responses(static_cast<size_t>(B));
            std::vector<std::int64_t> promptLengths(static_cast<size_t>(B));
            std::vector<bool> finished(static_cast<size_t>(B));
            torch::Tensor scores, oldLogp, oldValues, refLogp, entropy;
            {
                torch::NoGradGuard noGrad;
                model->eval();
                auto [ids, mask] = leftPadBatch(*batchPrompts, padId);
                Result<GenerationOutput> out = generate(*model, ids.to(device), mask.to(device), generation, sampler);
                if (!out)
                    return session.finish(step, {}, out.error());
                const torch::Tensor tokens = out->tokens.to(torch::kCPU).contiguous();
                const torch::Tensor lengths = out->lengths.to(torch::kCPU).contiguous();
                for (int r = 0; r < B; ++r) {
                    const std::int64_t n = lengths[r].item<std::int64_t>();
                    const std::int64_t *row = tokens[r].data_ptr<std::int64_t>();
                    responses[size_t(r)].assign(row, row + n);
                    if (responses[size_t(r)].empty())
                        responses[size_t(r)].push_back(padId); // never happens with maxNewTokens >= 1
                    finished[size_t(r)] = std::find(eosIds.begin(), eosIds.end(), responses[size_t(r)].back()) != eosIds.end();
                    promptLengths[size_t(r)] = std::int64_t((*batchPrompts)[size_t(r)].size());
                    sequences[size_t(r)] = (*batchPrompts)[size_t(r)];
                    sequences[size_t(r)].insert(sequences[size_t(r)].end(), responses[size_t(r)].begin(), responses[size_t(r)].end());
                }
                scores = scoreSequences(*rm, sequences, device);
                for (int r = 0; r < B; ++r)
                    if (!finished[size_t(r)])
                        scores[r].sub_(s.missingEosPenalty);
                TokenPass policy = tokenPass(*model, valueHead.get(), sequences, promptLengths, s.temperature, device, true, false);
                setLoraEnabled(*model, false);
                TokenPass reference = tokenPass(*model, nullptr, sequences, promptLengths, s.temperature, device, false, false);
                setLoraEnabled(*model, true);
                oldLogp = policy.logprobs.to(torch::kCPU);
                oldValues = policy.values.to(torch::kCPU);
                entropy = policy.entropy.to(torch::kCPU);
                refLogp = reference.logprobs.to(torch::kCPU);
            }

            // --- Rewards: KL penalty per token, score at the end; GAE; whitened advantages. ---
            std::vector<std::int64_t> offsets{0};
            for (const auto &r : responses)
                offsets.push_back(offsets.back() + std::int64_t(r.size()));
            std::vector<torch::Tensor> advantageRows, returnRows;
            std::vector<double> klSums, rlhfRewards;
            const double klCoef = kl.value();
            for (int r = 0; r < B; ++r) {
                const std::int64_t from = offsets[size_t(r)], len = offsets[size_t(r) + 1] - from;
                Result<ShapedRewards> shaped = shapeRewards(oldLogp.narrow(0, from, len), refLogp.narrow(0, from, len),
                                                            scores[r].item<double>(), klCoef);
                if (!shaped)
                    return session.finish(step, {}, shaped.error());
                Result<GaeResult> gae = computeGae(shaped->rewards, oldValues.narrow(0, from, len), s.gamma, s.lambda);
                if (!gae)
                    return session.finish(step, {}, gae.error());
                advantageRows.push_back(gae->advantages);
                returnRows.push_back(gae->returns);
                klSums.push_back(shaped->kl.sum().item<double>());
                rlhfRewards.push_back(scores[r].item<double>() + shaped->nonScoreReward.sum().item<double>());
            }
            const torch::Tensor returns = torch::cat(returnRows);
            Result<torch::Tensor> advantages = whitenMasked(torch::cat(advantageRows));
            if (!advantages)
                return session.finish(step, {}, advantages.error());
            const double returnVar = returns.var().item<double>();
            const double explainedVar = returnVar > 0 ? 1.0 - (returns - oldValues).var().item<double>() / returnVar
                                                      : 0.0;

            // --- PPO epochs over mini-batches of rows; their order is a pure function of (seed, step). ---
            model->train();
            std::vector<double> approxKls, clipFracs, policyLosses, valueLosses;
            std::mt19937_64 shuffle(s.seed * 0xD1B54A32D192ED03ULL + quint64(step) + 17);
            std::vector<int> rows(static_cast<size_t>(B));
            for (int epoch = 0; epoch < s.ppoEpochs; ++epoch) {
                std::iota(rows.begin(), rows.end(), 0);
                std::shuffle(rows.begin(), rows.end(), shuffle);
                for (int mb = 0; mb < s.miniBatches; ++mb) {
                    const int begin = mb * B / s.miniBatches, end = (mb + 1) * B / s.miniBatches;
                    std::vector<std::vector<std::int64_t>> mbSequences;
                    std::vector<std::int64_t> mbPromptLengths;
                    std::vector<torch::Tensor> mbOld, mbAdv, mbRet, mbVal;
                    for (int k = begin; k < end; ++k) {
                        const int r = rows[size_t(k)];
                        const std::int64_t from = offsets[size_t(r)], len = offsets[size_t(r) + 1] - from;
                        mbSequences.push_back(sequences[size_t(r)]);
                        mbPromptLengths.push_back(promptLengths[size_t(r)]);
                        mbOld.push_back(oldLogp.narrow(0, from, len));
                        mbAdv.push_back(advantages->narrow(0, from, len));
                        mbRet.push_back(returns.narrow(0, from, len));
                        mbVal.push_back(oldValues.narrow(0, from, len));
                    }
                    TokenPass now = tokenPass(*model, valueHead.get(), mbSequences, mbPromptLengths, s.temperature,
                                              device, false, s.valueGradToPolicy);
                    Result<PolicyLoss> pl = clippedPolicyLoss(now.logprobs, torch::cat(mbOld).to(device),
                                                              torch::cat(mbAdv).to(device), {}, s.clipRange);
                    if (!pl)
                        return session.finish(step, {}, pl.error());
                    Result<ValueLoss> vl = clippedValueLoss(now.values, torch::cat(mbVal).to(device),
                                                            torch::cat(mbRet).to(device), {}, s.clipRangeValue);
                    if (!vl)
                        return session.finish(step, {}, vl.error());
                    optimizer.zeroGrad();
                    const torch::Tensor loss = pl->loss + s.vfCoef * vl->loss;
                    loss.backward();
                    optimizer.clipGradNorm(s.maxGradNorm);
                    optimizer.step(s.learningRate);
                    approxKls.push_back(pl->approxKl);
                    clipFracs.push_back(pl->clipFraction);
                    policyLosses.push_back(pl->loss.item<double>());
                    valueLosses.push_back(vl->loss.item<double>());
                }
            }
            kl.update(mean(klSums), B);
            ++step;
            ++iterationsHere;

            double lengthSum = 0.0, eos = 0.0;
            for (int r = 0; r < B; ++r) {
                lengthSum += double(responses[size_t(r)].size());
                eos += finished[size_t(r)] ? 1.0 : 0.0;
            }
            eosRateSum += eos / B;
            const QVector<MetricPoint> points{
                {step, QStringLiteral("objective/scores"), scores.mean().item<double>()},
                {step, QStringLiteral("objective/kl"), mean(klSums)},
                {step, QStringLiteral("objective/entropy"), entropy.mean().item<double>()},
                {step, QStringLiteral("objective/rlhf_reward"), mean(rlhfRewards)},
                {step, QStringLiteral("policy/approxkl"), mean(approxKls)},
                {step, QStringLiteral("policy/clipfrac"), mean(clipFracs)},
                {step, QStringLiteral("loss/policy"), mean(policyLosses)},
                {step, QStringLiteral("loss/value"), mean(valueLosses)},
                {step, QStringLiteral("val/explained_var"), explainedVar},
                {step, QStringLiteral("kl_coef"), klCoef},
                {step, QStringLiteral("response/length"), lengthSum / B},
                {step, QStringLiteral("response/eos_rate"), eos / B},
            };
            const bool goOn = session.report(step, s.steps, points);
            if (!goOn || step == s.steps || step % s.checkpointEvery == 0) {
                if (Status st = writeCheckpoint(step); !st)
                    return session.finish(step, {}, st.error());
                session.event(QStringLiteral("checkpoint written at step %1").arg(step), TrainEventLevel::Info, step);
            }
            if (!goOn)
                break;
        }
        if (!session.failure().isEmpty())
            return session.finish(step, {});
        // The adapter is written whatever the ending (a paused run's can be inspected); the
        // session activates it only when the run finished well.
        model->to(torch::kCPU);
        if (Status st = saveLoraAdapter(*model, lora, session.outputDir()); !st)
            return session.finish(step, {}, st.error());
        const QJsonObject extra{{QStringLiteral("reward_model"), QDir(rewardDir).absolutePath()},
                                {QStringLiteral("incidents"), qint64(incidentIds.size())},
                                {QStringLiteral("mean_eos_rate"), iterationsHere > 0 ? eosRateSum / double(iterationsHere) : 0.0}};
        return session.finish(step, session.outputDir(), {}, extra);
    } catch (const c10::Error &e) {
        return session.finish(step, {}, QStringLiteral("PPO failed at step %1: %2").arg(step + 1).arg(QString::fromStdString(e.what_without_backtrace())));
    } catch (const std::exception &e) {
        return session.finish(step, {}, QStringLiteral("PPO failed at step %1: %2").arg(step + 1).arg(QString::fromUtf8(e.what())));
    }
}

} // namespace lab
