#include "ui/demo_run_dialog.h"

#include "ui/app_settings.h"
#include "ui/demo_run_job.h"

#include <algorithm>

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace lab {

namespace {

QString stageTitle(const QString &id)
{
    if (id == QLatin1String("incidents"))
        return DemoRunDialog::tr("Synthetic incidents");
    if (id == QLatin1String("candidates"))
        return DemoRunDialog::tr("lab-tiny candidate pairs");
    if (id == QLatin1String("votes"))
        return DemoRunDialog::tr("Simulated votes");
    if (id == QLatin1String("reward"))
        return DemoRunDialog::tr("Reward model");
    if (id == QLatin1String("dpo"))
        return DemoRunDialog::tr("DPO adapter");
    if (id == QLatin1String("ppo"))
        return DemoRunDialog::tr("PPO adapter");
    if (id == QLatin1String("evaluation"))
        return DemoRunDialog::tr("Evaluation: base, DPO, PPO");
    if (id == QLatin1String("report"))
        return DemoRunDialog::tr("Report");
    return id;
}

QString clock(double seconds)
{
    const qint64 s = qint64(std::max(0.0, seconds));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

DemoRunDialog::DemoRunDialog(const QString &dbPath, const QString &outDir, const DemoSettings &settings, QWidget *parent)
    : QDialog(parent), m_dbPath(dbPath), m_outDir(outDir), m_settings(settings), m_job(new DemoRunJob(this))
{
    setObjectName(QStringLiteral("demoRunDialog"));
    setWindowTitle(tr("Full Demo"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The whole loop on the bundled lab-tiny: synthetic incidents, candidate pairs, simulated "
                                "votes, a reward model, DPO and PPO adapters, and their evaluation against the base model "
                                "on held-out incidents. The project opens when it is done."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *where = new QLabel(tr("Project: %1").arg(QDir::toNativeSeparators(dbPath)), this);
    where->setStyleSheet(QStringLiteral("color: #6b7280;"));
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(where);

    auto *grid = new QGridLayout;
    grid->setColumnStretch(2, 1);
    grid->setHorizontalSpacing(10);
    const QVector<DemoStage> &stages = demoStages();
    for (int i = 0; i < stages.size(); ++i) {
        StageRow row;
        row.mark = new QLabel(this);
        row.mark->setFixedWidth(fontMetrics().horizontalAdvance(QStringLiteral("MM")));
        row.mark->setAlignment(Qt::AlignCenter);
        row.title = new QLabel(stageTitle(stages[i].id), this);
        row.summary = new QLabel(this);
        row.summary->setWordWrap(true);
        row.summary->setStyleSheet(QStringLiteral("color: #4b5563;"));
        row.summary->setObjectName(QStringLiteral("demoStageSummary_") + stages[i].id);
        grid->addWidget(row.mark, i, 0, Qt::AlignTop);
        grid->addWidget(row.title, i, 1, Qt::AlignTop);
        grid->addWidget(row.summary, i, 2, Qt::AlignTop);
        m_rows.append(row);
        setStageState(i, QStringLiteral("pending"));
    }
    layout->addLayout(grid);

    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("demoProgress"));
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    auto *barRow = new QHBoxLayout;
    barRow->addWidget(m_bar, 1);
    m_elapsed = new QLabel(clock(0), this);
    m_elapsed->setObjectName(QStringLiteral("demoElapsed"));
    barRow->addWidget(m_elapsed);
    layout->addLayout(barRow);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("demoDetail"));
    m_detail->setStyleSheet(QStringLiteral("color: #4b5563;"));
    layout->addWidget(m_detail);

    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("demoLog"));
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("The before/after table appears here when the demo is done."));
    m_log->setMinimumHeight(150);
    layout->addWidget(m_log, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("demoCancel"));
    connect(m_cancel, &QPushButton::clicked, this, &DemoRunDialog::reject);
    layout->addWidget(buttons);

    m_clockTimer = new QTimer(this);
    m_clockTimer->setInterval(500);
    connect(m_clockTimer, &QTimer::timeout, this, &DemoRunDialog::updateElapsed);

    connect(m_job, &DemoRunJob::stageStarted, this, &DemoRunDialog::onStageStarted);
    connect(m_job, &DemoRunJob::stageFinished, this, &DemoRunDialog::onStageFinished);
    connect(m_job, &DemoRunJob::progress, this, &DemoRunDialog::onProgress);
    connect(m_job, &DemoRunJob::message, this, [this](const QString &text) { appendLog(tr("warning: %1").arg(text)); });
    connect(m_job, &DemoRunJob::finished, this, &DemoRunDialog::onFinished);
    connect(m_job, &DemoRunJob::failed, this, [this](const QString &message) { onEnded(message, true); });
    connect(m_job, &DemoRunJob::cancelled, this, [this](const QString &message) { onEnded(message, false); });
    resize(760, 620);
}

DemoRunDialog::~DemoRunDialog() = default;

QString DemoRunDialog::newProjectPath(const QString &dataDir)
{
    const QString base = dataDir.isEmpty() ? AppSettings::defaultDataDir() : dataDir;
    return base + QStringLiteral("/demo/full-demo-") +
           QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) + QStringLiteral(".lab");
}

