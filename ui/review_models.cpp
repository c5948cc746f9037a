#include "ui/review_models.h"

#include "core/store/store.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <cmath>
#include <limits>

namespace lab {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// lupdate files the tr("...") calls of free functions in namespace lab under the context "lab"
// (see translations/*.ts); ask for that context, or the translations are never found.
QString tr(const char *text)
{
    return QCoreApplication::translate("lab", text);
}

QString reasonTitle(const QString &reason)
{
    if (reason == QLatin1String("lost_root_cause"))
        return tr("lost root cause");
    if (reason == QLatin1String("new_hallucination"))
        return tr("new hallucination");
    if (reason == QLatin1String("new_unsafe_action"))
        return tr("new unsafe action");
    if (reason == QLatin1String("score_drop"))
        return tr("score drop");
    return reason;
}

QString formatValue(const QString &metric, double v, bool signedDelta = false)
{
    if (std::isnan(v))
        return QStringLiteral("–");
    const QString sign = signedDelta && v > 0 ? QStringLiteral("+") : QString();
    if (isRateMetric(metric))
        return sign + QStringLiteral("%1%").arg(v * 100.0, 0, 'f', 1);
    return sign + QString::number(v, 'f', 2);
}

// Whether a higher value of the metric is better (the colour of a difference).
bool higherIsBetter(const QString &metric)
{
    return metric == QLatin1String("root_cause_accuracy") || metric == QLatin1String("acceptable_rate")
        || metric == QLatin1String("key_identifier_rate") || metric == QLatin1String("mean_reward")
        || metric == QLatin1String("win_rate");
}
} // namespace

QStringList reviewMetrics()
{
    return {QStringLiteral("root_cause_accuracy"), QStringLiteral("hallucination_rate"),
            QStringLiteral("unsafe_action_rate"),  QStringLiteral("acceptable_rate"),
            QStringLiteral("key_identifier_rate"), QStringLiteral("mean_length"),
            QStringLiteral("repetition_rate"),     QStringLiteral("mean_reward")};
}

QString metricTitle(const QString &metric)
{
    if (metric == QLatin1String("root_cause_accuracy"))
        return tr("Root cause");
    if (metric == QLatin1String("hallucination_rate"))
        return tr("Hallucination");
    if (metric == QLatin1String("unsafe_action_rate"))
        return tr("Unsafe action");
    if (metric == QLatin1String("acceptable_rate"))
        return tr("Acceptable");
    if (metric == QLatin1String("key_identifier_rate"))
        return tr("Cites a key identifier");
    if (metric == QLatin1String("mean_length"))
        return tr("Mean length (words)");
    if (metric == QLatin1String("repetition_rate"))
        return tr("Repetition");
    if (metric == QLatin1String("mean_reward"))
        return tr("Mean reward");
    if (metric == QLatin1String("win_rate"))
        return tr("Win rate of B over A");
    return metric;
}

bool isRateMetric(const QString &metric)
{
    return metric.endsWith(QLatin1String("_rate")) || metric == QLatin1String("root_cause_accuracy");
}

double reportMetric(const ModelEvalReport &report, const QString &metric, const QString &kind)
{
    if (metric == QLatin1String("mean_reward")) {
        if (!report.hasReward)
            return kNaN;
        return kind.isEmpty() ? report.meanReward : report.perKindReward.value(kind, kNaN);
    }
    if (!kind.isEmpty() && !report.perKind.contains(kind))
        return kNaN;
    const ExplanationMetrics m = kind.isEmpty() ? report.overall : report.perKind.value(kind);
    if (m.samples == 0)
        return kNaN;
    if (metric == QLatin1String("root_cause_accuracy"))
        return m.rootCauseAccuracy;
    if (metric == QLatin1String("hallucination_rate"))
        return m.hallucinationRate;
    if (metric == QLatin1String("unsafe_action_rate"))
        return m.unsafeActionRate;
    if (metric == QLatin1String("mean_length"))
        return m.meanLength;
    if (metric == QLatin1String("repetition_rate"))
        return m.repetitionRate;
    if (metric == QLatin1String("acceptable_rate"))
        return m.acceptableRate;
    if (metric == QLatin1String("key_identifier_rate"))
        return m.keyIdentifierRate;
    return kNaN;
}

