// What the trainer publishes: an immutable picture of the run that the UI reads without locks
// and without ever waiting for a training step.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/data/dataset.h"
#include "engine/nn/loss.h"
#include "engine/nn/network_spec.h"
#include "engine/train/history.h"
#include "engine/train/layer_stats.h"
#include "engine/train/predictions.h"
#include "engine/train/settings.h"

namespace nnplay {

// Where and how finely to evaluate the network over the input plane (raw x1, x2 coordinates;
// the trainer applies the feature maps).
struct GridRequest {
  double x_min = -6, x_max = 6, y_min = -6, y_max = 6;
  int resolution = 128;         // output grid is resolution x resolution
  int neuron_resolution = 0;    // > 0: also every hidden neuron's activation at this size
  std::vector<std::string> features;  // feature maps, in the network's input order
  bool operator==(const GridRequest&) const = default;
};

struct DecisionGrid {
  GridRequest request;
  int outputs = 1;             // values per cell: 1 (binary prob. / regression) or k classes
  std::vector<float> values;   // row-major: row 0 is y_min; (res*res*outputs)
  // neurons[layer][unit] is a neuron_resolution^2 image of that unit's activation.
  std::vector<std::vector<std::vector<float>>> neurons;
  uint64_t params_version = 0;  // which parameters produced it
};

struct Snapshot {
  uint64_t version = 0;         // increases with every publish
  uint64_t params_version = 0;  // increases when parameters change
  long step = 0;
  long epoch = 0;
  double epoch_progress = 0;
  long samples_seen = 0;
  double samples_per_second = 0;
  bool running = false;
  int threads = 1;

  NetworkSpec spec;
  Loss loss;
  Task task = Task::Classification;
  int num_classes = 2;
  TrainSettings settings;
  std::vector<Scalar> params;        // flat; layer i starts at param_offsets[i]
  // The parameters this run started from (the last reset, new network or loaded weights), so
  // a view can show what training changed. Shared, not copied per snapshot.
  std::shared_ptr<const std::vector<Scalar>> start_params;
  std::vector<size_t> param_offsets;
  int train_size = 0, validation_size = 0, test_size = 0;

  std::vector<MetricPoint> history;  // decimated
  MetricPoint latest;
  std::vector<LayerStats> layers;
  std::vector<LayerStatsPoint> layer_history;  // decimated
  std::shared_ptr<const DecisionGrid> grid;
  std::shared_ptr<const Dataset> data;  // the data being trained on (shared, never copied)
  // Image classification only: the validation images' top-3 predictions and confusion matrix,
  // refreshed every TrainerOptions::predictions_interval while running (may lag the params).
  std::shared_ptr<const Predictions> predictions;

  // Set when training stopped itself (loss or parameters not finite) or a command failed.
  bool diverged = false;
  std::string message;
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

}  // namespace nnplay
