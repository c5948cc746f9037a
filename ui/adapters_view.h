#pragma once
// The Adapters view: every LoRA adapter of the project (core/train/adapter_registry.h) with the run
// that made it and its evaluation, and what a lead does with them: Activate (Ctrl+Return), Roll
// back (Ctrl+Z, undo of an activation), Use base model, Export… (a PEFT folder) and Evaluate (the
// held-out evaluation of `rlhf-lab-cli eval`, in a worker thread with a progress bar and Cancel).
//
// Activation and rollback are a few rows of SQLite and two file checks, so they run on the GUI
// thread; evaluation generates hundreds of explanations and never does. Errors show in the status
// line under the table, never in a modal box (asking before forcing an unfinished run's adapter is
// the one question, through confirmHandler()).
#include "core/train/adapter_registry.h"

#include <QObject>
#include <QThread>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QTableView;
class QToolButton;

namespace lab {

class Store;
class AdapterTableModel;

// Runs evaluateAdapter() in the view's worker thread; reports by queued signals tagged with the
// request they answer.
class AdapterEvalWorker : public QObject
{
    Q_OBJECT
public:
    void evaluate(quint64 generation, std::shared_ptr<lab::Store> store, std::shared_ptr<lab::Store> heldOut,
                  const QString &name, const lab::AdapterEvalOptions &options,
                  std::shared_ptr<std::atomic_bool> cancel);

Q_SIGNALS:
    void progress(quint64 generation, qint64 done, qint64 total); // when the percentage changes
    void finished(quint64 generation, const QString &name, const QString &error); // error empty: stored
};

class AdaptersView : public QWidget
{
    Q_OBJECT
public:
    explicit AdaptersView(QWidget *parent = nullptr);
    ~AdaptersView() override; // cancels an evaluation, stops the worker thread and waits for it

    void setStore(std::shared_ptr<Store> store);
    // The base model adapters are evaluated on; empty (the default): defaultModelDir().
    void setDevice(const QString &device); // "auto", "cpu", "cuda:N": where evaluations run
    void setModelDir(const QString &dir);
    // The database with the held-out incidents; null (the default): the project itself.
    void setHeldOutStore(std::shared_ptr<Store> store);
    // Limit, samples and sampling settings of Evaluate (default: as `rlhf-lab-cli eval`).
    void setEvalOptions(const ModelEvalOptions &options);
    // Asked before activating an adapter whose run did not finish; true activates it anyway.
    // The default asks with a message box.
    void setConfirmHandler(std::function<bool(const QString &question)> confirm);

    QString selectedAdapter() const; // empty: no row selected
    void selectAdapter(const QString &name);
    bool isEvaluating() const { return m_evaluating; }

    AdapterTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QToolButton *activateButton() const { return m_activateButton; }
    QToolButton *rollbackButton() const { return m_rollbackButton; }
    QToolButton *baseButton() const { return m_baseButton; }
    QToolButton *exportButton() const { return m_exportButton; }
    QToolButton *evaluateButton() const { return m_evaluateButton; }
    QToolButton *cancelButton() const { return m_cancelButton; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }

public Q_SLOTS:
    void refresh();
    void activateSelected();
    void rollback();
    void useBaseModel();
    void exportSelected();                      // asks for a folder
    bool exportSelectedTo(const QString &dir);  // what Export… does once a folder is chosen
    void evaluateSelected();
    void cancelEvaluation();

Q_SIGNALS:
    // The adapter in use changed (activate, rollback, base model), in this view.
    void activeAdapterChanged();
    // An evaluation ended; `error` is empty when its metrics were stored.
    void evaluationFinished(const QString &name, const QString &error);

private:
    void updateActions();
    void showStatus(const QString &text, bool error = false);
    void onEvalProgress(quint64 generation, qint64 done, qint64 total);
    void onEvalFinished(quint64 generation, const QString &name, const QString &error);

    std::shared_ptr<Store> m_store;
    std::shared_ptr<Store> m_heldOut;
    AdapterEvalOptions m_evalOptions;
    std::function<bool(const QString &)> m_confirm;

    QThread m_thread;
    AdapterEvalWorker *m_worker = nullptr;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_evaluating = false;
    QString m_evaluatingName;

    AdapterTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QAction *m_activateAction = nullptr;
    QAction *m_rollbackAction = nullptr;
    QAction *m_baseAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_evaluateAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QToolButton *m_activateButton = nullptr;
    QToolButton *m_rollbackButton = nullptr;
    QToolButton *m_baseButton = nullptr;
    QToolButton *m_exportButton = nullptr;
    QToolButton *m_evaluateButton = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace lab
