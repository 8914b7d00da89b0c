// The network of a snapshot evaluated on the UI thread, for the Metrics and Fit views, through
// the shared InspectorCache (one network, only its parameters refreshed). Cheap for the few
// hundred points of 2D data; callers cache the result per params_version, so it runs when the
// weights change, never every frame.
#pragma once
#include "app/gui/panels/image_common.h"
#include "engine/core/tensor.h"
#include "engine/train/snapshot.h"

namespace nnplay::gui {

// What the user sees for rows x (after feature maps): probabilities or values, (N, outputs).
// Returns false (out untouched) when the snapshot has no usable parameters.
bool predict_with_snapshot(InspectorCache& cache, const Snapshot& snap, const Matrix& x, Matrix& out);

}  // namespace nnplay::gui
