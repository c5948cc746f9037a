// The simulated engineer: it must prefer the good explanation over every other style when it is
// honest, flip at the configured rate when it is noisy, and judge free text (not style labels).
#include "core/synth/explanation_writer.h"
#include "core/synth/incident_generator.h"
#include "core/synth/simulated_engineer.h"

#include <QTest>

using namespace lab::synth;

class TestSimulatedEngineer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void phraseMatchingRespectsWords()
    {
        QVERIFY(containsPhrase(QStringLiteral("the pod was OOMKilled"), QStringLiteral("oomkilled")));
        QVERIFY(containsPhrase(QStringLiteral("an OOM on executor 3"), QStringLiteral("oom")));
        QVERIFY(!containsPhrase(QStringLiteral("plenty of room"), QStringLiteral("oom")));
        QVERIFY(containsPhrase(QStringLiteral("grant s3:GetObject"), QStringLiteral("s3:getobject")));
    }

    void identifiersAreCheckedAgainstTheLog()
    {
        const QString log = QStringLiteral("24/03/11 14:02:17 WARN TaskSetManager: Lost task 3.0 in stage 12.0 (TID 318) (10.0.4.17 executor 7): "
                                           "java.lang.OutOfMemoryError: Java heap space\nbucket acme-prod-orders-raw\n");
        QVERIFY(identifierInLog(QStringLiteral("executor 7"), log));
        QVERIFY(!identifierInLog(QStringLiteral("executor 9"), log));
        QVERIFY(identifierInLog(QStringLiteral("stage 12"), log));
        QVERIFY(identifierInLog(QStringLiteral("10.0.4.17"), log));
        QVERIFY(!identifierInLog(QStringLiteral("10.0.4.18"), log));
        QVERIFY(identifierInLog(QStringLiteral("s3://acme-prod-orders-raw/raw"), log));
        // Near misses a substring match would accept: a shorter IP, a shorter bucket, a task of
        // another stage.
        QVERIFY(!identifierInLog(QStringLiteral("10.0.4.1"), log));
        QVERIFY(!identifierInLog(QStringLiteral("acme-prod-orders"), log));
        QVERIFY(!identifierInLog(QStringLiteral("stage 1"), log));
        QVERIFY(identifierInLog(QStringLiteral("java.lang.OutOfMemoryError"), log));
        const QStringList tokens = identifierTokens(QStringLiteral("Executor 7 on 10.0.4.17 ran out of memory; raise spark.executor.memory to 8g "
                                                                   "and check acme-prod-orders-raw, not acme-prod-orders-lake."));
        QVERIFY(tokens.contains(QStringLiteral("executor 7")));
        QVERIFY(tokens.contains(QStringLiteral("10.0.4.17")));
        QVERIFY(tokens.contains(QStringLiteral("acme-prod-orders-lake")));
        QVERIFY(!tokens.contains(QStringLiteral("spark.executor.memory"))); // vocabulary, not a claim
        QVERIFY(!tokens.contains(QStringLiteral("8g")));                    // a quantity
    }

    void judgesFreeText()
    {
        const Incident inc = generateIncident(9, 0, IncidentKind::S3AccessDenied);
        const QString bucket = inc.truth.keyIdentifiers.first();
        const Judgement right = judge(QStringLiteral("Access denied: the role may not read %1. Grant it s3:GetObject on that prefix only.").arg(bucket),
                                      inc.truth, inc.log);
        QVERIFY(right.rootCause);
        QCOMPARE(right.hallucinatedIdentifiers, 0);
        QVERIFY(right.safeAction);
        const Judgement invented = judge(QStringLiteral("Access denied on bucket zz-made-up-bucket-9."), inc.truth, inc.log);
        QVERIFY(invented.hallucinatedIdentifiers >= 1);
        const Judgement dangerous = judge(QStringLiteral("Access denied on %1: allow \"s3:*\" for everyone.").arg(bucket), inc.truth, inc.log);
        QVERIFY(dangerous.unsafeAction);
        QVERIFY(right.score > invented.score);
        QVERIFY(right.score > dangerous.score);
        const Judgement rambling = judge(QString(QStringLiteral("access denied on %1 again and again. ").arg(bucket)).repeated(20), inc.truth, inc.log);
        QVERIFY(rambling.repetition > 0.5);
        QVERIFY(right.score > rambling.score);
    }

    void prefersGoodOverEveryStyle()
    {
        int comparisons = 0, wins = 0;
        QStringList losses;
        for (int i = 0; i < 210; ++i) {
            const Incident inc = generateIncident(2024, i);
            const auto all = writeAllExplanations(inc);
            const QString good = all.first().text;
            QCOMPARE(all.first().style, ExplanationStyle::Good);
            Rng rng(i);
            for (int s = 1; s < all.size(); ++s) {
                ++comparisons;
                // Both orders: the verdict must not depend on the side.
                const Vote ab = vote(good, all[s].text, inc.truth, inc.log, 0.0, rng);
                const Vote ba = vote(all[s].text, good, inc.truth, inc.log, 0.0, rng);
                if (ab.verdict == Verdict::ABetter && ba.verdict == Verdict::BBetter)
                    ++wins;
                else
                    losses << inc.truth.kind + QLatin1Char('/') + styleId(all[s].style);
                QVERIFY(!ab.flipped && !ba.flipped);
            }
        }
        qInfo("good won %d of %d comparisons; lost: %s", wins, comparisons, qPrintable(losses.join(QLatin1Char(' '))));
        QVERIFY(double(wins) / comparisons >= 0.99);
    }

    void flipRateMatchesNoise()
    {
        const Incident inc = generateIncident(3, 0, IncidentKind::AppTlsExpired);
        const auto all = writeAllExplanations(inc);
        for (double p : {0.1, 0.3}) {
            Rng rng(99);
            int flipped = 0, wrong = 0;
            const int n = 4000;
            for (int i = 0; i < n; ++i) {
                const Vote v = vote(all[0].text, all[3].text, inc.truth, inc.log, p, rng);
                flipped += v.flipped ? 1 : 0;
                wrong += v.verdict == Verdict::BBetter ? 1 : 0;
            }
            // Binomial(4000, p): 4 standard deviations is about 0.02 at p = 0.3.
            QVERIFY2(std::abs(double(flipped) / n - p) < 0.025, qPrintable(QString::number(double(flipped) / n)));
            QCOMPARE(wrong, flipped);
        }
    }

    void bothBadAndTie()
    {
        const Incident inc = generateIncident(4, 0, IncidentKind::SparkSkew);
        Rng rng(1);
        const auto all = writeAllExplanations(inc);
        const Vote bad = vote(all[3].text, all[1].text, inc.truth, inc.log, 0.0, rng); // generic vs symptom
        QCOMPARE(bad.verdict, Verdict::BothBad);
        const Vote same = vote(all[0].text, all[0].text, inc.truth, inc.log, 0.0, rng);
        QCOMPARE(same.verdict, Verdict::Tie);
        QCOMPARE(verdictId(Verdict::ABetter), QStringLiteral("a_better"));
    }
};

QTEST_GUILESS_MAIN(TestSimulatedEngineer)
#include "test_simulated_engineer.moc"
