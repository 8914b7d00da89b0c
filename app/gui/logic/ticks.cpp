// Tick placement, number formatting, decimation and hover lookup for the plot module.
#include "app/gui/logic/ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace nnplay::gui {

namespace {

inline double at(const double* base, size_t i, size_t stride) {
  return *reinterpret_cast<const double*>(reinterpret_cast<const char*>(base) + i * stride);
}

// 1, 2 or 5 times a power of ten, the smallest such that is >= raw.
double nice_step(double raw) {
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / mag;
  const double nice = f <= 1.0 + 1e-9 ? 1 : f <= 2.0 + 1e-9 ? 2 : f <= 5.0 + 1e-9 ? 5 : 10;
  return nice * mag;
}

// The nice step below `step` (5 -> 2 -> 1 -> 0.5 ...).
double smaller_nice_step(double step) {
  const double mag = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
  const double f = step / mag;
  return f > 4.999 ? 2 * mag : f > 1.999 ? mag : 0.5 * mag;
}

size_t tick_count(double lo, double hi, double step) {
  return static_cast<size_t>(std::floor(hi / step + 1e-9) - std::ceil(lo / step - 1e-9) + 1);
}

// Digits after the point needed to tell ticks `step` apart.
int decimals_for(double step) {
  if (!(step > 0) || !std::isfinite(step)) return 0;
  return std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
}

std::string printf_string(const char* fmt, int precision, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, precision, v);
  return buf;
}

// "1.5e-05" -> "1.5e-5", "2e+06" -> "2e6": shorter and easier to read from the back row.
std::string tidy_exponent(std::string s) {
  const size_t e = s.find('e');
  if (e == std::string::npos) return s;
  std::string mant = s.substr(0, e), exp = s.substr(e + 1);
  const bool neg = !exp.empty() && exp[0] == '-';
  if (!exp.empty() && (exp[0] == '-' || exp[0] == '+')) exp.erase(0, 1);
  exp.erase(0, std::min(exp.find_first_not_of('0'), exp.size() - 1));
  return mant + "e" + (neg ? "-" : "") + exp;
}

// Scientific notation with as few mantissa digits as show the value exactly: "1e-4", "2.5e6".
std::string short_scientific(double v) {
  for (int digits = 0; digits < 3; ++digits) {
    const std::string s = printf_string("%.*e", digits, v);
    if (std::abs(std::strtod(s.c_str(), nullptr) - v) <= 1e-9 * std::abs(v)) return tidy_exponent(s);
  }
  return tidy_exponent(printf_string("%.*e", 2, v));
}

bool drawable(double x, double y, bool positive_only) {
  return std::isfinite(x) && std::isfinite(y) && (!positive_only || y > 0);
}

}  // namespace

// ---- ranges

bool finite_extent(const double* v, size_t n, size_t stride, bool positive_only, double& lo,
                   double& hi) {
  bool any = false;
  double mn = 0, mx = 0;
  for (size_t i = 0; i < n; ++i) {
    const double x = at(v, i, stride);
    if (!std::isfinite(x) || (positive_only && x <= 0)) continue;
    if (!any || x < mn) mn = x;
    if (!any || x > mx) mx = x;
    any = true;
  }
  if (any) lo = mn, hi = mx;
  return any;
}

AxisRange padded_range(double lo, double hi, bool log, double pad_fraction) {
  if (log) {
    if (!(lo > 0) || !std::isfinite(lo) || !(hi > 0) || !std::isfinite(hi)) return {0.1, 10};
    double a = std::log10(lo), b = std::log10(hi);
    if (b - a < 1e-9) a -= 0.5, b += 0.5;  // a constant: half a decade either side
    const double pad = (b - a) * pad_fraction;
    return {std::pow(10.0, a - pad), std::pow(10.0, b + pad)};
  }
  if (!std::isfinite(lo) || !std::isfinite(hi)) return {0, 1};
  if (hi - lo <= 1e-12 * std::max(1.0, std::abs(lo))) {
    const double half = lo == 0 ? 1.0 : std::abs(lo) * 0.1;  // a constant: +-10% of its size
    return {lo - half, hi + half};
  }
  const double pad = (hi - lo) * pad_fraction;
  return {lo - pad, hi + pad};
}

// ---- ticks

