#include "engine/train/session.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <thread>

#include "engine/core/error.h"
#include "engine/nn/layer_factory.h"
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace nnplay {

namespace {
// A chunk should carry enough work to be worth a thread hand-off (~0.1 ms), and enough rows
// to keep the GEMMs efficient.
constexpr double kFlopsPerChunk = 400'000;
constexpr int kMinRowsPerChunk = 32;
constexpr int kMaxChunks = 16;
// Inference (grids, metrics, predictions) runs in row blocks, each worker with a workspace
// holding every layer's output for its block: up to 1024 rows, fewer for wide networks so a
// workspace stays near kInferFloats (a LeNet's 1024-row workspace would be ~50 MB a worker).
constexpr int kInferMaxRows = 1024, kInferMinRows = 32;
constexpr size_t kInferFloats = 2u << 20;

int infer_rows(const Network& net) {
  size_t per_row = size_t(net.input_shape().size());
  for (int l = 0; l < net.size(); ++l) per_row += 2 * size_t(net.layer(l).output_shape().size());
  return static_cast<int>(std::clamp<size_t>(kInferFloats / std::max<size_t>(per_row, 1),
                                             kInferMinRows, kInferMaxRows));
}
// Parameters per gradient-reduction task: slices stay in L2 across the chunk passes and give the
// pool work of a few microseconds each. Like chunks, slices depend on the network only.
constexpr size_t kReduceSlice = 16 * 1024;
// Weights per dense-gradient task of the update phase (a neuron range): small enough for two
// threads to balance a large layer, large enough that each task's pass over the batch's inputs
// is worth it.
constexpr size_t kUpdateSlice = 8 * 1024;

uint64_t mix(uint64_t a, uint64_t b) { return a * 0x9e3779b97f4a7c15ULL ^ (b + 0x632be59bd9b4e019ULL); }

// Waits until ready(). The wait is for a task another thread is running, normally a few
// microseconds, so it spins; past ~0.2 ms the other thread has probably lost its core (the
// GUI's trainer runs at idle priority), and this one yields its core instead of burning it.
template <class Ready>
void wait_until(Ready ready) {
  for (int spins = 0; !ready(); ++spins) {
    if (spins < 2048) {
#if defined(__x86_64__) || defined(__i386__)
      _mm_pause();
#endif
    } else {
      std::this_thread::yield();
    }
  }
}
void wait_for(const std::atomic<int>& a, int target) {
  wait_until([&] { return a.load(std::memory_order_acquire) >= target; });
}

NetworkSpec compiled(NetworkSpec s, Shape input, const Loss& loss) {
  s.input = input;
  if (loss.kind != LossKind::Mse && !s.layers.empty()) s.layers.back().activation.kind = ActivationKind::Linear;
  return s;
}
}  // namespace

TrainingSession::TrainingSession(std::shared_ptr<const Dataset> data, const NetworkSpec& spec,
                                 Loss loss, TrainSettings settings, uint64_t seed, ThreadPool* pool)
    : data_(std::move(data)), loss_(loss), settings_(settings), optimizer_(settings.optimizer),
      seed_(seed), pool_(pool), shuffle_rng_(mix(seed, 1)) {
  if (!data_) throw Error("no data to train on");
  Rng init_rng(mix(seed, 2));
  user_spec_ = spec;
  user_spec_.input = data_->input;
  net_ = std::make_unique<Network>(compiled(spec, data_->input, loss_), init_rng);
  check_fit();
  start_epoch();
}

void TrainingSession::check_fit() const {
  const int out = net_->output_shape().size();
  const std::string last = "the output layer";
  if (data_->train.rows() == 0) throw Error("the training set is empty: draw or generate some points");
  if (data_->task == Task::Classification) {
    if (loss_.kind == LossKind::Mse) return;  // allowed: MSE on class indices, as in the notes
    if (loss_.kind == LossKind::Bce && out != 1)
      throw Error(last + " has " + std::to_string(out) + " units, but binary cross-entropy needs 1");
    if (loss_.kind == LossKind::Bce && data_->num_classes > 2)
      throw Error("binary cross-entropy needs 2 classes, the data has " +
                  std::to_string(data_->num_classes) + ": use softmax cross-entropy");
    if (loss_.kind == LossKind::SoftmaxCe && out != data_->num_classes)
      throw Error(last + " has " + std::to_string(out) + " units, but the data has " +
                  std::to_string(data_->num_classes) + " classes");
  } else if (loss_.kind != LossKind::Mse) {
    throw Error("regression needs the mse loss, not " + loss_.name());
  }
}

int TrainingSession::steps_per_epoch() const {
  const int n = data_->train.rows();
  const int b = std::clamp(settings_.batch_size, 1, n);
  return (n + b - 1) / b;
}

double TrainingSession::epoch_progress() const {
  const int n = std::max(1, data_->train.rows());
  return double(epoch_) + double(cursor_) / n;
}

void TrainingSession::start_epoch() {
  const int n = data_->train.rows();
  order_.resize(n);
  std::iota(order_.begin(), order_.end(), 0);
  for (int i = n - 1; i > 0; --i) std::swap(order_[i], order_[shuffle_rng_.below(i + 1)]);
  cursor_ = 0;
}

int TrainingSession::plan_chunks(int b) const {
  const double work = 3.0 * net_->flops_per_sample() * b;
  const int by_work = static_cast<int>(work / kFlopsPerChunk);
  return std::clamp(std::min(by_work, b / kMinRowsPerChunk), 1, kMaxChunks);
}

void TrainingSession::plan_update() {
  update_plan_.clear();
  regularized_.clear();
  for (int l = 0; l < net_->size(); ++l) {
    const size_t off = net_->param_offset(l), n = net_->layer(l).param_count();
    for (const auto& info : net_->layer(l).params())
      if (info.regularized)
        regularized_.emplace_back(off + info.offset, off + info.offset + size_t(info.rows) * info.cols);
    if (n == 0) continue;
    if (const Dense* d = net_->dense(l)) {
      // Whole tiles of neurons (dense_kernels.cpp), about kUpdateSlice weights per task.
      // Half as large past the first layer: those tasks end the step, where smaller ones
      // balance the threads better.
      const size_t slice = l == 0 ? kUpdateSlice : kUpdateSlice / 2;
      const int per_task = std::max(4, static_cast<int>(slice / d->in()) / 4 * 4);
      for (int o = 0; o < d->out(); o += per_task)
        update_plan_.push_back({l, o, std::min(d->out(), o + per_task), 0, 0});
    } else {
      for (size_t lo = 0; lo < n; lo += kReduceSlice)
        update_plan_.push_back({-1, 0, 0, off + lo, off + std::min(n, lo + kReduceSlice)});
    }
  }
  // fused_step()'s order: block w starts with the first layer's tasks that thread w multiplies
  // in the forward (the same even split of them), and the other tasks go to the lightest block,
  // at the ends of the blocks, where a thread that runs out of work takes them first.
  const int blocks = pool_ ? pool_->size() : 1;
  const int first = static_cast<int>(std::count_if(
      update_plan_.begin(), update_plan_.end(), [](const UpdateTask& u) { return u.layer == 0; }));
  auto weight = [&](const UpdateTask& u) {
    return u.layer >= 0 ? size_t(u.o_hi - u.o_lo) * (net_->dense(u.layer)->in() + 1) : u.hi - u.lo;
  };
  std::vector<std::vector<int>> block(blocks);
  std::vector<size_t> load(blocks, 0);
  for (int b = 0; b < blocks; ++b)
    for (int t = first * b / blocks; t < first * (b + 1) / blocks; ++t) {
      block[b].push_back(t);
      load[b] += weight(update_plan_[t]);
    }
  for (int t = first; t < static_cast<int>(update_plan_.size()); ++t) {
    const auto b = std::min_element(load.begin(), load.end()) - load.begin();
    block[b].push_back(t);
    load[b] += weight(update_plan_[t]);
  }
  sync_ = std::make_unique<SyncCounter[]>(4 * blocks + kMaxChunks + size_t(blocks) * kMaxChunks + 1);
  copy_x_.assign(size_t(blocks) * kMaxChunks, Matrix());
  copy_y_.assign(blocks, Matrix());
  copy_valid_.assign(size_t(blocks) * kMaxChunks, 0);
  update_order_.clear();
  update_begin_.assign(1, 0);
  for (const auto& tasks : block) {
    update_order_.insert(update_order_.end(), tasks.begin(), tasks.end());
    update_begin_.push_back(static_cast<int>(update_order_.size()));
  }
}

double TrainingSession::step() {
  const int n = data_->train.rows();
  const int b = std::clamp(settings_.batch_size, 1, n);
  if (cursor_ >= order_.size()) {
    ++epoch_;
    start_epoch();
  }
  // The last minibatch of an epoch may be smaller; it is never padded with repeats.
  const int rows = std::min<int>(b, static_cast<int>(order_.size() - cursor_));
  const int* idx = order_.data() + cursor_;
  cursor_ += rows;
  last_batch_ = rows;

  const int chunks = plan_chunks(rows);
  if (static_cast<int>(chunks_.size()) < chunks) chunks_.resize(chunks);
  chunk_loss_.assign(chunks, 0.0);
  if (update_plan_.empty()) plan_update();
  if (!fused_step(idx, rows, chunks)) {
    forward_backward(idx, rows, chunks);
    update(chunks);
  }
  double loss = chunk_loss_[0];
  for (int c = 1; c < chunks; ++c) loss += chunk_loss_[c];
  ++steps_;
  samples_seen_ += rows;
  return loss / rows;
}

void TrainingSession::forward_backward(const int* idx, int rows, int chunks) {
  // Per chunk of rows: forward, loss, and backward down to every layer's dL/dz; only layers
  // other than dense add parameter gradients (into the chunk's buffer).
  auto run_chunk = [&](int c, int) {
    const int lo = rows * c / chunks, hi = rows * (c + 1) / chunks;
    Workspace& ws = chunks_[c];
    // ws.grads is all zeros here, ready for backward to add into: prepare() creates it zeroed
    // and the reduction in update() clears every chunk it reads.
    net_->prepare(ws);
    for (size_t l = 0; l < ws.layers.size(); ++l) ws.layers[l].seed = mix(mix(seed_, steps_), c * 131 + l);
    data_->train.gather(idx + lo, hi - lo, ws.x, ws.targets);
    chunk_loss_[c] = loss_.evaluate(net_->forward(ws.x, ws, true), ws.targets, &ws.d_out, rows);
    net_->backward_deferring_dense(ws.x, ws, ws.grads.data());
    prefetch_next_chunk(c);
  };
  if (pool_ && chunks > 1)
    pool_->parallel_for_blocked(chunks, run_chunk);
  else
    for (int c = 0; c < chunks; ++c) run_chunk(c, 0);
}

bool TrainingSession::fused_step(const int* idx, int rows, int chunks) {
  // When the first layer is a large dense layer, its product is taken out of the chunks and
  // split by neuron like its gradient, so each core mostly reads the weights it updated itself.
  // The step is one pool job whose phases wait on counters rather than on the end of a job:
  //   1. gather chunk c's rows (a task per chunk);
  //   2. the first layer's product for a neuron range, chunk by chunk, each once gathered
  //      (from a copy of the chunk's inputs that the thread gathers itself, when another
  //      thread gathered the chunk: see chunk_x);
  //   3. the rest of chunk c's forward and backward, once phase 2 has finished chunk c;
  //   4. the update tasks, once every chunk's backward is done (they write the weights that
  //      phases 2 and 3 read).
  // A thread waits only for tasks that another thread has already claimed and is running, so
  // the job finishes even when a worker never joins it. Thread w starts with block w of each
  // phase (as parallel_for_blocked does), and the first layer's blocks of phases 2 and 4 hold
  // the same neurons. Scheduling changes only which thread computes a value, never the value.
  const Dense* first = net_->dense(0);
  if (!pool_ || chunks < 2 || !first || !dense_forward_supported(first->in())) return false;
  const int blocks = pool_->size();
  const int first_tasks = update_begin_.empty() ? 0 : static_cast<int>(std::count_if(
      update_plan_.begin(), update_plan_.end(), [](const UpdateTask& u) { return u.layer == 0; }));
  if (first_tasks == 0) return false;
  // Counters (plan_update sizes them): claim cursors of the 4 phases (a block each), then per
  // chunk "gathered by thread w" (w + 1), then per thread and chunk "first-layer ranges this
  // thread has done", then "chunks done". Range counts are kept per thread because each
  // thread then writes only its own cache lines: a shared count, bumped by both threads after
  // every range, moved its line between the cores ~30 times a step.
  SyncCounter* cursor[4];
  for (int p = 0; p < 4; ++p) cursor[p] = &sync_[p * blocks];
  SyncCounter* gathered = &sync_[4 * blocks];
  SyncCounter* ranges_by = gathered + kMaxChunks;  // [worker * kMaxChunks + chunk]
  std::atomic<int>& chunks_done = ranges_by[size_t(blocks) * kMaxChunks].n;
  auto ranges_done = [&](int c) {
    int n = 0;
    for (int b = 0; b < blocks; ++b) n += ranges_by[size_t(b) * kMaxChunks + c].n.load(std::memory_order_acquire);
    return n;
  };
  auto chunk_begin = [&](int b) { return chunks * b / blocks; };
  auto range_begin = [&](int b) { return first_tasks * b / blocks; };
  auto update_begin = [&](int b) { return update_begin_[b]; };
  for (int b = 0; b < blocks; ++b) {
    cursor[0][b].n.store(chunk_begin(b), std::memory_order_relaxed);
    cursor[1][b].n.store(range_begin(b), std::memory_order_relaxed);
    cursor[2][b].n.store(chunk_begin(b), std::memory_order_relaxed);
    cursor[3][b].n.store(update_begin(b), std::memory_order_relaxed);
  }
  for (int c = 0; c < chunks; ++c) {
    gathered[c].n.store(0, std::memory_order_relaxed);
    for (int b = 0; b < blocks; ++b) ranges_by[size_t(b) * kMaxChunks + c].n.store(0, std::memory_order_relaxed);
  }
  chunks_done.store(0, std::memory_order_relaxed);
  std::fill(copy_valid_.begin(), copy_valid_.end(), 0);
  begin_update(chunks);

  const bool linear = first->activation.kind == ActivationKind::Linear;
  const int in = first->in(), out = first->out();
  auto first_z = [&](int c) -> Matrix& { return linear ? chunks_[c].layers[0].a : chunks_[c].layers[0].z; };
  const Scalar* w = net_->params().data();
  const Scalar* bias = w + size_t(out) * in;
  // Runs phase p's tasks, block `worker` first, then whatever the other blocks have left.
  auto run_phase = [&](int p, int worker, auto begin, auto fn) {
    for (int i = 0; i < blocks; ++i) {
      const int b = (worker + i) % blocks, end = begin(b + 1);
      for (int t = cursor[p][b].n.fetch_add(1); t < end; t = cursor[p][b].n.fetch_add(1)) fn(t);
    }
  };
  // Chunk c's inputs for a thread: its own gather, or else a copy it gathers itself (reading
  // ~25 KB of pixels instead of ~100 KB of floats held in another core's cache).
  auto chunk_x = [&](int c, int worker) -> const Matrix& {
    if (gathered[c].n.load(std::memory_order_acquire) == worker + 1) return chunks_[c].x;
    const size_t k = size_t(worker) * kMaxChunks + c;
    if (!copy_valid_[k]) {
      const int lo = rows * c / chunks, hi = rows * (c + 1) / chunks;
      data_->train.gather(idx + lo, hi - lo, copy_x_[k], copy_y_[worker]);
      copy_valid_[k] = 1;
    }
    return copy_x_[k];
  };
  pool_->parallel_for(blocks, [&](int, int worker) {
    run_phase(0, worker, chunk_begin, [&](int c) {
      const int lo = rows * c / chunks, hi = rows * (c + 1) / chunks;
      Workspace& ws = chunks_[c];
      // ws.grads is all zeros here, ready for backward to add into: prepare() creates it
      // zeroed and the reduction in the update clears every chunk it reads.
      net_->prepare(ws);
      for (size_t l = 0; l < ws.layers.size(); ++l) ws.layers[l].seed = mix(mix(seed_, steps_), c * 131 + l);
      data_->train.gather(idx + lo, hi - lo, ws.x, ws.targets);
      first_z(c).resize(ws.x.rows(), out);
      gathered[c].n.store(worker + 1, std::memory_order_release);
    });
    run_phase(1, worker, range_begin, [&](int t) {
      const UpdateTask& u = update_plan_[t];
      // The chunks in an order that lets phase 3 start without waiting: the block's own
      // chunk (the one its thread takes in phase 3) first, just gathered by this thread, except
      // in the block's last range, where it comes last, so that the other threads' chunks are
      // complete as early as possible.
      int b = 0;
      while (range_begin(b + 1) <= t) ++b;
      const int own = chunk_begin(b), last = range_begin(b + 1) - 1 == t;
      for (int k = 0; k < chunks; ++k) {
        const int c = last ? (own + 1 + k) % chunks : (own + k) % chunks;
        wait_for(gathered[c].n, 1);
        const Matrix& x = chunk_x(c, worker);
        dense_forward(x.data(), static_cast<int>(x.rows()), in, w + size_t(u.o_lo) * in,
                      bias + u.o_lo, u.o_hi - u.o_lo, first_z(c).data() + u.o_lo, out);
        std::atomic<int>& mine = ranges_by[size_t(worker) * kMaxChunks + c].n;
        mine.store(mine.load(std::memory_order_relaxed) + 1, std::memory_order_release);
      }
    });
    run_phase(2, worker, chunk_begin, [&](int c) {
      wait_until([&] { return ranges_done(c) >= first_tasks; });
      Workspace& ws = chunks_[c];
      chunk_loss_[c] = loss_.evaluate(net_->forward_after_first(ws, true), ws.targets, &ws.d_out, rows);
      net_->backward_deferring_dense(ws.x, ws, ws.grads.data());
      set_grad_parts(c, chunks);
      // With more threads, this one gathers the next step's chunk c and copies of the others
      // (chunk_x): fetch all their rows.
      for (int k = 0; k < (blocks > 1 ? chunks : 1); ++k) prefetch_next_chunk((c + k) % chunks);
      chunks_done.fetch_add(1, std::memory_order_release);
    });
    run_phase(3, worker, update_begin, [&](int i) {
      const UpdateTask& u = update_plan_[update_order_[i]];
      // The update writes weights that every chunk's backward reads.
      wait_for(chunks_done, chunks);
      if (u.layer != 0) return run_update_task(u, chunks);
      DenseGradPart parts[kMaxChunks];
      for (int c = 0; c < chunks; ++c) {
        parts[c] = parts_[c];
        const size_t k = size_t(worker) * kMaxChunks + c;
        if (copy_valid_[k]) parts[c].x = copy_x_[k].data();
      }
      run_update_task(u, chunks, parts);
    });
  });
  return true;
}

void TrainingSession::update(int chunks) {
  // Per parameter slice: the gradient (a dense layer's over the whole batch, split by neuron,
  // so nothing is reduced; other layers' chunks reduced in the fixed order 0, 1, ...), then
  // regularisation and the optimiser on that slice. Every element's arithmetic is fixed by the
  // chunk plan alone, whichever thread runs its slice.
  begin_update(chunks);
  for (int c = 0; c < chunks; ++c) set_grad_parts(c, chunks);
  auto run = [&](int t, int) { run_update_task(update_plan_[t], chunks); };
  const int tasks = static_cast<int>(update_plan_.size());
  if (pool_ && chunks > 1)
    pool_->parallel_for_blocked(tasks, run);
  else
    for (int t = 0; t < tasks; ++t) run(t, 0);
}

void TrainingSession::begin_update(int chunks) {
  const size_t np = net_->param_count();
  parts_.resize(size_t(net_->size()) * chunks);
  grads_.resize(np);
  if (settings_.collect_stats) params_before_.assign(net_->params().begin(), net_->params().end());
  optimizer_.begin_step(np);
}

void TrainingSession::set_grad_parts(int c, int chunks) {
  const Workspace& ws = chunks_[c];
  for (int l = 0; l < net_->size(); ++l) {
    if (!net_->dense(l)) continue;
    const Matrix& in = l == 0 ? ws.x : ws.layers[l - 1].a;
    parts_[size_t(l) * chunks + c] = {ws.layers[l].dz.data(), in.data(), static_cast<int>(in.rows())};
  }
}

void TrainingSession::run_update_task(const UpdateTask& u, int chunks, const DenseGradPart* parts) {
  auto& p = net_->params();
  auto finish = [&](size_t lo, size_t hi) {
    regularize(lo, hi);
    optimizer_.update(p.data(), grads_.data(), lo, hi);
  };
  if (u.layer >= 0) {
    const Dense& d = *net_->dense(u.layer);
    const size_t off = net_->param_offset(u.layer), bias = off + size_t(d.out()) * d.in();
    if (!parts) parts = parts_.data() + size_t(u.layer) * chunks;
    dense_weight_grad(parts, chunks, d.in(), d.out(), u.o_lo, u.o_hi, grads_.data() + off,
                      grads_.data() + bias);
    finish(off + size_t(u.o_lo) * d.in(), off + size_t(u.o_hi) * d.in());
    finish(bias + u.o_lo, bias + u.o_hi);
    return;
  }
  Scalar* __restrict out = grads_.data();
  for (int c = 0; c < chunks; ++c) {
    // Each chunk's slice is zeroed right after it is read, while in cache, which is cheaper
    // than clearing whole gradient buffers at the start of the next step.
    Scalar* __restrict g = chunks_[c].grads.data();
    if (c == 0) {
      for (size_t i = u.lo; i < u.hi; ++i) out[i] = g[i], g[i] = 0;
    } else {
      for (size_t i = u.lo; i < u.hi; ++i) out[i] += g[i], g[i] = 0;
    }
  }
  finish(u.lo, u.hi);
}

void TrainingSession::prefetch_next_chunk(int c) const {
  // Image rows are scattered over a large buffer and the gather waits on every one of them
  // (cache and TLB misses). The same chunk of the next minibatch usually runs on this thread,
  // so fetching its rows now lets the update phase hide that wait.
  const DataSplit& train = data_->train;
  if (train.pixels.empty() || cursor_ >= order_.size()) return;
  const int b = std::clamp(settings_.batch_size, 1, train.rows());
  const int rows = std::min<int>(b, static_cast<int>(order_.size() - cursor_));
  const int chunks = plan_chunks(rows);
  if (c >= chunks) return;
  const int lo = rows * c / chunks, hi = rows * (c + 1) / chunks;
  const size_t width = size_t(train.pixel_width);
  for (int r = lo; r < hi; ++r) {
    const uint8_t* row = train.pixels.data() + size_t(order_[cursor_ + r]) * width;
    for (size_t off = 0; off < width; off += 64) __builtin_prefetch(row + off, 0, 2);
    __builtin_prefetch(row + width - 1, 0, 2);
  }
}

void TrainingSession::regularize(size_t lo, size_t hi) {
  const auto& reg = settings_.regularization;
  if (reg.kind == RegKind::None || reg.rate == 0) return;
  const Scalar rate = static_cast<Scalar>(reg.rate);
  const auto& p = net_->params();
  for (const auto& [first, last] : regularized_) {
    const size_t begin = std::max(lo, first), end = std::min(hi, last);
    for (size_t i = begin; i < end; ++i) {
      if (reg.kind == RegKind::L2)
        grads_[i] += rate * p[i];
      else
        grads_[i] += rate * Scalar((p[i] > 0) - (p[i] < 0));
    }
  }
}

void TrainingSession::logits(const Matrix& x, Matrix& out) const {
  // Fixed row blocks on the pool, each worker with its own workspace.
  const int n = static_cast<int>(x.rows());
  out.resize(n, net_->output_shape().size());
  const int block = infer_rows(*net_);
  const int tasks = (n + block - 1) / block;
  const int workers = pool_ ? pool_->size() : 1;
  if (static_cast<int>(infer_.size()) < workers) infer_.resize(workers);
  auto run = [&](int t, int w) {
    const int lo = t * block, hi = std::min(n, lo + block);
    Workspace& ws = infer_[w];
    ws.x = x.middleRows(lo, hi - lo);
    out.middleRows(lo, hi - lo) = net_->forward(ws.x, ws, false);
  };
  if (pool_ && tasks > 1)
    pool_->parallel_for(tasks, run);
  else
    for (int t = 0; t < tasks; ++t) run(t, 0);
}

void TrainingSession::predict(const Matrix& x, Matrix& out) const {
  Matrix z;
  logits(x, z);
  loss_.predict(z, out);
}

void TrainingSession::forward_all(const Matrix& x, std::vector<Matrix>& activations) const {
  Workspace ws;
  const Matrix& logits = net_->forward(x, ws, false);
  activations.resize(net_->size());
  for (int l = 0; l + 1 < net_->size(); ++l) activations[l] = ws.layers[l].a;
  loss_.predict(logits, activations.back());
}

EvalResult TrainingSession::evaluate(const DataSplit& split, int max_samples) const {
  EvalResult r;
  const int n = split.rows();
  if (n == 0) return r;
  const int m = max_samples > 0 ? std::min(n, max_samples) : n;
  // A fixed, evenly spaced subset keeps evaluation cheap and comparable over time.
  std::vector<int> idx(m);
  for (int i = 0; i < m; ++i) idx[i] = static_cast<int>(int64_t(i) * n / m);
  Matrix x, y, logits_all, shown;
  split.gather(idx.data(), m, x, y);
  logits(x, logits_all);
  r.loss = loss_.evaluate(logits_all, y, nullptr, m) / m;
  r.samples = m;
  loss_.predict(logits_all, shown);
  if (data_->task == Task::Classification) {
    int correct = 0;
    for (int i = 0; i < m; ++i) {
      int pred;
      if (shown.cols() == 1)
        pred = loss_.kind == LossKind::Mse ? int(std::lround(shown(i, 0))) : (shown(i, 0) >= 0.5f);
      else
        shown.row(i).maxCoeff(&pred);
      correct += pred == int(y(i, 0));
    }
    r.accuracy = double(correct) / m;
  } else {
    const double mean = y.col(0).mean();
    double ss_res = 0, ss_tot = 0;
    for (int i = 0; i < m; ++i) {
      ss_res += std::pow(double(shown(i, 0)) - y(i, 0), 2);
      ss_tot += std::pow(double(y(i, 0)) - mean, 2);
    }
    r.accuracy = ss_tot > 0 ? 1.0 - ss_res / ss_tot : (ss_res > 0 ? 0.0 : 1.0);
  }
  return r;
}

void TrainingSession::set_settings(const TrainSettings& s) {
  settings_ = s;
  optimizer_.set_settings(s.optimizer);
}

void TrainingSession::reinitialize(uint64_t seed) {
  seed_ = seed;
  Rng init_rng(mix(seed, 2));
  net_->initialize(init_rng);
  optimizer_.reset();
  shuffle_rng_.reseed(mix(seed, 1));
  steps_ = epoch_ = samples_seen_ = 0;
  grads_.clear();
  start_epoch();
}

void TrainingSession::replace_network(const NetworkSpec& spec, Loss loss) {
  Rng init_rng(mix(seed_, 3 + steps_));
  auto fresh = std::make_unique<Network>(compiled(spec, data_->input, loss), init_rng);
  const NetworkSpec old_spec = user_spec_;
  user_spec_ = spec;
  user_spec_.input = data_->input;
  const Loss old_loss = loss_;
  loss_ = loss;
  std::swap(net_, fresh);
  try {
    check_fit();
  } catch (...) {
    std::swap(net_, fresh);
    loss_ = old_loss;
    user_spec_ = old_spec;
    throw;
  }
  net_->adopt_matching(*fresh, fresh->params());
  optimizer_.reset();  // optimiser state is per parameter slot, which moved
  grads_.clear();
  update_plan_.clear();
  chunks_.clear();
  infer_.clear();
}

void TrainingSession::replace_data(std::shared_ptr<const Dataset> data) {
  if (!data) throw Error("no data");
  auto old = data_;
  data_ = std::move(data);
  try {
    if (data_->input != net_->input_shape()) {
      // Feature maps changed: rebuild the first layer, keeping the rest.
      replace_network(user_spec_, loss_);
    }
    check_fit();
  } catch (...) {
    data_ = old;
    throw;
  }
  start_epoch();
}

void TrainingSession::set_params(const std::vector<Scalar>& p) {
  if (p.size() != net_->param_count())
    throw Error("the saved weights have " + std::to_string(p.size()) + " values but the network has " +
                std::to_string(net_->param_count()) + " parameters");
  net_->params().assign(p.begin(), p.end());
}

}  // namespace nnplay
