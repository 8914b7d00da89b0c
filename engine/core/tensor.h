// Batched tensors: one row per sample. Images are rows too, laid out channel-major (C, H, W).
// The engine is compiled in float for use and in double for finite-difference checks.
#pragma once
#include <Eigen/Dense>
#include <cstdint>
#include <vector>

namespace nnplay {

#ifdef NNPLAY_DOUBLE
using Scalar = double;
#else
using Scalar = float;
#endif

using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
using RowVector = Eigen::Matrix<Scalar, 1, Eigen::Dynamic>;
using MatrixMap = Eigen::Map<Matrix>;
using ConstMatrixMap = Eigen::Map<const Matrix>;
using RowVectorMap = Eigen::Map<RowVector>;
using ConstRowVectorMap = Eigen::Map<const RowVector>;

// The flat parameter buffer is 64-byte aligned: Eigen's matrix-vector kernels pick their
// summation order from the data's alignment, so an unaligned buffer would make results depend
// on where malloc put it and break bit-for-bit reproducibility.
using ParamVector = std::vector<Scalar, Eigen::aligned_allocator<Scalar>>;

// Per-sample feature shape. Dense data is (features, 1, 1).
struct Shape {
  int c = 1, h = 1, w = 1;
  int size() const { return c * h * w; }
  bool operator==(const Shape&) const = default;
};

}  // namespace nnplay
