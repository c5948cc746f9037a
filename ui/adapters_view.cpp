#include "ui/adapters_view.h"

#include "core/store/store.h"
#include "ui/adapter_table_model.h"

#include <QAction>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace lab {

void AdapterEvalWorker::evaluate(quint64 generation, std::shared_ptr<Store> store, std::shared_ptr<Store> heldOut,
                                 const QString &name, const AdapterEvalOptions &options,
                                 std::shared_ptr<std::atomic_bool> cancel)
{
    int lastPercent = -1;
    auto eval = evaluateAdapter(*store, name, heldOut.get(), options,
                                [&](qint64 done, qint64 total) {
                                    const int percent = total > 0 ? int(done * 100 / total) : 0;
                                    if (percent != lastPercent) {
                                        lastPercent = percent;
                                        Q_EMIT progress(generation, done, total);
                                    }
                                    return true;
                                },
                                cancel.get());
    Q_EMIT finished(generation, name, eval.ok() ? QString() : eval.error());
}

AdaptersView::AdaptersView(QWidget *parent) : QWidget(parent)
{
    m_model = new AdapterTableModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);

    const auto makeAction = [this](const QString &text, const QString &tip, const QKeySequence &keys) {
        auto *action = new QAction(text, this);
        action->setToolTip(keys.isEmpty() ? tip : tr("%1 (%2)").arg(tip, keys.toString(QKeySequence::NativeText)));
        if (!keys.isEmpty())
            action->setShortcut(keys);
        // Only while the view has focus: the label page's Ctrl+Z undoes votes.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    m_activateAction = makeAction(tr("Activate"), tr("Explain with the selected adapter"),
                                  QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_rollbackAction = makeAction(tr("Roll back"),
                                  tr("Undo the last activation: back to the adapter used before it, or the base model"),
                                  QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_baseAction = makeAction(tr("Use base model"), tr("Explain without an adapter"), {});
    m_exportAction = makeAction(tr("Export…"), tr("Write the selected adapter as a PEFT folder"), {});
    m_evaluateAction = makeAction(tr("Evaluate"),
                                  tr("Explain the held-out incidents with the selected adapter and store its metrics"), {});
    m_refreshAction = makeAction(tr("Refresh"), tr("Read the adapters again"), QKeySequence::Refresh);
    // Ctrl+Enter on the keypad too.
    m_activateAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});

    connect(m_activateAction, &QAction::triggered, this, &AdaptersView::activateSelected);
    connect(m_rollbackAction, &QAction::triggered, this, &AdaptersView::rollback);
    connect(m_baseAction, &QAction::triggered, this, &AdaptersView::useBaseModel);
    connect(m_exportAction, &QAction::triggered, this, &AdaptersView::exportSelected);
    connect(m_evaluateAction, &QAction::triggered, this, &AdaptersView::evaluateSelected);
    connect(m_refreshAction, &QAction::triggered, this, &AdaptersView::refresh);

    const auto makeButton = [this](QAction *action) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return button;
    };
    m_activateButton = makeButton(m_activateAction);
    m_rollbackButton = makeButton(m_rollbackAction);
    m_baseButton = makeButton(m_baseAction);
    m_exportButton = makeButton(m_exportAction);
    m_evaluateButton = makeButton(m_evaluateAction);
    auto *refreshButton = makeButton(m_refreshAction);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setVisible(false);
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop the evaluation (nothing is stored)"));
    m_cancelButton->setVisible(false);
    connect(m_cancelButton, &QToolButton::clicked, this, &AdaptersView::cancelEvaluation);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    for (QToolButton *b : {m_activateButton, m_rollbackButton, m_baseButton, m_exportButton, m_evaluateButton})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(refreshButton);
    auto *evalRow = new QHBoxLayout;
    evalRow->addWidget(m_progress, 1);
    evalRow->addWidget(m_cancelButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addLayout(evalRow);
    layout->addWidget(m_status);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AdaptersView::updateActions);
    connect(m_table, &QTableView::doubleClicked, this, &AdaptersView::activateSelected);

    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Activate adapter"), question) == QMessageBox::Yes;
    };

    m_worker = new AdapterEvalWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &AdapterEvalWorker::progress, this, &AdaptersView::onEvalProgress);
    connect(m_worker, &AdapterEvalWorker::finished, this, &AdaptersView::onEvalFinished);
    m_thread.setObjectName(QStringLiteral("adapter-eval"));
    m_thread.start();
    updateActions();
}

