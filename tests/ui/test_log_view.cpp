// The log view on a real log (loghub Hadoop_2k): regex search with the exact hit count, next /
// previous hit, the level filter, jump to next error, go to line, the template filter and a bad
// file. Expected numbers are computed here from the file itself, never copied from the view.
#include "core/logs/log_file.h"
#include "shared_data.h"
#include "ui/log_text_view.h"
#include "ui/log_view.h"
#include "ui/template_panel.h"
#include "ui/template_table_model.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace lab;

namespace {

// The file's lines, read independently of LogFile.
QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QString &line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    return lines;
}

// Hadoop's log4j layout: "date time LEVEL [thread] logger: message".
QString levelField(const QString &line)
{
    return line.section(QLatin1Char(' '), 2, 2);
}

QList<qint64> matchingLines(const QStringList &lines, const QRegularExpression &re)
{
    QList<qint64> result;
    for (qint64 i = 0; i < lines.size(); ++i) {
        if (re.match(lines[int(i)]).hasMatch())
            result << i;
    }
    return result;
}

} // namespace

class TestLogView : public QObject
{
    Q_OBJECT

private:
    // Opens Hadoop_2k in a shown view and waits for indexing.
    bool openHadoop(LogView &view, const QString &path)
    {
        view.resize(1100, 700);
        view.show();
        view.activateWindow(); // window shortcuts (Ctrl+F, F3, F8) need the active window
        if (!QTest::qWaitForWindowActive(&view))
            return false;
        // The view's signal, not the file's state: the view reacts to the file's queued signal.
        QSignalSpy indexed(&view, &LogView::indexingFinished);
        const Status status = view.openFile(path);
        if (!status) {
            qWarning("%s", qPrintable(status.error()));
            return false;
        }
        return QTest::qWaitFor([&] { return !indexed.isEmpty(); }, 10000);
    }

