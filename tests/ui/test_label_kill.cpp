// A vote survives SIGKILL right after it is cast. The test runs itself again as a child
// (LAB_LABEL_KILL_CHILD=<database>) that opens the comparison view on a project, presses "1",
// prints "VOTED <pair id>" and flushes, then idles; the parent kills it with SIGKILL the moment
// it reads that line, then checks that the vote is in the database, which opens cleanly and
// passes SQLite's integrity check.
#include "core/store/store.h"
#include "core/synth/synth_project.h"
#include "ui/label_session.h"
#include "ui/label_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cstdio>

using namespace lab;

namespace {

const char kChildVariable[] = "LAB_LABEL_KILL_CHILD";
const QString kAnnotator = QStringLiteral("kill-test");

// The child: vote once through the view's key, report, and wait to be killed.
int runChild(const QString &path)
{
    auto store = Store::open(path);
    if (!store.ok()) {
        std::fprintf(stderr, "child: %s\n", qPrintable(store.error()));
        return 2;
    }
    auto annotator = (*store)->ensureAnnotator(kAnnotator);
    if (!annotator.ok()) {
        std::fprintf(stderr, "child: %s\n", qPrintable(annotator.error()));
        return 2;
    }
    LabelView view;
    view.resize(1200, 800);
    view.show();
    view.activateWindow();
    if (!QTest::qWaitForWindowActive(&view)) {
        std::fprintf(stderr, "child: the window never became active\n");
        return 2;
    }
    view.start(*store, *annotator);
    QElapsedTimer waited;
    waited.start();
    while (!view.isShowingPair() && waited.elapsed() < 30000)
        QTest::qWait(10);
    if (!view.isShowingPair()) {
        std::fprintf(stderr, "child: no pair to vote on\n");
        return 2;
    }
    view.setFocus();
    const qint64 pairId = view.session()->current()->pair.id;
    QTest::keyClick(&view, Qt::Key_1);
    if (view.session()->current() && view.session()->current()->pair.id == pairId) {
        std::fprintf(stderr, "child: the key did not vote\n");
        return 2;
    }
    std::printf("VOTED %lld\n", static_cast<long long>(pairId));
    std::fflush(stdout);
    // Idle with the store open, as a real session would, until the parent kills us.
    QTest::qWait(60000);
    return 3;
}

} // namespace

class TestLabelKill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void voteSurvivesSigkill()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("kill.lab"));
        {
            auto store = Store::open(path);
            QVERIFY2(store.ok(), qPrintable(store.error()));
            auto written = synth::writeSyntheticIncidents(**store, 5, 3);
            QVERIFY2(written.ok(), qPrintable(written.error()));
        }

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildVariable), path);
        if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));

        QByteArray line;
        QElapsedTimer waited;
        waited.start();
        while (!line.endsWith('\n') && waited.elapsed() < 60000 && child.state() == QProcess::Running) {
            if (child.canReadLine() || child.waitForReadyRead(100)) {
                if (child.canReadLine())
                    line = child.readLine();
            }
        }
        if (!line.startsWith("VOTED ")) {
            child.kill();
            child.waitForFinished();
            QFAIL(qPrintable(QStringLiteral("the child did not vote: stdout \"%1\", stderr \"%2\"")
                                 .arg(QString::fromUtf8(line), QString::fromUtf8(child.readAllStandardError()))));
        }
        child.kill(); // SIGKILL: no destructors, no WAL checkpoint, no clean close
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        const qint64 pairId = line.mid(6).trimmed().toLongLong();
        QVERIFY(pairId > 0);

        auto store = Store::open(path);
        QVERIFY2(store.ok(), qPrintable(store.error()));
        auto annotator = (*store)->annotatorByName(kAnnotator);
        QVERIFY2(annotator.ok() && annotator->has_value(), "the annotator is missing");
        auto vote = (*store)->vote((**annotator).id, pairId);
        QVERIFY2(vote.ok(), qPrintable(vote.error()));
        QVERIFY2(vote->has_value(), "the vote cast before SIGKILL is not in the database");
        QVERIFY((**vote).choice == VoteChoice::ABetter || (**vote).choice == VoteChoice::BBetter);
        auto db = (*store)->connection();
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QSqlQuery check(*db);
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")));
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString childPath = qEnvironmentVariable(kChildVariable);
    if (!childPath.isEmpty())
        return runChild(childPath);
    TestLabelKill test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_label_kill.moc"
