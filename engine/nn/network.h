// A compiled network: layers plus ONE flat parameter buffer (llm.c style), so a snapshot is a
// single copy and optimisers loop over one array. Workspaces hold everything a forward/backward
// pass writes, one per data-parallel chunk, reused across steps.
#pragma once
#include <vector>

#include "engine/core/rng.h"
#include "engine/nn/dense.h"
#include "engine/nn/layer.h"
#include "engine/nn/network_spec.h"

namespace nnplay {

struct Workspace {
  std::vector<LayerBuffers> layers;
  Matrix x;             // (B, in) gathered inputs
  Matrix targets;       // (B, 1) or (B, k)
  Matrix d_out;         // dL/d(output)
  Matrix grad_a[2];     // ping-pong dL/da between layers
  ParamVector grads;  // aligned like the parameters, so reductions into it are reproducible
};

class Network {
 public:
  // Builds and initialises from rng; explicit values in the spec override the initialiser.
  // Throws Error for impossible specs, naming the layer and shapes.
  Network(const NetworkSpec& spec, Rng& rng);
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  const NetworkSpec& spec() const { return spec_; }
  int size() const { return static_cast<int>(layers_.size()); }
  const Layer& layer(int i) const { return *layers_[i]; }
  size_t param_offset(int i) const { return offsets_[i]; }
  size_t param_count() const { return params_.size(); }
  ParamVector& params() { return params_; }
  const ParamVector& params() const { return params_; }
  Shape input_shape() const { return spec_.input; }
  Shape output_shape() const { return layers_.back()->output_shape(); }
  double flops_per_sample() const;  // forward multiply-adds

  void initialize(Rng& rng);
  // Copies parameters of layers whose spec and shapes are unchanged from `old` (architecture
  // edits keep what they can). Returns how many layers were kept.
  int adopt_matching(const Network& old, const ParamVector& old_params);

  // Forward through all layers; returns the output (logits for classification losses).
  // params defaults to this network's own buffer.
  const Matrix& forward(const Matrix& x, Workspace& ws, bool training,
                        const Scalar* params = nullptr) const;
  // forward() when layer 0's pre-activation is already in ws.layers[0] (z, or a when its
  // activation is linear), as training computes it split by neuron: applies layer 0's
  // activation, then runs the other layers.
  const Matrix& forward_after_first(Workspace& ws, bool training) const;
  // Backward from ws.d_out, adding parameter gradients into grads (size param_count()).
  void backward(const Matrix& x, Workspace& ws, Scalar* grads, const Scalar* params = nullptr) const;
  // backward() that leaves dense layers' parameter gradients to the caller (training computes
  // them over the whole batch, split by neuron: dense_kernels.h). A dense layer's dL/dz stays in
  // ws.layers[i].dz; other layers add their gradients into grads as in backward().
  void backward_deferring_dense(const Matrix& x, Workspace& ws, Scalar* grads) const;
  // Layer i as a Dense, or null when it is another type.
  const Dense* dense(int i) const { return dense_[i]; }
  void prepare(Workspace& ws) const;  // sizes per-layer buffers and grads

 private:
  NetworkSpec spec_;
  std::vector<LayerPtr> layers_;
  std::vector<const Dense*> dense_;
  std::vector<size_t> offsets_;
  ParamVector params_;
};

}  // namespace nnplay
