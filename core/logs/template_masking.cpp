#include "template_masking.h"

#include <array>
#include <cstdint>
#include <utility>

namespace lab {
namespace {

// Byte classes. A token is a whitespace-free run; delimiters split it into segments and are kept
// verbatim ("uid=0" -> "uid", "=", "0"); separators split a segment into parts that can be masked
// one by one ("blk_-123" -> "blk", "_", "-", "123"). Bytes >= 0x80 (UTF-8) count as letters.
enum CharClass : std::uint8_t
{
    kSpace = 1,
    kDelim = 2,
    kSep = 4,
    kDigit = 8,
    kHexLetter = 16,
    kLetter = 32,
    kPodChar = 64, // the alphabet Kubernetes uses for generated name suffixes (no vowels)
    kPathy = 128,  // '/', '.', '~', ':', '\\': may start a path, URL or host name
};

constexpr std::array<std::uint8_t, 256> makeClasses()
{
    std::array<std::uint8_t, 256> t{};
    for (int c = 0x80; c < 256; ++c)
        t[c] = kLetter;
    for (char c : std::string_view(" \t\r\n\v\f"))
        t[std::uint8_t(c)] = kSpace;
    for (char c : std::string_view("=:,;()[]{}\"'<>|!?*@#$^&\\`%"))
        t[std::uint8_t(c)] = kDelim;
    for (char c : std::string_view("_-./+"))
        t[std::uint8_t(c)] = kSep;
    for (int c = '0'; c <= '9'; ++c)
        t[c] = kDigit;
    for (int c = 'a'; c <= 'z'; ++c)
        t[c] = kLetter;
    for (int c = 'A'; c <= 'Z'; ++c)
        t[c] = kLetter;
    for (int c = 'a'; c <= 'f'; ++c)
        t[c] |= kHexLetter;
    for (int c = 'A'; c <= 'F'; ++c)
        t[c] |= kHexLetter;
    for (char c : std::string_view("bcdfghjklmnpqrstvwxz2456789"))
        t[std::uint8_t(c)] |= kPodChar;
    for (char c : std::string_view("/.~:\\"))
        t[std::uint8_t(c)] |= kPathy;
    return t;
}

constexpr std::array<std::uint8_t, 256> kClasses = makeClasses();

inline std::uint8_t cls(char c)
{
    return kClasses[std::uint8_t(c)];
}
inline bool isSpace(char c)
{
    return cls(c) & kSpace;
}
inline bool isDelim(char c)
{
    return cls(c) & kDelim;
}
inline bool isSep(char c)
{
    return cls(c) & kSep;
}
inline bool isDigit(char c)
{
    return cls(c) & kDigit;
}
inline bool isAlnum(char c)
{
    return cls(c) & (kDigit | kLetter);
}

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Is a part (no delimiters, no separators) a value rather than a word? Only parts with a digit
// qualify: "workers2" or "log4j" stay, since a word with a digit in it is usually a name.
bool isVariablePart(std::string_view part, const TemplateMaskOptions &options)
{
    const size_t n = part.size();
    size_t digits = 0, hexLetters = 0, letters = 0;
    for (char c : part) {
        const std::uint8_t k = cls(c);
        if (k & kDigit)
            ++digits;
        else if (k & kHexLetter)
            ++hexLetters, ++letters;
        else
            ++letters;
    }
    if (digits == 0)
        return false;
    if (options.numbers) {
        if (digits == n)
            return true;
        // A number with a unit: 10ms, 512MB, 3x, 1st.
        size_t lead = 0;
        while (lead < n && isDigit(part[lead]))
            ++lead;
        if (lead > 0 && n - lead <= 3) {
            bool unit = true;
            for (size_t i = lead; i < n; ++i)
                unit = unit && isAsciiLetter(part[i]);
            if (unit)
                return true;
        }
    }
    if (options.ids) {
        // Hex with at least one letter (pure digits are numbers): a0b1c2, 447d, 113d3a99c3da.
        if (letters == hexLetters && hexLetters > 0)
            return true;
        if (n > 2 && part[0] == '0' && (part[1] == 'x' || part[1] == 'X')) {
            bool hex = true;
            for (size_t i = 2; i < n; ++i)
                hex = hex && (cls(part[i]) & (kDigit | kHexLetter));
            if (hex)
                return true;
        }
        // One or two capitals then digits: rack/node/slot names (R02, M1, J12). Lower-case ones
        // are mostly names (v2, s3, md5, x86) and stay.
        size_t lead = 0;
        while (lead < n && part[lead] >= 'A' && part[lead] <= 'Z')
            ++lead;
        if (lead >= 1 && lead <= 2 && digits == n - lead)
            return true;
        // Long random alphanumerics: base62 ids, session keys.
        if (n >= 8 && digits >= 3)
            return true;
    }
    return false;
}

bool isPodPart(std::string_view part, size_t minLen, size_t maxLen)
{
    if (part.size() < minLen || part.size() > maxLen)
        return false;
    for (char c : part) {
        if (!(cls(c) & kPodChar))
            return false;
    }
    return true;
}

bool isPathSegment(std::string_view seg)
{
    if (seg.size() < 2)
        return false;
    if (seg.starts_with("./") || seg.starts_with("../") || seg.starts_with("~/"))
        return true;
    if (seg[0] != '/')
        return false;
    for (size_t i = 1; i < seg.size(); ++i) {
        if (seg[i] == '/' && i + 1 < seg.size())
            return true;
    }
    return false;
}

inline bool isHex(char c)
{
    return cls(c) & (kDigit | kHexLetter);
}

// The first UUID (8-4-4-4-12 hex) in a segment as [begin, end), or begin == npos. Needed because a
// UUID group can be all letters ("bdcc"), which the per-part rules would keep.
std::pair<size_t, size_t> findUuid(std::string_view seg)
{
    constexpr size_t kUuidLength = 36;
    for (size_t i = 0; i + kUuidLength <= seg.size(); ++i) {
        if (i > 0 && isHex(seg[i - 1]))
            continue;
        bool ok = true;
        for (size_t k = 0; k < kUuidLength && ok; ++k) {
            const char c = seg[i + k];
            ok = (k == 8 || k == 13 || k == 18 || k == 23) ? c == '-' : isHex(c);
        }
        if (ok && (i + kUuidLength == seg.size() || !isHex(seg[i + kUuidLength])))
            return {i, i + kUuidLength};
    }
    return {std::string_view::npos, std::string_view::npos};
}

// A DNS name: dotted labels of letters, digits and '-', ending in a common top-level domain.
// The TLD list leaves out those that double as file extensions (.md, .sh, .py, .so, .in).
bool isHostName(std::string_view seg)
{
    const size_t lastDot = seg.rfind('.');
    if (lastDot == std::string_view::npos || lastDot == 0 || seg.size() - lastDot < 3 ||
        seg.size() - lastDot > 12 || seg[lastDot + 1] < 'a' || seg[lastDot + 1] > 'z')
        return false;
    for (char c : seg) {
        if (!(isAlnum(c) || c == '-' || c == '.') || (std::uint8_t(c) >= 0x80))
            return false;
    }
    const std::string_view tld = seg.substr(lastDot + 1);
    static constexpr std::string_view kTlds[] = {
        "com",   "net", "org",      "edu",         "gov",  "mil",   "int", "io", "info", "biz",
        "local", "lan", "internal", "localdomain", "arpa", "cloud", "uk",  "de", "fr",   "jp",
        "cn",    "ru",  "br",       "nl",          "au",   "ca",    "es",  "ch", "se",   "eu",
        "us",    "kr",  "tw",       "hk",          "pl",   "be",    "at",  "dk", "fi"};
    for (std::string_view t : kTlds) {
        if (tld == t)
            return true;
    }
    return false;
}

// Writes one token's masked form, collapsing adjacent wildcards: "10.1.2.3:50010" becomes one
// "<*>", not "<*>.<*>.<*>.<*>:<*>", so that an IP with and without a port mask alike.
class TokenWriter
{
public:
    TokenWriter(std::string &out, const TemplateMaskOptions &options)
        : m_out(out), m_options(options), m_tokenStart(out.size())
    {
    }

