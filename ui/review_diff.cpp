#include "ui/review_diff.h"

#include <QColor>
#include <QRegularExpression>
#include <QTextCursor>
#include <QTextDocument>

namespace lab {

QVector<WordSpan> splitWords(const QString &text)
{
    static const QRegularExpression kWord(QStringLiteral("[\\w][\\w\\-.:/#]*"),
                                          QRegularExpression::UseUnicodePropertiesOption);
    QVector<WordSpan> words;
    auto it = kWord.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        int length = int(m.capturedLength());
        // "disk." and "pod:" end a sentence or a clause; the word is without the mark.
        while (length > 1 && QStringLiteral(".:/#-").contains(text.at(m.capturedStart() + length - 1)))
            --length;
        words.append({int(m.capturedStart()), length});
    }
    return words;
}

WordDiff wordDiff(const QString &a, const QString &b)
{
    const QVector<WordSpan> wa = splitWords(a), wb = splitWords(b);
    QStringList ka, kb;
    for (const WordSpan &w : wa)
        ka << a.mid(w.start, w.length).toCaseFolded();
    for (const WordSpan &w : wb)
        kb << b.mid(w.start, w.length).toCaseFolded();
    const int n = int(ka.size()), m = int(kb.size());
    // lcs[i][j]: the LCS length of ka[i..] and kb[j..], in one flat table.
    QVector<int> lcs((n + 1) * (m + 1), 0);
    const auto at = [m](int i, int j) { return i * (m + 1) + j; };
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j)
            lcs[at(i, j)] = ka[i] == kb[j] ? lcs[at(i + 1, j + 1)] + 1 : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
    WordDiff diff;
    int i = 0, j = 0;
    while (i < n && j < m) {
        if (ka[i] == kb[j]) {
            ++diff.commonWords;
            ++i;
            ++j;
        } else if (lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) {
            diff.onlyInA.append(wa[i++]);
        } else {
            diff.onlyInB.append(wb[j++]);
        }
    }
    while (i < n)
        diff.onlyInA.append(wa[i++]);
    while (j < m)
        diff.onlyInB.append(wb[j++]);
    return diff;
}

void tintSpans(QTextDocument *document, const QVector<WordSpan> &spans, const QColor &background)
{
    if (!document)
        return;
    const int end = document->characterCount() - 1; // the last character is the paragraph end
    QTextCharFormat format;
    format.setBackground(background);
    QTextCursor cursor(document);
    for (const WordSpan &s : spans) {
        if (s.start < 0 || s.start + s.length > end)
            continue;
        cursor.setPosition(s.start);
        cursor.setPosition(s.start + s.length, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(format);
    }
}

} // namespace lab
