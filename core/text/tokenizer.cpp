#include "core/text/tokenizer.h"
#include "core/text/spm_backend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibrary>
#include <QSaveFile>

#include <algorithm>
#include <string>
#include <thread>
#include <unordered_map>

namespace lab {

namespace {

struct LoadedBackend
{
    const text::SpmBackend *backend = nullptr;
    QString error;
};

// Loads the sentencepiece plugin once per process, never unloaded. Looked for: $LAB_SPM_PLUGIN,
// beside the executable, where `cmake --install` puts it, and where the build wrote it.
const LoadedBackend &spmBackend()
{
    static const LoadedBackend loaded = [] {
        QStringList candidates;
        if (const QString env = qEnvironmentVariable("LAB_SPM_PLUGIN"); !env.isEmpty())
            candidates << env;
        const QString exe = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
        if (!exe.isEmpty())
            candidates << QFileInfo(exe).absolutePath() + QStringLiteral("/lab_spm.so");
        candidates << QStringLiteral(LAB_SPM_INSTALL_PATH) << QStringLiteral(LAB_SPM_BUILD_PATH);

        LoadedBackend result;
        QStringList tried;
        for (const QString &path : candidates) {
            if (!QFileInfo::exists(path)) {
                tried << path;
                continue;
            }
            auto *library = new QLibrary(path); // intentionally leaked: the plugin stays loaded
            // RTLD_LOCAL | RTLD_DEEPBIND: see spm_backend.h.
            library->setLoadHints(QLibrary::DeepBindHint | QLibrary::ResolveAllSymbolsHint);
            using Entry = const text::SpmBackend *(*)();
            const auto entry = reinterpret_cast<Entry>(library->resolve("lab_spm_backend"));
            if (!entry) {
                result.error = QStringLiteral("cannot load the sentencepiece plugin %1: %2")
                                   .arg(path, library->errorString());
                return result;
            }
            const text::SpmBackend *backend = entry();
            if (!backend || backend->version() != text::kSpmBackendVersion) {
                result.error = QStringLiteral("the sentencepiece plugin %1 is from another build "
                                              "(version %2, expected %3)")
                                   .arg(path)
                                   .arg(backend ? backend->version() : -1)
                                   .arg(text::kSpmBackendVersion);
                return result;
            }
            result.backend = backend;
            return result;
        }
        result.error =
            QStringLiteral("the sentencepiece plugin lab_spm.so was not found (looked at %1)")
                .arg(tried.join(QStringLiteral(", ")));
        return result;
    }();
    return loaded;
}

// Feeds the trainer one line at a time: sentencepiece silently skips sentences longer than
// max_sentence_length, so whole logs cannot be sentences, and long lines are cut into pieces
// (at UTF-8 character boundaries) instead of being dropped.
class LineIterator : public text::SentenceSource
{
public:
    LineIterator(const QStringList &texts, int maxBytes, const ProgressCallback &progress)
        : m_texts(texts), m_maxBytes(static_cast<std::size_t>(std::max(maxBytes, 16))),
          m_progress(progress)
    {
    }

    bool next(std::string *sentence) override
    {
        advance();
        *sentence = m_value;
        return !m_done;
    }
    bool cancelled() const override { return m_cancelled; }

private:
    void advance()
    {
        while (true) {
            if (m_lineStart < m_current.size()) {
                std::size_t lineEnd = m_current.find('\n', m_lineStart);
                if (lineEnd == std::string::npos)
                    lineEnd = m_current.size();
                std::size_t end = std::min(lineEnd, m_lineStart + m_maxBytes);
                // Back up to a character boundary (never inside a UTF-8 continuation byte).
                while (end < lineEnd && end > m_lineStart &&
                       (static_cast<unsigned char>(m_current[end]) & 0xC0) == 0x80)
                    --end;
                m_value.assign(m_current, m_lineStart, end - m_lineStart);
                m_lineStart = end == lineEnd ? lineEnd + 1 : end;
                if (!m_value.empty())
                    return;
                continue;
            }
            if (m_next >= m_texts.size()) {
                m_done = true;
                m_value.clear();
                return;
            }
            if (!reportProgress(m_progress, m_next, m_texts.size())) {
                m_cancelled = true;
                m_done = true;
                m_value.clear();
                return;
            }
            m_current = m_texts.at(m_next++).toStdString();
            m_lineStart = 0;
        }
    }

    const QStringList &m_texts;
    std::size_t m_maxBytes;
    ProgressCallback m_progress;
    qsizetype m_next = 0;
    std::string m_current;
    std::size_t m_lineStart = 0;
    std::string m_value;
    bool m_done = false;
    bool m_cancelled = false;
};

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return fail(QStringLiteral("cannot write %1: %2").arg(path, why));
    }
    if (!file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return Status::success();
}

} // namespace

