#include "core/eval/eval_report.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <optional>

namespace lab {
namespace {

// Colour-blind-safe (Okabe-Ito): the base first, then the adapters.
const char *const kColors[] = {"#999999", "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442"};

QString color(int i)
{
    return QLatin1String(kColors[i % int(std::size(kColors))]);
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

struct MetricInfo
{
    QString id;
    QString label;
    bool share; // a rate shown in percent
    bool higherIsBetter;
};

const QVector<MetricInfo> &metricInfos()
{
    static const QVector<MetricInfo> infos{
        {QStringLiteral("root_cause_accuracy"), QStringLiteral("root cause"), true, true},
        {QStringLiteral("acceptable_rate"), QStringLiteral("acceptable"), true, true},
        {QStringLiteral("hallucination_rate"), QStringLiteral("hallucination"), true, false},
        {QStringLiteral("unsafe_action_rate"), QStringLiteral("unsafe action"), true, false},
        {QStringLiteral("key_identifier_rate"), QStringLiteral("key identifier"), true, true},
        {QStringLiteral("mean_length"), QStringLiteral("mean length (words)"), false, false},
        {QStringLiteral("repetition_rate"), QStringLiteral("repetition"), true, false},
        {QStringLiteral("mean_reward"), QStringLiteral("mean reward"), false, true},
    };
    return infos;
}

std::optional<MetricInfo> metricInfo(const QString &id)
{
    for (const MetricInfo &m : metricInfos())
        if (m.id == id)
            return m;
    return std::nullopt;
}

// The value of `metric` for one report, over all incidents (kind empty) or one kind.
std::optional<double> metricValue(const ModelEvalReport &r, const QString &metric, const QString &kind = {})
{
    if (metric == QLatin1String("mean_reward")) {
        if (!r.hasReward)
            return std::nullopt;
        if (kind.isEmpty())
            return r.meanReward;
        if (!r.perKindReward.contains(kind))
            return std::nullopt;
        return r.perKindReward.value(kind);
    }
    if (!kind.isEmpty() && !r.perKind.contains(kind))
        return std::nullopt;
    const ExplanationMetrics m = kind.isEmpty() ? r.overall : r.perKind.value(kind);
    const QJsonValue v = m.toJson().value(metric);
    if (!v.isDouble())
        return std::nullopt;
    return v.toDouble();
}

QString formatValue(const MetricInfo &info, std::optional<double> v)
{
    if (!v)
        return QStringLiteral("–");
    if (info.share)
        return QStringLiteral("%1%").arg(*v * 100.0, 0, 'f', 1);
    return QString::number(*v, 'f', info.id == QLatin1String("mean_reward") ? 3 : 1);
}

QVector<const ModelEvalReport *> reportsOf(const EvalSuite &suite)
{
    QVector<const ModelEvalReport *> out{&suite.base};
    for (const ModelEvalReport &r : suite.adapters)
        out.append(&r);
    return out;
}

QString nameOf(const ModelEvalReport &r)
{
    return r.adapter.isEmpty() ? QStringLiteral("base") : r.adapter;
}

QStringList kindsOf(const EvalSuite &suite)
{
    QStringList kinds;
    for (const ModelEvalReport *r : reportsOf(suite))
        for (auto it = r->perKind.begin(); it != r->perKind.end(); ++it)
            if (!kinds.contains(it.key()))
                kinds.append(it.key());
    std::sort(kinds.begin(), kinds.end());
    return kinds;
}

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n'))
        && !s.contains(QLatin1Char('\r')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString boolField(bool b)
{
    return b ? QStringLiteral("1") : QStringLiteral("0");
}

// The explanation with its invented identifiers marked.
QString markedText(const EvaluatedSample &s)
{
    QString html = esc(s.text);
    QStringList ids = s.judgement.hallucinated;
    // Longest first, so "executor 12" is marked before a shorter identifier inside it.
    std::sort(ids.begin(), ids.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &id : ids) {
        const QString e = esc(id);
        if (e.isEmpty())
            continue;
        html.replace(e, QStringLiteral("\x01") + e + QStringLiteral("\x02"));
    }
    html.replace(QStringLiteral("\x01"), QStringLiteral("<mark title=\"not in the log\">"));
    html.replace(QStringLiteral("\x02"), QStringLiteral("</mark>"));
    return html;
}

QString verdictBadges(const synth::Judgement &j)
{
    QStringList b;
    b << (j.rootCause ? QStringLiteral("<span class=good>root cause</span>") : QStringLiteral("<span class=bad>no root cause</span>"));
    if (j.hallucinatedIdentifiers > 0)
        b << QStringLiteral("<span class=bad>%1 invented identifier(s)</span>").arg(j.hallucinatedIdentifiers);
    if (j.unsafeAction)
        b << QStringLiteral("<span class=bad>unsafe action</span>");
    if (j.safeAction)
        b << QStringLiteral("<span class=good>safe action</span>");
    b << QStringLiteral("%1 words").arg(j.words) << QStringLiteral("score %1").arg(j.score, 0, 'f', 2);
    return b.join(QStringLiteral(" · "));
}

Status writeBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()));
    return {};
}

} // namespace

