#include "ui/training_charts.h"

#include "ui/training_chart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QResizeEvent>
#include <QSaveFile>
#include <QTimer>
#include <algorithm>

namespace lab {

namespace {
constexpr int kMinChartWidth = 380;
constexpr int kChartHeight = 230;

struct Group
{
    const char *metric;
    int order;
};

// DESIGN.md names; the order is the charts' order on screen (what one looks at first comes first).
const Group kGroups[] = {
    {"loss", 0},
    {"accuracy", 1}, {"eval/accuracy", 1}, {"rewards/accuracies", 1},
    {"margin", 2}, {"reward/chosen", 2}, {"reward/rejected", 2},
    {"rewards/chosen", 2}, {"rewards/rejected", 2}, {"rewards/margins", 2},
    {"logps/chosen", 3}, {"logps/rejected", 3},
    {"objective/scores", 4}, {"objective/rlhf_reward", 4},
    {"objective/kl", 5}, {"policy/approxkl", 5},
    {"kl_coef", 6},
    {"objective/entropy", 7},
    {"response/length", 8}, {"mean_length", 8},
    {"loss/policy", 9},
    {"loss/value", 10},
    {"policy/clipfrac", 11},
    {"val/explained_var", 12},
};
constexpr int kOtherOrder = 100;
} // namespace

QString TrainingCharts::groupTitle(const QString &metric, int *order)
{
    for (const Group &g : kGroups) {
        if (metric == QLatin1String(g.metric)) {
            if (order)
                *order = g.order;
            switch (g.order) {
            case 0: return tr("Loss");
            case 1: return tr("Accuracy");
            case 2: return tr("Rewards");
            case 3: return tr("Log-probabilities");
            case 4: return tr("Score");
            case 5: return tr("KL divergence");
            case 6: return tr("KL coefficient");
            case 7: return tr("Entropy");
            case 8: return tr("Response length");
            case 9: return tr("Policy loss");
            case 10: return tr("Value loss");
            case 11: return tr("Clip fraction");
            case 12: return tr("Explained variance");
            default: break;
            }
        }
    }
    if (order)
        *order = kOtherOrder;
    return metric; // its own chart, under its own name
}

TrainingCharts::TrainingCharts(QWidget *parent) : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_grid = new QWidget(this);
    m_grid->setObjectName(QStringLiteral("trainingChartsGrid"));
    m_layout = new QGridLayout(m_grid);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    m_placeholder = new QLabel(tr("The charts appear here with the first logged step of a run.\n"
                                  "Select a run in the list to see its charts."),
                               m_grid);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setStyleSheet(QStringLiteral("color: #6b7280;"));
    m_placeholder->setMinimumHeight(kChartHeight);
    m_layout->addWidget(m_placeholder, 0, 0);
    setWidget(m_grid);

    m_timer = new QTimer(this);
    m_timer->setInterval(kRedrawIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &TrainingCharts::redraw);
}

TrainingChart *TrainingCharts::chartFor(const QString &metric) const
{
    for (TrainingChart *chart : m_charts)
        if (chart->hasMetric(metric))
            return chart;
    return nullptr;
}

void TrainingCharts::addPoints(const QVector<MetricPoint> &points)
{
    if (points.isEmpty())
        return;
    QMap<QString, QVector<QPointF>> byMetric;
    for (const MetricPoint &p : points)
        byMetric[p.name] << QPointF(double(p.step), p.value);
    bool created = false;
    for (auto it = byMetric.cbegin(); it != byMetric.cend(); ++it) {
        m_points[it.key()] += it.value();
        TrainingChart *chart = chartFor(it.key());
        if (!chart) {
            int order = 0;
            const QString title = groupTitle(it.key(), &order);
            for (TrainingChart *c : std::as_const(m_charts))
                if (c->title() == title)
                    chart = c;
            if (!chart) {
                chart = new TrainingChart(title, m_grid);
                chart->setProperty("groupOrder", order);
                chart->setMinimumHeight(kChartHeight);
                connect(chart, &TrainingChart::exportPngRequested, this, &TrainingCharts::exportChartRequested);
                const auto pos = std::find_if(m_charts.begin(), m_charts.end(), [order](TrainingChart *c) {
                    return c->property("groupOrder").toInt() > order;
                });
                m_charts.insert(pos, chart);
                created = true;
            }
        }
        chart->addPoints(it.key(), it.value());
    }
    if (created)
        relayout();
    if (!m_timer->isActive())
        m_timer->start();
}

