#pragma once
// The project's preference runs (reward model, DPO, PPO), newest first, from Store::runs(): id,
// kind, status, start, duration, steps, the metric that says most about the run's kind
// (eval/accuracy for a reward model, rewards/accuracies for DPO, objective/scores for PPO) and the
// adapter it made. The run in flight is updated live with setLiveProgress() between reloads.
#include "core/common/result.h"
#include "core/store/records.h"

#include <QAbstractTableModel>
#include <QHash>
#include <memory>

namespace lab {

class Store;

class RunTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, KindColumn, StatusColumn, StartedColumn, DurationColumn, StepsColumn, MetricColumn,
                  AdapterColumn, ColumnCount };
    static constexpr int RunIdRole = Qt::UserRole + 1;

    explicit RunTableModel(QObject *parent = nullptr);

    void setStore(std::shared_ptr<Store> store);
    // Reads the runs again; the error (if any) says why not.
    Status reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const RunRecord *runAt(int row) const;
    int rowOf(qint64 runId) const; // -1 if absent
    // The run in flight: its steps, duration and key metric as the trainer reports them.
    void setLiveProgress(qint64 runId, qint64 step, qint64 steps, double seconds);
    void setLiveMetric(qint64 runId, const QString &name, double value);

    // The metric shown for a kind ("eval/accuracy" for reward...).
    static QString keyMetric(const QString &kind);
    static QString statusText(const QString &status);
    static QString kindText(const QString &kind);

private:
    struct Live
    {
        qint64 step = 0;
        qint64 steps = 0;
        double seconds = 0;
        QHash<QString, double> metrics;
    };
    std::shared_ptr<Store> m_store;
    QVector<RunRecord> m_runs;
    QHash<qint64, QString> m_adapters; // run id -> adapter name
    qint64 m_liveRun = 0;
    Live m_live;
};

} // namespace lab
