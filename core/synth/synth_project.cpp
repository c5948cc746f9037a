#include "synth_project.h"

#include "explanation_writer.h"
#include "incident_generator.h"
#include "simulated_engineer.h"

#include "core/logs/log_signature.h"
#include "core/store/store.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

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

namespace {

VoteChoice toChoice(Verdict v)
{
    switch (v) {
    case Verdict::ABetter: return VoteChoice::ABetter;
    case Verdict::BBetter: return VoteChoice::BBetter;
    case Verdict::Tie: return VoteChoice::Tie;
    case Verdict::BothBad: return VoteChoice::BothBad;
    }
    return VoteChoice::Skip;
}

QString describe(const Judgement &j)
{
    QStringList parts;
    parts << (j.rootCause ? QStringLiteral("names the cause") : QStringLiteral("misses the cause"));
    if (j.hallucinatedIdentifiers > 0)
        parts << QStringLiteral("invents %1").arg(j.hallucinated.mid(0, 3).join(QStringLiteral(", ")));
    if (j.unsafeAction)
        parts << QStringLiteral("unsafe action");
    if (j.words > 90)
        parts << QStringLiteral("%1 words").arg(j.words);
    return parts.join(QStringLiteral("; "));
}

} // namespace

Result<LabelSummary> autoLabel(Store &store, double noise, quint64 seed, qint64 limit, const ProgressCallback &progress)
{
    if (!(noise >= 0.0 && noise <= 1.0))
        return fail(QStringLiteral("noise must be between 0 and 1 (got %1)").arg(noise));
    auto annotator = store.ensureAnnotator(QString::fromLatin1(kSimulatedEngineerName), QString(kAnnotatorSimulated));
    if (!annotator)
        return fail(annotator.error());
    auto pairs = store.pairs();
    if (!pairs)
        return fail(pairs.error());
    VoteFilter mine;
    mine.annotatorId = annotator->id;
    auto votes = store.votes(mine);
    if (!votes)
        return fail(votes.error());
    QSet<qint64> done;
    for (const VoteRecord &v : std::as_const(*votes))
        done.insert(v.pairId);
    QVector<PairRecord> open;
    for (const PairRecord &p : std::as_const(*pairs)) {
        if (!done.contains(p.id) && (limit < 0 || open.size() < limit))
            open << p;
    }

    LabelSummary summary;
    // Ground truth and log per incident, loaded once.
    struct Case
    {
        bool usable = false;
        GroundTruth truth;
        QString log;
    };
    QHash<qint64, Case> cases;
    const Status status = store.transaction([&]() -> Status {
        for (qsizetype i = 0; i < open.size(); ++i) {
            const PairRecord &pair = open[i];
            if (!cases.contains(pair.incidentId)) {
                Case c;
                auto incident = store.incident(pair.incidentId);
                if (!incident)
                    return fail(incident.error());
                auto truth = GroundTruth::fromJson(incident->groundTruth);
                auto log = store.logFor(pair.incidentId);
                if (truth && log) {
                    c.usable = true;
                    c.truth = *truth;
                    c.log = log->content;
                }
                cases.insert(pair.incidentId, c);
            }
            const Case &c = cases[pair.incidentId];
            if (!c.usable) {
                ++summary.skipped;
            } else {
                auto a = store.explanation(pair.explanationA);
                if (!a)
                    return fail(a.error());
                auto b = store.explanation(pair.explanationB);
                if (!b)
                    return fail(b.error());
                Rng rng(mixSeed(seed, quint64(pair.id)));
                const Vote v = vote(a->text, b->text, c.truth, c.log, noise, rng);
                VoteRecord record;
                record.pairId = pair.id;
                record.annotatorId = annotator->id;
                record.shownLeft = rng.chance(0.5) ? Candidate::A : Candidate::B;
                record.choice = toChoice(v.verdict);
                record.guidelineVersion = QString::fromLatin1(kSimulatedGuideline);
                record.tags = {QStringLiteral("simulated")};
                record.rationale = QStringLiteral("A: %1. B: %2.").arg(describe(v.a), describe(v.b));
                if (auto id = store.recordVote(record); !id)
                    return fail(id.error());
                ++summary.votes;
                summary.flipped += v.flipped ? 1 : 0;
                switch (v.verdict) {
                case Verdict::ABetter: ++summary.aBetter; break;
                case Verdict::BBetter: ++summary.bBetter; break;
                case Verdict::Tie: ++summary.ties; break;
                case Verdict::BothBad: ++summary.bothBad; break;
                }
            }
            if (!reportProgress(progress, i + 1, open.size()))
                return fail(QStringLiteral("labeling cancelled after %1 of %2 pairs; no vote was kept").arg(i + 1).arg(open.size()));
        }
        return Status::success();
    });
    if (!status)
        return fail(QStringLiteral("could not record simulated votes in %1: %2").arg(store.path(), status.error()));
    return summary;
}

} // namespace lab::synth
