// Decimation for drawing (min/max per pixel column) and nearest-point hover lookup.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <vector>

#include "app/gui/logic/ticks.h"

using namespace nnplay::gui;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr size_t kD = sizeof(double);

std::vector<size_t> decimate(const std::vector<double>& xs, const std::vector<double>& ys,
                             double lo, double hi, int columns, bool positive_only = false) {
  std::vector<size_t> out;
  decimate_min_max(xs.data(), ys.data(), xs.size(), kD, lo, hi, columns, positive_only, out);
  return out;
}
bool contains(const std::vector<size_t>& v, size_t i) { return std::find(v.begin(), v.end(), i) != v.end(); }
}  // namespace

TEST(Decimate, SmallSeriesIsKeptWhole) {
  std::vector<double> xs = {0, 1, 2, 3}, ys = {4, 3, 2, 1};
  EXPECT_EQ(decimate(xs, ys, 0, 3, 100), (std::vector<size_t>{0, 1, 2, 3}));
}

TEST(Decimate, KeepsMinAndMaxOfEveryColumnAndBothEnds) {
  const size_t n = 100000;
  const int columns = 500;
  std::vector<double> xs(n), ys(n);
  for (size_t i = 0; i < n; ++i) {
    xs[i] = static_cast<double>(i);
    ys[i] = std::sin(i * 0.001) + 0.3 * std::sin(i * 0.37);
  }
  ys[54321] = 9;   // a spike must survive
  ys[77777] = -9;  // and a dip
  auto out = decimate(xs, ys, 0, n - 1, columns);
  EXPECT_LE(out.size(), 2u * (columns + 2) + 2);
  EXPECT_EQ(out.front(), 0u);
  EXPECT_EQ(out.back(), n - 1);
  EXPECT_TRUE(contains(out, 54321));
  EXPECT_TRUE(contains(out, 77777));
  EXPECT_TRUE(std::is_sorted(out.begin(), out.end()));
  // Every column's extreme values are present.
  const double scale = columns / double(n - 1);
  std::vector<double> mn(columns + 1, 1e9), mx(columns + 1, -1e9), kmn(columns + 1, 1e9), kmx(columns + 1, -1e9);
  for (size_t i = 0; i < n; ++i) {
    int c = std::min(columns, int(std::floor(xs[i] * scale)));
    mn[c] = std::min(mn[c], ys[i]), mx[c] = std::max(mx[c], ys[i]);
  }
  for (size_t i : out) {
    int c = std::min(columns, int(std::floor(xs[i] * scale)));
    kmn[c] = std::min(kmn[c], ys[i]), kmx[c] = std::max(kmx[c], ys[i]);
  }
  for (int c = 0; c <= columns; ++c) {
    EXPECT_EQ(mn[c], kmn[c]) << c;
    EXPECT_EQ(mx[c], kmx[c]) << c;
  }
}

TEST(Decimate, SkipsNanAndNonPositiveOnLogAxis) {
  std::vector<double> xs = {0, 1, 2, 3, 4}, ys = {kNaN, 0.5, 0, -1, 2};
  EXPECT_EQ(decimate(xs, ys, 0, 4, 100), (std::vector<size_t>{1, 2, 3, 4}));
  EXPECT_EQ(decimate(xs, ys, 0, 4, 100, true), (std::vector<size_t>{1, 4}));
  std::vector<double> all_nan = {kNaN, kNaN};
  EXPECT_TRUE(decimate({0, 1}, all_nan, 0, 1, 10).empty());
}

TEST(Decimate, FirstAndLastKeptEvenWhenNotExtreme) {
  // Everything lands in one column; first and last are neither min nor max.
  std::vector<double> xs = {0, 0.1, 0.2, 0.3, 0.4}, ys = {1, 5, 0, 3, 2};
  auto out = decimate(xs, ys, 0, 100, 10);
  EXPECT_EQ(out, (std::vector<size_t>{0, 1, 2, 4}));
}

