// Panel windows and splitter handling.
#include "app/gui/layout.h"

#include <cmath>

namespace nnplay::gui {

namespace {

bool is_vertical_gap(int i) { return i == int(Splitter::Left) || i == int(Splitter::Right); }

// The splitter under the mouse, with a few pixels of slack so thin gaps are easy to grab.
int hovered_splitter(const Layout& layout, ImVec2 mouse, float slack) {
  for (int i = 0; i < kSplitterCount; ++i) {
    const Rect& r = layout.splitters[i];
    const Rect grown{r.x - slack, r.y - slack, r.w + 2 * slack, r.h + 2 * slack};
    if (grown.contains(mouse.x, mouse.y)) return i;
  }
  return -1;
}

// Splitters only react when nothing else owns the mouse (a widget, a popup, a panel).
bool mouse_is_free() {
  return !ImGui::IsAnyItemActive() && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) &&
         !ImGui::IsWindowHovered(ImGuiHoveredFlags_AnyWindow);
}

void highlight(const Rect& r, bool active) {
  const ImU32 c = ImGui::GetColorU32(active ? ImGuiCol_SeparatorActive : ImGuiCol_SeparatorHovered);
  ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), c);
}

}  // namespace

LayoutMetrics layout_metrics(float scale, float top_bar_height) {
  LayoutMetrics m;
  m.top = top_bar_height;
  m.gap = std::round(6 * scale);
  m.min_width = std::round(220 * scale);
  m.min_height = std::round(140 * scale);
  return m;
}

void draw_gaps(const Layout& layout) {
  // Darker than the panels, so the gaps read as separators (and as handles to drag).
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  const float k = bg.x + bg.y + bg.z > 1.5f ? 0.8f : 0.55f;
  const ImU32 c = ImGui::ColorConvertFloat4ToU32(ImVec4(bg.x * k, bg.y * k, bg.z * k, 1.0f));
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  for (const Rect& r : layout.splitters)
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), c);
}

void begin_panel(const char* title, const Rect& r, ImGuiWindowFlags extra) {
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h), ImGuiCond_Always);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoBackground | extra;
  ImGui::Begin(title, nullptr, flags);
}

void end_panel() { ImGui::End(); }

bool handle_splitters(const Layout& layout, LayoutFractions& f, SplitterDrag& drag, float width,
                      float height, const LayoutMetrics& m) {
  const ImGuiIO& io = ImGui::GetIO();
  if (drag.active >= 0 && !io.MouseDown[0]) drag.active = -1;
  const int hovered = drag.active < 0 && mouse_is_free()
                          ? hovered_splitter(layout, io.MousePos, 2.0f)
                          : -1;
  if (hovered >= 0 && ImGui::IsMouseClicked(0)) {
    drag.active = hovered;
    drag.start = f;
    drag.mouse0 = io.MousePos;
  }
  const int shown = drag.active >= 0 ? drag.active : hovered;
  if (shown < 0) return false;
  ImGui::SetMouseCursor(is_vertical_gap(shown) ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
  highlight(layout.splitters[shown], drag.active >= 0);
  if (drag.active < 0) return false;
  const LayoutFractions before = f;
  f = drag_splitter(drag.start, Splitter(drag.active), io.MousePos.x - drag.mouse0.x,
                    io.MousePos.y - drag.mouse0.y, width, height, m);
  return !(f == before);
}

}  // namespace nnplay::gui
