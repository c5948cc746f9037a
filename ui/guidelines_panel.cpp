#include "ui/guidelines_panel.h"

#include "core/store/store.h"

#include <QComboBox>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <mutex>

// labeling.qrc is compiled into the static lab_ui library, where nothing would reference its
// initialiser; registering it here keeps the linker from dropping it.
static void registerLabelingResources()
{
    Q_INIT_RESOURCE(labeling);
}

namespace lab {

namespace {
// Signs the version seeded from the shipped file (a product name, not translated).
const QString kShippedAuthor = QStringLiteral("RLHF Log Lab");

// Trailing blanks and line ends are not an edit.
QString normalized(const QString &text)
{
    QString result = text;
    while (!result.isEmpty() && result.back().isSpace())
        result.chop(1);
    return result;
}
} // namespace

QString shippedGuidelines()
{
    static std::once_flag registered;
    std::call_once(registered, registerLabelingResources);
    QFile file(QStringLiteral(":/guidelines/labeling-guidelines.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

GuidelinesPanel::GuidelinesPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("guidelinesHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    m_history = new QComboBox(this);
    m_history->setObjectName(QStringLiteral("guidelinesHistory"));
    m_history->setToolTip(tr("Read an earlier version (read-only). Each vote records the version it was made under."));
    m_history->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_edit = new QPushButton(tr("Edit"), this);
    m_edit->setObjectName(QStringLiteral("guidelinesEdit"));
    m_edit->setToolTip(tr("Edit the current guidelines; saving makes a new version"));
    bar->addWidget(m_history);
    bar->addStretch(1);
    bar->addWidget(m_edit);
    layout->addWidget(m_header);
    layout->addLayout(bar);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("guidelinesMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    layout->addWidget(m_message);

    m_pages = new QStackedWidget(this);
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("guidelinesBrowser"));
    m_browser->setOpenExternalLinks(true);

    auto *editPage = new QWidget(this);
    auto *editLayout = new QVBoxLayout(editPage);
    editLayout->setContentsMargins(0, 0, 0, 0);
    m_editor = new QPlainTextEdit(editPage);
    m_editor->setObjectName(QStringLiteral("guidelinesEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlaceholderText(tr("The guidelines, in Markdown"));
    auto *editButtons = new QHBoxLayout;
    m_save = new QPushButton(tr("Save"), editPage);
    m_save->setObjectName(QStringLiteral("guidelinesSave"));
    m_save->setToolTip(tr("Save as a new version (Ctrl+S)"));
    m_cancel = new QPushButton(tr("Cancel"), editPage);
    m_cancel->setObjectName(QStringLiteral("guidelinesCancel"));
    m_cancel->setToolTip(tr("Discard the changes (Esc)"));
    editButtons->addStretch(1);
    editButtons->addWidget(m_cancel);
    editButtons->addWidget(m_save);
    editLayout->addWidget(m_editor, 1);
    editLayout->addLayout(editButtons);

    m_pages->addWidget(m_browser);
    m_pages->addWidget(editPage);
    layout->addWidget(m_pages, 1);

    connect(m_edit, &QPushButton::clicked, this, &GuidelinesPanel::startEditing);
    connect(m_save, &QPushButton::clicked, this, &GuidelinesPanel::save);
    connect(m_cancel, &QPushButton::clicked, this, &GuidelinesPanel::cancelEditing);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, editPage);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &GuidelinesPanel::save);
    auto *cancelShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), editPage);
    cancelShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelShortcut, &QShortcut::activated, this, &GuidelinesPanel::cancelEditing);
    connect(m_history, &QComboBox::currentIndexChanged, this, &GuidelinesPanel::showVersion);

    setStore(nullptr, QString());
}

void GuidelinesPanel::setStore(std::shared_ptr<Store> store, const QString &author)
{
    m_store = std::move(store);
    m_author = author;
    m_pages->setCurrentIndex(0);
    showMessage({}, false);
    const int before = m_current.version;
    if (!m_store) {
        m_current = {};
        m_versions.clear();
        m_shownVersion = 0;
        {
            const QSignalBlocker block(m_history);
            m_history->clear();
        }
        m_history->setEnabled(false);
        m_edit->setEnabled(false);
        m_header->setText(tr("Shipped guidelines · no project open"));
        m_browser->setMarkdown(shippedGuidelines());
        if (before != 0)
            Q_EMIT versionChanged(0);
        return;
    }
    // Seed inside one write transaction, so two processes opening a new project at once
    // cannot both write a version 1.
    Status seeded = m_store->transaction([&]() -> Status {
        auto latest = m_store->guidelines();
        if (!latest.ok())
            return fail(latest.error());
        if (latest->version > 0)
            return {};
        const QString text = shippedGuidelines();
        if (text.isEmpty())
            return fail(tr("the shipped labeling guidelines are missing from this build"));
        auto added = m_store->addGuidelines(text, kShippedAuthor);
        if (!added.ok())
            return fail(added.error());
        return {};
    });
    if (!seeded.ok())
        showMessage(tr("Could not seed the guidelines: %1").arg(seeded.error()), true);
    m_current = {};
    reload();
    if (m_current.version != before)
        Q_EMIT versionChanged(m_current.version);
}

void GuidelinesPanel::reload()
{
    if (!m_store)
        return;
    auto history = m_store->guidelineHistory();
    if (!history.ok()) {
        showMessage(history.error(), true);
        m_versions.clear();
    } else {
        m_versions = *history;
    }
    m_current = m_versions.isEmpty() ? GuidelineRecord() : m_versions.front();
    fillHistory();
    m_edit->setEnabled(!isEditing());
}

void GuidelinesPanel::fillHistory()
{
    {
        const QSignalBlocker block(m_history);
        m_history->clear();
        for (int i = 0; i < m_versions.size(); ++i) {
            const GuidelineRecord &record = m_versions[i];
            m_history->addItem(i == 0 ? tr("Version %1 (current)").arg(record.version)
                                      : tr("Version %1 · %2").arg(record.version).arg(record.author),
                               record.version);
        }
    }
    m_history->setEnabled(m_versions.size() > 1 && !isEditing());
    showVersion(0);
}

QString GuidelinesPanel::describe(const GuidelineRecord &record) const
{
    const QString when = record.createdAt.isValid()
                             ? QLocale().toString(record.createdAt.toLocalTime(), QLocale::ShortFormat)
                             : QString();
    return tr("Version %1 · %2 · %3").arg(record.version).arg(record.author, when);
}

void GuidelinesPanel::showVersion(int index)
{
    if (index < 0 || index >= m_versions.size()) {
        m_shownVersion = 0;
        m_header->setText(tr("No guidelines"));
        m_browser->clear();
        return;
    }
    const GuidelineRecord &record = m_versions[index];
    m_shownVersion = record.version;
    m_browser->setMarkdown(record.text);
    if (index == 0) {
        m_header->setText(describe(record));
        m_header->setStyleSheet(QString());
    } else {
        m_header->setText(tr("%1 — older version, read-only; votes now use version %2")
                              .arg(describe(record))
                              .arg(m_current.version));
        m_header->setStyleSheet(QStringLiteral("color: #92400e;"));
    }
    if (m_history->currentIndex() != index) {
        const QSignalBlocker block(m_history);
        m_history->setCurrentIndex(index);
    }
}

bool GuidelinesPanel::isEditing() const
{
    return m_pages->currentIndex() == 1;
}

void GuidelinesPanel::startEditing()
{
    if (!m_store)
        return;
    reload(); // edit what is current now, not what was current when the panel opened
    showVersion(0);
    m_editor->setPlainText(m_current.text);
    m_pages->setCurrentIndex(1);
    m_history->setEnabled(false);
    m_edit->setEnabled(false);
    showMessage(tr("Editing version %1. Save makes version %2.").arg(m_current.version).arg(m_current.version + 1),
                false);
    m_editor->setFocus();
}

void GuidelinesPanel::cancelEditing()
{
    if (!isEditing())
        return;
    m_pages->setCurrentIndex(0);
    showMessage({}, false);
    m_edit->setEnabled(m_store != nullptr);
    m_history->setEnabled(m_versions.size() > 1);
}

bool GuidelinesPanel::save()
{
    if (!m_store || !isEditing())
        return false;
    const QString text = normalized(m_editor->toPlainText());
    if (text.trimmed().isEmpty()) {
        showMessage(tr("Guidelines cannot be empty; nothing was saved."), true);
        return false;
    }
    if (text == normalized(m_current.text)) {
        showMessage(tr("Nothing changed; the guidelines stay at version %1.").arg(m_current.version), true);
        return false;
    }
    const QString author = m_author.trimmed().isEmpty() ? tr("unknown") : m_author.trimmed();
    auto added = m_store->addGuidelines(text + QLatin1Char('\n'), author);
    if (!added.ok()) {
        showMessage(tr("Could not save the guidelines: %1").arg(added.error()), true);
        return false;
    }
    m_pages->setCurrentIndex(0);
    reload();
    showMessage(tr("Saved as version %1.").arg(added->version), false);
    Q_EMIT versionChanged(m_current.version);
    return true;
}

void GuidelinesPanel::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b91c1c;") : QStringLiteral("color: #6b7280;"));
    m_message->setVisible(!text.isEmpty());
}

} // namespace lab
