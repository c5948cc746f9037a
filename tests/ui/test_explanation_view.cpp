// The explanation view: clicking a grounded identifier emits its first log line (0-based), a
// hallucinated one carries the red wavy underline and "not in the log", the summary names it, a
// dark palette keeps the marks readable, and clear() empties everything.
#include "core/logs/identifier_evidence.h"
#include "ui/explanation_view.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QtTest>

using namespace lab;

namespace {

const QString kLog = QStringLiteral("INFO starting\n"
                                    "INFO executor 4 registered on 10.0.4.17\n"
                                    "WARN Lost task 3.0 in stage 12.0 (TID 318) (10.0.4.17 executor 7): java.lang.OutOfMemoryError\n"
                                    "ERROR Job aborted due to stage failure\n");

QTextCharFormat formatAt(QTextBrowser *browser, int position)
{
    QTextCursor c(browser->document());
    c.setPosition(position + 1); // the format of the character before the cursor
    return c.charFormat();
}

} // namespace

class TestExplanationView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clickingAGroundedIdentifierEmitsItsLine()
    {
        ExplanationView view;
        view.resize(520, 260);
        view.setTitle(QStringLiteral("A"));
        const QString text = QStringLiteral("Executor 7 ran out of memory (java.lang.OutOfMemoryError), then executor 17 took over.");
        const EvidenceReport report = LogEvidence(kLog).check(text);
        QCOMPARE(report.mentions.size(), 3);
        view.setExplanation(text, report);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.textBrowser()->toPlainText(), text);
        QCOMPARE(view.title(), QStringLiteral("A"));

        QSignalSpy spy(&view, &ExplanationView::lineActivated);
        const QRect executor = view.mentionRect(0);
        QVERIFY(!executor.isEmpty());
        QTest::mouseClick(view.textBrowser()->viewport(), Qt::LeftButton, {}, executor.center());
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).toInt(), 2); // "executor 7" is on the third line

        // The exception class is grounded on the same line; a flagged one emits nothing.
        QTest::mouseClick(view.textBrowser()->viewport(), Qt::LeftButton, {}, view.mentionRect(1).center());
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).toInt(), 2);
        QTest::mouseClick(view.textBrowser()->viewport(), Qt::LeftButton, {}, view.mentionRect(2).center());
        QTest::qWait(50);
        QCOMPARE(spy.count(), 0);
    }

    void hallucinatedIdentifierIsFlagged()
    {
        ExplanationView view;
        const QString text = QStringLiteral("Executor 7 on 10.0.4.17 died; executor 17 and 10.0.4.18 were fine.");
        const EvidenceReport report = LogEvidence(kLog).check(text);
        view.setExplanation(text, report);

        const int grounded = int(text.indexOf(QLatin1String("10.0.4.17")));
        const QTextCharFormat ok = formatAt(view.textBrowser(), grounded);
        QVERIFY(ok.isAnchor());
        QCOMPARE(ok.anchorHref(), QStringLiteral("line:1"));
        QVERIFY(ok.fontUnderline());
        QVERIFY(ok.underlineStyle() != QTextCharFormat::SpellCheckUnderline);

        for (const char *invented : {"executor 17", "10.0.4.18"}) {
            const int at = int(text.indexOf(QLatin1String(invented)));
            const QTextCharFormat flag = formatAt(view.textBrowser(), at);
            QVERIFY2(!flag.isAnchor(), invented);
            QCOMPARE(flag.underlineStyle(), QTextCharFormat::SpellCheckUnderline);
            QCOMPARE(flag.toolTip(), QStringLiteral("not in the log"));
            QCOMPARE(flag.underlineColor().red() > 150, true);
        }
        // Plain words around the identifiers carry no mark.
        const QTextCharFormat word = formatAt(view.textBrowser(), int(text.indexOf(QLatin1String("died"))));
        QVERIFY(!word.isAnchor());
        QCOMPARE(word.underlineStyle(), QTextCharFormat::NoUnderline);

        QCOMPARE(view.summaryText(), QStringLiteral("2 identifiers found in the log, 2 not found: executor 17, 10.0.4.18"));

        // LAB_EXPLANATION_VIEW_SCREENSHOT=file.png saves how it looks, light and dark.
        const QString shot = qEnvironmentVariable("LAB_EXPLANATION_VIEW_SCREENSHOT");
        if (!shot.isEmpty()) {
            view.setTitle(QStringLiteral("Explanation A"));
            view.resize(460, 170);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QVERIFY(view.grab().save(shot));
            QPalette dark = view.palette();
            dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
            dark.setColor(QPalette::WindowText, QColor(0xe5, 0xe5, 0xe5));
            dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
            dark.setColor(QPalette::Text, QColor(0xe5, 0xe5, 0xe5));
            dark.setColor(QPalette::Link, QColor(0x60, 0xa5, 0xfa));
            view.setPalette(dark);
            QVERIFY(view.grab().save(QString(shot).replace(QStringLiteral(".png"), QStringLiteral("-dark.png"))));
        }
    }

    void summaryForOneAndNone()
    {
        ExplanationView view;
        const QString one = QStringLiteral("Executor 7 failed; see executor 9.");
        view.setExplanation(one, LogEvidence(kLog).check(one));
        QCOMPARE(view.summaryText(), QStringLiteral("1 identifier found in the log, 1 not found: executor 9"));
        const QString none = QStringLiteral("Something went wrong; retry it.");
        view.setExplanation(none, LogEvidence(kLog).check(none));
        QCOMPARE(view.summaryText(), QStringLiteral("No identifiers to check against the log"));
        view.clear();
        QVERIFY(view.text().isEmpty());
        QVERIFY(view.textBrowser()->toPlainText().isEmpty());
        QVERIFY(view.report().mentions.isEmpty());
        QVERIFY(view.summaryText().isEmpty());
        QCOMPARE(view.mentionRect(0), QRect());
    }

    void darkPaletteKeepsMarksReadable()
    {
        ExplanationView view;
        const QString text = QStringLiteral("executor 7 and executor 17");
        view.setExplanation(text, LogEvidence(kLog).check(text));
        QPalette dark = view.palette();
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe5, 0xe5, 0xe5));
        dark.setColor(QPalette::Link, QColor(0x60, 0xa5, 0xfa));
        view.setPalette(dark);
        const QTextCharFormat ok = formatAt(view.textBrowser(), 0);
        const QTextCharFormat flag = formatAt(view.textBrowser(), int(text.indexOf(QLatin1String("executor 17"))));
        // Tints stay dark behind light text; the flag's red is the light one.
        QVERIFY(ok.background().color().lightness() < 100);
        QVERIFY(flag.background().color().lightness() < 100);
        QVERIFY(flag.underlineColor().lightness() > 140);
        QCOMPARE(ok.foreground().color(), QColor(0x60, 0xa5, 0xfa));
    }

    void keyboardActivatesALink()
    {
        ExplanationView view;
        const QString text = QStringLiteral("Look at stage 12 first.");
        view.setExplanation(text, LogEvidence(kLog).check(text));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &ExplanationView::lineActivated);
        view.textBrowser()->setFocus();
        QTest::keyClick(view.textBrowser(), Qt::Key_Tab); // to the first link
        QTest::keyClick(view.textBrowser(), Qt::Key_Return);
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).toInt(), 2);
    }
};

QTEST_MAIN(TestExplanationView)
#include "test_explanation_view.moc"
