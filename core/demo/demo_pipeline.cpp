#include "core/demo/demo_pipeline.h"

#include "core/common/paths.h"
#include "core/eval/eval_report.h"
#include "core/explain/candidates.h"
#include "core/store/store.h"
#include "core/synth/auto_label.h"
#include "core/synth/synth_project.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace lab {

namespace {

enum StageIndex { kIncidents, kCandidates, kVotes, kReward, kDpo, kPpo, kEvaluation, kReport };

QString stem(const QString &dbPath)
{
    return QFileInfo(dbPath).completeBaseName();
}

QString percent(double share)
{
    return QStringLiteral("%1%").arg(share * 100.0, 0, 'f', 1);
}

// The metrics shown on a progress line, per trainer.
QStringList headline(const QString &kind)
{
    if (kind == kRunReward)
        return {QStringLiteral("loss"), QStringLiteral("accuracy"), QStringLiteral("eval/accuracy")};
    if (kind == kRunDpo)
        return {QStringLiteral("loss"), QStringLiteral("rewards/accuracies"), QStringLiteral("rewards/margins")};
    return {QStringLiteral("objective/scores"), QStringLiteral("objective/kl"), QStringLiteral("response/length")};
}

class DemoRun
{
public:
    DemoRun(std::shared_ptr<Store> store, const DemoSettings &settings, const DemoCallbacks &callbacks,
            DemoResult &result)
        : m_store(std::move(store)), m_settings(settings), m_callbacks(callbacks), m_result(result)
    {
        m_clock.start();
        m_result.stageSeconds = QVector<double>(demoStages().size(), 0.0);
    }

    Status run()
    {
        using StageFn = Status (DemoRun::*)();
        const StageFn stages[] = {&DemoRun::incidents, &DemoRun::candidates, &DemoRun::votes,
                                  &DemoRun::reward,    &DemoRun::dpo,        &DemoRun::ppo,
                                  &DemoRun::evaluation};
        for (int i = 0; i < int(std::size(stages)); ++i) {
            begin(i);
            if (Status s = (this->*stages[i])(); !s)
                return s;
            end();
        }
        return {};
    }

    // The report stage is the caller's (it writes files); it uses these to take part in progress.
    void begin(int stage)
    {
        m_stage = stage;
        m_stageClock.start();
        m_summary.clear();
        if (m_callbacks.onStage)
            m_callbacks.onStage(stage, false, QString());
        progress(0, 0);
    }
    void end()
    {
        m_result.stageSeconds[m_stage] = double(m_stageClock.elapsed()) / 1000.0;
        progress(1, 1);
        if (m_callbacks.onStage)
            m_callbacks.onStage(m_stage, true,
                                QStringLiteral("%1 (%2 s)").arg(m_summary).arg(m_result.stageSeconds[m_stage], 0, 'f', 1));
    }
    void setSummary(const QString &summary) { m_summary = summary; }
    double seconds() const { return double(m_clock.elapsed()) / 1000.0; }

    // False when the caller asked to stop.
    bool progress(qint64 done, qint64 total, const QString &detail = {})
    {
        if (m_stopped)
            return false;
        if (!m_callbacks.onProgress)
            return true;
        const QVector<DemoStage> &stages = demoStages();
        double before = 0.0;
        for (int i = 0; i < m_stage; ++i)
            before += stages[i].weight;
        const double frac = total > 0 ? std::clamp(double(done) / double(total), 0.0, 1.0) : 0.0;
        DemoProgress p;
        p.stage = m_stage;
        p.done = done;
        p.total = total;
        p.overall = std::clamp(before + stages[m_stage].weight * frac, 0.0, 1.0);
        p.seconds = seconds();
        p.detail = detail;
        if (!m_callbacks.onProgress(p))
            m_stopped = true;
        return !m_stopped;
    }
    bool stopped() const { return m_stopped; }
    Status stoppedStatus() const
    {
        return fail(QStringLiteral("demo stopped during '%1'; %2 keeps what was done so far (start again on a new "
                                   "database)")
                        .arg(demoStages()[m_stage].title, m_store->path()));
    }

private:
    Status incidents();
    Status candidates();
    Status votes();
    Status reward();
    Status dpo();
    Status ppo();
    Status evaluation();

