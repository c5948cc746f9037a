// Candidate generation on a store of synthetic incidents without pairs, with a small random
// model built by the test: two explanations and one pair per incident with their provenance, a
// second run adds nothing, a cancel keeps the finished batches only, held-out and already paired
// incidents are left alone, and the active adapter is recorded.
#include "core/explain/candidates.h"
#include "core/model/lora.h"
#include "core/store/store.h"
#include "core/synth/synth_project.h"
#include "tiny_model.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace lab;

namespace {

// `count` synthetic incidents with their logs and ground truth, and no explanations or pairs.
QVector<qint64> addBareIncidents(Store &store, int count, quint64 seed, const QString &status = QStringLiteral("open"))
{
    QVector<qint64> ids;
    for (int i = 0; i < count; ++i) {
        const synth::Incident inc = synth::generateIncident(seed, i);
        IncidentRecord record;
        record.title = inc.title;
        record.source = inc.truth.system;
        record.kind = inc.truth.kind;
        record.logFormat = inc.truth.format;
        record.status = status;
        record.groundTruth = inc.truth.toJson();
        auto id = store.addIncident(record);
        if (!id)
            qFatal("%s", qPrintable(id.error()));
        StoredLog log;
        log.incidentId = *id;
        log.name = inc.id + QStringLiteral(".log");
        log.content = inc.log;
        if (auto logId = store.addLog(log); !logId)
            qFatal("%s", qPrintable(logId.error()));
        ids.push_back(*id);
    }
    return ids;
}

CandidateOptions quickOptions(int batch)
{
    CandidateOptions o;
    o.batchSize = batch;
    o.seed = 9;
    o.settings.maxNewTokens = 24;
    o.settings.temperature = 1.0;
    return o;
}

} // namespace

class TestCandidates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pairsEveryUnpairedIncidentOnce();
    void cancelKeepsFinishedBatches();
    void skipsHeldOutAndPairedIncidents();
    void recordsTheActiveAdapter();
    void refusesGreedy();

private:
    std::shared_ptr<Store> openStore(const QString &name);
    QTemporaryDir m_dir;
    QString m_model;
    std::unique_ptr<Explainer> m_explainer;
};

void TestCandidates::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_model = m_dir.filePath(QStringLiteral("tiny"));
    const Status made = labtest::makeTinyModel(m_model, {.contextLength = 192});
    QVERIFY2(made.ok(), qPrintable(made.error()));
    auto explainer = Explainer::load(m_model);
    QVERIFY2(explainer.ok(), qPrintable(explainer.error()));
    m_explainer = std::move(*explainer);
}

std::shared_ptr<Store> TestCandidates::openStore(const QString &name)
{
    auto store = Store::open(m_dir.filePath(name));
    if (!store)
        qFatal("%s", qPrintable(store.error()));
    return *store;
}

void TestCandidates::pairsEveryUnpairedIncidentOnce()
{
    auto store = openStore(QStringLiteral("pairs.lab"));
    const int n = 5;
    const QVector<qint64> ids = addBareIncidents(*store, n, 4);
    QCOMPARE(incidentsWithoutPairs(*store)->size(), n);

    QVector<QPair<qint64, qint64>> calls;
    auto summary = generateCandidates(*store, *m_explainer, quickOptions(2), [&](qint64 done, qint64 total) {
        calls.push_back({done, total});
        return true;
    });
    QVERIFY2(summary.ok(), qPrintable(summary.error()));
    QCOMPARE(summary->incidents, n);
    QCOMPARE(summary->explanations, 2 * n);
    QCOMPARE(summary->pairs, n);
    QVERIFY(!summary->cancelled);
    QVERIFY(summary->newTokens >= 2 * n);
    // 0 of 5, then one call per committed batch of 2.
    const QVector<QPair<qint64, qint64>> expected{{0, 5}, {2, 5}, {4, 5}, {5, 5}};
    QCOMPARE(calls, expected);

    for (qint64 id : ids) {
        PairFilter filter;
        filter.incidentId = id;
        auto pairs = store->pairs(filter);
        QVERIFY(pairs.ok());
        QCOMPARE(pairs->size(), 1);
        auto explanations = store->explanationsFor(id);
        QVERIFY(explanations.ok());
        QCOMPARE(explanations->size(), 2);
        const PairRecord &pair = pairs->first();
        QSet<qint64> pairIds{pair.explanationA, pair.explanationB};
        for (const ExplanationRecord &e : *explanations) {
            QVERIFY(pairIds.contains(e.id));
            QCOMPARE(e.model, QStringLiteral("tiny"));
            QVERIFY(e.style.isEmpty());
            QCOMPARE(e.adapterId, qint64(0));
            QVERIFY(!e.meta.value(QStringLiteral("seed")).toString().isEmpty());
            QVERIFY(e.meta.value(QStringLiteral("new_tokens")).toInt() >= 1);
            QVERIFY(e.meta.value(QStringLiteral("prompt_tokens")).toInt() > 1);
            QVERIFY(e.meta.value(QStringLiteral("seconds")).toDouble() > 0.0);
            QCOMPARE(e.meta.value(QStringLiteral("settings")).toObject().value(QStringLiteral("max_new_tokens")).toInt(), 24);
            QVERIFY(!e.meta.value(QStringLiteral("digest_lines")).toArray().isEmpty());
        }
        // Sampled twice: the two candidates differ (drawn again when they came out the same).
        QVERIFY((*explanations)[0].text != (*explanations)[1].text);
    }

    auto again = generateCandidates(*store, *m_explainer, quickOptions(2));
    QVERIFY(again.ok());
    QCOMPARE(again->incidents, 0);
    QCOMPARE(again->pairs, 0);
    QCOMPARE(store->pairs()->size(), n);
}

