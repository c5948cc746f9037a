// The parts every preference trainer shares: settings resolution, the guards, the run session's
// bookkeeping (statuses, metrics, adapter registration and activation, resume checks) and the
// preference pairs read from votes (ties/both-bad left out, split by incident).
#include "core/store/store.h"
#include "core/synth/auto_label.h"
#include "core/synth/synth_project.h"
#include "core/text/tokenizer.h"
#include "core/train/preference_data.h"
#include "core/train/run_session.h"
#include "core/train/training_guards.h"

#include <QDir>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <cmath>
#include <limits>

using namespace lab;

class TestRunSession : public QObject
{
    Q_OBJECT

private:
    static QVector<TrainParam> params()
    {
        TrainParam lr{QStringLiteral("learning_rate"), QStringLiteral("Learning rate"), QStringLiteral("step size"), 1e-4, 1e-8, 1.0};
        TrainParam steps{QStringLiteral("steps"), QStringLiteral("Steps"), QStringLiteral("steps"), QVariant(qint64(100)), 1, 1e6};
        TrainParam loss{QStringLiteral("loss_type"), QStringLiteral("Loss"), QStringLiteral("which"), QStringLiteral("sigmoid")};
        loss.choices = QStringList{QStringLiteral("sigmoid"), QStringLiteral("ipo")};
        TrainParam flag{QStringLiteral("whiten"), QStringLiteral("Whiten"), QStringLiteral("whiten"), true};
        return {lr, steps, loss, flag};
    }

    std::shared_ptr<Store> openStore(const QTemporaryDir &dir)
    {
        auto store = Store::open(dir.filePath(QStringLiteral("p.db")));
        if (!store)
            qFatal("%s", qPrintable(store.error()));
        return *store;
    }

private Q_SLOTS:
    void resolveFillsDefaultsAndRefusesTypos()
    {
        auto resolved = resolveTrainConfig(params(), QJsonObject{{QStringLiteral("steps"), 20}});
        QVERIFY2(resolved.ok(), qPrintable(resolved.error()));
        QCOMPARE(resolved->value(QStringLiteral("steps")).toInteger(), 20);
        QCOMPARE(resolved->value(QStringLiteral("learning_rate")).toDouble(), 1e-4);
        QCOMPARE(resolved->value(QStringLiteral("loss_type")).toString(), QStringLiteral("sigmoid"));
        QCOMPARE(resolved->value(QStringLiteral("whiten")).toBool(), true);

        auto typo = resolveTrainConfig(params(), QJsonObject{{QStringLiteral("lerning_rate"), 1e-3}});
        QVERIFY(!typo.ok());
        QVERIFY(typo.error().contains(QStringLiteral("lerning_rate")));
        QVERIFY(!resolveTrainConfig(params(), QJsonObject{{QStringLiteral("steps"), 2.5}}).ok());
        QVERIFY(!resolveTrainConfig(params(), QJsonObject{{QStringLiteral("steps"), 0}}).ok());
        QVERIFY(!resolveTrainConfig(params(), QJsonObject{{QStringLiteral("loss_type"), QStringLiteral("hinge")}}).ok());
        QVERIFY(!resolveTrainConfig(params(), QJsonObject{{QStringLiteral("whiten"), 1}}).ok());
    }

    void guardsCatchNanKlEntropyAndVerbosity()
    {
        TrainingGuards nan;
        QVERIFY(!nan.check(1, {{0, QStringLiteral("loss"), 0.5}}).has_value());
        auto tripped = nan.check(2, {{0, QStringLiteral("loss"), std::numeric_limits<double>::quiet_NaN()}});
        QVERIFY(tripped.has_value());
        QVERIFY(tripped->contains(QStringLiteral("NaN")));
        QVERIFY(tripped->contains(QStringLiteral("step 2")));

        TrainingGuards kl(GuardOptions{10.0});
        QVERIFY(!kl.check(1, {{0, QStringLiteral("objective/kl"), 9.9}}).has_value());
        QVERIFY(kl.check(2, {{0, QStringLiteral("objective/kl"), 10.1}}).has_value());

        TrainingGuards entropy;
        QVERIFY(!entropy.check(1, {{0, QStringLiteral("objective/entropy"), 1.2}}).has_value());
        QVERIFY(entropy.check(2, {{0, QStringLiteral("objective/entropy"), 0.01}}).has_value());

        // Score and length rising together past 1.5x the first length: verbosity hacking.
        TrainingGuards verbose;
        std::optional<QString> trip;
        int trippedAt = 0;
        for (int i = 0; i < 20 && !trip; ++i) {
            trip = verbose.check(i, {{0, QStringLiteral("objective/scores"), 0.1 * i},
                                     {0, QStringLiteral("response/length"), 40.0 + 5.0 * i}});
            trippedAt = i;
        }
        QVERIFY(trip.has_value());
        QVERIFY(trip->contains(QStringLiteral("length")));
        QVERIFY(trippedAt >= 7); // a full window first, and 40 -> > 60 tokens

        // Score rising while the length stays put is what training is for.
        TrainingGuards honest;
        for (int i = 0; i < 30; ++i)
            QVERIFY(!honest.check(i, {{0, QStringLiteral("objective/scores"), 0.1 * i},
                                      {0, QStringLiteral("response/length"), 40.0 + (i % 3)}}).has_value());
    }

