#pragma once
// Bars per incident kind, A against B, for one evaluation measure (root cause by default): the
// review view's chart and the PNG images of the exported report. Horizontal bars, because kind
// names ("fetch_failure_after_lost_executor") are long. Rebuilt in one go from the comparison;
// no animations.
#include "core/eval/eval_compare.h"

#include <QChartView>

class QBarSet;
class QHorizontalBarSeries;

namespace lab {

class ReviewChart : public QChartView
{
    Q_OBJECT
public:
    explicit ReviewChart(QWidget *parent = nullptr);

    void setComparison(const ModelComparison &comparison);
    void clear();
    void setMetric(const QString &metric); // a DESIGN.md name (see reviewMetrics())
    QString metric() const { return m_metric; }

    // Kinds on the axis, in order, and the bars (NaN values are drawn as 0 and named in the tip).
    QStringList kinds() const { return m_kinds; }
    QBarSet *setA() const { return m_setA; }
    QBarSet *setB() const { return m_setB; }

    // The chart as a PNG (QWidget::grab); a hidden chart is first shown off screen at `size`.
    // Errors name the file.
    bool savePng(const QString &path, const QSize &size, QString *error = nullptr);

private:
    void rebuild();

    ModelComparison m_comparison;
    bool m_has = false;
    QString m_metric = QStringLiteral("root_cause_accuracy");
    QStringList m_kinds;
    QHorizontalBarSeries *m_series = nullptr;
    QBarSet *m_setA = nullptr;
    QBarSet *m_setB = nullptr;
};

} // namespace lab
