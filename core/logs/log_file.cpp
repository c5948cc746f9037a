#include "core/logs/log_file.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <atomic>
#include <cstring>
#include <vector>

namespace lab {

const QString LogFile::kTruncatedMarker = QStringLiteral(" \u2026 [line truncated: %1 bytes]");

namespace {

constexpr qint64 kSampleBytes = 64 * 1024; // read on open: binary check, format detection
constexpr int kSampleLines = 200;
constexpr qint64 kReadBlock = 1 << 20; // indexer read size
constexpr qint64 kFirstReadBlock = 64 * 1024;
constexpr qint64 kLevelScanBytes = 64 * 1024;   // a line's head that the level parser sees
constexpr qint64 kPageBytes = 64 * 1024;        // page cache for line reads
constexpr int kMaxPages = 64;                   // 4 MB of cache whatever the file size
constexpr qint64 kDirectReadBytes = 256 * 1024; // longer reads bypass the cache
constexpr int kChunkLines = 4096;
constexpr quint32 kOverflow = 0xFFFFFFFFu;
constexpr qint64 kFingerprintBytes = 4096; // the start of the file, to spot rotation

// Per line: the start offset relative to the chunk base (4 bytes) and a level byte, low nibble
// the line's own level, high nibble the level of the entry it belongs to.
struct Chunk
{
    qint64 base = 0;
    quint32 rel[kChunkLines];
    quint8 level[kChunkLines];
};

struct PendingLine
{
    qint64 start;
    quint8 level;
};

// A reason to refuse the start of a file, or empty when it looks like text.
QString binaryReason(QByteArrayView head)
{
    auto starts = [&](const char *magic, qsizetype n) {
        return head.size() >= n && std::memcmp(head.data(), magic, size_t(n)) == 0;
    };
    if (starts("\x1f\x8b", 2))
        return QStringLiteral("it is gzip-compressed; decompress it first (gunzip)");
    if (starts("PK\x03\x04", 4))
        return QStringLiteral("it is a zip archive; extract the log first");
    if (starts("BZh", 3) && head.size() > 3 && head[3] >= '1' && head[3] <= '9')
        return QStringLiteral("it is bzip2-compressed; decompress it first (bunzip2)");
    if (starts("\xfd"
               "7zXZ\x00",
               6))
        return QStringLiteral("it is xz-compressed; decompress it first (unxz)");
    if (starts("\x28\xb5\x2f\xfd", 4))
        return QStringLiteral("it is zstd-compressed; decompress it first (unzstd)");
    if (starts("\x7f"
               "ELF",
               4))
        return QStringLiteral("it is an executable (ELF), not a log");
    if (starts("\xff\xfe", 2) || starts("\xfe\xff", 2))
        return QStringLiteral("it is UTF-16 text; convert it to UTF-8 first (iconv -f UTF-16)");
    qsizetype control = 0;
    for (const char c : head) {
        const auto b = static_cast<unsigned char>(c);
        if (b == 0)
            return QStringLiteral("it contains NUL bytes (binary data, not a text log)");
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1b)
            ++control;
    }
    if (head.size() > 0 && control * 10 > head.size())
        return QStringLiteral(
                   "%1% of its first bytes are control characters (binary data, not a text log)")
            .arg(control * 100 / head.size());
    return {};
}

QList<QByteArray> sampleLines(QByteArrayView head, bool wholeFile)
{
    QList<QByteArray> lines;
    qsizetype pos = 0;
    while (pos < head.size() && lines.size() < kSampleLines) {
        const qsizetype nl = head.indexOf('\n', pos);
        if (nl < 0) {
            if (wholeFile)
                lines << head.sliced(pos).toByteArray();
            break;
        }
        lines << head.sliced(pos, nl - pos).toByteArray();
        pos = nl + 1;
    }
    return lines;
}

qint64 utf8BomLength(QByteArrayView head)
{
    return head.size() >= 3 && head.first(3) == QByteArrayView("\xEF\xBB\xBF", 3) ? 3 : 0;
}

} // namespace

struct LogFile::Private
{
    LogFile *q;