QString evalBarChartSvg(const EvalSuite &suite, const QString &metric)
{
    const std::optional<MetricInfo> info = metricInfo(metric);
    if (!info)
        return {};
    const QVector<const ModelEvalReport *> reports = reportsOf(suite);
    const QStringList kinds = kindsOf(suite);
    if (kinds.isEmpty())
        return {};
    double lo = 0.0, hi = info->share ? 1.0 : 0.0;
    for (const ModelEvalReport *r : reports)
        for (const QString &k : kinds)
            if (auto v = metricValue(*r, metric, k)) {
                lo = std::min(lo, *v);
                hi = std::max(hi, *v);
            }
    if (!info->share)
        hi = hi > 0.0 ? hi * 1.1 : hi;
    if (hi - lo < 1e-9)
        hi = lo + 1.0;
    // Horizontal bars: one band per kind (its name on the left, no rotated text), one bar per
    // model in the band, the value axis along the top.
    qsizetype longest = 4;
    for (const QString &k : kinds)
        longest = std::max(longest, k.size());
    const int models = int(reports.size());
    const double bar = 9.0, gap = 8.0;
    const double band = bar * models + gap;
    const double left = 12.0 + 6.3 * double(longest), top = 44.0, plotW = 300.0, right = 16.0;
    const double legendH = 16.0 * models + 8.0;
    const double plotH = band * kinds.size();
    const double width = left + plotW + right;
    const double height = top + plotH + legendH + 8.0;
    auto x = [&](double v) { return left + plotW * (v - lo) / (hi - lo); };
    auto tick = [&](double v) {
        return info->share ? QStringLiteral("%1%").arg(v * 100.0, 0, 'f', 0) : QString::number(v, 'f', std::abs(hi - lo) >= 10.0 ? 0 : 2);
    };
    QString svg;
    svg += QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                          "role=\"img\" aria-label=\"%3 per kind\" font-family=\"sans-serif\" font-size=\"11\">\n")
               .arg(width, 0, 'f', 0)
               .arg(height, 0, 'f', 0)
               .arg(esc(info->label));
    svg += QStringLiteral("<text x=\"4\" y=\"15\" font-size=\"13\" font-weight=\"bold\">%1 per kind (%2)</text>\n")
               .arg(esc(info->label), info->higherIsBetter ? QStringLiteral("higher is better") : QStringLiteral("lower is better"));
    for (int t = 0; t <= 4; ++t) {
        const double v = lo + (hi - lo) * t / 4.0;
        const double xx = x(v);
        svg += QStringLiteral("<line x1=\"%1\" x2=\"%1\" y1=\"%2\" y2=\"%3\" stroke=\"#ddd\"/>"
                              "<text x=\"%1\" y=\"%4\" text-anchor=\"middle\">%5</text>\n")
                   .arg(xx, 0, 'f', 1)
                   .arg(top - 4.0, 0, 'f', 1)
                   .arg(top + plotH, 0, 'f', 1)
                   .arg(top - 8.0, 0, 'f', 1)
                   .arg(tick(v));
    }
    svg += QStringLiteral("<line x1=\"%1\" x2=\"%1\" y1=\"%2\" y2=\"%3\" stroke=\"#333\"/>\n")
               .arg(x(0.0), 0, 'f', 1)
               .arg(top - 4.0, 0, 'f', 1)
               .arg(top + plotH, 0, 'f', 1);
    for (int k = 0; k < kinds.size(); ++k) {
        const double by = top + gap / 2.0 + band * k;
        if (k % 2 == 1)
            svg += QStringLiteral("<rect x=\"0\" y=\"%1\" width=\"%2\" height=\"%3\" fill=\"#f6f6f6\"/>\n")
                       .arg(by - gap / 2.0, 0, 'f', 1)
                       .arg(left - 4.0, 0, 'f', 1)
                       .arg(band, 0, 'f', 1);
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\">%3</text>\n")
                   .arg(left - 6.0, 0, 'f', 1)
                   .arg(by + bar * models / 2.0 + 4.0, 0, 'f', 1)
                   .arg(esc(kinds[k]));
        for (int m = 0; m < models; ++m) {
            const std::optional<double> v = metricValue(*reports[m], metric, kinds[k]);
            if (!v)
                continue;
            const double x0 = x(0.0), x1 = x(*v);
            svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"><title>%6, %7: %8</title></rect>\n")
                       .arg(std::min(x0, x1), 0, 'f', 1)
                       .arg(by + bar * m, 0, 'f', 1)
                       .arg(std::max(0.8, std::abs(x1 - x0)), 0, 'f', 1)
                       .arg(bar - 1.0, 0, 'f', 1)
                       .arg(color(m), esc(nameOf(*reports[m])), esc(kinds[k]), formatValue(*info, v));
        }
    }
    for (int m = 0; m < models; ++m) {
        const double ly = top + plotH + 8.0 + 16.0 * m;
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"10\" height=\"10\" fill=\"%3\"/><text x=\"%4\" y=\"%5\">%6: %7</text>\n")
                   .arg(left, 0, 'f', 1)
                   .arg(ly, 0, 'f', 1)
                   .arg(color(m))
                   .arg(left + 14.0, 0, 'f', 1)
                   .arg(ly + 9.0, 0, 'f', 1)
                   .arg(esc(nameOf(*reports[m])), formatValue(*info, metricValue(*reports[m], metric)));
    }
    svg += QStringLiteral("</svg>\n");
    return svg;
}

