// Pure helpers behind the plot module (no ImGui, no GL, unit-tested): where to put axis ticks
// on linear and log axes, how to print numbers on a projector, how to shrink a long series to
// about two points per pixel column without losing its peaks, and which point the mouse is at.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace nnplay::gui {

// ---- axis ranges

struct AxisRange {
  double lo = 0, hi = 1;
  double span() const { return hi - lo; }
};

// Smallest and largest finite value of v[0..n) (element i at byte offset i * stride); with
// positive_only, values <= 0 are skipped too (they have no place on a log axis). Returns false
// when no value qualifies, leaving lo/hi untouched.
bool finite_extent(const double* v, size_t n, size_t stride, bool positive_only, double& lo,
                   double& hi);

// The range an axis shows for data in [lo, hi]: widened by pad_fraction of the span on both
// sides (in log10 space for log axes), and made non-empty when lo == hi so a constant series
// still gets a readable axis around its value.
AxisRange padded_range(double lo, double hi, bool log, double pad_fraction);

// ---- ticks

struct Tick {
  double value = 0;
  bool major = true;  // majors get a label and a stronger grid line; minors only a faint line
};

// "Nice" ticks (1, 2 or 5 times a power of ten) inside [lo, hi], at most about max_ticks of
// them. step_out (optional) receives the spacing, which format_tick uses to pick decimals.
std::vector<Tick> linear_ticks(double lo, double hi, int max_ticks, double* step_out = nullptr);

// Ticks for a log10 axis over [lo, hi] (both > 0): majors on decades (every k-th decade when
// there are many), minors on 2..9 x 10^k; a range inside one decade also gets 2 and 5 as majors,
// and a very narrow one falls back to linear ticks.
std::vector<Tick> log_ticks(double lo, double hi, int max_ticks);

// ---- number formatting

// A tick label: decimals follow the tick spacing so labels on one axis line up ("0.2", "0.4");
// large magnitudes get k/M/G suffixes ("250k"), tiny ones scientific ("2e-5"); never "-0".
std::string format_tick(double v, double step);
// A log-axis tick: "0.001", "1", "100", "1e-5", "1e6".
std::string format_log_tick(double v);
// A read-out with about `significant` digits: "0.123", "12.3", "1234", "1.23e-5"; NaN -> "-".
std::string format_value(double v, int significant = 3);
// A fraction as a percentage: 0.975 -> "97.5%", 1 -> "100%"; NaN -> "-".
std::string format_percent(double fraction);
// An integer count with thin separators for reading at a distance: 12345 -> "12,345".
std::string format_count(long long n);

// ---- decimation and lookup

// Indices of the points to draw for a series whose x values ascend: per pixel column (of
// `columns` across [x_lo, x_hi]) the minimum and the maximum y, in their original order, plus
// the series' first and last drawable point. Non-finite points (and y <= 0 with positive_only)
// are skipped; points left or right of the range fall into one extra column on each side.
// Output size is at most 2 * (columns + 2) + 2. If x ever decreases, decimation is pointless
// (the polyline would be reordered), so every drawable point is returned instead and the
// result is false.
bool decimate_min_max(const double* xs, const double* ys, size_t n, size_t stride, double x_lo,
                      double x_hi, int columns, bool positive_only, std::vector<size_t>& out);

inline constexpr size_t kNoIndex = static_cast<size_t>(-1);

// Index of the point with finite y whose x is nearest to `x` (ties: the earlier one), for hover
// read-outs. xs must ascend (binary search); kNoIndex if there is no finite point.
size_t nearest_index(const double* xs, const double* ys, size_t n, size_t stride, double x);

// True when the finite x values of the series never decrease.
bool is_ascending(const double* xs, size_t n, size_t stride);

}  // namespace nnplay::gui
