// The app's own small plotting module (ImPlot is not packaged in Debian 12), drawn with the
// ImGui draw list. Its shape follows ImPlot: open a plot, set up the axes, submit items, end:
//
//   Plot p("loss", {0, 300});                       // 0 width: all available
//   p.setup_axes("step", "loss", AxisFlags::LogY);
//   p.line("train", xs, ys, n, {.color = palette().class_u32(0)});
//   p.line("validation", xs, vs, n, {.color = palette().class_u32(1), .dashed = true});
//   p.end();                                         // also run by the destructor
//
// Items only record pointers; everything is fitted and drawn in end(), so the data must stay
// alive until then (it always does in immediate-mode code). Axes auto-fit to the data unless
// limits are set; ticks are "nice"; long series are decimated to ~2 points per pixel column;
// hovering shows a cursor line and a tooltip with every series' value at the nearest x.
#pragma once
#include <imgui.h>

#include <cmath>
#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "app/gui/logic/ticks.h"
#include "app/gui/plot/colormap.h"

namespace nnplay::gui {

struct AxisFlags {
  enum : unsigned {
    None = 0,
    LogX = 1u << 0,      // log10 x axis (values <= 0 are not drawn)
    LogY = 1u << 1,      // log10 y axis: losses and gradient norms spanning decades
    IntegerX = 1u << 2,  // x ticks never fall between integers (steps, layer indices)
    InvertY = 1u << 3,   // y grows downwards (histograms over time: newest in front)
    NoLegend = 1u << 4,
    NoHover = 1u << 5,
    NoGrid = 1u << 6,
    LegendAbove = 1u << 7,  // legend as a row above the data instead of a box inside it
  };
};

struct LineStyle {
  ImU32 color = 0;         // 0: the palette colour of the item's index
  float thickness = 0;     // pixels; 0: a default that grows with the font (projectors)
  bool dashed = false;     // a second cue besides colour, for colour-blind viewers
  bool markers = false;    // a dot on every drawn point (shown only when points are sparse)
};

// Prints an axis value for tick labels and read-outs, for axes whose numbers are not the values
// themselves (a symmetric-log axis shows 1e-6 where the plotted coordinate is 3).
using ValueFormat = std::string (*)(double);

struct HeatmapSpec {
  double x_lo = 0, x_hi = 1, y_lo = 0, y_hi = 1;  // the cells tile this rectangle
  double v_min = NAN, v_max = NAN;                 // colour range; NaN: the data's range
  Colormap map = Colormap::Viridis;
  bool colorbar = true;                            // a labelled scale right of the plot
};

// One histogram of a histogram-over-time view: counts[0..bins) over [lo, hi], taken at `time`.
struct HistogramSlice {
  double time = 0;
  double lo = 0, hi = 1;
  const int* counts = nullptr;
  int bins = 0;
};

namespace plot_detail {
struct LineItem;
struct BarsItem;
struct HeatmapItem;
struct RidgeItem;
struct RefLineItem;
struct Frame;
struct Transform;
using Item = std::variant<LineItem, BarsItem, HeatmapItem, RidgeItem, RefLineItem>;
}  // namespace plot_detail

class Plot {
 public:
  // Reserves a region at the cursor. A size component <= 0 means "all available minus |v|".
  Plot(const char* id, ImVec2 size = {0, 0});
  ~Plot();
  Plot(const Plot&) = delete;
  Plot& operator=(const Plot&) = delete;

  // ---- setup (before end())
  void setup_axes(const char* x_label, const char* y_label, unsigned flags = AxisFlags::None);
  void set_title(const char* title);
  void set_x_limits(double lo, double hi);  // fixed instead of fitted
  void set_y_limits(double lo, double hi);
  void clamp_y(double lo, double hi);       // the fitted y range never leaves [lo, hi]
  void include_y(double v);                 // the fitted y range always contains v
  // x ticks at 0..n-1 labelled with names (bar charts by layer); copied.
  void set_x_categories(const std::vector<std::string>& names);
  // Tick labels and read-outs of an axis through `format` instead of the plain number.
  void set_x_format(ValueFormat format) { x_format_ = format; }
  void set_y_format(ValueFormat format) { y_format_ = format; }
  // Shown centred when no item has drawable data ("Press Play to start training").
  void set_placeholder(const char* text);

  // ---- items (data must stay valid until end(); element i is at byte offset i * stride)
  void line(const char* label, const double* xs, const double* ys, size_t n, LineStyle style = {},
            size_t stride = sizeof(double));
  // Bars centred on xs with the given width; on a log y axis they rise from the axis bottom.
  void bars(const char* label, const double* xs, const double* heights, size_t n, double width,
            ImU32 color = 0);
  // bins equal-width bars over [lo, hi].
  void histogram(const char* label, const int* counts, int bins, double lo, double hi,
                 ImU32 color = 0);
  void histogram(const char* label, const double* counts, int bins, double lo, double hi,
                 ImU32 color = 0);
  // cols x rows values, row-major, row 0 at spec.y_lo; NaN cells are left empty.
  void heatmap(const char* label, const float* values, int cols, int rows, HeatmapSpec spec);
  // TensorBoard's "offset" view: one filled ridge per slice, baseline at y = slice.time, oldest
  // drawn first so newer ones overlap it. Pair with AxisFlags::InvertY for newest in front.
  void ridgeline(const char* label, const HistogramSlice* slices, size_t n, ImU32 color = 0);
  // Reference lines (chance accuracy, zero); a label is written next to the line.
  void hline(double y, ImU32 color, const char* label = nullptr, bool dashed = true);
  void vline(double x, ImU32 color, const char* label = nullptr, bool dashed = true);

  // Fits, draws and handles hover. Returns true while the mouse is over the plot. Idempotent.
  bool end();

  // After end(): the data rectangle on screen, and the hovered x (NaN when not hovered).
  ImVec2 area_min() const { return area_min_; }
  ImVec2 area_max() const { return area_max_; }
  double hover_x() const { return hover_x_; }

 private:
  void add_item(plot_detail::Item item);
  bool fit(plot_detail::Transform& t);

  std::string id_, title_, x_label_, y_label_, placeholder_;
  unsigned flags_ = AxisFlags::None;
  ImVec2 frame_min_{}, frame_max_{}, area_min_{}, area_max_{};
  bool hovered_ = false, ended_ = false;
  double hover_x_ = NAN;
  bool x_fixed_ = false, y_fixed_ = false;
  AxisRange x_limits_, y_limits_;
  double y_clamp_lo_ = -INFINITY, y_clamp_hi_ = INFINITY;
  std::vector<double> y_include_;
  std::vector<std::string> categories_;
  ValueFormat x_format_ = nullptr, y_format_ = nullptr;
  std::vector<plot_detail::Item> items_;
};

// A line-style swatch as an ImGui item (size: 0 = about two characters by one line), for
// legends drawn outside a plot, e.g. next to a caption that names the series.
void line_swatch(const LineStyle& style, ImVec2 size = {0, 0});

}  // namespace nnplay::gui
