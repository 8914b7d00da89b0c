// The data canvas: layout, mouse and keyboard handling, and the order things are drawn in.
// Drawing helpers live in canvas_overlay.cpp, the toolbar in canvas_toolbar.cpp, and the
// decision boundary itself in gfx/boundary_renderer (a GLSL shader over a float texture).
#include "app/gui/panels/data_canvas.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>  // SetItemUsingMouseWheel: the wheel zooms instead of scrolling

#include <algorithm>
#include <cmath>

#include "app/gui/gfx/boundary_renderer.h"
#include "app/gui/gfx/point_renderer.h"
#include "app/gui/panels/canvas_parts.h"
#include "app/gui/theme/palette.h"

namespace nnplay::gui {

namespace {

using canvas::Frame;

constexpr double kReportInterval = 0.1;  // s: rebuild the dataset at most 10x/s mid-stroke
constexpr double kDabInterval = 0.08;    // s: a brush held still keeps spraying at this rate

void handle_shortcuts(CanvasState& ui, PointSet& points, CanvasResult& result) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || ui.stroke_active) return;
  if (io.KeyCtrl) {
    const bool z = ImGui::IsKeyPressed(GLFW_KEY_Z, false);
    if ((z && io.KeyShift) || ImGui::IsKeyPressed(GLFW_KEY_Y, false)) {
      canvas::redo(ui, points, result);
    } else if (z) {
      canvas::undo(ui, points, result);
    }
    return;
  }
  if (io.KeyAlt || io.KeySuper) return;
  for (int k = 0; k < 8; ++k) {
    if (ImGui::IsKeyPressed(GLFW_KEY_1 + k, false) && points.task == Task::Classification) {
      canvas::select_class(ui, points, k, result);
    }
  }
}

// The plot area: what is left of the window below the toolbar, minus room for tick labels.
Frame layout_frame() {
  const float fs = ImGui::GetFontSize();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float left = fs * 2.4f, bottom = fs * 1.5f;
  Frame f;
  f.min = ImVec2(origin.x + left, origin.y + fs * 0.3f);
  f.max = ImVec2(origin.x + avail.x - fs * 0.3f, origin.y + avail.y - bottom);
  f.rect = {f.min.x, f.min.y, std::max(0.0f, f.max.x - f.min.x), std::max(0.0f, f.max.y - f.min.y)};
  f.point_radius = fs * 0.27f;
  return f;
}

double new_label(CanvasState& ui, PointSet& points) {
  if (points.task == Task::Regression) return ui.regression_value;
  // After an undo the active class may lie beyond num_classes: drawing it brings it back.
  points.num_classes = std::max(points.num_classes, ui.active_class + 1);
  return ui.active_class;
}

void begin_stroke(CanvasState& ui, PointSet& points, Vec2d w, double pick_radius) {
  ui.undo.push(points);
  ui.stroke_active = true;
  ui.stroke_changed = false;
  ui.last_dab = {1e300, 1e300};
  ui.drag_index = -1;
  if (ui.tool == CanvasTool::Drag) {
    const auto idx = nearest_point(points, w.x, w.y, pick_radius);
    if (idx) ui.drag_index = static_cast<long>(*idx);
  }
}

void continue_stroke(CanvasState& ui, PointSet& points, Vec2d w, bool first,
                     const SplitFractions& splits, Rng& rng) {
  const double now = ImGui::GetTime();
  switch (ui.tool) {
    case CanvasTool::Brush: {
      const double moved = std::hypot(w.x - ui.last_dab.x, w.y - ui.last_dab.y);
      if (first || moved >= 0.5 * ui.brush_radius || now - ui.last_dab_time >= kDabInterval) {
        const double label = new_label(ui, points);
        if (spray_points(points, w.x, w.y, ui.brush_radius, ui.brush_density, label, splits, rng))
          ui.stroke_changed = ui.pending_change = true;
        ui.last_dab = w;
        ui.last_dab_time = now;
      }
      break;
    }
    case CanvasTool::Single:
      if (first) {
        add_point(points, w.x, w.y, new_label(ui, points), splits, rng);
        ui.stroke_changed = ui.pending_change = true;
      }
      break;
    case CanvasTool::Eraser:
      if (erase_points(points, w.x, w.y, ui.brush_radius) > 0)
        ui.stroke_changed = ui.pending_change = true;
      break;
    case CanvasTool::Drag:
      if (ui.drag_index >= 0 && !first) {
        move_point(points, static_cast<size_t>(ui.drag_index), w.x, w.y);
        ui.stroke_changed = ui.pending_change = true;
      }
      break;
    case CanvasTool::Pan:
      break;
  }
}

void end_stroke(CanvasState& ui) {
  // A stroke that changed nothing (erasing empty space) must not leave an empty undo step.
  if (!ui.stroke_changed) ui.undo.drop_last();
  ui.stroke_active = false;
  ui.drag_index = -1;
}

