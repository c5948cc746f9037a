#include "core/train/reward_trainer.h"

#include "core/common/paths.h"
#include "core/explain/explain_prompt.h"
#include "core/model/device.h"
#include "core/model/heads.h"
#include "core/model/packed_forward.h"
#include "core/model/safetensors.h"
#include "core/store/store.h"
#include "core/text/tokenizer.h"
#include "core/train/adamw.h"
#include "core/train/checkpoint.h"
#include "core/train/lr_schedule.h"
#include "core/train/preference_data.h"
#include "core/train/preference_losses.h"
#include "core/train/reward_eval.h"
#include "core/train/run_session.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <utility>

namespace lab {

namespace {

constexpr int kDefaultPromptTokens = 352;

// The resolved settings, read once.
struct Settings
{
    qint64 steps, batchSize, warmupSteps, logEvery, checkpointEvery, evalEvery, evalPairs;
    qint64 trainLayers, promptTokens, contextTokens;
    double learningRate, minLrRatio, weightDecay, maxGradNorm, margin, heldOutFraction;
    double scoreSeconds;
    quint64 seed;
    bool scorePairs;

    static Settings from(const QJsonObject &c)
    {
        auto i = [&](const char *k) { return qint64(c.value(QLatin1String(k)).toDouble()); };
        auto f = [&](const char *k) { return c.value(QLatin1String(k)).toDouble(); };
        Settings s;
        s.steps = i("steps");
        s.batchSize = i("batch_size");
        s.warmupSteps = i("warmup_steps");
        s.logEvery = std::max<qint64>(1, i("log_every"));
        s.checkpointEvery = i("checkpoint_every");
        s.evalEvery = i("eval_every");
        s.evalPairs = i("eval_pairs");
        s.trainLayers = i("train_layers");
        s.promptTokens = i("prompt_tokens");
        s.contextTokens = i("context_tokens");
        s.learningRate = f("learning_rate");
        s.minLrRatio = f("min_lr_ratio");
        s.weightDecay = f("weight_decay");
        s.maxGradNorm = f("max_grad_norm");
        s.margin = f("margin");
        s.heldOutFraction = f("held_out_fraction");
        s.scoreSeconds = f("score_seconds");
        s.seed = quint64(i("seed"));
        s.scorePairs = c.value(QLatin1String("score_pairs")).toBool();
        return s;
    }
};

// The prompt budget the base model was trained with ("lab_prompt_tokens" in its config.json).
int modelPromptTokens(const QString &modelDir)
{
    QFile file(QDir(modelDir).filePath(QStringLiteral("config.json")));
    if (!file.open(QIODevice::ReadOnly))
        return kDefaultPromptTokens;
    const int v = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("lab_prompt_tokens")).toInt(0);
    return v >= kMinPromptTokens ? v : kDefaultPromptTokens;
}

// The order of the training pairs in epoch `epoch`: a pure function of (seed, epoch), so the
// batch of any step is known without replaying the earlier ones.
std::vector<size_t> epochOrder(size_t n, quint64 seed, qint64 epoch)
{
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), size_t(0));
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ull + quint64(epoch) + 1);
    for (size_t i = n; i > 1; --i) // Fisher-Yates: the same on every standard library
        std::swap(order[i - 1], order[size_t(rng() % i)]);
    return order;
}

