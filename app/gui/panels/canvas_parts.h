// Internal pieces of the data canvas, split over files to keep each one small:
// canvas_toolbar.cpp (tools, class/value pickers, undo/redo actions) and canvas_overlay.cpp
// (axes, points, legend, hover read-out, banners). Not part of the public API.
#pragma once
#include <imgui.h>

#include "app/gui/logic/canvas_tools.h"
#include "app/gui/logic/view_transform.h"
#include "app/gui/panels/data_canvas.h"

namespace nnplay::gui::canvas {

// Where the plot area is on screen this frame.
struct Frame {
  ScreenRect rect;
  ImVec2 min, max;
  float point_radius = 4;  // pixels
  ImVec2 to_screen(const ViewTransform& v, double x1, double x2) const {
    const Vec2d s = world_to_screen(v, rect, {x1, x2});
    return ImVec2(static_cast<float>(s.x), static_cast<float>(s.y));
  }
};

// ---- actions (canvas_toolbar.cpp), shared by buttons and keyboard shortcuts
void undo(CanvasState& ui, PointSet& points, CanvasResult& result);
void redo(CanvasState& ui, PointSet& points, CanvasResult& result);
// Makes k (0..7) the active class, adding classes up to k (one undo step) if needed.
void select_class(CanvasState& ui, PointSet& points, int k, CanvasResult& result);
void clear_points(CanvasState& ui, PointSet& points, CanvasResult& result);

// ---- toolbar (canvas_toolbar.cpp): two rows above the plot
void draw_toolbar(CanvasState& ui, PointSet& points, CanvasResult& result);

// ---- drawing (canvas_overlay.cpp)
ImU32 point_color(const PointSet& set, const Point& p, const ValueRange& range);
void draw_grid_lines_and_axes(ImDrawList* dl, const Frame& f, const ViewTransform& v);
// Through the point renderer's shader when it compiled, else as ImGui shapes.
void draw_points(ImDrawList* dl, const Frame& f, const ViewTransform& v, const PointSet& set,
                 bool show_test, PointRenderer* renderer);
void draw_legend(ImDrawList* dl, const Frame& f, const PointSet& set, bool show_test);
// World coordinates under the mouse and what the network predicts there (from the grid), with
// a binary classifier's class decided by the same threshold the boundary is drawn at.
void draw_hover_readout(ImDrawList* dl, const Frame& f, Vec2d world, const Snapshot* snap,
                        const DecisionGrid* grid, float threshold);
// A boxed message at the top of the plot (shader errors).
void draw_notice(ImDrawList* dl, const Frame& f, const char* text, ImU32 border);
// The divergence banner with its "Roll back" button; true when the button was pressed.
bool draw_divergence_banner(const Frame& f, const Snapshot& snap);

}  // namespace nnplay::gui::canvas
