// Filters view: the kernels of the convolutions, live (issue 5).
#pragma once

namespace nnplay::gui {

struct AppState;

struct FiltersPanelState {};

// Draws into the current window region (the caller owns Begin/End).
void draw_filters_panel(AppState& s);

}  // namespace nnplay::gui
