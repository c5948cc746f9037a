#include "ui/run_table_model.h"

#include "core/store/store.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

namespace lab {

namespace {

bool isPreferenceKind(const QString &kind)
{
    return kind == QLatin1String(kRunReward) || kind == QLatin1String(kRunDpo) || kind == QLatin1String(kRunPpo);
}

QString durationText(double seconds)
{
    if (seconds < 0)
        return {};
    const qint64 s = qint64(seconds + 0.5);
    if (s < 60)
        return RunTableModel::tr("%1 s").arg(s);
    if (s < 3600)
        return RunTableModel::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return RunTableModel::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

} // namespace

RunTableModel::RunTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RunTableModel::setStore(std::shared_ptr<Store> store)
{
    m_store = std::move(store);
    m_liveRun = 0;
    m_live = {};
    if (!reload().ok()) {
        beginResetModel();
        m_runs.clear();
        endResetModel();
    }
}

Status RunTableModel::reload()
{
    if (!m_store) {
        beginResetModel();
        m_runs.clear();
        m_adapters.clear();
        endResetModel();
        return {};
    }
    auto runs = m_store->runs();
    if (!runs)
        return fail(runs.error());
    QHash<qint64, QString> adapters;
    if (auto list = m_store->adapters(); list.ok())
        for (const AdapterRecord &a : *list)
            if (a.runId > 0)
                adapters.insert(a.runId, a.name);
    QVector<RunRecord> kept;
    for (const RunRecord &r : *runs)
        if (isPreferenceKind(r.kind))
            kept << r; // SFT runs belong to the model issue's tools
    beginResetModel();
    m_runs = std::move(kept);
    m_adapters = std::move(adapters);
    endResetModel();
    return {};
}

int RunTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const RunRecord *RunTableModel::runAt(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs[row] : nullptr;
}

int RunTableModel::rowOf(qint64 runId) const
{
    for (int i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].id == runId)
            return i;
    return -1;
}

QString RunTableModel::keyMetric(const QString &kind)
{
    if (kind == QLatin1String(kRunReward))
        return QStringLiteral("eval/accuracy");
    if (kind == QLatin1String(kRunDpo))
        return QStringLiteral("rewards/accuracies");
    if (kind == QLatin1String(kRunPpo))
        return QStringLiteral("objective/scores");
    return {};
}

QString RunTableModel::statusText(const QString &status)
{
    if (status == QLatin1String(kRunQueued))
        return tr("queued");
    if (status == QLatin1String(kRunRunning))
        return tr("running");
    if (status == QLatin1String(kRunFinished))
        return tr("finished");
    if (status == QLatin1String(kRunFailed))
        return tr("failed");
    if (status == QLatin1String(kRunStopped))
        return tr("stopped");
    if (status == QLatin1String(kRunPaused))
        return tr("paused by a guard");
    return status;
}

QString RunTableModel::kindText(const QString &kind)
{
    if (kind == QLatin1String(kRunReward))
        return tr("Reward model");
    if (kind == QLatin1String(kRunDpo))
        return tr("DPO");
    if (kind == QLatin1String(kRunPpo))
        return tr("PPO");
    return kind;
}

void RunTableModel::setLiveProgress(qint64 runId, qint64 step, qint64 steps, double seconds)
{
    if (runId != m_liveRun) {
        m_liveRun = runId;
        m_live = {};
    }
    m_live.step = step;
    m_live.steps = steps;
    m_live.seconds = seconds;
    const int row = rowOf(runId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, DurationColumn), index(row, MetricColumn));
}

void RunTableModel::setLiveMetric(qint64 runId, const QString &name, double value)
{
    if (runId != m_liveRun) {
        m_liveRun = runId;
        m_live = {};
    }
    m_live.metrics.insert(name, value);
}

QVariant RunTableModel::data(const QModelIndex &index, int role) const
{
    const RunRecord *run = index.isValid() ? runAt(index.row()) : nullptr;
    if (!run)
        return {};
    if (role == RunIdRole)
        return run->id;
    const bool live = run->id == m_liveRun && run->status == QLatin1String(kRunRunning);
    const QJsonObject metrics = run->result.value(QStringLiteral("metrics")).toObject();
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IdColumn:
            return run->id;
        case KindColumn:
            return kindText(run->kind);
        case StatusColumn:
            return statusText(run->status);
        case StartedColumn:
            return run->startedAt.isValid() ? QLocale().toString(run->startedAt.toLocalTime(), QLocale::ShortFormat) : QString();
        case DurationColumn: {
            if (live)
                return durationText(m_live.seconds);
            if (run->result.contains(QStringLiteral("seconds")))
                return durationText(run->result.value(QStringLiteral("seconds")).toDouble());
            if (run->startedAt.isValid() && run->finishedAt.isValid())
                return durationText(double(run->startedAt.secsTo(run->finishedAt)));
            return {};
        }
        case StepsColumn: {
            const qint64 planned = run->config.value(QStringLiteral("settings")).toObject().value(QStringLiteral("steps")).toInteger(0);
            const qint64 done = live ? m_live.step : run->result.value(QStringLiteral("steps")).toInteger(-1);
            if (done < 0)
                return planned > 0 ? tr("— / %1").arg(QLocale().toString(planned)) : QString();
            return planned > 0 && done != planned ? tr("%1 / %2").arg(QLocale().toString(done), QLocale().toString(planned))
                                                  : QLocale().toString(done);
        }
        case MetricColumn: {
            const QString key = keyMetric(run->kind);
            if (live && m_live.metrics.contains(key))
                return tr("%1 = %2").arg(key, QLocale().toString(m_live.metrics.value(key), 'f', 3));
            if (metrics.contains(key))
                return tr("%1 = %2").arg(key, QLocale().toString(metrics.value(key).toDouble(), 'f', 3));
            return {};
        }
        case AdapterColumn:
            return m_adapters.value(run->id, run->result.value(QStringLiteral("adapter")).toString());
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == StatusColumn) {
            const QString message = run->result.value(QStringLiteral("message")).toString();
            return message.isEmpty() ? QVariant() : message;
        }
        if (index.column() == MetricColumn)
            return tr("The metric that says most about this kind of run, at its last logged step");
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        if (run->status == QLatin1String(kRunFailed))
            return QBrush(QColor(0xdc, 0x26, 0x26));
        if (run->status == QLatin1String(kRunPaused))
            return QBrush(QColor(0xb4, 0x53, 0x09));
        if (run->status == QLatin1String(kRunFinished))
            return QBrush(QColor(0x15, 0x80, 0x3d));
        return {};
    }
    if (role == Qt::FontRole && live) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::TextAlignmentRole && (index.column() == IdColumn || index.column() == StepsColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("Run");
    case KindColumn: return tr("Kind");
    case StatusColumn: return tr("Status");
    case StartedColumn: return tr("Started");
    case DurationColumn: return tr("Duration");
    case StepsColumn: return tr("Steps");
    case MetricColumn: return tr("Key metric");
    case AdapterColumn: return tr("Adapter");
    default: return {};
    }
}

} // namespace lab
