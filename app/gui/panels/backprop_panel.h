// Backprop step-through: one sample forward then backward, with z, a, delta and gradients (issue 4).
#pragma once

namespace nnplay::gui {

struct AppState;

struct BackpropPanelState {
  int sample = 0;  // row of the training set being traced
  int step = 0;    // index into BackpropTrace::steps
};

// Draws into the current window region (the caller owns Begin/End).
void draw_backprop_panel(AppState& s);

}  // namespace nnplay::gui
