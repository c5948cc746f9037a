// Before/after comparison: every measure on hand-made judged explanations, the percentile-bootstrap
// win rate against a worked example computed by hand, the regression rule on a hand-made pair of
// reports, and the pairing's refusals.
#include "core/eval/eval_compare.h"
#include "core/synth/incident_generator.h"
#include "core/synth/simulated_engineer.h"

#include <QJsonArray>
#include <QtTest>

using namespace lab;

namespace {

synth::Judgement judgement(double score, bool rootCause = false, int hallucinated = 0, bool unsafe = false, int words = 20,
                           double repetition = 0.0)
{
    synth::Judgement j;
    j.score = score;
    j.rootCause = rootCause;
    j.hallucinatedIdentifiers = hallucinated;
    for (int i = 0; i < hallucinated; ++i)
        j.hallucinated << QStringLiteral("ghost-%1").arg(i);
    j.unsafeAction = unsafe;
    j.words = words;
    j.repetition = repetition;
    return j;
}

EvaluatedSample sample(qint64 incident, const QString &kind, const synth::Judgement &j, double reward = 0.0,
                       const QString &text = QString())
{
    EvaluatedSample s;
    s.incidentId = incident;
    s.kind = kind;
    s.judgement = j;
    s.reward = reward;
    s.text = text.isEmpty() ? QStringLiteral("explanation of %1").arg(incident) : text;
    return s;
}

ModelEvalReport report(const QString &adapter, const QVector<EvaluatedSample> &samples, bool hasReward = false)
{
    ModelEvalReport r;
    r.model = QStringLiteral("lab-tiny");
    r.adapter = adapter;
    r.samples = samples;
    r.hasReward = hasReward;
    summarizeSamples(r);
    return r;
}

const QString kDisk = QStringLiteral("disk_full");
const QString kOom = QStringLiteral("oom");

} // namespace

class TestEvalCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every DESIGN.md measure over four hand-made judged explanations of two kinds.
    void everyMetricOnHandMadeExplanations()
    {
        const ModelEvalReport r = report(QString(),
                                         {sample(1, kDisk, judgement(5.0, true, 0, false, 10, 0.0), 1.0),
                                          sample(2, kDisk, judgement(-2.0, true, 2, false, 30, 0.5), -1.0),
                                          sample(3, kOom, judgement(-6.0, false, 0, true, 20, 0.25), 0.5),
                                          sample(4, kOom, judgement(0.0, false, 1, true, 40, 0.0), 2.5)},
                                         true);
        QCOMPARE(r.incidents, 4);
        QCOMPARE(r.overall.samples, 4);
        QCOMPARE(r.overall.rootCauseAccuracy, 0.5);
        QCOMPARE(r.overall.hallucinationRate, 0.5);
        QCOMPARE(r.overall.unsafeActionRate, 0.5);
        QCOMPARE(r.overall.meanLength, 25.0);
        QCOMPARE(r.overall.repetitionRate, 0.1875);
        QCOMPARE(r.overall.acceptableRate, 0.25); // only the first: cause, nothing invented, safe
        QCOMPARE(r.meanReward, 0.75);
        QCOMPARE(r.perKind.size(), qsizetype(2));
        QCOMPARE(r.perKind[kDisk].rootCauseAccuracy, 1.0);
        QCOMPARE(r.perKind[kDisk].hallucinationRate, 0.5);
        QCOMPARE(r.perKind[kDisk].unsafeActionRate, 0.0);
        QCOMPARE(r.perKind[kDisk].meanLength, 20.0);
        QCOMPARE(r.perKind[kDisk].repetitionRate, 0.25);
        QCOMPARE(r.perKind[kOom].rootCauseAccuracy, 0.0);
        QCOMPARE(r.perKind[kOom].unsafeActionRate, 1.0);
        QCOMPARE(r.perKind[kOom].meanLength, 30.0);
        QCOMPARE(r.perKindReward[kDisk], 0.0);
        QCOMPARE(r.perKindReward[kOom], 1.5);
        // Without a reward model there is no mean reward to speak of.
        const ModelEvalReport noReward = report(QString(), {sample(1, kDisk, judgement(0.0), 3.0)}, false);
        QCOMPARE(noReward.meanReward, 0.0);
        QVERIFY(noReward.perKindReward.isEmpty());
        QVERIFY(!noReward.toJson().value(QStringLiteral("metrics")).toObject().contains(QStringLiteral("mean_reward")));
        QCOMPARE(r.toJson().value(QStringLiteral("metrics")).toObject().value(QStringLiteral("mean_reward")).toDouble(), 0.75);
    }

    // The judge's own measures of length and repetition on texts counted by hand.
    void lengthAndRepetitionFromTheJudge()
    {
        const synth::Incident incident = synth::generateIncident(5, 0);
        // 9 words, 7 trigrams; "alpha beta gamma", "beta gamma alpha", "gamma alpha beta" come back
        // 2 + 1 + 1 = 4 times: 4/7.
        const synth::Judgement repeated =
            synth::judge(QStringLiteral("alpha beta gamma alpha beta gamma alpha beta gamma"), incident.truth, incident.log);
        QCOMPARE(repeated.words, 9);
        QCOMPARE(repeated.repetition, 4.0 / 7.0);
        const synth::Judgement plain =
            synth::judge(QStringLiteral("one two three four five six seven eight"), incident.truth, incident.log);
        QCOMPARE(plain.words, 8);
        QCOMPARE(plain.repetition, 0.0);
        const ModelEvalReport r = report(QString(), {sample(1, kDisk, repeated), sample(2, kDisk, plain)});
        QCOMPARE(r.overall.meanLength, 8.5);
        QCOMPARE(r.overall.repetitionRate, 2.0 / 7.0);
    }

    void bootstrapQuantileInterpolates()
    {
        const QVector<double> sorted{0.0, 1.0, 2.0, 3.0};
        QCOMPARE(bootstrapQuantile(sorted, 0.5), 1.5);
        QCOMPARE(bootstrapQuantile(sorted, 0.0), 0.0);
        QCOMPARE(bootstrapQuantile(sorted, 1.0), 3.0);
        QVERIFY(qAbs(bootstrapQuantile(sorted, 0.025) - 0.075) < 1e-12);
        QCOMPARE(bootstrapQuantile({4.0}, 0.975), 4.0);
    }

    // Worked example: outcomes win, tie, loss, win (1, 0.5, 0, 1). Rate = 2.5 / 4 = 0.625.
    // A resample's mean is (half-points of 4 draws) / 8. By hand:
    //   P(mean <= 0.125) = P(four draws from {0, 0.5} with at most one 0.5)
    //                    = (1/4)^4 + 4 (1/4)^4 = 5/256 = 0.0195 < 0.025
    //   P(mean <= 0.25)  = 5/256 + P(two 0.5s, two 0s) + P(one 1, three 0s)
    //                    = 5/256 + 6/256 + 4*2/256 = 19/256 = 0.0742 >= 0.025  -> low = 0.25
    //   P(mean = 1)      = (2/4)^4 = 1/16 = 0.0625 >= 0.025                      -> high = 1
    // With 20,000 resamples the empirical shares sit > 5 standard errors from 0.025.
    void bootstrapWorkedExample()
    {
        const QVector<double> outcomes{1.0, 0.5, 0.0, 1.0};
        auto w = bootstrapWinRate(outcomes, 20000, 0.95, 1);
        QVERIFY2(w, qPrintable(w.error()));
        QCOMPARE(w->incidents, 4);
        QCOMPARE(w->wins, 2.5);
        QCOMPARE(w->rate, 0.625);
        QCOMPARE(w->low, 0.25);
        QCOMPARE(w->high, 1.0);
        QCOMPARE(w->resamples, 20000);
        // The same ends with other seeds (the result does not hinge on one lucky stream) ...
        for (quint64 seed : {2ULL, 3ULL, 20240607ULL}) {
            auto other = bootstrapWinRate(outcomes, 20000, 0.95, seed);
            QVERIFY(other);
            QCOMPARE(other->low, 0.25);
            QCOMPARE(other->high, 1.0);
        }
        // ... and bit-identical results with the same seed.
        auto a = bootstrapWinRate({1, 0, 0.5, 1, 0, 1, 1, 0.5, 0, 1}, 500, 0.95, 9);
        auto b = bootstrapWinRate({1, 0, 0.5, 1, 0, 1, 1, 0.5, 0, 1}, 500, 0.95, 9);
        QVERIFY(a && b);
        QCOMPARE(a->low, b->low);
        QCOMPARE(a->high, b->high);
        QVERIFY(a->low < a->rate && a->rate < a->high);

        // A second worked example, five incidents (1, 1, 0.5, 0, 1): mean 0.7; means are k/10;
        // P(mean <= 0.2) = 0.0099 and P(mean <= 0.3) = 0.0323 (enumerated over the 5^5 draws)
        // -> low = 0.3; P(mean = 1) = (3/5)^5 = 0.0778 -> high = 1.
        auto five = bootstrapWinRate({1, 1, 0.5, 0, 1}, 20000, 0.95, 1);
        QVERIFY(five);
        QCOMPARE(five->rate, 0.7);
        QVERIFY(qAbs(five->low - 0.3) < 1e-12);
        QCOMPARE(five->high, 1.0);
    }

    void bootstrapDegenerateAndRefusals()
    {
        auto allWins = bootstrapWinRate({1, 1, 1, 1, 1});
        QVERIFY(allWins);
        QCOMPARE(allWins->rate, 1.0);
        QCOMPARE(allWins->low, 1.0);
        QCOMPARE(allWins->high, 1.0);
        auto allLosses = bootstrapWinRate({0, 0, 0});
        QVERIFY(allLosses);
        QCOMPARE(allLosses->low, 0.0);
        QCOMPARE(allLosses->high, 0.0);
        auto allTies = bootstrapWinRate({0.5, 0.5});
        QVERIFY(allTies);
        QCOMPARE(allTies->low, 0.5);
        QCOMPARE(allTies->high, 0.5);
        QVERIFY(!bootstrapWinRate({}));
        QVERIFY(!bootstrapWinRate({1.5}));
        QVERIFY(!bootstrapWinRate({0.5}, 0));
        QVERIFY(!bootstrapWinRate({0.5}, 100, 1.0));
        QVERIFY(bootstrapWinRate({1.0, 0.0}, 100, 0.9));
    }

    void regressionRule()
    {
        const CompareOptions o; // tie margin 0.5, regression margin 2
        QCOMPARE(regressionReasons(judgement(5, true), judgement(1, false)),
                 (QStringList{QStringLiteral("lost_root_cause"), QStringLiteral("score_drop")}));
        QCOMPARE(regressionReasons(judgement(1, false, 0), judgement(0, false, 1)), QStringList{QStringLiteral("new_hallucination")});
        QCOMPARE(regressionReasons(judgement(1, false, 1), judgement(1, false, 2)), QStringList()); // already invented one
        QCOMPARE(regressionReasons(judgement(1), judgement(1, false, 0, true)), QStringList{QStringLiteral("new_unsafe_action")});
        QCOMPARE(regressionReasons(judgement(3), judgement(0.9)), QStringList{QStringLiteral("score_drop")});
        QCOMPARE(regressionReasons(judgement(3), judgement(1.0)), QStringList()); // exactly the margin: not below it
        QCOMPARE(regressionReasons(judgement(0, false), judgement(4, true)), QStringList());
        QCOMPARE(pairOutcome(judgement(1.0), judgement(1.6), o), PairOutcome::Win);
        QCOMPARE(pairOutcome(judgement(1.0), judgement(1.5), o), PairOutcome::Tie);
        QCOMPARE(pairOutcome(judgement(1.0), judgement(0.4), o), PairOutcome::Loss);
        QCOMPARE(pairOutcomeValue(PairOutcome::Tie), 0.5);
    }

    // Base and adapter on the same four incidents, two explanations each (same seeds).
    void comparesHandMadeReports()
    {
        const ModelEvalReport base = report(QString(), {
            sample(10, kDisk, judgement(5.0, true)),  sample(11, kDisk, judgement(0.0)),
            sample(12, kOom, judgement(1.0)),         sample(13, kOom, judgement(2.0)),
            sample(10, kDisk, judgement(5.0, true)),  sample(11, kDisk, judgement(0.0)),
            sample(12, kOom, judgement(1.0)),         sample(13, kOom, judgement(2.0)),
        });
        const ModelEvalReport adapter = report(QStringLiteral("dpo-1"), {
            sample(10, kDisk, judgement(1.0, false)),    // lost the cause and 4 points: loss, regression x2
            sample(11, kDisk, judgement(4.0, true)),     // win
            sample(12, kOom, judgement(1.2)),            // tie
            sample(13, kOom, judgement(2.0, false, 1)),  // tie on score, but invents an identifier
            sample(10, kDisk, judgement(5.0, true)),     // tie
            sample(11, kDisk, judgement(4.0, true)),     // win
            sample(12, kOom, judgement(3.0)),            // win
            sample(13, kOom, judgement(2.0)),            // tie
        });
        auto c = compareReports(base, adapter);
        QVERIFY2(c, qPrintable(c.error()));
        QCOMPARE(c->baseName, QStringLiteral("base"));
        QCOMPARE(c->adapterName, QStringLiteral("dpo-1"));
        QCOMPARE(c->pairs.size(), qsizetype(8));
        QCOMPARE(c->kinds, (QStringList{kDisk, kOom}));
        // Pairs: incident order of the base, then the sample index.
        QCOMPARE(c->pairs[0].incidentId, qint64(10));
        QCOMPARE(c->pairs[0].sampleIndex, 0);
        QCOMPARE(c->pairs[1].incidentId, qint64(10));
        QCOMPARE(c->pairs[1].sampleIndex, 1);
        QCOMPARE(c->pairs[0].outcome, PairOutcome::Loss);
        QCOMPARE(c->pairs[0].scoreDelta, -4.0);
        QCOMPARE(c->pairs[0].regressions, (QStringList{QStringLiteral("lost_root_cause"), QStringLiteral("score_drop")}));
        QCOMPARE(c->pairs[1].outcome, PairOutcome::Tie);
        QVERIFY(!c->pairs[1].isRegression());
        QCOMPARE(c->pairs[6].incidentId, qint64(13));
        QCOMPARE(c->pairs[6].regressions, QStringList{QStringLiteral("new_hallucination")});
        QCOMPARE(c->regressedPairs, 2);
        QCOMPARE(c->regressedIncidents, 2);
        QCOMPARE(c->regressions().size(), qsizetype(2));
        QCOMPARE(c->regressionsByReason.value(QStringLiteral("lost_root_cause")), 1);
        QCOMPARE(c->regressionsByReason.value(QStringLiteral("score_drop")), 1);
        QCOMPARE(c->regressionsByReason.value(QStringLiteral("new_hallucination")), 1);
        // Per incident: 10 (loss, tie) 0.25; 11 (win, win) 1; 12 (tie, win) 0.75; 13 (tie, tie) 0.5.
        QCOMPARE(c->winRate.incidents, 4);
        QCOMPARE(c->winRate.rate, 0.625);
        QCOMPARE(c->winRate.pairWins, 3);
        QCOMPARE(c->winRate.pairTies, 4);
        QCOMPARE(c->winRate.pairLosses, 1);
        QVERIFY(c->winRate.low <= 0.625 && c->winRate.high >= 0.625);
        QCOMPARE(c->perKindWinRate.value(kDisk).rate, 0.625);
        QCOMPARE(c->perKindWinRate.value(kOom).rate, 0.625);
        QCOMPARE(c->perKindWinRate.value(kDisk).incidents, 2);

        // Either way round: a's win rate over b is one minus b's over a.
        auto ab = winRateOf(adapter, base);
        auto ba = winRateOf(base, adapter);
        QVERIFY(ab && ba);
        QCOMPARE(ab->rate, 0.625);
        QCOMPARE(ba->rate, 0.375);

        const QJsonObject json = c->toJson();
        QCOMPARE(json.value(QStringLiteral("regressions")).toArray().size(), qsizetype(2));
        QCOMPARE(json.value(QStringLiteral("win_rate")).toObject().value(QStringLiteral("win_rate")).toDouble(), 0.625);
        QCOMPARE(c->toJson(true).value(QStringLiteral("rows")).toArray().size(), qsizetype(8));

        EvalSuite suite;
        suite.mode = QStringLiteral("sampled");
        suite.base = base;
        suite.adapters = {adapter};
        suite.comparisons = {*c};
        const QJsonObject s = suite.toJson();
        QCOMPARE(s.value(QStringLiteral("models")).toArray().size(), qsizetype(2));
        QCOMPARE(s.value(QStringLiteral("models")).toArray()[1].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("dpo-1"));
        QCOMPARE(s.value(QStringLiteral("comparisons")).toArray().size(), qsizetype(1));
    }

    void refusesReportsThatDoNotMatch()
    {
        const ModelEvalReport base = report(QString(), {sample(1, kDisk, judgement(0)), sample(2, kDisk, judgement(0))});
        const ModelEvalReport fewer = report(QStringLiteral("a"), {sample(1, kDisk, judgement(0))});
        const ModelEvalReport other = report(QStringLiteral("a"), {sample(1, kDisk, judgement(0)), sample(3, kDisk, judgement(0))});
        const ModelEvalReport twice = report(QStringLiteral("a"),
                                             {sample(1, kDisk, judgement(0)), sample(1, kDisk, judgement(0)), sample(2, kDisk, judgement(0))});
        auto a = compareReports(base, fewer);
        QVERIFY(!a);
        QVERIFY2(a.error().contains(QStringLiteral("2 and 1 incidents")), qPrintable(a.error()));
        auto b = compareReports(base, other);
        QVERIFY(!b);
        QVERIFY2(b.error().contains(QStringLiteral("incident 2")), qPrintable(b.error()));
        auto c = compareReports(base, twice);
        QVERIFY(!c);
        QVERIFY2(c.error().contains(QStringLiteral("--samples")), qPrintable(c.error()));
        QVERIFY(!compareReports(ModelEvalReport{}, base));
    }
};

QTEST_GUILESS_MAIN(TestEvalCompare)
#include "test_eval_compare.moc"
