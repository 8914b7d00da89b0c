#include "engine/core/thread_pool.h"

#include <chrono>

#include "engine/core/thread_priority.h"
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

// How a job runs (all of it decides only WHICH thread runs a task, never what a task computes):
// - parallel_for posts the job under the lock and resets next_task_ to 0, then claims tasks
//   itself like any worker.
// - A worker joins a job only while some of its tasks are unclaimed (active_workers_ counts the
//   joined ones). A worker that wakes late finds nothing to do and does not join, so the caller
//   never waits for a thread that the OS has not scheduled yet.
// - remaining_ counts unfinished tasks plus joined workers (each holds one count from joining,
//   while tasks are unclaimed so it is > 0, until it has left run_tasks). At 0 the job is over
//   and job_ and tasks_ can be replaced safely.
// - Training posts a job per step, back to back, and waking a sleeping thread costs tens of
//   microseconds (far more on a busy machine), so both sides poll briefly before blocking:
//   workers for the next job (next_task_ dropping back to 0), the caller for the last tasks.

namespace nnplay {

namespace {

constexpr auto kSpin = std::chrono::microseconds(200);

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#endif
}

// Polls done() for up to kSpin; returns whether it became true.
template <class Done>
bool spin_until(Done done) {
  const auto until = std::chrono::steady_clock::now() + kSpin;
  for (;;) {
    for (int i = 0; i < 64; ++i) {
      if (done()) return true;
      cpu_relax();
    }
    if (std::chrono::steady_clock::now() >= until) return done();
  }
}

}  // namespace

ThreadPool::ThreadPool(int threads, ThreadPriority priority) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  cursors_ = std::make_unique<BlockCursor[]>(threads);
  for (int i = 1; i < threads; ++i) workers_.emplace_back([this, i, priority] { worker_loop(i, priority); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  for (auto& t : workers_) t.join();
}

void ThreadPool::run_tasks(int worker) {
  for (int t = next_task_.fetch_add(1); t < tasks_; t = next_task_.fetch_add(1)) {
    (*job_)(t, worker);
    remaining_.fetch_sub(1, std::memory_order_acq_rel);
  }
}

void ThreadPool::parallel_for(int tasks, const std::function<void(int, int)>& fn) {
  if (tasks <= 0) return;
  if (tasks == 1 || workers_.empty()) {
    for (int t = 0; t < tasks; ++t) fn(t, 0);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    job_ = &fn;
    tasks_ = tasks;
    remaining_.store(tasks);
    active_workers_ = 0;
    ++generation_;
    next_task_.store(0);  // polling workers take the reset as the signal of a new job
  }
  wake_.notify_all();
  run_tasks(0);
  // Every task is claimed; wait for those still running on workers, and for the workers to
  // leave run_tasks.
  spin_until([this] { return remaining_.load(std::memory_order_acquire) == 0; });
  std::unique_lock lock(mutex_);
  done_.wait(lock, [this] { return remaining_.load() == 0 && active_workers_ == 0; });
  job_ = nullptr;
}

void ThreadPool::parallel_for_blocked(int tasks, const std::function<void(int, int)>& fn) {
  const int blocks = size();
  if (tasks <= 1 || blocks == 1) {
    for (int t = 0; t < tasks; ++t) fn(t, 0);
    return;
  }
  auto begin = [&](int b) { return static_cast<int>(int64_t(tasks) * b / blocks); };
  for (int b = 0; b < blocks; ++b) cursors_[b].next.store(begin(b), std::memory_order_relaxed);
  // One parallel_for task per block; each drains its worker's own block first. A thread that
  // joins late (or never) leaves its block to the others, which claim from the same cursor.
  parallel_for(blocks, [&](int, int worker) {
    for (int i = 0; i < blocks; ++i) {
      const int b = (worker + i) % blocks, end = begin(b + 1);
      for (int t = cursors_[b].next.fetch_add(1); t < end; t = cursors_[b].next.fetch_add(1))
        fn(t, worker);
    }
  });
}

void ThreadPool::worker_loop(int worker, ThreadPriority priority) {
  if (priority != ThreadPriority::Normal) set_this_thread_priority(priority);
  uint64_t seen = 0;
  int seen_tasks = 0;  // task count of the last job seen: next_task_ stays >= it until a new job
  for (;;) {
    spin_until([&] { return next_task_.load(std::memory_order_relaxed) < seen_tasks; });
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
      seen_tasks = tasks_;
      if (next_task_.load() >= tasks_) continue;  // woke too late: the others took every task
      ++active_workers_;
      remaining_.fetch_add(1);
    }
    run_tasks(worker);
    {
      std::lock_guard lock(mutex_);
      --active_workers_;
      if (remaining_.fetch_sub(1) == 1) done_.notify_one();
    }
  }
}

}  // namespace nnplay
