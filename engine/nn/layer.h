// The layer contract (dlib style), which every layer type keeps:
// - Parameters live outside the layer in the network's flat buffer; a layer gets a pointer to
//   its slice. Gradients go to a twin slice and are ADDED (+=), so data-parallel chunks can each
//   accumulate and a step zeroes them once.
// - forward(x) fills buf.a with the output (B, out) and, for layers with an activation,
//   buf.z with the pre-activation. Buffers are reused across steps: no allocation once sized.
// - backward(da) takes dL/d(output) and ASSIGNS dL/d(input) to *dx (skipped when dx is null,
//   as for the first layer).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/core/tensor.h"
#include "engine/nn/activation.h"
#include "engine/nn/initializer.h"

namespace nnplay {

// One named parameter tensor of a layer, for initialisation, dumps and the UI.
struct ParamInfo {
  std::string name;  // "weight" or "bias"
  size_t offset;     // within the layer's slice
  int rows, cols;    // weight: (out, in) for dense
  bool regularized;  // L1/L2 apply to weights, not biases
};

// Per-layer buffers of one data-parallel chunk.
struct LayerBuffers {
  Matrix z;                     // pre-activation (B, out), layers with an activation only
  Matrix a;                     // output (B, out)
  Matrix dz;                    // dL/dz scratch
  std::vector<Matrix> scratch;  // layer-specific (im2col columns, pooling argmax, dropout mask)
  uint64_t seed = 0;            // for stochastic layers (dropout): set per step and chunk
};

class Layer {
 public:
  virtual ~Layer() = default;
  virtual std::string type() const = 0;
  virtual Shape input_shape() const = 0;
  virtual Shape output_shape() const = 0;
  virtual std::vector<ParamInfo> params() const { return {}; }
  size_t param_count() const;
  // Multiply-adds per sample in forward: used to plan data-parallel chunks and report GFLOP/s.
  virtual double flops_per_sample() const { return output_shape().size(); }
  virtual void init(Scalar* params, Rng& rng) const {}
  virtual void forward(const Scalar* params, const Matrix& x, LayerBuffers& buf,
                       bool training) const = 0;
  virtual void backward(const Scalar* params, const Matrix& x, LayerBuffers& buf,
                        const Matrix& da, Matrix* dx, Scalar* grads) const = 0;

  // Activation applied after the layer's linear part (Linear for layers that have none).
  Activation activation;
  Initializer initializer;
};

using LayerPtr = std::unique_ptr<Layer>;

}  // namespace nnplay
