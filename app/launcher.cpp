// The installed `rlhf-lab` and `rlhf-lab-cli` are this small launcher. It sets the thread
// environment (core/common/thread_environment.h) and then starts the real executable, so that
// libgomp, OpenBLAS and LibTorch read the right settings when they load, and LibTorch is loaded
// once per start rather than twice as a self re-exec would. Plain libc: nothing heavy loads here.
#include "core/common/thread_environment.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

#ifndef LAB_REAL_NAME
#error "LAB_REAL_NAME must name the executable to start"
#endif

int main(int argc, char **argv)
{
    (void)argc;
    char self[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof(self) - 1);
    std::string dir = ".";
    if (n > 0) {
        self[n] = '\0';
        dir = self;
        dir.erase(dir.find_last_of('/'));
    }
    // Build tree: app/libexec/NAME; installed: bin/../libexec/rlhf-log-lab/NAME.
    const std::string candidates[] = {dir + "/libexec/" LAB_REAL_NAME,
                                      dir + "/../libexec/rlhf-log-lab/" LAB_REAL_NAME};
    lab::setThreadEnvironment();
    ::setenv("LAB_NO_REEXEC", "1", 1);
    for (const std::string &real : candidates) {
        if (::access(real.c_str(), X_OK) == 0) {
            ::execv(real.c_str(), argv);
            std::fprintf(stderr, "%s: cannot start %s: %s\n", LAB_REAL_NAME, real.c_str(), std::strerror(errno));
            return 127;
        }
    }
    std::fprintf(stderr, "%s: the program files are missing (looked for %s)\n", LAB_REAL_NAME,
                 candidates[0].c_str());
    return 127;
}
