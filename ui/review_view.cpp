#include "ui/review_view.h"

#include "ui/theme.h"

#include "core/common/paths.h"
#include "core/eval/eval_report.h"
#include "core/explain/explainer.h"
#include "core/store/store.h"
#include "core/train/run_session.h"
#include "ui/explanation_view.h"
#include "ui/review_blind_panel.h"
#include "ui/review_chart.h"
#include "ui/review_diff.h"
#include "ui/review_models.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>
#include <exception>

namespace lab {

namespace {
const QString kBase = QStringLiteral("base");
constexpr int kMaxLimit = 100000;
const QSize kChartImageSize(900, 560);
} // namespace

void ReviewEvalWorker::evaluate(quint64 generation, std::shared_ptr<Store> store, const QString &modelDir,
                                const ReviewModelChoice &a, const ReviewModelChoice &b, const ModelEvalOptions &options,
                                std::shared_ptr<std::atomic_bool> cancel)
{
    ReviewResult result;
    try {
        ModelEvalReport reports[2];
        const ReviewModelChoice *choices[2] = {&a, &b};
        for (int m = 0; m < 2; ++m) {
            if (cancel->load()) {
                result.cancelled = true;
                Q_EMIT finished(generation, result);
                return;
            }
            // One model in memory at a time: two lab-tiny copies are small, a real checkpoint is not.
            auto explainer = Explainer::load(modelDir, choices[m]->adapterDir);
            if (!explainer) {
                result.error = explainer.error();
                Q_EMIT finished(generation, result);
                return;
            }
            int lastPercent = -1;
            auto report = evaluateModel(*store, **explainer, options, [&](qint64 done, qint64 total) {
                const int percent = total > 0 ? int(done * 100 / total) : 0;
                if (percent != lastPercent) {
                    lastPercent = percent;
                    Q_EMIT progress(generation, m, done, total);
                }
                return !cancel->load();
            });
            if (cancel->load()) {
                result.cancelled = true;
                Q_EMIT finished(generation, result);
                return;
            }
            if (!report) {
                result.error = report.error();
                Q_EMIT finished(generation, result);
                return;
            }
            reports[m] = std::move(*report);
            // The registered name, not the adapter folder's ("adapter"), names the model in the review.
            reports[m].adapter = choices[m]->adapterDir.isEmpty() ? QString() : choices[m]->name;
        }
        auto comparison = compareReports(reports[0], reports[1]);
        if (!comparison) {
            result.error = comparison.error();
            Q_EMIT finished(generation, result);
            return;
        }
        auto suite = std::make_shared<EvalSuite>();
        suite->mode = options.settings.greedy ? QStringLiteral("greedy") : QStringLiteral("sampled");
        suite->base = reports[0];
        suite->adapters = {reports[1]};
        suite->comparisons = {*comparison};
        result.suite = std::move(suite);
    } catch (const std::exception &e) {
        result.error = tr("Evaluation failed: %1").arg(QString::fromUtf8(e.what()));
    }
    Q_EMIT finished(generation, result);
}

ReviewView::ReviewView(QWidget *parent) : QWidget(parent)
{
    qRegisterMetaType<lab::ReviewResult>();
    qRegisterMetaType<lab::ReviewModelChoice>();
    buildUi();

    m_worker = new ReviewEvalWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ReviewEvalWorker::progress, this, &ReviewView::onProgress);
    connect(m_worker, &ReviewEvalWorker::finished, this, &ReviewView::onFinished);
    m_thread.setObjectName(QStringLiteral("review-eval"));
    m_thread.start();
    updateActions();
}

ReviewView::~ReviewView()
{
    if (m_cancel)
        m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();
}