Result<Tokenizer> Tokenizer::load(const QString &modelPath)
{
    QFile file(modelPath);
    if (!QFileInfo::exists(modelPath))
        return fail(QStringLiteral("tokenizer model %1 does not exist").arg(modelPath));
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot open tokenizer model %1: %2")
                        .arg(modelPath, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(QStringLiteral("cannot read tokenizer model %1: %2")
                        .arg(modelPath, file.errorString()));
    return fromSerialized(bytes, modelPath);
}

Result<Tokenizer> Tokenizer::fromSerialized(const QByteArray &modelBytes, const QString &origin)
{
    if (modelBytes.isEmpty())
        return fail(QStringLiteral("tokenizer model %1 is empty").arg(origin));
    const LoadedBackend &spm = spmBackend();
    if (!spm.backend)
        return fail(QStringLiteral("cannot load tokenizer model %1: %2").arg(origin, spm.error));
    std::string error;
    std::shared_ptr<const text::SpmProcessor> processor = spm.backend->load(
        std::string_view(modelBytes.constData(), static_cast<std::size_t>(modelBytes.size())),
        &error);
    if (!processor)
        return fail(QStringLiteral("tokenizer model %1 is not a valid sentencepiece model: %2")
                        .arg(origin, QString::fromStdString(error)));
    if (processor->pieceSize() <= 0)
        return fail(QStringLiteral("tokenizer model %1 has no pieces").arg(origin));
    Tokenizer tokenizer;
    tokenizer.m_processor = std::move(processor);
    tokenizer.m_origin = origin;
    return tokenizer;
}

Status Tokenizer::train(const QStringList &texts, const QString &outPrefix,
                        const TokenizerTrainOptions &options, const ProgressCallback &progress)
{
    const QString modelPath = outPrefix + QStringLiteral(".model");
    if (texts.isEmpty())
        return fail(
            QStringLiteral("cannot train tokenizer %1: the corpus is empty").arg(modelPath));
    if (options.vocabSize < 300)
        return fail(
            QStringLiteral(
                "cannot train tokenizer %1: a vocabulary of %2 cannot hold the 256 byte pieces, "
                "the special pieces and any words")
                .arg(modelPath)
                .arg(options.vocabSize));

    // "\n" and "\t" are single pieces: the identity normalizer keeps them, and without their own
    // pieces they would only survive as byte-fallback pieces.
    QStringList symbols{QStringLiteral("\n"), QStringLiteral("\t")};
    for (const QString &symbol : options.userDefinedSymbols) {
        if (symbol.isEmpty() || symbol.contains(QLatin1Char(',')))
            return fail(
                QStringLiteral(
                    "cannot train tokenizer %1: user-defined symbol \"%2\" is empty or has a comma")
                    .arg(modelPath, symbol));
        if (!symbols.contains(symbol))
            symbols.append(symbol);
    }

    const std::unordered_map<std::string, std::string> args{
        // No model_prefix: the trainer hands the model back and we write it atomically ourselves.
        {"model_type", "unigram"},
        {"vocab_size", std::to_string(options.vocabSize)},
        {"hard_vocab_limit", options.hardVocabLimit ? "true" : "false"},
        {"character_coverage", std::to_string(options.characterCoverage)},
        {"byte_fallback", "true"},
        // Keep text exactly as written: no NFKC, no collapsing of spaces, no leading space added,
        // so that encode(a + b) == encode(a) + encode(b) at line boundaries and decode(encode(x))
        // == x.
        {"normalization_rule_name", "identity"},
        {"remove_extra_whitespaces", "false"},
        {"add_dummy_prefix", "false"},
        {"allow_whitespace_only_pieces", "true"},
        {"split_digits", options.splitDigits ? "true" : "false"},
        {"user_defined_symbols", symbols.join(QLatin1Char(',')).toStdString()},
        {"pad_id", std::to_string(kPadId)},
        {"bos_id", std::to_string(kBosId)},
        {"eos_id", std::to_string(kEosId)},
        {"unk_id", std::to_string(kUnkId)},
        {"pad_piece", "<pad>"},
        {"bos_piece", "<s>"},
        {"eos_piece", "</s>"},
        {"unk_piece", "<unk>"},
        // Determinism: every sentence in corpus order, no random sampling; fixed thread count.
        {"input_sentence_size", "0"},
        {"shuffle_input_sentence", "false"},
        {"num_threads", std::to_string(std::max(1, options.numThreads))},
        {"max_sentence_length", std::to_string(options.maxSentenceLength)},
        {"minloglevel", "2"},
    };

    const LoadedBackend &spm = spmBackend();
    if (!spm.backend)
        return fail(QStringLiteral("cannot train tokenizer %1: %2").arg(modelPath, spm.error));
    LineIterator lines(texts, options.maxSentenceLength, progress);
    std::string serialized;
    std::string error;
    const bool ok = spm.backend->train(args, &lines, &serialized, &error);
    if (lines.cancelled())
        return fail(QStringLiteral("training tokenizer %1 was cancelled").arg(modelPath));
    if (!ok)
        return fail(QStringLiteral("cannot train tokenizer %1: %2")
                        .arg(modelPath, QString::fromStdString(error)));

    const QByteArray modelBytes(serialized.data(), static_cast<qsizetype>(serialized.size()));
    Result<Tokenizer> trained = fromSerialized(modelBytes, modelPath);
    if (!trained)
        return fail(trained.error());
    if (Status written = writeFileAtomically(modelPath, modelBytes); !written)
        return written;

    QByteArray vocab;
    const auto &processor = *trained->m_processor;
    for (int id = 0; id < processor.pieceSize(); ++id) {
        vocab += QByteArray::fromStdString(processor.idToPiece(id));
        vocab += '\t';
        vocab += QByteArray::number(processor.score(id));
        vocab += '\n';
    }
    return writeFileAtomically(outPrefix + QStringLiteral(".vocab"), vocab);
}

Status Tokenizer::trainFromFiles(const QStringList &corpusFiles, const QString &outPrefix,
                                 const TokenizerTrainOptions &options,
                                 const ProgressCallback &progress)
{
    QStringList texts;
    texts.reserve(corpusFiles.size());
    for (const QString &path : corpusFiles) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read tokenizer corpus %1: %2")
                            .arg(path, file.errorString()));
        texts.append(QString::fromUtf8(file.readAll()));
    }
    return train(texts, outPrefix, options, progress);
}

