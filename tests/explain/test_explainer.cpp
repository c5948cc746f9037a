// Explainer and promptTokens on a small random model built by the test (tiny_model.h): the prompt
// fits its budget and starts with BOS, a seed reproduces an explanation, a greedy batch equals
// single calls, adapters apply, and broken model folders give errors that name the folder.
#include "core/explain/explain_prompt.h"
#include "core/explain/explainer.h"
#include "core/model/lora.h"
#include "tiny_model.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace lab;

class TestExplainer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void promptTokensRespectBudget_data();
    void promptTokensRespectBudget();
    void promptTokensOfHugeLog();
    void seededExplanationIsReproducible();
    void greedyBatchEqualsSingles();
    void explanationCarriesProvenance();
    void adapterChangesTheModel();
    void badSettingsAreErrors();
    void brokenModelFoldersAreClearErrors();

private:
    QTemporaryDir m_dir;
    QString m_model;
    QStringList m_logs;
};

void TestExplainer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_model = m_dir.filePath(QStringLiteral("tiny"));
    const Status made = labtest::makeTinyModel(m_model);
    QVERIFY2(made.ok(), qPrintable(made.error()));
    m_logs = labtest::syntheticLogs(6, 11); // other logs than the tokenizer saw
}

void TestExplainer::promptTokensRespectBudget_data()
{
    QTest::addColumn<int>("budget");
    for (int budget : {16, 40, 96, 200, 360})
        QTest::addRow("%d", budget) << budget;
}

void TestExplainer::promptTokensRespectBudget()
{
    QFETCH(int, budget);
    auto tokenizer = Tokenizer::load(m_model + QStringLiteral("/tokenizer.model"));
    QVERIFY2(tokenizer.ok(), qPrintable(tokenizer.error()));
    for (const QString &log : std::as_const(m_logs)) {
        LogDigest digest;
        const std::vector<std::int64_t> ids = promptTokens(*tokenizer, log, budget, &digest);
        // BOS and the cue always go in, even when they alone exceed the budget.
        const int cueTokens = int(tokenizer->encode(explanationPrompt(QString())).size());
        const int limit = std::max(budget, 1 + cueTokens);
        QVERIFY2(int(ids.size()) <= limit, qPrintable(QStringLiteral("%1 tokens for a budget of %2").arg(ids.size()).arg(budget)));
        if (budget >= 40)
            QVERIFY(int(ids.size()) <= budget);
        QCOMPARE(ids.front(), std::int64_t(kBosId));
        // The ids after BOS are exactly the prompt built on the digest (the tokenizer round-trips).
        const std::vector<int> rest(ids.begin() + 1, ids.end());
        auto decoded = tokenizer->decode(rest);
        QVERIFY(decoded.ok());
        QCOMPARE(*decoded, explanationPrompt(digest.text));
        QVERIFY(decoded->endsWith(QStringLiteral("### Explanation:\n")));
        // A real budget keeps real log lines, and says which.
        if (budget >= 96) {
            QVERIFY(!digest.text.isEmpty());
            QCOMPARE(digest.sourceLines.size(), int(digest.text.count(QLatin1Char('\n')) + 1));
            QVERIFY(int(ids.size()) > budget / 2); // the budget is used, not wasted
        }
    }
}

void TestExplainer::promptTokensOfHugeLog()
{
    auto tokenizer = Tokenizer::load(m_model + QStringLiteral("/tokenizer.model"));
    QVERIFY(tokenizer.ok());
    QString huge;
    for (int i = 0; i < 40; ++i)
        huge += m_logs[i % m_logs.size()];
    LogDigest digest;
    const std::vector<std::int64_t> ids = promptTokens(*tokenizer, huge, 200, &digest);
    QVERIFY(ids.size() <= 200u);
    QCOMPARE(ids.front(), std::int64_t(kBosId));
    QVERIFY(digest.totalLines > 1000);
    QVERIFY(!digest.sourceLines.isEmpty());
    QVERIFY(digest.sourceLines.last() <= digest.totalLines);
}

void TestExplainer::seededExplanationIsReproducible()
{
    auto explainer = Explainer::load(m_model);
    QVERIFY2(explainer.ok(), qPrintable(explainer.error()));
    ExplainSettings s;
    s.maxNewTokens = 40;
    s.seed = 5;
    auto first = (*explainer)->explain(m_logs[0], s);
    QVERIFY2(first.ok(), qPrintable(first.error()));
    auto again = (*explainer)->explain(m_logs[0], s);
    QVERIFY(again.ok());
    QCOMPARE(again->text, first->text);
    QCOMPARE(again->newTokens, first->newTokens);
    QVERIFY(!first->text.isEmpty());
    QVERIFY(first->newTokens >= 1 && first->newTokens <= 40);
    // A fresh Explainer on the same folder gives the same text too (nothing depends on state).
    auto other = Explainer::load(m_model);
    QVERIFY(other.ok());
    auto third = (*other)->explain(m_logs[0], s);
    QVERIFY(third.ok());
    QCOMPARE(third->text, first->text);
    // Other seeds sample other explanations.
    QSet<QString> texts{first->text};
    for (quint64 seed = 6; seed < 10; ++seed) {
        s.seed = seed;
        auto e = (*explainer)->explain(m_logs[0], s);
        QVERIFY(e.ok());
        texts.insert(e->text);
    }
    QVERIFY2(texts.size() >= 3, qPrintable(QStringLiteral("only %1 different texts from 5 seeds").arg(texts.size())));
}