void handle_mouse(CanvasState& ui, PointSet& points, const Frame& f, bool hovered, bool active,
                  const SplitFractions& splits, Rng& rng) {
  const ImGuiIO& io = ImGui::GetIO();
  const Vec2d w = screen_to_world(ui.view, f.rect, {io.MousePos.x, io.MousePos.y});
  if (hovered && io.MouseWheel != 0) {
    zoom_about(ui.view, f.rect, {io.MousePos.x, io.MousePos.y}, std::pow(1.15, io.MouseWheel));
  }
  const bool panning = active && (io.MouseDown[1] || io.MouseDown[2] ||
                                  (ui.tool == CanvasTool::Pan && io.MouseDown[0]));
  // Not on the press frame: its MouseDelta is motion from before the button went down.
  if (panning && ui.panning) pan_by_pixels(ui.view, f.rect, io.MouseDelta.x, io.MouseDelta.y);
  if (panning) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
  ui.panning = panning;
  const bool editing_tool = ui.tool != CanvasTool::Pan;
  if (!ui.stroke_active && editing_tool && hovered && ImGui::IsMouseClicked(0)) {
    begin_stroke(ui, points, w, 12.0 / pixels_per_unit(ui.view, f.rect));
    continue_stroke(ui, points, w, true, splits, rng);
  } else if (ui.stroke_active && io.MouseDown[0]) {
    continue_stroke(ui, points, w, false, splits, rng);
  } else if (ui.stroke_active) {
    end_stroke(ui);
  }
}

// data_changed at most every kReportInterval during a stroke, and always when it ends.
void report_changes(CanvasState& ui, CanvasResult& result) {
  const double now = ImGui::GetTime();
  if (ui.pending_change &&
      (!ui.stroke_active || now - ui.last_report_time >= kReportInterval)) {
    result.data_changed = true;
  }
  if (result.data_changed) {
    ui.pending_change = false;
    ui.last_report_time = now;
  }
}

void draw_boundary(CanvasState& ui, ImDrawList* dl, const Frame& f, const Snapshot* snap,
                   const PointSet& points) {
  // The plain background only where no boundary covers it: software GL pays for every layer.
  const DecisionGrid* g = ui.renderer->grid();
  BoundaryStyle style;
  if (!snap || !g || !ui.renderer->ready() || !boundary_mode_for(*g, snap->task, style)) {
    dl->AddRectFilled(f.min, f.max, palette().diverging_u32(0));
    return;
  }
  style.discretize = ui.discretize;
  style.threshold = ui.threshold;
  const ValueRange range = value_range(points);
  style.value_lo = static_cast<float>(range.lo);
  style.value_hi = static_cast<float>(range.hi);
  // Placed by the world rectangle it was computed for: it may lag the view while panning.
  const GridRequest& r = g->request;
  const ImVec2 a = f.to_screen(ui.view, r.x_min, r.y_max);
  const ImVec2 b = f.to_screen(ui.view, r.x_max, r.y_min);
  ui.renderer->draw(dl, a, b, style);
}

void draw_cursor(const CanvasState& ui, ImDrawList* dl, const Frame& f) {
  if (ui.tool != CanvasTool::Brush && ui.tool != CanvasTool::Eraser) return;
  const ImVec2 m = ImGui::GetIO().MousePos;
  const float r = static_cast<float>(ui.brush_radius * pixels_per_unit(ui.view, f.rect));
  dl->AddCircle(m, r, IM_COL32(0, 0, 0, 200), 0, 2.5f);
  dl->AddCircle(m, r, IM_COL32(255, 255, 255, 220), 0, 1.0f);
}

GridRequest make_request(const ViewTransform& view, const Frame& f,
                         const std::vector<std::string>& features) {
  const WorldRect w = visible_world(view, f.rect);
  GridRequest r;
  r.x_min = w.x_min;
  r.x_max = w.x_max;
  r.y_min = w.y_min;
  r.y_max = w.y_max;
  r.resolution = std::max(f.rect.w, f.rect.h) > 600 ? 256 : 128;
  r.neuron_resolution = 24;
  r.features = features;
  return r;
}

}  // namespace

CanvasResult draw_data_canvas(const Snapshot* snap, PointSet& points, const SplitFractions& splits,
                              const std::vector<std::string>& features, CanvasState& ui,
                              Rng& rng) {
  CanvasResult result;
  if (!ui.renderer) ui.renderer = std::make_shared<BoundaryRenderer>();
  if (!ui.points) ui.points = std::make_shared<PointRenderer>();
  if (snap) ui.renderer->set_grid(snap->grid);
  handle_shortcuts(ui, points, result);
  canvas::draw_toolbar(ui, points, result);

  const Frame f = layout_frame();
  if (f.rect.w < 20 || f.rect.h < 20) return result;
  ImGui::SetCursorScreenPos(f.min);
  ImGui::InvisibleButton("##canvas", ImVec2(static_cast<float>(f.rect.w), static_cast<float>(f.rect.h)),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  ImGui::SetItemUsingMouseWheel();
  handle_mouse(ui, points, f, hovered, active, splits, rng);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(f.min, f.max, true);
  draw_boundary(ui, dl, f, snap, points);
  dl->PopClipRect();
  canvas::draw_grid_lines_and_axes(dl, f, ui.view);  // tick labels sit outside the plot
  dl->PushClipRect(f.min, f.max, true);
  canvas::draw_points(dl, f, ui.view, points, ui.show_test, ui.points.get());
  canvas::draw_legend(dl, f, points, ui.show_test);
  if (hovered || ui.stroke_active) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    draw_cursor(ui, dl, f);
    canvas::draw_hover_readout(dl, f, screen_to_world(ui.view, f.rect, {m.x, m.y}), snap,
                               ui.renderer->grid(), ui.threshold);
  }
  const std::string shader_error = ui.renderer->error() + ui.points->error();
  if (!shader_error.empty()) canvas::draw_notice(dl, f, shader_error.c_str(), palette().class_u32(3));
  dl->PopClipRect();

  if (snap && snap->diverged) result.rollback = canvas::draw_divergence_banner(f, *snap);
  report_changes(ui, result);
  result.grid_request = make_request(ui.view, f, features);
  return result;
}

void release_canvas_gl(CanvasState& ui) {
  ui.renderer.reset();
  ui.points.reset();
}

}  // namespace nnplay::gui
