#pragma once
// One annotator's votes, newest first, for the History dock: time, incident kind, verdict (as the
// annotator saw it: A is the side that was on the left) and tags. Rows arrive in pages from a
// worker thread as the view scrolls (fetchMore), so a million votes cost one page at a time; the
// label session's own votes, replacements and undos are applied in place without a query.
#include "core/store/records.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QThread>
#include <QVector>
#include <memory>

namespace lab {

class Store;

struct VoteHistoryRow
{
    qint64 voteId = 0;
    qint64 pairId = 0;
    QDateTime time;
    QString kind;
    Candidate shownLeft = Candidate::A;
    VoteChoice choice = VoteChoice::Skip;
    QStringList tags;
};

struct VoteHistoryPage
{
    quint64 generation = 0;
    QVector<VoteHistoryRow> rows; // newest first
    bool atEnd = false;
    QString error;
};

class VoteHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, VerdictColumn, TagsColumn, PairColumn, ColumnCount };
    static constexpr int kPairIdRole = Qt::UserRole + 1;
    static constexpr int kVoteIdRole = Qt::UserRole + 2;
    static constexpr int kPageSize = 200;

    explicit VoteHistoryModel(QObject *parent = nullptr);
    ~VoteHistoryModel() override; // stops the page thread and waits for it

    // Shows this annotator's votes (the first page loads in the background). A null store clears.
    void setSource(std::shared_ptr<Store> store, qint64 annotatorId);
    qint64 annotatorId() const { return m_annotatorId; }
    qint64 pairIdAt(int row) const;
    bool isLoading() const { return m_fetching; }
    bool atEnd() const { return m_atEnd; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // A vote of this annotator was written (new: on top; replaced: updated in place) or removed.
    void applyVote(const VoteRecord &vote, const QString &kind);
    void removeVote(qint64 voteId);

    // Screen words for a verdict and a tag id ("👍 A better", "Blames a symptom").
    static QString verdictText(VoteChoice choice, Candidate shownLeft);
    static QString tagText(const QString &tagId);

Q_SIGNALS:
    void pageLoaded(int rows);
    void loadFailed(const QString &message);

    // To the worker; the store travels with each request so the worker never shares a member.
    void loadPage(quint64 generation, std::shared_ptr<lab::Store> store, qint64 annotatorId, qint64 beforeId,
                  int limit);

private:
    void onPage(const VoteHistoryPage &page);
    int rowOfVote(qint64 voteId) const;

    QThread m_thread;
    std::shared_ptr<Store> m_store;
    qint64 m_annotatorId = 0;
    quint64 m_generation = 0;
    QVector<VoteHistoryRow> m_rows;
    bool m_fetching = false;
    bool m_atEnd = true;
};

// Reads pages of the history on its own thread (and its own database connection).
class VoteHistoryWorker : public QObject
{
    Q_OBJECT
public:
    void loadPage(quint64 generation, std::shared_ptr<lab::Store> store, qint64 annotatorId, qint64 beforeId,
                  int limit);

Q_SIGNALS:
    void pageReady(const lab::VoteHistoryPage &page);
};

} // namespace lab

Q_DECLARE_METATYPE(lab::VoteHistoryPage)
