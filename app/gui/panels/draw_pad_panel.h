// Draw view: a 28x28 pad whose drawing the network classifies live (issue 5).
#pragma once

namespace nnplay::gui {

struct AppState;

struct DrawPadPanelState {};

// Draws into the current window region (the caller owns Begin/End).
void draw_draw_pad_panel(AppState& s);

}  // namespace nnplay::gui
