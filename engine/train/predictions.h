// What the network currently says about the validation images: its three most probable classes
// for each image and the confusion matrix over them. The trainer computes this on its own
// thread every second or two (a few thousand forward passes), so the sample gallery and the
// confusion matrix update live while the window only reads the result.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "engine/core/tensor.h"

namespace nnplay {

struct Predictions {
  static constexpr int kTop = 3;
  uint64_t params_version = 0;  // which parameters produced it
  long step = 0;
  int classes = 0;
  std::vector<int> rows;   // validation row of entry i
  std::vector<int> truth;  // its true class
  // Most probable classes first; -1 / 0 when there are fewer than kTop classes.
  std::vector<std::array<int, kTop>> top;
  std::vector<std::array<float, kTop>> top_prob;
  std::vector<int> confusion;  // classes x classes, row-major: row = true class, col = predicted

  int size() const { return static_cast<int>(rows.size()); }
  int predicted(int i) const { return top[i][0]; }
  bool correct(int i) const { return top[i][0] == truth[i]; }
  int count(int true_class, int predicted_class) const {
    return confusion[size_t(true_class) * classes + predicted_class];
  }
  double accuracy() const;  // fraction of entries predicted correctly (0 when empty)
};

// probs: (N, classes) softmax rows, or (N, 1) P(class 1) of a binary sigmoid output.
// labels: (N, 1) class indices. rows: the validation row of each of the N entries.
// Throws Error on mismatched shapes or a label outside [0, classes).
Predictions make_predictions(const Matrix& probs, const Matrix& labels, const std::vector<int>& rows,
                             int classes);

// Which entries a gallery shows, in order. Entries whose true class is not true_class (when
// >= 0) or whose prediction is not predicted_class (when >= 0) are left out, so a confusion
// cell selects its images. With misclassified_first the wrong ones come first, the most
// confidently wrong at the front (those are the instructive ones); otherwise entry order.
std::vector<int> gallery_order(const Predictions& p, bool misclassified_first, int true_class = -1,
                               int predicted_class = -1);

}  // namespace nnplay