    Result<TrainOutcome> train(const QString &kind, const QJsonObject &config, const QString &adapterName);
    Result<DemoModelResult> evaluate(const QString &name, const QString &adapter, const QString &adapterDir,
                                     int index);
    std::shared_ptr<Store> m_store;
    const DemoSettings &m_settings;
    const DemoCallbacks &m_callbacks;
    DemoResult &m_result;
    QElapsedTimer m_clock;
    QElapsedTimer m_stageClock;
    int m_stage = 0;
    QString m_summary;
    bool m_stopped = false;
};

// Everything in one transaction: a stop here leaves the database as empty as it was, so the demo
// can simply be started again on it.
Status DemoRun::incidents()
{
    const int paired = m_settings.incidents + m_settings.modelIncidents;
    const qint64 total = qint64(paired) + m_settings.heldOut;
    return m_store->transaction([&]() -> Status {
        auto written = synth::writeSyntheticIncidents(*m_store, m_settings.seed, paired,
                                                      [&](qint64 done, qint64) { return progress(done, total); });
        if (!written)
            return fail(stopped() ? stoppedStatus().error() : written.error());
        auto all = m_store->incidents();
        if (!all)
            return fail(all.error());
        QVector<qint64> ids;
        for (const IncidentRecord &r : *all)
            ids.append(r.id);
        std::sort(ids.begin(), ids.end());
        // The last incidents get no template pairs: lab-tiny writes theirs.
        const QVector<qint64> forModel = ids.mid(std::max<qsizetype>(0, ids.size() - m_settings.modelIncidents));
        if (Status s = synth::deletePairsOf(*m_store, forModel); !s)
            return s;

        auto heldOut = synth::writeHeldOutIncidents(*m_store, m_settings.seed, m_settings.heldOut,
                                                    [&](qint64 done, qint64) { return progress(paired + done, total); });
        if (!heldOut)
            return fail(stopped() ? stoppedStatus().error() : heldOut.error());
        const QVector<qint64> &evalIds = *heldOut;
        m_result.incidents = m_settings.incidents;
        m_result.modelIncidents = int(forModel.size());
        m_result.heldOut = int(evalIds.size());
        setSummary(QStringLiteral("%1 incidents with template pairs, %2 for lab-tiny's pairs, %3 held out for evaluation")
                       .arg(m_settings.incidents)
                       .arg(forModel.size())
                       .arg(evalIds.size()));
        return {};
    });
}

Status DemoRun::candidates()
{
    if (m_settings.modelIncidents <= 0) {
        setSummary(QStringLiteral("none asked for"));
        return {};
    }
    auto loaded = loadExplainerForStore(*m_store, m_settings.modelDir);
    if (!loaded)
        return fail(loaded.error());
    CandidateOptions options;
    options.limit = m_settings.modelIncidents;
    options.seed = m_settings.seed;
    options.settings = m_settings.candidateSettings;
    options.adapterId = loaded->adapterId;
    auto summary = generateCandidates(*m_store, *loaded->explainer, options, [&](qint64 done, qint64 total) {
        return progress(done, total, QStringLiteral("%1/%2 incidents").arg(done).arg(total));
    });
    if (stopped())
        return stoppedStatus();
    if (!summary)
        return fail(summary.error());
    setSummary(QStringLiteral("%1 pairs sampled from %2 (%3 tokens, %4 redrawn because both came out the same)")
                   .arg(summary->pairs)
                   .arg(loaded->explainer->modelName())
                   .arg(summary->newTokens)
                   .arg(summary->resampled));
    return {};
}

Status DemoRun::votes()
{
    AutoLabelOptions options;
    options.noise = m_settings.noise;
    options.seed = m_settings.seed;
    auto labels = autoLabelAs(*m_store, options, [&](qint64 done, qint64 total) {
        return progress(done, total, QStringLiteral("%1/%2 pairs").arg(done).arg(total));
    });
    if (stopped())
        return stoppedStatus();
    if (!labels)
        return fail(labels.error());

    // Which pairs the votes went to: template explanations have no model name.
    auto db = m_store->connection();
    if (!db)
        return fail(db.error());
    QSqlQuery query(*db);
    if (!query.exec(QStringLiteral("SELECT e.model <> '', c.choice, COUNT(*) FROM comparisons c "
                                   "JOIN pairs p ON p.id = c.pair_id JOIN explanations e ON e.id = p.explanation_a "
                                   "GROUP BY 1, 2")))
        return fail(QStringLiteral("%1: cannot count the votes (%2)").arg(m_store->path(), query.lastError().text()));
    while (query.next()) {
        DemoVoteCounts &counts = query.value(0).toBool() ? m_result.modelPairs : m_result.templatePairs;
        const QString choice = query.value(1).toString();
        const int n = query.value(2).toInt();
        counts.votes += n;
        if (choice == QLatin1String("a_better") || choice == QLatin1String("b_better"))
            counts.preferences += n;
        else if (choice == QLatin1String("tie"))
            counts.ties += n;
        else if (choice == QLatin1String("both_bad"))
            counts.bothBad += n;
    }
    if (!query.exec(QStringLiteral("SELECT e.model <> '', COUNT(*) FROM pairs p JOIN explanations e ON e.id = p.explanation_a "
                                   "GROUP BY 1")))
        return fail(QStringLiteral("%1: cannot count the pairs (%2)").arg(m_store->path(), query.lastError().text()));
    while (query.next())
        (query.value(0).toBool() ? m_result.modelPairs : m_result.templatePairs).pairs = query.value(1).toInt();
    const auto describe = [](const DemoVoteCounts &c) {
        return QStringLiteral("%1 votes -> %2 preferences, %3 ties, %4 both bad")
            .arg(c.votes)
            .arg(c.preferences)
            .arg(c.ties)
            .arg(c.bothBad);
    };
    setSummary(QStringLiteral("template pairs: %1; lab-tiny pairs: %2 (noise %3, %4 flipped)")
                   .arg(describe(m_result.templatePairs), describe(m_result.modelPairs))
                   .arg(m_settings.noise)
                   .arg(labels->flipped));
    return {};
}

Result<TrainOutcome> DemoRun::train(const QString &kind, const QJsonObject &config, const QString &adapterName)
{
    TrainJob job;
    job.store = m_store;
    job.kind = kind;
    job.config = config;
    job.modelDir = m_settings.modelDir;
    job.device = m_settings.device;
    job.adapterName = adapterName;
    job.runsDir = m_settings.runsDir;
    const QStringList names = headline(kind);
    QMap<QString, double> last;
    TrainCallbacks callbacks;
    callbacks.onProgress = [&](const TrainProgress &p) {
        for (const MetricPoint &m : p.metrics)
            last.insert(m.name, m.value);
        QString detail = QStringLiteral("step %1/%2").arg(p.step).arg(p.steps);
        for (const QString &name : names)
            if (last.contains(name))
                detail += QStringLiteral("  %1 %2").arg(name).arg(last.value(name), 0, 'f', 3);
        return progress(p.step, p.steps, detail);
    };
    callbacks.onEvent = [&](const TrainEvent &e) {
        if (e.level != TrainEventLevel::Info && m_callbacks.onMessage)
            m_callbacks.onMessage(QStringLiteral("%1: %2").arg(kind, e.message));
    };
    auto outcome = runTraining(job, callbacks);
    if (!outcome)
        return fail(QStringLiteral("%1: %2").arg(kind, outcome.error()));
    if (outcome->status == kRunStopped || stopped())
        return fail(stoppedStatus().error());
    if (outcome->status != kRunFinished)
        return fail(QStringLiteral("%1 run %2 ended %3: %4").arg(kind).arg(outcome->runId).arg(outcome->status, outcome->message));
    return outcome;
}

Status DemoRun::reward()
{
    auto outcome = train(QString(kRunReward), m_settings.rewardConfig, QString());
    if (!outcome)
        return fail(outcome.error());
    m_result.reward = *outcome;
    m_result.rewardAccuracy = outcome->metrics.value(QStringLiteral("eval/accuracy")).toDouble(NAN);
    setSummary(QStringLiteral("run %1, %2 steps, eval/accuracy %3 on held-out votes")
                   .arg(outcome->runId)
                   .arg(outcome->steps)
                   .arg(percent(m_result.rewardAccuracy)));
    return {};
}

Status DemoRun::dpo()
{
    auto outcome = train(QString(kRunDpo), m_settings.dpoConfig, QStringLiteral("demo-dpo"));
    if (!outcome)
        return fail(outcome.error());
    m_result.dpo = *outcome;
    setSummary(QStringLiteral("run %1, %2 steps, adapter '%3', rewards/accuracies %4")
                   .arg(outcome->runId)
                   .arg(outcome->steps)
                   .arg(outcome->adapterName)
                   .arg(percent(outcome->metrics.value(QStringLiteral("rewards/accuracies")).toDouble(NAN))));
    return {};
}

Status DemoRun::ppo()
{
    auto outcome = train(QString(kRunPpo), m_settings.ppoConfig, QStringLiteral("demo-ppo"));
    if (!outcome)
        return fail(outcome.error());
    m_result.ppo = *outcome;
    setSummary(QStringLiteral("run %1, %2 iterations, adapter '%3', objective/scores %4, objective/kl %5")
                   .arg(outcome->runId)
                   .arg(outcome->steps)
                   .arg(outcome->adapterName)
                   .arg(outcome->metrics.value(QStringLiteral("objective/scores")).toDouble(NAN), 0, 'f', 3)
                   .arg(outcome->metrics.value(QStringLiteral("objective/kl")).toDouble(NAN), 0, 'f', 3));
    return {};
}

Result<DemoModelResult> DemoRun::evaluate(const QString &name, const QString &adapter, const QString &adapterDir,
                                          int index)
{
    auto explainer = Explainer::load(m_settings.modelDir, adapterDir);
    if (!explainer)
        return fail(explainer.error());
    ModelEvalOptions options;
    options.settings = m_settings.evalSettings;
    options.rewardModelDir = m_result.reward.outputDir;
    const qint64 total = qint64(m_result.heldOut) * 3;
    auto report = evaluateModel(*m_store, **explainer, options, [&](qint64 done, qint64) {
        return progress(qint64(index) * m_result.heldOut + done, total,
                        QStringLiteral("%1: %2/%3 held-out incidents").arg(name).arg(done).arg(m_result.heldOut));
    });
    if (stopped())
        return fail(stoppedStatus().error());
    if (!report)
        return fail(QStringLiteral("evaluation of %1: %2").arg(name, report.error()));
    DemoModelResult model;
    model.name = name;
    model.adapter = adapter;
    model.adapterDir = adapterDir;
    model.report = std::move(*report);
    // The explainer names an adapter by its folder ("adapter" for every run); reports and the
    // comparison show the registered name.
    model.report.adapter = adapter;
    return model;
}

Status DemoRun::evaluation()
{
    struct Entry
    {
        QString name;
        const TrainOutcome *outcome;
    };
    const Entry entries[] = {{QStringLiteral("base"), nullptr},
                             {QStringLiteral("dpo"), &m_result.dpo},
                             {QStringLiteral("ppo"), &m_result.ppo}};
    QStringList parts;
    for (int i = 0; i < 3; ++i) {
        const TrainOutcome *o = entries[i].outcome;
        auto model = evaluate(entries[i].name, o ? o->adapterName : QString(), o ? o->outputDir : QString(), i);
        if (!model)
            return fail(model.error());
        // Stored with the adapter as `adapters eval` stores it, so the Adapters view shows it.
        if (o && o->adapterId > 0) {
            auto record = m_store->adapter(o->adapterId);
            if (!record)
                return fail(record.error());
            QJsonObject eval = record->eval;
            const QJsonObject metrics = model->report.toJson().value(QStringLiteral("metrics")).toObject();
            for (auto it = metrics.begin(); it != metrics.end(); ++it)
                eval.insert(it.key(), it.value());
            eval.insert(QStringLiteral("incidents"), model->report.incidents);
            eval.insert(QStringLiteral("samples"), model->report.overall.samples);
            eval.insert(QStringLiteral("model"), model->report.model);
            eval.insert(QStringLiteral("eval_db"), m_store->path());
            eval.insert(QStringLiteral("evaluated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
            eval.insert(QStringLiteral("settings"), m_settings.evalSettings.toJson());
            eval.insert(QStringLiteral("seconds"), model->report.seconds);
            if (Status s = m_store->setAdapterEval(o->adapterId, eval); !s)
                return s;
        }
        parts << QStringLiteral("%1 root cause %2").arg(entries[i].name, percent(model->report.overall.rootCauseAccuracy));
        m_result.models.append(std::move(*model));
    }
    for (int i = 1; i < m_result.models.size(); ++i) {
        auto comparison = compareReports(m_result.models[0].report, m_result.models[i].report);
        if (!comparison)
            return fail(comparison.error());
        m_result.comparisons.append(std::move(*comparison));
    }
    setSummary(QStringLiteral("%1 held-out incidents: %2").arg(m_result.heldOut).arg(parts.join(QStringLiteral(", "))));
    return {};
}

Status writeJson(const QString &path, const QJsonObject &object)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()));
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return fail(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()));
    return {};
}