std::vector<std::int64_t> joined(const std::vector<std::int64_t> &a, const std::vector<std::int64_t> &b)
{
    std::vector<std::int64_t> out;
    out.reserve(a.size() + b.size());
    out.insert(out.end(), a.begin(), a.end());
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

// Freezes the embedding and all but the top `trainLayers` decoder layers (and the final norm when
// no layer is trained): below the lowest trained layer nothing keeps activations or runs backward.
void freezeBelow(LlamaRewardModelImpl &rm, qint64 trainLayers)
{
    const auto layers = qint64(rm.model->layerList.size());
    const qint64 trained = trainLayers < 0 ? layers : std::min(trainLayers, layers);
    rm.model->embedTokens->weight.set_requires_grad(trained == layers);
    for (qint64 l = 0; l < layers; ++l)
        for (auto &p : rm.model->layerList[size_t(l)]->parameters())
            p.set_requires_grad(l >= layers - trained);
    for (auto &p : rm.model->norm->parameters())
        p.set_requires_grad(trained > 0);
}

struct StepStats
{
    torch::Tensor loss;
    std::map<QString, double> stats;
};

// One packed forward of the chosen and the rejected sequences of `pairs`: rewards [2B], chosen
// first, read at each sequence's last token.
torch::Tensor pairRewards(LlamaForCausalLMImpl &lm, LlamaRewardModelImpl &rm,
                          const std::vector<const PreferenceExample *> &pairs, const torch::Device &device)
{
    std::vector<std::vector<std::int64_t>> seqs;
    seqs.reserve(pairs.size() * 2);
    for (const PreferenceExample *p : pairs)
        seqs.push_back(joined(p->prompt, p->chosen));
    for (const PreferenceExample *p : pairs)
        seqs.push_back(joined(p->prompt, p->rejected));
    PackedBatch batch = packSequences(seqs);
    batch.ids = batch.ids.to(device);
    batch.labels = batch.labels.to(device);
    const torch::Tensor hidden = packedHidden(lm, batch); // [N, d]
    const torch::Tensor last = packedLastTokenIndex(batch).to(device);
    return rm.score(hidden.index_select(0, last)); // [2B]
}

// Share of held-out pairs whose chosen side gets the higher reward (no gradients).
double heldOutAccuracy(LlamaForCausalLMImpl &lm, LlamaRewardModelImpl &rm,
                       const std::vector<const PreferenceExample *> &pairs, const torch::Device &device)
{
    if (pairs.empty())
        return std::nan("");
    torch::NoGradGuard noGrad;
    rm.eval();
    qint64 correct = 0;
    constexpr size_t kEvalBatch = 16;
    for (size_t i = 0; i < pairs.size(); i += kEvalBatch) {
        const std::vector<const PreferenceExample *> batch(
            pairs.begin() + std::ptrdiff_t(i), pairs.begin() + std::ptrdiff_t(std::min(pairs.size(), i + kEvalBatch)));
        const torch::Tensor r = pairRewards(lm, rm, batch, device);
        const auto B = std::int64_t(batch.size());
        correct += (r.narrow(0, 0, B) > r.narrow(0, B, B)).sum().item<std::int64_t>();
    }
    rm.train();
    return double(correct) / double(pairs.size());
}

// At the end of a run that trained to the end: the reward model's margin r(A) - r(B) on every pair nobody has voted on
// yet, so the labeling queue serves the least-sure first. Estimated from the throughput of the
// held-out evaluation and skipped when it would take longer than `budgetSeconds`.
void scoreOpenPairs(RunSession &session, const QString &modelDir, const QString &device,
                    double tokensPerSecond, double budgetSeconds, qint64 step)
{
    QElapsedTimer timer;
    timer.start();
    Store &store = session.store();
    QVector<PairRecord> open;
    qint64 after = 0;
    for (;;) {
        PairFilter filter;
        filter.afterId = after;
        filter.limit = 5000;
        auto page = store.pairs(filter);
        if (!page) {
            session.event(QStringLiteral("pair scoring skipped: %1").arg(page.error()), TrainEventLevel::Warning, step);
            return;
        }
        for (const PairRecord &p : *page)
            if (p.voteCount == 0 && !p.gold)
                open << p;
        if (page->size() < 5000)
            break;
        after = page->last().id;
    }
    if (open.isEmpty()) {
        session.event(QStringLiteral("pair scoring: every pair already has a vote; nothing to rank"), TrainEventLevel::Info, step);
        return;
    }
    // About 2 x 450 tokens a pair on lab-tiny.
    const double estimate = tokensPerSecond > 0 ? double(open.size()) * 900.0 / tokensPerSecond : 0.0;
    if (estimate > budgetSeconds) {
        session.event(QStringLiteral("pair scoring skipped: %1 unvoted pairs would take about %2 s (limit %3 s); "
                                     "the labeling queue keeps its order")
                          .arg(open.size())
                          .arg(estimate, 0, 'f', 0)
                          .arg(budgetSeconds, 0, 'f', 0),
                      TrainEventLevel::Warning, step);
        return;
    }
    auto scorer = RewardScorer::load(modelDir, device);
    if (!scorer) {
        session.event(QStringLiteral("pair scoring skipped: %1").arg(scorer.error()), TrainEventLevel::Warning, step);
        return;
    }
    constexpr int kBatchPairs = 200;
    QVector<PairMargin> margins;
    QHash<qint64, std::vector<std::int64_t>> prompts; // per incident
    for (int from = 0; from < open.size(); from += kBatchPairs) {
        std::vector<std::vector<std::int64_t>> seqs;
        QVector<qint64> ids;
        for (int i = from; i < std::min<int>(int(open.size()), from + kBatchPairs); ++i) {
            const PairRecord &p = open[i];
            if (!prompts.contains(p.incidentId)) {
                auto log = store.logFor(p.incidentId);
                if (!log)
                    continue;
                prompts.insert(p.incidentId, promptTokens(scorer->tokenizer(), log->content, scorer->promptBudget()));
            }
            auto a = store.explanation(p.explanationA);
            auto b = store.explanation(p.explanationB);
            if (!a || !b)
                continue;
            const auto &prompt = prompts[p.incidentId];
            seqs.push_back(scorer->sequence(prompt, a->text));
            seqs.push_back(scorer->sequence(prompt, b->text));
            ids << p.id;
        }
        auto scores = scorer->score(seqs);
        if (!scores) {
            session.event(QStringLiteral("pair scoring stopped: %1").arg(scores.error()), TrainEventLevel::Warning, step);
            return;
        }
        for (int k = 0; k < ids.size(); ++k)
            margins.push_back({ids[k], (*scores)[size_t(2 * k)] - (*scores)[size_t(2 * k + 1)]});
        session.event(QStringLiteral("pair scoring: %1 of %2 unvoted pairs scored").arg(margins.size()).arg(open.size()),
                      TrainEventLevel::Info, step);
    }
    if (Status s = store.setPairMargins(margins); !s) {
        session.event(QStringLiteral("pair scoring: cannot store the margins: %1").arg(s.error()), TrainEventLevel::Warning, step);
        return;
    }
    session.event(QStringLiteral("pair scoring: %1 unvoted pairs ranked least-sure first in %2 s")
                      .arg(margins.size())
                      .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1),
                  TrainEventLevel::Info, step);
}

} // namespace

