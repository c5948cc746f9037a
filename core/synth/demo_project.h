#pragma once
// The bundled demo project: what the GUI opens on first start and the README's set-up command
// makes. Synthetic incidents with candidate pairs, some of them already voted on by the
// simulated engineer, so every view has something to show and there is still labeling to do.
#include "core/common/progress.h"
#include "core/common/result.h"

#include <QString>

namespace lab::synth {

inline constexpr int kDemoIncidents = 300;
inline constexpr double kDemoVotedShare = 0.4; // of the pairs
inline constexpr double kDemoNoise = 0.1;

struct DemoSummary
{
    int incidents = 0;
    int pairs = 0;
    int votes = 0;
};

// Creates the project at `path` (a new or empty database). Refuses a database that already
// holds incidents, so it never mixes the demo into someone's work.
Result<DemoSummary> createDemoProject(const QString &path, quint64 seed = 1, const ProgressCallback &progress = {},
                                      int incidents = kDemoIncidents);

} // namespace lab::synth
