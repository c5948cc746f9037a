#include "core/explain/candidates.h"

#include "core/store/store.h"

#include <QElapsedTimer>
#include <algorithm>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace lab {

namespace {

// SplitMix64's finalizer: neighbouring (seed, incident) pairs get unrelated generator seeds.
quint64 mixSeed(quint64 seed, quint64 salt)
{
    quint64 z = seed + 0x9E3779B97F4A7C15ull * (salt + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

constexpr int kMaxResamples = 2;

struct Pending
{
    qint64 incidentId = 0;
    QString log;
    Explanation a, b;
    quint64 seedA = 0, seedB = 0;
};

} // namespace

Result<StoreExplainer> loadExplainerForStore(Store &store, const QString &modelDir)
{
    Result<std::optional<AdapterRecord>> active = store.activeAdapter();
    if (!active)
        return fail(active.error());
    StoreExplainer out;
    QString adapterDir;
    if (active->has_value()) {
        const AdapterRecord &adapter = **active;
        if (!QFileInfo(adapter.path).isDir())
            return fail(QStringLiteral("the active adapter '%1' of %2 points at %3, which does not exist")
                            .arg(adapter.name, store.path(), adapter.path));
        adapterDir = adapter.path;
        out.adapterId = adapter.id;
        out.adapterName = adapter.name;
    }
    Result<std::unique_ptr<Explainer>> explainer = Explainer::load(modelDir, adapterDir);
    if (!explainer)
        return fail(explainer.error());
    out.explainer = std::move(*explainer);
    return out;
}

Result<QVector<qint64>> incidentsWithoutPairs(Store &store, qint64 limit, const QString &heldOutStatus)
{
    Result<QSqlDatabase> db = store.connection();
    if (!db)
        return fail(db.error());
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    // pairs_incident_votes (incident_id, vote_count) answers NOT EXISTS without touching pairs.
    q.prepare(QStringLiteral("SELECT i.id FROM incidents i"
                             " WHERE i.status <> ? AND NOT EXISTS (SELECT 1 FROM pairs p WHERE p.incident_id = i.id)"
                             " ORDER BY i.id LIMIT ?"));
    q.addBindValue(heldOutStatus);
    q.addBindValue(limit < 0 ? qint64(-1) : limit);
    if (!q.exec())
        return fail(QStringLiteral("%1: cannot list incidents without pairs: %2").arg(store.path(), q.lastError().text()));
    QVector<qint64> ids;
    while (q.next())
        ids.push_back(q.value(0).toLongLong());
    return ids;
}

Result<CandidateSummary> generateCandidates(Store &store, Explainer &explainer, const CandidateOptions &options,
                                            const ProgressCallback &progress)
{
    QElapsedTimer timer;
    timer.start();
    if (options.settings.greedy)
        return fail(QStringLiteral("candidate generation needs sampling: greedy decoding gives both candidates the same text"));
    if (options.batchSize < 1)
        return fail(QStringLiteral("batch size must be at least 1, got %1").arg(options.batchSize));
    Result<QVector<qint64>> todo = incidentsWithoutPairs(store, options.limit, options.heldOutStatus);
    if (!todo)
        return fail(todo.error());

    CandidateSummary summary;
    const qint64 total = todo->size();
    qint64 done = 0;
    if (!reportProgress(progress, 0, total)) {
        summary.cancelled = true;
        return summary;
    }
    for (qint64 start = 0; start < total; start += options.batchSize) {
        const qint64 end = std::min(total, start + options.batchSize);
        // Read the logs; an incident without one cannot be explained.
        QVector<Pending> batch;
        for (qint64 i = start; i < end; ++i) {
            const qint64 id = (*todo)[i];
            Result<QVector<StoredLog>> logs = store.logsFor(id);
            if (!logs)
                return fail(logs.error());
            if (logs->isEmpty()) {
                ++summary.skipped;
                continue;
            }
            Pending p;
            p.incidentId = id;
            p.log = logs->first().content;
            batch.push_back(std::move(p));
        }

        if (!batch.isEmpty()) {
            // Two rows per incident in one generation: each row draws its own samples.
            ExplainSettings settings = options.settings;
            settings.seed = mixSeed(options.seed, quint64(batch.first().incidentId));
            QStringList rows;
            for (const Pending &p : batch)
                rows << p.log << p.log;
            Result<QVector<Explanation>> generated = explainer.explainBatch(rows, settings);
            if (!generated)
                return fail(generated.error());
            for (int i = 0; i < batch.size(); ++i) {
                batch[i].a = (*generated)[2 * i];
                batch[i].b = (*generated)[2 * i + 1];
                batch[i].seedA = batch[i].seedB = settings.seed;
            }
            // Two equal texts make a pair nobody can vote on: draw B again, a few times at most.
            for (int round = 1; round <= kMaxResamples; ++round) {
                QVector<int> same;
                QStringList again;
                for (int i = 0; i < batch.size(); ++i) {
                    if (batch[i].a.text == batch[i].b.text) {
                        same.push_back(i);
                        again << batch[i].log;
                    }
                }
                if (same.isEmpty())
                    break;
                ExplainSettings retry = settings;
                retry.seed = mixSeed(settings.seed, quint64(round));
                Result<QVector<Explanation>> redrawn = explainer.explainBatch(again, retry);
                if (!redrawn)
                    return fail(redrawn.error());
                for (int k = 0; k < same.size(); ++k) {
                    batch[same[k]].b = (*redrawn)[k];
                    batch[same[k]].seedB = retry.seed;
                    ++summary.resampled;
                }
            }
        }

        CandidateSummary added;
        const Status written = store.transaction([&]() -> Status {
            added = {};
            for (const Pending &p : batch) {
                // Another process (the GUI, a second CLI) may have paired it meanwhile.
                PairFilter filter;
                filter.incidentId = p.incidentId;
                filter.limit = 1;
                Result<QVector<PairRecord>> existing = store.pairs(filter);
                if (!existing)
                    return fail(existing.error());
                if (!existing->isEmpty()) {
                    ++added.skipped;
                    continue;
                }
                qint64 ids[2] = {0, 0};
                const Explanation *both[2] = {&p.a, &p.b};
                const quint64 seeds[2] = {p.seedA, p.seedB};
                for (int c = 0; c < 2; ++c) {
                    ExplanationRecord record;
                    record.incidentId = p.incidentId;
                    record.text = both[c]->text;
                    record.model = explainer.modelName();
                    record.adapterId = options.adapterId;
                    record.meta = both[c]->meta;
                    record.meta.insert(QStringLiteral("seed"), QString::number(seeds[c]));
                    record.meta.insert(QStringLiteral("candidate"), c == 0 ? QStringLiteral("a") : QStringLiteral("b"));
                    record.meta.remove(QStringLiteral("model_dir")); // a path of this machine
                    Result<qint64> id = store.addExplanation(record);
                    if (!id)
                        return fail(id.error());
                    ids[c] = *id;
                    added.newTokens += both[c]->newTokens;
                }
                PairRecord pair;
                pair.incidentId = p.incidentId;
                pair.explanationA = ids[0];
                pair.explanationB = ids[1];
                Result<qint64> pairId = store.addPair(pair);
                if (!pairId)
                    return fail(pairId.error());
                ++added.incidents;
                added.explanations += 2;
                ++added.pairs;
            }
            return {};
        });
        if (!written)
            return fail(written.error());
        summary.incidents += added.incidents;
        summary.explanations += added.explanations;
        summary.pairs += added.pairs;
        summary.skipped += added.skipped;
        summary.newTokens += added.newTokens;
        done = end;
        summary.seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!reportProgress(progress, done, total)) {
            summary.cancelled = done < total;
            break;
        }
    }
    summary.seconds = double(timer.nsecsElapsed()) / 1e9;
    return summary;
}

} // namespace lab
