#include "core/runtime/runtime_info.h"

#include <torch/torch.h>

#include <QFile>
#include <QRegularExpression>
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
