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
    };
    for (const QString &dir : candidates) {
        if (!dir.isEmpty() && QFileInfo(dir).isDir())
            return QDir(dir).canonicalPath();
    }
    return {};
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
