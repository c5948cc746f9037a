#include "explanation_writer.h"

namespace lab::synth {

namespace {

QString pickOr(Rng &rng, const QStringList &options, const QString &fallback)
{
    return options.isEmpty() ? fallback : rng.pick(options);
}

// What "the thing that broke" is called in each system, for the generic style.
QString thingFor(const QString &system)
{
    if (system == QLatin1String("spark"))
        return QStringLiteral("Spark job");
    if (system == QLatin1String("dlt"))
        return QStringLiteral("pipeline");
    if (system == QLatin1String("k8s"))
        return QStringLiteral("workload");
    if (system == QLatin1String("s3"))
        return QStringLiteral("data access");
    return QStringLiteral("service");
}

// Generic text never names an identifier or a cause: it is the base model's favourite answer.
QString generic(const Incident &incident, Rng &rng)
{
    const QString thing = thingFor(incident.truth.system);
    const QStringList openers = {
        QStringLiteral("The %1 failed because of an error during execution.").arg(thing),
        QStringLiteral("Something went wrong while the %1 was running.").arg(thing),
        QStringLiteral("The %1 ran into an unexpected failure.").arg(thing),
        QStringLiteral("This looks like a failure in the %1.").arg(thing),
        QStringLiteral("It seems the %1 did not complete successfully.").arg(thing),
    };
    const QStringList middles = {
        QStringLiteral("The log contains several errors and warnings, which points to some instability in the environment."),
        QStringLiteral("It could be a transient infrastructure problem or a configuration issue."),
        QStringLiteral("There may be an issue with the configuration or with one of the dependencies."),
        QStringLiteral("Errors like this usually happen when the system is under load or something changed recently."),
        QStringLiteral("Check the logs for more details and look for exceptions around the time of the failure."),
    };
    const QStringList closers = {
        QStringLiteral("Retry the operation and monitor it; if it keeps happening, escalate to the owning team."),
        QStringLiteral("Review recent changes and restart the affected component."),
        QStringLiteral("Consider opening a ticket with the platform team and attaching the logs."),
        QStringLiteral("Try running it again, and if the problem persists, investigate further."),
    };
    QStringList middle = middles;
    rng.shuffle(middle);
    QString text = rng.pick(openers);
    text += QLatin1Char(' ') + middle.at(0);
    if (rng.chance(0.5))
        text += QLatin1Char(' ') + middle.at(1);
    return text + QLatin1Char(' ') + rng.pick(closers);
}

QString good(const Incident &incident, Rng &rng)
{
    const ExplanationMaterial &m = incident.material;
    static const QStringList openers = {QString(), QString(), QStringLiteral("Root cause: "), QStringLiteral("Cause: "),
                                        QStringLiteral("What happened: ")};
    static const QStringList fixLabels = {QString(), QStringLiteral("Fix: "), QStringLiteral("Next step: "), QStringLiteral("Action: ")};
    QString text = rng.pick(openers);
    text += pickOr(rng, m.cause, incident.truth.summary);
    if (rng.chance(0.7) && !m.evidence.isEmpty())
        text += QLatin1Char(' ') + rng.pick(m.evidence);
    text += QLatin1Char(' ') + rng.pick(fixLabels);
    text += pickOr(rng, m.fix, incident.truth.safeActions.value(0));
    return text;
}

QString hallucinated(const Incident &incident, Rng &rng)
{
    const ExplanationMaterial &m = incident.material;
    if (m.wrongCause.isEmpty() || (!m.fakeSwaps.isEmpty() && rng.chance(0.6))) {
        // Right story, invented identifier: swap real ids for look-alikes until one lands.
        for (int attempt = 0; attempt < 8; ++attempt) {
            QString text = good(incident, rng);
            QList<QPair<QString, QString>> swaps = m.fakeSwaps;
            rng.shuffle(swaps);
            bool swapped = false;
            for (const auto &swap : std::as_const(swaps)) {
                if (text.contains(swap.first)) {
                    text.replace(swap.first, swap.second);
                    swapped = true;
                    if (rng.chance(0.5))
                        break;
                }
            }
            if (swapped)
                return text;
        }
    }
    // A cause that is not in the log, told with confidence.
    static const QStringList openers = {QString(), QStringLiteral("Root cause: "), QStringLiteral("Looking at the log, ")};
    static const QStringList closers = {QStringLiteral("Fix that and rerun."), QStringLiteral("Once that is sorted out, restart it."),
                                        QStringLiteral("Have the owning team look at it and retry.")};
    QString cause = pickOr(rng, m.wrongCause, QStringLiteral("An unrelated component failed."));
    QString opener = rng.pick(openers);
    if (opener.endsWith(QLatin1String(", ")))
        cause[0] = cause[0].toLower();
    return opener + cause + QLatin1Char(' ') + rng.pick(closers);
}

QString verbose(const Incident &incident, Rng &rng)
{
    const ExplanationMaterial &m = incident.material;
    const QString cause = pickOr(rng, m.cause, incident.truth.summary);
    QString other = pickOr(rng, m.cause, cause);
    static const QStringList intros = {
        QStringLiteral("Let me walk through what I see in this log step by step, because there is a lot going on here."),
        QStringLiteral("Okay, so there are a lot of lines in this log, and I went through all of them carefully."),
        QStringLiteral("This is an interesting one, and there are several things in the log that are worth discussing in detail."),
    };
    static const QStringList fillers = {
        QStringLiteral("There are also many INFO lines, which are normal and show that the system was doing its usual work before the failure."),
        QStringLiteral("Some warnings appear as well, and while they might not be directly related, it is always good practice to look at warnings too."),
        QStringLiteral("It is important to look at the whole picture, because failures in distributed systems often have more than one contributing factor."),
        QStringLiteral("In general it is a good idea to keep monitoring in place and to review the logs regularly so that issues are caught early."),
        QStringLiteral("As always, it is recommended to check the logs, check the configuration, and check the recent changes."),
    };
    QStringList picked = fillers;
    rng.shuffle(picked);
    QString text = rng.pick(intros) + QLatin1Char(' ') + cause;
    if (!m.evidence.isEmpty())
        text += QLatin1Char(' ') + rng.pick(m.evidence);
    text += QLatin1Char(' ') + picked.at(0) + QLatin1Char(' ') + picked.at(1);
    text += QStringLiteral(" In other words, ") + other.left(1).toLower() + other.mid(1);
    text += QLatin1Char(' ') + picked.at(2) + QLatin1Char(' ') + picked.at(3);
    text += QStringLiteral(" So, to summarise what I said above: ") + cause.left(1).toLower() + cause.mid(1);
    text += QLatin1Char(' ') + pickOr(rng, m.fix, incident.truth.safeActions.value(0));
    text += QStringLiteral(" And again, to summarise, the main point is that ") + cause.left(1).toLower() + cause.mid(1);
    text += QStringLiteral(" It is also worth checking the logs again, checking the logs again later, and keeping an eye on it going forward.");
    return text;
}

QString unsafe(const Incident &incident, Rng &rng)
{
    const ExplanationMaterial &m = incident.material;
    QString text = pickOr(rng, m.cause, incident.truth.summary);
    if (rng.chance(0.4) && !m.evidence.isEmpty())
        text += QLatin1Char(' ') + rng.pick(m.evidence);
    return text + QLatin1Char(' ') + pickOr(rng, m.unsafeFix, incident.truth.unsafeActions.value(0));
}

QString symptom(const Incident &incident, Rng &rng)
{
    const QString text = pickOr(rng, incident.material.symptomBlame, QStringLiteral("The job failed; rerun it."));
    static const QStringList tails = {QString(), QString(), QStringLiteral(" Keep an eye on it after the restart."),
                                      QStringLiteral(" If it happens again, page the owning team.")};
    return text + rng.pick(tails);
}

QString noise(const Incident &incident, Rng &rng)
{
    static const QStringList openers = {QString(), QStringLiteral("The warning explains it: "), QStringLiteral("Root cause: ")};
    const QString blame = pickOr(rng, incident.material.noiseBlame, QString());
    if (blame.isEmpty())
        return generic(incident, rng);
    return rng.pick(openers) + blame;
}

} // namespace

QString writeExplanation(const Incident &incident, ExplanationStyle style, Rng &rng)
{
    switch (style) {
    case ExplanationStyle::Good: return good(incident, rng);
    case ExplanationStyle::Symptom: return symptom(incident, rng);
    case ExplanationStyle::Noise: return noise(incident, rng);
    case ExplanationStyle::Generic: return generic(incident, rng);
    case ExplanationStyle::Hallucinated: return hallucinated(incident, rng);
    case ExplanationStyle::Verbose: return verbose(incident, rng);
    case ExplanationStyle::Unsafe: return unsafe(incident, rng);
    }
    return {};
}

QList<StyledExplanation> writeAllExplanations(const Incident &incident)
{
    QList<StyledExplanation> out;
    for (ExplanationStyle style : allStyles()) {
        Rng rng(mixSeed(incident.seed, 1000 + quint64(style)));
        out << StyledExplanation{style, writeExplanation(incident, style, rng)};
    }
    return out;
}

} // namespace lab::synth