std::vector<Tick> linear_ticks(double lo, double hi, int max_ticks, double* step_out) {
  std::vector<Tick> ticks;
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(hi > lo)) {
    if (std::isfinite(lo) && lo == hi) ticks.push_back({lo, true});
    if (step_out) *step_out = 1;
    return ticks;
  }
  double step = nice_step((hi - lo) / std::max(1, max_ticks));
  // Rounding the step up can halve the count (2 ticks where 4 were wanted); the next finer nice
  // step is taken when it overshoots the wish by at most one tick.
  const double finer = smaller_nice_step(step);
  if (tick_count(lo, hi, finer) <= static_cast<size_t>(std::max(1, max_ticks)) + 1) step = finer;
  if (step_out) *step_out = step;
  const double first = std::ceil(lo / step - 1e-9);
  for (double k = first; k * step <= hi + step * 1e-9; k += 1) {
    double v = k * step;
    if (std::abs(v) < step * 1e-9) v = 0;  // no "-0" and no 1e-17 from rounding
    ticks.push_back({v, true});
    if (ticks.size() > 1000) break;  // unreachable with max_ticks sane; guards a bad argument
  }
  return ticks;
}

std::vector<Tick> log_ticks(double lo, double hi, int max_ticks) {
  std::vector<Tick> ticks;
  if (!(lo > 0) || !(hi > lo) || !std::isfinite(hi)) return ticks;
  max_ticks = std::max(2, max_ticks);
  const double a = std::log10(lo), b = std::log10(hi);
  const int d0 = static_cast<int>(std::floor(a + 1e-9)), d1 = static_cast<int>(std::ceil(b - 1e-9));
  const int every = std::max(1, (d1 - d0 + max_ticks - 1) / max_ticks);
  for (int d = d0; d <= d1; ++d) {
    const double base = std::pow(10.0, d);
    for (int m = 1; m <= 9; ++m) {
      const double v = base * m;
      if (v < lo * (1 - 1e-9) || v > hi * (1 + 1e-9)) continue;
      if (m == 1 || every == 1) ticks.push_back({v, m == 1 && d % every == 0});
    }
  }
  auto majors = [&] { int k = 0; for (const Tick& t : ticks) k += t.major; return k; };
  // Few decades on screen: label 2 and 5 too, when that does not crowd the axis.
  const auto is_125 = [](double v) {
    const double m = v / std::pow(10.0, std::floor(std::log10(v) + 1e-9));
    return std::abs(m - 2) < 1e-6 || std::abs(m - 5) < 1e-6;
  };
  int extra = 0;
  for (const Tick& t : ticks) extra += !t.major && is_125(t.value);
  if (majors() < 3 && majors() + extra <= max_ticks + 1)
    for (Tick& t : ticks) t.major = t.major || is_125(t.value);
  if (majors() < 2) {  // too narrow for decades to say anything: label linearly, keep log spacing
    for (Tick& t : ticks) t.major = false;
    for (const Tick& t : linear_ticks(lo, hi, std::min(max_ticks, 5)))
      if (t.value > 0) ticks.push_back(t);
    std::sort(ticks.begin(), ticks.end(), [](const Tick& x, const Tick& y) { return x.value < y.value; });
  }
  return ticks;
}

// ---- formatting

std::string format_tick(double v, double step) {
  if (!std::isfinite(v)) return "-";
  if (std::abs(v) < std::abs(step) * 1e-9 || v == 0) return "0";
  const double big = std::max(std::abs(v), std::abs(step));
  // Beyond giga (a diverging loss reaches 1e27) suffixes stop helping: "5e27".
  if (big >= 1e12) return short_scientific(v);
  if (big >= 1e4) {
    const double scale = big >= 1e9 ? 1e9 : big >= 1e6 ? 1e6 : 1e3;
    const char* suffix = scale == 1e9 ? "G" : scale == 1e6 ? "M" : "k";
    return printf_string("%.*f", decimals_for(step / scale), v / scale) + suffix;
  }
  const int decimals = decimals_for(step);
  if (decimals > 5) return short_scientific(v);
  return printf_string("%.*f", decimals, v);
}

std::string format_log_tick(double v) {
  if (!(v > 0) || !std::isfinite(v)) return "-";
  if (v >= 1e-3 && v < 1e5) return printf_string("%.*g", 6, v);
  return short_scientific(v);
}

std::string format_value(double v, int significant) {
  if (!std::isfinite(v)) return std::isnan(v) ? "-" : (v > 0 ? "inf" : "-inf");
  if (v == 0) return "0";
  significant = std::max(1, significant);
  const double a = std::abs(v);
  if (a < 1e-3 || a >= 1e7) return tidy_exponent(printf_string("%.*e", significant - 1, v));
  const int mag = static_cast<int>(std::floor(std::log10(a)));
  const int decimals = std::max(0, significant - 1 - mag);
  return printf_string("%.*f", decimals, v);
}

