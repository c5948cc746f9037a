#include "ui/settings_dialog.h"

#include "core/common/paths.h"
#include "core/model/device.h"
#include "core/train/train_run.h"
#include "ui/training_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <thread>

namespace lab {

namespace {
QString trainerName(const QString &kind)
{
    if (kind == kRunReward)
        return SettingsDialog::tr("Reward model");
    if (kind == kRunDpo)
        return SettingsDialog::tr("DPO adapter");
    if (kind == kRunPpo)
        return SettingsDialog::tr("PPO adapter");
    return kind;
}

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setEnabled(false); // the palette's muted text colour, in light and dark themes alike
    return label;
}
} // namespace

SettingsDialog::SettingsDialog(const AppSettings &settings, QWidget *parent)
    : QDialog(parent), m_initial(settings), m_trainingDefaults(settings.trainingDefaults)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createGeneralPage(), tr("&General"));
    m_tabs->addTab(createModelPage(), tr("&Model"));
    m_tabs->addTab(createLabelingPage(), tr("&Labeling"));
    m_tabs->addTab(createTrainingPage(), tr("&Training"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] { Q_EMIT applied(this->settings()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(note(tr("Language and threads take effect when the lab starts again; everything else at once."), this));
    layout->addWidget(buttons);
    resize(800, 600); // the training page's form: label, field and the Restore defaults button
}

QWidget *SettingsDialog::folderRow(QLineEdit *edit, const QString &dialogTitle)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QPushButton(tr("Browse…"), row);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, dialogTitle] {
        const QString start = edit->text().isEmpty() ? edit->placeholderText() : edit->text();
        const QString dir = QFileDialog::getExistingDirectory(this, dialogTitle, start);
        if (!dir.isEmpty())
            edit->setText(QDir::toNativeSeparators(dir));
    });
    // A folder dragged from the file manager onto the field fills it in.
    edit->setAcceptDrops(false);
    row->setAcceptDrops(true);
    row->installEventFilter(this);
    edit->setClearButtonEnabled(true);
    return row;
}

bool SettingsDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Only the rows of folderRow() are watched; their line edit takes the dropped folder.
    auto *edit = watched->isWidgetType() ? static_cast<QWidget *>(watched)->findChild<QLineEdit *>() : nullptr;
    if (edit && (edit == m_dataDir || edit == m_modelDir)) {
        if (event->type() == QEvent::DragEnter) {
            auto *drag = static_cast<QDragEnterEvent *>(event);
            const QList<QUrl> urls = drag->mimeData()->urls();
            if (urls.size() == 1 && urls.first().isLocalFile() && QFileInfo(urls.first().toLocalFile()).isDir())
                drag->acceptProposedAction();
            return true;
        }
        if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            edit->setText(QDir::toNativeSeparators(drop->mimeData()->urls().first().toLocalFile()));
            drop->acceptProposedAction();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QWidget *SettingsDialog::createGeneralPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);

    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System default (%1)").arg(QLocale::system().nativeLanguageName()), QString());
    for (const QString &code : AppSettings::languageCodes())
        m_language->addItem(AppSettings::languageName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_initial.language)));
    form->addRow(tr("&Language:"), m_language);

    m_theme = new QComboBox(page);
    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->addItem(tr("System"), themeId(Theme::System));
    m_theme->addItem(tr("Light"), themeId(Theme::Light));
    m_theme->addItem(tr("Dark"), themeId(Theme::Dark));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(themeId(m_initial.theme))));
    form->addRow(tr("&Theme:"), m_theme);

    m_dataDir = new QLineEdit(QDir::toNativeSeparators(m_initial.dataDir), page);
    m_dataDir->setObjectName(QStringLiteral("dataDirEdit"));
    m_dataDir->setPlaceholderText(QDir::toNativeSeparators(AppSettings::defaultDataDir()));
    m_dataDir->setToolTip(tr("Where the demo projects are made. Empty: the standard application-data folder."));
    form->addRow(tr("&Data folder:"), folderRow(m_dataDir, tr("Data Folder")));

    m_reopen = new QCheckBox(tr("&Reopen the last project at start"), page);
    m_reopen->setObjectName(QStringLiteral("reopenBox"));
    m_reopen->setChecked(m_initial.reopenLastProject);
    form->addRow(QString(), m_reopen);
    return page;
}

