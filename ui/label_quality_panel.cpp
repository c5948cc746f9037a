#include "ui/label_quality_panel.h"

#include "core/store/store.h"
#include "ui/label_quality_model.h"

#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>
#include <exception>

namespace lab {

void LabelQualityWorker::compute(quint64 generation, std::shared_ptr<lab::Store> store,
                                 std::shared_ptr<std::atomic_bool> cancel)
{
    if (cancel->load()) {
        Q_EMIT done(generation, {}, {}, true);
        return;
    }
    try {
        int lastPermille = -1;
        auto quality = computeLabelQuality(*store, [&](qint64 done, qint64 total) {
            // Throttled: one signal per permille, not per page.
            const int permille = total > 0 ? int(done * 1000 / total) : 0;
            if (permille != lastPermille) {
                lastPermille = permille;
                Q_EMIT progress(generation, done, total);
            }
            return !cancel->load();
        });
        if (cancel->load())
            Q_EMIT done(generation, {}, {}, true);
        else if (!quality.ok())
            Q_EMIT done(generation, {}, quality.error(), false);
        else
            Q_EMIT done(generation, *quality, {}, false);
    } catch (const std::exception &ex) {
        Q_EMIT done(generation, {}, tr("Computing label quality failed: %1").arg(QString::fromUtf8(ex.what())), false);
    }
}

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(false);
    return view;
}

QLabel *sectionTitle(const QString &text, const QString &tip, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setToolTip(tip);
    return label;
}

} // namespace

LabelQualityPanel::LabelQualityPanel(QWidget *parent) : QWidget(parent)
{
    qRegisterMetaType<lab::LabelQuality>();
    qRegisterMetaType<std::shared_ptr<lab::Store>>();
    qRegisterMetaType<std::shared_ptr<std::atomic_bool>>();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    auto *top = new QHBoxLayout;
    m_alpha = new QLabel(this);
    m_alpha->setObjectName(QStringLiteral("qualityAlpha"));
    QFont big = m_alpha->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_alpha->setFont(big);
    m_alpha->setToolTip(
        tr("Krippendorff's alpha (nominal) over every pair that two or more annotators gave a verdict on: "
           "1 − observed disagreement / disagreement expected by chance. 1 is perfect agreement, 0 is chance level. "
           "Labels are commonly trusted from 0.8 and used with care from 0.667. Skips are left out."));
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 1000);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_refresh = new QToolButton(this);
    m_refresh->setObjectName(QStringLiteral("qualityRefresh"));
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setAutoRaise(true);
    m_refresh->setToolTip(tr("Compute again from all votes"));
    connect(m_refresh, &QToolButton::clicked, this, &LabelQualityPanel::refresh);
    top->addWidget(m_alpha, 1);
    top->addWidget(m_busy);
    top->addWidget(m_refresh);
    layout->addLayout(top);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("qualitySummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_annotators = new AnnotatorQualityModel(this);
    m_agreement = new AgreementModel(this);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *annotatorBox = new QWidget(split);
    auto *annotatorLayout = new QVBoxLayout(annotatorBox);
    annotatorLayout->setContentsMargins(0, 0, 0, 0);
    annotatorLayout->addWidget(sectionTitle(
        tr("Per annotator"), tr("Gold accuracy, position bias and verbosity bias of each annotator"), annotatorBox));
    m_annotatorView = makeTable(m_annotators, annotatorBox, QStringLiteral("qualityAnnotators"));
    m_annotatorView->horizontalHeader()->setSectionResizeMode(AnnotatorQualityModel::NameColumn, QHeaderView::Stretch);
    annotatorLayout->addWidget(m_annotatorView);

    auto *agreementBox = new QWidget(split);
    auto *agreementLayout = new QVBoxLayout(agreementBox);
    agreementLayout->setContentsMargins(0, 0, 0, 0);
    agreementLayout->addWidget(sectionTitle(tr("Agreement between annotators"),
                                            tr("Cohen's kappa for every two annotators who voted on the same pairs"),
                                            agreementBox));
    m_agreementView = makeTable(m_agreement, agreementBox, QStringLiteral("qualityAgreement"));
    m_agreementView->horizontalHeader()->setSectionResizeMode(AgreementModel::FirstColumn, QHeaderView::Stretch);
    m_agreementView->horizontalHeader()->setSectionResizeMode(AgreementModel::SecondColumn, QHeaderView::Stretch);
    agreementLayout->addWidget(m_agreementView);
    split->addWidget(annotatorBox);
    split->addWidget(agreementBox);
    layout->addWidget(split, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("qualityStatus"));
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("color: #6b7280;"));
    layout->addWidget(m_status);

    auto *worker = new LabelQualityWorker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &LabelQualityPanel::compute, worker, &LabelQualityWorker::compute, Qt::QueuedConnection);
    connect(worker, &LabelQualityWorker::progress, this,
            [this](quint64 generation, qint64 done, qint64 total) {
                if (m_queryGate.isCurrent(generation) && total > 0)
                    m_busy->setValue(int(done * 1000 / total));
            },
            Qt::QueuedConnection);
    connect(worker, &LabelQualityWorker::done, this, &LabelQualityPanel::apply, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("LabelQuality"));
    m_thread.start();

    setStore(nullptr);
}

