// `rlhf-lab-cli demo --quick` end to end, as CI runs it: every stage runs on a new database, the
// report has the DESIGN.md shape with finite metrics for base, DPO and PPO, the database holds the
// runs, the adapters and the votes the report counts, and a second run on the same database is
// refused with a line that says what to do.
#include "core/store/store.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace lab;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(QStringLiteral(LAB_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs))
        qFatal("rlhf-lab-cli %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

const QStringList kMetrics = {QStringLiteral("root_cause_accuracy"), QStringLiteral("hallucination_rate"),
                              QStringLiteral("unsafe_action_rate"),  QStringLiteral("mean_length"),
                              QStringLiteral("repetition_rate"),     QStringLiteral("mean_reward")};

} // namespace

class TestDemoCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_out;
    Run m_run;
    QJsonObject m_json;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("demo.lab"));
        m_out = m_dir.filePath(QStringLiteral("report"));
        // The shortened demo: about 2 minutes on 2 cores; 12 minutes allowed for a loaded machine.
        m_run = cli({QStringLiteral("demo"), QStringLiteral("--quick"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), m_out,
                     QStringLiteral("--json")},
                    12 * 60 * 1000);
        qInfo("demo --quick: exit %d\n%s", m_run.code, m_run.err.constData());
        QCOMPARE(m_run.code, 0);
        QJsonParseError error;
        m_json = QJsonDocument::fromJson(m_run.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    }

    void printsEachStageOnStderr()
    {
        // With --json, stdout is the JSON object alone; the stage lines go to stderr.
        const QStringList titles = {QStringLiteral("[1/8] Synthetic incidents"), QStringLiteral("[2/8] lab-tiny candidate pairs"),
                                    QStringLiteral("[3/8] Simulated votes"),    QStringLiteral("[4/8] Reward model"),
                                    QStringLiteral("[5/8] DPO adapter"),        QStringLiteral("[6/8] PPO adapter"),
                                    QStringLiteral("[7/8] Evaluation"),         QStringLiteral("[8/8] Report")};
        for (const QString &title : titles)
            QVERIFY2(m_run.err.contains(title.toUtf8()), qPrintable(title));
        QCOMPARE(m_run.out.count('\n'), 1);
    }

    void reportHasTheDesignShape()
    {
        QVERIFY(m_json.value(QStringLiteral("seconds")).toDouble() > 0.0);
        const double accuracy = m_json.value(QStringLiteral("reward_model")).toObject().value(QStringLiteral("eval/accuracy")).toDouble(-1);
        QVERIFY2(accuracy >= 0.0 && accuracy <= 1.0, qPrintable(QString::number(accuracy)));
        for (const QString &model : {QStringLiteral("base"), QStringLiteral("dpo"), QStringLiteral("ppo")}) {
            const QJsonObject metrics = m_json.value(model).toObject();
            for (const QString &name : kMetrics) {
                QVERIFY2(metrics.contains(name), qPrintable(model + QLatin1Char(' ') + name));
                const double v = metrics.value(name).toDouble(NAN);
                QVERIFY2(std::isfinite(v), qPrintable(model + QLatin1Char(' ') + name));
                if (name.endsWith(QLatin1String("_rate")) || name.endsWith(QLatin1String("_accuracy")))
                    QVERIFY(v >= 0.0 && v <= 1.0);
            }
            // Every held-out incident explained once.
            QVERIFY(m_json.value(QStringLiteral("per_kind")).toObject().value(model).toObject().size() > 0);
        }
        QVERIFY(m_json.value(QStringLiteral("base")).toObject().value(QStringLiteral("mean_length")).toDouble() > 0.0);

        // The file is what --json printed.
        QFile file(QDir(m_out).filePath(QStringLiteral("report.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject written = QJsonDocument::fromJson(file.readAll()).object();
        for (const QString &key : {QStringLiteral("seconds"), QStringLiteral("reward_model"), QStringLiteral("base"),
                                   QStringLiteral("dpo"), QStringLiteral("ppo")})
            QCOMPARE(written.value(key), m_json.value(key));

        // The evaluation report (core/eval's writer): every held-out explanation of each model.
        const int heldOut = m_json.value(QStringLiteral("incidents")).toObject().value(QStringLiteral("held_out")).toInt();
        QCOMPARE(heldOut, 16);
        const QString evaluation = QDir(m_out).filePath(QStringLiteral("evaluation"));
        QVERIFY(QFileInfo::exists(QDir(evaluation).filePath(QStringLiteral("report.html"))));
        QFile csv(QDir(evaluation).filePath(QStringLiteral("rows.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray rows = csv.readAll();
        QVERIFY(rows.count("demo-dpo") >= heldOut && rows.count("demo-ppo") >= heldOut);

        // Each adapter against the base: a win rate inside its 95% interval.
        for (const QString &model : {QStringLiteral("dpo"), QStringLiteral("ppo")}) {
            const QJsonObject versus = m_json.value(QStringLiteral("versus_base")).toObject().value(model).toObject();
            const double rate = versus.value(QStringLiteral("win_rate")).toDouble(-1);
            QVERIFY2(rate >= 0.0 && rate <= 1.0, qPrintable(model));
            QVERIFY(versus.value(QStringLiteral("ci_low")).toDouble(2) <= rate);
            QVERIFY(versus.value(QStringLiteral("ci_high")).toDouble(-1) >= rate);
        }
    }

    void databaseHoldsWhatTheReportSays()
    {
        auto store = Store::open(m_db);
        QVERIFY2(store.ok(), qPrintable(store.error()));
        IncidentFilter heldOut;
        heldOut.status = QStringLiteral("held_out");
        QCOMPARE(*(*store)->countIncidents(heldOut), qint64(16));

        // One finished run of each trainer, and the two adapters registered with their evaluation.
        for (const QString &kind : {QStringLiteral("reward"), QStringLiteral("dpo"), QStringLiteral("ppo")}) {
            auto runs = (*store)->runs(kind);
            QVERIFY(runs.ok());
            QCOMPARE(runs->size(), 1);
            QCOMPARE(runs->first().status, QStringLiteral("finished"));
        }
        QVERIFY(QFileInfo::exists(m_json.value(QStringLiteral("reward_model")).toObject().value(QStringLiteral("dir")).toString()));
        for (const QString &name : {QStringLiteral("demo-dpo"), QStringLiteral("demo-ppo")}) {
            auto adapter = (*store)->adapterByName(name);
            QVERIFY(adapter.ok());
            QVERIFY2(adapter->has_value(), qPrintable(name));
            QVERIFY(QFileInfo::exists(QDir((*adapter)->path).filePath(QStringLiteral("adapter_model.safetensors"))));
            QCOMPARE((*adapter)->eval.value(QStringLiteral("incidents")).toInt(), 16);
            QVERIFY((*adapter)->eval.contains(QStringLiteral("root_cause_accuracy")));
        }

        // The votes the report counts, template pairs and lab-tiny's pairs apart.
        const QJsonObject pairs = m_json.value(QStringLiteral("pairs")).toObject();
        const QJsonObject fromTemplates = pairs.value(QStringLiteral("template")).toObject();
        const QJsonObject fromModel = pairs.value(QStringLiteral("model")).toObject();
        QCOMPARE(fromModel.value(QStringLiteral("pairs")).toInt(), 8);  // one per lab-tiny incident
        QCOMPARE(fromModel.value(QStringLiteral("votes")).toInt(), 8);
        QCOMPARE(fromTemplates.value(QStringLiteral("pairs")).toInt(), 120 * 3);
        QCOMPARE(fromTemplates.value(QStringLiteral("votes")).toInt(), 120 * 3);
        QVERIFY(fromTemplates.value(QStringLiteral("preferences")).toInt() > 120);
        QCOMPARE(*(*store)->countVotes(), qint64(120 * 3 + 8));
    }

    void secondRunIsRefused()
    {
        const Run again = cli({QStringLiteral("demo"), QStringLiteral("--quick"), QStringLiteral("--db"), m_db}, 60000);
        QCOMPARE(again.code, 1);
        QVERIFY(again.out.isEmpty());
        QCOMPARE(again.err.count('\n'), 1);
        QVERIFY2(again.err.contains("already holds") && again.err.contains("new --db"), again.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestDemoCli)
#include "test_demo_cli.moc"