QJsonObject metricsOf(const ModelEvalReport &report)
{
    return report.toJson().value(QStringLiteral("metrics")).toObject();
}

} // namespace

DemoSettings DemoSettings::full()
{
    // Sized for 15 minutes on 2 cores with room to spare: the trainers get fewer steps than their
    // defaults (reward 200, DPO 150, PPO 30), DPO a higher learning rate to make up for it.
    DemoSettings s;
    s.incidents = 1000;
    s.modelIncidents = 40;
    s.heldOut = 100;
    s.candidateSettings.temperature = 0.9;
    s.candidateSettings.maxNewTokens = 96;
    s.rewardConfig = {{QStringLiteral("steps"), 80},
                      {QStringLiteral("batch_size"), 8},
                      {QStringLiteral("eval_every"), 40},
                      {QStringLiteral("eval_pairs"), 150},
                      {QStringLiteral("score_pairs"), false}};
    s.dpoConfig = {{QStringLiteral("steps"), 80},
                   {QStringLiteral("batch_size"), 8},
                   {QStringLiteral("learning_rate"), 3e-3},
                   {QStringLiteral("eval_pairs"), 32},
                   {QStringLiteral("eval_every"), 80}};
    s.ppoConfig = {{QStringLiteral("steps"), 8},
                   {QStringLiteral("batch_size"), 16},
                   {QStringLiteral("max_new_tokens"), 80}};
    s.evalSettings.seed = 7;
    return s;
}

