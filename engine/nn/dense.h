// Fully connected layer: z = x W^T + b, a = f(z). W is (out, in), as in the course notes and
// PyTorch, so a row of W holds one neuron's incoming weights.
#pragma once
#include "engine/nn/layer.h"

namespace nnplay {

class Dense : public Layer {
 public:
  Dense(Shape in, int units, Activation act = {}, Initializer init = {});
  std::string type() const override { return "dense"; }
  Shape input_shape() const override { return {in_, 1, 1}; }
  Shape output_shape() const override { return {out_, 1, 1}; }
  std::vector<ParamInfo> params() const override;
  double flops_per_sample() const override { return double(in_) * out_; }
  void init(Scalar* params, Rng& rng) const override;
  void forward(const Scalar* params, const Matrix& x, LayerBuffers& buf,
               bool training) const override;
  void backward(const Scalar* params, const Matrix& x, LayerBuffers& buf, const Matrix& da,
                Matrix* dx, Scalar* grads) const override;
  // backward() without the parameter gradients: leaves dL/dz in buf.dz (a copy of da when the
  // activation is linear) for dense_weight_grad over the whole batch, and assigns *dx.
  void backward_data(const Scalar* params, LayerBuffers& buf, const Matrix& da, Matrix* dx) const;
  int in() const { return in_; }
  int out() const { return out_; }

 private:
  int in_, out_;
};

// The pre-activation a layer computed: z, or a itself when the activation is linear.
inline const Matrix& pre_activation(const Layer& layer, const LayerBuffers& buf) {
  return layer.activation.kind == ActivationKind::Linear ? buf.a : buf.z;
}

}  // namespace nnplay
