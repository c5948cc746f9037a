// safetensors: exact round trips per dtype, metadata, sharded folders, every malformed header we
// can think of (each a clear error naming the file, never a crash or a huge allocation), and a
// cross-check against an independent reader and writer in Python (plain struct + json + torch).
#include "core/model/safetensors.h"

#include <torch/torch.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using lab::SafetensorsFile;

namespace {

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray lengthPrefix(quint64 n)
{
    QByteArray out(8, '\0');
    for (int i = 0; i < 8; ++i)
        out[i] = static_cast<char>((n >> (8 * i)) & 0xff);
    return out;
}

// A file with this header JSON and `dataBytes` zero bytes of data; `length` overrides N.
QByteArray rawFile(const QByteArray &json, qint64 dataBytes,
                   std::optional<quint64> length = std::nullopt)
{
    return lengthPrefix(length.value_or(quint64(json.size()))) + json + QByteArray(dataBytes, '\0');
}

bool bitwiseEqual(const torch::Tensor &a, const torch::Tensor &b)
{
    return a.scalar_type() == b.scalar_type() && a.sizes() == b.sizes() &&
           a.nbytes() == b.nbytes() &&
           std::memcmp(a.contiguous().data_ptr(), b.contiguous().data_ptr(), a.nbytes()) == 0;
}

bool pythonTorchAvailable()
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"), QStringLiteral("import torch")});
    return python.waitForFinished(120000) && python.exitStatus() == QProcess::NormalExit &&
           python.exitCode() == 0;
}

// Runs a Python script; returns its combined output, or an error line when it failed.
bool runPython(const QString &script, const QStringList &args, QString &output)
{
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(QStringLiteral("/usr/bin/python3"),
                 QStringList{QStringLiteral("-c"), script} + args);
    const bool finished = python.waitForFinished(180000);
    output = QString::fromUtf8(python.readAll());
    return finished && python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0;
}

} // namespace

