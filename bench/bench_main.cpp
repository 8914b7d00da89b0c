// nnplay_bench: nnplay's side of the benchmarks (scripts/bench.sh runs it beside PyTorch's,
// bench/torch_bench.py, and prints the ratios). Training throughput times TrainingSession::step()
// exactly as the trainer thread calls it, on each thread count in alternating windows; the
// decision grid times TrainingSession::predict().
//
//   nnplay_bench [--only W1,W2,grid,W3,W4] [--threads 1,2] [--seconds S] [--windows N] [--json]
//
// --json prints one JSON object per line (what scripts/bench_report.py reads); otherwise a table.
#include <Eigen/Core>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "bench/timing.h"
#include "bench/workloads.h"
#include "engine/core/error.h"
#include "engine/core/thread_pool.h"
#include "engine/train/session.h"

namespace nnplay::bench {
namespace {

const char* kHelp = R"(usage: nnplay_bench [options]

Measures nnplay's training throughput (samples/s), decision-grid latency and the cost of
per-layer statistics. scripts/bench.sh runs this beside PyTorch and prints ratios.

options:
  --only LIST       workloads to run, comma separated: W1,W2,grid,W3,W4,pool (default: all;
                    pool = the thread pool's hand-off latency, nnplay only)
  --threads LIST    thread counts (default: 1,2)
  --seconds S       measured seconds per configuration (default: 2)
  --windows N       the measured time is split into N windows; the best and the median
                    window are reported (default: 5)
  --warmup S        warm-up seconds before measuring (default: 0.5)
  --no-stats        skip the statistics on/off comparison for W1 and W2
  --json            one JSON object per line instead of a table
  --checksum N      instead of timing, train N steps per workload and thread count and print
                    a hash of the parameters (performance changes must not change it)
  --help            this text
)";

struct Options {
  std::vector<std::string> only = workload_names();
  std::vector<int> threads = {1, 2};
  double seconds = 2, warmup = 0.5;
  int windows = 5;
  long checksum_steps = 0;
  bool json = false, stats = true;
};

// The GUI's trainer publishes a snapshot, with layer_stats(), about every 30 ms.
constexpr double kPublishSeconds = 0.030;
constexpr int kGridSide = 256;

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw Error(a + " needs a value (see --help)");
      return argv[++i];
    };
    if (a == "--only") {
      o.only = split_list(value());
      for (auto& w : o.only) {
        for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (w.size() == 2 && w[0] == 'w') w[0] = 'W';
        const auto& names = workload_names();
        if (std::find(names.begin(), names.end(), w) == names.end())
          throw Error("--only: unknown workload '" + w + "': expected W1, W2, grid, W3, W4 or pool");
      }
    } else if (a == "--threads") {
      o.threads.clear();
      for (const auto& t : split_list(value())) o.threads.push_back(std::stoi(t));
    } else if (a == "--seconds") {
      o.seconds = std::stod(value());
    } else if (a == "--windows") {
      o.windows = std::stoi(value());
    } else if (a == "--warmup") {
      o.warmup = std::stod(value());
    } else if (a == "--no-stats") {
      o.stats = false;
    } else if (a == "--checksum") {
      o.checksum_steps = std::stol(value());
    } else if (a == "--json") {
      o.json = true;
    } else if (a == "--help") {
      std::printf("%s", kHelp);
      std::exit(0);
    } else {
      throw Error("unknown option '" + a + "' (see --help)");
    }
  }
  return o;
}

struct Result {
  std::string workload, metric, unit, note;
  int threads = 1, batch = 0;
  double best = 0, median = 0, seconds = 0, cpu_seconds = 0, flops_per_sample = 0;
  long units = 0;
  size_t params = 0;
};

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