    // The source: a file (read through `reader` and the page cache) or bytes in memory.
    QString path;
    QString name;
    QByteArray data;
    bool inMemory = false;
    bool open = false;
    LogFormat format = LogFormat::Plain;
    bool formatProvisional = false; // detected from a few lines; redetected when the file grows
    qint64 bomLength = 0;
    QByteArray fingerprint; // first bytes when opened
    std::atomic<qint64> knownSize{0};

    // The index. Appended by the indexer thread, read from any thread under `indexMutex`.
    mutable QMutex indexMutex;
    std::vector<std::unique_ptr<Chunk>> chunks;
    QHash<qint64, qint64> overflowStarts;
    qint64 lines = 0;
    qint64 lastLineEnd = 0; // end (exclusive, before '\n') of the last line
    qint64 completeEnd = 0; // bytes up to and including the last '\n' indexed
    bool hasTail = false;   // the last line has no '\n' yet (the file may still grow)
    LevelCounts counts{};
    LogLevel entryLevel = LogLevel::Unknown; // carried from line to line for continuations
    std::atomic<qint64> indexedBytes{0};

    // Time span, found lazily from the first / last lines.
    mutable QMutex timeMutex;
    mutable QString firstTime;
    mutable QString lastTime;
    mutable qint64 lastTimeAtCount = -1;

    // The background indexer.
    QThread *thread = nullptr;
    std::atomic_bool cancel{false};
    std::atomic_bool indexing{false};
    QMutex stateMutex; // orders `indexing` and `rescan` between refresh() and the thread
    bool rescan = false;

    // Line reads: a few pages of the file, least recently used evicted.
    mutable QMutex cacheMutex;
    mutable QFile reader;
    struct Page
    {
        qint64 index = -1;
        QByteArray bytes;
        quint64 used = 0;
    };
    mutable std::vector<Page> pages;
    mutable quint64 useClock = 0;

    QFileSystemWatcher *watcher = nullptr;

    explicit Private(LogFile *owner) : q(owner) {}

    QString label() const { return path.isEmpty() ? name : path; }

    void resetIndex()
    {
        QMutexLocker lock(&indexMutex);
        chunks.clear();
        overflowStarts.clear();
        lines = 0;
        lastLineEnd = completeEnd = bomLength;
        hasTail = false;
        counts = {};
        entryLevel = LogLevel::Unknown;
        indexedBytes = 0;
        QMutexLocker tl(&timeMutex);
        firstTime.clear();
        lastTime.clear();
        lastTimeAtCount = -1;
    }

    void clearCache()
    {
        QMutexLocker lock(&cacheMutex);
        pages.clear();
    }

    // Index access; callers hold indexMutex.
    qint64 startOf(qint64 i) const
    {
        const Chunk &c = *chunks[size_t(i / kChunkLines)];
        const quint32 rel = c.rel[i % kChunkLines];
        return rel == kOverflow ? overflowStarts.value(i) : c.base + rel;
    }
    quint8 levelByte(qint64 i) const
    {
        return chunks[size_t(i / kChunkLines)]->level[i % kChunkLines];
    }
    qint64 endOf(qint64 i) const { return i + 1 < lines ? startOf(i + 1) - 1 : lastLineEnd; }

    void appendLine(qint64 start, quint8 level)
    {
        const qint64 i = lines;
        if (i % kChunkLines == 0) {
            auto c = std::make_unique<Chunk>();
            c->base = start;
            chunks.push_back(std::move(c));
        }
        Chunk &c = *chunks.back();
        const qint64 rel = start - c.base;
        if (rel >= qint64(kOverflow)) {
            c.rel[i % kChunkLines] = kOverflow;
            overflowStarts.insert(i, start);
        } else {
            c.rel[i % kChunkLines] = quint32(rel);
        }
        c.level[i % kChunkLines] = level;
        ++counts[level & 0x0F];
        ++lines;
    }

