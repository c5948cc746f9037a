#include "ui/label_progress_panel.h"

#include "core/store/store.h"
#include "ui/label_progress_model.h"

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
#include <exception>

namespace lab {

void LabelProgressWorker::query(quint64 generation, std::shared_ptr<lab::Store> store)
{
    QElapsedTimer timer;
    timer.start();
    try {
        auto progress = store->progress();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!progress.ok())
            Q_EMIT done(generation, {}, progress.error(), ms);
        else
            Q_EMIT done(generation, *progress, {}, ms);
    } catch (const std::exception &ex) {
        Q_EMIT done(generation, {}, tr("Counting labeling progress failed: %1").arg(QString::fromUtf8(ex.what())), 0.0);
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
    // Names take the room; numbers and bars take what they need, so a narrow dock still shows
    // every column without scrolling sideways.
    view->horizontalHeader()->setStretchLastSection(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    view->horizontalHeader()->setMinimumSectionSize(48);
    return view;
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

LabelProgressPanel::LabelProgressPanel(QWidget *parent) : QWidget(parent)
{
    qRegisterMetaType<lab::LabelingProgress>();
    qRegisterMetaType<std::shared_ptr<lab::Store>>();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    auto *top = new QHBoxLayout;
    m_total = new QProgressBar(this);
    m_total->setObjectName(QStringLiteral("progressTotal"));
    m_total->setRange(0, 1);
    m_total->setValue(0);
    m_total->setToolTip(tr("Pairs with at least one vote, of all candidate pairs"));
    m_refresh = new QToolButton(this);
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setAutoRaise(true);
    m_refresh->setToolTip(tr("Count again"));
    connect(m_refresh, &QToolButton::clicked, this, &LabelProgressPanel::refresh);
    top->addWidget(m_total, 1);
    top->addWidget(m_refresh);
    layout->addLayout(top);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("progressSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_annotators = new AnnotatorProgressModel(this);
    m_kinds = new KindProgressModel(this);
    auto *delegate = new ProgressBarDelegate(this);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *annotatorBox = new QWidget(split);
    auto *annotatorLayout = new QVBoxLayout(annotatorBox);
    annotatorLayout->setContentsMargins(0, 0, 0, 0);
    annotatorLayout->addWidget(sectionTitle(tr("Per annotator"), annotatorBox));
    m_annotatorView = makeTable(m_annotators, annotatorBox, QStringLiteral("progressAnnotators"));
    m_annotatorView->setItemDelegateForColumn(AnnotatorProgressModel::ProgressColumn, delegate);
    annotatorLayout->addWidget(m_annotatorView);

    auto *kindBox = new QWidget(split);
    auto *kindLayout = new QVBoxLayout(kindBox);
    kindLayout->setContentsMargins(0, 0, 0, 0);
    kindLayout->addWidget(sectionTitle(tr("Per incident kind"), kindBox));
    m_kindView = makeTable(m_kinds, kindBox, QStringLiteral("progressKinds"));
    m_kindView->setItemDelegateForColumn(KindProgressModel::ProgressColumn, delegate);
    kindLayout->addWidget(m_kindView);
    split->addWidget(annotatorBox);
    split->addWidget(kindBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("progressStatus"));
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("color: #6b7280;"));
    layout->addWidget(m_status);

    auto *worker = new LabelProgressWorker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &LabelProgressPanel::query, worker, &LabelProgressWorker::query, Qt::QueuedConnection);
    connect(worker, &LabelProgressWorker::done, this, &LabelProgressPanel::apply, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("LabelProgress"));
    m_thread.start();

    setStore(nullptr);
}

LabelProgressPanel::~LabelProgressPanel()
{
    m_thread.quit();
    m_thread.wait();
}

void LabelProgressPanel::setStore(std::shared_ptr<Store> store)
{
    m_store = std::move(store);
    m_queryGate.reset(); // a query on the old store answers no one
    m_progress = {};
    m_annotators->setRows({});
    m_kinds->setRows({});
    m_total->setRange(0, 1);
    m_total->setValue(0);
    m_total->setFormat(QString());
    m_refresh->setEnabled(m_store != nullptr);
    if (!m_store) {
        m_summary->setText(tr("No project is open."));
        m_status->clear();
        return;
    }
    m_summary->setText(tr("Counting…"));
    refresh();
}

void LabelProgressPanel::refresh()
{
    if (!m_store)
        return;
    if (m_queryGate.request())
        startQuery();
}

void LabelProgressPanel::startQuery()
{
    ++m_queries;
    Q_EMIT query(m_queryGate.begin(), m_store);
}

void LabelProgressPanel::apply(quint64 generation, const LabelingProgress &progress, const QString &error,
                               double milliseconds)
{
    if (!m_queryGate.accept(generation))
        return; // superseded (another store, or a newer query)
    if (!error.isEmpty()) {
        m_status->setText(error);
        m_status->setStyleSheet(QStringLiteral("color: #b91c1c;"));
    } else {
        m_progress = progress;
        m_annotators->setRows(progress.perAnnotator);
        m_kinds->setRows(progress.perKind);
        // QProgressBar holds ints; a million pairs fit, and the ratio is what it draws.
        m_total->setRange(0, int(qMax<qint64>(1, qMin<qint64>(progress.pairs, INT_MAX))));
        m_total->setValue(int(qMin<qint64>(progress.votedPairs, INT_MAX)));
        const QLocale locale;
        m_total->setFormat(tr("%1 of %2 pairs voted (%p%)")
                               .arg(locale.toString(progress.votedPairs), locale.toString(progress.pairs)));
        m_summary->setText(progress.pairs == 0
                               ? tr("No candidate pairs yet: generate incidents or candidates first.")
                               : tr("Votes: %1 · annotators: %2 · pairs without a vote: %3")
                                     .arg(locale.toString(progress.votes),
                                          locale.toString(progress.perAnnotator.size()),
                                          locale.toString(progress.pairs - progress.votedPairs)));
        m_status->setText(tr("Updated %1 (%2 ms)")
                              .arg(locale.toString(QTime::currentTime(), QLocale::ShortFormat),
                                   locale.toString(milliseconds, 'f', 1)));
        m_status->setStyleSheet(QStringLiteral("color: #6b7280;"));
    }
    if (m_queryGate.stale())
        startQuery(); // the votes recorded while this query ran
    Q_EMIT refreshed();
}

} // namespace lab
