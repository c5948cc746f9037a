#include "ui/row_map.h"

#include <algorithm>

namespace lab {

RowMap::RowMap(std::vector<qint64> lines)
    : m_lines(std::make_shared<const std::vector<qint64>>(std::move(lines)))
{
}

qint64 RowMap::rowCount(qint64 lineCount) const
{
    if (!m_lines)
        return lineCount;
    // Lines past the current count can exist while a file is still being indexed.
    const auto end = std::lower_bound(m_lines->begin(), m_lines->end(), lineCount);
    return qint64(end - m_lines->begin());
}

qint64 RowMap::rowOf(qint64 line) const
{
    if (!m_lines)
        return line;
    const auto it = std::lower_bound(m_lines->begin(), m_lines->end(), line);
    return (it != m_lines->end() && *it == line) ? qint64(it - m_lines->begin()) : -1;
}

qint64 RowMap::rowAtOrAfter(qint64 line, qint64 lineCount) const
{
    if (!m_lines)
        return std::min(line, lineCount);
    const auto it = std::lower_bound(m_lines->begin(), m_lines->end(), line);
    return std::min(qint64(it - m_lines->begin()), rowCount(lineCount));
}

} // namespace lab