class TestSafetensors : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Opening must fail with a message that names the file and contains `expect`.
    void expectOpenError(const QString &name, const QByteArray &bytes, const QString &expect)
    {
        const QString file = path(name);
        QVERIFY(writeBytes(file, bytes));
        const auto result = SafetensorsFile::open(file);
        QVERIFY2(!result.ok(), qPrintable(name + QStringLiteral(" opened but should not have")));
        QVERIFY2(result.error().contains(file), qPrintable(result.error()));
        QVERIFY2(result.error().contains(expect, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("expected \"%1\" in: %2").arg(expect, result.error())));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTripExact_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("dtypeName");
        QTest::newRow("F32") << int(torch::kFloat) << QStringLiteral("F32");
        QTest::newRow("F16") << int(torch::kHalf) << QStringLiteral("F16");
        QTest::newRow("BF16") << int(torch::kBFloat16) << QStringLiteral("BF16");
        QTest::newRow("F64") << int(torch::kDouble) << QStringLiteral("F64");
    }

    void roundTripExact()
    {
        QFETCH(int, type);
        QFETCH(QString, dtypeName);
        const auto scalarType = static_cast<torch::ScalarType>(type);
        torch::manual_seed(1);
        // Values as the stored type holds them, including extremes and non-finite ones.
        torch::Tensor weight = torch::randn({7, 5}).mul(3).to(scalarType);
        torch::Tensor special = torch::tensor({0.0, -0.0, 1.0, -2.5, 65504.0, 1e-3,
                                               std::numeric_limits<double>::infinity(),
                                               -std::numeric_limits<double>::infinity()})
                                    .to(scalarType);
        torch::Tensor scalar = torch::tensor(0.125).to(scalarType);
        torch::Tensor empty = torch::zeros({0, 3}).to(scalarType);
        const QString file = path(QStringLiteral("round-%1.safetensors").arg(dtypeName));
        const auto saved = lab::saveSafetensors(file, {{"layers.0.weight", weight},
                                                       {"special", special},
                                                       {"scalar", scalar},
                                                       {"empty", empty}});
        QVERIFY2(saved.ok(), qPrintable(saved.error()));

        auto opened = SafetensorsFile::open(file);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE(opened->names(),
                 (std::vector<std::string>{"layers.0.weight", "special", "scalar", "empty"}));
        const auto *info = opened->info("layers.0.weight");
        QVERIFY(info);
        QCOMPARE(QString::fromStdString(info->dtype), dtypeName);
        QCOMPARE(info->shape, (std::vector<std::int64_t>{7, 5}));
        QCOMPARE(opened->info("scalar")->shape.size(), std::size_t(0));
        QVERIFY(!opened->info("missing"));

        // Stored type requested: bit for bit what was saved.
        for (const auto &[name, original] :
             std::vector<std::pair<std::string, torch::Tensor>>{{"layers.0.weight", weight},
                                                                {"special", special},
                                                                {"scalar", scalar},
                                                                {"empty", empty}}) {
            auto loaded = opened->tensor(name, scalarType);
            QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
            QVERIFY2(bitwiseEqual(*loaded, original), name.c_str());
            // Default request: float32, converted exactly as LibTorch converts.
            auto asFloat = opened->tensor(name);
            QVERIFY(asFloat.ok());
            QCOMPARE(asFloat->scalar_type(), torch::kFloat);
            QVERIFY(bitwiseEqual(*asFloat, original.to(torch::kFloat)));
        }
        // The loaded tensor owns its memory: it outlives the file object.
        torch::Tensor kept = *opened->tensor("layers.0.weight", scalarType);
        opened = lab::fail(QStringLiteral("closed"));
        QVERIFY(bitwiseEqual(kept, weight));
    }

    void integerBoolAndNonContiguous()
    {
        torch::Tensor ids = torch::arange(-5, 7, torch::kLong).reshape({3, 4});
        torch::Tensor mask = torch::tensor({true, false, true});
        torch::Tensor small = torch::arange(0, 200, torch::kInt).to(torch::kByte);
        torch::Tensor transposed =
            torch::arange(0, 12, torch::kFloat).reshape({3, 4}).t(); // not contiguous
        QVERIFY(!transposed.is_contiguous());
        const QString file = path(QStringLiteral("mixed.safetensors"));
        QVERIFY(lab::saveSafetensors(
                    file, {{"ids", ids}, {"mask", mask}, {"small", small}, {"t", transposed}})
                    .ok());
        auto opened = SafetensorsFile::open(file);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE(opened->info("ids")->dtype, std::string("I64"));
        QCOMPARE(opened->info("mask")->dtype, std::string("BOOL"));
        QCOMPARE(opened->info("small")->dtype, std::string("U8"));
        QVERIFY(bitwiseEqual(*opened->tensor("ids", torch::kLong), ids));
        QVERIFY(bitwiseEqual(*opened->tensor("mask", torch::kBool), mask));
        QVERIFY(bitwiseEqual(*opened->tensor("small", torch::kByte), small));
        QVERIFY(bitwiseEqual(*opened->tensor("t"), transposed.contiguous()));
    }

    void saveConvertsFloatsOnlyAndAlignsData()
    {
        const QString file = path(QStringLiteral("bf16.safetensors"));
        torch::Tensor w = torch::randn({4, 4});
        torch::Tensor steps = torch::tensor({std::int64_t(123456789012)});
        QVERIFY(
            lab::saveSafetensors(file, {{"w", w}, {"steps", steps}}, {}, torch::kBFloat16).ok());
        auto opened = SafetensorsFile::open(file);
        QVERIFY(opened.ok());
        QCOMPARE(opened->info("w")->dtype, std::string("BF16"));
        QCOMPARE(opened->info("steps")->dtype, std::string("I64"));
        QVERIFY(bitwiseEqual(*opened->tensor("w", torch::kBFloat16), w.to(torch::kBFloat16)));
        QCOMPARE(opened->tensor("steps", torch::kLong)->item<std::int64_t>(),
                 std::int64_t(123456789012));

        // The header is padded so the data buffer starts 8-byte aligned.
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray head = raw.read(8);
        quint64 n = 0;
        for (int i = 7; i >= 0; --i)
            n = (n << 8) | quint8(head[i]);
        QCOMPARE(n % 8, quint64(0));
    }

    void metadataRoundTrips()
    {
        const QString file = path(QStringLiteral("meta.safetensors"));
        const std::map<std::string, std::string> metadata{
            {"format", "pt"}, {"config", "{\"dim\": 64, \"layers\": 2}"}, {"note", "ünïcode ✓"}};
        QVERIFY(lab::saveSafetensors(file, {{"x", torch::ones({2})}}, metadata).ok());
        auto opened = SafetensorsFile::open(file);
        QVERIFY(opened.ok());
        QCOMPARE(opened->metadata(), metadata);

        // No tensors at all is a valid file too.
        const QString empty = path(QStringLiteral("no-tensors.safetensors"));
        QVERIFY(lab::saveSafetensors(empty, {}, {{"k", "v"}}).ok());
        auto reopened = SafetensorsFile::open(empty);
        QVERIFY2(reopened.ok(), qPrintable(reopened.error()));
        QVERIFY(reopened->names().empty());
        QCOMPARE(reopened->metadata().at("k"), std::string("v"));
    }

    void saveReplacesAtomicallyAndRejectsBadInput()
    {
        const QString file = path(QStringLiteral("replace.safetensors"));
        QVERIFY(lab::saveSafetensors(file, {{"a", torch::zeros({100})}}).ok());
        QVERIFY(lab::saveSafetensors(file, {{"b", torch::ones({3})}}).ok());
        auto opened = SafetensorsFile::open(file);
        QVERIFY(opened.ok());
        QCOMPARE(opened->names(), std::vector<std::string>{"b"});
        // No temporary files left beside it.
        const QStringList leftovers =
            QDir(m_dir.path()).entryList({QStringLiteral("replace*")}, QDir::Files);
        QCOMPARE(leftovers, QStringList{QStringLiteral("replace.safetensors")});

        // A failed save leaves the old file as it was.
        auto status =
            lab::saveSafetensors(file, {{"dup", torch::ones({1})}, {"dup", torch::ones({1})}});
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(QStringLiteral("dup")), qPrintable(status.error()));
        QCOMPARE(SafetensorsFile::open(file)->names(), std::vector<std::string>{"b"});

        QVERIFY(!lab::saveSafetensors(file, {{"", torch::ones({1})}}).ok());
        QVERIFY(!lab::saveSafetensors(file, {{"__metadata__", torch::ones({1})}}).ok());
        QVERIFY(!lab::saveSafetensors(file, {{"undefined", torch::Tensor()}}).ok());
        QVERIFY(!lab::saveSafetensors(file, {{"c", torch::ones({1}, torch::kComplexFloat)}}).ok());
        const QString nowhere = path(QStringLiteral("no-such-folder/x.safetensors"));
        status = lab::saveSafetensors(nowhere, {{"a", torch::ones({1})}});
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(nowhere), qPrintable(status.error()));
    }

    void lookupErrors()
    {
        const QString file = path(QStringLiteral("lookup.safetensors"));
        QVERIFY(lab::saveSafetensors(file, {{"a", torch::ones({1})}}).ok());
        auto opened = SafetensorsFile::open(file);
        auto missing = opened->tensor("nope");
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(QStringLiteral("nope")) && missing.error().contains(file),
                 qPrintable(missing.error()));

        // U16 is a valid safetensors dtype that LibTorch 1.13 has no type for.
        const QByteArray json = R"({"u":{"dtype":"U16","shape":[2],"data_offsets":[0,4]}})";
        QVERIFY(writeBytes(path(QStringLiteral("u16.safetensors")), rawFile(json, 4)));
        auto u16 = SafetensorsFile::open(path(QStringLiteral("u16.safetensors")));
        QVERIFY2(u16.ok(), qPrintable(u16.error()));
        auto loaded = u16->tensor("u");
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().contains(QStringLiteral("U16")), qPrintable(loaded.error()));

        const QString absent = path(QStringLiteral("absent.safetensors"));
        auto notThere = SafetensorsFile::open(absent);
        QVERIFY(!notThere.ok());
        QVERIFY2(notThere.error().contains(absent), qPrintable(notThere.error()));
    }

    void malformedFiles()
    {
        const QByteArray okEntry = R"("a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]})";
        expectOpenError(QStringLiteral("empty.st"), QByteArray(), QStringLiteral("fewer than"));
        expectOpenError(QStringLiteral("short.st"), QByteArray("\x05\x00\x00", 3),
                        QStringLiteral("fewer than"));
        expectOpenError(QStringLiteral("length-past-end.st"), rawFile("{" + okEntry + "}", 8, 4096),
                        QStringLiteral("past the end"));
        expectOpenError(QStringLiteral("length-huge.st"),
                        rawFile("{" + okEntry + "}", 8, quint64(1) << 63), QStringLiteral("limit"));
        expectOpenError(QStringLiteral("length-max.st"), rawFile("{}", 0, ~quint64(0)),
                        QStringLiteral("limit"));
        expectOpenError(QStringLiteral("length-over-100mb.st"), rawFile("{}", 0, 100000001),
                        QStringLiteral("limit"));
        expectOpenError(QStringLiteral("length-zero.st"), rawFile("{}", 0, 0),
                        QStringLiteral("too short"));
        expectOpenError(QStringLiteral("truncated-json.st"),
                        rawFile("{\"a\":{\"dtype\":\"F32\",\"sha", 8), QStringLiteral("JSON"));
        expectOpenError(QStringLiteral("array-json.st"), rawFile("[1, 2, 3]", 0),
                        QStringLiteral("'{'"));
        expectOpenError(QStringLiteral("not-json.st"), rawFile("{not json at all}", 0),
                        QStringLiteral("JSON"));
        expectOpenError(QStringLiteral("entry-not-object.st"), rawFile(R"({"a": 5})", 0),
                        QStringLiteral("not an object"));
        expectOpenError(QStringLiteral("unknown-dtype.st"),
                        rawFile(R"({"a":{"dtype":"F17","shape":[2],"data_offsets":[0,8]}})", 8),
                        QStringLiteral("F17"));
        expectOpenError(QStringLiteral("missing-dtype.st"),
                        rawFile(R"({"a":{"shape":[2],"data_offsets":[0,8]}})", 8),
                        QStringLiteral("dtype"));
        expectOpenError(QStringLiteral("negative-shape.st"),
                        rawFile(R"({"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", 8),
                        QStringLiteral("shape"));
        expectOpenError(QStringLiteral("fractional-shape.st"),
                        rawFile(R"({"a":{"dtype":"F32","shape":[1.5],"data_offsets":[0,8]}})", 8),
                        QStringLiteral("shape"));
        expectOpenError(QStringLiteral("string-shape.st"),
                        rawFile(R"({"a":{"dtype":"F32","shape":["2"],"data_offsets":[0,8]}})", 8),
                        QStringLiteral("shape"));
        expectOpenError(
            QStringLiteral("overflow-shape.st"),
            rawFile(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}})",
                    8),
            QStringLiteral("overflows"));
        expectOpenError(
            QStringLiteral("overflow-bytes.st"),
            rawFile(R"({"a":{"dtype":"F64","shape":[2147483648,2147483648],"data_offsets":[0,8]}})",
                    8),
            QStringLiteral("overflows"));
        expectOpenError(QStringLiteral("huge-shape.st"),
                        rawFile(R"({"a":{"dtype":"F32","shape":[1e300],"data_offsets":[0,8]}})", 8),
                        QStringLiteral("shape"));
        expectOpenError(
            QStringLiteral("offsets-out-of-bounds.st"),
            rawFile(R"({"a":{"dtype":"F32","shape":[100],"data_offsets":[0,400]}})", 16),
            QStringLiteral("ends at byte 400"));
        expectOpenError(
            QStringLiteral("offsets-huge.st"),
            rawFile(
                R"({"a":{"dtype":"U8","shape":[8],"data_offsets":[18446744073709551608,18446744073709551616]}})",
                8),
            QStringLiteral("data_offsets"));
        expectOpenError(QStringLiteral("offsets-reversed.st"),
                        rawFile(R"({"a":{"dtype":"U8","shape":[0],"data_offsets":[8,0]}})", 8),
                        QStringLiteral("before it begins"));
        expectOpenError(QStringLiteral("offsets-missing.st"),
                        rawFile(R"({"a":{"dtype":"F32","shape":[2]}})", 8),
                        QStringLiteral("data_offsets"));
        expectOpenError(QStringLiteral("offsets-three.st"),
                        rawFile(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4,8]}})", 8),
                        QStringLiteral("data_offsets"));
        expectOpenError(
            QStringLiteral("overlap.st"),
            rawFile(
                R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                12),
            QStringLiteral("overlaps"));
        expectOpenError(
            QStringLiteral("same-range.st"),
            rawFile(
                R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})",
                8),
            QStringLiteral("overlaps"));
        expectOpenError(QStringLiteral("size-mismatch.st"),
                        rawFile(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,8]}})", 8),
                        QStringLiteral("needs 16"));
        expectOpenError(
            QStringLiteral("gap.st"),
            rawFile(
                R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[12,20]}})",
                20),
            QStringLiteral("belong to no tensor"));
        expectOpenError(QStringLiteral("trailing-bytes.st"), rawFile("{" + okEntry + "}", 12),
                        QStringLiteral("cover 8"));
        expectOpenError(QStringLiteral("data-truncated.st"), rawFile("{" + okEntry + "}", 4),
                        QStringLiteral("ends at byte 8"));
        expectOpenError(QStringLiteral("metadata-not-string.st"),
                        rawFile(R"({"__metadata__":{"step":5},)" + okEntry + "}", 8),
                        QStringLiteral("not a string"));
        expectOpenError(QStringLiteral("metadata-not-object.st"),
                        rawFile(R"({"__metadata__":"x",)" + okEntry + "}", 8),
                        QStringLiteral("__metadata__"));

        // A correct file made the same way opens, so the cases above fail for the reason they test.
        const QString good = path(QStringLiteral("good.st"));
        QVERIFY(writeBytes(good, rawFile("{" + okEntry + "}   ", 8)));
        auto opened = SafetensorsFile::open(good);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE(opened->tensor("a")->sum().item<float>(), 0.0f);

        // A correct file cut short anywhere is an error, never a crash.
        const QString full = path(QStringLiteral("full.safetensors"));
        QVERIFY(lab::saveSafetensors(
                    full, {{"w", torch::randn({16, 16})}, {"b", torch::randn({16})}}, {{"k", "v"}})
                    .ok());
        QFile fullFile(full);
        QVERIFY(fullFile.open(QIODevice::ReadOnly));
        const QByteArray bytes = fullFile.readAll();
        for (qsizetype cut = 0; cut < bytes.size(); cut += (cut < 200 ? 1 : 97)) {
            const QString cutPath = path(QStringLiteral("cut.safetensors"));
            QVERIFY(writeBytes(cutPath, bytes.left(cut)));
            QVERIFY2(!SafetensorsFile::open(cutPath).ok(), qPrintable(QString::number(cut)));
        }
    }

    void shardedFolder()
    {
        const QString dir = path(QStringLiteral("sharded"));
        QVERIFY(QDir().mkpath(dir));
        torch::manual_seed(3);
        const torch::Tensor a = torch::randn({3, 4});
        const torch::Tensor b = torch::randn({5});
        const torch::Tensor c = torch::randn({2, 2}).to(torch::kBFloat16);
        QVERIFY(lab::saveSafetensors(dir + QStringLiteral("/model-00001-of-00002.safetensors"),
                                     {{"a", a}, {"b", b}})
                    .ok());
        QVERIFY(lab::saveSafetensors(dir + QStringLiteral("/model-00002-of-00002.safetensors"),
                                     {{"c", c}})
                    .ok());
        QJsonObject weightMap{
            {QStringLiteral("a"), QStringLiteral("model-00001-of-00002.safetensors")},
            {QStringLiteral("b"), QStringLiteral("model-00001-of-00002.safetensors")},
            {QStringLiteral("c"), QStringLiteral("model-00002-of-00002.safetensors")}};
        QJsonObject index{
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("total_size"), 88}}},
            {QStringLiteral("weight_map"), weightMap}};
        const QString indexPath = dir + QStringLiteral("/model.safetensors.index.json");
        QVERIFY(writeBytes(indexPath, QJsonDocument(index).toJson()));

        auto all = lab::loadSafetensorsDir(dir);
        QVERIFY2(all.ok(), qPrintable(all.error()));
        QCOMPARE(all->size(), std::size_t(3));
        QVERIFY(bitwiseEqual(all->at("a"), a));
        QVERIFY(bitwiseEqual(all->at("b"), b));
        QVERIFY(bitwiseEqual(all->at("c"), c.to(torch::kFloat)));

        // The index names a tensor its shard does not have.
        weightMap.insert(QStringLiteral("d"), QStringLiteral("model-00002-of-00002.safetensors"));
        index.insert(QStringLiteral("weight_map"), weightMap);
        QVERIFY(writeBytes(indexPath, QJsonDocument(index).toJson()));
        auto result = lab::loadSafetensorsDir(dir);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QStringLiteral("\"d\"")), qPrintable(result.error()));

        // The index points outside the folder or at a missing shard.
        weightMap.insert(QStringLiteral("d"), QStringLiteral("../elsewhere.safetensors"));
        index.insert(QStringLiteral("weight_map"), weightMap);
        QVERIFY(writeBytes(indexPath, QJsonDocument(index).toJson()));
        QVERIFY(!lab::loadSafetensorsDir(dir).ok());
        weightMap.insert(QStringLiteral("d"), QStringLiteral("model-00003-of-00002.safetensors"));
        index.insert(QStringLiteral("weight_map"), weightMap);
        QVERIFY(writeBytes(indexPath, QJsonDocument(index).toJson()));
        result = lab::loadSafetensorsDir(dir);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QStringLiteral("model-00003-of-00002.safetensors")),
                 qPrintable(result.error()));
        QVERIFY(writeBytes(indexPath, "{\"weight_map\": [1]}"));
        QVERIFY(!lab::loadSafetensorsDir(dir).ok());

        // A folder with one model.safetensors and no index.
        const QString single = path(QStringLiteral("single"));
        QVERIFY(QDir().mkpath(single));
        QVERIFY(
            lab::saveSafetensors(single + QStringLiteral("/model.safetensors"), {{"a", a}}).ok());
        auto one = lab::loadSafetensorsDir(single, torch::kDouble);
        QVERIFY2(one.ok(), qPrintable(one.error()));
        QCOMPARE(one->at("a").scalar_type(), torch::kDouble);
        QVERIFY(torch::equal(one->at("a"), a.to(torch::kDouble)));

        const QString none = path(QStringLiteral("nothing-here"));
        QVERIFY(QDir().mkpath(none));
        result = lab::loadSafetensorsDir(none);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(none), qPrintable(result.error()));
    }

    void pythonWritesCppReads()
    {
        if (!pythonTorchAvailable())
            QSKIP("/usr/bin/python3 cannot import torch; the independent cross-check needs "
                  "python3-torch");
        // An independent writer: the format by hand, values and their float32 reference from torch.
        const QString script = QStringLiteral(R"PY(
import json, struct, sys, torch
torch.manual_seed(0)
tensors = {
    "f32": torch.randn(3, 5),
    "f16": (torch.randn(4, 2) * 100).half(),
    "bf16": (torch.randn(6) * 1e3).bfloat16(),
    "i64": torch.arange(-3, 3, dtype=torch.int64).reshape(2, 3),
}
header, blobs, offset = {}, [], 0
names = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.int64: "I64"}
for name, t in tensors.items():
    raw = t.contiguous().view(torch.uint8).numpy().tobytes() if t.numel() else b""
    header[name] = {"dtype": names[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
    blobs.append(raw)
    offset += len(raw)
header["__metadata__"] = {"writer": "python"}
text = json.dumps(header).encode()
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))
# Reference values as float32 (the conversion torch does), raw little-endian, in the same order.
with open(sys.argv[2], "wb") as f:
    for t in tensors.values():
        f.write(t.float().contiguous().numpy().tobytes())
)PY");
        const QString file = path(QStringLiteral("from-python.safetensors"));
        const QString reference = path(QStringLiteral("from-python.f32"));
        QString output;
        QVERIFY2(runPython(script, {file, reference}, output), qPrintable(output));

        auto opened = SafetensorsFile::open(file);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE(opened->metadata().at("writer"), std::string("python"));
        QFile refFile(reference);
        QVERIFY(refFile.open(QIODevice::ReadOnly));
        const QByteArray refBytes = refFile.readAll();
        qsizetype at = 0;
        for (const std::string name : {"f32", "f16", "bf16", "i64"}) {
            auto loaded = opened->tensor(name);
            QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
            const qsizetype bytes = qsizetype(loaded->nbytes());
            QVERIFY(at + bytes <= refBytes.size());
            QVERIFY2(std::memcmp(loaded->data_ptr(), refBytes.constData() + at, size_t(bytes)) == 0,
                     name.c_str());
            at += bytes;
        }
        QCOMPARE(at, refBytes.size());
        QCOMPARE(opened->info("f16")->shape, (std::vector<std::int64_t>{4, 2}));
    }

    void cppWritesPythonReads()
    {
        if (!pythonTorchAvailable())
            QSKIP("/usr/bin/python3 cannot import torch; the independent cross-check needs "
                  "python3-torch");
        const QString file = path(QStringLiteral("from-cpp.safetensors"));
        const torch::Tensor base =
            torch::arange(0, 24, torch::kFloat).reshape({2, 3, 4}).mul(0.37f).sub(3.0f);
        QVERIFY(lab::saveSafetensors(file,
                                     {{"f32", base},
                                      {"f16", base.to(torch::kHalf)},
                                      {"bf16", base.to(torch::kBFloat16)},
                                      {"i64", torch::arange(0, 10, torch::kLong)}},
                                     {{"writer", "c++"}})
                    .ok());
        // An independent reader: parse by hand and compare with values torch computes itself.
        const QString script = QStringLiteral(R"PY(
import json, struct, sys, torch
data = open(sys.argv[1], "rb").read()
(n,) = struct.unpack("<Q", data[:8])
header = json.loads(data[8:8 + n])
buf = data[8 + n:]
assert header.pop("__metadata__") == {"writer": "c++"}, "metadata"
types = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "I64": torch.int64}
base = (torch.arange(0, 24, dtype=torch.float32).reshape(2, 3, 4) * 0.37) - 3.0
expected = {"f32": base, "f16": base.half(), "bf16": base.bfloat16(), "i64": torch.arange(0, 10)}
end = 0
for name, entry in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"]):
    b, e = entry["data_offsets"]
    assert b == end, "not contiguous"
    end = e
    t = torch.frombuffer(bytearray(buf[b:e]), dtype=types[entry["dtype"]]).reshape(entry["shape"])
    assert torch.equal(t, expected[name]), name
assert end == len(buf), "trailing bytes"
assert set(header) == set(expected), sorted(header)
print("ok", len(header))
)PY");
        QString output;
        QVERIFY2(runPython(script, {file}, output), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("ok 4")), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
