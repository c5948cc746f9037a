#pragma once
// The charts of one run: metrics grouped into small charts (loss; accuracies; rewards; KL and its
// coefficient; length...), created as their metrics first arrive, laid out in as many columns as
// the width allows. New points are buffered and drawn by a 4 Hz timer, so a trainer logging every
// step costs at most four redraws a second. Every point is kept for CSV export (step,name,value)
// whatever the charts draw.
#include "core/common/result.h"
#include "core/store/records.h"

#include <QMap>
#include <QPointF>
#include <QScrollArea>
#include <QVector>

class QGridLayout;
class QLabel;
class QTimer;

namespace lab {

class TrainingChart;

class TrainingCharts : public QScrollArea
{
    Q_OBJECT
public:
    static constexpr int kRedrawIntervalMs = 250;

    explicit TrainingCharts(QWidget *parent = nullptr);

    // Adds points (buffered; drawn at the next redraw tick).
    void addPoints(const QVector<MetricPoint> &points);
    // Replaces everything with `points` (a past run) and draws at once.
    void showPoints(const QVector<MetricPoint> &points);
    void clear();
    // Draws the buffered points now.
    void redraw();

    QList<TrainingChart *> charts() const { return m_charts; }
    TrainingChart *chartFor(const QString &metric) const;
    qint64 pointCount(const QString &metric) const;
    qint64 totalPoints() const;
    QStringList metricNames() const { return m_points.keys(); }

    // Every point of every metric: "step,name,value", sorted by step then name.
    Status exportCsv(const QString &path) const;
    // All charts as one picture (the grid as shown), or one chart.
    Status exportPng(const QString &path) const;
    static Status exportChartPng(TrainingChart *chart, const QString &path);

    // The chart title a metric goes under, and the group's position among the charts.
    static QString groupTitle(const QString &metric, int *order = nullptr);

Q_SIGNALS:
    void pointsChanged(); // after a redraw that drew something
    void exportChartRequested(lab::TrainingChart *chart);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void relayout();
    int columnsForWidth() const;

    QWidget *m_grid = nullptr;
    QGridLayout *m_layout = nullptr;
    QLabel *m_placeholder = nullptr;
    QList<TrainingChart *> m_charts; // in group order
    QMap<QString, QVector<QPointF>> m_points; // metric -> all points
    QTimer *m_timer = nullptr;
    int m_columns = 0;
};

} // namespace lab
