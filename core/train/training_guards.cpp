#include "core/train/training_guards.h"

#include <cmath>

namespace lab {
namespace {

// Pearson correlation of the two coordinates; 0 when either is constant.
double correlation(const std::deque<std::pair<double, double>> &points)
{
    const double n = double(points.size());
    double mx = 0, my = 0;
    for (const auto &[x, y] : points) {
        mx += x;
        my += y;
    }
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    for (const auto &[x, y] : points) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    if (sxx <= 0 || syy <= 0)
        return 0.0;
    return sxy / std::sqrt(sxx * syy);
}

} // namespace

TrainingGuards::TrainingGuards(GuardOptions options) : m_options(options) {}

std::optional<QString> TrainingGuards::check(qint64 step, const QVector<MetricPoint> &points)
{
    std::optional<double> score, length;
    for (const MetricPoint &p : points) {
        if (!std::isfinite(p.value))
            return QStringLiteral("Paused at step %1: %2 became %3. The learning rate may be too high "
                                  "for these settings; the last checkpoint is kept.")
                .arg(step)
                .arg(p.name, std::isnan(p.value) ? QStringLiteral("NaN") : QStringLiteral("infinite"));
        if (p.name == QLatin1String("objective/kl") && m_options.klLimit > 0 && p.value > m_options.klLimit)
            return QStringLiteral("Paused at step %1: the KL divergence from the reference model is %2, above "
                                  "the limit of %3. The policy is drifting away from the base model; lower the "
                                  "learning rate or raise the KL coefficient.")
                .arg(step)
                .arg(p.value, 0, 'f', 2)
                .arg(m_options.klLimit, 0, 'f', 2);
        if (p.name == QLatin1String("objective/entropy") && m_options.minEntropy > 0 && p.value < m_options.minEntropy)
            return QStringLiteral("Paused at step %1: the policy's entropy fell to %2 nats per token (floor %3). "
                                  "It is collapsing onto a few phrases.")
                .arg(step)
                .arg(p.value, 0, 'f', 3)
                .arg(m_options.minEntropy, 0, 'f', 3);
        if (p.name == QLatin1String("objective/scores"))
            score = p.value;
        else if (p.name == QLatin1String("response/length"))
            length = p.value;
    }
    if (score && length && m_options.verbosityWindow >= 3) {
        if (m_firstLength < 0)
            m_firstLength = *length;
        m_scoreLength.emplace_back(*score, *length);
        while (int(m_scoreLength.size()) > m_options.verbosityWindow)
            m_scoreLength.pop_front();
        if (int(m_scoreLength.size()) == m_options.verbosityWindow) {
            const double first = m_scoreLength.front().second, last = m_scoreLength.back().second;
            const bool scoreRose = m_scoreLength.back().first > m_scoreLength.front().first;
            if (scoreRose && last > first && m_firstLength > 0
                && last > m_options.verbosityGrowth * m_firstLength
                && correlation(m_scoreLength) > m_options.verbosityCorrelation)
                return QStringLiteral("Paused at step %1: the reward rises with the response length (correlation "
                                      "%2; length %3 tokens, %4 at the start). The policy may be buying reward "
                                      "with verbosity.")
                    .arg(step)
                    .arg(correlation(m_scoreLength), 0, 'f', 2)
                    .arg(last, 0, 'f', 0)
                    .arg(m_firstLength, 0, 'f', 0);
        }
    }
    return std::nullopt;
}

} // namespace lab
