#include "ui/annotator_dialog.h"

#include "core/store/store.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>
#include <algorithm>

namespace lab {

namespace {
constexpr int kAnnotatorIdRole = Qt::UserRole + 1;
}

AnnotatorDialog::AnnotatorDialog(std::shared_ptr<Store> store, QWidget *parent)
    : QDialog(parent), m_store(std::move(store))
{
    setWindowTitle(tr("Who is labeling?"));
    setObjectName(QStringLiteral("annotatorDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("Every vote is signed with a profile. Pick yours, or type a new name."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("annotatorName"));
    m_name->setPlaceholderText(tr("Type to filter, or a new name"));
    m_name->setClearButtonEnabled(true);
    m_name->setMaxLength(kMaxNameLength + 16); // room for surrounding spaces; the check says what is too long
    m_name->installEventFilter(this);
    layout->addWidget(m_name);

    m_model = new QStandardItemModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("annotatorList"));
    m_list->setModel(m_proxy);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    // The list follows the filter box; focus stays in the box so typing never stops filtering.
    m_list->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_list, 1);
    connect(m_list, &QListView::doubleClicked, this, [this] { pickCurrent(); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] { updateState(); });

    m_simulatedLabel = new QLabel(this);
    m_simulatedLabel->setObjectName(QStringLiteral("annotatorSimulated"));
    m_simulatedLabel->setWordWrap(true);
    m_simulatedLabel->setStyleSheet(QStringLiteral("color: #6b7280;"));
    layout->addWidget(m_simulatedLabel);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("annotatorMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_create = m_buttons->addButton(tr("Create Profile"), QDialogButtonBox::ActionRole);
    m_create->setObjectName(QStringLiteral("annotatorCreate"));
    m_create->setAutoDefault(false);
    m_create->setToolTip(tr("Create a new profile with the typed name, even when it matches others in part"));
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    // The OK button's text changes with what Enter will do; a themed icon would crowd it.
    m_buttons->button(QDialogButtonBox::Ok)->setIcon(QIcon());
    m_buttons->button(QDialogButtonBox::Cancel)->setIcon(QIcon());
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AnnotatorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AnnotatorDialog::reject);
    connect(m_create, &QPushButton::clicked, this, [this] { createTyped(); });

    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        // Highlight the exact match if there is one, else the first match, so Enter does what
        // the message says.
        QModelIndex current;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex index = m_proxy->index(row, 0);
            if (index.data().toString().compare(text.trimmed(), Qt::CaseInsensitive) == 0) {
                current = index;
                break;
            }
        }
        if (!current.isValid() && m_proxy->rowCount() > 0)
            current = m_proxy->index(0, 0);
        m_list->setCurrentIndex(current);
        updateState();
    });

    resize(440, 380);
    reload();
    m_name->setFocus();
}

std::optional<AnnotatorRecord> AnnotatorDialog::choose(std::shared_ptr<Store> store, QWidget *parent)
{
    AnnotatorDialog dialog(std::move(store), parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.selectedAnnotator();
}

void AnnotatorDialog::reload()
{
    m_humans.clear();
    m_simulated.clear();
    m_model->clear();
    if (!m_store) {
        showError(tr("No project is open."));
        updateState();
        return;
    }
    auto all = m_store->annotators();
    if (!all.ok()) {
        showError(all.error());
        updateState();
        return;
    }
    for (const AnnotatorRecord &annotator : *all) {
        if (annotator.kind == kAnnotatorHuman)
            m_humans.append(annotator);
        else
            m_simulated.append(annotator);
    }
    for (const AnnotatorRecord &annotator : std::as_const(m_humans)) {
        auto *item = new QStandardItem(annotator.name);
        item->setData(annotator.id, kAnnotatorIdRole);
        if (annotator.createdAt.isValid())
            item->setToolTip(tr("Profile created %1")
                                 .arg(QLocale().toString(annotator.createdAt.toLocalTime(), QLocale::ShortFormat)));
        m_model->appendRow(item);
    }
    m_proxy->sort(0);

    QStringList simulatedNames;
    for (const AnnotatorRecord &annotator : std::as_const(m_simulated))
        simulatedNames << annotator.name;
    m_simulatedLabel->setText(simulatedNames.isEmpty()
                                  ? QString()
                                  : tr("Simulated annotators (not offered for voting): %1")
                                        .arg(simulatedNames.join(QStringLiteral(", "))));
    m_simulatedLabel->setVisible(!simulatedNames.isEmpty());
    if (m_proxy->rowCount() > 0)
        m_list->setCurrentIndex(m_proxy->index(0, 0));
    updateState();
}

std::optional<AnnotatorRecord> AnnotatorDialog::humanByName(const QString &name) const
{
    for (const AnnotatorRecord &annotator : m_humans) {
        if (annotator.name.compare(name, Qt::CaseInsensitive) == 0)
            return annotator;
    }
    return std::nullopt;
}

QString AnnotatorDialog::nameProblem(const QString &name) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Type a name for the new profile.");
    if (trimmed.size() > kMaxNameLength)
        return tr("A name has at most %n characters.", nullptr, kMaxNameLength);
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return tr("A name cannot contain control characters or line breaks.");
    }
    for (const AnnotatorRecord &annotator : m_simulated) {
        if (annotator.name.compare(trimmed, Qt::CaseInsensitive) == 0)
            return tr("“%1” is a simulated annotator; people vote under their own name.").arg(annotator.name);
    }
    if (auto existing = humanByName(trimmed))
        return tr("“%1” already exists; pick it from the list.").arg(existing->name);
    return {};
}

