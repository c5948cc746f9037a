#include "core/model/device.h"

#include <torch/cuda.h>

namespace lab {

QStringList availableDevices()
{
    QStringList out{QStringLiteral("cpu")};
    const int n = torch::cuda::is_available() ? static_cast<int>(torch::cuda::device_count()) : 0;
    for (int i = 0; i < n; ++i)
        out << QStringLiteral("cuda:%1").arg(i);
    return out;
}

Result<QString> resolveDevice(const QString &request)
{
    const QString r = request.trimmed().toLower();
    const QStringList devices = availableDevices();
    if (r.isEmpty() || r == QLatin1String("auto"))
        return devices.size() > 1 ? devices.at(1) : devices.front();
    if (r == QLatin1String("cpu"))
        return QStringLiteral("cpu");
    if (r == QLatin1String("cuda") || r == QLatin1String("gpu")) {
        if (devices.size() < 2)
            return fail(QStringLiteral("device \"%1\": this LibTorch build or machine has no CUDA "
                                       "device")
                            .arg(request));
        return devices.at(1);
    }
    if (r.startsWith(QLatin1String("cuda:"))) {
        bool ok = false;
        const int index = r.mid(5).toInt(&ok);
        if (!ok || index < 0)
            return fail(QStringLiteral("device \"%1\": not a device name").arg(request));
        if (!devices.contains(r))
            return fail(QStringLiteral("device \"%1\": not available (have %2)")
                            .arg(request, devices.join(QStringLiteral(", "))));
        return r;
    }
    return fail(
        QStringLiteral("device \"%1\": unknown; use auto, cpu, cuda or cuda:N").arg(request));
}

} // namespace lab
