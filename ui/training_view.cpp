#include "ui/training_view.h"

#include "core/store/store.h"
#include "ui/run_table_model.h"
#include "ui/training_chart.h"
#include "ui/training_charts.h"
#include "ui/training_form.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>

namespace lab {

namespace {

constexpr int kMaxLogLines = 5000;

QString durationWords(double seconds)
{
    const qint64 s = qint64(seconds + 0.5);
    if (s < 60)
        return TrainingView::tr("%n s", nullptr, int(s));
    if (s < 3600)
        return TrainingView::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return TrainingView::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

// A run's resolved settings: RunSession records {"settings": {...}, "votes": {...}, "model_dir"...};
// only the keys the trainer knows now are kept, so an older run's settings still resolve.
QJsonObject settingsOf(const RunRecord &run)
{
    const QJsonObject recorded = run.config.value(QStringLiteral("settings")).toObject();
    QJsonObject config;
    for (const TrainParam &p : trainParams(run.kind))
        if (recorded.contains(p.key))
            config.insert(p.key, recorded.value(p.key));
    return config;
}

VoteSelection votesOf(const RunRecord &run)
{
    auto votes = VoteSelection::fromJson(run.config.value(QStringLiteral("votes")).toObject());
    return votes.ok() ? *votes : VoteSelection{};
}

} // namespace

TrainingView::TrainingView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("trainingView"));
    m_controller = new TrainingController(this);
    m_runModel = new RunTableModel(this);
    createActions();

    m_charts = new TrainingCharts(this);
    m_charts->setObjectName(QStringLiteral("trainingCharts"));
    connect(m_charts, &TrainingCharts::exportChartRequested, this, [this](TrainingChart *chart) {
        const QString name = chart->title().toLower().replace(QLatin1Char(' '), QLatin1Char('-')).replace(QLatin1Char('/'), QLatin1Char('-'));
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Chart"),
                                                          QDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)).filePath(name + QStringLiteral(".png")),
                                                          tr("PNG pictures (*.png)"));
        if (path.isEmpty())
            return;
        const Status status = TrainingCharts::exportChartPng(chart, path);
        Q_EMIT message(status ? tr("Saved %1").arg(QDir::toNativeSeparators(path)) : status.error());
    });

    auto *chartsBar = new QHBoxLayout;
    auto *chartsTitle = new QLabel(tr("<b>Metrics</b>"), this);
    chartsBar->addWidget(chartsTitle);
    chartsBar->addStretch(1);
    for (QAction *a : {m_exportCsvAction, m_exportPngAction}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(true);
        chartsBar->addWidget(button);
    }
    auto *chartsPanel = new QWidget(this);
    auto *chartsLayout = new QVBoxLayout(chartsPanel);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addLayout(chartsBar);
    chartsLayout->addWidget(m_charts, 1);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->setObjectName(QStringLiteral("trainingBottomSplitter"));
    bottom->addWidget(createRunsPanel());
    bottom->addWidget(createEventsPanel());
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setChildrenCollapsible(false);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->setObjectName(QStringLiteral("trainingRightSplitter"));
    right->addWidget(chartsPanel);
    right->addWidget(bottom);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setChildrenCollapsible(false);

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("trainingSplitter"));
    m_mainSplitter->addWidget(createSettingsColumn());
    m_mainSplitter->addWidget(right);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->setSizes({380, 1000});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(createTopBar());
    layout->addWidget(m_mainSplitter, 1);

    connect(m_controller, &TrainingController::stateChanged, this, [this](TrainingController::State state) {
        switch (state) {
        case TrainingController::State::Running:
            m_stateLabel->setText(tr("Training"));
            break;
        case TrainingController::State::Pausing:
            m_stateLabel->setText(tr("Pausing after this step…"));
            break;
        case TrainingController::State::Paused:
            m_stateLabel->setText(tr("Paused"));
            appendEvent(TrainEventLevel::Info, -1, tr("Paused: the run waits between two steps. Resume continues it."));
            break;
        case TrainingController::State::Stopping:
            m_stateLabel->setText(tr("Stopping: writing a checkpoint…"));
            break;
        case TrainingController::State::Idle:
            break;
        }
        updateActions();
    });
    connect(m_controller, &TrainingController::started, this, [this](qint64 runId) {
        appendEvent(TrainEventLevel::Info, -1, tr("Run %1 started").arg(runId));
        refreshRuns();
        selectRunRow(runId);
        Q_EMIT runStarted(runId);
    });
    connect(m_controller, &TrainingController::progress, this, &TrainingView::onProgress);
    connect(m_controller, &TrainingController::metrics, this, [this](const QVector<MetricPoint> &points) {
        m_charts->addPoints(points);
        const QString key = RunTableModel::keyMetric(m_controller->job().kind);
        for (const MetricPoint &p : points)
            if (p.name == key)
                m_runModel->setLiveMetric(m_controller->runId(), p.name, p.value);
    });
    connect(m_controller, &TrainingController::event, this,
            [this](int level, qint64 step, const QString &text) { appendEvent(TrainEventLevel(level), step, text); });
    connect(m_controller, &TrainingController::finished, this, &TrainingView::onFinished);
    connect(m_controller, &TrainingController::failed, this, &TrainingView::onFailed);

    setKind(QString(kRunReward));
    updateActions();
}

