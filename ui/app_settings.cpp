#include "ui/app_settings.h"

#include "core/common/paths.h"

#include <QJsonDocument>
#include <QSettings>
#include <QStandardPaths>
#include <algorithm>

namespace lab {

namespace {
const QLatin1String kLanguageKey("ui/language");
const QLatin1String kThemeKey("ui/theme");
const QLatin1String kDataDirKey("data/folder");
const QLatin1String kReopenKey("session/reopenLastProject");
const QLatin1String kThreadsKey("runtime/threads");
const QLatin1String kDeviceKey("runtime/device");
const QLatin1String kModelDirKey("model/folder");
const QLatin1String kAnnotatorKey("label/profileName");
const QLatin1String kTrainingDefaultsGroup("training/defaults");
} // namespace

QString themeId(Theme theme)
{
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

Theme themeFromId(const QString &id)
{
    if (id == QLatin1String("light"))
        return Theme::Light;
    if (id == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

AppSettings AppSettings::load(const QSettings &settings)
{
    AppSettings s;
    s.language = settings.value(kLanguageKey).toString();
    if (!s.language.isEmpty() && !languageCodes().contains(s.language))
        s.language.clear(); // a language this build does not ship: follow the system
    s.theme = themeFromId(settings.value(kThemeKey).toString());
    s.dataDir = settings.value(kDataDirKey).toString();
    s.reopenLastProject = settings.value(kReopenKey, true).toBool();
    s.threads = std::max(0, settings.value(kThreadsKey, 0).toInt());
    s.device = settings.value(kDeviceKey, QStringLiteral("auto")).toString();
    if (s.device.isEmpty())
        s.device = QStringLiteral("auto");
    s.modelDir = settings.value(kModelDirKey).toString();
    s.annotatorName = settings.value(kAnnotatorKey).toString().trimmed();
    // QSettings has no const group(): read the nested keys by their full names.
    const QString prefix = QString(kTrainingDefaultsGroup) + QLatin1Char('/');
    for (const QString &key : settings.allKeys()) {
        if (!key.startsWith(prefix))
            continue;
        const QString kind = key.mid(prefix.size());
        const QJsonDocument doc = QJsonDocument::fromJson(settings.value(key).toString().toUtf8());
        if (doc.isObject() && !doc.object().isEmpty())
            s.trainingDefaults.insert(kind, doc.object());
    }
    return s;
}

void AppSettings::save(QSettings &settings) const
{
    settings.setValue(kLanguageKey, language);
    settings.setValue(kThemeKey, themeId(theme));
    settings.setValue(kDataDirKey, dataDir);
    settings.setValue(kReopenKey, reopenLastProject);
    settings.setValue(kThreadsKey, threads);
    settings.setValue(kDeviceKey, device);
    settings.setValue(kModelDirKey, modelDir);
    settings.setValue(kAnnotatorKey, annotatorName);
    settings.remove(kTrainingDefaultsGroup);
    for (auto it = trainingDefaults.cbegin(); it != trainingDefaults.cend(); ++it) {
        if (!it.value().isEmpty())
            settings.setValue(QString(kTrainingDefaultsGroup) + QLatin1Char('/') + it.key(),
                              QString::fromUtf8(QJsonDocument(it.value()).toJson(QJsonDocument::Compact)));
    }
    settings.sync();
}

QString AppSettings::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString AppSettings::effectiveDataDir() const
{
    return dataDir.isEmpty() ? defaultDataDir() : dataDir;
}

QString AppSettings::effectiveModelDir() const
{
    return modelDir.isEmpty() ? defaultModelDir() : modelDir;
}

QStringList AppSettings::languageCodes()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

QString AppSettings::languageName(const QString &code)
{
    // Each language in its own words, as language pickers show them.
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

} // namespace lab
