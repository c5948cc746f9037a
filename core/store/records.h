#pragma once
// Plain rows of the lab database. They carry no behaviour and no connection, so the GUI, the CLI
// and the trainers can pass them across threads freely.
//
// Conventions: an id of 0 means "not stored yet" (and, for an optional reference such as
// ExplanationRecord::adapterId, "none"; it is written as NULL). Times are UTC; an invalid
// QDateTime given to an add*() method means "now". JSON columns are QJsonObject/QJsonArray here.
#include <QDateTime>
#include <QJsonObject>
#include <QLatin1String>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

namespace lab {

// --- Value sets (stored as these strings; CHECK constraints in the schema hold the same lists) ---

// IncidentRecord::origin
inline constexpr QLatin1String kOriginSynthetic{"synthetic"};
inline constexpr QLatin1String kOriginImported{"imported"};

// IncidentRecord::source
inline constexpr QLatin1String kSourceSpark{"spark"};
inline constexpr QLatin1String kSourceDlt{"dlt"};
inline constexpr QLatin1String kSourceK8s{"k8s"};
inline constexpr QLatin1String kSourceS3{"s3"};
inline constexpr QLatin1String kSourceApp{"app"};
inline constexpr QLatin1String kSourceOther{"other"};

// RunRecord::kind
inline constexpr QLatin1String kRunSft{"sft"};
inline constexpr QLatin1String kRunReward{"reward"};
inline constexpr QLatin1String kRunDpo{"dpo"};
inline constexpr QLatin1String kRunPpo{"ppo"};

// RunRecord::status
inline constexpr QLatin1String kRunQueued{"queued"};
inline constexpr QLatin1String kRunRunning{"running"};
inline constexpr QLatin1String kRunFinished{"finished"};
inline constexpr QLatin1String kRunFailed{"failed"};
inline constexpr QLatin1String kRunStopped{"stopped"};
// A guard (NaN loss, KL limit, entropy collapse, verbosity hacking) halted it; it can be resumed
// from its last checkpoint.
inline constexpr QLatin1String kRunPaused{"paused"};

// AnnotatorRecord::kind
inline constexpr QLatin1String kAnnotatorHuman{"human"};
inline constexpr QLatin1String kAnnotatorSimulated{"simulated"};

// The two candidates of a pair. Votes always speak of candidates, never of screen sides, so a
// vote stays meaningful whichever way round the pair was shown.
enum class Candidate { A, B };

// A vote's verdict: stored as "a_better", "b_better", "tie", "both_bad", "skip".
enum class VoteChoice { ABetter, BBetter, Tie, BothBad, Skip };

QString candidateToString(Candidate candidate);              // "a" / "b"
std::optional<Candidate> candidateFromString(const QString &text);
QString voteChoiceToString(VoteChoice choice);
std::optional<VoteChoice> voteChoiceFromString(const QString &text);

// --- Rows ---

struct IncidentRecord
{
    qint64 id = 0;
    QString title;
    QString origin = QString(kOriginSynthetic); // kOrigin*
    QString source = QString(kSourceOther);     // kSource*
    QString kind;                               // root-cause kind ("spark_executor_oom"), empty if unknown
    QString logFormat;                          // format id from core/logs ("spark", "k8s", "json"...)
    QString status = QStringLiteral("open");    // free text: "open", "labeled", "held_out"...
    std::optional<qint64> seed;                 // generator seed; none for imported logs
    QJsonObject groundTruth;                    // root-cause line numbers, key identifiers, safe actions...
    QDateTime createdAt;
    // Template signature of the failure (core/logs/log_signature.h): incidents with the same
    // failure share it whatever their ids, so the labeling queue can spread over failures.
    QString signature;
};

// Every set field narrows the list; empty fields match everything.
struct IncidentFilter
{
    QString kind;
    QString source;
    QString status;
    QString origin;
    QString text;      // case-insensitive substring of the title or the kind
    qint64 limit = -1; // -1: no limit
    qint64 offset = 0;
};

// One log file of an incident. The content lives in the database so a lab file is self-contained.
struct StoredLog
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QString name;         // display name, usually the file name
    QString originalPath; // where it was imported from; empty for generated logs
    QString format;       // format id from core/logs
    qint64 lineCount = 0; // computed from content by addLog() when left at 0
    QString content;
};

// A candidate explanation: written by the generator in a style, or by the model (+ adapter).
struct ExplanationRecord
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QString text;
    QString style;      // synthetic style ("good", "symptom", "hallucinated"...); empty if model-made
    QString model;      // model that wrote it ("lab-tiny"); empty if synthetic
    qint64 adapterId = 0; // adapter that was active when the model wrote it; 0: base model / none
    QJsonObject meta;   // generation settings (temperature, seed, tokens...) or generator details
    QDateTime createdAt;
};

