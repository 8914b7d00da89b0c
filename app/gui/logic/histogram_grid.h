// Histograms over time for the gradient panel: each recorded histogram has its own [lo, hi], so a
// time x value heatmap first spreads them onto one common grid. Pure logic, unit-tested.
#pragma once
#include <cmath>
#include <string>
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
// lo < hi (both finite) fixes the grid's range instead, e.g. one axis shared by every layer.
HistogramGrid histograms_on_common_grid(const std::vector<const Histogram*>& histograms, int bins,
                                        bool fractions, double lo = NAN, double hi = NAN);

// The union of the usable histograms' ranges; false when none is usable.
bool histogram_range(const std::vector<const Histogram*>& histograms, double& lo, double& hi);

// Indices of at most `max` of n time slices to draw as ridges, evenly spread, ascending,
// always with the first and the newest (n - 1): a ridgeline of hundreds of slices is a smear.
std::vector<size_t> pick_slices(size_t n, size_t max);

// A tick label or read-out on the symmetric-log axis: the value a mapped coordinate m stands
// for. Whole decades read as powers of ten ("1e-6", "-0.01", "1"), 0 as "0".
std::string format_symlog(double m);

}  // namespace nnplay::gui