    void dropTail()
    {
        // The last line had no '\n': it is read again, whole, once the file has grown.
        if (!hasTail)
            return;
        --lines;
        --counts[levelByte(lines) & 0x0F];
        if (lines % kChunkLines == 0)
            chunks.pop_back();
        overflowStarts.remove(lines);
        hasTail = false;
        lastLineEnd = lines > 0 ? completeEnd - 1 : completeEnd;
        QMutexLocker tl(&timeMutex);
        lastTimeAtCount = -1;
    }

    // Bytes [offset, offset+len) of the source; shorter at end of file.
    QByteArray readRange(qint64 offset, qint64 len) const
    {
        if (len <= 0)
            return {};
        if (inMemory) {
            if (offset >= data.size())
                return {};
            return data.mid(offset, qMin<qint64>(len, data.size() - offset));
        }
        QMutexLocker lock(&cacheMutex);
        if (!reader.isOpen())
            return {};
        if (len > kDirectReadBytes) {
            if (!reader.seek(offset))
                return {};
            return reader.read(len);
        }
        QByteArray out;
        out.reserve(len);
        qint64 pos = offset;
        while (pos < offset + len) {
            const Page *page = pageAt(pos / kPageBytes, pos % kPageBytes);
            if (!page)
                break;
            const qint64 inPage = pos - page->index * kPageBytes;
            const qint64 take = qMin<qint64>(offset + len - pos, page->bytes.size() - inPage);
            if (take <= 0)
                break;
            out.append(page->bytes.constData() + inPage, take);
            pos += take;
            if (page->bytes.size() < kPageBytes)
                break; // end of file
        }
        return out;
    }

    // The page `index`; a cached short page (the end of the file when read) is read again when
    // asked for bytes past its end, since the file may have grown since.
    const Page *pageAt(qint64 index, qint64 inPage) const
    {
        Page *stale = nullptr;
        for (Page &p : pages) {
            if (p.index == index) {
                if (inPage < p.bytes.size()) {
                    p.used = ++useClock;
                    return &p;
                }
                stale = &p;
                break;
            }
        }
        if (!reader.seek(index * kPageBytes))
            return nullptr;
        QByteArray bytes = reader.read(kPageBytes);
        if (bytes.isEmpty())
            return nullptr;
        Page *slot = stale;
        if (!slot && int(pages.size()) < kMaxPages) {
            pages.emplace_back();
            slot = &pages.back();
        } else if (!slot) {
            slot = &*std::min_element(pages.begin(), pages.end(),
                                      [](const Page &a, const Page &b) { return a.used < b.used; });
        }
        slot->index = index;
        slot->bytes = std::move(bytes);
        slot->used = ++useClock;
        return slot;
    }

    QByteArray rawLine(qint64 i, qint64 *fullLength) const
    {
        qint64 start, end;
        {
            QMutexLocker lock(&indexMutex);
            if (i < 0 || i >= lines)
                return {};
            start = startOf(i);
            end = endOf(i);
        }
        const qint64 len = end - start;
        if (fullLength)
            *fullLength = len;
        QByteArray bytes = readRange(start, qMin(len, kMaxLineBytes));
        if (len <= kMaxLineBytes && bytes.endsWith('\r'))
            bytes.chop(1);
        return bytes;
    }

    // ---- indexing --------------------------------------------------------------------------

