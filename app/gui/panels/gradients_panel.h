// Gradients view: per-layer histograms over time, gradient norms per layer (issue 4).
#pragma once

namespace nnplay::gui {

struct AppState;

struct GradientsPanelState {};

// Draws into the current window region (the caller owns Begin/End).
void draw_gradients_panel(AppState& s);

}  // namespace nnplay::gui
