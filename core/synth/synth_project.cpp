#include "synth_project.h"

#include "explanation_writer.h"
#include "incident_generator.h"
#include "auto_label.h"
#include "simulated_engineer.h"

#include "core/logs/log_signature.h"
#include "core/store/store.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace lab::synth {

namespace {
constexpr int kGoldIncidentEvery = 10;
} // namespace

Result<SynthSummary> writeSyntheticIncidents(Store &store, quint64 seed, int count, const ProgressCallback &progress)
{
    if (count < 0)
        return fail(QStringLiteral("incident count must not be negative (got %1)").arg(count));
    SynthSummary summary;
    const Status status = store.transaction([&]() -> Status {
        for (int i = 0; i < count; ++i) {
            const Incident inc = generateIncident(seed, i);
            IncidentRecord record;
            record.title = inc.title;
            record.origin = QString(kOriginSynthetic);
            record.source = inc.truth.system;
            record.kind = inc.truth.kind;
            record.logFormat = inc.truth.format;
            record.seed = qint64(inc.seed); // the bits of the per-incident seed
            QJsonObject truth = inc.truth.toJson();
            truth[QStringLiteral("generator")] = QJsonObject{{QStringLiteral("name"), QStringLiteral("lab_synth")},
                                                             {QStringLiteral("seed"), QString::number(seed)},
                                                             {QStringLiteral("index"), i},
                                                             {QStringLiteral("id"), inc.id}};
            record.groundTruth = truth;
            record.signature = logSignature(inc.log);
            auto incidentId = store.addIncident(record);
            if (!incidentId)
                return fail(incidentId.error());

            StoredLog log;
            log.incidentId = *incidentId;
            log.name = inc.id + QStringLiteral(".log");
            log.format = inc.truth.format;
            log.content = inc.log;
            if (auto logId = store.addLog(log); !logId)
                return fail(logId.error());

            QHash<ExplanationStyle, qint64> ids;
            for (const StyledExplanation &e : writeAllExplanations(inc)) {
                ExplanationRecord er;
                er.incidentId = *incidentId;
                er.text = e.text;
                er.style = styleId(e.style);
                er.meta = QJsonObject{{QStringLiteral("generator"), QStringLiteral("lab_synth")},
                                      {QStringLiteral("incident"), inc.id}};
                auto id = store.addExplanation(er);
                if (!id)
                    return fail(id.error());
                ids.insert(e.style, *id);
                ++summary.explanations;
            }

            // Good against two different bad styles, and two bad ones against each other. In one
            // incident of ten the good-vs-bad pairs are gold: the good side is the known answer,
            // against which the queue checks each annotator.
            const bool goldIncident = i % kGoldIncidentEvery == 0;
            Rng rng(mixSeed(inc.seed, 2000));
            QList<ExplanationStyle> bad = allStyles().mid(1);
            rng.shuffle(bad);
            const QList<QPair<ExplanationStyle, ExplanationStyle>> plan = {
                {ExplanationStyle::Good, bad[0]}, {ExplanationStyle::Good, bad[1]}, {bad[2], bad[3]}};
            for (const auto &p : plan) {
                PairRecord pair;
                pair.incidentId = *incidentId;
                const bool swap = rng.chance(0.5);
                pair.explanationA = ids.value(swap ? p.second : p.first);
                pair.explanationB = ids.value(swap ? p.first : p.second);
                if (goldIncident && p.first == ExplanationStyle::Good)
                    pair.goldChoice = swap ? VoteChoice::BBetter : VoteChoice::ABetter;
                auto id = store.addPair(pair);
                if (!id)
                    return fail(id.error());
                ++summary.pairs;
            }
            ++summary.incidents;
            if (!reportProgress(progress, i + 1, count))
                return fail(QStringLiteral("synthetic generation cancelled at incident %1 of %2; nothing was written").arg(i + 1).arg(count));
        }
        return Status::success();
    });
    if (!status)
        return fail(QStringLiteral("could not write synthetic incidents to %1: %2").arg(store.path(), status.error()));
    return summary;
}

Result<LabelSummary> autoLabel(Store &store, double noise, quint64 seed, qint64 limit, const ProgressCallback &progress)
{
    AutoLabelOptions options;
    options.annotator = QString::fromLatin1(kSimulatedEngineerName);
    options.noise = noise;
    options.seed = seed;
    options.limit = limit;
    return autoLabelAs(store, options, progress);
}

Result<QVector<qint64>> writeHeldOutIncidents(Store &store, quint64 seed, int count, const ProgressCallback &progress)
{
    auto before = store.incidents();
    if (!before)
        return fail(before.error());
    qint64 maxBefore = 0;
    for (const IncidentRecord &incident : *before)
        maxBefore = std::max(maxBefore, incident.id);
    QVector<qint64> ids;
    Status status = store.transaction([&]() -> Status {
        auto summary = writeSyntheticIncidents(store, seed + kHeldOutSeedOffset, count, progress);
        if (!summary)
            return fail(summary.error());
        auto after = store.incidents();
        if (!after)
            return fail(after.error());
        for (const IncidentRecord &incident : *after) {
            if (incident.id <= maxBefore)
                continue;
            if (Status s = store.setIncidentStatus(incident.id, QStringLiteral("held_out")); !s)
                return s;
            ids.append(incident.id);
        }
        return deletePairsOf(store, ids);
    });
    if (!status)
        return fail(status.error());
    return ids;
}

Status deletePairsOf(Store &store, const QVector<qint64> &incidentIds)
{
    auto db = store.connection();
    if (!db)
        return fail(db.error());
    QSqlQuery query(*db);
    query.prepare(QStringLiteral("DELETE FROM pairs WHERE incident_id = ?"));
    for (qint64 id : incidentIds) {
        query.addBindValue(id);
        if (!query.exec())
            return fail(QStringLiteral("%1: cannot drop the pairs of incident %2 (%3)")
                            .arg(store.path())
                            .arg(id)
                            .arg(query.lastError().text()));
    }
    return {};
}

} // namespace lab::synth
