#include "ui/training_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonValue>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>
#include <limits>

namespace lab {

namespace {

// Learning rates are 1e-5 and clip ranges 0.2: a fixed number of decimals shows one of them badly.
// This box shows and reads numbers in the shortest form ("1e-05", "0.2").
class ScientificSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    QString textFromValue(double value) const override { return QLocale().toString(value, 'g', 6); }
    double valueFromText(const QString &text) const override { return QLocale().toDouble(text.trimmed()); }
    QValidator::State validate(QString &text, int &) const override
    {
        const QString t = text.trimmed();
        if (t.isEmpty() || t == QLatin1String("-") || t.endsWith(QLatin1Char('e'), Qt::CaseInsensitive)
            || t.endsWith(QLatin1String("e-"), Qt::CaseInsensitive))
            return QValidator::Intermediate;
        bool ok = false;
        const double v = QLocale().toDouble(t, &ok);
        if (!ok)
            return QValidator::Invalid;
        return v >= minimum() && v <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
    }
    void stepBy(int steps) override
    {
        // Steps of a tenth of the value's own magnitude, so 1e-5 goes to 1.1e-5, not to 1.
        const double v = value();
        const double magnitude = v == 0 ? 0.01 : std::pow(10.0, std::floor(std::log10(std::abs(v))));
        setValue(v + steps * magnitude / 10);
    }
};

bool isWhole(const TrainParam &p)
{
    return p.defaultValue.typeId() == QMetaType::Int || p.defaultValue.typeId() == QMetaType::LongLong;
}

// The trainers' labels and help are English in core/, marked with QT_TRANSLATE_NOOP under this
// context so that lupdate collects them into the GUI's catalogue.
QString translatedLabel(const TrainParam &p)
{
    return QCoreApplication::translate("lab::TrainParam", p.label.toUtf8().constData());
}

QString translatedHelp(const TrainParam &p)
{
    return QCoreApplication::translate("lab::TrainParam", p.help.toUtf8().constData());
}

} // namespace

TrainingForm::TrainingForm(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(tr("This trainer has no settings to show."), this);
    m_empty->setStyleSheet(QStringLiteral("color: #6b7280;"));
    m_empty->setWordWrap(true);
    m_empty->hide();
    m_basic = new QWidget(this);
    m_basicLayout = new QFormLayout(m_basic);
    m_basicLayout->setContentsMargins(0, 0, 0, 0);
    m_basicLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_advanced = new QWidget(this);
    m_advancedLayout = new QFormLayout(m_advanced);
    m_advancedLayout->setContentsMargins(0, 0, 0, 0);
    m_advancedLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_advanced->hide();

    m_moreButton = new QToolButton(this);
    m_moreButton->setObjectName(QStringLiteral("moreSettingsButton"));
    m_moreButton->setText(tr("More settings"));
    m_moreButton->setCheckable(true);
    m_moreButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_moreButton->setArrowType(Qt::RightArrow);
    m_moreButton->setAutoRaise(true);
    m_moreButton->setToolTip(tr("Show the settings one rarely changes"));
    connect(m_moreButton, &QToolButton::toggled, this, &TrainingForm::setAdvancedVisible);

    m_defaultsButton = new QPushButton(tr("Restore defaults"), this);
    m_defaultsButton->setObjectName(QStringLiteral("restoreDefaultsButton"));
    m_defaultsButton->setToolTip(tr("Put every setting back to the trainer's default"));
    connect(m_defaultsButton, &QPushButton::clicked, this, &TrainingForm::restoreDefaults);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_moreButton);
    buttons->addStretch(1);
    buttons->addWidget(m_defaultsButton);

    outer->addWidget(m_empty);
    outer->addWidget(m_basic);
    outer->addLayout(buttons);
    outer->addWidget(m_advanced);
    outer->addStretch(1);
}

