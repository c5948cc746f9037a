#include "core/synth/auto_label.h"

#include "core/store/store.h"
#include "core/synth/rng.h"

#include <QHash>
#include <QSet>
#include <optional>

namespace lab {

namespace {

// The log lines with these 1-based numbers, '\n'-joined.
QString linesOf(const QStringList &logLines, const QList<int> &numbers)
{
    QStringList out;
    for (int n : numbers) {
        if (n >= 1 && n <= logLines.size())
            out << logLines[n - 1];
    }
    return out.join(QLatin1Char('\n'));
}

VoteChoice toChoice(synth::Verdict v)
{
    switch (v) {
    case synth::Verdict::ABetter: return VoteChoice::ABetter;
    case synth::Verdict::BBetter: return VoteChoice::BBetter;
    case synth::Verdict::Tie: return VoteChoice::Tie;
    case synth::Verdict::BothBad: return VoteChoice::BothBad;
    }
    return VoteChoice::Skip;
}

QString describe(const QStringList &tags)
{
    return tags.isEmpty() ? QStringLiteral("nothing notable") : tags.join(QStringLiteral(", "));
}

} // namespace

TaggingEvidence TaggingEvidence::of(const QString &log, const synth::GroundTruth &truth)
{
    const QStringList logLines = log.split(QLatin1Char('\n'));
    return {LogEvidence(log), LogEvidence(linesOf(logLines, truth.noiseLines)),
            LogEvidence(linesOf(logLines, truth.rootCauseLines))};
}

QStringList explanationTags(const QString &explanation, const synth::Judgement &judgement,
                            const synth::GroundTruth &truth, const TaggingEvidence &evidence)
{
    QStringList tags;
    if (judgement.rootCause)
        tags << QString(kTagRootCauseRight);
    bool blamesSymptom = false;
    bool blamesNoise = false;
    if (!judgement.rootCause) {
        for (const QString &k : truth.symptomKeywords) {
            if (synth::containsPhrase(explanation, k)) {
                blamesSymptom = true;
                break;
            }
        }
        if (!blamesSymptom && !truth.noiseLines.isEmpty()) {
            // Cites something that only the irrelevant lines show.
            for (const QString &token : synth::identifierTokens(explanation)) {
                if (!evidence.noise.linesOf(token, 1).isEmpty() && evidence.cause.linesOf(token, 1).isEmpty()) {
                    blamesNoise = true;
                    break;
                }
            }
        }
    }
    if (blamesSymptom)
        tags << QString(kTagBlamesSymptom);
    if (blamesNoise)
        tags << QString(kTagBlamesNoise);
    if (judgement.hallucinatedIdentifiers > 0)
        tags << QString(kTagHallucination);
    if (judgement.unsafeAction)
        tags << QString(kTagUnsafeAction);
    // The judge starts taking points off past 90 words or with repeated trigrams.
    if (judgement.words > 90 || judgement.repetition > 0.15)
        tags << QString(kTagTooVerbose);
    if (!judgement.rootCause && !blamesSymptom && !blamesNoise && judgement.realIdentifiers == 0 &&
        judgement.hallucinatedIdentifiers == 0)
        tags << QString(kTagGeneric);
    return tags;
}

QStringList voteTags(synth::Verdict verdict, const QStringList &tagsA, const QStringList &tagsB)
{
    const QString praise = QString(kTagRootCauseRight);
    auto faults = [&](const QStringList &tags) {
        QStringList out = tags;
        out.removeAll(praise);
        return out;
    };
    QStringList out;
    auto addAll = [&](const QStringList &tags) {
        for (const QString &t : tags) {
            if (!out.contains(t))
                out << t;
        }
    };
    switch (verdict) {
    case synth::Verdict::ABetter:
    case synth::Verdict::BBetter: {
        const bool a = verdict == synth::Verdict::ABetter;
        if ((a ? tagsA : tagsB).contains(praise))
            out << praise;
        addAll(faults(a ? tagsB : tagsA));
        break;
    }
    case synth::Verdict::Tie:
    case synth::Verdict::BothBad:
        addAll(faults(tagsA));
        addAll(faults(tagsB));
        break;
    }
    return out;
}

Result<synth::LabelSummary> autoLabelAs(Store &store, const AutoLabelOptions &options, const ProgressCallback &progress)
{
    if (!(options.noise >= 0.0 && options.noise <= 1.0))
        return fail(QStringLiteral("noise must be between 0 and 1 (got %1)").arg(options.noise));
    auto annotator = store.ensureAnnotator(options.annotator, QString(kAnnotatorSimulated));
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
        if (!done.contains(p.id) && (options.limit < 0 || open.size() < options.limit))
            open << p;
    }

