#include "core/train/adamw.h"

#include <torch/nn/module.h>

#include <cmath>

namespace lab {

AdamW::AdamW(std::vector<NamedParameter> parameters, AdamWOptions options)
    : m_parameters(std::move(parameters)), m_options(options)
{
    torch::NoGradGuard noGrad;
    for (const NamedParameter &p : m_parameters) {
        m_expAvg.push_back(torch::zeros_like(p.tensor));
        m_expAvgSq.push_back(torch::zeros_like(p.tensor));
    }
}

void AdamW::zeroGrad()
{
    for (NamedParameter &p : m_parameters) {
        if (p.tensor.grad().defined())
            p.tensor.mutable_grad().zero_();
    }
}

double AdamW::clipGradNorm(double maxNorm)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> squares;
    for (const NamedParameter &p : m_parameters) {
        if (p.tensor.grad().defined())
            squares.push_back(p.tensor.grad().pow(2).sum());
    }
    if (squares.empty())
        return 0.0;
    const double norm = std::sqrt(torch::stack(squares).sum().item<double>());
    const double coefficient = maxNorm / (norm + 1e-6);
    if (coefficient < 1.0) {
        for (NamedParameter &p : m_parameters) {
            if (p.tensor.grad().defined())
                p.tensor.mutable_grad().mul_(coefficient);
        }
    }
    return norm;
}

void AdamW::step(double lr)
{
    torch::NoGradGuard noGrad;
    ++m_step;
    const double correction1 = 1.0 - std::pow(m_options.beta1, double(m_step));
    const double correction2Sqrt = std::sqrt(1.0 - std::pow(m_options.beta2, double(m_step)));
    for (size_t i = 0; i < m_parameters.size(); ++i) {
        NamedParameter &p = m_parameters[i];
        const torch::Tensor &grad = p.tensor.grad();
        if (!grad.defined())
            continue;
        if (p.decay && m_options.weightDecay != 0.0)
            p.tensor.mul_(1.0 - lr * m_options.weightDecay);
        m_expAvg[i].mul_(m_options.beta1).add_(grad, 1.0 - m_options.beta1);
        m_expAvgSq[i].mul_(m_options.beta2).addcmul_(grad, grad, 1.0 - m_options.beta2);
        const torch::Tensor denominator =
            (m_expAvgSq[i].sqrt() / correction2Sqrt).add_(m_options.eps);
        p.tensor.addcdiv_(m_expAvg[i], denominator, -lr / correction1);
    }
}

std::map<std::string, torch::Tensor> AdamW::state() const
{
    std::map<std::string, torch::Tensor> out;
    for (size_t i = 0; i < m_parameters.size(); ++i) {
        out["exp_avg." + m_parameters[i].name] = m_expAvg[i].detach().to(torch::kCPU).contiguous();
        out["exp_avg_sq." + m_parameters[i].name] =
            m_expAvgSq[i].detach().to(torch::kCPU).contiguous();
    }
    return out;
}

Status AdamW::loadState(const std::map<std::string, torch::Tensor> &state, qint64 steps,
                        const QString &origin)
{
    std::vector<std::pair<torch::Tensor, torch::Tensor>> found;
    for (size_t i = 0; i < m_parameters.size(); ++i) {
        const std::string &name = m_parameters[i].name;
        const auto avg = state.find("exp_avg." + name);
        const auto avgSq = state.find("exp_avg_sq." + name);
        if (avg == state.end() || avgSq == state.end())
            return fail(QStringLiteral("%1: no optimizer state for %2")
                            .arg(origin, QString::fromStdString(name)));
        if (avg->second.sizes() != m_expAvg[i].sizes()
            || avgSq->second.sizes() != m_expAvgSq[i].sizes())
            return fail(QStringLiteral("%1: optimizer state for %2 has the wrong shape")
                            .arg(origin, QString::fromStdString(name)));
        found.emplace_back(avg->second, avgSq->second);
    }
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < found.size(); ++i) {
        m_expAvg[i].copy_(found[i].first);
        m_expAvgSq[i].copy_(found[i].second);
    }
    m_step = steps;
    return {};
}

std::vector<NamedParameter> trainableParameters(torch::nn::Module &module)
{
    std::vector<NamedParameter> out;
    for (const auto &item : module.named_parameters(/*recurse=*/true)) {
        if (!item.value().requires_grad())
            continue;
        out.push_back({item.key(), item.value(), item.value().dim() >= 2});
    }
    return out;
}

} // namespace lab
