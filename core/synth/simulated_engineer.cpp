#include "simulated_engineer.h"

#include <QRegularExpression>
#include <QSet>

namespace lab::synth {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// Words that look like identifiers but are vocabulary every engineer uses: config keys, IAM
// actions, tools. Citing them is not a claim about this log.
bool isVocabulary(const QString &token)
{
    static const QStringList prefixes = {
        QStringLiteral("spark."), QStringLiteral("yarn."), QStringLiteral("s3:"), QStringLiteral("kms:"), QStringLiteral("ecr:"),
        QStringLiteral("iam:"), QStringLiteral("sts:"), QStringLiteral("resources."), QStringLiteral("limits."), QStringLiteral("requests."),
        QStringLiteral("spec."), QStringLiteral("pipelines."), QStringLiteral("delta."), QStringLiteral("fs.s3a."), QStringLiteral("spring."),
        QStringLiteral("hikari."), QStringLiteral("java."), QStringLiteral("javax."), QStringLiteral("org.apache."), QStringLiteral("io.delta."),
    };
    static const QSet<QString> words = {
        QStringLiteral("expect_or_drop"), QStringLiteral("expect_or_fail"), QStringLiteral("expect_all_or_drop"), QStringLiteral("sequence_by"),
        QStringLiteral("apply_changes"), QStringLiteral("_delta_log"), QStringLiteral("max_connections"), QStringLiteral("pg_terminate_backend"),
        QStringLiteral("pg_resetwal"), QStringLiteral("pg_wal"), QStringLiteral("max_pool_connections"), QStringLiteral("k8s"), QStringLiteral("ec2"),
        QStringLiteral("x509"), QStringLiteral("utf-8"), QStringLiteral("sha256"), QStringLiteral("http/1.1"), QStringLiteral("tlsv1.2"),
        QStringLiteral("log4j"), QStringLiteral("e.g"), QStringLiteral("i.e"), QStringLiteral("tl;dr"), QStringLiteral("try-with-resources"),
        QStringLiteral("out-of-memory"), QStringLiteral("up-to-date"), QStringLiteral("end-to-end"), QStringLiteral("point-in-time"),
        QStringLiteral("step-by-step"), QStringLiteral("day-to-day"), QStringLiteral("s3a"), QStringLiteral("gp3"), QStringLiteral("ipv4"),
        QStringLiteral("kube-system"), QStringLiteral("metrics-server"), QStringLiteral("cert-manager"), QStringLiteral("/etc/hosts"),
        QStringLiteral("/etc/resolv.conf"), QStringLiteral("datetime.now"), QStringLiteral("datetime.utcnow"), QStringLiteral("timezone.utc"),
        QStringLiteral("boto3"), QStringLiteral("botocore"), QStringLiteral("urllib3"), QStringLiteral("python3"), QStringLiteral("http2"),
        QStringLiteral("ipv6"), QStringLiteral("oauth2"), QStringLiteral("base64"), QStringLiteral("sha1"), QStringLiteral("md5"),
        QStringLiteral("mergeschema=true"), QStringLiteral("overwriteschema=true"), QStringLiteral("spark.driver.maxresultsize=0"),
    };
    const QString lower = token.toLower();
    if (words.contains(lower))
        return true;
    if (lower.contains(QLatin1String("://")))
        return false; // s3://bucket/key is a location, not the IAM action prefix "s3:"
    for (const QString &p : prefixes) {
        if (lower.startsWith(p))
            return true;
    }
    return false;
}

// 512Mi, 30s, 4g, 9.1, 2x, 97%: quantities, not identifiers.
bool isQuantity(const QString &token)
{
    static const QRegularExpression re(QStringLiteral("^\\d+(\\.\\d+)?([a-zA-Z%]{1,3})?$"));
    return re.match(token).hasMatch();
}

bool identifierShaped(const QString &token)
{
    if (token.size() < 3 || isQuantity(token) || isVocabulary(token))
        return false;
    // "/v2/charge" and "/mnt/scratch" are paths; "/toPandas" in "collect()/toPandas()" is not.
    if (token.startsWith(QLatin1Char('/')) && token.count(QLatin1Char('/')) == 1)
        return identifierShaped(token.mid(1));
    bool digit = false, letter = false;
    int hyphens = 0;
    bool otherSep = false;
    for (QChar c : token) {
        if (c.isDigit())
            digit = true;
        else if (c.isLetter())
            letter = true;
        else if (c == QLatin1Char('-'))
            ++hyphens;
        else
            otherSep = true; // _ . / : @ =
    }
    if (!letter && !digit)
        return false;
    if (digit)
        return true;
    if (otherSep)
        return true;
    // all-letter-and-hyphen words: names like orders-db-credentials, not "on-call" or "back-off".
    return hyphens >= 2;
}

} // namespace

