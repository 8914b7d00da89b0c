// Compare view: several configurations trained side by side on the same data and seed (issue 4):
// a boundary thumbnail (or accuracy, for images) per run, loss curves overlaid and per-layer
// gradient norms side by side. Also the optimiser race.
#pragma once
#include <map>
#include <memory>
#include <vector>

#include "app/gui/logic/compare_runs.h"
#include "engine/experiment/experiment.h"

namespace nnplay::gui {

struct AppState;
class BoundaryRenderer;

struct ComparePanelState {
  CompareRuns runs;
  int speed = 0;         // index into the speed choices (0 = as fast as possible)
  bool log_loss = true;  // loss axis in decades
  bool validation = false;  // validation loss instead of training loss
  std::map<int, std::shared_ptr<BoundaryRenderer>> renderers;  // by CompareRun::id
};

// Draws into the current window region (the caller owns Begin/End).
void draw_compare_panel(AppState& s);

// Replaces the runs being compared (2 to 6; lessons call this) and shows them paused at step 0.
// Each spec's network, loss and settings are trained on the document's data with its seed.
void start_compare(AppState& s, std::vector<CompareRunSpec> runs);

}  // namespace nnplay::gui
