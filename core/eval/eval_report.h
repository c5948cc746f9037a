#pragma once
// Writes an evaluation suite (base + adapters, see eval_compare.h) to a folder a reviewer can
// open without the app:
//   report.html  self-contained: metrics table per model, per-kind bar charts (inline SVG,
//                base vs each adapter), win rate with its interval, regressions with both texts;
//   rows.csv     one row per explanation: incident_id, kind, model, sample, text, score,
//                root_cause, hallucinated (count), hallucinated_ids, unsafe_action,
//                safe_action, acceptable, words, repetition, reward, and for adapters the
//                outcome vs base and the regression reasons;
//   report.json  EvalSuite::toJson(true): every model's metrics, every comparison with its pairs.
// Core only (no Qt Gui): the GUI passes its own PNG charts as extra images to reference.
#include "core/common/result.h"
#include "core/eval/eval_compare.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace lab {

struct ReportImage
{
    QString path;    // an existing image file; copied into DIR/images/ and referenced relatively
    QString caption; // shown under it
};

struct ReportOptions
{
    QString title = QStringLiteral("RLHF Log Lab evaluation");
    QVector<ReportImage> extraImages; // e.g. the GUI's PNG charts, shown after the SVG charts
    int maxRegressionsListed = 200;   // per adapter, in the HTML (CSV/JSON keep all rows)
};

struct ReportFiles
{
    QString html, csv, json;
    QStringList images; // copied images, absolute
};

// Creates `dir` if needed and writes the three files (each atomically). Errors name the file.
Result<ReportFiles> writeEvalReport(const EvalSuite &suite, const QString &dir,
                                    const ReportOptions &options = {});

// The pieces, for callers that want them in memory (tests, the GUI's preview).
QString evalReportHtml(const EvalSuite &suite, const ReportOptions &options = {},
                       const QStringList &imageRelativePaths = {});
QString evalRowsCsv(const EvalSuite &suite);
// A grouped bar chart per kind (one bar per model) of one metric, as an <svg> element.
// `metric` is a DESIGN.md name: root_cause_accuracy, hallucination_rate, unsafe_action_rate,
// mean_length, repetition_rate, acceptable_rate, key_identifier_rate, mean_reward.
QString evalBarChartSvg(const EvalSuite &suite, const QString &metric);

} // namespace lab
