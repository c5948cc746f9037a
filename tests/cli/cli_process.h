#pragma once
// Test helper: runs the built rlhf-lab-cli (LAB_CLI_PATH, set by the test's CMake target) as a
// user would and keeps its exit code, stdout and stderr.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace labtest {

struct Run
{
    int code = -1; // -1: crashed
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

inline Run cli(const QStringList &args, int timeoutMs = 300000)
{
    QProcess p;
    p.start(QStringLiteral(LAB_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs))
        qFatal("rlhf-lab-cli %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace labtest