void print(const Options& o, const Result& r) {
  if (o.json) {
    std::printf(
        "{\"side\": \"nnplay\", \"workload\": \"%s\", \"threads\": %d, \"metric\": \"%s\", "
        "\"unit\": \"%s\", \"best\": %.6g, \"median\": %.6g, \"seconds\": %.3f, \"cpu_seconds\": %.3f, \"units\": %ld, "
        "\"batch\": %d, \"params\": %zu, \"flops_per_sample\": %.6g, \"note\": \"%s\"}\n",
        r.workload.c_str(), r.threads, r.metric.c_str(), r.unit.c_str(), r.best, r.median, r.seconds,
        r.cpu_seconds, r.units, r.batch, r.params, r.flops_per_sample, json_escape(r.note).c_str());
  } else {
    std::printf("%-5s %-12s %2d thr  best %12.4g  median %12.4g %-10s  cpu %3.0f%%  (%s)\n",
                r.workload.c_str(), r.metric.c_str(), r.threads, r.best, r.median, r.unit.c_str(),
                100 * r.cpu_seconds / (r.seconds * r.threads), r.note.c_str());
  }
  std::fflush(stdout);
}

// Training throughput on each thread count, measured in alternating windows (timing.h); with
// stats on, layer_stats() runs every 30 ms of wall time as in the GUI.
std::vector<Result> train_rates(const Options& o, const Workload& w, const std::vector<int>& threads,
                                bool stats) {
  TrainSettings settings = w.settings;
  settings.collect_stats = stats;
  struct Side {
    std::unique_ptr<ThreadPool> pool;
    std::unique_ptr<TrainingSession> session;
    double next_publish = 0;
  };
  std::vector<Side> sides(threads.size());
  std::vector<Run> runs;
  volatile double sink = 0;
  for (size_t i = 0; i < threads.size(); ++i) {
    Side& side = sides[i];
    side.pool = std::make_unique<ThreadPool>(threads[i]);
    side.session = std::make_unique<TrainingSession>(w.data, w.spec, w.loss, settings, 1, side.pool.get());
    side.next_publish = now_seconds() + kPublishSeconds;
    runs.push_back([&, i](long k) {
      Side& sd = sides[i];
      TrainingSession& s = *sd.session;
      const long before = s.samples_seen();
      for (long n = 0; n < k; ++n) sink = sink + s.step();
      if (stats && now_seconds() >= sd.next_publish) {
        sink = sink + s.layer_stats().size();
        sd.next_publish = now_seconds() + kPublishSeconds;
      }
      return s.samples_seen() - before;
    });
  }
  const std::vector<Rate> rates = measure_interleaved(runs, o.seconds, o.windows, o.warmup);
  std::vector<Result> out;
  for (size_t i = 0; i < threads.size(); ++i) {
    const TrainingSession& s = *sides[i].session;
    const Rate& rate = rates[i];
    Result r;
    r.workload = w.name;
    r.metric = stats ? "train_stats" : "train";
    r.unit = "samples/s";
    r.threads = sides[i].pool->size();
    r.batch = settings.batch_size;
    r.best = rate.best;
    r.median = rate.median;
    r.seconds = rate.seconds;
    r.cpu_seconds = rate.cpu_seconds;
    r.units = rate.units;
    r.params = s.network().param_count();
    r.flops_per_sample = s.network().flops_per_sample();
    r.note = w.data_note + ", " + std::to_string(s.plan_chunks(settings.batch_size)) + " chunk(s)/step";
    if (stats) r.note += ", collect_stats on + layer_stats() every 30 ms";
    out.push_back(r);
  }
  return out;
}

// Latency of one 256 x 256 decision grid through predict() (which uses the pool).
Result grid_latency(const Options& o, const Workload& w, int threads) {
  ThreadPool pool(threads);
  TrainingSession s(w.data, w.spec, w.loss, w.settings, 1, &pool);
  for (int i = 0; i < 100; ++i) s.step();  // trained a little, as when the grid is drawn
  const Matrix grid = decision_grid_rows(kGridSide);
  Matrix out;
  auto run = [&](long k) {
    for (long i = 0; i < k; ++i) s.predict(grid, out);
    return k;
  };
  const Rate rate = measure(run, o.seconds, o.windows, o.warmup);
  Result r;
  r.workload = "grid";
  r.metric = "grid";
  r.unit = "ms";
  r.threads = pool.size();
  r.best = 1e3 / rate.best;  // the fastest window gives the lowest latency
  r.median = 1e3 / rate.median;
  r.seconds = rate.seconds;
  r.cpu_seconds = rate.cpu_seconds;
  r.units = rate.units;
  r.params = s.network().param_count();
  r.flops_per_sample = s.network().flops_per_sample();
  r.note = std::to_string(kGridSide) + "x" + std::to_string(kGridSide) + " rows through W1, predict()";
  return r;
}

