#pragma once
// The labeling guidelines of the open project (a dock of the label page): the current version
// rendered from markdown with "version N · author · date", a history box to read older versions,
// and Edit, which turns the page into a plain-text editor whose Save writes a new version. Votes
// record the version they were made under (currentVersion()). A project without guidelines gets
// version 1 from the markdown shipped with the lab (resources/guidelines).
//
// The reads and writes are single small rows, done on the GUI thread: a save must be committed
// before the new version number is handed to the next vote.
#include "core/store/records.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace lab {

class Store;

// The guidelines shipped with the lab (":/guidelines/labeling-guidelines.md").
QString shippedGuidelines();

class GuidelinesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit GuidelinesPanel(QWidget *parent = nullptr);

    // Shows the project's current guidelines, seeding version 1 from the shipped markdown if it
    // has none. `author` signs the versions saved from here. A null store shows the shipped text.
    void setStore(std::shared_ptr<Store> store, const QString &author);
    void setAuthor(const QString &author) { m_author = author; }
    // The project's latest version (0: no project).
    int currentVersion() const { return m_current.version; }
    // The version on screen (an older one while browsing the history).
    int shownVersion() const { return m_shownVersion; }
    bool isEditing() const;

    // Saves the editor's text as a new version; false (with the reason on screen) when it is
    // empty, unchanged or the database refuses.
    bool save();
    void startEditing();
    void cancelEditing();
    // Re-reads the history (another process may have saved a version).
    void reload();

    QTextBrowser *browser() const { return m_browser; }
    QPlainTextEdit *editor() const { return m_editor; }
    QComboBox *historyBox() const { return m_history; }
    QLabel *headerLabel() const { return m_header; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void versionChanged(int version);

private:
    void showVersion(int index);
    void fillHistory();
    void showMessage(const QString &text, bool error);
    QString describe(const GuidelineRecord &record) const;

    std::shared_ptr<Store> m_store;
    QString m_author;
    GuidelineRecord m_current;
    QVector<GuidelineRecord> m_versions; // newest first
    int m_shownVersion = 0;

    QLabel *m_header = nullptr;
    QComboBox *m_history = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_message = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTextBrowser *m_browser = nullptr;
    QPlainTextEdit *m_editor = nullptr;
};

} // namespace lab
