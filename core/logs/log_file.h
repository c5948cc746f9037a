#pragma once
// A log opened for reading without loading it: the first 64 KB are read to reject binary data
// and detect the format, then a background thread builds a line-offset index (and one level byte
// per line) while the caller already reads lines. Lines come from a small page cache, so memory
// stays at a few MB plus ~5 bytes per line whatever the file size.
//
// Thread use: create, open and connect on one thread (the GUI thread). All const accessors
// (lineCount, rawLine, line, level, ...) may be called from any thread at any time, including
// while indexing runs; they are O(1) in the line number.
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/logs/log_format.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <memory>

namespace lab {

class LogFile : public QObject
{
    Q_OBJECT
public:
    // A single line longer than this is returned cut, with kTruncatedMarker appended by line().
    static constexpr qint64 kMaxLineBytes = 1 << 20;
    static const QString kTruncatedMarker; // " … [line truncated: %1 bytes]"

    explicit LogFile(QObject *parent = nullptr);
    ~LogFile() override; // cancels indexing and waits for the thread

    // Opens `path` and starts indexing in the background. Fails, with a message naming the file,
    // when it is missing, not a regular file, unreadable, or binary (NUL bytes, mostly control
    // bytes, gzip/zip/...). An empty file opens (it may grow); isEmpty() says so.
    Status open(const QString &path);
    // The same over bytes held in memory (a log stored in the database); `name` is for messages.
    Status openData(QByteArray bytes, const QString &name);
    // Opens and indexes in the calling thread, reporting bytes done through `progress`
    // (returning false cancels and fails). For the CLI and tests; no event loop needed.
    Status openAndIndex(const QString &path, const ProgressCallback &progress = {});
    void close();

    bool isOpen() const;
    QString path() const;     // empty for openData
    QString name() const;     // file name or the name given to openData
    qint64 sizeBytes() const; // bytes known at the last open/refresh
    bool isEmpty() const;
    LogFormat format() const;         // detected on open from the first lines
    void setFormat(LogFormat format); // override; re-indexes levels

    bool isIndexing() const;
    bool isIndexed() const; // indexing reached the end of the file as last seen
    qint64 indexedBytes() const;
    // Blocks until indexing finishes (or `msecs` pass; -1 waits forever). Returns isIndexed().
    bool waitForIndexed(int msecs = -1);
    void cancelIndexing();

    // Lines indexed so far; grows while indexing runs. A last line without '\n' counts.
    qint64 lineCount() const;
    // Bytes of line i without '\n' or '\r', at most kMaxLineBytes; empty if i is out of range.
    QByteArray rawLine(qint64 i) const;
    // Line i decoded as UTF-8 (invalid sequences become U+FFFD), CR stripped, cut lines marked.
    QString line(qint64 i) const;
    qint64 lineLength(qint64 i) const;     // full length in bytes, even when rawLine is cut
    ParsedLine parsedLine(qint64 i) const; // parseLine(format(), rawLine(i))
    // The level the line itself carries (Unknown for continuation lines such as stack frames).
    LogLevel level(qint64 i) const;
    // The level of the entry the line belongs to: its own, else the last level above it.
    LogLevel entryLevel(qint64 i) const;

    // Counts of level(i) over the indexed lines (Unknown counts unlabelled lines).
    LevelCounts levelCounts() const;
    // Time text of the first and the last line that carry one (last is known once indexed).
    QString firstTime() const;
    QString lastTime() const;

    // Follows the file: growth is indexed, a shrink or a rewritten start (rotation,
    // copytruncate) resets the index and emits truncated(). Called by the watcher when
    // following, and by hand otherwise.
    void refresh();
    void setFollowing(bool follow); // watch the file with QFileSystemWatcher
    bool isFollowing() const;

Q_SIGNALS:
    // Throttled: at most every ~50 ms or each 1 %, and once at the end.
    void indexingProgress(qint64 bytesDone, qint64 bytesTotal);
    // lineCount() grew to `lineCount` (sent with indexingProgress, not per line).
    void linesAdded(qint64 lineCount);
    void indexingFinished();
    // The file shrank or was replaced: the index was reset and is being rebuilt.
    void truncated();
    void failed(const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
    friend struct Private;
};

} // namespace lab