std::string format_percent(double fraction) {
  if (!std::isfinite(fraction)) return "-";
  if (fraction == 1.0) return "100%";
  return printf_string("%.*f", 1, fraction * 100.0) + "%";
}

std::string format_count(long long n) {
  std::string digits = std::to_string(n < 0 ? -(n + 1) + 1ULL : static_cast<unsigned long long>(n));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

// ---- decimation and lookup

bool is_ascending(const double* xs, size_t n, size_t stride) {
  bool have = false;
  double prev = 0;
  for (size_t i = 0; i < n; ++i) {
    const double x = at(xs, i, stride);
    if (!std::isfinite(x)) continue;
    if (have && x < prev) return false;
    prev = x, have = true;
  }
  return true;
}

namespace {
// Every drawable point, in order: for series whose x goes back and forth.
void keep_all(const double* xs, const double* ys, size_t n, size_t stride, bool positive_only,
              std::vector<size_t>& out) {
  out.clear();
  for (size_t j = 0; j < n; ++j)
    if (drawable(at(xs, j, stride), at(ys, j, stride), positive_only)) out.push_back(j);
}
}  // namespace

bool decimate_min_max(const double* xs, const double* ys, size_t n, size_t stride, double x_lo,
                      double x_hi, int columns, bool positive_only, std::vector<size_t>& out) {
  out.clear();
  columns = std::max(1, columns);
  const double scale = x_hi > x_lo ? columns / (x_hi - x_lo) : 0;
  size_t first = kNoIndex, last = kNoIndex;
  double prev_x = -INFINITY;
  size_t i = 0;
  while (i < n) {
    const double x = at(xs, i, stride), y = at(ys, i, stride);
    if (!drawable(x, y, positive_only)) { ++i; continue; }
    if (x < prev_x) return keep_all(xs, ys, n, stride, positive_only, out), false;
    // Point i opens a column; the inner loop runs to the column's right edge without floor().
    const long c = std::clamp<long>(static_cast<long>(std::floor((x - x_lo) * scale)), -1, columns);
    const double edge = (c >= columns || scale == 0) ? INFINITY : x_lo + (c + 1) / scale;
    size_t lo_i = i, hi_i = i;
    double lo_y = y, hi_y = y;
    if (first == kNoIndex) first = i;
    last = i, prev_x = x;
    size_t j = i + 1;
    for (; j < n; ++j) {
      const double xj = at(xs, j, stride);
      if (xj >= edge) break;
      if (!std::isfinite(xj)) continue;
      if (xj < prev_x) return keep_all(xs, ys, n, stride, positive_only, out), false;
      const double yj = at(ys, j, stride);
      if (!std::isfinite(yj) || (positive_only && yj <= 0)) continue;
      prev_x = xj, last = j;
      if (yj < lo_y) lo_y = yj, lo_i = j;
      if (yj > hi_y) hi_y = yj, hi_i = j;
    }
    out.push_back(std::min(lo_i, hi_i));
    if (hi_i != lo_i) out.push_back(std::max(lo_i, hi_i));
    i = j;
  }
  if (first == kNoIndex) return true;
  // The ends of the curve matter most (where training started, where it is now).
  if (out.front() != first) out.insert(out.begin(), first);
  if (out.back() != last) out.push_back(last);
  return true;
}

size_t nearest_index(const double* xs, const double* ys, size_t n, size_t stride, double x) {
  if (n == 0 || !std::isfinite(x)) return kNoIndex;
  // First index with xs[i] >= x.
  size_t lo = 0, hi = n;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (at(xs, mid, stride) < x) lo = mid + 1; else hi = mid;
  }
  // Walk outwards to the closest point whose y is finite (missing values are NaN).
  size_t left = lo, right = lo;
  size_t best_left = kNoIndex, best_right = kNoIndex;
  while (left > 0) {
    --left;
    if (std::isfinite(at(ys, left, stride)) && std::isfinite(at(xs, left, stride))) { best_left = left; break; }
  }
  for (; right < n; ++right)
    if (std::isfinite(at(ys, right, stride)) && std::isfinite(at(xs, right, stride))) { best_right = right; break; }
  if (best_left == kNoIndex) return best_right;
  if (best_right == kNoIndex) return best_left;
  const double dl = x - at(xs, best_left, stride), dr = at(xs, best_right, stride) - x;
  return dr < dl ? best_right : best_left;
}

}  // namespace nnplay::gui
