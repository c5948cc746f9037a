#pragma once
// The boundary between lab_text and the sentencepiece plugin (lab_spm, a loadable module).
//
// Why a plugin: Debian's libsentencepiece.so carries its own copy of protobuf 3.14 and exports
// its symbols, while LibTorch loads the system libprotobuf 3.21. Linked into one executable, the
// two copies interpose on each other and the process crashes during static initialisation. So
// sentencepiece is only ever loaded by dlopen with RTLD_LOCAL | RTLD_DEEPBIND: it binds to its own
// protobuf, and its symbols never reach the global scope LibTorch resolves against.
//
// Only standard-library types cross the boundary (both sides share the process's libstdc++).
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lab::text {

// Bump whenever a virtual function below changes, so a stale plugin is refused, not called.
inline constexpr int kSpmBackendVersion = 1;

class SpmProcessor
{
public:
    virtual ~SpmProcessor() = default;
    virtual bool encode(std::string_view text, std::vector<int> *ids) const = 0;
    virtual bool decode(const std::vector<int> &ids, std::string *text,
                        std::string *error) const = 0;
    virtual int pieceToId(std::string_view piece) const = 0;
    virtual std::string idToPiece(int id) const = 0; // caller checks 0 <= id < pieceSize()
    virtual float score(int id) const = 0;
    virtual int pieceSize() const = 0;
    virtual int bosId() const = 0;
    virtual int eosId() const = 0;
    virtual int padId() const = 0;
    virtual int unkId() const = 0;
    virtual std::string serialized() const = 0;
};

// Training sentences, pulled one at a time by the trainer.
class SentenceSource
{
public:
    virtual ~SentenceSource() = default;
    virtual bool next(std::string *sentence) = 0; // false at the end, or when cancelled
    virtual bool cancelled() const = 0;
};

class SpmBackend
{
public:
    virtual ~SpmBackend() = default;
    virtual int version() const = 0;
    // Null with *error set when the bytes are not a loadable model.
    virtual std::unique_ptr<SpmProcessor> load(std::string_view serialized,
                                               std::string *error) const = 0;
    virtual bool train(const std::unordered_map<std::string, std::string> &args,
                       SentenceSource *source, std::string *serialized,
                       std::string *error) const = 0;
};

} // namespace lab::text

// The plugin's one exported symbol; the backend lives as long as the process.
extern "C" const lab::text::SpmBackend *lab_spm_backend();
