#include "core/common/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace lab {

QString bundledResourceDir()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        qEnvironmentVariable("LAB_RESOURCE_DIR"),
        appDir + QStringLiteral("/../resources/bundle"),
        appDir + QStringLiteral("/../../resources/bundle"),
        appDir + QStringLiteral("/../share/rlhf-log-lab"),
        appDir + QStringLiteral("/../../share/rlhf-log-lab"), // <prefix>/libexec/rlhf-log-lab/
    };
    for (const QString &dir : candidates) {
        if (!dir.isEmpty() && QFileInfo(dir).isDir())
            return QDir(dir).canonicalPath();
    }
    return {};
}

QString defaultModelDir()
{
    const QString fromEnv = qEnvironmentVariable("LAB_MODEL_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString resources = bundledResourceDir();
    // Without a resource folder, still name the place a build would put the model, so that the
    // "no model" message points somewhere useful.
    const QString base = resources.isEmpty()
        ? QCoreApplication::applicationDirPath() + QStringLiteral("/../../resources/bundle")
        : resources;
    return QDir::cleanPath(base + QStringLiteral("/models/lab-tiny"));
}

QString sharedDataDir(const QString &configuredDefault)
{
    QString dir = qEnvironmentVariable("LAB_SHARED_DATA");
    if (dir.isEmpty())
        dir = configuredDefault;
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        return {};
    return QDir(dir).canonicalPath();
}

} // namespace lab
