#pragma once
// Settings (Ctrl+,): language, theme, data folder, reopening the last project; the base model,
// device and threads; the annotator profile that signs this user's votes; the default
// hyperparameters of each trainer. Edits a copy of AppSettings; the caller saves and applies it.
// Language and threads need a restart (the dialog says so); everything else applies at once.
#include "ui/app_settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace lab {

class TrainingForm;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);

    // The settings as edited so far (the training page's current trainer included).
    AppSettings settings() const;

    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }
    QLineEdit *dataDirEdit() const { return m_dataDir; }
    QLineEdit *modelDirEdit() const { return m_modelDir; }
    QComboBox *deviceBox() const { return m_device; }
    QSpinBox *threadsBox() const { return m_threads; }
    QLineEdit *annotatorEdit() const { return m_annotator; }
    QComboBox *trainerBox() const { return m_trainer; }
    TrainingForm *trainingForm() const { return m_form; }

Q_SIGNALS:
    // Apply pressed: the caller saves and applies `settings` and the dialog stays open.
    void applied(const lab::AppSettings &settings);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createGeneralPage();
    QWidget *createModelPage();
    QWidget *createLabelingPage();
    QWidget *createTrainingPage();
    QWidget *folderRow(QLineEdit *edit, const QString &dialogTitle);
    void showTrainer(const QString &kind);
    void keepTrainerValues();
    QHash<QString, QJsonObject> trainingDefaults() const;
    void updateModelNote();

    AppSettings m_initial;
    QHash<QString, QJsonObject> m_trainingDefaults; // as edited, per trainer kind (the shown one aside)
    QString m_shownTrainer;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QLineEdit *m_dataDir = nullptr;
    QCheckBox *m_reopen = nullptr;
    QLineEdit *m_modelDir = nullptr;
    QLabel *m_modelNote = nullptr;
    QComboBox *m_device = nullptr;
    QSpinBox *m_threads = nullptr;
    QLineEdit *m_annotator = nullptr;
    QComboBox *m_trainer = nullptr;
    TrainingForm *m_form = nullptr;
};

} // namespace lab
