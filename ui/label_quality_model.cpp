#include "ui/label_quality_model.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <cmath>

namespace lab {

QString qualityNumber(double value, int decimals)
{
    if (!std::isfinite(value))
        return kUndefinedFigure;
    // "-0.00" would suggest a sign that is not there.
    if (std::abs(value) < 0.5 * std::pow(10.0, -decimals))
        value = 0.0;
    return QLocale().toString(value, 'f', decimals);
}

QString qualityPercent(double value)
{
    if (!std::isfinite(value))
        return kUndefinedFigure;
    return QStringLiteral("%1%").arg(QLocale().toString(100.0 * value, 'f', 0));
}

bool positionBiasFlagged(const AnnotatorQuality &quality)
{
    const qint64 n = quality.sidedVotes;
    if (n < kPositionBiasMinVotes || !std::isfinite(quality.leftWinRate))
        return false;
    const double z = (double(quality.leftWins) - 0.5 * double(n)) / std::sqrt(0.25 * double(n));
    return std::abs(z) >= kPositionBiasZ;
}

namespace {
const QColor kWarningBackground(0xfe, 0xf3, 0xc7);
const QColor kWarningText(0x92, 0x40, 0x0e);
const QColor kMutedText(0x6b, 0x72, 0x80);
} // namespace

// --- AnnotatorQualityModel ---

void AnnotatorQualityModel::setRows(const QVector<AnnotatorQuality> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int AnnotatorQualityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnnotatorQualityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnnotatorQualityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AnnotatorQuality &q = m_rows[index.row()];
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return q.name;
        case VotesColumn: return locale.toString(q.votes);
        case GoldColumn:
            if (q.goldVotes == 0)
                return kUndefinedFigure;
            return tr("%1 (%2/%3)").arg(qualityPercent(q.goldAccuracy), locale.toString(q.goldCorrect),
                                        locale.toString(q.goldVotes));
        case LeftWinColumn:
            if (q.sidedVotes == 0)
                return kUndefinedFigure;
            return tr("%1 (%2/%3)").arg(qualityPercent(q.leftWinRate), locale.toString(q.leftWins),
                                        locale.toString(q.sidedVotes));
        case LengthDifferenceColumn: {
            const QString text = qualityNumber(q.meanLengthDifference, 1);
            return std::isfinite(q.meanLengthDifference) && q.meanLengthDifference > 0.05
                       ? QStringLiteral("+") + text
                       : text;
        }
        case LongerChosenColumn: return qualityPercent(q.longerChosenRate);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::BackgroundRole:
        if (index.column() == LeftWinColumn && positionBiasFlagged(q))
            return QBrush(kWarningBackground);
        break;
    case Qt::ForegroundRole:
        if (index.column() == LeftWinColumn && positionBiasFlagged(q))
            return QBrush(kWarningText);
        if (index.column() != NameColumn && index.data(Qt::DisplayRole).toString() == kUndefinedFigure)
            return QBrush(kMutedText);
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case VotesColumn: return tr("%1 verdicts (skips left out)").arg(locale.toString(q.votes));
        case GoldColumn:
            return q.goldVotes == 0 ? tr("No verdicts on gold pairs yet, so no accuracy")
                                    : tr("%1 of %2 verdicts on gold pairs match the known answer")
                                          .arg(locale.toString(q.goldCorrect), locale.toString(q.goldVotes));
        case LeftWinColumn:
            if (q.sidedVotes == 0)
                return tr("No A-better or B-better verdicts yet");
            if (positionBiasFlagged(q))
                return tr("The left pane won %1 of %2 sided verdicts (%3): too far from 50% to be chance. "
                          "This annotator may favour the %4 side.")
                    .arg(locale.toString(q.leftWins), locale.toString(q.sidedVotes), qualityPercent(q.leftWinRate),
                         q.leftWinRate > 0.5 ? tr("left") : tr("right"));
            if (q.sidedVotes < kPositionBiasMinVotes)
                return tr("The left pane won %1 of %2 sided verdicts; too few to judge a bias (%3 needed)")
                    .arg(locale.toString(q.leftWins), locale.toString(q.sidedVotes),
                         locale.toString(kPositionBiasMinVotes));
            return tr("The left pane won %1 of %2 sided verdicts: no sign of a position bias")
                .arg(locale.toString(q.leftWins), locale.toString(q.sidedVotes));
        case LengthDifferenceColumn:
        case LongerChosenColumn:
            return std::isfinite(q.meanLengthDifference)
                       ? tr("Mean words of the chosen minus the rejected explanation: %1; chose the longer one in %2 "
                            "of the sided verdicts where the lengths differ")
                             .arg(qualityNumber(q.meanLengthDifference, 1), qualityPercent(q.longerChosenRate))
                       : tr("No A-better or B-better verdicts yet");
        }
        break;
    }
    return {};
}

