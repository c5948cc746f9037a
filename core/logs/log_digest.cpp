#include "core/logs/log_digest.h"

#include "core/logs/log_format.h"
#include "core/logs/template_masking.h"

#include <QByteArray>
#include <QStringView>
#include <algorithm>
#include <array>
#include <climits>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

// How the digest is built, in one pass plus a little:
//  1. Take the log's tail (failures are at the end; this caps the work on a 100 MB file).
//  2. Parse every line with the detected format, mask its message into a template, and group
//     lines by (level, template). Stack frames and continuation lines are told apart.
//  3. Score each group once, on its first line: severity, failure words, HTTP 4xx/5xx, rarity.
//  4. Greedily keep the best groups' first lines (compacted) while the token budget lasts, then a
//     stack frame under a kept exception line if room is left; print in log order.
// Only the lines actually tried for the budget are compacted, so the expensive formatting runs
// on a few dozen lines whatever the log's size.

namespace lab {

namespace {

using Sv = std::string_view;

constexpr qsizetype kMaxScanChars = 4 * 1024 * 1024; // tail of the log considered, in QChars
constexpr int kMaxScanLines = 50000;                 // and at most this many lines of it
constexpr qsizetype kMaxLineBytes = 4096;            // parsing/masking looks at a line's start
constexpr int kFormatSampleLines = 200;
constexpr int kMaxMisfits = 48;        // lines tried in a row that did not fit before giving up
constexpr int kRankedCandidates = 64;  // groups compacted up front and ranked with their length
constexpr double kLengthCharge = 0.15; // score points per token of a candidate line
constexpr int kRelevantScore = 30;     // a warning with one failure word; below: context
constexpr Sv kWarningType = "\"type\":\"Warning\"";

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
inline bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool isAlnum(char c)
{
    return isDigit(c) || isAlpha(c);
}
inline char toLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
}

inline Sv toSv(QByteArrayView v)
{
    return Sv(v.data(), size_t(v.size()));
}

Sv trimmed(Sv s)
{
    size_t b = 0, e = s.size();
    while (b < e && isSpace(s[b]))
        ++b;
    while (e > b && isSpace(s[e - 1]))
        --e;
    return s.substr(b, e - b);
}

bool startsWith(Sv s, Sv prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

// ---- line classes --------------------------------------------------------------------------

// A stack frame: Java "at a.b.C.m(C.java:12)", "... 12 more", Python "  File "x.py", line 3".
// Frames are never picked on their own; the first one under a kept exception line may follow it.
bool isStackFrame(Sv line)
{
    const Sv t = trimmed(line);
    if (t.empty())
        return false;
    if (startsWith(t, "at ") && line.size() > t.size()) // indented "at ..."
        return true;
    if (startsWith(t, "at ") && t.find('(') != Sv::npos && t.find(')') != Sv::npos)
        return true;
    if (startsWith(t, "... ") && t.size() < 24 && t.find(" more") != Sv::npos)
        return true;
    if (startsWith(t, "File \"") && t.find("line ") != Sv::npos)
        return true;
    return false;
}

// ---- scoring -------------------------------------------------------------------------------

struct Keyword
{
    Sv word; // lower case
    int weight;
};

// What an on-call engineer's eye catches. Strong: the words of a failure itself; mild: words that
// often sit next to one (limits, retries, pressure). Weights are summed and capped per line.
constexpr Keyword kKeywords[] = {
    {"exception", 12},     {"error", 10},
    {"fail", 10},          {"fatal", 12},
    {"panic", 12},         {"denied", 12},
    {"refused", 12},       {"forbidden", 10},
    {"unauthorized", 10},  {"not authorized", 12},
    {"oom", 12},           {"outofmemory", 12},
    {"out of memory", 12}, {"killed", 10},
    {"expired", 12},       {"throttl", 12},
    {"slowdown", 12},      {"slow down", 10},
    {"not found", 10},     {"no such", 12},
    {"nosuch", 12},        {"caused by", 14},
    {"exit code", 10},     {"exit_code", 10},
    {"exitcode", 10},      {"timed out", 10},
    {"timeout", 8},        {"deadline exceeded", 10},
    {"no space", 14},      {"exhaust", 12},
    {"violat", 10},        {"mismatch", 10},
    {"incompatible", 10},  {"abort", 8},
    {"evict", 10},         {"crash", 10},
    {"backoff", 10},       {"back-off", 10},
    {"unavailable", 6},    {"lost", 6},
    {"unhealthy", 10},     {"cannot", 8},
    {"can't", 8},          {"unable", 8},
    {"missing", 8},        {"invalid", 6},
    {"leak", 10},          {"terminat", 6},
    {"decommission", 8},   {"preempt", 8},
    {"reject", 6},         {"exceed", 6},
    {"limit", 4},          {"pressure", 8},
    {"skew", 20},          {"spill", 4},
    {"retry", 3},          {"retrying", 3},
    {"giving up", 8},      {"corrupt", 10},
    {"traceback", 10},     {"unresolved", 6},
    {"unknown host", 12},  {"certificate", 6},
    {"x509", 8},           {"disk full", 12},
    {"quota", 6},          {"conflict", 8},
    {"concurrent", 4},     {"null", 4},
    {"dead-letter", 6},    {"warning", 4},
    {"unreachable", 8},
};
constexpr int kKeywordCap = 40;

constexpr Sv kCalmWords[] = {"success", "completed", "finished", "started", "healthy"};

int levelScore(LogLevel level)
{
    switch (level) {
    case LogLevel::Fatal:
        return 50;
    case LogLevel::Error:
        return 40;
    case LogLevel::Warn:
        return 20;
    case LogLevel::Notice:
        return 4;
    case LogLevel::Debug:
        return -6;
    case LogLevel::Trace:
        return -8;
    case LogLevel::Info:
    case LogLevel::Unknown:
        return 0;
    }
    return 0;
}

// Groups of one to three lines are what a skimming engineer notices; a template printed 500 times
// is the job's heartbeat.
int rarityScore(int count)
{
    if (count <= 1)
        return 10;
    if (count <= 3)
        return 8;
    if (count <= 10)
        return 4;
    if (count <= 50)
        return 0;
    if (count <= 500)
        return -4;
    return -8;
}

// A standalone 4xx/5xx number on a line that talks HTTP ("GET /x 503", "status=502", "HTTP 404").
bool hasHttpErrorStatus(Sv lower)
{
    const bool http = lower.find("http") != Sv::npos || lower.find("status") != Sv::npos ||
                      lower.find("get ") != Sv::npos || lower.find("post ") != Sv::npos ||
                      lower.find("put ") != Sv::npos || lower.find("delete ") != Sv::npos ||
                      lower.find("code") != Sv::npos;
    if (!http)
        return false;
    for (size_t i = 0; i + 3 <= lower.size(); ++i) {
        const char c = lower[i];
        if ((c != '4' && c != '5') || !isDigit(lower[i + 1]) || !isDigit(lower[i + 2]))
            continue;
        const char before = i > 0 ? lower[i - 1] : ' ';
        const char after = i + 3 < lower.size() ? lower[i + 3] : ' ';
        if (isAlnum(before) || before == '.' || before == '-' || before == ':' || before == '/')
            continue;
        if (isAlnum(after) || after == '.' || after == '-' || after == ':' || after == '/' ||
            after == '%')
            continue;
        return true;
    }
    return false;
}

int contentScore(Sv line)
{
    std::string lower;
    const size_t n = std::min<size_t>(line.size(), 1024);
    lower.resize(n);
    for (size_t i = 0; i < n; ++i)
        lower[i] = toLower(line[i]);
    int score = 0;
    for (const Keyword &k : kKeywords)
        if (lower.find(k.word) != std::string::npos)
            score += k.weight;
    score = std::min(score, kKeywordCap);
    if (hasHttpErrorStatus(lower))
        score += 14;
    if (score == 0) {
        for (Sv w : kCalmWords)
            if (lower.find(w) != std::string::npos) {
                score -= 4;
                break;
            }
    }
    return score;
}

// ---- compaction ----------------------------------------------------------------------------

bool isMonthOrDay(Sv t)
{
    static constexpr Sv kNames[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                    "aug", "sep", "oct", "nov", "dec", "mon", "tue",
                                    "wed", "thu", "fri", "sat", "sun"};
    if (t.size() < 3)
        return false;
    std::string l{toLower(t[0]), toLower(t[1]), toLower(t[2])};
    if (t.size() > 3 && !(t.size() == 4 && t[3] == ','))
        return false;
    for (Sv n : kNames)
        if (l == n)
            return true;
    return false;
}

// A token that is only a date/time: digits with -/:.,TZ+ ("2024-02-08T19:55:57.975Z", "09:15:31",
// "24/02/16"), optionally bracketed.
bool isTimeToken(Sv t)
{
    if (!t.empty() && (t.front() == '[' || t.front() == '('))
        t.remove_prefix(1);
    while (!t.empty() && (t.back() == ']' || t.back() == ')' || t.back() == ':' || t.back() == ','))
        t.remove_suffix(1);
    if (t.empty())
        return false;
    int digits = 0;
    for (char c : t) {
        if (isDigit(c))
            ++digits;
        else if (c != '-' && c != '/' && c != ':' && c != '.' && c != ',' && c != 'T' && c != 'Z' &&
                 c != '+')
            return false;
    }
    return digits >= 4 || (digits >= 2 && t.find(':') != Sv::npos);
}

// Drops the leading timestamp words of an unparsed line ("[2024-02-08T19:55:57.975Z] error: x",
// "Nov 16 09:15:31 host ...").
Sv stripLeadingTime(Sv s)
{
    Sv rest = trimmed(s);
    for (int k = 0; k < 5; ++k) {
        size_t e = 0;
        while (e < rest.size() && !isSpace(rest[e]))
            ++e;
        const Sv tok = rest.substr(0, e);
        const bool dayNumber = tok.size() <= 2 && !tok.empty() && isDigit(tok[0]) &&
                               (tok.size() == 1 || isDigit(tok[1])) && k > 0;
        if (!(isTimeToken(tok) || isMonthOrDay(tok) || dayNumber))
            break;
        rest = trimmed(rest.substr(e));
    }
    return rest.empty() ? trimmed(s) : rest;
}

// "org.apache.spark.scheduler.TaskSetManager" -> "TaskSetManager"; "host tag[pid]" -> "host tag".
// Pod names, hosts and buckets (identifiers) are kept whole.
std::string shortSource(Sv source)
{
    std::string out(trimmed(source));
    // "[pid]" of syslog tags and klog-like "file.go:42" line numbers cost digits, say little.
    const size_t br = out.rfind('[');
    if (br != std::string::npos && !out.empty() && out.back() == ']') {
        bool digits = br + 2 < out.size();
        for (size_t i = br + 1; i + 1 < out.size(); ++i)
            digits = digits && isDigit(out[i]);
        if (digits)
            out.erase(br);
    }
    if (out.find(' ') == std::string::npos && out.find('/') == std::string::npos &&
        std::count(out.begin(), out.end(), '.') >= 2) {
        const size_t dot = out.rfind('.');
        if (dot + 1 < out.size() && isAlpha(out[dot + 1]))
            out.erase(0, dot + 1);
    }
    return out;
}

// ---- JSON flattening -------------------------------------------------------------------------

// Keys whose values a reader of the digest never needs: times, levels (printed separately),
// ids that are different on every line, tracing and platform plumbing.
bool isDroppedJsonKey(Sv key)
{
    static constexpr Sv kDropped[] = {
        "timestamp",  "ts",          "time",       "@timestamp",  "datetime",   "asctime",
        "created",    "level",       "severity",   "lvl",         "levelname",  "loglevel",
        "v",          "id",          "uuid",       "caller",      "apiversion", "maturity_level",
        "cloud",      "cluster_id",  "org_id",     "pipeline_id", "update_id",  "request_id",
        "requestid",  "req_id",      "trace_id",   "traceid",     "span_id",    "spanid",
        "thread",     "thread_name", "threadname", "pid",         "process",    "user_agent",
        "useragent",  "region",      "component",  "sequence",    "event_id",   "seq",
        "latency_ms", "duration_ms", "hostname",   "logger"};
    std::string l(key.size(), ' ');
    for (size_t i = 0; i < key.size(); ++i)
        l[i] = toLower(key[i]);
    for (Sv d : kDropped)
        if (l == d)
            return true;
    return false;
}

struct JsonField
{
    std::string key; // leaf key (array elements take their array's key)
    std::string value;
    int depth = 0;
};

class JsonFlattener
{
public:
    explicit JsonFlattener(Sv text) : m_s(text) {}

    // False when `text` is no JSON object; fields read before the error are kept.
    bool run(std::vector<JsonField> &fields)
    {
        m_fields = &fields;
        skipSpace();
        if (m_i >= m_s.size() || m_s[m_i] != '{')
            return false;
        return value({}, 0);
    }

private:
    void skipSpace()
    {
        while (m_i < m_s.size() && isSpace(m_s[m_i]))
            ++m_i;
    }

    static void appendUtf8(std::string &out, unsigned cp)
    {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }

    bool string(std::string &out)
    {
        ++m_i; // opening quote
        while (m_i < m_s.size()) {
            const char c = m_s[m_i++];
            if (c == '"')
                return true;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_i >= m_s.size())
                return false;
            const char e = m_s[m_i++];
            switch (e) {
            case 'n':
            case 'r':
            case 't':
                out += ' ';
                break;
            case 'b':
            case 'f':
                break;
            case 'u': {
                if (m_i + 4 > m_s.size())
                    return false;
                unsigned cp = 0;
                for (int k = 0; k < 4; ++k) {
                    const char h = m_s[m_i++];
                    if (!isHexDigit(h))
                        return false;
                    cp = cp * 16 + unsigned(isDigit(h) ? h - '0' : toLower(h) - 'a' + 10);
                }
                // A lone or paired surrogate is rendered as '?': the digest is for reading.
                appendUtf8(out, (cp >= 0xD800 && cp <= 0xDFFF) ? unsigned('?') : cp);
                break;
            }
            default:
                out += e; // \" \\ \/
            }
        }
        return false;
    }

    bool value(const std::string &key, int depth)
    {
        if (depth > 16)
            return false;
        skipSpace();
        if (m_i >= m_s.size())
            return false;
        const char c = m_s[m_i];
        if (c == '{') {
            ++m_i;
            skipSpace();
            if (m_i < m_s.size() && m_s[m_i] == '}') {
                ++m_i;
                return true;
            }
            while (m_i < m_s.size()) {
                skipSpace();
                if (m_i >= m_s.size() || m_s[m_i] != '"')
                    return false;
                std::string name;
                if (!string(name))
                    return false;
                skipSpace();
                if (m_i >= m_s.size() || m_s[m_i] != ':')
                    return false;
                ++m_i;
                if (!value(name, depth + 1))
                    return false;
                skipSpace();
                if (m_i < m_s.size() && m_s[m_i] == ',') {
                    ++m_i;
                    continue;
                }
                if (m_i < m_s.size() && m_s[m_i] == '}') {
                    ++m_i;
                    return true;
                }
                return false;
            }
            return false;
        }
        if (c == '[') {
            ++m_i;
            skipSpace();
            if (m_i < m_s.size() && m_s[m_i] == ']') {
                ++m_i;
                return true;
            }
            while (m_i < m_s.size()) {
                if (!value(key, depth + 1))
                    return false;
                skipSpace();
                if (m_i < m_s.size() && m_s[m_i] == ',') {
                    ++m_i;
                    continue;
                }
                if (m_i < m_s.size() && m_s[m_i] == ']') {
                    ++m_i;
                    return true;
                }
                return false;
            }
            return false;
        }
        JsonField field;
        field.key = key;
        field.depth = depth;
        if (c == '"') {
            if (!string(field.value))
                return false;
        } else {
            const size_t b = m_i;
            while (m_i < m_s.size() && m_s[m_i] != ',' && m_s[m_i] != '}' && m_s[m_i] != ']' &&
                   !isSpace(m_s[m_i]))
                ++m_i;
            if (m_i == b)
                return false;
            field.value.assign(m_s.substr(b, m_i - b));
            if (field.value == "null")
                field.value.clear();
        }
        m_fields->push_back(std::move(field));
        return true;
    }

    Sv m_s;
    size_t m_i = 0;
    std::vector<JsonField> *m_fields = nullptr;
};

bool isMessageKey(Sv key)
{
    return key == "message" || key == "msg" || key == "@message" || key == "log";
}

// "ERROR message k=v k=v": the message first, then the other fields in document order, each
// once; values already shown are skipped (flow names repeat in the message).
bool compactJson(Sv json, LogLevel level, std::string &out, size_t maxChars)
{
    std::vector<JsonField> fields;
    JsonFlattener flattener(json);
    const bool ok = flattener.run(fields);
    if (!ok && fields.empty())
        return false;
    std::string text;
    // With two messages ("msg":"Event occurred", "message":"Failed to pull image ..."), the
    // longer one speaks and a short one is a constant label that only costs tokens.
    const JsonField *message = nullptr;
    for (const JsonField &f : fields)
        if (f.depth == 1 && isMessageKey(f.key) && !f.value.empty() &&
            (!message || f.value.size() > message->value.size()))
            message = &f;
    if (message)
        text = message->value;
    for (const JsonField &f : fields) {
        if (text.size() > maxChars)
            break;
        if (&f == message || f.value.empty() || f.value == "-" || isDroppedJsonKey(f.key))
            continue;
        if (f.depth == 1 && isMessageKey(f.key) && f.value.size() < 24)
            continue;
        if (f.value.size() >= 3 && text.find(f.value) != std::string::npos)
            continue;
        if (!text.empty())
            text += ' ';
        text += f.key;
        text += '=';
        text += f.value;
    }
    if (level != LogLevel::Unknown && level != LogLevel::Info) {
        out += levelNameLatin1(level);
        out += ' ';
    }
    out += text;
    return true;
}

// ---- S3 server access log ------------------------------------------------------------------

// A field of an access log record: bare, "quoted" or [bracketed].
bool s3Field(Sv &rest, Sv &field)
{
    rest = trimmed(rest);
    if (rest.empty())
        return false;
    const char open = rest[0];
    const char close = open == '"' ? '"' : open == '[' ? ']' : 0;
    if (close) {
        const size_t e = rest.find(close, 1);
        if (e == Sv::npos)
            return false;
        field = rest.substr(1, e - 1);
        rest = rest.substr(e + 1);
        return true;
    }
    size_t e = 0;
    while (e < rest.size() && !isSpace(rest[e]))
        ++e;
    field = rest.substr(0, e);
    rest = rest.substr(e);
    return true;
}

// Keeps what tells the story (operation, bucket, key, status, error code, who and from where);
// drops the owner id, time, request id, byte counts, user agent, host id and TLS fields.
bool compactS3Access(Sv line, std::string &out)
{
    Sv rest = line, owner, bucket, time, ip, requester, reqId, op, key, uri, status, error;
    if (!s3Field(rest, owner) || !s3Field(rest, bucket) || !s3Field(rest, time) ||
        !s3Field(rest, ip) || !s3Field(rest, requester) || !s3Field(rest, reqId) ||
        !s3Field(rest, op) || !s3Field(rest, key) || !s3Field(rest, uri) ||
        !s3Field(rest, status) || !s3Field(rest, error))
        return false;
    out.append(op);
    out += ' ';
    out.append(bucket);
    if (key != "-") {
        out += ' ';
        out.append(key);
    }
    out += ' ';
    out.append(status);
    if (error != "-") {
        out += ' ';
        out.append(error);
    }
    if (requester != "-" && requester != ip) {
        out += ' ';
        out.append(requester);
    }
    if (ip != "-") {
        out += ' ';
        out.append(ip);
    }
    return true;
}

// ---- final clean-up of a compacted line ------------------------------------------------------

// Long pure-hex runs (digests, owner/host ids, object hashes) are cut to 8 characters when the
// line has another identifier to go by; UUIDs and shorter ids are left alone, they are what an
// explanation cites.
void shortenHexRuns(std::string &s)
{
    constexpr size_t kLongHex = 24;
    bool otherIdentifier = false;
    {
        size_t i = 0;
        while (i < s.size()) {
            while (i < s.size() && isSpace(s[i]))
                ++i;
            const size_t b = i;
            bool letter = false, allHex = true;
            while (i < s.size() && !isSpace(s[i])) {
                letter = letter || isAlpha(s[i]);
                allHex = allHex && isHexDigit(s[i]);
                ++i;
            }
            if (i - b >= 4 && letter && !(allHex && i - b >= kLongHex)) {
                otherIdentifier = true;
                break;
            }
        }
    }
    if (!otherIdentifier)
        return;
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        if (isHexDigit(s[i]) && (i == 0 || !isAlnum(s[i - 1]))) {
            size_t e = i;
            bool letter = false, digit = false;
            while (e < s.size() && isHexDigit(s[e])) {
                letter = letter || isAlpha(s[e]);
                digit = digit || isDigit(s[e]);
                ++e;
            }
            if (e - i >= kLongHex && letter && digit && (e == s.size() || !isAlnum(s[e]))) {
                out.append(s, i, 8);
                out += "..";
                i = e;
                continue;
            }
            out.append(s, i, e - i);
            i = e;
            continue;
        }
        out += s[i++];
    }
    s.swap(out);
}

