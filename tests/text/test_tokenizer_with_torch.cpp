// The tokenizer inside a process that links LibTorch: libsentencepiece's bundled protobuf and
// LibTorch's libprotobuf must not meet (see core/text/spm_backend.h). Loads a real model, trains
// a small one, and feeds ids through a tensor and back.
#include "core/text/tokenizer.h"
#include "shared_data.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QTest>

class TestTokenizerWithTorch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realModelNextToTorch()
    {
        // LibTorch is really in use in this process, protobuf included (its ONNX/Caffe2 parts).
        const torch::Tensor x = torch::arange(0, 4, torch::kLong);
        QCOMPARE(x.sum().item<std::int64_t>(), std::int64_t(6));

        LAB_REQUIRE_SHARED(path, "tokenizers/sentencepiece_test/test_model.model");
        auto tokenizer = lab::Tokenizer::load(path);
        QVERIFY2(tokenizer.ok(), qPrintable(tokenizer.error()));
        const std::vector<int> ids =
            tokenizer->encode(QStringLiteral("I saw a girl with a telescope."));
        QCOMPARE(ids, (std::vector<int>{9, 459, 11, 939, 44, 11, 4, 142, 82, 8, 28, 21, 132, 6}));
        const torch::Tensor t = torch::tensor(std::vector<std::int64_t>(ids.begin(), ids.end()));
        std::vector<int> back(t.data_ptr<std::int64_t>(), t.data_ptr<std::int64_t>() + t.numel());
        QCOMPARE(*tokenizer->decode(back), QStringLiteral("I saw a girl with a telescope."));
    }

    void trainNextToTorch()
    {
        QTemporaryDir dir;
        QStringList texts;
        for (int i = 0; i < 300; ++i)
            texts << QStringLiteral("2024-01-%1 ERROR executor %2 lost: OutOfMemoryError\n\tat "
                                    "org.apache.spark.Task.run(Task.scala:%3)\n")
                         .arg(i % 28 + 1)
                         .arg(i)
                         .arg(100 + i % 7);
        lab::TokenizerTrainOptions options;
        options.vocabSize = 400;
        const lab::Status trained =
            lab::Tokenizer::train(texts, dir.filePath(QStringLiteral("t")), options);
        QVERIFY2(trained.ok(), qPrintable(trained.error()));
        auto tokenizer = lab::Tokenizer::load(dir.filePath(QStringLiteral("t.model")));
        QVERIFY2(tokenizer.ok(), qPrintable(tokenizer.error()));
        for (const QString &text : texts.mid(0, 20))
            QCOMPARE(*tokenizer->decode(tokenizer->encode(text)), text);
    }
};

QTEST_GUILESS_MAIN(TestTokenizerWithTorch)
#include "test_tokenizer_with_torch.moc"
