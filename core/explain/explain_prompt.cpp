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
    const int suffixTokens = int(tokenizer.encode(explanationPrompt(QString())).size());
    // BOS and the cue always go in: without the cue the model would not know to explain.
    const int limit = std::max(maxPromptTokens, 1 + suffixTokens);
    LogDigestOptions options;
    options.countTokens = [&tokenizer](const QString &line) { return int(tokenizer.encode(line).size()); };
    options.maxTokens = limit - 1 - suffixTokens;

    // Per-line counts add up to the joined text's tokens for a tokenizer trained here (newline is
    // its own piece); others can differ by a token per line. Shrink by the overshoot and retry.
    LogDigest digest;
    std::vector<std::int64_t> ids;
    for (int attempt = 0; attempt < 4; ++attempt) {
        digest = digestLog(logText, options);
        ids = withBos(tokenizer, explanationPrompt(digest.text));
        const int over = int(ids.size()) - limit;
        if (over <= 0 || options.maxTokens == 0)
            break;
        options.maxTokens = std::max(0, options.maxTokens - over - 2);
    }
    if (int(ids.size()) > limit) {
        // Still too long (pathological tokenization): drop digest tokens from the start, keeping
        // BOS, the end of the log (where the failure is) and the cue.
        const std::size_t excess = ids.size() - std::size_t(limit);
        const std::size_t digestTokens = ids.size() - 1 - std::min(ids.size() - 1, std::size_t(suffixTokens));
        ids.erase(ids.begin() + 1, ids.begin() + 1 + std::min(excess, digestTokens));
    }
    if (digestOut)
        *digestOut = std::move(digest);
    return ids;
}

} // namespace lab
