// The Gradients view's pure logic: the vanishing/exploding verdict, which history slices become
// ridges, symmetric-log labels and a grid range shared by all layers.
#include <gtest/gtest.h>

#include <cmath>

#include "app/gui/logic/gradient_flow.h"
#include "app/gui/logic/histogram_grid.h"

namespace nnplay::gui {
namespace {

TEST(GradientFlow, VerdictFollowsTheFirstOverLastRatio) {
  // Layer 1 has no weights (a pooling layer): skipped, not "vanished".
  auto v = classify_gradient_flow({1e-6, 0, 3e-3, 0.02});
  EXPECT_EQ(v.flow, GradientFlow::Vanishing);
  EXPECT_EQ(v.first, 0);
  EXPECT_EQ(v.last, 3);
  EXPECT_NEAR(v.ratio, 5e-5, 1e-12);
  EXPECT_EQ(classify_gradient_flow({0.05, 0.1, 0.2}).flow, GradientFlow::Healthy);
  EXPECT_EQ(classify_gradient_flow({500, 10, 1}).flow, GradientFlow::Exploding);
  EXPECT_EQ(classify_gradient_flow({0.1, NAN, 0.1}).flow, GradientFlow::Exploding);
  EXPECT_EQ(classify_gradient_flow({0.1}).flow, GradientFlow::Unknown);
  EXPECT_EQ(classify_gradient_flow({0, 0.3, 0}).flow, GradientFlow::Unknown);
  // Exactly at the limit is still healthy; just beyond it is not.
  EXPECT_EQ(classify_gradient_flow({1, 100}).flow, GradientFlow::Healthy);
  EXPECT_EQ(classify_gradient_flow({1, 100.5}).flow, GradientFlow::Vanishing);
}

TEST(PickSlices, EvenlySpreadKeepsFirstAndNewest) {
  auto s = pick_slices(100, 5);
  EXPECT_EQ(s, (std::vector<size_t>{0, 25, 50, 74, 99}));
  EXPECT_EQ(pick_slices(3, 10), (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(pick_slices(7, 1), (std::vector<size_t>{6}));
  EXPECT_TRUE(pick_slices(0, 4).empty());
  const auto many = pick_slices(1000, 24);
  EXPECT_EQ(many.size(), 24u);
  for (size_t i = 1; i < many.size(); ++i) EXPECT_LT(many[i - 1], many[i]);
}

TEST(FormatSymlog, WholeDecadesReadAsPowersOfTen) {
  EXPECT_EQ(format_symlog(0), "0");
  EXPECT_EQ(format_symlog(symlog_of(1e-6)), "1e-6");    // 3.0000004: rounds to its decade
  EXPECT_EQ(format_symlog(std::round(symlog_of(1e-6))), "1e-6");
  EXPECT_EQ(format_symlog(-std::round(symlog_of(0.01))), "-0.01");
  EXPECT_EQ(format_symlog(std::round(symlog_of(1.0))), "1");
  // Between decades the value itself, to two digits.
  const std::string mid = format_symlog(symlog_of(3e-4));
  EXPECT_EQ(mid, "0.0003");
}

TEST(HistogramGridRange, FixedRangeOverridesTheUnion) {
  Histogram a;
  a.lo = -1, a.hi = 1;
  a.counts.fill(1);
  double lo = 0, hi = 0;
  ASSERT_TRUE(histogram_range({&a}, lo, hi));
  EXPECT_DOUBLE_EQ(lo, -1);
  const auto g = histograms_on_common_grid({&a}, 8, false, -2, 2);
  EXPECT_DOUBLE_EQ(g.lo, -2);
  EXPECT_DOUBLE_EQ(g.hi, 2);
  double sum = 0;
  for (float v : g.values) sum += v;
  EXPECT_NEAR(sum, kHistogramBins, 1e-3);  // nothing lost to the wider range
  EXPECT_NEAR(g.values[0], 0, 1e-6);       // [-2, -1.5) holds nothing
  Histogram empty;
  EXPECT_FALSE(histogram_range({&empty, nullptr}, lo, hi));
}

}  // namespace
}  // namespace nnplay::gui