void TestExplainer::greedyBatchEqualsSingles()
{
    auto explainer = Explainer::load(m_model);
    QVERIFY(explainer.ok());
    ExplainSettings s;
    s.greedy = true;
    s.maxNewTokens = 48;
    // Logs of different lengths, so the batch is left-padded.
    const QStringList logs{m_logs[1], m_logs[2].left(300), m_logs[3]};
    auto batch = (*explainer)->explainBatch(logs, s);
    QVERIFY2(batch.ok(), qPrintable(batch.error()));
    QCOMPARE(batch->size(), 3);
    QSet<int> promptLengths;
    for (int i = 0; i < 3; ++i) {
        auto single = (*explainer)->explain(logs[i], s);
        QVERIFY(single.ok());
        QCOMPARE((*batch)[i].text, single->text);
        QCOMPARE((*batch)[i].newTokens, single->newTokens);
        QCOMPARE((*batch)[i].promptTokens, single->promptTokens);
        QCOMPARE((*batch)[i].digestLines, single->digestLines);
        promptLengths.insert(single->promptTokens);
    }
    QVERIFY(promptLengths.size() > 1);
}

void TestExplainer::explanationCarriesProvenance()
{
    auto explainer = Explainer::load(m_model);
    QVERIFY(explainer.ok());
    QCOMPARE((*explainer)->modelName(), QStringLiteral("tiny"));
    QCOMPARE((*explainer)->contextLength(), 256);
    ExplainSettings s;
    s.maxNewTokens = 30;
    s.seed = 42;
    s.temperature = 0.8;
    auto e = (*explainer)->explain(m_logs[4], s);
    QVERIFY(e.ok());
    QVERIFY(e->promptTokens + s.maxNewTokens <= 256);
    QVERIFY(e->prompt.endsWith(QStringLiteral("\n### Explanation:\n")));
    QVERIFY(!e->digestLines.isEmpty());
    QCOMPARE(e->totalLines, int(m_logs[4].count(QLatin1Char('\n'))));
    QVERIFY(e->seconds > 0.0);
    QCOMPARE(e->meta.value(QStringLiteral("model")).toString(), QStringLiteral("tiny"));
    QCOMPARE(e->meta.value(QStringLiteral("seed")).toString(), QStringLiteral("42"));
    QCOMPARE(e->meta.value(QStringLiteral("new_tokens")).toInt(), e->newTokens);
    QCOMPARE(e->meta.value(QStringLiteral("prompt_tokens")).toInt(), e->promptTokens);
    const QJsonObject settings = e->meta.value(QStringLiteral("settings")).toObject();
    QCOMPARE(settings.value(QStringLiteral("temperature")).toDouble(), 0.8);
    QCOMPARE(settings.value(QStringLiteral("max_new_tokens")).toInt(), 30);
    QCOMPARE(e->meta.value(QStringLiteral("digest_lines")).toArray().size(), e->digestLines.size());
    // Every digest line is a real line of the log (1-based).
    const QStringList lines = m_logs[4].split(QLatin1Char('\n'));
    for (int line : std::as_const(e->digestLines))
        QVERIFY(line >= 1 && line <= e->totalLines);
    Q_UNUSED(lines);
}

void TestExplainer::adapterChangesTheModel()
{
    // An adapter with non-zero B, saved in the PEFT layout.
    const QString adapterDir = m_dir.filePath(QStringLiteral("adapter-x"));
    {
        auto model = loadCausalLM(m_model);
        QVERIFY(model.ok());
        LoraConfig lora;
        lora.r = 4;
        lora.alpha = 8;
        auto params = addLora(**model, lora, 3);
        QVERIFY(params.ok());
        torch::NoGradGuard noGrad;
        for (auto &p : *params)
            p.normal_(0.0, 0.5);
        QVERIFY(saveLoraAdapter(**model, lora, adapterDir).ok());
    }
    auto base = Explainer::load(m_model);
    auto adapted = Explainer::load(m_model, adapterDir);
    QVERIFY2(adapted.ok(), qPrintable(adapted.error()));
    QCOMPARE((*adapted)->adapterName(), QStringLiteral("adapter-x"));
    QVERIFY((*base)->adapterName().isEmpty());
    ExplainSettings s;
    s.greedy = true;
    s.maxNewTokens = 24;
    int differing = 0;
    for (int i = 0; i < 3; ++i) {
        auto a = (*base)->explain(m_logs[i], s);
        auto b = (*adapted)->explain(m_logs[i], s);
        QVERIFY(a.ok() && b.ok());
        differing += a->text != b->text;
        QCOMPARE(b->meta.value(QStringLiteral("adapter")).toString(), QStringLiteral("adapter-x"));
    }
    QVERIFY(differing > 0);

    auto missing = Explainer::load(m_model, m_dir.filePath(QStringLiteral("no-such-adapter")));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(QStringLiteral("no-such-adapter")), qPrintable(missing.error()));
}

