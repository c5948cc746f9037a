#include "core/train/reward_eval.h"

#include "core/explain/explain_prompt.h"
#include "core/model/device.h"
#include "core/model/heads.h"
#include "core/model/packed_forward.h"
#include "core/train/run_session.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonArray>

namespace lab {

namespace {

const QLatin1String kCue("### Explanation:");
constexpr int kDefaultPromptTokens = 352;
constexpr int kMaxBadLinesKept = 20;

} // namespace

struct RewardScorer::Impl
{
    LlamaRewardModel model{nullptr};
    // packedHidden takes a causal LM; this one shares the reward model's backbone (its own
    // lm_head is never used).
    LlamaForCausalLM lm{nullptr};
    Tokenizer tokenizer;
    torch::Device device{torch::kCPU};
    int promptBudget = kDefaultPromptTokens;
    int context = 512;
    QString dir;
};

Result<RewardScorer> RewardScorer::load(const QString &dir, const QString &device)
{
    auto deviceName = resolveDevice(device);
    if (!deviceName)
        return fail(deviceName.error());
    auto rm = loadRewardModel(dir);
    if (!rm)
        return fail(rm.error());
    auto tokenizer = Tokenizer::load(QDir(dir).filePath(QStringLiteral("tokenizer.model")));
    if (!tokenizer)
        return fail(tokenizer.error());
    RewardScorer scorer;
    scorer.d = std::make_shared<Impl>();
    Impl &d = *scorer.d;
    d.dir = dir;
    d.tokenizer = *tokenizer;
    d.model = *rm;
    d.context = d.model->config().maxPositionEmbeddings;
    QFile config(QDir(dir).filePath(QStringLiteral("config.json")));
    if (config.open(QIODevice::ReadOnly)) {
        const QJsonObject json = QJsonDocument::fromJson(config.readAll()).object();
        const int budget = json.value(QStringLiteral("lab_prompt_tokens")).toInt(0);
        if (budget >= kMinPromptTokens)
            d.promptBudget = budget;
    }
    d.promptBudget = std::min(d.promptBudget, d.context - 1);
    try {
        d.device = torch::Device(deviceName->toStdString());
        d.model->to(d.device);
        d.model->eval();
        d.lm = LlamaForCausalLM(d.model->config());
        d.lm->model = d.model->model;
        d.lm->eval();
    } catch (const c10::Error &e) {
        return fail(QStringLiteral("%1: %2").arg(dir, QString::fromStdString(e.what_without_backtrace())));
    }
    return scorer;
}

const Tokenizer &RewardScorer::tokenizer() const { return d->tokenizer; }
int RewardScorer::promptBudget() const { return d->promptBudget; }
int RewardScorer::contextTokens() const { return d->context; }
QString RewardScorer::dir() const { return d->dir; }

std::vector<std::int64_t> RewardScorer::promptIds(const QString &prompt) const
{
    const QString trimmed = prompt.trimmed();
    if (trimmed.endsWith(kCue)) {
        std::vector<std::int64_t> ids{d->tokenizer.bosId() >= 0 ? d->tokenizer.bosId() : 1};
        for (int id : d->tokenizer.encode(prompt))
            ids.push_back(id);
        if (std::int64_t(ids.size()) <= d->promptBudget)
            return ids;
        // Longer than the model was trained on: rebuild it from the log within the budget.
        return promptTokens(d->tokenizer, trimmed.chopped(kCue.size()), d->promptBudget);
    }
    return promptTokens(d->tokenizer, prompt, d->promptBudget);
}

std::vector<std::int64_t> RewardScorer::sequence(const std::vector<std::int64_t> &prompt,
                                                 const QString &explanation) const
{
    std::vector<std::int64_t> seq = prompt;
    const std::vector<int> text = d->tokenizer.encode(explanation);
    const std::int64_t room = std::max<std::int64_t>(0, d->context - 1 - std::int64_t(prompt.size()));
    for (std::int64_t i = 0; i < std::min<std::int64_t>(room, std::int64_t(text.size())); ++i)
        seq.push_back(text[size_t(i)]);
    seq.push_back(d->tokenizer.eosId() >= 0 ? d->tokenizer.eosId() : 2);
    return seq;
}

Result<std::vector<double>> RewardScorer::score(const std::vector<std::vector<std::int64_t>> &sequences,
                                                const ProgressCallback &progress,
                                                std::int64_t batchTokens) const
{
    std::vector<double> out(sequences.size(), 0.0);
    try {
        torch::NoGradGuard noGrad;
        size_t at = 0;
        while (at < sequences.size()) {
            std::vector<std::vector<std::int64_t>> batch;
            std::int64_t tokens = 0;
            const size_t first = at;
            while (at < sequences.size()
                   && (batch.empty() || tokens + std::int64_t(sequences[at].size()) <= batchTokens)) {
                tokens += std::int64_t(sequences[at].size());
                batch.push_back(sequences[at++]);
            }
            PackedBatch packed = packSequences(batch);
            packed.ids = packed.ids.to(d->device);
            packed.labels = packed.labels.to(d->device);
            const torch::Tensor hidden = packedHidden(*d->lm, packed); // [N, d]
            const torch::Tensor last = packedLastTokenIndex(packed).to(d->device);
            const torch::Tensor rewards =
                d->model->score(hidden.index_select(0, last)).to(torch::kCPU).to(at::kDouble); // [B]
            const double *r = rewards.data_ptr<double>();
            for (size_t i = 0; i < batch.size(); ++i)
                out[first + i] = r[i];
            if (!reportProgress(progress, qint64(at), qint64(sequences.size())))
                return fail(QStringLiteral("scoring cancelled"));
        }
    } catch (const c10::Error &e) {
        return fail(QStringLiteral("%1: scoring failed: %2")
                        .arg(d->dir, QString::fromStdString(e.what_without_backtrace())));
    }
    return out;
}

QJsonObject RewardEvalReport::toJson() const
{
    QJsonArray bad;
    for (const QString &line : badLines)
        bad.append(line);
    return QJsonObject{{QStringLiteral("pairs"), pairs},
                       {QStringLiteral("accuracy"), accuracy},
                       {QStringLiteral("correct"), correct},
                       {QStringLiteral("mean_margin"), meanMargin},
                       {QStringLiteral("bad_line_count"), badLineCount},
                       {QStringLiteral("bad_lines"), bad},
                       {QStringLiteral("model"), modelDir},
                       {QStringLiteral("seconds"), seconds}};
}

Result<RewardEvalReport> evaluateRewardPairs(const QString &modelDir, const QString &pairsPath,
                                             const QString &device, const ProgressCallback &progress)
{
    QElapsedTimer timer;
    timer.start();
    QFile file(pairsPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("%1: cannot read: %2").arg(pairsPath, file.errorString()));
    auto scorer = RewardScorer::load(modelDir, device);
    if (!scorer)
        return fail(scorer.error());

    RewardEvalReport report;
    report.modelDir = modelDir;
    std::vector<std::vector<std::int64_t>> chosen, rejected;
    qint64 lineNo = 0;
    auto bad = [&](const QString &why) {
        ++report.badLineCount;
        if (report.badLines.size() < kMaxBadLinesKept)
            report.badLines << QStringLiteral("line %1: %2").arg(lineNo).arg(why);
    };
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        ++lineNo;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            bad(QStringLiteral("not a JSON object (%1)").arg(error.errorString()));
            continue;
        }
        const QJsonObject o = doc.object();
        QStringList missing;
        for (const char *key : {"prompt", "chosen", "rejected"})
            if (!o.value(QLatin1String(key)).isString() || o.value(QLatin1String(key)).toString().isEmpty())
                missing << QString::fromLatin1(key);
        if (!missing.isEmpty()) {
            bad(QStringLiteral("no \"%1\" text").arg(missing.join(QStringLiteral("\", \""))));
            continue;
        }
        const std::vector<std::int64_t> prompt = scorer->promptIds(o.value(QStringLiteral("prompt")).toString());
        chosen.push_back(scorer->sequence(prompt, o.value(QStringLiteral("chosen")).toString()));
        rejected.push_back(scorer->sequence(prompt, o.value(QStringLiteral("rejected")).toString()));
    }
    if (file.error() != QFileDevice::NoError)
        return fail(QStringLiteral("%1: cannot read: %2").arg(pairsPath, file.errorString()));
    if (chosen.empty())
        return fail(QStringLiteral("%1: no preference pairs (expected JSON lines with \"prompt\", \"chosen\" and "
                                   "\"rejected\"; %2 bad lines)")
                        .arg(pairsPath)
                        .arg(report.badLineCount));

    // Chosen and rejected of a pair side by side, so each batch holds whole pairs.
    std::vector<std::vector<std::int64_t>> all;
    all.reserve(chosen.size() * 2);
    for (size_t i = 0; i < chosen.size(); ++i) {
        all.push_back(std::move(chosen[i]));
        all.push_back(std::move(rejected[i]));
    }
    auto scores = scorer->score(all, [&](qint64 done, qint64 total) {
        return reportProgress(progress, done / 2, total / 2);
    });
    if (!scores)
        return fail(scores.error());
    double marginSum = 0.0;
    for (size_t i = 0; i + 1 < scores->size(); i += 2) {
        const double m = (*scores)[i] - (*scores)[i + 1];
        marginSum += m;
        if (m > 0)
            ++report.correct;
        ++report.pairs;
    }
    report.accuracy = double(report.correct) / double(report.pairs);
    report.meanMargin = marginSum / double(report.pairs);
    report.seconds = double(timer.elapsed()) / 1000.0;
    return report;
}

Result<RewardEvalReport> evaluateRewardPairs(Store &store, const QString &pairsPath, const QString &device,
                                             const ProgressCallback &progress)
{
    auto dir = currentRewardModelDir(store);
    if (!dir)
        return fail(dir.error());
    if (dir->isEmpty())
        return fail(QStringLiteral("the project has no reward model yet; train one: rlhf-lab-cli train reward --db F"));
    return evaluateRewardPairs(*dir, pairsPath, device, progress);
}

} // namespace lab
