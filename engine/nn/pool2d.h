// Pooling layers: slide a k x k window over each channel of an image and keep its maximum
// (MaxPool2D) or mean (AvgPool2D). They have no parameters and no activation.
// The window moves by `stride`; the factory passes stride = kernel (non-overlapping windows,
// as in LeNet) unless the spec asks for a stride > 1. There is no padding: rows or columns
// left over at the bottom/right edge are dropped, as in PyTorch's default (floor) mode.
#pragma once
#include "engine/nn/layer.h"

namespace nnplay {

class Pool2D : public Layer {
 public:
  Pool2D(Shape in, int kernel, int stride);
  Shape input_shape() const override { return in_; }
  Shape output_shape() const override { return {in_.c, out_h_, out_w_}; }
  double flops_per_sample() const override { return double(output_shape().size()) * k_ * k_; }
  int kernel() const { return k_; }
  int stride() const { return s_; }

 protected:
  Shape in_;
  int k_, s_, out_h_, out_w_;
};

// Backward routes each window's gradient to the input that won it: the first one (in reading
// order) equal to the window's output, found again from x and a rather than stored, which
// keeps the forward pass a pure max. Ties go to the first maximum, as in PyTorch.
class MaxPool2D : public Pool2D {
 public:
  using Pool2D::Pool2D;
  std::string type() const override { return "maxpool2d"; }
  void forward(const Scalar* params, const Matrix& x, LayerBuffers& buf,
               bool training) const override;
  void backward(const Scalar* params, const Matrix& x, LayerBuffers& buf, const Matrix& da,
                Matrix* dx, Scalar* grads) const override;
};

// Every input in a window gets an equal share da / (k*k) of the window's gradient.
class AvgPool2D : public Pool2D {
 public:
  using Pool2D::Pool2D;
  std::string type() const override { return "avgpool2d"; }
  void forward(const Scalar* params, const Matrix& x, LayerBuffers& buf,
               bool training) const override;
  void backward(const Scalar* params, const Matrix& x, LayerBuffers& buf, const Matrix& da,
                Matrix* dx, Scalar* grads) const override;
};

}  // namespace nnplay