EvidenceReport incidentEvidence(Store *store, qint64 incidentId, const QString &text)
{
    if (!store)
        return {};
    auto log = store->logFor(incidentId);
    return log ? LogEvidence(log->content).check(text) : EvidenceReport();
}

// --- ReviewPairModel ---

ReviewPairModel::ReviewPairModel(QObject *parent) : QAbstractTableModel(parent) {}

void ReviewPairModel::setComparison(const ModelComparison &comparison)
{
    beginResetModel();
    m_comparison = comparison;
    endResetModel();
}

void ReviewPairModel::clear()
{
    setComparison({});
}

int ReviewPairModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_comparison.pairs.size());
}

int ReviewPairModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewPairModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_comparison.pairs.size())
        return {};
    const PairedExplanation &p = m_comparison.pairs.at(index.row());
    switch (role) {
    case PairIndexRole:
        return index.row();
    case KindRole:
        return p.kind;
    case RegressionRole:
        return p.isRegression();
    case IncidentRole:
        return p.incidentId;
    case Qt::DisplayRole:
        switch (index.column()) {
        case IncidentColumn:
            return p.incidentId;
        case KindColumn:
            return p.kind;
        case SampleColumn:
            return p.sampleIndex + 1;
        case OutcomeColumn:
            return p.outcome == PairOutcome::Win ? tr("B better") : p.outcome == PairOutcome::Loss ? tr("A better") : tr("tie");
        case DeltaColumn:
            return QStringLiteral("%1%2").arg(p.scoreDelta > 0 ? QStringLiteral("+") : QString()).arg(p.scoreDelta, 0, 'f', 1);
        case RegressionColumn: {
            QStringList reasons;
            for (const QString &r : p.regressions)
                reasons << reasonTitle(r);
            return reasons.join(QStringLiteral(", "));
        }
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn || index.column() == DeltaColumn)
            return p.outcome == PairOutcome::Win ? QBrush(QColor(0x15, 0x80, 0x3d))
                 : p.outcome == PairOutcome::Loss ? QBrush(QColor(0xc8, 0x1e, 0x1e)) : QVariant();
        if (index.column() == RegressionColumn && p.isRegression())
            return QBrush(QColor(0xc8, 0x1e, 0x1e));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == IncidentColumn || index.column() == SampleColumn || index.column() == DeltaColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (index.column() == DeltaColumn)
            return tr("Simulated engineer's score of B minus that of A");
        break;
    }
    return {};
}

QVariant ReviewPairModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IncidentColumn:
        return tr("Incident");
    case KindColumn:
        return tr("Kind");
    case SampleColumn:
        return tr("#");
    case OutcomeColumn:
        return tr("Outcome");
    case DeltaColumn:
        return tr("Δ score");
    case RegressionColumn:
        return tr("Regression");
    }
    return {};
}

// --- ReviewFilterModel ---

ReviewFilterModel::ReviewFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {}

void ReviewFilterModel::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateFilter();
}

void ReviewFilterModel::setRegressionsOnly(bool only)
{
    if (only == m_regressionsOnly)
        return;
    m_regressionsOnly = only;
    invalidateFilter();
}

bool ReviewFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_kind.isEmpty() && index.data(ReviewPairModel::KindRole).toString() != m_kind)
        return false;
    return !m_regressionsOnly || index.data(ReviewPairModel::RegressionRole).toBool();
}

