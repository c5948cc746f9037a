#pragma once
// The explain panel (a dock of the main window): the model's explanation of the open log with its
// identifiers checked against the log (found ones jump to their line, invented ones are flagged),
// how long it took and how many tokens, the digest the model read (each line jumps to the log
// when clicked; the lines the explanation cites are bold), Regenerate (a new seed) and Copy.
// It shows; ExplainJob computes (the evidence too, in explanation.meta["evidence"]).
#include "core/explain/explainer.h"

#include <QTextBrowser> // textView()'s type, complete for callers that read its text
#include <QWidget>

class QLabel;
class QListView;
class QProgressBar;
class QStackedWidget;
class QStandardItemModel;
class QToolButton;

namespace lab {

class ExplainPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ExplainPanel(QWidget *parent = nullptr);

    // "Explaining…" with a busy bar; `detail` says with what (model, adapter).
    void showBusy(const QString &detail);
    void showExplanation(const Explanation &explanation);
    void showError(const QString &message);
    // Back to the hint shown before the first explanation (e.g. when the log closes).
    void clear();

    QString explanationText() const;
    bool isBusy() const { return m_busy; }
    const Explanation &explanation() const { return m_explanation; }

    QTextBrowser *textView() const;
    class ExplanationView *explanationView() const { return m_view; }
    QToolButton *regenerateButton() const { return m_regenerate; }
    QToolButton *copyButton() const { return m_copy; }
    QToolButton *digestButton() const { return m_digestToggle; }
    QListView *digestView() const { return m_digestView; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void regenerateRequested();
    void cancelRequested();
    // A digest line was clicked: `line` is 0-based in the log.
    void lineActivated(qint64 line);

private:
    void setBusy(bool busy);
    void fillDigest();

    Explanation m_explanation;
    bool m_busy = false;
    bool m_hasResult = false;

    QLabel *m_status = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QToolButton *m_cancel = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_error = nullptr;
    class ExplanationView *m_view = nullptr;
    QToolButton *m_regenerate = nullptr;
    QToolButton *m_copy = nullptr;
    QToolButton *m_digestToggle = nullptr;
    QListView *m_digestView = nullptr;
    QStandardItemModel *m_digestModel = nullptr;
};

} // namespace lab
