// Frame-time statistics on known samples.
#include "app/gui/logic/frame_stats_math.h"

#include <gtest/gtest.h>

namespace nnplay::gui {
namespace {

TEST(FrameStats, EmptyIsZero) {
  FrameTimes t(10);
  EXPECT_EQ(t.size(), 0u);
  EXPECT_EQ(t.mean(), 0);
  EXPECT_EQ(t.percentile(99), 0);
}

TEST(FrameStats, MeanAndPercentilesOfOneToHundred) {
  FrameTimes t(100);
  for (int i = 100; i >= 1; --i) t.add(i);  // order must not matter
  EXPECT_DOUBLE_EQ(t.mean(), 50.5);
  EXPECT_DOUBLE_EQ(t.percentile(99), 99);
  EXPECT_DOUBLE_EQ(t.percentile(50), 50);
  EXPECT_DOUBLE_EQ(t.percentile(100), 100);
  EXPECT_DOUBLE_EQ(t.percentile(0), 1);
  EXPECT_DOUBLE_EQ(t.max(), 100);
}

TEST(FrameStats, OneSlowFrameShowsInP99OfSmallSample) {
  FrameTimes t(50);
  for (int i = 0; i < 49; ++i) t.add(16.0);
  t.add(80.0);
  EXPECT_DOUBLE_EQ(t.percentile(99), 80.0);  // ceil(0.99 * 50) = 50th of 50
  EXPECT_DOUBLE_EQ(t.percentile(90), 16.0);
  EXPECT_NEAR(t.mean(), (49 * 16.0 + 80.0) / 50, 1e-12);
}

TEST(FrameStats, RingKeepsOnlyTheNewest) {
  FrameTimes t(4);
  for (int i = 1; i <= 10; ++i) t.add(i);
  EXPECT_EQ(t.size(), 4u);
  EXPECT_EQ(t.total(), 10);
  EXPECT_EQ(t.samples(), (std::vector<double>{7, 8, 9, 10}));
  EXPECT_DOUBLE_EQ(t.mean(), 8.5);
  t.clear();
  EXPECT_EQ(t.size(), 0u);
  EXPECT_EQ(t.total(), 0);
}

}  // namespace
}  // namespace nnplay::gui
