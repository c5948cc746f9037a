// The synthetic project in a real (temporary) database: synth + label auto round trip, the
// demo project, and the CLI commands end to end.
#include "core/store/store.h"
#include "core/synth/demo_project.h"
#include "core/synth/explanation_writer.h"
#include "core/synth/incident_generator.h"
#include "core/synth/synth_project.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace lab;
using namespace lab::synth;

class TestSynthStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void synthThenLabel()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("lab.db")));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        auto summary = writeSyntheticIncidents(**store, 11, 42);
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        QCOMPARE(summary->incidents, 42);
        QCOMPARE(summary->explanations, 42 * 7);
        QCOMPARE(summary->pairs, 42 * 3);

        auto incidents = (*store)->incidents();
        QVERIFY(incidents.ok());
        QCOMPARE(incidents->size(), 42);
        QSet<QString> kinds;
        for (const IncidentRecord &r : std::as_const(*incidents)) {
            kinds.insert(r.kind);
            QCOMPARE(r.origin, QString(kOriginSynthetic));
            auto log = (*store)->logFor(r.id);
            QVERIFY(log.ok());
            auto truth = GroundTruth::fromJson(r.groundTruth);
            QVERIFY(truth.ok());
            // The stored log and truth are exactly what the generator makes.
            const int index = r.groundTruth.value(QStringLiteral("generator")).toObject().value(QStringLiteral("index")).toInt();
            const Incident again = generateIncident(11, index);
            QCOMPARE(log->content, again.log);
            QCOMPARE(truth->toJson(), again.truth.toJson());
            QCOMPARE(log->format, again.truth.format);
            auto expl = (*store)->explanationsFor(r.id);
            QVERIFY(expl.ok());
            QCOMPARE(expl->size(), 7);
            for (const ExplanationRecord &e : std::as_const(*expl))
                QVERIFY(e.model.isEmpty() && !e.style.isEmpty());
        }
        QCOMPARE(kinds.size(), 21);

        // Every pair: two different styles of one incident, good in two of three.
        auto pairs = (*store)->pairs();
        QVERIFY(pairs.ok());
        int withGood = 0;
        for (const PairRecord &p : std::as_const(*pairs)) {
            auto a = (*store)->explanation(p.explanationA);
            auto b = (*store)->explanation(p.explanationB);
            QVERIFY(a.ok() && b.ok());
            QVERIFY(a->style != b->style);
            QCOMPARE(a->incidentId, p.incidentId);
            withGood += (a->style == QLatin1String("good") || b->style == QLatin1String("good")) ? 1 : 0;
        }
        QCOMPARE(withGood, 42 * 2);

        auto labels = autoLabel(**store, 0.0, 5);
        QVERIFY2(labels.ok(), qPrintable(labels.error()));
        QCOMPARE(labels->votes, 42 * 3);
        QCOMPARE(labels->flipped, 0);
        QCOMPARE(labels->aBetter + labels->bBetter + labels->ties + labels->bothBad, labels->votes);

        // With no noise, every good-vs-bad pair is won by the good side.
        auto annotator = (*store)->annotatorByName(QString::fromLatin1(kSimulatedEngineerName));
        QVERIFY(annotator.ok() && annotator->has_value());
        QCOMPARE((*annotator)->kind, QString(kAnnotatorSimulated));
        auto votes = (*store)->votes();
        QVERIFY(votes.ok());
        QSet<int> sides;
        for (const VoteRecord &v : std::as_const(*votes)) {
            auto pair = (*store)->pair(v.pairId);
            auto a = (*store)->explanation(pair->explanationA);
            auto b = (*store)->explanation(pair->explanationB);
            if (a->style == QLatin1String("good"))
                QCOMPARE(v.choice, VoteChoice::ABetter);
            else if (b->style == QLatin1String("good"))
                QCOMPARE(v.choice, VoteChoice::BBetter);
            QCOMPARE(v.guidelineVersion, QString::fromLatin1(kSimulatedGuideline));
            QVERIFY(!v.rationale.isEmpty());
            sides.insert(int(v.shownLeft));
        }
        QCOMPARE(sides.size(), 2); // the side shown left varies

        // A second run has nothing left to vote on.
        auto again = autoLabel(**store, 0.1, 5);
        QVERIFY(again.ok());
        QCOMPARE(again->votes, 0);
    }

    void noisyLabelsFlipAboutP()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("noisy.db")));
        QVERIFY(store.ok());
        QVERIFY(writeSyntheticIncidents(**store, 3, 150).ok());
        auto labels = autoLabel(**store, 0.2, 9);
        QVERIFY(labels.ok());
        const double rate = double(labels->flipped) / labels->votes;
        // 450 votes, p = 0.2: the standard deviation is 0.019.
        QVERIFY2(std::abs(rate - 0.2) < 0.06, qPrintable(QString::number(rate)));
    }

    void cancelLeavesNothing()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("cancel.db")));
        QVERIFY(store.ok());
        auto r = writeSyntheticIncidents(**store, 1, 30, [](qint64 done, qint64) { return done < 10; });
        QVERIFY(!r.ok());
        QVERIFY(r.error().contains(QLatin1String("cancelled")));
        QCOMPARE(*(*store)->countIncidents(), qint64(0));
    }

    void demoProject()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.db"));
        qint64 last = -1;
        auto demo = createDemoProject(path, 1, [&](qint64 done, qint64 total) {
            if (done < last || done > total)
                return false;
            last = done;
            return true;
        }, 60);
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QCOMPARE(demo->incidents, 60);
        QCOMPARE(demo->pairs, 180);
        QCOMPARE(demo->votes, int(180 * kDemoVotedShare));
        auto store = Store::open(path);
        auto progress = (*store)->progress();
        QVERIFY(progress.ok());
        QCOMPARE(progress->pairs, qint64(180));
        QVERIFY(progress->votedPairs > 0 && progress->votedPairs < 180);
        // Never mixed into an existing project.
        auto twice = createDemoProject(path, 1, {}, 10);
        QVERIFY(!twice.ok());
        QVERIFY(twice.error().contains(path));
    }

    void cliEndToEnd()
    {
        const QString cli = QStringLiteral(LAB_BINARY_DIR "/app/rlhf-lab-cli");
        if (!QFileInfo::exists(cli))
            QSKIP("rlhf-lab-cli is not built in this build tree");
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("cli.db"));
        QProcess p;
        p.start(cli, {QStringLiteral("synth"), QStringLiteral("--db"), db, QStringLiteral("--incidents"), QStringLiteral("25"),
                      QStringLiteral("--seed"), QStringLiteral("4"), QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject synth = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(synth.value(QStringLiteral("incidents")).toInt(), 25);
        QCOMPARE(synth.value(QStringLiteral("pairs")).toInt(), 75);
        p.start(cli, {QStringLiteral("label"), QStringLiteral("auto"), QStringLiteral("--db"), db, QStringLiteral("--noise"), QStringLiteral("0"),
                      QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject label = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(label.value(QStringLiteral("votes")).toInt(), 75);
        QCOMPARE(label.value(QStringLiteral("flipped")).toInt(), 0);
        p.start(cli, {QStringLiteral("label"), QStringLiteral("auto"), QStringLiteral("--db"), db, QStringLiteral("--noise"), QStringLiteral("2")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--noise"));
    }
};

QTEST_GUILESS_MAIN(TestSynthStore)
#include "test_synth_store.moc"
