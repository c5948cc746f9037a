#include "core/train/lr_schedule.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace lab {

double warmupCosineLr(qint64 step, qint64 warmup, qint64 total, double peak, double minRatio)
{
    const double floor = peak * minRatio;
    if (warmup > 0 && step < warmup)
        return peak * double(step + 1) / double(warmup);
    if (step >= total || total <= warmup)
        return total <= warmup ? peak : floor;
    const double progress = double(step - warmup) / double(total - warmup);
    const double cosine = 0.5 * (1.0 + std::cos(std::numbers::pi * std::clamp(progress, 0.0, 1.0)));
    return floor + (peak - floor) * cosine;
}

} // namespace lab
