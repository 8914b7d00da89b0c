// Tick placement, axis ranges and number formatting of the plot module (app/gui/logic/ticks).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "app/gui/logic/ticks.h"

using namespace nnplay::gui;

namespace {
std::vector<double> major_values(const std::vector<Tick>& ticks) {
  std::vector<double> v;
  for (const Tick& t : ticks)
    if (t.major) v.push_back(t.value);
  return v;
}
void expect_values(const std::vector<double>& got, const std::vector<double>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-12 + 1e-9 * std::abs(want[i])) << i;
}
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

TEST(LinearTicks, UnitRangeStepsByFifths) {
  double step = 0;
  auto ticks = linear_ticks(0, 1, 6, &step);
  EXPECT_DOUBLE_EQ(step, 0.2);
  expect_values(major_values(ticks), {0, 0.2, 0.4, 0.6, 0.8, 1.0});
  EXPECT_EQ(format_tick(ticks[1].value, step), "0.2");
  EXPECT_EQ(format_tick(ticks[0].value, step), "0");
}

TEST(LinearTicks, SmallNarrowRange) {
  double step = 0;
  auto ticks = linear_ticks(0.0013, 0.0021, 6, &step);
  EXPECT_NEAR(step, 0.0002, 1e-15);
  expect_values(major_values(ticks), {0.0014, 0.0016, 0.0018, 0.0020});
  EXPECT_EQ(format_tick(ticks[0].value, step), "0.0014");
  EXPECT_EQ(format_tick(ticks[3].value, step), "0.0020");
}

TEST(LinearTicks, NegativeRangeHasNoMinusZero) {
  double step = 0;
  auto ticks = linear_ticks(-1, 1, 4, &step);
  expect_values(major_values(ticks), {-1, -0.5, 0, 0.5, 1});
  EXPECT_EQ(format_tick(ticks[2].value, step), "0");
  EXPECT_FALSE(std::signbit(ticks[2].value));
}

TEST(LinearTicks, StaysWithinMaxTicksAndRange) {
  for (double hi : {1.0, 3.7, 12.0, 999.0, 12345.0, 0.07}) {
    auto ticks = linear_ticks(0, hi, 5);
    EXPECT_LE(ticks.size(), 11u) << hi;  // a nice step can at most double the count
    EXPECT_GE(ticks.size(), 2u) << hi;
    for (const Tick& t : ticks) EXPECT_TRUE(t.value >= 0 && t.value <= hi * (1 + 1e-9)) << hi;
  }
}

TEST(LinearTicks, DegenerateAndNonFiniteRanges) {
  EXPECT_EQ(linear_ticks(2, 2, 5).size(), 1u);
  EXPECT_TRUE(linear_ticks(kNaN, 1, 5).empty());
  EXPECT_TRUE(linear_ticks(0, kInf, 5).empty());
  EXPECT_TRUE(linear_ticks(3, 1, 5).size() <= 1);
}

TEST(LogTicks, DecadesFromTenThousandthToTen) {
  auto ticks = log_ticks(1e-4, 10, 8);
  expect_values(major_values(ticks), {1e-4, 1e-3, 1e-2, 1e-1, 1, 10});
  size_t minors = ticks.size() - major_values(ticks).size();
  EXPECT_EQ(minors, 5u * 8u);  // 2..9 in each of the five full decades
  EXPECT_EQ(format_log_tick(1e-4), "1e-4");
  EXPECT_EQ(format_log_tick(1e-3), "0.001");
  EXPECT_EQ(format_log_tick(10), "10");
  EXPECT_EQ(format_log_tick(1e6), "1e6");
}

TEST(LogTicks, ManyDecadesSkipSomeLabels) {
  auto majors = major_values(log_ticks(1e-12, 1e12, 6));
  EXPECT_LE(majors.size(), 7u);
  EXPECT_GE(majors.size(), 3u);
  for (double v : majors) EXPECT_NEAR(std::log10(v), std::round(std::log10(v)), 1e-9);
}

TEST(LogTicks, InsideOneDecadeLabelsTwoAndFive) {
  expect_values(major_values(log_ticks(0.15, 0.9, 6)), {0.2, 0.5});
}

TEST(LogTicks, VeryNarrowRangeFallsBackToLinearLabels) {
  auto majors = major_values(log_ticks(0.31, 0.34, 6));
  EXPECT_GE(majors.size(), 2u);
  for (double v : majors) EXPECT_TRUE(v >= 0.31 && v <= 0.34);
}

TEST(LogTicks, RejectsNonPositive) {
  EXPECT_TRUE(log_ticks(0, 10, 6).empty());
  EXPECT_TRUE(log_ticks(-1, 10, 6).empty());
  EXPECT_TRUE(log_ticks(kNaN, 10, 6).empty());
}

