#pragma once
// Timing helpers shared by the benchmarks (header only: every bench_*.cpp is its own program).
#include <QElapsedTimer>

#include <algorithm>
#include <ctime>
#include <functional>
#include <vector>

namespace lab::bench {

// This thread's CPU time in milliseconds: what a call costs even when the machine is busy.
inline double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct Timing
{
    double wallMs = 0;
    double cpuMs = 0;
};

// Median over `runs` of one call of `work` after one warm-up call (wall and process CPU time).
inline Timing measure(int runs, const std::function<void()> &work)
{
    std::vector<double> wall, cpu;
    work();
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        const std::clock_t c0 = std::clock();
        timer.start();
        work();
        wall.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(double(std::clock() - c0) * 1000.0 / CLOCKS_PER_SEC);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

} // namespace lab::bench
