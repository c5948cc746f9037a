#include "ui/icons.h"

#include <mutex>

// The icons' .qrc is compiled into the static lab_ui library, where nothing would reference its
// initialiser; registering it here keeps the linker from dropping it.
static void registerIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace lab {

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
    // Both sizes in the icon, not only the one for the screen the application started on (QIcon's
    // own @2x lookup): a window moved to a high-DPI screen then draws real pixels, not a blow-up.
    const QString file = path(id);
    QIcon both(file);
    QString twice = file;
    twice.insert(file.lastIndexOf(QLatin1Char('.')), QStringLiteral("@2x"));
    both.addFile(twice);
    return both;
}

} // namespace lab
