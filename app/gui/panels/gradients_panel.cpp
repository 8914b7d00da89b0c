// The Gradients view: what to histogram and how (controls with teaching help), a one-line
// verdict on how gradients flow back, the gradient norm per layer on a log scale, and one
// histogram-over-time plot per layer. Clicking a layer here selects it in the network diagram
// (both read s.network.selected_layer), and the reverse.
#include "app/gui/panels/gradients_panel.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/gui/app_state.h"
#include "app/gui/logic/gradient_flow.h"
#include "app/gui/logic/ticks.h"
#include "app/gui/panels/gradients_history.h"
#include "app/gui/panels/network_panel.h"
#include "app/gui/plot/plot.h"
#include "app/gui/theme/palette.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

constexpr const char* kKindNames[] = {"Weights", "Gradients", "Pre-activations", "Activations"};
constexpr const char* kKindHelp[] = {
    "Weights: the numbers the network learns. They usually start as a narrow bump around 0 and "
    "spread out as training finds what matters.",
    "Gradients: how much the loss changes when each weight changes, dL/dw. Tiny gradients mean a "
    "layer barely learns; huge ones make training jump around.",
    "Pre-activations: each neuron's weighted sum z = w.x + b before the activation. For sigmoid "
    "and tanh, values beyond +-4 sit on the flat part of the curve (saturated).",
    "Activations: each neuron's output a = f(z). For ReLU a spike at 0 shows units that are off; "
    "for sigmoid, piles at 0 and 1 show saturated units.",
};
constexpr const char* kHelpNorms =
    "The size (L2 norm) of each layer's weight gradient after the last step, on a log scale, "
    "input side on the left, output on the right. "
    "Gradients flow backwards from the output; if each layer shrinks them, the bars fall "
    "towards the input (vanishing gradients: the first layers stop learning). If each layer "
    "grows them, the bars rise towards the input (exploding gradients: training blows up).";
constexpr const char* kHelpOffset =
    "Each ridge is one histogram, taken at the step on the vertical axis; the newest is at the "
    "bottom, in front. Watch the shape move and widen as the network trains.";
constexpr const char* kHelpHeatmap =
    "Time runs left to right, values bottom to top; brighter cells hold more of the values at "
    "that step (each column adds up to 100%).";
constexpr const char* kHelpSymlog =
    "Symmetric log axis: 0.001, 0.01 and 0.1 get equal room on both sides of zero, so very small "
    "values (vanished gradients) and long tails stay visible.";
constexpr const char* kHelpShared =
    "All layers use the same value axis, so a layer whose values are 1000 times smaller shows "
    "as a thin spike next to the wide ones.";

