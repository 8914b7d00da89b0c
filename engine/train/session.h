// One training run without threads of its own: network, loss, optimiser, data and the
// minibatch schedule. The Trainer drives it on a background thread; the CLI and benchmarks
// drive it directly. Data-parallel chunks are planned from the batch size and the network's
// cost only (never the thread count), and reduced in a fixed order, so a seed gives
// bit-identical parameters on 1 or N threads.
#pragma once
#include <atomic>
#include <memory>
#include <utility>
#include <vector>

#include "engine/core/rng.h"
#include "engine/core/thread_pool.h"
#include "engine/data/dataset.h"
#include "engine/nn/dense_kernels.h"
#include "engine/nn/loss.h"
#include "engine/nn/network.h"
#include "engine/train/layer_stats.h"
#include "engine/train/settings.h"

namespace nnplay {

struct EvalResult {
  double loss = NAN;
  double accuracy = NAN;  // classification accuracy, or R^2 for regression
  int samples = 0;
};

class TrainingSession {
 public:
  // Throws Error if the network does not fit the data (input width, output units vs classes).
  TrainingSession(std::shared_ptr<const Dataset> data, const NetworkSpec& spec, Loss loss,
                  TrainSettings settings, uint64_t seed, ThreadPool* pool);

  // One optimiser step on the next minibatch. Returns the minibatch's mean data loss.
  double step();
  // The minibatch chosen at the start of an epoch is the first of a fresh seeded shuffle.
  long steps() const { return steps_; }
  long epoch() const { return epoch_; }           // completed epochs
  double epoch_progress() const;                  // epochs as a real number
  long samples_seen() const { return samples_seen_; }
  int steps_per_epoch() const;

  EvalResult evaluate(const DataSplit& split, int max_samples = 0) const;
  // Probabilities (classification) or values (regression) for rows of x, on the pool.
  void predict(const Matrix& x, Matrix& out) const;
  // Network output and every layer's activations for rows of x (single chunk; small x).
  void forward_all(const Matrix& x, std::vector<Matrix>& activations) const;

  // Per-layer statistics of the last step (gradients, activations, update ratios).
  std::vector<LayerStats> layer_stats(bool symlog = false) const;

  void set_settings(const TrainSettings& s);
  const TrainSettings& settings() const { return settings_; }
  // New initial weights from seed (same seed replays the same initial weights).
  void reinitialize(uint64_t seed);
  // Swap the architecture, keeping weights of layers whose shapes did not change.
  void replace_network(const NetworkSpec& spec, Loss loss);
  // Swap the data; the schedule restarts its epoch but weights are kept.
  void replace_data(std::shared_ptr<const Dataset> data);
  void set_params(const std::vector<Scalar>& p);

  // The spec as the user wrote it (output sigmoid/softmax shown); the compiled network leaves
  // the output linear and lets the loss apply it, which keeps the loss finite.
  const NetworkSpec& spec() const { return user_spec_; }
  const Network& network() const { return *net_; }
  Network& network() { return *net_; }
  const Loss& loss() const { return loss_; }
  const Dataset& data() const { return *data_; }
  std::shared_ptr<const Dataset> data_ptr() const { return data_; }
  uint64_t seed() const { return seed_; }
  ThreadPool* pool() const { return pool_; }
  // Chunks a batch of b rows splits into (depends on b and the network only).
  int plan_chunks(int b) const;
  const ParamVector& last_grads() const { return grads_; }
  // The training-row indices of the current epoch in the order minibatches take them.
  const std::vector<int>& first_batch_indices() const { return order_; }

 private:
  void check_fit() const;
  void logits(const Matrix& x, Matrix& out) const;  // network outputs on the pool
  void start_epoch();
  // Plans the update phase of step() (gradients, regularisation, optimiser) as tasks over
  // parameter slices; depends on the network only.
  void plan_update();
  // The two phases of step(): forward, loss and backward per chunk of rows; then gradients,
  // regularisation and the optimiser per parameter slice.
  void forward_backward(const int* idx, int rows, int chunks);
  void update(int chunks);
  // The whole step as one pool job when the first layer is split by neuron (fused_step.cpp).
  // Returns false, doing nothing, when the network does not take that path.
  bool fused_step(const int* idx, int rows, int chunks);
  // fused_step()'s split of the first layer's ranges between threads (part of plan_update),
  // and its task lists for a number of chunks.
  void plan_fused();
  void plan_fused_tasks(int chunks);
  static size_t sync_counters(int blocks, int ranges);
  // Chunk c's workspace, sized for the network, its gradients zeroed and its layers' random
  // seeds (dropout) set for this step.
  Workspace& prepare_chunk(int c);
  // Regularisation terms added to grads_ over parameters [lo, hi).
  void regularize(size_t lo, size_t hi);
  // Starts loading the pixels of chunk c of the next minibatch (image data only), or of its rows
  // [lo, hi) of next_batch_rows() (0 when the data are not images or the epoch ends: the next
  // order is not shuffled yet).
  void prefetch_next_chunk(int c) const;
  void prefetch_next_rows(int lo, int hi) const;
  int next_batch_rows() const;