// Two explanations of one incident offered for comparison. Several annotators vote on one pair.
struct PairRecord
{
    qint64 id = 0;
    qint64 incidentId = 0;
    qint64 explanationA = 0;
    qint64 explanationB = 0;
    // A control pair with a known answer, used to check annotators. Always equal to
    // goldChoice.has_value() when read; addPair() refuses gold without an answer.
    bool gold = false;
    QDateTime createdAt;
    qint64 voteCount = 0; // read-only: maintained by the database, ignored by addPair()
    // The known answer of a gold pair (never Skip). Written by addPair() and setGoldAnswer().
    std::optional<VoteChoice> goldChoice;
    QString kind;                       // read-only: the incident's kind (copied by a trigger)
    QString signature;                  // read-only: the incident's signature (copied by a trigger)
    double queueRank = 0;               // read-only: position in the labeling order (lower first)
    std::optional<double> rewardMargin; // read-only here: set by Store::setPairMargins()
};

// How Store::nextPair() mixes control pairs into an annotator's queue.
struct QueueOptions
{
    double goldRate = 0.1;    // share of served pairs that are gold pairs (while unseen gold is left)
    double overlapRate = 0.1; // share served from pairs another annotator already voted (agreement)
    // Draws are a pure function of (seed, annotator id, annotator's vote count + excluded pairs),
    // i.e. of the annotator's position in the queue, so a prefetch draws for the next position.
    quint64 seed = 0;
};

// One version of the labeling guidelines (markdown). Versions count up from 1.
struct GuidelineRecord
{
    int version = 0;
    QString text;
    QString author;
    QDateTime createdAt;
};

// A reward model's opinion of a pair: reward(A) - reward(B).
struct PairMargin
{
    qint64 pairId = 0;
    double margin = 0;
};

struct PairFilter
{
    qint64 incidentId = 0;     // 0: any incident
    std::optional<bool> gold;  // none: gold and ordinary pairs
    qint64 afterId = 0;        // paging: pairs with id > afterId, in id order
    qint64 limit = -1;
};

// One annotator's vote on one pair (table `comparisons`). An annotator has at most one vote per
// pair; recording again replaces it.
struct VoteRecord
{
    qint64 id = 0;
    qint64 pairId = 0;
    qint64 annotatorId = 0;
    Candidate shownLeft = Candidate::A; // which candidate the screen showed on the left
    VoteChoice choice = VoteChoice::Skip;
    QStringList tags;                   // stored as a JSON array
    QString rationale;
    QString guidelineVersion;
    QDateTime createdAt;
};
using ComparisonRecord = VoteRecord;

struct VoteFilter
{
    qint64 pairId = 0;      // 0: any pair
    qint64 annotatorId = 0; // 0: any annotator
    qint64 afterId = 0;     // paging: votes with id > afterId, in id order
    qint64 limit = -1;
    QDateTime since;        // valid: votes created at or after this time
};

struct AnnotatorRecord
{
    qint64 id = 0;
    QString name; // unique
    QString kind = QString(kAnnotatorHuman); // kAnnotator*
    QDateTime createdAt;
};

struct RunRecord
{
    qint64 id = 0;
    QString kind;                               // kRun* kinds
    QString status = QString(kRunQueued);       // kRun* statuses
    QJsonObject config;
    QDateTime startedAt;                        // invalid: not started
    QDateTime finishedAt;                       // invalid: not finished
    QJsonObject result;
    QString voteSnapshot;                       // hash of the votes the run trained on
};

struct MetricPoint
{
    qint64 step = 0;
    QString name;  // names from DESIGN.md: "loss", "rewards/margins", "objective/kl"...
    double value = 0.0;
};

struct AdapterRecord
{
    qint64 id = 0;
    QString name;       // unique
    qint64 runId = 0;   // run that produced it; 0: none (imported)
    QString path;       // PEFT folder
    QDateTime createdAt;
    bool active = false;    // read-only here: change with Store::setActiveAdapter()
    QDateTime activatedAt;  // last time it was made active; invalid if never
    QJsonObject eval;
};

// Labeling progress for the status bar and the CLI.
struct AnnotatorProgress
{
    qint64 annotatorId = 0;
    QString name;
    qint64 votes = 0;     // pairs this annotator has voted on or skipped
    qint64 openPairs = 0; // pairs still waiting for this annotator
};

// Below, a "vote" is a verdict: skips are not counted (they still close a pair for that annotator).
struct KindProgress
{
    QString kind;         // incident kind ("" for incidents without one)
    qint64 pairs = 0;
    qint64 votedPairs = 0; // pairs with at least one vote
    qint64 votes = 0;
};

struct LabelingProgress
{
    qint64 pairs = 0;
    qint64 votedPairs = 0;
    qint64 votes = 0;
    QVector<AnnotatorProgress> perAnnotator; // by name
    QVector<KindProgress> perKind;           // by kind
};

// One blind A/B review vote (table `review_votes`): a reviewer compared model A's and model B's
// explanations of a held-out incident without knowing which was which. Models are named as the
// review view names them ("base", or an adapter's name).
struct ReviewVoteRecord
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QString modelA;
    QString modelB;
    QString textA;
    QString textB;
    Candidate shownLeft = Candidate::A; // which model's text the screen showed on the left
    VoteChoice choice = VoteChoice::Tie; // never Skip
    QString reviewer;
    QDateTime createdAt;
};

} // namespace lab
