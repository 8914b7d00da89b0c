#include "engine/nn/conv2d.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

namespace nnplay {

namespace {

// Target size of one group's im2col columns, in scalars (64 KB in float): big enough for
// efficient GEMMs, small enough to stay in L2 between im2col and the product.
constexpr Eigen::Index kGroupScalars = 16 * 1024;

// Scratch slots in LayerBuffers::scratch.
enum Slot {
  kCol = 0,      // Gemm: im2col columns of a group of samples
  kProduct = 1,  // Gemm: W * col, or dz gathered the same way
  kColGrad = 2,  // Gemm: dL/dcol
  kPadIn = 3,    // Direct: zero-padded copy of one input image
  kPadGrad = 4,  // Direct: one output gradient, rows rounded up to whole packets
  kPadBack = 5,  // Direct: one output gradient padded by k-1-p, for dL/dx
  kFlipped = 6,  // Direct: filters flipped and transposed for dL/dx
  kGradAcc = 7,  // Direct: per-lane partial sums of dL/dW
  kStamp = 8,    // Direct: the geometry the padded buffers were zeroed for
  kSlots = 9
};

// A scratch buffer of at least n scalars; grows, never shrinks, so steps do not reallocate.
Scalar* reserve(Matrix& m, Eigen::Index n) {
  if (m.size() < n) m.resize(1, n);
  return m.data();
}

// The same, all zero when `fresh` or newly allocated. Padded copies only ever write their
// interior, so for a fixed geometry the padding stays zero from then on.
Scalar* reserve_zeroed(Matrix& m, Eigen::Index n, bool fresh) {
  if (m.size() < n || fresh) m.setZero(1, std::max(m.size(), n));
  return m.data();
}

// True (once) when buf's padded buffers were last used for another geometry: a workspace can
// outlive an edit of the network, so a layer may inherit buffers with data in the padding.
bool new_geometry(LayerBuffers& buf, const ConvGeometry& g) {
  const Scalar stamp[6] = {Scalar(g.in.c), Scalar(g.in.h), Scalar(g.in.w),
                           Scalar(g.out_channels), Scalar(g.kernel), Scalar(g.padding)};
  Matrix& m = buf.scratch[kStamp];
  if (m.size() == 6 && std::equal(stamp, stamp + 6, m.data())) return false;
  m.resize(1, 6);
  std::copy_n(stamp, 6, m.data());
  return true;
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

// ---- direct kernels (stride 1) -------------------------------------------------------------
// Eigen's packet (one SIMD register: 16 floats with AVX-512) is the unit of work: a packet
// holds 16 neighbouring outputs of one row. Rows are copied into zero-padded buffers whose
// row stride leaves room for the last packet, so loads never need masks or bounds checks.

using Packet = Eigen::internal::packet_traits<Scalar>::type;
constexpr int kLanes = Eigen::internal::packet_traits<Scalar>::size;

inline int round_up(int n, int m) { return (n + m - 1) / m * m; }

// A padded copy: `planes` planes of (h, w), rows src_stride apart in src, placed at (pad, pad)
// in planes of `rows` x `stride`. Writes only those; dst's padding must already be zero (see
// reserve_zeroed).
void pad_planes(const Scalar* src, int src_stride, int planes, int h, int w, int pad, int rows,
                int stride, Scalar* dst) {
  for (int c = 0; c < planes; ++c)
    for (int y = 0; y < h; ++y) {
      const Scalar* __restrict s = src + (size_t(c) * h + y) * src_stride;
      Scalar* __restrict d = dst + (size_t(c) * rows + y + pad) * stride + pad;
      for (int x = 0; x < w; ++x) d[x] = s[x];
    }
}

// ReLU's backward fused into the copy: dst = (z > 0 ? da : 0), planes of (h, w) into rows
// `stride` apart. Saves a pass over the (B, out) gradient for the most common activation.
void relu_backward_rows(const Scalar* da, const Scalar* z, int planes, int h, int w, int stride,
                        Scalar* dst) {
  for (int r = 0; r < planes * h; ++r) {
    const Scalar* __restrict g = da + size_t(r) * w;
    const Scalar* __restrict zr = z + size_t(r) * w;
    Scalar* __restrict d = dst + size_t(r) * stride;
    for (int x = 0; x < w; ++x) d[x] = zr[x] > 0 ? g[x] : Scalar(0);
  }
}

// Stores the first n lanes of v (n <= kLanes): one masked store with AVX-512, else through a
// temporary (a row's last packet is usually partial: LeNet's rows are 28, 14 and 10 wide).
inline void store_first(Scalar* dst, const Packet& v, int n) {
  using namespace Eigen::internal;
  if (n == kLanes) {
    pstoreu(dst, v);
    return;
  }
#if defined(EIGEN_VECTORIZE_AVX512) && defined(NNPLAY_DOUBLE)
  _mm512_mask_storeu_pd(dst, static_cast<__mmask8>((1u << n) - 1), v);
#elif defined(EIGEN_VECTORIZE_AVX512)
  _mm512_mask_storeu_ps(dst, static_cast<__mmask16>((1u << n) - 1), v);
#else
  Scalar tmp[kLanes];
  pstoreu(tmp, v);
  std::copy_n(tmp, n, dst);
#endif
}

// A stack of zero-padded planes, `rows` x `stride` each, whose rows [top, top + height) hold
// data (the others are all padding).
struct Padded {
  const Scalar* data;
  int planes, rows, stride, top, height;
};

// OB output planes (out_h x out_w, contiguous) from padded input planes:
//   out[o][i][j] = bias[o] + sum_{c,ki,kj} w[o][c][ki][kj] * in[c][i + ki][j + kj].
// The work items are packets of outputs (row i, columns j..j+kLanes), taken two at a time:
// 2*OB accumulators stay in registers, each input packet loaded is used OB times and each
// weight broadcast twice, which keeps the FMA units rather than the loads the limit. Taps on
// all-padding rows are skipped. relu, when not null, also receives max(out, 0) (the forward
// pass's ReLU, fused).
template <int OB>
void conv_rows(const Padded& in, const Scalar* w, int patch, int k, const Scalar* bias,
               int out_h, int out_w, Scalar* out, Scalar* relu) {
  using namespace Eigen::internal;
  const size_t plane = size_t(out_h) * out_w;
  const int per_row = (out_w + kLanes - 1) / kLanes, items = out_h * per_row;
  for (int t = 0; t < items; t += 2) {
    const int i0 = t / per_row, j0 = (t % per_row) * kLanes;
    const bool pair = t + 1 < items;  // else the second item repeats the first, unstored
    const int i1 = pair ? (t + 1) / per_row : i0, j1 = pair ? ((t + 1) % per_row) * kLanes : j0;
    // Rows of taps that can touch data, for either item.
    const int ki_lo = std::max(0, in.top - i1), ki_hi = std::min(k, in.top + in.height - i0);
    Packet acc0[OB], acc1[OB];
    for (int o = 0; o < OB; ++o) acc0[o] = acc1[o] = pset1<Packet>(bias ? bias[o] : Scalar(0));
    for (int c = 0; c < in.planes; ++c)
      for (int ki = ki_lo; ki < ki_hi; ++ki) {
        const Scalar* row = in.data + (size_t(c) * in.rows + ki) * in.stride;
        const Scalar* src0 = row + size_t(i0) * in.stride + j0;
        const Scalar* src1 = row + size_t(i1) * in.stride + j1;
        const Scalar* wk = w + (c * k + ki) * k;
        for (int kj = 0; kj < k; ++kj) {
          const Packet x0 = ploadu<Packet>(src0 + kj), x1 = ploadu<Packet>(src1 + kj);
          for (int o = 0; o < OB; ++o) {
            const Packet wv = pset1<Packet>(wk[o * patch + kj]);
            acc0[o] = pmadd(wv, x0, acc0[o]);
            acc1[o] = pmadd(wv, x1, acc1[o]);
          }
        }
      }
    for (int q = 0; q < (pair ? 2 : 1); ++q) {
      const int i = q ? i1 : i0, j = q ? j1 : j0, n = std::min(kLanes, out_w - j);
      for (int o = 0; o < OB; ++o) {
        const Packet v = q ? acc1[o] : acc0[o];
        const size_t at = o * plane + size_t(i) * out_w + j;
        store_first(out + at, v, n);
        if (relu) store_first(relu + at, pmax(v, pset1<Packet>(Scalar(0))), n);
      }
    }
  }
}

using ConvRowsFn = decltype(&conv_rows<1>);
constexpr int kMaxOutBlock = 8;
template <int... I>
constexpr std::array<ConvRowsFn, sizeof...(I)> conv_rows_table(std::integer_sequence<int, I...>) {
  return {&conv_rows<I + 1>...};
}
constexpr auto kConvRows = conv_rows_table(std::make_integer_sequence<int, kMaxOutBlock>{});

// All out_c planes: blocks of up to kMaxOutBlock output channels.
void direct_conv(const Padded& in, const Scalar* w, int k, const Scalar* bias, int out_c,
                 int out_h, int out_w, Scalar* out, Scalar* relu = nullptr) {
  const int patch = in.planes * k * k;
  for (int o = 0; o < out_c; o += kMaxOutBlock) {
    const int n = std::min(kMaxOutBlock, out_c - o);
    const size_t first = size_t(o) * out_h * out_w;
    kConvRows[n - 1](in, w + size_t(o) * patch, patch, k, bias ? bias + o : nullptr, out_h,
                     out_w, out + first, relu ? relu + first : nullptr);
  }
}

// Weight gradient for OB output channels and KB neighbouring taps kj0..kj0+KB of one (c, ki):
//   acc[o][kb] += sum_{i,j} dz[o][i][j] * x[c][i + ki][j + kj0 + kb]
// kept as per-lane partial sums (packets) in acc_out, reduced once per backward pass.
// dz rows are zero beyond out_w, so the lanes past the row end add nothing.
template <int OB, int KB>
void weight_grad_block(const Scalar* dz, size_t dz_plane, int dz_stride, const Scalar* x,
                       int x_stride, int out_h, int out_w, Scalar* acc_out, size_t out_stride) {
  using namespace Eigen::internal;
  Packet acc[OB][KB];
  for (int o = 0; o < OB; ++o)
    for (int t = 0; t < KB; ++t) acc[o][t] = pset1<Packet>(Scalar(0));
  // Rows innermost: the accumulators then live in registers for the whole loop.
  for (int j = 0; j < out_w; j += kLanes)
    for (int i = 0; i < out_h; ++i) {
      Packet d[OB];
      for (int o = 0; o < OB; ++o) d[o] = ploadu<Packet>(dz + o * dz_plane + size_t(i) * dz_stride + j);
      const Scalar* xr = x + size_t(i) * x_stride + j;
      for (int t = 0; t < KB; ++t) {
        const Packet xv = ploadu<Packet>(xr + t);
        for (int o = 0; o < OB; ++o) acc[o][t] = pmadd(d[o], xv, acc[o][t]);
      }
    }
  for (int o = 0; o < OB; ++o)
    for (int t = 0; t < KB; ++t) {
      Scalar* dst = acc_out + o * out_stride + size_t(t) * kLanes;
      pstoreu(dst, padd(ploadu<Packet>(dst), acc[o][t]));
    }
}

// Up to 4 output channels x 5 taps: 20 accumulators, 4 gradient packets and an input packet
// fill AVX-512's 32 registers without spilling, and each (unaligned, so costly) input load
// feeds 4 FMAs.
using WeightGradFn = decltype(&weight_grad_block<1, 1>);
constexpr int kMaxGradOut = 4, kMaxTapBlock = 5;
template <int OB, int... I>
constexpr std::array<WeightGradFn, sizeof...(I)> weight_grad_row(std::integer_sequence<int, I...>) {
  return {&weight_grad_block<OB, I + 1>...};
}
constexpr std::array<std::array<WeightGradFn, kMaxTapBlock>, kMaxGradOut> kWeightGrad = {
    weight_grad_row<1>(std::make_integer_sequence<int, kMaxTapBlock>{}),
    weight_grad_row<2>(std::make_integer_sequence<int, kMaxTapBlock>{}),
    weight_grad_row<3>(std::make_integer_sequence<int, kMaxTapBlock>{}),
    weight_grad_row<4>(std::make_integer_sequence<int, kMaxTapBlock>{})};

// Direct pays off while a row fills most of a packet and channels are few; beyond that
// Eigen's GEMM, with its cache blocking, wins (measured on LeNet-like and wider layers).
ConvAlgorithm choose_algorithm(const ConvGeometry& g) {
  if (g.stride != 1) return ConvAlgorithm::Gemm;
  const int ow = g.out_w();
  const double fill = double(ow) / round_up(ow, kLanes);
  return fill >= 0.6 && g.in.c * g.out_channels <= 1024 ? ConvAlgorithm::Direct
                                                         : ConvAlgorithm::Gemm;
}

}  // namespace

// ---- im2col ------------------------------------------------------------------------------

// Inner loops are plain indexed loops (not memcpy/fill): the runs are short (one output row),
// and the compiler vectorises these without a library call per run.
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
        for (int q = 0; q < i_lo * ow; ++q) row[q] = 0;
        for (int i = i_lo; i < i_hi; ++i) {
          Scalar* __restrict d = row + size_t(i) * ow;
          const Scalar* __restrict src = xc + size_t(i * s + ki - p) * g.in.w + (kj - p);
          for (int j = 0; j < j_lo; ++j) d[j] = 0;
          if (s == 1) {
            for (int j = j_lo; j < j_hi; ++j) d[j] = src[j];
          } else {
            for (int j = j_lo; j < j_hi; ++j) d[j] = src[j * s];
          }
          for (int j = j_hi; j < ow; ++j) d[j] = 0;
        }
        for (int q = i_hi * ow; q < oh * ow; ++q) row[q] = 0;
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
          const Scalar* __restrict d = row + size_t(i) * ow;
          Scalar* __restrict dst = xc + size_t(i * s + ki - p) * g.in.w + (kj - p);
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

// ---- the layer ---------------------------------------------------------------------------

Conv2D::Conv2D(Shape in, int out_channels, int kernel, int stride, int padding, Activation act,
               Initializer init)
    : g_{in, out_channels, kernel, stride, padding}, algorithm_(choose_algorithm(g_)) {
  activation = act;
  initializer = init;
  const Eigen::Index per_sample = Eigen::Index(g_.patch_size()) * g_.out_h() * g_.out_w();
  group_ = static_cast<int>(
      std::max<Eigen::Index>(1, kGroupScalars / std::max<Eigen::Index>(1, per_sample)));
}

void Conv2D::set_algorithm(ConvAlgorithm a) {
  algorithm_ = g_.stride == 1 ? a : ConvAlgorithm::Gemm;
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
  const bool linear = activation.kind == ActivationKind::Linear;
  // The direct kernels apply a ReLU as they store z.
  const bool fused_relu =
      algorithm_ == ConvAlgorithm::Direct && activation.kind == ActivationKind::Relu;
  Matrix& z = linear ? buf.a : buf.z;
  z.resize(x.rows(), g_.out().size());
  if (fused_relu) buf.a.resize(x.rows(), g_.out().size());
  if (buf.scratch.size() < kSlots) buf.scratch.resize(kSlots);
  if (algorithm_ == ConvAlgorithm::Direct)
    forward_direct(params, x, z, fused_relu ? &buf.a : nullptr, buf);
  else
    forward_gemm(params, x, z, buf);
  if (!linear && !fused_relu) activation.apply(buf.z, buf.a);
}

void Conv2D::backward(const Scalar* params, const Matrix& x, LayerBuffers& buf, const Matrix& da,
                      Matrix* dx, Scalar* grads) const {
  const bool fused_relu =
      algorithm_ == ConvAlgorithm::Direct && activation.kind == ActivationKind::Relu;
  const Matrix* dz = &da;
  if (activation.kind != ActivationKind::Linear && !fused_relu) {
    activation.backward(buf.z, buf.a, da, buf.dz);
    dz = &buf.dz;
  }
  if (dx) dx->resize(x.rows(), x.cols());
  if (buf.scratch.size() < kSlots) buf.scratch.resize(kSlots);
  if (algorithm_ == ConvAlgorithm::Direct)
    backward_direct(params, x, *dz, fused_relu ? &buf.z : nullptr, dx, grads, buf);
  else
    backward_gemm(params, x, *dz, dx, grads, buf);
}

// ---- Gemm ----------------------------------------------------------------------------------

void Conv2D::forward_gemm(const Scalar* params, const Matrix& x, Matrix& z,
                          LayerBuffers& buf) const {
  const int oc = g_.out_channels, n = g_.patch_size(), plane = g_.out_h() * g_.out_w();
  const Eigen::Index batch = x.rows();
  ConstMatrixMap w(params, oc, n);
  const Scalar* bias = params + size_t(oc) * n;
  const Eigen::Index max_cols = std::min<Eigen::Index>(group_, batch) * plane;
  Scalar* col = reserve(buf.scratch[kCol], max_cols * n);
  Scalar* prod = reserve(buf.scratch[kProduct], max_cols * oc);
  for (Eigen::Index b0 = 0; b0 < batch; b0 += group_) {
    const Eigen::Index count = std::min<Eigen::Index>(group_, batch - b0);
    const Eigen::Index cols = count * plane;  // samples side by side: (n, count*plane)
    for (Eigen::Index s = 0; s < count; ++s)
      im2col(g_, x.data() + (b0 + s) * x.cols(), col + s * plane, cols);
    MatrixMap(prod, oc, cols).noalias() = w * ConstMatrixMap(col, n, cols);
    // prod is (oc, sample, position); z rows are (sample: oc, position). Add the bias too.
    for (Eigen::Index s = 0; s < count; ++s) {
      Scalar* zs = z.data() + (b0 + s) * z.cols();
      for (int o = 0; o < oc; ++o) {
        const Scalar* src = prod + o * cols + s * plane;
        Scalar* dst = zs + size_t(o) * plane;
        for (int q = 0; q < plane; ++q) dst[q] = src[q] + bias[o];
      }
    }
  }
}

void Conv2D::backward_gemm(const Scalar* params, const Matrix& x, const Matrix& dz, Matrix* dx,
                           Scalar* grads, LayerBuffers& buf) const {
  const int oc = g_.out_channels, n = g_.patch_size(), plane = g_.out_h() * g_.out_w();
  const Eigen::Index batch = x.rows();
  ConstMatrixMap w(params, oc, n);
  MatrixMap gw(grads, oc, n);
  // dL/dbias[o] sums dz over every position of channel o in every sample.
  Scalar* gb = grads + size_t(oc) * n;
  for (Eigen::Index b = 0; b < batch; ++b)
    for (int o = 0; o < oc; ++o)
      gb[o] += ConstRowVectorMap(dz.data() + b * dz.cols() + size_t(o) * plane, plane).sum();
  const Eigen::Index max_cols = std::min<Eigen::Index>(group_, batch) * plane;
  Scalar* col = reserve(buf.scratch[kCol], max_cols * n);
  Scalar* dzg = reserve(buf.scratch[kProduct], max_cols * oc);
  Scalar* dcol = dx ? reserve(buf.scratch[kColGrad], max_cols * n) : nullptr;
  for (Eigen::Index b0 = 0; b0 < batch; b0 += group_) {
    const Eigen::Index count = std::min<Eigen::Index>(group_, batch - b0);
    const Eigen::Index cols = count * plane;
    // Gather dz of the group into (oc, sample, position), the layout of the forward product.
    for (Eigen::Index s = 0; s < count; ++s) {
      const Scalar* zs = dz.data() + (b0 + s) * dz.cols();
      for (int o = 0; o < oc; ++o)
        std::copy_n(zs + size_t(o) * plane, plane, dzg + o * cols + s * plane);
    }
    // Recomputing im2col is cheaper than keeping every sample's columns from forward.
    for (Eigen::Index s = 0; s < count; ++s)
      im2col(g_, x.data() + (b0 + s) * x.cols(), col + s * plane, cols);
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

// ---- Direct --------------------------------------------------------------------------------

namespace {
// Padded layouts of the direct path. The input is padded by p, with a row stride that also
// covers the last packet of a row plus the k-1 taps to its right.
struct DirectLayout {
  int in_rows, in_stride;    // x padded by p
  int dz_stride;             // dz rows rounded up to whole packets (zeros beyond out_w)
  int back_pad, back_rows, back_stride;  // dz padded by k-1-p, for dL/dx
  explicit DirectLayout(const ConvGeometry& g) {
    const int k = g.kernel, p = g.padding, oh = g.out_h(), ow = g.out_w();
    in_rows = g.in.h + 2 * p;
    in_stride = std::max(g.in.w + 2 * p, round_up(ow, kLanes) + k - 1);
    dz_stride = round_up(ow, kLanes);
    back_pad = k - 1 - p;
    back_rows = oh + 2 * back_pad;
    back_stride = std::max(ow + 2 * back_pad, round_up(g.in.w, kLanes) + k - 1);
  }
};
}  // namespace

void Conv2D::forward_direct(const Scalar* params, const Matrix& x, Matrix& z, Matrix* relu,
                            LayerBuffers& buf) const {
  const DirectLayout L(g_);
  const int c = g_.in.c, k = g_.kernel, oc = g_.out_channels;
  const bool fresh = new_geometry(buf, g_);
  Scalar* xp =
      reserve_zeroed(buf.scratch[kPadIn], Eigen::Index(c) * L.in_rows * L.in_stride, fresh);
  if (fresh) {  // backward's padded buffers: reallocated zeroed on first use
    buf.scratch[kPadGrad].resize(0, 0);
    buf.scratch[kPadBack].resize(0, 0);
  }
  const Scalar* bias = params + size_t(oc) * g_.patch_size();
  for (Eigen::Index b = 0; b < x.rows(); ++b) {
    pad_planes(x.data() + b * x.cols(), g_.in.w, c, g_.in.h, g_.in.w, g_.padding, L.in_rows,
               L.in_stride, xp);
    direct_conv({xp, c, L.in_rows, L.in_stride, g_.padding, g_.in.h}, params, k, bias, oc,
                g_.out_h(), g_.out_w(), z.data() + b * z.cols(),
                relu ? relu->data() + b * relu->cols() : nullptr);
  }
}

void Conv2D::backward_direct(const Scalar* params, const Matrix& x, const Matrix& dz,
                             const Matrix* relu_z, Matrix* dx, Scalar* grads,
                             LayerBuffers& buf) const {
  const DirectLayout L(g_);
  const int c = g_.in.c, k = g_.kernel, oc = g_.out_channels, n = g_.patch_size();
  const int oh = g_.out_h(), ow = g_.out_w();
  const bool fresh = new_geometry(buf, g_);
  Scalar* xp =
      reserve_zeroed(buf.scratch[kPadIn], Eigen::Index(c) * L.in_rows * L.in_stride, fresh);
  Scalar* dzp = reserve_zeroed(buf.scratch[kPadGrad], Eigen::Index(oc) * oh * L.dz_stride, fresh);
  Scalar* back = dx ? reserve_zeroed(buf.scratch[kPadBack],
                                     Eigen::Index(oc) * L.back_rows * L.back_stride, fresh)
                    : nullptr;
  Scalar* acc = reserve(buf.scratch[kGradAcc], Eigen::Index(oc) * n * kLanes);
  std::fill(acc, acc + size_t(oc) * n * kLanes, Scalar(0));
  // dL/dx is a stride-1 convolution of dz padded by k-1-p with every filter rotated 180
  // degrees and in/out channels swapped: flipped[c][o][a][b] = w[o][c][k-1-a][k-1-b].
  Scalar* flipped = nullptr;
  if (dx) {
    flipped = reserve(buf.scratch[kFlipped], Eigen::Index(oc) * n);
    for (int o = 0; o < oc; ++o)
      for (int ci = 0; ci < c; ++ci)
        for (int a = 0; a < k; ++a)
          for (int t = 0; t < k; ++t)
            flipped[((size_t(ci) * oc + o) * k + a) * k + t] =
                params[((size_t(o) * c + ci) * k + (k - 1 - a)) * k + (k - 1 - t)];
  }
  Scalar* gb = grads + size_t(oc) * n;
  for (Eigen::Index b = 0; b < x.rows(); ++b) {
    const Scalar* dzb = dz.data() + b * dz.cols();
    pad_planes(x.data() + b * x.cols(), g_.in.w, c, g_.in.h, g_.in.w, g_.padding, L.in_rows,
               L.in_stride, xp);
    // dz with rows padded to whole packets (when fused, dz = da where z > 0).
    if (relu_z)
      relu_backward_rows(dzb, relu_z->data() + b * relu_z->cols(), oc, oh, ow, L.dz_stride, dzp);
    else
      pad_planes(dzb, ow, oc, oh, ow, 0, oh, L.dz_stride, dzp);
    // dL/dbias[o] sums dz over every position of channel o (the row padding is zero).
    for (int o = 0; o < oc; ++o)
      gb[o] += ConstRowVectorMap(dzp + size_t(o) * oh * L.dz_stride, oh * L.dz_stride).sum();
    // dL/dW[o][c][ki][kj] = sum_{i,j} dz[o][i][j] * xp[c][i + ki][j + kj]
    for (int o = 0; o < oc; o += kMaxGradOut) {
      const int ob = std::min(kMaxGradOut, oc - o);
      for (int ci = 0; ci < c; ++ci)
        for (int ki = 0; ki < k; ++ki)
          for (int kj = 0; kj < k; kj += kMaxTapBlock) {
            const int kb = std::min(kMaxTapBlock, k - kj);
            const size_t tap = (size_t(ci) * k + ki) * k + kj;
            kWeightGrad[ob - 1][kb - 1](
                dzp + size_t(o) * oh * L.dz_stride, size_t(oh) * L.dz_stride, L.dz_stride,
                xp + (size_t(ci) * L.in_rows + ki) * L.in_stride + kj, L.in_stride, oh, ow,
                acc + (size_t(o) * n + tap) * kLanes, size_t(n) * kLanes);
          }
    }
    if (!dx) continue;
    pad_planes(dzp, L.dz_stride, oc, oh, ow, L.back_pad, L.back_rows, L.back_stride, back);
    direct_conv({back, oc, L.back_rows, L.back_stride, L.back_pad, oh}, flipped, k, nullptr, c,
                g_.in.h, g_.in.w, dx->data() + b * dx->cols());
  }
  // Sum the lanes of each weight's partial sums into the gradient (+=, per the contract).
  for (size_t q = 0; q < size_t(oc) * n; ++q) {
    Scalar s = 0;
    for (int l = 0; l < kLanes; ++l) s += acc[q * kLanes + l];
    grads[q] += s;
  }
}

}  // namespace nnplay
