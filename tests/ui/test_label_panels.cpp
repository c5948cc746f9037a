// The labeling panels on a synthetic project: the annotator dialog creates and picks profiles
// (and refuses bad names and simulated ones), the guidelines panel seeds version 1 from the
// shipped markdown and saves edits as new versions, the progress panel shows the database's
// counts after votes (asynchronously, a burst of refreshes costing at most two queries), and the
// quality panel shows the kappa and alpha of a hand-made set of votes (worked out below).
//
// LAB_PANEL_SCREENSHOTS=DIR saves a picture of each panel there (run under xvfb-run with
// QT_QPA_PLATFORM=xcb for real fonts).
#include "core/label/label_quality.h"
#include "core/store/store.h"
#include "core/synth/synth_project.h"
#include "ui/annotator_dialog.h"
#include "ui/guidelines_panel.h"
#include "ui/label_progress_model.h"
#include "ui/label_progress_panel.h"
#include "ui/label_quality_model.h"
#include "ui/label_quality_panel.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace lab;

namespace {

constexpr int kAsyncTimeoutMs = 20000;

std::shared_ptr<Store> openStore(const QTemporaryDir &dir, const QString &name)
{
    auto store = Store::open(dir.filePath(name));
    if (!store.ok())
        qFatal("%s", qPrintable(store.error()));
    return *store;
}

// A synthetic project: 21 incidents (one of each kind), 3 pairs each.
std::shared_ptr<Store> syntheticStore(const QTemporaryDir &dir, const QString &name, int incidents = 21)
{
    auto store = openStore(dir, name);
    auto written = synth::writeSyntheticIncidents(*store, 7, incidents);
    if (!written.ok())
        qFatal("%s", qPrintable(written.error()));
    return store;
}

QVector<PairRecord> pairsOf(Store &store, bool gold)
{
    PairFilter filter;
    filter.gold = gold;
    auto pairs = store.pairs(filter);
    if (!pairs.ok())
        qFatal("%s", qPrintable(pairs.error()));
    return *pairs;
}

Status vote(Store &store, qint64 annotator, qint64 pair, VoteChoice choice, Candidate left = Candidate::A)
{
    VoteRecord v;
    v.pairId = pair;
    v.annotatorId = annotator;
    v.choice = choice;
    v.shownLeft = left;
    v.guidelineVersion = QStringLiteral("1");
    auto id = store.recordVote(v);
    return id.ok() ? Status() : Status(fail(id.error()));
}

QString cell(const QAbstractItemModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->index(row, column).data(role).toString();
}

int rowOf(const QAbstractItemModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (cell(model, row, 0) == name)
            return row;
    }
    return -1;
}

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("LAB_PANEL_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(name);
    if (!widget->grab().save(path))
        qWarning("could not save %s", qPrintable(path));
}

int words(const QString &text)
{
    return int(text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size());
}

} // namespace

class TestLabelPanels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void annotatorDialogCreatesAndPicks();
    void annotatorDialogRefusesBadNames();
    void annotatorChooseAndCancel();
    void guidelinesSeedEditAndHistory();
    void progressPanelShowsDatabaseCounts();
    void qualityPanelShowsHandWorkedAgreement();
    void screenshotsOfADemoProject();

private:
    QTemporaryDir m_dir;
};

