// The runs of the compare view: two to six configurations, each trained by its own Trainer on
// the same data with the same seed, driven together (play, pause, step, reset, speed). No GL or
// ImGui here, so the tests can check that runs side by side stay independent.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/experiment/experiment.h"
#include "engine/train/trainer.h"

namespace nnplay::gui {

// One configuration to compare: a label ("sigmoid", "ReLU + He") and the whole experiment.
// The data and the seed are taken from the document, so every run sees the same points.
struct CompareRunSpec {
  std::string label;
  Experiment exp;
};

struct CompareRun {
  int id = 0;                        // unique within its CompareRuns (for per-run UI resources)
  std::string label;
  Experiment exp;                    // the configuration, on the comparison's data and seed
  std::unique_ptr<Trainer> trainer;  // null when it could not start (then error says why)
  SnapshotPtr snap;                  // newest, refreshed once per frame
  std::string error;
};

inline constexpr int kMaxCompareRuns = 6;  // the six optimisers of the race

// `config`'s network, loss and training settings on `doc`'s data, features, splits, task and
// seed. Saved weights are dropped: every run starts from the seed's initial weights (or the
// explicit weights its layers give), so the runs differ only in their configuration.
Experiment compare_experiment(const Experiment& doc, const Experiment& config);

// Trainers of the comparison: one thread each at background priority, so several runs share the
// cores without making the window stutter.
TrainerOptions compare_trainer_options();

class CompareRuns {
 public:
  explicit CompareRuns(TrainerOptions options = compare_trainer_options()) : options_(options) {}

  // Replaces the runs (at most kMaxCompareRuns are kept); all start paused at step 0. Every run
  // shares one dataset: `data` when given (the main run's, already loaded), else built from doc.
  void start(const Experiment& doc, std::vector<CompareRunSpec> specs,
             std::shared_ptr<const Dataset> data = nullptr);
  // Adds a run on the comparison's data (doc's when there are no runs). False when full.
  bool add(const Experiment& doc, CompareRunSpec spec, std::shared_ptr<const Dataset> data = nullptr);
  void remove(size_t i);
  void clear();

  void play_all();
  void pause_all();
  void step_all(int steps);
  void reset_all();  // back to each run's initial weights (the same seed)
  // Minibatch steps per second for every run; 0 = as fast as the machine allows.
  void set_speed(double steps_per_second);
  double speed() const { return speed_; }
  // Decision grids for the boundary thumbnails (point data only; sent when it changed).
  void set_grid(const GridRequest& r);

  void refresh();   // newest snapshot of every run (once per frame)
  void sync_all();  // waits until every run applied what was sent (tests only)

  bool any_running() const;
  bool empty() const { return runs_.empty(); }
  size_t size() const { return runs_.size(); }
  const std::vector<CompareRun>& runs() const { return runs_; }
  const std::string& data_error() const { return data_error_; }
  // The document the runs took their data and seed from (null before the first run).
  const Experiment* source() const { return doc_ ? &*doc_ : nullptr; }

 private:
  void launch(CompareRun& run);
  void use_data(const Experiment& doc, std::shared_ptr<const Dataset> data);
  void send_all(const Command& c);

  TrainerOptions options_;
  std::vector<CompareRun> runs_;
  std::optional<Experiment> doc_;  // where the data and seed come from
  std::shared_ptr<const Dataset> data_;
  std::string data_error_;
  double speed_ = 0;
  std::optional<GridRequest> grid_;
  int next_id_ = 1;
};

}  // namespace nnplay::gui
