// The network of a snapshot evaluated on the UI thread, for the Metrics and Fit views. Cheap
// for the few hundred points of 2D data; callers cache the result per params_version, so it
// runs when the weights change, never every frame.
#pragma once
#include "engine/core/tensor.h"
#include "engine/train/snapshot.h"

namespace nnplay::gui {

// What the user sees for rows x (after feature maps): probabilities or values, (N, outputs).
// Returns false (out untouched) when the snapshot has no usable parameters.
bool predict_with_snapshot(const Snapshot& snap, const Matrix& x, Matrix& out);

}  // namespace nnplay::gui
