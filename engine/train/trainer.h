// The Trainer owns a TrainingSession on its own thread. The UI sends commands (never touching
// the network) and reads the newest Snapshot, swapped in atomically: neither side waits on
// the other. A loss or parameter that stops being finite pauses training, restores the last
// finite parameters and explains what happened.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <variant>

#include "engine/core/thread_pool.h"
#include "engine/train/session.h"
#include "engine/train/snapshot.h"

namespace nnplay {

namespace cmd {
struct Play {};
struct Pause {};
struct Step { int steps = 1; };         // minibatches, then pause
struct StepEpoch {};                    // one epoch, then pause
struct Reset { uint64_t seed; };        // new initial weights from seed; history cleared
struct SetSettings { TrainSettings settings; };
struct ReplaceNetwork { NetworkSpec spec; Loss loss; };
struct ReplaceData { std::shared_ptr<const Dataset> data; };
struct SetGrid { GridRequest request; };
struct SetParam { size_t index; Scalar value; };  // a user typed a weight
struct SetParams { std::vector<Scalar> params; };  // load saved weights
struct Rollback {};                     // back to the last finite parameters after divergence
}  // namespace cmd

using Command = std::variant<cmd::Play, cmd::Pause, cmd::Step, cmd::StepEpoch, cmd::Reset,
                             cmd::SetSettings, cmd::ReplaceNetwork, cmd::ReplaceData, cmd::SetGrid,
                             cmd::SetParam, cmd::SetParams, cmd::Rollback>;

struct TrainerOptions {
  int threads = 0;                 // engine pool size; 0 = all hardware threads
  double publish_interval = 0.03;  // seconds between snapshots while running
  size_t history_capacity = 2048;
  int eval_max_samples = 2000;     // for metric points on large datasets
  // While running, metric points take at most about this share of the trainer's time: on a
  // CNN, evaluating thousands of images at every publish would leave little time to train.
  double metrics_time_share = 0.15;
  // Image classification: validation predictions (gallery, confusion matrix) for at most this
  // many images, recomputed at most this often while running.
  int predictions_max_samples = 2000;
  double predictions_interval = 1.5;
  // A window sets Background: on a machine with few cores its frames then come first and
  // training still gets every cycle they leave.
  ThreadPriority priority = ThreadPriority::Normal;
};

class Trainer {
 public:
  // Throws Error if the network does not fit the data.
  Trainer(std::shared_ptr<const Dataset> data, const NetworkSpec& spec, Loss loss,
          TrainSettings settings, uint64_t seed, TrainerOptions options = {});
  ~Trainer();
  Trainer(const Trainer&) = delete;
  Trainer& operator=(const Trainer&) = delete;

  void send(Command c);
  // The newest snapshot; never null, never blocks on training.
  SnapshotPtr snapshot() const;
  // Blocks until every command sent so far has been applied and a snapshot published
  // (for tests and headless screenshots; the UI never calls it).
  void sync();

 private:
  void run();
  void apply(Command& c);
  void train_slice();
  void record_metrics();
  void publish();
  void compute_grid();
  bool metrics_due() const;
  void compute_predictions();
  bool check_finite(double loss);

  ThreadPool pool_;
  TrainerOptions options_;
  std::unique_ptr<TrainingSession> session_;
  uint64_t seed_;

  mutable std::mutex queue_mutex_;
  std::condition_variable queue_cv_, synced_cv_;
  std::deque<Command> queue_;
  uint64_t sent_ = 0, applied_ = 0;

  mutable std::mutex snapshot_mutex_;  // held only to copy or swap one pointer
  SnapshotPtr snapshot_;

  // Trainer-thread state.
  bool running_ = false;
  long pending_steps_ = 0;
  long epoch_target_ = -1;
  bool diverged_ = false;
  std::string message_;
  std::vector<Scalar> last_finite_;
  GridRequest grid_request_;
  bool want_grid_ = false;
  std::shared_ptr<const DecisionGrid> grid_;
  uint64_t version_ = 0, params_version_ = 1, grid_params_version_ = 0;
  DecimatedHistory<MetricPoint> history_;
  DecimatedHistory<LayerStatsPoint> layer_history_;
  MetricPoint latest_;
  std::shared_ptr<const std::vector<Scalar>> start_params_;  // see Snapshot::start_params
  void mark_start();           // the current parameters become start_params_
  double rate_ = 0;            // samples/s, smoothed over publishes
  double busy_seconds_ = 0;    // time in train_slice since the last publish
  long busy_samples_ = 0;      // samples trained in that time
  std::chrono::steady_clock::time_point metrics_time_ = std::chrono::steady_clock::now();
  double metrics_seconds_ = 0;  // how long the last metric point took
  std::shared_ptr<const Predictions> predictions_;
  std::chrono::steady_clock::time_point predictions_time_ = std::chrono::steady_clock::now();
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace nnplay
