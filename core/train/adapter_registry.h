#pragma once
// The LoRA adapters of a project, as a lead manages them: which run made each one and how it
// scored, which one the lab uses now (activate / roll back / the base model), and moving adapters
// in and out of the project as PEFT folders (adapter_config.json + adapter_model.safetensors, keys
// `base_model.model.<module>.lora_A.weight` [r, in] and `...lora_B.weight` [out, r]).
//
// Torch-free on purpose: ui/ and app/ include this header. Every function returns an error that
// names the adapter or the folder; none throws.
//
// Activation history and rollback. The database keeps, per adapter, only the time it was last
// made active (AdapterRecord::activatedAt). rollbackAdapter() undoes the current activation and
// goes back to the adapter activated most recently before it, or to the base model when there is
// none. Repeated rollback walks further back, like repeated undo, not back and forth between the
// last two: the adapter rolled away from has its activation time cleared (its activation was
// undone), so the next rollback skips it. Because each adapter remembers only its latest
// activation, a history with re-activations is collapsed: A, B, A, rollback gives B, and a second
// rollback gives the base model (A's activation was the one undone). With the base model in use
// (useBaseModel() or a new project), rollback undoes that choice and restores the adapter
// activated last. With nothing left to undo it fails and changes nothing.
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/eval/model_eval.h"
#include "core/store/records.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

namespace lab {

class Store;

// One row of the adapters list.
struct AdapterEntry
{
    AdapterRecord adapter;
    // The run that made it; empty for an imported adapter (runId 0) or when its run was removed.
    std::optional<RunRecord> run;

    // "dpo #12", "ppo #3", "imported".
    QString madeBy() const;
    // The evaluation metric (DESIGN.md name) stored with the adapter, if it was evaluated.
    std::optional<double> metric(const QString &name) const;
    bool evaluated() const { return metric(QStringLiteral("root_cause_accuracy")).has_value(); }
};

// Every adapter of the project with its run, newest first.
Result<QVector<AdapterEntry>> listAdapters(Store &store);

// What a readable PEFT adapter folder holds.
struct AdapterFolderInfo
{
    int r = 0;
    double alpha = 0.0;
    QStringList targetModules;
    QStringList modules; // adapted module paths, e.g. "model.layers.0.self_attn.q_proj"
};

// Checks that `dir` is a PEFT LoRA folder this lab can load: adapter_config.json parses (LORA),
// adapter_model.safetensors exists and opens, every tensor is a `base_model.model.<m>.lora_A.weight`
// or `...lora_B.weight` 2-D tensor with its partner, of rank r ([r, in] and [out, r]).
Result<AdapterFolderInfo> checkAdapterFolder(const QString &dir);

// Makes `name` the adapter the lab uses. Refuses a folder checkAdapterFolder() rejects, and an
// adapter whose run did not finish (failed, stopped, paused, still running) unless `force`.
// Activating the adapter already active changes nothing (its place in the history included).
Result<AdapterRecord> activateAdapter(Store &store, const QString &name, bool force = false);

// Back to the base model (no adapter). Nothing to do when none is active.
Status useBaseModel(Store &store);

struct RollbackResult
{
    std::optional<AdapterRecord> from; // what was in use; empty: the base model
    std::optional<AdapterRecord> to;   // what is in use now; empty: the base model
};

// Undoes the current activation (see the top of this file). Fails when there is nothing to undo,
// or when the adapter to go back to no longer has a readable folder (then nothing changes).
Result<RollbackResult> rollbackAdapter(Store &store);

// Copies the adapter's two PEFT files into `dir` (created if missing), each written atomically,
// then checks the copy with checkAdapterFolder(). Refuses a non-empty `dir` that is not an
// adapter folder (no adapter_config.json in it), and the adapter's own folder. Returns the
// absolute folder.
Result<QString> exportAdapter(Store &store, const QString &name, const QString &dir);

// Copies a PEFT folder from elsewhere into the project (adapters/<name>/ next to the database),
// checks it and registers it under `name` (no run; not activated). Returns the new record.
Result<AdapterRecord> importAdapter(Store &store, const QString &dir, const QString &name);

struct AdapterEvalOptions
{
    QString modelDir;      // the base model the adapter applies to; empty: defaultModelDir()
    ModelEvalOptions eval; // held-out status, limit, samples, settings (as `rlhf-lab-cli eval`)
};

// Evaluates the adapter on held-out incidents exactly as `rlhf-lab-cli eval --adapter NAME` does
// (evaluateModel) and stores the result with the adapter (Store::setAdapterEval): the metrics under
// their DESIGN.md names, plus "incidents", "samples", "model", "eval_db", "evaluated_at" and
// "settings". Keys stored earlier by others (win_rate...) are kept unless replaced.
// `heldOut` is the database with the held-out incidents; null: the project itself. `cancel`, when
// set, is checked between generation batches; a cancelled evaluation stores nothing.
// Returns what was stored.
Result<QJsonObject> evaluateAdapter(Store &store, const QString &name, Store *heldOut,
                                    const AdapterEvalOptions &options,
                                    const ProgressCallback &progress = {},
                                    const CancelFlag *cancel = nullptr);

} // namespace lab
