#pragma once
// Test helper: paths into ../shared/data, which tests read in place and never copy.
#include "core/common/paths.h"
#include <QFileInfo>
#include <QString>
#include <QTest>

namespace lab::test {

inline QString sharedData(const QString &relative)
{
    const QString root = lab::sharedDataDir(QStringLiteral(LAB_SHARED_DATA_DIR));
    return root.isEmpty() ? QString() : root + QLatin1Char('/') + relative;
}

} // namespace lab::test

// Skips the current test function, with the reason, when a shared fixture is missing.
#define LAB_REQUIRE_SHARED(var, relative)                                                         \
    const QString var = lab::test::sharedData(QStringLiteral(relative));                          \
    if (var.isEmpty() || !QFileInfo::exists(var))                                                 \
        QSKIP(qPrintable(QStringLiteral("shared data not found: ../shared/data/" relative          \
                                        " (set LAB_SHARED_DATA to its folder)")))
