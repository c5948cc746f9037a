// Evaluation: the metrics over hand-made explanations of one incident, and evaluateModel over a
// project's held-out incidents (counts, per-kind split, each verdict equal to the simulated
// engineer's on the same text, nothing but held-out incidents read).
#include "core/eval/explanation_metrics.h"
#include "core/eval/model_eval.h"
#include "core/explain/explainer.h"
#include "core/model/llama.h"
#include "core/store/store.h"
#include "core/synth/incident_generator.h"
#include "core/synth/simulated_engineer.h"
#include "core/synth/synth_project.h"
#include "core/text/tokenizer.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace lab;

class TestModelEval : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metricsOfHandMadeExplanations()
    {
        const auto incidents = synth::generateIncidents(3, 1);
        QVERIFY(incidents);
        QCOMPARE(incidents->size(), 1);
        const synth::Incident &incident = incidents->first();
        const synth::GroundTruth &truth = incident.truth;
        const QString cause = truth.causeKeywords.first();
        const QString id = truth.keyIdentifiers.first();
        const QStringList texts = {
            QStringLiteral("The %1 on %2 broke the job. %3").arg(cause, id, truth.safeActions.first()), // right, real id, safe
            QStringLiteral("The %1 on zz-invented-host-9931 broke the job.").arg(cause),              // right cause, invented id
            QStringLiteral("Something went wrong; restart it."),                                      // generic
            QStringLiteral("The %1 on %2 broke the job. %3").arg(cause, id, truth.unsafeActions.first()), // unsafe
        };
        QVector<synth::Judgement> judgements;
        for (const QString &t : texts)
            judgements.append(synth::judge(t, truth, incident.log));
        const ExplanationMetrics m = summarize(judgements);
        QCOMPARE(m.samples, 4);
        QCOMPARE(m.rootCauseAccuracy, 3.0 / 4.0);
        QCOMPARE(m.hallucinationRate, 1.0 / 4.0);
        QCOMPARE(m.unsafeActionRate, 1.0 / 4.0);
        QCOMPARE(m.acceptableRate, 1.0 / 4.0);
        double words = 0;
        for (const auto &j : judgements)
            words += j.words;
        QCOMPARE(m.meanLength, words / 4.0);
        const QJsonObject json = m.toJson();
        for (const char *key : {"root_cause_accuracy", "hallucination_rate", "unsafe_action_rate", "mean_length", "repetition_rate"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(summarize({}).samples, 0);
    }

    void evaluatesHeldOutIncidentsOnly()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("p.db")));
        QVERIFY(store);
        QVERIFY(synth::writeSyntheticIncidents(**store, 4, 9, {}));
        auto incidents = (*store)->incidents();
        QVERIFY(incidents);
        for (int i = 0; i < 3; ++i)
            QVERIFY((*store)->setIncidentStatus((*incidents)[i].id, QStringLiteral("held_out")));

        // A small random model: the numbers mean nothing, the plumbing is what is tested.
        QStringList texts;
        const auto generated = synth::generateIncidents(4, 6);
        QVERIFY(generated);
        for (const auto &incident : *generated)
            texts << incident.log;
        const QString modelDir = dir.filePath(QStringLiteral("model"));
        QVERIFY(QDir().mkpath(modelDir));
        TokenizerTrainOptions options;
        options.vocabSize = 500;
        QVERIFY(Tokenizer::train(texts, modelDir + QStringLiteral("/tokenizer"), options));
        auto tokenizer = Tokenizer::load(modelDir + QStringLiteral("/tokenizer.model"));
        QVERIFY(tokenizer);
        LlamaConfig config;
        config.vocabSize = tokenizer->vocabSize();
        config.hiddenSize = 32;
        config.intermediateSize = 64;
        config.numLayers = 1;
        config.numHeads = 2;
        config.numKvHeads = 2;
        config.maxPositionEmbeddings = 256;
        LlamaForCausalLM model(config);
        initLlamaWeights(*model, 1);
        QVERIFY(saveCausalLM(model, modelDir));
        auto explainer = Explainer::load(modelDir);
        QVERIFY2(explainer, qPrintable(explainer ? QString() : explainer.error()));

        ModelEvalOptions eval;
        eval.samplesPerIncident = 2;
        eval.batchSize = 4;
        eval.settings.maxNewTokens = 12;
        eval.settings.seed = 5;
        auto report = evaluateModel(**store, **explainer, eval);
        QVERIFY2(report, qPrintable(report ? QString() : report.error()));
        QCOMPARE(report->incidents, 3);
        QCOMPARE(report->overall.samples, 6);
        QCOMPARE(report->samples.size(), 6);
        int perKind = 0;
        for (const auto &m : report->perKind)
            perKind += m.samples;
        QCOMPARE(perKind, 6);
        for (const EvaluatedSample &s : report->samples) {
            QVERIFY(s.incidentId == (*incidents)[0].id || s.incidentId == (*incidents)[1].id || s.incidentId == (*incidents)[2].id);
            auto incident = (*store)->incident(s.incidentId);
            auto log = (*store)->logFor(s.incidentId);
            auto truth = synth::GroundTruth::fromJson(incident->groundTruth);
            const synth::Judgement again = synth::judge(s.text, *truth, log->content);
            QCOMPARE(s.judgement.rootCause, again.rootCause);
            QCOMPARE(s.judgement.hallucinatedIdentifiers, again.hallucinatedIdentifiers);
            QCOMPARE(s.judgement.words, again.words);
        }
        const QJsonObject json = report->toJson();
        QCOMPARE(json.value(QStringLiteral("incidents")).toInt(), 3);
        QVERIFY(json.value(QStringLiteral("metrics")).toObject().contains(QStringLiteral("root_cause_accuracy")));

        // No held-out incident: a clear error that says how to make some.
        eval.heldOutStatus = QStringLiteral("nothing-has-this");
        auto none = evaluateModel(**store, **explainer, eval);
        QVERIFY(!none);
        QVERIFY(none.error().contains(QStringLiteral("--held-out")));
    }
};

QTEST_GUILESS_MAIN(TestModelEval)
#include "test_model_eval.moc"
