// Per-layer diagnostics that make vanishing/exploding gradients, saturation and dead units
// visible. Computed from the last training step's buffers, only when someone looks.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "engine/core/tensor.h"

namespace nnplay {

inline constexpr int kHistogramBins = 32;

// A histogram over [lo, hi]; values outside land in the end bins so counts always add up.
// symlog maps v -> sign(v) log10(1 + |v|/linthresh) first, so tails stay visible.
struct Histogram {
  double lo = 0, hi = 0;
  bool symlog = false;
  double linthresh = 1e-3;
  std::array<int, kHistogramBins> counts{};
  int total() const;
};

Histogram make_histogram(const Scalar* v, size_t n, bool symlog);

struct LayerStats {
  std::string type;               // "dense", ...
  double grad_norm = 0;           // L2 norm of the weight gradient
  double grad_mean_abs = 0;       // mean |dL/dW|
  double weight_norm = 0;
  double update_ratio = 0;        // |last update| / |W|
  double saturated_fraction = 0;  // sigmoid/tanh units with |z| > kSaturationThreshold, over batch
  double dead_fraction = 0;       // ReLU units that output 0 for every sample of the batch
  Histogram weights, grads, pre_activations, activations;
};

// One point of the stats history (for time plots); kept decimated like the loss curve.
struct LayerStatsPoint {
  long step = 0;
  std::vector<double> grad_norm;  // per layer
  std::vector<double> update_ratio;
  std::vector<Histogram> grads;   // per layer, for histogram-over-time views
};

}  // namespace nnplay
