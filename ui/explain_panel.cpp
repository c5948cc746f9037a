#include "ui/explain_panel.h"

#include "core/logs/identifier_evidence.h"
#include "ui/explanation_view.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStyle>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lab {

namespace {
constexpr int kLineRole = Qt::UserRole + 1; // 0-based log line of a digest row
}

ExplainPanel::ExplainPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    // Header: status (time, tokens, model) on its own line, so that it wraps without squeezing
    // the buttons in a narrow dock; the actions under it.
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("explainStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    auto *actions = new QHBoxLayout;
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0); // busy: generation reports no progress
    m_busyBar->setMaximumWidth(120);
    m_busyBar->setMaximumHeight(14);
    m_busyBar->setTextVisible(false);
    m_cancel = new QToolButton(this);
    m_cancel->setIcon(style()->standardIcon(QStyle::SP_DialogCancelButton));
    m_cancel->setAutoRaise(true);
    m_cancel->setToolTip(tr("Stop waiting for this explanation"));
    connect(m_cancel, &QToolButton::clicked, this, &ExplainPanel::cancelRequested);

    m_regenerate = new QToolButton(this);
    m_regenerate->setObjectName(QStringLiteral("explainRegenerate"));
    m_regenerate->setText(tr("Regenerate"));
    m_regenerate->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_regenerate->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_regenerate->setToolTip(tr("Sample another explanation (new seed)"));
    connect(m_regenerate, &QToolButton::clicked, this, &ExplainPanel::regenerateRequested);

    m_copy = new QToolButton(this);
    m_copy->setObjectName(QStringLiteral("explainCopy"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_copy->setToolTip(tr("Copy the explanation to the clipboard"));
    connect(m_copy, &QToolButton::clicked, this, [this] {
        if (QClipboard *clipboard = QApplication::clipboard())
            clipboard->setText(m_view->text());
    });

    m_digestToggle = new QToolButton(this);
    m_digestToggle->setObjectName(QStringLiteral("explainDigestToggle"));
    m_digestToggle->setText(tr("Digest"));
    m_digestToggle->setCheckable(true);
    m_digestToggle->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_digestToggle->setToolTip(tr("Show the log lines the model read (click one to go to it)"));

    actions->addWidget(m_regenerate);
    actions->addWidget(m_copy);
    actions->addWidget(m_digestToggle);
    actions->addStretch(1);
    actions->addWidget(m_busyBar);
    actions->addWidget(m_cancel);
    layout->addWidget(m_status);
    layout->addLayout(actions);

    // Body: hint, error or the explanation (with the digest under it when toggled).
    m_pages = new QStackedWidget(this);
    m_hint = new QLabel(tr("Explain the open log with the model: Ctrl+E, or Model ▸ Explain."), this);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #6b7280;"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("explainError"));
    m_error->setWordWrap(true);
    m_error->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b91c1c;"));

    auto *result = new QSplitter(Qt::Vertical, this);
    m_view = new ExplanationView(result);
    m_view->setObjectName(QStringLiteral("explainView"));
    m_view->textBrowser()->setObjectName(QStringLiteral("explainText"));
    m_view->textBrowser()->setPlaceholderText(tr("The model wrote nothing."));
    connect(m_view, &ExplanationView::lineActivated, this, [this](int line) { Q_EMIT lineActivated(qint64(line)); });
    m_digestModel = new QStandardItemModel(this);
    m_digestView = new QListView(result);
    m_digestView->setObjectName(QStringLiteral("explainDigest"));
    m_digestView->setModel(m_digestModel);
    m_digestView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Wrapped: the digest's lines are the evidence, and their ends (ids, exception names) matter.
    m_digestView->setWordWrap(true);
    m_digestView->setResizeMode(QListView::Adjust);
    m_digestView->setAlternatingRowColors(true);
    m_digestView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_digestView->setVisible(false);
    result->addWidget(m_view);
    result->addWidget(m_digestView);
    result->setStretchFactor(0, 1);
    result->setStretchFactor(1, 2);
    connect(m_digestToggle, &QToolButton::toggled, m_digestView, &QWidget::setVisible);
    connect(m_digestView, &QListView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT lineActivated(index.data(kLineRole).toLongLong()); });
    connect(m_digestView, &QListView::clicked, this,
            [this](const QModelIndex &index) { Q_EMIT lineActivated(index.data(kLineRole).toLongLong()); });

    m_pages->addWidget(m_hint);
    m_pages->addWidget(m_error);
    m_pages->addWidget(result);
    layout->addWidget(m_pages, 1);

    clear();
}

void ExplainPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
    m_cancel->setVisible(busy);
    m_regenerate->setEnabled(!busy && m_hasResult);
    m_copy->setEnabled(!busy && m_hasResult);
    m_digestToggle->setEnabled(m_hasResult);
}

void ExplainPanel::clear()
{
    m_hasResult = false;
    m_explanation = {};
    m_view->clear();
    m_digestModel->clear();
    m_status->setText(tr("No explanation yet"));
    m_pages->setCurrentWidget(m_hint);
    setBusy(false);
}

void ExplainPanel::showBusy(const QString &detail)
{
    m_status->setText(detail.isEmpty() ? tr("Explaining…") : tr("Explaining with %1…").arg(detail));
    setBusy(true);
}

void ExplainPanel::showExplanation(const Explanation &explanation)
{
    m_explanation = explanation;
    m_hasResult = true;
    // The worker checked the identifiers against the whole log (ExplainWorker); without that
    // (an older result) the text shows unmarked.
    m_view->setExplanation(explanation.text, evidenceFromJson(explanation.meta.value(QStringLiteral("evidence")).toObject()));
    const QString model = explanation.meta.value(QStringLiteral("model")).toString();
    const QString adapter = explanation.meta.value(QStringLiteral("adapter")).toString();
    const QString who = adapter.isEmpty() ? model : tr("%1 + %2").arg(model, adapter);
    QString status = tr("%1 s · %2 new tokens · read %3 of %4 lines (%5 tokens) · %6")
                         .arg(QLocale().toString(explanation.seconds, 'f', 2))
                         .arg(explanation.newTokens)
                         .arg(explanation.digestLines.size())
                         .arg(QLocale().toString(explanation.totalLines))
                         .arg(explanation.promptTokens)
                         .arg(who);
    if (!explanation.finished && explanation.newTokens > 0)
        status += tr(" · cut at the token limit");
    m_status->setText(status);
    m_status->setToolTip(tr("Seed %1").arg(explanation.meta.value(QStringLiteral("seed")).toString()));
    fillDigest();
    m_pages->setCurrentIndex(2);
    setBusy(false);
}

void ExplainPanel::fillDigest()
{
    m_digestModel->clear();
    // The prompt is the digest's lines and the "### Explanation:" cue; line i is digestLines[i].
    QString digest = m_explanation.prompt;
    const int cue = digest.lastIndexOf(QStringLiteral("\n### Explanation:"));
    if (cue >= 0)
        digest.truncate(cue);
    const QStringList lines = digest.isEmpty() ? QStringList() : digest.split(QLatin1Char('\n'));
    const int width = int(QString::number(m_explanation.totalLines).size());
    const QVector<int> &support = m_view->report().supportLines; // 0-based, sorted
    for (int i = 0; i < lines.size() && i < m_explanation.digestLines.size(); ++i) {
        const int line = m_explanation.digestLines[i];
        auto *item = new QStandardItem(QStringLiteral("%1  %2").arg(line, width).arg(lines[i]));
        item->setData(qint64(line - 1), kLineRole);
        if (std::binary_search(support.begin(), support.end(), line - 1)) {
            QFont bold = m_digestView->font();
            bold.setBold(true);
            item->setFont(bold);
            item->setToolTip(tr("Line %1, cited by the explanation (click to go to it in the log)").arg(line));
        } else {
            item->setToolTip(tr("Line %1 (click to go to it in the log)").arg(line));
        }
        m_digestModel->appendRow(item);
    }
    m_digestToggle->setText(tr("Digest (%1 lines)").arg(m_digestModel->rowCount()));
}

void ExplainPanel::showError(const QString &message)
{
    m_error->setText(message);
    m_status->setText(tr("No explanation"));
    m_pages->setCurrentWidget(m_error);
    m_hasResult = false;
    setBusy(false);
}

QString ExplainPanel::explanationText() const
{
    return m_hasResult ? m_view->text() : QString();
}

QTextBrowser *ExplainPanel::textView() const
{
    return m_view->textBrowser();
}

} // namespace lab
