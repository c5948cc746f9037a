// rlhf-lab-cli label quality --db F [--json]: agreement, gold accuracy and biases of the votes.
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/label/label_quality.h"
#include "core/store/store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <cmath>

namespace lab::cli {
namespace {

// JSON has no NaN: an undefined figure is null.
QJsonValue number(double value)
{
    return std::isnan(value) ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QString text(double value, int decimals = 3)
{
    return std::isnan(value) ? QStringLiteral("-") : QString::number(value, 'f', decimals);
}

int runLabelQuality(const QStringList &args)
{
    QCommandLineParser parser;
    const ProjectArgs project(parser, QStringLiteral("Project database."));
    if (int code = parseOrExit(parser, QStringLiteral("label quality"),
                               QStringLiteral("How far the votes can be trusted: agreement between annotators on pairs two of "
                                              "them judged (Cohen's kappa, Krippendorff's alpha), accuracy on gold pairs, "
                                              "left-side win rate (position bias) and chosen-minus-rejected length "
                                              "(verbosity bias). Skips are left out; '-' or null: undefined."),
                               args);
        code >= 0)
        return code;
    if (!project.dbPath().isEmpty() && !QFileInfo::exists(project.dbPath()))
        return fail(QStringLiteral("there is no database %1").arg(project.dbPath()));
    std::shared_ptr<Store> store;
    if (int code = project.openStore(QStringLiteral("label quality"), store); code >= 0)
        return code;
    ProgressBar bar(QStringLiteral("reading votes"));
    auto quality = computeLabelQuality(*store, [&](qint64 done, qint64 total) { return bar.update(done, total); });
    bar.finish();
    if (!quality)
        return fail(quality.error());

    if (project.json()) {
        QJsonArray annotators;
        for (const AnnotatorQuality &a : std::as_const(quality->annotators)) {
            annotators.append(QJsonObject{{QStringLiteral("id"), a.annotatorId},
                                          {QStringLiteral("name"), a.name},
                                          {QStringLiteral("votes"), a.votes},
                                          {QStringLiteral("gold_votes"), a.goldVotes},
                                          {QStringLiteral("gold_correct"), a.goldCorrect},
                                          {QStringLiteral("gold_accuracy"), number(a.goldAccuracy)},
                                          {QStringLiteral("sided_votes"), a.sidedVotes},
                                          {QStringLiteral("left_wins"), a.leftWins},
                                          {QStringLiteral("left_win_rate"), number(a.leftWinRate)},
                                          {QStringLiteral("mean_length_difference"), number(a.meanLengthDifference)},
                                          {QStringLiteral("longer_chosen_rate"), number(a.longerChosenRate)}});
        }
        QJsonArray agreement;
        for (const AgreementPair &p : std::as_const(quality->agreement)) {
            agreement.append(QJsonObject{{QStringLiteral("annotator1"), p.name1},
                                         {QStringLiteral("annotator2"), p.name2},
                                         {QStringLiteral("shared_pairs"), p.sharedPairs},
                                         {QStringLiteral("observed_agreement"), number(p.observedAgreement)},
                                         {QStringLiteral("kappa"), number(p.kappa)}});
        }
        printJson({{QStringLiteral("votes"), quality->votes},
                   {QStringLiteral("skips"), quality->skips},
                   {QStringLiteral("pairs_with_two_votes"), quality->pairsWithTwoVotes},
                   {QStringLiteral("krippendorff_alpha"), number(quality->krippendorffAlpha)},
                   {QStringLiteral("annotators"), annotators},
                   {QStringLiteral("agreement"), agreement}});
        return kExitOk;
    }

    QString out = QStringLiteral("%1 votes (%2 skips); %3 pairs judged by two or more; Krippendorff's alpha %4\n\n")
                      .arg(quality->votes)
                      .arg(quality->skips)
                      .arg(quality->pairsWithTwoVotes)
                      .arg(text(quality->krippendorffAlpha));
    out += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(QStringLiteral("annotator"), -24)
               .arg(QStringLiteral("votes"), 8)
               .arg(QStringLiteral("gold acc (n)"), 14)
               .arg(QStringLiteral("left wins"), 10)
               .arg(QStringLiteral("words +/-"), 10)
               .arg(QStringLiteral("longer won"), 11);
    for (const AnnotatorQuality &a : std::as_const(quality->annotators)) {
        out += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(a.name.left(24), -24)
                   .arg(a.votes, 8)
                   .arg(QStringLiteral("%1 (%2)").arg(text(a.goldAccuracy)).arg(a.goldVotes), 14)
                   .arg(text(a.leftWinRate), 10)
                   .arg(text(a.meanLengthDifference, 1), 10)
                   .arg(text(a.longerChosenRate), 11);
    }
    if (!quality->agreement.isEmpty()) {
        out += QStringLiteral("\n%1 %2 %3 %4\n")
                   .arg(QStringLiteral("annotators"), -40)
                   .arg(QStringLiteral("shared"), 8)
                   .arg(QStringLiteral("agree"), 7)
                   .arg(QStringLiteral("kappa"), 7);
        for (const AgreementPair &p : std::as_const(quality->agreement)) {
            out += QStringLiteral("%1 %2 %3 %4\n")
                       .arg(QString(p.name1 + QStringLiteral(" / ") + p.name2).left(40), -40)
                       .arg(p.sharedPairs, 8)
                       .arg(text(p.observedAgreement), 7)
                       .arg(text(p.kappa), 7);
        }
    }
    printOut(out);
    return kExitOk;
}

const Registrar registrar{{QStringLiteral("label quality"),
                           QStringLiteral("agreement (kappa, alpha), gold accuracy and biases of the votes"), runLabelQuality}};

} // namespace
} // namespace lab::cli
