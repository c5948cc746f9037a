#include "ui/vote_history_model.h"

#include "core/store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <limits>

namespace lab {

namespace {

// How the history orders a page: walking the votes table backwards by id and keeping this
// annotator's rows costs about (page / share) rows, cheap while the annotator owns a fair share
// of the votes; below that share the (annotator, pair) index finds the rows and they are sorted.
constexpr qint64 kWalkShare = 16;

QStringList tagsFrom(const QString &json)
{
    QStringList tags;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array)
        tags << v.toString();
    return tags;
}

} // namespace

VoteHistoryModel::VoteHistoryModel(QObject *parent) : QAbstractTableModel(parent)
{
    qRegisterMetaType<lab::VoteHistoryPage>();
    qRegisterMetaType<std::shared_ptr<lab::Store>>();
    auto *worker = new VoteHistoryWorker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &VoteHistoryModel::loadPage, worker, &VoteHistoryWorker::loadPage, Qt::QueuedConnection);
    connect(worker, &VoteHistoryWorker::pageReady, this, &VoteHistoryModel::onPage, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("VoteHistory"));
    m_thread.start();
}

VoteHistoryModel::~VoteHistoryModel()
{
    m_thread.quit();
    m_thread.wait();
}

void VoteHistoryModel::setSource(std::shared_ptr<Store> store, qint64 annotatorId)
{
    beginResetModel();
    m_store = std::move(store);
    m_annotatorId = m_store ? annotatorId : 0;
    m_rows.clear();
    ++m_generation; // pages in flight belong to the old source
    m_fetching = false;
    m_atEnd = !m_store || m_annotatorId <= 0;
    endResetModel();
    if (!m_atEnd) {
        m_fetching = true;
        Q_EMIT loadPage(m_generation, m_store, m_annotatorId, std::numeric_limits<qint64>::max(), kPageSize);
    }
}

qint64 VoteHistoryModel::pairIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].pairId : 0;
}

int VoteHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VoteHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString VoteHistoryModel::verdictText(VoteChoice choice, Candidate shownLeft)
{
    // In the annotator's terms: A is whatever was on the left when they voted.
    switch (choice) {
    case VoteChoice::ABetter:
        return shownLeft == Candidate::A ? tr("👍 A better") : tr("👍 B better");
    case VoteChoice::BBetter:
        return shownLeft == Candidate::A ? tr("👍 B better") : tr("👍 A better");
    case VoteChoice::Tie:
        return tr("Tie");
    case VoteChoice::BothBad:
        return tr("👎 Both bad");
    case VoteChoice::Skip:
        break;
    }
    return tr("Skipped");
}

QString VoteHistoryModel::tagText(const QString &tagId)
{
    if (tagId == QLatin1String("root_cause_right"))
        return tr("Root cause right");
    if (tagId == QLatin1String("blames_symptom"))
        return tr("Blames a symptom");
    if (tagId == QLatin1String("blames_noise"))
        return tr("Blames noise");
    if (tagId == QLatin1String("hallucination"))
        return tr("Hallucination");
    if (tagId == QLatin1String("unsafe_action"))
        return tr("Unsafe action");
    if (tagId == QLatin1String("too_verbose"))
        return tr("Too verbose");
    if (tagId == QLatin1String("generic"))
        return tr("Generic");
    return tagId;
}

QVariant VoteHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const VoteHistoryRow &r = m_rows[index.row()];
    if (role == kPairIdRole)
        return r.pairId;
    if (role == kVoteIdRole)
        return r.voteId;
    if (role == Qt::ToolTipRole)
        return tr("Pair %1 — activate to see it again and change the vote").arg(r.pairId);
    if (role == Qt::TextAlignmentRole && index.column() == PairColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn: {
        const QDateTime local = r.time.toLocalTime();
        return local.date() == QDate::currentDate() ? QLocale().toString(local.time(), QLocale::ShortFormat)
                                                    : QLocale().toString(local, QLocale::ShortFormat);
    }
    case KindColumn:
        return r.kind;
    case VerdictColumn:
        return verdictText(r.choice, r.shownLeft);
    case TagsColumn: {
        QStringList words;
        for (const QString &tag : r.tags)
            words << tagText(tag);
        return words.join(QStringLiteral(", "));
    }
    case PairColumn:
        return r.pairId;
    default:
        return {};
    }
}

QVariant VoteHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Kind");
    case VerdictColumn:
        return tr("Verdict");
    case TagsColumn:
        return tr("Tags");
    case PairColumn:
        return tr("Pair");
    default:
        return {};
    }
}

bool VoteHistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_fetching;
}

void VoteHistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    const qint64 before = m_rows.isEmpty() ? std::numeric_limits<qint64>::max() : m_rows.last().voteId;
    Q_EMIT loadPage(m_generation, m_store, m_annotatorId, before, kPageSize);
}