TEST(Decimate, PointsOutsideTheRangeShareEdgeColumns) {
  std::vector<double> xs, ys;
  for (int i = -50; i < 150; ++i) xs.push_back(i), ys.push_back(i % 7);
  auto out = decimate(xs, ys, 0, 100, 10);
  EXPECT_LE(out.size(), 2u * 12 + 2);
  EXPECT_EQ(out.front(), 0u);
  EXPECT_EQ(out.back(), xs.size() - 1);
}

TEST(Decimate, UnsortedSeriesIsNotDecimated) {
  std::vector<double> xs = {0, 2, 1, 3}, ys = {0, 1, 2, 3};
  std::vector<size_t> out;
  EXPECT_FALSE(decimate_min_max(xs.data(), ys.data(), 4, kD, 0, 3, 1, false, out));
  EXPECT_EQ(out, (std::vector<size_t>{0, 1, 2, 3}));
  EXPECT_FALSE(is_ascending(xs.data(), xs.size(), kD));
  std::vector<double> asc = {0, kNaN, 1, 1, 2};
  EXPECT_TRUE(is_ascending(asc.data(), asc.size(), kD));
}

TEST(Decimate, StridedStructOfPoints) {
  struct P { double x, y; };
  std::vector<P> pts;
  for (int i = 0; i < 1000; ++i) pts.push_back({double(i), i == 500 ? 100.0 : 0.0});
  std::vector<size_t> out;
  decimate_min_max(&pts[0].x, &pts[0].y, pts.size(), sizeof(P), 0, 999, 10, false, out);
  EXPECT_TRUE(contains(out, 500));
  EXPECT_LE(out.size(), 26u);
}

TEST(Decimate, HundredThousandPointsIsFast) {
  const size_t n = 100000;
  std::vector<double> xs(n), ys(n);
  for (size_t i = 0; i < n; ++i) xs[i] = double(i), ys[i] = std::cos(i * 0.01);
  std::vector<size_t> out;
  const auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < 10; ++r) decimate_min_max(xs.data(), ys.data(), n, kD, 0, n - 1, 1000, false, out);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 10;
  EXPECT_LT(ms, 5.0);  // ~0.2 ms on an idle core; generous for loaded CI machines
}

TEST(Nearest, FindsClosestX) {
  std::vector<double> xs = {0, 10, 20, 30}, ys = {1, 2, 3, 4};
  EXPECT_EQ(nearest_index(xs.data(), ys.data(), 4, kD, -5), 0u);
  EXPECT_EQ(nearest_index(xs.data(), ys.data(), 4, kD, 4), 0u);
  EXPECT_EQ(nearest_index(xs.data(), ys.data(), 4, kD, 6), 1u);
  EXPECT_EQ(nearest_index(xs.data(), ys.data(), 4, kD, 5), 0u);  // tie: the earlier one
  EXPECT_EQ(nearest_index(xs.data(), ys.data(), 4, kD, 29), 3u);
  EXPECT_EQ(nearest_index(xs.data(), ys.data(), 4, kD, 1e9), 3u);
}

TEST(Nearest, SkipsMissingValues) {
  std::vector<double> xs = {0, 10, 20, 30}, ys = {1, kNaN, kNaN, 4};
  EXPECT_EQ(nearest_index(xs.data(), ys.data(), 4, kD, 11), 0u);
  EXPECT_EQ(nearest_index(xs.data(), ys.data(), 4, kD, 19), 3u);
  std::vector<double> none = {kNaN, kNaN};
  EXPECT_EQ(nearest_index(xs.data(), none.data(), 2, kD, 5), kNoIndex);
  EXPECT_EQ(nearest_index(xs.data(), ys.data(), 0, kD, 5), kNoIndex);
  EXPECT_EQ(nearest_index(xs.data(), ys.data(), 4, kD, kNaN), kNoIndex);
}
