// Data as the trainer sees it: three splits of rows ready to gather into minibatches.
// Points drawn in 2D become feature rows (after feature maps); images stay 8-bit and are
// converted to floats per batch, so Fashion-MNIST costs 47 MB, not 188.
#pragma once
#include <string>
#include <vector>

#include "engine/core/tensor.h"

namespace nnplay {

enum class Task { Classification, Regression };

struct DataSplit {
  Matrix x;                     // (N, features) for point data; empty for images
  std::vector<uint8_t> pixels;  // (N, C*H*W) row-major 8-bit images, converted on gather:
  int pixel_width = 0;          // C*H*W when pixels is used
  // a pixel p becomes p * pixel_scale + pixel_offset: p / 255 by default, or standardised
  // ((p / 255 - mean) / std over the training pixels) when the experiment asks for it.
  Scalar pixel_scale = Scalar(1) / Scalar(255), pixel_offset = 0;
  Matrix y;                     // (N, 1): class index or regression value

  int rows() const { return static_cast<int>(y.rows()); }
  // Copies rows idx[0..n) into x (n, features) and y (n, 1), resizing them only when needed.
  void gather(const int* idx, int n, Matrix& x_out, Matrix& y_out) const;
  // All rows, in order (for evaluation).
  void gather_all(Matrix& x_out, Matrix& y_out) const;
};

struct Dataset {
  Task task = Task::Classification;
  int num_classes = 2;                     // classification only
  Shape input;                             // per-sample shape
  std::vector<std::string> feature_names;  // point data: "x1", "x1^2", ...
  std::vector<std::string> class_names;    // optional, for image data ("T-shirt", ...)
  DataSplit train, validation, test;
};

}  // namespace nnplay
