// The PPO trainer on a tiny fixture: a random 2-layer policy (its output rows given a parity
// direction, so that the task is learnable: see addParityDirection) and a hand-built reward model whose
// score depends only on the response's last token (+1 for even ids, -1 for odd ones, 0 for EOS).
// PPO must raise the mean score within a few iterations with the KL staying bounded and the KL
// coefficient adapting; the missing-EOS penalty shows in the scores; a run stopped at iteration k
// and resumed logs exactly what an uninterrupted run logs next; a guard pauses the run without
// touching the active adapter; without a reward model the run refuses to start.
#include "core/model/heads.h"
#include "core/model/llama.h"
#include "core/store/store.h"
#include "core/synth/synth_project.h"
#include "core/train/ppo_trainer.h"
#include "core/train/train_run.h"
#include "tests/explain/tiny_model.h"

#include <torch/utils.h>

#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace lab;

namespace {

constexpr double kParityStrength = 0.5;

// Score = w . RMSNorm(embedding of the last token): every layer's projections are zero, so the
// residual stream carries the embedding through unchanged.
Status makeLastTokenRewardModel(const QString &policyDir, const QString &dir)
{
    auto config = LlamaConfig::load(QDir(policyDir).filePath(QStringLiteral("config.json")));
    if (!config)
        return fail(config.error());
    LlamaConfig c = *config;
    c.numLayers = 1;
    LlamaRewardModel rm(c);
    torch::NoGradGuard noGrad;
    for (auto &p : rm->parameters())
        p.zero_();
    for (auto &item : rm->named_parameters())
        if (item.key().find("norm") != std::string::npos)
            item.value().fill_(1.0);
    torch::Tensor emb = rm->model->embedTokens->weight;
    for (std::int64_t t = 0; t < c.vocabSize; ++t)
        emb[t][0] = (t % 2 == 0) ? 1.0 : -1.0;
    for (qint64 eos : c.eosTokenIds)
        emb[eos].zero_();
    // RMSNorm turns (+-1, 0, ...) into (+-sqrt(d), 0, ...).
    rm->score->weight[0][0] = 1.0 / std::sqrt(double(c.hiddenSize));
    return saveRewardModel(rm, dir);
}

// The largest gap any hidden state can open between the mean logit of the even tokens and that of
// the odd ones: |mean even row - mean odd row| times sqrt(d), the norm of a hidden state after the
// final RMSNorm (weights 1).
double parityLogitGap(const torch::Tensor &head)
{
    const torch::Tensor even = head.slice(0, 0, head.size(0), 2).mean(0);
    const torch::Tensor odd = head.slice(0, 1, head.size(0), 2).mean(0);
    return ((even - odd).norm() * std::sqrt(double(head.size(1)))).item<double>();
}

// The random tiny policy cannot learn parity on its own: its output rows are random (std 0.04)
// and the final RMSNorm fixes the hidden state's norm at sqrt(d), so no change of the hidden state
// opens a gap of more than about 0.14 between the even and the odd tokens' mean logits: P(even)
// could move from 0.5 to about 0.53 at best, the mean score by a few hundredths, whatever PPO
// does. Giving every output row a parity component along hidden dimension 0 (+strength even,
// -strength odd) makes "end on an even token" one direction in the hidden state, which a LoRA on
// the attention projections can push; the policy still starts near 50/50 (dimension 0 of the
// normalised hidden state varies around 0 from position to position). Returns the gap before and
// after.
Result<std::pair<double, double>> addParityDirection(const QString &policyDir, double strength)
{
    auto model = loadCausalLM(policyDir);
    if (!model)
        return fail(model.error());
    std::pair<double, double> gaps;
    {
        torch::NoGradGuard noGrad;
        torch::Tensor head = (*model)->outputWeight();
        gaps.first = parityLogitGap(head);
        for (std::int64_t t = 0; t < head.size(0); ++t)
            head[t][0] += (t % 2 == 0) ? strength : -strength;
        gaps.second = parityLogitGap(head);
    }
    if (Status s = saveCausalLM(*model, policyDir); !s)
        return fail(s.error());
    return gaps;
}

double metricAt(Store &store, qint64 runId, const QString &name, qint64 step)
{
    auto points = store.metrics(runId, name);
    if (!points)
        return std::nan("");
    for (const MetricPoint &p : *points)
        if (p.step == step)
            return p.value;
    return std::nan("");
}

} // namespace