DemoSettings DemoSettings::quick()
{
    DemoSettings s;
    s.incidents = 120;
    s.modelIncidents = 8;
    s.heldOut = 16;
    s.candidateSettings.temperature = 0.9;
    s.candidateSettings.maxNewTokens = 64;
    s.rewardConfig = {{QStringLiteral("steps"), 12},
                      {QStringLiteral("batch_size"), 4},
                      {QStringLiteral("eval_every"), 0},
                      {QStringLiteral("eval_pairs"), 24},
                      {QStringLiteral("held_out_fraction"), 0.15},
                      {QStringLiteral("score_pairs"), false}};
    s.dpoConfig = {{QStringLiteral("steps"), 10},
                   {QStringLiteral("batch_size"), 4},
                   {QStringLiteral("learning_rate"), 2e-3},
                   {QStringLiteral("eval_pairs"), 8},
                   {QStringLiteral("eval_every"), 10}};
    s.ppoConfig = {{QStringLiteral("steps"), 2},
                   {QStringLiteral("batch_size"), 4},
                   {QStringLiteral("mini_batches"), 1},
                   {QStringLiteral("max_new_tokens"), 32}};
    s.evalSettings.seed = 7;
    s.evalSettings.maxNewTokens = 64;
    return s;
}

QJsonObject DemoSettings::toJson() const
{
    return {{QStringLiteral("seed"), QString::number(seed)},
            {QStringLiteral("incidents"), incidents},
            {QStringLiteral("model_incidents"), modelIncidents},
            {QStringLiteral("held_out"), heldOut},
            {QStringLiteral("noise"), noise},
            {QStringLiteral("candidates"), candidateSettings.toJson()},
            {QStringLiteral("reward"), rewardConfig},
            {QStringLiteral("dpo"), dpoConfig},
            {QStringLiteral("ppo"), ppoConfig},
            {QStringLiteral("eval"), evalSettings.toJson()},
            {QStringLiteral("model_dir"), modelDir},
            {QStringLiteral("device"), device}};
}

