#pragma once
// "Who is labeling?": pick an existing human annotator profile or create one, before the first
// vote (every vote is signed). Typing filters the list; Enter takes the highlighted profile, or
// creates the typed name when no profile matches. Simulated annotators (the simulated engineer)
// are listed apart and cannot be picked: a person voting under their name would spoil the
// agreement and gold-accuracy figures of both.
#include "core/store/records.h"

#include <QDialog>
#include <memory>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace lab {

class Store;

class AnnotatorDialog : public QDialog
{
    Q_OBJECT
public:
    // The longest name accepted (it is shown in tables and signs every vote).
    static constexpr int kMaxNameLength = 64;

    AnnotatorDialog(std::shared_ptr<Store> store, QWidget *parent = nullptr);

    // Runs the dialog; the chosen (or newly created) profile, or none when cancelled.
    static std::optional<AnnotatorRecord> choose(std::shared_ptr<Store> store, QWidget *parent);

    // The profile taken by accept(); none before or when cancelled.
    std::optional<AnnotatorRecord> selectedAnnotator() const { return m_selected; }

    // Why `name` cannot be a new profile (empty if it can). Existing human names are not an
    // error here: they are picked, not created.
    QString nameProblem(const QString &name) const;

    QLineEdit *nameEdit() const { return m_name; }
    QListView *listView() const { return m_list; }
    QPushButton *createButton() const { return m_create; }
    QLabel *messageLabel() const { return m_message; }

public Q_SLOTS:
    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reload();
    void updateState();
    void pickCurrent();
    void createTyped();
    void showError(const QString &message);
    std::optional<AnnotatorRecord> humanByName(const QString &name) const;

    std::shared_ptr<Store> m_store;
    QVector<AnnotatorRecord> m_humans;
    QVector<AnnotatorRecord> m_simulated;
    std::optional<AnnotatorRecord> m_selected;

    QLineEdit *m_name = nullptr;
    QListView *m_list = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_simulatedLabel = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_create = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace lab
