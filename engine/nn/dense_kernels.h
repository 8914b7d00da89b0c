// Weight and bias gradients of a dense layer over a whole minibatch, for a range of its output
// neurons. Training computes them this way instead of per data-parallel chunk: each gradient
// element is written by exactly one task, so nothing needs reducing across chunks, and the
// summation order (batch rows in order, whatever the neuron range) does not depend on how the
// neurons are split or on which thread runs a range.
#pragma once
#include "engine/core/tensor.h"

namespace nnplay {

// Consecutive rows of a minibatch, as one data-parallel chunk holds them.
struct DenseGradPart {
  const Scalar* dz;  // (rows, out) row-major: dL/dz
  const Scalar* x;   // (rows, in) row-major: the layer's input
  int rows;
};

// For o in [o_lo, o_hi): gw[o, :] = sum over parts p, rows r (in order) of dz_p[r, o] x_p[r, :]
// and gb[o] = sum of dz_p[r, o] in the same order. gw is the layer's (out, in) row-major weight
// gradient and gb its bias gradient; both are ASSIGNED, or with `accumulate` the sums continue
// from the values they hold: a call per part, in order, gives the same bits as one call over
// all parts (each element is one chain of multiply-adds over the rows either way).
void dense_weight_grad(const DenseGradPart* parts, int num_parts, int in, int out, int o_lo,
                       int o_hi, Scalar* gw, Scalar* gb, bool accumulate = false);

// The same loops without blocking or vectors, for tests and as documentation.
void dense_weight_grad_naive(const DenseGradPart* parts, int num_parts, int in, int out,
                             int o_lo, int o_hi, Scalar* gw, Scalar* gb, bool accumulate = false);

// Forward of a dense layer without packing the weights: z[r, o] = b[o] + x[r, :] . w[o, :] for
// x (rows, in), w (out, in), z (rows, out), all row-major. Returns false (z untouched) when
// there is no vector kernel for this build or the inputs are too few for it to pay (then Eigen's
// product is the better choice). Each dot product is summed in an order fixed by `in` alone.
// z's rows are ldz apart (default out), so a call can fill a range of neurons of a wider z.
bool dense_forward(const Scalar* x, int rows, int in, const Scalar* w, const Scalar* b, int out,
                   Scalar* z, int ldz = 0);
// Whether dense_forward takes layers with this many inputs.
bool dense_forward_supported(int in);

// z = x w^T + b with plain loops, for tests.
void dense_forward_naive(const Scalar* x, int rows, int in, const Scalar* w, const Scalar* b,
                         int out, Scalar* z);

}  // namespace nnplay
