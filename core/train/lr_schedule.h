#pragma once
// The learning rate as a pure function of the step (nanoGPT's get_lr), so a resumed run and a
// chart can recompute it without keeping scheduler state.
#include <QtGlobal>

namespace lab {

// Linear warm-up from peak / warmup to peak over the first `warmup` steps, then a half cosine
// from peak down to peak * minRatio at step `total`; flat at the minimum after that.
double warmupCosineLr(qint64 step, qint64 warmup, qint64 total, double peak, double minRatio);

} // namespace lab
