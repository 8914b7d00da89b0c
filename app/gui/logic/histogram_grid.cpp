// Resampling histograms with different ranges onto one grid.
#include "app/gui/logic/histogram_grid.h"

#include <algorithm>
#include <cmath>

namespace nnplay::gui {

namespace {

bool usable(const Histogram& h) { return std::isfinite(h.lo) && std::isfinite(h.hi) && h.hi > h.lo; }

// Adds source bin [a, b) holding `count` to the column, split by overlap with target bins.
void spread(double a, double b, double count, const HistogramGrid& g, float* column, int stride) {
  const double width = (g.hi - g.lo) / g.bins;
  const int first = std::clamp(static_cast<int>(std::floor((a - g.lo) / width)), 0, g.bins - 1);
  const int last = std::clamp(static_cast<int>(std::floor((b - g.lo) / width)), 0, g.bins - 1);
  for (int k = first; k <= last; ++k) {
    const double lo = g.lo + k * width, hi = lo + width;
    const double overlap = std::min(b, hi) - std::max(a, lo);
    if (overlap > 0) column[static_cast<size_t>(k) * stride] += static_cast<float>(count * overlap / (b - a));
  }
}

}  // namespace

HistogramGrid histograms_on_common_grid(const std::vector<const Histogram*>& histograms, int bins,
                                        bool fractions) {
  HistogramGrid g;
  g.bins = std::max(1, bins);
  g.times = static_cast<int>(histograms.size());
  double lo = INFINITY, hi = -INFINITY;
  for (const Histogram* h : histograms)
    if (h && usable(*h)) lo = std::min(lo, h->lo), hi = std::max(hi, h->hi);
  if (lo < hi) g.lo = lo, g.hi = hi;
  g.values.assign(static_cast<size_t>(g.bins) * g.times, 0.0f);
  for (int t = 0; t < g.times; ++t) {
    const Histogram* h = histograms[t];
    float* column = g.values.data() + t;
    if (!h || !usable(*h)) {
      for (int k = 0; k < g.bins; ++k) column[static_cast<size_t>(k) * g.times] = NAN;
      continue;
    }
    const double w = (h->hi - h->lo) / kHistogramBins;
    double total = 0;
    for (int c : h->counts) total += c;
    const double scale = fractions && total > 0 ? 1.0 / total : 1.0;
    for (int b = 0; b < kHistogramBins; ++b)
      if (h->counts[b]) spread(h->lo + b * w, h->lo + (b + 1) * w, h->counts[b] * scale, g, column, g.times);
  }
  return g;
}

}  // namespace nnplay::gui
