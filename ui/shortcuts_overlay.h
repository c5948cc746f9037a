#pragma once
// The keyboard shortcuts at a glance (F1): a panel over the window listing every menu's actions
// that have a key, grouped by menu, plus the keys of pages that have no menu entry (voting, blind
// review). Read from the actions themselves, so it never disagrees with what the keys do.
// Esc, F1 or a click closes it.
#include <QList>
#include <QString>
#include <QWidget>

class QMenuBar;
class QGridLayout;

namespace lab {

struct ShortcutEntry
{
    QString keys;        // as shown: "Ctrl+O", "1", "Space"
    QString description; // "Open Log"
};

struct ShortcutGroup
{
    QString title;
    QList<ShortcutEntry> entries;
};

// One group per menu of `bar` (submenus folded into their menu), actions without a key left out.
QList<ShortcutGroup> shortcutsFromMenus(const QMenuBar *bar);

class ShortcutsOverlay : public QWidget
{
    Q_OBJECT
public:
    // Covers `parent` (and follows its size) while shown.
    explicit ShortcutsOverlay(QWidget *parent);

    void setGroups(const QList<ShortcutGroup> &groups);
    const QList<ShortcutGroup> &groups() const { return m_groups; }

public Q_SLOTS:
    void toggle();

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();

    QList<ShortcutGroup> m_groups;
    QWidget *m_panel = nullptr;
    QGridLayout *m_grid = nullptr;
};

} // namespace lab
