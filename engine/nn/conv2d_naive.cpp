#include "engine/nn/conv2d_naive.h"

namespace nnplay {

namespace {
// Visits every (output position, weight) pair once; fn(x_index, w_index, z_index) with
// x_index = -1 when the weight falls on zero padding.
template <typename Fn>
void for_each_tap(const ConvGeometry& g, Fn&& fn) {
  const int k = g.kernel, oh = g.out_h(), ow = g.out_w();
  for (int o = 0; o < g.out_channels; ++o)
    for (int i = 0; i < oh; ++i)
      for (int j = 0; j < ow; ++j)
        for (int c = 0; c < g.in.c; ++c)
          for (int ki = 0; ki < k; ++ki)
            for (int kj = 0; kj < k; ++kj) {
              const int y = i * g.stride - g.padding + ki, x = j * g.stride - g.padding + kj;
              const bool inside = y >= 0 && y < g.in.h && x >= 0 && x < g.in.w;
              fn(inside ? (c * g.in.h + y) * g.in.w + x : -1,
                 o * g.patch_size() + (c * k + ki) * k + kj, (o * oh + i) * ow + j);
            }
}
}  // namespace

void conv2d_forward_naive(const ConvGeometry& g, const Matrix& x, const Scalar* weight,
                          const Scalar* bias, Matrix& z) {
  const int plane = g.out_h() * g.out_w();
  z.resize(x.rows(), g.out().size());
  for (Eigen::Index b = 0; b < x.rows(); ++b) {
    Scalar* zb = z.data() + b * z.cols();
    const Scalar* xb = x.data() + b * x.cols();
    for (int o = 0; o < g.out_channels; ++o)
      for (int p = 0; p < plane; ++p) zb[o * plane + p] = bias[o];
    for_each_tap(g, [&](int xi, int wi, int zi) {
      if (xi >= 0) zb[zi] += weight[wi] * xb[xi];
    });
  }
}

void conv2d_backward_naive(const ConvGeometry& g, const Matrix& x, const Scalar* weight,
                           const Matrix& dz, Matrix* dx, Scalar* grad_weight, Scalar* grad_bias) {
  const int plane = g.out_h() * g.out_w();
  if (dx) dx->setZero(x.rows(), x.cols());
  for (Eigen::Index b = 0; b < x.rows(); ++b) {
    const Scalar* dzb = dz.data() + b * dz.cols();
    const Scalar* xb = x.data() + b * x.cols();
    Scalar* dxb = dx ? dx->data() + b * dx->cols() : nullptr;
    // dL/dbias[o] sums dL/dz over every position of channel o.
    for (int o = 0; o < g.out_channels; ++o)
      for (int p = 0; p < plane; ++p) grad_bias[o] += dzb[o * plane + p];
    // Each tap z += w * x sends dz * x to the weight and dz * w to the input pixel.
    for_each_tap(g, [&](int xi, int wi, int zi) {
      if (xi < 0) return;
      grad_weight[wi] += dzb[zi] * xb[xi];
      if (dxb) dxb[xi] += dzb[zi] * weight[wi];
    });
  }
}

}  // namespace nnplay