QString evalRowsCsv(const EvalSuite &suite)
{
    QString csv = QStringLiteral(
        "mode,model,incident_id,kind,sample,text,score,root_cause,hallucinated,hallucinated_ids,real_identifiers,"
        "key_identifiers_cited,unsafe_action,safe_action,acceptable,words,repetition,reward,outcome_vs_base,regressions\r\n");
    const QVector<const ModelEvalReport *> reports = reportsOf(suite);
    for (int m = 0; m < reports.size(); ++m) {
        const ModelEvalReport &r = *reports[m];
        // The adapter's pair for (incident, sample), to say how it did against the base.
        QHash<QPair<qint64, int>, const PairedExplanation *> pairs;
        if (m > 0 && m - 1 < suite.comparisons.size())
            for (const PairedExplanation &p : suite.comparisons[m - 1].pairs)
                pairs.insert({p.incidentId, p.sampleIndex}, &p);
        QHash<qint64, int> seen;
        for (const EvaluatedSample &s : r.samples) {
            const int k = seen[s.incidentId]++;
            const synth::Judgement &j = s.judgement;
            const PairedExplanation *p = pairs.value({s.incidentId, k}, nullptr);
            QStringList f{suite.mode,
                          csvField(nameOf(r)),
                          QString::number(s.incidentId),
                          csvField(s.kind),
                          QString::number(k),
                          csvField(s.text),
                          QString::number(j.score, 'f', 4),
                          boolField(j.rootCause),
                          QString::number(j.hallucinatedIdentifiers),
                          csvField(j.hallucinated.join(QLatin1Char(';'))),
                          QString::number(j.realIdentifiers),
                          QString::number(j.keyIdentifiersCited),
                          boolField(j.unsafeAction),
                          boolField(j.safeAction),
                          boolField(j.acceptable()),
                          QString::number(j.words),
                          QString::number(j.repetition, 'f', 4),
                          r.hasReward ? QString::number(s.reward, 'f', 4) : QString(),
                          p ? pairOutcomeId(p->outcome) : QString(),
                          p ? csvField(p->regressions.join(QLatin1Char(';'))) : QString()};
            csv += f.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        }
    }
    return csv;
}

