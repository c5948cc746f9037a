// `rlhf-lab-cli adapters list|activate|rollback|base|export|import|eval`, run as a user or a script
// would: exit codes (0 ok, 1 failure, 2 usage), one stderr line on failure, --json shapes.
// Fixtures: real PEFT adapters of a tiny model, registered in a project database.
#include "explain/tiny_model.h"
#include "cli/cli_process.h"

#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/store/store.h"
#include "core/synth/synth_project.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lab;

namespace {

using labtest::cli;
using labtest::Run;

QStringList adapters(const QString &sub, const QString &db, const QStringList &rest = {})
{
    return QStringList{QStringLiteral("adapters"), sub, QStringLiteral("--db"), db} + rest;
}


} // namespace

#define REQUIRE_OK(expr)                                                                           \
    do {                                                                                           \
        const auto &r_ = (expr);                                                                   \
        QVERIFY2(r_.ok(), qPrintable(r_.error()));                                                 \
    } while (false)

// Runs `run` once: a failure exits with `expectedCode`, prints nothing on stdout and one line on stderr.
#define VERIFY_ONE_LINE_FAILURE(run, expectedCode)                                                 \
    do {                                                                                           \
        const Run f_ = (run);                                                                      \
        QVERIFY2(f_.code == (expectedCode), f_.err.constData());                                   \
        QVERIFY2(f_.out.isEmpty(), f_.out.constData());                                            \
        QCOMPARE(f_.err.count('\n'), qsizetype(1));                                                \
    } while (false)