TrainingView::~TrainingView() = default;

void TrainingView::createActions()
{
    // Window-wide keys that no other page uses (the Adapters view has Ctrl+Return, Ctrl+Z and F5
    // while it has focus; two actions on one key would make Qt fire neither).
    auto make = [this](const QString &text, QStyle::StandardPixmap pixmap, const QKeySequence &key, const QString &tip,
                       const char *name) {
        auto *a = new QAction(style()->standardIcon(pixmap), text, this);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')), key.toString(QKeySequence::NativeText)));
        a->setStatusTip(tip);
        addAction(a);
        return a;
    };
    m_startAction = make(tr("&Start"), QStyle::SP_MediaPlay, QKeySequence(Qt::Key_F9),
                         tr("Start a new run with these settings"), "startTrainingAction");
    m_pauseAction = make(tr("&Pause"), QStyle::SP_MediaPause, QKeySequence(Qt::CTRL | Qt::Key_P),
                         tr("Hold the run between two steps (nothing is lost)"), "pauseTrainingAction");
    m_resumeAction = make(tr("&Resume"), QStyle::SP_MediaSeekForward, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                          tr("Continue the paused run, or the selected stopped run from its last checkpoint"),
                          "resumeTrainingAction");
    m_stopAction = make(tr("S&top"), QStyle::SP_MediaStop, QKeySequence(Qt::CTRL | Qt::Key_Period),
                        tr("End the run after this step; a checkpoint is written and it can be resumed"), "stopTrainingAction");
    connect(m_startAction, &QAction::triggered, this, &TrainingView::startTraining);
    connect(m_pauseAction, &QAction::triggered, this, &TrainingView::pauseTraining);
    connect(m_resumeAction, &QAction::triggered, this, &TrainingView::resumeTraining);
    connect(m_stopAction, &QAction::triggered, this, &TrainingView::stopTraining);

    m_exportCsvAction = new QAction(tr("Export CSV…"), this);
    m_exportCsvAction->setObjectName(QStringLiteral("exportCsvAction"));
    m_exportCsvAction->setToolTip(tr("Save every point of every metric of this run as step,name,value"));
    connect(m_exportCsvAction, &QAction::triggered, this, &TrainingView::exportCsvDialog);
    m_exportPngAction = new QAction(tr("Export PNG…"), this);
    m_exportPngAction->setObjectName(QStringLiteral("exportPngAction"));
    m_exportPngAction->setToolTip(tr("Save all charts as one picture (right-click a chart to save only that one)"));
    connect(m_exportPngAction, &QAction::triggered, this, &TrainingView::exportPngDialog);
}