void TrainingForm::setParams(const QVector<TrainParam> &params)
{
    m_params = params;
    m_editors.clear();
    for (QFormLayout *layout : {m_basicLayout, m_advancedLayout})
        while (layout->rowCount() > 0)
            layout->removeRow(0); // deletes the row's widgets
    bool anyAdvanced = false;
    for (const TrainParam &p : params) {
        QWidget *editor = makeEditor(p);
        m_editors.insert(p.key, editor);
        auto *label = new QLabel(translatedLabel(p), this);
        label->setObjectName(QStringLiteral("label_") + p.key);
        label->setBuddy(editor);
        label->setToolTip(editor->toolTip());
        (p.advanced ? m_advancedLayout : m_basicLayout)->addRow(label, editor);
        anyAdvanced = anyAdvanced || p.advanced;
    }
    m_empty->setVisible(params.isEmpty());
    m_moreButton->setVisible(anyAdvanced);
    m_defaultsButton->setVisible(!params.isEmpty());
    setReadOnly(m_readOnly);
}

QWidget *TrainingForm::makeEditor(const TrainParam &p)
{
    QString tip = QStringLiteral("<p><b>%1</b> <code>%2</code></p><p>%3</p>")
                      .arg(translatedLabel(p).toHtmlEscaped(), p.key.toHtmlEscaped(), translatedHelp(p).toHtmlEscaped());
    QWidget *editor = nullptr;
    const auto typeId = p.defaultValue.typeId();
    if (typeId == QMetaType::Bool) {
        auto *box = new QCheckBox(this);
        connect(box, &QCheckBox::toggled, this, &TrainingForm::changed);
        tip += tr("<p>Default: %1</p>").arg(p.defaultValue.toBool() ? tr("on") : tr("off"));
        editor = box;
    } else if (isWhole(p)) {
        auto *box = new QSpinBox(this);
        const bool ranged = p.maximum > p.minimum;
        box->setRange(ranged ? int(std::max<double>(p.minimum, std::numeric_limits<int>::min())) : 0,
                      ranged ? int(std::min<double>(p.maximum, std::numeric_limits<int>::max())) : std::numeric_limits<int>::max());
        box->setGroupSeparatorShown(true);
        connect(box, &QSpinBox::valueChanged, this, &TrainingForm::changed);
        tip += tr("<p>Default: %1 (from %2 to %3)</p>")
                   .arg(QLocale().toString(p.defaultValue.toLongLong()), QLocale().toString(box->minimum()),
                        QLocale().toString(box->maximum()));
        editor = box;
    } else if (typeId == QMetaType::Double) {
        auto *box = new ScientificSpinBox(this);
        const bool ranged = p.maximum > p.minimum;
        box->setDecimals(12);
        box->setRange(ranged ? p.minimum : -1e12, ranged ? p.maximum : 1e12);
        box->setKeyboardTracking(false);
        connect(box, &QDoubleSpinBox::valueChanged, this, &TrainingForm::changed);
        tip += tr("<p>Default: %1 (from %2 to %3)</p>")
                   .arg(QLocale().toString(p.defaultValue.toDouble(), 'g', 6), QLocale().toString(box->minimum(), 'g', 6),
                        QLocale().toString(box->maximum(), 'g', 6));
        editor = box;
    } else if (!p.choices.isEmpty()) {
        auto *box = new QComboBox(this);
        box->addItems(p.choices);
        connect(box, &QComboBox::currentIndexChanged, this, &TrainingForm::changed);
        tip += tr("<p>Default: %1</p>").arg(p.defaultValue.toString().toHtmlEscaped());
        editor = box;
    } else {
        auto *edit = new QLineEdit(this);
        edit->setPlaceholderText(p.defaultValue.toString());
        connect(edit, &QLineEdit::textChanged, this, &TrainingForm::changed);
        if (!p.defaultValue.toString().isEmpty())
            tip += tr("<p>Default: %1</p>").arg(p.defaultValue.toString().toHtmlEscaped());
        editor = edit;
    }
    editor->setObjectName(QStringLiteral("param_") + p.key);
    editor->setToolTip(tip);
    editor->setWhatsThis(translatedHelp(p));
    setEditorValue(editor, p, QJsonValue::fromVariant(p.defaultValue));
    return editor;
}

