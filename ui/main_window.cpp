#include "ui/main_window.h"

#include "core/common/paths.h"
#include "core/logs/log_file.h"
#include "core/store/store.h"
#include "ui/about_dialog.h"
#include "ui/adapters_view.h"
#include "ui/demo_project_job.h"
#include "ui/demo_run_dialog.h"
#include "ui/explain_job.h"
#include "ui/explain_panel.h"
#include "ui/annotator_dialog.h"
#include "ui/guidelines_panel.h"
#include "ui/label_progress_panel.h"
#include "ui/label_quality_panel.h"
#include "ui/label_view.h"
#include "ui/icons.h"
#include "ui/incident_list_view.h"
#include "ui/log_text_view.h"
#include "ui/log_view.h"
#include "ui/recent_files.h"
#include "ui/review_view.h"
#include "ui/settings_dialog.h"
#include "ui/shortcuts_overlay.h"
#include "ui/theme.h"
#include "ui/template_panel.h"
#include "ui/training_view.h"
#include "ui/triage_marks.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QCommandLinkButton>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QProgressDialog>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <memory>

namespace lab {

namespace {
constexpr int kProgressRefreshMs = 100;
constexpr int kStatusMessageMs = 4000;
constexpr int kExplainDockWidth = 460;
const QLatin1String kGeometryKey("mainWindow/geometry");
const QLatin1String kStateKey("mainWindow/state");
const QLatin1String kSplitterKey("mainWindow/logSplitter");
const QLatin1String kLastProjectKey("session/lastProject");
const QLatin1String kLastDirKey("session/lastDirectory");
// The quality figures read every vote: refreshed when their dock shows and every this many votes.
constexpr int kQualityRefreshVotes = 25;

// SQLite files start with this; a project is recognised by content as well as by extension.
bool hasSqliteHeader(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(16) == QByteArrayLiteral("SQLite format 3\0");
}
} // namespace

MainWindow::MainWindow(QSettings &settings, QWidget *parent)
    : QMainWindow(parent), m_settings(settings), m_appSettings(AppSettings::load(settings)), m_startedWith(m_appSettings)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(icon(IconId::App));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_recent = new RecentFiles(m_settings, QStringLiteral("recentFiles"), this);
    m_demoJob = new DemoProjectJob(this);
    m_explainJob = new ExplainJob(this);

    createViews();
    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    connectViews();
    rebuildRecentMenu();
    restoreWindowState();
    setLabelDocksVisible(false); // they belong to the label page, which never shows at start
    m_shortcutsOverlay = new ShortcutsOverlay(this);
    applySettingsToViews();
    updateTitle();
}

void MainWindow::applySettingsToViews()
{
    // An empty model folder lets each view use its own default (a run's recorded model, or the
    // bundled lab-tiny).
    m_trainingView->setModelDir(m_appSettings.modelDir);
    m_trainingView->setDevice(m_appSettings.device);
    m_trainingView->setTrainingDefaults(m_appSettings.trainingDefaults);
    m_adaptersView->setModelDir(m_appSettings.modelDir);
    m_adaptersView->setDevice(m_appSettings.device);
    m_reviewView->setModelDir(m_appSettings.modelDir);
    m_reviewView->setDevice(m_appSettings.device);
}

bool MainWindow::applySettings(const AppSettings &settings)
{
    const bool themeChanged = settings.theme != m_appSettings.theme;
    m_appSettings = settings;
    m_appSettings.save(m_settings);
    if (themeChanged)
        applyTheme(m_appSettings.theme);
    applySettingsToViews();
    // What the running process read at start and cannot change now.
    return m_appSettings.language != m_startedWith.language || m_appSettings.threads != m_startedWith.threads;
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_appSettings, this);
    connect(&dialog, &SettingsDialog::applied, this, [this](const AppSettings &s) { applySettings(s); });
    if (dialog.exec() != QDialog::Accepted || !applySettings(dialog.settings()))
        return;
    QMessageBox box(QMessageBox::Question, tr("Restart the lab?"),
                    tr("The new language or number of threads takes effect when the lab starts again."), QMessageBox::NoButton,
                    this);
    box.setObjectName(QStringLiteral("restartDialog"));
    QPushButton *now = box.addButton(tr("Restart Now"), QMessageBox::AcceptRole);
    QPushButton *later = box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.setDefaultButton(later);
    box.exec();
    if (box.clickedButton() == now)
        restartLater();
}

void MainWindow::restartLater()
{
    m_restartRequested = true;
    // Refused because a run trains: "Stop and Quit" closes (and restarts) once the run has
    // written its checkpoint; "Keep Training" drops the restart, so a later quit does not restart.
    if (!close() && !m_closeAfterStop)
        m_restartRequested = false;
}

void MainWindow::toggleShortcuts()
{
    QList<ShortcutGroup> groups = shortcutsFromMenus(menuBar());
    // Keys of pages that act without a menu entry.
    groups.append({tr("Voting (Label page)"),
                   {{QStringLiteral("1"), tr("A (left) is better")},
                    {QStringLiteral("2"), tr("B (right) is better")},
                    {QStringLiteral("3"), tr("Tie")},
                    {QStringLiteral("4"), tr("Both are bad")},
                    {tr("Space"), tr("Skip the pair")},
                    {QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText), tr("Undo the last vote")}}});
    groups.append({tr("Blind review (Review page)"),
                   {{QStringLiteral("1 / 2"), tr("Left or right is better")},
                    {QStringLiteral("3 / 4"), tr("Tie, both bad")},
                    {tr("Space"), tr("Next pair")}}});
    groups.append({tr("Anywhere"),
                   {{QKeySequence(QKeySequence::HelpContents).toString(QKeySequence::NativeText), tr("Show or hide this list")},
                    {tr("Drop a file"), tr("Open a log or a project")},
                    {tr("Drop text"), tr("Open it as a log to explain")}}});
    m_shortcutsOverlay->setGroups(groups);
    m_shortcutsOverlay->toggle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createViews()
{
    m_logView = new LogView(this);
    m_logView->setObjectName(QStringLiteral("logView"));
    m_templatePanel = new TemplatePanel(this);
    m_templatePanel->setObjectName(QStringLiteral("templatePanel"));

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("logSplitter"));
    m_splitter->addWidget(m_logView);
    m_splitter->addWidget(m_templatePanel);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    m_welcome = createWelcomePage();
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_splitter);
    m_labelView = new LabelView(this);
    m_stack->addWidget(m_labelView);
    m_trainingView = new TrainingView(this);
    m_stack->addWidget(m_trainingView);
    m_adaptersView = new AdaptersView(this);
    m_adaptersView->setObjectName(QStringLiteral("adaptersView"));
    m_stack->addWidget(m_adaptersView);
    m_reviewView = new ReviewView(this);
    m_reviewView->setObjectName(QStringLiteral("reviewView"));
    m_stack->addWidget(m_reviewView);
    setCentralWidget(m_stack);

    m_incidentList = new IncidentListView(this);
    m_incidentList->setObjectName(QStringLiteral("incidentList"));
    m_incidentDock = new QDockWidget(tr("Incidents"), this);
    m_incidentDock->setObjectName(QStringLiteral("incidentDock"));
    m_incidentDock->setWidget(m_incidentList);
    addDockWidget(Qt::LeftDockWidgetArea, m_incidentDock);
    m_incidentDock->hide(); // shown when a project opens

    m_explainPanel = new ExplainPanel(this);
    m_explainPanel->setObjectName(QStringLiteral("explainPanel"));
    m_explainDock = new QDockWidget(tr("Explanation"), this);
    m_explainDock->setObjectName(QStringLiteral("explainDock"));
    m_explainDock->setWidget(m_explainPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_explainDock);
    m_explainDock->hide(); // shown when the user asks for an explanation

    createLabelDocks();
}

