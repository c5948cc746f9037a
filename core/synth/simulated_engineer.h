#pragma once
// The simulated engineer: judges any explanation text against an incident's ground truth and
// log, and votes on pairs the way a careful on-call engineer would (root cause named,
// identifiers real, action safe, concise), with a configurable rate of noisy votes.
// It reads only the text, never the style label, so it judges model outputs the same way.
#include "incident.h"
#include "rng.h"

#include "core/logs/identifier_evidence.h"

#include <QString>
#include <QStringList>

namespace lab::synth {

struct Judgement
{
    double score = 0.0;
    bool rootCause = false;          // names the true cause (a cause keyword of the ground truth)
    // Identifiers are found and matched by core/logs/identifier_evidence, the same check the
    // labeling view flags and evaluation counts; each distinct identifier counts once.
    int realIdentifiers = 0;         // identifiers that occur in the log
    int hallucinatedIdentifiers = 0; // identifiers that do not
    QStringList hallucinated;        // those identifiers, for reports
    QVector<int> supportLines;       // 0-based log lines holding the grounded ones
    int keyIdentifiersCited = 0;     // ground-truth key identifiers present in the text
    bool safeAction = false;
    bool unsafeAction = false;
    int words = 0;
    double repetition = 0.0;         // share of word trigrams that repeat an earlier one

    // Good enough that an engineer would accept it as is.
    bool acceptable() const { return rootCause && !unsafeAction && hallucinatedIdentifiers == 0; }
};

Judgement judge(const QString &explanation, const GroundTruth &truth, const QString &log);
// The same with the log indexed once, for judging many explanations of one log.
Judgement judge(const QString &explanation, const GroundTruth &truth, const LogEvidence &log);

enum class Verdict { ABetter, BBetter, Tie, BothBad };
QString verdictId(Verdict v); // "a_better", "b_better", "tie", "both_bad"

struct Vote
{
    Verdict verdict = Verdict::Tie;
    bool flipped = false; // the noise changed the honest verdict
    Judgement a;
    Judgement b;
};

// `noise` in [0, 1]: the probability that the vote is flipped (A<->B; a tie or both-bad becomes
// a random side). Consumes the same number of draws from `rng` whatever the verdict.
Vote vote(const QString &a, const QString &b, const GroundTruth &truth, const QString &log, double noise, Rng &rng);
Vote vote(const QString &a, const QString &b, const GroundTruth &truth, const LogEvidence &log, double noise, Rng &rng);

// The distinct identifiers of a text (findIdentifiers; numbered ones as "executor 7").
QStringList identifierTokens(const QString &text);
// Whether one identifier is backed by the log (indexes the log: for many checks use LogEvidence).
bool identifierInLog(const QString &token, const QString &log);
// Case-insensitive phrase match on word boundaries ("oom" does not match "room").
bool containsPhrase(const QString &text, const QString &phrase);

} // namespace lab::synth
