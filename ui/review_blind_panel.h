#pragma once
// Blind A/B review of two models' explanations of the same held-out incidents: the two texts
// side by side with their sides shuffled and the models' names hidden until the reviewer votes
// (keys as on the label page: 1 left better, 2 right better, 3 tie, 4 both bad; Space goes on
// to the next incident, or skips one not voted on). The vote is written to the project
// (review_votes) at once, the names show, and the running win rate of B over A with its 95%
// bootstrap interval is recomputed from every stored vote between the two models.
//
// Win rate: per incident the mean of its votes' outcomes for B (B better 1, A better 0, tie and
// both bad 0.5: neither side was preferred), then bootstrapWinRate() over incidents, as the
// evaluation's own win rate counts incidents, not votes.
#include "core/eval/eval_compare.h"
#include "core/store/records.h"

#include <QWidget>
#include <memory>

class QLabel;
class QToolButton;

namespace lab {

class ExplanationView;
class Store;

class BlindReviewPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BlindReviewPanel(QWidget *parent = nullptr);

    void setStore(std::shared_ptr<Store> store);
    // The items to review: the first explanation of each incident of the comparison, in an
    // order and with sides drawn from `seed`; incidents the project already holds a vote on for
    // these two models come last.
    void setComparison(const ModelComparison &comparison, quint64 seed = 1);
    void clear();
    void setReviewer(const QString &name) { m_reviewer = name; }

    int itemCount() const { return int(m_items.size()); }
    int currentItem() const { return m_current; }
    bool isRevealed() const { return m_revealed; }
    bool leftIsA() const; // which model the left side shows (for tests; the screen hides it)
    qint64 currentIncident() const;
    const WinRate &winRate() const { return m_winRate; }
    int storedVotes() const { return m_votes; }

    ExplanationView *leftView() const { return m_left; }
    ExplanationView *rightView() const { return m_right; }
    QLabel *winRateLabel() const { return m_winLabel; }
    QLabel *revealLabel() const { return m_revealLabel; }
    QToolButton *voteButton(int key) const; // key 1..4
    QToolButton *nextButton() const { return m_next; }

public Q_SLOTS:
    // 1 left better, 2 right better, 3 tie, 4 both bad. Ignored once the item is revealed.
    bool vote(int key);
    void next();

Q_SIGNALS:
    void openIncidentRequested(qint64 incidentId);
    void voted(qint64 incidentId);
    void message(const QString &text);

private:
    struct Item
    {
        int pair = 0; // index into m_comparison.pairs
        bool leftIsA = true;
    };
    void showItem();
    void refreshWinRate();

    std::shared_ptr<Store> m_store;
    ModelComparison m_comparison;
    QVector<Item> m_items;
    int m_current = -1;
    bool m_revealed = false;
    QString m_reviewer;
    WinRate m_winRate;
    int m_votes = 0;

    QLabel *m_header = nullptr;
    QToolButton *m_logButton = nullptr;
    ExplanationView *m_left = nullptr;
    ExplanationView *m_right = nullptr;
    QLabel *m_revealLabel = nullptr;
    QLabel *m_winLabel = nullptr;
    QToolButton *m_voteButtons[4] = {};
    QToolButton *m_next = nullptr;
};

} // namespace lab
