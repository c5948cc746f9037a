#include "ui/log_palette.h"

#include "ui/theme.h"

#include <QFontDatabase>
#include <QFontInfo>

namespace lab {

QColor LogPalette::levelTint(LogLevel level) const
{
    switch (level) {
    case LogLevel::Fatal:
    case LogLevel::Error: return errorTint;
    case LogLevel::Warn: return warnTint;
    default: return {};
    }
}

QColor LogPalette::levelStripe(LogLevel level) const
{
    switch (level) {
    case LogLevel::Fatal: return fatalStripe;
    case LogLevel::Error: return errorStripe;
    case LogLevel::Warn: return warnStripe;
    default: return {};
    }
}

QColor LogPalette::textFor(LogLevel level) const
{
    switch (level) {
    case LogLevel::Fatal:
    case LogLevel::Error: return errorText;
    case LogLevel::Trace:
    case LogLevel::Debug: return dimText;
    default: return text;
    }
}

QColor LogPalette::levelColor(LogLevel level) const
{
    switch (level) {
    case LogLevel::Fatal: return fatalStripe;
    case LogLevel::Error: return errorStripe;
    case LogLevel::Warn: return warnStripe;
    case LogLevel::Info:
    case LogLevel::Notice: return QColor(0x2563eb);
    case LogLevel::Debug:
    case LogLevel::Trace: return dimText;
    default: return gutterText;
    }
}

const LogPalette &LogPalette::standard()
{
    return isDarkPalette() ? dark() : light();
}

const LogPalette &LogPalette::dark()
{
    // The same roles on a dark background: tints dark enough that the text keeps its contrast,
    // stripes and error text brighter than in the light scheme.
    static const LogPalette palette{
        .background = QColor(0x1e1f22),
        .text = QColor(0xdcdfe4),
        .dimText = QColor(0x8b929c),
        .gutterBackground = QColor(0x26282c),
        .gutterBorder = QColor(0x3a3d42),
        .gutterText = QColor(0x6f7680),
        .gutterCurrentText = QColor(0xf2f4f7),
        .currentLine = QColor(0x28406a),
        .errorTint = QColor(0x3d2326),
        .warnTint = QColor(0x3a3120),
        .errorStripe = QColor(0xef4444),
        .fatalStripe = QColor(0xfca5a5),
        .warnStripe = QColor(0xf0b429),
        .errorText = QColor(0xffa8a8),
        .searchHighlight = QColor(0x8a6d00),
        .searchMarker = QColor(0xf59f00),
    };
    return palette;
}

const LogPalette &LogPalette::light()
{
    // A light scheme in the spirit of klogg/lnav: tints light enough that highlights and the
    // current line stay readable on top of them.
    static const LogPalette palette{
        .background = QColor(0xfcfcfd),
        .text = QColor(0x1f2937),
        .dimText = QColor(0x6b7280),
        .gutterBackground = QColor(0xf1f3f5),
        .gutterBorder = QColor(0xdde1e6),
        .gutterText = QColor(0x9aa1ab),
        .gutterCurrentText = QColor(0x111827),
        .currentLine = QColor(0xdbe8fb),
        .errorTint = QColor(0xfdecec),
        .warnTint = QColor(0xfff6e0),
        .errorStripe = QColor(0xdc2626),
        .fatalStripe = QColor(0x7f1d1d),
        .warnStripe = QColor(0xe0a100),
        .errorText = QColor(0x8b1c1c),
        .searchHighlight = QColor(0xffe066),
        .searchMarker = QColor(0xf59f00),
    };
    return palette;
}

QFont LogPalette::monospaceFont()
{
    for (const QString &family : {QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Noto Sans Mono"),
                                  QStringLiteral("Liberation Mono")}) {
        QFont font(family, 10);
        font.setStyleHint(QFont::Monospace);
        if (QFontInfo(font).family() == family)
            return font;
    }
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSize(10);
    return fixed;
}

} // namespace lab
