#include "ui/icons.h"

#include "ui/theme.h"

#include <QIconEngine>
#include <QPainter>
#include <mutex>

// The icons' .qrc is compiled into the static lab_ui library, where nothing would reference its
// initialiser; registering it here keeps the linker from dropping it.
static void registerIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace lab {

namespace {
// Draws the light-theme or the dark-theme variant, whichever the application's palette is in
// when the icon is painted: a theme switched in the settings reaches every toolbar and menu at
// once, without each view setting its icons again.
class ThemedIconEngine : public QIconEngine
{
public:
    ThemedIconEngine(QIcon light, QIcon dark) : m_light(std::move(light)), m_dark(std::move(dark)) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        current().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return current().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        return current().pixmap(size, scale, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return current().actualSize(size, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return current().availableSizes(mode, state);
    }
    QIconEngine *clone() const override { return new ThemedIconEngine(m_light, m_dark); }
    QString key() const override { return QStringLiteral("lab-themed"); }

private:
    const QIcon &current() const { return isDarkPalette() ? m_dark : m_light; }

    QIcon m_light;
    QIcon m_dark;
};

// name.png and name@2x.png in one icon, not only the size for the screen the application started
// on (QIcon's own @2x lookup): a window moved to a high-DPI screen draws real pixels.
QIcon bothScales(const QString &file)
{
    QIcon icon(file);
    QString twice = file;
    twice.insert(file.lastIndexOf(QLatin1Char('.')), QStringLiteral("@2x"));
    icon.addFile(twice);
    return icon;
}
} // namespace

QIcon icon(IconId id)
{
    static std::once_flag registered;
    std::call_once(registered, registerIconResources);
    static const auto path = [](IconId which) -> QString {
        switch (which) {
        case IconId::App: return QString(); // every size, below
        case IconId::Open: return QStringLiteral(":/icons/open.png");
        case IconId::Project: return QStringLiteral(":/icons/project.png");
        case IconId::Demo: return QStringLiteral(":/icons/demo.png");
        case IconId::Search: return QStringLiteral(":/icons/search.png");
        case IconId::Next: return QStringLiteral(":/icons/next.png");
        case IconId::Previous: return QStringLiteral(":/icons/previous.png");
        case IconId::NextError: return QStringLiteral(":/icons/next-error.png");
        case IconId::PreviousError: return QStringLiteral(":/icons/previous-error.png");
        case IconId::GoToLine: return QStringLiteral(":/icons/go-to-line.png");
        case IconId::Cancel: return QStringLiteral(":/icons/cancel.png");
        case IconId::Incidents: return QStringLiteral(":/icons/incidents.png");
        case IconId::Templates: return QStringLiteral(":/icons/templates.png");
        case IconId::Log: return QStringLiteral(":/icons/log.png");
        case IconId::Explain: return QStringLiteral(":/icons/explain.png");
        case IconId::Label: return QStringLiteral(":/icons/label.png");
        case IconId::Train: return QStringLiteral(":/icons/train.png");
        case IconId::Adapters: return QStringLiteral(":/icons/adapters.png");
        case IconId::Review: return QStringLiteral(":/icons/review.png");
        }
        return QString();
    };
    if (id == IconId::App) {
        // The window icon and the About box pick the nearest size for their device pixel ratio.
        QIcon app;
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
            app.addFile(QStringLiteral(":/icons/app/rlhf-log-lab-%1.png").arg(size), QSize(size, size));
        return app;
    }
    // Each UI icon in a light-theme (dark strokes) and a dark-theme (light strokes) variant.
    const QString light = path(id);
    QString dark = light;
    dark.insert(light.lastIndexOf(QLatin1Char('.')), QStringLiteral("-dark"));
    return QIcon(new ThemedIconEngine(bothScales(light), bothScales(dark)));
}

} // namespace lab
