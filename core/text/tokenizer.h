#pragma once
// Text <-> token ids, through a sentencepiece model: either one trained here on the project's
// logs and explanations (train()), or any existing sentencepiece .model (a Llama tokenizer.model).
// Logs must survive the round trip byte for byte -- newlines, indentation of stack traces, runs
// of spaces, tabs -- so a trained tokenizer keeps whitespace as it is and falls back to bytes for
// characters it has never seen.
#include "core/common/progress.h"
#include "core/common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace lab::text {
class SpmProcessor;
}

namespace lab {

struct TokenizerTrainOptions
{
    int vocabSize = 4096;
    double characterCoverage = 0.9995;
    // Digits as single pieces: timestamps and ids then cost a few tokens each, but the vocabulary
    // is not spent on numbers that never repeat.
    bool splitDigits = true;
    // false: the vocabulary may come out smaller when the corpus is too small to fill it.
    bool hardVocabLimit = false;
    // Training is deterministic for a fixed thread count; change it and the model may differ.
    int numThreads = 2;
    // Sentences longer than this (bytes) are split; sentencepiece ignores longer ones otherwise.
    int maxSentenceLength = 4096;
    // Extra symbols that always encode to one piece (besides "\n" and "\t", which are always
    // added).
    QStringList userDefinedSymbols;
};

// The fixed special ids of a tokenizer trained here.
inline constexpr int kPadId = 0;
inline constexpr int kBosId = 1;
inline constexpr int kEosId = 2;
inline constexpr int kUnkId = 3;

// Copies share one immutable processor; every method is const and safe to call from several
// threads at once.
class Tokenizer
{
public:
    // Loads a serialized sentencepiece model from a file; a missing, truncated or corrupt file is
    // an error naming it.
    static Result<Tokenizer> load(const QString &modelPath);
    // The same from the model's bytes (as stored in a model folder); `origin` names them in errors.
    static Result<Tokenizer> fromSerialized(const QByteArray &modelBytes, const QString &origin);

    // Trains a unigram model on `texts` (whole logs or explanations; they are split at newlines
    // into training sentences) and writes `<outPrefix>.model` (atomically) and `<outPrefix>.vocab`
    // (piece, tab, score per line, for people). `progress` is called as sentences are fed;
    // returning false cancels before training starts.
    static Status train(const QStringList &texts, const QString &outPrefix,
                        const TokenizerTrainOptions &options = {},
                        const ProgressCallback &progress = {});
    // The same with the texts read from UTF-8 files, each file one text.
    static Status trainFromFiles(const QStringList &corpusFiles, const QString &outPrefix,
                                 const TokenizerTrainOptions &options = {},
                                 const ProgressCallback &progress = {});

    // Ids without BOS/EOS; add them where the prompt format wants them.
    std::vector<int> encode(const QString &text) const;
    std::vector<int> encodeUtf8(const QByteArray &utf8) const;
    // Encodes many texts on up to `threads` threads (0: one per core); result i belongs to
    // texts[i].
    std::vector<std::vector<int>> encodeBatch(const QStringList &texts, int threads = 0) const;
    // Control ids (pad, bos, eos) decode to nothing; ids outside the vocabulary are an error.
    Result<QString> decode(const std::vector<int> &ids) const;

    int pieceToId(const QString &piece) const; // unkId() when the piece is not in the vocabulary
    QString idToPiece(int id) const;           // empty for an id outside the vocabulary
    int vocabSize() const;
    int bosId() const;
    int eosId() const;
    int padId() const; // -1 when the model has none (Llama's tokenizer.model)
    int unkId() const;

    // The serialized model, byte for byte what load() and fromSerialized() accept.
    QByteArray serializedModel() const;
    // Where it came from: the file path, or the origin given to fromSerialized().
    const QString &origin() const { return m_origin; }

private:
    std::shared_ptr<const text::SpmProcessor> m_processor; // lives in the sentencepiece plugin
    QString m_origin;
};

} // namespace lab
