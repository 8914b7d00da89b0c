// Overfitting detection for the learning-curves panel.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "app/gui/logic/curve_trends.h"

using nnplay::MetricPoint;
using nnplay::gui::detect_overfitting;

namespace {
// Training loss falls throughout; validation loss falls, then (if `turn` >= 0) rises after `turn`.
std::vector<MetricPoint> curves(int n, int turn, double rise_per_step) {
  std::vector<MetricPoint> h;
  for (int i = 0; i < n; ++i) {
    MetricPoint p;
    p.step = i * 10;
    p.epoch = i / 10.0;
    p.train_loss = 1.0 / (1 + i);
    const int k = turn >= 0 && i > turn ? turn : i;
    p.val_loss = 1.2 / (1 + k) + (turn >= 0 && i > turn ? rise_per_step * (i - turn) : 0);
    h.push_back(p);
  }
  return h;
}
}  // namespace

TEST(Overfitting, FallingCurvesAreFine) {
  auto r = detect_overfitting(curves(100, -1, 0));
  EXPECT_FALSE(r.overfitting);
  EXPECT_EQ(r.best_step, 990);
  EXPECT_NEAR(r.rise, 0, 1e-12);
}

TEST(Overfitting, RisingValidationWhileTrainingFalls) {
  auto r = detect_overfitting(curves(100, 40, 0.002));
  EXPECT_TRUE(r.overfitting);
  EXPECT_EQ(r.best_step, 400);
  EXPECT_GT(r.rise, 0.10);
}

TEST(Overfitting, ABriefBumpIsNotATrend) {
  auto h = curves(100, -1, 0);
  h.push_back(h.back());
  h.back().step += 10;
  h.back().val_loss *= 2;  // one noisy evaluation
  EXPECT_FALSE(detect_overfitting(h).overfitting);
}

TEST(Overfitting, BothRisingIsNotOverfitting) {
  auto h = curves(100, 40, 0.002);
  for (size_t i = 41; i < h.size(); ++i) h[i].train_loss = 0.5 + 0.01 * i;  // training diverges too
  EXPECT_FALSE(detect_overfitting(h).overfitting);
}

TEST(Overfitting, MissingValidationValues) {
  auto h = curves(100, 40, 0.002);
  for (size_t i = 0; i < h.size(); ++i)
    if (i % 3) h[i].val_loss = NAN;  // validation evaluated every third point
  auto r = detect_overfitting(h);
  EXPECT_TRUE(r.overfitting);
  std::vector<MetricPoint> none(10);
  EXPECT_FALSE(detect_overfitting(none).overfitting);
  EXPECT_EQ(detect_overfitting(none).best_step, -1);
  EXPECT_FALSE(detect_overfitting({}).overfitting);
}
