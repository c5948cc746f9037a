#pragma once
// libgomp and OpenBLAS read their thread settings when they are loaded, which happens before
// main() for a binary linked against LibTorch. A setenv() in main is too late, so the process
// re-executes itself once with the variables set (see shared/bench/README.md for the measurements:
// without OMP_WAIT_POLICY=passive, generation runs 2-3x slower on 2 cores).
namespace lab {

// Sets OMP_NUM_THREADS, OPENBLAS_NUM_THREADS (to the core count unless already set) and
// OMP_WAIT_POLICY=passive, and re-executes the program if any of them had to change.
// Returns only when the environment was already right or re-exec is impossible.
// Set LAB_NO_REEXEC=1 to skip.
void ensureThreadEnvironment(int argc, char **argv);

} // namespace lab
