#include "core/model/safetensors.h"

#include <ATen/ATen.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <set>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

// The format is little-endian and tensor bytes are copied as they are.
static_assert(std::endian::native == std::endian::little,
              "safetensors I/O assumes a little-endian host");

namespace lab {

namespace {

struct DtypeSpec
{
    const char *name;
    int bytes;
    std::optional<at::ScalarType> torchType; // none: LibTorch 1.13 cannot hold it
};

// Every dtype of the spec with a whole number of bytes per element.
const DtypeSpec kDtypes[] = {
    {"BOOL", 1, at::kBool},     {"U8", 1, at::kByte},         {"I8", 1, at::kChar},
    {"I16", 2, at::kShort},     {"U16", 2, std::nullopt},     {"F16", 2, at::kHalf},
    {"BF16", 2, at::kBFloat16}, {"I32", 4, at::kInt},         {"U32", 4, std::nullopt},
    {"F32", 4, at::kFloat},     {"F64", 8, at::kDouble},      {"I64", 8, at::kLong},
    {"U64", 8, std::nullopt},   {"F8_E4M3", 1, std::nullopt}, {"F8_E5M2", 1, std::nullopt},
};

const DtypeSpec *findDtype(const std::string &name)
{
    for (const DtypeSpec &spec : kDtypes)
        if (name == spec.name)
            return &spec;
    return nullptr;
}

const DtypeSpec *findDtype(at::ScalarType type)
{
    for (const DtypeSpec &spec : kDtypes)
        if (spec.torchType && *spec.torchType == type)
            return &spec;
    return nullptr;
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// JSON numbers arrive as doubles; only integers a double represents exactly are accepted, so a
// huge or fractional value is an error instead of a silently rounded offset.
constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

bool toExactUInt(const QJsonValue &value, std::uint64_t &out)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    if (!(d >= 0.0) || d > kMaxExactInteger || std::floor(d) != d)
        return false;
    out = static_cast<std::uint64_t>(d);
    return true;
}

Status syncDirectory(const QString &dir)
{
#ifdef Q_OS_UNIX
    // The rename is only durable once the directory entry is on disk.
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return fail(QStringLiteral("cannot open folder %1 to sync it").arg(dir));
    ::fsync(fd);
    ::close(fd);
#endif
    return Status::success();
}

} // namespace

std::int64_t SafetensorsTensorInfo::numel() const
{
    std::int64_t n = 1;
    for (std::int64_t d : shape)
        n *= d;
    return n;
}

struct SafetensorsFile::Mapping
{
    QFile file;
    const uchar *data = nullptr; // start of the byte buffer (after the header)
    std::uint64_t size = 0;      // bytes in the buffer
};

Result<SafetensorsFile> SafetensorsFile::open(const QString &path)
{
    auto mapping = std::make_shared<Mapping>();
    mapping->file.setFileName(path);
    if (!mapping->file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot open safetensors file %1: %2")
                        .arg(path, mapping->file.errorString()));

    const qint64 fileSize = mapping->file.size();
    auto bad = [&path](const QString &why) {
        return fail(QStringLiteral("%1 is not a valid safetensors file: %2").arg(path, why));
    };
    if (fileSize < 8)
        return bad(
            QStringLiteral("it has %1 bytes, fewer than the 8-byte header length").arg(fileSize));

    unsigned char lengthBytes[8];
    if (mapping->file.read(reinterpret_cast<char *>(lengthBytes), 8) != 8)
        return fail(QStringLiteral("cannot read %1: %2").arg(path, mapping->file.errorString()));
    std::uint64_t headerLength = 0;
    for (int i = 7; i >= 0; --i)
        headerLength = (headerLength << 8) | lengthBytes[i];

    if (headerLength > kSafetensorsMaxHeaderBytes)
        return bad(QStringLiteral("header length %1 exceeds the %2-byte limit")
                       .arg(headerLength)
                       .arg(kSafetensorsMaxHeaderBytes));
    if (headerLength > static_cast<std::uint64_t>(fileSize) - 8)
        return bad(QStringLiteral("header length %1 runs past the end of the file (%2 bytes)")
                       .arg(headerLength)
                       .arg(fileSize));
    if (headerLength < 2)
        return bad(
            QStringLiteral("header length %1 is too short for a JSON object").arg(headerLength));

    const QByteArray header = mapping->file.read(static_cast<qint64>(headerLength));
    if (static_cast<std::uint64_t>(header.size()) != headerLength)
        return fail(QStringLiteral("cannot read the header of %1: %2")
                        .arg(path, mapping->file.errorString()));
    if (header.front() != '{')
        return bad(QStringLiteral("the header does not start with '{'"));

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(header, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return bad(QStringLiteral("header JSON error at byte %1: %2")
                       .arg(parseError.offset)
                       .arg(parseError.errorString()));
    if (!doc.isObject())
        return bad(QStringLiteral("the header is not a JSON object"));

    SafetensorsFile result;
    result.m_path = path;
    const std::uint64_t bufferSize = static_cast<std::uint64_t>(fileSize) - 8 - headerLength;
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("__metadata__")) {
            if (!it.value().isObject())
                return bad(QStringLiteral("__metadata__ is not an object"));
            const QJsonObject meta = it.value().toObject();
            for (auto m = meta.begin(); m != meta.end(); ++m) {
                if (!m.value().isString())
                    return bad(QStringLiteral("__metadata__ value of \"%1\" is not a string")
                                   .arg(m.key()));
                result.m_metadata[m.key().toStdString()] = m.value().toString().toStdString();
            }
            continue;
        }
        if (!it.value().isObject())
            return bad(QStringLiteral("entry \"%1\" is not an object").arg(key));
        const QJsonObject entry = it.value().toObject();

        SafetensorsTensorInfo info;
        info.dtype = entry.value(QLatin1String("dtype")).toString().toStdString();
        const DtypeSpec *spec = findDtype(info.dtype);
        if (!spec)
            return bad(
                QStringLiteral("tensor \"%1\" has unknown dtype \"%2\"").arg(key, qs(info.dtype)));

        const QJsonValue shapeValue = entry.value(QLatin1String("shape"));
        if (!shapeValue.isArray())
            return bad(QStringLiteral("tensor \"%1\" has no shape array").arg(key));
        std::uint64_t elements = 1;
        for (const QJsonValue dim : shapeValue.toArray()) {
            std::uint64_t d = 0;
            if (!toExactUInt(dim, d))
                return bad(
                    QStringLiteral(
                        "tensor \"%1\" has a shape entry that is not an integer from 0 to 2^53")
                        .arg(key));
            if (__builtin_mul_overflow(elements, d, &elements) ||
                elements > static_cast<std::uint64_t>(INT64_MAX))
                return bad(QStringLiteral("tensor \"%1\" has a shape whose element count overflows")
                               .arg(key));
            info.shape.push_back(static_cast<std::int64_t>(d));
        }
        std::uint64_t bytes = 0;
        if (__builtin_mul_overflow(elements, static_cast<std::uint64_t>(spec->bytes), &bytes))
            return bad(
                QStringLiteral("tensor \"%1\" has a shape whose byte size overflows").arg(key));

        const QJsonValue offsets = entry.value(QLatin1String("data_offsets"));
        const QJsonArray range = offsets.toArray();
        if (!offsets.isArray() || range.size() != 2 || !toExactUInt(range[0], info.begin) ||
            !toExactUInt(range[1], info.end))
            return bad(
                QStringLiteral(
                    "tensor \"%1\" needs data_offsets [begin, end] of integers from 0 to 2^53")
                    .arg(key));
        if (info.end < info.begin)
            return bad(QStringLiteral("tensor \"%1\" ends (%2) before it begins (%3)")
                           .arg(key)
                           .arg(info.end)
                           .arg(info.begin));
        if (info.end > bufferSize)
            return bad(QStringLiteral("tensor \"%1\" ends at byte %2 of a %3-byte data buffer")
                           .arg(key)
                           .arg(info.end)
                           .arg(bufferSize));
        if (info.end - info.begin != bytes)
            return bad(QStringLiteral("tensor \"%1\" spans %2 bytes but its %3 shape needs %4")
                           .arg(key)
                           .arg(info.end - info.begin)
                           .arg(qs(info.dtype))
                           .arg(bytes));
        const std::string name = key.toStdString();
        result.m_order.push_back(name);
        result.m_tensors.emplace(name, std::move(info));
    }