LabelQualityPanel::~LabelQualityPanel()
{
    cancelRunning();
    m_thread.quit();
    m_thread.wait();
}

void LabelQualityPanel::cancelRunning()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    m_queryGate.reset(); // whatever arrives now answers no one
}

void LabelQualityPanel::setStore(std::shared_ptr<Store> store)
{
    cancelRunning();
    m_store = std::move(store);
    m_quality = {};
    m_annotators->setRows({});
    m_agreement->setRows({});
    m_busy->setVisible(false);
    m_refresh->setEnabled(m_store != nullptr);
    m_alpha->setText(tr("Krippendorff's α: %1").arg(kUndefinedFigure));
    m_status->clear();
    if (!m_store) {
        m_summary->setText(tr("No project is open."));
        return;
    }
    m_summary->setText(tr("Computing…"));
    refresh();
}

void LabelQualityPanel::refresh()
{
    if (!m_store)
        return;
    if (m_queryGate.request())
        start();
}

void LabelQualityPanel::start()
{
    ++m_computations;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_busy->setValue(0);
    m_busy->setVisible(true);
    m_status->setText(tr("Reading votes…"));
    m_status->setStyleSheet(QStringLiteral("color: #6b7280;"));
    Q_EMIT compute(m_queryGate.begin(), m_store, m_cancel);
}

void LabelQualityPanel::apply(quint64 generation, const LabelQuality &quality, const QString &error, bool cancelled)
{
    if (!m_queryGate.accept(generation))
        return;
    m_busy->setVisible(false);
    const QLocale locale;
    if (cancelled) {
        m_status->setText(tr("Cancelled"));
    } else if (!error.isEmpty()) {
        m_status->setText(error);
        m_status->setStyleSheet(QStringLiteral("color: #b91c1c;"));
    } else {
        m_quality = quality;
        m_annotators->setRows(quality.annotators);
        m_agreement->setRows(quality.agreement);
        m_alpha->setText(tr("Krippendorff's α: %1").arg(qualityNumber(quality.krippendorffAlpha, 3)));
        QString summary = tr("Verdicts: %1 · skips: %2 · annotators: %3 · pairs with two or more verdicts: %4.")
                              .arg(locale.toString(quality.votes), locale.toString(quality.skips),
                                   locale.toString(quality.annotators.size()),
                                   locale.toString(quality.pairsWithTwoVotes));
        if (!std::isfinite(quality.krippendorffAlpha))
            summary += QLatin1Char(' ')
                       + (quality.pairsWithTwoVotes == 0
                              ? tr("Agreement needs pairs voted by two annotators.")
                              : tr("Alpha is undefined: every verdict on those pairs is the same."));
        m_summary->setText(summary);
        QStringList flagged;
        for (const AnnotatorQuality &q : quality.annotators) {
            if (positionBiasFlagged(q))
                flagged << q.name;
        }
        m_status->setText(!flagged.isEmpty()
                              ? tr("Position bias (see Left wins): %1")
                                    .arg(flagged.join(QStringLiteral(", ")))
                              : tr("Updated %1").arg(locale.toString(QTime::currentTime(), QLocale::ShortFormat)));
        m_status->setStyleSheet(!flagged.isEmpty() ? QStringLiteral("color: #92400e;") : QStringLiteral("color: #6b7280;"));
    }
    if (m_queryGate.stale())
        start();
    Q_EMIT refreshed();
}

} // namespace lab
