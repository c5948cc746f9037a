#include "ui/review_chart.h"

#include "ui/review_models.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCoreApplication>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QPainter>
#include <QPixmap>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace lab {

ReviewChart::ReviewChart(QWidget *parent) : QChartView(parent)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    rebuild();
}

void ReviewChart::setComparison(const ModelComparison &comparison)
{
    m_comparison = comparison;
    m_has = true;
    rebuild();
}

void ReviewChart::clear()
{
    m_comparison = {};
    m_has = false;
    rebuild();
}

void ReviewChart::setMetric(const QString &metric)
{
    if (metric == m_metric)
        return;
    m_metric = metric;
    rebuild();
}

void ReviewChart::rebuild()
{
    QChart *c = chart();
    c->removeAllSeries(); // deletes the series and its sets
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis), delete axis;
    m_series = nullptr;
    m_setA = m_setB = nullptr;
    m_kinds.clear();
    if (!m_has) {
        c->setTitle(tr("Run an evaluation to see the measures per kind"));
        return;
    }
    const bool rate = isRateMetric(m_metric);
    const double scale = rate ? 100.0 : 1.0;
    // Bottom to top on a horizontal chart: reversed so the first kind reads first.
    m_kinds = m_comparison.kinds;
    QStringList axisKinds = m_kinds;
    std::reverse(axisKinds.begin(), axisKinds.end());

    m_setA = new QBarSet(tr("A: %1").arg(m_comparison.baseName));
    m_setB = new QBarSet(tr("B: %1").arg(m_comparison.adapterName));
    m_setA->setColor(QColor(0x94, 0xa3, 0xb8));
    m_setB->setColor(QColor(0x25, 0x63, 0xeb));
    QList<qreal> a, b;
    double top = 0.0;
    for (const QString &kind : std::as_const(axisKinds)) {
        const double va = reportMetric(m_comparison.base, m_metric, kind);
        const double vb = reportMetric(m_comparison.adapter, m_metric, kind);
        a << (std::isnan(va) ? 0.0 : va * scale);
        b << (std::isnan(vb) ? 0.0 : vb * scale);
        top = std::max({top, a.back(), b.back()});
    }
    m_setA->append(a); // one call per set: the chart redraws once
    m_setB->append(b);
    m_series = new QHorizontalBarSeries;
    m_series->append(m_setA);
    m_series->append(m_setB);
    c->addSeries(m_series);

    auto *kindAxis = new QBarCategoryAxis;
    kindAxis->append(axisKinds);
    c->addAxis(kindAxis, Qt::AlignLeft);
    m_series->attachAxis(kindAxis);
    auto *valueAxis = new QValueAxis;
    valueAxis->setRange(0.0, rate ? 100.0 : std::max(1.0, top * 1.1));
    valueAxis->setLabelFormat(rate ? QStringLiteral("%.0f%%") : QStringLiteral("%.1f"));
    c->addAxis(valueAxis, Qt::AlignBottom);
    m_series->attachAxis(valueAxis);
    c->setTitle(tr("%1 per kind").arg(metricTitle(m_metric)));
}

bool ReviewChart::savePng(const QString &path, const QSize &size, QString *error)
{
    // A hidden chart (the export's own) is shown off screen at the asked size: a never-shown view
    // does not lay its chart out, and would be saved with the previous title and elided labels.
    if (!isVisible()) {
        setAttribute(Qt::WA_DontShowOnScreen);
        if (!size.isEmpty())
            resize(size);
        show();
    }
    // The chart lays out its title, axes and legend on posted LayoutRequest events.
    for (int pass = 0; pass < 3; ++pass)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (!grab().save(path, "PNG")) {
        if (error)
            *error = tr("Cannot write the chart image %1").arg(path);
        return false;
    }
    return true;
}

} // namespace lab
