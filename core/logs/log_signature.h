#pragma once
// The template signature of a log's failure: a short hash of what went wrong, with the
// identifiers taken out, so that two incidents with the same failure share it whatever their
// executor ids, pods, buckets or timestamps. The labeling queue stratifies by it, so 50 copies of
// one failure are not labeled 50 times before another failure is seen once.
#include <QString>
#include <QStringList>

namespace lab {

// The masked templates (core/logs/template_masking.h) of the log's failure lines: lines at
// ERROR or worse, and lines that name a failure (exception, failed, denied, killed, ...), in
// the log's detected format. Sorted and unique; at most kMaxSignatureTemplates of them.
QStringList logFailureTemplates(const QString &logText);

// 16 lower-case hex characters hashing logFailureTemplates(); empty when the log has no
// failure line (such logs form one group per incident kind).
QString logSignature(const QString &logText);

inline constexpr int kMaxSignatureTemplates = 64;

} // namespace lab