    void sessionRecordsStatusesAndActivatesOnlyFinishedRuns()
    {
        QTemporaryDir dir;
        auto store = openStore(dir);
        TrainJob job;
        job.store = store;
        job.kind = QString(kRunDpo);
        job.adapterName = QStringLiteral("first");
        QStringList events;
        TrainCallbacks callbacks;
        int progressCalls = 0;
        callbacks.onEvent = [&](const TrainEvent &e) { events << e.message; };
        callbacks.onProgress = [&](const TrainProgress &p) {
            ++progressCalls;
            return p.step < 3; // stop after the third step
        };
        auto session = RunSession::begin(job, QJsonObject{{QStringLiteral("steps"), 10}}, QStringLiteral("snap1"), callbacks);
        QVERIFY2(session.ok(), qPrintable(session.error()));
        RunSession &s = **session;
        QVERIFY(QFileInfo(s.runDir()).isDir());
        QVERIFY(s.runDir().endsWith(QStringLiteral("runs/dpo-%1").arg(s.runId())));
        QVERIFY(s.report(1, 10, {{0, QStringLiteral("loss"), 0.69}}));
        QVERIFY(s.report(2, 10, {{0, QStringLiteral("loss"), 0.60}}));
        QVERIFY(!s.report(3, 10, {{0, QStringLiteral("loss"), 0.55}}));
        QVERIFY(s.stopRequested());
        QCOMPARE(progressCalls, 3);
        QDir().mkpath(s.outputDir());
        const TrainOutcome stopped = s.finish(3, s.outputDir());
        QCOMPARE(stopped.status, QString(kRunStopped));
        QVERIFY(stopped.adapterId > 0);
        QVERIFY(!stopped.activated);
        QCOMPARE(stopped.metrics.value(QStringLiteral("loss")).toDouble(), 0.55);
        auto active = store->activeAdapter();
        QVERIFY(active.ok() && !active->has_value());
        auto metrics = store->metrics(s.runId(), QStringLiteral("loss"));
        QVERIFY(metrics.ok());
        QCOMPARE(metrics->size(), 3);
        QCOMPARE(metrics->at(2).step, 3);
        auto run = store->run(s.runId());
        QCOMPARE(run->status, QString(kRunStopped));
        QCOMPARE(run->voteSnapshot, QStringLiteral("snap1"));
        QCOMPARE(run->config.value(QStringLiteral("settings")).toObject().value(QStringLiteral("steps")).toInt(), 10);

        // Resuming on other votes is refused; on the same votes it continues the same run.
        job.resumeRunId = s.runId();
        QVERIFY(!RunSession::begin(job, QJsonObject{{QStringLiteral("steps"), 10}}, QStringLiteral("snap2"), {}).ok());
        callbacks.onProgress = {};
        auto resumed = RunSession::begin(job, QJsonObject{{QStringLiteral("steps"), 10}}, QStringLiteral("snap1"), callbacks);
        QVERIFY2(resumed.ok(), qPrintable(resumed.error()));
        QVERIFY((*resumed)->resumed());
        QCOMPARE((*resumed)->runId(), s.runId());
        (*resumed)->setResumePoint(3, 1.5);
        QVERIFY((*resumed)->report(4, 4, {{0, QStringLiteral("loss"), 0.5}}));
        const TrainOutcome finished = (*resumed)->finish(4, (*resumed)->outputDir());
        QCOMPARE(finished.status, QString(kRunFinished));
        QCOMPARE(finished.adapterId, stopped.adapterId); // the same adapter, not a second record
        QVERIFY(finished.activated);
        QCOMPARE(finished.resumedFrom, 3);
        active = store->activeAdapter();
        QVERIFY(active.ok() && active->has_value());
        QCOMPARE((*active)->name, QStringLiteral("first"));

        // A run a guard pauses keeps the active adapter as it was.
        TrainJob second = job;
        second.resumeRunId = 0;
        second.adapterName = QStringLiteral("second");
        auto bad = RunSession::begin(second, {}, QStringLiteral("snap1"), {});
        QVERIFY(bad.ok());
        QVERIFY(!(*bad)->report(1, 10, {{0, QStringLiteral("loss"), std::numeric_limits<double>::infinity()}}));
        QVERIFY(!(*bad)->guardMessage().isEmpty());
        QDir().mkpath((*bad)->outputDir());
        const TrainOutcome paused = (*bad)->finish(1, (*bad)->outputDir());
        QCOMPARE(paused.status, QString(kRunPaused));
        QVERIFY(paused.message.contains(QStringLiteral("infinite")));
        QVERIFY(!paused.activated);
        active = store->activeAdapter();
        QCOMPARE((*active)->name, QStringLiteral("first"));
        QCOMPARE(store->run((*bad)->runId())->status, QString(kRunPaused));

        // A finished run cannot be resumed.
        job.resumeRunId = s.runId();
        QVERIFY(!RunSession::begin(job, {}, QStringLiteral("snap1"), {}).ok());
    }