void MainWindow::createLabelDocks()
{
    m_guidelinesPanel = new GuidelinesPanel(this);
    m_guidelinesPanel->setObjectName(QStringLiteral("guidelinesPanel"));
    m_progressPanel = new LabelProgressPanel(this);
    m_progressPanel->setObjectName(QStringLiteral("labelProgressPanel"));
    m_qualityPanel = new LabelQualityPanel(this);
    m_qualityPanel->setObjectName(QStringLiteral("labelQualityPanel"));
    const struct
    {
        QString title;
        const char *name;
        QWidget *widget;
    } docks[] = {
        {tr("Guidelines"), "guidelinesDock", m_guidelinesPanel},
        {tr("Progress"), "labelProgressDock", m_progressPanel},
        {tr("Quality"), "labelQualityDock", m_qualityPanel},
        {tr("History"), "voteHistoryDock", m_labelView->historyView()},
    };
    for (const auto &d : docks) {
        auto *dock = new QDockWidget(d.title, this);
        dock->setObjectName(QLatin1String(d.name));
        dock->setWidget(d.widget);
        d.widget->show();
        addDockWidget(Qt::RightDockWidgetArea, dock);
        if (!m_labelDocks.isEmpty())
            tabifyDockWidget(m_labelDocks.first(), dock);
        m_labelDocks << dock;
    }
    m_qualityDock = m_labelDocks[2];
    m_labelDocks.first()->raise();
}

void MainWindow::setSideDocksAside(bool aside)
{
    // The label page needs the width for log | A | B, the training page for its charts: the
    // incident and explain docks step aside while one of them shows and come back as they were.
    if (aside == m_sideDocksAside)
        return;
    if (aside) {
        m_incidentDockWasVisible = m_incidentDock->isVisible();
        m_explainDockWasVisible = m_explainDock->isVisible();
        m_incidentDock->hide();
        m_explainDock->hide();
    } else {
        m_incidentDock->setVisible(m_incidentDockWasVisible);
        m_explainDock->setVisible(m_explainDockWasVisible);
    }
    m_sideDocksAside = aside;
}

void MainWindow::setLabelDocksVisible(bool visible)
{
    if (visible)
        setSideDocksAside(true);
    m_labelDocksShown = visible;
    for (QDockWidget *dock : std::as_const(m_labelDocks))
        dock->setVisible(visible);
    if (visible && !m_labelDocks.isEmpty()) {
        m_labelDocks.first()->raise();
        // Wide enough for the guidelines' paragraphs and the history's columns.
        resizeDocks({m_labelDocks.first()}, {std::max(kExplainDockWidth - 80, width() / 4)}, Qt::Horizontal);
    }
}

bool MainWindow::isLabelPageShown() const
{
    return m_stack->currentWidget() == m_labelView;
}

bool MainWindow::isTrainingPageShown() const
{
    return m_stack->currentWidget() == m_trainingView;
}

bool MainWindow::isAdaptersPageShown() const
{
    return m_stack->currentWidget() == m_adaptersView;
}

bool MainWindow::isReviewPageShown() const
{
    return m_stack->currentWidget() == m_reviewView;
}

QWidget *MainWindow::createWelcomePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("welcomePage"));
    auto *outer = new QVBoxLayout(page);
    auto *column = new QVBoxLayout;
    column->setSpacing(10);

    auto *logo = new QLabel(page);
    logo->setPixmap(icon(IconId::App).pixmap(72, 72));
    auto *title = new QLabel(tr("RLHF Log Lab"), page);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *subtitle = new QLabel(tr("Read failed jobs' logs, compare explanations, teach the model."), page);
    subtitle->setStyleSheet(QStringLiteral("color: #6b7280;"));

    auto *openLog = new QCommandLinkButton(tr("Open a log…"), tr("Any text log: Spark, DLT, Kubernetes, S3, JSON…  (Ctrl+O)"), page);
    openLog->setObjectName(QStringLiteral("welcomeOpenLog"));
    openLog->setIcon(icon(IconId::Open));
    connect(openLog, &QCommandLinkButton::clicked, this, &MainWindow::showOpenLogDialog);
    auto *openProject = new QCommandLinkButton(tr("Open a project…"), tr("A lab database with incidents, votes and runs  (Ctrl+Shift+O)"), page);
    openProject->setIcon(icon(IconId::Project));
    connect(openProject, &QCommandLinkButton::clicked, this, &MainWindow::showOpenProjectDialog);
    auto *openDemo = new QCommandLinkButton(tr("Open the demo project"),
                                            tr("Synthetic incidents from Spark, DLT, Kubernetes, S3 and apps, built on first use"), page);
    openDemo->setObjectName(QStringLiteral("welcomeOpenDemo"));
    openDemo->setIcon(icon(IconId::Demo));
    connect(openDemo, &QCommandLinkButton::clicked, this, &MainWindow::openDemoProject);
    auto *fullDemo = new QCommandLinkButton(tr("Run the full demo…"),
                                            tr("Votes, reward model, DPO and PPO trained from scratch, then base vs aligned "
                                               "on held-out incidents (15 to 20 minutes on 2 cores)"),
                                            page);
    fullDemo->setObjectName(QStringLiteral("welcomeFullDemo"));
    fullDemo->setIcon(icon(IconId::Demo));
    connect(fullDemo, &QCommandLinkButton::clicked, this, &MainWindow::runFullDemo);

    auto *recentButton = new QToolButton(page);
    recentButton->setText(tr("Recent files"));
    recentButton->setPopupMode(QToolButton::InstantPopup);
    recentButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_welcomeRecentMenu = new QMenu(recentButton);
    recentButton->setMenu(m_welcomeRecentMenu);
    recentButton->setObjectName(QStringLiteral("welcomeRecent"));

    auto *hint = new QLabel(tr("Tip: drop a log or a project file anywhere on this window."), page);
    hint->setStyleSheet(QStringLiteral("color: #9aa1ab;"));

    column->addWidget(logo, 0, Qt::AlignLeft);
    column->addWidget(title);
    column->addWidget(subtitle);
    column->addSpacing(12);
    column->addWidget(openLog);
    column->addWidget(openProject);
    column->addWidget(openDemo);
    column->addWidget(fullDemo);
    column->addWidget(recentButton, 0, Qt::AlignLeft);
    column->addSpacing(12);
    column->addWidget(hint);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addLayout(column, 2);
    row->addStretch(1);
    outer->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
    return page;
}

