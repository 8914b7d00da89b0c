// 2D convolution layer: each output channel slides a (C, k, k) filter over the zero-padded input
// image. Rows of x and a are images laid out channel-major (C, H, W).
// Two implementations of the same sums (conv2d.cpp), checked against the nested loops of
// conv2d_naive.h:
// - Gemm: im2col unrolls every receptive field of a group of samples into a column, so the
//   convolution is one matrix product W (out_c, C*k*k) x col (C*k*k, positions) run by Eigen;
//   backward is two more products plus col2im. General, and best with many channels.
// - Direct: for stride 1, register-blocked loops over a padded copy of each image, vectorised
//   along output rows. With the few channels of teaching networks (LeNet: 1->6->16) it avoids
//   im2col's k*k-fold copy of the data and runs 2-3x faster. Backward to the input is the
//   same kernel run on the padded output gradient with the filters flipped.
#pragma once
#include "engine/nn/conv2d_naive.h"
#include "engine/nn/layer.h"

namespace nnplay {

enum class ConvAlgorithm { Gemm, Direct };

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
  // Chosen from the geometry (see choose_algorithm in conv2d.cpp); tests and benchmarks may
  // force one. Direct needs stride 1 and falls back to Gemm otherwise.
  ConvAlgorithm algorithm() const { return algorithm_; }
  void set_algorithm(ConvAlgorithm a);
  void init(Scalar* params, Rng& rng) const override;
  void forward(const Scalar* params, const Matrix& x, LayerBuffers& buf,
               bool training) const override;
  void backward(const Scalar* params, const Matrix& x, LayerBuffers& buf, const Matrix& da,
                Matrix* dx, Scalar* grads) const override;

 private:
  void forward_gemm(const Scalar* params, const Matrix& x, Matrix& z, LayerBuffers& buf) const;
  // relu / relu_z: not null when the layer's ReLU is fused into the direct kernels.
  void forward_direct(const Scalar* params, const Matrix& x, Matrix& z, Matrix* relu,
                      LayerBuffers& buf) const;
  void backward_gemm(const Scalar* params, const Matrix& x, const Matrix& dz, Matrix* dx,
                     Scalar* grads, LayerBuffers& buf) const;
  void backward_direct(const Scalar* params, const Matrix& x, const Matrix& dz,
                       const Matrix* relu_z, Matrix* dx, Scalar* grads, LayerBuffers& buf) const;

  ConvGeometry g_;
  ConvAlgorithm algorithm_;
  int group_;  // Gemm: samples unrolled per im2col + GEMM (bounded so columns stay in cache)
};

// Unrolls one image x (C*H*W) into col: row (c*k + ki)*k + kj, column oh*out_w + ow holds the
// input pixel that weight (c, ki, kj) meets at output position (oh, ow), or 0 on padding.
// Rows of col are ld apart, so several samples can sit side by side.
void im2col(const ConvGeometry& g, const Scalar* x, Scalar* col, Eigen::Index ld);
// The adjoint of im2col: ADDS every entry of col back onto the pixel it was copied from.
void col2im(const ConvGeometry& g, const Scalar* col, Eigen::Index ld, Scalar* x);

}  // namespace nnplay