    void waitForSearch(LogView &view)
    {
        QVERIFY(QTest::qWaitFor([&] { return !view.isSearching(); }, 10000));
    }

private Q_SLOTS:
    void opensAndShowsEveryLine()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Hadoop/Hadoop_2k.log");
        const QStringList lines = readLines(path);
        LogView view;
        QVERIFY(openHadoop(view, path));
        QCOMPARE(view.logFile()->lineCount(), qint64(lines.size()));
        QCOMPARE(view.visibleRowCount(), qint64(lines.size()));
        QCOMPARE(view.logFile()->line(1999), lines[1999]);
        QCOMPARE(view.currentLine(), 0);
        // Painting the visible rows must not trip over anything (offscreen grab paints for real).
        QVERIFY(!view.grab().isNull());
    }

    void regexSearchCountsHitsAndMovesBetweenThem()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Hadoop/Hadoop_2k.log");
        const QStringList lines = readLines(path);
        LogView view;
        QVERIFY(openHadoop(view, path));

        // Typed as a user would; the view searches case-insensitively by default.
        const QString pattern = QStringLiteral("attempt_\\d+_\\d+_m_0+[5-9]_\\d");
        const QList<qint64> expected =
            matchingLines(lines, QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption));
        QVERIFY(expected.size() > 3);

        QTest::keyClick(&view, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(view.searchEdit()->hasFocus());
        QTest::keyClicks(view.searchEdit(), pattern);
        QTest::keyClick(view.searchEdit(), Qt::Key_Return);
        waitForSearch(view);
        QCOMPARE(view.hitCount(), qint64(expected.size()));

        // The view moved from line 0 to the first hit; the label says so.
        QCOMPARE(view.currentLine(), expected[0]);
        auto *label = view.findChild<QLabel *>(QStringLiteral("hitLabel"));
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("1 of %1").arg(expected.size()));

        QTest::keyClick(view.searchEdit(), Qt::Key_Escape);
        QVERIFY(view.textView()->hasFocus());
        QTest::keyClick(view.textView(), Qt::Key_F3);
        QCOMPARE(view.currentLine(), expected[1]);
        QTest::keyClick(view.textView(), Qt::Key_F3);
        QCOMPARE(view.currentLine(), expected[2]);
        QCOMPARE(view.currentHitIndex(), 2);
        QCOMPARE(label->text(), QStringLiteral("3 of %1").arg(expected.size()));
        QTest::keyClick(view.textView(), Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(view.currentLine(), expected[1]);

        // The buttons do the same; previous from the first hit wraps to the last.
        auto *prev = view.findChild<QToolButton *>(QStringLiteral("previousHitButton"));
        QTest::mouseClick(prev, Qt::LeftButton);
        QCOMPARE(view.currentLine(), expected[0]);
        QTest::mouseClick(prev, Qt::LeftButton);
        QCOMPARE(view.currentLine(), expected.last());
        QTest::mouseClick(view.findChild<QToolButton *>(QStringLiteral("nextHitButton")), Qt::LeftButton);
        QCOMPARE(view.currentLine(), expected[0]);

        // Match case: the count follows the case-sensitive pattern.
        const QList<qint64> caseSensitive = matchingLines(lines, QRegularExpression(QStringLiteral("ERROR|Reduce")));
        view.setSearch(QStringLiteral("ERROR|Reduce"), true, true);
        waitForSearch(view);
        QCOMPARE(view.hitCount(), qint64(caseSensitive.size()));
        // Plain text mode escapes the metacharacters.
        const QString literal = QStringLiteral("[main]");
        qint64 literalCount = 0;
        for (const QString &line : lines)
            literalCount += line.contains(literal, Qt::CaseInsensitive) ? 1 : 0;
        view.setSearch(literal, false, false);
        waitForSearch(view);
        QCOMPARE(view.hitCount(), literalCount);
    }

    void searchStartedWhileIndexingLandsOnTheFirstHit()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Hadoop/Hadoop_2k.log");
        const QStringList lines = readLines(path);
        const QList<qint64> expected = matchingLines(lines, QRegularExpression(QStringLiteral("Retrying connect")));
        QVERIFY(!expected.isEmpty());
        for (int round = 0; round < 5; ++round) {
            LogView view;
            view.show();
            QVERIFY(view.openFile(path).ok());
            view.setSearch(QStringLiteral("Retrying connect")); // whatever indexing has reached
            QVERIFY(QTest::qWaitFor([&] { return view.logFile()->isIndexed() && !view.isSearching(); }, 10000));
            QTest::qWait(50); // indexingFinished may still be queued
            QVERIFY(!view.isSearching());
            QCOMPARE(view.hitCount(), qint64(expected.size()));
            QCOMPARE(view.currentLine(), expected.first());
        }
    }

    void invalidPatternIsReportedNotSearched()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Hadoop/Hadoop_2k.log");
        LogView view;
        QVERIFY(openHadoop(view, path));
        view.setSearch(QStringLiteral("attempt_(\\d+"));
        waitForSearch(view);
        QCOMPARE(view.hitCount(), 0);
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("hitLabel"))->text(), QStringLiteral("Invalid pattern"));
        QVERIFY(view.searchEdit()->toolTip().contains(QStringLiteral("Invalid regular expression")));
    }

    void levelFilterShowsErrorsAndFatals()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Hadoop/Hadoop_2k.log");
        const QStringList lines = readLines(path);
        QList<qint64> errors;
        for (qint64 i = 0; i < lines.size(); ++i) {
            const QString level = levelField(lines[int(i)]);
            if (level == QLatin1String("ERROR") || level == QLatin1String("FATAL"))
                errors << i;
        }
        QCOMPARE(errors.size(), 152); // 150 ERROR + 2 FATAL in Hadoop_2k

        LogView view;
        QVERIFY(openHadoop(view, path));
        QComboBox *combo = view.levelCombo();
        combo->setCurrentIndex(combo->findText(QStringLiteral("Errors and above")));
        QCOMPARE(view.levelFilter(), LogLevel::Error);
        QCOMPARE(view.visibleRowCount(), qint64(errors.size()));
        for (qint64 row = 0; row < view.visibleRowCount(); ++row)
            QCOMPARE(view.textView()->rowMap().lineAt(row), errors[int(row)]);

        // Search runs over what is shown: "ERROR" hits only the 150 ERROR lines.
        view.setSearch(QStringLiteral("\\bERROR\\b"), true, true);
        waitForSearch(view);
        QCOMPARE(view.hitCount(), 150);

        // Warnings and above through the View menu's shortcut (Ctrl+Shift+W).
        qint64 warnOrWorse = 0;
        for (const QString &line : lines) {
            const QString level = levelField(line);
            warnOrWorse += (level == QLatin1String("WARN") || level == QLatin1String("ERROR") || level == QLatin1String("FATAL"));
        }
        QTest::keyClick(&view, Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(view.levelFilter(), LogLevel::Warn);
        QCOMPARE(view.visibleRowCount(), warnOrWorse);
        QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(view.visibleRowCount(), qint64(lines.size()));
    }

    void nextErrorAndGoToLine()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Hadoop/Hadoop_2k.log");
        const QStringList lines = readLines(path);
        QList<qint64> errors;
        for (qint64 i = 0; i < lines.size(); ++i) {
            const QString level = levelField(lines[int(i)]);
            if (level == QLatin1String("ERROR") || level == QLatin1String("FATAL"))
                errors << i;
        }
        LogView view;
        QVERIFY(openHadoop(view, path));
        QVERIFY(view.goToLine(0));
        QTest::keyClick(view.textView(), Qt::Key_F8);
        QCOMPARE(view.currentLine(), errors[0]);
        QTest::keyClick(view.textView(), Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(view.currentLine(), errors[1]);
        QTest::keyClick(view.textView(), Qt::Key_F8, Qt::ShiftModifier);
        QCOMPARE(view.currentLine(), errors[0]);

        // From just past the last error there is nowhere to go: the line stays.
        QVERIFY(view.goToLine(errors.last()));
        QVERIFY(!view.nextError());
        QCOMPARE(view.currentLine(), errors.last());

        // Ctrl+G asks for a 1-based line number.
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setIntValue(1500);
            dialog->accept();
        });
        QTest::keyClick(view.textView(), Qt::Key_G, Qt::ControlModifier);
        QCOMPARE(view.currentLine(), 1499);

        // Arrow keys and Ctrl+End move the current line.
        QTest::keyClick(view.textView(), Qt::Key_Down);
        QCOMPARE(view.currentLine(), 1500);
        QTest::keyClick(view.textView(), Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(view.currentLine(), qint64(lines.size() - 1));
    }

    void clickingATemplateFiltersTheLog()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Hadoop/Hadoop_2k.log");
        LogView view;
        QVERIFY(openHadoop(view, path));
        TemplatePanel panel;
        panel.resize(700, 300);
        panel.show();
        QObject::connect(&panel, &TemplatePanel::templateActivated, &view, &LogView::setLineFilter);
        QSignalSpy mined(&panel, &TemplatePanel::miningFinished);
        panel.setLogFile(view.sharedLogFile());
        QVERIFY(mined.wait(20000));

        // Every line belongs to exactly one template.
        const auto result = panel.result();
        QVERIFY(result);
        QCOMPARE(result->lines(), 2000);
        qint64 total = 0;
        for (const TemplateInfo &t : result->templates)
            total += t.count;
        QCOMPARE(total, 2000);
        QVERIFY(panel.model()->rowCount() > 5);

        // The table is sorted by count, largest first; clicking its first row filters the view.
        QTableView *table = panel.table();
        const QModelIndex first = table->model()->index(0, TemplateTableModel::IdColumn);
        const int id = first.data(TemplateTableModel::IdRole).toInt();
        const qint64 count = result->templates[size_t(id)].count;
        for (const TemplateInfo &t : result->templates)
            QVERIFY(t.count <= count);
        const QRect cell = table->visualRect(first);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(view.visibleRowCount(), count);
        for (qint64 row = 0; row < view.visibleRowCount(); ++row)
            QCOMPARE(result->lineTemplates[size_t(view.textView()->rowMap().lineAt(row))], id);

        // The chip in the search bar clears the filter.
        auto *chip = view.findChild<QToolButton *>(QStringLiteral("lineFilterChip"));
        QVERIFY(chip && chip->isVisible());
        QTest::mouseClick(chip, Qt::LeftButton);
        QCOMPARE(view.visibleRowCount(), 2000);
    }

    void badFilesFailWithAMessageAndKeepTheOldLog()
    {
        LAB_REQUIRE_SHARED(path, "loghub/Hadoop/Hadoop_2k.log");
        LogView view;
        QVERIFY(openHadoop(view, path));
        QTemporaryDir dir;
        const QString binary = dir.filePath(QStringLiteral("core.bin"));
        QFile file(binary);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray junk(4096, '\0');
        for (int i = 0; i < junk.size(); i += 7)
            junk[i] = char(i & 0xff);
        file.write(junk);
        file.close();

        const Status failed = view.openFile(binary);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().contains(QStringLiteral("core.bin")), qPrintable(failed.error()));
        const Status missing = view.openFile(dir.filePath(QStringLiteral("nope.log")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().contains(QStringLiteral("nope.log")));
        QCOMPARE(view.logFile()->lineCount(), 2000);
    }
};

QTEST_MAIN(TestLogView)
#include "test_log_view.moc"
