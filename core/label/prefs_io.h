#pragma once
// Preference interchange: votes out to JSON lines that TRL-style trainers read, and back in.
//
// `trl` writes one line per A/B verdict:
//   {"prompt","chosen","rejected", ...}
// `unpaired` writes one line per judged completion (KTO style):
//   {"prompt","completion","label", ...}  (label true: chosen; both-bad gives two false lines)
// Ties (and, for trl, both-bad) have no chosen/rejected and skips have no verdict: they are
// left out and counted. The prompt is explanationPrompt(digestLog(log)) -- the text the model is
// trained and asked on (core/logs/log_digest.h) -- or, for an incident that came from a
// preference file, the file's prompt exactly.
//
// The extra keys make the round trip lossless: pair_id, chosen_candidate ("a"/"b"; unpaired:
// candidate), choice, annotator, annotator_kind, shown_left ("a"/"b"), tags, rationale,
// guideline_version, incident_kind, created_at (UTC, ISO 8601 with milliseconds).
//
// Import reads either format (told apart per file by the keys of its lines), validates every
// line before writing anything, and writes in one transaction. A line goes to an existing pair
// when its pair_id names a pair with the same two texts, or when a pair of an incident imported
// from the same prompt has them; otherwise it creates an imported incident (its log is the prompt
// without the "### Explanation:" cue), the explanations and the pair. Votes are upserts keyed by
// (annotator, pair), so importing a file twice changes nothing.
#include "core/common/progress.h"
#include "core/common/result.h"

#include <QDateTime>
#include <QIODevice>
#include <QString>
#include <QStringList>

namespace lab {

class Store;

enum class PrefsFormat { Trl, Unpaired };
QString prefsFormatId(PrefsFormat format); // "trl", "unpaired"
std::optional<PrefsFormat> prefsFormatFromId(const QString &id);

struct PrefsExportOptions
{
    PrefsFormat format = PrefsFormat::Trl;
    QString annotator; // only this annotator's votes; empty: everyone's
    QDateTime since;   // only votes created at or after; invalid: all
};

struct ExportSummary
{
    qint64 votes = 0;   // votes read (after the filters)
    qint64 written = 0; // lines written
    qint64 ties = 0;    // left out
    qint64 bothBad = 0; // left out of trl; two false lines each in unpaired
    qint64 skips = 0;   // left out
    qint64 noLog = 0;   // left out: the pair's incident has no log, so there is no prompt
};

// Writes to `out` (opened for writing). Errors name the database, or say the device failed.
Result<ExportSummary> exportPreferences(Store &store, QIODevice &out, const PrefsExportOptions &options = {},
                                        const ProgressCallback &progress = {});

struct PrefsImportOptions
{
    bool skipBadLines = false; // import the good lines of a file that has bad ones
    QString annotator;         // sign every vote with this name instead of the lines' "annotator"
    QString source;            // the file's name in messages; empty: "input"
};

struct ImportSummary
{
    QString format;              // "trl" or "unpaired"; empty when no line could be read
    qint64 lines = 0;            // non-blank lines
    qint64 badLines = 0;
    qint64 imported = 0;         // votes written (an unchanged re-import still counts)
    qint64 incidentsCreated = 0;
    qint64 pairsCreated = 0;
    QStringList errors;          // "line 7: 'chosen' is missing", in line order
    bool wroteNothing() const { return imported == 0; }
};

// Result error: the database failed (nothing is kept). A file with bad lines is not an error of
// this function: the summary lists them and, without skipBadLines, nothing was imported.
Result<ImportSummary> importPreferences(Store &store, QIODevice &in, const PrefsImportOptions &options = {},
                                        const ProgressCallback &progress = {});

} // namespace lab
