#pragma once
// The label-quality tables: per annotator (verdicts, gold accuracy, left-side win rate, verbosity
// bias) and per pair of annotators (shared pairs, observed agreement, Cohen's kappa). Undefined
// figures (NaN: no gold votes, no shared pairs...) show as a dash with a tooltip saying why.
#include "core/label/label_quality.h"

#include <QAbstractTableModel>

namespace lab {

// Text for a figure that may be undefined.
QString qualityNumber(double value, int decimals);  // "0.62", "–" for NaN
QString qualityPercent(double value);               // "55%", "–" for NaN
inline const QString kUndefinedFigure = QStringLiteral("–");

// A left-side win rate this far from 50% (in standard errors of a fair coin) over at least
// kPositionBiasMinVotes sided verdicts is flagged: by chance it happens about once in a hundred.
inline constexpr double kPositionBiasZ = 2.58;
inline constexpr qint64 kPositionBiasMinVotes = 20;
bool positionBiasFlagged(const AnnotatorQuality &quality);

class AnnotatorQualityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, VotesColumn, GoldColumn, LeftWinColumn, LengthDifferenceColumn, LongerChosenColumn,
                  ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QVector<AnnotatorQuality> &rows);
    const QVector<AnnotatorQuality> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVector<AnnotatorQuality> m_rows;
};

class AgreementModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { FirstColumn, SecondColumn, SharedColumn, ObservedColumn, KappaColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QVector<AgreementPair> &rows);
    const QVector<AgreementPair> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Landis and Koch's words for a kappa ("moderate"); empty for NaN.
    static QString kappaWords(double kappa);

private:
    QVector<AgreementPair> m_rows;
};

} // namespace lab
