// Per-layer statistics on hand-built cases: histogram counts add up on both axes, saturated
// and dead units are counted per unit and per layer, and a trained session reports them.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "engine/data/features.h"
#include "engine/data/generators.h"
#include "engine/train/layer_stats.h"
#include "engine/train/session.h"

namespace nnplay {
namespace {

TEST(LayerStatsHistogram, BothAxesCountEveryFiniteValue) {
  std::mt19937 rng(3);
  std::normal_distribution<float> gauss(0.0f, 0.01f);
  std::vector<Scalar> v(1000);
  for (auto& x : v) x = gauss(rng);
  v[17] = 50.0f;  // a far tail
  v[18] = NAN;
  Histogram lin, log;
  make_histograms(v.data(), v.size(), lin, log);
  EXPECT_EQ(lin.total(), 999);
  EXPECT_EQ(log.total(), 999);
  EXPECT_DOUBLE_EQ(lin.hi, 50.0);          // the tail is inside the range, not clipped
  EXPECT_EQ(lin.counts.back(), 1);
  // On the linear axis the tail squashes the bulk into two bins; symlog spreads it out.
  auto used = [](const Histogram& h) { int n = 0; for (int c : h.counts) n += c > 0; return n; };
  EXPECT_LE(used(lin), 3);
  EXPECT_GE(used(log), 10);
  EXPECT_NEAR(symlog_to_value(log.hi), 50.0, 1e-6);
}

TEST(LayerStatsHistogram, SymlogRoundTripsAndIsOddAndMonotonic) {
  for (double v : {-3.0, -1e-7, 0.0, 2e-10, 1e-4, 7.5}) EXPECT_NEAR(symlog_to_value(symlog_of(v)), v, 1e-9 * (1 + std::abs(v)));
  EXPECT_DOUBLE_EQ(symlog_of(-0.25), -symlog_of(0.25));
  EXPECT_LT(symlog_of(1e-8), symlog_of(1e-6));
  EXPECT_LT(symlog_of(1e-6), symlog_of(1.0));
}

TEST(LayerStatsHistogram, ConstantValuesStillGetAWidth) {
  std::vector<Scalar> v(10, 0.5f);
  const Histogram h = make_histogram(v.data(), v.size(), false);
  EXPECT_LT(h.lo, 0.5);
  EXPECT_GT(h.hi, 0.5);
  EXPECT_EQ(h.total(), 10);
  const Histogram none = make_histogram(v.data(), 0, false);
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.total(), 0);
}

TEST(LayerStatsUnits, SaturationPerUnitAndOverall) {
  // 4 samples x 3 units. Threshold is kSaturationThreshold (4): unit 0 always beyond it, unit 1
  // for one sample of 4 (exactly 4 is not beyond), unit 2 never. The batch comes in two chunks.
  Matrix a(2, 3), b(2, 3);
  a << 5, 0.1f, 0, -6, 4.0f, 1;
  b << 4.5f, -9, -2, -10, 3.9f, 3.99f;
  std::vector<float> per_unit;
  const double all = saturation_stats({&a, &b}, per_unit);
  ASSERT_EQ(per_unit.size(), 3u);
  EXPECT_FLOAT_EQ(per_unit[0], 1.0f);
  EXPECT_FLOAT_EQ(per_unit[1], 0.25f);
  EXPECT_FLOAT_EQ(per_unit[2], 0.0f);
  EXPECT_DOUBLE_EQ(all, 5.0 / 12.0);
  LayerStats s;
  s.unit_saturation = per_unit;
  EXPECT_TRUE(s.unit_saturated(0));
  EXPECT_FALSE(s.unit_saturated(1));
  EXPECT_FALSE(s.unit_saturated(7));  // out of range is never marked
}

TEST(LayerStatsUnits, DeadOnlyWhenZeroForTheWholeBatch) {
  // Unit 1 is zero in the first chunk but positive once in the second: alive. Unit 2: dead.
  Matrix a(2, 3), b(2, 3);
  a << 1, 0, 0, 0, 0, 0;
  b << 0, 0.2f, 0, 0, 0, 0;
  std::vector<uint8_t> alive;
  mark_alive(a, alive);
  EXPECT_EQ(alive, (std::vector<uint8_t>{1, 0, 0}));
  mark_alive(b, alive);
  EXPECT_EQ(alive, (std::vector<uint8_t>{1, 1, 0}));
}

// A 2 -> 3 ReLU -> 3 sigmoid -> 1 network with hand-set weights: ReLU unit 0 has zero weights
// and bias -1 (dead for every input); sigmoid unit 2 has bias 20 (saturated for every input).
TEST(LayerStatsUnits, SessionMarksTheHandBuiltDeadAndSaturatedUnits) {
  PointSet pts = generate({"circle", 200, 0.1, 2, 5});
  assign_splits(pts, {}, 5);
  auto data = std::make_shared<Dataset>(make_dataset(pts, {"x1", "x2"}));
  LayerSpec relu, sig, out;
  relu.units = 3;
  relu.activation.kind = ActivationKind::Relu;
  relu.weight = std::vector<double>{0, 0, 1, 0.5, -0.5, 1};
  relu.bias = std::vector<double>{-1, 0.1, 0.1};
  sig.units = 3;
  sig.activation.kind = ActivationKind::Sigmoid;
  sig.weight = std::vector<double>{0.1, 0.2, 0.3, -0.2, 0.1, 0.1, 0.1, 0.1, 0.1};
  sig.bias = std::vector<double>{0, 0, 20};
  out.units = 1;
  out.activation.kind = ActivationKind::Sigmoid;
  NetworkSpec spec;
  spec.layers = {relu, sig, out};
  TrainSettings ts;
  ts.batch_size = 64;
  ts.optimizer.lr = 1e-4;  // the hand-set units stay as built
  ThreadPool pool(2);
  TrainingSession s(data, spec, Loss{LossKind::Bce}, ts, 1, &pool);
  s.step();
  const auto stats = s.layer_stats();
  ASSERT_EQ(stats.size(), 3u);
  EXPECT_EQ(stats[0].unit_dead, (std::vector<uint8_t>{1, 0, 0}));
  EXPECT_NEAR(stats[0].dead_fraction, 1.0 / 3.0, 1e-12);
  EXPECT_TRUE(stats[0].unit_saturation.empty());  // ReLU units do not saturate
  ASSERT_EQ(stats[1].unit_saturation.size(), 3u);
  EXPECT_FLOAT_EQ(stats[1].unit_saturation[2], 1.0f);
  EXPECT_FLOAT_EQ(stats[1].unit_saturation[0], 0.0f);
  EXPECT_TRUE(stats[1].unit_saturated(2));
  EXPECT_NEAR(stats[1].saturated_fraction, 1.0 / 3.0, 1e-6);
  EXPECT_TRUE(stats[1].unit_dead.empty());
  for (const LayerStats& l : stats) {
    EXPECT_EQ(l.weights.total(), l.symlog_weights.total());
    EXPECT_EQ(l.grads.total(), l.symlog_grads.total());
    EXPECT_GT(l.activations.total(), 0);
    EXPECT_TRUE(l.symlog_activations.symlog);
    EXPECT_FALSE(l.activations.symlog);
  }
  EXPECT_EQ(stats[0].weights.total(), 6);
  const LayerStatsPoint p = layer_stats_point(s.steps(), stats);
  EXPECT_EQ(p.step, 1);
  ASSERT_EQ(p.histograms(StatKind::PreActivations).size(), 3u);
  EXPECT_EQ(p.histograms(StatKind::Weights)[1].total(), 9);
  EXPECT_DOUBLE_EQ(p.dead_fraction[0], stats[0].dead_fraction);
  const LayerStatsPoint q = layer_stats_point(s.steps(), stats, true);
  EXPECT_TRUE(q.histograms(StatKind::Gradients)[2].symlog);
  EXPECT_DOUBLE_EQ(q.histograms(StatKind::Activations)[0].hi, stats[0].symlog_activations.hi);
}

}  // namespace
}  // namespace nnplay
