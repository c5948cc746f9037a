#include "core/explain/explain_prompt.h"

#include <algorithm>

namespace lab {

namespace {

std::vector<std::int64_t> withBos(const Tokenizer &tokenizer, const QString &prompt)
{
    const std::vector<int> ids = tokenizer.encode(prompt);
    std::vector<std::int64_t> out;
    out.reserve(ids.size() + 1);
    out.push_back(tokenizer.bosId() >= 0 ? tokenizer.bosId() : kBosId);
    out.insert(out.end(), ids.begin(), ids.end());
    return out;
}

} // namespace

std::vector<std::int64_t> promptTokens(const Tokenizer &tokenizer, const QString &logText,
                                       int maxPromptTokens, LogDigest *digestOut)
{
    const int limit = std::max(maxPromptTokens, kMinPromptTokens);
    const int suffixTokens = int(tokenizer.encode(explanationPrompt(QString())).size());
    LogDigestOptions options;
    options.countTokens = [&tokenizer](const QString &line) { return int(tokenizer.encode(line).size()); };
    options.maxTokens = std::max(1, limit - 1 - suffixTokens);

    // Per-line counts add up to the joined text's tokens for a tokenizer trained here (newline is
    // its own piece); others can differ by a token per line. Shrink by the overshoot and retry.
    LogDigest digest;
    std::vector<std::int64_t> ids;
    for (int attempt = 0; attempt < 4; ++attempt) {
        digest = digestLog(logText, options);
        ids = withBos(tokenizer, explanationPrompt(digest.text));
        const int over = int(ids.size()) - limit;
        if (over <= 0)
            break;
        options.maxTokens = std::max(1, options.maxTokens - over - 2);
    }
    if (int(ids.size()) > limit) {
        // Still too long (pathological tokenization): keep BOS and the end, where the failure and
        // the "### Explanation:" cue are.
        ids.erase(ids.begin() + 1, ids.begin() + 1 + (ids.size() - std::size_t(limit)));
    }
    if (digestOut)
        *digestOut = std::move(digest);
    return ids;
}

} // namespace lab