// Continues the row when an item about `width` wide still fits, else starts a new one: the
// controls wrap in a narrow slot instead of running off its edge.
void flow(const char* widest_label, float gap) {
  const float width = ImGui::CalcTextSize(widest_label).x + ImGui::GetFrameHeight() * 2.5f;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  ImGui::SameLine(0, gap);
  if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

void controls(GradientsPanelState& ui) {
  const float group_gap = ImGui::GetFontSize() * 1.5f, gap = ImGui::GetStyle().ItemSpacing.x;
  for (int k = 0; k < static_cast<int>(StatKind::Count); ++k) {
    if (k) flow(kKindNames[k], gap);
    if (ImGui::RadioButton(kKindNames[k], static_cast<int>(ui.kind) == k)) ui.kind = static_cast<StatKind>(k);
    tooltip_for_last_item(kKindHelp[k]);
  }
  flow("Ridges", group_gap);
  if (ImGui::RadioButton("Ridges", !ui.heatmap)) ui.heatmap = false;
  tooltip_for_last_item(kHelpOffset);
  flow("Heatmap", gap);
  if (ImGui::RadioButton("Heatmap", ui.heatmap)) ui.heatmap = true;
  tooltip_for_last_item(kHelpHeatmap);
  flow("Symlog axis (?)", group_gap);
  ImGui::Checkbox("Symlog axis", &ui.symlog);
  help_marker(kHelpSymlog);
  flow("Same axis for all layers (?)", group_gap);
  ImGui::Checkbox("Same axis for all layers", &ui.shared_axis);
  help_marker(kHelpShared);
}

// "1/620,000" or "3.5x": a ratio read at a distance.
std::string ratio_text(double r) {
  auto round2 = [](double v) {  // two significant digits, as a whole number when >= 10
    const double p = std::pow(10.0, std::floor(std::log10(v)) - 1);
    return std::round(v / p) * p;
  };
  if (r >= 1) return r >= 10 ? format_count(std::llround(round2(r))) + "x" : format_value(r, 2) + "x";
  const double inv = 1 / r;
  return "1/" + (inv >= 10 ? format_count(std::llround(round2(inv))) : format_value(inv, 2));
}

// "Hidden 1" ... "Output": the names of layers that have weights (the ones with gradients).
std::vector<int> weighted_layers(const Snapshot& snap) {
  std::vector<int> out;
  for (int l = 0; l < static_cast<int>(snap.layers.size()); ++l)
    if (!snap.layers[l].weights.empty()) out.push_back(l);
  return out;
}

void verdict(const Snapshot& snap, const std::vector<std::string>& names) {
  std::vector<double> norms;
  for (const LayerStats& l : snap.layers) norms.push_back(l.weights.empty() ? 0 : l.grad_norm);
  const GradientFlowVerdict v = classify_gradient_flow(norms);
  if (v.flow == GradientFlow::Unknown) {
    ImGui::TextDisabled("Gradient flow: needs two layers with weights and one training step.");
    return;
  }
  const auto& first = v.first < static_cast<int>(names.size()) ? names[v.first] : std::string("first");
  const auto& last = v.last < static_cast<int>(names.size()) ? names[v.last] : std::string("last");
  const std::string ratio = ratio_text(v.ratio);
  std::string text;
  ImU32 colour = palette().class_u32(2);
  switch (v.flow) {
    case GradientFlow::Vanishing:
      text = "Vanishing gradients: " + first + " gets " + ratio + " of the gradient " + last + " gets.";
      colour = palette().class_u32(3);
      break;
    case GradientFlow::Exploding:
      text = std::isfinite(v.ratio) ? "Exploding gradients: " + first + " gets " + ratio + " the gradient " + last + " gets."
                                    : "Exploding gradients: a gradient is no longer a finite number.";
      colour = palette().class_u32(3);
      break;
    default:
      text = "Healthy gradient flow: " + first + " gets " + ratio + " of the gradient " + last + " gets.";
  }
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  help_marker(kHelpNorms);
}

// Gradient norm per layer (log y), the selected layer's bar in the selection colour; a click
// on a bar selects that layer. Returns the layer clicked or -1.
int norm_bars(const Snapshot& snap, const std::vector<int>& layers, const std::vector<std::string>& all_names,
              int selected, ImVec2 size) {
  std::vector<double> xs, ys, sel_x, sel_y;
  std::vector<std::string> names;
  for (size_t i = 0; i < layers.size(); ++i) {
    const double g = snap.layers[layers[i]].grad_norm;
    names.push_back(all_names[layers[i]]);
    (layers[i] == selected ? sel_x : xs).push_back(double(i));
    (layers[i] == selected ? sel_y : ys).push_back(g > 0 ? g : NAN);
  }
  Plot p("##grad_norms", size);
  p.set_title("Gradient norm per layer");
  p.setup_axes("layer", "|dL/dW|", AxisFlags::LogY | AxisFlags::IntegerX | AxisFlags::NoLegend);
  p.set_x_categories(names);
  p.set_x_limits(-0.6, double(layers.size()) - 0.4);
  p.set_placeholder("Press Play or Step: gradients appear after a training step");
  p.bars("gradient norm", xs.data(), ys.data(), xs.size(), 0.7, palette().class_u32(0));
  if (!sel_x.empty()) p.bars("selected layer", sel_x.data(), sel_y.data(), sel_x.size(), 0.7, palette().class_u32(2));
  const bool hovered = p.end();
  if (!hovered || !ImGui::IsMouseClicked(ImGuiMouseButton_Left) || !std::isfinite(p.hover_x())) return -1;
  const long i = std::lround(p.hover_x());
  return i >= 0 && i < static_cast<long>(layers.size()) ? layers[i] : -1;
}

// Saturated and dead units in one line, with the ring legend of the network diagram.
void unit_summary(const Snapshot& snap, const std::vector<std::string>& names) {
  double worst_sat = 0, worst_dead = 0;
  int sat_layer = -1, dead_layer = -1;
  for (int l = 0; l < static_cast<int>(snap.layers.size()); ++l) {
    if (snap.layers[l].saturated_fraction > worst_sat) worst_sat = snap.layers[l].saturated_fraction, sat_layer = l;
    if (snap.layers[l].dead_fraction > worst_dead) worst_dead = snap.layers[l].dead_fraction, dead_layer = l;
  }
  const float s = ImGui::GetFontSize();
  auto ring = [&](unsigned colour, bool slash) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 a(p.x + 2, p.y + 2), b(p.x + s - 2, p.y + s - 2);
    ImGui::GetWindowDrawList()->AddRect(a, b, colour, 2.0f, 0, 2.5f);
    if (slash) ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, b.y), ImVec2(b.x, a.y), colour, 2.0f);
    ImGui::Dummy(ImVec2(s, s));
    ImGui::SameLine();
  };
  ring(saturated_ring_u32(), false);
  if (sat_layer >= 0)
    ImGui::Text("Saturated: %s of %s's units' values", format_percent(worst_sat).c_str(), names[sat_layer].c_str());
  else
    ImGui::TextUnformatted("Saturated: none");
  tooltip_for_last_item("A sigmoid or tanh unit is saturated when |z| > 4: its curve is flat there, so "
                        "almost no gradient passes back. Units saturated for most of the batch get a "
                        "purple ring in the network diagram.");
  ImGui::SameLine(0, s * 1.5f);
  ring(dead_ring_u32(), true);
  if (dead_layer >= 0)
    ImGui::Text("Dead ReLUs: %s of %s", format_percent(worst_dead).c_str(), names[dead_layer].c_str());
  else
    ImGui::TextUnformatted("Dead ReLUs: none");
  tooltip_for_last_item("A ReLU unit is dead when it outputs 0 for every example of the batch: it then "
                        "passes no gradient back and may never recover. Dead units get a grey ring "
                        "with a slash in the network diagram.");
}

}  // namespace

