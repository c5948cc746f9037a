#include "ui/template_panel.h"

#include "ui/icons.h"
#include "ui/template_table_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace lab {

TemplatePanel::TemplatePanel(QWidget *parent)
    : QWidget(parent), m_mining(new TemplateMining(this)), m_model(new TemplateTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::EditRole);
    m_proxy->setFilterKeyColumn(TemplateTableModel::TextColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("templateFilterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter templates…"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("templateSummary"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel = new QToolButton(this);
    m_cancel->setIcon(icon(IconId::Cancel));
    m_cancel->setAutoRaise(true);
    m_cancel->setToolTip(tr("Stop mining templates"));
    m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, m_mining, &TemplateMining::cancel);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("templateTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TemplateTableModel::CountColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(TemplateTableModel::IdColumn, 56);
    m_table->setColumnWidth(TemplateTableModel::CountColumn, 64);
    m_table->setColumnWidth(TemplateTableModel::ShareColumn, 60);
    m_table->setToolTip(tr("Click a template to show only its lines in the log (Enter does the same)"));
    connect(m_table, &QTableView::clicked, this, &TemplatePanel::onRowActivated);
    connect(m_table, &QTableView::activated, this, &TemplatePanel::onRowActivated);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(6, 4, 6, 0);
    top->addWidget(m_filterEdit, 1);
    auto *status = new QHBoxLayout;
    status->setContentsMargins(6, 0, 6, 0);
    status->addWidget(m_summary, 1);
    status->addWidget(m_progress);
    status->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addLayout(status);
    layout->addWidget(m_table, 1);
    setFocusProxy(m_table);

    connect(m_mining, &TemplateMining::progress, m_progress, &QProgressBar::setValue);
    connect(m_mining, &TemplateMining::finished, this, &TemplatePanel::onFinished);
    connect(m_mining, &TemplateMining::cancelled, this, [this] {
        m_progress->hide();
        m_cancel->hide();
        m_summary->setText(tr("Template mining stopped"));
    });
    m_summary->setText(tr("No log open"));
}

TemplatePanel::~TemplatePanel() = default;

void TemplatePanel::setLogFile(SharedConstLogFile file)
{
    m_mining->cancel();
    m_model->clear();
    m_result.reset();
    m_file = std::move(file);
    if (!m_file) {
        m_summary->setText(tr("No log open"));
        return;
    }
    m_summary->setText(tr("Mining templates…"));
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_mining->start(m_file);
}

bool TemplatePanel::isMining() const
{
    return m_mining->isRunning();
}

void TemplatePanel::onFinished(std::shared_ptr<const TemplateMiningResult> result)
{
    m_progress->hide();
    m_cancel->hide();
    m_result = std::move(result);
    m_model->setTemplates(m_result->templates, m_result->lines());
    m_summary->setText(tr("%1 templates in %2 lines")
                           .arg(QLocale().toString(qint64(m_result->templates.size())), QLocale().toString(m_result->lines())));
    Q_EMIT miningFinished(int(m_result->templates.size()));
}

void TemplatePanel::onRowActivated(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const int id = m_proxy->data(proxyIndex.siblingAtColumn(0), TemplateTableModel::IdRole).toInt();
    activateTemplate(id);
}

void TemplatePanel::activateTemplate(int id)
{
    if (!m_result || id < 0 || size_t(id) >= m_result->templates.size())
        return;
    const TemplateInfo &t = m_result->templates[size_t(id)];
    const QString label = tr("%1 · %2 lines").arg(templateLabel(id), QLocale().toString(t.count));
    Q_EMIT templateActivated(label, m_result->linesOf(id));
}

void TemplatePanel::clearSelection()
{
    m_table->clearSelection();
}

} // namespace lab
