#include "engine/train/session.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/core/error.h"
#include "engine/nn/compiled_spec.h"
#include "engine/nn/layer_factory.h"

namespace nnplay {

namespace {
// A chunk should carry enough work to be worth a thread hand-off (~0.1 ms), and enough rows
// to keep the GEMMs efficient.
constexpr double kFlopsPerChunk = 400'000;
constexpr int kMinRowsPerChunk = 32;
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

NetworkSpec compiled(const NetworkSpec& spec, Shape input, const Loss& loss) {
  NetworkSpec s = compiled_spec(spec, loss);
  s.input = input;
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
  plan_fused();
}

void TrainingSession::plan_fused() {
  // fused_step()'s split of the first layer's neuron ranges between the pool's threads. Thread
  // 0 also runs the rest of the network for every chunk and the other layers' updates, so it
  // takes fewer ranges: its share of the ranges' cost (forward and gradient) plus that other
  // work should equal the others' shares. Past the first layer, a multiply-add costs about
  // twice as much (small products, activations, loss; measured on W3).
  constexpr double kRestCostFactor = 2.0;
  const Dense* first_dense = net_->dense(0);
  fused_ = pool_ && first_dense && dense_forward_supported(first_dense->in());
  if (!fused_) return;
  const int blocks = pool_->size();
  const int ranges = static_cast<int>(std::count_if(
      update_plan_.begin(), update_plan_.end(), [](const UpdateTask& u) { return u.layer == 0; }));
  const double first = 2 * net_->layer(0).flops_per_sample();
  const double rest = 3 * kRestCostFactor * (net_->flops_per_sample() - net_->layer(0).flops_per_sample());
  const double share0 = std::clamp(1.0 / blocks - rest / std::max(first, 1.0) * (blocks - 1) / blocks,
                                   0.0, 1.0 / blocks);
  const int own0 = blocks == 1 ? ranges : static_cast<int>(std::lround(share0 * ranges));
  range_begin_.assign(1, 0);
  for (int b = 0; b < blocks; ++b)
    range_begin_.push_back(b == 0 ? own0 : own0 + (ranges - own0) * b / (blocks - 1));
  small_tasks_.clear();
  for (int t = ranges; t < static_cast<int>(update_plan_.size()); ++t) small_tasks_.push_back(t);
  sync_ = std::make_unique<SyncCounter[]>(sync_counters(blocks, ranges));
  copy_x_.assign(size_t(blocks) * kMaxChunks, Matrix());
  copy_y_.assign(blocks, Matrix());
  copy_valid_.assign(size_t(blocks) * kMaxChunks, 0);
  fused_chunks_ = 0;  // task lists are built per chunk count, on first use
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
    Workspace& ws = prepare_chunk(c);
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

Workspace& TrainingSession::prepare_chunk(int c) {
  Workspace& ws = chunks_[c];
  // ws.grads is all zeros here, ready for backward to add into: prepare() creates it zeroed
  // and the update's reduction clears every chunk it reads.
  net_->prepare(ws);
  for (size_t l = 0; l < ws.layers.size(); ++l)
    ws.layers[l].seed = mix(mix(seed_, uint64_t(steps_)), uint64_t(c) * 131 + l);
  return ws;
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

void TrainingSession::finish_update(size_t lo, size_t hi) {
  regularize(lo, hi);
  optimizer_.update(net_->params().data(), grads_.data(), lo, hi);
}

void TrainingSession::update_dense_range(const UpdateTask& u, const DenseGradPart* parts,
                                         int num_parts, bool accumulate, bool finish) {
  const Dense& d = *net_->dense(u.layer);
  const size_t off = net_->param_offset(u.layer), bias = off + size_t(d.out()) * d.in();
  dense_weight_grad(parts, num_parts, d.in(), d.out(), u.o_lo, u.o_hi, grads_.data() + off,
                    grads_.data() + bias, accumulate);
  if (!finish) return;
  finish_update(off + size_t(u.o_lo) * d.in(), off + size_t(u.o_hi) * d.in());
  finish_update(bias + u.o_lo, bias + u.o_hi);
}

void TrainingSession::run_update_task(const UpdateTask& u, int chunks) {
  if (u.layer >= 0) return update_dense_range(u, parts_.data() + size_t(u.layer) * chunks, chunks);
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
  finish_update(u.lo, u.hi);
}

void TrainingSession::prefetch_next_chunk(int c) const {
  // Image rows are scattered over a large buffer and the gather waits on every one of them
  // (cache and TLB misses). The same chunk of the next minibatch usually runs on this thread,
  // so fetching its rows now lets the update phase hide that wait.
  const int rows = next_batch_rows();
  const int chunks = plan_chunks(std::max(rows, 1));
  if (c < chunks) prefetch_next_rows(rows * c / chunks, rows * (c + 1) / chunks);
}

int TrainingSession::next_batch_rows() const {
  const DataSplit& train = data_->train;
  if (train.pixels.empty() || cursor_ >= order_.size()) return 0;  // no images, or a new shuffle
  const int b = std::clamp(settings_.batch_size, 1, train.rows());
  return std::min<int>(b, static_cast<int>(order_.size() - cursor_));
}

void TrainingSession::prefetch_next_rows(int lo, int hi) const {
  const DataSplit& train = data_->train;
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
