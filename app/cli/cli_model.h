#pragma once
// What the commands that run the model share: --model DIR (default: $LAB_MODEL_DIR or the
// bundled lab-tiny), --adapter NAME (looked up in the --db project), and the sampling settings
// --temperature, --seed, --greedy, --max-new-tokens, --device.
#include "core/explain/explainer.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <memory>

namespace lab {
class Store;
}

namespace lab::cli {

class ProjectArgs;

class ModelArgs
{
public:
    // Adds the options to `parser`; `temperature` is the command's default.
    explicit ModelArgs(QCommandLineParser &parser, double temperature = 0.7);

    // Reads the sampling settings. Returns -1 to go on, or the usage exit code after saying why.
    int readSettings(ExplainSettings &settings) const;
    // Loads the model (and the --adapter of `store`, which may be null when no --db was given).
    // Returns -1 to go on, or the exit code after saying why.
    int loadExplainer(Store *store, std::unique_ptr<Explainer> &explainer,
                      qint64 *adapterId = nullptr) const;
    bool adapterSet() const { return m_parser.isSet(m_adapter); }
    QString adapterName() const { return m_parser.value(m_adapter); }

private:
    QCommandLineParser &m_parser;
    QCommandLineOption m_model, m_adapter, m_temperature, m_seed, m_greedy, m_maxNewTokens, m_device;
};

// The --model folder, or the default one; on failure `error` says how to get a model.
bool resolveModelFolder(const QString &given, QString &dir, QString &error);

} // namespace lab::cli
