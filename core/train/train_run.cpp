#include "core/train/train_run.h"
#include "core/train/dpo_trainer.h"
#include "core/train/ppo_trainer.h"
#include "core/train/reward_trainer.h"

#include <QJsonArray>
#include <QLocale>
#include <cmath>

namespace lab {

QJsonObject VoteSelection::toJson() const
{
    QJsonObject json;
    if (!annotator.isEmpty())
        json.insert(QStringLiteral("annotator"), annotator);
    if (since.isValid())
        json.insert(QStringLiteral("since"), since.toUTC().toString(Qt::ISODateWithMs));
    return json;
}

Result<VoteSelection> VoteSelection::fromJson(const QJsonObject &json)
{
    VoteSelection selection;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() == QLatin1String("annotator") && it->isString()) {
            selection.annotator = it->toString();
        } else if (it.key() == QLatin1String("since") && it->isString()) {
            selection.since = QDateTime::fromString(it->toString(), Qt::ISODateWithMs);
            if (!selection.since.isValid())
                selection.since = QDateTime::fromString(it->toString(), Qt::ISODate);
            if (!selection.since.isValid())
                return fail(QStringLiteral("votes: 'since' must be a date and time like 2026-11-01T10:00:00Z, not '%1'")
                                .arg(it->toString()));
        } else {
            return fail(QStringLiteral("votes: unknown or mistyped key '%1' (known: annotator, since)").arg(it.key()));
        }
    }
    return selection;
}

QString VoteSelection::describe() const
{
    QString text = annotator.isEmpty() ? QStringLiteral("all votes")
                                       : QStringLiteral("votes by %1").arg(annotator);
    if (since.isValid())
        text += QStringLiteral(" since %1").arg(since.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    return text;
}

QJsonObject TrainOutcome::toJson() const
{
    QJsonObject json{{QStringLiteral("run_id"), runId},
                     {QStringLiteral("kind"), kind},
                     {QStringLiteral("status"), status},
                     {QStringLiteral("steps"), steps},
                     {QStringLiteral("resumed_from"), resumedFrom},
                     {QStringLiteral("seconds"), seconds},
                     {QStringLiteral("metrics"), metrics},
                     {QStringLiteral("vote_snapshot"), voteSnapshot}};
    if (!message.isEmpty())
        json.insert(QStringLiteral("message"), message);
    if (!outputDir.isEmpty())
        json.insert(QStringLiteral("output_dir"), outputDir);
    if (adapterId > 0) {
        json.insert(QStringLiteral("adapter"), adapterName);
        json.insert(QStringLiteral("adapter_id"), adapterId);
        json.insert(QStringLiteral("activated"), activated);
    }
    return json;
}

namespace {

QString typeName(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return QStringLiteral("true or false");
    case QMetaType::Int:
    case QMetaType::LongLong:
        return QStringLiteral("a whole number");
    case QMetaType::Double:
        return QStringLiteral("a number");
    default:
        return QStringLiteral("a string");
    }
}

QString rangeText(const TrainParam &p)
{
    return QStringLiteral("[%1, %2]").arg(p.minimum, 0, 'g', 6).arg(p.maximum, 0, 'g', 6);
}

} // namespace

Result<QJsonObject> resolveTrainConfig(const QVector<TrainParam> &params, const QJsonObject &given)
{
    QJsonObject out;
    QStringList known;
    for (const TrainParam &p : params)
        known << p.key;
    for (auto it = given.begin(); it != given.end(); ++it)
        if (!known.contains(it.key()))
            return fail(QStringLiteral("unknown setting '%1' (known: %2)").arg(it.key(), known.join(QStringLiteral(", "))));
    for (const TrainParam &p : params) {
        const QJsonValue value = given.value(p.key);
        if (value.isUndefined() || value.isNull()) {
            out.insert(p.key, QJsonValue::fromVariant(p.defaultValue));
            continue;
        }
        const QString bad = QStringLiteral("setting '%1' must be %2").arg(p.key, typeName(p.defaultValue));
        switch (p.defaultValue.typeId()) {
        case QMetaType::Bool:
            if (!value.isBool())
                return fail(bad);
            out.insert(p.key, value);
            break;
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::Double: {
            if (!value.isDouble())
                return fail(bad);
            const double x = value.toDouble();
            const bool whole = p.defaultValue.typeId() != QMetaType::Double;
            if (!std::isfinite(x) || (whole && x != std::floor(x)))
                return fail(bad);
            if (p.maximum > p.minimum && (x < p.minimum || x > p.maximum))
                return fail(QStringLiteral("setting '%1' must be in %2, not %3").arg(p.key, rangeText(p)).arg(x, 0, 'g', 6));
            out.insert(p.key, whole ? QJsonValue(qint64(x)) : QJsonValue(x));
            break;
        }
        default:
            if (!value.isString())
                return fail(bad);
            if (!p.choices.isEmpty() && !p.choices.contains(value.toString()))
                return fail(QStringLiteral("setting '%1' must be one of %2, not '%3'")
                                .arg(p.key, p.choices.join(QStringLiteral(", ")), value.toString()));
            out.insert(p.key, value);
        }
    }
    return out;
}

QStringList trainKinds()
{
    return {QString(kRunReward), QString(kRunDpo), QString(kRunPpo)};
}

TrainParam trainParam(const char *key, const char *label, const char *help, QVariant value, double min, double max,
                      bool advanced)
{
    TrainParam p;
    p.key = QString::fromLatin1(key);
    p.label = QString::fromLatin1(label);
    p.help = QString::fromLatin1(help);
    p.defaultValue = std::move(value);
    p.minimum = min;
    p.maximum = max;
    p.advanced = advanced;
    return p;
}

QVector<TrainParam> trainParams(const QString &kind)
{
    if (kind == QLatin1String(kRunReward))
        return rewardParams();
    if (kind == QLatin1String(kRunDpo))
        return dpoParams();
    if (kind == QLatin1String(kRunPpo))
        return ppoParams();
    return {};
}

Result<TrainOutcome> runTraining(const TrainJob &job, const TrainCallbacks &callbacks)
{
    if (!job.store)
        return fail(QStringLiteral("training needs a project database"));
    if (job.kind == QLatin1String(kRunReward))
        return runRewardTraining(job, callbacks);
    if (job.kind == QLatin1String(kRunDpo))
        return runDpoTraining(job, callbacks);
    if (job.kind == QLatin1String(kRunPpo))
        return runPpoTraining(job, callbacks);
    return fail(QStringLiteral("unknown training kind '%1' (known: %2)")
                    .arg(job.kind, trainKinds().join(QStringLiteral(", "))));
}

} // namespace lab
