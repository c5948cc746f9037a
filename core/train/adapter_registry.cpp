#include "core/train/adapter_registry.h"

#include "core/common/paths.h"
#include "core/explain/explainer.h"
#include "core/model/lora.h"
#include "core/model/safetensors.h"
#include "core/store/store.h"
#include "core/train/checkpoint.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <map>

namespace lab {

namespace {

const QString kConfigFile = QStringLiteral("adapter_config.json");
const QString kWeightsFile = QStringLiteral("adapter_model.safetensors");
const std::string kPrefix = "base_model.model.";
const std::string kSuffixA = ".lora_A.weight";
const std::string kSuffixB = ".lora_B.weight";

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Result<AdapterRecord> adapterNamed(Store &store, const QString &name)
{
    auto found = store.adapterByName(name);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(QStringLiteral("%1 has no adapter named \"%2\"").arg(store.path(), name));
    return **found;
}

Result<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    return file.readAll();
}

// Writes the two PEFT files of `from` into `to` (each atomically).
Status copyAdapterFiles(const QString &from, const QString &to)
{
    for (const QString &file : {kWeightsFile, kConfigFile}) {
        auto bytes = readAll(QDir(from).filePath(file));
        if (!bytes)
            return fail(bytes.error());
        if (Status s = writeFileAtomically(QDir(to).filePath(file), *bytes); !s)
            return s;
    }
    return {};
}

// The latest activation among `adapters` other than `except`; ties (same millisecond) go to the
// newer adapter.
std::optional<AdapterRecord> lastActivated(const QVector<AdapterRecord> &adapters, qint64 except)
{
    std::optional<AdapterRecord> best;
    for (const AdapterRecord &a : adapters) {
        if (a.id == except || !a.activatedAt.isValid())
            continue;
        if (!best || a.activatedAt > best->activatedAt
            || (a.activatedAt == best->activatedAt && a.id > best->id))
            best = a;
    }
    return best;
}

bool validFolderName(const QString &name)
{
    static const QString kForbidden = QStringLiteral("/\\:*?\"<>|");
    if (name.trimmed().isEmpty() || name != name.trimmed() || name == QLatin1String(".")
        || name == QLatin1String(".."))
        return false;
    return std::none_of(name.begin(), name.end(), [](QChar c) { return kForbidden.contains(c) || c < QLatin1Char(' '); });
}

} // namespace

QString AdapterEntry::madeBy() const
{
    if (!run)
        return adapter.runId > 0 ? QStringLiteral("run #%1").arg(adapter.runId) : QStringLiteral("imported");
    return QStringLiteral("%1 #%2").arg(run->kind).arg(run->id);
}

std::optional<double> AdapterEntry::metric(const QString &name) const
{
    const QJsonValue v = adapter.eval.value(name);
    if (!v.isDouble())
        return std::nullopt;
    return v.toDouble();
}

Result<QVector<AdapterEntry>> listAdapters(Store &store)
{
    auto adapters = store.adapters();
    if (!adapters)
        return fail(adapters.error());
    auto runs = store.runs();
    if (!runs)
        return fail(runs.error());
    QHash<qint64, RunRecord> byId;
    for (const RunRecord &r : *runs)
        byId.insert(r.id, r);
    QVector<AdapterEntry> entries;
    entries.reserve(adapters->size());
    for (const AdapterRecord &a : *adapters) {
        AdapterEntry e;
        e.adapter = a;
        if (a.runId > 0 && byId.contains(a.runId))
            e.run = byId.value(a.runId);
        entries.append(e);
    }
    return entries;
}

