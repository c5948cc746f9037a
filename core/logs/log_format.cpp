#include "core/logs/log_format.h"

#include <QDateTime>
#include <algorithm>
#include <cstring>
#include <string_view>

// Parsers work on std::string_view over the raw bytes: no decoding, no allocation on the common
// path. Field boundaries follow loghub's (logpai/logparser) rules where a loghub format exists,
// because the template miner is scored against loghub's Content column: fields are separated by
// runs of whitespace, the message is the rest of the line with surrounding whitespace removed.

namespace lab {

namespace {

using Sv = std::string_view;

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
inline bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}
inline bool isAlnum(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'z') || isUpper(c);
}
inline char toUpper(char c)
{
    return (c >= 'a' && c <= 'z') ? char(c - 32) : c;
}

inline Sv toSv(QByteArrayView v)
{
    return Sv(v.data(), size_t(v.size()));
}
inline QByteArrayView toView(Sv s)
{
    return QByteArrayView(s.data(), qsizetype(s.size()));
}

inline Sv trimLeft(Sv s)
{
    size_t i = 0;
    while (i < s.size() && isSpace(s[i]))
        ++i;
    return s.substr(i);
}
inline Sv trimRight(Sv s)
{
    size_t n = s.size();
    while (n > 0 && isSpace(s[n - 1]))
        --n;
    return s.substr(0, n);
}
inline Sv trim(Sv s)
{
    return trimRight(trimLeft(s));
}

// Splits off the next whitespace-delimited token; `rest` keeps the leading whitespace removed.
inline bool nextToken(Sv &rest, Sv &token)
{
    rest = trimLeft(rest);
    if (rest.empty())
        return false;
    size_t i = 0;
    while (i < rest.size() && !isSpace(rest[i]))
        ++i;
    token = rest.substr(0, i);
    rest = rest.substr(i);
    return true;
}

inline bool allDigits(Sv s, size_t n)
{
    if (s.size() < n)
        return false;
    for (size_t i = 0; i < n; ++i)
        if (!isDigit(s[i]))
            return false;
    return true;
}
inline bool allDigits(Sv s)
{
    return !s.empty() && allDigits(s, s.size());
}

// The message: rest of the line without surrounding whitespace.
inline Sv messageOf(Sv rest)
{
    return trim(rest);
}

// "HH:MM:SS" at the start of s.
inline bool isClock(Sv s)
{
    return s.size() >= 8 && isDigit(s[0]) && isDigit(s[1]) && s[2] == ':' && isDigit(s[3]) &&
           isDigit(s[4]) && s[5] == ':' && isDigit(s[6]) && isDigit(s[7]);
}
// "YYYY-MM-DD" at the start of s.
inline bool isIsoDate(Sv s)
{
    return s.size() >= 10 && allDigits(s, 4) && s[4] == '-' && isDigit(s[5]) && isDigit(s[6]) &&
           s[7] == '-' && isDigit(s[8]) && isDigit(s[9]);
}
inline bool isMonthName(Sv s)
{
    static constexpr const char *kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (s.size() < 3)
        return false;
    for (const char *m : kMonths)
        if (s[0] == m[0] && s[1] == m[1] && s[2] == m[2])
            return true;
    return false;
}

// Length of an ISO 8601 date-time at the start of s ("2024-01-15T10:23:45.123456789Z",
// "2024-01-15 10:23:45,123"); 0 if none. `zone` tells whether a Z/offset followed.
size_t isoDateTimeLength(Sv s, bool *zone = nullptr, bool *tSeparator = nullptr)
{
    if (zone)
        *zone = false;
    if (!isIsoDate(s) || s.size() < 19 || (s[10] != 'T' && s[10] != ' ') || !isClock(s.substr(11)))
        return 0;
    if (tSeparator)
        *tSeparator = s[10] == 'T';
    size_t i = 19;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        size_t j = i + 1;
        while (j < s.size() && isDigit(s[j]))
            ++j;
        if (j == i + 1)
            return 0;
        i = j;
    }
    if (i < s.size() && s[i] == 'Z') {
        if (zone)
            *zone = true;
        return i + 1;
    }
    if (i + 5 < s.size() + 0 && (s[i] == '+' || s[i] == '-') && isDigit(s[i + 1]) &&
        isDigit(s[i + 2])) {
        size_t j = i + 3;
        if (j < s.size() && s[j] == ':')
            ++j;
        if (j + 2 <= s.size() && isDigit(s[j]) && isDigit(s[j + 1])) {
            if (zone)
                *zone = true;
            return j + 2;
        }
    }
    return i;
}

// A whole-word level name in `s` (case-insensitive); for structured fields.
LogLevel levelFromSv(Sv s)
{
    if (s.empty() || s.size() > 11)
        return LogLevel::Unknown;
    char b[12];
    for (size_t i = 0; i < s.size(); ++i)
        b[i] = toUpper(s[i]);
    const Sv u(b, s.size());
    switch (u.size()) {
    case 1:
        switch (u[0]) {
        case 'T':
            return LogLevel::Trace;
        case 'D':
            return LogLevel::Debug;
        case 'I':
            return LogLevel::Info;
        case 'N':
            return LogLevel::Notice;
        case 'W':
            return LogLevel::Warn;
        case 'E':
            return LogLevel::Error;
        case 'F':
            return LogLevel::Fatal;
        case 'C':
            return LogLevel::Fatal;
        default:
            return LogLevel::Unknown;
        }
    case 3:
        if (u == "DBG")
            return LogLevel::Debug;
        if (u == "INF")
            return LogLevel::Info;
        if (u == "WRN")
            return LogLevel::Warn;
        if (u == "ERR")
            return LogLevel::Error;
        if (u == "FTL" || u == "CRT")
            return LogLevel::Fatal;
        if (u == "TRC")
            return LogLevel::Trace;
        break;
    case 4:
        if (u == "INFO")
            return LogLevel::Info;
        if (u == "WARN")
            return LogLevel::Warn;
        if (u == "FINE")
            return LogLevel::Debug;
        if (u == "CRIT")
            return LogLevel::Fatal;
        if (u == "EROR")
            return LogLevel::Error;
        if (u == "DEBU")
            return LogLevel::Debug; // logrus' four-letter form
        if (u == "TRAC")
            return LogLevel::Trace;
        if (u == "FATA")
            return LogLevel::Fatal;
        break;
    case 5:
        if (u == "ERROR")
            return LogLevel::Error;
        if (u == "DEBUG")
            return LogLevel::Debug;
        if (u == "TRACE")
            return LogLevel::Trace;
        if (u == "FATAL")
            return LogLevel::Fatal;
        if (u == "EMERG" || u == "ALERT" || u == "PANIC")
            return LogLevel::Fatal;
        if (u == "FINER")
            return LogLevel::Trace;
        break;
    case 6:
        if (u == "NOTICE")
            return LogLevel::Notice;
        if (u == "SEVERE")
            return LogLevel::Error;
        if (u == "FINEST")
            return LogLevel::Trace;
        if (u == "CONFIG")
            return LogLevel::Debug;
        break;
    case 7:
        if (u == "WARNING")
            return LogLevel::Warn;
        if (u == "FAILURE")
            return LogLevel::Fatal;
        if (u == "VERBOSE")
            return LogLevel::Debug;
        if (u == "METRICS")
            return LogLevel::Info; // DLT event log metric events
        break;
    case 8:
        if (u == "CRITICAL")
            return LogLevel::Fatal;
        break;
    case 9:
        if (u == "EMERGENCY")
            return LogLevel::Fatal;
        break;
    case 11:
        if (u == "INFORMATION")
            return LogLevel::Info;
        break;
    default:
        break;
    }
    return LogLevel::Unknown;
}

