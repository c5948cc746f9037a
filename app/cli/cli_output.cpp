#include "cli_output.h"

#include <QFile>
#include <QJsonDocument>
#include <cstdio>
#include <unistd.h>

namespace lab::cli {

int fail(const QString &message, int code)
{
    QString oneLine = message;
    oneLine.replace(QLatin1Char('\n'), QLatin1String("; "));
    std::fprintf(stderr, "rlhf-lab-cli: %s\n", qPrintable(oneLine));
    return code;
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void printJson(const QJsonObject &object)
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int parseOrExit(QCommandLineParser &parser, const QString &command, const QString &description,
                const QStringList &args)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList full = args;
    full.prepend(QStringLiteral("rlhf-lab-cli ") + command);
    if (!parser.parse(full))
        return fail(parser.errorText() + QStringLiteral(" (see: rlhf-lab-cli ") + command
                        + QStringLiteral(" --help)"),
                    kExitUsage);
    if (parser.isSet(help)) {
        // QCommandLineParser names the binary as it was started; show the full command instead.
        QString text = parser.helpText();
        const qsizetype usageEnd = text.indexOf(QLatin1String(" [options]"));
        if (text.startsWith(QLatin1String("Usage: ")) && usageEnd > 0)
            text.replace(0, usageEnd, QStringLiteral("Usage: rlhf-lab-cli ") + command);
        printOut(text);
        return kExitOk;
    }
    return -1;
}

bool readJsonObjectFile(const QString &path, QJsonObject &object, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        error = QStringLiteral("%1: not a JSON object (%2)").arg(path, parseError.errorString());
        return false;
    }
    object = document.object();
    return true;
}

ProgressBar::ProgressBar(QString label) : m_label(std::move(label))
{
    m_enabled = ::isatty(STDERR_FILENO) && ::isatty(STDOUT_FILENO);
    m_timer.start();
}

ProgressBar::~ProgressBar() { finish(); }

bool ProgressBar::update(qint64 done, qint64 total)
{
    if (!m_enabled)
        return true;
    const qint64 now = m_timer.elapsed();
    if (m_lastDraw >= 0 && now - m_lastDraw < 100 && done < total)
        return true;
    m_lastDraw = now;
    constexpr int width = 30;
    const double frac = total > 0 ? std::clamp(double(done) / double(total), 0.0, 1.0) : 0.0;
    const int filled = int(frac * width);
    QString bar = QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char('.'));
    QString eta;
    if (frac > 0.02 && frac < 1.0) {
        const double secondsLeft = double(now) / 1000.0 * (1.0 - frac) / frac;
        eta = QStringLiteral(" ETA %1s").arg(qRound(secondsLeft));
    }
    std::fprintf(stderr, "\r%s [%s] %3d%%%s   ", qPrintable(m_label), qPrintable(bar),
                 int(frac * 100), qPrintable(eta));
    std::fflush(stderr);
    m_drawn = true;
    return true;
}

void ProgressBar::finish()
{
    if (m_drawn) {
        std::fputc('\n', stderr);
        m_drawn = false;
    }
}

} // namespace lab::cli
