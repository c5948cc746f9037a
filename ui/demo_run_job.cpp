#include "ui/demo_run_job.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace lab {

DemoRunJob::DemoRunJob(QObject *parent) : QObject(parent)
{
    m_worker = new DemoRunWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Each signal carries the generation of the run that sent it; a late one from a run that was
    // replaced is dropped.
    connect(m_worker, &DemoRunWorker::stageStarted, this, [this](quint64 g, int stage) {
        if (g == m_generation)
            Q_EMIT stageStarted(stage);
    });
    connect(m_worker, &DemoRunWorker::stageFinished, this, [this](quint64 g, int stage, const QString &summary) {
        if (g == m_generation)
            Q_EMIT stageFinished(stage, summary);
    });
    connect(m_worker, &DemoRunWorker::progress, this,
            [this](quint64 g, int stage, double overall, double seconds, const QString &detail) {
                if (g == m_generation)
                    Q_EMIT progress(stage, overall, seconds, detail);
            });
    connect(m_worker, &DemoRunWorker::message, this, [this](quint64 g, const QString &text) {
        if (g == m_generation)
            Q_EMIT message(text);
    });
    connect(m_worker, &DemoRunWorker::done, this,
            [this](quint64 g, const QString &error, bool wasCancelled, const QJsonObject &report, const QString &table) {
                if (g != m_generation)
                    return;
                m_running = false;
                if (wasCancelled)
                    Q_EMIT cancelled(error);
                else if (!error.isEmpty())
                    Q_EMIT failed(error);
                else
                    Q_EMIT finished(m_dbPath, report, table);
            });
    m_thread.setObjectName(QStringLiteral("DemoRun"));
    m_thread.start(QThread::LowPriority);
}

DemoRunJob::~DemoRunJob()
{
    if (m_cancel)
        m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();
}

bool DemoRunJob::start(const QString &dbPath, const QString &outDir, const DemoSettings &settings)
{
    if (m_running)
        return false;
    m_running = true;
    m_dbPath = dbPath;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = ++m_generation;
    DemoRunWorker *worker = m_worker;
    auto cancel = m_cancel;
    QMetaObject::invokeMethod(
        m_worker, [worker, generation, dbPath, outDir, settings, cancel] { worker->run(generation, dbPath, outDir, settings, cancel); },
        Qt::QueuedConnection);
    return true;
}

void DemoRunJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool DemoRunJob::wait(int msecs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_running && timer.elapsed() < msecs) {
        QThread::msleep(10);
        QCoreApplication::sendPostedEvents(this);
    }
    return !m_running;
}

void DemoRunWorker::run(quint64 generation, const QString &dbPath, const QString &outDir, const DemoSettings &settings,
                        std::shared_ptr<std::atomic_bool> cancel)
{
    QElapsedTimer sinceEmit;
    sinceEmit.start();
    qint64 lastEmit = -1000;
    int lastStage = -1;
    DemoCallbacks callbacks;
    callbacks.onStage = [&](int stage, bool finished, const QString &summary) {
        if (finished) {
            Q_EMIT stageFinished(generation, stage, summary);
        } else {
            Q_EMIT stageStarted(generation, stage);
        }
    };
    callbacks.onMessage = [&](const QString &text) { Q_EMIT message(generation, text); };
    callbacks.onProgress = [&](const DemoProgress &p) {
        // At most ten a second, but a stage's first report always goes through.
        const qint64 now = sinceEmit.elapsed();
        if (p.stage != lastStage || now - lastEmit >= 100) {
            lastStage = p.stage;
            lastEmit = now;
            Q_EMIT progress(generation, p.stage, p.overall, p.seconds, p.detail);
        }
        return !cancel->load();
    };
    Result<DemoResult> result = [&]() -> Result<DemoResult> {
        try {
            return runDemo(dbPath, outDir, settings, callbacks);
        } catch (const std::exception &e) {
            return fail(tr("The demo stopped on an error: %1").arg(QString::fromLocal8Bit(e.what())));
        }
    }();
    if (!result) {
        Q_EMIT done(generation, result.error(), cancel->load(), {}, {});
        return;
    }
    Q_EMIT done(generation, QString(), false, result->toJson(), result->table());
}

} // namespace lab