QVariant AnnotatorQualityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("Annotator");
        case VotesColumn: return tr("Votes");
        case GoldColumn: return tr("Gold accuracy");
        case LeftWinColumn: return tr("Left wins");
        case LengthDifferenceColumn: return tr("Δ words");
        case LongerChosenColumn: return tr("Chose longer");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case VotesColumn: return tr("Verdicts given: A better, B better, tie, both bad. Skips are not counted.");
        case GoldColumn:
            return tr("Accuracy on gold pairs: pairs whose right answer is known, mixed into the queue to check "
                      "annotators. Shown with correct/total; a dash until the annotator has voted on one.");
        case LeftWinColumn:
            return tr("Left-side win rate (position bias): the share of A-better/B-better verdicts that chose the "
                      "explanation shown on the left. Sides are random, so an unbiased annotator is near 50%. "
                      "Highlighted when it is too far from 50% to be chance (at least %1 verdicts).")
                .arg(kPositionBiasMinVotes);
        case LengthDifferenceColumn:
            return tr("Verbosity bias: mean number of words of the chosen explanation minus the rejected one, over "
                      "A-better/B-better verdicts. Large positive values mean longer answers win.");
        case LongerChosenColumn:
            return tr("Verbosity bias: share of A-better/B-better verdicts that chose the longer explanation "
                      "(pairs of equal length left out). Good explanations are usually concise, so a high share "
                      "suggests length is being rewarded.");
        }
    }
    return {};
}

// --- AgreementModel ---

void AgreementModel::setRows(const QVector<AgreementPair> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int AgreementModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AgreementModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AgreementModel::kappaWords(double kappa)
{
    if (!std::isfinite(kappa))
        return {};
    if (kappa < 0)
        return tr("worse than chance");
    if (kappa <= 0.20)
        return tr("slight");
    if (kappa <= 0.40)
        return tr("fair");
    if (kappa <= 0.60)
        return tr("moderate");
    if (kappa <= 0.80)
        return tr("substantial");
    return tr("almost perfect");
}

QVariant AgreementModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AgreementPair &p = m_rows[index.row()];
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FirstColumn: return p.name1;
        case SecondColumn: return p.name2;
        case SharedColumn: return locale.toString(p.sharedPairs);
        case ObservedColumn: return qualityPercent(p.observedAgreement);
        case KappaColumn: return qualityNumber(p.kappa, 2);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= SharedColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        if (index.column() == KappaColumn && !std::isfinite(p.kappa))
            return QBrush(kMutedText);
        break;
    case Qt::ToolTipRole:
        if (index.column() == KappaColumn) {
            if (!std::isfinite(p.kappa))
                return tr("Undefined: both gave one and the same verdict on every shared pair, so chance "
                          "agreement is already 100%");
            return tr("κ = %1 (%2 agreement) over %3 shared pairs")
                .arg(qualityNumber(p.kappa, 3), kappaWords(p.kappa), locale.toString(p.sharedPairs));
        }
        if (index.column() == ObservedColumn)
            return tr("They gave the same verdict on %1 of %2 shared pairs")
                .arg(qualityPercent(p.observedAgreement), locale.toString(p.sharedPairs));
        break;
    }
    return {};
}

QVariant AgreementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case FirstColumn: return tr("Annotator");
        case SecondColumn: return tr("Annotator");
        case SharedColumn: return tr("Shared pairs");
        case ObservedColumn: return tr("Agreement");
        case KappaColumn: return tr("Cohen's κ");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case SharedColumn: return tr("Pairs both annotators gave a verdict on (skips left out)");
        case ObservedColumn: return tr("Share of shared pairs with the same verdict");
        case KappaColumn:
            return tr("Cohen's kappa: agreement corrected for chance, (observed − expected) / (1 − expected), where "
                      "expected comes from each annotator's own mix of verdicts. 1 is perfect, 0 is chance level, "
                      "below 0 worse than chance. Landis & Koch: 0.41–0.60 moderate, 0.61–0.80 substantial.");
        }
    }
    return {};
}

} // namespace lab