// FNV-1a over the parameters' bytes after `steps` steps: equal hashes mean bit-identical training.
void checksum(const Options& o) {
  for (const auto& name : o.only) {
    if (name == "grid" || name == "pool") continue;
    const Workload w = make_workload(name);
    for (int t : o.threads) {
      ThreadPool pool(t);
      TrainingSession s(w.data, w.spec, w.loss, w.settings, 1, &pool);
      for (long i = 0; i < o.checksum_steps; ++i) s.step();
      uint64_t h = 1469598103934665603ULL;
      for (Scalar p : s.network().params()) {
        unsigned char bytes[sizeof(Scalar)];
        std::memcpy(bytes, &p, sizeof p);
        for (unsigned char b : bytes) h = (h ^ b) * 1099511628211ULL;
      }
      std::printf("%s %d thread(s) %ld steps: %016llx\n", name.c_str(), pool.size(), o.checksum_steps,
                  static_cast<unsigned long long>(h));
    }
  }
}

// One parallel_for of two 20-microsecond tasks: 20 us when the worker takes one at once, 40 us
// when the caller ends up doing both; the excess is what a data-parallel step pays for handing
// work to the pool and waiting for it.
constexpr double kPoolTaskSeconds = 20e-6;

Result pool_handoff(const Options& o, int threads) {
  ThreadPool pool(threads);
  auto busy = [](int, int) {
    const double end = now_seconds() + kPoolTaskSeconds;
    while (now_seconds() < end) {
    }
  };
  auto run = [&](long k) {
    for (long i = 0; i < k; ++i) pool.parallel_for(2, busy);
    return k;
  };
  const Rate rate = measure(run, o.seconds, o.windows, o.warmup);
  Result r;
  r.workload = "pool";
  r.metric = "handoff";
  r.unit = "us";
  r.threads = pool.size();
  r.best = 1e6 / rate.best;
  r.median = 1e6 / rate.median;
  r.seconds = rate.seconds;
  r.cpu_seconds = rate.cpu_seconds;
  r.units = rate.units;
  r.note = "ThreadPool::parallel_for of 2 tasks of 20 us (ideal 20 us)";
  return r;
}

void run_all(const Options& o) {
  if (o.json)
    std::printf("{\"side\": \"nnplay\", \"info\": {\"simd\": \"%s\", \"eigen\": \"%d.%d.%d\", \"compiler\": \"%s\"}}\n",
                Eigen::SimdInstructionSetsInUse(), EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION,
                EIGEN_MINOR_VERSION, __VERSION__);
  for (const auto& name : workload_names()) {
    if (std::find(o.only.begin(), o.only.end(), name) == o.only.end()) continue;
    if (name == "pool") {
      for (int t : o.threads)
        if (t > 1) print(o, pool_handoff(o, t));
      continue;
    }
    const Workload w = make_workload(name);
    if (name == "grid") {
      for (int t : o.threads) print(o, grid_latency(o, w, t));
      continue;
    }
    for (const Result& r : train_rates(o, w, o.threads, false)) print(o, r);
    if (o.stats && (name == "W1" || name == "W2"))
      for (const Result& r : train_rates(o, w, o.threads, true)) print(o, r);
  }
}

}  // namespace
}  // namespace nnplay::bench

int main(int argc, char** argv) {
  try {
    const auto options = nnplay::bench::parse(argc, argv);
    if (options.checksum_steps > 0)
      nnplay::bench::checksum(options);
    else
      nnplay::bench::run_all(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "nnplay_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
