#pragma once
// About RLHF Log Lab: what it is, and the versions a bug report needs: Qt (run-time and build),
// LibTorch, the BLAS library actually loaded (with a warning for the slow reference BLAS),
// threads and devices, where the data and settings live. "Copy details" puts them on the
// clipboard as plain text.
#include "core/runtime/runtime_info.h"

#include <QDialog>

class QLabel;

namespace lab {

class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    AboutDialog(const RuntimeInfo &runtime, const QString &dataDir, const QString &settingsFile, QWidget *parent = nullptr);

    // The details as plain text, one "name: value" per line (what Copy details copies).
    QString detailsText() const;

private:
    QList<QPair<QString, QString>> m_details;
};

} // namespace lab
