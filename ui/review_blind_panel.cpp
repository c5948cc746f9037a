#include "ui/review_blind_panel.h"

#include "core/store/store.h"
#include "ui/explanation_view.h"
#include "ui/review_models.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QSet>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <random>

namespace lab {

BlindReviewPanel::BlindReviewPanel(QWidget *parent) : QWidget(parent)
{
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("blindHeader"));
    m_logButton = new QToolButton(this);
    m_logButton->setText(tr("Show log"));
    m_logButton->setToolTip(tr("Open this incident's log in the log view"));
    connect(m_logButton, &QToolButton::clicked, this, [this] {
        if (currentIncident() > 0)
            Q_EMIT openIncidentRequested(currentIncident());
    });

    m_left = new ExplanationView(this);
    m_right = new ExplanationView(this);
    m_left->setObjectName(QStringLiteral("blindLeft"));
    m_right->setObjectName(QStringLiteral("blindRight"));

    m_revealLabel = new QLabel(this);
    m_revealLabel->setObjectName(QStringLiteral("blindReveal"));
    m_revealLabel->setTextFormat(Qt::RichText);
    m_winLabel = new QLabel(this);
    m_winLabel->setObjectName(QStringLiteral("blindWinRate"));
    m_winLabel->setWordWrap(true);

    const QString titles[4] = {tr("Left better"), tr("Right better"), tr("Tie"), tr("Both bad")};
    auto *buttons = new QHBoxLayout;
    for (int k = 0; k < 4; ++k) {
        auto *action = new QAction(tr("%1  (%2)").arg(titles[k]).arg(k + 1), this);
        action->setShortcut(QKeySequence(Qt::Key_1 + k));
        // Only while the panel has focus: the label page uses the same keys.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        connect(action, &QAction::triggered, this, [this, k] { vote(k + 1); });
        m_voteButtons[k] = new QToolButton(this);
        m_voteButtons[k]->setDefaultAction(action);
        m_voteButtons[k]->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(m_voteButtons[k]);
    }
    auto *nextAction = new QAction(tr("Next  (Space)"), this);
    nextAction->setShortcut(QKeySequence(Qt::Key_Space));
    nextAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(nextAction);
    connect(nextAction, &QAction::triggered, this, &BlindReviewPanel::next);
    m_next = new QToolButton(this);
    m_next->setDefaultAction(nextAction);
    m_next->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buttons->addStretch(1);
    buttons->addWidget(m_next);

