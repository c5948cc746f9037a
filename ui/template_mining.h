#pragma once
// Mines the templates of a whole LogFile off the GUI thread: a worker in a QThread owned by this
// controller runs core's lab::mineTemplates, whose progress callback checks an atomic cancel
// flag; progress reaches the GUI only when the percentage changes. The result keeps one template
// id per line so that a template can be turned into the lines it covers without mining again.
#include "ui/shared_log_file.h"
#include "core/logs/template_table.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>
#include <vector>

namespace lab {

// core's TemplateTable plus the two questions the template panel asks of it.
struct TemplateMiningResult : TemplateTable
{
    TemplateMiningResult() = default;
    explicit TemplateMiningResult(TemplateTable &&table) : TemplateTable(std::move(table)) {}

    qint64 lines() const { return qint64(lineTemplates.size()); }
    // Lines (0-based, ascending) assigned to template `id`.
    std::vector<qint64> linesOf(int id) const;
};

// Runs in the calling thread; what the worker calls. Reads lines 0..file.lineCount() as seen at
// the start. Returns null when `cancel` was set (or mining failed, which the GUI treats alike).
std::shared_ptr<const TemplateMiningResult> mineLogFile(const LogFile &file, const std::atomic_bool &cancel,
                                                        const std::function<void(int percent)> &progress = {});

class TemplateMining : public QObject
{
    Q_OBJECT
public:
    explicit TemplateMining(QObject *parent = nullptr);
    ~TemplateMining() override;

    void start(SharedConstLogFile file);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(int percent);
    void finished(std::shared_ptr<const lab::TemplateMiningResult> result);
    void cancelled();

    void run(quint64 generation, lab::SharedConstLogFile file, std::shared_ptr<std::atomic_bool> cancel); // to the worker

private:
    QThread m_thread;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

class TemplateMiningWorker : public QObject
{
    Q_OBJECT
public:
    void run(quint64 generation, lab::SharedConstLogFile file, std::shared_ptr<std::atomic_bool> cancel);

Q_SIGNALS:
    void progress(quint64 generation, int percent);
    void done(quint64 generation, std::shared_ptr<const lab::TemplateMiningResult> result);
};

} // namespace lab
