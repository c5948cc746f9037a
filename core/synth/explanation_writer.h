#pragma once
// Writes candidate explanations of an incident in each style, the way different on-call
// engineers (or a base LLM) would: several phrasings per style with random variation, so that
// no model can learn one sentence per style.
#include "incident.h"
#include "rng.h"

namespace lab::synth {

QString writeExplanation(const Incident &incident, ExplanationStyle style, Rng &rng);

struct StyledExplanation
{
    ExplanationStyle style;
    QString text;
};

// One explanation per style, drawn from a stream derived from the incident's own seed.
QList<StyledExplanation> writeAllExplanations(const Incident &incident);

} // namespace lab::synth
