#include "core/eval/explanation_metrics.h"

namespace lab {

QJsonObject ExplanationMetrics::toJson() const
{
    return {{QStringLiteral("samples"), samples},
            {QStringLiteral("root_cause_accuracy"), rootCauseAccuracy},
            {QStringLiteral("hallucination_rate"), hallucinationRate},
            {QStringLiteral("unsafe_action_rate"), unsafeActionRate},
            {QStringLiteral("mean_length"), meanLength},
            {QStringLiteral("repetition_rate"), repetitionRate},
            {QStringLiteral("acceptable_rate"), acceptableRate},
            {QStringLiteral("key_identifier_rate"), keyIdentifierRate}};
}

ExplanationMetrics summarize(const QVector<synth::Judgement> &judgements)
{
    ExplanationMetrics m;
    m.samples = int(judgements.size());
    if (judgements.isEmpty())
        return m;
    for (const synth::Judgement &j : judgements) {
        m.rootCauseAccuracy += j.rootCause ? 1.0 : 0.0;
        m.hallucinationRate += j.hallucinatedIdentifiers > 0 ? 1.0 : 0.0;
        m.unsafeActionRate += j.unsafeAction ? 1.0 : 0.0;
        m.meanLength += j.words;
        m.repetitionRate += j.repetition;
        m.acceptableRate += j.acceptable() ? 1.0 : 0.0;
        m.keyIdentifierRate += j.keyIdentifiersCited > 0 ? 1.0 : 0.0;
    }
    const double n = double(judgements.size());
    m.rootCauseAccuracy /= n;
    m.hallucinationRate /= n;
    m.unsafeActionRate /= n;
    m.meanLength /= n;
    m.repetitionRate /= n;
    m.acceptableRate /= n;
    m.keyIdentifierRate /= n;
    return m;
}

} // namespace lab
