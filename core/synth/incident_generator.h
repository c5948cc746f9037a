#pragma once
// The incident generator: a deterministic function from (seed, index) to an incident. Same seed,
// same bytes, on every platform; incident i does not depend on how many others are drawn.
#include "incident.h"

#include "core/common/progress.h"

#include <QList>
#include <optional>

namespace lab::synth {

// The kind incident `index` of `seed` gets: every block of allKinds().size() consecutive indices
// holds each kind once, in an order shuffled per block, so any 21 consecutive incidents cover
// all kinds.
IncidentKind kindForIndex(quint64 seed, int index);

// One incident. `kind` overrides the kind schedule (tests use it to draw many of one kind).
Incident generateIncident(quint64 seed, int index, std::optional<IncidentKind> kind = std::nullopt);

// Incidents 0..count-1. Returns an error if cancelled through `progress`.
Result<QList<Incident>> generateIncidents(quint64 seed, int count, const ProgressCallback &progress = {});

} // namespace lab::synth
