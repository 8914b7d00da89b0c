// Function fit view: a 1D regression curve and each hidden unit's contribution (issue 4).
#pragma once

namespace nnplay::gui {

struct AppState;

struct FitPanelState {};

// Draws into the current window region (the caller owns Begin/End).
void draw_fit_panel(AppState& s);

}  // namespace nnplay::gui
