#pragma once
// Colours and the monospace font of the log view, in one place so that the view, the template
// panel and the incident list agree (and a dark theme is one more instance, not a search).
#include "core/logs/log_format.h"

#include <QColor>
#include <QFont>

namespace lab {

struct LogPalette
{
    QColor background;
    QColor text;
    QColor dimText;        // DEBUG/TRACE
    QColor gutterBackground;
    QColor gutterBorder;
    QColor gutterText;
    QColor gutterCurrentText;
    QColor currentLine;
    QColor errorTint;      // ERROR/FATAL rows
    QColor warnTint;       // WARN rows
    QColor errorStripe;
    QColor fatalStripe;
    QColor warnStripe;
    QColor errorText;
    QColor searchHighlight;
    QColor searchMarker;

    QColor levelTint(LogLevel level) const;   // invalid: no tint
    QColor levelStripe(LogLevel level) const; // invalid: no stripe
    QColor textFor(LogLevel level) const;
    QColor levelColor(LogLevel level) const;  // for level names in tables and counts

    // The scheme for the application's palette: dark() under a dark theme, light() otherwise.
    static const LogPalette &standard();
    static const LogPalette &light();
    static const LogPalette &dark();
    // DejaVu Sans Mono / Noto Sans Mono where installed, the system's fixed font otherwise.
    static QFont monospaceFont();
};

} // namespace lab
