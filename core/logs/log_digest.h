#pragma once
// The log digest: what a small model (lab-tiny, 512 tokens of context) sees of a log that may run
// to thousands of lines. It keeps what an on-call engineer would keep when skimming: the lines
// that show the cause, a few that show the symptom, none of the chatter; compacted so that the
// identifiers survive and cheap-to-drop tokens (timestamps, request ids, user agents) go.
//
// Training (SFT, reward, DPO, PPO) and explaining build the prompt through explanationPrompt() on
// the same digest, so the model never sees a log shaped differently at inference time.
#include <QList>
#include <QString>
#include <functional>

namespace lab {

struct LogDigestOptions
{
    int maxTokens = 360; // budget for the digest text
    // Tokens of one line (without its '\n'); unset: (chars + 2) / 3.
    std::function<int(const QString &)> countTokens;
    int maxLineChars = 240; // longer lines are compacted/cut
};

struct LogDigest
{
    QString text; // the kept lines (compacted), in log order, '\n'-joined, no trailing '\n'
    QList<int> sourceLines; // 1-based line numbers in the original log of the lines kept
    int totalLines = 0;
    int omittedLines = 0;
};

// Deterministic and total: any bytes (empty, binary, 100 MB) give a digest whose lines, counted
// with options.countTokens (one token per line for the '\n' joining them), fit options.maxTokens.
// Very large logs are read from their tail only (failures are at the end); totalLines still
// counts every line.
LogDigest digestLog(const QString &logText, const LogDigestOptions &options = {});

// digest.text + "\n### Explanation:\n" (the prompt both training and explaining use)
QString explanationPrompt(const QString &digestText);

} // namespace lab
