// `rlhf-lab-cli bench`'s core: the JSON carries every key of shared/bench/README.md (null for
// workloads not run), options are checked, and the gemm control and the FLOP count are right.
// No speed is asserted here; speed is what the command itself measures.
#include "core/bench/bench.h"

#include <QJsonArray>
#include <QtTest>

using namespace lab;

class TestBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readmeKeysAndParams();
    void rejectsBadOptions();
};

void TestBench::readmeKeysAndParams()
{
    BenchOptions options;
    options.only = {QStringLiteral("gemm")};
    options.seconds = 0.05;
    options.threads = 1;
    int windowsSeen = 0;
    Result<BenchReport> report = runBench(options, [&](const QString &name, int windows) {
        QCOMPARE(name, QStringLiteral("gemm"));
        windowsSeen = windows;
    });
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QCOMPARE(windowsSeen, 3);
    const QJsonObject json = report->toJson();
    for (const char *key :
         {"gemm_gflops", "sft_tokens_per_s", "reward_pairs_per_s", "dpo_pairs_per_s",
          "generate_tokens_per_s", "threads", "torch", "config", "omp_wait_policy", "params"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    QVERIFY(json.value(QLatin1String("gemm_gflops")).toDouble() > 0);
    for (const char *key :
         {"sft_tokens_per_s", "reward_pairs_per_s", "dpo_pairs_per_s", "generate_tokens_per_s"})
        QVERIFY2(json.value(QLatin1String(key)).isNull(), key);
    QCOMPARE(json.value(QLatin1String("threads")).toInt(), 1);
    QCOMPARE(json.value(QLatin1String("config")).toString(), QStringLiteral("lab-tiny"));
    QVERIFY(json.value(QLatin1String("torch")).toString().startsWith(QLatin1String("1.")));
    // The parameter counts the reference prints for lab-tiny.
    const QJsonObject params = json.value(QLatin1String("params")).toObject();
    QCOMPARE(params.value(QLatin1String("lm")).toInteger(), 5261568);
    QCOMPARE(params.value(QLatin1String("reward")).toInteger(), 4213248);
    QCOMPARE(params.value(QLatin1String("lora")).toInteger(), 131072);
    // 3 windows with at least one step each; the median is the middle window.
    const BenchWorkload *gemm = report->find(QStringLiteral("gemm"));
    QVERIFY(gemm);
    QCOMPARE(gemm->windows.size(), 3);
    for (int n : gemm->steps)
        QVERIFY(n >= 1);
    QList<double> sorted = gemm->windows;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(gemm->median, sorted[1]);
    // No sft run: no model-FLOP keys.
    QVERIFY(!json.contains(QLatin1String("sft_model_gflops")));
    // The FLOP count names the matmul parameters of lab-tiny without the embedding:
    // 4 x (4 x 256^2 + 3 x 256 x 688) + 4096 x 256.
    QVERIFY2(report->flopCount.contains(QLatin1String("4210688")), qPrintable(report->flopCount));
}

void TestBench::rejectsBadOptions()
{
    BenchOptions options;
    options.seconds = 0.01;
    options.only = {QStringLiteral("nope")};
    QVERIFY(!runBench(options).ok());
    options.only = {QStringLiteral("gemm")};
    options.seconds = 0;
    QVERIFY(!runBench(options).ok());
    options.seconds = 1;
    options.threads = -1;
    QVERIFY(!runBench(options).ok());
    QCOMPARE(benchWorkloadNames(),
             (QStringList{QStringLiteral("gemm"), QStringLiteral("sft"), QStringLiteral("reward"),
                          QStringLiteral("dpo"), QStringLiteral("generate")}));
}

QTEST_GUILESS_MAIN(TestBench)
#include "test_bench.moc"
