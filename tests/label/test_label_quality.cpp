// Agreement and bias measures against values worked out by hand (the arithmetic is in the
// comments), and computeLabelQuality on a small database whose every figure is known.
#include "core/label/label_quality.h"
#include "core/store/store.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace lab;

class TestLabelQuality : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void kappaTwoCategories()
    {
        // 50 items, yes (0) / no (1): both yes 20, rater1 yes & rater2 no 5, rater1 no & rater2
        // yes 10, both no 15.
        //   p_o = (20 + 15) / 50 = 0.7
        //   rater1 yes = 25/50 = 0.5, rater2 yes = 30/50 = 0.6
        //   p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5
        //   kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
        QVector<int> r1, r2;
        auto add = [&](int a, int b, int n) {
            for (int i = 0; i < n; ++i) {
                r1 << a;
                r2 << b;
            }
        };
        add(0, 0, 20);
        add(0, 1, 5);
        add(1, 0, 10);
        add(1, 1, 15);
        QVERIFY(std::abs(cohenKappa(r1, r2, 2) - 0.4) < 1e-12);
        QVERIFY(std::abs(cohenKappa(r2, r1, 2) - 0.4) < 1e-12); // symmetric
    }

    void kappaFourCategories()
    {
        // r1 = 0 1 2 3 0 1, r2 = 0 1 2 0 0 2: agreements on items 1, 2, 3, 5 -> p_o = 4/6 = 24/36.
        // r1 counts (0..3) = 2 2 1 1, r2 counts = 3 1 2 0:
        //   p_e = (2*3 + 2*1 + 1*2 + 1*0) / 36 = 10/36
        //   kappa = (24/36 - 10/36) / (1 - 10/36) = 14/26 = 7/13
        const QVector<int> r1{0, 1, 2, 3, 0, 1};
        const QVector<int> r2{0, 1, 2, 0, 0, 2};
        QVERIFY(std::abs(cohenKappa(r1, r2, 4) - 7.0 / 13.0) < 1e-12);
    }

    void kappaEdges()
    {
        QCOMPARE(cohenKappa({0, 1, 2}, {0, 1, 2}, 3), 1.0);
        // Perfect disagreement on two balanced categories: p_o 0, p_e 0.5 -> -1.
        QCOMPARE(cohenKappa({0, 1}, {1, 0}, 2), -1.0);
        QVERIFY(std::isnan(cohenKappa({}, {}, 4)));
        QVERIFY(std::isnan(cohenKappa({0, 1}, {0}, 4)));      // sizes differ
        QVERIFY(std::isnan(cohenKappa({0, 5}, {0, 1}, 4)));   // out of range
        QVERIFY(std::isnan(cohenKappa({2, 2, 2}, {2, 2, 2}, 4))); // p_e = 1
    }

    void alphaKrippendorffTextbook()
    {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal data, 4
        // observers, 12 units, '*' missing (values 1..5 shifted to 0..4 here):
        //   A: 1 2 3 3 2 1 4 1 2 * * *
        //   B: 1 2 3 3 2 2 4 1 2 5 * 3
        //   C: * 3 3 3 2 3 4 2 2 5 1 *
        //   D: 1 2 3 3 2 4 4 1 2 5 1 *
        // Unit 12 has one value: not pairable. Pairable values n = 40; their totals per value
        // n_1..n_5 = 9 13 10 5 3; the coincidence diagonal sums to 32. Then
        //   alpha = ((n-1) * sum o_cc - sum n_c(n_c-1)) / (n(n-1) - sum n_c(n_c-1))
        //         = (39*32 - (72+156+90+20+6)) / (40*39 - 344) = 904 / 1216 = 0.743
        const int x = -1;
        const int a[12] = {1, 2, 3, 3, 2, 1, 4, 1, 2, x, x, x};
        const int b[12] = {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, x, 3};
        const int c[12] = {x, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, x};
        const int d[12] = {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, x};
        QVector<QVector<int>> units;
        for (int u = 0; u < 12; ++u) {
            QVector<int> values;
            for (int v : {a[u], b[u], c[u], d[u]}) {
                if (v != x)
                    values << v - 1;
            }
            units << values;
        }
        QVERIFY(std::abs(krippendorffAlphaNominal(units) - 904.0 / 1216.0) < 1e-12);
        QVERIFY(std::abs(krippendorffAlphaNominal(units) - 0.743) < 5e-4);
    }

    void alphaTwoCoders()
    {
        // Units {0,0} {1,1} {0,1}: o_00 = 2, o_11 = 2, o_01 = o_10 = 1; n_0 = n_1 = 3, n = 6.
        //   alpha = (5*4 - (6+6)) / (6*5 - 12) = 8/18
        QVERIFY(std::abs(krippendorffAlphaNominal({{0, 0}, {1, 1}, {0, 1}}) - 8.0 / 18.0) < 1e-12);
        // Incremental accumulation gives the same.
        NominalAlpha acc(4);
        acc.addUnit({0, 0});
        acc.addUnit({1, 1});
        acc.addUnit({0, 1});
        acc.addUnit({3}); // not pairable
        QCOMPARE(acc.pairableValues(), 6.0);
        QVERIFY(std::abs(acc.alpha() - 8.0 / 18.0) < 1e-12);
        QCOMPARE(krippendorffAlphaNominal({{0, 0}, {1, 1}}), 1.0);
        QVERIFY(std::isnan(krippendorffAlphaNominal({{2, 2}, {2, 2, 2}}))); // no variation
        QVERIFY(std::isnan(krippendorffAlphaNominal({{1}, {0}})));         // nothing pairable
        QVERIFY(std::isnan(krippendorffAlphaNominal({})));
    }

    void wordCounts()
    {
        QCOMPARE(wordCount(QString()), 0);
        QCOMPARE(wordCount(QStringLiteral("  one\ttwo\nthree  ")), 3);
    }

    void qualityFromDatabase()
    {
        auto opened = Store::open(m_dir.filePath(QStringLiteral("quality.db")));
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        Store &store = **opened;
        IncidentRecord incident;
        incident.title = QStringLiteral("hand-made");
        incident.kind = QStringLiteral("spark_executor_oom");
        const qint64 inc = *store.addIncident(incident);
        auto explain = [&](const QString &text) {
            ExplanationRecord e;
            e.incidentId = inc;
            e.text = text;
            return *store.addExplanation(e);
        };
        const qint64 e1 = explain(QStringLiteral("one two"));                 // 2 words
        const qint64 e2 = explain(QStringLiteral("one two three four five")); // 5 words
        const qint64 e3 = explain(QStringLiteral("a b c"));                   // 3 words
        auto pairOf = [&](qint64 a, qint64 b, std::optional<VoteChoice> gold) {
            PairRecord p;
            p.incidentId = inc;
            p.explanationA = a;
            p.explanationB = b;
            p.gold = gold.has_value();
            p.goldChoice = gold;
            auto id = store.addPair(p);
            if (!id.ok())
                qFatal("%s", qPrintable(id.error()));
            return *id;
        };
        const qint64 p1 = pairOf(e1, e2, VoteChoice::BBetter); // gold: B (e2) is better
        const qint64 p2 = pairOf(e1, e3, std::nullopt);
        const qint64 p3 = pairOf(e2, e3, std::nullopt);
        const qint64 alice = store.ensureAnnotator(QStringLiteral("alice"))->id;
        const qint64 bob = store.ensureAnnotator(QStringLiteral("bob"))->id;
        auto vote = [&](qint64 who, qint64 pair, VoteChoice choice, Candidate left) {
            VoteRecord v;
            v.annotatorId = who;
            v.pairId = pair;
            v.choice = choice;
            v.shownLeft = left;
            QVERIFY(store.recordVote(v).ok());
        };
        vote(alice, p1, VoteChoice::BBetter, Candidate::B); // gold right; left (B) won; chose 5 over 2
        vote(alice, p2, VoteChoice::ABetter, Candidate::B); // right side won; chose 2 over 3
        vote(alice, p3, VoteChoice::Tie, Candidate::A);
        vote(bob, p1, VoteChoice::ABetter, Candidate::A);   // gold wrong; left won; chose 2 over 5
        vote(bob, p2, VoteChoice::ABetter, Candidate::A);   // left won; chose 2 over 3
        vote(bob, p3, VoteChoice::Skip, Candidate::A);

        qint64 lastDone = 0;
        auto quality = computeLabelQuality(store, [&](qint64 done, qint64 total) {
            lastDone = done;
            return done <= total;
        });
        QVERIFY2(quality.ok(), qPrintable(quality.error()));
        QCOMPARE(quality->votes, 5);
        QCOMPARE(quality->skips, 1);
        QVERIFY(lastDone > 0);
        QCOMPARE(quality->annotators.size(), 2);
        const AnnotatorQuality &a = quality->annotators[0];
        const AnnotatorQuality &b = quality->annotators[1];
        QCOMPARE(a.name, QStringLiteral("alice"));
        QCOMPARE(a.votes, 3);
        QCOMPARE(a.goldVotes, 1);
        QCOMPARE(a.goldCorrect, 1);
        QCOMPARE(a.goldAccuracy, 1.0);
        QCOMPARE(a.sidedVotes, 2);
        QCOMPARE(a.leftWins, 1);
        QCOMPARE(a.leftWinRate, 0.5);
        QCOMPARE(a.meanLengthDifference, 1.0); // (+3 + -1) / 2
        QCOMPARE(a.longerChosenRate, 0.5);
        QCOMPARE(b.name, QStringLiteral("bob"));
        QCOMPARE(b.votes, 2);
        QCOMPARE(b.goldAccuracy, 0.0);
        QCOMPARE(b.leftWinRate, 1.0);
        QCOMPARE(b.meanLengthDifference, -2.0); // (-3 + -1) / 2
        QCOMPARE(b.longerChosenRate, 0.0);

        // Shared verdicts: p1 (alice b_better, bob a_better) and p2 (both a_better); p3 is
        // left out (bob skipped). p_o = 1/2. Alice's marginals 0.5/0.5, bob's 1/0 over
        // (a_better, b_better): p_e = 0.5 -> kappa 0. Alpha over units {1,0} {0,0}: n = 4,
        // n_0 = 3, n_1 = 1, diagonal 2 -> (3*2 - 6) / (4*3 - 6) = 0.
        QCOMPARE(quality->pairsWithTwoVotes, 2);
        QCOMPARE(quality->agreement.size(), 1);
        const AgreementPair &ab = quality->agreement.front();
        QCOMPARE(ab.name1, QStringLiteral("alice"));
        QCOMPARE(ab.name2, QStringLiteral("bob"));
        QCOMPARE(ab.sharedPairs, 2);
        QCOMPARE(ab.observedAgreement, 0.5);
        QVERIFY(std::abs(ab.kappa) < 1e-12);
        QVERIFY(std::abs(quality->krippendorffAlpha) < 1e-12);

        // Bob changes his mind on p1: now full agreement on p1 and p2.
        vote(bob, p1, VoteChoice::BBetter, Candidate::A);
        quality = computeLabelQuality(store);
        QVERIFY(quality.ok());
        QCOMPARE(quality->agreement.front().observedAgreement, 1.0);
        QCOMPARE(quality->agreement.front().kappa, 1.0);
        QCOMPARE(quality->krippendorffAlpha, 1.0);
        QCOMPARE(quality->annotators[1].goldAccuracy, 1.0);

        // Cancelling returns an error, not a partial answer.
        QVERIFY(!computeLabelQuality(store, [](qint64, qint64) { return false; }).ok());
    }

    void emptyDatabase()
    {
        auto opened = Store::open(m_dir.filePath(QStringLiteral("empty.db")));
        QVERIFY(opened.ok());
        auto quality = computeLabelQuality(**opened);
        QVERIFY2(quality.ok(), qPrintable(quality.error()));
        QCOMPARE(quality->votes, 0);
        QVERIFY(quality->agreement.isEmpty());
        QVERIFY(std::isnan(quality->krippendorffAlpha));
    }
};

QTEST_GUILESS_MAIN(TestLabelQuality)
#include "test_label_quality.moc"
