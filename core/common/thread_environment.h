#pragma once
// libgomp and OpenBLAS read their thread settings when they are loaded, which happens before
// main() for a binary linked against LibTorch, so a setenv() in main is too late. The launchers
// (app/launcher.cpp) set them before starting the real executables; an executable started
// directly re-executes itself once instead. shared/bench/README.md has the measurements: without
// OMP_WAIT_POLICY=passive, generation runs 2-3x slower on 2 cores.
//
// Plain libc, no Qt: the launchers link nothing else.
namespace lab {

// Sets OMP_NUM_THREADS and OPENBLAS_NUM_THREADS to the core count and OMP_WAIT_POLICY=passive,
// each only where the user has not set it. Returns true if anything changed.
bool setThreadEnvironment();

// setThreadEnvironment(), then re-executes the program if anything changed, so that the
// libraries load with the settings. Returns when nothing had to change, when LAB_NO_REEXEC is
// set (the launchers set it), or when the re-exec is impossible.
void ensureThreadEnvironment(int argc, char **argv);

} // namespace lab
