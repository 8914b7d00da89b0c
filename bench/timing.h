// Wall-clock measurement shared by every nnplay benchmark, with the same protocol as
// bench/torch_bench.py: calibrate a block of work lasting about 1 ms, warm up, then time several
// windows and keep the best one (the least disturbed by other processes on a shared machine)
// and the median. One difference: nnplay's thread counts are measured in alternating windows
// (their ratio is a target), PyTorch's in separate processes (its BLAS pool is sized at start).
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
// (samples, calls).
using Run = std::function<long(long)>;

// The block of repetitions to time: doubled until it lasts about a millisecond. The first call
// is left out: it allocates and faults in buffers, and alone could outlast the millisecond.
inline long calibrate(const Run& run) {
  run(1);
  long block = 1;
  for (;;) {
    const double t0 = now_seconds();
    run(block);
    if (now_seconds() - t0 > 1e-3 || block >= (1L << 20)) return block;
    block *= 2;
  }
}

// seconds is each run's measured total, split into `windows` windows. With several runs whose
// ratio matters (the same training on 1 and 2 threads), their windows alternate (A B A B ...),
// so a change in the machine's speed during the measurement (a virtual machine's neighbours,
// clock changes) affects them alike instead of whichever happened to run then.
inline std::vector<Rate> measure_interleaved(const std::vector<Run>& runs, double seconds,
                                             int windows, double warmup_seconds) {
  std::vector<long> blocks;
  for (const Run& run : runs) {
    blocks.push_back(calibrate(run));
    for (const double end = now_seconds() + warmup_seconds; now_seconds() < end;) run(blocks.back());
  }
  std::vector<Rate> out(runs.size());
  std::vector<std::vector<double>> rates(runs.size());
  const int n = std::max(1, windows);
  const double window = seconds / n;
  for (int w = 0; w < n; ++w)
    for (size_t i = 0; i < runs.size(); ++i) {
      long units = 0;
      const double c0 = cpu_seconds();
      const double t0 = now_seconds();
      double t = t0;
      do {
        units += runs[i](blocks[i]);
        t = now_seconds();
      } while (t - t0 < window);
      rates[i].push_back(units / (t - t0));
      out[i].units += units;
      out[i].seconds += t - t0;
      out[i].cpu_seconds += cpu_seconds() - c0;
    }
  for (size_t i = 0; i < runs.size(); ++i) {
    std::sort(rates[i].begin(), rates[i].end());
    out[i].windows = n;
    out[i].best = rates[i].back();
    out[i].median = rates[i][rates[i].size() / 2];
  }
  return out;
}

inline Rate measure(const Run& run, double seconds, int windows, double warmup_seconds) {
  return measure_interleaved({run}, seconds, windows, warmup_seconds)[0];
}

}  // namespace nnplay::bench
