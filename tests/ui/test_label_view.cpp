// The comparison view driven by keys on a synthetic project: 1/2/3/4/Space store votes in
// candidate terms with the side shown left; tags and rationale are stored; digits typed into the
// rationale do not vote, nor does Enter there; Ctrl+Z removes a first vote and brings its pair
// back, and restores the earlier vote of an edited one; a vote reopened from the history is
// replaced; the guideline version goes with every vote; an empty queue says so and votes nothing.
//
// LAB_LABEL_SCREENSHOT=FILE also saves a picture of the page (run under xvfb-run with
// QT_QPA_PLATFORM=xcb to get real fonts).
#include "core/logs/log_file.h"
#include "core/store/store.h"
#include "core/synth/synth_project.h"
#include "ui/annotator_dialog.h"
#include "ui/guidelines_panel.h"
#include "ui/label_session.h"
#include "ui/label_view.h"
#include "ui/log_text_view.h"
#include "ui/log_view.h"
#include "ui/main_window.h"
#include "ui/vote_history_model.h"

#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QSettings>
#include <QTimer>
#include <limits>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace lab;

namespace {

constexpr int kIncidents = 4; // 3 pairs each

std::optional<VoteRecord> storedVote(Store &store, qint64 annotatorId, qint64 pairId)
{
    auto vote = store.vote(annotatorId, pairId);
    if (!vote.ok())
        qFatal("%s", qPrintable(vote.error()));
    return *vote;
}

qint64 voteCount(Store &store, qint64 annotatorId)
{
    VoteFilter filter;
    filter.annotatorId = annotatorId;
    auto votes = store.votes(filter);
    if (!votes.ok())
        qFatal("%s", qPrintable(votes.error()));
    return votes->size();
}

// What a key must store, worked out from the side shown, independently of the session's code.
VoteChoice expectedChoice(int key, Candidate shownLeft)
{
    switch (key) {
    case Qt::Key_1:
        return shownLeft == Candidate::A ? VoteChoice::ABetter : VoteChoice::BBetter;
    case Qt::Key_2:
        return shownLeft == Candidate::A ? VoteChoice::BBetter : VoteChoice::ABetter;
    case Qt::Key_3:
        return VoteChoice::Tie;
    case Qt::Key_4:
        return VoteChoice::BothBad;
    default:
        return VoteChoice::Skip;
    }
}

} // namespace

