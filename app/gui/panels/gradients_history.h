// The Gradients view's histograms over time: the history of snapshots it draws from and one
// small plot per layer (shared between gradients_panel.cpp and gradients_history.cpp).
#pragma once
#include <string>
#include <vector>

#include "app/gui/panels/gradients_panel.h"
#include "engine/train/snapshot.h"

namespace nnplay::gui {

// Records the snapshot's statistics into the panel's own history when it is new.
void record_layer_stats(const Snapshot& snap, GradientsPanelState& ui);

// The history points holding histograms of the chosen kind and axis: the trainer's when it has
// them, else the panel's own recording. `own` says which (for the caption).
const std::vector<LayerStatsPoint>* history_for(const Snapshot& snap, const GradientsPanelState& ui,
                                                std::vector<LayerStatsPoint>& scratch, bool& own);

// One histogram-over-time plot per layer in `layers`, in a grid filling the region below the
// cursor. Returns the layer clicked (-1: none).
int draw_layer_histograms(const Snapshot& snap, const std::vector<LayerStatsPoint>& history,
                          const std::vector<int>& layers, const std::vector<std::string>& names,
                          const GradientsPanelState& ui, int selected, float height);

}  // namespace nnplay::gui
