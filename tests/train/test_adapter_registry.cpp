// The project's adapters (core/train/adapter_registry.h): listing with runs, activation checks,
// rollback through the activation history, PEFT export/import, and evaluation stored with the
// adapter. Fixtures are real adapters: a tiny Llama model with LoRA, saved by saveLoraAdapter.
#include "explain/tiny_model.h"

#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/model/safetensors.h"
#include "core/store/store.h"
#include "core/synth/synth_project.h"
#include "core/train/adapter_registry.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <set>

using namespace lab;

#define REQUIRE_OK(expr)                                                                           \
    do {                                                                                           \
        const auto &r_ = (expr);                                                                   \
        QVERIFY2(r_.ok(), qPrintable(r_.error()));                                                 \
    } while (false)

class TestAdapterRegistry : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_model;
    std::shared_ptr<Store> m_store;
    int m_project = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A fresh project for each test.
    void openProject()
    {
        auto store = Store::open(path(QStringLiteral("lab%1.db").arg(++m_project)));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        m_store = *store;
    }

    // Registers an adapter made by a run of `kind` with `status` (a real adapter folder).
    qint64 addAdapter(const QString &name, const QString &status = QString(kRunFinished),
                      const QString &kind = QString(kRunDpo))
    {
        RunRecord run;
        run.kind = kind;
        run.status = status;
        run.startedAt = QDateTime::currentDateTimeUtc();
        if (status == kRunFinished)
            run.finishedAt = QDateTime::currentDateTimeUtc();
        auto runId = m_store->addRun(run);
        if (!runId)
            qFatal("%s", qPrintable(runId.error()));
        const QString dir = path(QStringLiteral("p%1/runs/%2-%3/adapter").arg(m_project).arg(kind).arg(*runId));
        if (Status s = labtest::makeRandomAdapter(m_model, dir, quint64(*runId)); !s)
            qFatal("%s", qPrintable(s.error()));
        AdapterRecord a;
        a.name = name;
        a.runId = *runId;
        a.path = dir;
        a.createdAt = QDateTime::currentDateTimeUtc();
        auto id = m_store->addAdapter(a);
        if (!id)
            qFatal("%s", qPrintable(id.error()));
        return *id;
    }

    QString activeName()
    {
        auto active = m_store->activeAdapter();
        if (!active)
            qFatal("%s", qPrintable(active.error()));
        return active->has_value() ? (*active)->name : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_model = path(QStringLiteral("tiny-model"));
        labtest::TinyModelOptions o;
        o.contextLength = 512;
        REQUIRE_OK(labtest::makeTinyModel(m_model, o));
    }

    void init() { openProject(); }

    void listShowsRunAndEval()
    {
        addAdapter(QStringLiteral("dpo-a"));
        const qint64 ppo = addAdapter(QStringLiteral("ppo-b"), QString(kRunStopped), QString(kRunPpo));
        REQUIRE_OK(m_store->setAdapterEval(ppo, QJsonObject{{QStringLiteral("root_cause_accuracy"), 0.42},
                                                              {QStringLiteral("mean_reward"), 1.5}}));
        auto list = listAdapters(*m_store);
        REQUIRE_OK(list);
        QCOMPARE(list->size(), 2);
        const AdapterEntry &newest = list->at(0);
        QCOMPARE(newest.adapter.name, QStringLiteral("ppo-b"));
        QVERIFY(newest.run.has_value());
        QCOMPARE(newest.run->kind, QString(kRunPpo));
        QCOMPARE(newest.run->status, QString(kRunStopped));
        QCOMPARE(newest.madeBy(), QStringLiteral("ppo #%1").arg(newest.run->id));
        QVERIFY(newest.evaluated());
        QCOMPARE(*newest.metric(QStringLiteral("root_cause_accuracy")), 0.42);
        QCOMPARE(*newest.metric(QStringLiteral("mean_reward")), 1.5);
        QVERIFY(!newest.metric(QStringLiteral("hallucination_rate")));
        QVERIFY(!list->at(1).evaluated());
        QVERIFY(list->at(1).run->finishedAt.isValid());
    }

    void checkFolderReadsRealAdapter()
    {
        const QString dir = path(QStringLiteral("check"));
        REQUIRE_OK(labtest::makeRandomAdapter(m_model, dir, 5));
        auto info = checkAdapterFolder(dir);
        REQUIRE_OK(info);
        QCOMPARE(info->r, 4);
        QCOMPARE(info->modules.size(), 2 * 4); // 2 layers x q, k, v, o
        QVERIFY(info->modules.contains(QStringLiteral("model.layers.0.self_attn.q_proj")));
    }

    void activateRefusesBrokenFolders()
    {
        const qint64 id = addAdapter(QStringLiteral("broken"));
        const QString dir = m_store->adapter(id)->path;

        // adapter_config.json that does not parse
        QFile config(QDir(dir).filePath(QStringLiteral("adapter_config.json")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QByteArray good = config.readAll();
        config.close();
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write("{ not json");
        config.close();
        auto r = activateAdapter(*m_store, QStringLiteral("broken"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("broken")) && r.error().contains(QLatin1String("adapter_config.json")),
                 qPrintable(r.error()));
        QCOMPARE(activeName(), QString());

        // weights missing
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(good);
        config.close();
        const QString weights = QDir(dir).filePath(QStringLiteral("adapter_model.safetensors"));
        QVERIFY(QFile::rename(weights, weights + QStringLiteral(".bak")));
        r = activateAdapter(*m_store, QStringLiteral("broken"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("adapter_model.safetensors")), qPrintable(r.error()));

        // weights without LoRA keys
        REQUIRE_OK(saveSafetensors(weights, {{"model.embed_tokens.weight", at::zeros({4, 4})}}));
        r = activateAdapter(*m_store, QStringLiteral("broken"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("not a LoRA weight")), qPrintable(r.error()));

        // lora_A without its lora_B
        REQUIRE_OK(saveSafetensors(weights, {{"base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight",
                                              at::zeros({4, 64})}}));
        r = activateAdapter(*m_store, QStringLiteral("broken"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("no lora_B")), qPrintable(r.error()));
        QCOMPARE(activeName(), QString());

        // the real weights back: it activates
        QVERIFY(QFile::remove(weights));
        QVERIFY(QFile::rename(weights + QStringLiteral(".bak"), weights));
        REQUIRE_OK(activateAdapter(*m_store, QStringLiteral("broken")));
        QCOMPARE(activeName(), QStringLiteral("broken"));

        QVERIFY(!activateAdapter(*m_store, QStringLiteral("no-such")).ok());
    }

    void activateRefusesUnfinishedRunUnlessForced()
    {
        addAdapter(QStringLiteral("done"));
        addAdapter(QStringLiteral("half"), QString(kRunStopped));
        addAdapter(QStringLiteral("bad"), QString(kRunFailed));
        addAdapter(QStringLiteral("running"), QString(kRunRunning));
        REQUIRE_OK(activateAdapter(*m_store, QStringLiteral("done")));
        for (const char *name : {"half", "bad", "running"}) {
            auto r = activateAdapter(*m_store, QString::fromLatin1(name));
            QVERIFY(!r.ok());
            QVERIFY2(r.error().contains(QLatin1String("not finished")), qPrintable(r.error()));
            QCOMPARE(activeName(), QStringLiteral("done"));
        }
        REQUIRE_OK(activateAdapter(*m_store, QStringLiteral("half"), /*force=*/true));
        QCOMPARE(activeName(), QStringLiteral("half"));
    }

    void rollbackWalksBackThroughThreeActivations()
    {
        addAdapter(QStringLiteral("a"));
        addAdapter(QStringLiteral("b"));
        addAdapter(QStringLiteral("c"));
        QVERIFY(!rollbackAdapter(*m_store).ok()); // nothing was ever active
        for (const char *name : {"a", "b", "c"}) {
            REQUIRE_OK(activateAdapter(*m_store, QString::fromLatin1(name)));
            QTest::qWait(3); // distinct activation times (milliseconds)
        }
        QCOMPARE(activeName(), QStringLiteral("c"));

        auto r = rollbackAdapter(*m_store);
        REQUIRE_OK(r);
        QCOMPARE(r->from->name, QStringLiteral("c"));
        QCOMPARE(r->to->name, QStringLiteral("b"));
        QVERIFY(r->to->active);
        QCOMPARE(activeName(), QStringLiteral("b"));

        // Again: further back, not back to c.
        QTest::qWait(3);
        r = rollbackAdapter(*m_store);
        REQUIRE_OK(r);
        QCOMPARE(activeName(), QStringLiteral("a"));

        QTest::qWait(3);
        r = rollbackAdapter(*m_store);
        REQUIRE_OK(r);
        QCOMPARE(r->from->name, QStringLiteral("a"));
        QVERIFY(!r->to.has_value());
        QCOMPARE(activeName(), QString()); // the base model

        r = rollbackAdapter(*m_store);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("nothing to roll back")), qPrintable(r.error()));
        QCOMPARE(activeName(), QString());
    }

    void rollbackUndoesBaseModelAndSkipsBrokenTarget()
    {
        addAdapter(QStringLiteral("a"));
        const qint64 b = addAdapter(QStringLiteral("b"));
        REQUIRE_OK(activateAdapter(*m_store, QStringLiteral("a")));
        QTest::qWait(3);
        REQUIRE_OK(activateAdapter(*m_store, QStringLiteral("b")));
        REQUIRE_OK(useBaseModel(*m_store));
        QCOMPARE(activeName(), QString());
        QTest::qWait(3);
        auto r = rollbackAdapter(*m_store);
        REQUIRE_OK(r);
        QVERIFY(!r->from.has_value());
        QCOMPARE(r->to->name, QStringLiteral("b"));

        // a's folder disappears: rollback refuses and changes nothing.
        QVERIFY(QDir(m_store->adapterByName(QStringLiteral("a"))->value().path).removeRecursively());
        r = rollbackAdapter(*m_store);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("\"a\"")), qPrintable(r.error()));
        QCOMPARE(activeName(), QStringLiteral("b"));
        QVERIFY(m_store->adapter(b)->activatedAt.isValid());
    }

    void reactivatingTheActiveOneChangesNothing()
    {
        addAdapter(QStringLiteral("a"));
        REQUIRE_OK(activateAdapter(*m_store, QStringLiteral("a")));
        const QDateTime first = m_store->adapterByName(QStringLiteral("a"))->value().activatedAt;
        QTest::qWait(3);
        REQUIRE_OK(activateAdapter(*m_store, QStringLiteral("a")));
        QCOMPARE(m_store->adapterByName(QStringLiteral("a"))->value().activatedAt, first);
    }

    void exportWritesLoadablePeftFolder()
    {
        const qint64 id = addAdapter(QStringLiteral("dpo-x"));
        const QString source = m_store->adapter(id)->path;
        const QString out = path(QStringLiteral("export/dpo-x"));
        auto dir = exportAdapter(*m_store, QStringLiteral("dpo-x"), out);
        REQUIRE_OK(dir);
        QCOMPARE(*dir, QFileInfo(out).absoluteFilePath());
        const QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files, (QStringList{QStringLiteral("adapter_config.json"), QStringLiteral("adapter_model.safetensors")}));

        // The config is PEFT's; the keys are PEFT's, shapes [r, in] / [out, r].
        auto config = readLoraConfig(QDir(out).filePath(QStringLiteral("adapter_config.json")));
        REQUIRE_OK(config);
        QCOMPARE(config->r, 4);
        auto file = SafetensorsFile::open(QDir(out).filePath(QStringLiteral("adapter_model.safetensors")));
        REQUIRE_OK(file);
        const std::vector<std::string> names = file->names();
        QCOMPARE(names.size(), size_t(16));
        const std::string qa = "base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight";
        const std::string qb = "base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight";
        QVERIFY(file->contains(qa));
        QVERIFY(file->contains(qb));
        QCOMPARE(file->info(qa)->shape, (std::vector<std::int64_t>{4, 64}));
        QCOMPARE(file->info(qb)->shape, (std::vector<std::int64_t>{64, 4}));

        // The copy loads into the model and holds the same weights as the original.
        auto model = loadCausalLM(m_model);
        REQUIRE_OK(model);
        REQUIRE_OK(loadLoraAdapter(**model, out));
        auto original = SafetensorsFile::open(QDir(source).filePath(QStringLiteral("adapter_model.safetensors")));
        REQUIRE_OK(original);
        QVERIFY(at::equal(*file->tensor(qb), *original->tensor(qb)));

        // Exporting again over the earlier export is allowed.
        REQUIRE_OK(exportAdapter(*m_store, QStringLiteral("dpo-x"), out));
    }

    void exportRefusesForeignFolders()
    {
        addAdapter(QStringLiteral("dpo-y"));
        const QString foreign = path(QStringLiteral("foreign"));
        QVERIFY(QDir().mkpath(foreign));
        QFile notes(QDir(foreign).filePath(QStringLiteral("notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("keep me\n");
        notes.close();
        auto r = exportAdapter(*m_store, QStringLiteral("dpo-y"), foreign);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("not an adapter folder")) && r.error().contains(foreign),
                 qPrintable(r.error()));
        QCOMPARE(QDir(foreign).entryList(QDir::Files), QStringList{QStringLiteral("notes.txt")});

        // An existing empty folder is fine.
        const QString empty = path(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        REQUIRE_OK(exportAdapter(*m_store, QStringLiteral("dpo-y"), empty));
        REQUIRE_OK(checkAdapterFolder(empty));

        // A file, the adapter's own folder, an unknown adapter.
        QVERIFY(!exportAdapter(*m_store, QStringLiteral("dpo-y"), QDir(foreign).filePath(QStringLiteral("notes.txt"))).ok());
        QVERIFY(!exportAdapter(*m_store, QStringLiteral("dpo-y"), m_store->adapterByName(QStringLiteral("dpo-y"))->value().path).ok());
        r = exportAdapter(*m_store, QStringLiteral("nope"), path(QStringLiteral("nope")));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("nope")), qPrintable(r.error()));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("nope"))));
    }

    void importCopiesIntoProject()
    {
        const QString outside = path(QStringLiteral("outside-adapter"));
        REQUIRE_OK(labtest::makeRandomAdapter(m_model, outside, 99));
        auto imported = importAdapter(*m_store, outside, QStringLiteral("from-hub"));
        REQUIRE_OK(imported);
        QCOMPARE(imported->runId, qint64(0));
        QVERIFY(!imported->active);
        QVERIFY(imported->path.startsWith(QFileInfo(m_store->path()).absolutePath()));
        QVERIFY(QDir(outside).removeRecursively()); // the project has its own copy
        REQUIRE_OK(activateAdapter(*m_store, QStringLiteral("from-hub")));
        auto list = listAdapters(*m_store);
        REQUIRE_OK(list);
        QCOMPARE(list->at(0).madeBy(), QStringLiteral("imported"));

        QVERIFY(!importAdapter(*m_store, outside, QStringLiteral("again")).ok());   // folder gone
        QVERIFY(!importAdapter(*m_store, imported->path, QStringLiteral("from-hub")).ok()); // name taken
        QVERIFY(!importAdapter(*m_store, imported->path, QStringLiteral("../escape")).ok());
    }

    void evaluateStoresMetricsWithAdapter()
    {
        const qint64 id = addAdapter(QStringLiteral("dpo-eval"));
        REQUIRE_OK(m_store->setAdapterEval(id, QJsonObject{{QStringLiteral("win_rate"), 0.6}}));
        auto written = synth::writeSyntheticIncidents(*m_store, 1000011, 3);
        REQUIRE_OK(written);
        auto incidents = m_store->incidents();
        REQUIRE_OK(incidents);
        for (const IncidentRecord &i : *incidents)
            REQUIRE_OK(m_store->setIncidentStatus(i.id, QStringLiteral("held_out")));

        AdapterEvalOptions options;
        options.modelDir = m_model;
        options.eval.settings.maxNewTokens = 12;
        options.eval.settings.greedy = true;
        options.eval.settings.device = QStringLiteral("cpu");

        // Cancelled: nothing is stored.
        CancelFlag cancel{true};
        auto cancelled = evaluateAdapter(*m_store, QStringLiteral("dpo-eval"), nullptr, options, {}, &cancel);
        QVERIFY(!cancelled.ok());
        QVERIFY2(cancelled.error().contains(QLatin1String("cancelled")), qPrintable(cancelled.error()));
        QVERIFY(!m_store->adapter(id)->eval.contains(QStringLiteral("root_cause_accuracy")));

        qint64 lastDone = -1, lastTotal = -1;
        auto eval = evaluateAdapter(*m_store, QStringLiteral("dpo-eval"), nullptr, options,
                                    [&](qint64 done, qint64 total) {
                                        lastDone = done;
                                        lastTotal = total;
                                        return true;
                                    });
        REQUIRE_OK(eval);
        QCOMPARE(lastDone, qint64(3));
        QCOMPARE(lastTotal, qint64(3));
        const QJsonObject stored = m_store->adapter(id)->eval;
        QCOMPARE(stored, *eval);
        QCOMPARE(stored.value(QStringLiteral("incidents")).toInt(), 3);
        QCOMPARE(stored.value(QStringLiteral("win_rate")).toDouble(), 0.6); // kept
        QCOMPARE(stored.value(QStringLiteral("eval_db")).toString(), m_store->path());
        for (const char *metric : {"root_cause_accuracy", "hallucination_rate", "unsafe_action_rate", "repetition_rate"}) {
            const QJsonValue v = stored.value(QLatin1String(metric));
            QVERIFY2(v.isDouble() && v.toDouble() >= 0.0 && v.toDouble() <= 1.0, metric);
        }
        QVERIFY(stored.value(QStringLiteral("mean_length")).toDouble() > 0.0);
        auto list = listAdapters(*m_store);
        REQUIRE_OK(list);
        QVERIFY(list->at(0).evaluated());

        // The same settings give the same verdicts as evaluateModel with that adapter (`eval`).
        auto again = evaluateAdapter(*m_store, QStringLiteral("dpo-eval"), nullptr, options);
        REQUIRE_OK(again);
        QCOMPARE(again->value(QStringLiteral("root_cause_accuracy")), eval->value(QStringLiteral("root_cause_accuracy")));
        QCOMPARE(again->value(QStringLiteral("mean_length")), eval->value(QStringLiteral("mean_length")));

        // Held-out incidents of another database; none there: a clear error naming it.
        auto other = Store::open(path(QStringLiteral("empty-eval.db")));
        REQUIRE_OK(other);
        auto none = evaluateAdapter(*m_store, QStringLiteral("dpo-eval"), other->get(), options);
        QVERIFY(!none.ok());
        QVERIFY2(none.error().contains(QLatin1String("empty-eval.db")), qPrintable(none.error()));
    }
};

QTEST_GUILESS_MAIN(TestAdapterRegistry)
#include "test_adapter_registry.moc"