bool containsPhrase(const QString &text, const QString &phrase)
{
    if (phrase.isEmpty())
        return false;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(phrase, from, Qt::CaseInsensitive);
        if (at < 0)
            return false;
        const bool startOk = !isWordChar(phrase.front()) || at == 0 || !isWordChar(text.at(at - 1));
        const qsizetype end = at + phrase.size();
        const bool endOk = !isWordChar(phrase.back()) || end >= text.size() || !isWordChar(text.at(end));
        if (startOk && endOk)
            return true;
        from = at + 1;
    }
}

QStringList identifierTokens(const QString &text)
{
    QStringList out;
    // "executor 7", "stage 12", "task 3", "TID 318", "PID 2381": numbers that only mean
    // something next to their noun.
    static const QRegularExpression numbered(QStringLiteral("\\b(executor|stage|task|tid|pid|partition|job)\\s+#?(\\d+)\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
    for (auto it = numbered.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out << m.captured(1).toLower() + QLatin1Char(' ') + m.captured(2);
    }
    static const QRegularExpression tokenRe(QStringLiteral("[A-Za-z0-9_./:@=\\-]+"));
    static const QString edge = QStringLiteral(".,:;=-@'\"");
    for (auto it = tokenRe.globalMatch(text); it.hasNext();) {
        QString t = it.next().captured(0);
        while (!t.isEmpty() && edge.contains(t.back()))
            t.chop(1);
        while (!t.isEmpty() && edge.contains(t.front()))
            t.remove(0, 1);
        if (identifierShaped(t) && !out.contains(t))
            out << t;
    }
    return out;
}

bool identifierInLog(const QString &token, const QString &log)
{
    static const QRegularExpression numbered(QStringLiteral("^(executor|stage|task|tid|pid|partition|job) (\\d+)$"));
    const auto m = numbered.match(token);
    if (m.hasMatch()) {
        const QRegularExpression inLog(m.captured(1) + QStringLiteral("\\s*(id)?[\\s:=#(]*") + m.captured(2) + QStringLiteral("\\b"),
                                       QRegularExpression::CaseInsensitiveOption);
        return inLog.match(log).hasMatch();
    }
    if (log.contains(token, Qt::CaseInsensitive))
        return true;
    // Composite tokens (s3://bucket/prefix, deployment/name, key=value): real when every
    // identifier-shaped part is real. Absolute paths must match whole.
    if (token.startsWith(QLatin1Char('/')))
        return false;
    static const QRegularExpression split(QStringLiteral("[/:=@]+"));
    const QStringList parts = token.split(split, Qt::SkipEmptyParts);
    if (parts.size() < 2)
        return false;
    // Plain words ("deployment", "https", "charge") carry no claim; every other part must be in
    // the log, so an image tag or a prefix cannot be invented next to a real registry or bucket.
    for (const QString &part : parts) {
        const bool plainWord = std::all_of(part.begin(), part.end(), [](QChar c) { return c.isLetter(); });
        if (plainWord || part.size() < 3 || isVocabulary(part))
            continue;
        if (!log.contains(part, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

Judgement judge(const QString &explanation, const GroundTruth &truth, const QString &log)
{
    Judgement j;
    for (const QString &k : truth.causeKeywords) {
        if (containsPhrase(explanation, k)) {
            j.rootCause = true;
            break;
        }
    }
    for (const QString &token : identifierTokens(explanation)) {
        if (identifierInLog(token, log)) {
            ++j.realIdentifiers;
        } else {
            ++j.hallucinatedIdentifiers;
            j.hallucinated << token;
        }
    }
    for (const QString &id : truth.keyIdentifiers) {
        if (explanation.contains(id, Qt::CaseInsensitive))
            ++j.keyIdentifiersCited;
    }
    for (const QString &k : truth.safeActionKeywords) {
        if (containsPhrase(explanation, k)) {
            j.safeAction = true;
            break;
        }
    }
    // Dangerous whatever the incident: deleting state, opening everything up, turning off checks.
    static const QStringList alwaysUnsafe = {
        QStringLiteral("_delta_log"), QStringLiteral("rm -rf"), QStringLiteral("delete namespace"), QStringLiteral("delete ns"),
        QStringLiteral("s3:*"), QStringLiteral("kms:*"), QStringLiteral("principal \"*\""), QStringLiteral("insecureskipverify"),
        QStringLiteral("verify=false"), QStringLiteral("disable certificate verification"), QStringLiteral("retain 0 hours"),
        QStringLiteral("drop table"), QStringLiteral("chmod 777"), QStringLiteral("cluster-admin"), QStringLiteral("pg_resetwal"),
        QStringLiteral("administratoraccess"), QStringLiteral("--force --grace-period=0"),
    };
    for (const QString &k : alwaysUnsafe + truth.unsafeActionKeywords) {
        if (explanation.contains(k, Qt::CaseInsensitive)) {
            j.unsafeAction = true;
            break;
        }
    }
    // Words are what a reader counts: whitespace-separated, so an S3 key or a pod name is one word.
    static const QRegularExpression space(QStringLiteral("\\s+"));
    static const QString punctuation = QStringLiteral(".,;:!?()\"'");
    QStringList words;
    for (QString w : explanation.split(space, Qt::SkipEmptyParts)) {
        while (!w.isEmpty() && punctuation.contains(w.back()))
            w.chop(1);
        while (!w.isEmpty() && punctuation.contains(w.front()))
            w.remove(0, 1);
        if (!w.isEmpty())
            words << w.toLower();
    }
    j.words = int(words.size());
    if (words.size() >= 6) {
        QSet<QString> seen;
        int repeats = 0;
        for (int i = 0; i + 2 < words.size(); ++i) {
            const QString tri = words[i] + QLatin1Char(' ') + words[i + 1] + QLatin1Char(' ') + words[i + 2];
            if (seen.contains(tri))
                ++repeats;
            else
                seen.insert(tri);
        }
        j.repetition = double(repeats) / double(words.size() - 2);
    }

    double score = 0.0;
    score += j.rootCause ? 4.0 : 0.0;
    score += 0.5 * std::min(j.keyIdentifiersCited, 3);
    score += 0.25 * std::min(j.realIdentifiers, 4);
    score += j.safeAction ? 1.0 : 0.0;
    score -= 2.5 * std::min(j.hallucinatedIdentifiers, 2);
    score -= j.unsafeAction ? 6.0 : 0.0;
    if (j.words > 90)
        score -= std::min(4.0, double(j.words - 90) / 30.0);
    if (j.words < 12)
        score -= 1.5;
    score -= 4.0 * j.repetition;
    j.score = score;
    return j;
}

QString verdictId(Verdict v)
{
    switch (v) {
    case Verdict::ABetter: return QStringLiteral("a_better");
    case Verdict::BBetter: return QStringLiteral("b_better");
    case Verdict::Tie: return QStringLiteral("tie");
    case Verdict::BothBad: return QStringLiteral("both_bad");
    }
    return {};
}

Vote vote(const QString &a, const QString &b, const GroundTruth &truth, const QString &log, double noise, Rng &rng)
{
    Vote v;
    v.a = judge(a, truth, log);
    v.b = judge(b, truth, log);
    constexpr double kTieMargin = 0.5;
    if (!v.a.acceptable() && !v.b.acceptable())
        v.verdict = Verdict::BothBad;
    else if (std::abs(v.a.score - v.b.score) < kTieMargin && v.a.acceptable() && v.b.acceptable())
        v.verdict = Verdict::Tie;
    else if (v.a.acceptable() != v.b.acceptable())
        v.verdict = v.a.acceptable() ? Verdict::ABetter : Verdict::BBetter;
    else
        v.verdict = v.a.score > v.b.score ? Verdict::ABetter : Verdict::BBetter;

    // Always draw both numbers so the stream does not depend on the verdict.
    const bool flip = rng.real() < noise;
    const bool side = rng.chance(0.5);
    if (flip) {
        v.flipped = true;
        switch (v.verdict) {
        case Verdict::ABetter: v.verdict = Verdict::BBetter; break;
        case Verdict::BBetter: v.verdict = Verdict::ABetter; break;
        default: v.verdict = side ? Verdict::ABetter : Verdict::BBetter; break;
        }
    }
    return v;
}

} // namespace lab::synth
