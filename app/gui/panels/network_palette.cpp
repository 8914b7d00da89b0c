// The network panel's toolbar: a palette of layer types to drag into the diagram, a bin to drop
// layers on, and the parameter total. Also the diagram's drop target, which shows where a
// dragged layer will land.
#include <imgui.h>
#include <imgui_internal.h>  // BeginDragDropTargetCustom over the whole diagram

#include <algorithm>
#include <cstring>

#include "app/gui/logic/network_text.h"
#include "app/gui/panels/network_internal.h"
#include "app/gui/theme/palette.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui::netpanel {

namespace {

const char* palette_label(const std::string& type) {
  if (type == "dense") return "Dense";
  if (type == "conv2d") return "Conv2D";
  if (type == "maxpool2d") return "MaxPool";
  if (type == "avgpool2d") return "AvgPool";
  if (type == "flatten") return "Flatten";
  if (type == "dropout") return "Dropout";
  return type.c_str();
}

void palette_button(Frame& f, const std::string& type) {
  const bool allowed = layer_type_allowed(type, f.spec);
  ImGui::BeginDisabled(!allowed);
  if (ImGui::Button(palette_label(type))) {
    const int pos = hidden_count(f.spec);  // a click adds the layer just before the output
    if (insert_layer(f.spec, pos, make_default_layer(type, f.spec, pos))) mark_changed(f, pos);
  }
  if (allowed && ImGui::BeginDragDropSource()) {
    ImGui::SetDragDropPayload(kNewLayerPayload, type.c_str(), type.size() + 1);
    ImGui::Text("New %s layer: drop it between two columns", palette_label(type));
    ImGui::EndDragDropSource();
  }
  ImGui::EndDisabled();
  std::string tip = layer_type_help(type);
  tip += allowed ? "\n\nDrag it into the network, or click to add it before the output."
                 : "\n\nNeeds an image input: choose an image dataset to use it.";
  tooltip_anyway(tip.c_str());
  ImGui::SameLine();
}

bool dragging_layer() {
  const ImGuiPayload* p = ImGui::GetDragDropPayload();
  return p && p->IsDataType(kMoveLayerPayload);
}

void bin_button(Frame& f) {
  const bool hot = dragging_layer();
  if (hot) ImGui::PushStyleColor(ImGuiCol_Button, palette().class_color(3));
  ImGui::Button(hot ? "Drop here to remove###bin" : "Bin###bin");
  if (hot) ImGui::PopStyleColor();
  tooltip_for_last_item("Drag a hidden layer's title here to remove it. The output layer stays.");
  if (!ImGui::BeginDragDropTarget()) return;
  if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kMoveLayerPayload)) {
    int layer = -1;
    std::memcpy(&layer, p->Data, sizeof layer);
    if (remove_layer(f.spec, layer)) mark_changed(f, -1);
  }
  ImGui::EndDragDropTarget();
}

void parameter_total(const Frame& f) {
  const std::string text = format_count(total_params(f.infos)) + " parameters";
  const float w = ImGui::CalcTextSize(text.c_str()).x + ImGui::CalcTextSize("(?)").x +
                  ImGui::GetStyle().ItemSpacing.x * 3;
  // Right-aligned after the bin when there is room, else on a row of its own.
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
  ImGui::TextUnformatted(text.c_str());
  help_marker(param_count_help());
}

// The first impossible layer, in words, so a broken network is never silent.
void first_error(const Frame& f) {
  for (size_t i = 0; i < f.infos.size(); ++i) {
    if (f.infos[i].error.empty()) continue;
    ImGui::PushStyleColor(ImGuiCol_Text, palette().class_color(3));
    ImGui::TextWrapped("%s", f.infos[i].error.c_str());
    ImGui::PopStyleColor();
    return;
  }
}

}  // namespace

void draw_toolbar(Frame& f) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Layers:");
  ImGui::SameLine();
  for (const std::string& type : palette_layer_types()) palette_button(f, type);
  ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 3);
  bin_button(f);
  parameter_total(f);
  first_error(f);
}

namespace {

// Where a drop lands, and whether that changes anything (a layer dropped next to itself).
struct DropPlan {
  int slot = 0;
  bool useful = true;
};

DropPlan plan_drop(const Frame& f, const ImGuiPayload* p, float x) {
  DropPlan d;
  d.slot = insertion_slot(f.layout, x, hidden_count(f.spec));
  if (p->IsDataType(kMoveLayerPayload)) {
    int from = -1;
    std::memcpy(&from, p->Data, sizeof from);
    d.useful = d.slot != from && d.slot != from + 1;
  }
  return d;
}

void draw_insertion_marker(const Frame& f, const DropPlan& d, float top, float bottom) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float x = insertion_x(f.layout, d.slot);
  const ImU32 col = d.useful ? palette().class_u32(2) : palette().class_u32(7, 0.6f);
  dl->AddLine(ImVec2(x, top), ImVec2(x, bottom), col, 4.0f);
  dl->AddTriangleFilled(ImVec2(x - 8, top), ImVec2(x + 8, top), ImVec2(x, top + 10), col);
  const char* text = d.useful ? "insert here" : "already here";
  const ImVec2 size = ImGui::CalcTextSize(text);
  dl->AddText(ImVec2(x - size.x / 2, bottom - size.y), col, text);
}

void apply_drop(Frame& f, const ImGuiPayload* p, const DropPlan& d) {
  if (!d.useful) return;
  if (p->IsDataType(kNewLayerPayload)) {
    const std::string type(static_cast<const char*>(p->Data));
    if (insert_layer(f.spec, d.slot, make_default_layer(type, f.spec, d.slot)))
      mark_changed(f, d.slot);
    return;
  }
  int from = -1;
  std::memcpy(&from, p->Data, sizeof from);
  if (move_layer(f.spec, from, d.slot)) mark_changed(f, d.slot > from ? d.slot - 1 : d.slot);
}

}  // namespace

void handle_drop(Frame& f, ImVec2 min, ImVec2 max) {
  const ImGuiPayload* active = ImGui::GetDragDropPayload();
  if (!active || !(active->IsDataType(kNewLayerPayload) || active->IsDataType(kMoveLayerPayload)))
    return;
  // While a layer is being dragged, faint marks show every place it can go.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int s = 0; s <= hidden_count(f.spec); ++s) {
    const float x = insertion_x(f.layout, s);
    dl->AddLine(ImVec2(x, f.layout.min.y), ImVec2(x, f.layout.max.y), palette().class_u32(2, 0.3f),
                2.0f);
  }
  if (!ImGui::BeginDragDropTargetCustom(ImRect(min, max), ImGui::GetID("diagram_drop"))) return;
  const ImGuiDragDropFlags flags =
      ImGuiDragDropFlags_AcceptBeforeDelivery | ImGuiDragDropFlags_AcceptNoDrawDefaultRect;
  for (const char* type : {kNewLayerPayload, kMoveLayerPayload}) {
    const ImGuiPayload* p = ImGui::AcceptDragDropPayload(type, flags);
    if (!p) continue;
    const DropPlan d = plan_drop(f, p, ImGui::GetIO().MousePos.x);
    draw_insertion_marker(f, d, f.layout.min.y, f.layout.max.y);
    if (p->IsDelivery()) apply_drop(f, p, d);
  }
  ImGui::EndDragDropTarget();
}

}  // namespace nnplay::gui::netpanel
