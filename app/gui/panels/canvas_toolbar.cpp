// The data canvas's toolbar: drawing tools, undo/redo, class or value picker, brush settings
// and view toggles. Every button explains itself in a tooltip (a lecture-hall audience sees
// the tooltip on the projector while the teacher hovers).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/gui/panels/canvas_parts.h"
#include "app/gui/theme/palette.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui::canvas {

namespace {

struct ToolInfo {
  CanvasTool tool;
  const char* label;
  const char* help;
};

constexpr ToolInfo kTools[] = {
    {CanvasTool::Brush, "\xE2\x97\x8F Brush",  // ●
     "Spray points of the active class: hold the left button and move. Radius and density "
     "set how many points each dab adds."},
    {CanvasTool::Single, "\xE2\x80\xA2 Point",  // •
     "Click to add exactly one point of the active class."},
    {CanvasTool::Eraser, "\xE2\x97\x8C Erase",  // ◌
     "Remove every point under the circle while the left button is held."},
    {CanvasTool::Drag, "\xE2\x86\x95 Move",  // ↕
     "Drag the nearest point somewhere else and watch the boundary react."},
    {CanvasTool::Pan, "\xE2\x86\x94 Pan",  // ↔
     "Drag to move the view. Right or middle drag pans with any tool; the mouse wheel zooms "
     "around the cursor."},
};

// Puts the next item on the current line when `width` pixels still fit, else on a new line.
void flow(float width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
  if (x + width <= right) ImGui::SameLine();
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

bool toggle_button(const char* label, bool selected) {
  if (selected) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  }
  const bool pressed = ImGui::Button(label);
  if (selected) ImGui::PopStyleColor();
  return pressed;
}

void draw_tool_buttons(CanvasState& ui) {
  bool first = true;
  for (const ToolInfo& t : kTools) {
    if (!first) flow(button_width(t.label));
    first = false;
    if (toggle_button(t.label, ui.tool == t.tool)) ui.tool = t.tool;
    tooltip_for_last_item(t.help);
  }
}

// Icon-only buttons (the toolbar must fit a narrow panel); the tooltip names the action.
bool action_button(const char* icon, const char* id, bool enabled, const char* help) {
  char label[64];
  std::snprintf(label, sizeof label, "%s##%s", icon, id);
  flow(button_width(label));
  if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.45f);
  const bool pressed = ImGui::Button(label) && enabled;
  if (!enabled) ImGui::PopStyleVar();
  tooltip_for_last_item(help);
  return pressed;
}

void draw_action_buttons(CanvasState& ui, PointSet& points, CanvasResult& result) {
  if (action_button("\xE2\x86\xB6", "undo", ui.undo.can_undo(),  // ↶
                    "Undo the last change to the data (Ctrl+Z). Brush strokes, erasing, "
                    "regenerating and imports can all be undone.")) {
    undo(ui, points, result);
  }
  if (action_button("\xE2\x86\xB7", "redo", ui.undo.can_redo(),  // ↷
                    "Redo what was undone (Ctrl+Shift+Z or Ctrl+Y).")) {
    redo(ui, points, result);
  }
  if (action_button("\xE2\x88\x85", "clear", !points.points.empty(),  // ∅
                    "Clear: remove all points to draw your own data set from scratch "
                    "(undoable).")) {
    clear_points(ui, points, result);
  }
  if (action_button("\xE2\x8A\xA1", "reset_view", true,  // ⊡
                    "Reset the view to the square from -6 to 6 (the mouse wheel zooms, right "
                    "drag pans).")) {
    ui.view = default_view();
  }
}

void draw_class_picker(CanvasState& ui, PointSet& points, CanvasResult& result) {
  const float h = ImGui::GetFrameHeight();
  ImGui::TextUnformatted("Class");
  tooltip_for_last_item("New points get the active class. Keys 1-8 pick a class too.");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int k = 0; k < 8; ++k) {
    ImGui::SameLine(0, k == 0 ? -1.0f : 4.0f);
    ImGui::PushID(k);
    const bool pressed = ImGui::InvisibleButton("class", ImVec2(h, h));
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const bool exists = k < points.num_classes;
    dl->AddRectFilled(a, b, palette().class_u32(k, exists ? 1.0f : 0.3f), 3.0f);
    char digit[2] = {static_cast<char>('1' + k), 0};
    const ImVec2 ts = ImGui::CalcTextSize(digit);
    const ImVec2 tp((a.x + b.x - ts.x) * 0.5f, (a.y + b.y - ts.y) * 0.5f);
    dl->AddText(ImVec2(tp.x + 1, tp.y + 1), IM_COL32(0, 0, 0, 160), digit);
    dl->AddText(tp, IM_COL32(255, 255, 255, 255), digit);
    if (k == ui.active_class) {
      dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2),
                  ImGui::GetColorU32(ImGuiCol_Text), 4.0f, 0, 2.5f);
    }
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip(exists ? "Class %d (key %d)"
                               : "Class %d (key %d): not in the data yet. Picking it adds "
                                 "classes up to it, and the network gets one output per class.",
                        k, k + 1);
    }
    if (pressed) select_class(ui, points, k, result);
    ImGui::PopID();
  }
}

