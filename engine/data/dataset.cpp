#include "engine/data/dataset.h"

#include <numeric>

namespace nnplay {

void DataSplit::gather(const int* idx, int n, Matrix& x_out, Matrix& y_out) const {
  const int width = pixels.empty() ? static_cast<int>(x.cols()) : pixel_width;
  if (x_out.rows() != n || x_out.cols() != width) x_out.resize(n, width);
  if (y_out.rows() != n || y_out.cols() != y.cols()) y_out.resize(n, y.cols());
  if (pixels.empty()) {
    for (int r = 0; r < n; ++r) x_out.row(r) = x.row(idx[r]);
  } else {
    const Scalar scale = pixel_scale, offset = pixel_offset;
    for (int r = 0; r < n; ++r) {
      const uint8_t* src = pixels.data() + size_t(idx[r]) * width;
      Scalar* dst = x_out.data() + size_t(r) * width;
      for (int c = 0; c < width; ++c) dst[c] = src[c] * scale + offset;
    }
  }
  for (int r = 0; r < n; ++r) y_out.row(r) = y.row(idx[r]);
}

void DataSplit::gather_all(Matrix& x_out, Matrix& y_out) const {
  std::vector<int> idx(rows());
  std::iota(idx.begin(), idx.end(), 0);
  gather(idx.data(), rows(), x_out, y_out);
}

}  // namespace nnplay