void MainWindow::createActions()
{
    m_openLogAction = new QAction(icon(IconId::Open), tr("&Open Log…"), this);
    m_openLogAction->setShortcut(QKeySequence::Open);
    m_openLogAction->setStatusTip(tr("Open a log file"));
    connect(m_openLogAction, &QAction::triggered, this, &MainWindow::showOpenLogDialog);

    m_openProjectAction = new QAction(icon(IconId::Project), tr("Open &Project…"), this);
    m_openProjectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openProjectAction->setStatusTip(tr("Open a lab database with incidents"));
    connect(m_openProjectAction, &QAction::triggered, this, &MainWindow::showOpenProjectDialog);

    m_openDemoAction = new QAction(icon(IconId::Demo), tr("Open &Demo Project"), this);
    m_openDemoAction->setStatusTip(tr("Open the synthetic demo project, building it on first use"));
    connect(m_openDemoAction, &QAction::triggered, this, &MainWindow::openDemoProject);
    m_fullDemoAction = new QAction(icon(IconId::Demo), tr("Run the &Full Demo…"), this);
    m_fullDemoAction->setStatusTip(tr("Train a reward model, DPO and PPO adapters in a new demo project and compare them with the base model"));
    connect(m_fullDemoAction, &QAction::triggered, this, &MainWindow::runFullDemo);

    m_closeLogAction = new QAction(tr("&Close Log"), this);
    m_closeLogAction->setShortcut(QKeySequence::Close);
    m_closeLogAction->setEnabled(false);
    connect(m_closeLogAction, &QAction::triggered, this, [this] { m_logView->closeLog(); });

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_showLogAction = new QAction(icon(IconId::Log), tr("&Log"), this);
    m_showLogAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_showLogAction, &QAction::triggered, this, [this] {
        if (m_logView->logFile() || isLabelPageShown())
            showLogPage();
        m_logView->textView()->setFocus(Qt::ShortcutFocusReason);
    });
    m_showIncidentsAction = new QAction(icon(IconId::Incidents), tr("&Incidents"), this);
    m_showIncidentsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(m_showIncidentsAction, &QAction::triggered, this, [this] {
        m_incidentDock->show();
        m_incidentDock->raise();
        m_incidentList->setFocus(Qt::ShortcutFocusReason);
    });
    m_showTemplatesAction = new QAction(icon(IconId::Templates), tr("&Templates"), this);
    m_showTemplatesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    connect(m_showTemplatesAction, &QAction::triggered, this, [this] {
        if (m_logView->logFile())
            showLogPage();
        m_templatePanel->setFocus(Qt::ShortcutFocusReason);
    });

    m_explainAction = new QAction(icon(IconId::Explain), tr("&Explain"), this);
    m_explainAction->setObjectName(QStringLiteral("explainAction"));
    m_explainAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_explainAction->setStatusTip(tr("Ask the model why the job in this log failed"));
    m_explainAction->setEnabled(false);
    connect(m_explainAction, &QAction::triggered, this, [this] { explainLog(false); });
    // In the main window Ctrl+E means Explain; the log view's "next error" keeps F8 here (two
    // actions on one key would make Qt fire neither).
    for (LogView *view : {m_logView, m_labelView->logView()}) {
        QList<QKeySequence> nextError = view->nextErrorAction()->shortcuts();
        nextError.removeAll(m_explainAction->shortcut());
        view->nextErrorAction()->setShortcuts(nextError);
    }

    m_labelAction = new QAction(icon(IconId::Label), tr("&Label"), this);
    m_labelAction->setObjectName(QStringLiteral("labelAction"));
    m_labelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_labelAction->setStatusTip(tr("Compare two explanations of an incident and vote for the better one"));
    m_labelAction->setEnabled(false);
    connect(m_labelAction, &QAction::triggered, this, [this] { startLabeling(false); });
    m_switchAnnotatorAction = new QAction(tr("&Switch Annotator…"), this);
    m_switchAnnotatorAction->setObjectName(QStringLiteral("switchAnnotatorAction"));
    m_switchAnnotatorAction->setStatusTip(tr("Label under another profile (every vote is signed)"));
    m_switchAnnotatorAction->setEnabled(false);
    connect(m_switchAnnotatorAction, &QAction::triggered, this, [this] { startLabeling(true); });

    m_trainAction = new QAction(icon(IconId::Train), tr("&Train"), this);
    m_trainAction->setObjectName(QStringLiteral("trainAction"));
    m_trainAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_trainAction->setStatusTip(tr("Train a reward model, a DPO or a PPO adapter on the project's votes, and watch it learn"));
    m_trainAction->setEnabled(false);
    connect(m_trainAction, &QAction::triggered, this, &MainWindow::showTraining);
    m_adaptersAction = new QAction(icon(IconId::Adapters), tr("A&dapters"), this);
    m_adaptersAction->setObjectName(QStringLiteral("adaptersAction"));
    m_adaptersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_adaptersAction->setStatusTip(tr("The trained adapters: activate one, roll back, export it, evaluate it"));
    m_adaptersAction->setEnabled(false);
    connect(m_adaptersAction, &QAction::triggered, this, &MainWindow::showAdapters);
    m_reviewAction = new QAction(icon(IconId::Review), tr("&Review"), this);
    m_reviewAction->setObjectName(QStringLiteral("reviewAction"));
    m_reviewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_reviewAction->setStatusTip(tr("Base vs adapter on held-out incidents: metrics, charts, regressions, blind A/B review"));
    m_reviewAction->setEnabled(false);
    connect(m_reviewAction, &QAction::triggered, this, &MainWindow::showReview);
    m_pasteLogAction = new QAction(tr("&Paste Log"), this);
    m_pasteLogAction->setObjectName(QStringLiteral("pasteLogAction"));
    m_pasteLogAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_pasteLogAction->setStatusTip(tr("Open the clipboard's text as a log, to explain it"));
    connect(m_pasteLogAction, &QAction::triggered, this, [this] { pasteLog(); });

    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setStatusTip(tr("Language, theme, data folder, model, device, threads, your annotator name, training defaults"));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    m_shortcutsAction = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    m_shortcutsAction->setShortcut(QKeySequence::HelpContents);
    m_shortcutsAction->setStatusTip(tr("Every keyboard shortcut at a glance"));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::toggleShortcuts);

    m_aboutAction = new QAction(icon(IconId::App), tr("&About RLHF Log Lab"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openLogAction);
    file->addAction(m_openProjectAction);
    file->addAction(m_openDemoAction);
    file->addAction(m_pasteLogAction);
    file->addAction(m_fullDemoAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(m_closeLogAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *search = menuBar()->addMenu(tr("&Search"));
    search->addAction(m_logView->findAction());
    search->addAction(m_logView->findNextAction());
    search->addAction(m_logView->findPreviousAction());
    search->addSeparator();
    search->addAction(m_logView->nextErrorAction());
    search->addAction(m_logView->previousErrorAction());
    search->addSeparator();
    search->addAction(m_logView->goToLineAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_showLogAction);
    view->addAction(m_showIncidentsAction);
    view->addAction(m_showTemplatesAction);
    view->addSeparator();
    QMenu *levels = view->addMenu(tr("Show &Levels"));
    levels->addActions(m_logView->levelFilterActions());
    view->addSeparator();
    QAction *dockToggle = m_incidentDock->toggleViewAction();
    dockToggle->setText(tr("Incident &Panel"));
    view->addAction(dockToggle);
    QAction *explainToggle = m_explainDock->toggleViewAction();
    explainToggle->setText(tr("E&xplanation Panel"));
    view->addAction(explainToggle);

    QMenu *model = menuBar()->addMenu(tr("&Model"));
    model->addAction(m_explainAction);

    m_labelMenu = menuBar()->addMenu(tr("L&abel"));
    m_labelMenu->addAction(m_labelAction);
    m_labelMenu->addAction(m_switchAnnotatorAction);
    m_labelMenu->addSeparator();
    m_labelMenu->addAction(m_labelView->undoAction());
    m_labelMenu->addSeparator();
    for (QDockWidget *dock : std::as_const(m_labelDocks))
        m_labelMenu->addAction(dock->toggleViewAction());

    m_trainMenu = menuBar()->addMenu(tr("&Training"));
    m_trainMenu->addAction(m_trainAction);
    m_trainMenu->addAction(m_adaptersAction);
    m_trainMenu->addAction(m_reviewAction);
    m_trainMenu->addSeparator();
    m_trainMenu->addAction(m_trainingView->startAction());
    m_trainMenu->addAction(m_trainingView->pauseAction());
    m_trainMenu->addAction(m_trainingView->resumeAction());
    m_trainMenu->addAction(m_trainingView->stopAction());
    m_trainMenu->addSeparator();
    m_trainMenu->addAction(m_trainingView->exportCsvAction());
    m_trainMenu->addAction(m_trainingView->exportPngAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openLogAction);
    bar->addAction(m_openProjectAction);
    bar->addSeparator();
    bar->addAction(m_logView->findAction());
    bar->addAction(m_logView->nextErrorAction());
    bar->addAction(m_logView->goToLineAction());
    bar->addSeparator();
    bar->addAction(m_showIncidentsAction);
    bar->addAction(m_showTemplatesAction);
    bar->addSeparator();
    bar->addAction(m_explainAction);
    bar->addAction(m_labelAction);
    bar->addAction(m_trainAction);
    bar->addAction(m_adaptersAction);
    bar->addAction(m_reviewAction);
    // Tooltips that show the shortcut: the toolbar is where people learn them.
    for (QAction *a : bar->actions()) {
        if (!a->isSeparator() && !a->shortcut().isEmpty())
            a->setToolTip(QStringLiteral("%1 (%2)").arg(a->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                                                        a->shortcut().toString(QKeySequence::NativeText)));
    }
}

void MainWindow::createStatusBar()
{
    m_positionLabel = new QLabel(this);
    m_positionLabel->setObjectName(QStringLiteral("positionLabel"));
    m_formatLabel = new QLabel(this);
    m_levelLabel = new QLabel(this);
    m_levelLabel->setTextFormat(Qt::RichText);
    m_indexProgress = new QProgressBar(this);
    m_indexProgress->setObjectName(QStringLiteral("indexProgress"));
    m_indexProgress->setRange(0, 1000);
    m_indexProgress->setMaximumWidth(160);
    m_indexProgress->setMaximumHeight(16);
    m_indexProgress->setFormat(tr("Indexing %p%"));
    m_indexCancel = new QToolButton(this);
    m_indexCancel->setIcon(icon(IconId::Cancel));
    m_indexCancel->setAutoRaise(true);
    m_indexCancel->setToolTip(tr("Stop indexing (the lines read so far stay available)"));
    connect(m_indexCancel, &QToolButton::clicked, this, [this] {
        if (LogFile *file = m_logView->logFile())
            file->cancelIndexing();
        setIndexingVisible(false);
        statusBar()->showMessage(tr("Indexing stopped"), kStatusMessageMs);
    });
    statusBar()->addPermanentWidget(m_levelLabel);
    statusBar()->addPermanentWidget(m_formatLabel);
    statusBar()->addPermanentWidget(m_positionLabel);
    statusBar()->addPermanentWidget(m_indexProgress);
    statusBar()->addPermanentWidget(m_indexCancel);
    setIndexingVisible(false);

    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(kProgressRefreshMs);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_progressTotal > 0)
            m_indexProgress->setValue(int(m_progressDone * 1000 / m_progressTotal));
        if (LogFile *file = m_logView->logFile())
            m_positionLabel->setText(tr("%1 lines").arg(QLocale().toString(file->lineCount())));
    });
}