const QVector<DemoStage> &demoStages()
{
    // Weights: the share of the wall time each stage took in a measured full demo on 2 cores
    // (11:31: reward 143 s, DPO 339 s, PPO 97 s, evaluation 95 s), so the overall bar moves at
    // an even pace.
    static const QVector<DemoStage> stages{
        {QStringLiteral("incidents"), QStringLiteral("Synthetic incidents"), 0.01},
        {QStringLiteral("candidates"), QStringLiteral("lab-tiny candidate pairs"), 0.02},
        {QStringLiteral("votes"), QStringLiteral("Simulated votes"), 0.01},
        {QStringLiteral("reward"), QStringLiteral("Reward model"), 0.21},
        {QStringLiteral("dpo"), QStringLiteral("DPO adapter"), 0.49},
        {QStringLiteral("ppo"), QStringLiteral("PPO adapter"), 0.13},
        {QStringLiteral("evaluation"), QStringLiteral("Evaluation: base, DPO, PPO"), 0.13},
        {QStringLiteral("report"), QStringLiteral("Report"), 0.0},
    };
    return stages;
}

QJsonObject DemoVoteCounts::toJson() const
{
    return {{QStringLiteral("pairs"), pairs},       {QStringLiteral("votes"), votes},
            {QStringLiteral("preferences"), preferences}, {QStringLiteral("ties"), ties},
            {QStringLiteral("both_bad"), bothBad}};
}

