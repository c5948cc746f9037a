#include "simulated_engineer.h"

#include <QRegularExpression>
#include <QSet>

namespace lab::synth {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
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
    QSet<QString> seen;
    for (const IdentifierMention &m : findIdentifiers(text)) {
        const QString key = identifierKey(m);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        // Numbered references in their canonical form ("executor 7" for "Executor #7").
        const bool numbered = m.kind == IdentifierKind::Executor || m.kind == IdentifierKind::Task || m.kind == IdentifierKind::Stage
                              || m.kind == IdentifierKind::Partition || m.kind == IdentifierKind::Job;
        out << (numbered ? key : m.text);
    }
    return out;
}

bool identifierInLog(const QString &token, const QString &log)
{
    return !LogEvidence(log).linesOf(token, 1).isEmpty();
}

Judgement judge(const QString &explanation, const GroundTruth &truth, const QString &log)
{
    return judge(explanation, truth, LogEvidence(log));
}

Judgement judge(const QString &explanation, const GroundTruth &truth, const LogEvidence &log)
{
    Judgement j;
    for (const QString &k : truth.causeKeywords) {
        if (containsPhrase(explanation, k)) {
            j.rootCause = true;
            break;
        }
    }
    const EvidenceReport evidence = log.check(explanation);
    j.hallucinated = evidence.hallucinated();
    j.hallucinatedIdentifiers = int(j.hallucinated.size());
    j.realIdentifiers = evidence.groundedCount();
    j.supportLines = evidence.supportLines;
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
    return vote(a, b, truth, LogEvidence(log), noise, rng);
}

Vote vote(const QString &a, const QString &b, const GroundTruth &truth, const LogEvidence &log, double noise, Rng &rng)
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