void DemoRunDialog::start()
{
    if (!QDir().mkpath(QFileInfo(m_dbPath).absolutePath())) {
        onEnded(tr("Cannot create the folder %1").arg(QDir::toNativeSeparators(QFileInfo(m_dbPath).absolutePath())), true);
        return;
    }
    if (!m_job->start(m_dbPath, m_outDir, m_settings))
        return;
    m_clock.start();
    m_clockTimer->start();
    m_cancel->setText(tr("Cancel"));
}

bool DemoRunDialog::isRunning() const
{
    return m_job->isRunning();
}

QString DemoRunDialog::stageState(int stage) const
{
    return stage >= 0 && stage < m_rows.size() ? m_rows[stage].state : QString();
}

void DemoRunDialog::reject()
{
    if (!m_job->isRunning()) {
        QDialog::reject();
        return;
    }
    // The stage in flight ends at its next step; the dialog closes itself when the worker says so.
    if (!m_cancelling) {
        m_cancelling = true;
        m_cancel->setEnabled(false);
        m_detail->setText(tr("Stopping after the current step…"));
        m_job->cancel();
    }
}

void DemoRunDialog::setStageState(int stage, const QString &state)
{
    StageRow &row = m_rows[stage];
    row.state = state;
    QFont font = row.title->font();
    font.setBold(state == QLatin1String("running"));
    row.title->setFont(font);
    if (state == QLatin1String("done")) {
        row.mark->setText(QString(QChar(0x2713)));
        row.mark->setStyleSheet(QStringLiteral("color: #15803d; font-weight: bold;"));
    } else if (state == QLatin1String("running")) {
        row.mark->setText(QString(QChar(0x25B6)));
        row.mark->setStyleSheet(QStringLiteral("color: #2563eb;"));
    } else if (state == QLatin1String("failed")) {
        row.mark->setText(QString(QChar(0x2717)));
        row.mark->setStyleSheet(QStringLiteral("color: #b91c1c; font-weight: bold;"));
    } else {
        row.mark->setText(QString(QChar(0x25CB)));
        row.mark->setStyleSheet(QStringLiteral("color: #9ca3af;"));
    }
    row.title->setStyleSheet(state == QLatin1String("pending") ? QStringLiteral("color: #6b7280;") : QString());
}

void DemoRunDialog::onStageStarted(int stage)
{
    if (stage < 0 || stage >= m_rows.size())
        return;
    m_current = stage;
    setStageState(stage, QStringLiteral("running"));
    m_detail->setText(stageTitle(demoStages()[stage].id) + QStringLiteral("…"));
}

void DemoRunDialog::onStageFinished(int stage, const QString &summary)
{
    if (stage < 0 || stage >= m_rows.size())
        return;
    setStageState(stage, QStringLiteral("done"));
    m_rows[stage].summary->setText(summary);
}

void DemoRunDialog::onProgress(int stage, double overall, double seconds, const QString &detail)
{
    m_bar->setValue(int(overall * 1000.0));
    if (!m_cancelling && !detail.isEmpty() && stage >= 0 && stage < m_rows.size())
        m_detail->setText(QStringLiteral("%1: %2").arg(stageTitle(demoStages()[stage].id), detail));
    Q_UNUSED(seconds); // the dialog's own clock ticks even while a step takes long
}

void DemoRunDialog::updateElapsed()
{
    m_elapsed->setText(clock(double(m_clock.elapsed()) / 1000.0));
}

void DemoRunDialog::appendLog(const QString &text)
{
    m_log->appendPlainText(text);
}

void DemoRunDialog::onFinished(const QString &dbPath, const QJsonObject &report, const QString &table)
{
    m_clockTimer->stop();
    updateElapsed();
    m_current = -1;
    m_bar->setValue(m_bar->maximum());
    const double accuracy = report.value(QStringLiteral("reward_model")).toObject().value(QStringLiteral("eval/accuracy")).toDouble();
    m_detail->setText(tr("Done in %1. Reward model accuracy on held-out votes: %2%.")
                          .arg(clock(report.value(QStringLiteral("seconds")).toDouble()))
                          .arg(accuracy * 100.0, 0, 'f', 1));
    appendLog(tr("Before/after on the held-out incidents:\n") + table);
    m_cancel->setText(tr("Close"));
    m_cancel->setEnabled(true);
    m_cancel->setDefault(true);
    Q_EMIT projectReady(dbPath);
}

void DemoRunDialog::onEnded(const QString &message, bool failed)
{
    m_clockTimer->stop();
    if (m_current >= 0)
        setStageState(m_current, QStringLiteral("failed"));
    m_current = -1;
    m_detail->setText(failed ? tr("The demo failed.") : tr("The demo was stopped."));
    appendLog(message);
    m_cancel->setText(tr("Close"));
    m_cancel->setEnabled(true);
    m_cancelling = false;
}

} // namespace lab