    synth::LabelSummary summary;
    struct Case
    {
        bool usable = false;
        synth::GroundTruth truth;
        std::optional<TaggingEvidence> evidence; // indexed once for the incident's pairs
    };
    QHash<qint64, Case> cases;
    qsizetype next = 0;
    auto labelBatch = [&]() -> Status {
        const qsizetype end = qMin<qsizetype>(open.size(), next + kAutoLabelBatch);
        for (qsizetype i = next; i < end; ++i) {
            const PairRecord &pair = open[i];
            if (!cases.contains(pair.incidentId)) {
                Case c;
                auto incident = store.incident(pair.incidentId);
                if (!incident)
                    return fail(incident.error());
                auto truth = synth::GroundTruth::fromJson(incident->groundTruth);
                auto log = store.logFor(pair.incidentId);
                if (truth && log) {
                    c.usable = true;
                    c.truth = *truth;
                    c.evidence = TaggingEvidence::of(log->content, *truth);
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
                // Draws from (seed, pair id): the verdict's noise, then the side shown left.
                synth::Rng rng(synth::mixSeed(options.seed, quint64(pair.id)));
                const synth::Vote v = synth::vote(a->text, b->text, c.truth, c.evidence->log, options.noise, rng);
                const QStringList tagsA = explanationTags(a->text, v.a, c.truth, *c.evidence);
                const QStringList tagsB = explanationTags(b->text, v.b, c.truth, *c.evidence);
                VoteRecord record;
                record.pairId = pair.id;
                record.annotatorId = annotator->id;
                record.shownLeft = rng.chance(0.5) ? Candidate::A : Candidate::B;
                record.choice = toChoice(v.verdict);
                record.guidelineVersion = QString::fromLatin1(synth::kSimulatedGuideline);
                record.tags = voteTags(v.verdict, tagsA, tagsB);
                record.rationale = QStringLiteral("A: %1. B: %2.").arg(describe(tagsA), describe(tagsB));
                if (auto id = store.recordVote(record); !id)
                    return fail(id.error());
                ++summary.votes;
                summary.flipped += v.flipped ? 1 : 0;
                switch (v.verdict) {
                case synth::Verdict::ABetter: ++summary.aBetter; break;
                case synth::Verdict::BBetter: ++summary.bBetter; break;
                case synth::Verdict::Tie: ++summary.ties; break;
                case synth::Verdict::BothBad: ++summary.bothBad; break;
                }
            }
            if (!reportProgress(progress, i + 1, open.size()))
                return fail(QStringLiteral("labeling cancelled after %1 of %2 pairs; the votes of the pairs before %3 were kept")
                                .arg(i + 1)
                                .arg(open.size())
                                .arg(next + 1));
        }
        return Status::success();
    };
    for (; next < open.size(); next += kAutoLabelBatch) {
        const synth::LabelSummary before = summary;
        const Status status = store.transaction(labelBatch);
        if (!status) {
            summary = before; // the batch was rolled back
            return fail(QStringLiteral("could not record the votes of \"%1\" in %2 (%3 votes kept): %4")
                            .arg(options.annotator, store.path())
                            .arg(summary.votes)
                            .arg(status.error()));
        }
    }
    return summary;
}

} // namespace lab