void MainWindow::setIndexingVisible(bool visible)
{
    m_indexProgress->setVisible(visible);
    m_indexCancel->setVisible(visible);
    if (visible)
        m_progressTimer->start();
    else if (m_progressTimer)
        m_progressTimer->stop();
}

void MainWindow::connectViews()
{
    connect(m_recent, &RecentFiles::changed, this, &MainWindow::rebuildRecentMenu);

    connect(m_logView, &LogView::logOpened, this, [this](const QString &name) {
        m_logName = name;
        m_closeLogAction->setEnabled(true);
        showLogPage();
        updateTitle();
        LogFile *file = m_logView->logFile();
        m_formatLabel->setText(formatDisplayName(file->format()));
        m_formatLabel->setToolTip(tr("Detected log format"));
        m_progressDone = file->indexedBytes();
        m_progressTotal = file->sizeBytes();
        setIndexingVisible(file->isIndexing());
        m_templatePanel->setLogFile(nullptr);
        updateLevelSummary();
        // An explanation belongs to the log it was made for.
        m_explainJob->cancel();
        m_explainPanel->clear();
        m_explainSeed = 0;
        m_explainAction->setEnabled(true);
    });
    connect(m_logView, &LogView::logClosed, this, [this] {
        m_logName.clear();
        m_shownIncident = 0;
        m_closeLogAction->setEnabled(false);
        m_templatePanel->setLogFile(nullptr);
        setIndexingVisible(false);
        m_positionLabel->clear();
        m_formatLabel->clear();
        m_levelLabel->clear();
        m_explainJob->cancel();
        m_explainPanel->clear();
        m_explainAction->setEnabled(false);
        m_stack->setCurrentWidget(m_welcome);
        updateTitle();
    });
    connect(m_logView, &LogView::indexingProgress, this, [this](qint64 done, qint64 total) {
        m_progressDone = done;
        m_progressTotal = total;
    });
    connect(m_logView, &LogView::indexingFinished, this, [this](qint64 lines) {
        setIndexingVisible(false);
        updateLevelSummary();
        statusBar()->showMessage(tr("Indexed %1 lines").arg(QLocale().toString(lines)), kStatusMessageMs);
        m_templatePanel->setLogFile(m_logView->sharedLogFile());
    });
    connect(m_logView, &LogView::indexingFailed, this, [this](const QString &message) {
        setIndexingVisible(false);
        showError(tr("Cannot read the log"), message);
        Q_EMIT logReady();
    });
    connect(m_logView, &LogView::currentLineChanged, this, [this](qint64 line) {
        const LogFile *file = m_logView->logFile();
        if (!file || line < 0) {
            m_positionLabel->clear();
            return;
        }
        m_positionLabel->setText(tr("Line %1 of %2").arg(QLocale().toString(line + 1), QLocale().toString(file->lineCount())));
    });
    connect(m_logView, &LogView::message, this, [this](const QString &text) { statusBar()->showMessage(text, kStatusMessageMs); });
    connect(m_logView, &LogView::lineFilterCleared, m_templatePanel, &TemplatePanel::clearSelection);

    connect(m_templatePanel, &TemplatePanel::templateActivated, this,
            [this](const QString &label, const std::vector<qint64> &lines) { m_logView->setLineFilter(label, lines); });
    connect(m_templatePanel, &TemplatePanel::miningFinished, this, [this] { Q_EMIT logReady(); });

    connect(m_incidentList, &IncidentListView::incidentActivated, this, &MainWindow::openIncident);
    connect(m_incidentList, &IncidentListView::loadFailed, this,
            [this](const QString &message) { showError(tr("Cannot read the incidents"), message); });

    connect(m_explainJob, &ExplainJob::finished, m_explainPanel, &ExplainPanel::showExplanation);
    m_triageMarks = new TriageMarks(m_logView, this);
    connect(m_explainJob, &ExplainJob::finished, m_triageMarks, &TriageMarks::show);
    connect(m_explainJob, &ExplainJob::failed, m_explainPanel, &ExplainPanel::showError);
    connect(m_explainJob, &ExplainJob::cancelled, m_explainPanel, [this] {
        if (!m_explainJob->isRunning())
            m_explainPanel->showError(tr("Stopped. Press Ctrl+E to explain the log again."));
    });
    connect(m_explainJob, &ExplainJob::modelLoading, m_explainPanel, [this](const QString &dir) {
        m_explainPanel->showBusy(tr("%1 (loading the model)").arg(QFileInfo(dir).fileName()));
    });
    connect(m_explainPanel, &ExplainPanel::regenerateRequested, this, [this] { explainLog(true); });
    connect(m_explainPanel, &ExplainPanel::cancelRequested, m_explainJob, &ExplainJob::cancel);
    connect(m_explainPanel, &ExplainPanel::lineActivated, this, [this](qint64 line) {
        showLogPage();
        m_logView->goToLine(line);
    });

    connect(m_stack, &QStackedWidget::currentChanged, this, [this] {
        setSideDocksAside(isLabelPageShown() || isTrainingPageShown() || isAdaptersPageShown() || isReviewPageShown());
        setLabelDocksVisible(isLabelPageShown());
        updateTitle();
    });
    connect(m_trainingView, &TrainingView::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusMessageMs * 2); });
    connect(m_trainingView, &TrainingView::trainingActiveChanged, this, [this](bool active) {
        updateTitle();
        if (!active && m_closeAfterStop) {
            // The run has written its checkpoint and ended: the close the user asked for goes on.
            m_closeAfterStop = false;
            QTimer::singleShot(0, this, &QWidget::close);
        }
    });
    connect(m_trainingView, &TrainingView::runStarted, this, [this] { updateTitle(); });
    // A DPO or PPO run that ends registers an adapter (and may activate it).
    connect(m_trainingView, &TrainingView::runEnded, m_adaptersView, &AdaptersView::refresh);
    connect(m_trainingView, &TrainingView::runEnded, m_reviewView, &ReviewView::refreshModels);
    connect(m_reviewView, &ReviewView::openIncidentRequested, this, [this](qint64 id) {
        openIncident(id);
        if (m_shownIncident == id)
            showLogPage();
    });
    connect(m_adaptersView, &AdaptersView::activeAdapterChanged, this, [this] {
        if (m_store) {
            auto active = m_store->activeAdapter();
            if (active.ok())
                statusBar()->showMessage(active->has_value() ? tr("Explanations now use adapter %1").arg((*active)->name)
                                                              : tr("Explanations now use the base model"),
                                         kStatusMessageMs);
        }
    });
    connect(m_labelView, &LabelView::voted, this, [this] {
        m_progressPanel->refresh(); // coalesced by the panel
        if (++m_votesSinceQuality >= kQualityRefreshVotes && m_qualityDock->isVisible()) {
            m_votesSinceQuality = 0;
            m_qualityPanel->refresh();
        }
    });
    connect(m_labelView, &LabelView::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusMessageMs * 2); });
    connect(m_guidelinesPanel, &GuidelinesPanel::versionChanged, m_labelView, &LabelView::setGuidelineVersion);
    connect(m_qualityDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_labelView->isStarted()) {
            m_votesSinceQuality = 0;
            m_qualityPanel->refresh();
        }
    });

    connect(m_demoJob, &DemoProjectJob::finished, this, [this](const QString &path) { openProject(path); });
    connect(m_demoJob, &DemoProjectJob::failed, this,
            [this](const QString &message) { showError(tr("Cannot build the demo project"), message); });
}