    // The spec requires the tensors to tile the buffer exactly: no overlap, no gap, no tail.
    std::sort(result.m_order.begin(), result.m_order.end(),
              [&result](const std::string &a, const std::string &b) {
                  const SafetensorsTensorInfo &x = result.m_tensors.at(a);
                  const SafetensorsTensorInfo &y = result.m_tensors.at(b);
                  return std::tie(x.begin, x.end) < std::tie(y.begin, y.end);
              });
    std::uint64_t expected = 0;
    for (const std::string &name : result.m_order) {
        const SafetensorsTensorInfo &info = result.m_tensors.at(name);
        if (info.begin < expected)
            return bad(QStringLiteral("tensor \"%1\" (bytes %2-%3) overlaps the tensor before it")
                           .arg(qs(name))
                           .arg(info.begin)
                           .arg(info.end));
        if (info.begin > expected)
            return bad(QStringLiteral("bytes %1-%2 of the data buffer belong to no tensor")
                           .arg(expected)
                           .arg(info.begin));
        expected = info.end;
    }
    if (expected != bufferSize)
        return bad(QStringLiteral("the data buffer has %1 bytes but the tensors cover %2")
                       .arg(bufferSize)
                       .arg(expected));

    mapping->size = bufferSize;
    if (bufferSize > 0) {
        const uchar *base = mapping->file.map(0, fileSize);
        if (!base)
            return fail(
                QStringLiteral("cannot memory-map %1: %2").arg(path, mapping->file.errorString()));
        mapping->data = base + 8 + headerLength;
    }
    result.m_mapping = std::move(mapping);
    return result;
}