void TestLabelPanels::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestLabelPanels::annotatorDialogCreatesAndPicks()
{
    auto store = openStore(m_dir, QStringLiteral("annotators.lab"));
    QVERIFY(store->ensureAnnotator(QStringLiteral("simulated-engineer"), QString(kAnnotatorSimulated)).ok());
    auto alice = store->ensureAnnotator(QStringLiteral("alice"));
    QVERIFY(alice.ok());

    {
        AnnotatorDialog dialog(store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Only the human is offered; the simulated engineer is named apart.
        QCOMPARE(dialog.listView()->model()->rowCount(), 1);
        QCOMPARE(cell(dialog.listView()->model(), 0, 0), QStringLiteral("alice"));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("annotatorSimulated"))->text().contains(QStringLiteral("simulated-engineer")));

        // A new name filters the list empty, and Enter creates the profile.
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("  bob "));
        QCOMPARE(dialog.listView()->model()->rowCount(), 0);
        QVERIFY(dialog.createButton()->isEnabled());
        QTest::keyClick(dialog.nameEdit(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.selectedAnnotator().has_value());
        QCOMPARE(dialog.selectedAnnotator()->name, QStringLiteral("bob")); // trimmed
        QCOMPARE(dialog.selectedAnnotator()->kind, QString(kAnnotatorHuman));
    }
    auto bob = store->annotatorByName(QStringLiteral("bob"));
    QVERIFY(bob.ok() && bob->has_value());

    {
        // Typing part of a name highlights it; Enter picks it (no new profile).
        AnnotatorDialog dialog(store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.listView()->model()->rowCount(), 2);
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("ALI"));
        QCOMPARE(dialog.listView()->model()->rowCount(), 1);
        QVERIFY(dialog.messageLabel()->text().contains(QStringLiteral("alice")));
        QTest::keyClick(dialog.nameEdit(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.selectedAnnotator()->id, alice->id);
    }
    {
        // Arrow keys move through the list without leaving the filter box.
        AnnotatorDialog dialog(store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(cell(dialog.listView()->model(), dialog.listView()->currentIndex().row(), 0), QStringLiteral("alice"));
        QTest::keyClick(dialog.nameEdit(), Qt::Key_Down);
        QTest::keyClick(dialog.nameEdit(), Qt::Key_Return);
        QCOMPARE(dialog.selectedAnnotator()->name, QStringLiteral("bob"));
    }
    auto all = store->annotators();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 3); // nothing created by picking
}

void TestLabelPanels::annotatorDialogRefusesBadNames()
{
    auto store = openStore(m_dir, QStringLiteral("names.lab"));
    QVERIFY(store->ensureAnnotator(QStringLiteral("simulated-engineer"), QString(kAnnotatorSimulated)).ok());
    QVERIFY(store->ensureAnnotator(QStringLiteral("Alice")).ok());
    AnnotatorDialog dialog(store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QVERIFY(!dialog.nameProblem(QString()).isEmpty());
    QVERIFY(!dialog.nameProblem(QStringLiteral("   ")).isEmpty());
    QVERIFY(!dialog.nameProblem(QStringLiteral("alice")).isEmpty()); // exists (case-insensitive)
    QVERIFY(!dialog.nameProblem(QStringLiteral("Simulated-Engineer")).isEmpty());
    QVERIFY(!dialog.nameProblem(QString(AnnotatorDialog::kMaxNameLength + 1, QLatin1Char('x'))).isEmpty());
    QVERIFY(!dialog.nameProblem(QStringLiteral("a\tb")).isEmpty());
    QVERIFY(dialog.nameProblem(QStringLiteral(" carol ")).isEmpty());

    // The simulated engineer's name: nothing to pick, nothing to create, Enter does nothing.
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("simulated-engineer"));
    QCOMPARE(dialog.listView()->model()->rowCount(), 0);
    QVERIFY(!dialog.createButton()->isEnabled());
    QVERIFY(dialog.messageLabel()->text().contains(QStringLiteral("simulated")));
    QTest::keyClick(dialog.nameEdit(), Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.selectedAnnotator().has_value());
    auto all = store->annotators();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 2);
}

void TestLabelPanels::annotatorChooseAndCancel()
{
    auto store = openStore(m_dir, QStringLiteral("choose.lab"));
    // choose() runs the dialog modally: drive it from a timer.
    QTimer::singleShot(0, [] {
        auto *dialog = qobject_cast<AnnotatorDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("dana"));
        QTest::keyClick(dialog->nameEdit(), Qt::Key_Return);
    });
    const std::optional<AnnotatorRecord> chosen = AnnotatorDialog::choose(store, nullptr);
    QVERIFY(chosen.has_value());
    QCOMPARE(chosen->name, QStringLiteral("dana"));
    QVERIFY(chosen->id > 0);

    QTimer::singleShot(0, [] {
        auto *dialog = qobject_cast<AnnotatorDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QTest::keyClick(dialog->nameEdit(), Qt::Key_Escape);
    });
    QVERIFY(!AnnotatorDialog::choose(store, nullptr).has_value());
}