    // Indexes from where the index ends to the end of the source. Runs in the indexer thread
    // or, for openAndIndex, in the caller's; returns false when cancelled or on a read error.
    bool index(const ProgressCallback &progress, QString *error)
    {
        QFile file;
        qint64 pos;
        {
            QMutexLocker lock(&indexMutex);
            dropTail();
            pos = completeEnd;
        }
        if (!inMemory) {
            file.setFileName(path);
            if (!file.open(QIODevice::ReadOnly)) {
                if (error)
                    *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
                return false;
            }
            if (!file.seek(pos)) {
                if (error)
                    *error = QStringLiteral("cannot seek in %1: %2").arg(path, file.errorString());
                return false;
            }
        }
        qint64 total = inMemory ? data.size() : qMax<qint64>(file.size(), pos);
        knownSize = total;

        QByteArray buffer(kReadBlock, Qt::Uninitialized);
        QByteArray head; // the start of a line split across reads
        qint64 lineStart = pos;
        std::vector<PendingLine> batch;
        batch.reserve(16384);
        LogLevel carried;
        {
            QMutexLocker lock(&indexMutex);
            carried = entryLevel;
        }
        QElapsedTimer sinceEmit;
        sinceEmit.start();
        int lastPercent = -1;

        auto levelOf = [&](QByteArrayView line) -> quint8 {
            const LogLevel own =
                parseLevel(format, line.first(qMin<qsizetype>(line.size(), kLevelScanBytes)));
            if (own != LogLevel::Unknown)
                carried = own;
            return quint8(quint8(own) | (quint8(carried) << 4));
        };
        auto publish = [&](qint64 doneBytes, bool final) -> bool {
            {
                QMutexLocker lock(&indexMutex);
                for (const PendingLine &l : batch)
                    appendLine(l.start, l.level);
                if (!hasTail) {
                    completeEnd = lineStart;
                    lastLineEnd = lines > 0 ? completeEnd - 1 : completeEnd;
                }
                entryLevel = carried;
            }
            const bool added = !batch.empty();
            batch.clear();
            indexedBytes = doneBytes;
            if (doneBytes > total)
                total = doneBytes;
            knownSize = qMax<qint64>(knownSize, total);
            const int percent = total > 0 ? int(doneBytes * 100 / total) : 100;
            if (final || percent != lastPercent || sinceEmit.elapsed() >= 50) {
                lastPercent = percent;
                sinceEmit.restart();
                if (added || final)
                    Q_EMIT q->linesAdded(q->lineCount());
                Q_EMIT q->indexingProgress(doneBytes, total);
            }
            return reportProgress(progress, doneBytes, total);
        };

        // A small first read, so that the first screen of lines is published at once.
        qint64 block = kFirstReadBlock;
        for (;;) {
            if (cancel.load())
                return false;
            qint64 n;
            if (inMemory) {
                n = qMin<qint64>(block, data.size() - pos);
                if (n > 0)
                    std::memcpy(buffer.data(), data.constData() + pos, size_t(n));
            } else {
                n = file.read(buffer.data(), block);
                if (n < 0) {
                    if (error)
                        *error =
                            QStringLiteral("read error in %1: %2").arg(path, file.errorString());
                    return false;
                }
            }
            if (n <= 0)
                break;
            const char *p = buffer.constData();
            const char *end = p + n;
            while (p < end) {
                const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
                if (!nl) {
                    if (head.size() < kLevelScanBytes)
                        head.append(p, qMin<qsizetype>(end - p, kLevelScanBytes - head.size()));
                    break;
                }
                quint8 level;
                if (head.isEmpty()) {
                    level = levelOf(QByteArrayView(p, nl - p));
                } else {
                    if (head.size() < kLevelScanBytes)
                        head.append(p, qMin<qsizetype>(nl - p, kLevelScanBytes - head.size()));
                    level = levelOf(head);
                    head.clear();
                }
                batch.push_back({lineStart, level});
                lineStart = pos + (nl + 1 - buffer.constData());
                p = nl + 1;
            }
            pos += n;
            block = kReadBlock;
            if (!publish(pos, false)) {
                if (error)
                    *error = QStringLiteral("indexing %1 was cancelled").arg(label());
                return false;
            }
        }
        // A last line without '\n' counts; it is re-read if the file grows.
        if (lineStart < pos) {
            batch.push_back({lineStart, levelOf(head)});
            QMutexLocker lock(&indexMutex);
            for (const PendingLine &l : batch)
                appendLine(l.start, l.level);
            batch.clear();
            completeEnd = lineStart;
            lastLineEnd = pos;
            hasTail = true;
            entryLevel = carried;
        }
        publish(pos, true);
        QMutexLocker tl(&timeMutex);
        lastTimeAtCount = -1;
        return true;
    }

    void stopIndexer()
    {
        if (!thread)
            return;
        cancel = true;
        thread->wait();
        delete thread;
        thread = nullptr;
        cancel = false;
        indexing = false;
    }

