#include "engine/core/thread_pool.h"

namespace nnplay {

ThreadPool::ThreadPool(int threads) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int i = 1; i < threads; ++i) workers_.emplace_back([this, i] { worker_loop(i); });
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
    remaining_.fetch_sub(1);
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
    next_task_.store(0);
    remaining_.store(tasks);
    active_workers_ = static_cast<int>(workers_.size());
    ++generation_;
  }
  wake_.notify_all();
  run_tasks(0);
  // Wait until every worker has left run_tasks, so job_ can be replaced safely.
  std::unique_lock lock(mutex_);
  done_.wait(lock, [this] { return active_workers_ == 0; });
  job_ = nullptr;
}

void ThreadPool::worker_loop(int worker) {
  uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
    }
    run_tasks(worker);
    {
      std::lock_guard lock(mutex_);
      if (--active_workers_ == 0) done_.notify_one();
    }
  }
}

}  // namespace nnplay
