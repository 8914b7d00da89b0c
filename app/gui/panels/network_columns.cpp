// Column headers and footers of the network diagram: layer title (select, drag, right-click),
// neuron count with - and +, activation above the neurons; initialiser and parameter count below.
#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "app/gui/logic/network_text.h"
#include "app/gui/panels/network_internal.h"
#include "app/gui/theme/palette.h"
#include "app/gui/widgets/help.h"
#include "engine/nn/layer_factory.h"

namespace nnplay::gui::netpanel {

void tooltip_anyway(const char* text) {
  if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

namespace {

float row_y(const Frame& f, int row) {
  return f.header_top + row * (ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y);
}

float footer_y(const Frame& f, int row) {
  return f.footer_top + row * (ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y);
}

// The full label if it fits the column, else the short one (narrow columns of deep networks).
std::string fit(const std::string& full, const std::string& brief, float width) {
  const float pad = 2 * ImGui::GetStyle().FramePadding.x;
  return ImGui::CalcTextSize(full.c_str()).x + pad <= width ? full : brief;
}

std::string short_activation(ActivationKind kind) {
  constexpr const char* kShort[] = {"lin", "sigm", "tanh", "relu", "lrelu", "elu", "smax"};
  return kShort[static_cast<int>(kind)];
}

// Initialiser names in three lengths: in full, medium for mid-width columns, and tiny.
std::string fit_init(InitKind kind, float width) {
  constexpr const char* kMedium[] = {"zeros", "uniform", "normal", "xavier-u", "xavier-n", "he-u", "he-n"};
  constexpr const char* kShort[] = {"zero", "unif", "norm", "xavU", "xavN", "heU", "heN"};
  const int k = static_cast<int>(kind);
  return fit(init_names()[k], fit(kMedium[k], kShort[k], width), width);
}

std::string short_title(const Frame& f, int layer) {
  if (is_output_layer(f.spec, layer)) return "Out";
  const std::string& type = f.spec.layers[layer].type;
  const std::string prefix = type == "dense"       ? "H"
                             : type == "conv2d"    ? "C"
                             : type == "maxpool2d" ? "MP"
                             : type == "avgpool2d" ? "AP"
                             : type == "flatten"   ? "F"
                                                   : "D";
  return prefix + std::to_string(layer + 1);
}

void centered_text(float x, float y, const std::string& text) {
  const float w = ImGui::CalcTextSize(text.c_str()).x;
  ImGui::SetCursorScreenPos(ImVec2(x - w / 2, y + ImGui::GetStyle().FramePadding.y));
  ImGui::TextUnformatted(text.c_str());
}

// Activation choice; softmax only where `allow_softmax` (never for hidden layers).
bool activation_combo(const char* id, Activation& act, float width, bool allow_softmax) {
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  const ImGuiComboFlags flags = width < 90 ? ImGuiComboFlags_NoArrowButton : 0;
  const float arrow = flags & ImGuiComboFlags_NoArrowButton ? 0 : ImGui::GetFrameHeight();
  const std::string preview = fit(act.name(), short_activation(act.kind), width - arrow);
  if (ImGui::BeginCombo(id, preview.c_str(), flags)) {
    const auto& names = activation_names();
    for (size_t k = 0; k < names.size(); ++k) {
      const auto kind = static_cast<ActivationKind>(k);
      if (kind == ActivationKind::Softmax && !allow_softmax) continue;
      if (ImGui::Selectable(names[k].c_str(), kind == act.kind) && kind != act.kind) {
        act.kind = kind;
        act.alpha = kind == ActivationKind::Elu ? 1.0f : 0.01f;  // the usual defaults
        changed = true;
      }
      tooltip_for_last_item(activation_help(kind));
    }
    ImGui::EndCombo();
  }
  const std::string tip = std::string("Activation: the function f in a = f(z) that bends each "
                                      "neuron's weighted sum.\n\n") + activation_help(act.kind);
  tooltip_for_last_item(tip.c_str());
  return changed;
}

bool init_combo(const char* id, Initializer& init, float width) {
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  const ImGuiComboFlags flags = width < 90 ? ImGuiComboFlags_NoArrowButton : 0;
  const float arrow = flags & ImGuiComboFlags_NoArrowButton ? 0 : ImGui::GetFrameHeight();
  const std::string preview = fit_init(init.kind, width - arrow);
  if (ImGui::BeginCombo(id, preview.c_str(), flags)) {
    const auto& names = init_names();
    for (size_t k = 0; k < names.size(); ++k) {
      const auto kind = static_cast<InitKind>(k);
      if (ImGui::Selectable(names[k].c_str(), kind == init.kind) && kind != init.kind) {
        init.kind = kind;
        changed = true;
      }
      tooltip_for_last_item(init_help(kind));
    }
    ImGui::EndCombo();
  }
  const std::string tip = std::string("Initialiser: how the weights are drawn before training. "
                                      "Good starting sizes let signals and gradients flow; it "
                                      "applies when the weights are reset.\n\n") +
                          init_help(init.kind);
  tooltip_for_last_item(tip.c_str());
  return changed;
}

void input_header(Frame& f) {
  const float x = f.layout.columns[0].x;
  centered_text(x, row_y(f, 0), "Inputs");
  tooltip_for_last_item("The numbers each point gives the network. Click a feature to switch it "
                        "on or off; hand-made features like x1^2 let even a tiny network draw "
                        "curved boundaries.");
  if (f.image_input) return;
  const std::string on = std::to_string(f.features.size()), all = std::to_string(f.layout.columns[0].count);
  centered_text(x, row_y(f, 1), fit(on + " of " + all + " on", on + "/" + all, f.col_width));
}

void title_button(Frame& f, int layer) {
  const bool selected = f.ui.selected_layer == layer;
  const bool broken = !f.infos[layer].error.empty();
  if (selected) ImGui::PushStyleColor(ImGuiCol_Button, palette().class_color(2));
  if (broken) ImGui::PushStyleColor(ImGuiCol_Text, palette().class_color(3));
  const std::string title = fit(layer_title(f, layer), short_title(f, layer), f.col_width);
  const std::string label = title + (broken ? " !" : "") + "##title";
  if (ImGui::Button(label.c_str(), ImVec2(f.col_width, 0)))
    f.ui.selected_layer = selected ? -1 : layer;
  if (broken) ImGui::PopStyleColor();
  if (selected) ImGui::PopStyleColor();
  if (ImGui::IsItemClicked(ImGuiMouseButton_Right)) {
    f.ui.menu_layer = layer;
    f.open_menu = true;
  }
  const bool output = is_output_layer(f.spec, layer);
  if (!output && ImGui::BeginDragDropSource()) {
    ImGui::SetDragDropPayload(kMoveLayerPayload, &layer, sizeof layer);
    ImGui::Text("Move %s: drop it between two columns, or on the bin", layer_title(f, layer).c_str());
    ImGui::EndDragDropSource();
  }
  std::string tip = broken ? f.infos[layer].error + "\n\n" : "";
  tip += layer_type_help(f.spec.layers[layer].type);
  tip += output ? "\n\nThe output layer: its size is fixed by the task. Click to select, "
                  "right-click for options."
                : "\n\nClick to select, drag to move, drop on the bin to remove, right-click for "
                  "options.";
  tooltip_for_last_item(tip.c_str());
}

void units_row(Frame& f, int layer, float x, float y) {
  LayerSpec& l = f.spec.layers[layer];
  const int width = layer_width(l);
  if (is_output_layer(f.spec, layer)) {
    const std::string n = std::to_string(width);
    centered_text(x, y, fit(n + (width == 1 ? " unit" : " units"), n, f.col_width));
    tooltip_for_last_item(f.task == Task::Regression
                              ? "One output unit: the predicted value."
                              : width == 1 ? "One output unit: the probability of the orange "
                                             "class (sigmoid)."
                                           : "One output unit per class; softmax turns them "
                                             "into probabilities that add up to 1.");
    return;
  }
  if (width == 0) {
    const Shape out = f.infos[layer].out;
    centered_text(x, y, out.size() ? "-> " + shape_string(out) : "");
    return;
  }
  // Narrow columns put the count on its own row above the buttons (f.compact).
  const float fh = f.compact ? (f.col_width - ImGui::GetStyle().ItemSpacing.x) / 2
                             : ImGui::GetFrameHeight();
  if (f.compact) {
    centered_text(x, y, std::to_string(width));
    y = row_y(f, 2);
  }
  ImGui::SetCursorScreenPos(ImVec2(x - f.col_width / 2, y));
  if (ImGui::Button("-", ImVec2(fh, 0)) && change_units(f.spec, layer, -1)) mark_changed(f, layer);
  tooltip_for_last_item(l.type == "dense" ? "Remove a neuron from this layer."
                                          : "Remove a filter (output channel).");
  if (!f.compact) centered_text(x, y, std::to_string(width));
  ImGui::SetCursorScreenPos(ImVec2(x + f.col_width / 2 - fh, y));
  if (ImGui::Button("+", ImVec2(fh, 0)) && change_units(f.spec, layer, +1)) mark_changed(f, layer);
  tooltip_for_last_item(l.type == "dense" ? "Add a neuron to this layer (up to 512)."
                                          : "Add a filter (output channel).");
}

void activation_row(Frame& f, int layer, float x, float y) {
  LayerSpec& l = f.spec.layers[layer];
  if (!layer_has_params(l.type)) return;
  const bool output = is_output_layer(f.spec, layer);
  if (output && f.task == Task::Classification) {
    centered_text(x, y, fit(l.activation.name(), short_activation(l.activation.kind), f.col_width));
    tooltip_for_last_item(activation_help(l.activation.kind));
    return;
  }
  ImGui::SetCursorScreenPos(ImVec2(x - f.col_width / 2, y));
  if (activation_combo("##act", l.activation, f.col_width, false)) mark_changed(f, layer);
}

void footer(Frame& f, int layer, float x) {
  LayerSpec& l = f.spec.layers[layer];
  if (!layer_has_params(l.type)) return;
  ImGui::SetCursorScreenPos(ImVec2(x - f.col_width / 2, footer_y(f, 0)));
  if (init_combo("##init", l.init, f.col_width)) mark_changed(f, layer);
  const LayerInfo& info = f.infos[layer];
  std::string text = format_count(info.params());
  if (ImGui::CalcTextSize((text + " params").c_str()).x <= f.col_width) text += " params";
  centered_text(x, footer_y(f, 1), text);
  std::string tip;
  if (l.type == "conv2d") {
    // The course's "how many parameters?" exercise: a filter is shared by every position.
    const std::string k = std::to_string(l.kernel);
    tip = format_count(info.weights) + " weights (" + std::to_string(l.channels) + " filters x " +
          std::to_string(info.in.c) + (info.in.c == 1 ? " input channel x " : " input channels x ") +
          k + "x" + k + ") + " + format_count(info.biases) +
          " biases (one per filter)\n\nEach filter slides over the whole image with the same "
          "weights, so a convolution's parameter count does not grow with the image size.";
  } else {
    tip = format_count(info.weights) + " weights (" + shape_string(info.in) + " inputs x " +
          std::to_string(layer_width(l)) + ") + " + format_count(info.biases) + " biases\n\n" +
          param_count_help();
  }
  tooltip_for_last_item(tip.c_str());
}

}  // namespace

void draw_column_controls(Frame& f) {
  ImGui::PushID("columns");
  // Narrow columns: thinner padding so "-", "+" and short names still fit.
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  if (f.compact) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(std::min(pad.x, 3.0f), pad.y));
  input_header(f);
  for (int layer = 0; layer < static_cast<int>(f.spec.layers.size()); ++layer) {
    const int col = column_of(layer);
    const float x = f.layout.columns[col].x;
    ImGui::PushID(layer);
    ImGui::SetCursorScreenPos(ImVec2(x - f.col_width / 2, row_y(f, 0)));
    title_button(f, layer);
    units_row(f, layer, x, row_y(f, 1));
    activation_row(f, layer, x, row_y(f, f.compact ? 3 : 2));
    footer(f, layer, x);
    ImGui::PopID();
  }
  if (f.compact) ImGui::PopStyleVar();
  ImGui::PopID();
}

namespace {

bool clamped_int(const char* label, int& v, int lo, int hi) {
  int next = v;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (!ImGui::InputInt(label, &next)) return false;
  next = std::clamp(next, lo, hi);
  if (next == v) return false;
  v = next;
  return true;
}

// The per-type settings of the right-click menu; true when one changed.
bool layer_settings(LayerSpec& l, bool output) {
  bool changed = false;
  if (l.type == "dense" && !output) changed |= clamped_int("neurons", l.units, kMinUnits, kMaxUnits);
  if (l.type == "conv2d") {
    changed |= clamped_int("filters", l.channels, kMinUnits, kMaxUnits);
    changed |= clamped_int("kernel", l.kernel, 1, 15);
    changed |= clamped_int("stride", l.stride, 1, 15);
    changed |= clamped_int("padding", l.padding, 0, std::max(0, l.kernel - 1));
  }
  if (l.type == "maxpool2d" || l.type == "avgpool2d") changed |= clamped_int("window", l.kernel, 1, 15);
  if (l.type == "dropout") {
    float rate = static_cast<float>(l.rate);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::SliderFloat("drop rate", &rate, 0.0f, 0.9f, "%.2f")) {
      l.rate = rate;
      changed = true;
    }
  }
  if (changed) {
    l.weight.reset();  // explicit values no longer fit the new shape
    l.bias.reset();
  }
  return changed;
}

}  // namespace

void draw_layer_menu(Frame& f) {
  if (f.open_menu) ImGui::OpenPopup(kLayerMenu);
  if (!ImGui::BeginPopup(kLayerMenu)) return;
  const int layer = f.ui.menu_layer;
  if (layer < 0 || layer >= static_cast<int>(f.spec.layers.size())) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  LayerSpec& l = f.spec.layers[layer];
  const bool output = is_output_layer(f.spec, layer);
  ImGui::Text("%s (%s)", layer_title(f, layer).c_str(), l.type.c_str());
  ImGui::Separator();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
  ImGui::TextDisabled("%s", layer_type_help(l.type));
  ImGui::PopTextWrapPos();
  bool changed = layer_settings(l, output);
  if (layer_has_params(l.type)) {
    const float w = ImGui::GetFontSize() * 9;
    if (!(output && f.task == Task::Classification))
      changed |= activation_combo("activation", l.activation, w, false);
    changed |= init_combo("initialiser", l.init, w);
  }
  if (changed) mark_changed(f, layer);
  if (!output) {
    ImGui::Separator();
    if (ImGui::Button("Remove layer") && remove_layer(f.spec, layer)) {
      mark_changed(f, -1);
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::EndPopup();
}

}  // namespace nnplay::gui::netpanel