TEST(AxisRange, FiniteExtentSkipsNanInfAndNonPositiveForLog) {
  std::vector<double> v = {kNaN, 3, -2, kInf, 0, 5, -kInf};
  double lo = 0, hi = 0;
  ASSERT_TRUE(finite_extent(v.data(), v.size(), sizeof(double), false, lo, hi));
  EXPECT_EQ(lo, -2);
  EXPECT_EQ(hi, 5);
  ASSERT_TRUE(finite_extent(v.data(), v.size(), sizeof(double), true, lo, hi));
  EXPECT_EQ(lo, 3);
  EXPECT_EQ(hi, 5);
  std::vector<double> none = {kNaN, kInf};
  EXPECT_FALSE(finite_extent(none.data(), none.size(), sizeof(double), false, lo, hi));
}

TEST(AxisRange, FiniteExtentHonoursStride) {
  struct P { double x, y; };
  std::vector<P> pts = {{1, 10}, {2, -4}, {3, kNaN}};
  double lo = 0, hi = 0;
  ASSERT_TRUE(finite_extent(&pts[0].y, pts.size(), sizeof(P), false, lo, hi));
  EXPECT_EQ(lo, -4);
  EXPECT_EQ(hi, 10);
}

TEST(AxisRange, DegenerateRangeBecomesReadable) {
  AxisRange r = padded_range(5, 5, false, 0.05);
  EXPECT_LT(r.lo, 5);
  EXPECT_GT(r.hi, 5);
  r = padded_range(0, 0, false, 0.05);
  EXPECT_DOUBLE_EQ(r.lo, -1);
  EXPECT_DOUBLE_EQ(r.hi, 1);
  r = padded_range(0.01, 0.01, true, 0.05);
  EXPECT_LT(r.lo, 0.01);
  EXPECT_GT(r.hi, 0.01);
  r = padded_range(0, 1, true, 0.05);  // invalid for log: a safe default
  EXPECT_GT(r.lo, 0);
  EXPECT_GT(r.hi, r.lo);
}

TEST(AxisRange, PaddingIsAFractionOfTheSpan) {
  AxisRange r = padded_range(0, 10, false, 0.1);
  EXPECT_DOUBLE_EQ(r.lo, -1);
  EXPECT_DOUBLE_EQ(r.hi, 11);
  r = padded_range(1e-3, 1, true, 0.0);
  EXPECT_NEAR(r.lo, 1e-3, 1e-15);
  EXPECT_NEAR(r.hi, 1, 1e-12);
}

TEST(Format, TickSuffixesForLargeNumbers) {
  EXPECT_EQ(format_tick(250000, 50000), "250k");
  EXPECT_EQ(format_tick(1500000, 500000), "1.5M");
  EXPECT_EQ(format_tick(2000, 500), "2000");
  EXPECT_EQ(format_tick(20000, 5000), "20k");
  EXPECT_EQ(format_tick(2e-6, 1e-6), "2e-6");
  EXPECT_EQ(format_tick(5e27, 5e27), "5e27");  // a diverged loss: no "5000000000000000000G"
  EXPECT_EQ(format_tick(3e9, 1e9), "3G");
}

TEST(Format, ValuesWithThreeSignificantDigits) {
  EXPECT_EQ(format_value(0.12345), "0.123");
  EXPECT_EQ(format_value(12.345), "12.3");
  EXPECT_EQ(format_value(1234.5), "1234");
  EXPECT_EQ(format_value(0.00123), "0.00123");
  EXPECT_EQ(format_value(0.0000123), "1.23e-5");
  EXPECT_EQ(format_value(-2.5), "-2.50");
  EXPECT_EQ(format_value(0), "0");
  EXPECT_EQ(format_value(kNaN), "-");
  EXPECT_EQ(format_value(kInf), "inf");
}

TEST(Format, PercentAndCounts) {
  EXPECT_EQ(format_percent(0.975), "97.5%");
  EXPECT_EQ(format_percent(1.0), "100%");
  EXPECT_EQ(format_percent(0), "0.0%");
  EXPECT_EQ(format_percent(kNaN), "-");
  EXPECT_EQ(format_count(0), "0");
  EXPECT_EQ(format_count(999), "999");
  EXPECT_EQ(format_count(12345), "12,345");
  EXPECT_EQ(format_count(1234567), "1,234,567");
  EXPECT_EQ(format_count(-1234), "-1,234");
}

TEST(LogTicks, TwoDecadesLabelOneTwoFive) {
  // A typical loss range: decades alone would label only 0.1.
  expect_values(major_values(log_ticks(0.018, 0.95, 6)), {0.02, 0.05, 0.1, 0.2, 0.5});
}

TEST(LinearTicks, PrefersFinerStepWhenRoundingUpLeavesTooFew) {
  double step = 0;
  auto ticks = linear_ticks(-0.05, 0.87, 4, &step);  // a loss axis on a small plot
  EXPECT_DOUBLE_EQ(step, 0.2);
  expect_values(major_values(ticks), {0, 0.2, 0.4, 0.6, 0.8});
}