void MainWindow::showLogPage()
{
    m_stack->setCurrentWidget(m_splitter);
}

void MainWindow::updateLevelSummary()
{
    const LogFile *file = m_logView->logFile();
    if (!file) {
        m_levelLabel->clear();
        return;
    }
    const LevelCounts counts = file->levelCounts();
    const qint64 errors = counts[int(LogLevel::Error)] + counts[int(LogLevel::Fatal)];
    const qint64 warnings = counts[int(LogLevel::Warn)];
    m_levelLabel->setText(tr("<span style='color:#dc2626'>● %1 errors</span>&nbsp;&nbsp;"
                             "<span style='color:#b7791f'>● %2 warnings</span>")
                              .arg(QLocale().toString(errors), QLocale().toString(warnings)));
}

void MainWindow::rebuildRecentMenu()
{
    const QStringList files = m_recent->files();
    for (QMenu *menu : {m_recentMenu, m_welcomeRecentMenu}) {
        if (!menu)
            continue;
        menu->clear();
        int n = 0;
        for (const QString &path : files) {
            ++n;
            // Alt+1..9 and 0 pick an entry from the open menu.
            const QString text = n <= 10 ? QStringLiteral("&%1  %2").arg(n % 10).arg(QFileInfo(path).fileName())
                                         : QFileInfo(path).fileName();
            QAction *a = menu->addAction(isProjectFile(path) ? icon(IconId::Project) : icon(IconId::Log), text);
            a->setToolTip(path);
            a->setStatusTip(path);
            connect(a, &QAction::triggered, this, [this, path] { openPath(path); });
        }
        if (files.isEmpty()) {
            menu->addAction(tr("No recent files"))->setEnabled(false);
        } else {
            menu->addSeparator();
            menu->addAction(tr("&Clear List"), m_recent, &RecentFiles::clear);
        }
        menu->setEnabled(true);
    }
}