void ReviewView::buildUi()
{
    m_modelA = new QComboBox(this);
    m_modelB = new QComboBox(this);
    m_modelA->setObjectName(QStringLiteral("reviewModelA"));
    m_modelB->setObjectName(QStringLiteral("reviewModelB"));
    m_modelA->setToolTip(tr("Model A: usually the base model"));
    m_modelB->setToolTip(tr("Model B: the adapter to judge against A"));
    m_limit = new QSpinBox(this);
    m_limit->setRange(0, kMaxLimit);
    m_limit->setSpecialValueText(tr("all"));
    m_limit->setValue(0);
    m_limit->setToolTip(tr("Held-out incidents to explain (all: every held-out incident)"));
    m_greedy = new QCheckBox(tr("Greedy"), this);
    m_greedy->setToolTip(tr("Deterministic (argmax) explanations instead of sampled ones (T 0.7)"));

    const auto makeButton = [this](const QString &text, const QString &tip) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setToolTip(tip);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return button;
    };
    m_evaluateButton = makeButton(tr("Evaluate"), tr("Explain the held-out incidents with A and B and compare them (F5)"));
    m_cancelButton = makeButton(tr("Cancel"), tr("Stop the evaluation after the batch being generated"));
    m_exportButton = makeButton(tr("Export report…"), tr("Write report.html with PNG charts, rows.csv and report.json"));
    m_cancelButton->setVisible(false);
    connect(m_evaluateButton, &QToolButton::clicked, this, &ReviewView::evaluate);
    connect(m_cancelButton, &QToolButton::clicked, this, &ReviewView::cancelEvaluation);
    connect(m_exportButton, &QToolButton::clicked, this, &ReviewView::exportReport);
    auto *evaluateAction = new QAction(this);
    evaluateAction->setShortcut(QKeySequence(Qt::Key_F5));
    evaluateAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(evaluateAction, &QAction::triggered, this, [this] {
        if (m_evaluateButton->isEnabled())
            evaluate();
    });
    addAction(evaluateAction);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("A:"), this));
    top->addWidget(m_modelA, 1);
    top->addWidget(new QLabel(tr("B:"), this));
    top->addWidget(m_modelB, 1);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("Incidents:"), this));
    top->addWidget(m_limit);
    top->addWidget(m_greedy);
    top->addWidget(m_evaluateButton);
    top->addWidget(m_cancelButton);
    top->addStretch(1);
    top->addWidget(m_exportButton);

    // --- Side by side ---
    m_pairModel = new ReviewPairModel(this);
    m_filter = new ReviewFilterModel(this);
    m_filter->setSourceModel(m_pairModel);
    m_pairTable = new QTableView(this);
    m_pairTable->setObjectName(QStringLiteral("reviewPairs"));
    m_pairTable->setModel(m_filter);
    m_pairTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pairTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pairTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_pairTable->setSortingEnabled(true);
    m_pairTable->sortByColumn(-1, Qt::AscendingOrder);
    m_pairTable->verticalHeader()->hide();
    m_pairTable->horizontalHeader()->setStretchLastSection(true);
    m_pairTable->setAlternatingRowColors(true);
    connect(m_pairTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReviewView::showCurrentPair);
    connect(m_pairTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT openIncidentRequested(index.data(ReviewPairModel::IncidentRole).toLongLong());
    });

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("reviewKind"));
    m_regressionsOnly = new QCheckBox(tr("Regressions only"), this);
    m_regressionsOnly->setToolTip(tr("Incidents where B does worse than A: lost root cause, new hallucination, new "
                                     "unsafe action, or a score drop"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const QString kind = m_kind->currentData().toString();
        m_filter->setKind(kind);
        m_metrics->setKind(kind);
        m_metricsTable->resizeColumnsToContents();
    });
    connect(m_regressionsOnly, &QCheckBox::toggled, m_filter, &ReviewFilterModel::setRegressionsOnly);

    auto *listPane = new QWidget(this);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Kind:"), listPane));
    filters->addWidget(m_kind, 1);
    filters->addWidget(m_regressionsOnly);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filters);
    listLayout->addWidget(m_pairTable, 1);

    m_pairHeader = new QLabel(this);
    m_pairHeader->setWordWrap(true);
    m_logButton = new QToolButton(this);
    m_logButton->setText(tr("Show log"));
    m_logButton->setToolTip(tr("Open this incident's log in the log view (or double-click the row)"));
    m_logButton->setEnabled(false);
    connect(m_logButton, &QToolButton::clicked, this, [this] {
        const QModelIndex current = m_pairTable->currentIndex();
        if (current.isValid())
            Q_EMIT openIncidentRequested(current.data(ReviewPairModel::IncidentRole).toLongLong());
    });
    m_viewA = new ExplanationView(this);
    m_viewB = new ExplanationView(this);
    m_viewA->setObjectName(QStringLiteral("reviewA"));
    m_viewB->setObjectName(QStringLiteral("reviewB"));
    auto *pairPane = new QWidget(this);
    auto *pairTop = new QHBoxLayout;
    pairTop->addWidget(m_pairHeader, 1);
    pairTop->addWidget(m_logButton);
    auto *texts = new QHBoxLayout;
    texts->addWidget(m_viewA, 1);
    texts->addWidget(m_viewB, 1);
    auto *legend = new QLabel(tr("<span style='background:#fde2e2'>&nbsp;only in A&nbsp;</span>&nbsp;&nbsp;"
                                 "<span style='background:#d9f5df'>&nbsp;only in B&nbsp;</span>&nbsp;&nbsp;"
                                 "identifiers: underlined = in the log (click: its line), red wavy = not in the log"),
                              this);
    legend->setTextFormat(Qt::RichText);
    auto *pairLayout = new QVBoxLayout(pairPane);
    pairLayout->setContentsMargins(0, 0, 0, 0);
    pairLayout->addLayout(pairTop);
    pairLayout->addLayout(texts, 1);
    pairLayout->addWidget(legend);
    auto *sideBySide = new QSplitter(Qt::Horizontal, this);
    sideBySide->addWidget(listPane);
    sideBySide->addWidget(pairPane);
    sideBySide->setStretchFactor(0, 2);
    sideBySide->setStretchFactor(1, 3);
    sideBySide->setChildrenCollapsible(false);
    sideBySide->setSizes({600, 1000}); // the table's outcome and regression columns readable at once

    // --- Measures ---
    m_metrics = new ReviewMetricsModel(this);
    m_metricsTable = new QTableView(this);
    m_metricsTable->setObjectName(QStringLiteral("reviewMetrics"));
    m_metricsTable->setModel(m_metrics);
    m_metricsTable->verticalHeader()->hide();
    m_metricsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_metricsTable->horizontalHeader()->setStretchLastSection(true);
    m_chart = new ReviewChart(this);
    m_chart->setObjectName(QStringLiteral("reviewChart"));
    m_chartMetric = new QComboBox(this);
    for (const QString &metric : reviewMetrics())
        m_chartMetric->addItem(metricTitle(metric), metric);
    connect(m_chartMetric, &QComboBox::currentIndexChanged, this,
            [this] { m_chart->setMetric(m_chartMetric->currentData().toString()); });
    auto *measures = new QWidget(this);
    auto *chartBar = new QHBoxLayout;
    chartBar->addWidget(new QLabel(tr("Chart:"), measures));
    chartBar->addWidget(m_chartMetric);
    chartBar->addStretch(1);
    auto *chartPane = new QWidget(measures);
    auto *chartLayout = new QVBoxLayout(chartPane);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addLayout(chartBar);
    chartLayout->addWidget(m_chart, 1);
    auto *measureSplit = new QSplitter(Qt::Horizontal, measures);
    measureSplit->addWidget(m_metricsTable);
    measureSplit->addWidget(chartPane);
    measureSplit->setStretchFactor(0, 2);
    measureSplit->setStretchFactor(1, 3);
    auto *measuresLayout = new QVBoxLayout(measures);
    measuresLayout->setContentsMargins(0, 0, 0, 0);
    measuresLayout->addWidget(measureSplit);

    // --- Blind ---
    m_blind = new BlindReviewPanel(this);
    m_blind->setObjectName(QStringLiteral("blindReview"));
    connect(m_blind, &BlindReviewPanel::openIncidentRequested, this, &ReviewView::openIncidentRequested);
    connect(m_blind, &BlindReviewPanel::message, this, [this](const QString &text) { showStatus(text, true); });

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(sideBySide, tr("Side by side"));
    m_tabs->addTab(measures, tr("Measures"));
    m_tabs->addTab(m_blind, tr("Blind review"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_blind)
            m_blind->setFocus(Qt::OtherFocusReason); // the vote keys work at once
    });

    auto *evalRow = new QHBoxLayout;
    evalRow->addWidget(m_progress, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(evalRow);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);
    showStatus(tr("Pick A and B, then Evaluate: both explain the held-out incidents with the same seeds."));
}

