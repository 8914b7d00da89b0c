// Plain nested-loop convolution: the definition the fast im2col + GEMM path in conv2d.cpp must
// agree with (tests compare the two), and the clearest place to read what a conv layer computes:
//   z[b][o][i][j] = bias[o] + sum_{c,ki,kj} w[o][c][ki][kj] * x[b][c][i*s - p + ki][j*s - p + kj]
// with x read as zero outside the image (zero padding).
#pragma once
#include "engine/core/tensor.h"

namespace nnplay {

// The shapes of one convolution. Output size per axis: (in + 2*padding - kernel) / stride + 1.
struct ConvGeometry {
  Shape in;
  int out_channels = 1, kernel = 3, stride = 1, padding = 0;

  int out_h() const { return (in.h + 2 * padding - kernel) / stride + 1; }
  int out_w() const { return (in.w + 2 * padding - kernel) / stride + 1; }
  Shape out() const { return {out_channels, out_h(), out_w()}; }
  // Length of one weight row: one output channel's view of one receptive field.
  int patch_size() const { return in.c * kernel * kernel; }
};

// x (B, C*H*W), weight (out_c, C*k*k) row-major, bias (out_c) -> z (B, out_c*out_h*out_w),
// the pre-activation. z is resized.
void conv2d_forward_naive(const ConvGeometry& g, const Matrix& x, const Scalar* weight,
                          const Scalar* bias, Matrix& z);

// dz (B, out) = dL/dz. ADDS dL/dweight and dL/dbias into grad_weight/grad_bias and ASSIGNS
// dL/dx to *dx (resized) unless dx is null.
void conv2d_backward_naive(const ConvGeometry& g, const Matrix& x, const Scalar* weight,
                           const Matrix& dz, Matrix* dx, Scalar* grad_weight, Scalar* grad_bias);

}  // namespace nnplay
