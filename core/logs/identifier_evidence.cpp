#include "identifier_evidence.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>
#include <optional>

namespace lab {

namespace {

constexpr int kMaxLines = 50;

bool isIdChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128)
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
    return c.isLetterOrNumber();
}

// One code unit in, one out, so positions in the lower-case copy are positions in the text.
QChar lowerChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128)
        return (u >= 'A' && u <= 'Z') ? QChar(char16_t(u + 32)) : c;
    return c.isSurrogate() ? c : c.toLower();
}

QString lowered(QStringView s)
{
    QString out(s.size(), Qt::Uninitialized);
    QChar *d = out.data();
    for (qsizetype i = 0; i < s.size(); ++i)
        d[i] = lowerChar(s[i]);
    return out;
}

bool isLowerAlpha(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c.isLetter(); });
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
        QStringLiteral("kubectl"), QStringLiteral("helm"), QStringLiteral("aws"), QStringLiteral("spark-submit"), QStringLiteral("dbutils"),
        QStringLiteral("psql"), QStringLiteral("curl"), QStringLiteral("dig"), QStringLiteral("null"), QStringLiteral("true"), QStringLiteral("false"),
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

bool isExceptionClass(const QString &token)
{
    static const QRegularExpression re(QStringLiteral("^(?:[a-z][a-z0-9_]*\\.)*[A-Z][A-Za-z0-9_$]*(?:Exception|Error|Throwable)$"));
    return re.match(token).hasMatch();
}

bool identifierShaped(const QString &token)
{
    if (token.size() < 3 || isQuantity(token) || isVocabulary(token))
        return false;
    // "/v2/charge" and "/mnt/scratch" are paths; "/toPandas" in "collect()/toPandas()" is not.
    if (token.startsWith(QLatin1Char('/')) && token.count(QLatin1Char('/')) == 1)
        return identifierShaped(token.mid(1));
    bool digit = false, letter = false, otherSep = false;
    int hyphens = 0;
    for (QChar c : token) {
        if (c.isDigit())
            digit = true;
        else if (c.isLetter())
            letter = true;
        else if (c == QLatin1Char('-'))
            ++hyphens;
        else
            otherSep = true; // _ . / : @ = $
    }
    if (!letter && !digit)
        return false;
    if (digit || otherSep)
        return true;
    // all-letter-and-hyphen words: names like orders-db-credentials, not "on-call" or "back-off".
    return hyphens >= 2;
}

bool isK8sName(const QString &token)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return re.match(token).hasMatch();
}

// The characters Kubernetes draws generated name suffixes from (no vowels, no 0/1/3).
bool isK8sSuffixChar(QChar c)
{
    static const QString alphabet = QStringLiteral("bcdfghjklmnpqrstvwxz2456789");
    return alphabet.contains(c);
}

bool isFileExtension(QStringView ext)
{
    static const QSet<QString> exts = {
        QStringLiteral("py"), QStringLiteral("java"), QStringLiteral("scala"), QStringLiteral("go"), QStringLiteral("js"), QStringLiteral("ts"),
        QStringLiteral("rb"), QStringLiteral("sql"), QStringLiteral("jar"), QStringLiteral("json"), QStringLiteral("yaml"), QStringLiteral("yml"),
        QStringLiteral("conf"), QStringLiteral("properties"), QStringLiteral("xml"), QStringLiteral("log"), QStringLiteral("csv"),
        QStringLiteral("parquet"), QStringLiteral("txt"), QStringLiteral("sh"), QStringLiteral("cfg"), QStringLiteral("ini"), QStringLiteral("toml"),
        QStringLiteral("gz"), QStringLiteral("zip"), QStringLiteral("ipynb"), QStringLiteral("kt"), QStringLiteral("c"), QStringLiteral("cpp"),
        QStringLiteral("h"), QStringLiteral("rs"), QStringLiteral("avro"), QStringLiteral("orc"), QStringLiteral("tf"),
    };
    return exts.contains(lowered(ext));
}

bool isHostSuffix(const QString &label)
{
    static const QSet<QString> tlds = {
        QStringLiteral("com"), QStringLiteral("net"), QStringLiteral("org"), QStringLiteral("io"), QStringLiteral("dev"), QStringLiteral("cloud"),
        QStringLiteral("internal"), QStringLiteral("local"), QStringLiteral("svc"), QStringLiteral("lan"), QStringLiteral("corp"),
        QStringLiteral("ai"), QStringLiteral("app"), QStringLiteral("co"), QStringLiteral("uk"), QStringLiteral("de"), QStringLiteral("cluster"),
    };
    return tlds.contains(label);
}

