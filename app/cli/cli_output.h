#pragma once
// What every rlhf-lab-cli command shares: the argument parser with --help, one-line errors on
// stderr, JSON on stdout, and a progress bar that draws only on a terminal.
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QString>

namespace lab::cli {

// Exit codes: 0 success, 1 failure while working, 2 bad usage.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

// Prints "rlhf-lab-cli: <message>" on one line of stderr and returns kExitFailure.
int fail(const QString &message, int code = kExitFailure);

void printOut(const QString &text);               // stdout, as is
void printJson(const QJsonObject &object);        // one compact JSON object and a newline

// Reads a JSON object from a file (a --config FILE); the error names the file.
bool readJsonObjectFile(const QString &path, QJsonObject &object, QString &error);

// Sets up `parser` for `command` (adds --help), parses `args`. Returns -1 to go on, or an exit
// code to return at once (help printed, or a usage error reported).
int parseOrExit(QCommandLineParser &parser, const QString &command, const QString &description,
                const QStringList &args);

// A progress bar on stderr, redrawn at most every 100 ms, only when stderr is a terminal
// and stdout is one too (a pipe to a file or jq gets clean output).
class ProgressBar
{
public:
    explicit ProgressBar(QString label);
    ~ProgressBar();
    // Returns true (never cancels); fits lab::ProgressCallback.
    bool update(qint64 done, qint64 total);
    void finish();

private:
    QString m_label;
    QElapsedTimer m_timer;
    qint64 m_lastDraw = -1;
    bool m_enabled = false;
    bool m_drawn = false;
};

} // namespace lab::cli
