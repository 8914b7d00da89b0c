// Metrics view: confusion matrix, ROC/AUC, precision/recall and the decision threshold (issue 4).
#pragma once

namespace nnplay::gui {

struct AppState;

struct MetricsPanelState {};

// Draws into the current window region (the caller owns Begin/End).
void draw_metrics_panel(AppState& s);

}  // namespace nnplay::gui
