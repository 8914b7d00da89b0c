// The Metrics view's pictures: the confusion matrix as a grid of counts, and the ROC curve with
// the operating point of the current threshold.
#pragma once
#include <imgui.h>

#include "engine/metrics/metrics.h"

namespace nnplay::gui {

// Rows are the true class, columns the prediction; each cell is shaded by its share of its row.
// Binary matrices also name the cells TN, FP, FN, TP. Takes `side` pixels square.
void draw_confusion_matrix(const nnplay::ClassificationMetrics& m, float side);

// ROC curve, chance diagonal, AUC in the title and a dot at (fpr, tpr) of the current threshold.
void draw_roc_curve(const nnplay::RocCurve& roc, double fpr, double tpr, ImVec2 size);

}  // namespace nnplay::gui
