#include "engine/nn/dense_kernels.h"

#include <algorithm>

#if defined(__AVX512F__) && !defined(NNPLAY_DOUBLE)
#include <immintrin.h>
#endif

// The weight gradient is a sum of rank-1 updates dz[r, o] x[r, :], one per batch row. The
// vector kernel keeps a tile of R neurons x V*16 inputs of it in registers while it runs over
// every row of the batch, so the tile is written to memory once; an (rows x V*16) block of x
// stays in L1 while all the range's neuron tiles pass over it. Every element is a chain of FMAs
// over the rows in batch order, whatever the tile, so the neuron split never changes a result.

namespace nnplay {

namespace {

void bias_grad(const DenseGradPart* parts, int num_parts, int out, int o_lo, int o_hi, Scalar* gb,
               bool accumulate) {
  if (!accumulate) std::fill(gb + o_lo, gb + o_hi, Scalar(0));
  for (int p = 0; p < num_parts; ++p)
    for (int r = 0; r < parts[p].rows; ++r) {
      const Scalar* dz = parts[p].dz + size_t(r) * out;
      for (int o = o_lo; o < o_hi; ++o) gb[o] += dz[o];
    }
}

#if defined(__AVX512F__) && !defined(NNPLAY_DOUBLE)
constexpr int kTileNeurons = 4;
// Below this many inputs per neuron the horizontal sums of the forward tile cost more than
// Eigen's packing saves.
constexpr int kMinForwardInputs = 256;
constexpr int kTileVectors = 4;  // 64 inputs

// One tile: neurons [o0, o0+R), inputs [j0, j0 + 16V), the last vector masked by `tail`.
// GCC keeps acc[][] in registers only when these small loops are unrolled before scalar
// replacement of aggregates; without the pragmas it stored every accumulator on each row.
template <int R, int V>
void tile(const DenseGradPart* parts, int num_parts, int in, int out, int o0, int j0,
          __mmask16 tail, float* gw, bool accumulate) {
  __m512 acc[R][V];
#pragma GCC unroll 8
  for (int i = 0; i < R; ++i)
#pragma GCC unroll 8
    for (int v = 0; v < V; ++v)
      acc[i][v] = accumulate ? _mm512_maskz_loadu_ps(v == V - 1 ? tail : __mmask16(0xFFFF),
                                                      gw + size_t(o0 + i) * in + j0 + 16 * v)
                             : _mm512_setzero_ps();
  for (int p = 0; p < num_parts; ++p) {
    const float* x = parts[p].x + j0;
    const float* dz = parts[p].dz + o0;
    for (int r = 0, rows = parts[p].rows; r < rows; ++r, x += in, dz += out) {
      __m512 xv[V];
#pragma GCC unroll 8
      for (int v = 0; v < V; ++v)
        xv[v] = _mm512_maskz_loadu_ps(v == V - 1 ? tail : __mmask16(0xFFFF), x + 16 * v);
#pragma GCC unroll 8
      for (int i = 0; i < R; ++i) {
        const __m512 d = _mm512_set1_ps(dz[i]);
#pragma GCC unroll 8
        for (int v = 0; v < V; ++v) acc[i][v] = _mm512_fmadd_ps(d, xv[v], acc[i][v]);
      }
    }
  }
#pragma GCC unroll 8
  for (int i = 0; i < R; ++i)
#pragma GCC unroll 8
    for (int v = 0; v < V; ++v)
      _mm512_mask_storeu_ps(gw + size_t(o0 + i) * in + j0 + 16 * v,
                            v == V - 1 ? tail : __mmask16(0xFFFF), acc[i][v]);
}

template <int V>
void neuron_tiles(const DenseGradPart* parts, int num_parts, int in, int out, int o_lo, int o_hi,
                  int j0, __mmask16 tail, float* gw, bool acc) {
  int o = o_lo;
  for (; o + kTileNeurons <= o_hi; o += kTileNeurons)
    tile<kTileNeurons, V>(parts, num_parts, in, out, o, j0, tail, gw, acc);
  switch (o_hi - o) {
    case 3: tile<3, V>(parts, num_parts, in, out, o, j0, tail, gw, acc); break;
    case 2: tile<2, V>(parts, num_parts, in, out, o, j0, tail, gw, acc); break;
    case 1: tile<1, V>(parts, num_parts, in, out, o, j0, tail, gw, acc); break;
    default: break;
  }
}

bool weight_grad_fast(const DenseGradPart* parts, int num_parts, int in, int out, int o_lo,
                      int o_hi, float* gw, bool acc) {
  for (int j0 = 0; j0 < in; j0 += 16 * kTileVectors) {
    const int left = std::min(in - j0, 16 * kTileVectors);
    const int vectors = (left + 15) / 16;
    const int last = left - 16 * (vectors - 1);  // 1..16 inputs in the last vector
    const __mmask16 tail = static_cast<__mmask16>((1u << last) - 1);
    switch (vectors) {
      case 4: neuron_tiles<4>(parts, num_parts, in, out, o_lo, o_hi, j0, tail, gw, acc); break;
      case 3: neuron_tiles<3>(parts, num_parts, in, out, o_lo, o_hi, j0, tail, gw, acc); break;
      case 2: neuron_tiles<2>(parts, num_parts, in, out, o_lo, o_hi, j0, tail, gw, acc); break;
      default: neuron_tiles<1>(parts, num_parts, in, out, o_lo, o_hi, j0, tail, gw, acc); break;
    }
  }
  return true;
}

// Sum of the 16 lanes (GCC 12's _mm512_reduce_add_ps warns about an undefined register).
inline float lane_sum(__m512 v) {
  const __m512 halves = _mm512_add_ps(v, _mm512_shuffle_f32x4(v, v, 0x4E));
  const __m256 a = _mm512_castps512_ps256(halves);
  __m128 q = _mm_add_ps(_mm256_castps256_ps128(a), _mm256_extractf128_ps(a, 1));
  q = _mm_add_ps(q, _mm_movehl_ps(q, q));
  q = _mm_add_ss(q, _mm_movehdup_ps(q));
  return _mm_cvtss_f32(q);
}

// Forward: a tile of R rows x N neurons accumulates 16-lane partial dot products over the
// inputs, reading each weight and input vector once per tile; the horizontal sums at the end
// cost little next to in/16 FMAs per pair when in is large.
template <int R, int N>
void forward_tile(const float* x, int in, const float* w, const float* b, int ldz, int r0,
                  int o0, __mmask16 tail, float* z) {
  __m512 acc[R][N];
#pragma GCC unroll 8
  for (int i = 0; i < R; ++i)
#pragma GCC unroll 8
    for (int n = 0; n < N; ++n) acc[i][n] = _mm512_setzero_ps();
  const float* xr = x + size_t(r0) * in;
  const float* wr = w + size_t(o0) * in;
  int k = 0;
  for (; k + 16 <= in; k += 16) {
    __m512 wv[N];
#pragma GCC unroll 8
    for (int n = 0; n < N; ++n) wv[n] = _mm512_loadu_ps(wr + size_t(n) * in + k);
#pragma GCC unroll 8
    for (int i = 0; i < R; ++i) {
      const __m512 xv = _mm512_loadu_ps(xr + size_t(i) * in + k);
#pragma GCC unroll 8
      for (int n = 0; n < N; ++n) acc[i][n] = _mm512_fmadd_ps(xv, wv[n], acc[i][n]);
    }
  }
  if (k < in) {
    __m512 wv[N];
#pragma GCC unroll 8
    for (int n = 0; n < N; ++n) wv[n] = _mm512_maskz_loadu_ps(tail, wr + size_t(n) * in + k);
#pragma GCC unroll 8
    for (int i = 0; i < R; ++i) {
      const __m512 xv = _mm512_maskz_loadu_ps(tail, xr + size_t(i) * in + k);
#pragma GCC unroll 8
      for (int n = 0; n < N; ++n) acc[i][n] = _mm512_fmadd_ps(xv, wv[n], acc[i][n]);
    }
  }
#pragma GCC unroll 8
  for (int i = 0; i < R; ++i)
#pragma GCC unroll 8
    for (int n = 0; n < N; ++n)
      z[size_t(r0 + i) * ldz + o0 + n] = b[o0 + n] + lane_sum(acc[i][n]);
}

template <int N>
void forward_rows(const float* x, int rows, int in, const float* w, const float* b, int ldz,
                  int o0, __mmask16 tail, float* z) {
  int r = 0;
  for (; r + 4 <= rows; r += 4) forward_tile<4, N>(x, in, w, b, ldz, r, o0, tail, z);
  switch (rows - r) {
    case 3: forward_tile<3, N>(x, in, w, b, ldz, r, o0, tail, z); break;
    case 2: forward_tile<2, N>(x, in, w, b, ldz, r, o0, tail, z); break;
    case 1: forward_tile<1, N>(x, in, w, b, ldz, r, o0, tail, z); break;
    default: break;
  }
}

bool forward_fast(const float* x, int rows, int in, const float* w, const float* b, int out,
                  float* z, int ldz) {
  if (in < kMinForwardInputs) return false;
  const __mmask16 tail = static_cast<__mmask16>((1u << (in % 16)) - 1);
  // Neurons outer: the tile's 4 weight rows stay in L1 while the rows of x stream past.
  int o = 0;
  for (; o + 4 <= out; o += 4) forward_rows<4>(x, rows, in, w, b, ldz, o, tail, z);
  switch (out - o) {
    case 3: forward_rows<3>(x, rows, in, w, b, ldz, o, tail, z); break;
    case 2: forward_rows<2>(x, rows, in, w, b, ldz, o, tail, z); break;
    case 1: forward_rows<1>(x, rows, in, w, b, ldz, o, tail, z); break;
    default: break;
  }
  return true;
}
#else
// Without AVX-512, and in the double build (finite-difference checks): the plain loops.
bool weight_grad_fast(const DenseGradPart*, int, int, int, int, int, Scalar*, bool) { return false; }
bool forward_fast(const Scalar*, int, int, const Scalar*, const Scalar*, int, Scalar*, int) {
  return false;
}
#endif

}  // namespace

void dense_weight_grad(const DenseGradPart* parts, int num_parts, int in, int out, int o_lo,
                       int o_hi, Scalar* gw, Scalar* gb, bool accumulate) {
  if (o_lo >= o_hi) return;
  if (weight_grad_fast(parts, num_parts, in, out, o_lo, o_hi, gw, accumulate))
    bias_grad(parts, num_parts, out, o_lo, o_hi, gb, accumulate);
  else
    dense_weight_grad_naive(parts, num_parts, in, out, o_lo, o_hi, gw, gb, accumulate);
}

void dense_weight_grad_naive(const DenseGradPart* parts, int num_parts, int in, int out,
                             int o_lo, int o_hi, Scalar* gw, Scalar* gb, bool accumulate) {
  for (int o = o_lo; o < o_hi; ++o) {
    Scalar* row = gw + size_t(o) * in;
    if (!accumulate) std::fill(row, row + in, Scalar(0));
    for (int p = 0; p < num_parts; ++p)
      for (int r = 0; r < parts[p].rows; ++r) {
        const Scalar d = parts[p].dz[size_t(r) * out + o];
        const Scalar* x = parts[p].x + size_t(r) * in;
        for (int k = 0; k < in; ++k) row[k] += d * x[k];
      }
  }
  bias_grad(parts, num_parts, out, o_lo, o_hi, gb, accumulate);
}

bool dense_forward(const Scalar* x, int rows, int in, const Scalar* w, const Scalar* b, int out,
                   Scalar* z, int ldz) {
  return forward_fast(x, rows, in, w, b, out, z, ldz > 0 ? ldz : out);
}

bool dense_forward_supported(int in) {
  Scalar x = 0, z = 0;
  return forward_fast(&x, 0, in, &x, &x, 0, &z, 1);
}

void dense_forward_naive(const Scalar* x, int rows, int in, const Scalar* w, const Scalar* b,
                         int out, Scalar* z) {
  for (int r = 0; r < rows; ++r)
    for (int o = 0; o < out; ++o) {
      Scalar sum = 0;
      for (int k = 0; k < in; ++k) sum += x[size_t(r) * in + k] * w[size_t(o) * in + k];
      z[size_t(r) * out + o] = b[o] + sum;
    }
}

}  // namespace nnplay