class TestPpoTrainer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
    QString m_model, m_reward;

    TrainJob job(qint64 steps, QJsonObject extra = {})
    {
        TrainJob j;
        j.store = m_store;
        j.kind = QString(kRunPpo);
        j.modelDir = m_model;
        j.device = QStringLiteral("cpu");
        QJsonObject config{{QStringLiteral("steps"), steps},
                           {QStringLiteral("batch_size"), 16},
                           {QStringLiteral("mini_batches"), 2},
                           {QStringLiteral("ppo_epochs"), 2},
                           {QStringLiteral("learning_rate"), 5e-3},
                           {QStringLiteral("lora_r"), 8},
                           {QStringLiteral("temperature"), 1.0},
                           {QStringLiteral("max_new_tokens"), 6},
                           {QStringLiteral("reward_model"), m_reward},
                           {QStringLiteral("kl_horizon"), 50.0},
                           {QStringLiteral("kl_target"), 1.0},
                           {QStringLiteral("init_kl_coef"), 0.05},
                           {QStringLiteral("seed"), 5}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            config.insert(it.key(), it.value());
        j.config = config;
        return j;
    }

    QVector<double> series(qint64 runId, const QString &name)
    {
        QVector<double> out;
        auto points = m_store->metrics(runId, name);
        if (points)
            for (const MetricPoint &p : *points)
                out << p.value;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto store = Store::open(m_dir.filePath(QStringLiteral("ppo.db")));
        QVERIFY2(store, qPrintable(store.error()));
        m_store = *store;
        auto written = synth::writeSyntheticIncidents(*m_store, 5, 20, {});
        QVERIFY2(written, qPrintable(written.error()));
        labtest::TinyModelOptions options;
        options.contextLength = 96;
        options.hiddenSize = 32;
        options.sharpen = 2.0; // peaked enough to be model-like, flat enough to explore
        m_model = m_dir.filePath(QStringLiteral("policy"));
        QVERIFY(labtest::makeTinyModel(m_model, options));
        auto parity = addParityDirection(m_model, kParityStrength);
        QVERIFY2(parity, qPrintable(parity.error()));
        qInfo("largest even/odd mean-logit gap: %.3f as drawn, %.3f with the parity direction", parity->first,
              parity->second);
        QVERIFY(parity->first < 0.5); // the bare random head: parity is out of reach
        QVERIFY(parity->second > 3.0);
        m_reward = m_dir.filePath(QStringLiteral("reward"));
        Status rm = makeLastTokenRewardModel(m_model, m_reward);
        QVERIFY2(rm, qPrintable(rm.error()));
    }

    void paramsHaveDefaultsAndHelp()
    {
        const QVector<TrainParam> params = ppoParams();
        QVERIFY(params.size() > 10);
        for (const TrainParam &p : params) {
            QVERIFY2(!p.help.isEmpty() && !p.label.isEmpty(), qPrintable(p.key));
            QVERIFY(p.defaultValue.isValid());
        }
        auto resolved = resolveTrainConfig(params, {});
        QVERIFY2(resolved, qPrintable(resolved.error()));
        QVERIFY(!resolveTrainConfig(params, {{QStringLiteral("lerning_rate"), 1.0}}));
    }

    void refusesWithoutRewardModel()
    {
        TrainJob j = job(1);
        QJsonObject config = j.config;
        config.remove(QStringLiteral("reward_model"));
        j.config = config;
        auto outcome = runPpoTraining(j);
        QVERIFY(!outcome);
        QVERIFY2(outcome.error().contains(QStringLiteral("train a reward model first")), qPrintable(outcome.error()));
        auto runs = m_store->runs(QString(kRunPpo));
        QVERIFY(runs && runs->isEmpty()); // nothing recorded for a job that cannot start
    }

    void improvesTheScoreWithBoundedKl()
    {
        auto outcome = runPpoTraining(job(14));
        QVERIFY2(outcome, qPrintable(outcome.error()));
        QCOMPARE(outcome->status, QString(kRunFinished));
        QCOMPARE(outcome->steps, qint64(14));
        QVERIFY(outcome->activated);
        QVERIFY(QFileInfo::exists(QDir(outcome->outputDir).filePath(QStringLiteral("adapter_model.safetensors"))));

        const QVector<double> scores = series(outcome->runId, QStringLiteral("objective/scores"));
        const QVector<double> kls = series(outcome->runId, QStringLiteral("objective/kl"));
        const QVector<double> coefs = series(outcome->runId, QStringLiteral("kl_coef"));
        QCOMPARE(scores.size(), 14);
        const double first = scores.first();
        const double last = (scores[11] + scores[12] + scores[13]) / 3.0;
        const QVector<double> approxKls = series(outcome->runId, QStringLiteral("policy/approxkl"));
        const QVector<double> clipFracs = series(outcome->runId, QStringLiteral("policy/clipfrac"));
        const QVector<double> entropies = series(outcome->runId, QStringLiteral("objective/entropy"));
        for (int i = 0; i < scores.size(); ++i)
            qInfo("iteration %d: score %.3f kl %.3f entropy %.3f approxkl %.4f clipfrac %.3f", i + 1, scores[i],
                  kls.value(i), entropies.value(i), approxKls.value(i), clipFracs.value(i));
        qInfo("scores first %.3f, last three %.3f; kl last %.3f; kl_coef %.4f -> %.4f", first, last, kls.last(),
              coefs.first(), coefs.last());
        QVERIFY2(last > first + 0.4, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));
        // Iteration 1 samples from the reference itself (the adapter's B starts at zero).
        QVERIFY(std::abs(kls.first()) < 1e-4);
        for (double k : kls)
            QVERIFY2(std::isfinite(k) && k < 25.0, qPrintable(QString::number(k)));
        // The KL moved away from the target of 1 nat, so the adaptive coefficient moved too.
        QVERIFY(coefs.last() != coefs.first());
        QVERIFY(std::isfinite(metricAt(*m_store, outcome->runId, QStringLiteral("val/explained_var"), 14)));
        QVERIFY(metricAt(*m_store, outcome->runId, QStringLiteral("response/length"), 14) <= 6.0);
    }

    void missingEosPenaltyIsSubtracted()
    {
        // The first iteration samples from the base model with the same generator either way, so
        // the two runs see the same responses; only the penalty differs.
        auto plain = runPpoTraining(job(1, {{QStringLiteral("missing_eos_penalty"), 0.0}}));
        auto penalised = runPpoTraining(job(1, {{QStringLiteral("missing_eos_penalty"), 3.0}}));
        QVERIFY2(plain && penalised, qPrintable(plain ? penalised.error() : plain.error()));
        const double eosRate = metricAt(*m_store, penalised->runId, QStringLiteral("response/eos_rate"), 1);
        QVERIFY(eosRate < 1.0); // six tokens: most responses are cut
        const double a = metricAt(*m_store, plain->runId, QStringLiteral("objective/scores"), 1);
        const double b = metricAt(*m_store, penalised->runId, QStringLiteral("objective/scores"), 1);
        QVERIFY2(std::abs((a - b) - 3.0 * (1.0 - eosRate)) < 1e-5, qPrintable(QStringLiteral("%1 %2 %3").arg(a).arg(b).arg(eosRate)));
    }

    void resumeReproducesTheNextMetrics()
    {
        auto straight = runPpoTraining(job(4));
        QVERIFY2(straight, qPrintable(straight.error()));
        QCOMPARE(straight->status, QString(kRunFinished));

        TrainCallbacks stopAtTwo;
        stopAtTwo.onProgress = [](const TrainProgress &p) { return p.step < 2; };
        auto stopped = runPpoTraining(job(4), stopAtTwo);
        QVERIFY2(stopped, qPrintable(stopped.error()));
        QCOMPARE(stopped->status, QString(kRunStopped));
        QCOMPARE(stopped->steps, qint64(2));
        QVERIFY(!stopped->activated);

        TrainJob again = job(4);
        again.resumeRunId = stopped->runId;
        auto resumed = runPpoTraining(again);
        QVERIFY2(resumed, qPrintable(resumed.error()));
        QCOMPARE(resumed->status, QString(kRunFinished));
        QCOMPARE(resumed->resumedFrom, qint64(2));
        QCOMPARE(resumed->runId, stopped->runId);
        const QStringList names{QStringLiteral("objective/scores"), QStringLiteral("objective/kl"),
                                QStringLiteral("objective/entropy"), QStringLiteral("loss/policy"),
                                QStringLiteral("loss/value"), QStringLiteral("kl_coef"),
                                QStringLiteral("policy/approxkl"), QStringLiteral("response/length")};
        for (qint64 step : {3, 4}) {
            for (const QString &name : names) {
                const double a = metricAt(*m_store, straight->runId, name, step);
                const double b = metricAt(*m_store, resumed->runId, name, step);
                QVERIFY2(std::abs(a - b) <= 1e-6 * (1.0 + std::abs(a)),
                         qPrintable(QStringLiteral("%1 at %2: %3 vs %4").arg(name).arg(step).arg(a, 0, 'g', 17).arg(b, 0, 'g', 17)));
            }
        }
    }

    void entropyGuardPausesAndKeepsTheActiveAdapter()
    {
        auto before = m_store->activeAdapter();
        QVERIFY(before && before->has_value());
        const qint64 activeId = (*before)->id;

        QStringList events;
        TrainCallbacks callbacks;
        callbacks.onEvent = [&](const TrainEvent &e) { events << e.message; };
        auto outcome = runPpoTraining(job(5, {{QStringLiteral("min_entropy"), 50.0}}), callbacks);
        QVERIFY2(outcome, qPrintable(outcome.error()));
        QCOMPARE(outcome->status, QString(kRunPaused));
        QCOMPARE(outcome->steps, qint64(1));
        QVERIFY(!outcome->message.isEmpty());
        QVERIFY(!outcome->activated);
        auto after = m_store->activeAdapter();
        QVERIFY(after && after->has_value());
        QCOMPARE((*after)->id, activeId);
        auto run = m_store->run(outcome->runId);
        QVERIFY(run);
        QCOMPARE(run->status, QString(kRunPaused));
        // Its checkpoint is there, so it can be resumed after a look.
        QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("runs/ppo-%1/checkpoint/trainer_state.json").arg(outcome->runId))));
    }
};

QTEST_GUILESS_MAIN(TestPpoTrainer)
#include "test_ppo_trainer.moc"