QWidget *TrainingView::createTopBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 4);
    auto *kindLabel = new QLabel(tr("&Trainer:"), bar);
    m_kindBox = new QComboBox(bar);
    m_kindBox->setObjectName(QStringLiteral("trainKindBox"));
    kindLabel->setBuddy(m_kindBox);
    for (const QString &kind : trainKinds())
        m_kindBox->addItem(RunTableModel::kindText(kind), kind);
    m_kindBox->setItemData(0, tr("Learns to score explanations the way the votes do (needed by PPO)"), Qt::ToolTipRole);
    if (m_kindBox->count() > 2) {
        m_kindBox->setItemData(1, tr("Direct preference optimisation: trains a LoRA adapter on the voted pairs"), Qt::ToolTipRole);
        m_kindBox->setItemData(2, tr("Reinforcement learning against the reward model, with a KL leash to the base model"),
                               Qt::ToolTipRole);
    }
    connect(m_kindBox, &QComboBox::currentIndexChanged, this, [this] {
        setFormForKind(kind());
        m_shownRun = 0;
        m_shownBanner->hide();
        m_form->setReadOnly(false);
        updateActions();
    });
    row->addWidget(kindLabel);
    row->addWidget(m_kindBox);
    row->addSpacing(8);
    for (QAction *a : {m_startAction, m_pauseAction, m_resumeAction, m_stopAction}) {
        auto *button = new QToolButton(bar);
        button->setDefaultAction(a);
        button->setObjectName(a->objectName().replace(QStringLiteral("Action"), QStringLiteral("Button")));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        row->addWidget(button);
    }
    row->addSpacing(12);
    m_progress = new QProgressBar(bar);
    m_progress->setObjectName(QStringLiteral("trainingProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false); // "step 0 of 1" would say something untrue
    m_progress->setFormat(tr("step %v of %m"));
    m_progress->setMinimumWidth(200);
    row->addWidget(m_progress, 1);
    m_etaLabel = new QLabel(bar);
    m_etaLabel->setObjectName(QStringLiteral("trainingEta"));
    m_etaLabel->setMinimumWidth(240);
    row->addWidget(m_etaLabel);
    m_stateLabel = new QLabel(bar);
    m_stateLabel->setObjectName(QStringLiteral("trainingState"));
    m_stateLabel->setStyleSheet(QStringLiteral("color: #4b5563;"));
    row->addWidget(m_stateLabel);
    return bar;
}

QWidget *TrainingView::createSettingsColumn()
{
    auto *column = new QWidget(this);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 4, 0);

    m_shownBanner = new QWidget(column);
    m_shownBanner->setObjectName(QStringLiteral("shownRunBanner"));
    m_shownBanner->setStyleSheet(QStringLiteral("#shownRunBanner { background: #eef2ff; border: 1px solid #c7d2fe; border-radius: 4px; }"));
    auto *bannerLayout = new QVBoxLayout(m_shownBanner);
    bannerLayout->setContentsMargins(8, 6, 8, 6);
    m_shownLabel = new QLabel(m_shownBanner);
    m_shownLabel->setWordWrap(true);
    auto *bannerButtons = new QHBoxLayout;
    auto *useButton = new QPushButton(tr("Use these settings"), m_shownBanner);
    useButton->setObjectName(QStringLiteral("useSettingsButton"));
    useButton->setToolTip(tr("Start from this run's settings for a new run"));
    connect(useButton, &QPushButton::clicked, this, &TrainingView::useShownSettings);
    auto *newButton = new QPushButton(tr("New run"), m_shownBanner);
    newButton->setObjectName(QStringLiteral("newRunButton"));
    newButton->setToolTip(tr("Back to a new run with the trainer's defaults"));
    connect(newButton, &QPushButton::clicked, this, &TrainingView::newRun);
    bannerButtons->addWidget(useButton);
    bannerButtons->addWidget(newButton);
    bannerButtons->addStretch(1);
    bannerLayout->addWidget(m_shownLabel);
    bannerLayout->addLayout(bannerButtons);
    m_shownBanner->hide();
    layout->addWidget(m_shownBanner);

    auto *settingsBox = new QGroupBox(tr("Settings"), column);
    auto *settingsLayout = new QVBoxLayout(settingsBox);
    m_form = new TrainingForm(settingsBox);
    m_form->setObjectName(QStringLiteral("trainingForm"));
    auto *scroll = new QScrollArea(settingsBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_form);
    settingsLayout->addWidget(scroll);
    layout->addWidget(settingsBox, 1);

    auto *votesBox = new QGroupBox(tr("Votes to train on"), column);
    auto *votes = new QFormLayout(votesBox);
    m_byAnnotator = new QCheckBox(tr("Only votes by"), votesBox);
    m_byAnnotator->setObjectName(QStringLiteral("byAnnotatorCheck"));
    m_annotatorBox = new QComboBox(votesBox);
    m_annotatorBox->setObjectName(QStringLiteral("annotatorBox"));
    m_annotatorBox->setEnabled(false);
    m_annotatorBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_annotatorBox->setMinimumContentsLength(12);
    connect(m_byAnnotator, &QCheckBox::toggled, m_annotatorBox, &QWidget::setEnabled);
    m_sinceCheck = new QCheckBox(tr("Only votes since"), votesBox);
    m_sinceCheck->setObjectName(QStringLiteral("sinceCheck"));
    m_sinceEdit = new QDateTimeEdit(QDateTime::currentDateTime().addDays(-7), votesBox);
    m_sinceEdit->setObjectName(QStringLiteral("sinceEdit"));
    m_sinceEdit->setCalendarPopup(true);
    m_sinceEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_sinceEdit->setEnabled(false);
    connect(m_sinceCheck, &QCheckBox::toggled, m_sinceEdit, &QWidget::setEnabled);
    votes->addRow(m_byAnnotator, m_annotatorBox);
    votes->addRow(m_sinceCheck, m_sinceEdit);
    auto *votesHint = new QLabel(tr("Neither: every A/B vote. Ties, both-bad and skips never make a pair."), votesBox);
    votesHint->setWordWrap(true);
    votesHint->setStyleSheet(QStringLiteral("color: #6b7280;"));
    votes->addRow(votesHint);
    votesBox->setToolTip(tr("Which votes make the training pairs: everyone's, one annotator's, or only recent ones"));
    layout->addWidget(votesBox);
    column->setMinimumWidth(330);
    return column;
}

