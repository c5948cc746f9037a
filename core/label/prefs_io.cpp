#include "core/label/prefs_io.h"

#include "core/logs/log_digest.h"
#include "core/store/store.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <map>

namespace lab {

namespace {

// Marks an incident that a preference file created: its log is the file's prompt (without the
// cue), and export gives that prompt back exactly instead of digesting it again.
const QString kImportedFromKey = QStringLiteral("imported_from");
const QString kImportedFromPrefs = QStringLiteral("prefs");
const QString kPromptHashKey = QStringLiteral("prompt_sha256");
const QString kPromptHasCueKey = QStringLiteral("prompt_has_cue");

QString promptCue()
{
    return explanationPrompt(QString());
}

QString promptHash(const QString &prompt)
{
    return QString::fromLatin1(QCryptographicHash::hash(prompt.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// One JSON line with its keys in the order written (QJsonObject would sort them, and a reader
// scanning a TRL file expects prompt, chosen, rejected first).
class LineWriter
{
public:
    void add(const char *key, const QJsonValue &value)
    {
        m_line += m_line.isEmpty() ? '{' : ',';
        m_line += '"';
        m_line += key;
        m_line += "\":";
        const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        m_line += QByteArrayView(wrapped).sliced(1, wrapped.size() - 2);
    }
    QByteArray finish()
    {
        m_line += "}\n";
        return std::exchange(m_line, QByteArray());
    }

private:
    QByteArray m_line;
};

struct IncidentText
{
    QString prompt;
    QString kind;
    bool hasLog = true;
};

} // namespace

QString prefsFormatId(PrefsFormat format)
{
    return format == PrefsFormat::Trl ? QStringLiteral("trl") : QStringLiteral("unpaired");
}

std::optional<PrefsFormat> prefsFormatFromId(const QString &id)
{
    if (id == QLatin1String("trl"))
        return PrefsFormat::Trl;
    if (id == QLatin1String("unpaired"))
        return PrefsFormat::Unpaired;
    return std::nullopt;
}

// ------------------------------------------------------------------------------------------------
// Export

Result<ExportSummary> exportPreferences(Store &store, QIODevice &out, const PrefsExportOptions &options,
                                        const ProgressCallback &progress)
{
    if (!out.isWritable())
        return fail(QStringLiteral("cannot export preferences: the output is not open for writing"));
    VoteFilter filter;
    filter.since = options.since;
    if (!options.annotator.isEmpty()) {
        auto annotator = store.annotatorByName(options.annotator);
        if (!annotator.ok())
            return fail(annotator.error());
        if (!annotator->has_value())
            return fail(QStringLiteral("database %1 has no annotator \"%2\"").arg(store.path(), options.annotator));
        filter.annotatorId = (*annotator)->id;
    }
    auto annotatorList = store.annotators();
    if (!annotatorList.ok())
        return fail(annotatorList.error());
    QHash<qint64, AnnotatorRecord> annotators;
    for (const AnnotatorRecord &a : std::as_const(*annotatorList))
        annotators.insert(a.id, a);
    auto total = store.countVotes();
    if (!total.ok())
        return fail(total.error());

    // Votes come in id order; pairs, texts and prompts repeat across votes, so they are cached
    // (and the caches dropped when they grow, to bound memory on huge projects).
    constexpr qsizetype kCacheLimit = 20000;      // texts and prompts: a few KB each
    constexpr qsizetype kPairCacheLimit = 200000; // pair rows: ~100 bytes each
    QHash<qint64, PairRecord> pairs;
    QHash<qint64, QString> texts;
    QHash<qint64, IncidentText> incidents;
    const QString cue = promptCue();

    auto pairOf = [&](qint64 id) -> Result<PairRecord> {
        if (auto it = pairs.constFind(id); it != pairs.constEnd())
            return *it;
        auto p = store.pair(id);
        if (!p.ok())
            return fail(p.error());
        if (pairs.size() > kPairCacheLimit)
            pairs.clear();
        pairs.insert(id, *p);
        return *p;
    };
    auto textOf = [&](qint64 id) -> Result<QString> {
        if (auto it = texts.constFind(id); it != texts.constEnd())
            return *it;
        auto e = store.explanation(id);
        if (!e.ok())
            return fail(e.error());
        if (texts.size() > kCacheLimit)
            texts.clear();
        texts.insert(id, e->text);
        return e->text;
    };
    auto incidentOf = [&](qint64 id) -> Result<IncidentText> {
        if (auto it = incidents.constFind(id); it != incidents.constEnd())
            return *it;
        auto incident = store.incident(id);
        if (!incident.ok())
            return fail(incident.error());
        auto logs = store.logsFor(id);
        if (!logs.ok())
            return fail(logs.error());
        IncidentText t;
        t.kind = incident->kind;
        if (logs->isEmpty()) {
            t.hasLog = false; // no prompt can be built: its votes are left out and counted
        } else {
            const QString &log = logs->front().content;
            if (incident->groundTruth.value(kImportedFromKey).toString() == kImportedFromPrefs)
                t.prompt = incident->groundTruth.value(kPromptHasCueKey).toBool() ? explanationPrompt(log) : log;
            else
                t.prompt = explanationPrompt(digestLog(log).text);
        }
        if (incidents.size() > kCacheLimit)
            incidents.clear();
        incidents.insert(id, t);
        return t;
    };

    ExportSummary summary;
    constexpr qint64 kPage = 2000;
    filter.limit = kPage;
    while (true) {
        auto page = store.votes(filter);
        if (!page.ok())
            return fail(page.error());
        if (page->isEmpty())
            break;
        filter.afterId = page->back().id;
        for (const VoteRecord &v : std::as_const(*page)) {
            ++summary.votes;
            if (v.choice == VoteChoice::Skip) {
                ++summary.skips;
                continue;
            }
            if (v.choice == VoteChoice::Tie) {
                ++summary.ties;
                continue;
            }
            if (v.choice == VoteChoice::BothBad) {
                ++summary.bothBad;
                if (options.format == PrefsFormat::Trl)
                    continue;
            }
            auto pair = pairOf(v.pairId);
            if (!pair.ok())
                return fail(pair.error());
            auto incident = incidentOf(pair->incidentId);
            if (!incident.ok())
                return fail(incident.error());
            if (!incident->hasLog) {
                ++summary.noLog;
                continue;
            }
            auto textA = textOf(pair->explanationA);
            if (!textA.ok())
                return fail(textA.error());
            auto textB = textOf(pair->explanationB);
            if (!textB.ok())
                return fail(textB.error());
            const AnnotatorRecord annotator = annotators.value(v.annotatorId);

            auto addVoteKeys = [&](LineWriter &w) {
                w.add("pair_id", pair->id);
                w.add("choice", voteChoiceToString(v.choice));
                w.add("annotator", annotator.name);
                w.add("annotator_kind", annotator.kind);
                w.add("shown_left", candidateToString(v.shownLeft));
                w.add("tags", QJsonArray::fromStringList(v.tags));
                w.add("rationale", v.rationale);
                w.add("guideline_version", v.guidelineVersion);
                w.add("incident_kind", incident->kind);
                w.add("created_at", v.createdAt.toUTC().toString(Qt::ISODateWithMs));
            };
            QByteArray lines;
            if (options.format == PrefsFormat::Trl) {
                const bool aChosen = v.choice == VoteChoice::ABetter;
                LineWriter w;
                w.add("prompt", incident->prompt);
                w.add("chosen", aChosen ? *textA : *textB);
                w.add("rejected", aChosen ? *textB : *textA);
                w.add("chosen_candidate", candidateToString(aChosen ? Candidate::A : Candidate::B));
                addVoteKeys(w);
                lines += w.finish();
                ++summary.written;
            } else {
                // The chosen completion first (both-bad: A then B), each with its candidate letter.
                const bool bFirst = v.choice == VoteChoice::BBetter;
                for (Candidate c : {bFirst ? Candidate::B : Candidate::A, bFirst ? Candidate::A : Candidate::B}) {
                    const bool label = (c == Candidate::A && v.choice == VoteChoice::ABetter) ||
                                       (c == Candidate::B && v.choice == VoteChoice::BBetter);
                    LineWriter w;
                    w.add("prompt", incident->prompt);
                    w.add("completion", c == Candidate::A ? *textA : *textB);
                    w.add("label", label);
                    w.add("candidate", candidateToString(c));
                    addVoteKeys(w);
                    lines += w.finish();
                    ++summary.written;
                }
            }
            if (out.write(lines) != lines.size())
                return fail(QStringLiteral("cannot write the preferences: %1").arg(out.errorString()));
        }
        if (!reportProgress(progress, summary.votes, std::max(*total, summary.votes)))
            return fail(QStringLiteral("export of %1 cancelled after %2 votes").arg(store.path()).arg(summary.votes));
    }
    return summary;
}

// ------------------------------------------------------------------------------------------------
// Import

namespace {

struct ImportLine
{
    int lineNo = 0;
    PrefsFormat format = PrefsFormat::Trl;
    QString prompt;
    QString chosen, rejected;  // trl
    QString completion;        // unpaired
    bool label = false;        // unpaired
    std::optional<Candidate> candidate; // trl: chosen_candidate; unpaired: candidate
    qint64 pairId = 0;
    QString annotator, annotatorKind;
    QStringList tags;
    QString rationale, guidelineVersion, incidentKind;
    std::optional<Candidate> shownLeft;
    QDateTime createdAt;
};

// One vote to write, in the file's candidate terms.
struct PendingVote
{
    int lineNo = 0;
    const ImportLine *line = nullptr; // carries the vote's fields (the first line of a group)
    QString textA, textB;
    VoteChoice choice = VoteChoice::ABetter;
};

class LineValidator
{
public:
    LineValidator(const QJsonObject &object, QStringList &problems) : m_o(object), m_problems(problems) {}

    QString requiredText(const char *key)
    {
        const QString k = QString::fromLatin1(key);
        if (!m_o.contains(k)) {
            m_problems << QStringLiteral("'%1' is missing").arg(k);
            return {};
        }
        const QJsonValue v = m_o.value(k);
        if (!v.isString()) {
            m_problems << QStringLiteral("'%1' must be a string").arg(k);
            return {};
        }
        if (v.toString().trimmed().isEmpty())
            m_problems << QStringLiteral("'%1' is empty").arg(k);
        return v.toString();
    }
    QString optionalText(const char *key)
    {
        const QString k = QString::fromLatin1(key);
        const QJsonValue v = m_o.value(k);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            m_problems << QStringLiteral("'%1' must be a string").arg(k);
            return {};
        }
        return v.toString();
    }
    std::optional<Candidate> optionalCandidate(const char *key)
    {
        const QString text = optionalText(key);
        if (text.isEmpty())
            return std::nullopt;
        auto c = candidateFromString(text);
        if (!c)
            m_problems << QStringLiteral("'%1' must be \"a\" or \"b\" (got \"%2\")").arg(QString::fromLatin1(key), text);
        return c;
    }

    const QJsonObject &m_o;
    QStringList &m_problems;
};

std::optional<PrefsFormat> lineFormat(const QJsonObject &o, QString *problem)
{
    const bool trl = o.contains(QLatin1String("chosen")) || o.contains(QLatin1String("rejected"));
    const bool unpaired = o.contains(QLatin1String("completion")) || o.contains(QLatin1String("label"));
    if (trl && unpaired) {
        *problem = QStringLiteral("mixes TRL keys ('chosen', 'rejected') with unpaired keys ('completion', 'label')");
        return std::nullopt;
    }
    if (!trl && !unpaired) {
        *problem = QStringLiteral("neither a TRL line (prompt, chosen, rejected) nor an unpaired line (prompt, completion, label)");
        return std::nullopt;
    }
    return trl ? PrefsFormat::Trl : PrefsFormat::Unpaired;
}

ImportLine validateLine(const QJsonObject &o, int lineNo, PrefsFormat format, QStringList &problems)
{
    LineValidator check(o, problems);
    ImportLine line;
    line.lineNo = lineNo;
    line.format = format;
    line.prompt = check.requiredText("prompt");
    if (format == PrefsFormat::Trl) {
        line.chosen = check.requiredText("chosen");
        line.rejected = check.requiredText("rejected");
        if (!line.chosen.isEmpty() && line.chosen == line.rejected)
            problems << QStringLiteral("'chosen' and 'rejected' are the same text");
        line.candidate = check.optionalCandidate("chosen_candidate");
    } else {
        line.completion = check.requiredText("completion");
        if (!o.contains(QLatin1String("label")))
            problems << QStringLiteral("'label' is missing");
        else if (!o.value(QLatin1String("label")).isBool())
            problems << QStringLiteral("'label' must be true or false");
        else
            line.label = o.value(QLatin1String("label")).toBool();
        line.candidate = check.optionalCandidate("candidate");
    }
    if (const QJsonValue id = o.value(QLatin1String("pair_id")); !id.isUndefined() && !id.isNull()) {
        const double d = id.toDouble(-1);
        if (!id.isDouble() || d < 1 || d != std::floor(d) || d > 9e15)
            problems << QStringLiteral("'pair_id' must be a positive whole number");
        else
            line.pairId = qint64(d);
    }
    line.annotator = check.optionalText("annotator").trimmed();
    line.annotatorKind = check.optionalText("annotator_kind");
    if (!line.annotatorKind.isEmpty() && line.annotatorKind != kAnnotatorHuman && line.annotatorKind != kAnnotatorSimulated)
        problems << QStringLiteral("'annotator_kind' must be \"human\" or \"simulated\" (got \"%1\")").arg(line.annotatorKind);
    if (const QJsonValue tags = o.value(QLatin1String("tags")); !tags.isUndefined() && !tags.isNull()) {
        bool ok = tags.isArray();
        for (const QJsonValue &t : tags.toArray()) {
            ok = ok && t.isString() && !t.toString().isEmpty();
            line.tags << t.toString();
        }
        if (!ok)
            problems << QStringLiteral("'tags' must be an array of non-empty strings");
    }
    line.rationale = check.optionalText("rationale");
    line.guidelineVersion = check.optionalText("guideline_version");
    line.incidentKind = check.optionalText("incident_kind");
    line.shownLeft = check.optionalCandidate("shown_left");
    if (const QString choice = check.optionalText("choice"); !choice.isEmpty()) {
        const auto c = voteChoiceFromString(choice);
        if (!c || *c == VoteChoice::Skip || *c == VoteChoice::Tie)
            problems << QStringLiteral("'choice' must be a_better, b_better or both_bad (got \"%1\")").arg(choice);
        else if (format == PrefsFormat::Trl && *c == VoteChoice::BothBad)
            problems << QStringLiteral("'choice' both_bad has no chosen side in a TRL line");
    }
    if (const QString created = check.optionalText("created_at"); !created.isEmpty()) {
        line.createdAt = QDateTime::fromString(created, Qt::ISODateWithMs);
        if (!line.createdAt.isValid())
            problems << QStringLiteral("'created_at' is not an ISO 8601 time (got \"%1\")").arg(created);
    }
    return line;
}

// The writing half of an import: finds or creates the pair of each vote and records it.
class VoteWriter
{
public:
    VoteWriter(Store &store, const PrefsImportOptions &options, ImportSummary &summary)
        : m_store(store), m_options(options), m_summary(summary)
    {
    }

    Status loadImportedPrompts()
    {
        auto db = m_store.connection();
        if (!db.ok())
            return fail(db.error());
        QSqlQuery q(*db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id, ground_truth FROM incidents WHERE origin = 'imported'")))
            return fail(QStringLiteral("database %1: could not read the imported incidents: %2")
                            .arg(m_store.path(), q.lastError().text()));
        while (q.next()) {
            const QJsonObject truth = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
            if (truth.value(kImportedFromKey).toString() == kImportedFromPrefs)
                m_incidentByPrompt.insert(truth.value(kPromptHashKey).toString(), q.value(0).toLongLong());
        }
        return {};
    }

    Status write(const PendingVote &vote)
    {
        const ImportLine &line = *vote.line;
        bool swapped = false; // the stored pair has the file's B as its A
        auto pairId = findOrCreatePair(line, vote.textA, vote.textB, swapped);
        if (!pairId.ok())
            return fail(pairId.error());
        const QString name = !m_options.annotator.isEmpty() ? m_options.annotator
                             : !line.annotator.isEmpty()    ? line.annotator
                                                            : QStringLiteral("imported");
        auto annotatorId = annotator(name, line.annotatorKind);
        if (!annotatorId.ok())
            return fail(annotatorId.error());
        auto flip = [&](Candidate c) { return swapped ? (c == Candidate::A ? Candidate::B : Candidate::A) : c; };
        VoteRecord record;
        record.pairId = *pairId;
        record.annotatorId = *annotatorId;
        record.shownLeft = flip(line.shownLeft.value_or(Candidate::A));
        record.choice = vote.choice;
        if (swapped && vote.choice == VoteChoice::ABetter)
            record.choice = VoteChoice::BBetter;
        else if (swapped && vote.choice == VoteChoice::BBetter)
            record.choice = VoteChoice::ABetter;
        record.tags = line.tags;
        record.rationale = line.rationale;
        record.guidelineVersion = line.guidelineVersion;
        record.createdAt = line.createdAt;
        auto id = m_store.recordVote(record);
        if (!id.ok())
            return fail(QStringLiteral("line %1: %2").arg(vote.lineNo).arg(id.error()));
        ++m_summary.imported;
        return {};
    }

private:
    Result<qint64> annotator(const QString &name, const QString &kind)
    {
        if (auto it = m_annotators.constFind(name); it != m_annotators.constEnd())
            return *it;
        auto a = m_store.ensureAnnotator(name, kind.isEmpty() ? QString(kAnnotatorHuman) : kind);
        if (!a.ok())
            return fail(a.error());
        m_annotators.insert(name, a->id);
        return a->id;
    }

    Result<QVector<ExplanationRecord>> explanations(qint64 incidentId)
    {
        if (auto it = m_explanations.constFind(incidentId); it != m_explanations.constEnd())
            return *it;
        auto list = m_store.explanationsFor(incidentId);
        if (!list.ok())
            return fail(list.error());
        m_explanations.insert(incidentId, *list);
        return *list;
    }

    // The explanation of the incident with this text, created if none has it.
    Result<qint64> explanationWithText(qint64 incidentId, const QString &text)
    {
        auto list = explanations(incidentId);
        if (!list.ok())
            return fail(list.error());
        for (const ExplanationRecord &e : std::as_const(*list)) {
            if (e.text == text)
                return e.id;
        }
        ExplanationRecord e;
        e.incidentId = incidentId;
        e.text = text;
        e.meta = {{kImportedFromKey, kImportedFromPrefs}};
        auto id = m_store.addExplanation(e);
        if (!id.ok())
            return fail(id.error());
        e.id = *id;
        m_explanations[incidentId] << e;
        return *id;
    }

    Result<qint64> findOrCreatePair(const ImportLine &line, const QString &textA, const QString &textB, bool &swapped)
    {
        // 1. The pair the line names, if it holds the same two texts.
        if (line.pairId > 0) {
            PairFilter filter;
            filter.afterId = line.pairId - 1;
            filter.limit = 1;
            auto found = m_store.pairs(filter);
            if (!found.ok())
                return fail(found.error());
            if (!found->isEmpty() && found->front().id == line.pairId) {
                const PairRecord &p = found->front();
                auto a = m_store.explanation(p.explanationA);
                auto b = m_store.explanation(p.explanationB);
                if (!a.ok())
                    return fail(a.error());
                if (!b.ok())
                    return fail(b.error());
                if (a->text == textA && b->text == textB) {
                    swapped = false;
                    return p.id;
                }
                if (a->text == textB && b->text == textA) {
                    swapped = true;
                    return p.id;
                }
            }
        }
        // 2. An incident imported from the same prompt: reuse its explanations and pair.
        const QString hash = promptHash(line.prompt);
        qint64 incidentId = m_incidentByPrompt.value(hash);
        if (incidentId == 0) {
            auto created = createIncident(line, hash);
            if (!created.ok())
                return fail(created.error());
            incidentId = *created;
        }
        auto a = explanationWithText(incidentId, textA);
        if (!a.ok())
            return fail(a.error());
        auto b = explanationWithText(incidentId, textB);
        if (!b.ok())
            return fail(b.error());
        PairFilter filter;
        filter.incidentId = incidentId;
        auto pairs = m_store.pairs(filter);
        if (!pairs.ok())
            return fail(pairs.error());
        for (const PairRecord &p : std::as_const(*pairs)) {
            if (p.explanationA == *a && p.explanationB == *b) {
                swapped = false;
                return p.id;
            }
            if (p.explanationA == *b && p.explanationB == *a) {
                swapped = true;
                return p.id;
            }
        }
        PairRecord pair;
        pair.incidentId = incidentId;
        pair.explanationA = *a;
        pair.explanationB = *b;
        auto id = m_store.addPair(pair);
        if (!id.ok())
            return fail(id.error());
        ++m_summary.pairsCreated;
        swapped = false;
        return *id;
    }

    Result<qint64> createIncident(const ImportLine &line, const QString &hash)
    {
        const QString cue = promptCue();
        const bool hasCue = line.prompt.endsWith(cue);
        const QString log = hasCue ? line.prompt.chopped(cue.size()) : line.prompt;
        QString title;
        for (const QString &l : log.split(QLatin1Char('\n'))) {
            if (!l.trimmed().isEmpty()) {
                title = l.trimmed().left(100);
                break;
            }
        }
        IncidentRecord incident;
        incident.title = title.isEmpty() ? QStringLiteral("imported preference") : title;
        incident.origin = QString(kOriginImported);
        incident.kind = line.incidentKind;
        incident.groundTruth = {{kImportedFromKey, kImportedFromPrefs},
                                {kPromptHashKey, hash},
                                {kPromptHasCueKey, hasCue}};
        auto id = m_store.addIncident(incident);
        if (!id.ok())
            return fail(id.error());
        StoredLog stored;
        stored.incidentId = *id;
        stored.name = m_options.source.isEmpty() ? QStringLiteral("preferences") : m_options.source;
        stored.content = log;
        if (auto logId = m_store.addLog(stored); !logId.ok())
            return fail(logId.error());
        m_incidentByPrompt.insert(hash, *id);
        ++m_summary.incidentsCreated;
        return *id;
    }

    Store &m_store;
    const PrefsImportOptions &m_options;
    ImportSummary &m_summary;
    QHash<QString, qint64> m_incidentByPrompt;
    QHash<qint64, QVector<ExplanationRecord>> m_explanations;
    QHash<QString, qint64> m_annotators;
};

} // namespace

Result<ImportSummary> importPreferences(Store &store, QIODevice &in, const PrefsImportOptions &options,
                                        const ProgressCallback &progress)
{
    const QString source = options.source.isEmpty() ? QStringLiteral("input") : options.source;
    if (!in.isReadable())
        return fail(QStringLiteral("cannot import preferences from %1: it is not open for reading").arg(source));

    ImportSummary summary;
    std::map<int, QString> errors; // line -> message, so group errors land in line order
    std::vector<ImportLine> lines;
    std::optional<PrefsFormat> fileFormat;
    int lineNo = 0;
    while (!in.atEnd()) {
        const QByteArray raw = in.readLine();
        ++lineNo;
        if (raw.trimmed().isEmpty())
            continue;
        ++summary.lines;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            errors[lineNo] = QStringLiteral("not JSON (%1 at character %2)").arg(parseError.errorString()).arg(parseError.offset);
            continue;
        }
        if (!doc.isObject()) {
            errors[lineNo] = QStringLiteral("not a JSON object");
            continue;
        }
        const QJsonObject o = doc.object();
        QString problem;
        const auto format = lineFormat(o, &problem);
        if (!format) {
            errors[lineNo] = problem;
            continue;
        }
        if (!fileFormat)
            fileFormat = format;
        if (*format != *fileFormat) {
            errors[lineNo] = QStringLiteral("a %1 line in a %2 file").arg(prefsFormatId(*format), prefsFormatId(*fileFormat));
            continue;
        }
        QStringList problems;
        ImportLine line = validateLine(o, lineNo, *format, problems);
        if (!problems.isEmpty()) {
            errors[lineNo] = problems.join(QStringLiteral("; "));
            continue;
        }
        lines.push_back(std::move(line));
    }
    if (fileFormat)
        summary.format = prefsFormatId(*fileFormat);

    auto effectiveAnnotator = [&](const ImportLine &l) {
        return !options.annotator.isEmpty() ? options.annotator : l.annotator;
    };

    // Turn lines into votes. An unpaired vote is the two lines of one pair (pair_id, or the prompt
    // when there is none) and one annotator: one labeled true and one false, or both false.
    std::vector<PendingVote> votes;
    if (fileFormat == PrefsFormat::Trl) {
        for (const ImportLine &l : lines) {
            PendingVote v;
            v.lineNo = l.lineNo;
            v.line = &l;
            const bool chosenIsB = l.candidate == Candidate::B;
            v.textA = chosenIsB ? l.rejected : l.chosen;
            v.textB = chosenIsB ? l.chosen : l.rejected;
            v.choice = chosenIsB ? VoteChoice::BBetter : VoteChoice::ABetter;
            votes.push_back(v);
        }
    } else if (fileFormat == PrefsFormat::Unpaired) {
        std::map<std::pair<QString, QString>, std::vector<const ImportLine *>> groups;
        std::vector<std::pair<QString, QString>> order;
        for (const ImportLine &l : lines) {
            const QString pairKey = l.pairId > 0 ? QStringLiteral("id:%1").arg(l.pairId) : QStringLiteral("prompt:") + l.prompt;
            const auto key = std::make_pair(pairKey, effectiveAnnotator(l));
            auto &group = groups[key];
            if (group.empty())
                order.push_back(key);
            group.push_back(&l);
        }
        for (const auto &key : order) {
            const auto &group = groups[key];
            auto groupError = [&](const QString &message) {
                for (const ImportLine *l : group)
                    errors[l->lineNo] = message;
            };
            if (group.size() != 2) {
                groupError(group.size() == 1
                               ? QStringLiteral("no partner line: an unpaired vote is two lines (both completions of one pair, "
                                                "same pair_id or prompt, same annotator)")
                               : QStringLiteral("%1 lines for one pair and annotator (an unpaired vote is two)").arg(group.size()));
                continue;
            }
            const ImportLine *first = group[0];
            const ImportLine *second = group[1];
            if (first->completion == second->completion) {
                groupError(QStringLiteral("both lines of the vote have the same completion"));
                continue;
            }
            if (first->prompt != second->prompt) {
                groupError(QStringLiteral("the two lines of pair %1 have different prompts").arg(first->pairId));
                continue;
            }
            if (first->candidate && second->candidate && *first->candidate == *second->candidate) {
                groupError(QStringLiteral("both lines of the vote are candidate \"%1\"").arg(candidateToString(*first->candidate)));
                continue;
            }
            if (first->label && second->label) {
                groupError(QStringLiteral("both completions are labeled true: that is no preference"));
                continue;
            }
            // Candidate letters from the lines when given, otherwise file order (first is A).
            const bool firstIsB = first->candidate ? *first->candidate == Candidate::B
                                                   : second->candidate && *second->candidate == Candidate::A;
            const ImportLine *a = firstIsB ? second : first;
            const ImportLine *b = firstIsB ? first : second;
            PendingVote v;
            v.lineNo = first->lineNo;
            v.line = first;
            v.textA = a->completion;
            v.textB = b->completion;
            v.choice = a->label ? VoteChoice::ABetter : b->label ? VoteChoice::BBetter : VoteChoice::BothBad;
            votes.push_back(v);
        }
    }
    for (const auto &[line, message] : errors)
        summary.errors << QStringLiteral("line %1: %2").arg(line).arg(message);
    summary.badLines = qint64(errors.size());
    if (summary.badLines > 0 && !options.skipBadLines)
        return summary; // validation failed: nothing is written
    // Votes whose line turned out bad in grouping are already out of `votes`.

    VoteWriter writer(store, options, summary);
    const Status written = store.transaction([&]() -> Status {
        if (Status s = writer.loadImportedPrompts(); !s.ok())
            return s;
        for (std::size_t i = 0; i < votes.size(); ++i) {
            if (Status s = writer.write(votes[i]); !s.ok())
                return s;
            if (!reportProgress(progress, qint64(i + 1), qint64(votes.size())))
                return fail(QStringLiteral("import of %1 cancelled; nothing was kept").arg(source));
        }
        return {};
    });
    if (!written.ok()) {
        summary.imported = 0;
        return fail(QStringLiteral("could not import preferences from %1 into %2: %3").arg(source, store.path(), written.error()));
    }
    return summary;
}

} // namespace lab
