#pragma once
// Which log lines a filtered view shows, in order: row -> line number and back. An empty map means
// "every line" so that the unfiltered 10-million-line case costs no memory. Immutable and shared,
// so a background search can hold the same map the view paints from.
#include <QtGlobal>
#include <memory>
#include <vector>

namespace lab {

class RowMap
{
public:
    RowMap() = default; // identity: row i is line i
    explicit RowMap(std::vector<qint64> lines);

    bool isIdentity() const { return !m_lines; }
    // Rows visible when the file has `lineCount` lines (a filter may list fewer lines than exist).
    qint64 rowCount(qint64 lineCount) const;
    qint64 lineAt(qint64 row) const { return m_lines ? (*m_lines)[size_t(row)] : row; }
    // The row showing `line`, or -1 if the filter hides it.
    qint64 rowOf(qint64 line) const;
    // The first row whose line is >= `line` (rowCount if none): where "go to line" lands when the
    // line itself is hidden.
    qint64 rowAtOrAfter(qint64 line, qint64 lineCount) const;

private:
    std::shared_ptr<const std::vector<qint64>> m_lines;
};

} // namespace lab