// A level token as log4j/Spark/HDFS write it: upper case, a known name, several letters.
inline LogLevel strictLevel(Sv token)
{
    if (token.size() < 4 || token.size() > 8)
        return LogLevel::Unknown;
    for (char c : token)
        if (!isUpper(c))
            return LogLevel::Unknown;
    return levelFromSv(token);
}

// For plain text: the first upper-case level word among the line's first bytes.
LogLevel keywordLevel(Sv s)
{
    const size_t n = std::min<size_t>(s.size(), 160);
    size_t i = 0;
    while (i < n) {
        while (i < n && !isUpper(s[i]))
            ++i;
        const size_t start = i;
        while (i < s.size() && isUpper(s[i]))
            ++i;
        const size_t len = i - start;
        const bool boundedLeft = start == 0 || !isAlnum(s[start - 1]);
        const bool boundedRight = i >= s.size() || !isAlnum(s[i]);
        if (len >= 4 && len <= 8 && boundedLeft && boundedRight) {
            const Sv word = s.substr(start, len);
            // Upper-case words only, and not the rare names that are also common words.
            if (word != "CONFIG" && word != "FINE" && word != "ALERT") {
                const LogLevel l = levelFromSv(word);
                if (l != LogLevel::Unknown)
                    return l;
            }
        }
        while (i < n && isUpper(s[i]))
            ++i;
    }
    return LogLevel::Unknown;
}

// Logger name then message, as log4j layouts write them: "a.b.C: msg", "a.b.C - msg", or
// loghub's lazy rule "everything up to the first ':' followed by whitespace".
bool splitSourceMessage(Sv rest, ParsedLineView &out)
{
    rest = trimLeft(rest);
    size_t tokEnd = 0;
    while (tokEnd < rest.size() && !isSpace(rest[tokEnd]))
        ++tokEnd;
    const Sv token = rest.substr(0, tokEnd);
    if (token.size() >= 2 && token.back() == ':') {
        out.source = toView(token.substr(0, token.size() - 1));
        out.message = toView(messageOf(rest.substr(tokEnd)));
        return true;
    }
    Sv after = trimLeft(rest.substr(tokEnd));
    if (after.size() >= 1 && after[0] == '-' && (after.size() == 1 || isSpace(after[1]))) {
        out.source = toView(token);
        out.message = toView(messageOf(after.substr(1)));
        return true;
    }
    // loghub: `<Component>: <Content>` with a lazy component, so the first ": ".
    for (size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == ':' && (i + 1 == rest.size() || isSpace(rest[i + 1])) && i > 0) {
            out.source = toView(rest.substr(0, i));
            out.message = toView(messageOf(rest.substr(i + 1)));
            return true;
        }
    }
    out.source = {};
    out.message = toView(messageOf(rest));
    return true;
}

// ---- loghub-style formats -------------------------------------------------------------------

// 2015-10-18 18:01:47,978 INFO [main] a.b.C: msg | 2024-01-15 10:23:45.123 [main] ERROR a.b.C - msg
bool parseLog4j(Sv s, ParsedLineView &out)
{
    bool zone = false;
    const size_t tl = isoDateTimeLength(s, &zone);
    if (tl == 0 || zone || tl >= s.size() || !isSpace(s[tl]))
        return false;
    out.time = toView(s.substr(0, tl));
    Sv rest = s.substr(tl);
    Sv tok;
    if (!nextToken(rest, tok))
        return false;
    LogLevel level = strictLevel(tok);
    auto skipThread = [&](Sv &r) -> bool {
        r = trimLeft(r);
        if (r.empty() || r[0] != '[')
            return true;
        // loghub: `\[<Process>\]\s+`, the first ']' followed by whitespace.
        for (size_t i = 1; i < r.size(); ++i) {
            if (r[i] == ']' && (i + 1 == r.size() || isSpace(r[i + 1]))) {
                r = r.substr(i + 1);
                return true;
            }
        }
        return false;
    };
    if (level == LogLevel::Unknown) {
        // "[thread] LEVEL logger - msg" (logback's default layout).
        rest = s.substr(tl);
        if (trimLeft(rest).empty() || trimLeft(rest)[0] != '[' || !skipThread(rest) ||
            !nextToken(rest, tok))
            return false;
        level = strictLevel(tok);
        if (level == LogLevel::Unknown)
            return false;
    } else if (!skipThread(rest)) {
        return false;
    }
    out.level = level;
    return splitSourceMessage(rest, out);
}

// 17/06/09 20:10:40 INFO a.b.C: msg  (Spark, Databricks driver log4j-active.log)
bool parseSpark(Sv s, ParsedLineView &out)
{
    if (s.size() < 20 ||
        !(isDigit(s[0]) && isDigit(s[1]) && s[2] == '/' && isDigit(s[3]) && isDigit(s[4]) &&
          s[5] == '/' && isDigit(s[6]) && isDigit(s[7]) && s[8] == ' ' && isClock(s.substr(9))))
        return false;
    size_t tl = 17;
    if (tl < s.size() && (s[tl] == '.' || s[tl] == ',')) {
        ++tl;
        while (tl < s.size() && isDigit(s[tl]))
            ++tl;
    }
    if (tl >= s.size() || !isSpace(s[tl]))
        return false;
    out.time = toView(s.substr(0, tl));
    Sv rest = s.substr(tl), tok;
    if (!nextToken(rest, tok))
        return false;
    out.level = strictLevel(tok);
    if (out.level == LogLevel::Unknown)
        return false;
    return splitSourceMessage(rest, out);
}

