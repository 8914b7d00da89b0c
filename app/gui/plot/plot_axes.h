// Internals of the plot module: frame layout (margins sized to the tick labels), grid, ticks,
// axis labels, colour bar, legend placement and the hover tooltip. Not for panels.
#pragma once
#include <string>
#include <vector>

#include "app/gui/plot/plot_items.h"

namespace nnplay::gui::plot_detail {

struct PlotText {
  const std::string& title;
  const std::string& x_label;
  const std::string& y_label;
  const std::vector<std::string>& categories;
  unsigned flags;
  ValueFormat x_format = nullptr, y_format = nullptr;
};

struct AxesLayout {
  ImVec2 frame_min{}, frame_max{};
  std::vector<Tick> x_ticks, y_ticks;
  std::vector<std::string> x_labels, y_labels;  // "" for unlabelled (minor or skipped) ticks
  const HeatmapItem* colorbar = nullptr;        // the heatmap whose scale is drawn, if any
  ImVec2 colorbar_min{}, colorbar_max{};
};

// Chooses ticks and margins and sets f.t.min / f.t.max (the data area) inside the frame.
AxesLayout layout_axes(Frame& f, ImVec2 frame_min, ImVec2 frame_max, const PlotText& text,
                       const std::vector<Item>& items);
// Background and grid (under the items).
void draw_axes_back(Frame& f, const AxesLayout& a, const PlotText& text);
// Border, tick labels, axis labels, title, colour bar (over the items).
void draw_axes_front(Frame& f, const AxesLayout& a, const PlotText& text);
void draw_placeholder(Frame& f, const std::string& text);
// Height of the legend row above the data area (0 unless AxisFlags::LegendAbove).
float legend_row_height(const std::vector<Item>& items, const PlotText& text, float font,
                        float frame_width);
// Inside the data area in the corner where it hides the fewest drawn points (only with data),
// or as a row above it with AxisFlags::LegendAbove.
void draw_legend(Frame& f, const std::vector<Item>& items, const PlotText& text, bool has_data,
                 ImVec2 frame_min, ImVec2 frame_max);
// Cursor line, point markers and tooltip; returns the x the read-out refers to.
double draw_hover(Frame& f, const std::vector<Item>& items, const PlotText& text);

}  // namespace nnplay::gui::plot_detail
