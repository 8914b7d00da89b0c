// TrainingSession::fused_step: a training step as one pool job, for networks whose first layer
// is a large dense layer (an MLP on images: W3). Its product and weight gradient are most of
// the work and split by neuron range, so each core keeps the weights, optimiser state and
// gradients of its ranges in its own cache; the rest of the network is small, and what it
// costs on several cores is data moving between them and threads waiting for each other.
// So thread 0 runs the whole rest of the network, for every chunk of rows, and all the other
// layers' updates, with their data in its own cache, and takes fewer first-layer ranges
// (plan_fused); the other threads only run first-layer ranges. Per step:
//   forward:  every thread multiplies its ranges, chunk by chunk (chunk 0 of every range
//             first, so thread 0 can start the rest of chunk 0 early), from its own gather of
//             the chunk's 8-bit rows (reading ~25 KB of pixels rather than ~100 KB of floats
//             from another core's cache);
//   rest:     thread 0, chunk by chunk once every range has finished it: the other layers'
//             forward, the loss and the backward down to the first layer's dL/dz;
//   updates:  thread 0 runs the other layers' updates, then its ranges' gradients and updates;
//             the other threads sum their ranges' gradients chunk by chunk as thread 0
//             finishes each (the sums continue across calls, so the bits are those of one
//             pass), and update each range after its last chunk.
// Phases wait on counters, not on the end of a job. A thread only waits for tasks that are
// claimed and running, or claims them itself (thread 0, waiting for a chunk's forward, runs
// unclaimed ranges), so the step completes even if a worker never joins. Scheduling decides
// only which thread computes a value, never the value: results are bit-identical on any number
// of threads.

#include <algorithm>
#include <thread>

