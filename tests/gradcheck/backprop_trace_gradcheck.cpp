// The step-through's numbers against central finite differences (double build): every dL/dW and
// every delta (which for one sample is dL/db) of the trace must match perturbing that parameter
// and re-running the trace's own forward pass, for each loss and hidden activation.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/core/rng.h"
#include "engine/train/backprop_trace.h"

namespace nnplay {
namespace {

bool close(double analytic, double numeric) {
  const double diff = std::abs(analytic - numeric);
  return diff < 1e-9 || diff / std::max(std::abs(analytic), std::abs(numeric)) < 1e-6;
}

NetworkSpec make_spec(ActivationKind hidden, ActivationKind out, int outputs) {
  NetworkSpec s;
  s.input = {3, 1, 1};
  LayerSpec a, b, c;
  a.units = 4;
  a.activation.kind = hidden;
  b.units = 3;
  b.activation.kind = hidden;
  c.units = outputs;
  c.activation.kind = out;
  s.layers = {a, b, c};
  return s;
}

size_t param_count(const NetworkSpec& s) {
  size_t n = 0;
  int in = s.input.size();
  for (const auto& l : s.layers) n += size_t(l.units) * (in + 1), in = l.units;
  return n;
}

void check(const NetworkSpec& spec, LossKind kind, double target, uint64_t seed) {
  static_assert(sizeof(Scalar) == 8, "gradient checks run on the double build of the engine");
  Rng rng(seed);
  std::vector<Scalar> p(param_count(spec));
  for (auto& v : p) v = rng.uniform(-1.2, 1.2);
  const std::vector<double> x = {0.7, -0.4, 1.1};
  const Loss loss{kind};
  const BackpropTrace t = trace_backprop(spec, loss, p, x, target);
  size_t off = 0;
  const double h = 1e-6;
  auto numeric = [&](size_t i) {
    std::vector<Scalar> q = p;
    q[i] = p[i] + h;
    const double up = trace_backprop(spec, loss, q, x, target).loss;
    q[i] = p[i] - h;
    const double down = trace_backprop(spec, loss, q, x, target).loss;
    return (up - down) / (2 * h);
  };
  for (size_t l = 0; l < t.layers.size(); ++l) {
    const LayerTrace& lt = t.layers[l];
    const size_t nw = size_t(lt.units) * lt.inputs;
    for (size_t i = 0; i < nw; ++i)
      ASSERT_TRUE(close(lt.grad_weight[i], numeric(off + i)))
          << "layer " << l << " dL/dW[" << i << "]: " << lt.grad_weight[i] << " vs " << numeric(off + i);
    for (int j = 0; j < lt.units; ++j)
      ASSERT_TRUE(close(lt.delta[j], numeric(off + nw + j)))
          << "layer " << l << " delta[" << j << "]: " << lt.delta[j] << " vs " << numeric(off + nw + j);
    off += nw + lt.units;
  }
  EXPECT_EQ(off, p.size());
}

TEST(BackpropTraceGradcheck, MseRegressionEveryHiddenActivation) {
  for (auto act : {ActivationKind::Sigmoid, ActivationKind::Tanh, ActivationKind::Relu,
                   ActivationKind::LeakyRelu, ActivationKind::Elu}) {
    SCOPED_TRACE(activation_name(act));
    check(make_spec(act, ActivationKind::Linear, 1), LossKind::Mse, 0.3, 11);
    check(make_spec(act, ActivationKind::Sigmoid, 1), LossKind::Mse, 1.0, 12);
  }
}

TEST(BackpropTraceGradcheck, BinaryCrossEntropy) {
  check(make_spec(ActivationKind::Tanh, ActivationKind::Sigmoid, 1), LossKind::Bce, 1.0, 21);
  check(make_spec(ActivationKind::Sigmoid, ActivationKind::Sigmoid, 1), LossKind::Bce, 0.0, 22);
}

TEST(BackpropTraceGradcheck, SoftmaxCrossEntropy) {
  check(make_spec(ActivationKind::Relu, ActivationKind::Softmax, 3), LossKind::SoftmaxCe, 2.0, 31);
}

// The hidden layers' dL/da is what the next layer sends back: W_next^T delta_next.
TEST(BackpropTraceGradcheck, HiddenDaIsTransposedWeightsTimesNextDelta) {
  const NetworkSpec spec = make_spec(ActivationKind::Tanh, ActivationKind::Linear, 2);
  Rng rng(5);
  std::vector<Scalar> p(param_count(spec));
  for (auto& v : p) v = rng.uniform(-1, 1);
  const BackpropTrace t = trace_backprop(spec, Loss{LossKind::Mse}, p, {0.1, 0.2, -0.3}, 0.5);
  for (size_t l = 0; l + 1 < t.layers.size(); ++l) {
    const LayerTrace& next = t.layers[l + 1];
    for (int i = 0; i < next.inputs; ++i) {
      double sum = 0;
      for (int j = 0; j < next.units; ++j) sum += next.weight[size_t(j) * next.inputs + i] * next.delta[j];
      EXPECT_NEAR(t.layers[l].da[i], sum, 1e-12) << "layer " << l << " unit " << i;
    }
  }
}

}  // namespace
}  // namespace nnplay
