// Backprop step-through: one sample forward then backward, with z, a, delta and gradients (issue 4).
#pragma once

namespace nnplay::gui {

struct AppState;

struct BackpropPanelState {};

// Draws into the current window region (the caller owns Begin/End).
void draw_backprop_panel(AppState& s);

}  // namespace nnplay::gui
