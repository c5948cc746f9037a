#include "core/logs/log_signature.h"

#include "core/logs/log_format.h"
#include "core/logs/template_masking.h"

#include <QCryptographicHash>
#include <QList>
#include <QSet>

#include <algorithm>

namespace lab {
namespace {

// Lines with these words describe a failure even at INFO/WARN or without a level (stack-trace
// heads such as "java.lang.OutOfMemoryError: Java heap space", Kubernetes event reasons).
constexpr const char *kFailureWords[] = {"exception", "error",   "fail",    "fatal",   "panic",
                                         "killed",    "denied",  "refused", "timed out", "timeout",
                                         "backoff",   "oom",     "evict",   "unhealthy", "abort"};

bool namesFailure(const QString &message)
{
    for (const char *word : kFailureWords)
        if (message.contains(QLatin1String(word), Qt::CaseInsensitive))
            return true;
    return false;
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.')
           || c == QLatin1Char('/') || c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('*');
}

// Names the masker keeps because they hold no digits: "billing-svc", "telemetry_kafka",
// "lakehouse.finance.invoices", "payments/pii/part-<*>". They differ from incident to incident of
// the same failure, so they go too. Dotted names with a capitalised last part are class names
// ("java.lang.OutOfMemoryError", "DeltaErrors.scala" is not, but it ends a stack frame whose
// method names stay) and say what failed: they are kept.
bool isVariableName(QStringView word)
{
    while (word.endsWith(QLatin1Char('.')))
        word.chop(1);
    if (word.size() < 2 || word == QLatin1String("<*>"))
        return false;
    bool letters = false;
    for (QChar c : word)
        letters = letters || c.isLetter();
    if (!letters)
        return false;
    if (word.contains(QLatin1Char('-')) || word.contains(QLatin1Char('_')) || word.contains(QLatin1Char('/')))
        return true;
    const qsizetype dot = word.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || dot + 1 >= word.size())
        return false;
    return !word.at(dot + 1).isUpper();
}

// Quoted text ('silver_fraud', "ledger-tls") is a value, and so are the names above; runs of
// wildcards count as one ("<*> <*>" and "<*>" are the same slot with more or fewer words in it).
QString normalizeTemplate(const QString &masked)
{
    QString out;
    out.reserve(masked.size());
    const QString wildcard = QStringLiteral("<*>");
    qsizetype i = 0;
    while (i < masked.size()) {
        const QChar c = masked.at(i);
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            const qsizetype close = masked.indexOf(c, i + 1);
            if (close > i + 1 && close - i <= 80) {
                out += c + wildcard + c;
                i = close + 1;
                continue;
            }
        }
        if (isNameChar(c)) {
            qsizetype end = i;
            while (end < masked.size() && isNameChar(masked.at(end)))
                ++end;
            const QStringView word = QStringView(masked).mid(i, end - i);
            out += isVariableName(word) ? wildcard : word.toString();
            i = end;
            continue;
        }
        out += c;
        ++i;
    }
    const QString pair = QStringLiteral("<*> <*>");
    while (out.contains(pair))
        out.replace(pair, wildcard);
    return out.trimmed();
}

} // namespace

QStringList logFailureTemplates(const QString &logText)
{
    const QList<QByteArray> lines = logText.toUtf8().split('\n');
    QList<QByteArray> sample;
    for (const QByteArray &line : lines) {
        if (!line.trimmed().isEmpty())
            sample.append(line);
        if (sample.size() >= 200)
            break;
    }
    const LogFormat format = detectFormat(sample);

    // Errors first: lines at ERROR or worse, and lines without a level (stack-trace heads,
    // plain text) that name a failure. A WARN or INFO line that mentions one is usually noise (a
    // retried call, a metrics hiccup), so warnings count only in logs whose failures are
    // warnings (Kubernetes events, 4xx in S3 access logs). The level alone is cheap, so most
    // lines of a big log stop there.
    QSet<QString> errors;
    QSet<QString> warnings;
    for (const QByteArray &raw : lines) {
        QByteArray line = raw;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const LogLevel level = parseLevel(format, line);
        if (level != LogLevel::Unknown && level < LogLevel::Warn)
            continue;
        if (level == LogLevel::Warn && !errors.isEmpty())
            continue;
        const ParsedLine parsed = parseLine(format, line);
        if (level < LogLevel::Error && !namesFailure(parsed.message))
            continue;
        const QString masked = normalizeTemplate(maskMessage(parsed.message));
        if (masked.isEmpty() || masked == QLatin1String("<*>"))
            continue;
        (level == LogLevel::Warn ? warnings : errors).insert(masked);
    }
    const QSet<QString> &templates = errors.isEmpty() ? warnings : errors;
    QStringList out(templates.cbegin(), templates.cend());
    std::sort(out.begin(), out.end());
    if (out.size() > kMaxSignatureTemplates)
        out = out.mid(0, kMaxSignatureTemplates);
    return out;
}

QString logSignature(const QString &logText)
{
    const QStringList templates = logFailureTemplates(logText);
    if (templates.isEmpty())
        return {};
    const QByteArray digest = QCryptographicHash::hash(templates.join(QLatin1Char('\n')).toUtf8(),
                                                       QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.left(8).toHex());
}

} // namespace lab
