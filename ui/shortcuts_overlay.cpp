#include "ui/shortcuts_overlay.h"

#include <QAction>
#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace lab {

namespace {
constexpr int kColumns = 3;

QString plainText(QString text)
{
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("…"));
    text.remove(QStringLiteral("..."));
    // "文件(F)" after removing the accelerator's "&": drop the bracketed letter as well.
    static const QRegularExpression cjkAccelerator(QStringLiteral("\\([A-Za-z0-9]\\)$"));
    text.remove(cjkAccelerator);
    return text.trimmed();
}

void collect(const QMenu *menu, QList<ShortcutEntry> &entries)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (action->menu()) {
            collect(action->menu(), entries);
            continue;
        }
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty())
            continue;
        QStringList shown;
        for (const QKeySequence &key : keys)
            shown << key.toString(QKeySequence::NativeText);
        entries.append({shown.join(QStringLiteral(", ")), plainText(action->text())});
    }
}
} // namespace

QList<ShortcutGroup> shortcutsFromMenus(const QMenuBar *bar)
{
    QList<ShortcutGroup> groups;
    for (QAction *top : bar->actions()) {
        if (!top->menu())
            continue;
        ShortcutGroup group{plainText(top->text()), {}};
        collect(top->menu(), group.entries);
        if (!group.entries.isEmpty())
            groups.append(group);
    }
    return groups;
}

ShortcutsOverlay::ShortcutsOverlay(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("shortcutsOverlay"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_NoSystemBackground);
    m_panel = new QWidget(this);
    m_panel->setObjectName(QStringLiteral("shortcutsPanel"));
    m_panel->setAutoFillBackground(true);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_panel);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(1);
    auto *panelLayout = new QVBoxLayout(m_panel);
    panelLayout->setContentsMargins(24, 18, 24, 18);
    auto *title = new QLabel(tr("Keyboard shortcuts"), m_panel);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    panelLayout->addWidget(title);
    m_grid = new QGridLayout;
    m_grid->setHorizontalSpacing(36);
    m_grid->setVerticalSpacing(14);
    panelLayout->addLayout(m_grid);
    auto *hint = new QLabel(tr("Press Esc or F1 to close."), m_panel);
    hint->setEnabled(false);
    panelLayout->addWidget(hint, 0, Qt::AlignRight);
    parent->installEventFilter(this);
    hide();
}

void ShortcutsOverlay::setGroups(const QList<ShortcutGroup> &groups)
{
    m_groups = groups;
    rebuild();
}

void ShortcutsOverlay::rebuild()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int i = 0; i < m_groups.size(); ++i) {
        const ShortcutGroup &group = m_groups[i];
        QString html = QStringLiteral("<b>%1</b><table cellspacing='0' cellpadding='2'>").arg(group.title.toHtmlEscaped());
        for (const ShortcutEntry &entry : group.entries)
            html += QStringLiteral("<tr><td style='padding-right:14px'><tt>%1</tt></td><td>%2</td></tr>")
                        .arg(entry.keys.toHtmlEscaped(), entry.description.toHtmlEscaped());
        html += QStringLiteral("</table>");
        auto *label = new QLabel(html, m_panel);
        label->setTextFormat(Qt::RichText);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        m_grid->addWidget(label, i / kColumns, i % kColumns, Qt::AlignTop);
    }
}

void ShortcutsOverlay::toggle()
{
    if (isVisible()) {
        hide();
        return;
    }
    setGeometry(parentWidget()->rect());
    raise();
    show();
    setFocus(Qt::ShortcutFocusReason);
}

void ShortcutsOverlay::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0, 0, 0, 110)); // dims the window behind the panel
}

void ShortcutsOverlay::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F1) {
        hide();
        return;
    }
    event->accept(); // keys meant for the views behind stay there while the overlay is open
}

void ShortcutsOverlay::mousePressEvent(QMouseEvent *)
{
    hide();
}

bool ShortcutsOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

} // namespace lab
