// Wall-clock measurement shared by every nnplay benchmark, with the same protocol as
// bench/torch_bench.py: calibrate a block of work lasting about 1 ms, warm up, then time several
// windows and keep the best one (the least disturbed by other processes on a shared machine)
// and the median.
#pragma once
#include <time.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace nnplay::bench {

struct Rate {
  double best = 0;    // units per second in the best window
  double median = 0;  // units per second, median window
  long units = 0;     // units done in all windows
  double seconds = 0; // time spent in all windows
  double cpu_seconds = 0;  // CPU time of the whole process (all threads) in those windows
  int windows = 0;
};

inline double now_seconds() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

// CPU time of the process: beside wall time it shows how much of the machine the benchmark
// actually got (colleagues compiling on the same two cores take the rest).
inline double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

// run(k) does k repetitions of the work (k steps, k predictions...) and returns the units done
// (samples, calls). seconds is the measured total, split into `windows` windows.
inline Rate measure(const std::function<long(long)>& run, double seconds, int windows,
                    double warmup_seconds) {
  // Calibrate: double the block until it lasts about a millisecond. The first call is left out:
  // it allocates and faults in buffers, and alone could outlast the millisecond.
  run(1);
  long block = 1;
  for (;;) {
    const double t0 = now_seconds();
    run(block);
    if (now_seconds() - t0 > 1e-3 || block >= (1L << 20)) break;
    block *= 2;
  }
  for (const double end = now_seconds() + warmup_seconds; now_seconds() < end;) run(block);

  Rate r;
  r.windows = std::max(1, windows);
  std::vector<double> rates;
  const double window = seconds / r.windows;
  for (int w = 0; w < r.windows; ++w) {
    long units = 0;
    const double c0 = cpu_seconds();
    const double t0 = now_seconds();
    double t = t0;
    do {
      units += run(block);
      t = now_seconds();
    } while (t - t0 < window);
    rates.push_back(units / (t - t0));
    r.units += units;
    r.seconds += t - t0;
    r.cpu_seconds += cpu_seconds() - c0;
  }
  std::sort(rates.begin(), rates.end());
  r.best = rates.back();
  r.median = rates[rates.size() / 2];
  return r;
}

}  // namespace nnplay::bench