Result<AdapterFolderInfo> checkAdapterFolder(const QString &dir)
{
    if (dir.isEmpty())
        return fail(QStringLiteral("the adapter has no folder"));
    if (!QFileInfo(dir).isDir())
        return fail(QStringLiteral("%1: no such adapter folder").arg(dir));
    const QString configPath = QDir(dir).filePath(kConfigFile);
    if (!QFileInfo::exists(configPath))
        return fail(QStringLiteral("%1: not a PEFT adapter folder (no %2)").arg(dir, kConfigFile));
    auto config = readLoraConfig(configPath);
    if (!config)
        return fail(config.error());
    const QString weightsPath = QDir(dir).filePath(kWeightsFile);
    if (!QFileInfo::exists(weightsPath))
        return fail(QStringLiteral("%1: no %2 next to %3").arg(dir, kWeightsFile, kConfigFile));
    auto file = SafetensorsFile::open(weightsPath);
    if (!file)
        return fail(file.error());

    AdapterFolderInfo info;
    info.r = config->r;
    info.alpha = config->alpha;
    info.targetModules = config->targetModules;
    // module path -> (A, B) tensor infos
    std::map<std::string, std::pair<const SafetensorsTensorInfo *, const SafetensorsTensorInfo *>> pairs;
    for (const std::string &name : file->names()) {
        const bool isA = endsWith(name, kSuffixA), isB = endsWith(name, kSuffixB);
        if (name.rfind(kPrefix, 0) != 0 || (!isA && !isB))
            return fail(QStringLiteral("%1: tensor \"%2\" is not a LoRA weight "
                                       "(base_model.model.<module>.lora_A.weight / lora_B.weight)")
                            .arg(weightsPath, QString::fromStdString(name)));
        const std::string module =
            name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffixA.size());
        auto &slot = pairs[module];
        (isA ? slot.first : slot.second) = file->info(name);
    }
    if (pairs.empty())
        return fail(QStringLiteral("%1: holds no lora_A/lora_B weights").arg(weightsPath));
    for (const auto &[module, ab] : pairs) {
        const QString m = QString::fromStdString(module);
        if (!ab.first || !ab.second)
            return fail(QStringLiteral("%1: module %2 has %3 but no %4")
                            .arg(weightsPath, m, ab.first ? QStringLiteral("lora_A") : QStringLiteral("lora_B"),
                                 ab.first ? QStringLiteral("lora_B") : QStringLiteral("lora_A")));
        const auto &a = ab.first->shape, &b = ab.second->shape;
        if (a.size() != 2 || b.size() != 2 || a[0] != config->r || b[1] != config->r)
            return fail(QStringLiteral("%1: module %2: lora_A must be [r, in] and lora_B [out, r] with r = %3 "
                                       "from %4")
                            .arg(weightsPath, m)
                            .arg(config->r)
                            .arg(kConfigFile));
        info.modules << m;
    }
    return info;
}

Result<AdapterRecord> activateAdapter(Store &store, const QString &name, bool force)
{
    auto adapter = adapterNamed(store, name);
    if (!adapter)
        return adapter;
    if (adapter->active)
        return adapter;
    if (auto folder = checkAdapterFolder(adapter->path); !folder)
        return fail(QStringLiteral("adapter \"%1\" cannot be activated: %2").arg(name, folder.error()));
    if (adapter->runId > 0 && !force) {
        auto run = store.run(adapter->runId);
        if (!run)
            return fail(run.error());
        if (run->status != kRunFinished)
            return fail(QStringLiteral("adapter \"%1\" comes from %2 run #%3, which is %4, not finished; "
                                       "activate it anyway with force")
                            .arg(name, run->kind)
                            .arg(run->id)
                            .arg(run->status));
    }
    if (Status s = store.setActiveAdapter(adapter->id); !s)
        return fail(s.error());
    return store.adapter(adapter->id);
}

Status useBaseModel(Store &store)
{
    return store.clearActiveAdapter();
}