void ReviewView::setStore(std::shared_ptr<Store> store)
{
    m_store = std::move(store);
    m_blind->setStore(m_store);
    m_suite.reset();
    m_pairModel->clear();
    m_metrics->clear();
    m_chart->clear();
    m_blind->clear();
    refreshModels();
    updateActions();
}

void ReviewView::setModelDir(const QString &dir)
{
    m_modelDir = dir;
}

void ReviewView::setDevice(const QString &device)
{
    m_device = device;
    m_options.settings.device = device;
}

void ReviewView::setEvalOptions(const ModelEvalOptions &options)
{
    m_options = options;
    if (!m_device.isEmpty())
        m_options.settings.device = m_device;
    m_rewardSet = true;
    m_limit->setValue(options.limit > 0 ? options.limit : 0);
    m_greedy->setChecked(options.settings.greedy);
}

QStringList ReviewView::modelNames() const
{
    QStringList names;
    for (int i = 0; i < m_modelA->count(); ++i)
        names << m_modelA->itemText(i);
    return names;
}

bool ReviewView::selectModels(const QString &a, const QString &b)
{
    const int ia = m_modelA->findText(a), ib = m_modelB->findText(b);
    if (ia < 0 || ib < 0)
        return false;
    m_modelA->setCurrentIndex(ia);
    m_modelB->setCurrentIndex(ib);
    updateActions();
    return true;
}

