#include "core/model/lora.h"

#include "core/model/safetensors.h"

#include <ATen/ATen.h>
#include <torch/nn/functional/dropout.h>
#include <torch/utils.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <cmath>

namespace lab {

namespace {

const QString kAdapterConfig = QStringLiteral("adapter_config.json");
const QString kAdapterWeights = QStringLiteral("adapter_model.safetensors");
const std::string kPeftPrefix = "base_model.model.";

std::string lastComponent(const std::string &path)
{
    const auto dot = path.rfind('.');
    return dot == std::string::npos ? path : path.substr(dot + 1);
}

} // namespace

LoraConfig LoraConfig::withMlp(int r, double alpha)
{
    LoraConfig c;
    c.r = r;
    c.alpha = alpha;
    c.targetModules << QStringLiteral("gate_proj") << QStringLiteral("up_proj")
                    << QStringLiteral("down_proj");
    return c;
}

LoraLinearImpl::LoraLinearImpl(std::int64_t inFeatures, std::int64_t outFeatures)
    : m_in(inFeatures), m_out(outFeatures)
{
    // Filled by initialisation or loading; never left as garbage by construction order.
    weight = register_parameter("weight", torch::zeros({outFeatures, inFeatures}));
}

torch::Tensor LoraLinearImpl::forward(const torch::Tensor &x)
{
    torch::Tensor y = at::linear(x, weight);
    if (!m_enabled || m_merged || !m_loraA.defined())
        return y;
    torch::Tensor input = x;
    if (m_dropout > 0.0 && is_training())
        input = at::dropout(x, m_dropout, true);
    // As PEFT: result + lora_B(lora_A(dropout(x))) * scaling.
    return y + at::linear(at::linear(input, m_loraA), m_loraB) * m_scale;
}

void LoraLinearImpl::addAdapter(int r, double alpha, double dropout,
                                std::optional<at::Generator> generator)
{
    if (m_loraA.defined())
        removeAdapter();
    const auto options = weight.options().requires_grad(false);
    // Drawn on the CPU (where the generator lives), so a seed gives the same A on any device.
    torch::Tensor a = torch::empty({r, m_in}, torch::kFloat);
    {
        torch::NoGradGuard noGrad;
        // kaiming_uniform_(a = sqrt(5)) as nn.Linear/PEFT: gain sqrt(2 / (1 + 5)), bound
        // gain * sqrt(3 / fan_in) = 1 / sqrt(fan_in).
        const double bound = 1.0 / std::sqrt(static_cast<double>(m_in));
        if (generator)
            a.uniform_(-bound, bound, *generator);
        else
            a.uniform_(-bound, bound);
    }
    a = a.to(options);
    torch::Tensor b = torch::zeros({m_out, r}, options);
    auto moduleA = std::make_shared<torch::nn::Module>();
    auto moduleB = std::make_shared<torch::nn::Module>();
    m_loraA = moduleA->register_parameter("weight", a);
    m_loraB = moduleB->register_parameter("weight", b);
    register_module("lora_A", moduleA);
    register_module("lora_B", moduleB);
    m_scale = alpha / r;
    m_dropout = dropout;
    m_enabled = true;
    m_merged = false;
}

void LoraLinearImpl::removeAdapter()
{
    if (!m_loraA.defined())
        return;
    if (m_merged)
        unmerge();
    unregister_module("lora_A");
    unregister_module("lora_B");
    m_loraA = torch::Tensor();
    m_loraB = torch::Tensor();
    m_enabled = false;
}

void LoraLinearImpl::setAdapterEnabled(bool enabled)
{
    if (!enabled && m_merged)
        unmerge();
    m_enabled = enabled && m_loraA.defined();
}

void LoraLinearImpl::merge()
{
    if (!m_loraA.defined() || m_merged)
        return;
    torch::NoGradGuard noGrad;
    weight.add_(at::matmul(m_loraB, m_loraA), m_scale);
    m_merged = true;
    m_enabled = true;
}

void LoraLinearImpl::unmerge()
{
    if (!m_merged)
        return;
    torch::NoGradGuard noGrad;
    weight.sub_(at::matmul(m_loraB, m_loraA), m_scale);
    m_merged = false;
}

torch::Tensor LoraLinearImpl::effectiveWeight() const
{
    if (!m_enabled || m_merged || !m_loraA.defined())
        return weight;
    return weight + at::matmul(m_loraB, m_loraA) * m_scale;
}

std::vector<std::pair<std::string, std::shared_ptr<LoraLinearImpl>>>
loraTargets(torch::nn::Module &root, const QStringList &targetModules)
{
    QSet<QString> wanted(targetModules.begin(), targetModules.end());
    std::vector<std::pair<std::string, std::shared_ptr<LoraLinearImpl>>> out;
    for (const auto &item : root.named_modules(/*name_prefix=*/"", /*include_self=*/false)) {
        auto lin = std::dynamic_pointer_cast<LoraLinearImpl>(item.value());
        if (lin && wanted.contains(QString::fromStdString(lastComponent(item.key()))))
            out.emplace_back(item.key(), lin);
    }
    return out;
}

namespace {

std::vector<std::pair<std::string, std::shared_ptr<LoraLinearImpl>>>
allLoraLinears(torch::nn::Module &root)
{
    std::vector<std::pair<std::string, std::shared_ptr<LoraLinearImpl>>> out;
    for (const auto &item : root.named_modules("", false)) {
        if (auto lin = std::dynamic_pointer_cast<LoraLinearImpl>(item.value()))
            out.emplace_back(item.key(), lin);
    }
    return out;
}

} // namespace

Result<std::vector<torch::Tensor>> addLora(torch::nn::Module &root, const LoraConfig &config,
                                           std::optional<std::uint64_t> seed)
{
    if (config.r <= 0 || !(config.alpha > 0) || config.dropout < 0 || config.dropout >= 1)
        return fail(QStringLiteral("LoRA: rank and alpha must be positive and dropout in [0, 1)"));
    const auto targets = loraTargets(root, config.targetModules);
    if (targets.empty())
        return fail(QStringLiteral("LoRA: no module named %1 to adapt")
                        .arg(config.targetModules.join(QStringLiteral(", "))));
    for (const auto &[name, lin] : targets) {
        if (lin->hasAdapter())
            return fail(QStringLiteral("LoRA: %1 already has an adapter")
                            .arg(QString::fromStdString(name)));
    }
    std::optional<at::Generator> generator;
    if (seed)
        generator = at::detail::createCPUGenerator(*seed);
    for (auto &p : root.parameters())
        p.set_requires_grad(false);
    std::vector<torch::Tensor> trainable;
    for (const auto &[name, lin] : targets) {
        lin->addAdapter(config.r, config.alpha, config.dropout, generator);
        for (auto &p : lin->named_parameters()) {
            if (p.key() != "weight") {
                p.value().set_requires_grad(true);
                trainable.push_back(p.value());
            }
        }
    }
    return trainable;
}

void removeLora(torch::nn::Module &root)
{
    for (auto &[name, lin] : allLoraLinears(root))
        lin->removeAdapter();
}

void setLoraEnabled(torch::nn::Module &root, bool enabled)
{
    for (auto &[name, lin] : allLoraLinears(root))
        lin->setAdapterEnabled(enabled);
}

void mergeLora(torch::nn::Module &root)
{
    for (auto &[name, lin] : allLoraLinears(root))
        lin->merge();
}

void unmergeLora(torch::nn::Module &root)
{
    for (auto &[name, lin] : allLoraLinears(root))
        lin->unmerge();
}

bool hasLora(torch::nn::Module &root)
{
    for (auto &[name, lin] : allLoraLinears(root)) {
        if (lin->hasAdapter())
            return true;
    }
    return false;
}

std::vector<torch::Tensor> loraParameters(torch::nn::Module &root)
{
    std::vector<torch::Tensor> out;
    for (auto &[name, lin] : allLoraLinears(root)) {
        if (lin->hasAdapter()) {
            out.push_back(lin->loraA());
            out.push_back(lin->loraB());
        }
    }
    return out;
}

Status saveLoraAdapter(torch::nn::Module &root, const LoraConfig &config, const QString &dir)
{
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    QStringList targets;
    for (auto &[name, lin] : allLoraLinears(root)) {
        if (!lin->hasAdapter())
            continue;
        tensors.emplace_back(kPeftPrefix + name + ".lora_A.weight", lin->loraA().detach());
        tensors.emplace_back(kPeftPrefix + name + ".lora_B.weight", lin->loraB().detach());
        const QString last = QString::fromStdString(lastComponent(name));
        if (!targets.contains(last))
            targets << last;
    }
    if (tensors.empty())
        return fail(QStringLiteral("LoRA: the model has no adapter to save to %1").arg(dir));
    if (!QDir().mkpath(dir))
        return fail(QStringLiteral("%1: cannot create the adapter folder").arg(dir));

    QJsonObject json;
    json[QLatin1String("peft_type")] = QStringLiteral("LORA");
    json[QLatin1String("task_type")] = QStringLiteral("CAUSAL_LM");
    json[QLatin1String("r")] = config.r;
    json[QLatin1String("lora_alpha")] = config.alpha;
    json[QLatin1String("lora_dropout")] = config.dropout;
    json[QLatin1String("target_modules")] = QJsonArray::fromStringList(targets);
    json[QLatin1String("bias")] = QStringLiteral("none");
    json[QLatin1String("fan_in_fan_out")] = false;
    json[QLatin1String("inference_mode")] = true;
    json[QLatin1String("init_lora_weights")] = true;
    json[QLatin1String("modules_to_save")] = QJsonValue::Null;
    json[QLatin1String("base_model_name_or_path")] = config.baseModel;

    if (Status s =
            saveSafetensors(QDir(dir).filePath(kAdapterWeights), tensors, {{"format", "pt"}});
        !s)
        return s;
    QSaveFile file(QDir(dir).filePath(kAdapterConfig));
    if (!file.open(QIODevice::WriteOnly))
        return fail(
            QStringLiteral("%1: cannot write: %2").arg(file.fileName(), file.errorString()));
    file.write(QJsonDocument(json).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return fail(
            QStringLiteral("%1: cannot write: %2").arg(file.fileName(), file.errorString()));
    return {};
}

Result<LoraConfig> readLoraConfig(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QStringLiteral("%1: not a JSON object: %2").arg(path, error.errorString()));
    const QJsonObject json = doc.object();
    const QString type = json.value(QLatin1String("peft_type")).toString();
    if (type != QLatin1String("LORA"))
        return fail(QStringLiteral("%1: peft_type is \"%2\", not LORA").arg(path, type));
    LoraConfig c;
    c.r = json.value(QLatin1String("r")).toInt(0);
    c.alpha = json.value(QLatin1String("lora_alpha")).toDouble(0);
    c.dropout = json.value(QLatin1String("lora_dropout")).toDouble(0);
    c.baseModel = json.value(QLatin1String("base_model_name_or_path")).toString();
    const QJsonValue targets = json.value(QLatin1String("target_modules"));
    if (targets.isArray()) {
        c.targetModules.clear();
        for (const QJsonValue &t : targets.toArray())
            c.targetModules << t.toString();
    } else if (targets.isString()) {
        return fail(QStringLiteral("%1: target_modules as a regular expression is not supported")
                        .arg(path));
    }
    if (json.value(QLatin1String("bias")).toString(QStringLiteral("none")) != QLatin1String("none"))
        return fail(QStringLiteral("%1: LoRA bias training is not supported").arg(path));
    if (json.value(QLatin1String("fan_in_fan_out")).toBool())
        return fail(QStringLiteral("%1: fan_in_fan_out is not supported").arg(path));
    if (json.value(QLatin1String("use_rslora")).toBool() ||
        json.value(QLatin1String("use_dora")).toBool())
        return fail(QStringLiteral("%1: rsLoRA/DoRA adapters are not supported").arg(path));
    if (c.r <= 0 || !(c.alpha > 0) || c.targetModules.isEmpty())
        return fail(QStringLiteral("%1: r, lora_alpha and target_modules must be set").arg(path));
    return c;
}

Result<LoraConfig> loadLoraAdapter(torch::nn::Module &root, const QString &dir)
{
    Result<LoraConfig> config = readLoraConfig(QDir(dir).filePath(kAdapterConfig));
    if (!config)
        return config;
    const QString weightsPath = QDir(dir).filePath(kAdapterWeights);
    Result<SafetensorsFile> file = SafetensorsFile::open(weightsPath);
    if (!file)
        return fail(file.error());
    const auto targets = loraTargets(root, config->targetModules);
    if (targets.empty())
        return fail(QStringLiteral("%1: no module of the model matches target_modules %2")
                        .arg(dir, config->targetModules.join(QStringLiteral(", "))));

    std::set<std::string> used;
    QStringList problems;
    std::vector<std::tuple<std::shared_ptr<LoraLinearImpl>, at::Tensor, at::Tensor>> loaded;
    for (const auto &[name, lin] : targets) {
        const std::string keyA = kPeftPrefix + name + ".lora_A.weight";
        const std::string keyB = kPeftPrefix + name + ".lora_B.weight";
        if (!file->contains(keyA) || !file->contains(keyB)) {
            problems << QStringLiteral("missing %1")
                            .arg(QString::fromStdString(file->contains(keyA) ? keyB : keyA));
            continue;
        }
        used.insert(keyA);
        used.insert(keyB);
        Result<at::Tensor> a = file->tensor(keyA);
        Result<at::Tensor> b = file->tensor(keyB);
        if (!a)
            return fail(a.error());
        if (!b)
            return fail(b.error());
        const std::vector<std::int64_t> wantA{config->r, lin->inFeatures()};
        const std::vector<std::int64_t> wantB{lin->outFeatures(), config->r};
        if (a->sizes().vec() != wantA || b->sizes().vec() != wantB) {
            problems << QStringLiteral("%1: shapes A %2 B %3, expected A [%4, %5] B [%6, %7]")
                            .arg(QString::fromStdString(name))
                            .arg(QString::fromStdString(c10::str(a->sizes())),
                                 QString::fromStdString(c10::str(b->sizes())))
                            .arg(config->r)
                            .arg(lin->inFeatures())
                            .arg(lin->outFeatures())
                            .arg(config->r);
            continue;
        }
        loaded.emplace_back(lin, *a, *b);
    }
    for (const std::string &name : file->names()) {
        if (!used.count(name))
            problems << QStringLiteral("unexpected %1").arg(QString::fromStdString(name));
    }
    if (!problems.isEmpty())
        return fail(QStringLiteral("%1: adapter does not fit the model: %2")
                        .arg(weightsPath, problems.join(QStringLiteral("; "))));

    removeLora(root);
    for (auto &p : root.parameters())
        p.set_requires_grad(false);
    torch::NoGradGuard noGrad;
    for (auto &[lin, a, b] : loaded) {
        lin->addAdapter(config->r, config->alpha, config->dropout);
        lin->loraA().copy_(a);
        lin->loraB().copy_(b);
        lin->loraA().set_requires_grad(true);
        lin->loraB().set_requires_grad(true);
    }
    return config;
}

} // namespace lab