void TestLabelPanels::guidelinesSeedEditAndHistory()
{
    auto store = openStore(m_dir, QStringLiteral("guidelines.lab"));
    QCOMPARE(store->guidelines()->version, 0);

    GuidelinesPanel panel;
    panel.resize(700, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy versions(&panel, &GuidelinesPanel::versionChanged);
    panel.setStore(store, QStringLiteral("alice"));

    // Seeded from the shipped markdown.
    QCOMPARE(panel.currentVersion(), 1);
    QCOMPARE(versions.count(), 1);
    QCOMPARE(versions.last().at(0).toInt(), 1);
    auto v1 = store->guidelines();
    QVERIFY(v1.ok());
    QCOMPARE(v1->version, 1);
    QCOMPARE(v1->text, shippedGuidelines());
    QVERIFY(v1->text.contains(QStringLiteral("Root cause over symptoms")));
    QVERIFY(panel.browser()->toPlainText().contains(QStringLiteral("Root cause over symptoms")));
    QVERIFY(!panel.browser()->toPlainText().contains(QStringLiteral("**"))); // rendered, not raw markdown
    QVERIFY(panel.headerLabel()->text().startsWith(QStringLiteral("Version 1 · RLHF Log Lab · ")));

    // A second panel on the same project does not seed again.
    {
        GuidelinesPanel other;
        other.setStore(store, QStringLiteral("bob"));
        QCOMPARE(other.currentVersion(), 1);
    }
    QCOMPARE(store->guidelineHistory()->size(), 1);

    // Edit: empty and unchanged texts are refused with a message.
    QTest::mouseClick(panel.editButton(), Qt::LeftButton);
    QVERIFY(panel.isEditing());
    QCOMPARE(panel.editor()->toPlainText(), v1->text);
    QTest::mouseClick(panel.saveButton(), Qt::LeftButton);
    QVERIFY(panel.isEditing());
    QVERIFY(panel.messageLabel()->text().contains(QStringLiteral("Nothing changed")));
    panel.editor()->setPlainText(QStringLiteral("  \n\n "));
    QTest::mouseClick(panel.saveButton(), Qt::LeftButton);
    QVERIFY(panel.isEditing());
    QVERIFY(panel.messageLabel()->isVisible());
    QVERIFY(panel.messageLabel()->text().contains(QStringLiteral("empty")));
    QCOMPARE(store->guidelines()->version, 1);

    // Cancel keeps version 1; a real edit saved with Ctrl+S makes version 2.
    QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
    QVERIFY(!panel.isEditing());
    QTest::mouseClick(panel.editButton(), Qt::LeftButton);
    const QString v2Text = v1->text + QStringLiteral("\n## Project rule\n\nDLT incidents: name the **flow** that failed.\n");
    panel.editor()->setPlainText(v2Text);
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    panel.editor()->setFocus();
    QTest::keySequence(panel.editor(), QKeySequence::Save);
    QVERIFY(!panel.isEditing());
    QCOMPARE(panel.currentVersion(), 2);
    QCOMPARE(versions.last().at(0).toInt(), 2);
    auto v2 = store->guidelines();
    QCOMPARE(v2->version, 2);
    QCOMPARE(v2->author, QStringLiteral("alice"));
    QVERIFY(v2->text.contains(QStringLiteral("name the **flow** that failed")));
    QVERIFY(panel.browser()->toPlainText().contains(QStringLiteral("name the flow that failed")));
    QVERIFY(panel.headerLabel()->text().startsWith(QStringLiteral("Version 2 · alice · ")));
    saveShot(&panel, QStringLiteral("guidelines-panel.png"));

    // History: version 1 is still there, read-only.
    QCOMPARE(panel.historyBox()->count(), 2);
    QVERIFY(panel.historyBox()->isEnabled());
    panel.historyBox()->setCurrentIndex(1);
    QCOMPARE(panel.shownVersion(), 1);
    QCOMPARE(panel.currentVersion(), 2);
    QVERIFY(!panel.browser()->toPlainText().contains(QStringLiteral("name the flow that failed")));
    QVERIFY(panel.browser()->isReadOnly());
    QVERIFY(panel.headerLabel()->text().contains(QStringLiteral("read-only")));
    // Editing always starts from the current version.
    QTest::mouseClick(panel.editButton(), Qt::LeftButton);
    QCOMPARE(panel.shownVersion(), 2);
    QCOMPARE(panel.editor()->toPlainText(), v2->text);
    panel.cancelEditing();
    QCOMPARE(store->guidelineHistory()->size(), 2);
}

void TestLabelPanels::progressPanelShowsDatabaseCounts()
{
    auto store = syntheticStore(m_dir, QStringLiteral("progress.lab"));
    LabelProgressPanel panel;
    panel.resize(640, 720);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setStore(store);
    QTRY_COMPARE_WITH_TIMEOUT(panel.progress().pairs, qint64(63), kAsyncTimeoutMs);
    QCOMPARE(panel.kindModel()->rowCount(), 21);
    QCOMPARE(panel.annotatorModel()->rowCount(), 0);

    // Votes: alice 5 verdicts, bob 2 verdicts and a skip (on pairs alice also voted).
    auto alice = store->ensureAnnotator(QStringLiteral("alice"));
    auto bob = store->ensureAnnotator(QStringLiteral("bob"));
    QVERIFY(alice.ok() && bob.ok());
    const QVector<PairRecord> pairs = pairsOf(*store, false);
    QVERIFY(pairs.size() >= 5);
    for (int i = 0; i < 5; ++i)
        QVERIFY(vote(*store, alice->id, pairs[i].id, VoteChoice::ABetter).ok());
    QVERIFY(vote(*store, bob->id, pairs[0].id, VoteChoice::BBetter).ok());
    QVERIFY(vote(*store, bob->id, pairs[1].id, VoteChoice::Tie).ok());
    QVERIFY(vote(*store, bob->id, pairs[2].id, VoteChoice::Skip).ok());

    // A burst of refreshes (a vote handler calling it each time) runs at most two queries.
    const int before = panel.queryCount();
    for (int i = 0; i < 50; ++i)
        panel.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isRefreshing(), kAsyncTimeoutMs);
    QVERIFY2(panel.queryCount() - before <= 2, qPrintable(QString::number(panel.queryCount() - before)));
    QVERIFY(panel.queryCount() - before >= 1);

    auto expected = store->progress();
    QVERIFY(expected.ok());
    QCOMPARE(panel.progress().votes, expected->votes);
    QCOMPARE(panel.progress().votedPairs, qint64(5));
    QCOMPARE(panel.progress().votes, qint64(7)); // skips are not votes

    const AnnotatorProgressModel *people = panel.annotatorModel();
    QCOMPARE(people->rowCount(), 2);
    const int aliceRow = rowOf(people, QStringLiteral("alice"));
    const int bobRow = rowOf(people, QStringLiteral("bob"));
    QVERIFY(aliceRow >= 0 && bobRow >= 0);
    QCOMPARE(cell(people, aliceRow, AnnotatorProgressModel::DoneColumn), QStringLiteral("5"));
    QCOMPARE(cell(people, aliceRow, AnnotatorProgressModel::RemainingColumn), QStringLiteral("58"));
    QCOMPARE(cell(people, bobRow, AnnotatorProgressModel::DoneColumn), QStringLiteral("3")); // the skip closed a pair
    QCOMPARE(cell(people, bobRow, AnnotatorProgressModel::RemainingColumn), QStringLiteral("60"));
    QCOMPARE(people->index(aliceRow, AnnotatorProgressModel::ProgressColumn).data(kProgressFractionRole).toDouble(),
             5.0 / 63.0);

    // Per kind: each row equals the database's counter for that kind.
    const KindProgressModel *kinds = panel.kindModel();
    QCOMPARE(kinds->rowCount(), expected->perKind.size());
    qint64 votedPairs = 0;
    for (int row = 0; row < kinds->rowCount(); ++row) {
        const KindProgress &k = expected->perKind[row];
        QCOMPARE(kinds->rows()[row].kind, k.kind);
        QCOMPARE(cell(kinds, row, KindProgressModel::PairsColumn), QString::number(k.pairs));
        QCOMPARE(cell(kinds, row, KindProgressModel::VotedColumn), QString::number(k.votedPairs));
        QCOMPARE(cell(kinds, row, KindProgressModel::RemainingColumn), QString::number(k.pairs - k.votedPairs));
        QCOMPARE(cell(kinds, row, KindProgressModel::VotesColumn), QString::number(k.votes));
        votedPairs += k.votedPairs;
    }
    QCOMPARE(votedPairs, qint64(5));
    QCOMPARE(panel.totalBar()->maximum(), 63);
    QCOMPARE(panel.totalBar()->value(), 5);

    // Another store: the old numbers go, the new ones come.
    auto empty = openStore(m_dir, QStringLiteral("progress-empty.lab"));
    panel.setStore(empty);
    QCOMPARE(panel.kindModel()->rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isRefreshing(), kAsyncTimeoutMs);
    QCOMPARE(panel.progress().pairs, qint64(0));
    QVERIFY(panel.summaryLabel()->text().contains(QStringLiteral("No candidate pairs")));
}

