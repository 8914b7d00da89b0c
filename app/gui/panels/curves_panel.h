// The learning-curves panel: training and validation loss (and accuracy, or R^2 for regression)
// against steps or epochs, with the current values as big numbers for the back row of the hall.
#pragma once

#include "engine/train/snapshot.h"

namespace nnplay::gui {

// Persistent options of the panel; the caller owns it (one per window).
struct CurvesPanelState {
  bool log_scale = false;      // log-scale loss axis: late, small improvements stay visible
  bool x_in_epochs = false;    // x axis in epochs instead of minibatch steps
  bool show_accuracy = true;   // second plot: accuracy (classification) or R^2 (regression)
  bool show_train = true;      // draw the training-set series
  bool show_validation = true; // draw the validation-set series
};

// Draws into the current window region (the caller owns Begin/End and its size). snap may be null.
void draw_curves_panel(const nnplay::Snapshot* snap, CurvesPanelState& ui);

}  // namespace nnplay::gui