std::vector<int> Tokenizer::encodeUtf8(const QByteArray &utf8) const
{
    std::vector<int> ids;
    // Encoding only fails on an unloaded processor, which a Tokenizer never holds.
    if (!m_processor->encode(
            std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), &ids))
        ids.clear();
    return ids;
}

std::vector<int> Tokenizer::encode(const QString &text) const
{
    return encodeUtf8(text.toUtf8());
}

std::vector<std::vector<int>> Tokenizer::encodeBatch(const QStringList &texts, int threads) const
{
    std::vector<std::vector<int>> out(static_cast<std::size_t>(texts.size()));
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads = static_cast<int>(std::min<qsizetype>(threads, texts.size()));
    if (threads <= 1) {
        for (qsizetype i = 0; i < texts.size(); ++i)
            out[static_cast<std::size_t>(i)] = encode(texts.at(i));
        return out;
    }
    // Strided so that long and short texts spread evenly over the threads.
    std::vector<std::thread> workers;
    workers.reserve(static_cast<std::size_t>(threads));
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([this, &texts, &out, t, threads] {
            for (qsizetype i = t; i < texts.size(); i += threads)
                out[static_cast<std::size_t>(i)] = encode(texts.at(i));
        });
    }
    for (std::thread &worker : workers)
        worker.join();
    return out;
}

Result<QString> Tokenizer::decode(const std::vector<int> &ids) const
{
    const int size = m_processor->pieceSize();
    for (int id : ids) {
        if (id < 0 || id >= size)
            return fail(
                QStringLiteral(
                    "cannot decode with tokenizer %1: id %2 is outside its vocabulary of %3")
                    .arg(m_origin)
                    .arg(id)
                    .arg(size));
    }
    std::string text;
    std::string error;
    if (!m_processor->decode(ids, &text, &error))
        return fail(QStringLiteral("cannot decode with tokenizer %1: %2")
                        .arg(m_origin, QString::fromStdString(error)));
    return QString::fromStdString(text);
}

int Tokenizer::pieceToId(const QString &piece) const
{
    return m_processor->pieceToId(piece.toStdString());
}

QString Tokenizer::idToPiece(int id) const
{
    if (id < 0 || id >= m_processor->pieceSize())
        return {};
    return QString::fromStdString(m_processor->idToPiece(id));
}

int Tokenizer::vocabSize() const
{
    return m_processor->pieceSize();
}

int Tokenizer::bosId() const
{
    return m_processor->bosId();
}

int Tokenizer::eosId() const
{
    return m_processor->eosId();
}

int Tokenizer::padId() const
{
    return m_processor->padId();
}

int Tokenizer::unkId() const
{
    return m_processor->unkId();
}

QByteArray Tokenizer::serializedModel() const
{
    const std::string bytes = m_processor->serialized();
    return QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

} // namespace lab
