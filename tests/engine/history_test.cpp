#include <gtest/gtest.h>

#include "engine/train/history.h"
#include "engine/train/layer_stats.h"

namespace nnplay {
namespace {

TEST(DecimatedHistory, StaysBoundedAndKeepsTheStart) {
  DecimatedHistory<MetricPoint> h(64);
  for (long i = 0; i < 100000; ++i) {
    MetricPoint p;
    p.step = i;
    h.add(p);
  }
  const auto pts = h.points();
  EXPECT_LE(pts.size(), 65u);
  EXPECT_GE(pts.size(), 32u);
  EXPECT_EQ(pts.front().step, 0);
  EXPECT_EQ(pts.back().step, 99999);  // the newest point is always shown
  for (size_t i = 1; i < pts.size(); ++i) EXPECT_LT(pts[i - 1].step, pts[i].step);
}

TEST(Histogram, CountsAddUpAndTailsLandInEndBins) {
  std::vector<Scalar> v = {-5, -1, 0, 0.5f, 1, 2, 100, NAN};
  const Histogram h = make_histogram(v.data(), v.size(), false);
  EXPECT_EQ(h.total(), 7);  // NaN is skipped
  EXPECT_EQ(h.counts.front(), 1);
  EXPECT_EQ(h.counts.back(), 1);
  EXPECT_DOUBLE_EQ(h.lo, -5);
  EXPECT_DOUBLE_EQ(h.hi, 100);
  const Histogram s = make_histogram(v.data(), v.size(), true);
  EXPECT_EQ(s.total(), 7);
  EXPECT_TRUE(s.symlog);
}

}  // namespace
}  // namespace nnplay
