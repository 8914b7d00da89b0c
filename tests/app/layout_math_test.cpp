// Splitter maths: panels tile the window, splitters clamp, tiny windows stay sane.
#include "app/gui/logic/layout_math.h"

#include <gtest/gtest.h>

namespace nnplay::gui {
namespace {

const LayoutMetrics kMetrics{24, 6, 160, 120};

double area(const Rect& r) { return double(r.w) * double(r.h); }

void expect_non_negative(const Layout& l) {
  for (const Rect* r : {&l.controls, &l.data_controls, &l.network, &l.canvas, &l.curves}) {
    EXPECT_GE(r->w, 0);
    EXPECT_GE(r->h, 0);
  }
  for (const Rect& r : l.splitters) {
    EXPECT_GE(r.w, 0);
    EXPECT_GE(r.h, 0);
  }
}

// Panels plus splitters cover the area below the top bar exactly once.
void expect_tiles(const Layout& l, float w, float h, float top) {
  double sum = area(l.controls) + area(l.data_controls) + area(l.network) + area(l.canvas) +
               area(l.curves);
  for (const Rect& r : l.splitters) sum += area(r);
  EXPECT_NEAR(sum, double(w) * double(h - top), 1.0);
  EXPECT_FLOAT_EQ(l.canvas.right(), w);
  EXPECT_FLOAT_EQ(l.curves.bottom(), h);
  EXPECT_FLOAT_EQ(l.data_controls.bottom(), h);
  EXPECT_FLOAT_EQ(l.network.bottom(), h);
  EXPECT_FLOAT_EQ(l.controls.y, top);
  EXPECT_FLOAT_EQ(l.controls.x, 0);
}

TEST(LayoutMath, PanelsTileTheWindow) {
  for (auto [w, h] : {std::pair{1600.f, 1000.f}, {1920.f, 1080.f}, {1280.f, 720.f}, {800.f, 600.f}}) {
    const Layout l = compute_layout(w, h, LayoutFractions{}, kMetrics);
    expect_non_negative(l);
    expect_tiles(l, w, h, kMetrics.top);
  }
}

TEST(LayoutMath, ColumnsAreAdjacentWithGaps) {
  const Layout l = compute_layout(1600, 1000, LayoutFractions{}, kMetrics);
  EXPECT_FLOAT_EQ(l.splitters[int(Splitter::Left)].x, l.controls.right());
  EXPECT_FLOAT_EQ(l.network.x, l.controls.right() + kMetrics.gap);
  EXPECT_FLOAT_EQ(l.canvas.x, l.network.right() + kMetrics.gap);
  EXPECT_FLOAT_EQ(l.curves.y, l.canvas.bottom() + kMetrics.gap);
  EXPECT_FLOAT_EQ(l.data_controls.y, l.controls.bottom() + kMetrics.gap);
}

TEST(LayoutMath, FractionsClampToMinimumSizes) {
  LayoutFractions f;
  f.left = 0.01f;
  f.right = 0.95f;
  f.left_split = 0.0f;
  f.right_split = 1.0f;
  const Layout l = compute_layout(1600, 1000, f, kMetrics);
  EXPECT_GE(l.controls.w, kMetrics.min_width);
  EXPECT_GE(l.network.w, kMetrics.min_width - 1);
  EXPECT_GE(l.controls.h, kMetrics.min_height - 1);
  EXPECT_GE(l.curves.h, kMetrics.min_height - 1);
  expect_tiles(l, 1600, 1000, kMetrics.top);
}

TEST(LayoutMath, DraggingLeftSplitterKeepsRightColumn) {
  const LayoutFractions f;
  const LayoutFractions g = drag_splitter(f, Splitter::Left, 100, 0, 1600, 1000, kMetrics);
  EXPECT_NEAR(g.left * 1600, f.left * 1600 + 100, 1e-3);
  EXPECT_FLOAT_EQ(g.right, f.right);
  // Far beyond the limit: the centre keeps its minimum, the right column its width.
  const LayoutFractions h = drag_splitter(f, Splitter::Left, 5000, 0, 1600, 1000, kMetrics);
  const Layout l = compute_layout(1600, 1000, h, kMetrics);
  EXPECT_NEAR(l.network.w, kMetrics.min_width, 1.0);
  EXPECT_NEAR(h.right, f.right, 1e-6);
}

TEST(LayoutMath, DraggingRightSplitterMovesItsEdge) {
  const LayoutFractions f;
  const LayoutFractions g = drag_splitter(f, Splitter::Right, -50, 0, 1600, 1000, kMetrics);
  EXPECT_NEAR(g.right * 1600, f.right * 1600 + 50, 1e-3);
  EXPECT_FLOAT_EQ(g.left, f.left);
}

TEST(LayoutMath, DraggingColumnSplittersMovesVertically) {
  const LayoutFractions f;
  const Layout before = compute_layout(1600, 1000, f, kMetrics);
  const LayoutFractions g = drag_splitter(f, Splitter::RightColumn, 0, 40, 1600, 1000, kMetrics);
  const Layout after = compute_layout(1600, 1000, g, kMetrics);
  EXPECT_NEAR(after.canvas.h, before.canvas.h + 40, 1.0);
  const LayoutFractions h = drag_splitter(f, Splitter::LeftColumn, 0, -5000, 1600, 1000, kMetrics);
  EXPECT_NEAR(compute_layout(1600, 1000, h, kMetrics).controls.h, kMetrics.min_height, 1.0);
}

TEST(LayoutMath, SmallWindowsShareSpaceWithoutNegativeSizes) {
  for (auto [w, h] : {std::pair{400.f, 300.f}, {200.f, 150.f}, {10.f, 10.f}, {0.f, 0.f}}) {
    const Layout l = compute_layout(w, h, LayoutFractions{}, kMetrics);
    expect_non_negative(l);
    if (w > 0 && h > kMetrics.top) expect_tiles(l, w, h, kMetrics.top);
  }
  const Layout l = compute_layout(400, 300, LayoutFractions{}, kMetrics);
  EXPECT_NEAR(l.controls.w, l.canvas.w, 1.0);  // too narrow for minimums: even thirds
}

TEST(LayoutMath, SquareCanvasSplit) {
  LayoutFractions f;
  f.right_split = square_canvas_split(1600, 1000, f, kMetrics);
  const Layout l = compute_layout(1600, 1000, f, kMetrics);
  EXPECT_NEAR(l.canvas.h, l.canvas.w, 1.0);
}

TEST(LayoutMath, RectContains) {
  const Rect r{10, 20, 30, 40};
  EXPECT_TRUE(r.contains(10, 20));
  EXPECT_TRUE(r.contains(39.9f, 59.9f));
  EXPECT_FALSE(r.contains(40, 30));
  EXPECT_FALSE(r.contains(5, 30));
}

}  // namespace
}  // namespace nnplay::gui
