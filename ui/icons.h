#pragma once
// The GUI's icons, bundled as PNGs rasterised from the SVG sources next to them in
// resources/icons/ui (this Qt has no SVG icon engine, and themes differ between desktops), each
// at 1x and @2x for high-DPI screens and in a variant for the dark theme (strokes #d1d5db for
// #374151, rasterised the same way); the application icon at the hicolor sizes of
// resources/icons/app.
#include <QIcon>

namespace lab {

enum class IconId { App, Open, Project, Demo, Search, Next, Previous, NextError, PreviousError, GoToLine, Cancel,
                    Incidents, Templates, Log, Explain, Label, Train, Adapters, Review };

QIcon icon(IconId id);

} // namespace lab
