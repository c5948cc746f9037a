#include "ui/training_chart.h"

#include <QContextMenuEvent>
#include <QCursor>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace lab {

namespace {
// Distinct on white, and readable for the common colour-vision deficiencies (Okabe-Ito order).
const QColor kPalette[] = {QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x9e, 0x73),
                           QColor(0xcc, 0x79, 0xa7), QColor(0xe6, 0x9f, 0x00), QColor(0x56, 0xb4, 0xe9)};

QString formatValue(double value)
{
    return QLocale().toString(value, 'g', 5);
}
} // namespace

TrainingChart::TrainingChart(const QString &title, QWidget *parent) : QChartView(parent), m_title(title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(std::max(8.0, font().pointSizeF()));
    chart->setTitleFont(titleFont);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 2, 4, 2));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(std::max(7.0, font().pointSizeF() * 0.85));
    chart->legend()->setFont(legendFont);
    chart->legend()->hide(); // shown once a second series joins

    m_x = new QValueAxis(chart);
    m_x->setLabelFormat(QStringLiteral("%d"));
    m_x->setTitleText(tr("step"));
    m_y = new QValueAxis(chart);
    m_y->setLabelFormat(QStringLiteral("%.3g"));
    QFont axisFont = m_x->labelsFont();
    axisFont.setPointSizeF(std::max(7.0, font().pointSizeF() * 0.85));
    for (QValueAxis *axis : {m_x, m_y}) {
        axis->setLabelsFont(axisFont);
        axis->setTitleFont(axisFont);
        axis->setTickCount(5);
        axis->setRange(0, 1);
    }
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);

    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(300, 210);
    setToolTip(tr("Hover a line for its values; right-click to save this chart as PNG"));
}

void TrainingChart::addPoints(const QString &metric, const QVector<QPointF> &points)
{
    auto it = m_series.find(metric);
    if (it == m_series.end()) {
        Series s;
        s.line = new QLineSeries(this);
        s.line->setName(metric);
        QPen pen(kPalette[m_order.size() % std::size(kPalette)]);
        pen.setWidthF(1.6);
        s.line->setPen(pen);
        // OpenGL would be faster still, but it is not there under Xvfb or offscreen; decimation
        // keeps the software path fast enough.
        chart()->addSeries(s.line);
        s.line->attachAxis(m_x);
        s.line->attachAxis(m_y);
        connect(s.line, &QLineSeries::hovered, this,
                [this, metric](const QPointF &point, bool state) { showHover(metric, point, state); });
        m_order << metric;
        it = m_series.insert(metric, s);
        chart()->legend()->setVisible(m_order.size() > 1);
    }
    for (const QPointF &p : points) {
        if (!std::isfinite(p.y()))
            continue; // a NaN would poison the axis range; the guard reports it in the event log
        it->all << p;
        it->pending << p;
        if (!m_hasRange) {
            m_minX = m_maxX = p.x();
            m_minY = m_maxY = p.y();
            m_hasRange = true;
        } else {
            m_minX = std::min(m_minX, p.x());
            m_maxX = std::max(m_maxX, p.x());
            m_minY = std::min(m_minY, p.y());
            m_maxY = std::max(m_maxY, p.y());
        }
    }
}

bool TrainingChart::refresh()
{
    bool changed = false;
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        Series &s = *it;
        if (s.pending.isEmpty())
            continue;
        changed = true;
        if (s.all.size() <= kMaxDisplayPoints && !s.decimated) {
            s.line->append(QList<QPointF>(s.pending.cbegin(), s.pending.cend()));
        } else {
            const QVector<QPointF> shown = decimate(s.all, kMaxDisplayPoints);
            s.line->replace(QList<QPointF>(shown.cbegin(), shown.cend()));
            s.decimated = true;
        }
        s.pending.clear();
    }
    if (changed)
        updateAxes();
    return changed;
}

void TrainingChart::clear()
{
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        chart()->removeSeries(it->line);
        delete it->line;
    }
    m_series.clear();
    m_order.clear();
    m_hasRange = false;
    chart()->legend()->hide();
    m_x->setRange(0, 1);
    m_y->setRange(0, 1);
}

qint64 TrainingChart::pointCount(const QString &metric) const
{
    auto it = m_series.constFind(metric);
    return it == m_series.cend() ? 0 : it->all.size();
}

qint64 TrainingChart::displayedCount(const QString &metric) const
{
    auto it = m_series.constFind(metric);
    return it == m_series.cend() ? 0 : it->line->count();
}

const QVector<QPointF> &TrainingChart::points(const QString &metric) const
{
    static const QVector<QPointF> kNone;
    auto it = m_series.constFind(metric);
    return it == m_series.cend() ? kNone : it->all;
}

QVector<QPointF> TrainingChart::decimate(const QVector<QPointF> &points, int target)
{
    if (points.size() <= target || target < 4)
        return points;
    // Each bucket gives its lowest and highest point, in step order.
    const int buckets = target / 2;
    const double per = double(points.size()) / buckets;
    QVector<QPointF> out;
    out.reserve(buckets * 2 + 2);
    for (int b = 0; b < buckets; ++b) {
        const qsizetype begin = qsizetype(b * per);
        const qsizetype end = std::min<qsizetype>(points.size(), qsizetype((b + 1) * per));
        if (begin >= end)
            continue;
        qsizetype lo = begin, hi = begin;
        for (qsizetype i = begin + 1; i < end; ++i) {
            if (points[i].y() < points[lo].y())
                lo = i;
            if (points[i].y() > points[hi].y())
                hi = i;
        }
        out << points[std::min(lo, hi)];
        if (lo != hi)
            out << points[std::max(lo, hi)];
    }
    if (out.last() != points.last())
        out << points.last();
    return out;
}

void TrainingChart::updateAxes()
{
    if (!m_hasRange)
        return;
    const double x0 = m_minX, x1 = std::max(m_maxX, m_minX + 1);
    double y0 = m_minY, y1 = m_maxY;
    const double pad = (y1 - y0) * 0.06;
    if (pad <= 0) {
        const double half = std::max(std::abs(y0) * 0.05, 0.01);
        y0 -= half;
        y1 += half;
    } else {
        y0 -= pad;
        y1 += pad;
    }
    m_x->setRange(x0, x1);
    m_y->setRange(y0, y1);
}

void TrainingChart::showHover(const QString &metric, const QPointF &point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const QVector<QPointF> &all = m_series.value(metric).all;
    if (all.isEmpty())
        return;
    // The hovered point is on the line between two samples: name the nearest logged step.
    auto it = std::lower_bound(all.cbegin(), all.cend(), point.x(), [](const QPointF &p, double x) { return p.x() < x; });
    if (it == all.cend())
        --it;
    else if (it != all.cbegin() && std::abs((it - 1)->x() - point.x()) < std::abs(it->x() - point.x()))
        --it;
    QToolTip::showText(QCursor::pos(), tr("%1\nstep %2: %3").arg(metric, QLocale().toString(qint64(it->x())), formatValue(it->y())), this);
}

void TrainingChart::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Save Chart as PNG…"), this, [this] { Q_EMIT exportPngRequested(this); });
    menu.exec(event->globalPos());
}

} // namespace lab
