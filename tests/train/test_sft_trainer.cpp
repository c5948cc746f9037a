// The SFT trainer on a small corpus: the loss falls, the model folder and the run record are
// written, a run stopped half-way and resumed ends with the weights of an uninterrupted run, the
// learning rate follows warm-up + cosine and AdamW follows torch.optim.AdamW's formula.
#include "core/model/llama.h"
#include "explain/tiny_model.h"
#include "core/model/safetensors.h"
#include "core/store/store.h"
#include "core/synth/synth_project.h"
#include "core/text/tokenizer.h"
#include "core/train/adamw.h"
#include "core/train/lr_schedule.h"
#include "core/train/sft_dataset.h"
#include "core/train/sft_trainer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace lab;

class TestSftTrainer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
    QString m_initModel;

    SftJob job(const QString &out, qint64 steps)
    {
        SftJob j;
        j.store = m_store;
        j.outputDir = m_dir.filePath(out);
        j.initModelDir = m_initModel;
        j.config.steps = steps;
        j.config.batchSize = 4;
        j.config.learningRate = 3e-3;
        j.config.warmupSteps = 5;
        j.config.logEvery = 5;
        j.config.checkpointEvery = 1000;
        j.config.device = QStringLiteral("cpu");
        j.config.data.contextTokens = 192;
        j.config.data.promptTokens = 112;
        j.config.seed = 7;
        return j;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto store = Store::open(m_dir.filePath(QStringLiteral("corpus.db")));
        QVERIFY2(store, qPrintable(store.error()));
        m_store = *store;
        auto written = synth::writeSyntheticIncidents(*m_store, 5, 24, {});
        QVERIFY2(written, qPrintable(written.error()));
        // Four incidents are held out: the dataset must never read them.
        auto incidents = m_store->incidents();
        QVERIFY(incidents);
        for (int i = 0; i < 4; ++i)
            QVERIFY(m_store->setIncidentStatus((*incidents)[i].id, QStringLiteral("held_out")));

        // A small model with a small tokenizer trained on the corpus, so the test runs in seconds.
        const QString modelDir = m_dir.filePath(QStringLiteral("init"));
        if (lab::Status made = labtest::makeCorpusModel(*m_store, modelDir, 192); !made)
            QFAIL(qPrintable(made.error()));
        m_initModel = modelDir;
    }

    void learningRateSchedule()
    {
        QCOMPARE(warmupCosineLr(0, 10, 110, 1.0, 0.1), 0.1);
        QCOMPARE(warmupCosineLr(9, 10, 110, 1.0, 0.1), 1.0);
        QCOMPARE(warmupCosineLr(10, 10, 110, 1.0, 0.1), 1.0);
        QVERIFY(std::abs(warmupCosineLr(60, 10, 110, 1.0, 0.1) - 0.55) < 1e-12); // half-way
        QVERIFY(std::abs(warmupCosineLr(110, 10, 110, 1.0, 0.1) - 0.1) < 1e-12);
        QVERIFY(std::abs(warmupCosineLr(500, 10, 110, 1.0, 0.1) - 0.1) < 1e-12);
    }

    void adamwMatchesTheFormula()
    {
        // torch.optim.AdamW, written out for one parameter over three steps.
        torch::Tensor p = torch::tensor({0.5, -1.0, 2.0}, torch::kDouble).requires_grad_(true);
        AdamW optimizer({{"p", p, true}}, AdamWOptions{0.9, 0.999, 1e-8, 0.01});
        std::vector<double> ref = {0.5, -1.0, 2.0}, m(3, 0.0), v(3, 0.0);
        const double lr = 0.1;
        for (int step = 1; step <= 3; ++step) {
            optimizer.zeroGrad();
            (p * p * p).sum().backward(); // grad 3p^2
            const auto grad = p.grad().clone();
            optimizer.step(lr);
            for (int i = 0; i < 3; ++i) {
                const double g = grad[i].item<double>();
                ref[i] *= 1.0 - lr * 0.01;
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                const double mHat = m[i] / (1.0 - std::pow(0.9, step));
                const double denom = std::sqrt(v[i]) / std::sqrt(1.0 - std::pow(0.999, step)) + 1e-8;
                ref[i] -= lr * mHat / denom;
                QVERIFY2(std::abs(p[i].item<double>() - ref[i]) < 1e-12, qPrintable(QString::number(p[i].item<double>() - ref[i])));
            }
        }
        // Clipping: one global norm.
        optimizer.zeroGrad();
        (p * 100.0).sum().backward();
        const double norm = optimizer.clipGradNorm(1.0);
        QVERIFY(std::abs(norm - 100.0 * std::sqrt(3.0)) < 1e-9);
        QVERIFY(std::abs(p.grad().norm().item<double>() - 1.0) < 1e-5);
    }

    void datasetSkipsHeldOutAndPutsPromptFirst()
    {
        auto tokenizer = Tokenizer::load(m_initModel + QStringLiteral("/tokenizer.model"));
        QVERIFY(tokenizer);
        SftDataOptions options;
        options.contextTokens = 192;
        options.promptTokens = 112;
        auto dataset = SftDataset::fromStore(*m_store, *tokenizer, options);
        QVERIFY2(dataset, qPrintable(dataset.error()));
        QCOMPARE(dataset->incidentCount(), qint64(20));
        const auto a = dataset->batch(3, 8, 1);
        const auto b = dataset->batch(3, 8, 1);
        QCOMPARE(a.size(), size_t(8));
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].tokens, b[i].tokens); // a pure function of (seed, step)
            QVERIFY(a[i].promptLength <= 112);
            QVERIFY(a[i].tokens.size() <= 192);
            QVERIFY(qint64(a[i].tokens.size()) > a[i].promptLength);
            QCOMPARE(a[i].tokens.front(), std::int64_t(tokenizer->bosId()));
        }
        // One epoch visits every incident once: 20 incidents, 5 batches of 4.
        std::set<std::vector<std::int64_t>> prompts;
        for (qint64 step = 0; step < 5; ++step)
            for (const SftSequence &s : dataset->batch(step, 4, 1))
                prompts.insert(std::vector<std::int64_t>(s.tokens.begin(), s.tokens.begin() + s.promptLength));
        QCOMPARE(prompts.size(), size_t(20));
    }

    void lossFallsAndEverythingIsWritten()
    {
        std::vector<double> losses;
        SftCallbacks callbacks;
        callbacks.onStep = [&](const SftStep &s) {
            losses.push_back(s.loss);
            return true;
        };
        auto result = runSft(job(QStringLiteral("run"), 60), callbacks);
        QVERIFY2(result, qPrintable(result.error()));
        QCOMPARE(result->steps, qint64(60));
        QCOMPARE(losses.size(), size_t(12));
        qInfo("loss over the first 5 steps %.3f, the last 5 %.3f", losses.front(), losses.back());
        QVERIFY(losses.back() < 0.8 * losses.front());

        const QString out = result->outputDir;
        auto model = loadCausalLM(out);
        QVERIFY2(model, qPrintable(model.error()));
        auto weights = SafetensorsFile::open(out + QStringLiteral("/model.safetensors"));
        QVERIFY(weights);
        QCOMPARE(QString::fromStdString(weights->info("lm_head.weight")->dtype), QStringLiteral("F16"));
        QVERIFY(Tokenizer::load(out + QStringLiteral("/tokenizer.model")));
        QFile config(out + QStringLiteral("/config.json"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        // The explainer reads the prompt budget the model was trained with from here.
        QCOMPARE(QJsonDocument::fromJson(config.readAll()).object().value(QStringLiteral("lab_prompt_tokens")).toInt(), 112);
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/checkpoint/optimizer.safetensors")));
        QVERIFY(!QFileInfo::exists(out + QStringLiteral("/checkpoint.tmp")));

        auto run = m_store->run(result->runId);
        QVERIFY(run);
        QCOMPARE(run->status, QString(kRunFinished));
        QCOMPARE(run->voteSnapshot, result->dataSnapshot);
        auto points = m_store->metrics(result->runId, QStringLiteral("loss"));
        QVERIFY(points);
        QCOMPARE(points->size(), 12);
    }

    void stoppedRunResumesToTheSameWeights()
    {
        auto whole = runSft(job(QStringLiteral("whole"), 20));
        QVERIFY2(whole, qPrintable(whole.error()));

        SftCallbacks stopAtTen;
        stopAtTen.onStep = [](const SftStep &s) { return s.step < 10; };
        auto first = runSft(job(QStringLiteral("halves"), 20), stopAtTen);
        QVERIFY2(first, qPrintable(first.error()));
        QVERIFY(first->stopped);
        QCOMPARE(first->steps, qint64(10));
        auto stoppedRun = m_store->run(first->runId);
        QVERIFY(stoppedRun);
        QCOMPARE(stoppedRun->status, QString(kRunStopped));

        auto second = runSft(job(QStringLiteral("halves"), 20));
        QVERIFY2(second, qPrintable(second.error()));
        QCOMPARE(second->resumedFrom, qint64(10));
        QCOMPARE(second->steps, qint64(20));

        auto a = loadSafetensorsDir(whole->outputDir + QStringLiteral("/checkpoint"));
        auto b = loadSafetensorsDir(second->outputDir + QStringLiteral("/checkpoint"));
        QVERIFY(a && b);
        double worst = 0.0;
        for (const auto &[name, tensor] : *a) {
            if (name.rfind("exp_avg", 0) == 0)
                continue;
            worst = std::max(worst, (tensor - b->at(name)).abs().max().item<double>());
        }
        qInfo("largest weight difference, resumed vs uninterrupted: %g", worst);
        QVERIFY(worst < 1e-5);
    }

    void badConfigIsAClearError()
    {
        auto c = SftConfig::fromJson({{QStringLiteral("stpes"), 10}});
        QVERIFY(!c);
        QVERIFY(c.error().contains(QStringLiteral("stpes")));
        auto d = SftConfig::fromJson({{QStringLiteral("style_mixture"), QJsonObject{{QStringLiteral("brilliant"), 1.0}}}});
        QVERIFY(!d);
        auto e = SftConfig::fromJson({{QStringLiteral("prompt_tokens"), 600}});
        QVERIFY(!e);
        SftJob j = job(QStringLiteral("bad"), 5);
        j.initModelDir = m_dir.filePath(QStringLiteral("nowhere"));
        auto r = runSft(j);
        QVERIFY(!r);
        QVERIFY(r.error().contains(QStringLiteral("nowhere")));
    }
};

QTEST_GUILESS_MAIN(TestSftTrainer)
#include "test_sft_trainer.moc"
