// Histograms over time for the gradient panel: each recorded histogram has its own [lo, hi], so a
// time x value heatmap first spreads them onto one common grid. Pure logic, unit-tested.
#pragma once
#include <vector>

#include "engine/train/layer_stats.h"

namespace nnplay::gui {

struct HistogramGrid {
  double lo = 0, hi = 1;     // common value range (the union of the inputs' ranges)
  int bins = 0, times = 0;
  // Row-major, bins rows x times columns, row 0 at lo: ready for Plot::heatmap(values, times,
  // bins, {.x_lo = first step, .x_hi = last step, .y_lo = lo, .y_hi = hi}).
  std::vector<float> values;
};

// Each histogram's counts are spread over the common bins in proportion to overlap (a count is
// assumed uniform within its source bin). With `fractions`, each column sums to 1 so early and
// late steps compare by shape, not by batch size. Empty histograms (lo == hi) give NaN columns.
// All inputs should share one symlog setting; the grid is in the same (mapped) value space.
HistogramGrid histograms_on_common_grid(const std::vector<const Histogram*>& histograms, int bins,
                                        bool fractions);

}  // namespace nnplay::gui
