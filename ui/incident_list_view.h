#pragma once
// The incident list: a sortable table over the project's incidents with filters by kind,
// source, status and text. Incidents are read in pages by a loader on its own thread and
// appended as they arrive, so a project with 100,000 incidents opens at once.
#include "core/store/records.h"

#include <QThread>
#include <QWidget>
#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace lab {

class IncidentFilterProxy;
class IncidentTableModel;
class Store;

class IncidentListView : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentListView(QWidget *parent = nullptr);
    ~IncidentListView() override;

    // Shows the incidents of `store` (null: none); loading runs in the background.
    void setStore(std::shared_ptr<Store> store);
    std::shared_ptr<Store> store() const { return m_store; }
    bool isLoading() const { return m_loading; }

    QTableView *table() const { return m_table; }
    IncidentTableModel *model() const { return m_model; }
    IncidentFilterProxy *proxy() const { return m_proxy; }
    QComboBox *kindCombo() const { return m_kindCombo; }
    QComboBox *sourceCombo() const { return m_sourceCombo; }
    QComboBox *statusCombo() const { return m_statusCombo; }

    // Room for id, title, kind and source when the dock first opens; later the saved state decides.
    QSize sizeHint() const override { return {480, 600}; }

Q_SIGNALS:
    void incidentActivated(qint64 id);
    void loaded(qint64 incidents);
    void loadFailed(const QString &message);

    void load(quint64 generation, std::shared_ptr<lab::Store> store, std::shared_ptr<std::atomic_bool> cancel); // to the worker

private:
    void onBatch(quint64 generation, const QVector<lab::IncidentRecord> &batch);
    void onDone(quint64 generation, const QString &error);
    void refreshFilterChoices();
    void updateSummary();

    QThread m_thread;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<Store> m_store;
    bool m_loading = false;

    IncidentTableModel *m_model = nullptr;
    IncidentFilterProxy *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QComboBox *m_sourceCombo = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QLineEdit *m_textEdit = nullptr;
    QLabel *m_summary = nullptr;
};

class IncidentLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 500;
    void load(quint64 generation, std::shared_ptr<lab::Store> store, std::shared_ptr<std::atomic_bool> cancel);

Q_SIGNALS:
    void batch(quint64 generation, const QVector<lab::IncidentRecord> &incidents);
    void done(quint64 generation, const QString &error);
};

} // namespace lab
