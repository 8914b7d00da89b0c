// Feature maps view: every channel of every conv/pool layer for one input image (issue 5).
#pragma once

namespace nnplay::gui {

struct AppState;

struct FeatureMapsPanelState {};

// Draws into the current window region (the caller owns Begin/End).
void draw_feature_maps_panel(AppState& s);

}  // namespace nnplay::gui