void TrainingForm::setEditorValue(QWidget *editor, const TrainParam &p, const QJsonValue &value)
{
    if (auto *box = qobject_cast<QCheckBox *>(editor))
        box->setChecked(value.toBool());
    else if (auto *box = qobject_cast<QSpinBox *>(editor))
        box->setValue(int(value.toDouble()));
    else if (auto *box = qobject_cast<QDoubleSpinBox *>(editor))
        box->setValue(value.toDouble());
    else if (auto *box = qobject_cast<QComboBox *>(editor))
        box->setCurrentIndex(std::max(0, box->findText(value.toString())));
    else if (auto *edit = qobject_cast<QLineEdit *>(editor))
        edit->setText(value.toString());
    Q_UNUSED(p)
}

QJsonValue TrainingForm::editorValue(QWidget *editor, const TrainParam &p) const
{
    if (auto *box = qobject_cast<QCheckBox *>(editor))
        return box->isChecked();
    if (auto *box = qobject_cast<QSpinBox *>(editor))
        return qint64(box->value());
    if (auto *box = qobject_cast<QDoubleSpinBox *>(editor))
        return box->value();
    if (auto *box = qobject_cast<QComboBox *>(editor))
        return box->currentText();
    if (auto *edit = qobject_cast<QLineEdit *>(editor))
        return edit->text().isEmpty() ? QJsonValue::fromVariant(p.defaultValue) : QJsonValue(edit->text());
    return QJsonValue::fromVariant(p.defaultValue);
}

QVector<TrainParam> TrainingForm::withDefaults(QVector<TrainParam> params, const QJsonObject &overrides)
{
    for (TrainParam &p : params) {
        const QJsonValue v = overrides.value(p.key);
        if (v.isUndefined() || v.isNull())
            continue;
        switch (p.defaultValue.typeId()) {
        case QMetaType::Bool:
            if (v.isBool())
                p.defaultValue = v.toBool();
            break;
        case QMetaType::Int:
        case QMetaType::LongLong:
            if (v.isDouble() && v.toDouble() >= p.minimum && v.toDouble() <= p.maximum)
                p.defaultValue = qint64(v.toDouble());
            break;
        case QMetaType::Double:
            if (v.isDouble() && v.toDouble() >= p.minimum && v.toDouble() <= p.maximum)
                p.defaultValue = v.toDouble();
            break;
        default:
            if (v.isString() && (p.choices.isEmpty() || p.choices.contains(v.toString())))
                p.defaultValue = v.toString();
            break;
        }
    }
    return params;
}

QJsonObject TrainingForm::changedFromDefaults(const QVector<TrainParam> &params, const QJsonObject &values)
{
    QJsonObject changed;
    for (const TrainParam &p : params) {
        const QJsonValue v = values.value(p.key);
        if (!v.isUndefined() && v != QJsonValue::fromVariant(p.defaultValue))
            changed.insert(p.key, v);
    }
    return changed;
}

QJsonObject TrainingForm::values() const
{
    QJsonObject json;
    for (const TrainParam &p : m_params)
        json.insert(p.key, editorValue(m_editors.value(p.key), p));
    return json;
}

void TrainingForm::setValues(const QJsonObject &values)
{
    for (const TrainParam &p : m_params) {
        const QJsonValue v = values.value(p.key);
        if (!v.isUndefined() && !v.isNull())
            setEditorValue(m_editors.value(p.key), p, v);
    }
}

void TrainingForm::restoreDefaults()
{
    for (const TrainParam &p : m_params)
        setEditorValue(m_editors.value(p.key), p, QJsonValue::fromVariant(p.defaultValue));
}

void TrainingForm::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    // Disabled rather than read-only: spin boxes and combo boxes have no read-only look of their
    // own, and a greyed field says plainly that it cannot be changed now.
    for (QWidget *editor : std::as_const(m_editors))
        editor->setEnabled(!readOnly);
    m_defaultsButton->setEnabled(!readOnly);
}

void TrainingForm::setAdvancedVisible(bool visible)
{
    m_advanced->setVisible(visible);
    m_moreButton->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    m_moreButton->setText(visible ? tr("Fewer settings") : tr("More settings"));
    if (m_moreButton->isChecked() != visible)
        m_moreButton->setChecked(visible);
}

} // namespace lab