    void startIndexer()
    {
        stopIndexer();
        indexing = true;
        thread = QThread::create([this] {
            QString error;
            bool done;
            for (;;) {
                done = index({}, &error);
                // refresh() asks for another pass when the file changed while this one ran.
                QMutexLocker lock(&stateMutex);
                if (!done || !rescan) {
                    rescan = false;
                    indexing = false;
                    break;
                }
                rescan = false;
            }
            if (done)
                Q_EMIT q->indexingFinished();
            else if (!error.isEmpty() && !cancel.load())
                Q_EMIT q->failed(error);
        });
        thread->setObjectName(QStringLiteral("log indexer"));
        thread->start(QThread::LowPriority);
    }

    // Reads the head of a file, rejects what is no text log and detects the format.
    Status inspect(QByteArrayView head, bool wholeFile)
    {
        const QString reason = binaryReason(head);
        if (!reason.isEmpty())
            return fail(QStringLiteral("cannot open %1 as a log: %2").arg(label(), reason));
        bomLength = utf8BomLength(head);
        const QList<QByteArray> sample = sampleLines(head.sliced(bomLength), wholeFile);
        format = detectFormat(sample);
        formatProvisional = sample.size() < 20;
        fingerprint = head.first(qMin<qsizetype>(head.size(), kFingerprintBytes)).toByteArray();
        return {};
    }

    Status openFile(const QString &filePath)
    {
        q->close();
        const QFileInfo info(filePath);
        if (filePath.isEmpty())
            return fail(QStringLiteral("no log file given"));
        if (!info.exists())
            return fail(QStringLiteral("cannot open %1: no such file").arg(filePath));
        if (info.isDir())
            return fail(
                QStringLiteral("cannot open %1: it is a folder, not a log file").arg(filePath));
        path = info.absoluteFilePath();
        name = info.fileName();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1: %2").arg(filePath, file.errorString()));
        const QByteArray head = file.read(kSampleBytes);
        if (head.isEmpty() && file.error() != QFileDevice::NoError)
            return fail(QStringLiteral("cannot read %1: %2").arg(filePath, file.errorString()));
        const bool wholeFile = file.atEnd();
        knownSize = info.size();
        if (Status s = inspect(head, wholeFile); !s)
            return s;
        reader.setFileName(path);
        if (!reader.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1: %2").arg(filePath, reader.errorString()));
        inMemory = false;
        open = true;
        resetIndex();
        return {};
    }
};

LogFile::LogFile(QObject *parent) : QObject(parent), d(std::make_unique<Private>(this)) {}

LogFile::~LogFile()
{
    d->stopIndexer();
}

Status LogFile::open(const QString &path)
{
    if (Status s = d->openFile(path); !s)
        return s;
    d->startIndexer();
    return {};
}

Status LogFile::openAndIndex(const QString &path, const ProgressCallback &progress)
{
    if (Status s = d->openFile(path); !s)
        return s;
    QString error;
    if (!d->index(progress, &error))
        return fail(error.isEmpty() ? QStringLiteral("indexing %1 failed").arg(path) : error);
    return {};
}

Status LogFile::openData(QByteArray bytes, const QString &name)
{
    close();
    d->name = name.isEmpty() ? QStringLiteral("(log in memory)") : name;
    d->path.clear();
    d->data = std::move(bytes);
    d->inMemory = true;
    const QByteArrayView head =
        QByteArrayView(d->data).first(qMin<qsizetype>(d->data.size(), kSampleBytes));
    if (Status s = d->inspect(head, d->data.size() <= kSampleBytes); !s) {
        d->data.clear();
        d->inMemory = false;
        return s;
    }
    d->knownSize = d->data.size();
    d->open = true;
    d->resetIndex();
    d->startIndexer();
    return {};
}

void LogFile::close()
{
    d->stopIndexer();
    setFollowing(false);
    {
        QMutexLocker lock(&d->cacheMutex);
        d->reader.close();
        d->pages.clear();
    }
    d->open = false;
    d->inMemory = false;
    d->data.clear();
    d->path.clear();
    d->name.clear();
    d->format = LogFormat::Plain;
    d->bomLength = 0;
    d->knownSize = 0;
    d->fingerprint.clear();
    d->resetIndex();
}

bool LogFile::isOpen() const
{
    return d->open;
}
QString LogFile::path() const
{
    return d->path;
}
QString LogFile::name() const
{
    return d->name;
}
qint64 LogFile::sizeBytes() const
{
    return d->knownSize.load();
}
bool LogFile::isEmpty() const
{
    return d->knownSize.load() == 0;
}
LogFormat LogFile::format() const
{
    return d->format;
}

void LogFile::setFormat(LogFormat format)
{
    if (format == d->format || !d->open)
        return;
    d->stopIndexer();
    d->format = format;
    d->formatProvisional = false;
    d->resetIndex();
    d->startIndexer();
}

bool LogFile::isIndexing() const
{
    return d->indexing.load();
}

bool LogFile::isIndexed() const
{
    if (!d->open || d->indexing.load())
        return false;
    return d->indexedBytes.load() >= d->knownSize.load();
}

qint64 LogFile::indexedBytes() const
{
    return d->indexedBytes.load();
}

bool LogFile::waitForIndexed(int msecs)
{
    if (d->thread)
        d->thread->wait(msecs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever)
                                  : QDeadlineTimer(msecs));
    return isIndexed();
}

