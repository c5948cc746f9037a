#pragma once
// How far the labels can be trusted: agreement between annotators (Cohen's kappa per pair of
// annotators, Krippendorff's alpha over everyone), each annotator's accuracy on gold pairs, and
// the two biases a comparison screen invites -- preferring the side shown left, and preferring the
// longer explanation.
//
// Categories are the four verdicts in candidate terms (a_better, b_better, tie, both_bad); skips
// are no verdict and are left out everywhere.
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/store/records.h"

#include <QString>
#include <QVector>
#include <array>
#include <limits>

namespace lab {

class Store;

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The verdict categories the agreement measures use (skip has none: -1).
inline constexpr int kVerdictCategories = 4;
int verdictCategory(VoteChoice choice); // a_better 0, b_better 1, tie 2, both_bad 3, skip -1

// Cohen's kappa of two raters who rated the same items (rater1[i] and rater2[i] rate item i) with
// values in [0, categories). NaN when it is undefined: no items, sizes differ, a value out of
// range, or chance agreement is 1 (both raters always gave the one same value).
double cohenKappa(const QVector<int> &rater1, const QVector<int> &rater2, int categories);

// Krippendorff's alpha for nominal data. Each unit lists the values it received (any number of
// raters; missing ratings are simply absent). Units with fewer than two values are not pairable
// and are left out. NaN when fewer than two pairable values exist or all of them are equal
// (no disagreement is possible, so reliability is undefined).
double krippendorffAlphaNominal(const QVector<QVector<int>> &units);

// Accumulates the coincidence matrix unit by unit, so alpha over a million votes needs no list of
// units in memory. Values must lie in [0, categories).
class NominalAlpha
{
public:
    explicit NominalAlpha(int categories);
    void addUnit(const QVector<int> &values); // values outside the range are ignored
    double alpha() const;
    double pairableValues() const { return m_total; }

private:
    int m_categories;
    QVector<double> m_coincidence; // categories x categories, row-major
    double m_total = 0;
};

struct AnnotatorQuality
{
    qint64 annotatorId = 0;
    QString name;
    qint64 votes = 0;         // verdicts (skips left out)
    qint64 goldVotes = 0;     // verdicts on gold pairs
    qint64 goldCorrect = 0;   // ... equal to the pair's known answer
    double goldAccuracy = kNaN;
    qint64 sidedVotes = 0;    // a_better / b_better verdicts
    qint64 leftWins = 0;      // ... for the candidate shown on the left
    double leftWinRate = kNaN;
    double meanLengthDifference = kNaN; // words of chosen minus rejected, over sided verdicts
    double longerChosenRate = kNaN;     // share choosing the longer one, over sided verdicts whose
                                        // two explanations differ in length
};

struct AgreementPair
{
    qint64 annotator1 = 0, annotator2 = 0; // annotator1 < annotator2
    QString name1, name2;
    qint64 sharedPairs = 0;   // pairs both gave a verdict on
    double observedAgreement = kNaN;
    double kappa = kNaN;
};

struct LabelQuality
{
    QVector<AnnotatorQuality> annotators; // by name
    QVector<AgreementPair> agreement;     // annotator pairs with at least one shared pair
    double krippendorffAlpha = kNaN;      // over every pair with two or more verdicts
    qint64 pairsWithTwoVotes = 0;
    qint64 votes = 0;                     // verdicts
    qint64 skips = 0;
};

// Whitespace-separated words: the unit of the verbosity measures.
int wordCount(const QString &text);

// Reads the votes pair range by pair range (pages of a few thousand pairs), so memory holds one
// page and counters, never the whole table. `progress` gets (pairs read, pairs) and may cancel.
Result<LabelQuality> computeLabelQuality(Store &store, const ProgressCallback &progress = {});

} // namespace lab