// 081109 203615 148 INFO dfs.DataNode$PacketResponder: msg
bool parseHdfs(Sv s, ParsedLineView &out)
{
    if (s.size() < 20 || !allDigits(s, 6) || s[6] != ' ' || !allDigits(s.substr(7), 6) ||
        !isSpace(s[13]))
        return false;
    out.time = toView(s.substr(0, 13));
    Sv rest = s.substr(13), tok;
    if (!nextToken(rest, tok) || !allDigits(tok) || !nextToken(rest, tok))
        return false;
    out.level = strictLevel(tok);
    if (out.level == LogLevel::Unknown)
        return false;
    return splitSourceMessage(rest, out);
}

// 2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:..:FastLeaderElection@774] - msg
bool parseZookeeper(Sv s, ParsedLineView &out)
{
    bool zone = false;
    const size_t tl = isoDateTimeLength(s, &zone);
    if (tl == 0 || zone)
        return false;
    Sv rest = s.substr(tl), tok;
    if (!nextToken(rest, tok) || tok != "-" || !nextToken(rest, tok))
        return false;
    out.time = toView(s.substr(0, tl));
    out.level = strictLevel(tok);
    if (out.level == LogLevel::Unknown)
        return false;
    rest = trimLeft(rest);
    if (rest.empty() || rest[0] != '[')
        return false;
    // `\[<Node>:<Component>@<Id>\]\s+-\s+<Content>`: the first ']' followed by " - ".
    for (size_t i = 1; i < rest.size(); ++i) {
        if (rest[i] != ']')
            continue;
        Sv after = rest.substr(i + 1);
        if (after.empty() || !isSpace(after[0]))
            continue;
        after = trimLeft(after);
        if (after.empty() || after[0] != '-' || (after.size() > 1 && !isSpace(after[1])))
            continue;
        const Sv inside = rest.substr(1, i - 1);
        const size_t at = inside.rfind('@');
        Sv cls = at == Sv::npos ? inside : inside.substr(0, at);
        const size_t colon = cls.rfind(':');
        if (colon != Sv::npos)
            cls = cls.substr(colon + 1);
        out.source = toView(cls);
        out.message = toView(messageOf(after.substr(1)));
        return true;
    }
    return false;
}

// [Sun Dec 04 04:47:44 2005] [notice] msg   |  [Wed Oct 11 14:32:52.123 2000] [core:error] [pid 1]
// msg
bool parseApacheError(Sv s, ParsedLineView &out)
{
    if (s.size() < 28 || s[0] != '[' || !isUpper(s[1]) || s[4] != ' ' || !isMonthName(s.substr(5)))
        return false;
    const size_t close = s.find(']');
    if (close == Sv::npos || close < 20)
        return false;
    out.time = toView(s.substr(1, close - 1));
    Sv rest = trimLeft(s.substr(close + 1));
    if (rest.empty() || rest[0] != '[')
        return false;
    const size_t lclose = rest.find(']');
    if (lclose == Sv::npos)
        return false;
    Sv lev = rest.substr(1, lclose - 1);
    const size_t colon = lev.find(':');
    if (colon != Sv::npos) {
        out.source = toView(lev.substr(0, colon));
        lev = lev.substr(colon + 1);
    }
    out.level = levelFromSv(lev);
    if (out.level == LogLevel::Unknown && lev.size() >= 5 && lev.substr(0, 5) == "trace")
        out.level = LogLevel::Trace; // Apache 2.4's trace1..trace8
    if (out.level == LogLevel::Unknown)
        return false;
    out.message = toView(messageOf(rest.substr(lclose + 1)));
    return true;
}

// - 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS
// KERNEL INFO msg
bool parseBgl(Sv s, ParsedLineView &out)
{
    Sv rest = s, label, epoch, date, node, time, node2, type, comp, lev;
    if (!nextToken(rest, label) || !nextToken(rest, epoch) || !allDigits(epoch) ||
        !nextToken(rest, date) || date.size() != 10 || date[4] != '.' || !nextToken(rest, node) ||
        !nextToken(rest, time) || time.size() < 19 || time[10] != '-' || !isIsoDate(time) ||
        !nextToken(rest, node2) || !nextToken(rest, type) || !nextToken(rest, comp) ||
        !nextToken(rest, lev))
        return false;
    out.time = toView(time);
    out.source = toView(comp);
    out.level = levelFromSv(lev);
    out.message = toView(messageOf(rest));
    return true;
}

// nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO nova.x [req-...] msg
// (the leading file name is loghub's; oslo.log itself starts at the date)
bool parseOpenStack(Sv s, ParsedLineView &out)
{
    Sv rest = s;
    if (!isIsoDate(s)) {
        Sv record;
        if (!nextToken(rest, record))
            return false;
        rest = trimLeft(rest);
    }
    bool zone = false;
    const size_t tl = isoDateTimeLength(rest, &zone);
    if (tl == 0 || zone)
        return false;
    out.time = toView(rest.substr(0, tl));
    rest = rest.substr(tl);
    Sv tok;
    if (!nextToken(rest, tok) || !allDigits(tok) || !nextToken(rest, tok))
        return false;
    out.level = strictLevel(tok);
    if (out.level == LogLevel::Unknown || !nextToken(rest, tok))
        return false;
    out.source = toView(tok);
    rest = trimLeft(rest);
    if (!rest.empty() && rest[0] == '[') {
        for (size_t i = 1; i < rest.size(); ++i) {
            if (rest[i] == ']' && (i + 1 == rest.size() || isSpace(rest[i + 1]))) {
                rest = rest.substr(i + 1);
                break;
            }
        }
    }
    out.message = toView(messageOf(rest));
    return true;
}

// ---- syslog ---------------------------------------------------------------------------------

// After the host: "tag[pid]: msg" with loghub's lazy rule, or no tag at all.
void parseSyslogTag(Sv hostStart, Sv rest, ParsedLineView &out, bool strictTag)
{
    rest = trimLeft(rest);
    size_t colon = Sv::npos;
    for (size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == ':' && (i + 1 == rest.size() || isSpace(rest[i + 1]))) {
            colon = i;
            break;
        }
    }
    size_t tagEnd = colon;
    size_t msgStart = colon == Sv::npos ? 0 : colon + 1;
    if (colon != Sv::npos) {
        const size_t bracket = rest.substr(0, colon).find('[');
        if (bracket != Sv::npos) {
            // `<Component>(\[<PID>\])?:\s+`: the lazy component stops at the first '[' that
            // a later "]:" closes.
            for (size_t k = bracket + 1; k + 1 < rest.size(); ++k) {
                if (rest[k] == ']' && rest[k + 1] == ':' &&
                    (k + 2 == rest.size() || isSpace(rest[k + 2]))) {
                    tagEnd = bracket;
                    msgStart = k + 2;
                    break;
                }
            }
        }
        if (strictTag) {
            for (size_t i = 0; i < tagEnd; ++i)
                if (isSpace(rest[i]))
                    tagEnd = msgStart = Sv::npos;
        }
    }
    if (tagEnd == Sv::npos || msgStart == Sv::npos) {
        out.source =
            toView(trimRight(Sv(hostStart.data(), size_t(rest.data() - hostStart.data()))));
        out.message = toView(messageOf(rest));
        return;
    }
    const char *srcEnd = rest.data() + tagEnd;
    out.source = toView(trimRight(Sv(hostStart.data(), size_t(srcEnd - hostStart.data()))));
    out.message = toView(messageOf(rest.substr(msgStart)));
}

