// Plot: records items, then in end() fits the axes to the data, lays out the frame, draws the
// grid, the items (clipped to the data area), the legend and the hover read-out.
#include "app/gui/plot/plot.h"

#include <algorithm>
#include <cmath>

#include "app/gui/plot/plot_axes.h"
#include "app/gui/plot/plot_items.h"
#include "app/gui/theme/palette.h"

namespace nnplay::gui {

using namespace plot_detail;

namespace {

bool is_hidden_label(const char* label) { return !label || label[0] == 0 || (label[0] == '#' && label[1] == '#'); }
std::string label_string(const char* label) { return is_hidden_label(label) ? "" : label; }

// The fitted range of one axis: the data's extent padded, or a default when there is none.
AxisRange fit_axis(double lo, double hi, bool has, bool log, double pad) {
  if (!has) return log ? AxisRange{1, 10} : AxisRange{0, 1};
  return padded_range(lo, hi, log, pad);
}

}  // namespace

Plot::Plot(const char* id, ImVec2 size) : id_(id ? id : "plot") {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (size.x <= 0) size.x = avail.x + size.x;
  if (size.y <= 0) size.y = avail.y + size.y;
  size.x = std::max(size.x, 32.0f), size.y = std::max(size.y, 32.0f);
  frame_min_ = ImGui::GetCursorScreenPos();
  frame_max_ = {frame_min_.x + size.x, frame_min_.y + size.y};
  ImGui::InvisibleButton(id_.c_str(), size);  // reserves the space and reports the hover
  hovered_ = ImGui::IsItemHovered();
}

Plot::~Plot() { end(); }

void Plot::setup_axes(const char* x_label, const char* y_label, unsigned flags) {
  x_label_ = x_label ? x_label : "";
  y_label_ = y_label ? y_label : "";
  flags_ = flags;
}

void Plot::set_title(const char* title) { title_ = title ? title : ""; }
void Plot::set_x_limits(double lo, double hi) { x_fixed_ = hi > lo, x_limits_ = {lo, hi}; }
void Plot::set_y_limits(double lo, double hi) { y_fixed_ = hi > lo, y_limits_ = {lo, hi}; }
void Plot::clamp_y(double lo, double hi) { y_clamp_lo_ = lo, y_clamp_hi_ = hi; }
void Plot::include_y(double v) { y_include_.push_back(v); }
void Plot::set_x_categories(const std::vector<std::string>& names) { categories_ = names; }
void Plot::set_placeholder(const char* text) { placeholder_ = text ? text : ""; }

void Plot::add_item(Item item) { items_.push_back(std::move(item)); }

void Plot::line(const char* label, const double* xs, const double* ys, size_t n, LineStyle style,
                size_t stride) {
  if (!style.color) style.color = palette().class_u32(static_cast<int>(items_.size()));
  add_item(LineItem{label_string(label), xs, ys, xs && ys ? n : 0, stride, style, {}});
}

void Plot::bars(const char* label, const double* xs, const double* heights, size_t n, double width,
                ImU32 color) {
  BarsItem b{label_string(label), {xs, xs + n}, {heights, heights + n}, width, color, false};
  if (!b.color) b.color = palette().class_u32(static_cast<int>(items_.size()));
  add_item(std::move(b));
}

void Plot::histogram(const char* label, const double* counts, int bins, double lo, double hi,
                     ImU32 color) {
  BarsItem b{label_string(label), {}, {}, (hi - lo) / std::max(1, bins), color, true};
  if (!b.color) b.color = palette().class_u32(static_cast<int>(items_.size()));
  for (int i = 0; i < bins; ++i) {
    b.xs.push_back(lo + (i + 0.5) * b.width);
    b.heights.push_back(counts[i]);
  }
  add_item(std::move(b));
}

void Plot::histogram(const char* label, const int* counts, int bins, double lo, double hi,
                     ImU32 color) {
  std::vector<double> c(counts, counts + std::max(0, bins));
  histogram(label, c.data(), bins, lo, hi, color);
}

void Plot::heatmap(const char* label, const float* values, int cols, int rows, HeatmapSpec spec) {
  HeatmapItem h{label_string(label), values, values ? cols : 0, values ? rows : 0, spec, 0, 1};
  if (h.cols <= 0 || h.rows <= 0) return;
  double lo = INFINITY, hi = -INFINITY;
  for (size_t i = 0; i < static_cast<size_t>(h.cols) * h.rows; ++i)
    if (std::isfinite(values[i])) lo = std::min<double>(lo, values[i]), hi = std::max<double>(hi, values[i]);
  h.v_lo = std::isfinite(spec.v_min) ? spec.v_min : (lo <= hi ? lo : 0);
  h.v_hi = std::isfinite(spec.v_max) ? spec.v_max : (lo <= hi ? hi : 1);
  add_item(std::move(h));
}

void Plot::ridgeline(const char* label, const HistogramSlice* slices, size_t n, ImU32 color) {
  RidgeItem r{label_string(label), slices, slices ? n : 0, color, 1, 1};
  if (!r.color) r.color = palette().class_u32(static_cast<int>(items_.size()));
  for (size_t i = 0; i < r.n; ++i)
    for (int b = 0; b < slices[i].bins && slices[i].counts; ++b) r.max_count = std::max(r.max_count, slices[i].counts[b]);
  if (r.n > 1) {
    const auto [mn, mx] = std::minmax_element(slices, slices + n, [](auto& a, auto& b) { return a.time < b.time; });
    r.spacing = std::max(1e-12, (mx->time - mn->time) / static_cast<double>(n - 1));
  }
  add_item(std::move(r));
}

void Plot::hline(double y, ImU32 color, const char* label, bool dashed) {
  add_item(RefLineItem{label_string(label), y, false, color, dashed});
}

void Plot::vline(double x, ImU32 color, const char* label, bool dashed) {
  add_item(RefLineItem{label_string(label), x, true, color, dashed});
}

// Fits both axes. Lines are decimated here (their kept points give the y extent, so no pass
// over all their points is spent on fitting); x is fitted first from the lines' end points.
bool Plot::fit(Transform& t) {
  Extent xs, ys;  // reference lines are drawn wherever they fall but never move the axes
  for (const Item& item : items_) {
    if (std::holds_alternative<RefLineItem>(item)) continue;
    const Extent e = std::holds_alternative<LineItem>(item)
                         ? line_x_extent(std::get<LineItem>(item), t.log_x, t.log_y)
                         : extent_of(item, t);
    xs.add_x(e.x_lo), xs.add_x(e.x_hi), ys.add_y(e.y_lo), ys.add_y(e.y_hi);
  }
  const int columns = std::max(1, static_cast<int>(frame_max_.x - frame_min_.x));
  Extent lines;
  for (int pass = 0; pass < 2; ++pass) {  // a second pass only if some x was not ascending
    t.x = x_fixed_ ? x_limits_ : fit_axis(xs.x_lo, xs.x_hi, xs.has_x(), t.log_x, 0.0);
    lines = Extent{};
    bool refit = false;
    for (Item& item : items_) {
      auto* line = std::get_if<LineItem>(&item);
      if (!line) continue;
      Extent e;
      if (!decimate_line(*line, t, columns, e) && !x_fixed_ && (e.x_lo < xs.x_lo || e.x_hi > xs.x_hi))
        xs.add_x(e.x_lo), xs.add_x(e.x_hi), refit = true;
      lines.add_y(e.y_lo), lines.add_y(e.y_hi);
    }
    if (!refit) break;
  }
  ys.add_y(lines.y_lo), ys.add_y(lines.y_hi);
  const bool has_data = xs.has_x() || ys.has_y();
  if (has_data)
    for (double v : y_include_) ys.add_y(v);
  double ylo = std::max(ys.y_lo, y_clamp_lo_), yhi = std::min(ys.y_hi, y_clamp_hi_);
  if (!(ylo <= yhi)) ylo = ys.y_lo, yhi = ys.y_hi;  // data entirely outside the clamp
  // Lines and bars get breathing room; maps and ridgelines fill the frame exactly.
  const bool pad = std::any_of(items_.begin(), items_.end(), [](const Item& i) {
    return std::holds_alternative<LineItem>(i) || std::holds_alternative<BarsItem>(i);
  });
  t.y = y_fixed_ ? y_limits_ : fit_axis(ylo, yhi, ys.has_y(), t.log_y, pad ? 0.06 : 0.0);
  return has_data;
}

bool Plot::end() {
  if (ended_) return hovered_;
  ended_ = true;
  Frame f;
  f.dl = ImGui::GetWindowDrawList();
  f.font = ImGui::GetFontSize();
  f.thickness = std::max(1.5f, f.font * 0.14f);
  f.t.log_x = flags_ & AxisFlags::LogX;
  f.t.log_y = flags_ & AxisFlags::LogY;
  f.t.invert_y = flags_ & AxisFlags::InvertY;

  const bool has_data = fit(f.t);

  // ---- frame, axes, items, legend, hover
  f.x_format = x_format_, f.y_format = y_format_;
  const PlotText text{title_, x_label_, y_label_, categories_, flags_, x_format_, y_format_};
  const AxesLayout axes = layout_axes(f, frame_min_, frame_max_, text, items_);
  area_min_ = f.t.min, area_max_ = f.t.max;
  draw_axes_back(f, axes, text);
  f.dl->PushClipRect(f.t.min, f.t.max, true);
  for (const Item& item : items_) draw_item(item, f);
  f.dl->PopClipRect();
  draw_axes_front(f, axes, text);
  if (!has_data && !placeholder_.empty()) draw_placeholder(f, placeholder_);
  draw_legend(f, items_, text, has_data, frame_min_, frame_max_);
  if (hovered_ && !(flags_ & AxisFlags::NoHover) && f.t.inside(ImGui::GetIO().MousePos))
    hover_x_ = draw_hover(f, items_, text);
  return hovered_;
}

void line_swatch(const LineStyle& style, ImVec2 size) {
  const float font = ImGui::GetFontSize();
  if (size.x <= 0) size.x = font * 1.6f;
  if (size.y <= 0) size.y = font;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float y = std::round(p.y + size.y / 2);
  const float thick = style.thickness > 0 ? style.thickness : std::max(1.5f, font * 0.14f);
  stroke(ImGui::GetWindowDrawList(), {{p.x, y}, {p.x + size.x, y}}, style.color, thick, style.dashed);
  ImGui::Dummy(size);
}

}  // namespace nnplay::gui
