#include "ui/app_language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace lab {

QString installTranslators(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return QStringLiteral("en");

    auto *lab = new QTranslator(&app);
    if (!lab->load(locale, QStringLiteral("rlhf-lab"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete lab;
        return QStringLiteral("en"); // a language the lab does not ship: English throughout
    }
    QCoreApplication::installTranslator(lab);
    // Qt's own strings (standard buttons, file dialogs), from qt6-translations-l10n when installed.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return lab->language().isEmpty() ? locale.name() : lab->language();
}

} // namespace lab