Result<TrainOutcome> runRewardTraining(const TrainJob &job, const TrainCallbacks &callbacks)
{
    if (!job.store)
        return fail(QStringLiteral("reward training: no project database"));
    Store &store = *job.store;

    // Settings: a resumed run continues with the settings it was recorded with.
    QJsonObject given = job.config;
    if (job.resumeRunId > 0) {
        auto run = store.run(job.resumeRunId);
        if (!run)
            return fail(run.error());
        given = run->config.value(QStringLiteral("settings")).toObject();
    }
    auto resolved = resolveTrainConfig(rewardParams(), given);
    if (!resolved)
        return fail(QStringLiteral("reward training: %1").arg(resolved.error()));
    const QJsonObject config = *resolved;
    const Settings s = Settings::from(config);

    const QString modelDir = job.modelDir.isEmpty() ? defaultModelDir() : job.modelDir;
    auto tokenizer = Tokenizer::load(QDir(modelDir).filePath(QStringLiteral("tokenizer.model")));
    if (!tokenizer)
        return fail(QStringLiteral("reward training: %1").arg(tokenizer.error()));
    auto deviceName = resolveDevice(job.device);
    if (!deviceName)
        return fail(deviceName.error());

    PreferenceOptions options;
    options.promptTokens = int(s.promptTokens > 0 ? s.promptTokens : modelPromptTokens(modelDir));
    options.contextTokens = int(s.contextTokens);
    options.heldOutFraction = s.heldOutFraction;
    options.seed = s.seed;
    if (callbacks.onEvent)
        callbacks.onEvent({TrainEventLevel::Info, 0, QStringLiteral("reading and tokenizing the votes")});
    auto data = loadPreferences(store, *tokenizer, job.votes, options);
    if (!data)
        return fail(data.error());
    if (data->train.empty())
        return fail(QStringLiteral("reward training: no A/B votes to train on (%1); vote in the Label view or run "
                                   "`rlhf-lab-cli label auto`")
                        .arg(data->describe()));

    auto started = RunSession::begin(job, config, data->snapshot, callbacks);
    if (!started)
        return fail(started.error());
    std::unique_ptr<RunSession> session = std::move(*started);
    session->event(data->describe());
    session->event(QStringLiteral("eval/accuracy is agreement with the held-out votes, which carry the annotators' "
                                  "noise (with 10% of votes flipped it cannot exceed about 90%)"));

    qint64 step = 0;
    QJsonObject extra;
    try {
        const torch::Device device(deviceName->toStdString());
        // The model: from the checkpoint of a resumed run, else the base backbone + a new head.
        const QString checkpoint = session->checkpointDir();
        const QString statePath = QDir(checkpoint).filePath(QStringLiteral("trainer_state.json"));
        QJsonObject state;
        std::map<std::string, torch::Tensor> optimizerState;
        Result<LlamaRewardModel> loaded = fail(QString());
        if (session->resumed() && QFile::exists(statePath)) {
            QFile f(statePath);
            if (!f.open(QIODevice::ReadOnly))
                return session->finish(0, {}, QStringLiteral("%1: cannot read").arg(statePath));
            state = QJsonDocument::fromJson(f.readAll()).object();
            loaded = loadRewardModel(checkpoint);
            auto opt = loadSafetensorsDir(checkpoint + QStringLiteral("/optimizer"));
            if (!opt)
                return session->finish(0, {}, opt.error());
            optimizerState = std::move(*opt);
        } else {
            loaded = loadRewardModel(modelDir, /*allowNewHead=*/true, s.seed);
        }
        if (!loaded)
            return session->finish(0, {}, loaded.error());
        LlamaRewardModel rm = *loaded;
        freezeBelow(*rm, s.trainLayers);
        rm->to(device);
        rm->train();
        LlamaForCausalLM lm(rm->config());
        lm->model = rm->model;

        AdamWOptions adamOptions;
        adamOptions.weightDecay = s.weightDecay;
        AdamW optimizer(trainableParameters(*rm), adamOptions);
        double secondsBefore = 0.0;
        if (!state.isEmpty()) {
            step = qint64(state.value(QStringLiteral("step")).toDouble());
            secondsBefore = state.value(QStringLiteral("seconds")).toDouble();
            if (Status st = optimizer.loadState(optimizerState, step, checkpoint); !st)
                return session->finish(0, {}, st.error());
            session->setResumePoint(step, secondsBefore);
            session->event(QStringLiteral("resumed from the checkpoint at step %1").arg(step), TrainEventLevel::Info, step);
        }

        std::vector<const PreferenceExample *> heldOut;
        for (const PreferenceExample &e : data->heldOut)
            heldOut.push_back(&e);
        if (s.evalPairs > 0 && qint64(heldOut.size()) > s.evalPairs) {
            // The same subset every time: a seeded shuffle of the held-out pairs, then the first ones.
            const std::vector<size_t> order = epochOrder(heldOut.size(), s.seed, -1);
            std::vector<const PreferenceExample *> subset;
            for (qint64 i = 0; i < s.evalPairs; ++i)
                subset.push_back(heldOut[order[size_t(i)]]);
            heldOut = std::move(subset);
        }
        qint64 evalTokens = 0;
        for (const PreferenceExample *e : heldOut)
            evalTokens += qint64(2 * e->prompt.size() + e->chosen.size() + e->rejected.size());

        const auto nTrain = qint64(data->train.size());
        const qint64 stepsPerEpoch = (nTrain + s.batchSize - 1) / s.batchSize;
        auto trainerState = [&](qint64 atStep) {
            return QJsonObject{{QStringLiteral("step"), atStep},
                               {QStringLiteral("seconds"), session->seconds()},
                               {QStringLiteral("config"), config},
                               {QStringLiteral("vote_snapshot"), data->snapshot},
                               {QStringLiteral("seed"), QString::number(s.seed)},
                               // The batches are a pure function of (seed, step); no RNG is drawn
                               // while training (no dropout), so the seed is all the random state.
                               {QStringLiteral("data_order"), QStringLiteral("fisher-yates(mt19937_64(seed * golden + epoch + 1))")},
                               {QStringLiteral("train_pairs"), nTrain}};
        };
        auto saveCheckpoint = [&](qint64 atStep) -> Status {
            Status st = writeDirAtomically(checkpoint, [&](const QString &tmp) -> Status {
                if (Status w = saveRewardModel(rm, tmp); !w)
                    return w;
                const auto opt = optimizer.state();
                std::vector<std::pair<std::string, at::Tensor>> tensors(opt.begin(), opt.end());
                if (!QDir().mkpath(tmp + QStringLiteral("/optimizer")))
                    return fail(QStringLiteral("%1/optimizer: cannot create the folder").arg(tmp));
                if (Status w = saveSafetensors(tmp + QStringLiteral("/optimizer/model.safetensors"), tensors); !w)
                    return w;
                return writeFileAtomically(tmp + QStringLiteral("/trainer_state.json"),
                                           QJsonDocument(trainerState(atStep)).toJson(QJsonDocument::Indented));
            });
            if (st)
                session->event(QStringLiteral("checkpoint written at step %1").arg(atStep), TrainEventLevel::Info, atStep);
            return st;
        };
        double evalTokensPerSecond = 0.0;
        auto evaluate = [&](qint64 atStep, QVector<MetricPoint> &points, const QString &why) {
            if (heldOut.empty())
                return;
            QElapsedTimer t;
            t.start();
            const double acc = heldOutAccuracy(*lm, *rm, heldOut, device);
            const double secs = std::max(1e-3, double(t.elapsed()) / 1000.0);
            evalTokensPerSecond = double(evalTokens) / secs;
            points.push_back({atStep, QStringLiteral("eval/accuracy"), acc});
            session->event(QStringLiteral("%1: eval/accuracy %2% on %3 held-out pairs (agreement with noisy votes), %4 s")
                               .arg(why)
                               .arg(acc * 100.0, 0, 'f', 1)
                               .arg(heldOut.size())
                               .arg(secs, 0, 'f', 1),
                           TrainEventLevel::Info, atStep);
        };

        std::map<QString, double> window;
        qint64 windowSteps = 0;
        std::vector<size_t> order;
        qint64 orderEpoch = -1;
        const torch::Tensor marginTensor =
            s.margin > 0 ? at::full({s.batchSize}, s.margin, at::TensorOptions().dtype(at::kFloat).device(device))
                         : torch::Tensor();
        bool stoppedEarly = false;
        session->event(QStringLiteral("training %1 steps of %2 pairs (%3 steps an epoch) on %4")
                           .arg(s.steps)
                           .arg(s.batchSize)
                           .arg(stepsPerEpoch)
                           .arg(*deviceName),
                       TrainEventLevel::Info, step);
        // The held-out accuracy of the new head before any step, charted at step 0, so a chart
        // shows where the run started.
        if (step == 0) {
            QVector<MetricPoint> baseline;
            evaluate(0, baseline, QStringLiteral("before training"));
            if (!baseline.isEmpty() && !session->report(0, s.steps, baseline))
                return session->finish(0, {});
        }
        while (step < s.steps) {
            const qint64 epoch = step / stepsPerEpoch, inEpoch = step % stepsPerEpoch;
            if (epoch != orderEpoch) {
                order = epochOrder(size_t(nTrain), s.seed, epoch);
                orderEpoch = epoch;
            }
            std::vector<const PreferenceExample *> pairs;
            for (qint64 i = inEpoch * s.batchSize; i < std::min(nTrain, (inEpoch + 1) * s.batchSize); ++i)
                pairs.push_back(&data->train[order[size_t(i)]]);
            const auto B = std::int64_t(pairs.size());

            // zero_grad, forward (one packed pass for both sides), loss, backward, clip, step.
            optimizer.zeroGrad();
            const torch::Tensor rewards = pairRewards(*lm, *rm, pairs, device);
            auto bt = bradleyTerryLoss(rewards.narrow(0, 0, B), rewards.narrow(0, B, B),
                                       marginTensor.defined() ? marginTensor.narrow(0, 0, B) : torch::Tensor());
            if (!bt)
                return session->finish(step, {}, bt.error());
            bt->loss.backward();
            const double gradNorm = optimizer.clipGradNorm(s.maxGradNorm);
            const double lr = warmupCosineLr(step, s.warmupSteps, s.steps, s.learningRate, s.minLrRatio);
            optimizer.step(lr);
            ++step;
            for (const auto &[name, value] : bt->stats)
                window[name] += value;
            window[QStringLiteral("grad_norm")] += gradNorm;
            ++windowSteps;

            const bool last = step == s.steps;
            const bool epochEnd = step % stepsPerEpoch == 0;
            const bool evalNow = last || epochEnd || (s.evalEvery > 0 && step % s.evalEvery == 0);
            // A checkpoint step is always a logged step, so no half-summed window is lost on resume.
            const bool checkpointNow = s.checkpointEvery > 0 && step % s.checkpointEvery == 0 && !last;
            if (step % s.logEvery == 0 || last || evalNow || checkpointNow) {
                QVector<MetricPoint> points;
                for (const auto &[name, sum] : window)
                    points.push_back({step, name, sum / double(windowSteps)});
                points.push_back({step, QStringLiteral("learning_rate"), lr});
                window.clear();
                windowSteps = 0;
                if (evalNow)
                    evaluate(step, points, epochEnd ? QStringLiteral("epoch %1 done").arg(step / stepsPerEpoch)
                                                    : QStringLiteral("step %1").arg(step));
                if (!session->report(step, s.steps, points)) {
                    stoppedEarly = true;
                    break;
                }
            }
            if (checkpointNow) {
                if (Status st = saveCheckpoint(step); !st)
                    return session->finish(step, {}, st.error());
            }
        }

        if (stoppedEarly) {
            // Stopped by the user: keep the weights to resume. A guard trip keeps the previous
            // checkpoint instead (these weights are what the guard objected to).
            if (session->guardMessage().isEmpty() && session->failure().isEmpty()) {
                if (Status st = saveCheckpoint(step); !st)
                    return session->finish(step, {}, st.error());
            }
            return session->finish(step, {});
        }

        if (Status st = saveCheckpoint(step); !st)
            return session->finish(step, {}, st.error());
        // The reward model for PPO and `reward eval`: weights, tokenizer and the prompt budget.
        const QString out = session->outputDir();
        rm->to(torch::kCPU);
        Status written = writeDirAtomically(out, [&](const QString &tmp) -> Status {
            if (Status w = saveRewardModel(rm, tmp); !w)
                return w;
            QFile cfg(tmp + QStringLiteral("/config.json"));
            if (!cfg.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("%1: cannot read").arg(cfg.fileName()));
            QJsonObject json = QJsonDocument::fromJson(cfg.readAll()).object();
            cfg.close();
            json.insert(QStringLiteral("lab_prompt_tokens"), options.promptTokens);
            if (Status w = writeFileAtomically(cfg.fileName(), QJsonDocument(json).toJson(QJsonDocument::Indented)); !w)
                return w;
            const QString tokenizerPath = tmp + QStringLiteral("/tokenizer.model");
            if (!QFile::copy(QDir(modelDir).filePath(QStringLiteral("tokenizer.model")), tokenizerPath))
                return fail(QStringLiteral("%1: cannot copy the tokenizer").arg(tokenizerPath));
            return Status{};
        });
        if (!written)
            return session->finish(step, {}, written.error());
        session->event(QStringLiteral("reward model written to %1").arg(out), TrainEventLevel::Info, step);
        extra.insert(QStringLiteral("train_pairs"), nTrain);
        extra.insert(QStringLiteral("held_out_pairs"), qint64(data->heldOut.size()));
        extra.insert(QStringLiteral("eval_pairs"), qint64(heldOut.size()));
        extra.insert(QStringLiteral("eval_accuracy_is_noisy_votes"), true);

        if (s.scorePairs) {
            QElapsedTimer t;
            t.start();
            scoreOpenPairs(*session, out, *deviceName, evalTokensPerSecond, s.scoreSeconds, step);
            extra.insert(QStringLiteral("pair_scoring_seconds"), double(t.elapsed()) / 1000.0);
        }
        return session->finish(step, out, {}, extra);
    } catch (const c10::Error &e) {
        return session->finish(step, {}, QStringLiteral("reward training failed: %1")
                                             .arg(QString::fromStdString(e.what_without_backtrace())));
    } catch (const std::exception &e) {
        return session->finish(step, {}, QStringLiteral("reward training failed: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

} // namespace lab