  // One task of the update phase: for a dense layer (layer >= 0), the weight and bias gradients
  // of neurons [o_lo, o_hi) over the whole batch; otherwise the reduction of the chunks'
  // gradients over parameters [lo, hi). Either way followed by regularisation and the optimiser
  // on the same parameters.
  struct UpdateTask {
    int layer = -1;
    int o_lo = 0, o_hi = 0;
    size_t lo = 0, hi = 0;
  };
  // Shared by update() and fused_step(): the step's set-up before any update task, chunk c's
  // inputs to the dense gradients (after its backward), and one task of update_plan_.
  void begin_update(int chunks);
  void set_grad_parts(int c, int chunks);
  void run_update_task(const UpdateTask& u, int chunks);
  // A dense task's gradient over num_parts chunks (continuing the sums with `accumulate`),
  // then, with `finish`, regularisation and the optimiser on its weights and biases.
  void update_dense_range(const UpdateTask& u, const DenseGradPart* parts, int num_parts,
                          bool accumulate = false, bool finish = true);
  // Regularisation and the optimiser on parameters [lo, hi), whose gradient is in grads_.
  void finish_update(size_t lo, size_t hi);

  std::shared_ptr<const Dataset> data_;
  NetworkSpec user_spec_;
  std::unique_ptr<Network> net_;
  Loss loss_;
  TrainSettings settings_;
  Optimizer optimizer_;
  uint64_t seed_;
  ThreadPool* pool_;
  Rng shuffle_rng_;
  std::vector<int> order_;
  size_t cursor_ = 0;
  long steps_ = 0, epoch_ = 0, samples_seen_ = 0;
  std::vector<Workspace> chunks_;          // one per planned chunk
  mutable std::vector<Workspace> infer_;   // one per worker, for predict()
  ParamVector grads_;
  ParamVector params_before_;
  std::vector<double> chunk_loss_;
  std::vector<UpdateTask> update_plan_;  // empty until the first step of a network
  std::vector<std::pair<size_t, size_t>> regularized_;  // [begin, end) of weights L1/L2 apply to
  std::vector<DenseGradPart> parts_;      // (layer, chunk) inputs of dense_weight_grad
  // fused_step(): thread b's first-layer ranges [range_begin_[b], range_begin_[b + 1]) (the
  // first update_plan_ entries are the first layer's ranges); the other update tasks, which
  // thread 0 runs; per thread, its first-layer forward and gradient tasks for the current
  // chunk count (fused_chunks_), in the order it runs them, from forward_begin_[b] and
  // grad_begin_[b]; the job's claim cursors and completion counts.
  static constexpr int kMaxChunks = 16;
  struct RangeTask {
    int range;
    int chunk;  // -1: every chunk in one pass (gradient tasks)
  };
  std::vector<int> range_begin_, small_tasks_;
  std::vector<RangeTask> forward_tasks_, grad_tasks_;
  std::vector<int> forward_begin_, grad_begin_;
  int fused_chunks_ = 0;
  bool fused_ = false;  // the network takes fused_step() (a large dense first layer, a pool)
  struct alignas(64) SyncCounter {
    std::atomic<int> n{0};
  };
  std::unique_ptr<SyncCounter[]> sync_;
  // fused_step(): each thread's own gather of every chunk's inputs (thread 0 gathers into the
  // chunk workspaces), per worker and chunk, with whether it holds this step's rows; and a
  // scratch target matrix per worker.
  std::vector<Matrix> copy_x_, copy_y_;
  std::vector<int> copy_valid_;
  int last_batch_ = 0;
};

}  // namespace nnplay