void LogFile::cancelIndexing()
{
    d->stopIndexer();
}

qint64 LogFile::lineCount() const
{
    QMutexLocker lock(&d->indexMutex);
    return d->lines;
}

QByteArray LogFile::rawLine(qint64 i) const
{
    return d->rawLine(i, nullptr);
}

QString LogFile::line(qint64 i) const
{
    qint64 full = 0;
    QByteArray bytes = d->rawLine(i, &full);
    if (full <= kMaxLineBytes)
        return QString::fromUtf8(bytes);
    // Cut at a character boundary, not inside a UTF-8 sequence.
    qsizetype n = bytes.size();
    qsizetype back = 0;
    while (n > 0 && back < 4 && (static_cast<unsigned char>(bytes[n - 1]) & 0xC0) == 0x80) {
        --n;
        ++back;
    }
    if (n > 0 && static_cast<unsigned char>(bytes[n - 1]) >= 0xC0)
        --n;
    else
        n = bytes.size();
    bytes.truncate(n);
    return QString::fromUtf8(bytes) + kTruncatedMarker.arg(full);
}

qint64 LogFile::lineLength(qint64 i) const
{
    QMutexLocker lock(&d->indexMutex);
    if (i < 0 || i >= d->lines)
        return 0;
    return d->endOf(i) - d->startOf(i);
}

ParsedLine LogFile::parsedLine(qint64 i) const
{
    return parseLine(d->format, rawLine(i));
}

LogLevel LogFile::level(qint64 i) const
{
    QMutexLocker lock(&d->indexMutex);
    if (i < 0 || i >= d->lines)
        return LogLevel::Unknown;
    return LogLevel(d->levelByte(i) & 0x0F);
}

LogLevel LogFile::entryLevel(qint64 i) const
{
    QMutexLocker lock(&d->indexMutex);
    if (i < 0 || i >= d->lines)
        return LogLevel::Unknown;
    return LogLevel(d->levelByte(i) >> 4);
}

LevelCounts LogFile::levelCounts() const
{
    QMutexLocker lock(&d->indexMutex);
    return d->counts;
}

QString LogFile::firstTime() const
{
    {
        QMutexLocker lock(&d->timeMutex);
        if (!d->firstTime.isEmpty())
            return d->firstTime;
    }
    const qint64 n = qMin<qint64>(lineCount(), 1000);
    for (qint64 i = 0; i < n; ++i) {
        const ParsedLine p = parsedLine(i);
        if (p.matched && !p.time.isEmpty()) {
            QMutexLocker lock(&d->timeMutex);
            d->firstTime = p.time;
            return p.time;
        }
    }
    return {};
}