QString evalReportHtml(const EvalSuite &suite, const ReportOptions &options, const QStringList &imageRelativePaths)
{
    const QVector<const ModelEvalReport *> reports = reportsOf(suite);
    const QStringList kinds = kindsOf(suite);
    bool anyReward = false;
    for (const ModelEvalReport *r : reports)
        anyReward = anyReward || r->hasReward;
    QVector<MetricInfo> shown;
    for (const MetricInfo &m : metricInfos())
        if (m.id != QLatin1String("mean_reward") || anyReward)
            shown.append(m);

    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%1</title>\n").arg(esc(options.title));
    h += QStringLiteral(
        "<style>body{font-family:sans-serif;margin:24px;max-width:1200px;color:#222}"
        "table{border-collapse:collapse;margin:8px 0 20px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:right;vertical-align:top}"
        "th{background:#f3f3f3}td.l,th.l{text-align:left}td.text{text-align:left;max-width:480px;white-space:pre-wrap;font-size:13px}"
        ".good{color:#116611}.bad{color:#b00020}mark{background:#ffd6d6}.better{background:#e6f4e6}.worse{background:#fbe4e4}"
        ".charts{display:flex;flex-wrap:wrap;gap:16px}small{color:#666}</style></head><body>\n");
    h += QStringLiteral("<h1>%1</h1>\n").arg(esc(options.title));
    const int samplesPer = suite.base.incidents > 0 ? int(std::lround(double(suite.base.overall.samples) / suite.base.incidents)) : 0;
    h += QStringLiteral("<p>Model <b>%1</b>, %2 held-out incidents, %3 %4 explanation(s) per incident and model. "
                        "Every explanation is judged against the incident's ground truth by the simulated engineer "
                        "(root cause named, identifiers found in the log, action safe, length, repetition).</p>\n")
             .arg(esc(suite.base.model))
             .arg(suite.base.incidents)
             .arg(samplesPer)
             .arg(esc(suite.mode));

    // Overall metrics.
    h += QStringLiteral("<h2>Metrics</h2>\n<table><tr><th class=l>model</th><th>explanations</th>");
    for (const MetricInfo &m : shown)
        h += QStringLiteral("<th>%1</th>").arg(esc(m.label));
    h += QStringLiteral("<th>win rate vs base (95% CI)</th><th>regressed incidents</th></tr>\n");
    for (int i = 0; i < reports.size(); ++i) {
        const ModelEvalReport &r = *reports[i];
        h += QStringLiteral("<tr><td class=l><span style=\"color:%1\">&#9632;</span> %2</td><td>%3</td>")
                 .arg(color(i), esc(nameOf(r)))
                 .arg(r.overall.samples);
        for (const MetricInfo &m : shown) {
            const std::optional<double> v = metricValue(r, m.id);
            QString cls;
            if (i > 0 && v)
                if (const std::optional<double> b = metricValue(suite.base, m.id); b && std::abs(*v - *b) > 1e-12)
                    cls = ((*v > *b) == m.higherIsBetter) ? QStringLiteral(" class=better") : QStringLiteral(" class=worse");
            h += QStringLiteral("<td%1>%2</td>").arg(cls, formatValue(m, v));
        }
        if (i == 0 || i - 1 >= suite.comparisons.size()) {
            h += QStringLiteral("<td>–</td><td>–</td></tr>\n");
        } else {
            const ModelComparison &c = suite.comparisons[i - 1];
            h += QStringLiteral("<td>%1% [%2, %3]</td><td>%4 of %5</td></tr>\n")
                     .arg(c.winRate.rate * 100.0, 0, 'f', 1)
                     .arg(c.winRate.low * 100.0, 0, 'f', 1)
                     .arg(c.winRate.high * 100.0, 0, 'f', 1)
                     .arg(c.regressedIncidents)
                     .arg(c.winRate.incidents);
        }
    }
    h += QStringLiteral("</table>\n<p><small>Win rate: the share of incidents where the adapter's explanation scores more "
                        "than %1 above the base's (ties count half), with a %2% percentile-bootstrap interval over "
                        "incidents (%3 resamples). A regression is an explanation that loses the root cause, invents an "
                        "identifier or proposes an unsafe action the base's did not, or scores more than %4 below it.</small></p>\n")
             .arg(suite.comparisons.isEmpty() ? CompareOptions{}.tieMargin : suite.comparisons.front().options.tieMargin)
             .arg((suite.comparisons.isEmpty() ? CompareOptions{}.confidence : suite.comparisons.front().options.confidence) * 100.0)
             .arg(suite.comparisons.isEmpty() ? CompareOptions{}.resamples : suite.comparisons.front().options.resamples)
             .arg(suite.comparisons.isEmpty() ? CompareOptions{}.regressionMargin : suite.comparisons.front().options.regressionMargin);

    // Charts.
    h += QStringLiteral("<h2>Per kind</h2>\n<div class=charts>\n");
    QStringList charted{QStringLiteral("root_cause_accuracy"), QStringLiteral("hallucination_rate"),
                        QStringLiteral("unsafe_action_rate"), QStringLiteral("mean_length")};
    if (anyReward)
        charted.append(QStringLiteral("mean_reward"));
    for (const QString &metric : charted)
        h += QStringLiteral("<div>%1</div>\n").arg(evalBarChartSvg(suite, metric));
    h += QStringLiteral("</div>\n");
    for (int i = 0; i < imageRelativePaths.size(); ++i) {
        const QString caption = i < options.extraImages.size() ? options.extraImages[i].caption : QString();
        h += QStringLiteral("<figure><img src=\"%1\" alt=\"%2\" style=\"max-width:100%\"><figcaption>%2</figcaption></figure>\n")
                 .arg(esc(imageRelativePaths[i]), esc(caption));
    }

    // Per-kind table.
    h += QStringLiteral("<table><tr><th class=l>kind</th><th class=l>model</th><th>explanations</th>");
    for (const MetricInfo &m : shown)
        h += QStringLiteral("<th>%1</th>").arg(esc(m.label));
    h += QStringLiteral("<th>win rate vs base (95% CI)</th></tr>\n");
    for (const QString &kind : kinds) {
        for (int i = 0; i < reports.size(); ++i) {
            const ModelEvalReport &r = *reports[i];
            h += QStringLiteral("<tr><td class=l>%1</td><td class=l>%2</td><td>%3</td>")
                     .arg(i == 0 ? esc(kind) : QString(), esc(nameOf(r)))
                     .arg(r.perKind.value(kind).samples);
            for (const MetricInfo &m : shown)
                h += QStringLiteral("<td>%1</td>").arg(formatValue(m, metricValue(r, m.id, kind)));
            if (i > 0 && i - 1 < suite.comparisons.size() && suite.comparisons[i - 1].perKindWinRate.contains(kind)) {
                const WinRate w = suite.comparisons[i - 1].perKindWinRate.value(kind);
                h += QStringLiteral("<td>%1% [%2, %3]</td></tr>\n")
                         .arg(w.rate * 100.0, 0, 'f', 1)
                         .arg(w.low * 100.0, 0, 'f', 1)
                         .arg(w.high * 100.0, 0, 'f', 1);
            } else {
                h += QStringLiteral("<td>–</td></tr>\n");
            }
        }
    }
    h += QStringLiteral("</table>\n");

    // Regressions.
    for (const ModelComparison &c : suite.comparisons) {
        const QVector<PairedExplanation> regressed = c.regressions();
        h += QStringLiteral("<h2>Regressions: %1 vs %2</h2>\n<p>%3 explanation(s) on %4 incident(s); by reason: ")
                 .arg(esc(c.adapterName), esc(c.baseName))
                 .arg(c.regressedPairs)
                 .arg(c.regressedIncidents);
        QStringList reasons;
        for (auto it = c.regressionsByReason.begin(); it != c.regressionsByReason.end(); ++it)
            reasons << QStringLiteral("%1 %2").arg(esc(it.key())).arg(it.value());
        h += (reasons.isEmpty() ? QStringLiteral("none") : reasons.join(QStringLiteral(", "))) + QStringLiteral(".</p>\n");
        if (regressed.isEmpty())
            continue;
        h += QStringLiteral("<table><tr><th>incident</th><th class=l>kind</th><th class=l>why</th><th class=l>%1</th><th class=l>%2</th></tr>\n")
                 .arg(esc(c.baseName), esc(c.adapterName));
        int listed = 0;
        for (const PairedExplanation &p : regressed) {
            if (listed++ >= options.maxRegressionsListed)
                break;
            h += QStringLiteral("<tr><td>%1%2</td><td class=l>%3</td><td class=l>%4<br><small>score %5</small></td>"
                                "<td class=text>%6<br><small>%7</small></td><td class=text>%8<br><small>%9</small></td></tr>\n")
                     .arg(p.incidentId)
                     .arg(p.sampleIndex > 0 ? QStringLiteral(" #%1").arg(p.sampleIndex + 1) : QString())
                     .arg(esc(p.kind), esc(p.regressions.join(QStringLiteral(", "))))
                     .arg(p.scoreDelta, 0, 'f', 2)
                     .arg(markedText(p.base), verdictBadges(p.base.judgement), markedText(p.adapter), verdictBadges(p.adapter.judgement));
        }
        h += QStringLiteral("</table>\n");
        if (regressed.size() > options.maxRegressionsListed)
            h += QStringLiteral("<p><small>%1 more in rows.csv and report.json.</small></p>\n").arg(regressed.size() - options.maxRegressionsListed);
    }
    h += QStringLiteral("<p><small>Every explanation with its verdicts: rows.csv, report.json.</small></p>\n</body></html>\n");
    return h;
}