void AnnotatorDialog::updateState()
{
    const QString typed = m_name->text().trimmed();
    const QModelIndex current = m_list->currentIndex();
    const QString problem = nameProblem(typed);
    const bool canCreate = m_store && problem.isEmpty();
    m_create->setEnabled(canCreate);
    m_create->setText(canCreate ? tr("Create “%1”").arg(typed) : tr("Create Profile"));
    // Only needed to force a new name while it matches others in part; otherwise OK creates.
    m_create->setVisible(canCreate && current.isValid());

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    m_message->setStyleSheet(QString());
    if (current.isValid()) {
        ok->setEnabled(true);
        ok->setText(tr("Label as %1").arg(current.data().toString()));
        m_message->setText(tr("Enter: label as %1.").arg(current.data().toString()));
    } else if (canCreate) {
        ok->setEnabled(true);
        ok->setText(tr("Create and Label"));
        m_message->setText(tr("Enter: create the profile “%1”.").arg(typed));
    } else {
        ok->setEnabled(false);
        ok->setText(tr("Label"));
        if (!m_store)
            return; // the error stays
        m_message->setText(m_humans.isEmpty() && typed.isEmpty() ? tr("No profiles yet: type your name.") : problem);
    }
}

void AnnotatorDialog::showError(const QString &message)
{
    m_message->setText(message);
    m_message->setStyleSheet(QStringLiteral("color: #b91c1c;"));
}

void AnnotatorDialog::accept()
{
    if (m_list->currentIndex().isValid())
        pickCurrent();
    else
        createTyped();
}

void AnnotatorDialog::pickCurrent()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.data(kAnnotatorIdRole).toLongLong();
    for (const AnnotatorRecord &annotator : std::as_const(m_humans)) {
        if (annotator.id == id) {
            m_selected = annotator;
            QDialog::accept();
            return;
        }
    }
}

void AnnotatorDialog::createTyped()
{
    if (!m_store)
        return;
    const QString name = m_name->text().trimmed();
    const QString problem = nameProblem(name);
    if (!problem.isEmpty()) {
        showError(problem);
        return;
    }
    auto created = m_store->ensureAnnotator(name, QString(kAnnotatorHuman));
    if (!created.ok()) {
        showError(created.error());
        return;
    }
    // Another process may have created the name a moment ago as a simulated annotator.
    if (created->kind != kAnnotatorHuman) {
        reload();
        showError(nameProblem(name));
        return;
    }
    m_selected = *created;
    QDialog::accept();
}

bool AnnotatorDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Arrow keys in the filter box move through the list, so the keyboard never leaves the box.
    if (watched == m_name && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown: {
            const int rows = m_proxy->rowCount();
            if (rows == 0)
                return true;
            int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
            const int step = (key->key() == Qt::Key_PageUp || key->key() == Qt::Key_PageDown) ? 10 : 1;
            row += (key->key() == Qt::Key_Up || key->key() == Qt::Key_PageUp) ? -step : step;
            m_list->setCurrentIndex(m_proxy->index(std::clamp(row, 0, rows - 1), 0));
            return true;
        }
        default: break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace lab
