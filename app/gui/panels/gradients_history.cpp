// Histograms over time, one small plot per layer: ridgelines with the newest slice in front
// (TensorBoard's offset mode) or a time x value heatmap, on a value axis shared by all layers
// so that a layer whose gradients vanished shows as a thin spike beside wide ones.
#include "app/gui/panels/gradients_history.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/gui/logic/histogram_grid.h"
#include "app/gui/plot/plot.h"
#include "app/gui/theme/palette.h"

namespace nnplay::gui {

namespace {

constexpr size_t kMaxRidges = 18;  // more ridges than this merge into a smear at panel size

bool has_kind(const std::vector<LayerStatsPoint>& h, StatKind kind) {
  return !h.empty() && !h.back().histograms(kind).empty();
}

const Histogram* slice_of(const LayerStatsPoint& p, StatKind kind, int layer) {
  const auto& hs = p.histograms(kind);
  return layer < static_cast<int>(hs.size()) && !hs[layer].empty() ? &hs[layer] : nullptr;
}

const char* kind_noun(StatKind k) {
  switch (k) {
    case StatKind::Weights: return "weights";
    case StatKind::Gradients: return "gradients";
    case StatKind::PreActivations: return "pre-activations z";
    default: return "activations a";
  }
}

}  // namespace

void record_layer_stats(const Snapshot& snap, GradientsPanelState& ui) {
  if (snap.version == ui.recorded_version || snap.layers.empty()) return;
  ui.recorded_version = snap.version;
  // A reset or a new network starts the story again.
  if (snap.step < ui.recorded_step || snap.layers.size() != ui.recorded_layers) {
    ui.recorded.clear();
    ui.recorded_symlog.clear();
    ui.recorded_step = -1;
  }
  ui.recorded_layers = snap.layers.size();
  if (snap.step == ui.recorded_step) return;  // paused: nothing new happened
  ui.recorded_step = snap.step;
  ui.recorded.add(layer_stats_point(snap.step, snap.layers, false));
  ui.recorded_symlog.add(layer_stats_point(snap.step, snap.layers, true));
}

const std::vector<LayerStatsPoint>* history_for(const Snapshot& snap, const GradientsPanelState& ui,
                                                std::vector<LayerStatsPoint>& scratch, bool& own) {
  own = false;
  if (!ui.symlog && has_kind(snap.layer_history, ui.kind) &&
      snap.layer_history.back().histograms(ui.kind).size() == snap.layers.size())
    return &snap.layer_history;
  own = true;
  scratch = ui.symlog ? ui.recorded_symlog.points() : ui.recorded.points();
  return &scratch;
}

namespace {

// Returns true when the plot was clicked.
bool layer_plot(const std::vector<LayerStatsPoint>& history, int layer, const std::string& name,
                const GradientsPanelState& ui, bool selected, double lo, double hi, ImVec2 size) {
  std::vector<HistogramSlice> slices;
  std::vector<const Histogram*> column;
  std::vector<size_t> keep = pick_slices(history.size(), ui.heatmap ? history.size() : kMaxRidges);
  for (size_t i : keep) {
    const Histogram* h = slice_of(history[i], ui.kind, layer);
    if (!h) continue;
    slices.push_back({double(history[i].step), h->lo, h->hi, h->counts.data(), kHistogramBins});
    column.push_back(h);
  }
  const std::string id = "##layer_hist" + std::to_string(layer);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  Plot p(id.c_str(), size);
  const std::string title = name + (selected ? "  (selected)" : "");
  p.set_title(title.c_str());
  const char* value_label = ui.symlog ? "value (symlog)" : "value";
  p.set_placeholder("Press Play: the history fills as the network trains");
  const ValueFormat fmt = ui.symlog ? &format_symlog : nullptr;
  const ImU32 colour = selected ? palette().class_u32(2) : palette().class_u32(0);
  HistogramGrid grid;
  if (ui.heatmap) {
    p.setup_axes("step", value_label, AxisFlags::NoLegend);
    if (fmt) p.set_y_format(fmt);
    if (!column.empty()) {
      grid = histograms_on_common_grid(column, kHistogramBins, true, lo, hi);
      const double t0 = slices.front().time, t1 = std::max(slices.back().time, t0 + 1);
      p.heatmap(kind_noun(ui.kind), grid.values.data(), grid.times, grid.bins,
                {.x_lo = t0, .x_hi = t1, .y_lo = grid.lo, .y_hi = grid.hi, .v_min = 0,
                 .map = Colormap::Viridis, .colorbar = false});
    }
  } else {
    p.setup_axes(value_label, "step", AxisFlags::InvertY | AxisFlags::NoLegend);
    if (fmt) p.set_x_format(fmt);
    if (hi > lo) p.set_x_limits(lo, hi);
    if (!slices.empty()) p.ridgeline(kind_noun(ui.kind), slices.data(), slices.size(), colour);
  }
  const bool hovered = p.end();
  if (selected)
    ImGui::GetWindowDrawList()->AddRect(start, ImVec2(start.x + size.x, start.y + size.y),
                                        palette().class_u32(2), 4.0f, 0, 2.5f);
  return hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left);
}

}  // namespace

int draw_layer_histograms(const Snapshot&, const std::vector<LayerStatsPoint>& history,
                          const std::vector<int>& layers, const std::vector<std::string>& names,
                          const GradientsPanelState& ui, int selected, float height) {
  if (layers.empty()) return -1;
  // One value range over every layer and step shown, or NaN (each plot fits its own).
  double lo = NAN, hi = NAN;
  if (ui.shared_axis) {
    std::vector<const Histogram*> all;
    for (const LayerStatsPoint& p : history)
      for (int l : layers)
        if (const Histogram* h = slice_of(p, ui.kind, l)) all.push_back(h);
    if (!histogram_range(all, lo, hi)) lo = hi = NAN;
  }
  const float width = ImGui::GetContentRegionAvail().x;
  const float min_w = ImGui::GetFontSize() * 11;
  const int n = static_cast<int>(layers.size());
  const int cols = std::clamp(static_cast<int>(width / min_w), 1, n);
  const int rows = (n + cols - 1) / cols;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 cell((width - gap * (cols - 1)) / cols,
                    std::max(ImGui::GetFontSize() * 8, (height - gap * (rows - 1)) / rows));
  int clicked = -1;
  for (int i = 0; i < n; ++i) {
    if (i % cols) ImGui::SameLine(0, gap);
    if (layer_plot(history, layers[i], names[i], ui, layers[i] == selected, lo, hi, cell)) clicked = layers[i];
  }
  return clicked;
}

}  // namespace nnplay::gui
