// rlhf-lab-cli eval --db F [--adapter NAME]... [--greedy | --mode greedy|sampled|both]
//                   [--samples K] [--limit N] [--report DIR] [--reward-model DIR | --no-reward]
//                   [--explanations-out FILE] [--json]
// The held-out incidents explained by the base model and by each adapter with the same seeds,
// judged against their ground truth, per kind; each adapter compared with the base: win rate
// with a 95% bootstrap interval and the regressions (core/eval/eval_compare.h says the rule).
// Default mode: sampled (temperature 0.7, --samples explanations per incident, default 1).
#include "cli_model.h"
#include "cli_output.h"
#include "cli_project.h"
#include "command.h"

#include "core/eval/eval_compare.h"
#include "core/eval/eval_report.h"
#include "core/runtime/runtime_info.h"
#include "core/store/store.h"
#include "core/train/run_session.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
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

void printReport(const ModelEvalReport &report)
{
    printOut(QStringLiteral("%1%2 on %3 held-out incidents, %4 explanations in %5 s\n")
                 .arg(report.model, report.adapter.isEmpty() ? QString() : QStringLiteral(" + ") + report.adapter)
                 .arg(report.incidents)
                 .arg(report.overall.samples)
                 .arg(report.seconds, 0, 'f', 1));
    printOut(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                 .arg(QStringLiteral("kind"), -28)
                 .arg(QStringLiteral("samples"), 7)
                 .arg(QStringLiteral("root cause"), 10)
                 .arg(QStringLiteral("acceptable"), 10)
                 .arg(QStringLiteral("halluc."), 10)
                 .arg(QStringLiteral("unsafe"), 10)
                 .arg(QStringLiteral("words"), 8)
                 .arg(QStringLiteral("repetition"), 10));
    for (auto it = report.perKind.begin(); it != report.perKind.end(); ++it)
        printOut(row(it.key(), it.value()));
    printOut(row(QStringLiteral("all"), report.overall));
    if (report.hasReward)
        printOut(QStringLiteral("mean reward %1 (reward model %2)\n")
                     .arg(report.meanReward, 0, 'f', 3)
                     .arg(QDir::toNativeSeparators(report.rewardModel)));
    printOut(QStringLiteral("\n"));
}

QString interval(const WinRate &w)
{
    return QStringLiteral("%1% [%2, %3]").arg(w.rate * 100.0, 0, 'f', 1).arg(w.low * 100.0, 0, 'f', 1).arg(w.high * 100.0, 0, 'f', 1);
}

// Before/after: one line per measure, one column per model.
void printSuite(const EvalSuite &suite)
{
    printOut(QStringLiteral("== %1 ==\n\n").arg(suite.mode));
    printReport(suite.base);
    for (const ModelEvalReport &r : suite.adapters)
        printReport(r);
    if (suite.comparisons.isEmpty())
        return;
    QString header = QStringLiteral("%1 %2").arg(QStringLiteral("before/after (%1)").arg(suite.mode), -24).arg(QStringLiteral("base"), 12);
    for (const ModelEvalReport &r : suite.adapters)
        header += QStringLiteral(" %1").arg(r.adapter.left(16), 16);
    printOut(header + QLatin1Char('\n'));
    auto line = [&](const QString &name, auto value, bool share) {
        QString s = QStringLiteral("%1 %2").arg(name, -24).arg(share ? percent(value(suite.base)) : QString::number(value(suite.base), 'f', 1), 12);
        for (const ModelEvalReport &r : suite.adapters)
            s += QStringLiteral(" %1").arg(share ? percent(value(r)) : QString::number(value(r), 'f', 1), 16);
        printOut(s + QLatin1Char('\n'));
    };
    line(QStringLiteral("root cause"), [](const ModelEvalReport &r) { return r.overall.rootCauseAccuracy; }, true);
    line(QStringLiteral("acceptable"), [](const ModelEvalReport &r) { return r.overall.acceptableRate; }, true);
    line(QStringLiteral("hallucination"), [](const ModelEvalReport &r) { return r.overall.hallucinationRate; }, true);
    line(QStringLiteral("unsafe action"), [](const ModelEvalReport &r) { return r.overall.unsafeActionRate; }, true);
    line(QStringLiteral("mean length (words)"), [](const ModelEvalReport &r) { return r.overall.meanLength; }, false);
    line(QStringLiteral("repetition"), [](const ModelEvalReport &r) { return r.overall.repetitionRate; }, true);
    if (suite.base.hasReward)
        printOut(QStringLiteral("%1 %2").arg(QStringLiteral("mean reward"), -24).arg(QString::number(suite.base.meanReward, 'f', 3), 12)
                 + [&] {
                       QString s;
                       for (const ModelEvalReport &r : suite.adapters)
                           s += QStringLiteral(" %1").arg(QString::number(r.meanReward, 'f', 3), 16);
                       return s;
                   }()
                 + QLatin1Char('\n'));
    for (const ModelComparison &c : suite.comparisons) {
        printOut(QStringLiteral("\n%1 vs %2: win rate %3 (95% bootstrap interval, %4 incidents; %5 wins, %6 ties, %7 losses)\n")
                     .arg(c.adapterName, c.baseName, interval(c.winRate))
                     .arg(c.winRate.incidents)
                     .arg(c.winRate.pairWins)
                     .arg(c.winRate.pairTies)
                     .arg(c.winRate.pairLosses));
        for (auto it = c.perKindWinRate.begin(); it != c.perKindWinRate.end(); ++it)
            printOut(QStringLiteral("  %1 %2\n").arg(it.key(), -30).arg(interval(it.value())));
        QStringList reasons;
        for (auto it = c.regressionsByReason.begin(); it != c.regressionsByReason.end(); ++it)
            reasons << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        printOut(QStringLiteral("  regressions: %1 incidents (%2 explanations)%3\n")
                     .arg(c.regressedIncidents)
                     .arg(c.regressedPairs)
                     .arg(reasons.isEmpty() ? QString() : QStringLiteral(": ") + reasons.join(QStringLiteral(", "))));
    }
    printOut(QStringLiteral("\n"));
}

