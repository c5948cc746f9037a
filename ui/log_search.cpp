#include "ui/log_search.h"

#include "core/logs/log_file.h"

#include <QElapsedTimer>
#include <algorithm>

namespace lab {

namespace {
// A batch goes out this often (or when this many hits wait), so the hit count and the gutter
// markers move smoothly without flooding the GUI thread's event queue.
constexpr int kBatchIntervalMs = 60;
constexpr size_t kMaxBatch = 8192;
} // namespace

LogSearch::LogSearch(QObject *parent) : QObject(parent)
{
    auto *worker = new LogSearchWorker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &LogSearch::run, worker, &LogSearchWorker::run, Qt::QueuedConnection);
    connect(worker, &LogSearchWorker::batch, this, &LogSearch::onBatch, Qt::QueuedConnection);
    connect(worker, &LogSearchWorker::progress, this, &LogSearch::onProgress, Qt::QueuedConnection);
    connect(worker, &LogSearchWorker::done, this, &LogSearch::onDone, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("LogSearch"));
    m_thread.start(QThread::LowPriority);
}

LogSearch::~LogSearch()
{
    if (m_cancel)
        m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();
}

void LogSearch::start(SharedConstLogFile file, const RowMap &rows, qint64 rowCount, const QRegularExpression &pattern)
{
    cancel();
    m_pattern = pattern;
    if (!file || !pattern.isValid() || pattern.pattern().isEmpty()) {
        Q_EMIT finished(0, false);
        return;
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_running = true;
    Q_EMIT run(++m_generation, std::move(file), rows, rowCount, pattern, m_cancel);
}

void LogSearch::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation; // whatever the old worker still sends is dropped
    m_hits.clear();
    if (m_running) {
        m_running = false;
        Q_EMIT finished(0, true);
    }
}

qint64 LogSearch::indexAtOrAfter(qint64 line) const
{
    return qint64(std::lower_bound(m_hits.begin(), m_hits.end(), line) - m_hits.begin());
}

qint64 LogSearch::indexOf(qint64 line) const
{
    const qint64 i = indexAtOrAfter(line);
    return (i < hitCount() && m_hits[size_t(i)] == line) ? i : -1;
}

void LogSearch::onBatch(quint64 generation, const std::vector<qint64> &lines)
{
    if (generation != m_generation)
        return;
    m_hits.insert(m_hits.end(), lines.begin(), lines.end());
    Q_EMIT hitsAdded(hitCount());
}

void LogSearch::onProgress(quint64 generation, int percent)
{
    if (generation == m_generation)
        Q_EMIT progress(percent);
}

void LogSearch::onDone(quint64 generation, bool cancelled)
{
    if (generation != m_generation)
        return;
    m_running = false;
    m_cancel.reset();
    Q_EMIT finished(hitCount(), cancelled);
}

void LogSearchWorker::run(quint64 generation, SharedConstLogFile file, RowMap rows, qint64 rowCount,
                          QRegularExpression pattern, std::shared_ptr<std::atomic_bool> cancel)
{
    pattern.optimize();
    std::vector<qint64> pending;
    QElapsedTimer sinceBatch;
    sinceBatch.start();
    int lastPercent = -1;
    for (qint64 row = 0; row < rowCount; ++row) {
        if (cancel->load(std::memory_order_relaxed)) {
            Q_EMIT done(generation, true);
            return;
        }
        const qint64 line = rows.lineAt(row);
        if (pattern.match(file->line(line)).hasMatch())
            pending.push_back(line);
        if ((row & 1023) == 0 || pending.size() >= kMaxBatch) {
            if (!pending.empty() && (pending.size() >= kMaxBatch || sinceBatch.elapsed() >= kBatchIntervalMs)) {
                Q_EMIT batch(generation, pending);
                pending.clear();
                sinceBatch.restart();
            }
            const int percent = int(row * 100 / std::max<qint64>(1, rowCount));
            if (percent != lastPercent) {
                lastPercent = percent;
                Q_EMIT progress(generation, percent);
            }
        }
    }
    if (!pending.empty())
        Q_EMIT batch(generation, pending);
    Q_EMIT progress(generation, 100);
    Q_EMIT done(generation, false);
}

} // namespace lab