LogLevel severityFromPri(int pri)
{
    switch (pri % 8) {
    case 0:
    case 1:
    case 2:
        return LogLevel::Fatal;
    case 3:
        return LogLevel::Error;
    case 4:
        return LogLevel::Warn;
    case 5:
        return LogLevel::Notice;
    case 6:
        return LogLevel::Info;
    default:
        return LogLevel::Debug;
    }
}

// Jun 14 15:16:01 combo sshd(pam_unix)[19939]: msg | <34>Oct 11 22:14:15 host su: msg |
// <165>1 2003-10-11T22:14:15.003Z host app 123 ID47 - msg | 2024-01-15T10:23:45.123+00:00 host tag:
// msg
bool parseSyslog(Sv s, ParsedLineView &out)
{
    LogLevel level = LogLevel::Unknown;
    if (!s.empty() && s[0] == '<') {
        size_t i = 1;
        int pri = 0;
        while (i < s.size() && i < 5 && isDigit(s[i]))
            pri = pri * 10 + (s[i++] - '0');
        if (i == 1 || i >= s.size() || s[i] != '>')
            return false;
        level = severityFromPri(pri);
        s = s.substr(i + 1);
        if (s.size() > 2 && s[0] == '1' && s[1] == ' ') {
            // RFC 5424: VERSION TIMESTAMP HOST APP PROCID MSGID [SD] MSG
            Sv rest = s.substr(2), ts, host, app, proc, msgid;
            if (!nextToken(rest, ts) || !nextToken(rest, host) || !nextToken(rest, app) ||
                !nextToken(rest, proc) || !nextToken(rest, msgid))
                return false;
            out.time = toView(ts);
            out.level = level;
            out.source = toView(Sv(host.data(), size_t(app.data() + app.size() - host.data())));
            rest = trimLeft(rest);
            if (!rest.empty() && rest[0] == '-') {
                rest = rest.substr(1);
            } else if (!rest.empty() && rest[0] == '[') {
                // structured data: [id k="v"]... ; values may hold ']' escaped as \]
                size_t i2 = 0;
                while (i2 < rest.size() && rest[i2] == '[') {
                    ++i2;
                    while (i2 < rest.size() && rest[i2] != ']') {
                        if (rest[i2] == '\\')
                            ++i2;
                        ++i2;
                    }
                    ++i2;
                }
                rest = rest.substr(std::min(i2, rest.size()));
            }
            rest = trimLeft(rest);
            if (rest.size() >= 3 && rest.substr(0, 3) == "\xEF\xBB\xBF")
                rest = rest.substr(3);
            out.message = toView(messageOf(rest));
            return true;
        }
    }
    Sv rest;
    bool strictTag = false;
    if (isMonthName(s) && s.size() >= 16 && s[3] == ' ') {
        // "Jun 14 15:16:01" or "Jun  4 15:16:01"
        size_t i = 4;
        if (s[i] == ' ')
            ++i;
        if (!isDigit(s[i]))
            return false;
        ++i;
        if (isDigit(s[i]))
            ++i;
        if (s[i] != ' ' || !isClock(s.substr(i + 1)))
            return false;
        i += 9;
        if (i < s.size() && s[i] == '.') { // some daemons add microseconds
            ++i;
            while (i < s.size() && isDigit(s[i]))
                ++i;
        }
        if (i >= s.size() || !isSpace(s[i]))
            return false;
        out.time = toView(s.substr(0, i));
        rest = s.substr(i);
    } else {
        bool zone = false, tsep = false;
        const size_t tl = isoDateTimeLength(s, &zone, &tsep);
        if (tl == 0 || !zone || !tsep || tl >= s.size() || !isSpace(s[tl]))
            return false;
        out.time = toView(s.substr(0, tl));
        rest = s.substr(tl);
        strictTag = true;
    }
    Sv host;
    if (!nextToken(rest, host))
        return false;
    if (strictTag) {
        // An ISO-stamped line is syslog only with a real "tag[pid]:" after the host.
        Sv probe = rest, tag;
        if (!nextToken(probe, tag) || tag.back() != ':' || tag.size() < 2)
            return false;
    }
    out.level = level;
    parseSyslogTag(host, rest, out, strictTag);
    return true;
}

// ---- klog -----------------------------------------------------------------------------------

// I0115 10:23:45.123456    1234 file.go:42] msg
bool parseKlog(Sv s, ParsedLineView &out)
{
    if (s.size() < 22)
        return false;
    LogLevel level;
    switch (s[0]) {
    case 'I':
        level = LogLevel::Info;
        break;
    case 'W':
        level = LogLevel::Warn;
        break;
    case 'E':
        level = LogLevel::Error;
        break;
    case 'F':
        level = LogLevel::Fatal;
        break;
    default:
        return false;
    }
    if (!allDigits(s.substr(1), 4) || s[5] != ' ' || !isClock(s.substr(6)))
        return false;
    size_t i = 14;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
    }
    out.time = toView(s.substr(1, i - 1));
    Sv rest = s.substr(i), tid, src;
    if (!nextToken(rest, tid) || !allDigits(tid) || !nextToken(rest, src) || src.size() < 2 ||
        src.back() != ']')
        return false;
    out.level = level;
    out.source = toView(src.substr(0, src.size() - 1));
    out.message = toView(messageOf(rest));
    return true;
}

// ---- JSON -----------------------------------------------------------------------------------

struct JsonValue
{
    Sv raw; // strings: inside the quotes; others: the literal text / {...} / [...]
    bool isString = false;
    bool escaped = false;
    bool found = false;
};

