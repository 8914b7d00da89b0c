// The ImGui side of the layout: fixed panel windows placed by layout_math, and the draggable
// gaps between them (ImGui 1.86 has no docking, so the shell does its own splitters).
#pragma once
#include <imgui.h>

#include "app/gui/logic/layout_math.h"

namespace nnplay::gui {

// A splitter drag in progress: fractions and mouse position when it started, so the handle
// follows the mouse exactly even after hitting a limit.
struct SplitterDrag {
  int active = -1;  // Splitter index, -1 = none
  LayoutFractions start;
  ImVec2 mouse0;
};

LayoutMetrics layout_metrics(float scale, float top_bar_height);

// Panels draw no background of their own: the frame is cleared to the window colour instead
// (render_frame), which saves software renderers (llvmpipe on CI, remote desktops) a blended
// full-screen pass per frame. The gaps between panels are painted darker here.
void draw_gaps(const Layout& layout);

// Begins a fixed (not movable, not resizable) window exactly at r. Always pair with end_panel().
void begin_panel(const char* title, const Rect& r, ImGuiWindowFlags extra = 0);
void end_panel();

// Hovering a gap shows a resize cursor and a highlight; dragging moves it. Call once per frame
// after drawing the panels. Returns true while the fractions change.
bool handle_splitters(const Layout& layout, LayoutFractions& f, SplitterDrag& drag, float width,
                      float height, const LayoutMetrics& m);

}  // namespace nnplay::gui