const ModelComparison *ReviewView::comparison() const
{
    return m_suite && !m_suite->comparisons.isEmpty() ? &m_suite->comparisons.first() : nullptr;
}

void ReviewView::refreshModels()
{
    const QString oldA = m_modelA->currentText(), oldB = m_modelB->currentText();
    m_modelA->clear();
    m_modelB->clear();
    for (QComboBox *box : {m_modelA, m_modelB})
        box->addItem(kBase, QString());
    QString active;
    if (m_store) {
        auto adapters = m_store->adapters();
        if (!adapters) {
            showStatus(adapters.error(), true);
        } else {
            for (const AdapterRecord &a : *adapters) {
                for (QComboBox *box : {m_modelA, m_modelB})
                    box->addItem(a.name, a.path);
                if (a.active)
                    active = a.name;
            }
        }
    }
    // B defaults to the adapter in use (else the newest): "did the alignment we use help?"
    const QString defaultB = !oldB.isEmpty() && m_modelB->findText(oldB) >= 0 ? oldB
                           : !active.isEmpty()                                 ? active
                           : m_modelB->count() > 1                             ? m_modelB->itemText(1)
                                                                               : kBase;
    m_modelA->setCurrentIndex(std::max(0, m_modelA->findText(oldA.isEmpty() ? kBase : oldA)));
    m_modelB->setCurrentIndex(std::max(0, m_modelB->findText(defaultB)));
    updateActions();
}

void ReviewView::evaluate()
{
    if (!m_store || m_evaluating)
        return;
    const ReviewModelChoice a{m_modelA->currentText(), m_modelA->currentData().toString()};
    const ReviewModelChoice b{m_modelB->currentText(), m_modelB->currentData().toString()};
    if (a.name == b.name) {
        showStatus(tr("A and B are the same model; pick two different ones."), true);
        return;
    }
    ModelEvalOptions options = m_options;
    options.limit = m_limit->value() > 0 ? m_limit->value() : -1;
    options.settings.greedy = m_greedy->isChecked();
    if (options.settings.greedy)
        options.samplesPerIncident = 1;
    if (!m_rewardSet) {
        if (Result<QString> reward = currentRewardModelDir(*m_store))
            options.rewardModelDir = *reward; // none yet: no mean_reward, nothing else changes
    }
    m_evaluating = true;
    m_evalNames[0] = a.name;
    m_evalNames[1] = b.name;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = ++m_generation;
    m_progress->setValue(0);
    m_progress->setFormat(tr("A: %1 — %p%").arg(a.name));
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
    m_cancelButton->setEnabled(true);
    showStatus(tr("Explaining the held-out incidents with %1, then with %2…").arg(a.name, b.name));
    updateActions();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, generation, store = m_store, dir = m_modelDir.isEmpty() ? defaultModelDir() : m_modelDir, a, b,
         options, cancel = m_cancel] { worker->evaluate(generation, store, dir, a, b, options, cancel); },
        Qt::QueuedConnection);
}

void ReviewView::cancelEvaluation()
{
    if (!m_evaluating || !m_cancel)
        return;
    m_cancel->store(true);
    m_cancelButton->setEnabled(false);
    showStatus(tr("Cancelling after the batch being generated…"));
}

void ReviewView::onProgress(quint64 generation, int model, qint64 done, qint64 total)
{
    if (generation != m_generation || total <= 0)
        return;
    // Half the bar each: A, then B.
    m_progress->setValue(int((model * 100 + done * 100 / total) / 2));
    m_progress->setFormat(tr("%1: %2 — %3 of %4 incidents")
                              .arg(model == 0 ? tr("A") : tr("B"), m_evalNames[model])
                              .arg(done)
                              .arg(total));
}

