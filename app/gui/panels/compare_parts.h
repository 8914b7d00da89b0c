// Pieces of the compare view shared by its files: run colours and the three parts below the
// toolbar (run cards, overlaid loss curves, gradient norms per layer).
#pragma once
#include <imgui.h>

#include "app/gui/panels/compare_panel.h"
#include "app/gui/plot/plot.h"

namespace nnplay::gui {

struct AppState;

namespace compare {

// Run i's line: bright Okabe-Ito colours that read on the dark theme, every other run dashed
// so the curves stay apart for colour-blind viewers too.
LineStyle run_style(int i);

// One card per run, side by side, `height` tall: name, boundary thumbnail (point data) and the
// newest numbers. Returns the index of a run whose remove button was pressed, or -1.
int draw_run_cards(AppState& s, float height);

// Loss of every run over steps, overlaid, and every run's gradient norm per layer as grouped
// bars, side by side in a region `height` tall.
void draw_charts(ComparePanelState& ui, float height);

}  // namespace compare
}  // namespace nnplay::gui