void MainWindow::restoreWindowState()
{
    if (!restoreGeometry(m_settings.value(kGeometryKey).toByteArray()))
        resize(1280, 820);
    restoreState(m_settings.value(kStateKey).toByteArray());
    if (!m_splitter->restoreState(m_settings.value(kSplitterKey).toByteArray()))
        m_splitter->setSizes({560, 200});
}

void MainWindow::saveWindowState()
{
    m_settings.setValue(kGeometryKey, saveGeometry());
    // Saved as the log page has them: the label page's dock arrangement is its own.
    if (m_labelDocksShown)
        setLabelDocksVisible(false);
    setSideDocksAside(false);
    m_settings.setValue(kStateKey, saveState());
    m_settings.setValue(kSplitterKey, m_splitter->saveState());
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_trainingView->isTraining()) {
        event->ignore();
        if (m_closeAfterStop || askToStopTraining()) {
            m_closeAfterStop = true;
            m_trainingView->stopTraining();
            statusBar()->showMessage(tr("Stopping the run: writing its checkpoint, then closing…"));
        }
        return;
    }
    saveWindowState();
    QMainWindow::closeEvent(event);
    if (m_restartRequested && event->isAccepted()) {
        m_restartRequested = false;
        // The same program and arguments; the environment (threads) is inherited, the settings
        // are read anew.
        if (m_restart)
            m_restart();
        else
            QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
    }
}

bool MainWindow::askToStopTraining()
{
    if (m_closeWhileTraining)
        return m_closeWhileTraining() == CloseWhileTraining::StopAndQuit;
    QMessageBox box(QMessageBox::Question, tr("A run is training"), tr("A training run is still going. Stop it and quit?"),
                    QMessageBox::NoButton, this);
    box.setInformativeText(tr("Stopping writes a checkpoint first (a few seconds); the run can be resumed later from the "
                              "Training page."));
    QPushButton *stop = box.addButton(tr("Stop and Quit"), QMessageBox::AcceptRole);
    QPushButton *keep = box.addButton(tr("Keep Training"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.setObjectName(QStringLiteral("stopTrainingDialog"));
    box.exec();
    return box.clickedButton() == stop;
}

void MainWindow::updateTitle()
{
    QStringList parts;
    if (!m_logName.isEmpty())
        parts << m_logName;
    if (m_store)
        parts << QFileInfo(m_store->path()).fileName();
    if (isLabelPageShown() && m_labelView->session())
        parts << tr("labeling as %1").arg(m_labelView->session()->annotator().name);
    if (m_trainingView->isTraining())
        parts << (m_trainingView->controller()->runId() > 0 ? tr("training run %1").arg(m_trainingView->controller()->runId())
                                                             : tr("training"));
    parts << tr("RLHF Log Lab");
    setWindowTitle(parts.join(QStringLiteral(" — ")));
}

void MainWindow::showError(const QString &title, const QString &message)
{
    statusBar()->showMessage(title, kStatusMessageMs);
    QMessageBox box(QMessageBox::Warning, title, title, QMessageBox::Ok, this);
    box.setInformativeText(message);
    box.setObjectName(QStringLiteral("errorDialog"));
    box.exec();
}

bool MainWindow::isProjectFile(const QString &path)
{
    static const QStringList kProjectSuffixes = {QStringLiteral("lab"), QStringLiteral("db"), QStringLiteral("sqlite"),
                                                 QStringLiteral("sqlite3")};
    const QFileInfo info(path);
    return kProjectSuffixes.contains(info.suffix().toLower()) || (info.isFile() && hasSqliteHeader(path));
}

bool MainWindow::openPath(const QString &path)
{
    return isProjectFile(path) ? openProject(path) : openLog(path);
}

bool MainWindow::openLog(const QString &path)
{
    const Status status = m_logView->openFile(path);
    if (status) {
        m_shownIncident = 0;
        m_logView->textView()->setFocus();
    }
    if (!status) {
        if (!QFileInfo::exists(path))
            m_recent->remove(path);
        showError(tr("Cannot open the log"), status.error());
        return false;
    }
    m_recent->add(path);
    m_settings.setValue(kLastDirKey, QFileInfo(path).absolutePath());
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), kStatusMessageMs);
    return true;
}

