#pragma once
// The settings of one trainer, built from its TrainParam list: a spin box for each number (its
// range from the parameter), a check box for a switch, a combo box for a fixed set of choices, a
// line edit otherwise. The help text is each field's tooltip; the advanced settings wait behind a
// "More settings" toggle. It can be read-only (showing a past run's settings).
#include "core/train/train_run.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace lab {

class TrainingForm : public QWidget
{
    Q_OBJECT
public:
    explicit TrainingForm(QWidget *parent = nullptr);

    void setParams(const QVector<TrainParam> &params);

    // `params` with the defaults named in `overrides` (the user's, from the settings) in place of
    // the built-in ones; keys the trainer does not have and values of the wrong type are ignored.
    static QVector<TrainParam> withDefaults(QVector<TrainParam> params, const QJsonObject &overrides);
    // The entries of `values` that differ from the built-in defaults of `params`.
    static QJsonObject changedFromDefaults(const QVector<TrainParam> &params, const QJsonObject &values);
    const QVector<TrainParam> &params() const { return m_params; }

    // Every setting by key (numbers as the parameter's type). Ready for TrainJob::config.
    QJsonObject values() const;
    // Sets the fields named in `values` (others keep theirs); unknown keys are ignored.
    void setValues(const QJsonObject &values);
    void restoreDefaults();
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    void setAdvancedVisible(bool visible);

    // The editor of one setting (tests set values through it as a user would).
    QWidget *editor(const QString &key) const { return m_editors.value(key); }

Q_SIGNALS:
    void changed();

private:
    QWidget *makeEditor(const TrainParam &param);
    void setEditorValue(QWidget *editor, const TrainParam &param, const QJsonValue &value);
    QJsonValue editorValue(QWidget *editor, const TrainParam &param) const;

    QVector<TrainParam> m_params;
    QHash<QString, QWidget *> m_editors;
    QWidget *m_basic = nullptr;
    QWidget *m_advanced = nullptr;
    QFormLayout *m_basicLayout = nullptr;
    QFormLayout *m_advancedLayout = nullptr;
    QToolButton *m_moreButton = nullptr;
    QPushButton *m_defaultsButton = nullptr;
    QLabel *m_empty = nullptr;
    bool m_readOnly = false;
};

} // namespace lab