// Words after "column"/"namespace" that are English, not names.
bool isStopWord(const QString &word)
{
    static const QSet<QString> words = {
        QStringLiteral("the"), QStringLiteral("a"), QStringLiteral("an"), QStringLiteral("of"), QStringLiteral("in"), QStringLiteral("on"),
        QStringLiteral("is"), QStringLiteral("was"), QStringLiteral("to"), QStringLiteral("for"), QStringLiteral("and"), QStringLiteral("or"),
        QStringLiteral("that"), QStringLiteral("this"), QStringLiteral("it"), QStringLiteral("its"), QStringLiteral("with"), QStringLiteral("from"),
        QStringLiteral("by"), QStringLiteral("as"), QStringLiteral("at"), QStringLiteral("be"), QStringLiteral("are"), QStringLiteral("were"),
        QStringLiteral("has"), QStringLiteral("have"), QStringLiteral("had"), QStringLiteral("not"), QStringLiteral("no"), QStringLiteral("so"),
        QStringLiteral("which"), QStringLiteral("name"), QStringLiteral("names"), QStringLiteral("type"), QStringLiteral("types"),
        QStringLiteral("value"), QStringLiteral("values"), QStringLiteral("changed"), QStringLiteral("level"), QStringLiteral("mismatch"),
        QStringLiteral("itself"), QStringLiteral("instead"), QStringLiteral("there"), QStringLiteral("here"), QStringLiteral("but"),
        QStringLiteral("if"), QStringLiteral("when"), QStringLiteral("then"), QStringLiteral("now"), QStringLiteral("still"), QStringLiteral("also"),
        QStringLiteral("order"), QStringLiteral("ordering"), QStringLiteral("quota"), QStringLiteral("default"), QStringLiteral("every"),
        QStringLiteral("all"), QStringLiteral("any"), QStringLiteral("some"), QStringLiteral("each"), QStringLiteral("one"), QStringLiteral("used"),
        QStringLiteral("needs"), QStringLiteral("must"), QStringLiteral("should"), QStringLiteral("can"), QStringLiteral("cannot"),
        QStringLiteral("does"), QStringLiteral("did"), QStringLiteral("got"), QStringLiteral("gets"), QStringLiteral("became"),
    };
    return words.contains(word.toLower());
}

bool numberedKind(const QString &noun, IdentifierKind *kind)
{
    if (noun == QLatin1String("executor"))
        *kind = IdentifierKind::Executor;
    else if (noun == QLatin1String("task") || noun == QLatin1String("tid"))
        *kind = IdentifierKind::Task;
    else if (noun == QLatin1String("stage"))
        *kind = IdentifierKind::Stage;
    else if (noun == QLatin1String("partition"))
        *kind = IdentifierKind::Partition;
    else if (noun == QLatin1String("job"))
        *kind = IdentifierKind::Job;
    else if (noun == QLatin1String("pid"))
        *kind = IdentifierKind::Other;
    else
        return false;
    return true;
}

// The noun of a numbered reference in the log: "executor", "ResultStage", "executor_id", "TID".
// Runs on every word of the log, so it allocates nothing.
const QString *logNoun(QStringView lowerAtom)
{
    static const QString nouns[] = {QStringLiteral("executor"), QStringLiteral("stage"), QStringLiteral("task"), QStringLiteral("tid"),
                                    QStringLiteral("pid"), QStringLiteral("partition"), QStringLiteral("job")};
    if (lowerAtom.size() < 3 || lowerAtom.size() > 20)
        return nullptr;
    const QChar first = lowerAtom.front();
    for (const QString &n : nouns) {
        if (first != n.front() || !lowerAtom.startsWith(n))
            continue;
        const QStringView rest = lowerAtom.mid(n.size());
        if (rest.isEmpty() || rest == QLatin1String("id") || rest == QLatin1String("_id"))
            return &n;
    }
    // ResultStage 18, ShuffleMapStage 17: Spark's stage classes name the same stage ids.
    if (lowerAtom.endsWith(QLatin1String("stage")))
        return &nouns[1];
    return nullptr;
}

struct Candidate
{
    IdentifierMention mention;
    QString needle;     // what is searched: the text without a trailing glob '*'
    bool glob = false;  // "spark-*": a prefix
    QString numbered;   // "executor 7" for numbered references
    int lineFrom = 0, lineTo = 0; // 1-based, for LineNumber
};

bool caseSensitiveKind(IdentifierKind kind)
{
    return kind == IdentifierKind::ExceptionClass || kind == IdentifierKind::Path || kind == IdentifierKind::ObjectKey;
}