QWidget *TrainingView::createRunsPanel()
{
    auto *box = new QGroupBox(tr("Runs"), this);
    auto *layout = new QVBoxLayout(box);
    m_runTable = new QTableView(box);
    m_runTable->setObjectName(QStringLiteral("runTable"));
    m_runTable->setModel(m_runModel);
    m_runTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runTable->setAlternatingRowColors(true);
    m_runTable->setWordWrap(false);
    m_runTable->verticalHeader()->hide();
    m_runTable->verticalHeader()->setDefaultSectionSize(m_runTable->fontMetrics().height() + 8);
    m_runTable->horizontalHeader()->setStretchLastSection(true);
    m_runTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int em = m_runTable->fontMetrics().averageCharWidth();
    const int widths[RunTableModel::ColumnCount] = {5, 12, 15, 16, 10, 11, 24, 10};
    for (int c = 0; c < RunTableModel::ColumnCount; ++c)
        m_runTable->setColumnWidth(c, widths[c] * em + 12);
    m_runTable->setToolTip(tr("Select a run to see its charts and settings"));
    connect(m_runTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TrainingView::onRunSelected);
    layout->addWidget(m_runTable);
    return box;
}

QWidget *TrainingView::createEventsPanel()
{
    auto *box = new QGroupBox(tr("Events"), this);
    auto *layout = new QVBoxLayout(box);
    m_log = new QPlainTextEdit(box);
    m_log->setObjectName(QStringLiteral("trainingEventLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kMaxLogLines);
    m_log->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_log->setPlaceholderText(tr("Stages, checkpoints, evaluations and guard trips of the run appear here."));
    layout->addWidget(m_log);
    return box;
}

void TrainingView::setStore(std::shared_ptr<Store> store)
{
    if (isTraining())
        return; // the run belongs to the project it started on; MainWindow asks before switching
    m_store = std::move(store);
    m_runModel->setStore(m_store);
    m_charts->clear();
    m_shownRun = 0;
    m_lastEnded = 0;
    m_shownBanner->hide();
    m_form->setReadOnly(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false); // "step 0 of 1" would say something untrue
    m_etaLabel->clear();
    m_stateLabel->clear();
    loadAnnotators();
    updateActions();
}

void TrainingView::loadAnnotators()
{
    const QString current = m_annotatorBox->currentText();
    m_annotatorBox->clear();
    if (!m_store)
        return;
    auto annotators = m_store->annotators();
    if (!annotators) {
        appendEvent(TrainEventLevel::Warning, -1, annotators.error());
        return;
    }
    for (const AnnotatorRecord &a : *annotators)
        m_annotatorBox->addItem(a.name);
    const int index = m_annotatorBox->findText(current);
    if (index >= 0)
        m_annotatorBox->setCurrentIndex(index);
}

bool TrainingView::isTraining() const
{
    return m_controller->isActive();
}

QString TrainingView::kind() const
{
    return m_kindBox->currentData().toString();
}

void TrainingView::setKind(const QString &kind)
{
    const int index = m_kindBox->findData(kind);
    if (index < 0)
        return;
    if (index == m_kindBox->currentIndex() && !m_form->params().isEmpty())
        return;
    if (index != m_kindBox->currentIndex())
        m_kindBox->setCurrentIndex(index); // rebuilds the form
    else
        setFormForKind(kind);
}

void TrainingView::setFormForKind(const QString &kind)
{
    m_form->setParams(TrainingForm::withDefaults(trainParams(kind), m_trainingDefaults.value(kind)));
}

void TrainingView::setTrainingDefaults(const QHash<QString, QJsonObject> &defaults)
{
    if (defaults == m_trainingDefaults)
        return;
    m_trainingDefaults = defaults;
    if (m_shownRun == 0 && !isTraining() && !m_form->params().isEmpty())
        setFormForKind(kind()); // an idle new-run form: show the new defaults
}

VoteSelection TrainingView::voteSelection() const
{
    VoteSelection votes;
    if (m_byAnnotator->isChecked())
        votes.annotator = m_annotatorBox->currentText();
    if (m_sinceCheck->isChecked())
        votes.since = m_sinceEdit->dateTime().toUTC();
    return votes;
}

qint64 TrainingView::resumableRun() const
{
    auto resumable = [](const QString &status) {
        return status == QLatin1String(kRunStopped) || status == QLatin1String(kRunPaused);
    };
    if (m_shownRun > 0) {
        const int row = m_runModel->rowOf(m_shownRun);
        const RunRecord *run = m_runModel->runAt(row);
        return run && resumable(run->status) ? run->id : 0;
    }
    return m_lastEnded > 0 && resumable(m_lastEndedStatus) ? m_lastEnded : 0;
}

void TrainingView::updateActions()
{
    const TrainingController::State state = m_controller->state();
    const bool idle = state == TrainingController::State::Idle;
    m_startAction->setEnabled(idle && m_store && m_shownRun == 0);
    m_pauseAction->setEnabled(state == TrainingController::State::Running);
    m_resumeAction->setEnabled(state == TrainingController::State::Pausing || state == TrainingController::State::Paused
                               || (idle && m_store && resumableRun() > 0));
    m_stopAction->setEnabled(!idle && state != TrainingController::State::Stopping);
    m_kindBox->setEnabled(idle);
    m_form->setReadOnly(!idle || m_shownRun > 0);
    m_byAnnotator->setEnabled(idle && m_shownRun == 0);
    m_annotatorBox->setEnabled(idle && m_shownRun == 0 && m_byAnnotator->isChecked());
    m_sinceCheck->setEnabled(idle && m_shownRun == 0);
    m_sinceEdit->setEnabled(idle && m_shownRun == 0 && m_sinceCheck->isChecked());
    m_exportCsvAction->setEnabled(m_charts->totalPoints() > 0 || !idle || m_shownRun > 0);
    m_exportPngAction->setEnabled(m_exportCsvAction->isEnabled());
    if (!m_store)
        m_startAction->setToolTip(tr("Open a project with votes to train on"));
    else if (m_shownRun > 0)
        m_startAction->setToolTip(tr("Press \"Use these settings\" or \"New run\" first: the settings shown are run %1's").arg(m_shownRun));
    else
        m_startAction->setToolTip(tr("Start (%1)").arg(m_startAction->shortcut().toString(QKeySequence::NativeText)));
}

void TrainingView::startTraining()
{
    if (!m_store || isTraining() || m_shownRun > 0)
        return;
    TrainJob job;
    job.store = m_store;
    job.kind = kind();
    job.config = m_form->values();
    job.votes = voteSelection();
    job.modelDir = m_modelDir;
    job.device = m_device;
    startJob(job, tr("Starting %1 training on %2").arg(RunTableModel::kindText(job.kind), job.votes.describe()));
}

void TrainingView::startJob(TrainJob job, const QString &what)
{
    m_charts->clear();
    m_progress->setRange(0, std::max<qint64>(1, job.config.value(QStringLiteral("steps")).toInteger(1)));
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_etaLabel->setText(tr("loading the model and the votes…"));
    m_lastEnded = 0;
    appendEvent(TrainEventLevel::Info, -1, what);
    if (!m_controller->start(job))
        return;
    updateActions();
    Q_EMIT trainingActiveChanged(true);
}

void TrainingView::pauseTraining()
{
    m_controller->pause();
}

void TrainingView::resumeTraining()
{
    if (m_controller->state() == TrainingController::State::Pausing || m_controller->state() == TrainingController::State::Paused) {
        m_controller->resume();
        appendEvent(TrainEventLevel::Info, -1, tr("Resumed"));
        return;
    }
    const qint64 runId = resumableRun();
    if (!m_store || isTraining() || runId <= 0)
        return;
    auto run = m_store->run(runId);
    if (!run) {
        onFailed(run.error());
        return;
    }
    TrainJob job;
    job.store = m_store;
    job.kind = run->kind;
    job.config = settingsOf(*run);
    job.votes = votesOf(*run);
    // The model the run started from: a resumed run must continue on the same base.
    job.modelDir = m_modelDir.isEmpty() ? run->config.value(QStringLiteral("model_dir")).toString() : m_modelDir;
    job.resumeRunId = runId;
    job.device = m_device;
    // The charts continue the run's own history rather than start blank.
    auto points = m_store->metrics(runId);
    m_shownRun = 0;
    m_shownBanner->hide();
    setKind(run->kind);
    m_form->setValues(job.config);
    startJob(job, tr("Resuming run %1 from its last checkpoint").arg(runId));
    if (points.ok())
        m_charts->showPoints(*points);
}

void TrainingView::stopTraining()
{
    if (!isTraining())
        return;
    m_controller->stop();
    appendEvent(TrainEventLevel::Info, -1, tr("Stop asked: the run ends after this step and writes a checkpoint"));
}

void TrainingView::onProgress(qint64 step, qint64 steps, double seconds, double eta)
{
    m_progress->setRange(0, int(std::max<qint64>(1, steps)));
    m_progress->setValue(int(std::min(step, steps)));
    m_progress->setTextVisible(true);
    QString text = tr("%1 elapsed").arg(durationWords(seconds));
    if (eta >= 0)
        text += tr(" · about %1 left").arg(durationWords(eta));
    m_etaLabel->setText(text);
    m_runModel->setLiveProgress(m_controller->runId(), step, steps, seconds);
}

void TrainingView::onFinished(const TrainOutcome &outcome)
{
    m_charts->redraw();
    const QString status = outcome.status;
    TrainEventLevel level = TrainEventLevel::Info;
    QString text;
    if (status == QLatin1String(kRunFinished)) {
        text = tr("Run %1 finished after %2 steps in %3").arg(outcome.runId).arg(outcome.steps).arg(durationWords(outcome.seconds));
        if (!outcome.adapterName.isEmpty())
            text += outcome.activated ? tr("; adapter %1 is now active").arg(outcome.adapterName)
                                      : tr("; adapter %1 was saved").arg(outcome.adapterName);
        m_stateLabel->setText(tr("Finished"));
    } else if (status == QLatin1String(kRunStopped)) {
        text = tr("Run %1 stopped at step %2; a checkpoint was written, Resume continues it").arg(outcome.runId).arg(outcome.steps);
        m_stateLabel->setText(tr("Stopped"));
    } else if (status == QLatin1String(kRunPaused)) {
        level = TrainEventLevel::Error;
        text = tr("Run %1 paused by a guard at step %2: %3. Resume continues from the last checkpoint.")
                   .arg(outcome.runId)
                   .arg(outcome.steps)
                   .arg(outcome.message);
        m_stateLabel->setText(tr("Paused by a guard"));
    } else {
        level = TrainEventLevel::Error;
        text = tr("Run %1 failed: %2").arg(outcome.runId).arg(outcome.message);
        m_stateLabel->setText(tr("Failed"));
    }
    appendEvent(level, outcome.steps, text);
    m_lastEnded = outcome.runId;
    m_lastEndedStatus = status;
    m_etaLabel->setText(tr("%1 in all").arg(durationWords(outcome.seconds)));
    refreshRuns();
    selectRunRow(outcome.runId);
    updateActions();
    Q_EMIT message(text);
    Q_EMIT trainingActiveChanged(false);
    Q_EMIT runEnded(outcome);
}

void TrainingView::onFailed(const QString &text)
{
    appendEvent(TrainEventLevel::Error, -1, tr("Training could not run: %1").arg(text));
    m_stateLabel->setText(tr("Failed"));
    m_etaLabel->clear();
    refreshRuns();
    updateActions();
    Q_EMIT message(tr("Training could not run: %1").arg(text));
    Q_EMIT trainingActiveChanged(false);
    Q_EMIT runFailed(text);
}

void TrainingView::appendEvent(TrainEventLevel level, qint64 step, const QString &text)
{
    QString color = QStringLiteral("#1f2937");
    QString tag = tr("info");
    if (level == TrainEventLevel::Warning) {
        color = QStringLiteral("#c2410c");
        tag = tr("warning");
    } else if (level == TrainEventLevel::Error) {
        color = QStringLiteral("#dc2626");
        tag = tr("error");
    }
    const QString where = step >= 0 ? tr(" step %1").arg(step) : QString();
    m_log->appendHtml(QStringLiteral("<span style='color:#6b7280'>%1</span> <span style='color:%2'><b>%3</b>%4 %5</span>")
                          .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), color, tag, where.toHtmlEscaped(),
                               text.toHtmlEscaped()));
}

