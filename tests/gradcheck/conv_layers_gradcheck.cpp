// Gradient checks (double precision) for the image layers: conv2d over many geometries, max and
// average pooling, flatten, dropout in training mode, and a small CNN through Network.
#include <gtest/gtest.h>

#include "engine/nn/conv2d.h"
#include "engine/nn/layer_factory.h"
#include "engine/nn/network.h"
#include "tests/gradcheck/conv_gradcheck_support.h"

namespace nnplay {
namespace {

using conv_gradcheck::check_layer;
using conv_gradcheck::Options;

static_assert(sizeof(Scalar) == sizeof(double), "gradient checks need the f64 engine build");

LayerSpec conv(int channels, int kernel, int stride, int padding,
               ActivationKind act = ActivationKind::Linear) {
  LayerSpec s;
  s.type = "conv2d";
  s.channels = channels;
  s.kernel = kernel;
  s.stride = stride;
  s.padding = padding;
  s.activation.kind = act;
  return s;
}

LayerSpec pool(const char* type, int kernel, int stride = 1) {
  LayerSpec s;
  s.type = type;
  s.kernel = kernel;
  s.stride = stride;
  return s;
}

struct ConvCase {
  Shape in;
  LayerSpec spec;
};

std::string describe(const ConvCase& c) {
  return "in " + shape_string(c.in) + " out_c " + std::to_string(c.spec.channels) + " k" +
         std::to_string(c.spec.kernel) + " s" + std::to_string(c.spec.stride) + " p" +
         std::to_string(c.spec.padding) + " " + c.spec.activation.name();
}

TEST(ConvGradcheck, InputsAndParametersOverManyGeometries) {
  using A = ActivationKind;
  const std::vector<ConvCase> cases = {
      {{1, 5, 5}, conv(1, 3, 1, 0)},
      {{2, 6, 5}, conv(3, 3, 1, 1)},
      {{3, 7, 7}, conv(2, 3, 2, 1, A::Tanh)},
      {{2, 8, 8}, conv(4, 5, 2, 2)},
      {{1, 4, 4}, conv(2, 2, 2, 0, A::Sigmoid)},
      {{2, 5, 6}, conv(3, 1, 1, 0)},
      {{3, 6, 6}, conv(2, 4, 3, 2)},
      {{2, 5, 5}, conv(2, 5, 1, 2, A::Relu)},
      {{1, 9, 7}, conv(3, 3, 2, 0, A::Elu)},
      {{1, 3, 3}, conv(2, 3, 1, 2)},  // padding = kernel - 1: corners see one pixel
      {{2, 6, 19}, conv(5, 9, 1, 4)},  // two tap blocks of the direct kernel, 3 packets a row
      // Big enough that im2col works in several groups of samples (see conv2d.cpp).
      {{3, 28, 28}, conv(2, 5, 1, 2)},
  };
  for (const auto& c : cases) {
    for (ConvAlgorithm algorithm : {ConvAlgorithm::Gemm, ConvAlgorithm::Direct}) {
      const LayerPtr layer = make_layer(c.spec, c.in, 0);
      auto& conv = static_cast<Conv2D&>(*layer);
      conv.set_algorithm(algorithm);
      if (conv.algorithm() != algorithm) continue;  // Direct is for stride 1 only
      SCOPED_TRACE(describe(c) + (algorithm == ConvAlgorithm::Gemm ? " gemm" : " direct"));
      Options o;
      o.batch = 3;
      const auto r = check_layer(*layer, o);
      EXPECT_TRUE(r.ok) << r.log;
    }
  }
}

TEST(ConvGradcheck, BatchOfOne) {
  for (ConvAlgorithm algorithm : {ConvAlgorithm::Gemm, ConvAlgorithm::Direct}) {
    const LayerPtr layer = make_layer(conv(3, 3, 1, 1, ActivationKind::Tanh), {2, 5, 5}, 0);
    static_cast<Conv2D&>(*layer).set_algorithm(algorithm);
    Options o;
    o.batch = 1;
    const auto r = check_layer(*layer, o);
    EXPECT_TRUE(r.ok) << r.log;
  }
}

TEST(PoolGradcheck, MaxPool) {
  const std::vector<std::pair<Shape, LayerSpec>> cases = {
      {{2, 6, 6}, pool("maxpool2d", 2)},
      {{2, 5, 5}, pool("maxpool2d", 2)},     // last row and column are dropped
      {{2, 7, 5}, pool("maxpool2d", 3, 2)},  // overlapping windows
      {{1, 4, 4}, pool("maxpool2d", 4)},
  };
  for (const auto& [in, spec] : cases) {
    SCOPED_TRACE(shape_string(in) + " k" + std::to_string(spec.kernel));
    const LayerPtr layer = make_layer(spec, in, 0);
    const auto r = check_layer(*layer);
    EXPECT_TRUE(r.ok) << r.log;
  }
}

TEST(PoolGradcheck, AvgPool) {
  const std::vector<std::pair<Shape, LayerSpec>> cases = {
      {{2, 6, 6}, pool("avgpool2d", 2)},
      {{3, 5, 5}, pool("avgpool2d", 2)},
      {{2, 7, 5}, pool("avgpool2d", 3, 2)},
  };
  for (const auto& [in, spec] : cases) {
    SCOPED_TRACE(shape_string(in) + " k" + std::to_string(spec.kernel));
    const LayerPtr layer = make_layer(spec, in, 0);
    const auto r = check_layer(*layer);
    EXPECT_TRUE(r.ok) << r.log;
  }
}

TEST(ShapeLayerGradcheck, Flatten) {
  LayerSpec s;
  s.type = "flatten";
  const LayerPtr layer = make_layer(s, {3, 4, 5}, 0);
  EXPECT_EQ(layer->output_shape(), (Shape{60, 1, 1}));
  const auto r = check_layer(*layer);
  EXPECT_TRUE(r.ok) << r.log;
}

TEST(ShapeLayerGradcheck, DropoutTrainingAndEval) {
  LayerSpec s;
  s.type = "dropout";
  s.rate = 0.4;
  const LayerPtr layer = make_layer(s, {2, 4, 4}, 0);
  for (bool training : {true, false}) {
    SCOPED_TRACE(training ? "training" : "eval");
    Options o;
    o.training = training;
    const auto r = check_layer(*layer, o);
    EXPECT_TRUE(r.ok) << r.log;
  }
}

// A small CNN end to end through Network: loss = sum(out ⊙ R), so ws.d_out = R.
TEST(NetworkGradcheck, SmallCnnThroughNetwork) {
  NetworkSpec spec;
  spec.input = {2, 8, 8};
  spec.layers = {conv(3, 3, 1, 1, ActivationKind::Tanh), pool("maxpool2d", 2),
                 conv(4, 3, 1, 0, ActivationKind::Sigmoid), pool("avgpool2d", 2)};
  LayerSpec flat;
  flat.type = "flatten";
  LayerSpec dense;
  dense.units = 3;
  spec.layers.push_back(flat);
  spec.layers.push_back(dense);
  Rng rng(3);
  Network net(spec, rng);
  ASSERT_EQ(net.output_shape(), (Shape{3, 1, 1}));

  const int batch = 2;
  Matrix x(batch, spec.input.size()), R(batch, 3);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.normal();
  for (Eigen::Index i = 0; i < R.size(); ++i) R.data()[i] = rng.normal();
  Workspace ws;
  auto loss = [&]() { return (net.forward(x, ws, true).array() * R.array()).sum(); };
  loss();
  ws.d_out = R;
  std::vector<Scalar> grads(net.param_count(), 0);
  net.backward(x, ws, grads.data());

  auto& p = net.params();
  const double h = 1e-6;
  double worst = 0;
  for (size_t i = 0; i < p.size(); i += 3) {
    const Scalar keep = p[i];
    p[i] = keep + h;
    const double lp = loss();
    p[i] = keep - h;
    const double lm = loss();
    p[i] = keep;
    const double numeric = (lp - lm) / (2 * h);
    worst = std::max(worst, std::abs(numeric - grads[i]) / std::max(1.0, std::abs(numeric)));
  }
  EXPECT_LT(worst, 1e-6);
}

}  // namespace
}  // namespace nnplay
