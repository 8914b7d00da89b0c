// 2D convolution layer: each output channel slides a (C, k, k) filter over the zero-padded input
// image. Rows of x and a are images laid out channel-major (C, H, W).
// Fast path (conv2d.cpp): im2col unrolls every receptive field of a group of samples into a
// column, so the whole convolution becomes one matrix product W (out_c, C*k*k) x col (C*k*k,
// positions) that Eigen runs with AVX-512; backward is two more products plus col2im.
// conv2d_naive.h holds the nested-loop definition the fast path is tested against.
#pragma once
#include "engine/nn/conv2d_naive.h"
#include "engine/nn/layer.h"

namespace nnplay {

class Conv2D : public Layer {
 public:
  // The factory (layer_factory.cpp) validates the geometry and explains bad shapes to the user;
  // this constructor assumes it is valid.
  Conv2D(Shape in, int out_channels, int kernel, int stride = 1, int padding = 0,
         Activation act = {}, Initializer init = {});
  std::string type() const override { return "conv2d"; }
  Shape input_shape() const override { return g_.in; }
  Shape output_shape() const override { return g_.out(); }
  // weight (out_c, C*k*k): row o is filter o flattened as (c, ki, kj), as PyTorch's
  // weight.view(out_c, -1); bias (1, out_c).
  std::vector<ParamInfo> params() const override;
  double flops_per_sample() const override {
    return double(g_.out().size()) * g_.patch_size();
  }
  const ConvGeometry& geometry() const { return g_; }
  void init(Scalar* params, Rng& rng) const override;
  void forward(const Scalar* params, const Matrix& x, LayerBuffers& buf,
               bool training) const override;
  void backward(const Scalar* params, const Matrix& x, LayerBuffers& buf, const Matrix& da,
                Matrix* dx, Scalar* grads) const override;

 private:
  ConvGeometry g_;
  int group_;  // samples unrolled per im2col + GEMM (bounded so the columns stay in cache)
};

// Unrolls one image x (C*H*W) into col: row (c*k + ki)*k + kj, column oh*out_w + ow holds the
// input pixel that weight (c, ki, kj) meets at output position (oh, ow), or 0 on padding.
// Rows of col are ld apart, so several samples can sit side by side.
void im2col(const ConvGeometry& g, const Scalar* x, Scalar* col, Eigen::Index ld);
// The adjoint of im2col: ADDS every entry of col back onto the pixel it was copied from.
void col2im(const ConvGeometry& g, const Scalar* col, Eigen::Index ld, Scalar* x);

}  // namespace nnplay