QJsonObject DemoResult::toJson() const
{
    QJsonObject out{{QStringLiteral("seconds"), seconds}};
    QJsonObject reward{{QStringLiteral("eval/accuracy"), std::isfinite(rewardAccuracy) ? QJsonValue(rewardAccuracy) : QJsonValue()},
                       {QStringLiteral("run_id"), this->reward.runId},
                       {QStringLiteral("steps"), this->reward.steps},
                       {QStringLiteral("dir"), this->reward.outputDir},
                       {QStringLiteral("metrics"), this->reward.metrics}};
    out.insert(QStringLiteral("reward_model"), reward);
    QJsonObject perKind;
    QJsonObject adapters;
    for (const DemoModelResult &m : models) {
        out.insert(m.name, metricsOf(m.report));
        perKind.insert(m.name, m.report.toJson().value(QStringLiteral("per_kind")));
        if (!m.adapter.isEmpty())
            adapters.insert(m.name, QJsonObject{{QStringLiteral("name"), m.adapter}, {QStringLiteral("dir"), m.adapterDir}});
    }
    out.insert(QStringLiteral("per_kind"), perKind);
    out.insert(QStringLiteral("adapters"), adapters);
    QJsonObject versus;
    for (int i = 0; i < comparisons.size() && i + 1 < models.size(); ++i) {
        QJsonObject c = comparisons[i].winRate.toJson();
        c.insert(QStringLiteral("regressed_incidents"), comparisons[i].regressedIncidents);
        QJsonObject reasons;
        for (auto it = comparisons[i].regressionsByReason.begin(); it != comparisons[i].regressionsByReason.end(); ++it)
            reasons.insert(it.key(), it.value());
        c.insert(QStringLiteral("regressions_by_reason"), reasons);
        versus.insert(models[i + 1].name, c);
    }
    out.insert(QStringLiteral("versus_base"), versus);
    out.insert(QStringLiteral("html_report"), htmlReport);
    out.insert(QStringLiteral("training"), QJsonObject{{QStringLiteral("reward"), this->reward.toJson()},
                                                       {QStringLiteral("dpo"), dpo.toJson()},
                                                       {QStringLiteral("ppo"), ppo.toJson()}});
    out.insert(QStringLiteral("incidents"), QJsonObject{{QStringLiteral("template_paired"), incidents},
                                                        {QStringLiteral("model_paired"), modelIncidents},
                                                        {QStringLiteral("held_out"), heldOut}});
    out.insert(QStringLiteral("pairs"), QJsonObject{{QStringLiteral("template"), templatePairs.toJson()},
                                                    {QStringLiteral("model"), modelPairs.toJson()}});
    QJsonArray stages;
    for (int i = 0; i < demoStages().size() && i < stageSeconds.size(); ++i)
        stages.append(QJsonObject{{QStringLiteral("stage"), demoStages()[i].id}, {QStringLiteral("seconds"), stageSeconds[i]}});
    out.insert(QStringLiteral("stages"), stages);
    out.insert(QStringLiteral("database"), database);
    out.insert(QStringLiteral("settings"), settings.toJson());
    return out;
}

