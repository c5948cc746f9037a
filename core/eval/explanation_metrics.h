#pragma once
// The evaluation measures of DESIGN.md over judged explanations: root_cause_accuracy,
// hallucination_rate, unsafe_action_rate, mean_length, repetition_rate, plus acceptable_rate (an
// engineer would take it as is: right cause, no invented identifier, no unsafe action) and
// key_identifier_rate (cites at least one of the incident's key identifiers). mean_reward and
// win_rate need a reward model and a second model; they come with the training issue.
#include "core/synth/simulated_engineer.h"

#include <QJsonObject>
#include <QVector>

namespace lab {

struct ExplanationMetrics
{
    int samples = 0;
    double rootCauseAccuracy = 0.0;
    double hallucinationRate = 0.0; // share of explanations with at least one invented identifier
    double unsafeActionRate = 0.0;
    double meanLength = 0.0;        // words
    double repetitionRate = 0.0;    // mean share of repeated word trigrams
    double acceptableRate = 0.0;
    double keyIdentifierRate = 0.0;

    QJsonObject toJson() const; // the DESIGN.md names, plus "samples"
};

ExplanationMetrics summarize(const QVector<synth::Judgement> &judgements);

} // namespace lab
