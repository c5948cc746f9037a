#include "core/label/label_quality.h"

#include "core/store/store.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <vector>

namespace lab {

int verdictCategory(VoteChoice choice)
{
    switch (choice) {
    case VoteChoice::ABetter: return 0;
    case VoteChoice::BBetter: return 1;
    case VoteChoice::Tie: return 2;
    case VoteChoice::BothBad: return 3;
    case VoteChoice::Skip: return -1;
    }
    return -1;
}

namespace {

// Kappa from a categories x categories confusion matrix (row: rater 1, column: rater 2).
double kappaFromMatrix(const QVector<double> &m, int categories, double *observed = nullptr)
{
    double n = 0, agree = 0;
    QVector<double> rows(categories, 0.0), cols(categories, 0.0);
    for (int i = 0; i < categories; ++i) {
        for (int j = 0; j < categories; ++j) {
            const double v = m[i * categories + j];
            n += v;
            rows[i] += v;
            cols[j] += v;
            if (i == j)
                agree += v;
        }
    }
    if (n <= 0)
        return kNaN;
    const double po = agree / n;
    if (observed)
        *observed = po;
    double pe = 0;
    for (int k = 0; k < categories; ++k)
        pe += (rows[k] / n) * (cols[k] / n);
    // pe == 1 only when both raters used one and the same category throughout.
    if (pe >= 1.0 - 1e-12)
        return kNaN;
    return (po - pe) / (1.0 - pe);
}

} // namespace

double cohenKappa(const QVector<int> &rater1, const QVector<int> &rater2, int categories)
{
    if (categories < 1 || rater1.size() != rater2.size() || rater1.isEmpty())
        return kNaN;
    QVector<double> m(categories * categories, 0.0);
    for (qsizetype i = 0; i < rater1.size(); ++i) {
        const int a = rater1[i], b = rater2[i];
        if (a < 0 || a >= categories || b < 0 || b >= categories)
            return kNaN;
        m[a * categories + b] += 1;
    }
    return kappaFromMatrix(m, categories);
}

NominalAlpha::NominalAlpha(int categories)
    : m_categories(std::max(categories, 1)), m_coincidence(m_categories * m_categories, 0.0)
{
}

void NominalAlpha::addUnit(const QVector<int> &values)
{
    QVector<int> counts(m_categories, 0);
    int m = 0;
    for (int v : values) {
        if (v >= 0 && v < m_categories) {
            ++counts[v];
            ++m;
        }
    }
    if (m < 2)
        return;
    // Each ordered pair of values from different raters of the unit adds 1/(m - 1): the unit's m
    // values then contribute exactly m to the matrix, whatever its number of raters.
    const double weight = 1.0 / double(m - 1);
    for (int c = 0; c < m_categories; ++c) {
        if (counts[c] == 0)
            continue;
        for (int k = 0; k < m_categories; ++k) {
            const double pairs = c == k ? double(counts[c]) * (counts[c] - 1) : double(counts[c]) * counts[k];
            m_coincidence[c * m_categories + k] += pairs * weight;
        }
    }
    m_total += m;
}

double NominalAlpha::alpha() const
{
    // alpha = 1 - D_o / D_e, which for nominal data is
    //   ((n - 1) * sum_c o_cc - sum_c n_c (n_c - 1)) / (n (n - 1) - sum_c n_c (n_c - 1)).
    const double n = m_total;
    if (n < 2)
        return kNaN;
    double diagonal = 0, expectedSame = 0;
    for (int c = 0; c < m_categories; ++c) {
        double nc = 0;
        for (int k = 0; k < m_categories; ++k)
            nc += m_coincidence[c * m_categories + k];
        diagonal += m_coincidence[c * m_categories + c];
        expectedSame += nc * (nc - 1);
    }
    const double denominator = n * (n - 1) - expectedSame;
    if (std::abs(denominator) < 1e-9)
        return kNaN;
    return ((n - 1) * diagonal - expectedSame) / denominator;
}

double krippendorffAlphaNominal(const QVector<QVector<int>> &units)
{
    int categories = 0;
    for (const QVector<int> &unit : units) {
        for (int v : unit) {
            if (v < 0)
                return kNaN;
            categories = std::max(categories, v + 1);
        }
    }
    NominalAlpha alpha(categories);
    for (const QVector<int> &unit : units)
        alpha.addUnit(unit);
    return alpha.alpha();
}

int wordCount(const QString &text)
{
    int words = 0;
    bool inWord = false;
    for (QChar c : text) {
        const bool space = c.isSpace();
        if (!space && !inWord)
            ++words;
        inWord = !space;
    }
    return words;
}

namespace {

struct VoteRow
{
    qint64 pairId = 0;
    qint64 annotatorId = 0;
    int annotatorIndex = 0; // dense index for the agreement table
    int category = -1;
    Candidate shownLeft = Candidate::A;
    qint64 explanationA = 0, explanationB = 0;
    int goldCategory = -1; // -1: not a gold pair
};

struct AnnotatorCounts
{
    AnnotatorQuality quality;
    double lengthDifferenceSum = 0;
    qint64 differentLength = 0;
    qint64 longerChosen = 0;
};

Error sqlFailure(const Store &store, const QString &what, const QSqlQuery &q)
{
    return fail(QStringLiteral("database %1: could not %2: %3").arg(store.path(), what, q.lastError().text()));
}

} // namespace

Result<LabelQuality> computeLabelQuality(Store &store, const ProgressCallback &progress)
{
    auto db = store.connection();
    if (!db.ok())
        return fail(db.error());
    const QString what = QStringLiteral("compute label quality");

    LabelQuality out;
    std::map<qint64, AnnotatorCounts> annotators; // ordered: stable output
    {
        QSqlQuery q(*db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id, name FROM annotators")))
            return sqlFailure(store, what, q);
        while (q.next()) {
            AnnotatorCounts c;
            c.quality.annotatorId = q.value(0).toLongLong();
            c.quality.name = q.value(1).toString();
            annotators[c.quality.annotatorId] = c;
        }
    }
    qint64 minPair = 0, maxPair = -1;
    {
        QSqlQuery q(*db);
        if (!q.exec(QStringLiteral("SELECT MIN(pair_id), MAX(pair_id) FROM comparisons")) || !q.next())
            return sqlFailure(store, what, q);
        if (!q.value(0).isNull()) {
            minPair = q.value(0).toLongLong();
            maxPair = q.value(1).toLongLong();
        }
    }

    // Pages of pair ids: every vote of a pair arrives in the same page, so agreement needs only
    // the votes of one pair at a time, and the comparisons_pair index serves each page.
    constexpr qint64 kPairsPerPage = 4096;
    QSqlQuery votes(*db);
    votes.setForwardOnly(true);
    if (!votes.prepare(QStringLiteral("SELECT c.pair_id, c.annotator_id, c.choice, c.shown_left,"
                                      " p.explanation_a, p.explanation_b, p.gold_choice"
                                      " FROM comparisons c JOIN pairs p ON p.id = c.pair_id"
                                      " WHERE c.pair_id BETWEEN ? AND ? ORDER BY c.pair_id")))
        return sqlFailure(store, what, votes);

    QHash<qint64, int> words; // explanation id -> words (only explanations of sided verdicts)
    NominalAlpha alpha(kVerdictCategories);
    // Agreement counts of every two annotators in one flat table indexed by their dense indexes
    // (a pair with 20 voters adds 190 entries: a tree of id pairs would dominate the run time).
    QHash<qint64, int> denseIndex;
    QVector<qint64> denseIds;
    auto indexOf = [&](qint64 annotatorId) {
        auto it = denseIndex.constFind(annotatorId);
        if (it != denseIndex.constEnd())
            return *it;
        denseIds << annotatorId;
        return *denseIndex.insert(annotatorId, int(denseIds.size() - 1));
    };
    constexpr int kCells = kVerdictCategories * kVerdictCategories;
    std::vector<qint64> agreementCells; // [(i * n + j) * kCells + cell], i < j, grown as annotators appear
    int agreementSize = 0;
    auto cell = [&](int i, int j) -> qint64 * {
        const int needed = std::max(i, j) + 1;
        if (needed > agreementSize) {
            std::vector<qint64> grown(std::size_t(needed) * needed * kCells, 0);
            for (int a = 0; a < agreementSize; ++a)
                for (int b = 0; b < agreementSize; ++b)
                    std::copy_n(&agreementCells[(std::size_t(a) * agreementSize + b) * kCells], kCells,
                                &grown[(std::size_t(a) * needed + b) * kCells]);
            agreementCells.swap(grown);
            agreementSize = needed;
        }
        return &agreementCells[(std::size_t(i) * agreementSize + j) * kCells];
    };

    auto loadWords = [&](const QVector<VoteRow> &rows) -> Status {
        QVector<qint64> missing;
        for (const VoteRow &r : rows) {
            if (r.category != 0 && r.category != 1)
                continue;
            for (qint64 id : {r.explanationA, r.explanationB}) {
                if (!words.contains(id)) {
                    words.insert(id, 0);
                    missing << id;
                }
            }
        }
        constexpr qsizetype kChunk = 500;
        for (qsizetype from = 0; from < missing.size(); from += kChunk) {
            const qsizetype n = std::min(kChunk, missing.size() - from);
            QStringList marks;
            for (qsizetype i = 0; i < n; ++i)
                marks << QString::number(missing[from + i]); // ids are integers: safe inline
            QSqlQuery q(*db);
            q.setForwardOnly(true);
            if (!q.exec(QStringLiteral("SELECT id, text FROM explanations WHERE id IN (") +
                        marks.join(QLatin1Char(',')) + QLatin1Char(')')))
                return sqlFailure(store, what, q);
            while (q.next())
                words[q.value(0).toLongLong()] = wordCount(q.value(1).toString());
        }
        return {};
    };

    auto finishPair = [&](const QVector<VoteRow> &pairVotes) {
        QVector<int> values;
        for (const VoteRow &r : pairVotes)
            values << r.category;
        if (values.size() >= 2) {
            ++out.pairsWithTwoVotes;
            alpha.addUnit(values);
        }
        for (qsizetype i = 0; i < pairVotes.size(); ++i) {
            for (qsizetype j = i + 1; j < pairVotes.size(); ++j) {
                // Always (smaller id, larger id), so each two annotators have one table.
                const bool inOrder = pairVotes[i].annotatorId < pairVotes[j].annotatorId;
                const VoteRow &first = inOrder ? pairVotes[i] : pairVotes[j];
                const VoteRow &second = inOrder ? pairVotes[j] : pairVotes[i];
                cell(first.annotatorIndex, second.annotatorIndex)[first.category * kVerdictCategories + second.category] += 1;
            }
        }
    };

    const qint64 totalPairs = maxPair >= minPair ? maxPair - minPair + 1 : 0;
    for (qint64 low = minPair; low <= maxPair; low += kPairsPerPage) {
        const qint64 high = std::min(maxPair, low + kPairsPerPage - 1);
        votes.bindValue(0, low);
        votes.bindValue(1, high);
        if (!votes.exec())
            return sqlFailure(store, what, votes);
        QVector<VoteRow> rows;
        while (votes.next()) {
            const auto choice = voteChoiceFromString(votes.value(2).toString());
            if (!choice || *choice == VoteChoice::Skip) {
                ++out.skips;
                continue;
            }
            VoteRow r;
            r.pairId = votes.value(0).toLongLong();
            r.annotatorId = votes.value(1).toLongLong();
            r.annotatorIndex = indexOf(r.annotatorId);
            r.category = verdictCategory(*choice);
            r.shownLeft = candidateFromString(votes.value(3).toString()).value_or(Candidate::A);
            r.explanationA = votes.value(4).toLongLong();
            r.explanationB = votes.value(5).toLongLong();
            if (const auto gold = voteChoiceFromString(votes.value(6).toString()))
                r.goldCategory = verdictCategory(*gold);
            rows << r;
        }
        votes.finish();
        if (Status s = loadWords(rows); !s.ok())
            return fail(s.error());

        QVector<VoteRow> pairVotes;
        for (const VoteRow &r : std::as_const(rows)) {
            if (!pairVotes.isEmpty() && pairVotes.front().pairId != r.pairId) {
                finishPair(pairVotes);
                pairVotes.clear();
            }
            pairVotes << r;

            ++out.votes;
            AnnotatorCounts &a = annotators[r.annotatorId];
            a.quality.annotatorId = r.annotatorId;
            ++a.quality.votes;
            if (r.goldCategory >= 0) {
                ++a.quality.goldVotes;
                a.quality.goldCorrect += r.category == r.goldCategory ? 1 : 0;
            }
            if (r.category == 0 || r.category == 1) {
                const Candidate chosen = r.category == 0 ? Candidate::A : Candidate::B;
                ++a.quality.sidedVotes;
                a.quality.leftWins += chosen == r.shownLeft ? 1 : 0;
                const int chosenWords = words.value(chosen == Candidate::A ? r.explanationA : r.explanationB);
                const int rejectedWords = words.value(chosen == Candidate::A ? r.explanationB : r.explanationA);
                a.lengthDifferenceSum += chosenWords - rejectedWords;
                if (chosenWords != rejectedWords) {
                    ++a.differentLength;
                    a.longerChosen += chosenWords > rejectedWords ? 1 : 0;
                }
            }
        }
        if (!pairVotes.isEmpty())
            finishPair(pairVotes);
        if (!reportProgress(progress, high - minPair + 1, totalPairs))
            return fail(QStringLiteral("label quality of %1 cancelled").arg(store.path()));
    }

    for (auto &[id, a] : annotators) {
        AnnotatorQuality q = a.quality;
        if (q.goldVotes > 0)
            q.goldAccuracy = double(q.goldCorrect) / double(q.goldVotes);
        if (q.sidedVotes > 0) {
            q.leftWinRate = double(q.leftWins) / double(q.sidedVotes);
            q.meanLengthDifference = a.lengthDifferenceSum / double(q.sidedVotes);
        }
        if (a.differentLength > 0)
            q.longerChosenRate = double(a.longerChosen) / double(a.differentLength);
        out.annotators << q;
    }
    std::sort(out.annotators.begin(), out.annotators.end(),
              [](const AnnotatorQuality &x, const AnnotatorQuality &y) { return x.name < y.name; });
    for (int i = 0; i < agreementSize; ++i) {
        for (int j = 0; j < agreementSize; ++j) {
            const qint64 *counts = &agreementCells[(std::size_t(i) * agreementSize + j) * kCells];
            QVector<double> matrix(kCells);
            qint64 shared = 0;
            for (int k = 0; k < kCells; ++k) {
                matrix[k] = double(counts[k]);
                shared += counts[k];
            }
            if (shared == 0)
                continue;
            AgreementPair p;
            p.annotator1 = denseIds[i];
            p.annotator2 = denseIds[j];
            p.name1 = annotators[p.annotator1].quality.name;
            p.name2 = annotators[p.annotator2].quality.name;
            p.sharedPairs = shared;
            p.kappa = kappaFromMatrix(matrix, kVerdictCategories, &p.observedAgreement);
            out.agreement << p;
        }
    }
    std::sort(out.agreement.begin(), out.agreement.end(), [](const AgreementPair &x, const AgreementPair &y) {
        return std::tie(x.name1, x.name2) < std::tie(y.name1, y.name2);
    });
    out.krippendorffAlpha = alpha.alpha();
    return out;
}

} // namespace lab
