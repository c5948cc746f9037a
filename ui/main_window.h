#pragma once
// The main window only arranges views: the log view with the template panel under it in a
// splitter, the incident list in a dock, the labeling page (LabelView) with its docks (guidelines,
// progress, label quality, vote history), a welcome page when nothing is open, menus, toolbar and
// status bar, the Training page (TrainingView: trainer settings, runs, live charts) and the
// Adapters page (AdaptersView: activate, roll back, export, evaluate), the Review page, the
// settings dialog, the shortcuts overlay (F1) and the About box. Each view
// owns its model and its background work; this class connects them,
// opens files (dialog, drag-and-drop, command line, recent files) and remembers its state in
// the QSettings it is given.
#include "core/runtime/runtime_info.h"
#include "core/store/records.h"
#include "ui/app_settings.h"

#include <QMainWindow>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace lab {

class AdaptersView;
class DemoProjectJob;
class ExplainJob;
class ExplainPanel;
class GuidelinesPanel;
class IncidentListView;
class LabelProgressPanel;
class LabelQualityPanel;
class LabelView;
class LogView;
class RecentFiles;
class ShortcutsOverlay;
class ReviewView;
class Store;
class TemplatePanel;
class TrainingView;
class TriageMarks;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `settings` must outlive the window.
    explicit MainWindow(QSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setRuntimeInfo(const RuntimeInfo &info) { m_runtime = info; }

    // The user's settings as loaded from (and saved to) the QSettings the window was given.
    const AppSettings &appSettings() const { return m_appSettings; }
    // Saves `settings`, applies the theme and hands each view its part (model, device, training
    // defaults, data folder). Returns true when something changed that needs a restart
    // (language, threads).
    bool applySettings(const AppSettings &settings);
    // Restarts the lab with the same arguments once the window has closed (a run that trains is
    // asked about first, as on quit).
    void restartLater();
    bool restartRequested() const { return m_restartRequested; }
    // What starts the new process after the window closed; unset: this program with the same
    // arguments (QProcess::startDetached). Tests count calls instead.
    void setRestartHandler(std::function<void()> handler) { m_restart = std::move(handler); }

    // Opens what the command line named, else the last project, else shows the welcome page.
    // `demo` (rlhf-lab --demo) opens the demo project instead of the last one, building it in
    // the background first when it does not exist yet.
    void openInitial(const QStringList &paths, bool demo = false);
    // A project database (.lab, .db, .sqlite) or a log, by extension and content.
    bool openPath(const QString &path);
    bool openLog(const QString &path);
    bool openProject(const QString &path);
    void openIncident(qint64 id);

    LogView *logView() const { return m_logView; }
    TemplatePanel *templatePanel() const { return m_templatePanel; }
    IncidentListView *incidentList() const { return m_incidentList; }
    RecentFiles *recentFiles() const { return m_recent; }
    ExplainPanel *explainPanel() const { return m_explainPanel; }
    QAction *explainAction() const { return m_explainAction; }
    LabelView *labelView() const { return m_labelView; }
    QAction *labelAction() const { return m_labelAction; }
    GuidelinesPanel *guidelinesPanel() const { return m_guidelinesPanel; }
    LabelProgressPanel *labelProgressPanel() const { return m_progressPanel; }
    LabelQualityPanel *labelQualityPanel() const { return m_qualityPanel; }
    bool isLabelPageShown() const;
    TrainingView *trainingView() const { return m_trainingView; }
    QAction *trainAction() const { return m_trainAction; }
    bool isTrainingPageShown() const;
    QAction *fullDemoAction() const { return m_fullDemoAction; }
    AdaptersView *adaptersView() const { return m_adaptersView; }
    QAction *adaptersAction() const { return m_adaptersAction; }
    bool isAdaptersPageShown() const;
    ReviewView *reviewView() const { return m_reviewView; }
    QAction *reviewAction() const { return m_reviewAction; }
    bool isReviewPageShown() const;
    QAction *pasteLogAction() const { return m_pasteLogAction; }
    QAction *settingsAction() const { return m_settingsAction; }
    QAction *shortcutsAction() const { return m_shortcutsAction; }
    ShortcutsOverlay *shortcutsOverlay() const { return m_shortcutsOverlay; }
    TriageMarks *triageMarks() const { return m_triageMarks; }

    // What closing the window while a run trains does: the user's answer to "Stop the run?".
    enum class CloseWhileTraining { StopAndQuit, KeepTraining };
    // Tests answer the question without a modal loop; unset, a message box asks.
    void setCloseWhileTrainingHandler(std::function<CloseWhileTraining()> handler)
    {
        m_closeWhileTraining = std::move(handler);
    }
    std::shared_ptr<Store> store() const { return m_store; }

    static bool isProjectFile(const QString &path);

public Q_SLOTS:
    void showOpenLogDialog();
    void showOpenProjectDialog();
    void openDemoProject();
    // The whole loop (incidents, votes, reward model, DPO, PPO, evaluation) into a new project,
    // with each stage's progress; the project opens when it is done.
    void runFullDemo();
    void showAbout();
    void showSettings();
    // The keyboard shortcuts overlay (F1), read from the menus and the pages' own keys.
    void toggleShortcuts();
    // Explains the open log with the model (and the project's active adapter) in the background;
    // `newSeed` samples another explanation than the last one.
    void explainLog(bool newSeed = false);
    // Shows the labeling page of the open project, starting a session first: the annotator is the
    // one last used on this project, or asked for (AnnotatorDialog) when there is none or when
    // `chooseAnnotator`. Returns false when no project is open or the choice was cancelled.
    bool startLabeling(bool chooseAnnotator = false);
    // Shows the Training page (a project must be open).
    bool showTraining();
    // Shows the Adapters page: every adapter with its run and evaluation (a project must be open).
    bool showAdapters();
    // Shows the Review page: base vs adapter on held-out incidents, blind A/B (a project must be open).
    bool showReview();
    // Opens `text` (the clipboard's when empty) as a scratch log, ready to explain.
    bool pasteLog(const QString &text = {});

Q_SIGNALS:
    // A log is shown and indexed, and its templates are mined (or mining failed/stopped).
    void logReady();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createViews();
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    QWidget *createWelcomePage();
    void connectViews();
    void rebuildRecentMenu();
    void restoreWindowState();
    void saveWindowState();
    void showError(const QString &title, const QString &message);
    void updateTitle();
    void updateLevelSummary();
    void showLogPage();
    void setIndexingVisible(bool visible);
    void createLabelDocks();
    void setLabelDocksVisible(bool visible);
    void stopLabeling();
    void setSideDocksAside(bool aside);
    bool askToStopTraining();
    QString annotatorKey() const;
    std::optional<AnnotatorRecord> profileAnnotator();
    void offerModelFolder(const QString &dir);
    void applySettingsToViews();

    QSettings &m_settings;
    AppSettings m_appSettings;
    AppSettings m_startedWith; // as the process started: language and threads apply at start only
    bool m_restartRequested = false;
    std::function<void()> m_restart;
    RecentFiles *m_recent = nullptr;
    RuntimeInfo m_runtime;
    std::shared_ptr<Store> m_store;
    QString m_logName;
    qint64 m_shownIncident = 0; // the incident whose log is shown, 0: none
    DemoProjectJob *m_demoJob = nullptr;

    QStackedWidget *m_stack = nullptr;
    QWidget *m_welcome = nullptr;
    QSplitter *m_splitter = nullptr;
    LogView *m_logView = nullptr;
    TemplatePanel *m_templatePanel = nullptr;
    IncidentListView *m_incidentList = nullptr;
    class QDockWidget *m_incidentDock = nullptr;
    ExplainPanel *m_explainPanel = nullptr;
    class QDockWidget *m_explainDock = nullptr;
    ExplainJob *m_explainJob = nullptr;
    quint64 m_explainSeed = 0;
    LabelView *m_labelView = nullptr;
    GuidelinesPanel *m_guidelinesPanel = nullptr;
    LabelProgressPanel *m_progressPanel = nullptr;
    LabelQualityPanel *m_qualityPanel = nullptr;
    QList<class QDockWidget *> m_labelDocks; // guidelines, progress, quality, history
    bool m_labelDocksShown = false;       // the label page's docks are up
    bool m_sideDocksAside = false;        // the incident and explain docks stepped aside (label, training)
    bool m_incidentDockWasVisible = true; // how the incident and explain docks were before that
    bool m_explainDockWasVisible = false;
    class QDockWidget *m_qualityDock = nullptr;
    int m_votesSinceQuality = 0;

    QMenu *m_recentMenu = nullptr;
    QMenu *m_welcomeRecentMenu = nullptr;
    QAction *m_openLogAction = nullptr;
    QAction *m_openProjectAction = nullptr;
    QAction *m_openDemoAction = nullptr;
    QAction *m_fullDemoAction = nullptr;
    QAction *m_closeLogAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_showLogAction = nullptr;
    QAction *m_showIncidentsAction = nullptr;
    QAction *m_showTemplatesAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_explainAction = nullptr;
    QAction *m_labelAction = nullptr;
    QAction *m_switchAnnotatorAction = nullptr;
    QMenu *m_labelMenu = nullptr;
    TrainingView *m_trainingView = nullptr;
    QAction *m_trainAction = nullptr;
    QMenu *m_trainMenu = nullptr;
    AdaptersView *m_adaptersView = nullptr;
    QAction *m_adaptersAction = nullptr;
    ReviewView *m_reviewView = nullptr;
    QAction *m_reviewAction = nullptr;
    QAction *m_pasteLogAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    ShortcutsOverlay *m_shortcutsOverlay = nullptr;
    TriageMarks *m_triageMarks = nullptr;
    std::function<CloseWhileTraining()> m_closeWhileTraining;
    bool m_closeAfterStop = false; // the user chose "Stop and quit": close when the run has ended

    QLabel *m_positionLabel = nullptr;
    QLabel *m_formatLabel = nullptr;
    QLabel *m_levelLabel = nullptr;
    QProgressBar *m_indexProgress = nullptr;
    QToolButton *m_indexCancel = nullptr;
    QTimer *m_progressTimer = nullptr; // coalesces indexing progress into ~10 updates a second
    qint64 m_progressDone = 0;
    qint64 m_progressTotal = 0;
};

} // namespace lab