// Skips a JSON value starting at s[i]; returns the index after it, or npos when malformed.
size_t skipJsonValue(Sv s, size_t i, JsonValue *v)
{
    if (i >= s.size())
        return Sv::npos;
    const char c = s[i];
    if (c == '"') {
        size_t j = i + 1;
        bool esc = false;
        while (j < s.size() && s[j] != '"') {
            if (s[j] == '\\') {
                esc = true;
                ++j;
            }
            ++j;
        }
        if (j >= s.size())
            return Sv::npos;
        if (v) {
            v->raw = s.substr(i + 1, j - i - 1);
            v->isString = true;
            v->escaped = esc;
            v->found = true;
        }
        return j + 1;
    }
    if (c == '{' || c == '[') {
        int depth = 0;
        size_t j = i;
        while (j < s.size()) {
            const char d = s[j];
            if (d == '"') {
                ++j;
                while (j < s.size() && s[j] != '"') {
                    if (s[j] == '\\')
                        ++j;
                    ++j;
                }
            } else if (d == '{' || d == '[') {
                ++depth;
            } else if (d == '}' || d == ']') {
                if (--depth == 0) {
                    if (v) {
                        v->raw = s.substr(i, j - i + 1);
                        v->found = true;
                    }
                    return j + 1;
                }
            }
            ++j;
        }
        return Sv::npos;
    }
    size_t j = i;
    while (j < s.size() && s[j] != ',' && s[j] != '}' && s[j] != ']' && !isSpace(s[j]))
        ++j;
    if (j == i)
        return Sv::npos;
    if (v) {
        v->raw = s.substr(i, j - i);
        v->found = true;
    }
    return j;
}

// Walks the top-level members of the object `s` ("{...}"), calling f(key, value) for each;
// returns false when `s` is not a well-formed object (truncated lines included).
template <typename F> bool forEachMember(Sv s, F &&f)
{
    s = trim(s);
    if (s.size() < 2 || s[0] != '{' || s.back() != '}')
        return false;
    size_t i = 1;
    for (;;) {
        while (i < s.size() && isSpace(s[i]))
            ++i;
        if (i < s.size() && s[i] == '}')
            return true;
        if (i >= s.size() || s[i] != '"')
            return false;
        JsonValue key;
        i = skipJsonValue(s, i, &key);
        if (i == Sv::npos)
            return false;
        while (i < s.size() && isSpace(s[i]))
            ++i;
        if (i >= s.size() || s[i] != ':')
            return false;
        ++i;
        while (i < s.size() && isSpace(s[i]))
            ++i;
        JsonValue val;
        i = skipJsonValue(s, i, &val);
        if (i == Sv::npos)
            return false;
        f(key.raw, val);
        while (i < s.size() && isSpace(s[i]))
            ++i;
        if (i < s.size() && s[i] == ',') {
            ++i;
            continue;
        }
        return i < s.size() && s[i] == '}';
    }
}

void appendUtf8(QByteArray &out, uint cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void unescapeJson(Sv in, QByteArray &out)
{
    for (size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c != '\\' || i + 1 >= in.size()) {
            out.append(c);
            continue;
        }
        const char e = in[++i];
        switch (e) {
        case 'n':
            out.append('\n');
            break;
        case 't':
            out.append('\t');
            break;
        case 'r':
            out.append('\r');
            break;
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'u': {
            auto hex4 = [&](size_t at) -> int {
                if (at + 4 > in.size())
                    return -1;
                int v = 0;
                for (size_t k = 0; k < 4; ++k) {
                    const int h = hexValue(in[at + k]);
                    if (h < 0)
                        return -1;
                    v = v * 16 + h;
                }
                return v;
            };
            int cp = hex4(i + 1);
            if (cp < 0) {
                out.append("\\u");
                break;
            }
            i += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < in.size() + 0 + 1 && in[i + 1] == '\\' &&
                i + 2 < in.size() && in[i + 2] == 'u') {
                const int lo = hex4(i + 3);
                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (cp >= 0xD800 && cp < 0xE000)
                cp = 0xFFFD;
            appendUtf8(out, uint(cp));
            break;
        }
        default:
            out.append(e);
            break; // \" \\ \/
        }
    }
}

// The message value: a view when it needs no unescaping, else built in `scratch`.
Sv jsonText(const JsonValue &v, QByteArray *scratch)
{
    if (!v.isString || !v.escaped || !scratch)
        return v.raw;
    scratch->clear();
    unescapeJson(v.raw, *scratch);
    return Sv(scratch->constData(), size_t(scratch->size()));
}

bool keyIs(Sv key, std::initializer_list<const char *> names)
{
    for (const char *n : names)
        if (key == n)
            return true;
    return false;
}

// Pino/Bunyan numeric levels (10 trace ... 60 fatal) and syslog-like numbers.
LogLevel levelFromJson(const JsonValue &v)
{
    if (v.isString)
        return levelFromSv(v.raw);
    if (allDigits(v.raw)) {
        const int n = std::atoi(std::string(v.raw).c_str());
        if (n >= 60)
            return LogLevel::Fatal;
        if (n >= 50)
            return LogLevel::Error;
        if (n >= 40)
            return LogLevel::Warn;
        if (n >= 30)
            return LogLevel::Info;
        if (n >= 20)
            return LogLevel::Debug;
        if (n >= 10)
            return LogLevel::Trace;
    }
    return LogLevel::Unknown;
}

// {"id":"..","origin":{"pipeline_name":..,"flow_name":..},"timestamp":"..","message":"..",
//  "level":"ERROR","maturity_level":"STABLE","event_type":"flow_progress", "details":{...}}
bool parseDltEvent(Sv s, ParsedLineView &out, QByteArray *scratch)
{
    JsonValue time, level, message, origin, eventType, maturity;
    const bool ok = forEachMember(s, [&](Sv key, const JsonValue &v) {
        if (key == "timestamp")
            time = v;
        else if (key == "level")
            level = v;
        else if (key == "message")
            message = v;
        else if (key == "origin")
            origin = v;
        else if (key == "event_type")
            eventType = v;
        else if (key == "maturity_level")
            maturity = v;
    });
    if (!ok || !eventType.found || !(origin.found || maturity.found) || !message.found)
        return false;
    out.time = toView(time.raw);
    out.level = levelFromJson(level);
    Sv source = eventType.raw;
    if (origin.found && !origin.isString) {
        JsonValue flow, dataset;
        forEachMember(origin.raw, [&](Sv key, const JsonValue &v) {
            if (key == "flow_name")
                flow = v;
            else if (key == "dataset_name")
                dataset = v;
        });
        if (flow.found && flow.isString)
            source = flow.raw;
        else if (dataset.found && dataset.isString)
            source = dataset.raw;
    }
    out.source = toView(source);
    out.message = toView(trim(jsonText(message, scratch)));
    return true;
}