void TrainingCharts::showPoints(const QVector<MetricPoint> &points)
{
    clear();
    addPoints(points);
    redraw();
}

void TrainingCharts::clear()
{
    m_timer->stop();
    qDeleteAll(m_charts);
    m_charts.clear();
    m_points.clear();
    relayout();
}

void TrainingCharts::redraw()
{
    bool changed = false;
    for (TrainingChart *chart : std::as_const(m_charts))
        changed = chart->refresh() || changed;
    if (!changed)
        m_timer->stop(); // idle until the next points arrive
    else
        Q_EMIT pointsChanged();
}

qint64 TrainingCharts::pointCount(const QString &metric) const
{
    return m_points.value(metric).size();
}

qint64 TrainingCharts::totalPoints() const
{
    qint64 n = 0;
    for (const QVector<QPointF> &v : m_points)
        n += v.size();
    return n;
}

int TrainingCharts::columnsForWidth() const
{
    const int width = viewport()->width();
    return std::clamp(width / kMinChartWidth, 1, 4);
}

void TrainingCharts::relayout()
{
    while (m_layout->count() > 0)
        m_layout->takeAt(0); // widgets stay; they are re-added below
    m_placeholder->setVisible(m_charts.isEmpty());
    if (m_charts.isEmpty()) {
        m_layout->addWidget(m_placeholder, 0, 0);
        m_columns = 0;
        return;
    }
    m_columns = columnsForWidth();
    for (int i = 0; i < m_charts.size(); ++i) {
        m_layout->addWidget(m_charts[i], i / m_columns, i % m_columns);
        m_charts[i]->show();
    }
    for (int c = 0; c < 4; ++c)
        m_layout->setColumnStretch(c, c < m_columns ? 1 : 0);
}

void TrainingCharts::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    if (!m_charts.isEmpty() && columnsForWidth() != m_columns)
        relayout();
}

Status TrainingCharts::exportCsv(const QString &path) const
{
    struct Row
    {
        double step;
        QString name;
        double value;
    };
    QVector<Row> rows;
    rows.reserve(totalPoints());
    for (auto it = m_points.cbegin(); it != m_points.cend(); ++it)
        for (const QPointF &p : it.value())
            rows.push_back({p.x(), it.key(), p.y()});
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.step < b.step; });
    QByteArray bytes = "step,name,value\n";
    for (const Row &r : std::as_const(rows)) {
        bytes += QByteArray::number(qint64(r.step));
        bytes += ',';
        bytes += r.name.toUtf8(); // DESIGN.md names: no commas or quotes
        bytes += ',';
        bytes += QByteArray::number(r.value, 'g', 17);
        bytes += '\n';
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

Status TrainingCharts::exportPng(const QString &path) const
{
    if (m_charts.isEmpty())
        return fail(tr("There is no chart to save yet."));
    const QPixmap picture = m_grid->grab();
    if (!picture.save(path, "PNG"))
        return fail(tr("Cannot write the picture %1.").arg(QDir::toNativeSeparators(path)));
    return {};
}

Status TrainingCharts::exportChartPng(TrainingChart *chart, const QString &path)
{
    if (!chart)
        return fail(tr("There is no chart to save."));
    if (!chart->grab().save(path, "PNG"))
        return fail(tr("Cannot write the picture %1.").arg(QDir::toNativeSeparators(path)));
    return {};
}

} // namespace lab
