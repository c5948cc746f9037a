#pragma once
#include <QString>

namespace lab {

// The folder with the lab's bundled resources (demo corpus, default model): $LAB_RESOURCE_DIR if
// set, else build/resources/bundle in a build tree, else <prefix>/share/rlhf-log-lab when
// installed (the real binaries live in <prefix>/libexec/rlhf-log-lab/). Empty if none is found.
QString bundledResourceDir();

// The model `explain` and candidate generation use when none is named: $LAB_MODEL_DIR if set,
// else <bundledResourceDir()>/models/lab-tiny. The folder may not exist (no model trained or
// bundled yet); callers say so and how to get one.
QString defaultModelDir();

// The folder with ../shared/data (loghub, tokenizer fixtures) for tests and benchmarks:
// $LAB_SHARED_DATA if set, else the configured default. Empty if it does not exist.
QString sharedDataDir(const QString &configuredDefault = {});

} // namespace lab