Result<RollbackResult> rollbackAdapter(Store &store)
{
    RollbackResult result;
    // Read and write under one write transaction, so a concurrent activation (the GUI and the CLI
    // on the same file) cannot slip between choosing the target and switching to it.
    Status done = store.transaction([&]() -> Status {
        auto adapters = store.adapters();
        if (!adapters)
            return fail(adapters.error());
        for (const AdapterRecord &a : *adapters)
            if (a.active)
                result.from = a;
        result.to = lastActivated(*adapters, result.from ? result.from->id : 0);
        if (!result.from && !result.to)
            return fail(QStringLiteral("%1: nothing to roll back: the base model is in use and no earlier "
                                       "activation is left to go back to")
                            .arg(store.path()));
        if (result.to) {
            if (auto folder = checkAdapterFolder(result.to->path); !folder)
                return fail(QStringLiteral("cannot roll back to adapter \"%1\": %2 (activate another adapter "
                                           "or use the base model)")
                                .arg(result.to->name, folder.error()));
        }
        if (result.from) {
            // The activation being undone leaves the history, so the next rollback goes further back.
            auto db = store.connection();
            if (!db)
                return fail(db.error());
            QSqlQuery q(*db);
            q.prepare(QStringLiteral("UPDATE adapters SET activated_at = NULL WHERE id = ?"));
            q.addBindValue(result.from->id);
            if (!q.exec())
                return fail(QStringLiteral("%1: roll back adapter \"%2\": %3")
                                .arg(store.path(), result.from->name, q.lastError().text()));
        }
        return result.to ? store.setActiveAdapter(result.to->id) : store.clearActiveAdapter();
    });
    if (!done)
        return fail(done.error());
    if (result.to) {
        auto now = store.adapter(result.to->id);
        if (!now)
            return fail(now.error());
        result.to = *now;
    }
    return result;
}

Result<QString> exportAdapter(Store &store, const QString &name, const QString &dir)
{
    auto adapter = adapterNamed(store, name);
    if (!adapter)
        return fail(adapter.error());
    if (auto folder = checkAdapterFolder(adapter->path); !folder)
        return fail(QStringLiteral("adapter \"%1\" cannot be exported: %2").arg(name, folder.error()));
    if (dir.trimmed().isEmpty())
        return fail(QStringLiteral("export adapter \"%1\": no folder given").arg(name));
    const QString target = QFileInfo(dir).absoluteFilePath();
    const QFileInfo info(target);
    if (info.exists() && !info.isDir())
        return fail(QStringLiteral("%1: exists and is not a folder").arg(target));
    if (info.exists()
        && QFileInfo(target).canonicalFilePath() == QFileInfo(adapter->path).canonicalFilePath())
        return fail(QStringLiteral("%1 is the folder of adapter \"%2\" itself").arg(target, name));
    const bool empty = !info.exists()
                       || QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    if (empty) {
        // A new folder appears whole or not at all.
        if (Status s = writeDirAtomically(target, [&](const QString &tmp) { return copyAdapterFiles(adapter->path, tmp); }); !s)
            return fail(s.error());
    } else {
        if (!QFileInfo::exists(QDir(target).filePath(kConfigFile)))
            return fail(QStringLiteral("%1 is not empty and is not an adapter folder (no %2); "
                                       "choose an empty or new folder")
                            .arg(target, kConfigFile));
        // Replacing an earlier export: each file is swapped in whole; other files stay.
        if (Status s = copyAdapterFiles(adapter->path, target); !s)
            return fail(s.error());
    }
    if (auto check = checkAdapterFolder(target); !check)
        return fail(QStringLiteral("the exported copy of adapter \"%1\" does not load: %2").arg(name, check.error()));
    return target;
}