bool ReviewFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Δ score sorts by number, not by its text.
    if (left.column() == ReviewPairModel::DeltaColumn) {
        auto *model = static_cast<ReviewPairModel *>(sourceModel());
        return model->pairAt(left.row()).scoreDelta < model->pairAt(right.row()).scoreDelta;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

// --- ReviewMetricsModel ---

ReviewMetricsModel::ReviewMetricsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ReviewMetricsModel::setComparison(const ModelComparison &comparison)
{
    beginResetModel();
    m_comparison = comparison;
    m_has = true;
    endResetModel();
}

void ReviewMetricsModel::setKind(const QString &kind)
{
    beginResetModel();
    m_kind = kind;
    endResetModel();
}

void ReviewMetricsModel::clear()
{
    beginResetModel();
    m_comparison = {};
    m_has = false;
    endResetModel();
}

QString ReviewMetricsModel::metricAt(int row) const
{
    const QStringList metrics = reviewMetrics();
    return row < metrics.size() ? metrics.at(row) : QStringLiteral("win_rate");
}

double ReviewMetricsModel::value(int row, int column) const
{
    if (!m_has || row < 0 || row >= rowCount())
        return kNaN;
    const QString metric = metricAt(row);
    if (metric == QLatin1String("win_rate")) {
        const WinRate w = m_kind.isEmpty() ? m_comparison.winRate : m_comparison.perKindWinRate.value(m_kind);
        if (w.incidents == 0)
            return kNaN;
        return column == BColumn ? w.rate : column == AColumn ? 1.0 - w.rate : kNaN;
    }
    const double a = reportMetric(m_comparison.base, metric, m_kind);
    const double b = reportMetric(m_comparison.adapter, metric, m_kind);
    switch (column) {
    case AColumn:
        return a;
    case BColumn:
        return b;
    case DeltaColumn:
        return b - a;
    }
    return kNaN;
}

int ReviewMetricsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_has ? 0 : int(reviewMetrics().size()) + 1;
}

int ReviewMetricsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewMetricsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QString metric = metricAt(index.row());
    if (role == Qt::DisplayRole) {
        if (index.column() == MetricColumn)
            return metricTitle(metric);
        const double v = value(index.row(), index.column());
        if (metric == QLatin1String("win_rate") && index.column() == BColumn && !std::isnan(v)) {
            const WinRate w = m_kind.isEmpty() ? m_comparison.winRate : m_comparison.perKindWinRate.value(m_kind);
            return tr("%1 [%2, %3]").arg(formatValue(metric, v), formatValue(metric, w.low), formatValue(metric, w.high));
        }
        return formatValue(metric, v, index.column() == DeltaColumn);
    }
    if (role == Qt::TextAlignmentRole && index.column() != MetricColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == DeltaColumn) {
        const double d = value(index.row(), DeltaColumn);
        if (std::isnan(d) || std::abs(d) < 1e-12)
            return {};
        const bool better = (d > 0) == higherIsBetter(metric);
        if (metric == QLatin1String("mean_length") || metric == QLatin1String("repetition_rate"))
            return better ? QVariant() : QBrush(QColor(0xb4, 0x53, 0x09)); // longer is not always worse
        return QBrush(better ? QColor(0x15, 0x80, 0x3d) : QColor(0xc8, 0x1e, 0x1e));
    }
    if (role == Qt::ToolTipRole && metric == QLatin1String("win_rate"))
        return tr("Share of incidents where B's explanation scores higher than A's (ties count half), with its "
                  "95% percentile-bootstrap interval over incidents");
    return {};
}

QVariant ReviewMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MetricColumn:
        return m_kind.isEmpty() ? tr("Measure (all kinds)") : tr("Measure (%1)").arg(m_kind);
    case AColumn:
        return tr("A: %1").arg(m_comparison.baseName);
    case BColumn:
        return tr("B: %1").arg(m_comparison.adapterName);
    case DeltaColumn:
        return tr("B − A");
    }
    return {};
}

} // namespace lab
