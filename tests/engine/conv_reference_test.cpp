// The fast convolution (im2col + GEMM) against the nested-loop reference on random geometries,
// pooling against hand-computed values, and the factory's shape errors for image layers.
#include <gtest/gtest.h>

#include "engine/core/error.h"
#include "engine/nn/conv2d.h"
#include "engine/nn/conv2d_naive.h"
#include "engine/nn/layer_factory.h"
#include "engine/nn/network.h"
#include "engine/nn/pool2d.h"

namespace nnplay {
namespace {

Matrix random_matrix(Eigen::Index rows, Eigen::Index cols, Rng& rng) {
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = static_cast<Scalar>(rng.normal());
  return m;
}

// Largest difference relative to the reference's scale (float sums of up to ~400 terms).
double rel_diff(const Scalar* a, const Scalar* b, Eigen::Index n) {
  double diff = 0, scale = 1;
  for (Eigen::Index i = 0; i < n; ++i) {
    diff = std::max(diff, double(std::abs(a[i] - b[i])));
    scale = std::max(scale, double(std::abs(b[i])));
  }
  return diff / scale;
}

LayerSpec conv_spec(int channels, int kernel, int stride = 1, int padding = 0) {
  LayerSpec s;
  s.type = "conv2d";
  s.channels = channels;
  s.kernel = kernel;
  s.stride = stride;
  s.padding = padding;
  return s;
}

LayerSpec spec_of(const char* type, int kernel = 2) {
  LayerSpec s;
  s.type = type;
  s.kernel = kernel;
  return s;
}

LayerSpec dense_spec(int units, ActivationKind act = ActivationKind::Linear) {
  LayerSpec s;
  s.units = units;
  s.activation.kind = act;
  return s;
}

// Runs the fast layer and the naive functions on the same data; returns the worst difference.
double compare_with_naive(const ConvGeometry& g, int batch, Rng& rng, ConvAlgorithm algorithm) {
  Conv2D layer(g.in, g.out_channels, g.kernel, g.stride, g.padding);
  layer.set_algorithm(algorithm);
  std::vector<Scalar> params(layer.param_count());
  for (auto& p : params) p = static_cast<Scalar>(rng.normal(0, 0.3));
  const Scalar* w = params.data();
  const Scalar* b = w + size_t(g.out_channels) * g.patch_size();
  const Matrix x = random_matrix(batch, g.in.size(), rng);
  const Matrix dz = random_matrix(batch, g.out().size(), rng);

  LayerBuffers buf;
  layer.forward(params.data(), x, buf, true);
  Matrix z_ref;
  conv2d_forward_naive(g, x, w, b, z_ref);
  double worst = rel_diff(buf.a.data(), z_ref.data(), z_ref.size());

  std::vector<Scalar> grads(params.size(), 0), grads_ref(params.size(), 0);
  Matrix dx, dx_ref;
  layer.backward(params.data(), x, buf, dz, &dx, grads.data());
  conv2d_backward_naive(g, x, w, dz, &dx_ref, grads_ref.data(),
                        grads_ref.data() + size_t(g.out_channels) * g.patch_size());
  worst = std::max(worst, rel_diff(dx.data(), dx_ref.data(), dx_ref.size()));
  worst = std::max(worst, rel_diff(grads.data(), grads_ref.data(), grads.size()));
  return worst;
}

// Both algorithms (Direct only exists for stride 1).
double compare_both(const ConvGeometry& g, int batch, Rng& rng) {
  double worst = compare_with_naive(g, batch, rng, ConvAlgorithm::Gemm);
  if (g.stride == 1) worst = std::max(worst, compare_with_naive(g, batch, rng, ConvAlgorithm::Direct));
  return worst;
}

TEST(ConvReference, FastMatchesNaiveOnRandomGeometries) {
  Rng rng(11);
  int tested = 0;
  while (tested < 150) {
    ConvGeometry g;
    g.in = {1 + int(rng.below(4)), 1 + int(rng.below(12)), 1 + int(rng.below(12))};
    g.out_channels = 1 + int(rng.below(5));
    g.kernel = 1 + int(rng.below(5));
    g.stride = 1 + int(rng.below(3));
    g.padding = int(rng.below(g.kernel));
    if (g.kernel > g.in.h + 2 * g.padding || g.kernel > g.in.w + 2 * g.padding) continue;
    const int batch = 1 + int(rng.below(5));
    SCOPED_TRACE("in " + shape_string(g.in) + " oc " + std::to_string(g.out_channels) + " k" +
                 std::to_string(g.kernel) + " s" + std::to_string(g.stride) + " p" +
                 std::to_string(g.padding) + " batch " + std::to_string(batch));
    EXPECT_LT(compare_both(g, batch, rng), 1e-5);
    ++tested;
  }
}

TEST(ConvReference, EdgeGeometries) {
  Rng rng(5);
  const std::vector<ConvGeometry> cases = {
      {{1, 1, 1}, 3, 1, 1, 0},    // 1x1 image, 1x1 kernel
      {{2, 3, 3}, 2, 3, 1, 0},    // kernel = image: one output position
      {{1, 3, 3}, 2, 3, 1, 2},    // maximal padding: 5x5 output
      {{2, 7, 4}, 3, 3, 3, 1},    // stride = kernel, non-square image
      {{1, 10, 10}, 2, 2, 5, 1},  // stride larger than the kernel skips pixels
      {{3, 28, 28}, 6, 5, 1, 2},  // LeNet's first layer: several im2col groups
      {{6, 14, 14}, 16, 5, 1, 0}, // LeNet's second layer
      {{2, 20, 37}, 11, 15, 1, 7},  // widest kernel: two tap blocks; rows of 3 packets
      {{3, 5, 17}, 9, 2, 1, 1},   // out_c not a multiple of the register blocks
  };
  for (const auto& g : cases) {
    SCOPED_TRACE("in " + shape_string(g.in) + " k" + std::to_string(g.kernel));
    for (int batch : {1, 2, 7}) EXPECT_LT(compare_both(g, batch, rng), 1e-5);
  }
}

// im2col and col2im are adjoint: <im2col(x), c> = <x, col2im(c)>.
TEST(ConvReference, Col2imIsTheAdjointOfIm2col) {
  Rng rng(2);
  const ConvGeometry g{{2, 6, 5}, 1, 3, 2, 1};
  const int rows = g.patch_size(), cols = g.out_h() * g.out_w();
  const Matrix x = random_matrix(1, g.in.size(), rng);
  const Matrix c = random_matrix(rows, cols, rng);
  Matrix col(rows, cols);
  im2col(g, x.data(), col.data(), cols);
  Matrix back = Matrix::Zero(1, g.in.size());
  col2im(g, c.data(), cols, back.data());
  EXPECT_NEAR((col.array() * c.array()).sum(), (x.array() * back.array()).sum(), 1e-4);
}

TEST(ConvReference, ChoosesDirectForLeNetAndGemmOtherwise) {
  EXPECT_EQ(Conv2D({1, 28, 28}, 6, 5, 1, 2).algorithm(), ConvAlgorithm::Direct);
  EXPECT_EQ(Conv2D({6, 14, 14}, 16, 5).algorithm(), ConvAlgorithm::Direct);
  EXPECT_EQ(Conv2D({1, 28, 28}, 6, 5, 2, 2).algorithm(), ConvAlgorithm::Gemm);
  EXPECT_EQ(Conv2D({64, 28, 28}, 64, 3, 1, 1).algorithm(), ConvAlgorithm::Gemm);
  Conv2D strided({1, 8, 8}, 2, 3, 2);
  strided.set_algorithm(ConvAlgorithm::Direct);  // not available for stride 2
  EXPECT_EQ(strided.algorithm(), ConvAlgorithm::Gemm);
}

// The direct path fuses ReLU into its kernels; results must match the Gemm path, which applies
// the activation separately.
TEST(ConvReference, ActivationsAgreeBetweenAlgorithms) {
  for (ActivationKind act : {ActivationKind::Relu, ActivationKind::Tanh}) {
    SCOPED_TRACE(activation_name(act));
    LayerSpec s = conv_spec(5, 3, 1, 1);
    s.activation.kind = act;
    const LayerPtr direct = make_layer(s, {3, 9, 12}, 0), gemm = make_layer(s, {3, 9, 12}, 0);
    static_cast<Conv2D&>(*direct).set_algorithm(ConvAlgorithm::Direct);
    static_cast<Conv2D&>(*gemm).set_algorithm(ConvAlgorithm::Gemm);
    Rng rng(4);
    std::vector<Scalar> params(direct->param_count());
    for (auto& p : params) p = static_cast<Scalar>(rng.normal());
    const Matrix x = random_matrix(3, 324, rng), da = random_matrix(3, 540, rng);
    LayerBuffers bd, bg;
    Matrix dxd, dxg;
    std::vector<Scalar> gd(params.size(), 0), gg(params.size(), 0);
    direct->forward(params.data(), x, bd, true);
    gemm->forward(params.data(), x, bg, true);
    EXPECT_TRUE(bd.z.isApprox(bg.z, 1e-5f));
    EXPECT_TRUE(bd.a.isApprox(bg.a, 1e-5f));
    EXPECT_GT((bd.z.array() < 0).count(), 0);
    if (act == ActivationKind::Relu) {
      EXPECT_EQ(bd.a, bd.z.cwiseMax(Scalar(0)));
    }
    direct->backward(params.data(), x, bd, da, &dxd, gd.data());
    gemm->backward(params.data(), x, bg, da, &dxg, gg.data());
    EXPECT_LT(rel_diff(dxd.data(), dxg.data(), dxg.size()), 1e-5);
    EXPECT_LT(rel_diff(gd.data(), gg.data(), gg.size()), 1e-5);
  }
}

TEST(ConvReference, BuffersAreReusedAcrossSteps) {
  for (ConvAlgorithm algorithm : {ConvAlgorithm::Gemm, ConvAlgorithm::Direct}) {
  const LayerPtr layer = make_layer(conv_spec(4, 3, 1, 1), {2, 10, 10}, 1, nullptr);
  static_cast<Conv2D&>(*layer).set_algorithm(algorithm);
  Rng rng(8);
  std::vector<Scalar> params(layer->param_count(), Scalar(0.1)), grads(params.size(), 0);
  const Matrix x = random_matrix(6, 200, rng), da = random_matrix(6, 400, rng);
  LayerBuffers buf;
  Matrix dx;
  layer->forward(params.data(), x, buf, true);
  layer->backward(params.data(), x, buf, da, &dx, grads.data());
  std::vector<const Scalar*> before = {buf.a.data(), dx.data()};
  for (const auto& m : buf.scratch) before.push_back(m.data());
  layer->forward(params.data(), x, buf, true);
  layer->backward(params.data(), x, buf, da, &dx, grads.data());
  std::vector<const Scalar*> after = {buf.a.data(), dx.data()};
  for (const auto& m : buf.scratch) after.push_back(m.data());
  EXPECT_EQ(before, after);
  }
}

// A workspace may outlive a network edit: a conv layer then inherits another layer's buffers.
TEST(ConvReference, InheritedBuffersDoNotLeakIntoPadding) {
  Rng rng(17);
  const ConvGeometry big{{3, 12, 12}, 8, 5, 1, 2}, small{{2, 6, 6}, 4, 3, 1, 1};
  Conv2D first(big.in, big.out_channels, big.kernel, 1, big.padding);
  Conv2D second(small.in, small.out_channels, small.kernel, 1, small.padding);
  std::vector<Scalar> p1(first.param_count()), p2(second.param_count());
  for (auto& v : p1) v = static_cast<Scalar>(rng.normal());
  for (auto& v : p2) v = static_cast<Scalar>(rng.normal());
  std::vector<Scalar> g1(p1.size()), g2(p2.size(), 0), g_ref(p2.size(), 0);
  LayerBuffers shared;
  Matrix dx;
  const Matrix x1 = random_matrix(2, big.in.size(), rng);
  first.forward(p1.data(), x1, shared, true);
  first.backward(p1.data(), x1, shared, random_matrix(2, big.out().size(), rng), &dx, g1.data());

  const Matrix x2 = random_matrix(2, small.in.size(), rng), dz = random_matrix(2, small.out().size(), rng);
  second.forward(p2.data(), x2, shared, true);
  second.backward(p2.data(), x2, shared, dz, &dx, g2.data());
  Matrix z_ref, dx_ref;
  conv2d_forward_naive(small, x2, p2.data(), p2.data() + 4 * 18, z_ref);
  conv2d_backward_naive(small, x2, p2.data(), dz, &dx_ref, g_ref.data(), g_ref.data() + 4 * 18);
  EXPECT_LT(rel_diff(shared.a.data(), z_ref.data(), z_ref.size()), 1e-5);
  EXPECT_LT(rel_diff(dx.data(), dx_ref.data(), dx_ref.size()), 1e-5);
  EXPECT_LT(rel_diff(g2.data(), g_ref.data(), g2.size()), 1e-5);
}

TEST(ConvReference, ReportsParamsAndFlops) {
  const LayerPtr layer = make_layer(conv_spec(6, 5, 1, 2), {1, 28, 28}, 0);
  EXPECT_EQ(layer->output_shape(), (Shape{6, 28, 28}));
  ASSERT_EQ(layer->params().size(), 2u);
  EXPECT_EQ(layer->params()[0].rows, 6);
  EXPECT_EQ(layer->params()[0].cols, 25);
  EXPECT_EQ(layer->params()[1].offset, 150u);
  EXPECT_EQ(layer->param_count(), 156u);
  EXPECT_DOUBLE_EQ(layer->flops_per_sample(), 6.0 * 28 * 28 * 25);
  EXPECT_TRUE(layer_has_params("conv2d"));
  EXPECT_FALSE(layer_has_params("maxpool2d"));
  EXPECT_FALSE(layer_has_params("dropout"));
}

// ---- pooling by hand

TEST(PoolReference, MaxPoolPicksWindowMaximaAndRoutesGradient) {
  // One 4x4 channel; 2x2 windows.
  Matrix x(1, 16);
  x << 1, 5, 2, 0,
       3, 4, 8, 1,
       0, 0, 6, 7,
       9, 1, 7, 6;
  const LayerPtr layer = make_layer(spec_of("maxpool2d"), {1, 4, 4}, 0);
  ASSERT_EQ(layer->output_shape(), (Shape{1, 2, 2}));
  LayerBuffers buf;
  layer->forward(nullptr, x, buf, true);
  Matrix expected(1, 4);
  expected << 5, 8, 9, 7;
  EXPECT_EQ(buf.a, expected);
  Matrix da(1, 4), dx;
  da << 10, 20, 30, 40;
  layer->backward(nullptr, x, buf, da, &dx, nullptr);
  Matrix want = Matrix::Zero(1, 16);
  want(0, 1) = 10;   // the 5
  want(0, 6) = 20;   // the 8
  want(0, 12) = 30;  // the 9
  want(0, 11) = 40;  // the first 7 (ties go to the first maximum)
  EXPECT_EQ(dx, want);
}

// Max pooling against the definition (first maximum in reading order takes the gradient), on
// data full of ties as after a ReLU, for the vectorised 2x2 path and the general one.
TEST(PoolReference, MaxPoolMatchesDefinitionWithTies) {
  Rng rng(21);
  struct Case {
    Shape in;
    int k, s;
  };
  for (const Case& c : std::vector<Case>{{{3, 28, 28}, 2, 2}, {{2, 9, 7}, 2, 2}, {{16, 10, 10}, 2, 2},
                                        {{2, 36, 4}, 2, 2}, {{2, 7, 8}, 3, 2}, {{1, 6, 6}, 3, 3}}) {
    SCOPED_TRACE(shape_string(c.in) + " k" + std::to_string(c.k));
    LayerSpec spec = spec_of("maxpool2d", c.k);
    spec.stride = c.s;
    const LayerPtr layer = make_layer(spec, c.in, 0);
    const Shape out = layer->output_shape();
    Matrix x(3, c.in.size());
    for (Eigen::Index i = 0; i < x.size(); ++i)
      x.data()[i] = rng.uniform() < 0.5 ? Scalar(0) : Scalar(int(rng.below(4)));
    const Matrix da = random_matrix(3, out.size(), rng);
    LayerBuffers buf;
    Matrix dx = Matrix::Constant(3, c.in.size(), 5);
    layer->forward(nullptr, x, buf, true);
    layer->backward(nullptr, x, buf, da, &dx, nullptr);
    Matrix want = Matrix::Zero(3, c.in.size());
    for (int b = 0; b < 3; ++b)
      for (int ch = 0; ch < c.in.c; ++ch)
        for (int i = 0; i < out.h; ++i)
          for (int j = 0; j < out.w; ++j) {
            int best = -1;
            for (int ki = 0; ki < c.k; ++ki)
              for (int kj = 0; kj < c.k; ++kj) {
                const int at = (ch * c.in.h + i * c.s + ki) * c.in.w + j * c.s + kj;
                if (best < 0 || x(b, at) > x(b, best)) best = at;
              }
            const int o = (ch * out.h + i) * out.w + j;
            ASSERT_EQ(buf.a(b, o), x(b, best));
            want(b, best) += da(b, o);
          }
    EXPECT_EQ(dx, want);
  }
}

TEST(PoolReference, AvgPoolAveragesAndSpreadsGradient) {
  Matrix x(1, 18);  // two channels of 3x3; the last row and column fall outside the windows
  x << 1, 2, 100,
       3, 4, 100,
       100, 100, 100,
       -1, -3, 0,
       -5, -7, 0,
       0, 0, 0;
  const LayerPtr layer = make_layer(spec_of("avgpool2d"), {2, 3, 3}, 0);
  ASSERT_EQ(layer->output_shape(), (Shape{2, 1, 1}));
  LayerBuffers buf;
  layer->forward(nullptr, x, buf, true);
  EXPECT_FLOAT_EQ(buf.a(0, 0), 2.5f);
  EXPECT_FLOAT_EQ(buf.a(0, 1), -4.0f);
  Matrix da(1, 2), dx;
  da << 4, 8;
  layer->backward(nullptr, x, buf, da, &dx, nullptr);
  EXPECT_FLOAT_EQ(dx(0, 0), 1);
  EXPECT_FLOAT_EQ(dx(0, 4), 1);
  EXPECT_FLOAT_EQ(dx(0, 2), 0);
  EXPECT_FLOAT_EQ(dx(0, 9), 2);
  EXPECT_FLOAT_EQ(dx(0, 13), 2);
  EXPECT_FLOAT_EQ(dx(0, 17), 0);
}

TEST(PoolReference, StrideDefaultsToTheWindow) {
  const LayerPtr a = make_layer(spec_of("maxpool2d", 3), {1, 9, 9}, 0);
  EXPECT_EQ(a->output_shape(), (Shape{1, 3, 3}));
  LayerSpec s = spec_of("avgpool2d", 3);
  s.stride = 2;
  const LayerPtr b = make_layer(s, {1, 9, 9}, 0);
  EXPECT_EQ(b->output_shape(), (Shape{1, 4, 4}));
}

TEST(DropoutReference, MasksAreSeededAndScaled) {
  LayerSpec s = spec_of("dropout");
  s.rate = 0.25;
  const LayerPtr layer = make_layer(s, {1000, 1, 1}, 0);
  const Matrix x = Matrix::Ones(4, 1000);
  LayerBuffers a, b, c;
  a.seed = b.seed = 42;
  c.seed = 43;
  layer->forward(nullptr, x, a, true);
  layer->forward(nullptr, x, b, true);
  layer->forward(nullptr, x, c, true);
  EXPECT_EQ(a.a, b.a);
  EXPECT_NE(a.a, c.a);
  const double dropped = (a.a.array() == 0).count() / 4000.0;
  EXPECT_NEAR(dropped, 0.25, 0.03);
  EXPECT_TRUE(((a.a.array() == 0) || (a.a.array() == Scalar(1 / 0.75))).all());
  layer->forward(nullptr, x, a, false);
  EXPECT_EQ(a.a, x);
}

// ---- the factory's shape errors name both layers

std::string build_error(const NetworkSpec& spec) {
  Rng rng(1);
  try {
    Network net(spec, rng);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ImageLayerErrors, ConvAfterDenseNamesBothLayers) {
  NetworkSpec spec;
  spec.input = {1, 28, 28};
  spec.layers = {spec_of("flatten"), dense_spec(120), conv_spec(8, 3), dense_spec(10)};
  const std::string msg = build_error(spec);
  EXPECT_NE(msg.find("layer 3 (conv2d) needs an image input but layer 2 (dense) outputs 120 "
                     "features"),
            std::string::npos)
      << msg;
}

TEST(ImageLayerErrors, ConvOnPointData) {
  NetworkSpec spec;
  spec.input = {2, 1, 1};
  spec.layers = {conv_spec(8, 1), dense_spec(2)};
  const std::string msg = build_error(spec);
  EXPECT_NE(msg.find("layer 1 (conv2d) needs an image input but the network input has 2 features"),
            std::string::npos)
      << msg;
}

TEST(ImageLayerErrors, KernelLargerThanInputNamesTheProducer) {
  NetworkSpec spec;
  spec.input = {1, 8, 8};
  spec.layers = {conv_spec(4, 3), spec_of("maxpool2d", 2), conv_spec(8, 5), dense_spec(10)};
  // 8x8 -> conv3 -> 6x6 -> pool2 -> 3x3: a 5x5 kernel does not fit.
  const std::string msg = build_error(spec);
  EXPECT_NE(msg.find("layer 3 (conv2d)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("5x5 window is larger than its input 4x3x3 (from layer 2 (maxpool2d))"),
            std::string::npos)
      << msg;
  spec.layers[2].padding = 1;  // 5x5 padded: fits
  EXPECT_EQ(build_error(spec), "");
}

TEST(ImageLayerErrors, PoolWindowLargerThanImage) {
  NetworkSpec spec;
  spec.input = {1, 3, 3};
  spec.layers = {spec_of("maxpool2d", 4), dense_spec(2)};
  const std::string msg = build_error(spec);
  EXPECT_NE(msg.find("layer 1 (maxpool2d): its 4x4 window is larger than its input 1x3x3 (from "
                     "the network input)"),
            std::string::npos)
      << msg;
}

TEST(ImageLayerErrors, OutOfRangeSettings) {
  auto err = [](LayerSpec s) {
    try {
      make_layer(s, {3, 16, 16}, 1, nullptr);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(err(conv_spec(0, 3)).find("layer 2 (conv2d): channels must be between 1 and 1024, got 0"),
            std::string::npos);
  EXPECT_NE(err(conv_spec(2000, 3)).find("channels"), std::string::npos);
  EXPECT_NE(err(conv_spec(4, 16)).find("kernel must be between 1 and 15"), std::string::npos);
  EXPECT_NE(err(conv_spec(4, 0)).find("kernel"), std::string::npos);
  EXPECT_NE(err(conv_spec(4, 3, 0)).find("stride must be between 1 and 15, got 0"),
            std::string::npos);
  EXPECT_NE(err(conv_spec(4, 3, 1, 3)).find("padding must be between 0 and 2"), std::string::npos);
  EXPECT_NE(err(conv_spec(4, 3, 1, -1)).find("padding"), std::string::npos);
  LayerSpec pool = spec_of("maxpool2d");
  pool.stride = 0;
  EXPECT_NE(err(pool).find("layer 2 (maxpool2d): stride"), std::string::npos);
  LayerSpec drop = spec_of("dropout");
  drop.rate = 1;
  EXPECT_NE(err(drop).find("layer 2 (dropout): rate must be at least 0 and below 1"),
            std::string::npos);
  EXPECT_NE(err(spec_of("conv3d")).find("unknown layer type 'conv3d'"), std::string::npos);
}

// ---- whole networks

TEST(ImageNetworks, SmallCnnBuildsAndRunsForwardBackward) {
  NetworkSpec spec;
  spec.input = {1, 16, 16};
  LayerSpec c = conv_spec(8, 3, 1, 1);
  c.activation.kind = ActivationKind::Relu;
  spec.layers = {c, spec_of("maxpool2d", 2), spec_of("flatten"), dense_spec(6)};
  Rng rng(1);
  Network net(spec, rng);
  EXPECT_EQ(net.layer(1).output_shape(), (Shape{8, 8, 8}));
  EXPECT_EQ(net.layer(2).output_shape(), (Shape{512, 1, 1}));
  EXPECT_EQ(net.param_count(), size_t(8 * 9 + 8 + 512 * 6 + 6));

  Matrix x = random_matrix(5, 256, rng);
  Workspace ws;
  const Matrix& out = net.forward(x, ws, true);
  ASSERT_EQ(out.rows(), 5);
  ASSERT_EQ(out.cols(), 6);
  ws.d_out = random_matrix(5, 6, rng);
  std::vector<Scalar> grads(net.param_count(), 0);
  net.backward(x, ws, grads.data());
  // Every conv weight receives gradient.
  for (int i = 0; i < 72; ++i) EXPECT_NE(grads[i], 0) << i;
}

TEST(ImageNetworks, LeNet5ForFashionMnist) {
  NetworkSpec spec;
  spec.input = {1, 28, 28};
  LayerSpec c1 = conv_spec(6, 5, 1, 2), c2 = conv_spec(16, 5);
  c1.activation.kind = c2.activation.kind = ActivationKind::Relu;
  spec.layers = {c1, spec_of("maxpool2d"), c2, spec_of("maxpool2d"),
                 dense_spec(120, ActivationKind::Relu), dense_spec(84, ActivationKind::Relu),
                 dense_spec(10)};
  Rng rng(1);
  Network net(spec, rng);
  EXPECT_EQ(net.layer(3).output_shape(), (Shape{16, 5, 5}));
  EXPECT_EQ(net.param_count(), 61706u);
  Matrix x = random_matrix(3, 784, rng);
  Workspace ws;
  EXPECT_EQ(net.forward(x, ws, false).cols(), 10);
}

}  // namespace
}  // namespace nnplay
