// The sentencepiece plugin (see spm_backend.h for why it is one). Only sentencepiece's
// util::Status-returning calls are used, so every failure comes back as a message.
#include "core/text/spm_backend.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

namespace {

using lab::text::SentenceSource;

class Processor final : public lab::text::SpmProcessor
{
public:
    sentencepiece::SentencePieceProcessor sp;

    bool encode(std::string_view text, std::vector<int> *ids) const override
    {
        return sp.Encode(text, ids).ok();
    }
    bool decode(const std::vector<int> &ids, std::string *text, std::string *error) const override
    {
        const auto status = sp.Decode(ids, text);
        if (!status.ok())
            *error = status.ToString();
        return status.ok();
    }
    int pieceToId(std::string_view piece) const override { return sp.PieceToId(piece); }
    std::string idToPiece(int id) const override { return sp.IdToPiece(id); }
    float score(int id) const override { return sp.GetScore(id); }
    int pieceSize() const override { return sp.GetPieceSize(); }
    int bosId() const override { return sp.bos_id(); }
    int eosId() const override { return sp.eos_id(); }
    int padId() const override { return sp.pad_id(); }
    int unkId() const override { return sp.unk_id(); }
    std::string serialized() const override { return sp.serialized_model_proto(); }
};

class Iterator final : public sentencepiece::SentenceIterator
{
public:
    explicit Iterator(SentenceSource *source) : m_source(source) { Next(); }
    bool done() const override { return m_done; }
    void Next() override { m_done = !m_source->next(&m_value); }
    const std::string &value() const override { return m_value; }
    sentencepiece::util::Status status() const override
    {
        if (m_source->cancelled())
            return {sentencepiece::util::StatusCode::kCancelled, "cancelled"};
        return {};
    }

private:
    SentenceSource *m_source;
    std::string m_value;
    bool m_done = false;
};

class Backend final : public lab::text::SpmBackend
{
public:
    int version() const override { return lab::text::kSpmBackendVersion; }

    std::unique_ptr<lab::text::SpmProcessor> load(std::string_view serialized,
                                                  std::string *error) const override
    {
        auto processor = std::make_unique<Processor>();
        const auto status = processor->sp.LoadFromSerializedProto(serialized);
        if (!status.ok()) {
            *error = status.ToString();
            return nullptr;
        }
        return processor;
    }

    bool train(const std::unordered_map<std::string, std::string> &args, SentenceSource *source,
               std::string *serialized, std::string *error) const override
    {
        Iterator iterator(source);
        const auto status = sentencepiece::SentencePieceTrainer::Train(args, &iterator, serialized);
        if (!status.ok())
            *error = status.ToString();
        return status.ok();
    }
};

} // namespace

extern "C" __attribute__((visibility("default"))) const lab::text::SpmBackend *lab_spm_backend()
{
    static const Backend backend;
    return &backend;
}
