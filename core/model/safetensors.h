#pragma once
// Reading and writing the safetensors checkpoint format
// (https://github.com/huggingface/safetensors): an 8-byte little-endian header length N, N bytes of
// JSON naming each tensor's dtype, shape and byte range, then one flat byte buffer. The JSON is the
// only thing that can lie to us, so every field is checked before a byte of tensor data is touched.
#include "core/common/result.h"

#include <ATen/core/Tensor.h>
#include <c10/core/ScalarType.h>

#include <QString>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lab {

// Headers larger than this are refused before anything is allocated (the reference implementation
// uses the same 100 MB limit).
inline constexpr std::uint64_t kSafetensorsMaxHeaderBytes = 100'000'000;

struct SafetensorsTensorInfo
{
    std::string dtype;               // as written in the file: "F32", "BF16", "I64", ...
    std::vector<std::int64_t> shape; // empty for a scalar
    std::uint64_t begin = 0;         // byte range relative to the start of the data buffer
    std::uint64_t end = 0;

    std::int64_t numel() const;
};

// An opened, validated safetensors file. The file is memory-mapped, so opening a multi-GB
// checkpoint costs only the header; tensor() copies one tensor out. Copies share the mapping, and
// tensor() may be called from several threads at once.
class SafetensorsFile
{
public:
    static Result<SafetensorsFile> open(const QString &path);

    const QString &path() const { return m_path; }
    // Tensor names in the order their bytes appear in the file.
    std::vector<std::string> names() const;
    bool contains(const std::string &name) const;
    // Null when the file has no tensor of that name.
    const SafetensorsTensorInfo *info(const std::string &name) const;
    const std::map<std::string, std::string> &metadata() const { return m_metadata; }

    // A CPU tensor that owns its memory (it outlives this object), converted to `want`. Stored
    // dtypes that LibTorch 1.13 has no type for (U16, U32, U64, F8_*) are a clear error.
    Result<at::Tensor> tensor(const std::string &name, at::ScalarType want = at::kFloat) const;

private:
    struct Mapping;

    QString m_path;
    std::shared_ptr<Mapping> m_mapping;
    std::map<std::string, SafetensorsTensorInfo> m_tensors;
    std::vector<std::string> m_order;
    std::map<std::string, std::string> m_metadata;
};

// Writes tensors (made contiguous and moved to the CPU first) to `path` through a temporary file
// in the same folder that is fsync'ed and then renamed over `path`, so a crash never leaves a
// half-written checkpoint. With `dtype` set, floating-point tensors are converted to it (integer
// and bool tensors keep their type). Names must be unique and non-empty.
Status saveSafetensors(const QString &path,
                       const std::vector<std::pair<std::string, at::Tensor>> &tensors,
                       const std::map<std::string, std::string> &metadata = {},
                       std::optional<at::ScalarType> dtype = std::nullopt);

// Every tensor of a checkpoint folder: the shards listed by `model.safetensors.index.json`
// (its "weight_map": tensor name -> file in the folder) or else the single `model.safetensors`.
Result<std::map<std::string, at::Tensor>> loadSafetensorsDir(const QString &dir,
                                                             at::ScalarType want = at::kFloat);

// The safetensors dtype name for a LibTorch type ("F32" for kFloat), empty when it has none.
std::string safetensorsDtypeName(at::ScalarType type);

} // namespace lab