void TrainingView::refreshRuns()
{
    const qint64 selected = m_shownRun;
    m_selectingLive = true;
    const Status status = m_runModel->reload();
    if (selected > 0)
        selectRunRow(selected);
    m_selectingLive = false;
    if (!status)
        appendEvent(TrainEventLevel::Warning, -1, status.error());
    updateActions();
}

void TrainingView::selectRunRow(qint64 runId)
{
    const int row = m_runModel->rowOf(runId);
    if (row < 0)
        return;
    const bool was = m_selectingLive;
    m_selectingLive = true;
    m_runTable->selectRow(row);
    m_runTable->scrollTo(m_runModel->index(row, 0));
    m_selectingLive = was;
}

void TrainingView::onRunSelected()
{
    if (m_selectingLive)
        return;
    const QModelIndexList rows = m_runTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const qint64 runId = rows.first().data(RunTableModel::RunIdRole).toLongLong();
    if (isTraining()) {
        // The charts belong to the run in flight until it ends.
        if (runId != m_controller->runId()) {
            Q_EMIT message(tr("Run %1 is training; its charts stay shown until it ends").arg(m_controller->runId()));
            selectRunRow(m_controller->runId());
        }
        return;
    }
    showRun(runId);
}

void TrainingView::showRun(qint64 runId)
{
    if (!m_store || isTraining())
        return;
    auto run = m_store->run(runId);
    if (!run) {
        appendEvent(TrainEventLevel::Warning, -1, run.error());
        return;
    }
    auto points = m_store->metrics(runId);
    if (!points) {
        appendEvent(TrainEventLevel::Warning, -1, points.error());
        return;
    }
    m_shownRun = 0; // while the kind box changes
    {
        const QSignalBlocker block(m_kindBox);
        const int index = m_kindBox->findData(run->kind);
        if (index >= 0 && index != m_kindBox->currentIndex()) {
            m_kindBox->setCurrentIndex(index);
            setFormForKind(run->kind);
        }
    }
    m_form->setValues(settingsOf(*run));
    m_charts->showPoints(*points);
    m_shownRun = runId;
    const VoteSelection votes = votesOf(*run);
    m_shownLabel->setText(tr("Run %1 · %2 · %3 · %4 · %5 points")
                              .arg(runId)
                              .arg(RunTableModel::kindText(run->kind), RunTableModel::statusText(run->status), votes.describe())
                              .arg(QLocale().toString(points->size())));
    m_shownBanner->show();
    const qint64 steps = run->result.value(QStringLiteral("steps")).toInteger(0);
    const qint64 planned = settingsOf(*run).value(QStringLiteral("steps")).toInteger(steps);
    m_progress->setRange(0, int(std::max<qint64>(1, planned)));
    m_progress->setValue(int(std::min(steps, planned)));
    m_progress->setTextVisible(true);
    m_etaLabel->setText(run->result.contains(QStringLiteral("seconds"))
                            ? tr("%1 in all").arg(durationWords(run->result.value(QStringLiteral("seconds")).toDouble()))
                            : QString());
    m_stateLabel->setText(RunTableModel::statusText(run->status));
    updateActions();
}

