#pragma once
// Word-level difference of two explanations, for the review view's side-by-side panes: which
// words of A the B text does not keep, and which words B adds. A longest common subsequence over
// case-folded words (explanations are a few dozen to a few hundred words, so the quadratic table
// is a fraction of a millisecond); punctuation around a word does not make it differ.
#include <QString>
#include <QVector>

class QTextDocument;
class QColor;

namespace lab {

struct WordSpan
{
    int start = 0;  // position in the text (QString index)
    int length = 0;
    bool operator==(const WordSpan &o) const { return start == o.start && length == o.length; }
};

struct WordDiff
{
    QVector<WordSpan> onlyInA; // words of A that B does not keep, in text order
    QVector<WordSpan> onlyInB; // words B adds, in text order
    int commonWords = 0;
};

// The words of a text (runs of letters, digits and the joiners _ - . : / # that identifiers use,
// without trailing punctuation), with their positions.
QVector<WordSpan> splitWords(const QString &text);
WordDiff wordDiff(const QString &a, const QString &b);

// Paints `spans` of `document` (whose plain text is the text the spans were computed on) with a
// background tint, keeping the other character formats (the identifier marks).
void tintSpans(QTextDocument *document, const QVector<WordSpan> &spans, const QColor &background);

} // namespace lab
