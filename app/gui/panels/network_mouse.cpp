// The diagram under the mouse: a neuron's formula with its current weights, a link's weight,
// clicks that switch input features, select layers and open the popup to type a weight or bias.
#include <imgui.h>

#include <cstdio>

#include "app/gui/logic/network_text.h"
#include "app/gui/panels/network_internal.h"
#include "app/gui/theme/palette.h"
#include "engine/data/features.h"

namespace nnplay::gui::netpanel {

namespace {

void wrapped_tooltip(const std::vector<std::string>& lines) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
  for (const std::string& l : lines) ImGui::TextUnformatted(l.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

std::string neuron_name(const Frame& f, int layer, int unit) {
  return layer_title(f, layer) + ", neuron " + std::to_string(unit + 1);
}

// Names of a layer's inputs as they appear in its formulas: features, or h<layer>_<unit>.
std::vector<std::string> input_names(const Frame& f, int layer) {
  if (layer == 0) return f.features;
  return unit_names(layer, f.infos[layer].in.size());
}

void open_editor(Frame& f, int layer, size_t index_in_layer, const std::string& label) {
  const float* p = layer_params(f, layer);
  if (!p) return;
  f.ui.edit_param = static_cast<long>(f.snap->param_offsets[layer] + index_in_layer);
  f.ui.edit_value = p[index_in_layer];
  f.ui.edit_label = label;
  f.open_edit = true;
}

void feature_node(Frame& f, int row) {
  const std::string& name = feature_names()[row];
  const bool on = has_feature(f.features, name);
  wrapped_tooltip({"Input feature " + name + (on ? " (on)" : " (off)"),
                   "The square shows its value over the input plane: orange positive, blue "
                   "negative.",
                   on ? "Click to switch it off." : "Click to feed it to the network."});
  if (!ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return;
  if (!toggle_feature(f.features, name)) return;  // the last feature stays on
  sync_input_shape(f.spec, f.features);
  f.result.features_changed = true;
  mark_changed(f, f.ui.selected_layer);
}

void neuron_node(Frame& f, int layer, int unit) {
  const float* p = layer_params(f, layer);
  const LayerSpec& l = f.spec.layers[layer];
  std::vector<std::string> lines = {neuron_name(f, layer, unit)};
  const int in = f.infos[layer].in.size();
  const size_t bias_at = size_t(l.units) * in + unit;
  if (p) {
    const NeuronFormula formula =
        neuron_formula(input_names(f, layer), p + size_t(unit) * in, p[bias_at], l.activation.name());
    lines.insert(lines.end(), {formula.z, formula.a, formula.weights});
    lines.push_back("The square shows a over the input plane: orange positive, blue negative.");
    if (const LayerStats* st = live_stats(f, layer); st && st->unit_saturated(unit)) {
      char when[64];
      std::snprintf(when, sizeof when, "For %.0f%% of the last batch |z| > %g", 100.0 * st->unit_saturation[unit],
                    kSaturationThreshold);
      lines.push_back(std::string("Purple ring: saturated. ") + when + ", where the " + l.activation.name() +
                      " curve is flat, so almost no gradient passes back through this neuron and its "
                      "weights hardly change.");
    }
    if (const LayerStats* st = live_stats(f, layer); st && st->unit_is_dead(unit))
      lines.push_back("Grey ring with a slash: a dead ReLU. It output 0 for every example of the "
                      "last batch, so it passes no gradient back and may never recover. A smaller "
                      "learning rate or leaky ReLU helps.");
    lines.push_back("Click to type a new bias.");
  } else {
    lines.push_back("Its weights appear once the trainer has applied your last edit.");
  }
  wrapped_tooltip(lines);
  if (!ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return;
  f.ui.selected_layer = layer;
  open_editor(f, layer, bias_at, "Bias of " + neuron_name(f, layer, unit));
}

struct Link {
  int col = -1, from = -1, to = -1;  // from: input index of the layer in col
  float distance = 1e30f;
};

Link nearest_link(const Frame& f, ImVec2 mouse) {
  Link best;
  for (int col = 1; col < column_count(f); ++col) {
    if (!has_links(f, col)) continue;
    const std::vector<int> sources = source_nodes(f, col);
    const auto hit = hit_link(f.layout, col, sources, mouse, 4.0f);
    if (!hit || hit->distance >= best.distance) continue;
    for (int i = 0; i < static_cast<int>(sources.size()); ++i)
      if (sources[i] == hit->from) best = Link{col, i, hit->to, hit->distance};
  }
  return best;
}

void link_hover(Frame& f, const Link& k) {
  const int layer = layer_of(k.col);
  const int in = f.infos[layer].in.size();
  const float* p = layer_params(f, layer);
  const std::vector<std::string> names = input_names(f, layer);
  const std::string from = k.from < static_cast<int>(names.size()) ? names[k.from] : "?";
  const std::string label = "Weight from " + from + " to " + neuron_name(f, layer, k.to);
  // Highlight the link under the mouse so a click's target is obvious.
  const auto a = f.layout.node_center(k.col - 1, source_nodes(f, k.col)[k.from]);
  const auto b = f.layout.node_center(k.col, k.to);
  ImGui::GetWindowDrawList()->AddLine(ImVec2(a->x + f.layout.node(k.col - 1) / 2, a->y),
                                      ImVec2(b->x - f.layout.node(k.col) / 2, b->y),
                                      ImGui::GetColorU32(ImGuiCol_Text), 3.0f);
  if (!p) {
    wrapped_tooltip({label, "Its value appears once the trainer has applied your last edit."});
    return;
  }
  const size_t at = size_t(k.to) * in + k.from;
  char value[64];
  std::snprintf(value, sizeof value, "w = %.4f", p[at]);
  wrapped_tooltip({label, value,
                   "Orange lines are positive weights, blue negative; thicker means larger.",
                   "Click to type a new value."});
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) open_editor(f, layer, at, label);
}

}  // namespace

void handle_diagram_mouse(Frame& f) {
  if (!ImGui::IsWindowHovered() || ImGui::IsAnyItemHovered() || ImGui::GetDragDropPayload())
    return;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const float margin = 8;
  if (mouse.x < f.layout.min.x - margin || mouse.x > f.layout.max.x + margin ||
      mouse.y < f.layout.min.y - margin || mouse.y > f.layout.max.y + margin)
    return;
  if (const auto node = hit_node(f.layout, mouse)) {
    if (node->col == 0 && !f.image_input) feature_node(f, node->unit);
    else if (node->col > 0 && column_has_neurons(f, node->col))
      neuron_node(f, layer_of(node->col), node->unit);
    return;
  }
  const Link link = nearest_link(f, mouse);
  if (link.col > 0) link_hover(f, link);
}

void draw_edit_popup(Frame& f) {
  if (f.open_edit) ImGui::OpenPopup(kEditPopup);
  if (!ImGui::BeginPopup(kEditPopup)) return;
  const bool valid = f.live && f.ui.edit_param >= 0 &&
                     static_cast<size_t>(f.ui.edit_param) < f.snap->params.size();
  if (!valid) {
    ImGui::CloseCurrentPopup();  // the network changed under the popup
    ImGui::EndPopup();
    return;
  }
  ImGui::TextUnformatted(f.ui.edit_label.c_str());
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  // The value follows the typing, so both Enter and the Set button apply what is shown.
  ImGui::InputFloat("##value", &f.ui.edit_value, 0.1f, 1.0f, "%.4f");
  bool apply = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
  apply |= ImGui::Button("Set");
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
  ImGui::TextDisabled("Training keeps adjusting it: pause first to see what your value alone does.");
  ImGui::PopTextWrapPos();
  if (apply) {
    f.result.set_param = std::make_pair(static_cast<size_t>(f.ui.edit_param), f.ui.edit_value);
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace nnplay::gui::netpanel