std::vector<std::string> SafetensorsFile::names() const
{
    return m_order;
}

bool SafetensorsFile::contains(const std::string &name) const
{
    return m_tensors.count(name) != 0;
}

const SafetensorsTensorInfo *SafetensorsFile::info(const std::string &name) const
{
    const auto it = m_tensors.find(name);
    return it == m_tensors.end() ? nullptr : &it->second;
}

Result<at::Tensor> SafetensorsFile::tensor(const std::string &name, at::ScalarType want) const
{
    const SafetensorsTensorInfo *entry = info(name);
    if (!entry)
        return fail(QStringLiteral("%1 has no tensor named \"%2\"").arg(m_path, qs(name)));
    const DtypeSpec *spec = findDtype(entry->dtype);
    if (!spec->torchType)
        return fail(QStringLiteral("tensor \"%1\" in %2 has dtype %3, which LibTorch cannot load")
                        .arg(qs(name), m_path, qs(entry->dtype)));
    try {
        // Copy into memory LibTorch allocated (aligned), then convert: the mapped bytes sit at an
        // arbitrary offset after the header and must not be read as floats in place.
        at::Tensor stored = at::empty(entry->shape, at::TensorOptions().dtype(*spec->torchType));
        const std::uint64_t bytes = entry->end - entry->begin;
        if (bytes > 0)
            std::memcpy(stored.data_ptr(), m_mapping->data + entry->begin, bytes);
        return stored.scalar_type() == want ? stored : stored.to(want);
    } catch (const std::exception &e) {
        return fail(QStringLiteral("cannot load tensor \"%1\" from %2: %3")
                        .arg(qs(name), m_path, QString::fromUtf8(e.what())));
    }
}

std::string safetensorsDtypeName(at::ScalarType type)
{
    const DtypeSpec *spec = findDtype(type);
    return spec ? spec->name : std::string();
}