int runEval(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption limitOption(QStringLiteral("limit"), QStringLiteral("Held-out incidents at most (default: all)."), QStringLiteral("N"),
                                         QStringLiteral("-1"));
    const QCommandLineOption samplesOption(QStringLiteral("samples"), QStringLiteral("Sampled explanations per incident (default 1)."),
                                           QStringLiteral("K"), QStringLiteral("1"));
    const QCommandLineOption modeOption(QStringLiteral("mode"),
                                        QStringLiteral("greedy, sampled or both (default sampled; --greedy is --mode greedy)."),
                                        QStringLiteral("M"));
    const QCommandLineOption reportOption(QStringLiteral("report"),
                                          QStringLiteral("Write report.html, rows.csv and report.json to this folder "
                                                         "(with --mode both: DIR/greedy and DIR/sampled)."),
                                          QStringLiteral("DIR"));
    const QCommandLineOption outOption(QStringLiteral("explanations-out"),
                                       QStringLiteral("Write every explanation of the first adapter (or the base, without one) "
                                                      "with its verdict to this JSON file."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption rewardOption(QStringLiteral("reward-model"),
                                          QStringLiteral("Score the explanations with this reward model folder (mean_reward). "
                                                         "Default: the project's current reward model, when it has one."),
                                          QStringLiteral("DIR"));
    const QCommandLineOption noRewardOption(QStringLiteral("no-reward"), QStringLiteral("Do not compute mean_reward."));
    parser.addOptions({limitOption, samplesOption, modeOption, reportOption, outOption, rewardOption, noRewardOption});
    const ModelArgs model(parser, 0.7);
    const ProjectArgs project(parser, QStringLiteral("Project database with held-out incidents (status held_out)."));
    if (int code = parseOrExit(parser, QStringLiteral("eval"),
                               QStringLiteral("Explain the project's held-out incidents with the base model and each --adapter "
                                              "(repeatable) with the same seeds, and judge each explanation against the incident's "
                                              "ground truth: root cause named, identifiers real, action safe, length, repetition. "
                                              "Each adapter is compared with the base: win rate with a 95% bootstrap interval "
                                              "and the incidents where it does worse."),
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
    QVector<bool> modes; // greedy?
    const QString mode = parser.value(modeOption);
    if (parser.isSet(modeOption) && parser.isSet(QStringLiteral("greedy")) && mode != QLatin1String("greedy"))
        return fail(QStringLiteral("--greedy and --mode %1 exclude each other").arg(mode), kExitUsage);
    if (!parser.isSet(modeOption))
        modes = {options.settings.greedy};
    else if (mode == QLatin1String("greedy"))
        modes = {true};
    else if (mode == QLatin1String("sampled"))
        modes = {false};
    else if (mode == QLatin1String("both"))
        modes = {true, false};
    else
        return fail(QStringLiteral("--mode must be greedy, sampled or both (got '%1')").arg(mode), kExitUsage);

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
    QVector<SuiteModel> adapters;
    for (const QString &name : parser.values(QStringLiteral("adapter"))) {
        auto adapter = store->adapterByName(name);
        if (!adapter)
            return fail(adapter.error());
        if (!adapter->has_value())
            return fail(QStringLiteral("%1 has no adapter named '%2' (see: rlhf-lab-cli adapters list --db %1)").arg(store->path(), name));
        adapters.append(SuiteModel{name, (*adapter)->path});
    }
    QString modelDir, error;
    if (!resolveModelFolder(parser.value(QStringLiteral("model")), modelDir, error))
        return fail(error);
    // Matrix products on the reference BLAS are ~30x slower: say so before the user waits.
    if (const QString warning = slowBlasWarning(runtimeInfo()); !warning.isEmpty())
        fail(warning, 0);

    QVector<EvalSuite> suites;
    for (bool greedy : modes) {
        ModelEvalOptions run = options;
        run.settings.greedy = greedy;
        std::unique_ptr<ProgressBar> bar;
        int current = -1;
        const QString modeName = greedy ? QStringLiteral("greedy") : QStringLiteral("sampled");
        auto suite = runEvalSuite(*store, modelDir, adapters, run, CompareOptions{},
                                  [&](int m, int models, const QString &name, qint64 done, qint64 total) {
                                      if (m != current) {
                                          if (bar)
                                              bar->finish();
                                          bar = std::make_unique<ProgressBar>(
                                              QStringLiteral("%1 %2/%3 %4").arg(modeName).arg(m + 1).arg(models).arg(name));
                                          current = m;
                                      }
                                      return bar->update(done, total);
                                  });
        if (bar)
            bar->finish();
        if (!suite)
            return fail(suite.error());
        suites.append(std::move(*suite));
    }

    const EvalSuite &first = suites.front();
    const ModelEvalReport &primary = first.adapters.isEmpty() ? first.base : first.adapters.front();
    if (parser.isSet(outOption)) {
        QFile file(parser.value(outOption));
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(primary.toJson(true)).toJson()) < 0)
            return fail(QStringLiteral("%1: cannot write (%2)").arg(parser.value(outOption), file.errorString()));
    }
    QStringList written;
    if (parser.isSet(reportOption)) {
        for (const EvalSuite &suite : suites) {
            const QString dir = suites.size() > 1 ? QDir(parser.value(reportOption)).filePath(suite.mode) : parser.value(reportOption);
            auto files = writeEvalReport(suite, dir);
            if (!files)
                return fail(files.error());
            written << files->html << files->csv << files->json;
        }
    }
    if (project.json()) {
        // The primary report's keys stay at the top (scripts read "adapter", "incidents",
        // "metrics"); the whole suite follows under "models" and "comparison(s)".
        QJsonObject out = primary.toJson();
        const QJsonObject suiteJson = first.toJson();
        out.insert(QStringLiteral("mode"), first.mode);
        out.insert(QStringLiteral("models"), suiteJson.value(QStringLiteral("models")));
        out.insert(QStringLiteral("comparisons"), suiteJson.value(QStringLiteral("comparisons")));
        if (!first.comparisons.isEmpty())
            out.insert(QStringLiteral("comparison"), suiteJson.value(QStringLiteral("comparisons")).toArray().first());
        if (suites.size() > 1) {
            QJsonObject byMode;
            for (const EvalSuite &suite : suites)
                byMode.insert(suite.mode, suite.toJson());
            out.insert(QStringLiteral("modes"), byMode);
        }
        if (!written.isEmpty())
            out.insert(QStringLiteral("report_files"), QJsonArray::fromStringList(written));
        printJson(out);
        return kExitOk;
    }
    for (const EvalSuite &suite : suites)
        printSuite(suite);
    for (const QString &file : written)
        printOut(QStringLiteral("wrote %1\n").arg(QDir::toNativeSeparators(file)));
    return kExitOk;
}

const Registrar registrar{{QStringLiteral("eval"), QStringLiteral("judge base and adapters on held-out incidents, before/after"), runEval}};

} // namespace
} // namespace lab::cli
