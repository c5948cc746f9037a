#pragma once
// The Training page: choose a trainer (reward model, DPO, PPO), its settings (TrainingForm) and the
// votes to train on; Start / Pause / Resume / Stop a run (TrainingController, a worker thread);
// watch it (progress with ETA, live charts, an event log); and look back at earlier runs (the runs
// list): selecting one shows its charts from the database and its settings, read-only until "Use
// these settings"; a run that was stopped or that a guard paused resumes from its checkpoint.
#include "core/train/train_run.h"
#include "ui/training_controller.h"

#include <QHash>
#include <QWidget>
#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;
class QToolButton;

namespace lab {

class RunTableModel;
class Store;
class TrainingCharts;
class TrainingForm;

class TrainingView : public QWidget
{
    Q_OBJECT
public:
    explicit TrainingView(QWidget *parent = nullptr);
    ~TrainingView() override;

    void setStore(std::shared_ptr<Store> store);
    std::shared_ptr<Store> store() const { return m_store; }
    // The base model folder for new runs; empty: defaultModelDir().
    void setModelDir(const QString &dir) { m_modelDir = dir; }
    void setDevice(const QString &device) { m_device = device; } // "auto", "cpu", "cuda:N"
    // The user's defaults per trainer kind (the settings dialog's); a new run's form starts from
    // them and Restore defaults goes back to them. Shown at once unless a run's settings are shown.
    void setTrainingDefaults(const QHash<QString, QJsonObject> &defaults);

    bool isTraining() const;
    // The kind shown in the kind box (kRunReward...).
    QString kind() const;
    void setKind(const QString &kind);
    VoteSelection voteSelection() const;
    // The run whose charts and settings are shown (0: none, the form is for a new run).
    qint64 shownRun() const { return m_shownRun; }
    // The run a click on Resume would continue when none is running (0: none).
    qint64 resumableRun() const;

    TrainingController *controller() const { return m_controller; }
    TrainingForm *form() const { return m_form; }
    TrainingCharts *charts() const { return m_charts; }
    RunTableModel *runModel() const { return m_runModel; }
    QTableView *runTable() const { return m_runTable; }
    QComboBox *kindBox() const { return m_kindBox; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *etaLabel() const { return m_etaLabel; }
    QPlainTextEdit *eventLog() const { return m_log; }
    QAction *startAction() const { return m_startAction; }
    QAction *pauseAction() const { return m_pauseAction; }
    QAction *resumeAction() const { return m_resumeAction; }
    QAction *stopAction() const { return m_stopAction; }
    QAction *exportCsvAction() const { return m_exportCsvAction; }
    QAction *exportPngAction() const { return m_exportPngAction; }

    // Every point of the charts shown (the live run or the selected one): step,name,value.
    Status exportCsv(const QString &path) const;
    Status exportPng(const QString &path) const;

public Q_SLOTS:
    void startTraining();
    void pauseTraining();
    void resumeTraining();
    void stopTraining();
    void refreshRuns();
    // Shows a past run: its charts (from the database) and its settings, read-only.
    void showRun(qint64 runId);
    // Makes the shown run's settings the form's (editable) for a new run.
    void useShownSettings();
    // Back to a new run with the trainer's defaults.
    void newRun();

Q_SIGNALS:
    void trainingActiveChanged(bool active);
    void runStarted(qint64 runId);
    void runEnded(const lab::TrainOutcome &outcome); // finished, stopped, paused by a guard, failed
    void runFailed(const QString &message);          // the job could not start or run
    void message(const QString &text);                // for the status bar

private:
    void createActions();
    QWidget *createTopBar();
    QWidget *createSettingsColumn();
    QWidget *createRunsPanel();
    QWidget *createEventsPanel();
    void loadAnnotators();
    void updateActions();
    void setFormForKind(const QString &kind);
    void appendEvent(TrainEventLevel level, qint64 step, const QString &text);
    void onProgress(qint64 step, qint64 steps, double seconds, double eta);
    void onFinished(const TrainOutcome &outcome);
    void onFailed(const QString &message);
    void onRunSelected();
    void startJob(TrainJob job, const QString &what);
    void exportCsvDialog();
    void exportPngDialog();
    void selectRunRow(qint64 runId);

    std::shared_ptr<Store> m_store;
    QString m_modelDir;
    QString m_device = QStringLiteral("auto");
    QHash<QString, QJsonObject> m_trainingDefaults;
    TrainingController *m_controller = nullptr;

    QComboBox *m_kindBox = nullptr;
    TrainingForm *m_form = nullptr;
    QWidget *m_shownBanner = nullptr;
    QLabel *m_shownLabel = nullptr;
    QCheckBox *m_byAnnotator = nullptr;
    QComboBox *m_annotatorBox = nullptr;
    QCheckBox *m_sinceCheck = nullptr;
    QDateTimeEdit *m_sinceEdit = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_etaLabel = nullptr;
    QLabel *m_stateLabel = nullptr;
    TrainingCharts *m_charts = nullptr;
    QPlainTextEdit *m_log = nullptr;
    RunTableModel *m_runModel = nullptr;
    QTableView *m_runTable = nullptr;
    QSplitter *m_mainSplitter = nullptr;

    QAction *m_startAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_exportCsvAction = nullptr;
    QAction *m_exportPngAction = nullptr;

    qint64 m_shownRun = 0;     // past run on display (0: the form is a new run's)
    qint64 m_lastEnded = 0;    // the last run this view ran, when it can be resumed
    QString m_lastEndedStatus;
    bool m_selectingLive = false; // the table selection follows the live run: not a user's choice
};

} // namespace lab
