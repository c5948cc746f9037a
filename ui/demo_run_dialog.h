#pragma once
// "Run the Full Demo": the whole loop (core/demo) into a new project, shown as it goes: the
// stage list with a tick for each finished stage and its one-line summary, an overall progress
// bar, what the current stage is doing, the elapsed time, and Cancel. At the end it shows the
// before/after table and emits projectReady() so the main window opens the project behind it.
#include "core/demo/demo_pipeline.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QVector>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace lab {

class DemoRunJob;

class DemoRunDialog : public QDialog
{
    Q_OBJECT
public:
    // The demo writes into `dbPath` (new or empty) and its report into `outDir` (empty: next to it).
    DemoRunDialog(const QString &dbPath, const QString &outDir, const DemoSettings &settings, QWidget *parent = nullptr);
    ~DemoRunDialog() override;

    // <AppDataLocation>/demo/full-demo-<yyyyMMdd-HHmmss>.lab: a new project for every run, so a
    // demo never overwrites an earlier one.
    static QString newProjectPath(const QString &dataDir = {}); // under <dataDir>/demo/

    void start();
    bool isRunning() const;
    DemoRunJob *job() const { return m_job; }
    // 0..7 the stage running, or -1; for tests.
    int currentStage() const { return m_current; }
    QString stageState(int stage) const; // "pending", "running", "done", "failed"

Q_SIGNALS:
    // The demo finished: open this project.
    void projectReady(const QString &dbPath);

protected:
    void reject() override;

private:
    void onStageStarted(int stage);
    void onStageFinished(int stage, const QString &summary);
    void onProgress(int stage, double overall, double seconds, const QString &detail);
    void onFinished(const QString &dbPath, const QJsonObject &report, const QString &table);
    void onEnded(const QString &message, bool failed);
    void setStageState(int stage, const QString &state);
    void updateElapsed();
    void appendLog(const QString &text);

    struct StageRow
    {
        QLabel *mark = nullptr;
        QLabel *title = nullptr;
        QLabel *summary = nullptr;
        QString state = QStringLiteral("pending");
    };

    QString m_dbPath;
    QString m_outDir;
    DemoSettings m_settings;
    DemoRunJob *m_job = nullptr;
    QVector<StageRow> m_rows;
    QProgressBar *m_bar = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_elapsed = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QPushButton *m_cancel = nullptr;
    QTimer *m_clockTimer = nullptr;
    QElapsedTimer m_clock;
    int m_current = -1;
    bool m_cancelling = false;
};

} // namespace lab