class TestCliAdapters : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_model;
    QString m_db;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    qint64 addAdapter(Store &store, const QString &name, const QString &status)
    {
        RunRecord run;
        run.kind = QString(kRunDpo);
        run.status = status;
        auto runId = store.addRun(run);
        if (!runId)
            qFatal("%s", qPrintable(runId.error()));
        const QString dir = path(QStringLiteral("runs/dpo-%1/adapter").arg(*runId));
        if (Status s = labtest::makeRandomAdapter(m_model, dir, quint64(*runId)); !s)
            qFatal("%s", qPrintable(s.error()));
        AdapterRecord a;
        a.name = name;
        a.runId = *runId;
        a.path = dir;
        auto id = store.addAdapter(a);
        if (!id)
            qFatal("%s", qPrintable(id.error()));
        return *id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_model = path(QStringLiteral("tiny-model"));
        labtest::TinyModelOptions o;
        o.contextLength = 512;
        REQUIRE_OK(labtest::makeTinyModel(m_model, o));
        m_db = path(QStringLiteral("lab.db"));
        auto store = Store::open(m_db);
        REQUIRE_OK(store);
        addAdapter(**store, QStringLiteral("dpo-good"), QString(kRunFinished));
        const qint64 stopped = addAdapter(**store, QStringLiteral("dpo-stopped"), QString(kRunStopped));
        REQUIRE_OK((*store)->setAdapterEval(stopped, QJsonObject{{QStringLiteral("root_cause_accuracy"), 0.25},
                                                                   {QStringLiteral("hallucination_rate"), 0.1},
                                                                   {QStringLiteral("mean_length"), 31.0}}));
        // Held-out incidents for `adapters eval`.
        REQUIRE_OK(synth::writeSyntheticIncidents(**store, 1000011, 2));
        auto incidents = (*store)->incidents();
        REQUIRE_OK(incidents);
        for (const IncidentRecord &i : *incidents)
            REQUIRE_OK((*store)->setIncidentStatus(i.id, QStringLiteral("held_out")));
    }

    void everySubcommandHasHelp_data()
    {
        QTest::addColumn<QString>("sub");
        for (const char *s : {"list", "activate", "rollback", "base", "export", "import", "eval"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }
    void everySubcommandHasHelp()
    {
        QFETCH(QString, sub);
        const Run r = cli({QStringLiteral("adapters"), sub, QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        const QByteArray usage = QByteArray("Usage: rlhf-lab-cli adapters ") + sub.toUtf8();
        QVERIFY2(r.out.contains(usage), r.out.constData());
    }

    void usageErrors()
    {
        VERIFY_ONE_LINE_FAILURE(cli({QStringLiteral("adapters")}), 2);          // needs a subcommand
        VERIFY_ONE_LINE_FAILURE(cli({QStringLiteral("adapters"), QStringLiteral("list")}), 2); // no --db
        VERIFY_ONE_LINE_FAILURE(cli(adapters(QStringLiteral("activate"), m_db)), 2);          // no NAME
        VERIFY_ONE_LINE_FAILURE(cli(adapters(QStringLiteral("export"), m_db, {QStringLiteral("dpo-good")})), 2);
        const Run missing = cli(adapters(QStringLiteral("list"), path(QStringLiteral("nothing.db"))));
        VERIFY_ONE_LINE_FAILURE(missing, 1);
        QVERIFY(missing.err.contains("nothing.db"));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("nothing.db")))); // not created
    }

    void listJsonAndTable()
    {
        Run r = cli(adapters(QStringLiteral("list"), m_db, {QStringLiteral("--json")}));
        QCOMPARE(r.code, 0);
        const QJsonObject o = r.json();
        QVERIFY(o.value(QStringLiteral("active")).isNull());
        const QJsonArray rows = o.value(QStringLiteral("adapters")).toArray();
        QCOMPARE(rows.size(), 2);
        const QJsonObject newest = rows.at(0).toObject();
        QCOMPARE(newest.value(QStringLiteral("name")).toString(), QStringLiteral("dpo-stopped"));
        QCOMPARE(newest.value(QStringLiteral("kind")).toString(), QStringLiteral("dpo"));
        QCOMPARE(newest.value(QStringLiteral("run_status")).toString(), QStringLiteral("stopped"));
        QVERIFY(newest.value(QStringLiteral("run_id")).toInteger() > 0);
        QCOMPARE(newest.value(QStringLiteral("active")).toBool(), false);
        QVERIFY(!newest.value(QStringLiteral("created_at")).toString().isEmpty());
        QVERIFY(newest.value(QStringLiteral("path")).toString().endsWith(QLatin1String("/adapter")));
        QCOMPARE(newest.value(QStringLiteral("eval")).toObject().value(QStringLiteral("root_cause_accuracy")).toDouble(), 0.25);
        QVERIFY(rows.at(1).toObject().value(QStringLiteral("eval")).toObject().isEmpty());

        r = cli(adapters(QStringLiteral("list"), m_db));
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("dpo-good") && r.out.contains("dpo-stopped") && r.out.contains("25.0%")
                     && r.out.contains("base model is in use"),
                 r.out.constData());
    }

    void activateRollbackAndBase()
    {
        Run r = cli(adapters(QStringLiteral("activate"), m_db, {QStringLiteral("dpo-good"), QStringLiteral("--json")}));
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json().value(QStringLiteral("active")).toString(), QStringLiteral("dpo-good"));

        // The stopped run's adapter: refused, then forced.
        r = cli(adapters(QStringLiteral("activate"), m_db, {QStringLiteral("dpo-stopped")}));
        VERIFY_ONE_LINE_FAILURE(r, 1);
        QVERIFY2(r.err.contains("dpo-stopped") && r.err.contains("not finished"), r.err.constData());
        QTest::qWait(3);
        r = cli(adapters(QStringLiteral("activate"), m_db, {QStringLiteral("dpo-stopped"), QStringLiteral("--force")}));
        QCOMPARE(r.code, 0);
        QCOMPARE(cli(adapters(QStringLiteral("list"), m_db, {QStringLiteral("--json")})).json().value(QStringLiteral("active")).toString(),
                 QStringLiteral("dpo-stopped"));

        VERIFY_ONE_LINE_FAILURE(cli(adapters(QStringLiteral("activate"), m_db, {QStringLiteral("no-such")})), 1);

        r = cli(adapters(QStringLiteral("rollback"), m_db, {QStringLiteral("--json")}));
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json().value(QStringLiteral("from")).toString(), QStringLiteral("dpo-stopped"));
        QCOMPARE(r.json().value(QStringLiteral("to")).toString(), QStringLiteral("dpo-good"));
        r = cli(adapters(QStringLiteral("rollback"), m_db, {QStringLiteral("--json")}));
        QCOMPARE(r.code, 0);
        QVERIFY(r.json().value(QStringLiteral("to")).isNull());
        VERIFY_ONE_LINE_FAILURE(cli(adapters(QStringLiteral("rollback"), m_db)), 1); // nothing left

        QCOMPARE(cli(adapters(QStringLiteral("activate"), m_db, {QStringLiteral("dpo-good")})).code, 0);
        r = cli(adapters(QStringLiteral("base"), m_db, {QStringLiteral("--json")}));
        QCOMPARE(r.code, 0);
        QVERIFY(cli(adapters(QStringLiteral("list"), m_db, {QStringLiteral("--json")})).json().value(QStringLiteral("active")).isNull());
    }

    void exportAndImport()
    {
        const QString out = path(QStringLiteral("exported"));
        Run r = cli(adapters(QStringLiteral("export"), m_db, {QStringLiteral("dpo-good"), out, QStringLiteral("--json")}));
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json().value(QStringLiteral("dir")).toString(), QFileInfo(out).absoluteFilePath());
        QVERIFY(QFileInfo::exists(QDir(out).filePath(QStringLiteral("adapter_model.safetensors"))));
        REQUIRE_OK(readLoraConfig(QDir(out).filePath(QStringLiteral("adapter_config.json"))));

        const QString foreign = path(QStringLiteral("foreign"));
        QVERIFY(QDir().mkpath(foreign));
        QFile keep(QDir(foreign).filePath(QStringLiteral("keep.txt")));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.close();
        r = cli(adapters(QStringLiteral("export"), m_db, {QStringLiteral("dpo-good"), foreign}));
        VERIFY_ONE_LINE_FAILURE(r, 1);
        QVERIFY2(r.err.contains("not an adapter folder"), r.err.constData());

        r = cli(adapters(QStringLiteral("import"), m_db, {out, QStringLiteral("shared-copy"), QStringLiteral("--json")}));
        QCOMPARE(r.code, 0);
        const QJsonObject imported = r.json().value(QStringLiteral("adapter")).toObject();
        QCOMPARE(imported.value(QStringLiteral("name")).toString(), QStringLiteral("shared-copy"));
        QCOMPARE(imported.value(QStringLiteral("kind")).toString(), QStringLiteral("imported"));
        VERIFY_ONE_LINE_FAILURE(cli(adapters(QStringLiteral("import"), m_db, {foreign, QStringLiteral("junk")})), 1);
    }

    void evalStoresMetrics()
    {
        Run r = cli(adapters(QStringLiteral("eval"), m_db,
                             {QStringLiteral("dpo-good"), QStringLiteral("--model"), m_model, QStringLiteral("--greedy"),
                              QStringLiteral("--max-new-tokens"), QStringLiteral("8"), QStringLiteral("--device"),
                              QStringLiteral("cpu"), QStringLiteral("--json")}));
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject eval = r.json().value(QStringLiteral("eval")).toObject();
        QCOMPARE(eval.value(QStringLiteral("incidents")).toInt(), 2);
        QVERIFY(eval.value(QStringLiteral("root_cause_accuracy")).isDouble());

        // The list shows what was stored.
        const QJsonArray rows =
            cli(adapters(QStringLiteral("list"), m_db, {QStringLiteral("--json")})).json().value(QStringLiteral("adapters")).toArray();
        bool found = false;
        for (const QJsonValue &row : rows) {
            const QJsonObject o = row.toObject();
            if (o.value(QStringLiteral("name")).toString() == QLatin1String("dpo-good")) {
                found = true;
                QCOMPARE(o.value(QStringLiteral("eval")).toObject().value(QStringLiteral("root_cause_accuracy")),
                         eval.value(QStringLiteral("root_cause_accuracy")));
            }
        }
        QVERIFY(found);

        VERIFY_ONE_LINE_FAILURE(cli(adapters(QStringLiteral("eval"), m_db,
                                             {QStringLiteral("dpo-good"), QStringLiteral("--adapter"), QStringLiteral("x")})),
                                2);
    }
};

QTEST_GUILESS_MAIN(TestCliAdapters)
#include "test_cli_adapters.moc"