void VoteHistoryModel::onPage(const VoteHistoryPage &page)
{
    if (page.generation != m_generation)
        return;
    m_fetching = false;
    if (!page.error.isEmpty()) {
        m_atEnd = true; // a view would otherwise ask again and again
        Q_EMIT loadFailed(page.error);
        return;
    }
    m_atEnd = page.atEnd;
    // A vote applied while the first page was in flight may be in the page too.
    QVector<VoteHistoryRow> fresh;
    fresh.reserve(page.rows.size());
    const qint64 oldest = m_rows.isEmpty() ? std::numeric_limits<qint64>::max() : m_rows.last().voteId;
    for (const VoteHistoryRow &r : page.rows) {
        if (r.voteId < oldest)
            fresh.append(r);
    }
    if (!fresh.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
        m_rows += fresh;
        endInsertRows();
    }
    Q_EMIT pageLoaded(int(fresh.size()));
}

int VoteHistoryModel::rowOfVote(qint64 voteId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].voteId == voteId)
            return i;
    }
    return -1;
}

void VoteHistoryModel::applyVote(const VoteRecord &vote, const QString &kind)
{
    if (vote.annotatorId != m_annotatorId || vote.id <= 0)
        return;
    VoteHistoryRow r;
    r.voteId = vote.id;
    r.pairId = vote.pairId;
    r.time = vote.createdAt.isValid() ? vote.createdAt : QDateTime::currentDateTimeUtc();
    r.kind = kind;
    r.shownLeft = vote.shownLeft;
    r.choice = vote.choice;
    r.tags = vote.tags;
    const int row = rowOfVote(vote.id);
    if (row >= 0) {
        m_rows[row] = r;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // Only a vote newer than everything shown goes on top; an older one comes with its page.
    if (!m_rows.isEmpty() && vote.id < m_rows.first().voteId)
        return;
    if (m_rows.isEmpty() && m_fetching)
        return; // the first page is on its way and will hold it
    beginInsertRows({}, 0, 0);
    m_rows.prepend(r);
    endInsertRows();
}

void VoteHistoryModel::removeVote(qint64 voteId)
{
    const int row = rowOfVote(voteId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void VoteHistoryWorker::loadPage(quint64 generation, std::shared_ptr<lab::Store> store, qint64 annotatorId,
                                 qint64 beforeId, int limit)
{
    VoteHistoryPage page;
    page.generation = generation;
    auto db = store->connection();
    if (!db.ok()) {
        page.error = db.error();
        Q_EMIT pageReady(page);
        return;
    }
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    // Share of the votes that are this annotator's: decides how to find the page (see kWalkShare).
    qint64 mine = 0;
    qint64 all = 0;
    if (q.prepare(QStringLiteral("SELECT (SELECT vote_count FROM annotators WHERE id = ?),"
                                 " (SELECT MAX(id) FROM comparisons)"))) {
        q.addBindValue(annotatorId);
        if (q.exec() && q.next()) {
            mine = q.value(0).toLongLong();
            all = q.value(1).toLongLong();
        }
    }
    q.finish();
    const bool walk = mine * kWalkShare >= all;
    const QString sql = QStringLiteral("SELECT c.id, c.pair_id, c.created_at, c.shown_left, c.choice, c.tags, p.kind"
                                       " FROM comparisons c %1 JOIN pairs p ON p.id = c.pair_id"
                                       " WHERE c.id < ? AND %2 = ? ORDER BY c.id DESC LIMIT ?")
                            .arg(walk ? QStringLiteral("NOT INDEXED") : QString(),
                                 walk ? QStringLiteral("+c.annotator_id") : QStringLiteral("c.annotator_id"));
    if (!q.prepare(sql)) {
        page.error = tr("database %1: cannot read the vote history: %2").arg(store->path(), q.lastError().text());
        Q_EMIT pageReady(page);
        return;
    }
    q.addBindValue(beforeId);
    q.addBindValue(annotatorId);
    q.addBindValue(limit);
    if (!q.exec()) {
        page.error = tr("database %1: cannot read the vote history: %2").arg(store->path(), q.lastError().text());
        Q_EMIT pageReady(page);
        return;
    }
    while (q.next()) {
        VoteHistoryRow r;
        r.voteId = q.value(0).toLongLong();
        r.pairId = q.value(1).toLongLong();
        QDateTime t = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
        r.time = t.isValid() ? t.toUTC() : QDateTime();
        r.shownLeft = candidateFromString(q.value(3).toString()).value_or(Candidate::A);
        r.choice = voteChoiceFromString(q.value(4).toString()).value_or(VoteChoice::Skip);
        r.tags = tagsFrom(q.value(5).toString());
        r.kind = q.value(6).toString();
        page.rows.append(r);
    }
    page.atEnd = page.rows.size() < limit;
    Q_EMIT pageReady(page);
}

} // namespace lab
