#pragma once
#include <QString>

namespace lab {

// The folder with the lab's bundled resources (demo corpus, default model): next to the
// executable in a build tree, under share/ when installed. Empty if none is found.
QString bundledResourceDir();

// The folder with ../shared/data (loghub, tokenizer fixtures) for tests and benchmarks:
// $LAB_SHARED_DATA if set, else the configured default. Empty if it does not exist.
QString sharedDataDir(const QString &configuredDefault = {});

} // namespace lab
