#include "cli_model.h"

#include "cli_output.h"
#include "cli_project.h"

#include "core/common/paths.h"
#include "core/runtime/runtime_info.h"
#include "core/store/store.h"

#include <QDir>
#include <QFileInfo>

namespace lab::cli {

ModelArgs::ModelArgs(QCommandLineParser &parser, double temperature)
    : m_parser(parser),
      m_model(QStringLiteral("model"),
              QStringLiteral("Model folder (config.json, model.safetensors, tokenizer.model); default: $LAB_MODEL_DIR or the bundled lab-tiny."),
              QStringLiteral("DIR")),
      m_adapter(QStringLiteral("adapter"), QStringLiteral("LoRA adapter of the --db project to apply (by name)."), QStringLiteral("NAME")),
      m_temperature(QStringLiteral("temperature"), QStringLiteral("Sampling temperature (default %1).").arg(temperature), QStringLiteral("T"),
                    QString::number(temperature)),
      m_seed(QStringLiteral("seed"), QStringLiteral("Sampling seed (default 0); same seed, same explanations."), QStringLiteral("S"),
             QStringLiteral("0")),
      m_greedy(QStringLiteral("greedy"), QStringLiteral("Take the most likely token each step instead of sampling.")),
      m_maxNewTokens(QStringLiteral("max-new-tokens"), QStringLiteral("Longest explanation in tokens (default 160)."), QStringLiteral("N"),
                     QStringLiteral("160")),
      m_device(QStringLiteral("device"), QStringLiteral("auto, cpu, cuda or cuda:N (default auto)."), QStringLiteral("D"), QStringLiteral("auto"))
{
    parser.addOptions({m_model, m_adapter, m_temperature, m_seed, m_greedy, m_maxNewTokens, m_device});
}

int ModelArgs::readSettings(ExplainSettings &settings) const
{
    bool ok = false;
    settings.temperature = m_parser.value(m_temperature).toDouble(&ok);
    if (!ok || !(settings.temperature > 0.0) || settings.temperature > 100.0)
        return fail(QStringLiteral("--temperature must be a number above 0 (got '%1'); use --greedy for 0").arg(m_parser.value(m_temperature)),
                    kExitUsage);
    settings.maxNewTokens = m_parser.value(m_maxNewTokens).toInt(&ok);
    if (!ok || settings.maxNewTokens < 1)
        return fail(QStringLiteral("--max-new-tokens must be a whole number above 0 (got '%1')").arg(m_parser.value(m_maxNewTokens)), kExitUsage);
    if (int code = readSeed(m_parser, m_seed, settings.seed); code >= 0)
        return code;
    settings.greedy = m_parser.isSet(m_greedy);
    settings.device = m_parser.value(m_device);
    return -1;
}

int ModelArgs::loadExplainer(Store *store, std::unique_ptr<Explainer> &explainer, qint64 *adapterId) const
{
    QString adapterDir;
    if (m_parser.isSet(m_adapter)) {
        if (!store)
            return fail(QStringLiteral("--adapter needs --db F, the project that holds it"), kExitUsage);
        const QString name = m_parser.value(m_adapter);
        auto adapter = store->adapterByName(name);
        if (!adapter)
            return fail(adapter.error());
        if (!adapter->has_value())
            return fail(QStringLiteral("%1 has no adapter named '%2' (see: rlhf-lab-cli adapters list --db %1)").arg(store->path(), name));
        adapterDir = (*adapter)->path;
        if (adapterId)
            *adapterId = (*adapter)->id;
    }
    // Matrix products on the reference BLAS are ~30x slower: say so before the user waits.
    if (const QString warning = slowBlasWarning(runtimeInfo()); !warning.isEmpty())
        fail(warning, 0);
    QString modelDir, error;
    if (!resolveModelFolder(m_parser.value(m_model), modelDir, error))
        return fail(error);
    auto loaded = Explainer::load(modelDir, adapterDir);
    if (!loaded)
        return fail(loaded.error());
    explainer = std::move(*loaded);
    return -1;
}

bool resolveModelFolder(const QString &given, QString &dir, QString &error)
{
    if (!given.isEmpty()) {
        dir = given;
        return true;
    }
    dir = defaultModelDir();
    if (QFileInfo(dir).isDir())
        return true;
    error = QStringLiteral("no model found at %1: build the project (it copies the bundled lab-tiny from "
                           "resources/models/lab-tiny into the build tree), train one with "
                           "'rlhf-lab-cli train sft --db F', or name one with --model DIR or LAB_MODEL_DIR")
                .arg(QDir::toNativeSeparators(dir));
    return false;
}

} // namespace lab::cli
