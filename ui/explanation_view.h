#pragma once
// One explanation, read-only, with the identifiers it names marked against the log: those the
// log holds are underlined on a tint and link to their first line (click or Enter on one emits
// lineActivated), those it does not are flagged with a red wavy underline and the tooltip "not in
// the log". A one-line summary under the text says how many were found and which were not.
// The marks come from an EvidenceReport (core/logs/identifier_evidence.h), the same check that
// `label auto` and evaluation count, so what the GUI flags is what the numbers count.
#include "core/logs/identifier_evidence.h"

#include <QWidget>

class QLabel;
class QTextBrowser;

namespace lab {

class ExplanationView : public QWidget
{
    Q_OBJECT
public:
    explicit ExplanationView(QWidget *parent = nullptr);

    void setExplanation(const QString &text, const EvidenceReport &report);
    void clear();
    // A heading above the text ("A", "Model explanation"); hidden while empty.
    void setTitle(const QString &title);
    QString title() const;

    QString text() const { return m_text; }
    const EvidenceReport &report() const { return m_report; }
    QString summaryText() const; // the summary line as plain text
    QTextBrowser *textBrowser() const { return m_browser; }
    // Where mention `index` of report() is drawn, in the text browser's viewport (empty if it is
    // not shown); for tests and for pointing at a flag.
    QRect mentionRect(int index) const;

Q_SIGNALS:
    // A grounded identifier was clicked: its first line in the log, 0-based.
    void lineActivated(int line);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render(); // text and summary from m_text/m_report in the current palette

    QString m_text;
    EvidenceReport m_report;
    QLabel *m_title = nullptr;
    QTextBrowser *m_browser = nullptr;
    QLabel *m_summary = nullptr;
    bool m_rendering = false;
};

} // namespace lab
