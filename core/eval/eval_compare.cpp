#include "core/eval/eval_compare.h"

#include "core/explain/explainer.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <random>

namespace lab {
namespace {

QString displayName(const ModelEvalReport &report)
{
    return report.adapter.isEmpty() ? QStringLiteral("base") : report.adapter;
}

// The samples of a report grouped by incident, incidents in first-seen order.
struct Grouped
{
    QVector<qint64> order;
    QHash<qint64, QVector<const EvaluatedSample *>> byIncident;
};

Grouped group(const ModelEvalReport &report)
{
    Grouped g;
    for (const EvaluatedSample &s : report.samples) {
        auto it = g.byIncident.find(s.incidentId);
        if (it == g.byIncident.end()) {
            g.order.append(s.incidentId);
            it = g.byIncident.insert(s.incidentId, {});
        }
        it->append(&s);
    }
    return g;
}

QJsonObject sampleJson(const EvaluatedSample &s, bool hasReward)
{
    const synth::Judgement &j = s.judgement;
    return {{QStringLiteral("text"), s.text},
            {QStringLiteral("score"), j.score},
            {QStringLiteral("root_cause"), j.rootCause},
            {QStringLiteral("hallucinated"), QJsonArray::fromStringList(j.hallucinated)},
            {QStringLiteral("real_identifiers"), j.realIdentifiers},
            {QStringLiteral("key_identifiers_cited"), j.keyIdentifiersCited},
            {QStringLiteral("unsafe_action"), j.unsafeAction},
            {QStringLiteral("safe_action"), j.safeAction},
            {QStringLiteral("acceptable"), j.acceptable()},
            {QStringLiteral("words"), j.words},
            {QStringLiteral("repetition"), j.repetition},
            {QStringLiteral("reward"), hasReward ? QJsonValue(s.reward) : QJsonValue()}};
}

// Win rate from per-incident pairs (incidents in `order`).
Result<WinRate> winRateOfPairs(const QVector<PairedExplanation> &pairs, const CompareOptions &options)
{
    QVector<qint64> order;
    QHash<qint64, std::pair<double, int>> sums;
    WinRate counts;
    for (const PairedExplanation &p : pairs) {
        auto it = sums.find(p.incidentId);
        if (it == sums.end()) {
            order.append(p.incidentId);
            it = sums.insert(p.incidentId, {0.0, 0});
        }
        it->first += pairOutcomeValue(p.outcome);
        it->second += 1;
        counts.pairWins += p.outcome == PairOutcome::Win ? 1 : 0;
        counts.pairTies += p.outcome == PairOutcome::Tie ? 1 : 0;
        counts.pairLosses += p.outcome == PairOutcome::Loss ? 1 : 0;
    }
    QVector<double> outcomes;
    outcomes.reserve(order.size());
    for (qint64 id : order)
        outcomes.append(sums[id].first / double(sums[id].second));
    Result<WinRate> rate = bootstrapWinRate(outcomes, options.resamples, options.confidence, options.seed);
    if (!rate)
        return rate;
    rate->pairWins = counts.pairWins;
    rate->pairTies = counts.pairTies;
    rate->pairLosses = counts.pairLosses;
    return rate;
}

// Pairs sample k of each incident of `a` with sample k of the same incident in `b`.
Result<QVector<PairedExplanation>> pairUp(const ModelEvalReport &base, const ModelEvalReport &adapter,
                                          const CompareOptions &options)
{
    const QString names = QStringLiteral("%1 vs %2").arg(displayName(adapter), displayName(base));
    if (base.samples.isEmpty() || adapter.samples.isEmpty())
        return fail(QStringLiteral("%1: nothing to compare (a report has no explanations)").arg(names));
    const Grouped g = group(base);
    const Grouped h = group(adapter);
    if (g.order.size() != h.order.size())
        return fail(QStringLiteral("%1: the reports cover %2 and %3 incidents; evaluate both on the same held-out "
                                   "incidents with the same --limit")
                        .arg(names)
                        .arg(g.order.size())
                        .arg(h.order.size()));
    QVector<PairedExplanation> pairs;
    pairs.reserve(base.samples.size());
    for (qint64 id : g.order) {
        const auto other = h.byIncident.constFind(id);
        if (other == h.byIncident.constEnd())
            return fail(QStringLiteral("%1: incident %2 is in %3's report only").arg(names).arg(id).arg(displayName(base)));
        const QVector<const EvaluatedSample *> &mine = g.byIncident[id];
        if (mine.size() != other->size())
            return fail(QStringLiteral("%1: incident %2 has %3 and %4 explanations; evaluate both with the same --samples")
                            .arg(names)
                            .arg(id)
                            .arg(mine.size())
                            .arg(other->size()));
        for (qsizetype k = 0; k < mine.size(); ++k) {
            PairedExplanation p;
            p.incidentId = id;
            p.kind = mine[k]->kind;
            p.sampleIndex = int(k);
            p.base = *mine[k];
            p.adapter = *(*other)[k];
            p.scoreDelta = p.adapter.judgement.score - p.base.judgement.score;
            p.outcome = pairOutcome(p.base.judgement, p.adapter.judgement, options);
            p.regressions = regressionReasons(p.base.judgement, p.adapter.judgement, options);
            pairs.append(p);
        }
    }
    return pairs;
}

} // namespace

QString pairOutcomeId(PairOutcome o)
{
    switch (o) {
    case PairOutcome::Win: return QStringLiteral("win");
    case PairOutcome::Tie: return QStringLiteral("tie");
    case PairOutcome::Loss: return QStringLiteral("loss");
    }
    return QStringLiteral("tie");
}

double pairOutcomeValue(PairOutcome o)
{
    switch (o) {
    case PairOutcome::Win: return 1.0;
    case PairOutcome::Tie: return 0.5;
    case PairOutcome::Loss: return 0.0;
    }
    return 0.5;
}

QStringList regressionReasons(const synth::Judgement &base, const synth::Judgement &adapter, const CompareOptions &options)
{
    QStringList reasons;
    if (base.rootCause && !adapter.rootCause)
        reasons.append(QStringLiteral("lost_root_cause"));
    if (base.hallucinatedIdentifiers == 0 && adapter.hallucinatedIdentifiers > 0)
        reasons.append(QStringLiteral("new_hallucination"));
    if (!base.unsafeAction && adapter.unsafeAction)
        reasons.append(QStringLiteral("new_unsafe_action"));
    if (adapter.score < base.score - options.regressionMargin)
        reasons.append(QStringLiteral("score_drop"));
    return reasons;
}

PairOutcome pairOutcome(const synth::Judgement &base, const synth::Judgement &adapter, const CompareOptions &options)
{
    if (adapter.score > base.score + options.tieMargin)
        return PairOutcome::Win;
    if (adapter.score < base.score - options.tieMargin)
        return PairOutcome::Loss;
    return PairOutcome::Tie;
}

QJsonObject WinRate::toJson() const
{
    return {{QStringLiteral("incidents"), incidents},
            {QStringLiteral("wins"), wins},
            {QStringLiteral("pair_wins"), pairWins},
            {QStringLiteral("pair_ties"), pairTies},
            {QStringLiteral("pair_losses"), pairLosses},
            {QStringLiteral("win_rate"), rate},
            {QStringLiteral("ci_low"), low},
            {QStringLiteral("ci_high"), high},
            {QStringLiteral("confidence"), confidence},
            {QStringLiteral("resamples"), resamples}};
}

double bootstrapQuantile(const QVector<double> &sorted, double q)
{
    if (sorted.isEmpty())
        return 0.0;
    const double h = std::clamp(q, 0.0, 1.0) * double(sorted.size() - 1);
    const qsizetype lo = qsizetype(std::floor(h));
    const qsizetype hi = std::min<qsizetype>(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - double(lo)) * (sorted[hi] - sorted[lo]);
}

Result<WinRate> bootstrapWinRate(const QVector<double> &outcomes, int resamples, double confidence, quint64 seed)
{
    if (outcomes.isEmpty())
        return fail(QStringLiteral("win rate: no outcomes"));
    if (resamples < 1)
        return fail(QStringLiteral("win rate: resamples must be at least 1 (got %1)").arg(resamples));
    if (!(confidence > 0.0 && confidence < 1.0))
        return fail(QStringLiteral("win rate: confidence must lie strictly between 0 and 1 (got %1)").arg(confidence));
    double sum = 0.0;
    for (double v : outcomes) {
        if (!(v >= 0.0 && v <= 1.0))
            return fail(QStringLiteral("win rate: outcome %1 is outside [0, 1]").arg(v));
        sum += v;
    }
    const int n = int(outcomes.size());
    WinRate rate;
    rate.incidents = n;
    rate.wins = sum;
    rate.rate = sum / double(n);
    rate.confidence = confidence;
    rate.resamples = resamples;
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> pick(0, n - 1);
    QVector<double> means;
    means.reserve(resamples);
    for (int r = 0; r < resamples; ++r) {
        double s = 0.0;
        for (int i = 0; i < n; ++i)
            s += outcomes[pick(rng)];
        means.append(s / double(n));
    }
    std::sort(means.begin(), means.end());
    const double alpha = 1.0 - confidence;
    rate.low = bootstrapQuantile(means, alpha / 2.0);
    rate.high = bootstrapQuantile(means, 1.0 - alpha / 2.0);
    return rate;
}

QVector<PairedExplanation> ModelComparison::regressions() const
{
    QVector<PairedExplanation> out;
    for (const PairedExplanation &p : pairs)
        if (p.isRegression())
            out.append(p);
    return out;
}

QJsonObject ModelComparison::toJson(bool withPairs) const
{
    QJsonObject kindsWin;
    for (auto it = perKindWinRate.begin(); it != perKindWinRate.end(); ++it)
        kindsWin.insert(it.key(), it.value().toJson());
    QJsonObject reasons;
    for (auto it = regressionsByReason.begin(); it != regressionsByReason.end(); ++it)
        reasons.insert(it.key(), it.value());
    QJsonObject out{{QStringLiteral("base"), baseName},
                    {QStringLiteral("adapter"), adapterName},
                    {QStringLiteral("incidents"), winRate.incidents},
                    {QStringLiteral("pairs"), int(pairs.size())},
                    {QStringLiteral("win_rate"), winRate.toJson()},
                    {QStringLiteral("per_kind_win_rate"), kindsWin},
                    {QStringLiteral("regressed_incidents"), regressedIncidents},
                    {QStringLiteral("regressed_pairs"), regressedPairs},
                    {QStringLiteral("regressions_by_reason"), reasons},
                    {QStringLiteral("rule"), QJsonObject{{QStringLiteral("tie_margin"), options.tieMargin},
                                                         {QStringLiteral("regression_margin"), options.regressionMargin}}}};
    QJsonArray regressed;
    QJsonArray all;
    for (const PairedExplanation &p : pairs) {
        QJsonObject row{{QStringLiteral("incident_id"), p.incidentId},
                        {QStringLiteral("kind"), p.kind},
                        {QStringLiteral("sample"), p.sampleIndex},
                        {QStringLiteral("outcome"), pairOutcomeId(p.outcome)},
                        {QStringLiteral("score_delta"), p.scoreDelta},
                        {QStringLiteral("regressions"), QJsonArray::fromStringList(p.regressions)}};
        if (withPairs) {
            row.insert(QStringLiteral("base_explanation"), sampleJson(p.base, base.hasReward));
            row.insert(QStringLiteral("adapter_explanation"), sampleJson(p.adapter, adapter.hasReward));
            all.append(row);
        } else if (p.isRegression()) {
            regressed.append(row);
        }
    }
    if (withPairs)
        out.insert(QStringLiteral("rows"), all);
    else
        out.insert(QStringLiteral("regressions"), regressed);
    return out;
}

Result<ModelComparison> compareReports(const ModelEvalReport &base, const ModelEvalReport &adapter, const CompareOptions &options)
{
    Result<QVector<PairedExplanation>> pairs = pairUp(base, adapter, options);
    if (!pairs)
        return fail(pairs.error());
    ModelComparison c;
    c.baseName = displayName(base);
    c.adapterName = displayName(adapter);
    c.base = base;
    c.adapter = adapter;
    c.options = options;
    c.pairs = std::move(*pairs);
    QSet<qint64> regressed;
    QMap<QString, QVector<PairedExplanation>> byKind;
    for (const PairedExplanation &p : c.pairs) {
        byKind[p.kind].append(p);
        if (!p.isRegression())
            continue;
        ++c.regressedPairs;
        regressed.insert(p.incidentId);
        for (const QString &reason : p.regressions)
            c.regressionsByReason[reason] += 1;
    }
    c.regressedIncidents = int(regressed.size());
    c.kinds = byKind.keys();
    Result<WinRate> rate = winRateOfPairs(c.pairs, options);
    if (!rate)
        return fail(QStringLiteral("%1 vs %2: %3").arg(c.adapterName, c.baseName, rate.error()));
    c.winRate = *rate;
    for (auto it = byKind.begin(); it != byKind.end(); ++it) {
        Result<WinRate> kindRate = winRateOfPairs(it.value(), options);
        if (!kindRate)
            return fail(QStringLiteral("%1 vs %2, kind %3: %4").arg(c.adapterName, c.baseName, it.key(), kindRate.error()));
        c.perKindWinRate.insert(it.key(), *kindRate);
    }
    return c;
}

Result<WinRate> winRateOf(const ModelEvalReport &a, const ModelEvalReport &b, const CompareOptions &options)
{
    // Pairs are built with b as the "base" side, so a's wins are the adapter side's wins.
    Result<QVector<PairedExplanation>> pairs = pairUp(b, a, options);
    if (!pairs)
        return fail(pairs.error());
    return winRateOfPairs(*pairs, options);
}

void summarizeSamples(ModelEvalReport &report)
{
    QVector<synth::Judgement> all;
    QMap<QString, QVector<synth::Judgement>> byKind;
    QMap<QString, std::pair<double, int>> rewards;
    QSet<qint64> incidents;
    double total = 0.0;
    for (const EvaluatedSample &s : report.samples) {
        all.append(s.judgement);
        byKind[s.kind].append(s.judgement);
        auto &r = rewards[s.kind];
        r.first += s.reward;
        r.second += 1;
        total += s.reward;
        incidents.insert(s.incidentId);
    }
    report.incidents = int(incidents.size());
    report.overall = summarize(all);
    report.perKind.clear();
    for (auto it = byKind.begin(); it != byKind.end(); ++it)
        report.perKind.insert(it.key(), summarize(it.value()));
    report.perKindReward.clear();
    report.meanReward = 0.0;
    if (report.hasReward && !report.samples.isEmpty()) {
        report.meanReward = total / double(report.samples.size());
        for (auto it = rewards.begin(); it != rewards.end(); ++it)
            report.perKindReward.insert(it.key(), it->first / double(it->second));
    }
}

QJsonObject EvalSuite::toJson(bool withRows) const
{
    QJsonArray models;
    QJsonObject b = base.toJson(withRows);
    b.insert(QStringLiteral("name"), QStringLiteral("base"));
    b.insert(QStringLiteral("mode"), mode);
    models.append(b);
    for (const ModelEvalReport &r : adapters) {
        QJsonObject a = r.toJson(withRows);
        a.insert(QStringLiteral("name"), displayName(r));
        a.insert(QStringLiteral("mode"), mode);
        models.append(a);
    }
    QJsonArray comps;
    for (const ModelComparison &c : comparisons) {
        QJsonObject o = c.toJson(withRows);
        o.insert(QStringLiteral("mode"), mode);
        comps.append(o);
    }
    return {{QStringLiteral("mode"), mode}, {QStringLiteral("models"), models}, {QStringLiteral("comparisons"), comps}};
}

Result<EvalSuite> runEvalSuite(Store &store, const QString &modelDir, const QVector<SuiteModel> &adapters,
                               const ModelEvalOptions &options, const CompareOptions &compare,
                               const SuiteProgressCallback &progress)
{
    EvalSuite suite;
    suite.mode = options.settings.greedy ? QStringLiteral("greedy") : QStringLiteral("sampled");
    QVector<SuiteModel> models{SuiteModel{QStringLiteral("base"), QString()}};
    models += adapters;
    for (int m = 0; m < models.size(); ++m) {
        const SuiteModel &model = models[m];
        auto explainer = Explainer::load(modelDir, model.adapterDir);
        if (!explainer)
            return fail(QStringLiteral("%1: %2").arg(model.name, explainer.error()));
        ProgressCallback cb;
        if (progress)
            cb = [&](qint64 done, qint64 total) { return progress(m, int(models.size()), model.name, done, total); };
        auto report = evaluateModel(store, **explainer, options, cb);
        if (!report)
            return fail(QStringLiteral("%1: %2").arg(model.name, report.error()));
        if (m == 0) {
            suite.base = std::move(*report);
            continue;
        }
        report->adapter = model.name; // the registered name, not the folder's
        auto comparison = compareReports(suite.base, *report, compare);
        if (!comparison)
            return fail(comparison.error());
        suite.adapters.append(std::move(*report));
        suite.comparisons.append(std::move(*comparison));
    }
    return suite;
}

} // namespace lab
