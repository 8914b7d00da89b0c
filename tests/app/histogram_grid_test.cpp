// Histograms with different ranges resampled onto one time x value grid (gradient heatmaps).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "app/gui/logic/histogram_grid.h"

using nnplay::Histogram;
using nnplay::kHistogramBins;
using nnplay::gui::histograms_on_common_grid;

namespace {
Histogram uniform(double lo, double hi, int per_bin) {
  Histogram h;
  h.lo = lo, h.hi = hi;
  h.counts.fill(per_bin);
  return h;
}
double column_sum(const nnplay::gui::HistogramGrid& g, int t) {
  double s = 0;
  for (int k = 0; k < g.bins; ++k) s += g.values[static_cast<size_t>(k) * g.times + t];
  return s;
}
}  // namespace

TEST(HistogramGrid, CommonRangeIsTheUnionAndCountsAreKept) {
  Histogram a = uniform(-1, 1, 2), b = uniform(0, 4, 1);
  auto g = histograms_on_common_grid({&a, &b}, 10, false);
  EXPECT_DOUBLE_EQ(g.lo, -1);
  EXPECT_DOUBLE_EQ(g.hi, 4);
  ASSERT_EQ(g.values.size(), 20u);
  EXPECT_NEAR(column_sum(g, 0), 2.0 * kHistogramBins, 1e-3);
  EXPECT_NEAR(column_sum(g, 1), 1.0 * kHistogramBins, 1e-3);
  // a's 64 counts cover [-1, 1] = common bins 0..3 (width 0.5): 16 each, nothing above.
  for (int k = 0; k < 4; ++k) EXPECT_NEAR(g.values[k * 2 + 0], 16, 1e-3) << k;
  EXPECT_NEAR(g.values[5 * 2 + 0], 0, 1e-6);
}

TEST(HistogramGrid, FractionsMakeColumnsSumToOne) {
  Histogram a = uniform(-1, 1, 7), b = uniform(-3, 3, 1);
  auto g = histograms_on_common_grid({&a, &b}, 16, true);
  EXPECT_NEAR(column_sum(g, 0), 1.0, 1e-5);
  EXPECT_NEAR(column_sum(g, 1), 1.0, 1e-5);
}

TEST(HistogramGrid, EmptyHistogramGivesNanColumn) {
  Histogram a = uniform(-1, 1, 1), empty;
  auto g = histograms_on_common_grid({&a, &empty, nullptr}, 4, false);
  EXPECT_EQ(g.times, 3);
  EXPECT_TRUE(std::isnan(g.values[1]));
  EXPECT_TRUE(std::isnan(g.values[2]));
  EXPECT_FALSE(std::isnan(g.values[0]));
}

TEST(HistogramGrid, NoUsableInputKeepsADefaultRange) {
  auto g = histograms_on_common_grid({}, 8, true);
  EXPECT_EQ(g.times, 0);
  EXPECT_TRUE(g.values.empty());
  EXPECT_LT(g.lo, g.hi);
}
