// Two successive steps of every optimiser against values computed by hand from its definition
// (engine/nn/optimizer.h), on two parameters with fixed gradients.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/nn/optimizer.h"

namespace nnplay {
namespace {

struct TwoSteps {
  std::vector<Scalar> p1, p2;
};

TwoSteps run(OptimizerSettings s) {
  Optimizer opt(s);
  std::vector<Scalar> p = {1.0f, -2.0f};
  const std::vector<Scalar> g1 = {0.5f, -1.0f}, g2 = {0.25f, 2.0f};
  TwoSteps r;
  opt.step(p.data(), g1.data(), 2);
  r.p1 = p;
  opt.step(p.data(), g2.data(), 2);
  r.p2 = p;
  return r;
}

OptimizerSettings with(OptimizerKind k, double lr) {
  OptimizerSettings s;
  s.kind = k;
  s.lr = lr;
  return s;
}

void expect_pair(const std::vector<Scalar>& got, double a, double b) {
  EXPECT_NEAR(got[0], a, 2e-6);
  EXPECT_NEAR(got[1], b, 2e-6);
}

TEST(Optimizer, Sgd) {
  auto r = run(with(OptimizerKind::Sgd, 0.1));
  expect_pair(r.p1, 1 - 0.05, -2 + 0.1);
  expect_pair(r.p2, 0.95 - 0.025, -1.9 - 0.2);
}

TEST(Optimizer, MomentumPyTorchForm) {
  // v1 = g1, p1 = p0 - lr v1; v2 = 0.9 v1 + g2, p2 = p1 - lr v2
  auto r = run(with(OptimizerKind::Momentum, 0.1));
  expect_pair(r.p1, 0.95, -1.9);
  expect_pair(r.p2, 0.95 - 0.1 * (0.45 + 0.25), -1.9 - 0.1 * (-0.9 + 2.0));
}

TEST(Optimizer, Nesterov) {
  // v1 = g1, p1 = p0 - lr (g1 + mu v1); v2 = mu v1 + g2, p2 = p1 - lr (g2 + mu v2)
  auto r = run(with(OptimizerKind::Nesterov, 0.1));
  const double a1 = 1 - 0.1 * (0.5 + 0.45), b1 = -2 - 0.1 * (-1 - 0.9);
  expect_pair(r.p1, a1, b1);
  const double va = 0.45 + 0.25, vb = -0.9 + 2.0;
  expect_pair(r.p2, a1 - 0.1 * (0.25 + 0.9 * va), b1 - 0.1 * (2.0 + 0.9 * vb));
}

TEST(Optimizer, Adagrad) {
  auto r = run(with(OptimizerKind::Adagrad, 0.1));
  const double a1 = 1 - 0.1 * 0.5 / (0.5 + 1e-10), b1 = -2 - 0.1 * -1 / (1 + 1e-10);
  expect_pair(r.p1, a1, b1);
  expect_pair(r.p2, a1 - 0.1 * 0.25 / std::sqrt(0.25 + 0.0625), b1 - 0.1 * 2 / std::sqrt(1 + 4.0));
}

TEST(Optimizer, RmsProp) {
  auto r = run(with(OptimizerKind::RmsProp, 0.01));
  const double sa1 = 0.01 * 0.25, sb1 = 0.01 * 1.0;
  const double a1 = 1 - 0.01 * 0.5 / (std::sqrt(sa1) + 1e-8), b1 = -2 - 0.01 * -1 / (std::sqrt(sb1) + 1e-8);
  expect_pair(r.p1, a1, b1);
  const double sa2 = 0.99 * sa1 + 0.01 * 0.0625, sb2 = 0.99 * sb1 + 0.01 * 4;
  expect_pair(r.p2, a1 - 0.01 * 0.25 / (std::sqrt(sa2) + 1e-8), b1 - 0.01 * 2 / (std::sqrt(sb2) + 1e-8));
}

TEST(Optimizer, AdamWithBiasCorrection) {
  auto r = run(with(OptimizerKind::Adam, 0.1));
  // Step 1: m-hat = g, v-hat = g^2, so the step is lr * sign(g) (up to eps).
  expect_pair(r.p1, 1 - 0.1, -2 + 0.1);
  auto second = [](double g1, double g2) {
    const double m = 0.9 * 0.1 * g1 + 0.1 * g2, v = 0.999 * 0.001 * g1 * g1 + 0.001 * g2 * g2;
    const double mh = m / (1 - 0.81), vh = v / (1 - 0.999 * 0.999);
    return 0.1 * mh / (std::sqrt(vh) + 1e-8);
  };
  expect_pair(r.p2, 0.9 - second(0.5, 0.25), -1.9 - second(-1, 2));
}

TEST(Optimizer, ChangingLearningRateKeepsMomentumState) {
  OptimizerSettings s = with(OptimizerKind::Momentum, 0.1);
  Optimizer opt(s);
  std::vector<Scalar> p = {0.f};
  const std::vector<Scalar> g = {1.f};
  opt.step(p.data(), g.data(), 1);  // v = 1, p = -0.1
  s.lr = 1.0;
  opt.set_settings(s);
  opt.step(p.data(), g.data(), 1);  // v = 1.9, p = -0.1 - 1.9
  EXPECT_NEAR(p[0], -2.0, 1e-6);
}

}  // namespace
}  // namespace nnplay
