#pragma once
// One small live chart of a group of training metrics ("Loss"; "Accuracy": accuracy and
// eval/accuracy...). It keeps every point it was given (for hover and export) and shows at most
// kMaxDisplayPoints per series: beyond that the line is decimated by min/max per bucket, so a
// spike survives and ten thousand points draw as fast as two thousand. New points wait in a
// buffer until refresh(), which the owner calls on a timer: one append() or replace() per series
// and refresh, animations off (replace is far cheaper than point-by-point updates).
#include <QChartView>
#include <QHash>
#include <QPointF>
#include <QStringList>
#include <QVector>

class QLineSeries;
class QValueAxis;

namespace lab {

class TrainingChart : public QChartView
{
    Q_OBJECT
public:
    static constexpr int kMaxDisplayPoints = 2000;

    TrainingChart(const QString &title, QWidget *parent = nullptr);

    QString title() const { return m_title; }
    QStringList metricNames() const { return m_order; }
    bool hasMetric(const QString &name) const { return m_series.contains(name); }
    // Points are (step, value) and arrive in step order per metric (a resumed run continues).
    void addPoints(const QString &metric, const QVector<QPointF> &points);
    // Draws what arrived since the last refresh. Returns false when there was nothing new.
    bool refresh();
    void clear();

    qint64 pointCount(const QString &metric) const;     // all points kept
    qint64 displayedCount(const QString &metric) const; // points the series draws now
    const QVector<QPointF> &points(const QString &metric) const;

    // Min/max decimation to about `target` points (order kept, first and last kept).
    static QVector<QPointF> decimate(const QVector<QPointF> &points, int target);

Q_SIGNALS:
    void exportPngRequested(lab::TrainingChart *chart);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Series
    {
        QLineSeries *line = nullptr;
        QVector<QPointF> all;
        QVector<QPointF> pending;
        bool decimated = false;
    };
    void showHover(const QString &metric, const QPointF &point, bool state);
    void updateAxes();

    QString m_title;
    QStringList m_order;
    QHash<QString, Series> m_series;
    QValueAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    // Ranges over every point kept (not only the drawn ones).
    double m_minX = 0, m_maxX = 0, m_minY = 0, m_maxY = 0;
    bool m_hasRange = false;
};

} // namespace lab
