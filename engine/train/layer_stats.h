// Per-layer diagnostics that make vanishing/exploding gradients, saturation and dead units
// visible. Computed from the last training step's buffers, only when someone looks.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/tensor.h"

namespace nnplay {

inline constexpr int kHistogramBins = 32;
// The symmetric-log axis is linear within +-kSymlogLinthresh and logarithmic beyond. It is one
// fixed value (not fitted per histogram) so histograms of different layers and steps share one
// axis: 1e-9 keeps the vanished gradients of a deep sigmoid network (1e-8 and below) apart
// from zero, while weights of size 1 sit 9 decades out.
inline constexpr double kSymlogLinthresh = 1e-9;
// A sigmoid/tanh unit is marked saturated (a ring in the network diagram) when |z| exceeds
// kSaturationThreshold for at least this share of the batch: most of its gradient is then gone.
inline constexpr double kUnitSaturatedShare = 0.5;

// What a histogram counts.
enum class StatKind { Weights, Gradients, PreActivations, Activations, Count };

// A histogram over [lo, hi], the full range of the finite values, so no tail is ever clipped;
// the end bins hold the extremes and counts always add up to the number of finite values.
// symlog maps v -> sign(v) log10(1 + |v|/linthresh) first, so a long tail does not squash the
// bulk into one bin; lo and hi are then in mapped units (symlog_to_value turns them back).
struct Histogram {
  double lo = 0, hi = 0;
  bool symlog = false;
  double linthresh = kSymlogLinthresh;
  std::array<int, kHistogramBins> counts{};
  int total() const;
  bool empty() const { return !(hi > lo); }
};

Histogram make_histogram(const Scalar* v, size_t n, bool symlog);
// Both histograms of the same values in two passes over them (the statistics run while training).
void make_histograms(const Scalar* v, size_t n, Histogram& linear, Histogram& symlog);

double symlog_of(double v, double linthresh = kSymlogLinthresh);
double symlog_to_value(double m, double linthresh = kSymlogLinthresh);

struct LayerStats {
  std::string type;               // "dense", ...
  double grad_norm = 0;           // L2 norm of the weight gradient
  double grad_mean_abs = 0;       // mean |dL/dW|
  double weight_norm = 0;
  double update_ratio = 0;        // |last update| / |W|
  double saturated_fraction = 0;  // sigmoid/tanh units with |z| > kSaturationThreshold, over batch
  double dead_fraction = 0;       // ReLU units that output 0 for every sample of the batch
  // Linear value axis (symlog axis when layer_stats(true) was asked for).
  Histogram weights, grads, pre_activations, activations;
  // Always on the symmetric-log axis, so a view can switch without asking the trainer.
  Histogram symlog_weights, symlog_grads, symlog_pre_activations, symlog_activations;
  // Per unit (output column) of the last batch, for marking neurons. Sigmoid/tanh layers:
  // the share of samples with |z| > kSaturationThreshold; empty for other activations.
  std::vector<float> unit_saturation;
  // ReLU layers: 1 for a unit that output 0 for every sample of the batch; empty otherwise.
  std::vector<uint8_t> unit_dead;

  const Histogram& histogram(StatKind kind, bool symlog) const;
  bool unit_saturated(int unit) const {
    return unit >= 0 && unit < int(unit_saturation.size()) && unit_saturation[unit] >= kUnitSaturatedShare;
  }
  bool unit_is_dead(int unit) const {
    return unit >= 0 && unit < int(unit_dead.size()) && unit_dead[unit];
  }
};

// Counts over a batch, split out of the session so they can be tested on hand-built values.
// z: the chunks of one batch, each (rows, units) pre-activations; fills unit_saturation and
// returns the saturated share of all entries.
double saturation_stats(const std::vector<const Matrix*>& z, std::vector<float>& unit_saturation);
// a: (batch, units) ReLU outputs; alive[u] is or-ed with "unit u was positive for some sample",
// so several chunks of one batch can be combined before deciding who is dead.
void mark_alive(const Matrix& a, std::vector<uint8_t>& alive);

// One point of the stats history (for time plots); kept decimated like the loss curve.
// The trainer fills step, grad_norm, update_ratio and grads; layer_stats_point fills them all.
struct LayerStatsPoint {
  long step = 0;
  std::vector<double> grad_norm;  // per layer
  std::vector<double> update_ratio;
  std::vector<Histogram> grads;   // per layer, for histogram-over-time views
  std::vector<Histogram> weights, pre_activations, activations;  // per layer, may be empty
  std::vector<double> saturated_fraction, dead_fraction;         // per layer, may be empty

  // The per-layer histograms of `kind`; empty when this point did not record that kind.
  const std::vector<Histogram>& histograms(StatKind kind) const;
};

// A full history point of the given statistics: histograms of every kind, on the symlog axis
// when asked.
LayerStatsPoint layer_stats_point(long step, const std::vector<LayerStats>& layers, bool symlog = false);

}  // namespace nnplay
