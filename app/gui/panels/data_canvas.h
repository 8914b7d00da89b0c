// The data canvas: the points over the network's decision boundary, with the drawing tools
// (brush, single point, eraser, drag, pan/zoom), undo/redo and the divergence banner.
// The caller (the shell) owns the window; this draws into the current window's free region.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/logic/undo_stack.h"
#include "app/gui/logic/view_transform.h"
#include "engine/core/rng.h"
#include "engine/data/points.h"
#include "engine/train/snapshot.h"

namespace nnplay::gui {

class BoundaryRenderer;  // GL resources (app/gui/gfx/boundary_renderer.h)
class PointRenderer;     // (app/gui/gfx/point_renderer.h)

enum class CanvasTool { Brush, Single, Eraser, Drag, Pan };

struct CanvasState {
  CanvasTool tool = CanvasTool::Brush;
  int active_class = 0;           // 0..7, classification
  float regression_value = 0.5f;  // label of new points in regression mode
  float brush_radius = 0.6f;      // world units (brush and eraser)
  float brush_density = 6.0f;     // points per square world unit per dab
  ViewTransform view = default_view();
  UndoStack undo;
  bool discretize = false;        // hard class colours instead of confidence shading
  bool show_test = true;          // draw test points (hidden: students can't "peek")
  std::string csv_path = "points.csv";  // data controls: CSV import/export path
  std::string csv_status;               // data controls: last import/export message
  bool csv_failed = false;              // ... and whether it reports a failure

  // --- interaction state between frames (not settings)
  bool stroke_active = false;     // left button held on the canvas with an editing tool
  bool stroke_changed = false;    // the current stroke modified the points
  bool pending_change = false;    // data changed but not reported yet (rate limit)
  double last_report_time = -1;   // ImGui time of the last data_changed
  Vec2d last_dab{1e300, 1e300};   // world position of the last brush dab
  double last_dab_time = 0;
  long drag_index = -1;           // point being dragged
  bool panning = false;

  // Lazily created on the main thread (needs a GL context). Call release_canvas_gl() before
  // the GL context goes away.
  // Binary classification: the probability above which a point is called class 1. The
  // Metrics view moves it; the boundary contour and colours follow.
  float threshold = 0.5f;

  std::shared_ptr<BoundaryRenderer> renderer;
  std::shared_ptr<PointRenderer> points;
};

struct CanvasResult {
  bool data_changed = false;  // points edited: rebuild the Dataset and send cmd::ReplaceData.
                              // points.num_classes may have grown (class picker): adapt the
                              // network's output layer if so.
  bool task_changed = false;  // an undo/redo crossed a problem-type change: set exp.task =
                              // points.task and handle like DataControlsResult::task_changed
  std::optional<nnplay::GridRequest> grid_request;  // every frame; send cmd::SetGrid if it
                                                    // differs from the last one sent
  bool rollback = false;      // the user pressed "Roll back" on the divergence banner
};

// Draws into the current window region (the caller owns Begin/End and the size). snap may be
// null. `features` are the experiment's feature maps, copied into grid_request.
// Handles Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (undo/redo) and keys 1-8 (class) when no text field
// is active. GL calls: main thread only.
CanvasResult draw_data_canvas(const nnplay::Snapshot* snap, nnplay::PointSet& points,
                              const nnplay::SplitFractions& splits,
                              const std::vector<std::string>& features, CanvasState& ui,
                              nnplay::Rng& rng);

// Frees the canvas's GL objects; call while the GL context is still current.
void release_canvas_gl(CanvasState& ui);

}  // namespace nnplay::gui
