#pragma once
// The template panel: the log's templates with their line counts, mined in the background
// (progress and cancel shown), filterable by text; activating one asks the log view to show
// only its lines.
#include "ui/shared_log_file.h"
#include "ui/template_mining.h"

#include <QWidget>
#include <memory>

class QLabel;
class QLineEdit;
class QProgressBar;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace lab {

class TemplateTableModel;

class TemplatePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TemplatePanel(QWidget *parent = nullptr);
    ~TemplatePanel() override;

    // Starts mining `file` (after its indexing finished); null clears the panel.
    void setLogFile(SharedConstLogFile file);
    bool isMining() const;
    QTableView *table() const { return m_table; }
    TemplateTableModel *model() const { return m_model; }
    std::shared_ptr<const TemplateMiningResult> result() const { return m_result; }

    // Activates the template with this id as a click would.
    void activateTemplate(int id);
    void clearSelection();

Q_SIGNALS:
    void templateActivated(const QString &label, const std::vector<qint64> &lines);
    void miningFinished(int templates);

private:
    void onFinished(std::shared_ptr<const TemplateMiningResult> result);
    void onRowActivated(const QModelIndex &proxyIndex);

    TemplateMining *m_mining = nullptr;
    TemplateTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    std::shared_ptr<const TemplateMiningResult> m_result;
    SharedConstLogFile m_file;
};

} // namespace lab
