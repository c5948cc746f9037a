#pragma once
// Labeling progress (a dock of the label page): a total bar (pairs with a vote) and done /
// remaining per annotator and per incident kind. The numbers come from Store::progress(), which
// reads trigger-kept counters only, in a worker thread. refresh() is cheap to call after every
// vote: while a query runs, further calls only mark the panel stale, and one more query runs when
// the first returns, so a burst of votes costs at most two queries and the GUI never waits.
#include "core/store/records.h"
#include "ui/coalesced_refresh.h"

#include <QMetaType>
#include <QObject>
#include <QThread>
#include <QWidget>
#include <memory>

class QLabel;
class QProgressBar;
class QTableView;
class QToolButton;

namespace lab {

class Store;
class AnnotatorProgressModel;
class KindProgressModel;

class LabelProgressWorker : public QObject
{
    Q_OBJECT
public:
    void query(quint64 generation, std::shared_ptr<lab::Store> store);

Q_SIGNALS:
    void done(quint64 generation, const lab::LabelingProgress &progress, const QString &error, double milliseconds);
};

class LabelProgressPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LabelProgressPanel(QWidget *parent = nullptr);
    ~LabelProgressPanel() override; // stops the worker thread and waits for it

    void setStore(std::shared_ptr<Store> store);
    // Asynchronous and coalesced (see above).
    void refresh();

    bool isRefreshing() const { return m_queryGate.inFlight(); }
    // Queries started since construction (coalescing keeps it far below the refresh() calls).
    int queryCount() const { return m_queries; }
    const LabelingProgress &progress() const { return m_progress; }

    AnnotatorProgressModel *annotatorModel() const { return m_annotators; }
    KindProgressModel *kindModel() const { return m_kinds; }
    QProgressBar *totalBar() const { return m_total; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    // The tables show a new result (or an error, in the status label).
    void refreshed();

    void query(quint64 generation, std::shared_ptr<lab::Store> store); // to the worker

private:
    void startQuery();
    void apply(quint64 generation, const LabelingProgress &progress, const QString &error, double milliseconds);

    std::shared_ptr<Store> m_store;
    QThread m_thread;
    CoalescedRefresh m_queryGate;
    int m_queries = 0;
    LabelingProgress m_progress;

    AnnotatorProgressModel *m_annotators = nullptr;
    KindProgressModel *m_kinds = nullptr;
    QProgressBar *m_total = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_refresh = nullptr;
    QTableView *m_annotatorView = nullptr;
    QTableView *m_kindView = nullptr;
};

} // namespace lab

Q_DECLARE_METATYPE(lab::LabelingProgress)
