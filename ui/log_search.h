#pragma once
// Regex search over the rows of a log view, off the GUI thread. A worker object lives in a QThread
// owned by this controller (the STYLE's pattern): start() hands it the query by a queued signal,
// hits come back in batches as they are found (so "next" works long before a 10 GB file is
// done), progress is throttled to percentage changes, and cancel() sets an atomic flag the worker
// checks every line. A new start() cancels the previous search; stale batches are dropped by
// generation number.
#include "ui/shared_log_file.h"
#include "ui/row_map.h"

#include <QObject>
#include <QRegularExpression>
#include <QThread>
#include <atomic>
#include <memory>
#include <vector>

namespace lab {

class LogSearch : public QObject
{
    Q_OBJECT
public:
    explicit LogSearch(QObject *parent = nullptr);
    ~LogSearch() override;

    // Searches rows [0, rowCount) of `rows` in `file`. Lines are matched one at a time, so "^"
    // and "$" anchor at line ends.
    void start(SharedConstLogFile file, const RowMap &rows, qint64 rowCount, const QRegularExpression &pattern);
    void cancel();   // also forgets the hits
    bool isRunning() const { return m_running; }
    QRegularExpression pattern() const { return m_pattern; }

    // Matching line numbers found so far, ascending.
    const std::vector<qint64> &hits() const { return m_hits; }
    qint64 hitCount() const { return qint64(m_hits.size()); }
    // Index in hits() of the first hit at or after `line` (hitCount() if none).
    qint64 indexAtOrAfter(qint64 line) const;
    // -1 if `line` is no hit.
    qint64 indexOf(qint64 line) const;

Q_SIGNALS:
    void hitsAdded(qint64 total);
    void progress(int percent);
    void finished(qint64 total, bool cancelled);

    // To the worker (queued).
    void run(quint64 generation, lab::SharedConstLogFile file, lab::RowMap rows, qint64 rowCount,
             QRegularExpression pattern, std::shared_ptr<std::atomic_bool> cancel);

private:
    void onBatch(quint64 generation, const std::vector<qint64> &lines);
    void onProgress(quint64 generation, int percent);
    void onDone(quint64 generation, bool cancelled);

    QThread m_thread;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::vector<qint64> m_hits;
    QRegularExpression m_pattern;
    bool m_running = false;
};

// Lives in LogSearch's thread.
class LogSearchWorker : public QObject
{
    Q_OBJECT
public:
    void run(quint64 generation, lab::SharedConstLogFile file, lab::RowMap rows, qint64 rowCount,
             QRegularExpression pattern, std::shared_ptr<std::atomic_bool> cancel);

Q_SIGNALS:
    void batch(quint64 generation, const std::vector<qint64> &lines);
    void progress(quint64 generation, int percent);
    void done(quint64 generation, bool cancelled);
};

} // namespace lab
