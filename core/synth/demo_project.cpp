#include "demo_project.h"

#include "synth_project.h"

#include "core/store/store.h"

namespace lab::synth {

Result<DemoSummary> createDemoProject(const QString &path, quint64 seed, const ProgressCallback &progress, int incidents)
{
    auto store = Store::open(path);
    if (!store)
        return fail(store.error());
    auto existing = (*store)->countIncidents();
    if (!existing)
        return fail(existing.error());
    if (*existing > 0)
        return fail(QStringLiteral("%1 already holds %2 incidents; the demo project needs a new file").arg(path).arg(*existing));

    // Progress: generation is most of the work, labeling the rest.
    const qint64 total = qint64(incidents) * 4;
    auto synth = writeSyntheticIncidents(**store, seed, incidents, [&](qint64 done, qint64) {
        return reportProgress(progress, done * 3, total);
    });
    if (!synth)
        return fail(synth.error());
    const qint64 toVote = qint64(synth->pairs * kDemoVotedShare);
    auto labels = autoLabel(**store, kDemoNoise, seed, toVote, [&](qint64 done, qint64 all) {
        return reportProgress(progress, qint64(incidents) * 3 + (all > 0 ? done * incidents / all : 0), total);
    });
    if (!labels)
        return fail(labels.error());
    reportProgress(progress, total, total);
    return DemoSummary{synth->incidents, synth->pairs, labels->votes};
}

} // namespace lab::synth
