// Resampling histograms with different ranges onto one grid.
#include "app/gui/logic/histogram_grid.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

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

bool histogram_range(const std::vector<const Histogram*>& histograms, double& lo, double& hi) {
  double a = INFINITY, b = -INFINITY;
  for (const Histogram* h : histograms)
    if (h && usable(*h)) a = std::min(a, h->lo), b = std::max(b, h->hi);
  if (!(a < b)) return false;
  lo = a, hi = b;
  return true;
}

std::vector<size_t> pick_slices(size_t n, size_t max) {
  std::vector<size_t> out;
  if (n == 0 || max == 0) return out;
  if (n <= max || max == 1) {
    for (size_t i = max == 1 ? n - 1 : 0; i < n; ++i) out.push_back(i);
    return out;
  }
  for (size_t k = 0; k < max; ++k) {
    const size_t i = static_cast<size_t>(std::llround(double(k) * double(n - 1) / double(max - 1)));
    if (out.empty() || i > out.back()) out.push_back(i);
  }
  return out;
}

std::string format_symlog(double m) {
  if (!std::isfinite(m)) return "-";
  if (std::abs(m) < 1e-9) return "0";
  const double v = symlog_to_value(m);
  const double decades = std::abs(m) + std::log10(kSymlogLinthresh);
  char buf[32];
  // sign(v) * linthresh * (10^|m| - 1): on whole m, a power of ten (9e-9 reads as 1e-8).
  if (std::abs(m - std::round(m)) < 1e-3 && std::abs(m) >= 1) {
    const int e = static_cast<int>(std::lround(decades));
    if (e >= -2 && e <= 3) std::snprintf(buf, sizeof buf, "%s%g", m < 0 ? "-" : "", std::pow(10.0, e));
    else std::snprintf(buf, sizeof buf, "%s1e%d", m < 0 ? "-" : "", e);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.2g", v);
  return buf;
}

HistogramGrid histograms_on_common_grid(const std::vector<const Histogram*>& histograms, int bins,
                                        bool fractions, double fixed_lo, double fixed_hi) {
  HistogramGrid g;
  g.bins = std::max(1, bins);
  g.times = static_cast<int>(histograms.size());
  double lo = 0, hi = 0;
  if (std::isfinite(fixed_lo) && std::isfinite(fixed_hi) && fixed_lo < fixed_hi)
    g.lo = fixed_lo, g.hi = fixed_hi;
  else if (histogram_range(histograms, lo, hi))
    g.lo = lo, g.hi = hi;
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