class TestLabelView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_project = 0;
    std::shared_ptr<Store> m_store;
    AnnotatorRecord m_annotator;
    std::unique_ptr<LabelView> m_view;

    // A fresh project and a started view showing its first pair, with the prefetch done.
    void startFresh(int incidents = kIncidents)
    {
        m_view.reset();
        m_store.reset();
        auto store = Store::open(m_dir.filePath(QStringLiteral("p%1.lab").arg(++m_project)));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        m_store = *store;
        auto written = synth::writeSyntheticIncidents(*m_store, 11, incidents);
        QVERIFY2(written.ok(), qPrintable(written.error()));
        auto annotator = m_store->ensureAnnotator(QStringLiteral("alice"));
        QVERIFY2(annotator.ok(), qPrintable(annotator.error()));
        m_annotator = *annotator;
        m_view = std::make_unique<LabelView>();
        m_view->resize(1600, 1000);
        m_view->show();
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        m_view->start(m_store, m_annotator);
        QTRY_VERIFY(m_view->isShowingPair());
        QTRY_VERIFY(m_view->session()->isNextReady());
        m_view->setFocus();
        QTRY_VERIFY(m_view->hasFocus());
    }

    const LoadedPair &current() const { return *m_view->session()->current(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void cleanup()
    {
        m_view.reset();
        m_store.reset();
    }

    void screenToCandidateTerms()
    {
        // Both ways round, each screen choice and back.
        for (Candidate left : {Candidate::A, Candidate::B}) {
            for (ScreenChoice c : {ScreenChoice::Left, ScreenChoice::Right, ScreenChoice::Tie, ScreenChoice::BothBad,
                                   ScreenChoice::Skip})
                QCOMPARE(toScreenChoice(toVoteChoice(c, left), left), c);
        }
        QCOMPARE(toVoteChoice(ScreenChoice::Left, Candidate::B), VoteChoice::BBetter);
        QCOMPARE(toVoteChoice(ScreenChoice::Right, Candidate::B), VoteChoice::ABetter);
        QCOMPARE(toVoteChoice(ScreenChoice::Right, Candidate::A), VoteChoice::BBetter);
    }

    void keysStoreVotesInCandidateTerms()
    {
        startFresh();
        QVERIFY(!m_view->leftText().isEmpty());
        QVERIFY(!m_view->rightText().isEmpty());
        QVERIFY(m_view->countsLabel()->text().contains(QStringLiteral("0 done")));
        const int keys[] = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_Space, Qt::Key_1, Qt::Key_2};
        QSet<qint64> seen;
        int n = 0;
        for (int key : keys) {
            const qint64 pairId = current().pair.id;
            const Candidate left = current().shownLeft;
            // What is on screen is the candidate the session says is left.
            QCOMPARE(m_view->leftText(), left == Candidate::A ? current().candidateA.text : current().candidateB.text);
            QVERIFY(!seen.contains(pairId));
            seen.insert(pairId);
            QTest::keyClick(m_view.get(), Qt::Key(key));
            ++n;
            // Prefetched: the next pair is on screen as soon as the key returns.
            QVERIFY(m_view->isShowingPair());
            QVERIFY(current().pair.id != pairId);
            const auto vote = storedVote(*m_store, m_annotator.id, pairId);
            QVERIFY(vote.has_value());
            QCOMPARE(vote->shownLeft, left);
            QCOMPARE(vote->choice, expectedChoice(key, left));
            QCOMPARE(voteCount(*m_store, m_annotator.id), qint64(n));
            QVERIFY2(m_view->countsLabel()->text().startsWith(QStringLiteral("%1 done").arg(n)),
                     qPrintable(m_view->countsLabel()->text()));
            QTRY_VERIFY(m_view->session()->isNextReady());
        }
        // The history lists them, newest first.
        QTRY_COMPARE(m_view->historyModel()->rowCount(), n);
        VoteFilter mine;
        mine.annotatorId = m_annotator.id;
        auto all = m_store->votes(mine);
        QVERIFY(all.ok());
        QCOMPARE(m_view->historyModel()->pairIdAt(0), all->last().pairId);
        QCOMPARE(m_view->historyModel()->pairIdAt(n - 1), all->first().pairId);
    }

    void buttonsVoteToo()
    {
        startFresh();
        const qint64 pairId = current().pair.id;
        const Candidate left = current().shownLeft;
        QTest::mouseClick(m_view->voteButton(ScreenChoice::Right), Qt::LeftButton);
        const auto vote = storedVote(*m_store, m_annotator.id, pairId);
        QVERIFY(vote.has_value());
        QCOMPARE(vote->choice, expectedChoice(Qt::Key_2, left));
    }

    void keysVoteWithTheFocusInTheLogOrAnExplanation()
    {
        startFresh();
        QTRY_VERIFY(m_view->logView()->logFile() && m_view->logView()->logFile()->isIndexed());
        qint64 pairId = current().pair.id;
        m_view->logView()->textView()->setFocus();
        QTRY_VERIFY(m_view->logView()->textView()->hasFocus());
        QTest::keyClick(m_view->logView()->textView(), Qt::Key_3);
        QVERIFY(storedVote(*m_store, m_annotator.id, pairId).has_value());
        // The log's search field is text: digits go into it.
        QTRY_VERIFY(m_view->session()->isNextReady());
        pairId = current().pair.id;
        m_view->logView()->searchEdit()->setFocus();
        QTRY_VERIFY(m_view->logView()->searchEdit()->hasFocus());
        QTest::keyClicks(m_view->logView()->searchEdit(), QStringLiteral("12 4"));
        QCOMPARE(m_view->logView()->searchEdit()->text(), QStringLiteral("12 4"));
        QVERIFY(!storedVote(*m_store, m_annotator.id, pairId).has_value());
        QCOMPARE(current().pair.id, pairId);
    }

    void tagsRationaleAndGuidelineVersionAreStored()
    {
        startFresh();
        m_view->setGuidelineVersion(3);
        const qint64 pairId = current().pair.id;
        QTest::mouseClick(m_view->tagBox(QStringLiteral("blames_noise")), Qt::LeftButton);
        QTest::mouseClick(m_view->tagBox(QStringLiteral("hallucination")), Qt::LeftButton);
        QVERIFY(m_view->hasFocus()); // a tag click leaves the keys voting

        // Typing a rationale with digits and spaces votes nothing, and neither does Enter.
        m_view->rationaleEdit()->setFocus();
        QTRY_VERIFY(m_view->rationaleEdit()->hasFocus());
        QTest::keyClicks(m_view->rationaleEdit(), QStringLiteral("blames the WARN on line 12 not 3 4"));
        QTest::keyClick(m_view->rationaleEdit(), Qt::Key_Return);
        QCOMPARE(voteCount(*m_store, m_annotator.id), qint64(0));
        QCOMPARE(current().pair.id, pairId);
        QCOMPARE(m_view->rationaleEdit()->text(), QStringLiteral("blames the WARN on line 12 not 3 4"));
        // Enter handed the keys back: 4 now votes.
        QVERIFY(!m_view->rationaleEdit()->hasFocus());
        QTest::keyClick(m_view.get(), Qt::Key_4);
        auto vote = storedVote(*m_store, m_annotator.id, pairId);
        QVERIFY(vote.has_value());
        QCOMPARE(vote->choice, VoteChoice::BothBad);
        QCOMPARE(vote->tags, (QStringList{QStringLiteral("blames_noise"), QStringLiteral("hallucination")}));
        QCOMPARE(vote->rationale, QStringLiteral("blames the WARN on line 12 not 3 4"));
        QCOMPARE(vote->guidelineVersion, QStringLiteral("3"));
        // The next pair starts blank.
        QVERIFY(m_view->checkedTags().isEmpty());
        QVERIFY(m_view->rationaleEdit()->text().isEmpty());

        // Esc leaves the field too.
        const qint64 second = current().pair.id;
        m_view->rationaleEdit()->setFocus();
        QTRY_VERIFY(m_view->rationaleEdit()->hasFocus());
        QTest::keyClicks(m_view->rationaleEdit(), QStringLiteral("1 2"));
        QTest::keyClick(m_view->rationaleEdit(), Qt::Key_Escape);
        QVERIFY(!m_view->rationaleEdit()->hasFocus());
        QCOMPARE(voteCount(*m_store, m_annotator.id), qint64(1));
        QTest::keyClick(m_view.get(), Qt::Key_3);
        vote = storedVote(*m_store, m_annotator.id, second);
        QVERIFY(vote.has_value());
        QCOMPARE(vote->choice, VoteChoice::Tie);
        QCOMPARE(vote->rationale, QStringLiteral("1 2"));
    }

    void undoRemovesAFirstVoteAndBringsThePairBack()
    {
        startFresh();
        const qint64 first = current().pair.id;
        const QString firstLeft = m_view->leftText();
        QTest::keyClick(m_view.get(), Qt::Key_1);
        QTRY_VERIFY(m_view->session()->isNextReady());
        const qint64 second = current().pair.id;
        QTest::keyClick(m_view.get(), Qt::Key_2);
        const qint64 third = current().pair.id;
        QCOMPARE(voteCount(*m_store, m_annotator.id), qint64(2));
        QTRY_COMPARE(m_view->historyModel()->rowCount(), 2);

        QTest::keyClick(m_view.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(current().pair.id, second);
        QVERIFY(!storedVote(*m_store, m_annotator.id, second).has_value());
        QVERIFY(storedVote(*m_store, m_annotator.id, first).has_value());
        QCOMPARE(m_view->historyModel()->rowCount(), 1);
        QVERIFY(m_view->countsLabel()->text().startsWith(QStringLiteral("1 done")));

        QTest::keyClick(m_view.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(current().pair.id, first);
        QCOMPARE(m_view->leftText(), firstLeft); // shown the same way round
        QCOMPARE(voteCount(*m_store, m_annotator.id), qint64(0));
        QVERIFY(!m_view->undoAction()->isEnabled());
        QTest::keyClick(m_view.get(), Qt::Key_Z, Qt::ControlModifier); // nothing left to undo
        QCOMPARE(current().pair.id, first);

        // Voting again walks forward through the pairs that were waiting, then the queue.
        QTest::keyClick(m_view.get(), Qt::Key_3);
        QCOMPARE(current().pair.id, second);
        QTest::keyClick(m_view.get(), Qt::Key_3);
        QCOMPARE(current().pair.id, third);
        QCOMPARE(storedVote(*m_store, m_annotator.id, first)->choice, VoteChoice::Tie);
        QCOMPARE(storedVote(*m_store, m_annotator.id, second)->choice, VoteChoice::Tie);
        QCOMPARE(voteCount(*m_store, m_annotator.id), qint64(2));
    }

    void editFromHistoryReplacesAndUndoRestores()
    {
        startFresh();
        const qint64 first = current().pair.id;
        const Candidate firstLeft = current().shownLeft;
        QTest::keyClick(m_view.get(), Qt::Key_1);
        QTRY_VERIFY(m_view->session()->isNextReady());
        QTest::mouseClick(m_view->tagBox(QStringLiteral("root_cause_right")), Qt::LeftButton);
        QTest::keyClick(m_view.get(), Qt::Key_2);
        QTRY_VERIFY(m_view->session()->isNextReady());
        const qint64 waiting = current().pair.id;
        const VoteRecord original = *storedVote(*m_store, m_annotator.id, first);

        // Activate the older row (the second one, newest first) in the history view.
        QTRY_COMPARE(m_view->historyModel()->rowCount(), 2);
        QCOMPARE(m_view->historyModel()->pairIdAt(1), first);
        QTableView *history = m_view->historyView();
        history->show();
        history->setCurrentIndex(m_view->historyModel()->index(1, 0));
        Q_EMIT history->activated(m_view->historyModel()->index(1, 0));
        QTRY_COMPARE(current().pair.id, first);
        QVERIFY(m_view->session()->isEditing());
        QCOMPARE(current().shownLeft, firstLeft); // the way round it was voted
        QVERIFY(m_view->voteButton(ScreenChoice::Left)->isChecked()); // its vote preselected
        QVERIFY(!m_view->voteButton(ScreenChoice::Tie)->isChecked());

        m_view->setFocus();
        QTest::keyClick(m_view.get(), Qt::Key_3);
        QCOMPARE(voteCount(*m_store, m_annotator.id), qint64(2)); // replaced, not added
        QCOMPARE(storedVote(*m_store, m_annotator.id, first)->choice, VoteChoice::Tie);
        QCOMPARE(current().pair.id, waiting); // back to where the annotator was
        QCOMPARE(m_view->historyModel()->data(m_view->historyModel()->index(1, VoteHistoryModel::VerdictColumn)).toString(),
                 VoteHistoryModel::verdictText(VoteChoice::Tie, firstLeft));

        // Undo gives the edited vote its earlier value back and shows the pair with it.
        QTest::keyClick(m_view.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(current().pair.id, first);
        const auto restored = storedVote(*m_store, m_annotator.id, first);
        QVERIFY(restored.has_value());
        QCOMPARE(restored->choice, original.choice);
        QCOMPARE(restored->shownLeft, original.shownLeft);
        QCOMPARE(restored->createdAt, original.createdAt);
        QVERIFY(m_view->voteButton(ScreenChoice::Left)->isChecked());
        QCOMPARE(voteCount(*m_store, m_annotator.id), qint64(2));

        // Esc leaves the reopened pair as it is.
        QTest::keyClick(m_view.get(), Qt::Key_Escape);
        QCOMPARE(current().pair.id, waiting);
        QCOMPARE(storedVote(*m_store, m_annotator.id, first)->choice, original.choice);
    }

    void emptyQueueSaysSoAndVotesNothing()
    {
        startFresh(2); // 6 pairs
        int votes = 0;
        while (m_view->isShowingPair() && votes < 20) {
            QTRY_VERIFY(m_view->session()->isNextReady());
            QTest::keyClick(m_view.get(), Qt::Key_Space);
            ++votes;
        }
        QCOMPARE(votes, 6);
        QTRY_VERIFY(m_view->isShowingEmpty());
        QVERIFY(!m_view->voteButton(ScreenChoice::Left)->isVisible());
        QTest::keyClick(m_view.get(), Qt::Key_1);
        QCOMPARE(voteCount(*m_store, m_annotator.id), qint64(6));
        QVERIFY(m_view->countsLabel()->text().startsWith(QStringLiteral("6 done · 0 left")));
        // Undo works from the empty page too.
        auto *undo = m_view->findChild<QPushButton *>(QStringLiteral("labelEmptyUndo"));
        QVERIFY(undo && undo->isVisible());
        QTest::mouseClick(undo, Qt::LeftButton);
        QVERIFY(m_view->isShowingPair());
        QCOMPARE(voteCount(*m_store, m_annotator.id), qint64(5));
    }

    void evidenceIsShownAndMarkedInTheLog()
    {
        startFresh();
        // Synthetic explanations name identifiers; the flags say how many the log has.
        QVERIFY(!m_view->leftFlags().isEmpty());
        QVERIFY(!m_view->rightFlags().isEmpty());
        const LoadedPair &pair = current();
        const int hallucinated = pair.evidenceA.hallucinatedCount() + pair.evidenceB.hallucinatedCount();
        if (hallucinated > 0)
            QVERIFY(m_view->leftFlags().contains(QStringLiteral("not found"))
                    || m_view->rightFlags().contains(QStringLiteral("not found")));
        QTRY_VERIFY(m_view->logView()->logFile() && m_view->logView()->logFile()->isIndexed());
        // Indexed: the view scrolled to the first line an explanation relies on.
        QVector<int> support = pair.evidenceA.supportLines + pair.evidenceB.supportLines;
        if (!support.isEmpty()) {
            std::sort(support.begin(), support.end());
            QTRY_COMPARE(m_view->logView()->currentLine(), qint64(support.first()));
        }
    }

    void historyPagesThroughEveryVoteNewestFirst()
    {
        auto store = Store::open(m_dir.filePath(QStringLiteral("history.lab")));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QVERIFY(synth::writeSyntheticIncidents(**store, 9, 150).ok()); // 450 pairs
        auto alice = (*store)->ensureAnnotator(QStringLiteral("alice"));
        auto other = (*store)->ensureAnnotator(QStringLiteral("other"));
        QVERIFY(alice.ok() && other.ok());
        auto pairs = (*store)->pairs();
        QVERIFY(pairs.ok());
        QCOMPARE(pairs->size(), 450);
        const Status voted = (*store)->transaction([&]() -> Status {
            for (const PairRecord &p : *pairs) {
                for (qint64 who : {alice->id, other->id}) {
                    VoteRecord v;
                    v.pairId = p.id;
                    v.annotatorId = who;
                    v.choice = VoteChoice::Tie;
                    if (auto r = (*store)->recordVote(v); !r.ok())
                        return fail(r.error());
                }
            }
            return {};
        });
        QVERIFY2(voted.ok(), qPrintable(voted.error()));

        VoteHistoryModel model;
        QSignalSpy pages(&model, &VoteHistoryModel::pageLoaded);
        model.setSource(*store, alice->id);
        QVERIFY(pages.wait(10000));
        QCOMPARE(model.rowCount(), VoteHistoryModel::kPageSize);
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QVERIFY(pages.wait(10000));
        }
        QCOMPARE(model.rowCount(), 450);
        QVERIFY(model.atEnd());
        qint64 previous = std::numeric_limits<qint64>::max();
        for (int row = 0; row < model.rowCount(); ++row) {
            const qint64 id = model.data(model.index(row, 0), VoteHistoryModel::kVoteIdRole).toLongLong();
            QVERIFY(id < previous);
            previous = id;
            const auto vote = storedVote(**store, alice->id, model.pairIdAt(row));
            QVERIFY(vote && vote->id == id); // alice's own, none of the other annotator's
        }
        QCOMPARE(model.pairIdAt(449), pairs->first().id);
    }

    void mainWindowLabelActionAsksForTheAnnotatorOnce()
    {
        const QString project = m_dir.filePath(QStringLiteral("window.lab"));
        {
            auto store = Store::open(project);
            QVERIFY2(store.ok(), qPrintable(store.error()));
            QVERIFY(synth::writeSyntheticIncidents(**store, 3, 3).ok());
        }
        QSettings settings(m_dir.filePath(QStringLiteral("window.ini")), QSettings::IniFormat);
        for (int round = 0; round < 2; ++round) {
            MainWindow window(settings);
            window.show();
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            QVERIFY(!window.labelAction()->isEnabled()); // no project yet
            QVERIFY(window.openProject(project));
            QVERIFY(window.labelAction()->isEnabled());

            // First time: the annotator dialog asks; "bob" is typed and accepted.
            bool asked = false;
            QTimer::singleShot(100, &window, [&] {
                auto *dialog = qobject_cast<AnnotatorDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                asked = true;
                dialog->nameEdit()->setText(QStringLiteral("bob"));
                dialog->accept();
            });
            QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
            QCOMPARE(asked, round == 0); // remembered for this project the second time
            window.activateWindow(); // the offscreen platform does not hand activation back after a dialog
            QVERIFY(QTest::qWaitForWindowActive(&window));
            QVERIFY(window.isLabelPageShown());
            LabelView *view = window.labelView();
            QTRY_VERIFY(view->isShowingPair());
            QCOMPARE(view->session()->annotator().name, QStringLiteral("bob"));
            for (const char *name : {"guidelinesDock", "labelProgressDock", "labelQualityDock", "voteHistoryDock"}) {
                auto *dock = window.findChild<QDockWidget *>(QLatin1String(name));
                QVERIFY2(dock && !dock->isHidden(), name);
            }
            QVERIFY(window.guidelinesPanel()->currentVersion() >= 1);

            view->setFocus();
            QTRY_VERIFY(view->session()->isNextReady());
            const qint64 pairId = view->session()->current()->pair.id;
            QTRY_VERIFY(view->hasFocus());
            QTest::keyClick(view, Qt::Key_Space);
            const auto vote = storedVote(*window.store(), view->session()->annotator().id, pairId);
            QVERIFY(vote.has_value());
            QCOMPARE(vote->choice, VoteChoice::Skip);
            QCOMPARE(vote->guidelineVersion, QString::number(window.guidelinesPanel()->currentVersion()));

            // Leaving the page hides its docks.
            QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
            QVERIFY(!window.isLabelPageShown());
            QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("voteHistoryDock"))->isHidden());
        }
    }

    void screenshot()
    {
        const QString path = qEnvironmentVariable("LAB_LABEL_SCREENSHOT");
        if (path.isEmpty())
            QSKIP("set LAB_LABEL_SCREENSHOT=FILE to save a picture of the page");
        startFresh(12);
        // A Kubernetes pair with a flagged identifier makes the clearest picture: its log lines
        // are short enough to show the highlighted identifiers.
        for (int i = 0; i < 36 && m_view->isShowingPair(); ++i) {
            const LoadedPair &p = current();
            if (p.evidenceA.hallucinatedCount() + p.evidenceB.hallucinatedCount() > 0
                && p.incident.kind.startsWith(QLatin1String("k8s")))
                break;
            QTRY_VERIFY(m_view->session()->isNextReady());
            QTest::keyClick(m_view.get(), Qt::Key_Space);
        }
        QVERIFY(m_view->isShowingPair());
        QTest::mouseClick(m_view->tagBox(QStringLiteral("hallucination")), Qt::LeftButton);
        QTRY_VERIFY(m_view->logView()->logFile() && m_view->logView()->logFile()->isIndexed());
        QTest::qWait(300);
        QVERIFY(m_view->grab().save(path));
    }
};

QTEST_MAIN(TestLabelView)
#include "test_label_view.moc"
