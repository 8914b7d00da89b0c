// Internals of the plot module shared by plot.cpp (frame, axes, legend, hover) and
// plot_items.cpp (one draw/extent/hover function per item kind). Not for panels.
#pragma once
#include <imgui.h>

#include <cmath>
#include <string>
#include <vector>

#include "app/gui/logic/ticks.h"
#include "app/gui/plot/plot.h"

namespace nnplay::gui::plot_detail {

// std::visit over item kinds with one lambda per kind.
template <class... F>
struct Overload : F... { using F::operator()...; };
template <class... F>
Overload(F...) -> Overload<F...>;

// Element i of a series whose values are `stride` bytes apart (structs of points, or plain arrays).
inline double at(const double* base, size_t i, size_t stride) {
  return *reinterpret_cast<const double*>(reinterpret_cast<const char*>(base) + i * stride);
}

// Data space <-> screen pixels for the current plot area.
struct Transform {
  ImVec2 min{}, max{};
  AxisRange x, y;  // data range (not log-transformed)
  bool log_x = false, log_y = false, invert_y = false;

  static double fwd(double v, bool log) { return log ? (v > 0 ? std::log10(v) : -INFINITY) : v; }
  float px(double v) const;
  float py(double v) const;
  double data_x(float px) const;
  double data_y(float py) const;
  bool inside(ImVec2 p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
};

// What an item spans in data space, for auto-fit.
struct Extent {
  double x_lo = INFINITY, x_hi = -INFINITY, y_lo = INFINITY, y_hi = -INFINITY;
  void add_x(double v) { if (std::isfinite(v)) x_lo = std::min(x_lo, v), x_hi = std::max(x_hi, v); }
  void add_y(double v) { if (std::isfinite(v)) y_lo = std::min(y_lo, v), y_hi = std::max(y_hi, v); }
  bool has_x() const { return x_lo <= x_hi; }
  bool has_y() const { return y_lo <= y_hi; }
};

struct LineItem {
  std::string label;
  const double* xs = nullptr;
  const double* ys = nullptr;
  size_t n = 0, stride = sizeof(double);
  LineStyle style;
  std::vector<size_t> kept;  // indices left after decimation (set while fitting, drawn after)
};

struct BarsItem {
  std::string label;
  std::vector<double> xs, heights;  // copied: bars are few
  double width = 1;
  ImU32 color = 0;
  bool histogram = false;  // hover says "[a, b)" instead of the bar's centre
};

struct HeatmapItem {
  std::string label;
  const float* values = nullptr;
  int cols = 0, rows = 0;
  HeatmapSpec spec;
  double v_lo = 0, v_hi = 1;  // resolved colour range
};

struct RidgeItem {
  std::string label;
  const HistogramSlice* slices = nullptr;
  size_t n = 0;
  ImU32 color = 0;
  int max_count = 1;  // the tallest bin over all slices: ridges share one height scale
  double spacing = 1;  // typical time between slices; a ridge is kRidgeSpan spacings tall
};
inline constexpr double kRidgeSpan = 3.0;

struct RefLineItem {
  std::string label;
  double value = 0;
  bool vertical = false;
  ImU32 color = 0;
  bool dashed = true;
};

// Per-frame drawing context shared by the item functions.
struct Frame {
  ImDrawList* dl = nullptr;
  Transform t;
  float font = 13, thickness = 2;
  ValueFormat x_format = nullptr, y_format = nullptr;  // null: plain numbers
  std::vector<ImVec2> drawn;  // every line point drawn, so the legend can avoid the data
  std::vector<size_t> idx;    // scratch
  std::vector<ImVec2> pts;    // scratch
};

struct HoverRow {
  ImU32 color = 0;
  std::string label, value;
};

// A line's x extent assuming ascending x: its first and last drawable x, found from the ends.
Extent line_x_extent(const LineItem& it, bool log_x, bool log_y);
// Decimates the line for the x range at `columns` columns (it.kept) and returns the extent of the
// kept points that fall inside the range (so y fits what is visible). Returns false if x was not
// ascending; then every point is kept and the returned x extent is the true one.
bool decimate_line(LineItem& it, const Transform& t, int columns, Extent& e);

const std::string& label_of(const Item& item);
ImU32 color_of(const Item& item);
bool dashed_of(const Item& item);
// Extent of any item but a line (lines are fitted through decimate_line).
Extent extent_of(const Item& item, const Transform& axes);
void draw_item(const Item& item, Frame& f);
// Among this item's points, the x nearest to the mouse (in pixels); NaN if none.
double snap_x(const Item& item, const Transform& t, float mouse_x);
// Rows for the tooltip: x is the snapped x (lines), mouse the mouse position (bars, maps).
void hover_rows(const Item& item, Frame& f, double x, ImVec2 mouse, std::vector<HoverRow>& rows);

// A polyline, dashed or solid, clipped by the draw list's clip rect.
void stroke(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 color, float thickness,
            bool dashed);

}  // namespace nnplay::gui::plot_detail