Result<AdapterRecord> importAdapter(Store &store, const QString &dir, const QString &name)
{
    if (!validFolderName(name))
        return fail(QStringLiteral("\"%1\" is not a usable adapter name (no slashes, quotes, colons or "
                                   "leading/trailing spaces)")
                        .arg(name));
    if (auto folder = checkAdapterFolder(dir); !folder)
        return fail(QStringLiteral("cannot import %1: %2").arg(dir, folder.error()));
    auto existing = store.adapterByName(name);
    if (!existing)
        return fail(existing.error());
    if (existing->has_value())
        return fail(QStringLiteral("%1 already has an adapter named \"%2\"").arg(store.path(), name));
    const QString target =
        QFileInfo(store.path()).absoluteDir().filePath(QStringLiteral("adapters/") + name);
    if (QFileInfo::exists(target) && !QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot))
        return fail(QStringLiteral("%1 exists already and is not registered as an adapter; move it away "
                                   "or choose another name")
                        .arg(target));
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return fail(QStringLiteral("%1: cannot create the folder").arg(QFileInfo(target).absolutePath()));
    if (Status s = writeDirAtomically(target, [&](const QString &tmp) { return copyAdapterFiles(dir, tmp); }); !s)
        return fail(s.error());
    if (auto check = checkAdapterFolder(target); !check) {
        QDir(target).removeRecursively();
        return fail(QStringLiteral("the imported copy of %1 does not load: %2").arg(dir, check.error()));
    }
    AdapterRecord record;
    record.name = name;
    record.path = target;
    record.createdAt = QDateTime::currentDateTimeUtc();
    auto id = store.addAdapter(record);
    if (!id) {
        QDir(target).removeRecursively();
        return fail(id.error());
    }
    return store.adapter(*id);
}

Result<QJsonObject> evaluateAdapter(Store &store, const QString &name, Store *heldOut,
                                    const AdapterEvalOptions &options, const ProgressCallback &progress,
                                    const CancelFlag *cancel)
{
    auto adapter = adapterNamed(store, name);
    if (!adapter)
        return fail(adapter.error());
    if (auto folder = checkAdapterFolder(adapter->path); !folder)
        return fail(QStringLiteral("adapter \"%1\" cannot be evaluated: %2").arg(name, folder.error()));
    const QString modelDir = options.modelDir.isEmpty() ? defaultModelDir() : options.modelDir;
    if (modelDir.isEmpty() || !QFileInfo(modelDir).isDir())
        return fail(QStringLiteral("no base model folder at \"%1\" to evaluate adapter \"%2\" with").arg(modelDir, name));
    auto explainer = Explainer::load(modelDir, adapter->path);
    if (!explainer)
        return fail(QStringLiteral("adapter \"%1\": %2").arg(name, explainer.error()));
    auto cancelled = [&] { return cancel && cancel->load(); };
    Store &incidents = heldOut ? *heldOut : store;
    auto report = evaluateModel(incidents, **explainer, options.eval, [&](qint64 done, qint64 total) {
        return !cancelled() && reportProgress(progress, done, total);
    });
    if (cancelled())
        return fail(QStringLiteral("evaluation of adapter \"%1\" cancelled").arg(name));
    if (!report)
        return fail(QStringLiteral("evaluation of adapter \"%1\": %2").arg(name, report.error()));

    const QJsonObject summary = report->toJson();
    QJsonObject eval = adapter->eval; // keep what others stored (win_rate...)
    const QJsonObject metrics = summary.value(QStringLiteral("metrics")).toObject();
    for (auto it = metrics.begin(); it != metrics.end(); ++it)
        eval.insert(it.key(), it.value());
    eval.insert(QStringLiteral("incidents"), report->incidents);
    eval.insert(QStringLiteral("samples"), report->overall.samples);
    eval.insert(QStringLiteral("model"), report->model);
    eval.insert(QStringLiteral("eval_db"), incidents.path());
    eval.insert(QStringLiteral("evaluated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    eval.insert(QStringLiteral("settings"), options.eval.settings.toJson());
    eval.insert(QStringLiteral("seconds"), report->seconds);
    if (Status s = store.setAdapterEval(adapter->id, eval); !s)
        return fail(s.error());
    return eval;
}

} // namespace lab