void draw_gradients_panel(AppState& s) {
  GradientsPanelState& ui = s.gradients;
  controls(ui);
  const Snapshot* snap = s.snap.get();
  if (!snap || snap->layers.empty()) {
    ImGui::TextDisabled("Layer statistics appear once the network has trained a step.");
    return;
  }
  record_layer_stats(*snap, ui);
  std::vector<std::string> names;
  for (int l = 0; l < static_cast<int>(snap->layers.size()); ++l) names.push_back(layer_display_name(snap->spec, l));
  verdict(*snap, names);
  unit_summary(*snap, names);

  const std::vector<int> weighted = weighted_layers(*snap);
  std::vector<int> shown;  // layers with a histogram of the chosen kind
  for (int l = 0; l < static_cast<int>(snap->layers.size()); ++l)
    if (!snap->layers[l].histogram(ui.kind, ui.symlog).empty()) shown.push_back(l);
  std::vector<std::string> shown_names;
  for (int l : shown) shown_names.push_back(names[l]);

  int& selected = s.network.selected_layer;
  // Wide slot: bars on the left, histograms on the right; otherwise one above the other.
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const bool side = avail.x > 1.6f * avail.y;
  const float font = ImGui::GetFontSize();
  const ImVec2 bars_size = side ? ImVec2(std::max(font * 18, avail.x * 0.36f), avail.y)
                                : ImVec2(avail.x, std::max(font * 11, avail.y * 0.4f));
  int clicked = norm_bars(*snap, weighted, names, selected, bars_size);
  if (side) ImGui::SameLine();

  std::vector<LayerStatsPoint> scratch;
  bool own = false;
  const auto* history = history_for(*snap, ui, scratch, own);
  ImGui::BeginChild("##gradients_history", ImVec2(0, 0), false);
  ImGui::TextUnformatted(kKindNames[static_cast<int>(ui.kind)]);
  ImGui::SameLine();
  ImGui::TextDisabled(own ? "over time, recorded while this view is open" : "over time, since training started");
  help_marker(std::string(kKindHelp[static_cast<int>(ui.kind)]).append("\n\n").append(ui.heatmap ? kHelpHeatmap : kHelpOffset).append(" Click a plot to select its layer.").c_str());
  const int c = draw_layer_histograms(*snap, *history, shown, shown_names, ui, selected,
                                      ImGui::GetContentRegionAvail().y);
  ImGui::EndChild();
  if (c >= 0) clicked = c;
  if (clicked >= 0) selected = selected == clicked ? -1 : clicked;
}

}  // namespace nnplay::gui