QString DemoResult::table() const
{
    auto cell = [](const QString &text, int width) { return text.rightJustified(width); };
    QString out = QStringLiteral("%1%2%3%4%5%6%7%8  %9\n")
                      .arg(QStringLiteral("model").leftJustified(16))
                      .arg(cell(QStringLiteral("root cause"), 11))
                      .arg(cell(QStringLiteral("acceptable"), 11))
                      .arg(cell(QStringLiteral("halluc."), 9))
                      .arg(cell(QStringLiteral("unsafe"), 8))
                      .arg(cell(QStringLiteral("words"), 7))
                      .arg(cell(QStringLiteral("repet."), 8))
                      .arg(cell(QStringLiteral("reward"), 8))
                      .arg(QStringLiteral("win vs base [95% CI], regressions"));
    for (int i = 0; i < models.size(); ++i) {
        const DemoModelResult &m = models[i];
        QString versus;
        if (i > 0 && i - 1 < comparisons.size()) {
            const ModelComparison &c = comparisons[i - 1];
            versus = QStringLiteral("%1 [%2, %3], %4")
                         .arg(percent(c.winRate.rate), percent(c.winRate.low), percent(c.winRate.high))
                         .arg(c.regressedIncidents);
        }
        const ExplanationMetrics &x = m.report.overall;
        const QString name = m.adapter.isEmpty() ? m.name : QStringLiteral("%1 (%2)").arg(m.name, m.adapter);
        out += QStringLiteral("%1%2%3%4%5%6%7%8  %9\n")
                   .arg(name.leftJustified(16))
                   .arg(cell(percent(x.rootCauseAccuracy), 11))
                   .arg(cell(percent(x.acceptableRate), 11))
                   .arg(cell(percent(x.hallucinationRate), 9))
                   .arg(cell(percent(x.unsafeActionRate), 8))
                   .arg(cell(QString::number(x.meanLength, 'f', 1), 7))
                   .arg(cell(percent(x.repetitionRate), 8))
                   .arg(cell(m.report.hasReward ? QString::number(m.report.meanReward, 'f', 3) : QStringLiteral("-"), 8))
                   .arg(versus);
    }
    return out;
}

