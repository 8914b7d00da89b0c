#include "engine/nn/pool2d.h"

#include <algorithm>

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace nnplay {

Pool2D::Pool2D(Shape in, int kernel, int stride)
    : in_(in),
      k_(kernel),
      s_(stride),
      out_h_((in.h - kernel) / stride + 1),
      out_w_((in.w - kernel) / stride + 1) {}

namespace {

// The common LeNet case, 2x2 windows with stride 2, on one channel: a straight loop the
// compiler vectorises.
void max_pool_2x2(const Scalar* x, int w, Scalar* out, int out_h, int out_w) {
  for (int i = 0; i < out_h; ++i) {
    const Scalar* __restrict r0 = x + size_t(2 * i) * w;
    const Scalar* __restrict r1 = r0 + w;
    Scalar* __restrict o = out + size_t(i) * out_w;
    for (int j = 0; j < out_w; ++j)
      o[j] = std::max(std::max(r0[2 * j], r0[2 * j + 1]), std::max(r1[2 * j], r1[2 * j + 1]));
  }
}

// Backward of max_pool_2x2: writes all four inputs of every window (the winner gets the
// gradient, the rest 0), so dx needs no zeroing except at a dropped odd edge.
[[maybe_unused]] void max_pool_2x2_backward(const Scalar* x, int w, const Scalar* a, const Scalar* da,
                           Scalar* dx, int out_h, int out_w) {
  for (int i = 0; i < out_h; ++i) {
    const Scalar* __restrict r0 = x + size_t(2 * i) * w;
    const Scalar* __restrict r1 = r0 + w;
    Scalar* __restrict d0 = dx + size_t(2 * i) * w;
    Scalar* __restrict d1 = d0 + w;
    const Scalar* __restrict ai = a + size_t(i) * out_w;
    const Scalar* __restrict gi = da + size_t(i) * out_w;
    for (int j = 0; j < out_w; ++j) {
      // 0/1 weights that pick the first input equal to the maximum, as arithmetic rather
      // than branches so the loop vectorises.
      const Scalar v = ai[j], g = gi[j];
      const Scalar k0 = r0[2 * j] == v ? 1 : 0;
      const Scalar k1 = r0[2 * j + 1] == v ? 1 - k0 : 0;
      const Scalar k2 = r1[2 * j] == v ? 1 - k0 - k1 : 0;
      const Scalar k3 = 1 - k0 - k1 - k2;
      d0[2 * j] = k0 * g;
      d0[2 * j + 1] = k1 * g;
      d1[2 * j] = k2 * g;
      d1[2 * j + 1] = k3 * g;
    }
  }
}

#if defined(__AVX512F__) && !defined(NNPLAY_DOUBLE)
// The same for float with AVX-512, in input-row order so loads and stores are contiguous and
// the row's end is a masked operation instead of a scalar loop (LeNet's rows are 28 and 10
// wide). Lane x holds input column x; its window's max and gradient are a[x/2], g[x/2]; its
// window partner x^1 comes from swapping neighbouring lanes.
void max_pool_2x2_backward_avx512(const float* x, int w, const float* a, const float* da,
                                  float* dx, int out_h, int out_w) {
  const __m512i dup = _mm512_set_epi32(7, 7, 6, 6, 5, 5, 4, 4, 3, 3, 2, 2, 1, 1, 0, 0);
  const __mmask16 even = 0x5555, odd = 0xAAAA;
  const int width = 2 * out_w;  // columns covered by windows
  for (int i = 0; i < out_h; ++i) {
    const float* r0 = x + size_t(2 * i) * w;
    const float* r1 = r0 + w;
    float* d0 = dx + size_t(2 * i) * w;
    float* d1 = d0 + w;
    for (int col = 0; col < width; col += 16) {
      const int n = std::min(16, width - col);
      const __mmask16 m = static_cast<__mmask16>((1u << n) - 1);
      const __mmask16 half = static_cast<__mmask16>((1u << (n / 2)) - 1);
      const size_t o = size_t(i) * out_w + col / 2;
      const __m512 v = _mm512_permutexvar_ps(dup, _mm512_maskz_loadu_ps(half, a + o));
      const __m512 g = _mm512_permutexvar_ps(dup, _mm512_maskz_loadu_ps(half, da + o));
      const __m512 top = _mm512_maskz_loadu_ps(m, r0 + col), bottom = _mm512_maskz_loadu_ps(m, r1 + col);
      const __mmask16 t = _mm512_cmp_ps_mask(top, v, _CMP_EQ_OQ);
      const __mmask16 tp = _mm512_cmp_ps_mask(_mm512_permute_ps(top, 0xB1), v, _CMP_EQ_OQ);
      const __mmask16 b = _mm512_cmp_ps_mask(bottom, v, _CMP_EQ_OQ);
      const __mmask16 bp = _mm512_cmp_ps_mask(_mm512_permute_ps(bottom, 0xB1), v, _CMP_EQ_OQ);
      // Window order: top-left (even lane of top), top-right, bottom-left, bottom-right; the
      // first equal to the max wins, and bottom-right takes it when none does.
      const __mmask16 win_top = (t & even) | (t & ~tp & odd);
      const __mmask16 win_bottom = (b & ~t & ~tp & even) | (~t & ~tp & ~bp & odd);
      _mm512_mask_storeu_ps(d0 + col, m, _mm512_maskz_mov_ps(win_top, g));
      _mm512_mask_storeu_ps(d1 + col, m, _mm512_maskz_mov_ps(win_bottom, g));
    }
  }
}
#endif

}  // namespace

void MaxPool2D::forward(const Scalar*, const Matrix& x, LayerBuffers& buf, bool) const {
  const int plane_in = in_.h * in_.w, plane_out = out_h_ * out_w_;
  buf.a.resize(x.rows(), Eigen::Index(in_.c) * plane_out);
  const bool fast = k_ == 2 && s_ == 2;
  for (Eigen::Index b = 0; b < x.rows(); ++b) {
    for (int c = 0; c < in_.c; ++c) {
      const Scalar* xc = x.data() + b * x.cols() + size_t(c) * plane_in;
      Scalar* ac = buf.a.data() + b * buf.a.cols() + size_t(c) * plane_out;
      if (fast) {
        max_pool_2x2(xc, in_.w, ac, out_h_, out_w_);
        continue;
      }
      for (int i = 0; i < out_h_; ++i)
        for (int j = 0; j < out_w_; ++j) {
          const Scalar* win = xc + size_t(i * s_) * in_.w + j * s_;
          Scalar best = win[0];
          for (int ki = 0; ki < k_; ++ki)
            for (int kj = 0; kj < k_; ++kj) best = std::max(best, win[ki * in_.w + kj]);
          ac[i * out_w_ + j] = best;
        }
    }
  }
}

void MaxPool2D::backward(const Scalar*, const Matrix& x, LayerBuffers& buf, const Matrix& da,
                         Matrix* dx, Scalar*) const {
  if (!dx) return;
  const int plane_in = in_.h * in_.w, plane_out = out_h_ * out_w_;
  const bool fast = k_ == 2 && s_ == 2;
  const bool covered = fast && in_.h == 2 * out_h_ && in_.w == 2 * out_w_;
  if (covered)
    dx->resize(x.rows(), x.cols());
  else
    dx->setZero(x.rows(), x.cols());
  for (Eigen::Index b = 0; b < x.rows(); ++b) {
    for (int c = 0; c < in_.c; ++c) {
      const Scalar* xc = x.data() + b * x.cols() + size_t(c) * plane_in;
      Scalar* dc = dx->data() + b * dx->cols() + size_t(c) * plane_in;
      const Scalar* ac = buf.a.data() + b * buf.a.cols() + size_t(c) * plane_out;
      const Scalar* gc = da.data() + b * da.cols() + size_t(c) * plane_out;
      if (fast) {
#if defined(__AVX512F__) && !defined(NNPLAY_DOUBLE)
        max_pool_2x2_backward_avx512(xc, in_.w, ac, gc, dc, out_h_, out_w_);
#else
        max_pool_2x2_backward(xc, in_.w, ac, gc, dc, out_h_, out_w_);
#endif
        continue;
      }
      for (int i = 0; i < out_h_; ++i)
        for (int j = 0; j < out_w_; ++j) {
          const size_t first = size_t(i * s_) * in_.w + j * s_;
          const Scalar v = ac[i * out_w_ + j];
          size_t where = first;  // a NaN window matches nothing: its first input takes it
          for (int q = 0; q < k_ * k_; ++q) {
            const size_t at = first + size_t(q / k_) * in_.w + q % k_;
            if (xc[at] == v) {
              where = at;
              break;
            }
          }
          dc[where] += gc[i * out_w_ + j];  // += : overlapping windows share inputs
        }
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
