// The DPO trainer on a small synthetic project and a small model: at step 0 the policy (base +
// fresh LoRA) scores exactly as the reference (adapter off) and the loss is ln 2; a short run
// improves its objective; only the explanation's tokens are scored; a run stopped at step k and
// resumed logs exactly what the uninterrupted run logs; a NaN pauses the run and leaves the active
// adapter alone.
#include "core/model/llama.h"
#include "explain/tiny_model.h"
#include "core/model/lora.h"
#include "core/model/packed_forward.h"
#include "core/model/safetensors.h"
#include "core/store/store.h"
#include "core/synth/synth_project.h"
#include "core/text/tokenizer.h"
#include "core/train/dpo_trainer.h"
#include "core/train/preference_data.h"
#include "core/train/sft_dataset.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>

using namespace lab;

namespace {

// Metric name -> (step -> value), from the progress callback.
using Series = std::map<QString, std::map<qint64, double>>;

} // namespace

class TestDpoTrainer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
    QString m_modelDir;

    TrainJob job(const QJsonObject &overrides = {})
    {
        TrainJob j;
        j.store = m_store;
        j.kind = QString(kRunDpo);
        j.modelDir = m_modelDir;
        j.device = QStringLiteral("cpu");
        j.runsDir = m_dir.filePath(QStringLiteral("runs"));
        QJsonObject config{{QStringLiteral("steps"), 20},
                           {QStringLiteral("batch_size"), 4},
                           {QStringLiteral("learning_rate"), 5e-3},
                           {QStringLiteral("warmup_steps"), 2},
                           {QStringLiteral("beta"), 0.1},
                           {QStringLiteral("log_every"), 5},
                           {QStringLiteral("checkpoint_every"), 5},
                           {QStringLiteral("eval_every"), 10},
                           {QStringLiteral("eval_pairs"), 8},
                           {QStringLiteral("held_out_fraction"), 0.2},
                           {QStringLiteral("seed"), 3}};
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            config.insert(it.key(), it.value());
        j.config = config;
        return j;
    }

    static TrainCallbacks recorder(Series &series, qint64 stopAt = -1)
    {
        TrainCallbacks callbacks;
        callbacks.onProgress = [&series, stopAt](const TrainProgress &p) {
            for (const MetricPoint &m : p.metrics)
                series[m.name][p.step] = m.value;
            return stopAt < 0 || p.step < stopAt;
        };
        return callbacks;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto store = Store::open(m_dir.filePath(QStringLiteral("project.db")));
        QVERIFY2(store, qPrintable(store.error()));
        m_store = *store;
        auto written = synth::writeSyntheticIncidents(*m_store, 5, 30, {});
        QVERIFY2(written, qPrintable(written.error()));
        auto votes = synth::autoLabel(*m_store, 0.0, 1);
        QVERIFY2(votes, qPrintable(votes.error()));
        QVERIFY(votes->aBetter + votes->bBetter >= 40);

        // A small model with a small tokenizer trained on the corpus, so the test runs in seconds.
        m_modelDir = m_dir.filePath(QStringLiteral("model"));
        if (lab::Status made = labtest::makeCorpusModel(*m_store, m_modelDir, 192); !made)
            QFAIL(qPrintable(made.error()));
    }

    void stepZeroPolicyIsTheReference()
    {
        auto tokenizer = Tokenizer::load(m_modelDir + QStringLiteral("/tokenizer.model"));
        QVERIFY(tokenizer);
        PreferenceOptions options;
        options.contextTokens = 192;
        options.promptTokens = 160;
        auto data = loadPreferences(*m_store, *tokenizer, {}, options);
        QVERIFY2(data, qPrintable(data.error()));
        auto model = loadCausalLM(m_modelDir);
        QVERIFY(model);
        QVERIFY(addLora(**model, LoraConfig{}, 1));
        (*model)->train();
        const PackedBatch batch = packPreferencePairs(data->train, {0, 1, 2, 3});
        const auto policy = packedSequenceLogProbs(**model, batch).first.detach();
        setLoraEnabled(**model, false);
        torch::Tensor reference;
        {
            torch::NoGradGuard noGrad;
            reference = packedSequenceLogProbs(**model, batch).first;
        }
        QVERIFY(torch::equal(policy, reference)); // B = 0: bit for bit

        // The trainer's first logged step (before any update) has loss ln 2 and zero rewards.
        Series series;
        auto outcome = runDpoTraining(job({{QStringLiteral("steps"), 1}, {QStringLiteral("log_every"), 1}}),
                                      recorder(series));
        QVERIFY2(outcome, qPrintable(outcome.error()));
        QCOMPARE(outcome->status, QString(kRunFinished));
        QVERIFY(std::abs(series[QStringLiteral("loss")][1] - std::log(2.0)) < 1e-6);
        QCOMPARE(series[QStringLiteral("rewards/margins")][1], 0.0);
        QCOMPARE(series[QStringLiteral("rewards/chosen")][1], 0.0);
    }

    void onlyExplanationTokensAreScored()
    {
        auto tokenizer = Tokenizer::load(m_modelDir + QStringLiteral("/tokenizer.model"));
        QVERIFY(tokenizer);
        PreferenceOptions options;
        options.contextTokens = 192;
        options.promptTokens = 160;
        auto data = loadPreferences(*m_store, *tokenizer, {}, options);
        QVERIFY2(data, qPrintable(data.error()));
        const std::vector<std::int64_t> pairs{0, 5};
        const PackedBatch batch = packPreferencePairs(data->train, pairs);
        auto model = loadCausalLM(m_modelDir);
        QVERIFY(model);
        torch::NoGradGuard noGrad;
        const auto [logps, counts] = packedSequenceLogProbs(**model, batch);
        std::int64_t offset = 0;
        for (size_t s = 0; s < 4; ++s) {
            const PreferenceExample &e = data->train[size_t(pairs[s % 2])];
            const auto &answer = s < 2 ? e.chosen : e.rejected;
            QCOMPARE(counts[std::int64_t(s)].item<std::int64_t>(), std::int64_t(answer.size()));
            // The same sum from the padded forward's full logits over the answer positions only.
            std::vector<std::int64_t> ids = e.prompt;
            ids.insert(ids.end(), answer.begin(), answer.end());
            const auto n = std::int64_t(ids.size());
            const torch::Tensor logits = (*model)->forward(torch::tensor(ids).unsqueeze(0)).squeeze(0);
            const torch::Tensor lp = torch::log_softmax(logits, -1);
            double expected = 0.0;
            const auto p = std::int64_t(e.prompt.size());
            for (std::int64_t t = p; t < n; ++t)
                expected += lp[t - 1][ids[size_t(t)]].item<double>();
            QVERIFY2(std::abs(logps[std::int64_t(s)].item<double>() - expected) < 1e-3 * std::max(1.0, std::abs(expected)),
                     qPrintable(QStringLiteral("%1 vs %2").arg(logps[std::int64_t(s)].item<double>()).arg(expected)));
            // No prompt position carries a label: a different prompt token at any label slot would
            // not be read.
            const torch::Tensor labels = batch.labels.slice(0, offset, offset + n);
            QVERIFY(labels.slice(0, 0, p - 1).eq(-100).all().item<bool>());
            QVERIFY(labels.slice(0, p - 1, n - 1).ne(-100).all().item<bool>());
            offset += n;
        }
    }

    void shortRunImprovesItsObjective()
    {
        Series series;
        auto outcome = runDpoTraining(job({{QStringLiteral("steps"), 40}}), recorder(series));
        QVERIFY2(outcome, qPrintable(outcome.error()));
        QCOMPARE(outcome->status, QString(kRunFinished));
        const auto &loss = series[QStringLiteral("loss")];
        const auto &acc = series[QStringLiteral("rewards/accuracies")];
        QCOMPARE(int(loss.size()), 8);
        const double firstLoss = loss.begin()->second, lastLoss = loss.rbegin()->second;
        const double firstAcc = acc.begin()->second, lastAcc = acc.rbegin()->second;
        QVERIFY2(lastLoss < firstLoss - 0.1, qPrintable(QStringLiteral("loss %1 -> %2").arg(firstLoss).arg(lastLoss)));
        QVERIFY2(lastAcc > firstAcc, qPrintable(QStringLiteral("accuracy %1 -> %2").arg(firstAcc).arg(lastAcc)));
        QVERIFY(series[QStringLiteral("rewards/margins")].rbegin()->second > 0.0);
        QVERIFY(series.count(QStringLiteral("eval/rewards/accuracies")));
        // The adapter, PEFT layout, registered and active.
        QVERIFY(QFileInfo::exists(outcome->outputDir + QStringLiteral("/adapter_config.json")));
        QVERIFY(QFileInfo::exists(outcome->outputDir + QStringLiteral("/adapter_model.safetensors")));
        QVERIFY(outcome->activated);
        auto active = m_store->activeAdapter();
        QVERIFY(active && active->has_value());
        QCOMPARE((*active)->id, outcome->adapterId);
    }

    void resumeReproducesTheNextMetrics()
    {
        Series whole;
        auto full = runDpoTraining(job(), recorder(whole));
        QVERIFY2(full, qPrintable(full.error()));
        QCOMPARE(full->status, QString(kRunFinished));

        Series first;
        auto stopped = runDpoTraining(job(), recorder(first, 10));
        QVERIFY2(stopped, qPrintable(stopped.error()));
        QCOMPARE(stopped->status, QString(kRunStopped));
        QCOMPARE(stopped->steps, qint64(10));
        QVERIFY(!stopped->activated);

        TrainJob again = job();
        again.resumeRunId = stopped->runId;
        Series rest;
        auto resumed = runDpoTraining(again, recorder(rest));
        QVERIFY2(resumed, qPrintable(resumed.error()));
        QCOMPARE(resumed->status, QString(kRunFinished));
        QCOMPARE(resumed->resumedFrom, qint64(10));
        for (const QString &name : {QStringLiteral("loss"), QStringLiteral("rewards/margins"),
                                    QStringLiteral("rewards/accuracies"), QStringLiteral("logps/chosen"),
                                    QStringLiteral("eval/rewards/margins")}) {
            for (qint64 step : {15, 20}) {
                if (name.startsWith(QStringLiteral("eval/")) && step != 20)
                    continue;
                QVERIFY2(rest[name].count(step), qPrintable(name));
                QCOMPARE(rest[name][step], whole[name][step]);
            }
            if (!name.startsWith(QStringLiteral("eval/")))
                QCOMPARE(first[name][10], whole[name][10]);
        }
    }

    void nanPausesAndKeepsTheActiveAdapter()
    {
        auto before = m_store->activeAdapter();
        QVERIFY(before && before->has_value()); // from the earlier runs
        // The same model with one NaN in the output head: the loss is NaN from the first step.
        auto model = loadCausalLM(m_modelDir);
        QVERIFY(model);
        {
            torch::NoGradGuard noGrad;
            (*model)->lmHead->weight[5][7] = NAN;
        }
        const QString bad = m_dir.filePath(QStringLiteral("nan-model"));
        QVERIFY(saveCausalLM(*model, bad));
        QVERIFY(QFile::copy(m_modelDir + QStringLiteral("/tokenizer.model"), bad + QStringLiteral("/tokenizer.model")));
        TrainJob j = job();
        j.modelDir = bad;
        Series series;
        auto outcome = runDpoTraining(j, recorder(series));
        QVERIFY2(outcome, qPrintable(outcome.error()));
        QCOMPARE(outcome->status, QString(kRunPaused));
        QVERIFY(!outcome->message.isEmpty());
        QVERIFY(outcome->steps < 20);
        QVERIFY(!outcome->activated);
        auto after = m_store->activeAdapter();
        QVERIFY(after && after->has_value());
        QCOMPARE((*after)->id, (*before)->id);
        auto run = m_store->run(outcome->runId);
        QVERIFY(run);
        QCOMPARE(run->status, QString(kRunPaused));

        // An absurd learning rate is refused before anything runs.
        auto refused = runDpoTraining(job({{QStringLiteral("learning_rate"), 1e9}}));
        QVERIFY(!refused);
    }
};

QTEST_GUILESS_MAIN(TestDpoTrainer)
#include "test_dpo_trainer.moc"
