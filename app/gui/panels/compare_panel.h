// Compare view: several configurations trained side by side on the same data and seed (issue 4).
#pragma once
#include <string>
#include <vector>

#include "engine/experiment/experiment.h"

namespace nnplay::gui {

struct AppState;

// One configuration to compare: a label ("sigmoid", "ReLU + He") and the whole experiment.
// The data and the seed are taken from the document, so every run sees the same points.
struct CompareRunSpec {
  std::string label;
  Experiment exp;
};

struct ComparePanelState {};

// Draws into the current window region (the caller owns Begin/End).
void draw_compare_panel(AppState& s);

// Replaces the runs being compared (2 to 4; lessons call this) and shows them paused at step 0.
void start_compare(AppState& s, std::vector<CompareRunSpec> runs);

}  // namespace nnplay::gui
