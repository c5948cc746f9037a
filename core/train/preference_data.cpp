#include "core/train/preference_data.h"

#include "core/explain/explain_prompt.h"
#include "core/store/store.h"
#include "core/text/tokenizer.h"
#include "core/train/run_session.h"

#include <QHash>
#include <QLocale>
#include <map>

namespace lab {
namespace {

constexpr qint64 kVotePage = 20000;

std::vector<std::int64_t> answerTokens(const Tokenizer &tokenizer, const QString &text, std::size_t room)
{
    std::vector<std::int64_t> out;
    for (int id : tokenizer.encode(text.trimmed()))
        out.push_back(id);
    // Cut to fit, keeping EOS last only when the whole explanation fitted (a cut one did not end).
    if (out.size() + 1 <= room)
        out.push_back(tokenizer.eosId());
    else
        out.resize(room);
    return out;
}

} // namespace

bool heldOutIncident(qint64 incidentId, double fraction, quint64 seed)
{
    if (fraction <= 0)
        return false;
    // splitmix64 of (id, seed): stable, and independent of the order incidents are read in.
    quint64 z = quint64(incidentId) * 0x9E3779B97F4A7C15ULL + seed * 0xBF58476D1CE4E5B9ULL + 0x94D049BB133111EBULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return double(z >> 11) / double(1ULL << 53) < fraction;
}

QString PreferenceData::describe() const
{
    const QLocale c = QLocale::c();
    QString text = QStringLiteral("%1 pairs from %2 incidents (train %3, held out %4)")
                       .arg(c.toString(qint64(train.size() + heldOut.size())), c.toString(incidents),
                            c.toString(qint64(train.size())), c.toString(qint64(heldOut.size())));
    QStringList left;
    if (ties)
        left << QStringLiteral("%1 ties").arg(c.toString(ties));
    if (bothBad)
        left << QStringLiteral("%1 both-bad").arg(c.toString(bothBad));
    if (skips)
        left << QStringLiteral("%1 skips").arg(c.toString(skips));
    if (noLog)
        left << QStringLiteral("%1 without a log").arg(c.toString(noLog));
    if (!left.isEmpty())
        text += QStringLiteral("; left out: ") + left.join(QStringLiteral(", "));
    return text;
}

Result<PreferenceData> loadPreferences(Store &store, const Tokenizer &tokenizer, const VoteSelection &selection,
                                       const PreferenceOptions &options, const ProgressCallback &progress)
{
    if (options.promptTokens < kMinPromptTokens || options.contextTokens <= options.promptTokens + 8)
        return fail(QStringLiteral("prompt budget %1 and context %2 leave no room for an explanation")
                        .arg(options.promptTokens)
                        .arg(options.contextTokens));
    VoteFilter filter;
    filter.since = selection.since;
    if (!selection.annotator.isEmpty()) {
        auto annotator = store.annotatorByName(selection.annotator);
        if (!annotator)
            return fail(annotator.error());
        if (!annotator->has_value())
            return fail(QStringLiteral("%1 has no annotator named '%2'").arg(store.path(), selection.annotator));
        filter.annotatorId = (*annotator)->id;
    }

    PreferenceData data;
    QVector<VoteRecord> pairVotes; // a_better / b_better only
    filter.limit = kVotePage;
    for (;;) {
        auto page = store.votes(filter);
        if (!page)
            return fail(page.error());
        for (const VoteRecord &v : *page) {
            ++data.votes;
            switch (v.choice) {
            case VoteChoice::ABetter:
            case VoteChoice::BBetter:
                pairVotes << v;
                break;
            case VoteChoice::Tie:
                ++data.ties;
                break;
            case VoteChoice::BothBad:
                ++data.bothBad;
                break;
            case VoteChoice::Skip:
                ++data.skips;
                break;
            }
        }
        if (page->size() < kVotePage)
            break;
        filter.afterId = page->back().id;
    }
    if (pairVotes.isEmpty())
        return fail(QStringLiteral("%1 has no A/B votes in %2 (%3 votes: %4 ties, %5 both-bad, %6 skips); label some "
                                   "pairs first (Label, Ctrl+L, or rlhf-lab-cli label auto)")
                        .arg(store.path(), selection.describe())
                        .arg(data.votes)
                        .arg(data.ties)
                        .arg(data.bothBad)
                        .arg(data.skips));

    // Votes grouped by incident, so each log is digested and tokenized once.
    QHash<qint64, PairRecord> pairs;
    std::map<qint64, QVector<const VoteRecord *>> byIncident;
    for (const VoteRecord &v : pairVotes) {
        auto it = pairs.find(v.pairId);
        if (it == pairs.end()) {
            auto pair = store.pair(v.pairId);
            if (!pair)
                return fail(pair.error());
            it = pairs.insert(v.pairId, *pair);
        }
        byIncident[it->incidentId] << &v;
    }

    qint64 done = 0;
    const qint64 total = qint64(byIncident.size());
    QVector<VoteRecord> used;
    for (const auto &[incidentId, votes] : byIncident) {
        if (!reportProgress(progress, done++, total))
            return fail(QStringLiteral("cancelled"));
        auto incident = store.incident(incidentId);
        if (!incident)
            return fail(incident.error());
        if (!options.evalStatus.isEmpty() && incident->status == options.evalStatus)
            continue;
        auto log = store.logFor(incidentId);
        if (!log || log->content.isEmpty()) {
            data.noLog += votes.size();
            continue;
        }
        auto explanations = store.explanationsFor(incidentId);
        if (!explanations)
            return fail(explanations.error());
        const std::vector<std::int64_t> prompt = promptTokens(tokenizer, log->content, options.promptTokens);
        const std::size_t room = std::size_t(options.contextTokens) - std::min(prompt.size(), std::size_t(options.contextTokens - 2));
        QHash<qint64, std::vector<std::int64_t>> answers;
        for (const ExplanationRecord &e : *explanations)
            answers.insert(e.id, answerTokens(tokenizer, e.text, room));
        const bool heldOut = heldOutIncident(incidentId, options.heldOutFraction, options.seed);
        ++data.incidents;
        for (const VoteRecord *v : votes) {
            const PairRecord &pair = pairs[v->pairId];
            const qint64 chosen = v->choice == VoteChoice::ABetter ? pair.explanationA : pair.explanationB;
            const qint64 rejected = v->choice == VoteChoice::ABetter ? pair.explanationB : pair.explanationA;
            if (!answers.contains(chosen) || !answers.contains(rejected))
                return fail(QStringLiteral("%1: pair %2 names an explanation incident %3 does not have")
                                .arg(store.path())
                                .arg(pair.id)
                                .arg(incidentId));
            PreferenceExample example;
            example.voteId = v->id;
            example.pairId = pair.id;
            example.incidentId = incidentId;
            example.prompt = prompt;
            example.chosen = answers[chosen];
            example.rejected = answers[rejected];
            (heldOut ? data.heldOut : data.train).push_back(std::move(example));
            used << *v;
        }
    }
    reportProgress(progress, total, total);
    if (data.train.empty())
        return fail(QStringLiteral("%1: no votes left to train on in %2 (incidents held out for evaluation and "
                                   "incidents without a log are not used)")
                        .arg(store.path(), selection.describe()));
    data.snapshot = voteSnapshotHash(used, selection);
    return data;
}

} // namespace lab
