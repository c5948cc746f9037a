#pragma once
// Real-time triage: shows in the log view what an explanation of that log cites. The lines that
// hold the explanation's grounded identifiers get the gutter mark and the identifiers a
// highlight, and the view goes to the first cited line. The reader's own search wins: while the
// search field holds text, the gutter and highlight are the search's, and the marks come back
// when it is cleared. Invented identifiers are flagged in the explain panel (ExplanationView).
#include "core/explain/explainer.h"

#include <QObject>
#include <QRegularExpression>
#include <vector>

namespace lab {

class LogView;

class TriageMarks : public QObject
{
    Q_OBJECT
public:
    explicit TriageMarks(LogView *view, QObject *parent = nullptr);

    // Marks what `explanation` cites (its meta["evidence"], lines of the whole log).
    void show(const Explanation &explanation);
    void clear(); // a new log, or the explanation went away

    const std::vector<qint64> &citedLines() const { return m_lines; } // 0-based, sorted
    QRegularExpression pattern() const { return m_pattern; }
    bool isShown() const { return m_shown; }

private:
    void apply();

    LogView *m_view;
    std::vector<qint64> m_lines;
    QRegularExpression m_pattern;
    bool m_shown = false;
};

} // namespace lab