Status saveSafetensors(const QString &path,
                       const std::vector<std::pair<std::string, at::Tensor>> &tensors,
                       const std::map<std::string, std::string> &metadata,
                       std::optional<at::ScalarType> dtype)
{
    if (dtype && !findDtype(*dtype))
        return fail(QStringLiteral("cannot write %1: safetensors has no dtype for %2")
                        .arg(path, QString::fromUtf8(c10::toString(*dtype))));

    std::vector<at::Tensor> prepared;
    prepared.reserve(tensors.size());
    QJsonObject header;
    std::set<std::string> seen;
    std::uint64_t offset = 0;
    try {
        for (const auto &[name, source] : tensors) {
            if (name.empty() || name == "__metadata__")
                return fail(QStringLiteral("cannot write %1: \"%2\" is not a usable tensor name")
                                .arg(path, qs(name)));
            if (!seen.insert(name).second)
                return fail(QStringLiteral("cannot write %1: tensor \"%2\" appears twice")
                                .arg(path, qs(name)));
            if (!source.defined())
                return fail(QStringLiteral("cannot write %1: tensor \"%2\" is undefined")
                                .arg(path, qs(name)));
            at::Tensor t = source.detach().to(at::kCPU);
            if (dtype && t.is_floating_point())
                t = t.to(*dtype);
            t = t.contiguous();
            const DtypeSpec *spec = findDtype(t.scalar_type());
            if (!spec)
                return fail(
                    QStringLiteral("cannot write %1: tensor \"%2\" has type %3, which safetensors "
                                   "cannot store")
                        .arg(path, qs(name), QString::fromUtf8(c10::toString(t.scalar_type()))));
            const std::uint64_t bytes =
                static_cast<std::uint64_t>(t.numel()) * static_cast<std::uint64_t>(spec->bytes);
            QJsonArray shape;
            for (std::int64_t d : t.sizes())
                shape.append(static_cast<qint64>(d));
            QJsonObject entry;
            entry.insert(QLatin1String("dtype"), QLatin1String(spec->name));
            entry.insert(QLatin1String("shape"), shape);
            entry.insert(
                QLatin1String("data_offsets"),
                QJsonArray{static_cast<qint64>(offset), static_cast<qint64>(offset + bytes)});
            header.insert(qs(name), entry);
            offset += bytes;
            prepared.push_back(std::move(t));
        }
    } catch (const std::exception &e) {
        return fail(QStringLiteral("cannot write %1: %2").arg(path, QString::fromUtf8(e.what())));
    }
    if (!metadata.empty()) {
        QJsonObject meta;
        for (const auto &[key, value] : metadata)
            meta.insert(qs(key), qs(value));
        header.insert(QLatin1String("__metadata__"), meta);
    }

    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    // Spaces after the JSON keep the data buffer 8-byte aligned, as the reference writer does.
    while ((json.size() % 8) != 0)
        json.append(' ');
    unsigned char lengthBytes[8];
    std::uint64_t length = static_cast<std::uint64_t>(json.size());
    for (int i = 0; i < 8; ++i)
        lengthBytes[i] = static_cast<unsigned char>((length >> (8 * i)) & 0xff);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    auto writeAll = [&file](const char *data, std::uint64_t size) {
        while (size > 0) {
            const qint64 chunk = static_cast<qint64>(std::min<std::uint64_t>(size, 1u << 30));
            const qint64 written = file.write(data, chunk);
            if (written <= 0)
                return false;
            data += written;
            size -= static_cast<std::uint64_t>(written);
        }
        return true;
    };
    bool ok = writeAll(reinterpret_cast<const char *>(lengthBytes), 8) &&
              writeAll(json.constData(), json.size());
    for (const at::Tensor &t : prepared) {
        if (!ok)
            break;
        ok = writeAll(static_cast<const char *>(t.data_ptr()),
                      static_cast<std::uint64_t>(t.nbytes()));
    }
    if (!ok) {
        const QString why = file.errorString();
        file.cancelWriting();
        return fail(QStringLiteral("cannot write %1: %2").arg(path, why));
    }
#ifdef Q_OS_UNIX
    if (!file.flush() || ::fsync(file.handle()) != 0) {
        file.cancelWriting();
        return fail(QStringLiteral("cannot flush %1 to disk").arg(path));
    }
#endif
    if (!file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return syncDirectory(QFileInfo(path).absolutePath());
}

Result<std::map<std::string, at::Tensor>> loadSafetensorsDir(const QString &dir,
                                                             at::ScalarType want)
{
    const QDir folder(dir);
    std::map<std::string, at::Tensor> out;
    std::map<QString, std::vector<std::string>> perFile; // shard file -> tensor names it holds

    const QString indexPath = folder.filePath(QStringLiteral("model.safetensors.index.json"));
    if (QFileInfo::exists(indexPath)) {
        QFile indexFile(indexPath);
        if (!indexFile.open(QIODevice::ReadOnly))
            return fail(
                QStringLiteral("cannot open %1: %2").arg(indexPath, indexFile.errorString()));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(indexFile.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return fail(QStringLiteral("%1 is not valid JSON: %2")
                            .arg(indexPath, parseError.errorString()));
        const QJsonValue weightMap = doc.object().value(QLatin1String("weight_map"));
        if (!weightMap.isObject())
            return fail(QStringLiteral("%1 has no \"weight_map\" object").arg(indexPath));
        const QJsonObject map = weightMap.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString shard = it.value().toString();
            // A shard is a file beside the index: no folders, so the index cannot point elsewhere.
            if (shard.isEmpty() || shard.contains(QLatin1Char('/')) ||
                shard.contains(QLatin1Char('\\')) || shard == QLatin1String("..") ||
                shard == QLatin1String("."))
                return fail(QStringLiteral(
                                "%1 maps \"%2\" to \"%3\", which is not a file name in that folder")
                                .arg(indexPath, it.key(), shard));
            perFile[shard].push_back(it.key().toStdString());
        }
        if (perFile.empty())
            return fail(QStringLiteral("%1 lists no tensors").arg(indexPath));
    } else {
        const QString single = folder.filePath(QStringLiteral("model.safetensors"));
        if (!QFileInfo::exists(single))
            return fail(
                QStringLiteral("%1 has neither model.safetensors.index.json nor model.safetensors")
                    .arg(dir));
        Result<SafetensorsFile> file = SafetensorsFile::open(single);
        if (!file)
            return fail(file.error());
        perFile[QStringLiteral("model.safetensors")] = file->names();
    }

    for (const auto &[shard, names] : perFile) {
        const QString shardPath = folder.filePath(shard);
        Result<SafetensorsFile> file = SafetensorsFile::open(shardPath);
        if (!file)
            return fail(file.error());
        for (const std::string &name : names) {
            if (!file->contains(name))
                return fail(QStringLiteral("%1 has no tensor \"%2\", which the index places there")
                                .arg(shardPath, qs(name)));
            Result<at::Tensor> t = file->tensor(name, want);
            if (!t)
                return fail(t.error());
            out.emplace(name, std::move(t).value());
        }
    }
    return out;
}

} // namespace lab
