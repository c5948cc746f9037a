#pragma once
// Light and dark palettes for the whole application. "System" keeps the platform's style and
// palette; Light and Dark use the Fusion style, which draws every widget from the palette, so
// the choice looks the same on every desktop. Views that paint with their own colours (the log
// view, charts) ask isDarkPalette() when they paint.
#include "ui/app_settings.h"

#include <QPalette>

namespace lab {

// Applies `theme` to the running application at once (no restart).
void applyTheme(Theme theme);

QPalette darkPalette();

// True when the application's current palette has a dark background.
bool isDarkPalette();

} // namespace lab
