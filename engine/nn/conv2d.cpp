#include "engine/nn/conv2d.h"

#include <algorithm>
#include <cstring>

namespace nnplay {

namespace {

// Target size of one group's im2col columns, in scalars (256 KB in float): big enough for
// efficient GEMMs, small enough to stay in L2 between im2col and the product.
constexpr Eigen::Index kGroupScalars = 64 * 1024;

// Scratch slots in LayerBuffers::scratch.
enum Slot { kCol = 0, kProduct = 1, kColGrad = 2, kSlots = 3 };

// A scratch buffer of at least n scalars; grows, never shrinks, so steps do not reallocate.
Scalar* reserve(Matrix& m, Eigen::Index n) {
  if (m.size() < n) m.resize(1, n);
  return m.data();
}

// Output columns [lo, hi) of one kernel tap (ki or kj fixed) read inside the image; the rest
// fall on padding. in = image extent, out = output extent, offset = tap - padding.
inline void valid_range(int in, int out, int stride, int offset, int& lo, int& hi) {
  // Need 0 <= o*stride + offset < in.
  lo = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
  const int last = in - 1 - offset;  // largest o*stride allowed
  hi = last < 0 ? 0 : std::min(out, last / stride + 1);
  lo = std::min(lo, hi);
}

}  // namespace

void im2col(const ConvGeometry& g, const Scalar* x, Scalar* col, Eigen::Index ld) {
  const int k = g.kernel, s = g.stride, p = g.padding, oh = g.out_h(), ow = g.out_w();
  for (int c = 0; c < g.in.c; ++c) {
    const Scalar* xc = x + size_t(c) * g.in.h * g.in.w;
    for (int ki = 0; ki < k; ++ki) {
      int i_lo, i_hi;
      valid_range(g.in.h, oh, s, ki - p, i_lo, i_hi);
      for (int kj = 0; kj < k; ++kj) {
        int j_lo, j_hi;
        valid_range(g.in.w, ow, s, kj - p, j_lo, j_hi);
        Scalar* row = col + ((c * k + ki) * k + kj) * ld;
        std::fill(row, row + size_t(i_lo) * ow, Scalar(0));
        for (int i = i_lo; i < i_hi; ++i) {
          Scalar* d = row + size_t(i) * ow;
          const Scalar* src = xc + size_t(i * s + ki - p) * g.in.w + (kj - p);  // src[j*s]
          std::fill(d, d + j_lo, Scalar(0));
          if (s == 1) {
            std::memcpy(d + j_lo, src + j_lo, sizeof(Scalar) * (j_hi - j_lo));
          } else {
            for (int j = j_lo; j < j_hi; ++j) d[j] = src[j * s];
          }
          std::fill(d + j_hi, d + ow, Scalar(0));
        }
        std::fill(row + size_t(i_hi) * ow, row + size_t(oh) * ow, Scalar(0));
      }
    }
  }
}

void col2im(const ConvGeometry& g, const Scalar* col, Eigen::Index ld, Scalar* x) {
  const int k = g.kernel, s = g.stride, p = g.padding, oh = g.out_h(), ow = g.out_w();
  for (int c = 0; c < g.in.c; ++c) {
    Scalar* xc = x + size_t(c) * g.in.h * g.in.w;
    for (int ki = 0; ki < k; ++ki) {
      int i_lo, i_hi;
      valid_range(g.in.h, oh, s, ki - p, i_lo, i_hi);
      for (int kj = 0; kj < k; ++kj) {
        int j_lo, j_hi;
        valid_range(g.in.w, ow, s, kj - p, j_lo, j_hi);
        const Scalar* row = col + ((c * k + ki) * k + kj) * ld;
        for (int i = i_lo; i < i_hi; ++i) {
          const Scalar* d = row + size_t(i) * ow;
          Scalar* dst = xc + size_t(i * s + ki - p) * g.in.w + (kj - p);
          if (s == 1) {
            for (int j = j_lo; j < j_hi; ++j) dst[j] += d[j];
          } else {
            for (int j = j_lo; j < j_hi; ++j) dst[j * s] += d[j];
          }
        }
      }
    }
  }
}

Conv2D::Conv2D(Shape in, int out_channels, int kernel, int stride, int padding, Activation act,
               Initializer init)
    : g_{in, out_channels, kernel, stride, padding} {
  activation = act;
  initializer = init;
  const Eigen::Index per_sample = Eigen::Index(g_.patch_size()) * g_.out_h() * g_.out_w();
  group_ = static_cast<int>(std::max<Eigen::Index>(1, kGroupScalars / std::max<Eigen::Index>(1, per_sample)));
}

std::vector<ParamInfo> Conv2D::params() const {
  const int oc = g_.out_channels, n = g_.patch_size();
  return {{"weight", 0, oc, n, true}, {"bias", size_t(oc) * n, 1, oc, false}};
}

void Conv2D::init(Scalar* params, Rng& rng) const {
  const int oc = g_.out_channels, n = g_.patch_size(), kk = g_.kernel * g_.kernel;
  initializer.fill(params, size_t(oc) * n, n, oc * kk, rng);
  std::fill(params + size_t(oc) * n, params + size_t(oc) * (n + 1), Scalar(0));
}

void Conv2D::forward(const Scalar* params, const Matrix& x, LayerBuffers& buf, bool) const {
  const int oc = g_.out_channels, n = g_.patch_size(), plane = g_.out_h() * g_.out_w();
  const Eigen::Index batch = x.rows();
  ConstMatrixMap w(params, oc, n);
  const Scalar* bias = params + size_t(oc) * n;
  const bool linear = activation.kind == ActivationKind::Linear;
  Matrix& z = linear ? buf.a : buf.z;
  z.resize(batch, Eigen::Index(oc) * plane);
  if (buf.scratch.size() < kSlots) buf.scratch.resize(kSlots);
  const Eigen::Index max_cols = Eigen::Index(std::min<Eigen::Index>(group_, batch)) * plane;
  Scalar* col = reserve(buf.scratch[kCol], max_cols * n);
  Scalar* prod = reserve(buf.scratch[kProduct], max_cols * oc);

  for (Eigen::Index b0 = 0; b0 < batch; b0 += group_) {
    const Eigen::Index count = std::min<Eigen::Index>(group_, batch - b0);
    const Eigen::Index cols = count * plane;  // samples side by side: (n, count*plane)
    for (Eigen::Index s = 0; s < count; ++s) im2col(g_, x.data() + (b0 + s) * x.cols(), col + s * plane, cols);
    MatrixMap out(prod, oc, cols);
    out.noalias() = w * ConstMatrixMap(col, n, cols);
    // out is (oc, sample, position); z rows are (sample: oc, position). Add the bias on the way.
    for (Eigen::Index s = 0; s < count; ++s) {
      Scalar* zs = z.data() + (b0 + s) * z.cols();
      for (int o = 0; o < oc; ++o) {
        const Scalar* src = prod + o * cols + s * plane;
        Scalar* dst = zs + size_t(o) * plane;
        for (int q = 0; q < plane; ++q) dst[q] = src[q] + bias[o];
      }
    }
  }
  if (!linear) activation.apply(buf.z, buf.a);
}

void Conv2D::backward(const Scalar* params, const Matrix& x, LayerBuffers& buf, const Matrix& da,
                      Matrix* dx, Scalar* grads) const {
  const int oc = g_.out_channels, n = g_.patch_size(), plane = g_.out_h() * g_.out_w();
  const Eigen::Index batch = x.rows();
  const Matrix* dz = &da;
  if (activation.kind != ActivationKind::Linear) {
    activation.backward(buf.z, buf.a, da, buf.dz);
    dz = &buf.dz;
  }
  ConstMatrixMap w(params, oc, n);
  MatrixMap gw(grads, oc, n);
  Scalar* gb = grads + size_t(oc) * n;
  // dL/dbias[o] sums dz over every position of channel o in every sample.
  for (Eigen::Index b = 0; b < batch; ++b)
    for (int o = 0; o < oc; ++o)
      gb[o] += ConstRowVectorMap(dz->data() + b * dz->cols() + size_t(o) * plane, plane).sum();

  if (buf.scratch.size() < kSlots) buf.scratch.resize(kSlots);
  const Eigen::Index max_cols = Eigen::Index(std::min<Eigen::Index>(group_, batch)) * plane;
  Scalar* col = reserve(buf.scratch[kCol], max_cols * n);
  Scalar* dzg = reserve(buf.scratch[kProduct], max_cols * oc);
  Scalar* dcol = dx ? reserve(buf.scratch[kColGrad], max_cols * n) : nullptr;
  if (dx) dx->resize(batch, x.cols());

  for (Eigen::Index b0 = 0; b0 < batch; b0 += group_) {
    const Eigen::Index count = std::min<Eigen::Index>(group_, batch - b0);
    const Eigen::Index cols = count * plane;
    // Gather dz of the group into (oc, sample, position), the layout of the forward product.
    for (Eigen::Index s = 0; s < count; ++s) {
      const Scalar* zs = dz->data() + (b0 + s) * dz->cols();
      for (int o = 0; o < oc; ++o)
        std::memcpy(dzg + o * cols + s * plane, zs + size_t(o) * plane, sizeof(Scalar) * plane);
    }
    // Recomputing im2col is cheaper than keeping every sample's columns from forward.
    for (Eigen::Index s = 0; s < count; ++s) im2col(g_, x.data() + (b0 + s) * x.cols(), col + s * plane, cols);
    ConstMatrixMap dzm(dzg, oc, cols);
    // z = W col  =>  dL/dW = dz col^T  and  dL/dcol = W^T dz.
    gw.noalias() += dzm * ConstMatrixMap(col, n, cols).transpose();
    if (!dx) continue;
    MatrixMap(dcol, n, cols).noalias() = w.transpose() * dzm;
    for (Eigen::Index s = 0; s < count; ++s) {
      Scalar* dxs = dx->data() + (b0 + s) * dx->cols();
      std::fill(dxs, dxs + dx->cols(), Scalar(0));
      col2im(g_, dcol + s * plane, cols, dxs);
    }
  }
}

}  // namespace nnplay