void ReviewView::onFinished(quint64 generation, const ReviewResult &result)
{
    if (generation != m_generation)
        return;
    m_evaluating = false;
    m_cancel.reset();
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
    if (result.cancelled) {
        showStatus(tr("Evaluation cancelled; the previous result (if any) is still shown."));
    } else if (!result.error.isEmpty()) {
        showStatus(result.error, true);
    } else {
        showResult(result.suite);
    }
    updateActions();
    Q_EMIT evaluationFinished(result.cancelled ? tr("cancelled") : result.error);
}

void ReviewView::showResult(std::shared_ptr<const EvalSuite> suite)
{
    m_suite = std::move(suite);
    const ModelComparison &c = m_suite->comparisons.first();
    m_pairModel->setComparison(c);
    m_metrics->setComparison(c);
    m_chart->setComparison(c);
    m_blind->setComparison(c);
    {
        const QString kind = m_kind->currentData().toString();
        const QSignalBlocker block(m_kind);
        m_kind->clear();
        m_kind->addItem(tr("All kinds"), QString());
        for (const QString &k : c.kinds)
            m_kind->addItem(k, k);
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(kind)));
        m_filter->setKind(m_kind->currentData().toString());
        m_metrics->setKind(m_kind->currentData().toString());
    }
    m_pairTable->resizeColumnsToContents();
    m_metricsTable->resizeColumnsToContents();
    if (m_filter->rowCount() > 0)
        selectPair(0);
    showStatus(tr("%1 held-out incidents (%2): B = %3 wins over A = %4 at %5% [%6%, %7%]; %8 incidents regressed. "
                  "Root cause %9% → %10%, hallucination %11% → %12%.")
                   .arg(c.base.incidents)
                   .arg(m_suite->mode)
                   .arg(c.adapterName, c.baseName)
                   .arg(c.winRate.rate * 100, 0, 'f', 1)
                   .arg(c.winRate.low * 100, 0, 'f', 1)
                   .arg(c.winRate.high * 100, 0, 'f', 1)
                   .arg(c.regressedIncidents)
                   .arg(c.base.overall.rootCauseAccuracy * 100, 0, 'f', 1)
                   .arg(c.adapter.overall.rootCauseAccuracy * 100, 0, 'f', 1)
                   .arg(c.base.overall.hallucinationRate * 100, 0, 'f', 1)
                   .arg(c.adapter.overall.hallucinationRate * 100, 0, 'f', 1));
}

void ReviewView::selectPair(int proxyRow)
{
    if (proxyRow < 0 || proxyRow >= m_filter->rowCount())
        return;
    m_pairTable->setCurrentIndex(m_filter->index(proxyRow, 0));
    m_pairTable->selectRow(proxyRow);
    showCurrentPair();
}

void ReviewView::setKindFilter(const QString &kind)
{
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(kind)));
}

void ReviewView::setRegressionsOnly(bool only)
{
    m_regressionsOnly->setChecked(only);
}

void ReviewView::showCurrentPair()
{
    const QModelIndex current = m_pairTable->currentIndex();
    if (!current.isValid()) {
        m_viewA->clear();
        m_viewB->clear();
        m_viewA->setTitle({});
        m_viewB->setTitle({});
        m_pairHeader->clear();
        m_logButton->setEnabled(false);
        return;
    }
    const PairedExplanation &p = m_pairModel->pairAt(m_filter->mapToSource(current).row());
    const ModelComparison &c = m_pairModel->comparison();
    const auto verdict = [this](const synth::Judgement &j) {
        QStringList parts;
        parts << tr("score %1").arg(j.score, 0, 'f', 1);
        parts << (j.rootCause ? tr("root cause ✓") : tr("root cause ✗"));
        if (j.hallucinatedIdentifiers > 0)
            parts << tr("%n invented identifier(s)", nullptr, j.hallucinatedIdentifiers);
        if (j.unsafeAction)
            parts << tr("unsafe action");
        parts << tr("%n word(s)", nullptr, j.words);
        return parts.join(QStringLiteral(" · "));
    };
    m_viewA->setTitle(tr("A: %1 — %2").arg(c.baseName, verdict(p.base.judgement)));
    m_viewB->setTitle(tr("B: %1 — %2").arg(c.adapterName, verdict(p.adapter.judgement)));
    m_viewA->setExplanation(p.base.text, incidentEvidence(m_store.get(), p.incidentId, p.base.text));
    m_viewB->setExplanation(p.adapter.text, incidentEvidence(m_store.get(), p.incidentId, p.adapter.text));
    const WordDiff diff = wordDiff(p.base.text, p.adapter.text);
    // Light tints under dark text, deep ones under the dark theme's light text.
    const bool dark = isDarkPalette();
    tintSpans(m_viewA->textBrowser()->document(), diff.onlyInA, dark ? QColor(0x5c, 0x2b, 0x2e) : QColor(0xfd, 0xe2, 0xe2));
    tintSpans(m_viewB->textBrowser()->document(), diff.onlyInB, dark ? QColor(0x1f, 0x4d, 0x2e) : QColor(0xd9, 0xf5, 0xdf));
    QString header = tr("<b>Incident %1</b> (%2), sample %3: %4").arg(p.incidentId).arg(p.kind).arg(p.sampleIndex + 1)
                         .arg(p.outcome == PairOutcome::Win    ? tr("B better")
                              : p.outcome == PairOutcome::Loss ? tr("A better")
                                                               : tr("tie"));
    if (p.isRegression())
        header += tr(" — <span style='color:#c81e1e'>regression: %1</span>").arg(p.regressions.join(QStringLiteral(", ")));
    m_pairHeader->setText(header);
    m_logButton->setEnabled(true);
}