// Kubernetes components with --logging-format=json: {"ts":1580306777.04728,"caller":"x.go:42",
// "msg":"..","v":0} and controller-runtime's zap:
// {"level":"error","ts":"..","logger":"..","msg":".."}
bool parseKubeJson(Sv s, ParsedLineView &out, QByteArray *scratch)
{
    JsonValue ts, msg, v, caller, logger, level, err;
    const bool ok = forEachMember(s, [&](Sv key, const JsonValue &val) {
        if (key == "ts")
            ts = val;
        else if (key == "msg")
            msg = val;
        else if (key == "v")
            v = val;
        else if (key == "caller")
            caller = val;
        else if (key == "logger")
            logger = val;
        else if (key == "level")
            level = val;
        else if (key == "err" || key == "error")
            err = val;
    });
    if (!ok || !ts.found || !msg.found || !(v.found || caller.found || logger.found))
        return false;
    out.time = toView(ts.raw);
    if (level.found)
        out.level = levelFromJson(level);
    else if (err.found)
        out.level = LogLevel::Error;
    else if (v.found && !v.isString && v.raw != "0")
        out.level = LogLevel::Debug;
    else
        out.level = LogLevel::Info;
    out.source = toView(logger.found ? logger.raw : caller.raw);
    out.message = toView(trim(jsonText(msg, scratch)));
    return true;
}

// Any JSON object with a message under a common key name.
bool parseJsonApp(Sv s, ParsedLineView &out, QByteArray *scratch)
{
    JsonValue time, level, msg, source, logObj;
    int msgRank = 99, timeRank = 99, srcRank = 99;
    const bool ok = forEachMember(s, [&](Sv key, const JsonValue &v) {
        int r;
        if ((r = key == "message"             ? 0
                 : key == "msg"               ? 1
                 : key == "@m"                ? 2
                 : key == "@message"          ? 3
                 : key == "@mt"               ? 4
                 : key == "text"              ? 5
                 : key == "log" && v.isString ? 6
                                              : 99) < msgRank) {
            msg = v;
            msgRank = r;
        } else if ((r = key == "timestamp"    ? 0
                        : key == "@timestamp" ? 1
                        : key == "time"       ? 2
                        : key == "ts"         ? 3
                        : key == "@t"         ? 4
                        : key == "asctime"    ? 5
                        : key == "datetime"   ? 6
                        : key == "date"       ? 7
                        : key == "t"          ? 8
                                              : 99) < timeRank) {
            time = v;
            timeRank = r;
        } else if (keyIs(key, {"level", "severity", "log.level", "levelname", "loglevel", "lvl",
                               "@l", "level_name", "log_level", "Level", "Severity"})) {
            level = v;
        } else if ((r = key == "logger"        ? 0
                        : key == "logger_name" ? 1
                        : key == "log.logger"  ? 2
                        : key == "name"        ? 3
                        : key == "component"   ? 4
                        : key == "module"      ? 5
                        : key == "service"     ? 6
                        : key == "source"      ? 7
                        : key == "caller"      ? 8
                        : key == "app"         ? 9
                                               : 99) < srcRank) {
            source = v;
            srcRank = r;
        } else if (key == "log" && !v.isString) {
            logObj = v; // ECS nested {"log":{"level":"info","logger":".."}}
        }
    });
    if (!ok || !msg.found)
        return false;
    if (!level.found && logObj.found) {
        forEachMember(logObj.raw, [&](Sv key, const JsonValue &v) {
            if (key == "level")
                level = v;
            else if (key == "logger" && !source.found)
                source = v;
        });
    }
    out.time = toView(time.raw);
    out.level = levelFromJson(level);
    out.source = toView(source.isString ? source.raw : Sv());
    out.message = toView(trim(jsonText(msg, scratch)));
    return true;
}

// ---- S3 server access log -------------------------------------------------------------------

// A field of an S3 access log record: a bare token, or a "quoted" / [bracketed] one.
bool s3Field(Sv &rest, Sv &field)
{
    rest = trimLeft(rest);
    if (rest.empty())
        return false;
    const char open = rest[0];
    if (open == '"' || open == '[') {
        const char close = open == '"' ? '"' : ']';
        const size_t end = rest.find(close, 1);
        if (end == Sv::npos)
            return false;
        field = rest.substr(1, end - 1);
        rest = rest.substr(end + 1);
        return true;
    }
    return nextToken(rest, field);
}

// owner bucket [06/Feb/2019:00:00:38 +0000] ip requester reqid REST.GET.OBJECT key "GET /k
// HTTP/1.1" 200 - 113 - 7 - "-" "ua" - hostid SigV4 cipher AuthHeader host TLSv1.2 - -
bool parseS3Access(Sv s, ParsedLineView &out, QByteArray *scratch)
{
    Sv rest = s, owner, bucket, time, ip, requester, reqId, op, key, uri, status, errorCode;
    if (!nextToken(rest, owner) || !nextToken(rest, bucket))
        return false;
    rest = trimLeft(rest);
    if (rest.empty() || rest[0] != '[' || !s3Field(rest, time) || time.size() < 20 ||
        time[2] != '/' || !isMonthName(time.substr(3)))
        return false;
    if (!s3Field(rest, ip) || !s3Field(rest, requester) || !s3Field(rest, reqId) ||
        !s3Field(rest, op) || std::count(op.begin(), op.end(), '.') < 2 || !s3Field(rest, key) ||
        !s3Field(rest, uri) || !s3Field(rest, status) || !s3Field(rest, errorCode))
        return false;
    out.time = toView(time);
    out.source = toView(bucket);
    if (allDigits(status)) {
        const int code = (status[0] - '0') * 100;
        out.level = code >= 500 ? LogLevel::Error : code >= 400 ? LogLevel::Warn : LogLevel::Info;
    } else {
        out.level = LogLevel::Info;
    }
    if (!scratch) {
        out.message = toView(op);
        return true;
    }
    // The request without the ids and byte counts that change on every line.
    scratch->clear();
    scratch->append(op.data(), qsizetype(op.size()));
    scratch->append(' ');
    scratch->append(key.data(), qsizetype(key.size()));
    scratch->append(" \"", 2);
    scratch->append(uri.data(), qsizetype(uri.size()));
    scratch->append("\" ", 2);
    scratch->append(status.data(), qsizetype(status.size()));
    scratch->append(' ');
    scratch->append(errorCode.data(), qsizetype(errorCode.size()));
    out.message = QByteArrayView(*scratch);
    return true;
}

// ---- kubectl ----------------------------------------------------------------------------------

bool isAge(Sv t)
{
    if (t == "<unknown>" || t == "<invalid>")
        return true;
    if (t.empty() || !isDigit(t[0]))
        return false;
    for (char c : t)
        if (!isDigit(c) && c != 's' && c != 'm' && c != 'h' && c != 'd' && c != 'y')
            return false;
    return true;
}