void TestExplainer::badSettingsAreErrors()
{
    auto explainer = Explainer::load(m_model);
    QVERIFY(explainer.ok());
    ExplainSettings s;
    s.maxNewTokens = 250; // leaves fewer than kMinPromptTokens of a 256 context
    auto tooLong = (*explainer)->explain(m_logs[0], s);
    QVERIFY(!tooLong.ok());
    QVERIFY2(tooLong.error().contains(QStringLiteral("max new tokens")), qPrintable(tooLong.error()));
    s.maxNewTokens = 10;
    s.temperature = 0.0;
    QVERIFY(!(*explainer)->explain(m_logs[0], s).ok());
    s.greedy = true; // temperature is ignored when greedy
    QVERIFY((*explainer)->explain(m_logs[0], s).ok());
    s.device = QStringLiteral("tpu");
    QVERIFY(!(*explainer)->explain(m_logs[0], s).ok());
    // An empty log still gets a prompt (the cue alone) and an answer.
    s.device = QStringLiteral("cpu");
    auto empty = (*explainer)->explain(QString(), s);
    QVERIFY2(empty.ok(), qPrintable(empty.error()));
    QVERIFY(empty->digestLines.isEmpty());
    QVERIFY((*explainer)->explainBatch({}, s).ok());
}

void TestExplainer::brokenModelFoldersAreClearErrors()
{
    auto copyModel = [this](const QString &name) {
        const QString dir = m_dir.filePath(name);
        QDir().mkpath(dir);
        for (const QString &f : {QStringLiteral("config.json"), QStringLiteral("model.safetensors"), QStringLiteral("tokenizer.model")})
            QFile::copy(m_model + QLatin1Char('/') + f, dir + QLatin1Char('/') + f);
        return dir;
    };
    auto expectError = [](const QString &dir, const QString &needle) {
        auto e = Explainer::load(dir);
        QVERIFY2(!e.ok(), qPrintable(dir));
        QVERIFY2(e.error().contains(QDir::toNativeSeparators(QFileInfo(dir).absoluteFilePath()))
                     || e.error().contains(dir),
                 qPrintable(e.error()));
        QVERIFY2(e.error().contains(needle, Qt::CaseInsensitive), qPrintable(e.error()));
    };

    expectError(m_dir.filePath(QStringLiteral("nowhere")), QStringLiteral("does not exist"));
    QVERIFY(!Explainer::load(QString()).ok());

    const QString noConfig = copyModel(QStringLiteral("no-config"));
    QFile::remove(noConfig + QStringLiteral("/config.json"));
    expectError(noConfig, QStringLiteral("config.json"));

    const QString noWeights = copyModel(QStringLiteral("no-weights"));
    QFile::remove(noWeights + QStringLiteral("/model.safetensors"));
    expectError(noWeights, QStringLiteral("safetensors"));

    const QString noTokenizer = copyModel(QStringLiteral("no-tokenizer"));
    QFile::remove(noTokenizer + QStringLiteral("/tokenizer.model"));
    expectError(noTokenizer, QStringLiteral("tokenizer.model"));

    const QString badConfig = copyModel(QStringLiteral("bad-config"));
    {
        QFile f(badConfig + QStringLiteral("/config.json"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"hidden_size\": 64, \"oops\"");
    }
    expectError(badConfig, QStringLiteral("config.json"));

    const QString truncated = copyModel(QStringLiteral("truncated-weights"));
    {
        QFile f(truncated + QStringLiteral("/model.safetensors"));
        QVERIFY(f.resize(f.size() / 2));
    }
    expectError(truncated, QStringLiteral("model.safetensors"));

    const QString badTokenizer = copyModel(QStringLiteral("bad-tokenizer"));
    {
        QFile f(badTokenizer + QStringLiteral("/tokenizer.model"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("not a sentencepiece model");
    }
    expectError(badTokenizer, QStringLiteral("tokenizer"));

    // A tokenizer with more pieces than the model has embeddings belongs to another model.
    const QString mismatched = copyModel(QStringLiteral("mismatched"));
    {
        auto model = loadCausalLM(m_model);
        QVERIFY(model.ok());
        LlamaConfig c = (*model)->config();
        c.vocabSize = 100;
        LlamaForCausalLM small(c);
        initLlamaWeights(*small, 1);
        QVERIFY(saveCausalLM(small, mismatched).ok());
    }
    expectError(mismatched, QStringLiteral("pieces"));
}

QTEST_GUILESS_MAIN(TestExplainer)
#include "test_explainer.moc"