    void text(std::string_view s) { m_out.append(s); }
    void ch(char c) { m_out.push_back(c); }

    void wildcard()
    {
        if (m_lastWildEnd != std::string::npos) {
            if (m_out.size() == m_lastWildEnd)
                return;
            if (m_out.size() == m_lastWildEnd + 1) {
                m_out.pop_back();
                return;
            }
        }
        // A sign belongs to the number: "blk_-123" and "blk_123" both become "blk_<*>".
        if (m_out.size() > m_tokenStart && (m_out.back() == '-' || m_out.back() == '+')) {
            const size_t p = m_out.size() - 1;
            if (p == m_tokenStart || !isAlnum(m_out[p - 1]))
                m_out.pop_back();
        }
        m_out.append(kTemplateWildcard);
        m_lastWildEnd = m_out.size();
    }

    void segment(std::string_view seg)
    {
        std::uint8_t seen = 0;
        for (char c : seg)
            seen |= cls(c);
        const bool hasDigit = seen & kDigit;
        if (m_options.paths && (seen & kPathy) && (isPathSegment(seg) || isHostName(seg))) {
            wildcard();
            return;
        }
        std::pair<size_t, size_t> uuid{std::string_view::npos, std::string_view::npos};
        if (m_options.ids && seg.size() >= 36)
            uuid = findUuid(seg);
        if (!hasDigit && uuid.first == std::string_view::npos) {
            text(seg);
            return;
        }
        // Kubernetes generated names: <deployment>-<replicaset hash>-<5 chars> or <name>-<5 chars>.
        size_t podFrom = seg.size();
        if (m_options.ids) {
            const size_t lastDash = seg.rfind('-');
            if (lastDash != std::string_view::npos && lastDash > 0 &&
                isPodPart(seg.substr(lastDash + 1), 5, 5)) {
                const size_t prevDash = seg.rfind('-', lastDash - 1);
                const std::string_view prev =
                    prevDash == std::string_view::npos
                        ? std::string_view()
                        : seg.substr(prevDash + 1, lastDash - prevDash - 1);
                bool lastHasDigit = false;
                for (char c : seg.substr(lastDash + 1))
                    lastHasDigit = lastHasDigit || isDigit(c);
                if (isPodPart(prev, 8, 10))
                    podFrom = prevDash + 1;
                else if (lastHasDigit)
                    podFrom = lastDash + 1;
            }
        }
        size_t i = 0;
        while (i < seg.size()) {
            if (isSep(seg[i])) {
                ch(seg[i]);
                ++i;
                continue;
            }
            const size_t start = i;
            while (i < seg.size() && !isSep(seg[i]))
                ++i;
            const std::string_view part = seg.substr(start, i - start);
            if (start >= podFrom || (start >= uuid.first && start < uuid.second) ||
                isVariablePart(part, m_options))
                wildcard();
            else
                text(part);
        }
    }

private:
    std::string &m_out;
    const TemplateMaskOptions &m_options;
    size_t m_tokenStart;
    size_t m_lastWildEnd = std::string::npos;
};

bool isLeadingPunct(char c)
{
    return c == '(' || c == '[' || c == '{' || c == '<' || c == '"' || c == '\'';
}
bool isTrailingPunct(char c)
{
    return c == ')' || c == ']' || c == '}' || c == '>' || c == '"' || c == '\'' || c == ',' ||
           c == ';' || c == '.' || c == ':';
}

// URLs and Windows paths are masked whole: their ':' and '\' would otherwise split them.
bool maskWholeToken(std::string_view token, std::string &out)
{
    size_t b = 0, e = token.size();
    while (b < e && isLeadingPunct(token[b]))
        ++b;
    while (e > b && isTrailingPunct(token[e - 1]))
        --e;
    const std::string_view core = token.substr(b, e - b);
    bool whole = false;
    if (core.size() >= 3 && isAsciiLetter(core[0]) && core[1] == ':' && core[2] == '\\') {
        whole = true;
    } else {
        const size_t scheme = core.find("://");
        whole = scheme != std::string_view::npos && scheme > 0 && isAsciiLetter(core[scheme - 1]);
    }
    if (!whole)
        return false;
    out.append(token.substr(0, b));
    out.append(kTemplateWildcard);
    out.append(token.substr(e));
    return true;
}

// `seen` is the union of the token's byte classes.
void maskToken(std::string_view token, std::uint8_t seen, const TemplateMaskOptions &options,
               std::string &out)
{
    // Most tokens are plain words: no digit, nothing that starts a path, host or URL.
    if (!(seen & (kDigit | kPathy)) && token.size() != 2) {
        out.append(token);
        return;
    }
    // A lone empty pair is a value that happened to be empty: "connection from 1.2.3.4 ()" is the
    // same event as "... (host.example.net)".
    if (options.ids && token.size() == 2 &&
        (token == "()" || token == "[]" || token == "{}" || token == "\"\"" || token == "''")) {
        out.push_back(token[0]);
        out.append(kTemplateWildcard);
        out.push_back(token[1]);
        return;
    }
    if (options.paths && token.find(':') != std::string_view::npos && maskWholeToken(token, out))
        return;
    TokenWriter writer(out, options);
    size_t i = 0;
    while (i < token.size()) {
        if (isDelim(token[i])) {
            writer.ch(token[i]);
            ++i;
            continue;
        }
        const size_t start = i;
        while (i < token.size() && !isDelim(token[i]))
            ++i;
        writer.segment(token.substr(start, i - start));
    }
}

// Day and month names next to a masked number are part of a date: "at Fri Jun 17 <*>".
bool isCalendarWord(std::string_view w)
{
    if (!w.empty() && (w.back() == ',' || w.back() == '.'))
        w.remove_suffix(1);
    if (w.size() < 3 || w.size() > 9 || !(w[0] >= 'A' && w[0] <= 'Z'))
        return false;
    static constexpr std::string_view kWords[] = {
        "Mon",       "Tue",      "Wed",    "Thu",      "Fri",    "Sat",       "Sun",
        "Jan",       "Feb",      "Mar",    "Apr",      "May",    "Jun",       "Jul",
        "Aug",       "Sep",      "Oct",    "Nov",      "Dec",    "Monday",    "Tuesday",
        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",   "February",
        "March",     "April",    "June",   "July",     "August", "September", "October",
        "November",  "December", "MON",    "TUE",      "WED",    "THU",       "FRI",
        "SAT",       "SUN",      "JAN",    "FEB",      "MAR",    "APR",       "MAY",
        "JUN",       "JUL",      "AUG",    "SEP",      "OCT",    "NOV",       "DEC"};
    for (std::string_view k : kWords) {
        if (w == k)
            return true;
    }
    return false;
}

bool startsWithWildcard(std::string_view token)
{
    return token.starts_with(kTemplateWildcard);
}

} // namespace

void maskMessageInto(std::string_view message, const TemplateMaskOptions &options, std::string &out)
{
    const size_t n = message.size();
    const size_t outStart = out.size();
    // Where each output token starts, for the date pass; messages with more tokens skip it there.
    constexpr size_t kMaxTokens = 128;
    std::array<size_t, kMaxTokens + 1> starts;
    size_t tokenCount = 0;
    bool calendarSeen = false;
    size_t i = 0;
    while (i < n) {
        while (i < n && isSpace(message[i]))
            ++i;
        if (i >= n)
            break;
        const size_t start = i;
        std::uint8_t seen = 0;
        for (; i < n; ++i) {
            const std::uint8_t k = cls(message[i]);
            if (k & kSpace)
                break;
            seen |= k;
        }
        if (out.size() > outStart)
            out.push_back(' ');
        if (tokenCount < kMaxTokens)
            starts[tokenCount] = out.size();
        ++tokenCount;
        const std::string_view token = message.substr(start, i - start);
        calendarSeen = calendarSeen || (token.size() >= 3 && token.size() <= 10 &&
                                        token[0] >= 'A' && token[0] <= 'Z');
        maskToken(token, seen, options, out);
    }
    if (!options.numbers || !calendarSeen || tokenCount < 2 || tokenCount > kMaxTokens)
        return;
    // Right to left, so that "Fri Jun 17" masks Jun (before a number) and then Fri (before Jun).
    starts[tokenCount] = out.size() + 1;
    auto tokenAt = [&](size_t k) {
        return std::string_view(out).substr(starts[k], starts[k + 1] - 1 - starts[k]);
    };
    for (size_t k = tokenCount; k-- > 0;) {
        const std::string_view token = tokenAt(k);
        const char c0 = token[0];
        if (token.size() < 3 || token.size() > 10 || c0 < 'A' || c0 > 'Z')
            continue;
        const bool nextWild = k + 1 < tokenCount && startsWithWildcard(tokenAt(k + 1));
        const bool prevWild = k > 0 && startsWithWildcard(tokenAt(k - 1));
        if ((!nextWild && !prevWild) || !isCalendarWord(token))
            continue;
        const size_t keep = (token.back() == ',' || token.back() == '.') ? 1 : 0;
        const size_t removed = token.size() - keep - kTemplateWildcard.size();
        out.replace(starts[k], token.size() - keep, kTemplateWildcard);
        for (size_t j = k + 1; j <= tokenCount; ++j)
            starts[j] -= removed;
    }
}

QString maskMessage(QStringView message, const TemplateMaskOptions &options)
{
    const QByteArray utf8 = message.toUtf8();
    std::string out;
    maskMessageInto(std::string_view(utf8.constData(), size_t(utf8.size())), options, out);
    return QString::fromUtf8(out.data(), qsizetype(out.size()));
}

} // namespace lab
