#pragma once
// How far the labels can be trusted (a dock of the label page): Krippendorff's alpha over all
// annotators, Cohen's kappa per pair of annotators, and per annotator the gold accuracy, the
// left-side win rate (position bias) and the verbosity bias. computeLabelQuality reads every
// vote, so it runs in a worker thread; refresh() while one runs marks the result stale and one
// more computation follows, and a newer store or the panel's end cancels the running one.
#include "core/label/label_quality.h"
#include "ui/coalesced_refresh.h"

#include <QMetaType>
#include <QObject>
#include <QThread>
#include <QWidget>
#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QTableView;
class QToolButton;

namespace lab {

class Store;
class AnnotatorQualityModel;
class AgreementModel;

class LabelQualityWorker : public QObject
{
    Q_OBJECT
public:
    void compute(quint64 generation, std::shared_ptr<lab::Store> store, std::shared_ptr<std::atomic_bool> cancel);

Q_SIGNALS:
    void progress(quint64 generation, qint64 done, qint64 total);
    void done(quint64 generation, const lab::LabelQuality &quality, const QString &error, bool cancelled);
};

class LabelQualityPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LabelQualityPanel(QWidget *parent = nullptr);
    ~LabelQualityPanel() override; // cancels, stops the worker thread and waits for it

    void setStore(std::shared_ptr<Store> store);
    void refresh(); // asynchronous

    bool isRefreshing() const { return m_queryGate.inFlight(); }
    int computationCount() const { return m_computations; }
    const LabelQuality &quality() const { return m_quality; }

    AnnotatorQualityModel *annotatorModel() const { return m_annotators; }
    AgreementModel *agreementModel() const { return m_agreement; }
    QLabel *alphaLabel() const { return m_alpha; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void refreshed();

    void compute(quint64 generation, std::shared_ptr<lab::Store> store,
                 std::shared_ptr<std::atomic_bool> cancel); // to the worker

private:
    void start();
    void apply(quint64 generation, const LabelQuality &quality, const QString &error, bool cancelled);
    void cancelRunning();

    std::shared_ptr<Store> m_store;
    QThread m_thread;
    CoalescedRefresh m_queryGate;
    std::shared_ptr<std::atomic_bool> m_cancel;
    int m_computations = 0;
    LabelQuality m_quality;

    AnnotatorQualityModel *m_annotators = nullptr;
    AgreementModel *m_agreement = nullptr;
    QLabel *m_alpha = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_busy = nullptr;
    QToolButton *m_refresh = nullptr;
    QTableView *m_annotatorView = nullptr;
    QTableView *m_agreementView = nullptr;
};

} // namespace lab

Q_DECLARE_METATYPE(lab::LabelQuality)