void draw_value_picker(CanvasState& ui, const PointSet& points) {
  const ValueRange range = value_range(points);
  ImGui::TextUnformatted("Value");
  ImGui::SameLine();
  const float w = ImGui::GetFontSize() * 9, h = ImGui::GetFrameHeight();
  ImGui::InvisibleButton("value_bar", ImVec2(w, h));
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  if (ImGui::IsItemActive()) {
    const float t = std::clamp((ImGui::GetIO().MousePos.x - a.x) / w, 0.0f, 1.0f);
    ui.regression_value = static_cast<float>(range.lo + t * (range.hi - range.lo));
  }
  tooltip_for_last_item("Regression: new points carry this target value. Click or drag on the "
                        "colour bar to pick it; the colours match the points and the "
                        "network's prediction behind them.");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  constexpr int kSegments = 16;
  for (int i = 0; i < kSegments; ++i) {
    const float t0 = -1 + 2.0f * i / kSegments, t1 = -1 + 2.0f * (i + 1) / kSegments;
    const ImU32 c0 = palette().diverging_u32(t0), c1 = palette().diverging_u32(t1);
    dl->AddRectFilledMultiColor(ImVec2(a.x + w * i / kSegments, a.y),
                                ImVec2(a.x + w * (i + 1) / kSegments, b.y), c0, c1, c1, c0);
  }
  dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_Border));
  const double t = (ui.regression_value - range.lo) / (range.hi - range.lo);
  const float mx = a.x + w * static_cast<float>(std::clamp(t, 0.0, 1.0));
  dl->AddLine(ImVec2(mx, a.y - 2), ImVec2(mx, b.y + 2), IM_COL32(20, 20, 20, 255), 3.0f);
  dl->AddLine(ImVec2(mx, a.y - 2), ImVec2(mx, b.y + 2), IM_COL32(255, 255, 255, 255), 1.0f);
  ImGui::SameLine();
  ImGui::Text("%.2f", ui.regression_value);
}

void draw_brush_settings(CanvasState& ui) {
  const float w = ImGui::GetFontSize() * 4.5f;
  flow(w + ImGui::CalcTextSize("Radius").x + ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::SetNextItemWidth(w);
  ImGui::SliderFloat("Radius", &ui.brush_radius, 0.1f, 3.0f, "%.1f");
  tooltip_for_last_item("Size of the brush and the eraser, in x1/x2 units.");
  flow(w + ImGui::CalcTextSize("Density").x + ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::SetNextItemWidth(w);
  ImGui::SliderFloat("Density", &ui.brush_density, 1.0f, 40.0f, "%.0f");
  tooltip_for_last_item("Points per square unit added by each dab of the brush.");
}

void draw_view_toggles(CanvasState& ui) {
  flow(ImGui::GetFrameHeight() + button_width("Discretise"));
  ImGui::Checkbox("Discretise", &ui.discretize);
  tooltip_for_last_item("Show only which class the network picks (hard colours), without the "
                        "shading that shows how confident it is.");
  flow(ImGui::GetFrameHeight() + button_width("Test points"));
  ImGui::Checkbox("Test points", &ui.show_test);
  tooltip_for_last_item("Test points (squares) are kept for a final, honest check of the "
                        "finished network. Hide them so you don't tune against them by eye.");
}

}  // namespace

void undo(CanvasState& ui, PointSet& points, CanvasResult& result) {
  const Task before = points.task;
  if (!ui.undo.undo(points)) return;
  result.data_changed = true;
  result.task_changed = result.task_changed || points.task != before;
}

void redo(CanvasState& ui, PointSet& points, CanvasResult& result) {
  const Task before = points.task;
  if (!ui.undo.redo(points)) return;
  result.data_changed = true;
  result.task_changed = result.task_changed || points.task != before;
}

void select_class(CanvasState& ui, PointSet& points, int k, CanvasResult& result) {
  ui.active_class = std::clamp(k, 0, 7);
  if (points.task != Task::Classification || ui.active_class < points.num_classes) return;
  ui.undo.push(points);
  points.num_classes = ui.active_class + 1;
  result.data_changed = true;
}

void clear_points(CanvasState& ui, PointSet& points, CanvasResult& result) {
  if (points.points.empty()) return;
  ui.undo.push(points);
  points.points.clear();
  result.data_changed = true;
}

void draw_toolbar(CanvasState& ui, PointSet& points, CanvasResult& result) {
  draw_tool_buttons(ui);
  draw_action_buttons(ui, points, result);
  if (points.task == Task::Classification) {
    draw_class_picker(ui, points, result);
  } else {
    draw_value_picker(ui, points);
  }
  draw_brush_settings(ui);
  draw_view_toggles(ui);
}

}  // namespace nnplay::gui::canvas
