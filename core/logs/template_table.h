#pragma once
// Template mining over a whole log: the per-line template id and the template table, for
// `rlhf-lab-cli logs templates` and the GUI's template panel (count per template, click to filter).
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/logs/log_format.h"
#include "core/logs/template_miner.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <vector>

namespace lab {

class LogFile;

struct TemplateTable
{
    LogFormat format = LogFormat::Plain; // the format whose message part was mined
    std::vector<TemplateInfo> templates; // indexed by template id
    std::vector<int> lineTemplates;      // one template id per line, in order

    // Template ids, most lines first (ties by id): the order a person wants to read them in.
    std::vector<int> idsByCount() const;
    // {"templates":[{"id":"T1","template":"...","count":N},...],"line_templates":["T1",...],
    //  "format":"..."}: templates in id order, one line_templates entry per line.
    QJsonObject toJson() const;
};

// Mines the message of every line of an opened LogFile (lines indexed so far): the header
// (time, level, source) is parsed away with the file's format; lines that do not fit it
// (continuations, stack frames) are mined whole. `progress` gets lines done and the total;
// returning false cancels, which fails.
Result<TemplateTable> mineTemplates(const LogFile &file, const TemplateMinerConfig &config = {},
                                    const ProgressCallback &progress = {});

// Opens, indexes and mines `path` in the calling thread (CLI, tests). Progress runs over both
// passes: indexing reports the first half, mining the second.
Result<TemplateTable> mineTemplatesFromFile(const QString &path,
                                            const TemplateMinerConfig &config = {},
                                            const ProgressCallback &progress = {});

// Mines messages already separated from their headers (one per line).
Result<TemplateTable> mineTemplates(const QList<QByteArray> &messages,
                                    const TemplateMinerConfig &config = {},
                                    const ProgressCallback &progress = {});

} // namespace lab
