#pragma once
// The Review page (Ctrl+R): did alignment help, incident by incident? Pick two models (the base
// model or any adapter of the project, as A and B), evaluate both on the held-out incidents in a
// worker thread (progress, Cancel), then:
//   - side by side: every paired explanation in a table (outcome of B against A, score
//     difference, regression reasons), filtered by kind or to regressions; the selected pair's
//     two texts with word-level differences tinted and identifiers flagged as on the label page;
//     its log one click away (openIncidentRequested);
//   - measures: the metrics table (A, B, B − A, win rate with its 95% interval) and bars per kind;
//   - blind review (BlindReviewPanel): sides shuffled, names hidden until the vote.
// Export report… writes core/eval's report (HTML, CSV, JSON) with the charts as PNG next to it.
//
// Evaluation uses core/eval: evaluateModel() for each model with the same options (same seeds),
// compareReports(A, B). Nothing here computes a metric.
#include "core/eval/eval_compare.h"

#include <QMetaType>
#include <QObject>
#include <QThread>
#include <QWidget>
#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QSpinBox;
class QTabWidget;
class QTableView;
class QToolButton;

namespace lab {

class BlindReviewPanel;
class ExplanationView;
class ReviewChart;
class ReviewFilterModel;
class ReviewMetricsModel;
class ReviewPairModel;
class Store;

struct ReviewModelChoice
{
    QString name;       // "base" or the adapter's registered name
    QString adapterDir; // empty: the base model
};

// What the worker hands back: the two reports as a one-adapter suite (A as its base) and their
// comparison, or an error.
struct ReviewResult
{
    std::shared_ptr<const EvalSuite> suite;
    QString error;
    bool cancelled = false;
};

class ReviewEvalWorker : public QObject
{
    Q_OBJECT
public:
    void evaluate(quint64 generation, std::shared_ptr<lab::Store> store, const QString &modelDir,
                  const lab::ReviewModelChoice &a, const lab::ReviewModelChoice &b, const lab::ModelEvalOptions &options,
                  std::shared_ptr<std::atomic_bool> cancel);

Q_SIGNALS:
    // model 0 is A, 1 is B; emitted when the percentage changes.
    void progress(quint64 generation, int model, qint64 done, qint64 total);
    void finished(quint64 generation, const lab::ReviewResult &result);
};

class ReviewView : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewView(QWidget *parent = nullptr);
    ~ReviewView() override; // cancels an evaluation, stops the worker thread and waits for it

    void setStore(std::shared_ptr<Store> store); // also lists the project's adapters
    void setDevice(const QString &device);       // "auto" (default), "cpu", "cuda:N"
    void setModelDir(const QString &dir);        // empty (default): defaultModelDir()
    // Limit, samples, sampling and the reward model of the evaluation. Default: every held-out
    // incident, one sampled explanation each (T 0.7, seed 0), the project's current reward
    // model for mean_reward. The limit box and Greedy check box override limit and greedy.
    void setEvalOptions(const ModelEvalOptions &options);

    // The models offered (base + adapters); select by name.
    QStringList modelNames() const;
    bool selectModels(const QString &a, const QString &b);
    bool isEvaluating() const { return m_evaluating; }
    bool hasResult() const { return bool(m_suite); }
    const EvalSuite *suite() const { return m_suite.get(); }
    const ModelComparison *comparison() const;

    // Writes the report (report.html, rows.csv, report.json, images/*.png) into `dir`.
    bool exportReportTo(const QString &dir, QString *error = nullptr);
    void selectPair(int proxyRow);
    void setKindFilter(const QString &kind); // empty: every kind
    void setRegressionsOnly(bool only);

    QComboBox *modelACombo() const { return m_modelA; }
    QComboBox *modelBCombo() const { return m_modelB; }
    QSpinBox *limitBox() const { return m_limit; }
    QCheckBox *greedyBox() const { return m_greedy; }
    QToolButton *evaluateButton() const { return m_evaluateButton; }
    QToolButton *cancelButton() const { return m_cancelButton; }
    QToolButton *exportButton() const { return m_exportButton; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableView *pairTable() const { return m_pairTable; }
    ReviewPairModel *pairModel() const { return m_pairModel; }
    ReviewFilterModel *filterModel() const { return m_filter; }
    ReviewMetricsModel *metricsModel() const { return m_metrics; }
    QComboBox *kindCombo() const { return m_kind; }
    QCheckBox *regressionsBox() const { return m_regressionsOnly; }
    ReviewChart *chart() const { return m_chart; }
    QComboBox *chartMetricCombo() const { return m_chartMetric; }
    ExplanationView *viewA() const { return m_viewA; }
    ExplanationView *viewB() const { return m_viewB; }
    QToolButton *logButton() const { return m_logButton; }
    BlindReviewPanel *blindPanel() const { return m_blind; }

public Q_SLOTS:
    void refreshModels();
    void evaluate();
    void cancelEvaluation();
    void exportReport(); // asks for a folder

Q_SIGNALS:
    void openIncidentRequested(qint64 incidentId);
    void evaluationFinished(const QString &error); // empty: a result is shown
    void message(const QString &text);

private:
    void buildUi();
    void showStatus(const QString &text, bool error = false);
    void updateActions();
    void showResult(std::shared_ptr<const EvalSuite> suite);
    void showCurrentPair();
    void onProgress(quint64 generation, int model, qint64 done, qint64 total);
    void onFinished(quint64 generation, const ReviewResult &result);

    std::shared_ptr<Store> m_store;
    QString m_modelDir;
    ModelEvalOptions m_options;
    QString m_device; // the user's device; kept when tests or callers replace the options
    bool m_rewardSet = false; // setEvalOptions() chose the reward model
    std::shared_ptr<const EvalSuite> m_suite;

    QThread m_thread;
    ReviewEvalWorker *m_worker = nullptr;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_evaluating = false;
    QString m_evalNames[2];

    QComboBox *m_modelA = nullptr;
    QComboBox *m_modelB = nullptr;
    QSpinBox *m_limit = nullptr;
    QCheckBox *m_greedy = nullptr;
    QToolButton *m_evaluateButton = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QToolButton *m_exportButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    ReviewPairModel *m_pairModel = nullptr;
    ReviewFilterModel *m_filter = nullptr;
    QTableView *m_pairTable = nullptr;
    QComboBox *m_kind = nullptr;
    QCheckBox *m_regressionsOnly = nullptr;
    QLabel *m_pairHeader = nullptr;
    QToolButton *m_logButton = nullptr;
    ExplanationView *m_viewA = nullptr;
    ExplanationView *m_viewB = nullptr;
    ReviewMetricsModel *m_metrics = nullptr;
    QTableView *m_metricsTable = nullptr;
    ReviewChart *m_chart = nullptr;
    QComboBox *m_chartMetric = nullptr;
    BlindReviewPanel *m_blind = nullptr;
};

} // namespace lab

Q_DECLARE_METATYPE(lab::ReviewResult)
Q_DECLARE_METATYPE(lab::ReviewModelChoice)
