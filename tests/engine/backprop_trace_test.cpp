// The backprop step-through on the course's worked 2-2-1 example (notes 02): the forward values
// the notes print, the correct chain-rule backward (sigma'(z) = sigma(z)(1 - sigma(z)), not the
// notes' sigma(z) sigma(1 - z)), and agreement with what a real training step computes.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/core/error.h"
#include "engine/experiment/experiment.h"
#include "engine/experiment/materialize.h"
#include "engine/train/backprop_trace.h"
#include "engine/train/session.h"

namespace nnplay {
namespace {

struct WorkedExample {
  Experiment exp;
  std::shared_ptr<const Dataset> data;
  std::unique_ptr<TrainingSession> session;
  BackpropTrace trace;
};

WorkedExample load() {
  WorkedExample w;
  w.exp = load_experiment("assets/experiments/backprop-2-2-1.json");
  w.data = build_dataset(w.exp);
  w.session = std::make_unique<TrainingSession>(w.data, w.exp.network, w.exp.loss, w.exp.train,
                                                w.exp.seed, nullptr);
  const auto& p = w.session->network().params();
  const Matrix& x = w.data->train.x;
  w.trace = trace_backprop(w.session->spec(), w.exp.loss, std::vector<Scalar>(p.begin(), p.end()),
                           {x(0, 0), x(0, 1)}, w.data->train.y(0, 0));
  return w;
}

TEST(BackpropTrace, WorkedExampleForwardMatchesTheNotes) {
  const WorkedExample w = load();
  const auto& l1 = w.trace.layers[0];
  const auto& l2 = w.trace.layers[1];
  EXPECT_NEAR(w.trace.x[0], 0.2, 1e-6);
  EXPECT_NEAR(w.trace.x[1], 0.3, 1e-6);
  EXPECT_NEAR(l1.z[0], 0.1 * 0.2 + 0.2 * 0.3 + 0.5, 1e-6);  // 0.58 in the notes
  EXPECT_NEAR(l1.z[1], 0.3 * 0.2 + 0.4 * 0.3 + 0.5, 1e-6);  // 0.68
  EXPECT_NEAR(l1.a[0], 1 / (1 + std::exp(-0.58)), 1e-6);     // 0.64
  EXPECT_NEAR(l1.a[1], 1 / (1 + std::exp(-0.68)), 1e-6);     // 0.66
  EXPECT_NEAR(l2.z[0], 1.22, 5e-3);
  EXPECT_NEAR(l2.a[0], 0.77, 5e-3);
  EXPECT_NEAR(w.trace.output[0], l2.a[0], 1e-12);
  EXPECT_NEAR(w.trace.loss, 0.60, 5e-3);
  EXPECT_FALSE(w.trace.fused_output);
}

TEST(BackpropTrace, WorkedExampleBackwardUsesTheCorrectSigmoidDerivative) {
  const WorkedExample w = load();
  const auto& l1 = w.trace.layers[0];
  const auto& l2 = w.trace.layers[1];
  const double y = l2.a[0];
  const double dy = 2 * (y - 0.0);
  EXPECT_NEAR(l2.da[0], dy, 1e-6);
  EXPECT_NEAR(l2.delta[0], dy * y * (1 - y), 1e-6);
  EXPECT_NEAR(l2.delta[0], 0.2718, 1e-3);  // dL/db', not the notes' 0.53
  // The notes' derivative sigma(z) sigma(1 - z) would give a clearly different delta.
  const double z = l2.z[0];
  const double notes = dy * y / (1 + std::exp(-(1 - z)));
  EXPECT_GT(std::abs(l2.delta[0] - notes), 0.05);
  for (int i = 0; i < 2; ++i) {
    EXPECT_NEAR(l2.grad_weight[i], l2.delta[0] * l1.a[i], 1e-6);
    EXPECT_NEAR(l1.da[i], l2.delta[0] * l2.weight[i], 1e-6);
    EXPECT_NEAR(l1.delta[i], l1.da[i] * l1.a[i] * (1 - l1.a[i]), 1e-6);
    for (int j = 0; j < 2; ++j) EXPECT_NEAR(l1.grad_weight[i * 2 + j], l1.delta[i] * w.trace.x[j], 1e-6);
  }
}

// The trace is what training uses: its gradients equal those of one real step on the sample.
TEST(BackpropTrace, WorkedExampleMatchesATrainingStep) {
  WorkedExample w = load();
  w.session->step();
  const auto& g = w.session->last_grads();
  // Layout: W (2x2 row-major), b (2), W' (1x2), b' (1).
  const auto& l1 = w.trace.layers[0];
  const auto& l2 = w.trace.layers[1];
  const double expect[9] = {l1.grad_weight[0], l1.grad_weight[1], l1.grad_weight[2], l1.grad_weight[3],
                            l1.delta[0], l1.delta[1], l2.grad_weight[0], l2.grad_weight[1], l2.delta[0]};
  ASSERT_EQ(g.size(), 9u);
  for (int i = 0; i < 9; ++i) EXPECT_NEAR(g[i], expect[i], 1e-6) << "gradient " << i;
}

TEST(BackpropTrace, StepsGoForwardThenLossThenBackward) {
  const WorkedExample w = load();
  const auto& s = w.trace.steps;
  ASSERT_EQ(s.size(), 7u);
  EXPECT_EQ(s[0].kind, TraceStepKind::Input);
  EXPECT_EQ(s[1].kind, TraceStepKind::Forward);
  EXPECT_EQ(s[1].layer, 0);
  EXPECT_EQ(s[2].kind, TraceStepKind::Forward);
  EXPECT_EQ(s[2].layer, 1);
  EXPECT_EQ(s[3].kind, TraceStepKind::Loss);
  EXPECT_EQ(s[4].kind, TraceStepKind::Backward);
  EXPECT_EQ(s[4].layer, 1);
  EXPECT_EQ(s[5].kind, TraceStepKind::Backward);
  EXPECT_EQ(s[5].layer, 0);
  EXPECT_EQ(s[6].kind, TraceStepKind::Update);
  EXPECT_EQ(trace_neuron_count(w.session->spec()), 5);
}

TEST(BackpropTrace, CrossEntropyOutputDeltaIsProbabilityMinusTarget) {
  NetworkSpec spec;
  spec.input = {2, 1, 1};
  LayerSpec out;
  out.units = 1;
  out.activation.kind = ActivationKind::Sigmoid;
  spec.layers = {out};
  const std::vector<Scalar> p = {0.5f, -0.25f, 0.1f};
  const BackpropTrace t = trace_backprop(spec, Loss{LossKind::Bce}, p, {1.0, 2.0}, 1.0);
  const double z = 0.5 * 1.0 - 0.25 * 2.0 + 0.1;
  const double prob = 1 / (1 + std::exp(-z));
  EXPECT_TRUE(t.fused_output);
  EXPECT_NEAR(t.layers[0].z[0], z, 1e-6);
  EXPECT_NEAR(t.layers[0].a[0], prob, 1e-6);
  EXPECT_NEAR(t.layers[0].delta[0], prob - 1.0, 1e-6);
  EXPECT_NEAR(t.loss, -std::log(prob), 1e-6);
}

TEST(BackpropTrace, RefusesWhatItCannotShow) {
  NetworkSpec spec;
  spec.input = {1, 4, 4};
  LayerSpec conv;
  conv.type = "conv2d";
  conv.channels = 1;
  spec.layers = {conv};
  EXPECT_FALSE(trace_unsupported_reason(spec).empty());
  EXPECT_THROW(trace_backprop(spec, Loss{}, {}, std::vector<double>(16), 0), Error);

  NetworkSpec dense;
  dense.input = {2, 1, 1};
  dense.layers = {LayerSpec{}};
  dense.layers[0].units = 1;
  EXPECT_TRUE(trace_unsupported_reason(dense).empty());
  EXPECT_THROW(trace_backprop(dense, Loss{}, {1.0f, 2.0f}, {0.0, 0.0}, 0), Error);  // 3 params needed
}

}  // namespace
}  // namespace nnplay