#include "engine/train/session.h"
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace nnplay {

namespace {

// Waits until ready(), running help() between polls (it returns whether it did anything). The
// wait is for a task another thread is running, normally a few microseconds, so it spins; past
// ~0.2 ms the other thread has probably lost its core (the GUI's trainer runs at idle
// priority), and this one yields its core instead of burning it.
template <class Ready, class Help>
void wait_until(Ready ready, Help help) {
  for (int spins = 0; !ready(); ++spins) {
    if (help()) {
      spins = 0;
    } else if (spins < 2048) {
#if defined(__x86_64__) || defined(__i386__)
      _mm_pause();
#endif
    } else {
      std::this_thread::yield();
    }
  }
}
template <class Ready>
void wait_until(Ready ready) {
  wait_until(ready, [] { return false; });
}

void bump(std::atomic<int>& own_counter) {
  // A counter only this thread writes needs no read-modify-write.
  own_counter.store(own_counter.load(std::memory_order_relaxed) + 1, std::memory_order_release);
}

}  // namespace

size_t TrainingSession::sync_counters(int blocks, int ranges) {
  // forward and gradient claim cursors per thread, rest and other-update cursors, forward
  // progress per thread and chunk, rest done per chunk, gradient parts done per range
  return 2 * size_t(blocks) + 2 + size_t(blocks) * kMaxChunks + kMaxChunks + size_t(ranges);
}

void TrainingSession::plan_fused_tasks(int chunks) {
  const int blocks = static_cast<int>(range_begin_.size()) - 1;
  forward_tasks_.clear();
  grad_tasks_.clear();
  forward_begin_.assign(1, 0);
  grad_begin_.assign(1, 0);
  for (int b = 0; b < blocks; ++b) {
    const int lo = range_begin_[b], hi = range_begin_[b + 1];
    if (blocks == 1) {
      // One thread: range by range, a range's weights stay in L1 across the chunks.
      for (int r = lo; r < hi; ++r)
        for (int c = 0; c < chunks; ++c) forward_tasks_.push_back({r, c});
    } else {
      for (int c = 0; c < chunks; ++c)
        for (int r = lo; r < hi; ++r) forward_tasks_.push_back({r, c});
    }
    // Thread 0 reaches its gradients after every chunk's backward: one pass per range. Others
    // start before that, a chunk at a time.
    if (b == 0) {
      for (int r = lo; r < hi; ++r) grad_tasks_.push_back({r, -1});
    } else {
      for (int c = 0; c < chunks; ++c)
        for (int r = lo; r < hi; ++r) grad_tasks_.push_back({r, c});
    }
    forward_begin_.push_back(static_cast<int>(forward_tasks_.size()));
    grad_begin_.push_back(static_cast<int>(grad_tasks_.size()));
  }
  fused_chunks_ = chunks;
}

bool TrainingSession::fused_step(const int* idx, int rows, int chunks) {
  if (!fused_ || chunks < 2) return false;
  const Dense* first = net_->dense(0);
  const int blocks = pool_->size();
  const int ranges = range_begin_.back();
  if (fused_chunks_ != chunks) plan_fused_tasks(chunks);
  begin_update(chunks);

  // Counters (plan_fused sizes them), each on its own cache line.
  SyncCounter* forward_cursor = &sync_[0];
  SyncCounter* grad_cursor = forward_cursor + blocks;
  std::atomic<int>& rest_cursor = grad_cursor[blocks].n;
  std::atomic<int>& small_cursor = grad_cursor[blocks + 1].n;
  SyncCounter* forward_by = grad_cursor + blocks + 2;  // [worker * kMaxChunks + chunk]
  SyncCounter* rest_done = forward_by + size_t(blocks) * kMaxChunks;
  SyncCounter* parts_done = rest_done + kMaxChunks;  // per range
  for (int b = 0; b < blocks; ++b) {
    forward_cursor[b].n.store(forward_begin_[b], std::memory_order_relaxed);
    grad_cursor[b].n.store(grad_begin_[b], std::memory_order_relaxed);
    for (int c = 0; c < chunks; ++c) forward_by[size_t(b) * kMaxChunks + c].n.store(0, std::memory_order_relaxed);
  }
  rest_cursor.store(0, std::memory_order_relaxed);
  small_cursor.store(0, std::memory_order_relaxed);
  for (int c = 0; c < chunks; ++c) rest_done[c].n.store(0, std::memory_order_relaxed);
  for (int r = 0; r < ranges; ++r) parts_done[r].n.store(0, std::memory_order_relaxed);
  std::fill(copy_valid_.begin(), copy_valid_.end(), 0);

  const bool linear = first->activation.kind == ActivationKind::Linear;
  const int in = first->in(), out = first->out();
  auto first_z = [&](int c) -> Matrix& { return linear ? chunks_[c].layers[0].a : chunks_[c].layers[0].z; };
  auto chunk_rows = [&](int c) { return std::pair{rows * c / chunks, rows * (c + 1) / chunks}; };
  for (int c = 0; c < chunks; ++c) {
    prepare_chunk(c);
    const auto [lo, hi] = chunk_rows(c);
    first_z(c).resize(hi - lo, out);
  }
  const Scalar* w = net_->params().data();
  const Scalar* bias = w + size_t(out) * in;
  auto forward_done = [&](int c) {
    int sum = 0;
    for (int b = 0; b < blocks; ++b) sum += forward_by[size_t(b) * kMaxChunks + c].n.load(std::memory_order_acquire);
    return sum;
  };

  pool_->parallel_for(blocks, [&](int, int worker) {
    // This thread's inputs of chunk c, gathered on first use.
    auto chunk_x = [&](int c) -> const Matrix& {
      const size_t k = size_t(worker) * kMaxChunks + c;
      Matrix& x = worker == 0 ? chunks_[c].x : copy_x_[k];
      if (!copy_valid_[k]) {
        const auto [lo, hi] = chunk_rows(c);
        data_->train.gather(idx + lo, hi - lo, x, worker == 0 ? chunks_[c].targets : copy_y_[worker]);
        copy_valid_[k] = 1;
      }
      return x;
    };
    auto run_forward = [&](int i) {
      const RangeTask task = forward_tasks_[i];
      const UpdateTask& u = update_plan_[task.range];
      const Matrix& x = chunk_x(task.chunk);
      dense_forward(x.data(), static_cast<int>(x.rows()), in, w + size_t(u.o_lo) * in,
                    bias + u.o_lo, u.o_hi - u.o_lo, first_z(task.chunk).data() + u.o_lo, out);
      bump(forward_by[size_t(worker) * kMaxChunks + task.chunk].n);
    };
    // Claims the next task of block b's list from a cursor; -1 when there is none.
    auto claim = [&](SyncCounter* cursor, const std::vector<int>& begin, int b) {
      const int t = cursor[b].n.fetch_add(1, std::memory_order_relaxed);
      return t < begin[b + 1] ? t : -1;
    };
    // Runs an unclaimed forward task of another thread's block, if any (thread 0 waiting for a
    // chunk's forward).
    auto help_forward = [&] {
      for (int b = 1; b < blocks; ++b) {
        const int t = claim(forward_cursor, forward_begin_, (worker + b) % blocks);
        if (t >= 0) return run_forward(t), true;
      }
      return false;
    };
    auto run_grad = [&](int i) {
      const RangeTask task = grad_tasks_[i];
      const UpdateTask& u = update_plan_[task.range];
      const int c_lo = task.chunk < 0 ? 0 : task.chunk, c_hi = task.chunk < 0 ? chunks : task.chunk + 1;
      // The range's sum runs over the chunks in order: wait for the parts before this one (a
      // task claimed earlier, from the same list) and for the chunks' backward.
      wait_until([&] { return parts_done[task.range].n.load(std::memory_order_acquire) >= c_lo; });
      wait_until([&] { return rest_done[c_hi - 1].n.load(std::memory_order_acquire) > 0; });
      DenseGradPart parts[kMaxChunks];
      for (int c = c_lo; c < c_hi; ++c) {
        parts[c - c_lo] = parts_[c];
        parts[c - c_lo].x = chunk_x(c).data();
      }
      update_dense_range(u, parts, c_hi - c_lo, c_lo > 0, c_hi == chunks);
      parts_done[task.range].n.store(c_hi, std::memory_order_release);
    };

    // Forward: this thread's ranges, then whatever the others have left; but thread 0 goes on
    // to the rest of the network (where it helps only with the chunk it is waiting for).
    for (int i = 0; i < (worker == 0 ? 1 : blocks); ++i)
      for (int t; (t = claim(forward_cursor, forward_begin_, (worker + i) % blocks)) >= 0;) run_forward(t);
    // Every thread gathers every chunk of the next step: fetch their rows, a row at a time
    // while waiting for other threads, the rest at once.
    const int next_rows = next_batch_rows();
    int prefetched = 0;
    auto prefetch_one = [&] {
      if (prefetched >= next_rows) return false;
      prefetch_next_rows(prefetched, prefetched + 1);
      ++prefetched;
      return true;
    };
    if (worker == 0) {
      // The rest of the network, chunk by chunk.
      for (int c; (c = rest_cursor.fetch_add(1, std::memory_order_relaxed)) < chunks;) {
        wait_until([&] { return forward_done(c) >= ranges; }, [&] { return help_forward() || prefetch_one(); });
        Workspace& ws = chunks_[c];
        if (copy_valid_[c] == 0) chunk_x(c);  // the targets come with thread 0's gather
        chunk_loss_[c] = loss_.evaluate(net_->forward_after_first(ws, true), ws.targets, &ws.d_out, rows);
        net_->backward_deferring_dense(ws.x, ws, ws.grads.data());
        set_grad_parts(c, chunks);
        rest_done[c].n.store(1, std::memory_order_release);
      }
      prefetch_next_rows(prefetched, next_rows);
      for (int i; (i = small_cursor.fetch_add(1, std::memory_order_relaxed)) < static_cast<int>(small_tasks_.size());)
        run_update_task(update_plan_[small_tasks_[i]], chunks);
    } else {
      prefetch_next_rows(prefetched, next_rows);
    }
    // Gradients and updates of the first layer's ranges: this thread's, then the others' left.
    for (int i = 0; i < blocks; ++i)
      for (int t; (t = claim(grad_cursor, grad_begin_, (worker + i) % blocks)) >= 0;) run_grad(t);
  });
  return true;
}

}  // namespace nnplay
