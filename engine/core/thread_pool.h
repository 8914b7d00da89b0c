// The engine's one thread pool: fixed workers created once; parallel_for hands out task indices.
// Callers choose how work is split (never by thread count) so results do not depend on it.
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/core/thread_priority.h"

namespace nnplay {

class ThreadPool {
 public:
  // threads <= 0 means all hardware threads. The calling thread works too, so a pool of
  // size N starts N-1 workers, at the given priority (see thread_priority.h).
  explicit ThreadPool(int threads = 0, ThreadPriority priority = ThreadPriority::Normal);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int size() const { return static_cast<int>(workers_.size()) + 1; }

  // Runs fn(task, worker) for task in [0, tasks); worker in [0, size()) identifies the thread,
  // so callers can keep per-worker scratch. Returns when all tasks are done. Not reentrant.
  void parallel_for(int tasks, const std::function<void(int task, int worker)>& fn);
  // parallel_for where tasks are split into size() contiguous blocks and thread w starts with
  // block w before helping with the others. For jobs repeated with the same task list (a
  // training step), a task then tends to run on the same core every time, so the data it
  // writes stays in that core's cache instead of moving between cores. Which thread runs a
  // task still never changes what it computes.
  void parallel_for_blocked(int tasks, const std::function<void(int task, int worker)>& fn);

 private:
  void worker_loop(int worker, ThreadPriority priority);
  void run_tasks(int worker);

  std::vector<std::thread> workers_;
  struct alignas(64) BlockCursor {
    std::atomic<int> next{0};
  };
  std::unique_ptr<BlockCursor[]> cursors_;  // one per block of parallel_for_blocked
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  const std::function<void(int, int)>* job_ = nullptr;
  int tasks_ = 0;
  std::atomic<int> next_task_{0};
  std::atomic<int> remaining_{0};
  int active_workers_ = 0;
  uint64_t generation_ = 0;
  bool stop_ = false;
};

}  // namespace nnplay
