// `rlhf-lab-cli eval` run as a user or a script would, on a tiny random model with a random
// adapter and four held-out synthetic incidents: the JSON keeps the single-report keys at the
// top and adds the models and the comparison; --report writes the three files; usage errors
// say why on one line.
#include "explain/tiny_model.h"
#include "cli/cli_process.h"

#include "core/store/store.h"
#include "core/synth/synth_project.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lab;

using labtest::cli;
using labtest::Run;

#define REQUIRE_OK(expr)                                                                           \
    do {                                                                                           \
        const auto &r_ = (expr);                                                                   \
        QVERIFY2(r_.ok(), qPrintable(r_.error()));                                                 \
    } while (false)

class TestEvalCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_model, m_db;

    QStringList evalArgs(const QStringList &rest) const
    {
        return QStringList{QStringLiteral("eval"), QStringLiteral("--db"), m_db, QStringLiteral("--model"), m_model,
                           QStringLiteral("--no-reward"), QStringLiteral("--max-new-tokens"), QStringLiteral("24")}
               + rest;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_model = m_dir.filePath(QStringLiteral("tiny-model"));
        labtest::TinyModelOptions o;
        o.contextLength = 512;
        REQUIRE_OK(labtest::makeTinyModel(m_model, o));
        m_db = m_dir.filePath(QStringLiteral("lab.db"));
        auto store = Store::open(m_db);
        REQUIRE_OK(store);
        const QString adapterDir = m_dir.filePath(QStringLiteral("adapters/rand-1"));
        REQUIRE_OK(labtest::makeRandomAdapter(m_model, adapterDir, 11));
        AdapterRecord a;
        a.name = QStringLiteral("rand-1");
        a.path = adapterDir;
        REQUIRE_OK((*store)->addAdapter(a));
        REQUIRE_OK(synth::writeSyntheticIncidents(**store, 424242, 6));
        auto incidents = (*store)->incidents();
        REQUIRE_OK(incidents);
        for (const IncidentRecord &i : *incidents)
            REQUIRE_OK((*store)->setIncidentStatus(i.id, QStringLiteral("held_out")));
    }

    void baseAndAdapterWithReport()
    {
        const QString report = m_dir.filePath(QStringLiteral("report"));
        const Run r = cli(evalArgs({QStringLiteral("--adapter"), QStringLiteral("rand-1"), QStringLiteral("--limit"), QStringLiteral("4"),
                                    QStringLiteral("--greedy"), QStringLiteral("--report"), report, QStringLiteral("--json")}));
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject j = r.json();
        // The keys scripts read, as before: the adapter's report at the top.
        QCOMPARE(j.value(QStringLiteral("adapter")).toString(), QStringLiteral("rand-1"));
        QCOMPARE(j.value(QStringLiteral("incidents")).toInt(), 4);
        QVERIFY(j.value(QStringLiteral("metrics")).toObject().contains(QStringLiteral("root_cause_accuracy")));
        QCOMPARE(j.value(QStringLiteral("mode")).toString(), QStringLiteral("greedy"));
        const QJsonArray models = j.value(QStringLiteral("models")).toArray();
        QCOMPARE(models.size(), qsizetype(2));
        QCOMPARE(models[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("base"));
        QCOMPARE(models[0].toObject().value(QStringLiteral("incidents")).toInt(), 4);
        const QJsonObject c = j.value(QStringLiteral("comparison")).toObject();
        QCOMPARE(c.value(QStringLiteral("adapter")).toString(), QStringLiteral("rand-1"));
        const QJsonObject w = c.value(QStringLiteral("win_rate")).toObject();
        QCOMPARE(w.value(QStringLiteral("incidents")).toInt(), 4);
        const double rate = w.value(QStringLiteral("win_rate")).toDouble();
        QVERIFY(w.value(QStringLiteral("ci_low")).toDouble() <= rate && rate <= w.value(QStringLiteral("ci_high")).toDouble());
        QCOMPARE(w.value(QStringLiteral("pair_wins")).toInt() + w.value(QStringLiteral("pair_ties")).toInt()
                     + w.value(QStringLiteral("pair_losses")).toInt(),
                 4);
        for (const char *f : {"report.html", "rows.csv", "report.json"})
            QVERIFY2(QFileInfo(QDir(report).filePath(QLatin1String(f))).size() > 0, f);
        QFile csv(QDir(report).filePath(QStringLiteral("rows.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        // Header + 4 base + 4 adapter rows; random-model texts may hold quoted line breaks, so
        // count records by their leading mode field.
        QCOMPARE(QString::fromUtf8(csv.readAll()).count(QStringLiteral("\r\ngreedy,")), qsizetype(8));

        // Greedy is deterministic: the same command gives the same explanations.
        const Run again = cli(evalArgs({QStringLiteral("--adapter"), QStringLiteral("rand-1"), QStringLiteral("--limit"),
                                        QStringLiteral("4"), QStringLiteral("--greedy"), QStringLiteral("--json")}));
        QVERIFY2(again.code == 0, again.err.constData());
        QCOMPARE(again.json().value(QStringLiteral("metrics")), j.value(QStringLiteral("metrics")));
    }

    void baseOnlyKeepsTheOldShape()
    {
        const Run r = cli(evalArgs({QStringLiteral("--limit"), QStringLiteral("2"), QStringLiteral("--json")}));
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject j = r.json();
        QCOMPARE(j.value(QStringLiteral("adapter")).toString(), QString());
        QCOMPARE(j.value(QStringLiteral("incidents")).toInt(), 2);
        QCOMPARE(j.value(QStringLiteral("mode")).toString(), QStringLiteral("sampled"));
        QCOMPARE(j.value(QStringLiteral("models")).toArray().size(), qsizetype(1));
        QVERIFY(!j.contains(QStringLiteral("comparison")));
    }

    void textOutputHasTheBeforeAfterTable()
    {
        const Run r = cli(evalArgs({QStringLiteral("--adapter"), QStringLiteral("rand-1"), QStringLiteral("--limit"), QStringLiteral("2"),
                                    QStringLiteral("--mode"), QStringLiteral("both")}));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("before/after (greedy)"), r.out.constData());
        QVERIFY(r.out.contains("before/after (sampled)"));
        QVERIFY(r.out.contains("rand-1 vs base: win rate"));
        QVERIFY(r.out.contains("regressions:"));
    }

    void usageErrors()
    {
        for (const QStringList &args : {evalArgs({QStringLiteral("--mode"), QStringLiteral("sometimes")}),
                                        evalArgs({QStringLiteral("--mode"), QStringLiteral("sampled"), QStringLiteral("--greedy")})}) {
            const Run r = cli(args);
            QCOMPARE(r.code, 2);
            QCOMPARE(r.err.count('\n'), qsizetype(1));
        }
        const Run missing = cli(evalArgs({QStringLiteral("--adapter"), QStringLiteral("nope")}));
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains("no adapter named 'nope'"), missing.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestEvalCli)
#include "test_eval_cli.moc"