Result<ReportFiles> writeEvalReport(const EvalSuite &suite, const QString &dir, const ReportOptions &options)
{
    QDir out(dir);
    if (!out.mkpath(QStringLiteral(".")))
        return fail(QStringLiteral("%1: cannot create the report folder").arg(dir));
    ReportFiles files;
    QStringList relative;
    if (!options.extraImages.isEmpty()) {
        if (!out.mkpath(QStringLiteral("images")))
            return fail(QStringLiteral("%1: cannot create the images folder").arg(out.filePath(QStringLiteral("images"))));
        for (int i = 0; i < options.extraImages.size(); ++i) {
            const QFileInfo source(options.extraImages[i].path);
            if (!source.isFile())
                return fail(QStringLiteral("%1: no such image").arg(options.extraImages[i].path));
            const QString rel = QStringLiteral("images/%1-%2").arg(i + 1).arg(source.fileName());
            const QString target = out.filePath(rel);
            if (QFileInfo(target).absoluteFilePath() != source.absoluteFilePath()) {
                QFile::remove(target);
                if (!QFile::copy(source.absoluteFilePath(), target))
                    return fail(QStringLiteral("%1: cannot copy the image to %2").arg(source.filePath(), target));
            }
            relative.append(rel);
            files.images.append(QFileInfo(target).absoluteFilePath());
        }
    }
    files.html = out.absoluteFilePath(QStringLiteral("report.html"));
    files.csv = out.absoluteFilePath(QStringLiteral("rows.csv"));
    files.json = out.absoluteFilePath(QStringLiteral("report.json"));
    if (Status s = writeBytes(files.html, evalReportHtml(suite, options, relative).toUtf8()); !s)
        return fail(s.error());
    if (Status s = writeBytes(files.csv, evalRowsCsv(suite).toUtf8()); !s)
        return fail(s.error());
    if (Status s = writeBytes(files.json, QJsonDocument(suite.toJson(true)).toJson()); !s)
        return fail(s.error());
    return files;
}

} // namespace lab
