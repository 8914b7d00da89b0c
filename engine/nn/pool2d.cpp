#include "engine/nn/pool2d.h"

#include <algorithm>
#include <cmath>

namespace nnplay {

Pool2D::Pool2D(Shape in, int kernel, int stride)
    : in_(in),
      k_(kernel),
      s_(stride),
      out_h_((in.h - kernel) / stride + 1),
      out_w_((in.w - kernel) / stride + 1) {}

void MaxPool2D::forward(const Scalar*, const Matrix& x, LayerBuffers& buf, bool) const {
  const int plane_in = in_.h * in_.w, out_size = output_shape().size();
  buf.a.resize(x.rows(), out_size);
  if (buf.scratch.empty()) buf.scratch.resize(1);
  Matrix& arg = buf.scratch[0];
  arg.resize(x.rows(), out_size);
  for (Eigen::Index b = 0; b < x.rows(); ++b) {
    const Scalar* xb = x.data() + b * x.cols();
    Scalar* ab = buf.a.data() + b * out_size;
    Scalar* gb = arg.data() + b * out_size;
    for (int c = 0; c < in_.c; ++c) {
      const Scalar* xc = xb + size_t(c) * plane_in;
      for (int i = 0; i < out_h_; ++i)
        for (int j = 0; j < out_w_; ++j) {
          const Scalar* win = xc + size_t(i * s_) * in_.w + j * s_;
          Scalar best = win[0];
          int where = 0;
          for (int ki = 0; ki < k_; ++ki)
            for (int kj = 0; kj < k_; ++kj) {
              const Scalar v = win[ki * in_.w + kj];
              // First maximum wins ties; a NaN wins so it propagates, as in PyTorch.
              if (v > best || std::isnan(v)) {
                best = v;
                where = ki * k_ + kj;
              }
            }
          const int o = (c * out_h_ + i) * out_w_ + j;
          ab[o] = best;
          gb[o] = static_cast<Scalar>(where);
        }
    }
  }
}

void MaxPool2D::backward(const Scalar*, const Matrix& x, LayerBuffers& buf, const Matrix& da,
                         Matrix* dx, Scalar*) const {
  if (!dx) return;
  const int plane_in = in_.h * in_.w, out_size = output_shape().size();
  dx->setZero(x.rows(), x.cols());
  const Matrix& arg = buf.scratch[0];
  for (Eigen::Index b = 0; b < x.rows(); ++b) {
    const Scalar* db = da.data() + b * out_size;
    const Scalar* gb = arg.data() + b * out_size;
    Scalar* xb = dx->data() + b * dx->cols();
    for (int c = 0; c < in_.c; ++c)
      for (int i = 0; i < out_h_; ++i)
        for (int j = 0; j < out_w_; ++j) {
          const int o = (c * out_h_ + i) * out_w_ + j;
          const int where = static_cast<int>(gb[o]);
          const int y = i * s_ + where / k_, x0 = j * s_ + where % k_;
          xb[size_t(c) * plane_in + size_t(y) * in_.w + x0] += db[o];  // += : windows may overlap
        }
  }
}

void AvgPool2D::forward(const Scalar*, const Matrix& x, LayerBuffers& buf, bool) const {
  const int plane_in = in_.h * in_.w, out_size = output_shape().size();
  const Scalar scale = Scalar(1) / Scalar(k_ * k_);
  buf.a.resize(x.rows(), out_size);
  for (Eigen::Index b = 0; b < x.rows(); ++b) {
    const Scalar* xb = x.data() + b * x.cols();
    Scalar* ab = buf.a.data() + b * out_size;
    for (int c = 0; c < in_.c; ++c)
      for (int i = 0; i < out_h_; ++i)
        for (int j = 0; j < out_w_; ++j) {
          const Scalar* win = xb + size_t(c) * plane_in + size_t(i * s_) * in_.w + j * s_;
          Scalar sum = 0;
          for (int ki = 0; ki < k_; ++ki)
            for (int kj = 0; kj < k_; ++kj) sum += win[ki * in_.w + kj];
          ab[(c * out_h_ + i) * out_w_ + j] = sum * scale;
        }
  }
}

void AvgPool2D::backward(const Scalar*, const Matrix& x, LayerBuffers&, const Matrix& da,
                         Matrix* dx, Scalar*) const {
  if (!dx) return;
  const int plane_in = in_.h * in_.w, out_size = output_shape().size();
  const Scalar scale = Scalar(1) / Scalar(k_ * k_);
  dx->setZero(x.rows(), x.cols());
  for (Eigen::Index b = 0; b < x.rows(); ++b) {
    const Scalar* db = da.data() + b * out_size;
    Scalar* xb = dx->data() + b * dx->cols();
    for (int c = 0; c < in_.c; ++c)
      for (int i = 0; i < out_h_; ++i)
        for (int j = 0; j < out_w_; ++j) {
          const Scalar g = db[(c * out_h_ + i) * out_w_ + j] * scale;
          Scalar* win = xb + size_t(c) * plane_in + size_t(i * s_) * in_.w + j * s_;
          for (int ki = 0; ki < k_; ++ki)
            for (int kj = 0; kj < k_; ++kj) win[ki * in_.w + kj] += g;
        }
  }
}

}  // namespace nnplay
