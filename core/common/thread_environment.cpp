#include "core/common/thread_environment.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <thread>
#include <unistd.h>

namespace lab {

namespace {
bool setIfUnset(const char *name, const std::string &value)
{
    const char *current = std::getenv(name);
    if (current && *current)
        return false;
    ::setenv(name, value.c_str(), 1);
    return true;
}
} // namespace

bool setThreadEnvironment()
{
    const std::string n = std::to_string(std::max(1u, std::thread::hardware_concurrency()));
    bool changed = false;
    changed |= setIfUnset("OMP_NUM_THREADS", n);
    changed |= setIfUnset("OPENBLAS_NUM_THREADS", n);
    changed |= setIfUnset("OMP_WAIT_POLICY", "passive");
    return changed;
}

void ensureThreadEnvironment(int argc, char **argv)
{
    (void)argc;
    if (std::getenv("LAB_NO_REEXEC"))
        return;
    if (!setThreadEnvironment())
        return;
    ::setenv("LAB_NO_REEXEC", "1", 1); // never loop, whatever happens below
    ::execv("/proc/self/exe", argv);
    // execv failed (no /proc?): carry on with the settings the libraries already read.
}

} // namespace lab
