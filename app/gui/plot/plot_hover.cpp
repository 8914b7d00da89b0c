// Data <-> screen transform and the hover read-out of each item kind: which point, bar, cell or
// ridge is under the mouse, and the tooltip rows that describe it.
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string_view>

#include "app/gui/plot/plot_items.h"

namespace nnplay::gui::plot_detail {

namespace {

// Appends without operator+ chains (GCC 12 -O3 warns falsely about those: -Wrestrict).
std::string join(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (std::string_view p : parts) s.append(p);
  return s;
}

// Fraction of the way from lo to hi in (possibly log) axis space.
double frac(double v, const AxisRange& r, bool log) {
  const double a = Transform::fwd(r.lo, log), b = Transform::fwd(r.hi, log);
  return b > a ? (Transform::fwd(v, log) - a) / (b - a) : 0.5;
}

double unfrac(double f, const AxisRange& r, bool log) {
  const double a = Transform::fwd(r.lo, log), b = Transform::fwd(r.hi, log);
  const double v = a + f * (b - a);
  return log ? std::pow(10.0, v) : v;
}

// Keeps far-off-screen coordinates finite and small enough for float vertex maths.
float clamp_px(double v) { return static_cast<float>(std::clamp(v, -1e6, 1e6)); }

void line_rows(const LineItem& it, Frame& f, double x, std::vector<HoverRow>& rows) {
  const size_t i = nearest_index(it.xs, it.ys, it.n, it.stride, x);
  if (i == kNoIndex) return;
  const double y = at(it.ys, i, it.stride);
  if (f.t.log_y && !(y > 0)) return;
  const ImVec2 p{f.t.px(at(it.xs, i, it.stride)), f.t.py(y)};
  if (f.t.inside(p)) {
    f.dl->AddCircleFilled(p, f.thickness * 2.2f, ImGui::GetColorU32(ImGuiCol_FrameBg, 1.0f), 16);
    f.dl->AddCircleFilled(p, f.thickness * 1.6f, it.style.color, 16);
  }
  rows.push_back({it.style.color, it.label, format_value(y, 4)});
}

void bar_rows(const BarsItem& it, Frame& f, ImVec2 mouse, std::vector<HoverRow>& rows) {
  const double mx = f.t.data_x(mouse.x);
  for (size_t i = 0; i < it.xs.size(); ++i) {
    const double a = it.xs[i] - it.width / 2, b = it.xs[i] + it.width / 2;
    if (mx < a || mx >= b) continue;
    const ValueFormat fmt = f.x_format ? f.x_format : [](double v) { return format_value(v); };
    const std::string label = it.histogram ? join({it.label, " [", fmt(a), ", ", fmt(b), ")"}) : it.label;
    rows.push_back({it.color, label, format_value(it.heights[i], 4)});
    return;
  }
}

void heatmap_rows(const HeatmapItem& it, Frame& f, ImVec2 mouse, std::vector<HoverRow>& rows) {
  const double x = f.t.data_x(mouse.x), y = f.t.data_y(mouse.y);
  const HeatmapSpec& s = it.spec;
  const int c = static_cast<int>(std::floor((x - s.x_lo) / (s.x_hi - s.x_lo) * it.cols));
  const int r = static_cast<int>(std::floor((y - s.y_lo) / (s.y_hi - s.y_lo) * it.rows));
  if (c < 0 || c >= it.cols || r < 0 || r >= it.rows) return;
  const float v = it.values[static_cast<size_t>(r) * it.cols + c];
  const double t = it.v_hi > it.v_lo ? (v - it.v_lo) / (it.v_hi - it.v_lo) : 0.5;
  const std::string at_y = f.y_format ? f.y_format(y) : format_value(y);
  rows.push_back({colormap_u32(s.map, static_cast<float>(t)), join({it.label, " at y ", at_y}),
                  format_value(v, 4)});
}

void ridge_rows(const RidgeItem& it, Frame& f, ImVec2 mouse, std::vector<HoverRow>& rows) {
  // The slice whose baseline is nearest below the mouse owns the ridge under it.
  size_t best = kNoIndex;
  float best_d = INFINITY;
  for (size_t i = 0; i < it.n; ++i) {
    const float d = f.t.py(it.slices[i].time) - mouse.y;
    if (d >= -2 && d < best_d) best_d = d, best = i;
  }
  if (best == kNoIndex) return;
  const HistogramSlice& s = it.slices[best];
  const double x = f.t.data_x(mouse.x);
  const int b = static_cast<int>(std::floor((x - s.lo) / (s.hi - s.lo) * s.bins));
  if (b < 0 || b >= s.bins || !s.counts) return;
  const ValueFormat fmt = f.x_format ? f.x_format : [](double v) { return format_value(v); };
  const double w = (s.hi - s.lo) / s.bins;
  rows.push_back({it.color, join({it.label, " at ", format_count(std::llround(s.time)), ", [", fmt(s.lo + b * w), ", ",
                                  fmt(s.lo + (b + 1) * w), ")"}),
                  format_count(s.counts[b])});
}

}  // namespace

float Transform::px(double v) const {
  return clamp_px(min.x + frac(v, x, log_x) * (max.x - min.x));
}

float Transform::py(double v) const {
  const double f = frac(v, y, log_y);
  return clamp_px(invert_y ? min.y + f * (max.y - min.y) : max.y - f * (max.y - min.y));
}

double Transform::data_x(float p) const {
  return unfrac((p - min.x) / std::max(1.0f, max.x - min.x), x, log_x);
}

double Transform::data_y(float p) const {
  const double f = (p - min.y) / std::max(1.0f, max.y - min.y);
  return unfrac(invert_y ? f : 1.0 - f, y, log_y);
}

double snap_x(const Item& item, const Transform& t, float mouse_x) {
  const auto* line = std::get_if<LineItem>(&item);
  if (!line || line->n == 0) return NAN;
  const size_t i = nearest_index(line->xs, line->ys, line->n, line->stride, t.data_x(mouse_x));
  return i == kNoIndex ? NAN : at(line->xs, i, line->stride);
}

void hover_rows(const Item& item, Frame& f, double x, ImVec2 mouse, std::vector<HoverRow>& rows) {
  std::visit(Overload{[&](const LineItem& it) { if (std::isfinite(x)) line_rows(it, f, x, rows); },
                      [&](const BarsItem& it) { bar_rows(it, f, mouse, rows); },
                      [&](const HeatmapItem& it) { heatmap_rows(it, f, mouse, rows); },
                      [&](const RidgeItem& it) { ridge_rows(it, f, mouse, rows); },
                      [&](const RefLineItem&) {}},
             item);
}

}  // namespace nnplay::gui::plot_detail