AdaptersView::~AdaptersView()
{
    if (m_cancel)
        m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();
}

void AdaptersView::setStore(std::shared_ptr<Store> store)
{
    m_store = std::move(store);
    refresh();
}

void AdaptersView::setModelDir(const QString &dir)
{
    m_evalOptions.modelDir = dir;
}

void AdaptersView::setDevice(const QString &device)
{
    m_evalOptions.eval.settings.device = device;
}

void AdaptersView::setHeldOutStore(std::shared_ptr<Store> store)
{
    m_heldOut = std::move(store);
}

void AdaptersView::setEvalOptions(const ModelEvalOptions &options)
{
    m_evalOptions.eval = options;
}

void AdaptersView::setConfirmHandler(std::function<bool(const QString &)> confirm)
{
    m_confirm = std::move(confirm);
}

QString AdaptersView::selectedAdapter() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.constFirst().data(AdapterTableModel::NameRole).toString();
}

void AdaptersView::selectAdapter(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        m_table->clearSelection();
    else
        m_table->selectRow(row);
    updateActions();
}

void AdaptersView::refresh()
{
    const QString selected = selectedAdapter();
    if (!m_store) {
        m_model->setEntries({});
        updateActions();
        return;
    }
    auto entries = listAdapters(*m_store);
    if (!entries) {
        showStatus(entries.error(), true);
        return;
    }
    m_model->setEntries(*entries);
    m_table->resizeColumnsToContents();
    if (!selected.isEmpty())
        selectAdapter(selected);
    else if (m_model->activeRow() >= 0)
        m_table->selectRow(m_model->activeRow());
    if (entries->isEmpty())
        showStatus(tr("No adapters yet: a DPO or PPO run that finishes adds one."));
    updateActions();
}

void AdaptersView::activateSelected()
{
    const QString name = selectedAdapter();
    if (!m_store || name.isEmpty())
        return;
    const int row = m_model->rowOf(name);
    const AdapterEntry &entry = m_model->entries().at(row);
    if (entry.adapter.active)
        return;
    bool force = false;
    if (entry.run && entry.run->status != kRunFinished) {
        const QString question =
            tr("Adapter \"%1\" comes from %2 run #%3, which is %4, not finished. Use it anyway?")
                .arg(name, entry.run->kind)
                .arg(entry.run->id)
                .arg(entry.run->status);
        if (!m_confirm || !m_confirm(question))
            return;
        force = true;
    }
    auto active = activateAdapter(*m_store, name, force);
    if (!active) {
        showStatus(active.error(), true);
        return;
    }
    showStatus(tr("Explaining with adapter \"%1\".").arg(name));
    refresh();
    Q_EMIT activeAdapterChanged();
}

void AdaptersView::rollback()
{
    if (!m_store)
        return;
    auto rolled = lab::rollbackAdapter(*m_store);
    if (!rolled) {
        showStatus(rolled.error(), true);
        return;
    }
    const QString base = tr("the base model");
    showStatus(tr("Rolled back from %1 to %2.")
                   .arg(rolled->from ? tr("\"%1\"").arg(rolled->from->name) : base,
                        rolled->to ? tr("\"%1\"").arg(rolled->to->name) : base));
    m_table->clearSelection();
    refresh();
    Q_EMIT activeAdapterChanged();
}

void AdaptersView::useBaseModel()
{
    if (!m_store)
        return;
    if (Status s = lab::useBaseModel(*m_store); !s) {
        showStatus(s.error(), true);
        return;
    }
    showStatus(tr("Explaining with the base model (no adapter)."));
    refresh();
    Q_EMIT activeAdapterChanged();
}

void AdaptersView::exportSelected()
{
    const QString name = selectedAdapter();
    if (!m_store || name.isEmpty())
        return;
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Export adapter \"%1\" into an empty folder").arg(name), QString(),
        QFileDialog::ShowDirsOnly);
    if (!dir.isEmpty())
        exportSelectedTo(dir);
}