QString LogFile::lastTime() const
{
    const qint64 count = lineCount();
    {
        QMutexLocker lock(&d->timeMutex);
        if (d->lastTimeAtCount == count)
            return d->lastTime;
    }
    QString found;
    for (qint64 i = count - 1; i >= 0 && i >= count - 1000; --i) {
        const ParsedLine p = parsedLine(i);
        if (p.matched && !p.time.isEmpty()) {
            found = p.time;
            break;
        }
    }
    QMutexLocker lock(&d->timeMutex);
    d->lastTime = found;
    d->lastTimeAtCount = count;
    return found;
}

void LogFile::refresh()
{
    if (!d->open || d->inMemory)
        return;
    const QFileInfo info(d->path);
    if (!info.exists()) {
        Q_EMIT failed(
            QStringLiteral("%1 was deleted or moved; showing what was read").arg(d->path));
        return;
    }
    const qint64 size = info.size();
    QFile file(d->path);
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT failed(QStringLiteral("cannot read %1: %2").arg(d->path, file.errorString()));
        return;
    }
    const QByteArray head = file.read(kSampleBytes);
    const bool rewritten =
        !head.startsWith(d->fingerprint) &&
        !d->fingerprint.startsWith(head.first(qMin<qsizetype>(head.size(), d->fingerprint.size())));
    qint64 covered;
    {
        QMutexLocker lock(&d->indexMutex);
        covered = d->hasTail ? d->lastLineEnd : d->completeEnd;
    }
    if (size < covered || (rewritten && !d->fingerprint.isEmpty())) {
        // Truncated, rotated or rewritten: what the index says no longer holds.
        d->stopIndexer();
        d->clearCache();
        {
            QMutexLocker lock(&d->cacheMutex);
            d->reader.close();
            d->reader.setFileName(d->path);
            d->reader.open(QIODevice::ReadOnly);
        }
        if (Status s = d->inspect(head, file.atEnd()); !s) {
            Q_EMIT failed(s.error());
            return;
        }
        d->knownSize = size;
        d->resetIndex();
        Q_EMIT truncated();
        Q_EMIT linesAdded(0);
        d->startIndexer();
        return;
    }
    if (d->fingerprint.size() < kFingerprintBytes && head.size() > d->fingerprint.size())
        d->fingerprint = head.first(qMin<qsizetype>(head.size(), kFingerprintBytes));
    if (d->formatProvisional && head.size() > 0) {
        // The file started (nearly) empty: decide the format again now that there is more.
        const QList<QByteArray> sample = sampleLines(
            QByteArrayView(head).sliced(qMin<qsizetype>(d->bomLength, head.size())), file.atEnd());
        const LogFormat detected = detectFormat(sample);
        d->formatProvisional = sample.size() < 20;
        if (detected != d->format) {
            d->stopIndexer();
            d->format = detected;
            d->bomLength = utf8BomLength(head);
            d->clearCache();
            d->resetIndex();
            d->knownSize = size;
            d->startIndexer();
            return;
        }
    }
    if (size > covered || (d->knownSize.load() != size)) {
        {
            QMutexLocker lock(&d->stateMutex);
            if (d->indexing.load()) {
                d->rescan = true; // the running pass goes round once more
                return;
            }
        }
        // Pages holding the old end of the file are stale.
        d->clearCache();
        d->knownSize = size;
        if (size > covered)
            d->startIndexer();
    }
}

void LogFile::setFollowing(bool follow)
{
    if (follow == bool(d->watcher))
        return;
    if (!follow) {
        delete d->watcher;
        d->watcher = nullptr;
        return;
    }
    if (!d->open || d->inMemory)
        return;
    d->watcher = new QFileSystemWatcher(this);
    d->watcher->addPath(d->path);
    connect(d->watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &changed) {
        // A rotated file is replaced: watch the new one under the same name.
        if (d->watcher && !d->watcher->files().contains(changed) && QFileInfo::exists(changed))
            d->watcher->addPath(changed);
        refresh();
    });
}

bool LogFile::isFollowing() const
{
    return d->watcher != nullptr;
}

} // namespace lab
