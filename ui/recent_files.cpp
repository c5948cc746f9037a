#include "ui/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace lab {

namespace {
QString normalized(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.absoluteFilePath() : path;
}
} // namespace

RecentFiles::RecentFiles(QSettings &settings, const QString &key, QObject *parent)
    : QObject(parent), m_settings(settings), m_key(key)
{
    const QStringList stored = m_settings.value(m_key).toStringList();
    for (const QString &path : stored) {
        if (!path.isEmpty() && !m_files.contains(path) && m_files.size() < kMaxEntries)
            m_files.append(path);
    }
}

void RecentFiles::add(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString absolute = normalized(path);
    m_files.removeAll(absolute);
    m_files.prepend(absolute);
    while (m_files.size() > kMaxEntries)
        m_files.removeLast();
    save();
}

void RecentFiles::remove(const QString &path)
{
    if (m_files.removeAll(normalized(path)) + m_files.removeAll(path) > 0)
        save();
}

void RecentFiles::clear()
{
    if (m_files.isEmpty())
        return;
    m_files.clear();
    save();
}

void RecentFiles::save()
{
    m_settings.setValue(m_key, m_files);
    Q_EMIT changed();
}

} // namespace lab