bool ReviewView::exportReportTo(const QString &dir, QString *error)
{
    const auto failWith = [&](const QString &message) {
        if (error)
            *error = message;
        showStatus(message, true);
        return false;
    };
    if (!m_suite)
        return failWith(tr("Nothing to export yet: run an evaluation first."));
    // The PNGs go to a scratch folder first; the writer copies them into DIR/images/.
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return failWith(tr("Cannot create a temporary folder for the chart images: %1").arg(scratch.errorString()));
    ReportOptions options;
    options.title = tr("RLHF Log Lab review: %1 vs %2").arg(m_suite->comparisons.first().baseName,
                                                            m_suite->comparisons.first().adapterName);
    // Its own chart, off screen at the image size: the page's chart keeps its size and metric.
    // Shown before it is filled, so that the kind labels are laid out at that size, not elided
    // to the width of a widget that was never shown.
    ReviewChart chart;
    chart.setAttribute(Qt::WA_DontShowOnScreen);
    chart.resize(kChartImageSize);
    chart.show();
    chart.setComparison(m_suite->comparisons.first());
    const QStringList metrics = {QStringLiteral("root_cause_accuracy"), QStringLiteral("hallucination_rate"),
                                 QStringLiteral("unsafe_action_rate"), QStringLiteral("mean_length"),
                                 QStringLiteral("mean_reward")};
    for (const QString &metric : metrics) {
        if (metric == QLatin1String("mean_reward") && !m_suite->base.hasReward)
            continue;
        chart.setMetric(metric);
        const QString png = scratch.filePath(QStringLiteral("chart_%1.png").arg(metric));
        QString message;
        if (!chart.savePng(png, kChartImageSize, &message))
            return failWith(message);
        options.extraImages.append({png, tr("%1 per kind, A vs B (PNG from the review view)").arg(metricTitle(metric))});
    }
    auto files = writeEvalReport(*m_suite, dir, options);
    if (!files)
        return failWith(files.error());
    showStatus(tr("Report written: %1 (with %2 chart images), %3, %4.")
                   .arg(QDir::toNativeSeparators(files->html))
                   .arg(files->images.size())
                   .arg(QFileInfo(files->csv).fileName(), QFileInfo(files->json).fileName()));
    return true;
}

void ReviewView::exportReport()
{
    if (!m_suite)
        return;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Write the review report into a folder"), QString(),
                                                          QFileDialog::ShowDirsOnly);
    if (!dir.isEmpty())
        exportReportTo(dir);
}

void ReviewView::updateActions()
{
    m_evaluateButton->setEnabled(m_store && !m_evaluating && m_modelA->count() > 0);
    m_exportButton->setEnabled(bool(m_suite) && !m_evaluating);
    m_modelA->setEnabled(!m_evaluating);
    m_modelB->setEnabled(!m_evaluating);
    m_limit->setEnabled(!m_evaluating);
    m_greedy->setEnabled(!m_evaluating);
}

void ReviewView::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828; font-weight: bold;") : QString());
    m_status->setProperty("error", error);
    if (error)
        Q_EMIT message(text);
}

} // namespace lab
