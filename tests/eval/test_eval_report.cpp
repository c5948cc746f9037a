// The report files of an evaluation suite: report.html (self-contained, every kind, inline SVG
// charts, the regressions with both texts escaped, extra images copied and referenced),
// rows.csv (one row per explanation, quoted where the text needs it) and report.json (parses,
// every row).
#include "core/eval/eval_report.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace lab;

namespace {

EvaluatedSample sample(qint64 incident, const QString &kind, double score, bool rootCause, const QString &text, int hallucinated = 0)
{
    EvaluatedSample s;
    s.incidentId = incident;
    s.kind = kind;
    s.text = text;
    s.judgement.score = score;
    s.judgement.rootCause = rootCause;
    s.judgement.words = int(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
    s.judgement.hallucinatedIdentifiers = hallucinated;
    if (hallucinated > 0)
        s.judgement.hallucinated << QStringLiteral("node-999");
    s.reward = score / 10.0;
    return s;
}

// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
QVector<QStringList> parseCsv(const QString &csv)
{
    QVector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const QChar c = csv[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < csv.size() && csv[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r')) {
        } else if (c == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

EvalSuite makeSuite()
{
    const QString disk = QStringLiteral("disk_full"), oom = QStringLiteral("oom_killer"), net = QStringLiteral("network_partition");
    ModelEvalReport base;
    base.model = QStringLiteral("lab-tiny");
    base.hasReward = true;
    base.samples = {sample(1, disk, 5.0, true, QStringLiteral("The disk /data on node-1 is full, so writes fail.")),
                    sample(2, oom, 1.0, false, QStringLiteral("Something, somewhere, went \"wrong\".\nCheck it.")),
                    sample(3, net, 0.0, false, QStringLiteral("A <script>alert(1)</script> network issue."))};
    ModelEvalReport adapter = base;
    adapter.adapter = QStringLiteral("dpo-7");
    adapter.samples = {sample(1, disk, 0.5, false, QStringLiteral("The job failed on node-999 <script>x</script>, restart it."), 1),
                       sample(2, oom, 5.0, true, QStringLiteral("The OOM killer ended the executor; raise its memory.")),
                       sample(3, net, 0.2, false, QStringLiteral("A network issue & a timeout."))};
    summarizeSamples(base);
    summarizeSamples(adapter);
    EvalSuite suite;
    suite.mode = QStringLiteral("greedy");
    suite.base = base;
    suite.adapters = {adapter};
    auto c = compareReports(base, adapter);
    if (!c)
        qFatal("%s", qPrintable(c.error()));
    suite.comparisons = {*c};
    return suite;
}

} // namespace

class TestEvalReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTheThreeFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const EvalSuite suite = makeSuite();
        QCOMPARE(suite.comparisons.front().regressedPairs, 1); // incident 1: lost cause, invented id, -4.5

        // A stand-in for the GUI's PNG chart: any file is copied as is.
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        {
            QFile f(png);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray::fromHex("89504e470d0a1a0a"));
        }
        ReportOptions options;
        options.extraImages = {ReportImage{png, QStringLiteral("root cause per kind (PNG)")}};
        const QString out = dir.filePath(QStringLiteral("report/nested"));
        auto files = writeEvalReport(suite, out, options);
        QVERIFY2(files, qPrintable(files.error()));
        for (const QString &f : {files->html, files->csv, files->json})
            QVERIFY2(QFileInfo(f).isFile() && QFileInfo(f).size() > 0, qPrintable(f));
        QCOMPARE(files->images.size(), qsizetype(1));
        QVERIFY(QFileInfo::exists(files->images.front()));

        // report.json: parses, both models, every pair with both texts.
        QFile json(files->json);
        QVERIFY(json.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(json.readAll(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray models = root.value(QStringLiteral("models")).toArray();
        QCOMPARE(models.size(), qsizetype(2));
        QCOMPARE(models[0].toObject().value(QStringLiteral("explanations")).toArray().size(), qsizetype(3));
        QCOMPARE(models[1].toObject().value(QStringLiteral("adapter")).toString(), QStringLiteral("dpo-7"));
        const QJsonArray rows = root.value(QStringLiteral("comparisons")).toArray()[0].toObject().value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), qsizetype(3));
        QCOMPARE(rows[1].toObject().value(QStringLiteral("base_explanation")).toObject().value(QStringLiteral("text")).toString(),
                 suite.base.samples[1].text);
        QCOMPARE(rows[0].toObject().value(QStringLiteral("regressions")).toArray().size(), qsizetype(3));

        // rows.csv: header + one row per explanation (3 base + 3 adapter), quoting round-trips.
        QFile csvFile(files->csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QVector<QStringList> csv = parseCsv(QString::fromUtf8(csvFile.readAll()));
        QCOMPARE(csv.size(), qsizetype(7));
        const QStringList header = csv.front();
        QCOMPARE(header.size(), qsizetype(20));
        for (const QStringList &r : csv)
            QCOMPARE(r.size(), header.size());
        const auto col = [&](const char *name) { return header.indexOf(QLatin1String(name)); };
        QCOMPARE(csv[2][col("text")], suite.base.samples[1].text); // commas, quotes, a line break
        QCOMPARE(csv[4][col("model")], QStringLiteral("dpo-7"));
        QCOMPARE(csv[4][col("outcome_vs_base")], QStringLiteral("loss"));
        QCOMPARE(csv[4][col("regressions")], QStringLiteral("lost_root_cause;new_hallucination;score_drop"));
        QCOMPARE(csv[4][col("hallucinated_ids")], QStringLiteral("node-999"));
        QCOMPARE(csv[5][col("outcome_vs_base")], QStringLiteral("win"));
        QCOMPARE(csv[1][col("outcome_vs_base")], QString());
        QCOMPARE(csv[1][col("root_cause")], QStringLiteral("1"));
        QCOMPARE(csv[1][col("reward")], QStringLiteral("0.5000"));

        // report.html: every kind, charts, the image, the regression with both texts, escaped.
        QFile htmlFile(files->html);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(htmlFile.readAll());
        for (const QString &kind : suite.base.perKind.keys())
            QVERIFY2(html.contains(kind), qPrintable(kind));
        QVERIFY(html.count(QStringLiteral("<svg")) >= 4);
        QVERIFY(html.contains(QStringLiteral("images/1-chart.png")));
        QVERIFY(html.contains(QStringLiteral("Regressions: dpo-7 vs base")));
        QVERIFY(html.contains(QStringLiteral("The disk /data on node-1 is full")));
        QVERIFY(html.contains(QStringLiteral("<mark title=\"not in the log\">node-999</mark>")));
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;x&lt;/script&gt;")));
        QVERIFY(html.contains(QStringLiteral("mean reward")));
    }

    void chartHasABarPerKindAndModel()
    {
        const EvalSuite suite = makeSuite();
        const QString svg = evalBarChartSvg(suite, QStringLiteral("root_cause_accuracy"));
        QVERIFY(svg.startsWith(QStringLiteral("<svg")));
        // 3 kinds x 2 models bars, each with a tooltip naming the model and kind.
        QCOMPARE(svg.count(QStringLiteral("</title></rect>")), qsizetype(6));
        // The legend gives each model's overall value: base 1 of 3, the adapter 1 of 3.
        QVERIFY(svg.contains(QStringLiteral(">base: 33.3%</text>")));
        QVERIFY(svg.contains(QStringLiteral(">dpo-7: 33.3%</text>")));
        for (const QString &kind : suite.base.perKind.keys())
            QVERIFY(svg.contains(QStringLiteral(">%1</text>").arg(kind)));
        QVERIFY(svg.contains(QStringLiteral("<title>dpo-7, oom_killer: 100.0%</title>")));
        QVERIFY(evalBarChartSvg(suite, QStringLiteral("no_such_metric")).isEmpty());
    }

    void failsWithTheFileNamed()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("file"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        auto files = writeEvalReport(makeSuite(), blocker + QStringLiteral("/report"));
        QVERIFY(!files);
        QVERIFY2(files.error().contains(blocker), qPrintable(files.error()));
        ReportOptions options;
        options.extraImages = {ReportImage{dir.filePath(QStringLiteral("missing.png")), QString()}};
        auto missing = writeEvalReport(makeSuite(), dir.filePath(QStringLiteral("r")), options);
        QVERIFY(!missing);
        QVERIFY2(missing.error().contains(QStringLiteral("missing.png")), qPrintable(missing.error()));
    }
};

QTEST_GUILESS_MAIN(TestEvalReport)
#include "test_eval_report.moc"
