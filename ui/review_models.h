#pragma once
// The item models of the review view: one row per paired explanation (incident, kind, outcome of
// B against A, score difference, regression reasons), the filter over it (kind, regressions
// only), and the metrics table (each DESIGN.md measure for A and B and the difference).
// They hold what core/eval/eval_compare.h computed and never compute metrics themselves.
#include "core/eval/eval_compare.h"
#include "core/logs/identifier_evidence.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace lab {

class ReviewPairModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IncidentColumn, KindColumn, SampleColumn, OutcomeColumn, DeltaColumn, RegressionColumn, ColumnCount };
    enum Role { PairIndexRole = Qt::UserRole + 1, KindRole, RegressionRole, IncidentRole };

    explicit ReviewPairModel(QObject *parent = nullptr);

    void setComparison(const ModelComparison &comparison); // replaces every row at once
    void clear();
    const ModelComparison &comparison() const { return m_comparison; }
    const PairedExplanation &pairAt(int row) const { return m_comparison.pairs.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ModelComparison m_comparison;
};

class ReviewFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ReviewFilterModel(QObject *parent = nullptr);
    void setKind(const QString &kind); // empty: every kind
    void setRegressionsOnly(bool only);
    QString kind() const { return m_kind; }
    bool regressionsOnly() const { return m_regressionsOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_kind;
    bool m_regressionsOnly = false;
};

// Rows: the evaluation measures; columns: A, B, B - A. Overall, or one kind's.
class ReviewMetricsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { MetricColumn, AColumn, BColumn, DeltaColumn, ColumnCount };

    explicit ReviewMetricsModel(QObject *parent = nullptr);
    void setComparison(const ModelComparison &comparison);
    void setKind(const QString &kind); // empty: overall
    void clear();

    // The DESIGN.md name of a row's metric ("root_cause_accuracy", ...; "win_rate" last).
    QString metricAt(int row) const;
    // The value behind a cell (NaN when there is none), for tests and the chart.
    double value(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ModelComparison m_comparison;
    bool m_has = false;
    QString m_kind;
};

// A metric of a report, overall (kind empty) or of one kind; NaN when the report has no value
// for it (mean_reward without a reward model, a kind the report does not hold).
double reportMetric(const ModelEvalReport &report, const QString &metric, const QString &kind = {});
// "Root cause", "Hallucination", ... for a DESIGN.md metric name.
QString metricTitle(const QString &metric);
// Whether a metric is a share (shown as a percentage).
bool isRateMetric(const QString &metric);
// The measures the review view shows, in order.
QStringList reviewMetrics();

class Store;
// The identifiers of `text` checked against the incident's stored log (the labeling view's and
// evaluation's check); an empty report when the log cannot be read.
EvidenceReport incidentEvidence(Store *store, qint64 incidentId, const QString &text);

} // namespace lab
