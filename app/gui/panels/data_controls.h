// Data controls: dataset preset, noise, point count, regenerate, train/validation/test split,
// problem type and CSV import/export. Every change to the points goes through the canvas's
// undo stack first, so Ctrl+Z undoes a regenerate as it undoes a brush stroke.
#pragma once
#include <string>

#include "app/gui/panels/data_canvas.h"
#include "engine/experiment/experiment.h"

namespace nnplay::gui {

struct DataControlsResult {
  bool data_changed = false;      // exp.data.points changed: rebuild the Dataset (ReplaceData)
  bool task_changed = false;      // exp.task changed (points regenerated for the new task): the
                                  // shell adapts loss and output layer, then ReplaceNetwork
  bool features_changed = false;  // exp.features changed (not set by this panel today)
  std::string error;              // a failed import/export/generate; the points are unchanged
};

// Draws the controls into the current window. Modifies exp.data (generator spec, points,
// source), exp.splits and exp.task.
void draw_data_controls(nnplay::Experiment& exp, CanvasState& ui, DataControlsResult& out);

}  // namespace nnplay::gui