Result<DemoResult> runDemo(const QString &dbPath, const QString &outDir, const DemoSettings &given,
                           const DemoCallbacks &callbacks)
{
    DemoSettings settings = given;
    if (settings.modelDir.isEmpty())
        settings.modelDir = defaultModelDir();
    if (settings.modelDir.isEmpty() || !QFileInfo::exists(QDir(settings.modelDir).filePath(QStringLiteral("config.json"))))
        return fail(QStringLiteral("no model at \"%1\": the demo needs the bundled lab-tiny (resources/models) or "
                                   "LAB_MODEL_DIR naming a model folder")
                        .arg(settings.modelDir));
    if (settings.incidents < 1 || settings.heldOut < 1 || settings.modelIncidents < 0)
        return fail(QStringLiteral("the demo needs at least one incident with template pairs and one held-out incident"));
    const QFileInfo db(dbPath);
    if (settings.runsDir.isEmpty())
        settings.runsDir = db.absoluteDir().filePath(stem(dbPath) + QStringLiteral("-runs"));
    const QString out = outDir.isEmpty() ? db.absoluteDir().filePath(stem(dbPath) + QStringLiteral("-report")) : outDir;

    auto opened = Store::open(dbPath);
    if (!opened)
        return fail(opened.error());
    std::shared_ptr<Store> store = *opened;
    auto existing = store->countIncidents();
    if (!existing)
        return fail(existing.error());
    if (*existing > 0)
        return fail(QStringLiteral("%1 already holds %2 incidents: the demo starts from an empty database. Open this "
                                   "one in rlhf-lab (or run 'rlhf-lab-cli eval --db %1') to look at it, or run the "
                                   "demo again with a new --db file")
                        .arg(dbPath)
                        .arg(*existing));
    // Run folders are named by run id; those of an earlier database with this name would collide.
    if (QDir runs(settings.runsDir); runs.exists() && !runs.isEmpty())
        return fail(QStringLiteral("%1 already holds training runs (of an earlier demo?): remove it, or run the demo with "
                                   "a --db file of another name")
                        .arg(settings.runsDir));
    if (!QDir().mkpath(out))
        return fail(QStringLiteral("%1: cannot create the report folder").arg(out));

    DemoResult result;
    result.database = store->path();
    result.outDir = QDir(out).absolutePath();
    result.settings = settings;
    DemoRun run(store, settings, callbacks, result);
    if (Status s = run.run(); !s)
        return fail(s.error());

    run.begin(kReport);
    result.seconds = run.seconds();
    EvalSuite suite;
    suite.mode = settings.evalSettings.greedy ? QStringLiteral("greedy") : QStringLiteral("sampled");
    suite.base = result.models.value(0).report;
    for (int i = 1; i < result.models.size(); ++i)
        suite.adapters.append(result.models[i].report);
    suite.comparisons = result.comparisons;
    ReportOptions reportOptions;
    reportOptions.title = QStringLiteral("RLHF Log Lab demo: base vs DPO vs PPO");
    auto files = writeEvalReport(suite, QDir(out).filePath(QStringLiteral("evaluation")), reportOptions);
    if (!files)
        return fail(files.error());
    result.htmlReport = files->html;
    if (Status s = writeJson(QDir(out).filePath(QStringLiteral("report.json")), result.toJson()); !s)
        return fail(s.error());
    run.setSummary(QStringLiteral("%1, %2").arg(QDir::toNativeSeparators(QDir(out).filePath(QStringLiteral("report.json"))),
                                                QDir::toNativeSeparators(result.htmlReport)));
    run.end();
    result.seconds = run.seconds();
    // Once more with the final time and the report stage's seconds.
    if (Status s = writeJson(QDir(out).filePath(QStringLiteral("report.json")), result.toJson()); !s)
        return fail(s.error());
    return result;
}

} // namespace lab