// Hand-made votes of two annotators on ten ordinary pairs (A = a_better, B = b_better,
// T = tie, X = both_bad):
//   r1: A A A B B B T T X X
//   r2: A A B B B A T X X X
// Same verdict on 7 of 10, so p_o = 0.7. Marginals r1 (A,B,T,X) = (3,3,2,2), r2 = (3,3,1,3):
// p_e = (9 + 9 + 2 + 6) / 100 = 0.26, and kappa = (0.7 - 0.26) / 0.74 = 0.5946.
// Krippendorff's alpha (nominal): 20 pairable values, value totals A 6, B 6, T 3, X 5;
// 3 disagreeing units give 6 off-diagonal coincidences, so
// alpha = 1 - (n - 1) * 6 / (n^2 - sum n_c^2) = 1 - 19 * 6 / (400 - 106) = 1 - 114/294 = 0.6122.
void TestLabelPanels::qualityPanelShowsHandWorkedAgreement()
{
    auto store = syntheticStore(m_dir, QStringLiteral("quality.lab"), 42);
    const QVector<PairRecord> ordinary = pairsOf(*store, false);
    const QVector<PairRecord> gold = pairsOf(*store, true);
    QVERIFY(ordinary.size() >= 50);
    QVERIFY(!gold.isEmpty());
    QVERIFY(gold.front().goldChoice.has_value());

    auto r1 = store->ensureAnnotator(QStringLiteral("r1"));
    auto r2 = store->ensureAnnotator(QStringLiteral("r2"));
    auto lefty = store->ensureAnnotator(QStringLiteral("lefty"));
    QVERIFY(r1.ok() && r2.ok() && lefty.ok());
    using C = VoteChoice;
    const QVector<C> v1{C::ABetter, C::ABetter, C::ABetter, C::BBetter, C::BBetter,
                        C::BBetter, C::Tie, C::Tie, C::BothBad, C::BothBad};
    const QVector<C> v2{C::ABetter, C::ABetter, C::BBetter, C::BBetter, C::BBetter,
                        C::ABetter, C::Tie, C::BothBad, C::BothBad, C::BothBad};
    for (int i = 0; i < 10; ++i) {
        QVERIFY(vote(*store, r1->id, ordinary[i].id, v1[i]).ok());
        QVERIFY(vote(*store, r2->id, ordinary[i].id, v2[i], Candidate::B).ok());
    }
    // r1 also answers a gold pair correctly, and skips one pair (neither changes the agreement).
    QVERIFY(vote(*store, r1->id, gold.front().id, *gold.front().goldChoice).ok());
    QVERIFY(vote(*store, r1->id, ordinary[10].id, C::Skip).ok());
    // lefty always picks the left pane on 30 pairs nobody else voted: a position bias.
    double expectedDifference = 0;
    for (int i = 20; i < 50; ++i) {
        const Candidate left = i % 2 ? Candidate::A : Candidate::B;
        QVERIFY(vote(*store, lefty->id, ordinary[i].id, left == Candidate::A ? C::ABetter : C::BBetter, left).ok());
        const QString a = store->explanation(ordinary[i].explanationA)->text;
        const QString b = store->explanation(ordinary[i].explanationB)->text;
        expectedDifference += left == Candidate::A ? words(a) - words(b) : words(b) - words(a);
    }
    expectedDifference /= 30.0;

    LabelQualityPanel panel;
    panel.resize(760, 560);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy refreshed(&panel, &LabelQualityPanel::refreshed);
    panel.setStore(store);
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() > 0 && !panel.isRefreshing(), kAsyncTimeoutMs);
    QVERIFY2(panel.statusLabel()->text().indexOf(QStringLiteral("fail"), 0, Qt::CaseInsensitive) < 0,
             qPrintable(panel.statusLabel()->text()));

    QVERIFY(std::abs(panel.quality().krippendorffAlpha - (1.0 - 114.0 / 294.0)) < 1e-9);
    QCOMPARE(panel.alphaLabel()->text(), QStringLiteral("Krippendorff's α: 0.612"));
    QCOMPARE(panel.quality().pairsWithTwoVotes, qint64(10));
    QCOMPARE(panel.quality().votes, qint64(10 + 11 + 30));

    const AgreementModel *agreement = panel.agreementModel();
    QCOMPARE(agreement->rowCount(), 1); // lefty shares no pair with anyone
    QCOMPARE(agreement->rows()[0].sharedPairs, qint64(10));
    QVERIFY(std::abs(agreement->rows()[0].kappa - 0.44 / 0.74) < 1e-9);
    QCOMPARE(cell(agreement, 0, AgreementModel::KappaColumn), QStringLiteral("0.59"));
    QCOMPARE(cell(agreement, 0, AgreementModel::ObservedColumn), QStringLiteral("70%"));
    QCOMPARE(cell(agreement, 0, AgreementModel::SharedColumn), QStringLiteral("10"));
    QVERIFY(cell(agreement, 0, AgreementModel::KappaColumn, Qt::ToolTipRole).contains(QStringLiteral("moderate")));

    const AnnotatorQualityModel *people = panel.annotatorModel();
    QCOMPARE(people->rowCount(), 3);
    const int r1Row = rowOf(people, QStringLiteral("r1"));
    const int r2Row = rowOf(people, QStringLiteral("r2"));
    const int leftyRow = rowOf(people, QStringLiteral("lefty"));
    QVERIFY(r1Row >= 0 && r2Row >= 0 && leftyRow >= 0);
    QCOMPARE(cell(people, r1Row, AnnotatorQualityModel::VotesColumn), QStringLiteral("11"));
    QCOMPARE(cell(people, r1Row, AnnotatorQualityModel::GoldColumn), QStringLiteral("100% (1/1)"));
    QCOMPARE(cell(people, r2Row, AnnotatorQualityModel::GoldColumn), kUndefinedFigure); // no gold votes: a dash
    // r2 always had B on the left: B-better verdicts (3) won the left, A-better (3) the right.
    QCOMPARE(cell(people, r2Row, AnnotatorQualityModel::LeftWinColumn), QStringLiteral("50% (3/6)"));
    QVERIFY(!people->index(r2Row, AnnotatorQualityModel::LeftWinColumn).data(Qt::BackgroundRole).isValid());
    QCOMPARE(cell(people, leftyRow, AnnotatorQualityModel::LeftWinColumn), QStringLiteral("100% (30/30)"));
    QVERIFY(people->index(leftyRow, AnnotatorQualityModel::LeftWinColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(panel.statusLabel()->text().contains(QStringLiteral("Position bias (see Left wins): lefty")));
    QVERIFY(std::abs(panel.quality().annotators[leftyRow].meanLengthDifference - expectedDifference) < 1e-9);
    const QString shownDifference = cell(people, leftyRow, AnnotatorQualityModel::LengthDifferenceColumn);
    QCOMPARE(shownDifference.mid(shownDifference.startsWith(QLatin1Char('+')) ? 1 : 0),
             qualityNumber(expectedDifference, 1));
    // Header tooltips explain each measure.
    for (int column = AnnotatorQualityModel::VotesColumn; column < AnnotatorQualityModel::ColumnCount; ++column)
        QVERIFY(!people->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!agreement->headerData(AgreementModel::KappaColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!panel.alphaLabel()->toolTip().isEmpty());

    // Undefined figures read as a dash, never "nan".
    QCOMPARE(qualityNumber(std::numeric_limits<double>::quiet_NaN(), 2), kUndefinedFigure);
    QCOMPARE(qualityPercent(std::numeric_limits<double>::quiet_NaN()), kUndefinedFigure);
    auto lonely = openStore(m_dir, QStringLiteral("quality-lonely.lab"));
    panel.setStore(lonely);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isRefreshing(), kAsyncTimeoutMs);
    QCOMPARE(panel.alphaLabel()->text(), QStringLiteral("Krippendorff's α: –"));
    QCOMPARE(panel.agreementModel()->rowCount(), 0);
}

// The panels on a demo-like project (the simulated engineer and two people voting), for the
// screenshots; also checks that the panels agree with the database there.
void TestLabelPanels::screenshotsOfADemoProject()
{
    auto store = syntheticStore(m_dir, QStringLiteral("demo.lab"), 84);
    auto labeled = synth::autoLabel(*store, 0.1, 3, 150);
    QVERIFY2(labeled.ok(), qPrintable(labeled.error()));
    auto alice = store->ensureAnnotator(QStringLiteral("alice"));
    auto bob = store->ensureAnnotator(QStringLiteral("bob"));
    QVERIFY(alice.ok() && bob.ok());
    const QVector<PairRecord> pairs = pairsOf(*store, false);
    const QVector<PairRecord> gold = pairsOf(*store, true);
    // alice agrees with the simulated engineer most of the time; bob prefers the left pane.
    auto engineer = store->annotatorByName(QString::fromLatin1(synth::kSimulatedEngineerName));
    QVERIFY(engineer.ok() && engineer->has_value());
    for (int i = 0; i < 60 && i < pairs.size(); ++i) {
        auto theirs = store->vote((*engineer)->id, pairs[i].id);
        QVERIFY(theirs.ok());
        VoteChoice choice = theirs->has_value() ? (*theirs)->choice : VoteChoice::Tie;
        if (i % 5 == 4)
            choice = VoteChoice::BothBad;
        QVERIFY(vote(*store, alice->id, pairs[i].id, choice, i % 2 ? Candidate::A : Candidate::B).ok());
        const Candidate left = i % 3 ? Candidate::A : Candidate::B;
        QVERIFY(vote(*store, bob->id, pairs[i + 30].id, i % 4 ? (left == Candidate::A ? VoteChoice::ABetter : VoteChoice::BBetter) : VoteChoice::Tie, left).ok());
    }
    for (int i = 0; i < gold.size() && i < 6; ++i)
        QVERIFY(vote(*store, alice->id, gold[i].id, i == 5 ? VoteChoice::Tie : *gold[i].goldChoice).ok());

    LabelProgressPanel progress;
    progress.resize(560, 640);
    progress.show();
    QVERIFY(QTest::qWaitForWindowExposed(&progress));
    progress.setStore(store);
    QTRY_VERIFY_WITH_TIMEOUT(progress.progress().pairs > 0 && !progress.isRefreshing(), kAsyncTimeoutMs);
    QCOMPARE(progress.annotatorModel()->rowCount(), 3);
    QCOMPARE(progress.progress().votes, store->progress()->votes);
    saveShot(&progress, QStringLiteral("progress-panel.png"));

    LabelQualityPanel quality;
    quality.resize(760, 520);
    quality.show();
    QVERIFY(QTest::qWaitForWindowExposed(&quality));
    quality.setStore(store);
    QTRY_VERIFY_WITH_TIMEOUT(quality.annotatorModel()->rowCount() == 3 && !quality.isRefreshing(), kAsyncTimeoutMs);
    QVERIFY(quality.agreementModel()->rowCount() >= 2);
    QVERIFY(std::isfinite(quality.quality().krippendorffAlpha));
    saveShot(&quality, QStringLiteral("quality-panel.png"));

    AnnotatorDialog dialog(store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    saveShot(&dialog, QStringLiteral("annotator-dialog.png"));
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("b"));
    QCOMPARE(dialog.listView()->model()->rowCount(), 1);
    saveShot(&dialog, QStringLiteral("annotator-dialog-filtered.png"));
}

QTEST_MAIN(TestLabelPanels)
#include "test_label_panels.moc"
