// Gradients view: per-layer histograms over time (weights, gradients, pre-activations or
// activations; TensorBoard's offset ridgeline or a time x value heatmap) and the gradient norm
// of every layer on a log scale, where vanishing and exploding gradients show at a glance.
#pragma once
#include <cstdint>

#include "engine/train/history.h"
#include "engine/train/layer_stats.h"

namespace nnplay::gui {

struct AppState;

struct GradientsPanelState {
  StatKind kind = StatKind::Gradients;
  bool heatmap = false;      // time x value heatmap instead of ridgelines
  bool symlog = false;       // symmetric-log value axis: tails and tiny values stay visible
  bool shared_axis = true;   // every layer on one value axis, so their widths compare
  // The trainer's history keeps gradient histograms only; the other kinds (and the symlog
  // axis) are recorded here from each new snapshot while this view is drawn.
  DecimatedHistory<LayerStatsPoint> recorded{160}, recorded_symlog{160};
  uint64_t recorded_version = 0;
  long recorded_step = -1;
  size_t recorded_layers = 0;
};

// Draws into the current window region (the caller owns Begin/End).
void draw_gradients_panel(AppState& s);

}  // namespace nnplay::gui