bool AdaptersView::exportSelectedTo(const QString &dir)
{
    const QString name = selectedAdapter();
    if (!m_store || name.isEmpty())
        return false;
    auto written = exportAdapter(*m_store, name, dir);
    if (!written) {
        showStatus(written.error(), true);
        return false;
    }
    showStatus(tr("Exported \"%1\" to %2 (PEFT: adapter_config.json, adapter_model.safetensors).").arg(name, *written));
    return true;
}

void AdaptersView::evaluateSelected()
{
    const QString name = selectedAdapter();
    if (!m_store || name.isEmpty() || m_evaluating)
        return;
    m_evaluating = true;
    m_evaluatingName = name;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = ++m_generation;
    m_progress->setValue(0);
    m_progress->setFormat(tr("Evaluating \"%1\": %p%").arg(name));
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
    m_cancelButton->setEnabled(true);
    showStatus(tr("Explaining the held-out incidents with \"%1\"…").arg(name));
    updateActions();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, generation, store = m_store, heldOut = m_heldOut, name, options = m_evalOptions,
         cancel = m_cancel] { worker->evaluate(generation, store, heldOut, name, options, cancel); },
        Qt::QueuedConnection);
}

void AdaptersView::cancelEvaluation()
{
    if (!m_evaluating || !m_cancel)
        return;
    // The batch being generated finishes first; then the worker stops and stores nothing.
    m_cancel->store(true);
    m_cancelButton->setEnabled(false);
    showStatus(tr("Cancelling the evaluation of \"%1\"…").arg(m_evaluatingName));
}

void AdaptersView::onEvalProgress(quint64 generation, qint64 done, qint64 total)
{
    if (generation != m_generation || total <= 0)
        return;
    m_progress->setValue(int(done * 100 / total));
}

void AdaptersView::onEvalFinished(quint64 generation, const QString &name, const QString &error)
{
    if (generation != m_generation)
        return;
    const bool cancelled = m_cancel && m_cancel->load();
    m_evaluating = false;
    m_evaluatingName.clear();
    m_cancel.reset();
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
    if (!error.isEmpty()) {
        showStatus(cancelled ? tr("Evaluation of \"%1\" cancelled; nothing stored.").arg(name) : error, !cancelled);
    } else {
        refresh();
        const int row = m_model->rowOf(name);
        const AdapterEntry *entry = row >= 0 ? &m_model->entries().at(row) : nullptr;
        if (entry && entry->evaluated())
            showStatus(tr("\"%1\" on %2 held-out incidents: root cause %3%, hallucination %4%, %5 words.")
                           .arg(name)
                           .arg(entry->adapter.eval.value(QStringLiteral("incidents")).toInt())
                           .arg(*entry->metric(QStringLiteral("root_cause_accuracy")) * 100.0, 0, 'f', 1)
                           .arg(entry->metric(QStringLiteral("hallucination_rate")).value_or(0.0) * 100.0, 0, 'f', 1)
                           .arg(entry->metric(QStringLiteral("mean_length")).value_or(0.0), 0, 'f', 1));
    }
    updateActions();
    Q_EMIT evaluationFinished(name, error);
}

void AdaptersView::updateActions()
{
    const QString name = selectedAdapter();
    const int row = name.isEmpty() ? -1 : m_model->rowOf(name);
    const bool selected = m_store && row >= 0;
    const bool selectedActive = selected && m_model->entries().at(row).adapter.active;
    bool anyActive = false, anyHistory = false;
    for (const AdapterEntry &e : m_model->entries()) {
        anyActive = anyActive || e.adapter.active;
        anyHistory = anyHistory || e.adapter.active || e.adapter.activatedAt.isValid();
    }
    m_activateAction->setEnabled(selected && !selectedActive);
    m_rollbackAction->setEnabled(m_store && anyHistory);
    m_baseAction->setEnabled(m_store && anyActive);
    m_exportAction->setEnabled(selected);
    m_evaluateAction->setEnabled(selected && !m_evaluating);
    m_refreshAction->setEnabled(bool(m_store));
}

void AdaptersView::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    // Errors stand out without a dialog in the way.
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828; font-weight: bold;") : QString());
    m_status->setProperty("error", error);
}

} // namespace lab