    void etaLeavesOutLoadingAndHeldTime()
    {
        // The estimate comes from the pace between reports: 0.6 s of "loading" before the first
        // report and 0.6 s that the progress callback held the worker (a paused GUI run) are not
        // training. Counting them would estimate about (1.2 s / 2 steps) x 98 steps = 59 s.
        QTemporaryDir dir;
        auto store = openStore(dir);
        TrainJob job;
        job.store = store;
        job.kind = QString(kRunDpo);
        double eta = -2.0;
        TrainCallbacks callbacks;
        callbacks.onProgress = [&](const TrainProgress &p) {
            eta = p.etaSeconds;
            if (p.step == 1)
                QThread::msleep(600);
            return true;
        };
        auto session = RunSession::begin(job, QJsonObject{{QStringLiteral("steps"), 100}}, QStringLiteral("snap"), callbacks);
        QVERIFY2(session.ok(), qPrintable(session.error()));
        QThread::msleep(600);
        QVERIFY((*session)->report(1, 100, {{0, QStringLiteral("loss"), 0.7}}));
        QCOMPARE(eta, -1.0); // one report gives no pace yet
        QVERIFY((*session)->report(2, 100, {{0, QStringLiteral("loss"), 0.6}}));
        QVERIFY2(eta >= 0.0 && eta < 20.0, qPrintable(QString::number(eta)));
    }

    void rewardModelIsTheNewestFinishedRun()
    {
        QTemporaryDir dir;
        auto store = openStore(dir);
        QVERIFY(!currentRewardModelDir(*store).ok());
        TrainJob job;
        job.store = store;
        job.kind = QString(kRunReward);
        for (int i = 0; i < 2; ++i) {
            auto session = RunSession::begin(job, {}, QStringLiteral("s"), {});
            QVERIFY(session.ok());
            QDir().mkpath((*session)->outputDir());
            QFile f(QDir((*session)->outputDir()).filePath(QStringLiteral("model.safetensors")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x");
            f.close();
            (*session)->finish(1, (*session)->outputDir());
        }
        auto current = currentRewardModelDir(*store);
        QVERIFY2(current.ok(), qPrintable(current.error()));
        QVERIFY(current->contains(QStringLiteral("reward-2")));
    }

    void preferencesLeaveOutTiesAndSplitByIncident()
    {
        QTemporaryDir dir;
        auto store = openStore(dir);
        QVERIFY(synth::writeSyntheticIncidents(*store, 5, 60).ok());
        AutoLabelOptions label;
        label.noise = 0.0;
        auto votes = autoLabelAs(*store, label);
        QVERIFY2(votes.ok(), qPrintable(votes.error()));
        const QString spm = QStringLiteral(LAB_SOURCE_DIR "/resources/models/lab-tiny/tokenizer.model");
        
        auto tokenizer = Tokenizer::load(spm);
        QVERIFY2(tokenizer.ok(), qPrintable(tokenizer.error()));

        PreferenceOptions options;
        options.heldOutFraction = 0.25;
        auto data = loadPreferences(*store, *tokenizer, {}, options);
        QVERIFY2(data.ok(), qPrintable(data.error()));
        QCOMPARE(data->votes, qint64(votes->votes));
        QCOMPARE(data->bothBad, qint64(votes->bothBad));
        QCOMPARE(qint64(data->train.size() + data->heldOut.size()), qint64(votes->aBetter + votes->bBetter));
        QVERIFY(!data->heldOut.empty());
        QSet<qint64> trainIncidents, heldIncidents;
        for (const PreferenceExample &e : data->train)
            trainIncidents << e.incidentId;
        for (const PreferenceExample &e : data->heldOut)
            heldIncidents << e.incidentId;
        QVERIFY(!trainIncidents.intersects(heldIncidents));
        for (const PreferenceExample &e : data->train) {
            QCOMPARE(e.prompt.front(), std::int64_t(tokenizer->bosId()));
            // EOS ends every explanation that fitted; a cut one fills the context exactly.
            const bool fitted = e.chosen.back() == std::int64_t(tokenizer->eosId());
            QVERIFY(fitted || int(e.prompt.size() + e.chosen.size()) == options.contextTokens);
            QVERIFY(e.chosen != e.rejected);
            QVERIFY(int(e.prompt.size() + e.chosen.size()) <= options.contextTokens);
        }
        // The same votes give the same snapshot; the selection is part of it.
        auto again = loadPreferences(*store, *tokenizer, {}, options);
        QCOMPARE(again->snapshot, data->snapshot);
        VoteSelection later;
        later.since = QDateTime::currentDateTimeUtc().addDays(1);
        auto none = loadPreferences(*store, *tokenizer, later, options);
        QVERIFY(!none.ok());
        QVERIFY(none.error().contains(QStringLiteral("no A/B votes")));
        VoteSelection nobody;
        nobody.annotator = QStringLiteral("nobody");
        QVERIFY(!loadPreferences(*store, *tokenizer, nobody, options).ok());
    }
};

QTEST_GUILESS_MAIN(TestRunSession)
#include "test_run_session.moc"
