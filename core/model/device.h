#pragma once
// Where the model runs, chosen at run time by name. Torch-free, so ui/ and app/ can offer the
// choice; core code turns the name into a torch::Device with `torch::Device(name.toStdString())`.
#include "core/common/result.h"

#include <QString>
#include <QStringList>

namespace lab {

// "cpu", then "cuda:0", "cuda:1", ... where this LibTorch build and machine have CUDA.
QStringList availableDevices();

// Resolves a request to a device name this process can use:
//   "auto" or ""  -> "cuda:0" when available, else "cpu"
//   "cpu"         -> "cpu"
//   "cuda"        -> "cuda:0" (an error when CUDA is missing)
//   "cuda:N"      -> itself (an error when there is no device N)
Result<QString> resolveDevice(const QString &request);

} // namespace lab
