#pragma once
// Drain-style online template mining (He et al., "Drain: An Online Log Parsing Approach with
// Fixed Depth Tree", ICWS 2017), as in logpai/logparser's reference implementation:
// a message is masked, split on whitespace and routed through a fixed-depth prefix tree
// (token count, then the first depth-3 tokens); at the leaf it joins the most similar template
// if the share of equal tokens reaches the threshold, else it starts a new template. Positions
// where a joining line differs become `<*>`.
//
// Speed: tokens are interned to 32-bit ids once, the tree and the templates hold ids only, and
// per-line scratch buffers are reused, so a steady-state add() does no heap allocation.
#include "core/logs/template_masking.h"

#include <QByteArrayView>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringView>
#include <memory>
#include <vector>

namespace lab {

struct TemplateMinerConfig
{
    // Depth of the prefix tree as Drain counts it: the root, the token-count layer, depth-3
    // layers keyed by the message's first tokens, and the leaf holding templates (5: two tokens).
    // Drain's paper default is 4 with similarity 0.5; 5 and 0.6 group the eight loghub systems
    // at least as well as the per-system settings Drain published (one setting for all formats).
    int depth = 5;
    // A line joins a template when at least this share of its tokens equal the template's
    // (wildcards in the template do not count as equal). A template that already covers the
    // line (equal wherever it is not `<*>`) is always joined.
    double similarity = 0.6;
    // Children per tree node before further distinct first tokens share one `<*>` child.
    int maxChildren = 100;
    TemplateMaskOptions masks;
    // More masks, applied before the built-in ones: every match becomes `<*>`. Slower (they run
    // on a QString per line), so only for what the built-in masks cannot express.
    QList<QRegularExpression> extraMasks;
};

struct TemplateInfo
{
    int id = 0;       // stable: the order in which templates were first seen, from 0
    QString text;     // the current template, tokens joined by single spaces
    qint64 count = 0; // lines assigned to it so far
};

// The display name of a template id in the CLI, the GUI and JSON: "T1" for id 0.
QString templateLabel(int id);

class TemplateMiner
{
public:
    explicit TemplateMiner(TemplateMinerConfig config = {});
    ~TemplateMiner();
    TemplateMiner(TemplateMiner &&) noexcept;
    TemplateMiner &operator=(TemplateMiner &&) noexcept;

    // Mines one message (the line's content, not its header) and returns its template id.
    // An empty or all-blank message gets its own template with empty text.
    int add(QByteArrayView utf8Message);
    int add(QStringView message);

    int templateCount() const;
    // The current text of a template; it can still gain wildcards as more lines arrive.
    QString templateText(int id) const;
    qint64 templateLineCount(int id) const;
    std::vector<TemplateInfo> templates() const;

    const TemplateMinerConfig &config() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace lab
