// The live confusion matrix of the samples view: one row per true class, one column per
// predicted class, coloured by the share of the row, so the diagonal is what the network gets
// right and bright cells off it are the classes it mixes up. Clicking a cell picks its images.
#pragma once
#include "engine/train/predictions.h"
#include "engine/train/snapshot.h"

namespace nnplay::gui {

// Draws the matrix into a size x size region at the cursor. *true_class / *predicted_class
// are the selected cell (-1 = none); a click selects a cell, a second click clears it.
void draw_confusion_matrix(const Snapshot& snap, const Predictions& p, float size, int* true_class,
                           int* predicted_class);

}  // namespace nnplay::gui
