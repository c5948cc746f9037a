// rlhf-lab-cli eval --db F [--adapter NAME] [--model DIR] [--limit N] [--samples K]
//                   [--reward-model DIR | --no-reward] [--json]
// The held-out incidents explained by the model and judged against their ground truth; with a
// reward model (the project's current one, or --reward-model) also their mean reward.
#include "cli_model.h"
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/eval/model_eval.h"
#include "core/store/store.h"
#include "core/train/run_session.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace lab::cli {
namespace {

QString percent(double share)
{
    return QStringLiteral("%1%").arg(share * 100.0, 5, 'f', 1);
}

QString row(const QString &name, const ExplanationMetrics &m)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
        .arg(name, -28)
        .arg(m.samples, 7)
        .arg(percent(m.rootCauseAccuracy), 10)
        .arg(percent(m.acceptableRate), 10)
        .arg(percent(m.hallucinationRate), 10)
        .arg(percent(m.unsafeActionRate), 10)
        .arg(m.meanLength, 8, 'f', 1)
        .arg(percent(m.repetitionRate), 10);
}

int runEval(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption limitOption(QStringLiteral("limit"), QStringLiteral("Held-out incidents at most (default: all)."), QStringLiteral("N"),
                                         QStringLiteral("-1"));
    const QCommandLineOption samplesOption(QStringLiteral("samples"), QStringLiteral("Sampled explanations per incident (default 1)."),
                                           QStringLiteral("K"), QStringLiteral("1"));
    const QCommandLineOption outOption(QStringLiteral("explanations-out"),
                                       QStringLiteral("Write every explanation with its verdict to this JSON file."), QStringLiteral("FILE"));
    const QCommandLineOption rewardOption(QStringLiteral("reward-model"),
                                          QStringLiteral("Score the explanations with this reward model folder (mean_reward). "
                                                         "Default: the project's current reward model, when it has one."),
                                          QStringLiteral("DIR"));
    const QCommandLineOption noRewardOption(QStringLiteral("no-reward"), QStringLiteral("Do not compute mean_reward."));
    parser.addOptions({limitOption, samplesOption, outOption, rewardOption, noRewardOption});
    const ModelArgs model(parser, 0.7);
    const ProjectArgs project(parser, QStringLiteral("Project database with held-out incidents (status held_out)."));
    if (int code = parseOrExit(parser, QStringLiteral("eval"),
                               QStringLiteral("Explain the project's held-out incidents with the model (and an adapter) and judge each "
                                              "explanation against the incident's ground truth: root cause named, identifiers real, "
                                              "action safe, length, repetition."),
                               args);
        code >= 0)
        return code;
    ModelEvalOptions options;
    if (int code = model.readSettings(options.settings); code >= 0)
        return code;
    bool ok = false;
    options.limit = parser.value(limitOption).toInt(&ok);
    if (!ok || options.limit < -1 || options.limit == 0)
        return fail(QStringLiteral("--limit must be a whole number above 0"), kExitUsage);
    options.samplesPerIncident = parser.value(samplesOption).toInt(&ok);
    if (!ok || options.samplesPerIncident < 1 || options.samplesPerIncident > 100)
        return fail(QStringLiteral("--samples must be a whole number from 1 to 100"), kExitUsage);

    std::shared_ptr<Store> store;
    if (int code = project.openStore(QStringLiteral("eval"), store); code >= 0)
        return code;
    if (parser.isSet(rewardOption) && parser.isSet(noRewardOption))
        return fail(QStringLiteral("--reward-model and --no-reward exclude each other"), kExitUsage);
    if (parser.isSet(rewardOption)) {
        options.rewardModelDir = parser.value(rewardOption);
    } else if (!parser.isSet(noRewardOption)) {
        if (Result<QString> current = currentRewardModelDir(*store))
            options.rewardModelDir = *current; // none yet: the report simply has no mean_reward
    }
    std::unique_ptr<Explainer> explainer;
    if (int code = model.loadExplainer(store.get(), explainer); code >= 0)
        return code;
    ProgressBar bar(QStringLiteral("explaining"));
    auto report = evaluateModel(*store, *explainer, options, [&](qint64 done, qint64 total) { return bar.update(done, total); });
    bar.finish();
    if (!report)
        return fail(report.error());
    if (parser.isSet(outOption)) {
        QFile file(parser.value(outOption));
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(report->toJson(true)).toJson()) < 0)
            return fail(QStringLiteral("%1: cannot write (%2)").arg(parser.value(outOption), file.errorString()));
    }
    if (project.json()) {
        printJson(report->toJson());
        return kExitOk;
    }
    printOut(QStringLiteral("%1%2 on %3 held-out incidents, %4 explanations in %5 s\n\n")
                 .arg(report->model, report->adapter.isEmpty() ? QString() : QStringLiteral(" + ") + report->adapter)
                 .arg(report->incidents)
                 .arg(report->overall.samples)
                 .arg(report->seconds, 0, 'f', 1));
    printOut(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                 .arg(QStringLiteral("kind"), -28)
                 .arg(QStringLiteral("samples"), 7)
                 .arg(QStringLiteral("root cause"), 10)
                 .arg(QStringLiteral("acceptable"), 10)
                 .arg(QStringLiteral("halluc."), 10)
                 .arg(QStringLiteral("unsafe"), 10)
                 .arg(QStringLiteral("words"), 8)
                 .arg(QStringLiteral("repetition"), 10));
    for (auto it = report->perKind.begin(); it != report->perKind.end(); ++it)
        printOut(row(it.key(), it.value()));
    printOut(row(QStringLiteral("all"), report->overall));
    if (report->hasReward)
        printOut(QStringLiteral("\nmean reward %1 (reward model %2)\n")
                     .arg(report->meanReward, 0, 'f', 3)
                     .arg(QDir::toNativeSeparators(report->rewardModel)));
    return kExitOk;
}

const Registrar registrar{{QStringLiteral("eval"), QStringLiteral("judge the model's explanations of held-out incidents"), runEval}};

} // namespace
} // namespace lab::cli
