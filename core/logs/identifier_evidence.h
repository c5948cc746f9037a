#pragma once
// Identifier evidence: finds the identifiers an explanation names (executors, tasks, stages,
// pods, namespaces, tables, columns, buckets, keys, hosts, IPs, exception classes, log line
// numbers, paths) and matches each against the log. One check serves the labeling view's flags,
// `label auto` (the simulated engineer) and evaluation's hallucination_rate.
//
// Matching is exact enough to be trusted: "executor 7" never matches "executor 17", a bucket
// never matches a longer bucket that starts with its name, and a composite (s3://bucket/key,
// host:port, registry/image:tag) is real only when its parts are. Config keys, IAM actions and
// tool names (spark.executor.memory, s3:GetObject, kubectl) are vocabulary, not claims about the
// log, and are not reported.
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace lab {

enum class IdentifierKind {
    Executor,
    Task,      // "task 3.0", "TID 318"
    Stage,
    Pod,
    Namespace,
    Table,
    Column,
    Bucket,
    ObjectKey, // s3://bucket/key, arn:aws:s3:::bucket/key
    Host,
    IpAddress,
    ExceptionClass,
    LineNumber, // "line 42", "lines 40-45", "L42": the log's own lines, 1-based in the text
    Path,
    Other,
    Partition, // "partition 12"
    Job,       // "job 4"
};

QString identifierKindId(IdentifierKind kind); // "executor", "pod", ...

struct IdentifierMention
{
    QString text;              // as written in the explanation
    IdentifierKind kind = IdentifierKind::Other;
    int start = 0, length = 0; // in the explanation (QString positions) for highlighting
    QVector<int> logLines;     // 0-based log lines that contain it (first 50); empty: not in the log
    bool inLog() const { return !logLines.isEmpty(); }
};

// The form two mentions of one identifier share: "executor 7" for "Executor #7", lower case for
// the kinds compared without case (hosts, pods, tables...), as written for the others
// (exception classes, paths, object keys).
QString identifierKey(const IdentifierMention &mention);

struct EvidenceReport
{
    QVector<IdentifierMention> mentions; // in text order
    QVector<int> supportLines;           // sorted unique log lines the explanation relies on
    // Counts of distinct identifiers (by identifierKey): naming one invented pod three times is
    // one hallucination.
    int hallucinatedCount() const; // identifiers not in the log
    int groundedCount() const;
    QStringList hallucinated() const; // their texts, first mention of each, in text order
    QStringList grounded() const;
};

// The report as JSON, for a worker thread's result or a report file:
// {"mentions":[{"text","kind","start","length","lines":[0-based]}],"support_lines":[...],
//  "grounded":N,"hallucinated":N}. `lineOffset` is added to every line (a report made on a log's
// tail, given in the whole log's lines).
QJsonObject evidenceToJson(const EvidenceReport &report, int lineOffset = 0);
// Reads what evidenceToJson wrote; unknown kinds read as Other, malformed entries are skipped.
EvidenceReport evidenceFromJson(const QJsonObject &object);

// The identifier mentions of a text with kinds and positions, without any log (logLines empty).
QVector<IdentifierMention> findIdentifiers(const QString &text);

// Built once per log (indexes every line's words and numbered references), then checks any
// number of explanations quickly. Copies share the index.
class LogEvidence
{
public:
    explicit LogEvidence(const QString &logText);

    EvidenceReport check(const QString &explanation) const; // at most 50 lines a mention
    EvidenceReport check(const QString &explanation, int maxLinesPerMention) const;
    // The 0-based lines (first `maxLines`) that hold one identifier written as in an explanation
    // ("executor 7", "checkout-api-7d9f8c6b5-x2kqp", "line 42", "namespace payments"); empty when
    // the log lacks it or the text is not exactly one identifier.
    QVector<int> linesOf(const QString &identifier, int maxLines = 50) const;
    int lineCount() const;

    struct Index;

private:
    std::shared_ptr<const Index> m_index;
};

} // namespace lab
