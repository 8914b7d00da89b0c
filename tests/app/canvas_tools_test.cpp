// Canvas tools on PointSets: brush density and placement, eraser radius, nearest-point drag.
#include "app/gui/logic/canvas_tools.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using nnplay::Point;
using nnplay::PointSet;
using nnplay::Rng;
using nnplay::SplitFractions;
using namespace nnplay::gui;

TEST(CanvasTools, BrushAddsAboutDensityTimesAreaInsideTheRadiusWithTheActiveClass) {
  PointSet set;
  Rng rng(7);
  const double radius = 1.5, density = 20;
  int total = 0;
  const int dabs = 50;
  for (int i = 0; i < dabs; ++i) {
    total += spray_points(set, 2.0, -1.0, radius, density, 3, SplitFractions{}, rng);
  }
  EXPECT_EQ(static_cast<size_t>(total), set.points.size());
  const double expected = density * std::numbers::pi * radius * radius;
  EXPECT_NEAR(double(total) / dabs, expected, expected * 0.02);
  for (const Point& p : set.points) {
    EXPECT_LE(std::hypot(p.x1 - 2.0, p.x2 + 1.0), radius + 1e-12);
    EXPECT_EQ(p.y, 3);
  }
}

TEST(CanvasTools, BrushSplitsFollowTheFractions) {
  PointSet set;
  Rng rng(3);
  spray_points(set, 0, 0, 3, 200, 0, SplitFractions{0.5, 0.5, 0}, rng);
  EXPECT_GT(set.points.size(), 5000u);
  const double train = nnplay::count_split(set, nnplay::SplitId::Train);
  EXPECT_NEAR(train / set.points.size(), 0.5, 0.03);
  EXPECT_EQ(nnplay::count_split(set, nnplay::SplitId::Test), 0);
}

TEST(CanvasTools, EraserRemovesOnlyPointsWithinTheRadius) {
  PointSet set;
  set.points = {Point{0, 0}, Point{0.9, 0}, Point{0, -1.0}, Point{1.1, 0}, Point{5, 5}};
  EXPECT_EQ(erase_points(set, 0, 0, 1.0), 3);
  ASSERT_EQ(set.points.size(), 2u);
  EXPECT_EQ(set.points[0].x1, 1.1);
  EXPECT_EQ(set.points[1].x1, 5);
}

TEST(CanvasTools, DragMovesTheNearestPoint) {
  PointSet set;
  set.points = {Point{0, 0, 0}, Point{1, 1, 1}, Point{3, 3, 0}};
  const auto idx = nearest_point(set, 1.2, 0.8, 0.5);
  ASSERT_TRUE(idx.has_value());
  EXPECT_EQ(*idx, 1u);
  move_point(set, *idx, -2, 4);
  EXPECT_EQ(set.points[1].x1, -2);
  EXPECT_EQ(set.points[1].x2, 4);
  EXPECT_EQ(set.points[1].y, 1);
  EXPECT_EQ(set.points[0].x1, 0);
  EXPECT_FALSE(nearest_point(set, 10, 10, 0.5).has_value());
  move_point(set, 99, 0, 0);  // ignored
}

TEST(CanvasTools, SinglePointGetsLabelAndAValidSplit) {
  PointSet set;
  Rng rng(1);
  add_point(set, 1, 2, 0.25, SplitFractions{0, 0, 1}, rng);
  ASSERT_EQ(set.points.size(), 1u);
  EXPECT_EQ(set.points[0].y, 0.25);
  EXPECT_EQ(set.points[0].split, nnplay::SplitId::Test);
}

TEST(CanvasTools, ValueRangeIncludesMinusOneToOne) {
  PointSet set;
  EXPECT_EQ(value_range(set).lo, -1);
  set.points = {Point{0, 0, 0.2}, Point{0, 0, 3.5}};
  const ValueRange r = value_range(set);
  EXPECT_EQ(r.lo, -1);
  EXPECT_EQ(r.hi, 3.5);
}
