// Feature maps from a point's raw (x1, x2) to the network's inputs, as Playground's input
// column: hand-made features like x1^2 let a network without hidden layers draw a circle.
#pragma once
#include <string>
#include <vector>

#include "engine/core/tensor.h"
#include "engine/data/dataset.h"
#include "engine/data/points.h"

namespace nnplay {

// "x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)" in that order.
const std::vector<std::string>& feature_names();
bool is_feature_name(const std::string& name);

// Evaluates the chosen features on raw rows: out is resized to (n, features.size()) and row i
// holds the features of (x1[i], x2[i]). Used both for training and for the decision grid, so the
// grid always sees exactly what the network was trained on. Throws Error for an unknown,
// repeated or missing feature.
void apply_features(const std::vector<std::string>& features, const double* x1, const double* x2,
                    int n, Matrix& out);

// Builds the trainer's Dataset: each split's x (features) and y (N, 1). Throws Error if the
// features are empty or unknown, a class label is out of range, or the train split is empty.
// Validation and test may be empty (the trainer then skips them).
Dataset make_dataset(const PointSet& set, const std::vector<std::string>& features);

}  // namespace nnplay
