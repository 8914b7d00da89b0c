// Reading the learning curves for the students: has validation loss turned upward while
// training loss keeps falling (overfitting)? Pure logic, unit-tested, no ImGui.
#pragma once
#include <vector>

#include "engine/train/history.h"

namespace nnplay::gui {

struct OverfitReport {
  bool overfitting = false;
  long best_step = -1;        // step with the lowest validation loss so far (-1: none yet)
  double best_epoch = 0;
  double best_val_loss = 0;
  double rise = 0;            // latest validation loss / best - 1 (0.25 = 25% worse)
};

// Overfitting is reported when the newest validation loss is at least `min_rise` above its best,
// the best lies at least `min_points` validation evaluations back (one bad batch is not a
// trend), and training loss is lower now than at the best (the network still "improves").
OverfitReport detect_overfitting(const std::vector<MetricPoint>& history, double min_rise = 0.10,
                                 int min_points = 5);

}  // namespace nnplay::gui
