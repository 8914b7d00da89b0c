// Filters view: the kernels of the convolutions, redrawn live as training changes them. The
// first convolution's filters are little images over the input pixels (edge and stroke
// detectors appear within a minute of training); a deeper layer has one kernel per input
// channel for each filter, shown as a grid on demand.
#pragma once
#include "app/gui/panels/image_common.h"

namespace nnplay::gui {

struct AppState;

struct FiltersPanelState {
  int conv = 0;             // which convolution (0 = the first)
  int channel = -1;         // deeper layers: one input channel, or -1 for all of them
  bool shared_scale = true; // one colour scale for all filters, or each its own
  bool greys = false;       // greys instead of blue-white-orange
  bool learned = true;      // show w - w_start: what training added to the random start
};

// Draws into the current window region (the caller owns Begin/End).
void draw_filters_panel(AppState& s);

}  // namespace nnplay::gui