void TestCandidates::cancelKeepsFinishedBatches()
{
    auto store = openStore(QStringLiteral("cancel.lab"));
    const QVector<qint64> ids = addBareIncidents(*store, 6, 5);
    // Cancel once the first batch (2 incidents) is committed.
    auto summary = generateCandidates(*store, *m_explainer, quickOptions(2), [](qint64 done, qint64) { return done < 2; });
    QVERIFY2(summary.ok(), qPrintable(summary.error()));
    QVERIFY(summary->cancelled);
    QCOMPARE(summary->incidents, 2);
    QCOMPARE(store->pairs()->size(), 2);
    QCOMPARE(incidentsWithoutPairs(*store)->size(), 4);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(store->explanationsFor(ids[i])->size(), i < 2 ? 2 : 0);
    // Cancelling before the first batch writes nothing.
    auto none = generateCandidates(*store, *m_explainer, quickOptions(2), [](qint64, qint64) { return false; });
    QVERIFY(none.ok());
    QVERIFY(none->cancelled);
    QCOMPARE(store->pairs()->size(), 2);
    // The next run finishes the rest.
    auto rest = generateCandidates(*store, *m_explainer, quickOptions(4));
    QVERIFY(rest.ok());
    QCOMPARE(rest->incidents, 4);
    QCOMPARE(incidentsWithoutPairs(*store)->size(), 0);
}

void TestCandidates::skipsHeldOutAndPairedIncidents()
{
    auto store = openStore(QStringLiteral("mixed.lab"));
    // Synthetic incidents come with pairs already.
    QVERIFY(synth::writeSyntheticIncidents(*store, 2, 3).ok());
    const qint64 pairsBefore = store->pairs()->size();
    addBareIncidents(*store, 2, 6, QStringLiteral("held_out"));
    const QVector<qint64> open = addBareIncidents(*store, 3, 7);
    auto todo = incidentsWithoutPairs(*store);
    QVERIFY(todo.ok());
    QCOMPARE(*todo, open);
    QCOMPARE(incidentsWithoutPairs(*store, 2)->size(), 2);

    auto summary = generateCandidates(*store, *m_explainer, quickOptions(8));
    QVERIFY(summary.ok());
    QCOMPARE(summary->incidents, 3);
    QCOMPARE(store->pairs()->size(), pairsBefore + 3);

    // --limit
    addBareIncidents(*store, 3, 8);
    CandidateOptions limited = quickOptions(8);
    limited.limit = 1;
    auto one = generateCandidates(*store, *m_explainer, limited);
    QVERIFY(one.ok());
    QCOMPARE(one->incidents, 1);
    QCOMPARE(incidentsWithoutPairs(*store)->size(), 2);
}

void TestCandidates::recordsTheActiveAdapter()
{
    auto store = openStore(QStringLiteral("adapter.lab"));
    addBareIncidents(*store, 2, 10);
    const QString adapterDir = m_dir.filePath(QStringLiteral("dpo-1"));
    {
        auto model = loadCausalLM(m_model);
        QVERIFY(model.ok());
        LoraConfig lora;
        lora.r = 2;
        auto params = addLora(**model, lora, 1);
        QVERIFY(params.ok());
        QVERIFY(saveLoraAdapter(**model, lora, adapterDir).ok());
    }
    AdapterRecord adapter;
    adapter.name = QStringLiteral("dpo-1");
    adapter.path = adapterDir;
    auto adapterId = store->addAdapter(adapter);
    QVERIFY(adapterId.ok());

    auto base = loadExplainerForStore(*store, m_model);
    QVERIFY(base.ok());
    QCOMPARE(base->adapterId, qint64(0));
    QVERIFY(base->explainer->adapterName().isEmpty());

    QVERIFY(store->setActiveAdapter(*adapterId).ok());
    auto loaded = loadExplainerForStore(*store, m_model);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->adapterId, *adapterId);
    QCOMPARE(loaded->adapterName, QStringLiteral("dpo-1"));
    CandidateOptions options = quickOptions(4);
    options.adapterId = loaded->adapterId;
    auto summary = generateCandidates(*store, *loaded->explainer, options);
    QVERIFY(summary.ok());
    QCOMPARE(summary->explanations, 4);
    auto explanations = store->explanationsFor(store->pairs()->first().incidentId);
    for (const ExplanationRecord &e : *explanations) {
        QCOMPARE(e.adapterId, *adapterId);
        QCOMPARE(e.meta.value(QStringLiteral("adapter")).toString(), QStringLiteral("dpo-1"));
    }

    // An active adapter whose folder is gone is an error that names it.
    AdapterRecord gone;
    gone.name = QStringLiteral("gone");
    gone.path = m_dir.filePath(QStringLiteral("gone"));
    auto goneId = store->addAdapter(gone);
    QVERIFY(goneId.ok());
    QVERIFY(store->setActiveAdapter(*goneId).ok());
    auto broken = loadExplainerForStore(*store, m_model);
    QVERIFY(!broken.ok());
    QVERIFY2(broken.error().contains(QStringLiteral("gone")), qPrintable(broken.error()));
}

void TestCandidates::refusesGreedy()
{
    auto store = openStore(QStringLiteral("greedy.lab"));
    addBareIncidents(*store, 1, 12);
    CandidateOptions options = quickOptions(2);
    options.settings.greedy = true;
    auto summary = generateCandidates(*store, *m_explainer, options);
    QVERIFY(!summary.ok());
    QVERIFY(summary.error().contains(QStringLiteral("greedy")));
    QCOMPARE(store->pairs()->size(), 0);
}

QTEST_GUILESS_MAIN(TestCandidates)
#include "test_candidates.moc"
