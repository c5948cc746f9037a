// The reward model trainer on a small synthetic project labeled without noise, with a small
// random model: a short run beats chance on held-out pairs and lowers its loss; ties and
// both-bad votes are not pairs and the split is by incident; a run stopped at step k and resumed
// logs exactly the metrics of an uninterrupted run; a learning rate of 1e30 trips the NaN guard
// (status paused, no reward model); `reward eval` scores a TRL file and names its bad lines.
#include "core/logs/log_digest.h"
#include "explain/tiny_model.h"
#include "core/model/llama.h"
#include "core/store/store.h"
#include "core/synth/auto_label.h"
#include "core/synth/synth_project.h"
#include "core/text/tokenizer.h"
#include "core/train/preference_data.h"
#include "core/train/reward_eval.h"
#include "core/train/reward_trainer.h"
#include "core/train/run_session.h"
#include "core/train/sft_dataset.h"

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <ATen/Parallel.h>

#include <cmath>
#include <dlfcn.h>

using namespace lab;

class TestRewardTrainer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
    QString m_model;

    // Small and fast: prompts of 96 tokens, all layers trained, evaluation on every held-out pair.
    TrainJob job(const QJsonObject &overrides = {})
    {
        TrainJob j;
        j.store = m_store;
        j.kind = QString(kRunReward);
        j.modelDir = m_model;
        j.device = QStringLiteral("cpu");
        QJsonObject c{{QStringLiteral("steps"), 40},
                      {QStringLiteral("batch_size"), 8},
                      {QStringLiteral("learning_rate"), 1e-3},
                      {QStringLiteral("warmup_steps"), 4},
                      {QStringLiteral("train_layers"), -1},
                      {QStringLiteral("held_out_fraction"), 0.25},
                      {QStringLiteral("eval_pairs"), 0},
                      {QStringLiteral("eval_every"), 0},
                      {QStringLiteral("log_every"), 4},
                      {QStringLiteral("checkpoint_every"), 0},
                      {QStringLiteral("prompt_tokens"), 96},
                      {QStringLiteral("context_tokens"), 160},
                      {QStringLiteral("score_pairs"), false},
                      {QStringLiteral("seed"), 3}};
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            c.insert(it.key(), it.value());
        j.config = c;
        return j;
    }

    QMap<qint64, double> metric(qint64 runId, const QString &name)
    {
        QMap<qint64, double> out;
        auto points = m_store->metrics(runId, name);
        if (points)
            for (const MetricPoint &p : *points)
                out.insert(p.step, p.value);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // One thread for LibTorch and OpenBLAS: the steps here are tiny, and on a busy 2-core
        // machine OpenBLAS's spinning pool made them minutes long instead of seconds.
        at::set_num_threads(1);
        if (auto setBlas = reinterpret_cast<void (*)(int)>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
            setBlas(1);
        QVERIFY(m_dir.isValid());
        auto store = Store::open(m_dir.filePath(QStringLiteral("project.db")));
        QVERIFY2(store, qPrintable(store.error()));
        m_store = *store;
        auto written = synth::writeSyntheticIncidents(*m_store, 5, 60, {});
        QVERIFY2(written, qPrintable(written.error()));
        AutoLabelOptions label;
        label.noise = 0.0;
        label.seed = 2;
        auto votes = autoLabelAs(*m_store, label);
        QVERIFY2(votes, qPrintable(votes.error()));
        QVERIFY(votes->aBetter + votes->bBetter > 100);
        QVERIFY(votes->ties + votes->bothBad > 0);

        // A small model with a small tokenizer trained on the corpus, so the test runs in seconds.
        m_model = m_dir.filePath(QStringLiteral("base"));
        if (lab::Status made = labtest::makeCorpusModel(*m_store, m_model, 160); !made)
            QFAIL(qPrintable(made.error()));
    }

    void tiesAndBothBadAreNotPairsAndTheSplitIsByIncident()
    {
        auto tokenizer = Tokenizer::load(m_model + QStringLiteral("/tokenizer.model"));
        QVERIFY(tokenizer);
        PreferenceOptions options;
        options.promptTokens = 96;
        options.contextTokens = 160;
        options.heldOutFraction = 0.25;
        auto data = loadPreferences(*m_store, *tokenizer, VoteSelection(), options);
        QVERIFY2(data, qPrintable(data.error()));
        auto votes = m_store->votes();
        QVERIFY(votes);
        qint64 ab = 0, ties = 0, bothBad = 0;
        for (const VoteRecord &v : *votes) {
            ab += v.choice == VoteChoice::ABetter || v.choice == VoteChoice::BBetter;
            ties += v.choice == VoteChoice::Tie;
            bothBad += v.choice == VoteChoice::BothBad;
        }
        QCOMPARE(qint64(data->train.size() + data->heldOut.size()), ab);
        QCOMPARE(data->ties, ties);
        QCOMPARE(data->bothBad, bothBad);
        QVERIFY(!data->heldOut.empty());
        QSet<qint64> trainIncidents, heldIncidents;
        for (const auto &e : data->train)
            trainIncidents.insert(e.incidentId);
        for (const auto &e : data->heldOut)
            heldIncidents.insert(e.incidentId);
        QVERIFY(!trainIncidents.intersects(heldIncidents));
    }

    void noRewardModelYetIsAClearError()
    {
        auto report = evaluateRewardPairs(*m_store, m_dir.filePath(QStringLiteral("none.jsonl")));
        QVERIFY(!report);
        QVERIFY2(report.error().contains(QStringLiteral("train reward")), qPrintable(report.error()));
    }

    void shortRunImprovesItsObjective()
    {
        QVector<TrainProgress> seen;
        TrainCallbacks callbacks;
        callbacks.onProgress = [&](const TrainProgress &p) {
            seen << p;
            return true;
        };
        auto outcome = runRewardTraining(job(), callbacks);
        QVERIFY2(outcome, qPrintable(outcome.error()));
        QCOMPARE(outcome->status, QString(kRunFinished));
        QCOMPARE(outcome->steps, qint64(40));
        QVERIFY(!seen.isEmpty());

        const auto loss = metric(outcome->runId, QStringLiteral("loss"));
        const auto acc = metric(outcome->runId, QStringLiteral("eval/accuracy"));
        for (const char *name : {"accuracy", "margin", "reward/chosen", "reward/rejected"})
            QVERIFY2(!metric(outcome->runId, QString::fromLatin1(name)).isEmpty(), name);
        QVERIFY(acc.contains(0) && acc.contains(40));
        qInfo("loss %.3f -> %.3f, held-out accuracy %.3f -> %.3f", loss.first(), loss.last(), acc.value(0),
              acc.value(40));
        QVERIFY2(loss.last() < loss.first() - 0.1, "the loss falls");
        QVERIFY2(acc.value(40) >= 0.75, "well above chance on held-out pairs");
        QVERIFY2(acc.value(40) > acc.value(0), "held-out accuracy rises");

        // The reward model is where `reward eval` and PPO find it.
        auto current = currentRewardModelDir(*m_store);
        QVERIFY2(current, qPrintable(current.error()));
        QCOMPARE(QDir(*current).absolutePath(), QDir(outcome->outputDir).absolutePath());
        QVERIFY(QFile::exists(outcome->outputDir + QStringLiteral("/tokenizer.model")));

        // ... and scores the project's own pairs as a TRL file, bad lines named by number.
        const QString path = m_dir.filePath(QStringLiteral("pairs.jsonl"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            // TRL lines as `prefs export` writes them: the digest prompt with its cue.
            auto votes = m_store->votes();
            QVERIFY(votes);
            for (const VoteRecord &v : *votes) {
                if (v.choice != VoteChoice::ABetter && v.choice != VoteChoice::BBetter)
                    continue;
                auto pair = m_store->pair(v.pairId);
                QVERIFY(pair);
                auto log = m_store->logFor(pair->incidentId);
                auto a = m_store->explanation(pair->explanationA);
                auto b = m_store->explanation(pair->explanationB);
                QVERIFY(log && a && b);
                const bool aWins = v.choice == VoteChoice::ABetter;
                const QJsonObject line{{QStringLiteral("prompt"), explanationPrompt(digestLog(log->content).text)},
                                       {QStringLiteral("chosen"), aWins ? a->text : b->text},
                                       {QStringLiteral("rejected"), aWins ? b->text : a->text}};
                file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + "\n");
            }
            file.write("{\"prompt\": \"x\", \"chosen\": \"y\"}\nnot json\n");
        }
        auto report = evaluateRewardPairs(*m_store, path);
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->badLineCount, qint64(2));
        QVERIFY2(report->badLines.first().contains(QStringLiteral("rejected")), qPrintable(report->badLines.first()));
        QVERIFY(report->pairs > 100);
        QVERIFY2(report->accuracy > 0.75, qPrintable(QString::number(report->accuracy)));
    }

    void resumeReproducesTheNextMetrics()
    {
        const QJsonObject settings{{QStringLiteral("steps"), 12},
                                   {QStringLiteral("log_every"), 2},
                                   {QStringLiteral("checkpoint_every"), 4},
                                   {QStringLiteral("eval_every"), 4}};
        auto whole = runRewardTraining(job(settings));
        QVERIFY2(whole, qPrintable(whole.error()));
        QCOMPARE(whole->status, QString(kRunFinished));

        TrainCallbacks stopAt6;
        stopAt6.onProgress = [](const TrainProgress &p) { return p.step < 6; };
        auto first = runRewardTraining(job(settings), stopAt6);
        QVERIFY2(first, qPrintable(first.error()));
        QCOMPARE(first->status, QString(kRunStopped));
        QCOMPARE(first->steps, qint64(6));

        TrainJob again = job();
        again.config = {};
        again.resumeRunId = first->runId;
        auto second = runRewardTraining(again);
        QVERIFY2(second, qPrintable(second.error()));
        QCOMPARE(second->status, QString(kRunFinished));
        QCOMPARE(second->resumedFrom, qint64(6));

        int compared = 0;
        for (const QString &name : {QStringLiteral("loss"), QStringLiteral("accuracy"), QStringLiteral("margin"),
                                   QStringLiteral("reward/chosen"), QStringLiteral("reward/rejected"),
                                   QStringLiteral("eval/accuracy")}) {
            const auto a = metric(whole->runId, name), b = metric(first->runId, name);
            for (auto it = a.begin(); it != a.end(); ++it) {
                if (it.key() <= 6)
                    continue;
                QVERIFY2(b.contains(it.key()), qPrintable(QStringLiteral("%1 at %2 missing").arg(name).arg(it.key())));
                QVERIFY2(std::abs(b.value(it.key()) - it.value()) <= 1e-6,
                         qPrintable(QStringLiteral("%1 at step %2: %3 vs %4").arg(name).arg(it.key()).arg(b.value(it.key())).arg(it.value())));
                ++compared;
            }
        }
        QVERIFY(compared >= 16);
    }

    void nanGuardPausesTheRun()
    {
        QVector<TrainEvent> events;
        TrainCallbacks callbacks;
        callbacks.onEvent = [&](const TrainEvent &e) { events << e; };
        auto outcome = runRewardTraining(job({{QStringLiteral("learning_rate"), 1e30},
                                              {QStringLiteral("warmup_steps"), 0},
                                              {QStringLiteral("log_every"), 1},
                                              {QStringLiteral("steps"), 10}}),
                                         callbacks);
        QVERIFY2(outcome, qPrintable(outcome.error()));
        QCOMPARE(outcome->status, QString(kRunPaused));
        QVERIFY(!outcome->message.isEmpty());
        QVERIFY(outcome->steps < 10);
        QVERIFY(outcome->outputDir.isEmpty());
        qInfo("guard: %s", qPrintable(outcome->message));
    }
};

QTEST_GUILESS_MAIN(TestRewardTrainer)
#include "test_reward_trainer.moc"
