#pragma once
// Long core functions report progress through this callback; returning false cancels the work
// (the llama.cpp `llama_progress_callback` convention). Callers throttle what they show.
#include <QtGlobal>
#include <atomic>
#include <functional>

namespace lab {

using ProgressCallback = std::function<bool(qint64 done, qint64 total)>;

inline bool reportProgress(const ProgressCallback &cb, qint64 done, qint64 total)
{
    return !cb || cb(done, total);
}

// A cancel flag shared between a controller and a worker; checked once per step.
using CancelFlag = std::atomic_bool;

} // namespace lab