    auto *top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    top->addWidget(m_logButton);
    auto *sides = new QHBoxLayout;
    sides->addWidget(m_left, 1);
    sides->addWidget(m_right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(sides, 1);
    layout->addWidget(m_revealLabel);
    layout->addLayout(buttons);
    layout->addWidget(m_winLabel);
    setFocusPolicy(Qt::StrongFocus);
    clear();
}

void BlindReviewPanel::setStore(std::shared_ptr<Store> store)
{
    m_store = std::move(store);
}

QToolButton *BlindReviewPanel::voteButton(int key) const
{
    return key >= 1 && key <= 4 ? m_voteButtons[key - 1] : nullptr;
}

bool BlindReviewPanel::leftIsA() const
{
    return m_current >= 0 && m_current < m_items.size() && m_items.at(m_current).leftIsA;
}

qint64 BlindReviewPanel::currentIncident() const
{
    if (m_current < 0 || m_current >= m_items.size())
        return 0;
    return m_comparison.pairs.at(m_items.at(m_current).pair).incidentId;
}

void BlindReviewPanel::clear()
{
    m_comparison = {};
    m_items.clear();
    m_current = -1;
    m_revealed = false;
    m_winRate = {};
    m_votes = 0;
    m_header->setText(tr("Run an evaluation of two models first: blind review compares their explanations."));
    m_left->clear();
    m_right->clear();
    m_left->setTitle({});
    m_right->setTitle({});
    m_revealLabel->clear();
    m_winLabel->clear();
    for (QToolButton *b : m_voteButtons)
        b->setEnabled(false);
    m_next->setEnabled(false);
    m_logButton->setEnabled(false);
}

void BlindReviewPanel::setComparison(const ModelComparison &comparison, quint64 seed)
{
    clear();
    m_comparison = comparison;
    QSet<qint64> voted;
    if (m_store) {
        for (const QString &order : {QStringLiteral("ab"), QStringLiteral("ba")}) {
            const bool ab = order == QLatin1String("ab");
            auto votes = m_store->reviewVotes(ab ? comparison.baseName : comparison.adapterName,
                                              ab ? comparison.adapterName : comparison.baseName);
            if (votes)
                for (const ReviewVoteRecord &v : *votes)
                    voted.insert(v.incidentId);
        }
    }
    std::mt19937_64 rng(seed);
    QVector<Item> fresh, seen;
    for (int i = 0; i < m_comparison.pairs.size(); ++i) {
        if (m_comparison.pairs.at(i).sampleIndex != 0)
            continue;
        (voted.contains(m_comparison.pairs.at(i).incidentId) ? seen : fresh).append({i, true});
    }
    std::shuffle(fresh.begin(), fresh.end(), rng);
    std::shuffle(seen.begin(), seen.end(), rng);
    m_items = fresh + seen;
    for (Item &item : m_items)
        item.leftIsA = (rng() & 1) == 0;
    m_current = m_items.isEmpty() ? -1 : 0;
    refreshWinRate();
    showItem();
}

void BlindReviewPanel::showItem()
{
    m_revealed = false;
    m_revealLabel->setText(tr("<i>Which explanation would you act on? The models stay hidden until you vote.</i>"));
    if (m_current < 0 || m_current >= m_items.size()) {
        m_header->setText(m_items.isEmpty() ? tr("Nothing to review.")
                                            : tr("All %1 incidents reviewed. Run another evaluation for more.").arg(m_items.size()));
        m_left->clear();
        m_right->clear();
        for (QToolButton *b : m_voteButtons)
            b->setEnabled(false);
        m_next->setEnabled(false);
        m_logButton->setEnabled(false);
        return;
    }
    const Item &item = m_items.at(m_current);
    const PairedExplanation &p = m_comparison.pairs.at(item.pair);
    m_header->setText(tr("Incident %1 (%2) · %3 of %4").arg(p.incidentId).arg(p.kind).arg(m_current + 1).arg(m_items.size()));
    const EvaluatedSample &left = item.leftIsA ? p.base : p.adapter;
    const EvaluatedSample &right = item.leftIsA ? p.adapter : p.base;
    m_left->setTitle(tr("Left"));
    m_right->setTitle(tr("Right"));
    m_left->setExplanation(left.text, incidentEvidence(m_store.get(), p.incidentId, left.text));
    m_right->setExplanation(right.text, incidentEvidence(m_store.get(), p.incidentId, right.text));
    for (QToolButton *b : m_voteButtons)
        b->setEnabled(true);
    m_next->setEnabled(true);
    m_next->defaultAction()->setText(tr("Skip  (Space)"));
    m_logButton->setEnabled(true);
}

bool BlindReviewPanel::vote(int key)
{
    if (m_revealed || m_current < 0 || m_current >= m_items.size() || key < 1 || key > 4)
        return false;
    const Item &item = m_items.at(m_current);
    const PairedExplanation &p = m_comparison.pairs.at(item.pair);
    VoteChoice choice = VoteChoice::Tie;
    if (key == 1)
        choice = item.leftIsA ? VoteChoice::ABetter : VoteChoice::BBetter;
    else if (key == 2)
        choice = item.leftIsA ? VoteChoice::BBetter : VoteChoice::ABetter;
    else if (key == 4)
        choice = VoteChoice::BothBad;
    if (m_store) {
        ReviewVoteRecord record;
        record.incidentId = p.incidentId;
        record.modelA = m_comparison.baseName;
        record.modelB = m_comparison.adapterName;
        record.textA = p.base.text;
        record.textB = p.adapter.text;
        record.shownLeft = item.leftIsA ? Candidate::A : Candidate::B;
        record.choice = choice;
        record.reviewer = m_reviewer;
        // Written before the names show: a vote the database refused is not counted.
        if (auto id = m_store->addReviewVote(record); !id) {
            Q_EMIT message(id.error());
            return false;
        }
    }
    m_revealed = true;
    const QString a = m_comparison.baseName, b = m_comparison.adapterName;
    m_left->setTitle(tr("Left: %1").arg(item.leftIsA ? a : b));
    m_right->setTitle(tr("Right: %1").arg(item.leftIsA ? b : a));
    const QString verdict = choice == VoteChoice::ABetter   ? tr("you preferred <b>%1</b>").arg(a.toHtmlEscaped())
                          : choice == VoteChoice::BBetter   ? tr("you preferred <b>%1</b>").arg(b.toHtmlEscaped())
                          : choice == VoteChoice::BothBad ? tr("both bad") : tr("a tie");
    const QString engineer = p.outcome == PairOutcome::Win    ? tr("the simulated engineer prefers <b>%1</b>").arg(b.toHtmlEscaped())
                           : p.outcome == PairOutcome::Loss ? tr("the simulated engineer prefers <b>%1</b>").arg(a.toHtmlEscaped())
                                                            : tr("the simulated engineer calls it a tie");
    m_revealLabel->setText(tr("Left was <b>%1</b>, right was <b>%2</b>: %3; %4.")
                               .arg((item.leftIsA ? a : b).toHtmlEscaped(), (item.leftIsA ? b : a).toHtmlEscaped(), verdict,
                                    engineer));
    for (QToolButton *button : m_voteButtons)
        button->setEnabled(false);
    m_next->defaultAction()->setText(tr("Next  (Space)"));
    refreshWinRate();
    Q_EMIT voted(p.incidentId);
    return true;
}

void BlindReviewPanel::next()
{
    if (m_current < 0 || m_current >= m_items.size())
        return;
    ++m_current;
    showItem();
}

void BlindReviewPanel::refreshWinRate()
{
    m_winRate = {};
    m_votes = 0;
    if (!m_store || m_comparison.baseName.isEmpty()) {
        m_winLabel->clear();
        return;
    }
    const QString a = m_comparison.baseName, b = m_comparison.adapterName;
    QMap<qint64, QPair<double, int>> perIncident; // outcome sum for B, votes
    for (const bool ab : {true, false}) {
        auto votes = m_store->reviewVotes(ab ? a : b, ab ? b : a);
        if (!votes) {
            m_winLabel->setText(votes.error());
            return;
        }
        for (const ReviewVoteRecord &v : *votes) {
            // The outcome for the stored model B, turned to this view's B when stored the other way.
            double forStoredB = v.choice == VoteChoice::BBetter ? 1.0 : v.choice == VoteChoice::ABetter ? 0.0 : 0.5;
            const double forB = ab ? forStoredB : 1.0 - forStoredB;
            auto &slot = perIncident[v.incidentId];
            slot.first += forB;
            slot.second += 1;
            ++m_votes;
        }
    }
    if (perIncident.isEmpty()) {
        m_winLabel->setText(tr("No blind votes yet between %1 and %2.").arg(a, b));
        return;
    }
    QVector<double> outcomes;
    for (const auto &slot : std::as_const(perIncident))
        outcomes << slot.first / slot.second;
    auto rate = bootstrapWinRate(outcomes);
    if (!rate) {
        m_winLabel->setText(rate.error());
        return;
    }
    m_winRate = *rate;
    m_winLabel->setText(tr("Blind win rate of %1 over %2: %3% (95% interval %4% – %5%) from %6 votes on %7 incidents.")
                            .arg(b, a)
                            .arg(m_winRate.rate * 100.0, 0, 'f', 1)
                            .arg(m_winRate.low * 100.0, 0, 'f', 1)
                            .arg(m_winRate.high * 100.0, 0, 'f', 1)
                            .arg(m_votes)
                            .arg(perIncident.size()));
}

} // namespace lab
