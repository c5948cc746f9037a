#pragma once
// The user-interface language: the lab's own translations (embedded under :/i18n, built from
// translations/*.ts) and Qt's for its standard dialogs, picked from the system locale or from the
// language chosen in the settings. Taking effect needs a restart: the views build their texts
// once, when they are made.
#include <QString>

class QCoreApplication;

namespace lab {

// Installs the translators for `language` ("" follows the system locale; "en", "de", "zh_CN")
// and makes its locale the default for numbers and dates. Returns the language whose
// translations were loaded: "de", "zh_CN", or "en" when none were needed or found.
QString installTranslators(QCoreApplication &app, const QString &language);

} // namespace lab
