#include "ui/demo_project_job.h"

#include "ui/app_settings.h"

#include <QDir>
#include <QFileInfo>

#include "core/synth/demo_project.h"

#include <QFile>

namespace lab {

DemoProjectJob::DemoProjectJob(QObject *parent) : QObject(parent)
{
    auto *worker = new DemoProjectWorker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &DemoProjectJob::run, worker, &DemoProjectWorker::run, Qt::QueuedConnection);
    connect(worker, &DemoProjectWorker::progress, this,
            [this](quint64 generation, int percent) {
                if (generation == m_generation)
                    Q_EMIT progress(percent);
            },
            Qt::QueuedConnection);
    connect(worker, &DemoProjectWorker::done, this,
            [this](quint64 generation, const QString &error, bool wasCancelled) {
                if (generation != m_generation)
                    return;
                m_running = false;
                const QString path = property("path").toString();
                if (wasCancelled)
                    Q_EMIT cancelled();
                else if (!error.isEmpty())
                    Q_EMIT failed(error);
                else
                    Q_EMIT finished(path);
            },
            Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("DemoProject"));
    m_thread.start(QThread::LowPriority);
}

DemoProjectJob::~DemoProjectJob()
{
    if (m_cancel)
        m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();
}

QString DemoProjectJob::defaultPath(const QString &dataDir)
{
    const QString base = dataDir.isEmpty() ? AppSettings::defaultDataDir() : dataDir;
    return base + QStringLiteral("/demo/demo.lab");
}

void DemoProjectJob::start(const QString &path, quint64 seed)
{
    cancel();
    setProperty("path", path);
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_running = true;
    Q_EMIT run(++m_generation, path, seed, m_cancel);
}

void DemoProjectJob::cancel()
{
    if (!m_cancel)
        return;
    // The worker finishes its step, sees the flag and reports cancelled().
    m_cancel->store(true);
}

void DemoProjectWorker::run(quint64 generation, const QString &path, quint64 seed,
                            std::shared_ptr<std::atomic_bool> cancel)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        Q_EMIT done(generation, tr("Cannot create the folder %1").arg(QDir::toNativeSeparators(folder)), false);
        return;
    }
    // Built under a temporary name and renamed when complete, so that a cancelled or failed
    // build never leaves a half-filled project where the next start would open it.
    const QString partial = path + QStringLiteral(".part");
    const QStringList sqliteSuffixes = {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")};
    for (const QString &suffix : sqliteSuffixes)
        QFile::remove(partial + suffix);
    int lastPercent = -1;
    const auto result = synth::createDemoProject(partial, seed, [&](qint64 done, qint64 total) {
        const int percent = total > 0 ? int(done * 100 / total) : 0;
        if (percent != lastPercent) {
            lastPercent = percent;
            Q_EMIT progress(generation, percent);
        }
        return !cancel->load();
    });
    if (cancel->load() || !result.ok()) {
        for (const QString &suffix : sqliteSuffixes)
            QFile::remove(partial + suffix);
        Q_EMIT done(generation, cancel->load() ? QString() : result.error(), cancel->load());
        return;
    }
    for (const QString &suffix : sqliteSuffixes) {
        QFile::remove(path + suffix);
        if (QFileInfo::exists(partial + suffix) && !QFile::rename(partial + suffix, path + suffix)) {
            Q_EMIT done(generation, tr("Cannot move the demo project to %1").arg(QDir::toNativeSeparators(path)), false);
            return;
        }
    }
    Q_EMIT done(generation, QString(), false);
}

} // namespace lab
