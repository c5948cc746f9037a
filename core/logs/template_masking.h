#pragma once
// Masking of the variable parts of a log message (numbers, hex, ids, IPs, paths, URLs) before
// template mining. Drain groups lines by their constant words; a request id or a block number
// that survives into the token stream splits one event into thousands of templates, so these are
// replaced by the wildcard `<*>` first.
//
// The masker is a hand-written byte scanner (no regular expressions): it runs once per line on
// the mining hot path, which must keep up with half a million lines a second.
#include <QString>
#include <QStringView>
#include <string>
#include <string_view>

namespace lab {

// The wildcard Drain writes for a variable token.
inline constexpr std::string_view kTemplateWildcard = "<*>";

struct TemplateMaskOptions
{
    // Numbers and everything made of them: 42, -3.5, 0.2477829, 10ms, 512MB, IPv4 addresses with
    // or without a port, times (15:16:01) and dates (2005-06-03).
    bool numbers = true;
    // Hex and identifiers: 0x7f3a, 54fadb412c4e40cd, UUIDs (req-38101a0b-...), MAC/IPv6 groups,
    // short letter+digit ids (R02-M1-N0, J12), Kubernetes pod suffixes (web-7d9f8b6c4-x2kq9).
    bool ids = true;
    // Paths and URLs: /var/log/x, ./conf/a.xml, ~/x/y, C:\dir\x, https://host/a?b=1.
    bool paths = true;
};

// Appends the masked form of `message` (UTF-8) to `out`: whitespace-separated tokens joined by
// single spaces, each variable part replaced by `<*>`. Words keep their constant prefix
// ("blk_-6952295868487656571" -> "blk_<*>", "uid=0" -> "uid=<*>") so that the template still
// reads like the line. Allocation-free once `out` has grown to the longest line.
void maskMessageInto(std::string_view message, const TemplateMaskOptions &options,
                     std::string &out);

// Convenience for tests and the GUI: the masked form of one message.
QString maskMessage(QStringView message, const TemplateMaskOptions &options = {});

} // namespace lab
