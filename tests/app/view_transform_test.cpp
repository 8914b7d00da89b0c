// Pan/zoom maths of the canvas: round trips, zoom about the cursor, default view, ticks.
#include "app/gui/logic/view_transform.h"

#include <gtest/gtest.h>

using namespace nnplay::gui;

namespace {
const ScreenRect kRect{100, 50, 800, 600};
}

TEST(ViewTransform, WorldScreenRoundTrip) {
  ViewTransform v{1.5, -2.0, 3.0};
  for (Vec2d w : {Vec2d{0, 0}, Vec2d{-5, 4}, Vec2d{123.25, -0.001}}) {
    const Vec2d back = screen_to_world(v, kRect, world_to_screen(v, kRect, w));
    EXPECT_NEAR(back.x, w.x, 1e-9);
    EXPECT_NEAR(back.y, w.y, 1e-9);
  }
}

TEST(ViewTransform, DefaultViewFitsTheSquareAndPointsUp) {
  const ViewTransform v = default_view();
  const WorldRect w = visible_world(v, kRect);
  EXPECT_NEAR(w.y_min, -6, 1e-9);  // height is the smaller side
  EXPECT_NEAR(w.y_max, 6, 1e-9);
  EXPECT_LT(w.x_min, -6);
  EXPECT_GT(w.x_max, 6);
  const Vec2d up = world_to_screen(v, kRect, {0, 1});
  const Vec2d origin = world_to_screen(v, kRect, {0, 0});
  EXPECT_LT(up.y, origin.y);  // world up is screen up
  EXPECT_NEAR(origin.x, 500, 1e-9);
  EXPECT_NEAR(origin.y, 350, 1e-9);
}

TEST(ViewTransform, ZoomAboutTheCursorKeepsTheWorldPointUnderIt) {
  ViewTransform v = default_view();
  const Vec2d cursor{230, 470};
  const Vec2d before = screen_to_world(v, kRect, cursor);
  zoom_about(v, kRect, cursor, 1.7);
  EXPECT_NEAR(v.half_span, 6 / 1.7, 1e-12);
  const Vec2d after = screen_to_world(v, kRect, cursor);
  EXPECT_NEAR(after.x, before.x, 1e-9);
  EXPECT_NEAR(after.y, before.y, 1e-9);
  zoom_about(v, kRect, cursor, 0.25);
  const Vec2d out = screen_to_world(v, kRect, cursor);
  EXPECT_NEAR(out.x, before.x, 1e-9);
  EXPECT_NEAR(out.y, before.y, 1e-9);
}

TEST(ViewTransform, ZoomIsClamped) {
  ViewTransform v = default_view();
  for (int i = 0; i < 100; ++i) zoom_about(v, kRect, {500, 350}, 10);
  EXPECT_GE(v.half_span, 1e-3);
  for (int i = 0; i < 100; ++i) zoom_about(v, kRect, {500, 350}, 0.1);
  EXPECT_LE(v.half_span, 1e4);
}

TEST(ViewTransform, PanMovesContentWithTheMouse) {
  ViewTransform v = default_view();
  const Vec2d w{1, 1};
  const Vec2d s0 = world_to_screen(v, kRect, w);
  pan_by_pixels(v, kRect, 40, -25);
  const Vec2d s1 = world_to_screen(v, kRect, w);
  EXPECT_NEAR(s1.x - s0.x, 40, 1e-9);
  EXPECT_NEAR(s1.y - s0.y, -25, 1e-9);
}

TEST(ViewTransform, NiceTicks) {
  const auto t = nice_ticks(-6, 6, 6);
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(t.front(), -6);
  EXPECT_EQ(t.back(), 6);
  EXPECT_EQ(t.size(), 7u);  // step 2
  for (double x : nice_ticks(-0.3, 0.3, 4)) {
    EXPECT_GE(x, -0.3 - 1e-12);
    EXPECT_LE(x, 0.3 + 1e-12);
  }
  EXPECT_TRUE(nice_ticks(1, 1, 5).empty());
}
