#include "ui/incident_list_view.h"

#include "core/store/store.h"
#include "ui/incident_table_model.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace lab {

IncidentListView::IncidentListView(QWidget *parent)
    : QWidget(parent), m_model(new IncidentTableModel(this)), m_proxy(new IncidentFilterProxy(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setDynamicSortFilter(true);

    auto makeCombo = [this](const QString &objectName) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(objectName);
        combo->addItem(tr("All"), QString());
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        return combo;
    };
    m_kindCombo = makeCombo(QStringLiteral("kindCombo"));
    m_sourceCombo = makeCombo(QStringLiteral("sourceCombo"));
    m_statusCombo = makeCombo(QStringLiteral("statusCombo"));
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setKind(m_kindCombo->currentData().toString());
        updateSummary();
    });
    connect(m_sourceCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setSource(m_sourceCombo->currentData().toString());
        updateSummary();
    });
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStatus(m_statusCombo->currentData().toString());
        updateSummary();
    });
    m_textEdit = new QLineEdit(this);
    m_textEdit->setObjectName(QStringLiteral("incidentTextFilter"));
    m_textEdit->setPlaceholderText(tr("Filter by title or kind…"));
    m_textEdit->setClearButtonEnabled(true);
    connect(m_textEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        updateSummary();
    });

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("incidentTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(IncidentTableModel::IdColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(IncidentTableModel::IdColumn, 44);
    m_table->setColumnWidth(IncidentTableModel::TitleColumn, 210);
    m_table->setColumnWidth(IncidentTableModel::KindColumn, 150);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT incidentActivated(index.data(IncidentTableModel::IncidentIdRole).toLongLong());
    });
    // A single click opens the incident too: browsing incidents is the point of this list.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT incidentActivated(current.data(IncidentTableModel::IncidentIdRole).toLongLong());
            });

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("incidentSummary"));

    auto *filters = new QFormLayout;
    filters->setContentsMargins(6, 4, 6, 0);
    filters->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    filters->addRow(tr("&Kind:"), m_kindCombo);
    filters->addRow(tr("&Source:"), m_sourceCombo);
    filters->addRow(tr("S&tatus:"), m_statusCombo);
    filters->addRow(tr("&Text:"), m_textEdit);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(6, 0, 6, 4);
    bottom->addWidget(m_summary);
    layout->addLayout(bottom);
    setFocusProxy(m_table);

    auto *loader = new IncidentLoader;
    loader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, loader, &QObject::deleteLater);
    connect(this, &IncidentListView::load, loader, &IncidentLoader::load, Qt::QueuedConnection);
    connect(loader, &IncidentLoader::batch, this, &IncidentListView::onBatch, Qt::QueuedConnection);
    connect(loader, &IncidentLoader::done, this, &IncidentListView::onDone, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("IncidentLoader"));
    m_thread.start();
    updateSummary();
}

IncidentListView::~IncidentListView()
{
    if (m_cancel)
        m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();
}

void IncidentListView::setStore(std::shared_ptr<Store> store)
{
    if (m_cancel)
        m_cancel->store(true);
    ++m_generation;
    m_model->clear();
    m_store = std::move(store);
    m_loading = bool(m_store);
    refreshFilterChoices();
    updateSummary();
    if (!m_store)
        return;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    Q_EMIT load(m_generation, m_store, m_cancel);
}

void IncidentListView::onBatch(quint64 generation, const QVector<IncidentRecord> &batch)
{
    if (generation != m_generation)
        return;
    m_model->appendBatch(batch);
    updateSummary();
}

void IncidentListView::onDone(quint64 generation, const QString &error)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    m_cancel.reset();
    refreshFilterChoices();
    updateSummary();
    if (!error.isEmpty())
        Q_EMIT loadFailed(error);
    else
        Q_EMIT loaded(m_model->rowCount());
}

void IncidentListView::refreshFilterChoices()
{
    const std::pair<QComboBox *, IncidentTableModel::Column> boxes[] = {
        {m_kindCombo, IncidentTableModel::KindColumn},
        {m_sourceCombo, IncidentTableModel::SourceColumn},
        {m_statusCombo, IncidentTableModel::StatusColumn},
    };
    for (const auto &[combo, column] : boxes) {
        const QString keep = combo->currentData().toString();
        const QSignalBlocker blocker(combo);
        while (combo->count() > 1)
            combo->removeItem(1);
        for (const QString &value : m_model->distinctValues(column))
            combo->addItem(value, value);
        const int index = combo->findData(keep);
        combo->setCurrentIndex(index < 0 ? 0 : index);
    }
}

void IncidentListView::updateSummary()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text;
    if (!m_store)
        text = tr("No project open");
    else if (shown == total)
        text = total == 1 ? tr("1 incident") : tr("%Ln incidents", nullptr, total);
    else
        text = tr("%1 of %Ln incidents", nullptr, total).arg(QLocale().toString(shown));
    if (m_loading)
        text += QLatin1Char(' ') + tr("(loading…)");
    m_summary->setText(text);
}

void IncidentLoader::load(quint64 generation, std::shared_ptr<Store> store, std::shared_ptr<std::atomic_bool> cancel)
{
    IncidentFilter filter;
    filter.limit = kPageSize;
    for (filter.offset = 0;; filter.offset += kPageSize) {
        if (cancel->load())
            return;
        auto page = store->incidents(filter);
        if (!page) {
            Q_EMIT done(generation, page.error());
            return;
        }
        if (!page->isEmpty())
            Q_EMIT batch(generation, *page);
        if (page->size() < kPageSize)
            break;
    }
    Q_EMIT done(generation, QString());
}

} // namespace lab
