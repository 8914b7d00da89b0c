// Flatten: reinterprets an image (C, H, W) as C*H*W features. Rows are already stored
// channel-major, so the data does not move; the layer only changes the shape that the next
// layer sees (and makes the network diagram say so). Dense layers also accept images directly.
#pragma once
#include "engine/nn/layer.h"

namespace nnplay {

class Flatten : public Layer {
 public:
  explicit Flatten(Shape in) : in_(in) {}
  std::string type() const override { return "flatten"; }
  Shape input_shape() const override { return in_; }
  Shape output_shape() const override { return {in_.size(), 1, 1}; }
  double flops_per_sample() const override { return 0; }
  void forward(const Scalar* params, const Matrix& x, LayerBuffers& buf,
               bool training) const override;
  void backward(const Scalar* params, const Matrix& x, LayerBuffers& buf, const Matrix& da,
                Matrix* dx, Scalar* grads) const override;

 private:
  Shape in_;
};

}  // namespace nnplay
