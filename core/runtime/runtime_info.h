#pragma once
#include <QString>
#include <QStringList>

namespace lab {

struct RuntimeInfo
{
    QString torchVersion;   // e.g. "1.13.1"
    QString blasLibrary;    // the BLAS shared object actually loaded, e.g. "libopenblas.so.0"
    bool blasIsReference = false; // Debian's reference BLAS: ~30x slower matrix products
    int threads = 1;        // LibTorch intra-op threads
    int blasThreads = 0;    // OpenBLAS's threads; 0: unknown (not OpenBLAS)
    QStringList devices;    // "cpu", and "cuda:N" where the build and machine have them
};

// Sets LibTorch's intra-op threads and OpenBLAS's (0 = one per core) and reports what the process
// runs on. Call it before any worker thread runs Torch code: threads read the count once.
RuntimeInfo initRuntime(int threads = 0);
RuntimeInfo runtimeInfo();

// A warning for the user when matrix products will be slow, or an empty string.
QString slowBlasWarning(const RuntimeInfo &info);

} // namespace lab
