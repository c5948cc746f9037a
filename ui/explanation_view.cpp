#include "ui/explanation_view.h"

#include <QEvent>
#include <QLabel>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>

namespace lab {

namespace {

const QString kLineScheme = QStringLiteral("line");

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// Red that reads on the palette's base: darker on light themes, lighter on dark ones.
QColor flagColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf8, 0x71, 0x71) : QColor(0xc8, 0x1e, 0x1e);
}

} // namespace

ExplanationView::ExplanationView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("explanationTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setVisible(false);

    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("explanationText"));
    m_browser->setOpenLinks(false);
    m_browser->setOpenExternalLinks(false);
    m_browser->setUndoRedoEnabled(false);
    QFont textFont = m_browser->font();
    textFont.setPointSizeF(textFont.pointSizeF() * 1.1);
    m_browser->setFont(textFont);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == kLineScheme)
            Q_EMIT lineActivated(url.path().toInt());
    });

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("explanationSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    layout->addWidget(m_title);
    layout->addWidget(m_browser, 1);
    layout->addWidget(m_summary);
    clear();
}

void ExplanationView::setExplanation(const QString &text, const EvidenceReport &report)
{
    m_text = text;
    m_report = report;
    render();
}

void ExplanationView::clear()
{
    m_text.clear();
    m_report = {};
    render();
}

void ExplanationView::setTitle(const QString &title)
{
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
}

QString ExplanationView::title() const
{
    return m_title->text();
}

QString ExplanationView::summaryText() const
{
    QTextDocument doc;
    doc.setHtml(m_summary->text());
    return doc.toPlainText();
}

QRect ExplanationView::mentionRect(int index) const
{
    if (index < 0 || index >= m_report.mentions.size())
        return {};
    const IdentifierMention &m = m_report.mentions.at(index);
    if (m.start < 0 || m.length <= 0 || m.start + m.length > m_text.size())
        return {};
    QTextCursor begin(m_browser->document());
    begin.setPosition(m.start);
    QTextCursor end(m_browser->document());
    end.setPosition(m.start + 1);
    // The first character's box: an identifier that wraps still starts there.
    const QRect a = m_browser->cursorRect(begin);
    const QRect b = m_browser->cursorRect(end);
    return QRect(QPoint(a.left(), a.top()), QPoint(std::max(b.left(), a.left() + 1), a.bottom()));
}

void ExplanationView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Colours are mixed from the palette, so a theme switch redraws the marks.
    if (!m_rendering && (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange))
        render();
}

void ExplanationView::render()
{
    m_rendering = true;
    // Our palette, not the browser's: a change reaches us before it reaches our children.
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor link = pal.color(QPalette::Link);
    const QColor red = flagColor(pal);

    QTextDocument *doc = m_browser->document();
    doc->clear();
    QTextCursor cursor(doc);
    QTextCharFormat plain;
    plain.setForeground(pal.color(QPalette::Text));
    int at = 0;
    for (const IdentifierMention &m : std::as_const(m_report.mentions)) {
        if (m.start < at || m.length <= 0 || m.start + m.length > m_text.size())
            continue; // overlapping or outside the text: leave it as text
        cursor.insertText(m_text.mid(at, m.start - at), plain);
        QTextCharFormat mark;
        if (m.inLog()) {
            mark.setAnchor(true);
            mark.setAnchorHref(kLineScheme + QLatin1Char(':') + QString::number(m.logLines.first()));
            mark.setForeground(link);
            mark.setBackground(mix(base, link, isDark(pal) ? 0.28 : 0.14));
            mark.setFontUnderline(true);
            mark.setUnderlineColor(link);
            const int more = int(m.logLines.size()) - 1;
            mark.setToolTip(more > 0 ? tr("In the log at line %1 (and %2 more); click to go there").arg(m.logLines.first() + 1).arg(more)
                                     : tr("In the log at line %1; click to go there").arg(m.logLines.first() + 1));
        } else {
            mark.setForeground(pal.color(QPalette::Text));
            mark.setBackground(mix(base, red, isDark(pal) ? 0.22 : 0.10));
            mark.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
            mark.setUnderlineColor(red);
            mark.setToolTip(tr("not in the log"));
        }
        cursor.insertText(m_text.mid(m.start, m.length), mark);
        at = m.start + m.length;
    }
    cursor.insertText(m_text.mid(at), plain);
    m_browser->moveCursor(QTextCursor::Start);

    // Summary: "3 identifiers found in the log, 1 not found: executor 17".
    const int grounded = m_report.groundedCount();
    const QStringList missing = m_report.hallucinated();
    QString summary;
    if (m_text.isEmpty()) {
        summary.clear();
    } else if (grounded == 0 && missing.isEmpty()) {
        summary = tr("No identifiers to check against the log").toHtmlEscaped();
    } else {
        summary = (grounded == 1 ? tr("1 identifier found in the log") : tr("%1 identifiers found in the log").arg(grounded)).toHtmlEscaped();
        if (!missing.isEmpty()) {
            QStringList names;
            for (const QString &name : missing)
                names << name.toHtmlEscaped();
            summary += QStringLiteral(", <span style='color:%1'>%2</span>")
                           .arg(red.name(), tr("%1 not found: %2").arg(missing.size()).arg(names.join(QStringLiteral(", "))));
        }
    }
    m_summary->setText(summary);
    m_summary->setVisible(!summary.isEmpty());
    m_rendering = false;
}

} // namespace lab
