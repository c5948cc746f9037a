#pragma once
// A LogFile shared between the view and the background jobs that read it (search, template
// mining): whoever lets go last frees it, and a job that finishes after the view moved on to
// another file never reads freed memory. The LogFile is a QObject of the GUI thread, so a release
// on a worker thread hands the deletion to that thread's event loop.
#include "core/logs/log_file.h"

#include <QThread>
#include <memory>

namespace lab {

using SharedLogFile = std::shared_ptr<LogFile>;
using SharedConstLogFile = std::shared_ptr<const LogFile>;

inline SharedLogFile makeSharedLogFile()
{
    return SharedLogFile(new LogFile, [](LogFile *file) {
        if (file->thread() == QThread::currentThread())
            delete file;
        else
            file->deleteLater();
    });
}

} // namespace lab