IdentifierKind classify(const QString &token, std::optional<IdentifierKind> context)
{
    const QString lower = token.toLower();
    const qsizetype scheme = lower.indexOf(QLatin1String("://"));
    if (scheme > 0) {
        static const QSet<QString> storage = {QStringLiteral("s3"), QStringLiteral("s3a"), QStringLiteral("s3n"), QStringLiteral("gs"),
                                              QStringLiteral("abfs"), QStringLiteral("abfss"), QStringLiteral("wasb"), QStringLiteral("wasbs")};
        const QString rest = token.mid(scheme + 3);
        if (storage.contains(lower.left(scheme))) {
            const qsizetype slash = rest.indexOf(QLatin1Char('/'));
            return slash >= 0 && slash + 1 < rest.size() ? IdentifierKind::ObjectKey : IdentifierKind::Bucket;
        }
        return rest.contains(QLatin1Char('/')) ? IdentifierKind::Other : IdentifierKind::Host;
    }
    if (lower.startsWith(QLatin1String("arn:aws:s3:::")))
        return token.indexOf(QLatin1Char('/')) >= 0 ? IdentifierKind::ObjectKey : IdentifierKind::Bucket;
    static const QRegularExpression ip(QStringLiteral("^\\d{1,3}(\\.\\d{1,3}){3}(:\\d{1,5})?$"));
    if (ip.match(token).hasMatch())
        return IdentifierKind::IpAddress;
    if (isExceptionClass(token))
        return IdentifierKind::ExceptionClass;
    if (context && (*context == IdentifierKind::Column || *context == IdentifierKind::Namespace || *context == IdentifierKind::Table
                    || *context == IdentifierKind::Pod || *context == IdentifierKind::Bucket || *context == IdentifierKind::Host))
        return *context;
    if (token.startsWith(QLatin1Char('/')) || token.startsWith(QLatin1String("~/")) || token.startsWith(QLatin1String("./")))
        return IdentifierKind::Path;
    static const QRegularExpression file(QStringLiteral("\\.([A-Za-z0-9]{1,10})(:\\d+)?$"));
    const auto fm = file.match(token);
    if (fm.hasMatch() && isFileExtension(fm.capturedView(1)))
        return IdentifierKind::Path;
    static const QRegularExpression host(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+(:\\d{1,5})?$"));
    if (host.match(lower).hasMatch()) {
        const QString name = lower.section(QLatin1Char(':'), 0, 0);
        if (isHostSuffix(name.section(QLatin1Char('.'), -1)))
            return IdentifierKind::Host;
    }
    if (isK8sName(token) && token.count(QLatin1Char('-')) >= 2) {
        const QString last = token.section(QLatin1Char('-'), -1);
        if (last.size() == 5 && std::all_of(last.begin(), last.end(), isK8sSuffixChar))
            return IdentifierKind::Pod;
    }
    static const QRegularExpression table(QStringLiteral("^[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*){1,2}$"));
    if (table.match(token).hasMatch())
        return IdentifierKind::Table;
    return IdentifierKind::Other;
}

// Parts of a composite that carry a claim: "s3://acme-raw/2024-03-11/part-7.parquet" ->
// acme-raw, 2024-03-11, part-7.parquet. Plain words ("deployment", "https", "raw") carry none.
QStringList claimParts(const QString &needle)
{
    static const QRegularExpression split(QStringLiteral("[/:=@*]+"));
    QStringList out;
    for (QString part : needle.split(split, Qt::SkipEmptyParts)) {
        static const QString edge = QStringLiteral(".,;-'\"");
        while (!part.isEmpty() && edge.contains(part.back()))
            part.chop(1);
        while (!part.isEmpty() && edge.contains(part.front()))
            part.remove(0, 1);
        if (part.size() < 3 || isLowerAlpha(part) || isVocabulary(part))
            continue;
        out << part;
    }
    return out;
}

bool isComposite(const QString &needle)
{
    for (QChar c : needle) {
        if (c == QLatin1Char('/') || c == QLatin1Char(':') || c == QLatin1Char('=') || c == QLatin1Char('@'))
            return true;
    }
    return false;
}

QVector<Candidate> candidates(const QString &text)
{
    struct Span
    {
        qsizetype start, end;
    };
    QVector<Span> taken;
    auto overlaps = [&](qsizetype s, qsizetype e) {
        return std::any_of(taken.begin(), taken.end(), [&](const Span &t) { return s < t.end && t.start < e; });
    };
    QVector<Candidate> out;

    // "executor 7", "stage 12", "task 3.0", "TID 318": numbers that only mean something next to
    // their noun, compared by noun and number.
    static const QRegularExpression numbered(
        QStringLiteral("\\b(executor|stage|task|tid|pid|partition|job)\\s+(?:id\\s+)?#?(\\d+(?:\\.\\d+)?)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    for (auto it = numbered.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        Candidate c;
        const QString noun = m.captured(1).toLower();
        numberedKind(noun, &c.mention.kind);
        c.mention.text = m.captured(0);
        c.mention.start = int(m.capturedStart(0));
        c.mention.length = int(m.capturedLength(0));
        c.numbered = noun + QLatin1Char(' ') + m.captured(2);
        out << c;
        taken << Span{m.capturedStart(0), m.capturedEnd(0)};
    }
    // "line 42", "lines 40-45", "L42": the log's own lines.
    static const QRegularExpression lineRef(QStringLiteral("\\b(?:[Ll]ines?|LINES?)\\s+#?(\\d{1,7})(?:\\s*(?:-|\\x{2013}|to)\\s*(\\d{1,7}))?\\b|\\bL(\\d{1,7})\\b"));
    for (auto it = lineRef.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (overlaps(m.capturedStart(0), m.capturedEnd(0)))
            continue;
        Candidate c;
        c.mention.kind = IdentifierKind::LineNumber;
        c.mention.text = m.captured(0);
        c.mention.start = int(m.capturedStart(0));
        c.mention.length = int(m.capturedLength(0));
        c.lineFrom = (m.hasCaptured(3) ? m.captured(3) : m.captured(1)).toInt();
        c.lineTo = m.hasCaptured(2) ? m.captured(2).toInt() : c.lineFrom;
        out << c;
        taken << Span{m.capturedStart(0), m.capturedEnd(0)};
    }

    // Context that names the kind of the next word, and lets a plain word be a name: "column
    // amount", "namespace payments", `amount`.
    QHash<qsizetype, IdentifierKind> context;
    QSet<qsizetype> plainAllowed;
    static const QRegularExpression contextRe(
        QStringLiteral("\\b(columns?|field|namespace|ns|tables?|pod|bucket|node|host)\\s+['\"`]?([A-Za-z_][A-Za-z0-9_./:-]*)"),
        QRegularExpression::CaseInsensitiveOption);
    for (auto it = contextRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString noun = m.captured(1).toLower();
        IdentifierKind kind = IdentifierKind::Other;
        bool plain = false;
        if (noun.startsWith(QLatin1String("column")) || noun == QLatin1String("field")) {
            kind = IdentifierKind::Column;
            plain = true;
        } else if (noun == QLatin1String("namespace") || noun == QLatin1String("ns")) {
            kind = IdentifierKind::Namespace;
        } else if (noun.startsWith(QLatin1String("table"))) {
            kind = IdentifierKind::Table;
        } else if (noun == QLatin1String("pod")) {
            kind = IdentifierKind::Pod;
        } else if (noun == QLatin1String("bucket")) {
            kind = IdentifierKind::Bucket;
        } else {
            kind = IdentifierKind::Host;
        }
        QString name = m.captured(2);
        while (!name.isEmpty() && QStringLiteral(".:-/").contains(name.back()))
            name.chop(1); // "namespace billing-prod:" ends a clause
        if (kind == IdentifierKind::Namespace)
            plain = isK8sName(name);
        context.insert(m.capturedStart(2), kind);
        if (plain && !isStopWord(name))
            plainAllowed.insert(m.capturedStart(2));
    }
    static const QRegularExpression backticked(QStringLiteral("`([A-Za-z_][A-Za-z0-9_]*)`"));
    for (auto it = backticked.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (!isStopWord(m.captured(1))) {
            context.insert(m.capturedStart(1), IdentifierKind::Column);
            plainAllowed.insert(m.capturedStart(1));
        }
    }

    static const QRegularExpression tokenRe(QStringLiteral("[A-Za-z0-9_./:@=\\-$*]+"));
    static const QString edge = QStringLiteral(".,:;=-@'\"");
    for (auto it = tokenRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        qsizetype s = m.capturedStart(0), e = m.capturedEnd(0);
        bool glob = false;
        while (e > s && (edge.contains(text.at(e - 1)) || text.at(e - 1) == QLatin1Char('*'))) {
            glob = glob || text.at(e - 1) == QLatin1Char('*');
            --e;
        }
        while (s < e && edge.contains(text.at(s)))
            ++s;
        if (e <= s || overlaps(s, e))
            continue;
        const QString token = text.mid(s, e - s);
        if (token.contains(QLatin1Char('*')))
            continue; // a pattern in the middle ("spark-*/blockmgr"): not one name
        std::optional<IdentifierKind> contextKind;
        if (const auto ctx = context.constFind(s); ctx != context.constEnd())
            contextKind = ctx.value();
        const bool exception = isExceptionClass(token);
        if (!exception && !identifierShaped(token)) {
            const bool plainName = plainAllowed.contains(s) && token.size() >= 2 && !isVocabulary(token) && !isQuantity(token);
            if (!plainName)
                continue;
        }
        Candidate c;
        c.mention.text = token;
        c.mention.start = int(s);
        c.mention.length = int(e - s);
        c.mention.kind = classify(token, contextKind);
        c.needle = token;
        c.glob = glob;
        out << c;
        taken << Span{s, e};
    }
    std::sort(out.begin(), out.end(), [](const Candidate &a, const Candidate &b) { return a.mention.start < b.mention.start; });
    return out;
}

} // namespace

struct LogEvidence::Index
{
    QString text;
    QString lower;
    QVector<qsizetype> starts; // line i is [starts[i], ends[i]) without its line break
    QVector<qsizetype> ends;
    QHash<QStringView, QVector<int>> atoms;   // lower-case word (view into `lower`) -> ascending lines
    QHash<QString, QVector<int>> numbered;    // "executor 7", "task 3.0" -> ascending lines

    QStringView line(int i, bool caseSensitive) const
    {
        return QStringView(caseSensitive ? text : lower).mid(starts[i], ends[i] - starts[i]);
    }

    void add(QHash<QString, QVector<int>> &map, const QString &key, int lineNo)
    {
        QVector<int> &v = map[key];
        if (v.isEmpty() || v.last() != lineNo)
            v.push_back(lineNo);
    }

    void build(const QString &logText)
    {
        text = logText;
        lower = lowered(text);
        const QChar *d = text.constData();
        const qsizetype n = text.size();
        // A final line break ends the last line; it does not start an empty one.
        for (qsizetype start = 0; start < n;) {
            qsizetype end = start;
            while (end < n && d[end] != QLatin1Char('\n'))
                ++end;
            qsizetype stop = end;
            if (stop > start && d[stop - 1] == QLatin1Char('\r'))
                --stop;
            starts << start;
            ends << stop;
            indexLine(int(starts.size() - 1), start, stop);
            start = end + 1;
        }
    }

    void indexLine(int lineNo, qsizetype s, qsizetype e)
    {
        const QChar *d = text.constData();
        qsizetype j = s;
        while (j < e) {
            if (!isIdChar(d[j])) {
                ++j;
                continue;
            }
            qsizetype k = j;
            while (k < e && isIdChar(d[k]))
                ++k;
            const QStringView atom = QStringView(lower).mid(j, k - j);
            QVector<int> &v = atoms[atom];
            if (v.isEmpty() || v.last() != lineNo)
                v.push_back(lineNo);
            if (!d[j].isDigit()) {
                if (const QString *noun = logNoun(atom))
                    indexNumbered(*noun, lineNo, k, e);
            }
            j = k;
        }
    }

    // After a noun: "executor 7", "executor id: 7", "executor=7", "task 3.0", "(TID 318)".
    void indexNumbered(const QString &noun, int lineNo, qsizetype k, qsizetype e)
    {
        const QChar *d = text.constData();
        static const QString skip = QStringLiteral(" \t:=#(\"'");
        while (k < e && skip.contains(d[k]))
            ++k;
        if (k + 1 < e && lowerChar(d[k]) == QLatin1Char('i') && lowerChar(d[k + 1]) == QLatin1Char('d') && (k + 2 >= e || !isIdChar(d[k + 2]))) {
            k += 2;
            while (k < e && skip.contains(d[k]))
                ++k;
        }
        const qsizetype numStart = k;
        while (k < e && d[k].isDigit())
            ++k;
        if (k == numStart)
            return;
        const QString whole = text.mid(numStart, k - numStart);
        QString fraction;
        if (k + 1 < e && d[k] == QLatin1Char('.') && d[k + 1].isDigit()) {
            qsizetype f = k + 1;
            while (f < e && d[f].isDigit())
                ++f;
            fraction = text.mid(k + 1, f - k - 1);
            k = f;
        }
        if (k < e && isIdChar(d[k]))
            return; // "executor 7b": not the number 7
        const QString base = noun + QLatin1Char(' ') + whole;
        add(numbered, base, lineNo);
        // "stage 12.0" is stage 12 attempt 0; a bare "stage 12" is attempt 0 too.
        add(numbered, base + QLatin1Char('.') + (fraction.isEmpty() ? QStringLiteral("0") : fraction), lineNo);
    }

    struct MatchRule
    {
        bool caseSensitive = false;
        bool leadingDot = false;  // "OutOfMemoryError" inside "java.lang.OutOfMemoryError"
        bool glob = false;        // prefix: no boundary after
        bool k8sSuffix = false;   // "checkout-api" is the owner of "checkout-api-7d9f8c6b5-x2kqp"
        bool dotSuffix = false;   // "export_to_csv" names "export_to_csv.py", "db-1" "db-1.internal"
        bool uuidPrefix = false;  // "602b156b" is the head of "602b156b-8e2c-..."
        bool pathStart = false;   // the needle starts with '/': whatever precedes it is a parent folder
    };

    bool boundaryBefore(QStringView v, qsizetype at, const MatchRule &rule) const
    {
        if (at == 0 || rule.pathStart)
            return true; // "/main/pg_wal" names the tail of "/var/lib/postgresql/15/main/pg_wal"
        const QChar p = v[at - 1];
        if (isIdChar(p))
            return false;
        if (p == QLatin1Char('.') && rule.leadingDot)
            return true;
        // "acme-raw" inside "old-acme-raw", "1.2.3.4" inside "10.1.2.3.4": one longer name.
        if ((p == QLatin1Char('-') || p == QLatin1Char('.')) && at >= 2 && isIdChar(v[at - 2]))
            return false;
        return true;
    }

    bool k8sSuffixAt(QStringView v, qsizetype at) const // v[at] == '-'
    {
        auto run = [&](qsizetype from, qsizetype *to) {
            qsizetype k = from;
            while (k < v.size() && isK8sSuffixChar(v[k]))
                ++k;
            *to = k;
            return k - from;
        };
        qsizetype end = 0;
        const qsizetype first = run(at + 1, &end);
        if (first < 5 || first > 10)
            return false;
        if (end + 1 < v.size() && v[end] == QLatin1Char('-') && isIdChar(v[end + 1])) {
            qsizetype end2 = 0;
            if (run(end + 1, &end2) != 5)
                return false;
            end = end2;
        }
        return end >= v.size() || !isIdChar(v[end]);
    }

    bool boundaryAfter(QStringView v, qsizetype end, const MatchRule &rule) const
    {
        if (end >= v.size() || rule.glob)
            return true;
        const QChar c = v[end];
        if (isIdChar(c))
            return false;
        if ((c == QLatin1Char('-') || c == QLatin1Char('.')) && end + 1 < v.size() && isIdChar(v[end + 1])) {
            if (c == QLatin1Char('-') && rule.k8sSuffix && k8sSuffixAt(v, end))
                return true;
            if (c == QLatin1Char('-') && rule.uuidPrefix && uuidTailAt(v, end))
                return true;
            return c == QLatin1Char('.') && rule.dotSuffix;
        }
        return true;
    }

    static bool isHex(QChar c)
    {
        const char16_t u = c.unicode();
        return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F');
    }

    bool uuidTailAt(QStringView v, qsizetype at) const // v[at] == '-'
    {
        qsizetype k = at + 1;
        while (k < v.size() && isHex(v[k]))
            ++k;
        return k - at - 1 == 4 && k < v.size() && v[k] == QLatin1Char('-');
    }

    bool lineHas(int lineNo, const QString &needle, const MatchRule &rule) const
    {
        const QStringView v = line(lineNo, rule.caseSensitive);
        qsizetype from = 0;
        while (true) {
            const qsizetype at = v.indexOf(needle, from, Qt::CaseSensitive);
            if (at < 0)
                return false;
            // A needle that starts or ends with a separator ("/raw/", "dt=2024-03-09/") carries
            // its own boundary on that side.
            const bool before = !isIdChar(needle.front()) || boundaryBefore(v, at, rule);
            const bool after = !isIdChar(needle.back()) || boundaryAfter(v, at + needle.size(), rule);
            if (before && after)
                return true;
            from = at + 1;
        }
    }

    int lineOfOffset(qsizetype offset) const
    {
        const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
        return int(it - starts.begin()) - 1;
    }

    QVector<int> find(const QString &rawNeedle, const MatchRule &rule, int maxLines) const
    {
        const QString needle = rule.caseSensitive ? rawNeedle : lowered(rawNeedle);
        // The needle's words; the rarest one's lines are the only candidates.
        QVector<QStringView> words;
        const qsizetype n = needle.size();
        for (qsizetype j = 0; j < n;) {
            if (!isIdChar(needle[j])) {
                ++j;
                continue;
            }
            qsizetype k = j;
            while (k < n && isIdChar(needle[k]))
                ++k;
            const bool lastIsPrefix = rule.glob && k == n;
            if (!lastIsPrefix)
                words << QStringView(needle).mid(j, k - j);
            j = k;
        }
        QVector<int> out;
        if (words.isEmpty()) {
            if (!rule.glob || needle.isEmpty())
                return out;
            // A one-word prefix ("acme*"): no whole word to look up, so scan.
            const QStringView all = rule.caseSensitive ? QStringView(text) : QStringView(lower);
            for (qsizetype at = all.indexOf(needle); at >= 0 && out.size() < maxLines; at = all.indexOf(needle, at + 1)) {
                const int l = lineOfOffset(at);
                if ((out.isEmpty() || out.last() != l) && lineHas(l, needle, rule))
                    out << l;
            }
            return out;
        }
        const QVector<int> *best = nullptr;
        for (const QStringView &w : words) {
            const QString lw = rule.caseSensitive ? lowered(w) : QString();
            const auto it = atoms.constFind(rule.caseSensitive ? QStringView(lw) : w);
            if (it == atoms.constEnd())
                return out;
            if (!best || it->size() < best->size())
                best = &it.value();
        }
        for (int l : *best) {
            if (lineHas(l, needle, rule)) {
                out << l;
                if (out.size() >= maxLines)
                    break;
            }
        }
        return out;
    }

    // Lines that cite line `number` of some code: "line 214", "daily_report.py:214".
    QVector<int> codeLineCitations(const QString &number, int maxLines) const
    {
        QVector<int> out;
        const auto it = atoms.constFind(QStringView(number));
        if (it == atoms.constEnd())
            return out;
        static const QRegularExpression literal(QStringLiteral("(?:\\bline[\\s:#]*|\\.[a-z][a-z0-9]{0,9}:)(\\d+)\\b"));
        for (int l : *it) {
            for (auto m = literal.globalMatch(line(l, false)); m.hasNext();) {
                if (m.next().capturedView(1) == number) {
                    out << l;
                    break;
                }
            }
            if (out.size() >= maxLines)
                break;
        }
        return out;
    }

    // Lines that cite line 173 of some code ("line 173", "job.py:173"): the writer is quoting the
    // log; otherwise log line 173 itself.
    QVector<int> findLineRef(int from, int to, int maxLines) const
    {
        QVector<int> out;
        if (from < 1 || to < from)
            return out;
        if (from == to) {
            out = codeLineCitations(QString::number(from), maxLines);
            if (!out.isEmpty())
                return out;
        }
        if (to > starts.size() || to - from > 10000)
            return out;
        for (int l = from; l <= to && out.size() < maxLines; ++l)
            out << l - 1;
        return out;
    }

    QVector<int> resolve(const Candidate &c, bool *isClaim, int maxLines) const
    {
        *isClaim = true;
        if (!c.numbered.isEmpty()) {
            QVector<int> lines = numbered.value(c.numbered);
            if (lines.size() > maxLines)
                lines.resize(maxLines);
            return lines;
        }
        if (c.mention.kind == IdentifierKind::LineNumber)
            return findLineRef(c.lineFrom, c.lineTo, maxLines);
        MatchRule rule;
        rule.caseSensitive = caseSensitiveKind(c.mention.kind);
        rule.glob = c.glob;
        // Dotted names nest (java.lang.OutOfMemoryError, db-1.prod.internal, EXPECTATION_VIOLATION.VERBOSE_ALL),
        // so a name may be the head or tail of a dotted one; numbers may not (10.0.4.1 is not 10.0.4.17).
        static const QRegularExpression numeric(QStringLiteral("^[0-9.:]+$"));
        const bool numericNeedle = numeric.match(c.needle).hasMatch();
        rule.leadingDot = !numericNeedle;
        rule.dotSuffix = !numericNeedle;
        rule.k8sSuffix = isK8sName(c.needle) && c.needle.contains(QLatin1Char('-'));
        static const QRegularExpression hexId(QStringLiteral("^(?=.*[0-9])[0-9a-fA-F]{6,}$"));
        rule.uuidPrefix = hexId.match(c.needle).hasMatch();
        rule.pathStart = c.needle.startsWith(QLatin1Char('/'));
        QVector<int> lines = find(c.needle, rule, maxLines);
        // An absolute path is one claim, case included: /mnt/Scratch/out.csv is not /mnt/scratch/out.csv.
        if (!lines.isEmpty() || !isComposite(c.needle) || c.needle.startsWith(QLatin1Char('/')))
            return lines;
        // A composite is real as written, with two exceptions that people write every day:
        // "node/ip-10-0-4-17.ec2.internal" (a resource type before the name) and
        // "bucket/prefix/" (a bucket and a key without the scheme). Looser part-by-part rules
        // let altered names through (host:port with another port, file.log.1.2017-05-16_13:53:05).
        if (claimParts(c.needle).isEmpty()) {
            *isClaim = false; // "i/o", "customers/curated": no name in it to check
            return {};
        }
        if (c.mention.kind == IdentifierKind::ObjectKey)
            return resolveObjectKey(c.needle, rule, maxLines);
        // "daily_report.py:214" where a traceback says: File "daily_report.py", line 214.
        static const QRegularExpression fileLine(QStringLiteral("^(.+\\.[A-Za-z][A-Za-z0-9]{0,9}):(\\d{1,7})$"));
        if (const auto m = fileLine.match(c.needle); m.hasMatch()) {
            MatchRule fileRule = rule;
            fileRule.dotSuffix = fileRule.k8sSuffix = fileRule.uuidPrefix = false;
            const QVector<int> fileLines = find(m.captured(1), fileRule, std::numeric_limits<int>::max());
            const QVector<int> cited = codeLineCitations(m.captured(2), std::numeric_limits<int>::max());
            QVector<int> both;
            std::set_intersection(fileLines.begin(), fileLines.end(), cited.begin(), cited.end(), std::back_inserter(both));
            if (both.size() > maxLines)
                both.resize(maxLines);
            return both;
        }
        const qsizetype slash = c.needle.indexOf(QLatin1Char('/'));
        if (slash <= 0)
            return {};
        const QString head = c.needle.left(slash);
        const QString rest = c.needle.mid(slash + 1);
        if (head.size() >= 2 && isLowerAlpha(head) && head == head.toLower() && !rest.isEmpty() && !rest.contains(QLatin1Char('/'))) {
            Candidate named = c;
            named.needle = rest;
            named.mention.kind = classify(rest, std::nullopt);
            return resolve(named, isClaim, maxLines);
        }
        if (isK8sName(head) && head.contains(QLatin1Char('-')))
            return resolveObjectKey(QStringLiteral("s3://") + c.needle, rule, maxLines);
        return {};
    }

    // s3://bucket/key: the bucket must be in the log, and the key (or key prefix) as written,
    // since its short parts (dt=2024-03-12, 03/12) would be found anywhere on their own.
    QVector<int> resolveObjectKey(const QString &needle, const MatchRule &rule, int maxLines) const
    {
        static const QRegularExpression split(QStringLiteral("^(?:[A-Za-z0-9]+://|arn:aws:s3:::)([^/]+)/(.*)$"));
        const auto m = split.match(needle);
        if (!m.hasMatch())
            return {};
        MatchRule bucketRule;
        const QVector<int> bucketLines = find(m.captured(1), bucketRule, std::numeric_limits<int>::max());
        if (bucketLines.isEmpty())
            return {};
        QVector<int> lines = bucketLines;
        const QString key = m.captured(2);
        if (!claimParts(key).isEmpty()) {
            MatchRule keyRule = rule;
            keyRule.pathStart = true; // the key follows "bucket/" or stands alone in a "key" field
            keyRule.k8sSuffix = keyRule.uuidPrefix = false;
            keyRule.dotSuffix = false;
            lines = find(key, keyRule, std::numeric_limits<int>::max());
            if (lines.isEmpty())
                return {};
            QVector<int> both;
            std::set_intersection(lines.begin(), lines.end(), bucketLines.begin(), bucketLines.end(), std::back_inserter(both));
            if (!both.isEmpty())
                lines = both;
        }
        if (lines.size() > maxLines)
            lines.resize(maxLines);
        return lines;
    }
};

QString identifierKindId(IdentifierKind kind)
{
    switch (kind) {
    case IdentifierKind::Executor: return QStringLiteral("executor");
    case IdentifierKind::Task: return QStringLiteral("task");
    case IdentifierKind::Stage: return QStringLiteral("stage");
    case IdentifierKind::Pod: return QStringLiteral("pod");
    case IdentifierKind::Namespace: return QStringLiteral("namespace");
    case IdentifierKind::Table: return QStringLiteral("table");
    case IdentifierKind::Column: return QStringLiteral("column");
    case IdentifierKind::Bucket: return QStringLiteral("bucket");
    case IdentifierKind::ObjectKey: return QStringLiteral("object_key");
    case IdentifierKind::Host: return QStringLiteral("host");
    case IdentifierKind::IpAddress: return QStringLiteral("ip_address");
    case IdentifierKind::ExceptionClass: return QStringLiteral("exception");
    case IdentifierKind::LineNumber: return QStringLiteral("line");
    case IdentifierKind::Path: return QStringLiteral("path");
    case IdentifierKind::Other: return QStringLiteral("other");
    case IdentifierKind::Partition: return QStringLiteral("partition");
    case IdentifierKind::Job: return QStringLiteral("job");
    }
    return QStringLiteral("other");
}

QString identifierKey(const IdentifierMention &mention)
{
    static const QRegularExpression numbered(
        QStringLiteral("^(executor|stage|task|tid|pid|partition|job)\\s+(?:id\\s+)?#?(\\d+(?:\\.\\d+)?)$"), QRegularExpression::CaseInsensitiveOption);
    const auto m = numbered.match(mention.text);
    if (m.hasMatch())
        return m.captured(1).toLower() + QLatin1Char(' ') + m.captured(2);
    if (mention.kind == IdentifierKind::LineNumber)
        return mention.text.toLower().simplified();
    return caseSensitiveKind(mention.kind) ? mention.text : mention.text.toLower();
}

namespace {

template<typename Pred>
QStringList distinctTexts(const QVector<IdentifierMention> &mentions, Pred pred)
{
    QStringList out;
    QSet<QString> seen;
    for (const IdentifierMention &m : mentions) {
        const QString key = identifierKey(m);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        if (pred(m))
            out << m.text;
    }
    return out;
}

} // namespace

int EvidenceReport::hallucinatedCount() const
{
    return int(hallucinated().size());
}

int EvidenceReport::groundedCount() const
{
    return int(grounded().size());
}

QStringList EvidenceReport::hallucinated() const
{
    return distinctTexts(mentions, [](const IdentifierMention &m) { return !m.inLog(); });
}

QStringList EvidenceReport::grounded() const
{
    return distinctTexts(mentions, [](const IdentifierMention &m) { return m.inLog(); });
}

QJsonObject evidenceToJson(const EvidenceReport &report, int lineOffset)
{
    QJsonArray mentions;
    for (const IdentifierMention &m : report.mentions) {
        QJsonArray lines;
        for (int l : m.logLines)
            lines.append(l + lineOffset);
        mentions.append(QJsonObject{{QStringLiteral("text"), m.text},
                                    {QStringLiteral("kind"), identifierKindId(m.kind)},
                                    {QStringLiteral("start"), m.start},
                                    {QStringLiteral("length"), m.length},
                                    {QStringLiteral("lines"), lines}});
    }
    QJsonArray support;
    for (int l : report.supportLines)
        support.append(l + lineOffset);
    return QJsonObject{{QStringLiteral("mentions"), mentions},
                       {QStringLiteral("support_lines"), support},
                       {QStringLiteral("grounded"), report.groundedCount()},
                       {QStringLiteral("hallucinated"), report.hallucinatedCount()}};
}

EvidenceReport evidenceFromJson(const QJsonObject &object)
{
    static const QHash<QString, IdentifierKind> kinds = [] {
        QHash<QString, IdentifierKind> h;
        for (int k = 0; k <= int(IdentifierKind::Job); ++k)
            h.insert(identifierKindId(IdentifierKind(k)), IdentifierKind(k));
        return h;
    }();
    EvidenceReport report;
    for (const QJsonValue &v : object.value(QStringLiteral("mentions")).toArray()) {
        const QJsonObject o = v.toObject();
        IdentifierMention m;
        m.text = o.value(QStringLiteral("text")).toString();
        m.kind = kinds.value(o.value(QStringLiteral("kind")).toString(), IdentifierKind::Other);
        m.start = o.value(QStringLiteral("start")).toInt(-1);
        m.length = o.value(QStringLiteral("length")).toInt(-1);
        if (m.text.isEmpty() || m.start < 0 || m.length <= 0)
            continue;
        for (const QJsonValue &l : o.value(QStringLiteral("lines")).toArray()) {
            if (l.isDouble() && l.toInt(-1) >= 0)
                m.logLines << l.toInt();
        }
        report.mentions << m;
    }
    for (const QJsonValue &l : object.value(QStringLiteral("support_lines")).toArray()) {
        if (l.isDouble() && l.toInt(-1) >= 0)
            report.supportLines << l.toInt();
    }
    return report;
}

QVector<IdentifierMention> findIdentifiers(const QString &text)
{
    QVector<IdentifierMention> out;
    for (const Candidate &c : candidates(text))
        out << c.mention;
    return out;
}

LogEvidence::LogEvidence(const QString &logText)
{
    auto index = std::make_shared<Index>();
    index->build(logText);
    m_index = std::move(index);
}

int LogEvidence::lineCount() const
{
    return int(m_index->starts.size());
}

EvidenceReport LogEvidence::check(const QString &explanation) const
{
    return check(explanation, kMaxLines);
}

EvidenceReport LogEvidence::check(const QString &explanation, int maxLines) const
{
    EvidenceReport report;
    QVector<int> support;
    for (const Candidate &c : candidates(explanation)) {
        bool claim = true;
        IdentifierMention m = c.mention;
        m.logLines = m_index->resolve(c, &claim, std::max(1, maxLines));
        if (!claim)
            continue;
        support += m.logLines;
        report.mentions << m;
    }
    std::sort(support.begin(), support.end());
    support.erase(std::unique(support.begin(), support.end()), support.end());
    report.supportLines = support;
    return report;
}

QVector<int> LogEvidence::linesOf(const QString &identifier, int maxLines) const
{
    // One identifier, possibly with the word that gives its kind ("namespace payments").
    const QVector<Candidate> found = candidates(identifier.trimmed());
    if (found.size() != 1)
        return {};
    bool claim = true;
    return m_index->resolve(found.first(), &claim, std::max(1, maxLines));
}

} // namespace lab
