#include "ui/triage_marks.h"

#include "core/logs/identifier_evidence.h"
#include "ui/log_search.h"
#include "ui/log_text_view.h"
#include "ui/log_view.h"

#include <QLineEdit>
#include <QTimer>
#include <QSet>
#include <algorithm>

namespace lab {

namespace {
constexpr int kAfterSearchMs = 400;
}

TriageMarks::TriageMarks(LogView *view, QObject *parent) : QObject(parent), m_view(view)
{
    connect(m_view->searchEdit(), &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!m_shown)
            return;
        if (text.isEmpty()) {
            // After the log view's debounced search (250 ms) has cleared its highlight.
            QTimer::singleShot(kAfterSearchMs, this, &TriageMarks::apply);
        } else if (auto *search = m_view->findChild<LogSearch *>()) {
            // The gutter goes back to the search's hits (the log view set it so when the log opened).
            m_view->textView()->setMarkedLines(&search->hits());
        }
    });
    // Opening another log resets the gutter and highlight to the log view's own.
    connect(m_view, &LogView::logOpened, this, &TriageMarks::clear);
    connect(m_view, &LogView::logClosed, this, &TriageMarks::clear);
}

void TriageMarks::show(const Explanation &explanation)
{
    const EvidenceReport report = evidenceFromJson(explanation.meta.value(QStringLiteral("evidence")).toObject());
    m_lines.assign(report.supportLines.begin(), report.supportLines.end());
    std::sort(m_lines.begin(), m_lines.end());
    m_lines.erase(std::unique(m_lines.begin(), m_lines.end()), m_lines.end());
    QStringList alternatives;
    QSet<QString> seen;
    for (const IdentifierMention &m : report.mentions) {
        // Line references ("line 42") name no text of the log; the others are highlighted as written.
        if (!m.inLog() || m.kind == IdentifierKind::LineNumber || seen.contains(m.text.toLower()))
            continue;
        seen.insert(m.text.toLower());
        alternatives << QRegularExpression::escape(m.text);
    }
    // Longest first: "executor 17" before "executor 1".
    std::sort(alternatives.begin(), alternatives.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    m_pattern = alternatives.isEmpty() ? QRegularExpression()
                                       : QRegularExpression(alternatives.join(QLatin1Char('|')),
                                                            QRegularExpression::CaseInsensitiveOption);
    m_shown = true;
    apply();
    if (!m_lines.empty() && m_view->searchEdit()->text().isEmpty())
        m_view->goToLine(m_lines.front());
}

void TriageMarks::clear()
{
    if (!m_shown)
        return;
    m_shown = false;
    m_lines.clear();
    m_pattern = QRegularExpression();
}

void TriageMarks::apply()
{
    if (!m_shown || !m_view->logFile() || !m_view->searchEdit()->text().isEmpty())
        return;
    m_view->textView()->setMarkedLines(&m_lines);
    m_view->textView()->setHighlight(m_pattern);
    m_view->textView()->viewport()->update();
}

} // namespace lab
