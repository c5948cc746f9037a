#include "core/runtime/runtime_info.h"

#include <torch/torch.h>

#include <QFile>
#include <QRegularExpression>
#include <dlfcn.h>
#include <thread>

namespace lab {

namespace {
// The BLAS that the dynamic loader resolved for libblas.so.3 shows up in our own mappings.
QString loadedBlasLibrary()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression blasPath(QStringLiteral(R"((/\S*/)(lib(open)?blas[^/\s]*\.so[.\d]*))"));
    const QString text = QString::fromLocal8Bit(maps.readAll());
    QString found;
    auto it = blasPath.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString path = m.captured(1) + m.captured(2);
        if (path.contains(QLatin1String("openblas")))
            return path;
        found = path;
    }
    return found;
}

// OpenBLAS exports these; another BLAS does not. Looked up at run time: LibTorch links
// libblas.so.3, whichever library the system's alternative points at.
int openBlasThreads()
{
    using GetThreads = int (*)();
    auto get = reinterpret_cast<GetThreads>(::dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    return get ? get() : 0;
}

void setOpenBlasThreads(int threads)
{
    using SetThreads = void (*)(int);
    if (auto set = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        set(threads);
}
} // namespace

RuntimeInfo runtimeInfo()
{
    RuntimeInfo info;
    info.torchVersion = QStringLiteral("%1.%2.%3").arg(TORCH_VERSION_MAJOR).arg(TORCH_VERSION_MINOR).arg(TORCH_VERSION_PATCH);
    info.blasLibrary = loadedBlasLibrary();
    // Debian's reference BLAS lives in .../blas/libblas.so.3; OpenBLAS in .../openblas-pthread/.
    info.blasIsReference = !info.blasLibrary.isEmpty() && !info.blasLibrary.contains(QLatin1String("openblas"))
                           && !info.blasLibrary.contains(QLatin1String("mkl"));
    info.threads = torch::get_num_threads();
    info.blasThreads = openBlasThreads();
    info.devices << QStringLiteral("cpu");
    if (torch::cuda::is_available()) {
        for (size_t i = 0; i < torch::cuda::device_count(); ++i)
            info.devices << QStringLiteral("cuda:%1").arg(i);
    }
    return info;
}

RuntimeInfo initRuntime(int threads)
{
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    setOpenBlasThreads(threads);
    return runtimeInfo();
}

QString slowBlasWarning(const RuntimeInfo &info)
{
    if (!info.blasIsReference)
        return {};
    return QStringLiteral("Matrix products use the reference BLAS (%1), about 30x slower than OpenBLAS. "
                          "Install it with: sudo apt-get install libopenblas0-pthread")
        .arg(info.blasLibrary);
}

} // namespace lab
