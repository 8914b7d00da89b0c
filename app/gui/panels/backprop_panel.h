// Backprop step-through: one sample forward then backward, with z, a, delta and gradients (issue 4).
#pragma once
#include <cstdint>
#include <string>

#include "engine/train/backprop_trace.h"

namespace nnplay::gui {

struct AppState;

struct BackpropPanelState {
  int sample = 0;  // row of the training set being traced
  int step = 0;    // index into BackpropTrace::steps
  // The trace of the last (parameters, data, sample) it was computed for, or why it failed:
  // tracing builds a network, so it runs when those change, not every frame.
  nnplay::BackpropTrace trace;
  std::string error;
  uint64_t params_version = ~0ull;
  const void* data = nullptr;
  int traced_sample = -1;
};

// Draws into the current window region (the caller owns Begin/End).
void draw_backprop_panel(AppState& s);

}  // namespace nnplay::gui
