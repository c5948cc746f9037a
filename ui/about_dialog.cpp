#include "ui/about_dialog.h"

#include "ui/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace lab {

AboutDialog::AboutDialog(const RuntimeInfo &runtime, const QString &dataDir, const QString &settingsFile, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About RLHF Log Lab"));

    QString blas = runtime.blasLibrary.isEmpty() ? tr("unknown") : runtime.blasLibrary;
    if (runtime.blasIsReference)
        blas = tr("%1 (the slow reference BLAS: install libopenblas0-pthread)").arg(blas);
    if (runtime.blasThreads > 0)
        blas = tr("%1 (threads: %2)").arg(blas).arg(runtime.blasThreads);
    const QString qtVersion = QString::fromLatin1(qVersion()) == QLatin1String(QT_VERSION_STR)
        ? QString::fromLatin1(qVersion())
        : tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QLatin1String(QT_VERSION_STR));
    m_details = {
        {tr("Version"), QCoreApplication::applicationVersion()},
        {tr("Qt"), qtVersion},
        {tr("LibTorch"), runtime.torchVersion.isEmpty() ? tr("unknown") : runtime.torchVersion},
        {tr("BLAS"), blas},
        {tr("LibTorch threads"), QString::number(runtime.threads)},
        {tr("Devices"), runtime.devices.join(QStringLiteral(", "))},
        {tr("System"), QSysInfo::prettyProductName() + QStringLiteral(" (") + QSysInfo::currentCpuArchitecture() + QLatin1Char(')')},
        {tr("Data folder"), QDir::toNativeSeparators(dataDir)},
        {tr("Settings"), QDir::toNativeSeparators(settingsFile)},
    };

    auto *logo = new QLabel(this);
    logo->setPixmap(icon(IconId::App).pixmap(64, 64));
    auto *title = new QLabel(tr("<h2>RLHF Log Lab %1</h2>").arg(QCoreApplication::applicationVersion()), this);
    auto *text = new QLabel(tr("Teach a language model to explain failed jobs from their logs, the way an on-call "
                               "engineer would: read logs, vote on explanations, train reward, DPO and PPO adapters, "
                               "and measure whether alignment helped. Everything runs offline."),
                            this);
    text->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    for (const auto &[name, value] : std::as_const(m_details)) {
        auto *valueLabel = new QLabel(value, this);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        valueLabel->setWordWrap(true);
        if (name == tr("BLAS") && runtime.blasIsReference)
            valueLabel->setStyleSheet(QStringLiteral("color: #dc2626;"));
        form->addRow(name + QLatin1Char(':'), valueLabel);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy Details"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyDetails"));
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(detailsText()); });
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    connect(aboutQt, &QPushButton::clicked, qApp, &QApplication::aboutQt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *header = new QHBoxLayout;
    header->addWidget(logo, 0, Qt::AlignTop);
    auto *headerText = new QVBoxLayout;
    headerText->addWidget(title);
    headerText->addWidget(text);
    header->addLayout(headerText, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

QString AboutDialog::detailsText() const
{
    QString text = QStringLiteral("RLHF Log Lab\n");
    for (const auto &[name, value] : m_details)
        text += name + QStringLiteral(": ") + value + QLatin1Char('\n');
    return text;
}

} // namespace lab