// kubectl get events [-A]:
// [NAMESPACE]  LAST SEEN   TYPE      REASON      OBJECT               MESSAGE
// default      2m11s       Warning   BackOff     pod/api-7d9f-x2x9k   Back-off restarting failed
// container
bool parseKubeEvent(Sv s, ParsedLineView &out, QByteArray *scratch)
{
    Sv rest = s, tok;
    Sv first = trimLeft(s);
    if (first.substr(0, 9) == "LAST SEEN" || first.substr(0, 9) == "NAMESPACE") {
        if (s.find("REASON") == Sv::npos || s.find("MESSAGE") == Sv::npos)
            return false;
        out.message = toView(trim(s)); // the table header
        return true;
    }
    const char *timeStart = nullptr;
    const char *timeEnd = nullptr;
    Sv type;
    for (int k = 0; k < 7 && nextToken(rest, tok); ++k) {
        if (tok == "Normal" || tok == "Warning") {
            type = tok;
            break;
        }
        if (!timeStart && isAge(tok))
            timeStart = tok.data();
        if (timeStart)
            timeEnd = tok.data() + tok.size();
    }
    if (type.empty() || !timeStart)
        return false;
    Sv reason, object;
    if (!nextToken(rest, reason) || !nextToken(rest, object))
        return false;
    out.time = toView(Sv(timeStart, size_t(timeEnd - timeStart)));
    out.level = type == "Warning" ? LogLevel::Warn : LogLevel::Info;
    out.source = toView(object);
    const Sv msg = messageOf(rest);
    if (!scratch) {
        out.message = toView(msg);
        return true;
    }
    scratch->clear();
    scratch->append(reason.data(), qsizetype(reason.size()));
    scratch->append(": ", 2);
    scratch->append(msg.data(), qsizetype(msg.size()));
    out.message = QByteArrayView(*scratch);
    return true;
}

bool parseContent(Sv s, ParsedLineView &out, QByteArray *scratch);

// kubectl logs --timestamps [--prefix]:
// [pod/api-7d9f-x2x9k/api] 2024-01-15T10:23:45.123456789Z <container output>
bool parseKubectlLogs(Sv s, ParsedLineView &out, QByteArray *scratch)
{
    Sv rest = s;
    Sv prefix;
    if (!rest.empty() && rest[0] == '[') {
        const size_t close = rest.find("] ");
        if (close == Sv::npos || rest.substr(1, 4) != "pod/")
            return false;
        prefix = rest.substr(1, close - 1);
        rest = rest.substr(close + 2);
    }
    bool zone = false, tsep = false;
    const size_t tl = isoDateTimeLength(rest, &zone, &tsep);
    if (tl == 0 || !zone || !tsep || (tl < rest.size() && !isSpace(rest[tl])))
        return false;
    const Sv time = rest.substr(0, tl);
    ParsedLineView inner;
    parseContent(rest.substr(std::min(tl + 1, rest.size())), inner, scratch);
    out.time = toView(time);
    out.level = inner.level;
    out.source = prefix.empty() ? inner.source : toView(prefix);
    out.message = inner.message;
    return true;
}

// What a container writes, recognised line by line (kubectl logs mixes formats).
bool parseContent(Sv s, ParsedLineView &out, QByteArray *scratch)
{
    ParsedLineView v;
    const Sv t = trimLeft(s);
    if (!t.empty() && t[0] == '{') {
        if (parseKubeJson(t, v, scratch) || parseJsonApp(t, v, scratch)) {
            out = v;
            return true;
        }
    } else if (parseKlog(s, v) || parseLog4j(s, v) || parseSpark(s, v)) {
        out = v;
        return true;
    } else {
        // "2024-01-15T10:23:45Z INFO msg" / "time=.. level=error msg=..": a level word near the
        // start.
        out.level = keywordLevel(s);
        if (out.level == LogLevel::Unknown) {
            const size_t lv = s.find("level=");
            if (lv != Sv::npos && lv < 120) {
                Sv w = s.substr(lv + 6);
                if (!w.empty() && w[0] == '"')
                    w = w.substr(1);
                size_t e = 0;
                while (e < w.size() && isAlnum(w[e]))
                    ++e;
                out.level = levelFromSv(w.substr(0, e));
            }
        }
    }
    out.message = toView(messageOf(s));
    return false;
}

// ---- plain ------------------------------------------------------------------------------------

bool parsePlain(Sv s, ParsedLineView &out)
{
    out.level = keywordLevel(s);
    bool zone = false;
    const size_t tl = isoDateTimeLength(s, &zone);
    if (tl > 0)
        out.time = toView(s.substr(0, tl));
    out.message = toView(messageOf(s));
    return true;
}

bool dispatch(LogFormat format, Sv s, ParsedLineView &out, QByteArray *scratch)
{
    switch (format) {
    case LogFormat::Plain:
        return parsePlain(s, out);
    case LogFormat::Log4j:
        return parseLog4j(s, out);
    case LogFormat::Spark:
        return parseSpark(s, out);
    case LogFormat::DltEvents:
        return parseDltEvent(s, out, scratch);
    case LogFormat::KubectlLogs:
        return parseKubectlLogs(s, out, scratch);
    case LogFormat::KubeEvents:
        return parseKubeEvent(s, out, scratch);
    case LogFormat::Klog:
        return parseKlog(s, out);
    case LogFormat::KubeJson:
        return parseKubeJson(s, out, scratch);
    case LogFormat::S3Access:
        return parseS3Access(s, out, scratch);
    case LogFormat::JsonApp:
        return parseJsonApp(s, out, scratch);
    case LogFormat::Syslog:
        return parseSyslog(s, out);
    case LogFormat::Hdfs:
        return parseHdfs(s, out);
    case LogFormat::Zookeeper:
        return parseZookeeper(s, out);
    case LogFormat::ApacheError:
        return parseApacheError(s, out);
    case LogFormat::Bgl:
        return parseBgl(s, out);
    case LogFormat::OpenStack:
        return parseOpenStack(s, out);
    }
    return false;
}

struct FormatInfo
{
    LogFormat format;
    const char *id;
    const char *name;
};

