// Metrics view: for the current classifier, the confusion matrix, ROC curve and AUC, accuracy,
// precision, recall and F1 on a chosen split, and the decision threshold (binary only) that
// also redraws the boundary on the canvas. Predictions are recomputed only when the weights,
// the data or the split change.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "engine/core/tensor.h"
#include "engine/data/dataset.h"
#include "engine/metrics/metrics.h"

namespace nnplay::gui {

struct AppState;

struct MetricsPanelState {
  int split = 1;  // 0 training, 1 validation, 2 test

  // Cache: predictions for (params_version, data, split).
  uint64_t params_version = 0;
  std::shared_ptr<const nnplay::Dataset> data;
  int cached_split = -1;
  nnplay::Matrix probs, labels;  // (N, 1) P(class 1) or (N, k); (N, 1) labels
  int classes = 2;
  nnplay::RocCurve roc;
  double threshold = -1;  // the threshold `metrics` was computed at
  nnplay::ClassificationMetrics metrics;
};

// Draws into the current window region (the caller owns Begin/End).
void draw_metrics_panel(AppState& s);

}  // namespace nnplay::gui
