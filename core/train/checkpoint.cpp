#include "core/train/checkpoint.h"

#include "core/model/safetensors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace lab {

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()));
    return {};
}

namespace {

std::optional<at::ScalarType> dtypeFromName(const QString &name)
{
    if (name == QLatin1String("float32"))
        return at::kFloat;
    if (name == QLatin1String("float16"))
        return at::kHalf;
    if (name == QLatin1String("bfloat16"))
        return at::kBFloat16;
    return std::nullopt;
}

} // namespace

Status writeDirAtomically(const QString &dir, const std::function<Status(const QString &tmpDir)> &write)
{
    const QString tmp = dir + QStringLiteral(".tmp");
    const QString old = dir + QStringLiteral(".old");
    QDir(tmp).removeRecursively();
    if (!QDir().mkpath(tmp))
        return fail(QStringLiteral("%1: cannot create the folder").arg(tmp));
    if (Status s = write(tmp); !s) {
        QDir(tmp).removeRecursively();
        return s;
    }
    // Swap the folders: the old one stays whole until the new one is in place.
    QDir(old).removeRecursively();
    if (QFileInfo::exists(dir) && !QDir().rename(dir, old))
        return fail(QStringLiteral("%1: cannot move the previous folder aside").arg(dir));
    if (!QDir().rename(tmp, dir))
        return fail(QStringLiteral("%1: cannot rename %2 into place").arg(dir, tmp));
    QDir(old).removeRecursively();
    return {};
}

Status writeCheckpoint(const QString &dir, LlamaForCausalLM &model, const Tokenizer &tokenizer,
                       const AdamW &optimizer, const QJsonObject &trainerState)
{
    return writeDirAtomically(dir, [&](const QString &tmp) -> Status {
        if (Status s = saveCausalLM(model, tmp); !s)
            return s;
        if (Status s = writeFileAtomically(QDir(tmp).filePath(QStringLiteral("tokenizer.model")),
                                           tokenizer.serializedModel());
            !s)
            return s;
        const auto state = optimizer.state();
        std::vector<std::pair<std::string, at::Tensor>> tensors(state.begin(), state.end());
        if (Status s = saveSafetensors(QDir(tmp).filePath(QStringLiteral("optimizer.safetensors")),
                                       tensors, {{"format", "pt"}});
            !s)
            return s;
        return writeFileAtomically(QDir(tmp).filePath(QStringLiteral("trainer_state.json")),
                                   QJsonDocument(trainerState).toJson());
    });
}

Result<Checkpoint> readCheckpoint(const QString &dir)
{
    Checkpoint checkpoint;
    auto model = loadCausalLM(dir);
    if (!model)
        return fail(model.error());
    checkpoint.model = *model;
    auto tokenizer = Tokenizer::load(QDir(dir).filePath(QStringLiteral("tokenizer.model")));
    if (!tokenizer)
        return fail(tokenizer.error());
    checkpoint.tokenizer = *tokenizer;
    const QString optimizerPath = QDir(dir).filePath(QStringLiteral("optimizer.safetensors"));
    auto file = SafetensorsFile::open(optimizerPath);
    if (!file)
        return fail(file.error());
    for (const std::string &name : file->names()) {
        auto tensor = file->tensor(name);
        if (!tensor)
            return fail(tensor.error());
        checkpoint.optimizerState[name] = *tensor;
    }
    const QString statePath = QDir(dir).filePath(QStringLiteral("trainer_state.json"));
    QFile stateFile(statePath);
    if (!stateFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("%1: cannot read (%2)").arg(statePath, stateFile.errorString()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(stateFile.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(QStringLiteral("%1: not a JSON object (%2)").arg(statePath, error.errorString()));
    checkpoint.trainerState = document.object();
    return checkpoint;
}

Status exportModel(const QString &dir, LlamaForCausalLM &model, const Tokenizer &tokenizer,
                   const QString &dtype, int promptTokens)
{
    const auto type = dtypeFromName(dtype);
    if (!type)
        return fail(QStringLiteral("unknown weight type '%1' (float32, float16 or bfloat16)").arg(dtype));
    if (!QDir().mkpath(dir))
        return fail(QStringLiteral("%1: cannot create the folder").arg(dir));
    LlamaConfig config = model->config();
    config.torchDtype = dtype;
    // Hugging Face ignores keys it does not know; the lab's explainer reads lab_prompt_tokens so
    // that it never shows the model a longer prompt than it was trained on.
    QJsonObject json = config.toJson();
    if (promptTokens > 0)
        json.insert(QStringLiteral("lab_prompt_tokens"), promptTokens);
    if (Status s = writeFileAtomically(QDir(dir).filePath(QStringLiteral("config.json")),
                                       QJsonDocument(json).toJson());
        !s)
        return s;
    if (Status s = saveSafetensors(QDir(dir).filePath(QStringLiteral("model.safetensors")),
                                   baseParameters(*model), {{"format", "pt"}}, *type);
        !s)
        return s;
    return writeFileAtomically(QDir(dir).filePath(QStringLiteral("tokenizer.model")),
                               tokenizer.serializedModel());
}

} // namespace lab
