#pragma once
// The "recent files" list behind File > Recent: most recent first, no duplicates, at most
// kMaxEntries, persisted in the QSettings the window was given (never a global).
#include <QObject>
#include <QStringList>

class QSettings;

namespace lab {

class RecentFiles : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxEntries = 10;

    // `settings` must outlive this object; `key` names the list inside it.
    explicit RecentFiles(QSettings &settings, const QString &key = QStringLiteral("recentFiles"),
                         QObject *parent = nullptr);

    QStringList files() const { return m_files; }

    // Moves `path` (made absolute) to the front and saves the list.
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void save();

    QSettings &m_settings;
    QString m_key;
    QStringList m_files;
};

} // namespace lab