// Control bytes become spaces, runs of blanks one space; no cut inside a UTF-8 sequence.
void normalizeSpaces(std::string &s)
{
    std::string out;
    out.reserve(s.size());
    bool space = true;
    for (char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F || c == ' ') {
            if (!space)
                out += ' ';
            space = true;
        } else {
            out += ch;
            space = false;
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    s.swap(out);
}

// A long line keeps its head and its tail: the tail is where the specifics often are (": No
// space left on device", "is after 2024-03-02T01:24:28Z", the column list of a schema error).
QString cutToChars(const QString &line, int maxChars)
{
    if (maxChars <= 0)
        return {};
    if (line.size() <= maxChars)
        return line;
    const QLatin1String gap(" ... ");
    if (maxChars < 24)
        return line.left(maxChars - (line.at(maxChars - 1).isHighSurrogate() ? 1 : 0));
    const qsizetype keep = maxChars - gap.size();
    qsizetype head = keep * 3 / 5;
    qsizetype tail = keep - head;
    if (line.at(head - 1).isHighSurrogate())
        --head;
    if (line.at(line.size() - tail).isLowSurrogate())
        --tail;
    return line.left(head) + gap + line.right(tail);
}

// ---- the scan --------------------------------------------------------------------------------

struct LineInfo
{
    qsizetype offset = 0; // into the UTF-8 buffer
    qsizetype length = 0;
    int group = -1; // -1: blank line or stack frame
    LogLevel level = LogLevel::Unknown;
    bool frame = false;
};

struct Group
{
    int first = 0; // index into the scanned lines
    int count = 0;
    int score = 0;
};

class DigestBuilder
{
public:
    DigestBuilder(const LogDigestOptions &options) : m_options(options) {}

    LogDigest build(const QString &logText);

private:
    int tokens(const QString &line) const
    {
        const int n =
            m_options.countTokens ? m_options.countTokens(line) : int((line.size() + 2) / 3);
        return std::max(0, n);
    }
    Sv lineSv(int i) const
    {
        const LineInfo &l = m_lines[size_t(i)];
        return Sv(m_bytes.constData() + l.offset, size_t(l.length));
    }
    void scan();
    QString compact(int index, int similarDropped);

    const LogDigestOptions &m_options;
    QByteArray m_bytes;
    std::vector<LineInfo> m_lines;
    std::vector<Group> m_groups;
    LogFormat m_format = LogFormat::Plain;
    QByteArray m_scratch;
};

void DigestBuilder::scan()
{
    QList<QByteArray> sample;
    for (size_t i = 0; i < m_lines.size() && sample.size() < kFormatSampleLines; ++i) {
        const Sv s = lineSv(int(i));
        if (!trimmed(s).empty())
            sample.append(QByteArray(s.data(), qsizetype(std::min<size_t>(s.size(), 2048))));
    }
    m_format = detectFormat(sample);

    std::unordered_map<std::string, int> groupOf;
    std::string key;
    LogLevel entryLevel = LogLevel::Unknown; // level of the entry a continuation line belongs to
    for (size_t i = 0; i < m_lines.size(); ++i) {
        LineInfo &info = m_lines[i];
        Sv s = lineSv(int(i));
        if (trimmed(s).empty())
            continue;
        if (isStackFrame(s)) {
            info.frame = true;
            continue;
        }
        if (s.size() > size_t(kMaxLineBytes))
            s = s.substr(0, size_t(kMaxLineBytes));
        const QByteArrayView view(s.data(), qsizetype(s.size()));
        const ParsedLineView parsed = parseLineView(m_format, view, &m_scratch);
        if (parsed.matched && m_format != LogFormat::Plain)
            entryLevel = parsed.level;
        // A continuation line (exception message, "Caused by") speaks for the entry above it.
        info.level = parsed.level != LogLevel::Unknown                ? parsed.level
                     : parsed.matched && m_format != LogFormat::Plain ? LogLevel::Unknown
                                                                      : entryLevel;
        // JSON records: Kubernetes event records carry their severity in "type", not "level".
        const Sv body = trimmed(s);
        const bool json = !body.empty() && body.front() == '{';
        if (json && info.level <= LogLevel::Info && body.find(kWarningType) != Sv::npos)
            info.level = LogLevel::Warn;
        key.assign(1, char('A' + int(info.level)));
        key += parsed.matched ? '+' : '-';
        // A JSON record's message alone ("Event occurred") says too little to group by; its
        // other fields (reason, status, error) tell the events apart.
        maskMessageInto(json ? body : toSv(parsed.message), TemplateMaskOptions{}, key);
        auto [it, inserted] = groupOf.try_emplace(key, int(m_groups.size()));
        if (inserted)
            m_groups.push_back(Group{int(i), 0, 0});
        info.group = it->second;
        ++m_groups[size_t(it->second)].count;
    }
    for (Group &g : m_groups) {
        const LineInfo &first = m_lines[size_t(g.first)];
        Sv s = lineSv(g.first);
        if (s.size() > size_t(kMaxLineBytes))
            s = s.substr(0, size_t(kMaxLineBytes));
        // Failures come at the end of a failed job's log; warnings printed while it starts up
        // (configuration, native libraries, metrics) are rarely the story.
        const qint64 lines = std::max<qint64>(1, qint64(m_lines.size()));
        const int late = g.first * 10 < lines ? -10 : int(12 * qint64(g.first) / lines);
        g.score = levelScore(first.level) + contentScore(s) + rarityScore(g.count) + late;
    }
}

QString DigestBuilder::compact(int index, int similarDropped)
{
    const LineInfo &info = m_lines[size_t(index)];
    Sv s = lineSv(index);
    const size_t maxChars = size_t(std::max(16, m_options.maxLineChars));
    if (s.size() > size_t(kMaxLineBytes))
        s = s.substr(0, size_t(kMaxLineBytes));
    std::string out;
    bool done = false;
    if (!info.frame) {
        const QByteArrayView view(s.data(), qsizetype(s.size()));
        const ParsedLineView parsed = parseLineView(m_format, view, &m_scratch);
        if (parsed.matched && m_format == LogFormat::S3Access) {
            done = compactS3Access(s, out);
        } else if (parsed.matched) {
            // JSON (whole line, or a container's output under kubectl's prefix and time).
            Sv body = trimmed(s);
            std::string prefix;
            if (m_format == LogFormat::KubectlLogs && !parsed.source.isEmpty()) {
                prefix = std::string(toSv(parsed.source));
                const Sv msg = trimmed(toSv(parsed.message));
                const size_t at = body.find('{');
                if (!msg.empty() && msg.front() == '{' && at != Sv::npos)
                    body = body.substr(at);
            }
            if (!body.empty() && body.front() == '{') {
                std::string json;
                if (compactJson(body, parsed.level, json, maxChars)) {
                    if (!prefix.empty())
                        out = prefix + ": ";
                    out += json;
                    done = true;
                }
            }
            if (!done) {
                if (parsed.level != LogLevel::Unknown) {
                    out += levelNameLatin1(parsed.level);
                    out += ' ';
                }
                const std::string source = shortSource(toSv(parsed.source));
                if (!source.empty()) {
                    out += source;
                    out += ": ";
                }
                Sv message = trimmed(toSv(parsed.message));
                if (m_format == LogFormat::Plain || m_format == LogFormat::KubectlLogs)
                    message = stripLeadingTime(message);
                out.append(message);
                done = true;
            }
        }
    }
    if (!done)
        out.assign(info.frame ? trimmed(s) : stripLeadingTime(s));
    normalizeSpaces(out);
    shortenHexRuns(out);
    QString line = QString::fromUtf8(out.data(), qsizetype(out.size()));
    const QString note =
        similarDropped > 0 ? QStringLiteral(" [x%1]").arg(similarDropped) : QString();
    return cutToChars(line, int(maxChars) - int(note.size())) + note;
}

LogDigest DigestBuilder::build(const QString &logText)
{
    LogDigest digest;
    if (logText.isEmpty())
        return digest;
    const QStringView all(logText);
    digest.totalLines = int(std::min<qsizetype>(all.count(QLatin1Char('\n')), INT_MAX - 1));
    if (!logText.endsWith(QLatin1Char('\n')))
        ++digest.totalLines;

    // The tail: whole lines only, starting after a newline.
    qsizetype start = 0;
    int lineBase = 0; // lines before the scanned region
    if (all.size() > kMaxScanChars) {
        const qsizetype nl = all.indexOf(QLatin1Char('\n'), all.size() - kMaxScanChars);
        start = nl < 0 ? all.size() - kMaxScanChars : nl + 1;
        if (nl >= 0)
            lineBase = int(all.first(start).count(QLatin1Char('\n')));
        else
            lineBase = digest.totalLines - 1; // one huge line: its tail stands for it
    }
    m_bytes = all.sliced(start).toUtf8();

    for (qsizetype pos = 0; pos < m_bytes.size();) {
        const char *p = m_bytes.constData() + pos;
        const void *nl = memchr(p, '\n', size_t(m_bytes.size() - pos));
        const qsizetype end =
            nl ? qsizetype(static_cast<const char *>(nl) - m_bytes.constData()) : m_bytes.size();
        qsizetype len = end - pos;
        if (len > 0 && m_bytes.at(end - 1) == '\r')
            --len;
        m_lines.push_back(LineInfo{pos, len});
        pos = end + 1;
    }
    if (m_lines.size() > size_t(kMaxScanLines)) {
        const size_t drop = m_lines.size() - size_t(kMaxScanLines);
        m_lines.erase(m_lines.begin(), m_lines.begin() + qsizetype(drop));
        lineBase += int(drop);
    }
    scan();

    // Best groups first; on a tie the earlier line (a cause comes before its consequences).
    std::vector<int> order(m_groups.size());
    for (size_t g = 0; g < order.size(); ++g)
        order[g] = int(g);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        return m_groups[size_t(a)].score > m_groups[size_t(b)].score;
    });

    // The leading candidates are compacted up front and re-ranked with a charge for their length:
    // a 240-character symptom that quotes everything costs three short lines of evidence.
    struct Candidate
    {
        int group = 0;
        QString text; // empty until compacted
        int cost = 0;
        double rank = 0;
    };
    std::vector<Candidate> candidates(order.size());
    const size_t ranked = std::min(order.size(), size_t(kRankedCandidates));
    for (size_t k = 0; k < order.size(); ++k)
        candidates[k].group = order[k];
    for (size_t k = 0; k < ranked; ++k) {
        Candidate &c = candidates[k];
        const Group &group = m_groups[size_t(c.group)];
        c.text = compact(group.first, group.count - 1);
        c.cost = tokens(c.text);
        c.rank = group.score - kLengthCharge * c.cost;
    }
    std::stable_sort(candidates.begin(), candidates.begin() + qsizetype(ranked),
                     [](const Candidate &a, const Candidate &b) { return a.rank > b.rank; });

    struct Kept
    {
        int index;
        QString text;
    };
    std::vector<Kept> kept;
    int used = 0;
    const int budget = m_options.maxTokens;
    // Word trigrams of the kept lines (numbers folded): a line that mostly repeats what is
    // already shown (a symptom quoting its cause, a second variant of one event) tells little
    // that is new, so it waits until the lines that do have had their turn.
    std::unordered_map<size_t, int> shown; // trigram -> earliest kept line showing it
    std::vector<size_t> grams;
    auto trigrams = [&grams](const QString &text) {
        grams.clear();
        std::array<size_t, 3> last{};
        int words = 0;
        for (const QStringView w : QStringView(text).tokenize(u' ', Qt::SkipEmptyParts)) {
            bool digit = false;
            for (QChar c : w)
                digit = digit || c.isDigit();
            last[0] = last[1];
            last[1] = last[2];
            last[2] = digit ? size_t(0x9e3779b97f4a7c15ULL) : size_t(qHash(w));
            if (++words >= 3)
                grams.push_back(last[0] * 1000003u ^ last[1] * 10007u ^ last[2]);
        }
    };
    // Only an earlier line makes a later one redundant: the later one is the echo (a job abort
    // quoting the task failure), the earlier one the original evidence.
    auto redundant = [&](int index) {
        if (grams.empty())
            return false;
        size_t seen = 0;
        for (size_t h : grams) {
            const auto it = shown.find(h);
            seen += it != shown.end() && it->second < index ? 1 : 0;
        }
        return grams.size() < 3 ? seen == grams.size() : seen * 10 >= grams.size() * 7;
    };
    enum class Outcome
    {
        Kept,
        TooLong,
        Redundant
    };
    auto tryKeep = [&](int index, QString text, int cost, bool mayCut, bool checkRedundant) {
        if (text.isEmpty())
            return Outcome::TooLong;
        trigrams(text);
        if (checkRedundant && redundant(index))
            return Outcome::Redundant;
        const int sep = kept.empty() ? 0 : 1;
        const int left = budget - used - sep;
        if (cost > left) {
            // A strong line cut to the room left beats no line, if enough of it survives.
            if (!mayCut || left < 12)
                return Outcome::TooLong;
            int lo = 0, hi = int(text.size());
            while (lo < hi) { // longest prefix that fits
                const int mid = (lo + hi + 1) / 2;
                if (tokens(cutToChars(text, mid)) <= left)
                    lo = mid;
                else
                    hi = mid - 1;
            }
            if (lo < 32)
                return Outcome::TooLong;
            text = cutToChars(text, lo);
            cost = tokens(text);
            trigrams(text);
        }
        used += cost + sep;
        for (size_t h : grams) {
            auto [it, inserted] = shown.try_emplace(h, index);
            if (!inserted)
                it->second = std::min(it->second, index);
        }
        kept.push_back(Kept{index, std::move(text)});
        return Outcome::Kept;
    };
    auto keepCandidate = [&](Candidate &c, bool checkRedundant) {
        const Group &group = m_groups[size_t(c.group)];
        if (c.text.isEmpty()) {
            c.text = compact(group.first, group.count - 1);
            c.cost = tokens(c.text);
        }
        return tryKeep(group.first, c.text, c.cost, group.score >= kRelevantScore, checkRedundant);
    };

    // 1. relevant lines that add something; 2. relevant lines that repeat; 3. the rest.
    std::vector<size_t> deferred;
    for (size_t k = 0; k < candidates.size() && used < budget; ++k) {
        if (m_groups[size_t(candidates[k].group)].score < kRelevantScore)
            continue;
        if (keepCandidate(candidates[k], true) == Outcome::Redundant)
            deferred.push_back(k);
    }
    for (size_t k : deferred) {
        if (used >= budget)
            break;
        keepCandidate(candidates[k], false);
    }
    int misfits = 0;
    for (size_t k = 0; k < candidates.size(); ++k) {
        if (used >= budget || misfits >= kMaxMisfits)
            break;
        if (m_groups[size_t(candidates[k].group)].score >= kRelevantScore)
            continue;
        if (keepCandidate(candidates[k], true) == Outcome::Kept)
            misfits = 0;
        else
            ++misfits;
    }
    // The first frame under each kept exception line, best lines first, while room is left.
    const size_t mainKept = kept.size();
    for (size_t k = 0; k < mainKept && used < budget; ++k) {
        const int next = kept[k].index + 1;
        if (next < int(m_lines.size()) && m_lines[size_t(next)].frame &&
            m_groups[size_t(m_lines[size_t(kept[k].index)].group)].score >= kRelevantScore) {
            const QString frame = compact(next, 0);
            tryKeep(next, frame, tokens(frame), false, false);
        }
    }

    std::sort(kept.begin(), kept.end(),
              [](const Kept &a, const Kept &b) { return a.index < b.index; });
    QStringList texts;
    texts.reserve(qsizetype(kept.size()));
    for (const Kept &k : kept) {
        texts.append(k.text);
        digest.sourceLines.append(lineBase + k.index + 1);
    }
    digest.text = texts.join(QLatin1Char('\n'));
    digest.omittedLines = digest.totalLines - int(kept.size());
    return digest;
}

} // namespace

LogDigest digestLog(const QString &logText, const LogDigestOptions &options)
{
    DigestBuilder builder(options);
    return builder.build(logText);
}

QString explanationPrompt(const QString &digestText)
{
    return digestText + QLatin1String("\n### Explanation:\n");
}

} // namespace lab
