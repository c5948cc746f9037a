#pragma once
// The prompt token ids of a log, shared by explaining (Explainer) and training (the SFT trainer
// appends the explanation's tokens and EOS): [BOS] + encode(explanationPrompt(digest.text)), with
// the digest sized so that the whole prompt fits `maxPromptTokens`.
#include "core/logs/log_digest.h"
#include "core/text/tokenizer.h"

#include <cstdint>
#include <vector>

namespace lab {

// The smallest prompt budget the Explainer accepts (context minus new tokens): BOS, the
// "### Explanation:" cue and a little of the log.
inline constexpr int kMinPromptTokens = 16;

// At most max(maxPromptTokens, 1 + the cue's tokens) ids -- BOS and the "### Explanation:" cue are
// never cut -- the first being the tokenizer's BOS (or 1 when it has none). The digest budget is what is left after BOS and the suffix; the tokens of
// the joined prompt are checked after encoding, and the digest is rebuilt smaller when a
// tokenizer merges differently across lines than line by line (a Llama tokenizer with its
// leading-space convention does). `digestOut` receives the digest the ids were built from.
std::vector<std::int64_t> promptTokens(const Tokenizer &tokenizer, const QString &logText,
                                       int maxPromptTokens, LogDigest *digestOut = nullptr);

} // namespace lab