bool MainWindow::openProject(const QString &path)
{
    if (!QFileInfo(path).isFile()) {
        m_recent->remove(path);
        showError(tr("Cannot open the project"), tr("%1 does not exist or is not a file.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    if (m_trainingView->isTraining()) {
        // A run writes into its own project until it ends.
        showError(tr("Cannot open another project now"), tr("A run is training on this project. Stop it first (Training ▸ Stop)."));
        return false;
    }
    auto store = Store::open(path);
    if (!store) {
        showError(tr("Cannot open the project"), store.error());
        return false;
    }
    stopLabeling(); // a session belongs to the project it was started on
    m_store = *store;
    m_labelAction->setEnabled(true);
    m_switchAnnotatorAction->setEnabled(true);
    m_trainAction->setEnabled(true);
    m_trainingView->setStore(m_store);
    m_adaptersAction->setEnabled(true);
    m_adaptersView->setStore(m_store);
    m_reviewAction->setEnabled(true);
    m_reviewView->setStore(m_store);
    m_incidentList->setStore(m_store);
    m_incidentDock->show();
    m_recent->add(path);
    m_settings.setValue(kLastProjectKey, QFileInfo(path).absoluteFilePath());
    m_settings.setValue(kLastDirKey, QFileInfo(path).absolutePath());
    if (!m_logView->logFile())
        showLogPage();
    updateTitle();
    statusBar()->showMessage(tr("Opened project %1").arg(QDir::toNativeSeparators(path)), kStatusMessageMs);
    return true;
}

void MainWindow::openIncident(qint64 id)
{
    if (!m_store || id <= 0 || id == m_shownIncident)
        return;
    auto log = m_store->logFor(id);
    if (!log) {
        statusBar()->showMessage(log.error(), kStatusMessageMs * 2);
        return;
    }
    const QString name = log->name.isEmpty() ? tr("Incident %1").arg(id) : log->name;
    const Status status = m_logView->openData(log->content.toUtf8(), name);
    if (!status) {
        showError(tr("Cannot show the incident's log"), status.error());
        return;
    }
    m_shownIncident = id;
}

void MainWindow::openInitial(const QStringList &paths, bool demo)
{
    bool openedLog = false;
    for (const QString &path : paths) {
        // One log at a time: the last log named wins, every project is opened.
        if (isProjectFile(path))
            openProject(path);
        else if (!openedLog)
            openedLog = openLog(path);
    }
    if (paths.isEmpty() && !demo && m_appSettings.reopenLastProject) {
        const QString last = m_settings.value(kLastProjectKey).toString();
        if (!last.isEmpty() && QFileInfo(last).isFile())
            openProject(last);
    }
    if (!m_logView->logFile() && !m_store)
        m_stack->setCurrentWidget(m_welcome);
    if (demo) {
        // A demo start shows an incident's log at once rather than an empty pane: the first
        // incident is selected (which opens it) when the list has loaded, unless a log is shown.
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(m_incidentList, &IncidentListView::loaded, this, [this, connection](qint64 incidents) {
            if (!m_store || m_store->path() != DemoProjectJob::defaultPath(m_appSettings.dataDir))
                return; // another project named on the command line loaded first
            disconnect(*connection);
            if (incidents > 0 && !m_logView->logFile())
                m_incidentList->table()->selectRow(0);
        });
        openDemoProject();
    }
}

static QString lastDirectory(QSettings &settings)
{
    return settings.value(kLastDirKey).toString();
}

void MainWindow::showOpenLogDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Log"), lastDirectory(m_settings),
        tr("Logs (*.log *.txt *.out *.err *.json *.jsonl *.csv);;All files (*)"));
    if (!path.isEmpty())
        openLog(path);
}

