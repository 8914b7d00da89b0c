// Every activation, every loss and the dense layer, on parameters and inputs.
#include "tests/gradcheck/dense_gradcheck_support.h"

namespace nnplay {
namespace {

Matrix random_matrix(int r, int c, Rng& rng, double scale = 1.0) {
  Matrix m(r, c);
  for (int i = 0; i < r; ++i)
    for (int j = 0; j < c; ++j) m(i, j) = rng.normal(0, scale);
  return m;
}

NetworkSpec two_layer(ActivationKind hidden, ActivationKind out_act, int outputs, int inputs = 3) {
  NetworkSpec s;
  s.input = {inputs, 1, 1};
  LayerSpec h;
  h.units = 5;
  h.activation.kind = hidden;
  h.activation.alpha = hidden == ActivationKind::Elu ? 1.0 : 0.1;
  h.init.kind = InitKind::Normal;
  h.init.scale = 0.8;
  LayerSpec o;
  o.units = outputs;
  o.activation.kind = out_act;
  o.init = h.init;
  s.layers = {h, h, o};
  return s;
}

class ActivationGrad : public ::testing::TestWithParam<ActivationKind> {};

TEST_P(ActivationGrad, MseThroughHiddenActivationMatchesFiniteDifferences) {
  Rng rng(11);
  Network net(two_layer(GetParam(), ActivationKind::Linear, 2), rng);
  // Bias the inputs away from ReLU's kink, where the derivative is undefined.
  Matrix x = random_matrix(6, 3, rng, 1.5);
  Matrix t = random_matrix(6, 2, rng);
  testing::check_network(net, x, t, Loss{LossKind::Mse});
}

INSTANTIATE_TEST_SUITE_P(AllActivations, ActivationGrad,
                         ::testing::Values(ActivationKind::Linear, ActivationKind::Sigmoid,
                                           ActivationKind::Tanh, ActivationKind::Relu,
                                           ActivationKind::LeakyRelu, ActivationKind::Elu),
                         [](const auto& info) { return activation_name(info.param); });

TEST(LossGrad, BinaryCrossEntropyFromLogits) {
  Rng rng(3);
  Network net(two_layer(ActivationKind::Tanh, ActivationKind::Linear, 1), rng);
  Matrix x = random_matrix(8, 3, rng);
  Matrix t(8, 1);
  for (int i = 0; i < 8; ++i) t(i, 0) = i % 2;
  testing::check_network(net, x, t, Loss{LossKind::Bce});
}

TEST(LossGrad, SoftmaxCrossEntropyFiveClasses) {
  Rng rng(4);
  Network net(two_layer(ActivationKind::Sigmoid, ActivationKind::Linear, 5), rng);
  Matrix x = random_matrix(7, 3, rng);
  Matrix t(7, 1);
  for (int i = 0; i < 7; ++i) t(i, 0) = i % 5;
  testing::check_network(net, x, t, Loss{LossKind::SoftmaxCe});
}

TEST(LossGrad, MseThroughSigmoidOutputAsInTheCourse) {
  Rng rng(5);
  Network net(two_layer(ActivationKind::Sigmoid, ActivationKind::Sigmoid, 1, 2), rng);
  Matrix x = random_matrix(4, 2, rng);
  Matrix t = random_matrix(4, 1, rng).array().abs().min(1.0);
  testing::check_network(net, x, t, Loss{LossKind::Mse});
}

TEST(LossGrad, SoftmaxActivationLayerJacobian) {
  // A softmax used as a plain activation (not fused with the loss) has a full Jacobian.
  Rng rng(6);
  Network net(two_layer(ActivationKind::Tanh, ActivationKind::Softmax, 3), rng);
  Matrix x = random_matrix(5, 3, rng);
  Matrix t = random_matrix(5, 3, rng);
  testing::check_network(net, x, t, Loss{LossKind::Mse});
}

TEST(LossStability, LargeLogitsStayFinite) {
  Matrix out(2, 3);
  out << 1000, -1000, 0, -800, 900, 1;
  Matrix t(2, 1);
  t << 1, 0;
  Matrix d;
  const double ce = Loss{LossKind::SoftmaxCe}.evaluate(out, t, &d, 2);
  EXPECT_TRUE(std::isfinite(ce));
  EXPECT_NEAR(ce, 2000 + 1700, 1e-6);  // lse - z_t per row: (1000 - -1000) + (900 - -800)
  EXPECT_TRUE(d.allFinite());
  Matrix z(2, 1);
  z << 800, -800;
  Matrix tb(2, 1);
  tb << 0, 0;
  const double bce = Loss{LossKind::Bce}.evaluate(z, tb, &d, 2);
  EXPECT_NEAR(bce, 800, 1e-9);  // softplus(800) - 0 + softplus(-800) ~ 800
  EXPECT_TRUE(d.allFinite());
}

}  // namespace
}  // namespace nnplay
