// Samples view: validation images with predictions, and a live confusion matrix (issue 5).
#pragma once

namespace nnplay::gui {

struct AppState;

struct SamplesPanelState {};

// Draws into the current window region (the caller owns Begin/End).
void draw_samples_panel(AppState& s);

}  // namespace nnplay::gui