QWidget *SettingsDialog::createModelPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);

    m_modelDir = new QLineEdit(QDir::toNativeSeparators(m_initial.modelDir), page);
    m_modelDir->setObjectName(QStringLiteral("modelDirEdit"));
    m_modelDir->setPlaceholderText(tr("Bundled lab-tiny (%1)").arg(QDir::toNativeSeparators(defaultModelDir())));
    m_modelDir->setToolTip(tr("A model folder (config.json, safetensors, tokenizer.model), such as a Hugging Face "
                              "Llama checkpoint. It explains logs, trains adapters and is evaluated."));
    form->addRow(tr("&Base model:"), folderRow(m_modelDir, tr("Model Folder")));
    m_modelNote = note(QString(), page);
    form->addRow(QString(), m_modelNote);
    connect(m_modelDir, &QLineEdit::textChanged, this, &SettingsDialog::updateModelNote);
    updateModelNote();

    m_device = new QComboBox(page);
    m_device->setObjectName(QStringLiteral("deviceBox"));
    m_device->addItem(tr("Automatic (a GPU when there is one)"), QStringLiteral("auto"));
    for (const QString &device : availableDevices())
        m_device->addItem(device == QLatin1String("cpu") ? tr("CPU") : device, device);
    int deviceIndex = m_device->findData(m_initial.device);
    if (deviceIndex < 0) { // a GPU this machine does not have (settings from another machine)
        m_device->addItem(tr("%1 (not available here)").arg(m_initial.device), m_initial.device);
        deviceIndex = m_device->count() - 1;
    }
    m_device->setCurrentIndex(deviceIndex);
    form->addRow(tr("&Device:"), m_device);

    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    m_threads = new QSpinBox(page);
    m_threads->setObjectName(QStringLiteral("threadsBox"));
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("Automatic: one per core (%1)").arg(cores));
    m_threads->setValue(m_initial.threads);
    m_threads->setToolTip(tr("Threads for matrix products (LibTorch and OpenBLAS). Fewer leave cores free for other work."));
    form->addRow(tr("T&hreads:"), m_threads);
    return page;
}

void SettingsDialog::updateModelNote()
{
    const QString dir = QDir::fromNativeSeparators(m_modelDir->text().trimmed());
    if (dir.isEmpty()) {
        m_modelNote->setText(QFileInfo(defaultModelDir() + QStringLiteral("/config.json")).isFile()
                                 ? tr("The lab's own small model, trained on the synthetic incidents.")
                                 : tr("The bundled model is missing from this installation."));
        return;
    }
    if (!QFileInfo(dir).isDir())
        m_modelNote->setText(tr("This folder does not exist."));
    else if (!QFileInfo(dir + QStringLiteral("/config.json")).isFile())
        m_modelNote->setText(tr("No config.json in this folder: it is not a model folder."));
    else if (!QFileInfo(dir + QStringLiteral("/tokenizer.model")).isFile())
        m_modelNote->setText(tr("No tokenizer.model in this folder: the model cannot read text."));
    else
        m_modelNote->setText(tr("A model folder."));
}

QWidget *SettingsDialog::createLabelingPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_annotator = new QLineEdit(m_initial.annotatorName, page);
    m_annotator->setObjectName(QStringLiteral("annotatorEdit"));
    m_annotator->setMaxLength(64);
    m_annotator->setPlaceholderText(tr("Ask in each project"));
    form->addRow(tr("&Your name:"), m_annotator);
    form->addRow(QString(), note(tr("Signs your votes. Projects where you have not labeled yet start with this "
                                    "profile instead of asking; Label ▸ Switch Annotator picks another."),
                                 page));
    return page;
}

QWidget *SettingsDialog::createTrainingPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *top = new QFormLayout;
    m_trainer = new QComboBox(page);
    m_trainer->setObjectName(QStringLiteral("trainerBox"));
    for (const QString &kind : trainKinds())
        m_trainer->addItem(trainerName(kind), kind);
    top->addRow(tr("T&rainer:"), m_trainer);
    layout->addLayout(top);
    layout->addWidget(note(tr("The settings a new run of this trainer starts with. Restore defaults puts back the "
                              "lab's own."),
                           page));
    m_form = new TrainingForm(page);
    m_form->setObjectName(QStringLiteral("defaultsForm"));
    auto *scroll = new QScrollArea(page);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(scroll, 1);
    connect(m_trainer, &QComboBox::currentIndexChanged, this, [this] {
        keepTrainerValues();
        showTrainer(m_trainer->currentData().toString());
    });
    if (m_trainer->count() > 0)
        showTrainer(m_trainer->currentData().toString());
    return page;
}

void SettingsDialog::showTrainer(const QString &kind)
{
    m_shownTrainer = kind;
    // The form shows the lab's defaults as defaults (Restore defaults, tooltips) and the user's
    // as the values.
    m_form->setParams(trainParams(kind));
    m_form->setValues(m_trainingDefaults.value(kind));
}

QHash<QString, QJsonObject> SettingsDialog::trainingDefaults() const
{
    QHash<QString, QJsonObject> defaults = m_trainingDefaults;
    if (m_shownTrainer.isEmpty())
        return defaults;
    // Only what differs from the lab's defaults is kept, so a later release's better default
    // still reaches settings the user never changed.
    const QJsonObject changed = TrainingForm::changedFromDefaults(trainParams(m_shownTrainer), m_form->values());
    if (changed.isEmpty())
        defaults.remove(m_shownTrainer);
    else
        defaults.insert(m_shownTrainer, changed);
    return defaults;
}

void SettingsDialog::keepTrainerValues()
{
    m_trainingDefaults = trainingDefaults();
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_initial;
    s.language = m_language->currentData().toString();
    s.theme = themeFromId(m_theme->currentData().toString());
    s.dataDir = QDir::fromNativeSeparators(m_dataDir->text().trimmed());
    s.reopenLastProject = m_reopen->isChecked();
    s.modelDir = QDir::fromNativeSeparators(m_modelDir->text().trimmed());
    s.device = m_device->currentData().toString();
    s.threads = m_threads->value();
    s.annotatorName = m_annotator->text().trimmed();
    s.trainingDefaults = trainingDefaults();
    return s;
}

} // namespace lab