void TrainingView::useShownSettings()
{
    m_shownRun = 0;
    m_shownBanner->hide();
    m_form->setReadOnly(false);
    updateActions();
}

void TrainingView::newRun()
{
    m_shownRun = 0;
    m_shownBanner->hide();
    m_form->restoreDefaults();
    m_charts->clear();
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false); // "step 0 of 1" would say something untrue
    m_etaLabel->clear();
    m_stateLabel->clear();
    m_runTable->clearSelection();
    updateActions();
}

Status TrainingView::exportCsv(const QString &path) const
{
    return m_charts->exportCsv(path);
}

Status TrainingView::exportPng(const QString &path) const
{
    return m_charts->exportPng(path);
}

void TrainingView::exportCsvDialog()
{
    const qint64 runId = isTraining() ? m_controller->runId() : (m_shownRun > 0 ? m_shownRun : m_lastEnded);
    const QString name = runId > 0 ? tr("run-%1-metrics.csv").arg(runId) : tr("metrics.csv");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Metrics"), QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const Status status = exportCsv(path);
    Q_EMIT message(status ? tr("Saved %1 points to %2").arg(QLocale().toString(m_charts->totalPoints()), QDir::toNativeSeparators(path))
                          : status.error());
}

void TrainingView::exportPngDialog()
{
    const qint64 runId = isTraining() ? m_controller->runId() : (m_shownRun > 0 ? m_shownRun : m_lastEnded);
    const QString name = runId > 0 ? tr("run-%1-charts.png").arg(runId) : tr("charts.png");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Charts"), QDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)).filePath(name),
        tr("PNG pictures (*.png)"));
    if (path.isEmpty())
        return;
    const Status status = exportPng(path);
    Q_EMIT message(status ? tr("Saved %1").arg(QDir::toNativeSeparators(path)) : status.error());
}

} // namespace lab