void MainWindow::showOpenProjectDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), lastDirectory(m_settings),
                                                      tr("Lab projects (*.lab *.db *.sqlite *.sqlite3);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::openDemoProject()
{
    const QString path = DemoProjectJob::defaultPath(m_appSettings.dataDir);
    if (QFileInfo(path).isFile()) {
        openProject(path);
        return;
    }
    if (m_demoJob->isRunning())
        return;
    auto *dialog = new QProgressDialog(tr("Building the demo project…"), tr("Cancel"), 0, 100, this);
    dialog->setWindowTitle(tr("Demo Project"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal); // the event loop keeps running: the window repaints
    dialog->setMinimumDuration(0);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    connect(m_demoJob, &DemoProjectJob::progress, dialog, &QProgressDialog::setValue);
    connect(dialog, &QProgressDialog::canceled, m_demoJob, &DemoProjectJob::cancel);
    connect(m_demoJob, &DemoProjectJob::cancelled, dialog, &QWidget::close);
    connect(m_demoJob, &DemoProjectJob::finished, dialog, &QWidget::close);
    connect(m_demoJob, &DemoProjectJob::failed, dialog, &QWidget::close);
    dialog->show();
    m_demoJob->start(path);
}

void MainWindow::runFullDemo()
{
    DemoSettings demo = DemoSettings::full();
    demo.device = m_appSettings.device;
    auto *dialog = new DemoRunDialog(DemoRunDialog::newProjectPath(m_appSettings.dataDir), QString(), demo, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DemoRunDialog::projectReady, this, [this](const QString &path) { openProject(path); });
    dialog->open();
    dialog->start();
}

void MainWindow::explainLog(bool newSeed)
{
    if (!m_logView->logFile())
        return;
    ExplainRequest request;
    request.modelDir = m_appSettings.effectiveModelDir();
    request.settings.device = m_appSettings.device;
    if (m_store) {
        // The project's active adapter is what the lab has aligned the model to; use it.
        auto active = m_store->activeAdapter();
        if (active && active->has_value()) {
            request.adapterDir = (*active)->path;
            request.adapterName = (*active)->name;
        }
    }
    request.log = m_logView->sharedLogFile();
    if (newSeed)
        m_explainSeed = QRandomGenerator::global()->generate64();
    request.settings.seed = m_explainSeed;
    if (!m_explainDock->isVisible() && m_explainDock->width() < kExplainDockWidth) {
        m_explainDock->show();
        // Wide enough for a paragraph and the digest's lines; the user's width is kept otherwise.
        resizeDocks({m_explainDock}, {std::max(kExplainDockWidth, width() / 3)}, Qt::Horizontal);
    }
    m_explainDock->show();
    m_explainDock->raise();
    const QString model = QFileInfo(request.modelDir).fileName();
    m_explainPanel->showBusy(request.adapterName.isEmpty() ? model : tr("%1 + %2").arg(model, request.adapterName));
    m_explainJob->start(request);
}

QString MainWindow::annotatorKey() const
{
    // Per project: the same person may label under different names in different projects.
    return QStringLiteral("label/annotator/") + QString::fromLatin1(QFileInfo(m_store->path()).absoluteFilePath().toUtf8().toBase64(
                                                                       QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool MainWindow::startLabeling(bool chooseAnnotator)
{
    if (!m_store)
        return false;
    if (!chooseAnnotator && m_labelView->isStarted() && m_labelView->session()->store() == m_store) {
        m_stack->setCurrentWidget(m_labelView);
        m_labelView->setFocus(Qt::ShortcutFocusReason);
        return true;
    }
    std::optional<AnnotatorRecord> annotator;
    if (!chooseAnnotator) {
        const QString last = m_settings.value(annotatorKey()).toString();
        if (!last.isEmpty()) {
            auto found = m_store->annotatorByName(last);
            if (found.ok() && found->has_value() && (*found)->kind == QLatin1String(kAnnotatorHuman))
                annotator = **found;
        }
    }
    if (!annotator && !chooseAnnotator)
        annotator = profileAnnotator();
    if (!annotator)
        annotator = AnnotatorDialog::choose(m_store, this);
    if (!annotator)
        return false;
    m_settings.setValue(annotatorKey(), annotator->name);

    m_guidelinesPanel->setStore(m_store, annotator->name);
    m_progressPanel->setStore(m_store);
    m_qualityPanel->setStore(m_store);
    m_labelView->setGuidelineVersion(m_guidelinesPanel->currentVersion());
    m_labelView->start(m_store, *annotator);
    m_votesSinceQuality = 0;
    m_stack->setCurrentWidget(m_labelView);
    m_labelView->setFocus(Qt::ShortcutFocusReason);
    updateTitle();
    statusBar()->showMessage(tr("Labeling as %1: 1 A better, 2 B better, 3 tie, 4 both bad, Space skip, Ctrl+Z undo")
                                 .arg(annotator->name),
                             kStatusMessageMs * 2);
    return true;
}

bool MainWindow::showTraining()
{
    if (!m_store)
        return false;
    m_stack->setCurrentWidget(m_trainingView);
    m_trainingView->setFocus(Qt::ShortcutFocusReason);
    return true;
}

bool MainWindow::showAdapters()
{
    if (!m_store)
        return false;
    m_adaptersView->refresh();
    m_stack->setCurrentWidget(m_adaptersView);
    m_adaptersView->table()->setFocus(Qt::ShortcutFocusReason);
    return true;
}

bool MainWindow::showReview()
{
    if (!m_store)
        return false;
    m_reviewView->refreshModels();
    m_stack->setCurrentWidget(m_reviewView);
    m_reviewView->setFocus(Qt::ShortcutFocusReason);
    return true;
}

bool MainWindow::pasteLog(const QString &text)
{
    const QString log = text.isEmpty() ? QGuiApplication::clipboard()->text() : text;
    if (log.trimmed().isEmpty()) {
        statusBar()->showMessage(tr("The clipboard holds no text to open as a log"), kStatusMessageMs);
        return false;
    }
    const Status status = m_logView->openData(log.toUtf8(), tr("Pasted log"));
    if (!status) {
        showError(tr("Cannot open the pasted log"), status.error());
        return false;
    }
    m_shownIncident = 0;
    m_logView->textView()->setFocus();
    statusBar()->showMessage(tr("Pasted %n line(s); press Ctrl+E to explain them", nullptr, int(log.count(QLatin1Char('\n')) + 1)),
                             kStatusMessageMs);
    return true;
}

void MainWindow::stopLabeling()
{
    if (!m_labelView->isStarted())
        return;
    const bool shown = isLabelPageShown();
    m_labelView->stop();
    if (shown)
        m_stack->setCurrentWidget(m_logView->logFile() || m_store ? static_cast<QWidget *>(m_splitter) : m_welcome);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(m_runtime, m_appSettings.effectiveDataDir(), m_settings.fileName(), this);
    dialog.exec();
}

void MainWindow::offerModelFolder(const QString &dir)
{
    // A dropped folder that holds a model (a Hugging Face Llama checkpoint, or another lab-tiny)
    // can become the base model; anything else is said to be neither a log nor a model.
    const QString native = QDir::toNativeSeparators(dir);
    if (!QFileInfo(dir + QStringLiteral("/config.json")).isFile() || !QFileInfo(dir + QStringLiteral("/tokenizer.model")).isFile()) {
        showError(tr("Cannot open a folder"), tr("%1 is a folder. Drop a log, a project file, or a model folder "
                                                 "(config.json, safetensors and tokenizer.model).")
                                                  .arg(native));
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Use this model?"),
                    tr("Use the model in %1 to explain logs, train adapters and evaluate them?").arg(native),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("useModelDialog"));
    box.setInformativeText(tr("Settings ▸ Model goes back to the bundled model."));
    if (box.exec() != QMessageBox::Yes)
        return;
    AppSettings settings = m_appSettings;
    settings.modelDir = dir;
    applySettings(settings);
    statusBar()->showMessage(tr("Base model: %1").arg(native), kStatusMessageMs);
}

std::optional<AnnotatorRecord> MainWindow::profileAnnotator()
{
    // The name from the settings signs this user's votes in a project they have not labeled yet;
    // a simulated annotator of that name is never taken over.
    if (m_appSettings.annotatorName.isEmpty())
        return std::nullopt;
    auto existing = m_store->annotatorByName(m_appSettings.annotatorName);
    if (!existing.ok())
        return std::nullopt;
    if (existing->has_value())
        return (*existing)->kind == QLatin1String(kAnnotatorHuman) ? std::optional<AnnotatorRecord>(**existing) : std::nullopt;
    auto created = m_store->ensureAnnotator(m_appSettings.annotatorName, QString(kAnnotatorHuman));
    if (!created.ok()) {
        statusBar()->showMessage(created.error(), kStatusMessageMs * 2);
        return std::nullopt;
    }
    return *created;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    // Text dragged from a terminal or a browser is a log to explain, like a pasted one.
    if (!event->mimeData()->hasUrls() && event->mimeData()->hasText()) {
        event->acceptProposedAction();
        return;
    }
    if (event->mimeData()->hasUrls()) {
        for (const QUrl &url : event->mimeData()->urls()) {
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (paths.isEmpty() && !event->mimeData()->hasUrls() && event->mimeData()->hasText()) {
        event->acceptProposedAction();
        const QString text = event->mimeData()->text();
        QTimer::singleShot(0, this, [this, text] { pasteLog(text); });
        return;
    }
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // Let the drag finish before a possible error dialog opens.
    QTimer::singleShot(0, this, [this, paths] {
        bool openedLog = false;
        for (const QString &path : paths) {
            if (QFileInfo(path).isDir()) {
                offerModelFolder(path);
                continue;
            }
            if (isProjectFile(path))
                openProject(path);
            else if (!openedLog)
                openedLog = openLog(path);
        }
    });
}

} // namespace lab
