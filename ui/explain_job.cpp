#include "ui/explain_job.h"

#include "core/logs/identifier_evidence.h"
#include "core/logs/log_file.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <exception>

namespace lab {

ExplainJob::ExplainJob(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<lab::Explanation>();
    qRegisterMetaType<lab::ExplainRequest>();
    auto *worker = new ExplainWorker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &ExplainJob::run, worker, &ExplainWorker::run, Qt::QueuedConnection);
    connect(worker, &ExplainWorker::loading, this,
            [this](quint64 generation, const QString &modelDir) {
                if (generation == m_generation)
                    Q_EMIT modelLoading(modelDir);
            },
            Qt::QueuedConnection);
    connect(worker, &ExplainWorker::done, this,
            [this](quint64 generation, const lab::Explanation &explanation, const QString &error, bool wasCancelled) {
                if (generation != m_generation)
                    return; // superseded by a newer request
                m_running = false;
                if (wasCancelled)
                    Q_EMIT cancelled();
                else if (!error.isEmpty())
                    Q_EMIT failed(error);
                else
                    Q_EMIT finished(explanation);
            },
            Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("Explain"));
    m_thread.start();
}

ExplainJob::~ExplainJob()
{
    if (m_cancel)
        m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();
}

void ExplainJob::start(const ExplainRequest &request)
{
    if (m_cancel)
        m_cancel->store(true); // the previous run's result will be dropped
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_running = true;
    Q_EMIT started();
    Q_EMIT run(++m_generation, request, m_cancel);
}

void ExplainJob::cancel()
{
    if (!m_running)
        return;
    m_cancel->store(true);
    ++m_generation; // whatever arrives now belongs to no one
    m_running = false;
    Q_EMIT cancelled();
}

void ExplainWorker::run(quint64 generation, const lab::ExplainRequest &request, std::shared_ptr<std::atomic_bool> cancel)
{
    if (cancel->load()) {
        Q_EMIT done(generation, {}, {}, true);
        return;
    }
    try {
        if (!m_explainer || QFileInfo(m_explainer->modelDir()) != QFileInfo(request.modelDir)
            || m_explainer->adapterDir() != (request.adapterDir.isEmpty() ? QString() : QFileInfo(request.adapterDir).absoluteFilePath())) {
            m_explainer.reset();
            if (!QFileInfo(request.modelDir).isDir()) {
                Q_EMIT done(generation, {},
                            tr("No model found at %1.\n\nBuild the project so that the bundled lab-tiny model is copied next to "
                               "the program, train one with “rlhf-lab-cli train sft”, or set LAB_MODEL_DIR to a model folder "
                               "(config.json, model.safetensors, tokenizer.model).")
                                .arg(QDir::toNativeSeparators(request.modelDir)),
                            false);
                return;
            }
            Q_EMIT loading(generation, request.modelDir);
            auto loaded = Explainer::load(request.modelDir, request.adapterDir);
            if (!loaded) {
                Q_EMIT done(generation, {}, loaded.error(), false);
                return;
            }
            m_explainer = std::move(*loaded);
        }

        // The log's tail, as text; line numbers are shifted back afterwards.
        QString text = request.logText;
        qint64 firstLine = 0;
        qint64 totalLines = -1;
        if (request.log) {
            const LogFile &file = *request.log;
            totalLines = file.lineCount();
            firstLine = std::max<qint64>(0, totalLines - ExplainJob::kMaxLines);
            text.clear();
            for (qint64 i = firstLine; i < totalLines; ++i) {
                if ((i & 0xfff) == 0 && cancel->load()) {
                    Q_EMIT done(generation, {}, {}, true);
                    return;
                }
                text += file.line(i);
                text += QLatin1Char('\n');
            }
        }
        if (cancel->load()) {
            Q_EMIT done(generation, {}, {}, true);
            return;
        }
        auto explanation = m_explainer->explain(text, request.settings);
        if (!explanation) {
            Q_EMIT done(generation, {}, explanation.error(), false);
            return;
        }
        Explanation e = std::move(*explanation);
        if (firstLine > 0) {
            for (int &line : e.digestLines)
                line += int(firstLine);
        }
        if (totalLines >= 0)
            e.totalLines = int(totalLines);
        if (!request.adapterName.isEmpty())
            e.meta.insert(QStringLiteral("adapter"), request.adapterName);
        // The identifiers of the explanation against the text read: the same check as the
        // labeling flags and evaluation's hallucination_rate; lines in the whole log's numbering.
        e.meta.insert(QStringLiteral("evidence"), evidenceToJson(LogEvidence(text).check(e.text), int(firstLine)));
        Q_EMIT done(generation, e, {}, cancel->load());
    } catch (const std::exception &ex) {
        Q_EMIT done(generation, {}, tr("Explaining failed: %1").arg(QString::fromUtf8(ex.what())), false);
    }
}

} // namespace lab