// Also the tie-break order of detection: the more specific format first.
constexpr FormatInfo kFormats[] = {
    {LogFormat::Bgl, "bgl", "BlueGene/L RAS log"},
    {LogFormat::OpenStack, "openstack", "OpenStack (oslo.log)"},
    {LogFormat::Zookeeper, "zookeeper", "ZooKeeper log4j"},
    {LogFormat::Hdfs, "hdfs", "HDFS (Hadoop 0.x) log"},
    {LogFormat::ApacheError, "apache-error", "Apache HTTP Server error log"},
    {LogFormat::S3Access, "s3-access", "Amazon S3 server access log"},
    {LogFormat::KubeEvents, "kube-events", "Kubernetes events (kubectl get events)"},
    {LogFormat::Klog, "klog", "Kubernetes klog"},
    {LogFormat::DltEvents, "dlt-events", "Databricks DLT event log (JSON lines)"},
    {LogFormat::KubeJson, "kube-json", "Kubernetes JSON log"},
    {LogFormat::JsonApp, "json-app", "JSON application log"},
    {LogFormat::Spark, "spark", "Spark / Databricks driver log4j"},
    {LogFormat::Log4j, "log4j", "log4j (Hadoop, Java services)"},
    {LogFormat::Syslog, "syslog", "syslog"},
    {LogFormat::KubectlLogs, "kubectl-logs",
     "Kubernetes container log (kubectl logs --timestamps)"},
    {LogFormat::Plain, "plain", "Plain text"},
};
static_assert(std::size(kFormats) == kLogFormatCount);

const FormatInfo &info(LogFormat f)
{
    for (const FormatInfo &i : kFormats)
        if (i.format == f)
            return i;
    return kFormats[kLogFormatCount - 1];
}

Sv stripLine(QByteArrayView line)
{
    Sv s = toSv(line);
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

QString epochToIso(Sv t)
{
    // Epoch seconds (with fraction) or milliseconds, as JSON loggers write them.
    if (t.empty() || t.size() > 24 || !isDigit(t[0]))
        return {};
    for (char c : t)
        if (!isDigit(c) && c != '.' && c != 'e' && c != 'E' && c != '+')
            return {};
    bool ok = false;
    const double v = QByteArray(t.data(), qsizetype(t.size())).toDouble(&ok);
    if (!ok || v < 1e8)
        return {};
    const qint64 ms = v > 1e11 ? qint64(v) : qint64(v * 1000.0 + 0.5);
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

QString levelName(LogLevel level)
{
    return QString::fromLatin1(levelNameLatin1(level));
}

const char *levelNameLatin1(LogLevel level)
{
    switch (level) {
    case LogLevel::Unknown:
        return "UNKNOWN";
    case LogLevel::Trace:
        return "TRACE";
    case LogLevel::Debug:
        return "DEBUG";
    case LogLevel::Info:
        return "INFO";
    case LogLevel::Notice:
        return "NOTICE";
    case LogLevel::Warn:
        return "WARN";
    case LogLevel::Error:
        return "ERROR";
    case LogLevel::Fatal:
        return "FATAL";
    }
    return "UNKNOWN";
}

LogLevel levelFromName(QByteArrayView name)
{
    return levelFromSv(trim(toSv(name)));
}

LogLevel levelFromName(QStringView name)
{
    if (name.size() > 16)
        return LogLevel::Unknown;
    return levelFromName(QByteArrayView(name.toLatin1()));
}

QList<LogFormat> allLogFormats()
{
    QList<LogFormat> list;
    for (const FormatInfo &i : kFormats)
        list << i.format;
    return list;
}

QString formatId(LogFormat format)
{
    return QString::fromLatin1(info(format).id);
}

std::optional<LogFormat> formatFromId(QStringView id)
{
    for (const FormatInfo &i : kFormats)
        if (id == QLatin1String(i.id))
            return i.format;
    return std::nullopt;
}

QString formatDisplayName(LogFormat format)
{
    return QString::fromLatin1(info(format).name);
}

ParsedLineView parseLineView(LogFormat format, QByteArrayView line, QByteArray *scratch)
{
    const Sv s = stripLine(line);
    ParsedLineView out;
    out.matched = dispatch(format, s, out, scratch);
    if (!out.matched) {
        out = ParsedLineView{};
        out.message = toView(messageOf(s));
    }
    return out;
}

ParsedLine parseLine(LogFormat format, QByteArrayView line)
{
    QByteArray scratch;
    const ParsedLineView v = parseLineView(format, line, &scratch);
    ParsedLine p;
    p.matched = v.matched;
    p.level = v.level;
    p.source = QString::fromUtf8(v.source);
    p.message = QString::fromUtf8(v.message);
    if ((format == LogFormat::KubeJson || format == LogFormat::JsonApp ||
         format == LogFormat::KubectlLogs) &&
        !v.time.isEmpty()) {
        p.time = epochToIso(toSv(v.time));
    }
    if (p.time.isEmpty())
        p.time = QString::fromUtf8(v.time);
    return p;
}

LogLevel parseLevel(LogFormat format, QByteArrayView line)
{
    // No scratch: formats that build their message skip that work.
    const Sv s = stripLine(line);
    ParsedLineView out;
    return dispatch(format, s, out, nullptr) ? out.level : LogLevel::Unknown;
}

QList<FormatScore> scoreFormats(const QList<QByteArray> &sampleLines)
{
    QList<FormatScore> scores;
    for (const FormatInfo &i : kFormats)
        scores << FormatScore{i.format, 0, 0};
    int considered = 0;
    QByteArray scratch;
    for (const QByteArray &raw : sampleLines) {
        const Sv s = stripLine(raw);
        if (trim(s).empty())
            continue;
        if (++considered > 200)
            break;
        for (FormatScore &sc : scores) {
            if (sc.format == LogFormat::Plain)
                continue;
            ParsedLineView out;
            if (dispatch(sc.format, s, out, &scratch))
                ++sc.matched;
        }
    }
    considered = std::min(considered, 200);
    for (FormatScore &sc : scores) {
        sc.considered = considered;
        if (sc.format == LogFormat::Plain)
            sc.matched = considered; // plain takes everything, but only wins when nothing else fits
    }
    std::stable_sort(scores.begin(), scores.end(), [](const FormatScore &a, const FormatScore &b) {
        const bool aPlain = a.format == LogFormat::Plain, bPlain = b.format == LogFormat::Plain;
        if (aPlain != bPlain) {
            // Plain ranks below any format that parses at least a third of the lines.
            const FormatScore &other = aPlain ? b : a;
            const bool otherQualifies = other.matched * 3 >= other.considered && other.matched > 0;
            return aPlain ? !otherQualifies : otherQualifies;
        }
        return a.matched > b.matched;
    });
    return scores;
}

LogFormat detectFormat(const QList<QByteArray> &sampleLines)
{
    const QList<FormatScore> scores = scoreFormats(sampleLines);
    return scores.isEmpty() ? LogFormat::Plain : scores.first().format;
}

} // namespace lab
