#include "ui/template_mining.h"

#include <QtGlobal>

namespace lab {

std::vector<qint64> TemplateMiningResult::linesOf(int id) const
{
    std::vector<qint64> lines;
    if (id >= 0 && size_t(id) < templates.size())
        lines.reserve(size_t(templates[size_t(id)].count));
    for (size_t i = 0; i < lineTemplates.size(); ++i) {
        if (lineTemplates[i] == id)
            lines.push_back(qint64(i));
    }
    return lines;
}

std::shared_ptr<const TemplateMiningResult> mineLogFile(const LogFile &file, const std::atomic_bool &cancel,
                                                        const std::function<void(int)> &progress)
{
    int lastPercent = -1;
    // core calls back every few thousand lines: the cancel flag is checked there, and the
    // percentage goes out only when it changes so the GUI thread is not flooded.
    auto onProgress = [&](qint64 done, qint64 total) {
        if (cancel.load(std::memory_order_relaxed))
            return false;
        if (progress && total > 0) {
            const int percent = int(done * 100 / total);
            if (percent != lastPercent) {
                lastPercent = percent;
                progress(percent);
            }
        }
        return true;
    };
    Result<TemplateTable> table = mineTemplates(file, TemplateMinerConfig{}, onProgress);
    if (cancel.load(std::memory_order_relaxed))
        return nullptr;
    if (!table) {
        // Only a file that is not open fails here; the panel shows it as stopped.
        qWarning("%s", qPrintable(table.error()));
        return nullptr;
    }
    if (progress && lastPercent != 100)
        progress(100);
    return std::make_shared<const TemplateMiningResult>(std::move(*table));
}

TemplateMining::TemplateMining(QObject *parent) : QObject(parent)
{
    auto *worker = new TemplateMiningWorker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &TemplateMining::run, worker, &TemplateMiningWorker::run, Qt::QueuedConnection);
    connect(worker, &TemplateMiningWorker::progress, this,
            [this](quint64 generation, int percent) {
                if (generation == m_generation)
                    Q_EMIT progress(percent);
            },
            Qt::QueuedConnection);
    connect(worker, &TemplateMiningWorker::done, this,
            [this](quint64 generation, std::shared_ptr<const TemplateMiningResult> result) {
                if (generation != m_generation)
                    return;
                m_running = false;
                m_cancel.reset();
                if (result)
                    Q_EMIT finished(result);
                else
                    Q_EMIT cancelled();
            },
            Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("TemplateMining"));
    m_thread.start(QThread::LowPriority);
}

TemplateMining::~TemplateMining()
{
    if (m_cancel)
        m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();
}

void TemplateMining::start(SharedConstLogFile file)
{
    cancel();
    if (!file)
        return;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_running = true;
    Q_EMIT run(++m_generation, std::move(file), m_cancel);
}

void TemplateMining::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
    if (m_running) {
        m_running = false;
        Q_EMIT cancelled();
    }
}

void TemplateMiningWorker::run(quint64 generation, SharedConstLogFile file, std::shared_ptr<std::atomic_bool> cancel)
{
    auto result = mineLogFile(*file, *cancel, [&](int percent) { Q_EMIT progress(generation, percent); });
    Q_EMIT done(generation, result);
}

} // namespace lab
