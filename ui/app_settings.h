#pragma once
// The user's preferences, as one value read from and written to the QSettings the application
// was given (never a global): language, theme, data folder, threads, device, model folder, the
// annotator profile and the default hyperparameters of each trainer. The settings dialog edits
// a copy; MainWindow hands each view the part it needs.
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

class QSettings;

namespace lab {

enum class Theme { System, Light, Dark };

struct AppSettings
{
    QString language;            // "": the system's locale; else "en", "de", "zh_CN"
    Theme theme = Theme::System;
    QString dataDir;             // projects and demo projects; "": defaultDataDir()
    bool reopenLastProject = true;
    int threads = 0;             // LibTorch and OpenBLAS threads; 0: one per core
    QString device = QStringLiteral("auto"); // "auto", "cpu", "cuda:N"
    QString modelDir;            // base model for explain, training, evaluation; "": bundled lab-tiny
    QString annotatorName;       // signs this user's votes in new projects; "": ask
    // Per trainer kind ("reward", "dpo", "ppo"): settings that replace the built-in defaults.
    QHash<QString, QJsonObject> trainingDefaults;

    static AppSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    QString effectiveDataDir() const;  // dataDir, or the standard application-data folder
    QString effectiveModelDir() const; // modelDir, or defaultModelDir()
    static QString defaultDataDir();   // QStandardPaths::AppDataLocation

    // The languages the lab ships, as codes ("en" first) and their own names ("Deutsch").
    static QStringList languageCodes();
    static QString languageName(const QString &code);

    bool operator==(const AppSettings &other) const = default;
};

QString themeId(Theme theme); // "system", "light", "dark"
Theme themeFromId(const QString &id);

} // namespace lab
