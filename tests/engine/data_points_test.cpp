// Splits: exact fractions, determinism per seed, and validation of the fractions.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/core/error.h"
#include "engine/data/points.h"

namespace nnplay {
namespace {

PointSet make_points(int n) {
  PointSet s;
  for (int i = 0; i < n; ++i) s.points.push_back({double(i), double(-i), double(i % 2)});
  return s;
}

std::vector<SplitId> splits_of(const PointSet& s) {
  std::vector<SplitId> v;
  for (const auto& p : s.points) v.push_back(p.split);
  return v;
}

TEST(Splits, DefaultIsTrain) {
  EXPECT_EQ(Point{}.split, SplitId::Train);
  EXPECT_EQ(count_split(make_points(5), SplitId::Train), 5);
}

TEST(Splits, FractionsHoldExactly) {
  PointSet s = make_points(1000);
  assign_splits(s, {0.7, 0.15, 0.15}, 42);
  EXPECT_EQ(count_split(s, SplitId::Train), 700);
  EXPECT_EQ(count_split(s, SplitId::Validation), 150);
  EXPECT_EQ(count_split(s, SplitId::Test), 150);
}

TEST(Splits, RoundedCountsSumToN) {
  for (int n : {1, 2, 3, 7, 10, 33, 101}) {
    PointSet s = make_points(n);
    const SplitFractions f{0.6, 0.25, 0.15};
    assign_splits(s, f, 3);
    const int tr = count_split(s, SplitId::Train), va = count_split(s, SplitId::Validation),
              te = count_split(s, SplitId::Test);
    EXPECT_EQ(tr + va + te, n);
    EXPECT_LE(std::abs(tr - f.train * n), 1.0) << n;
    EXPECT_LE(std::abs(va - f.validation * n), 1.0) << n;
    EXPECT_LE(std::abs(te - f.test * n), 1.0) << n;
  }
}

TEST(Splits, ZeroFractionGivesNoPoints) {
  PointSet s = make_points(500);
  assign_splits(s, {0.8, 0.2, 0.0}, 9);
  EXPECT_EQ(count_split(s, SplitId::Test), 0);
  EXPECT_EQ(count_split(s, SplitId::Train), 400);
  assign_splits(s, {1.0, 0.0, 0.0}, 9);
  EXPECT_EQ(count_split(s, SplitId::Train), 500);
}

TEST(Splits, SameSeedSameAssignmentDifferentSeedDifferent) {
  PointSet a = make_points(300), b = make_points(300), c = make_points(300);
  assign_splits(a, {}, 7);
  assign_splits(b, {}, 7);
  assign_splits(c, {}, 8);
  EXPECT_EQ(splits_of(a), splits_of(b));
  EXPECT_NE(splits_of(a), splits_of(c));
}

TEST(Splits, AssignmentIsShuffledNotInOrder) {
  PointSet s = make_points(300);
  assign_splits(s, {}, 1);
  // If splits were handed out in order, the first 210 points would all be train.
  int non_train_early = 0;
  for (int i = 0; i < 210; ++i) non_train_early += s.points[i].split != SplitId::Train;
  EXPECT_GT(non_train_early, 20);
}

TEST(Splits, InvalidFractionsThrow) {
  PointSet s = make_points(10);
  EXPECT_THROW(assign_splits(s, {0.5, 0.3, 0.3}, 1), Error);
  EXPECT_THROW(assign_splits(s, {-0.1, 0.6, 0.5}, 1), Error);
  EXPECT_THROW(assign_splits(s, {1.2, -0.1, -0.1}, 1), Error);
  EXPECT_THROW(assign_splits(s, {NAN, 0.5, 0.5}, 1), Error);
  EXPECT_NO_THROW(validate_fractions({0.7, 0.15, 0.15 + 5e-7}));
  try {
    validate_fractions({0.5, 0.2, 0.2});
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("add up to 1"), std::string::npos) << e.what();
  }
}

TEST(Splits, DrawSplitFollowsFractions) {
  Rng rng(5);
  const SplitFractions f{0.6, 0.3, 0.1};
  int counts[3] = {0, 0, 0};
  const int n = 100000;
  for (int i = 0; i < n; ++i) ++counts[static_cast<int>(draw_split(f, rng))];
  EXPECT_NEAR(counts[0] / double(n), 0.6, 0.01);
  EXPECT_NEAR(counts[1] / double(n), 0.3, 0.01);
  EXPECT_NEAR(counts[2] / double(n), 0.1, 0.01);
}

TEST(Splits, DrawSplitNeverPicksEmptySplit) {
  Rng rng(6);
  for (int i = 0; i < 10000; ++i) {
    EXPECT_NE(draw_split({0.5, 0.5 - 1e-7, 0.0}, rng), SplitId::Test);
    EXPECT_EQ(draw_split({1.0, 0.0, 0.0}, rng), SplitId::Train);
  }
  EXPECT_THROW(draw_split({2.0, 0.0, 0.0}, rng), Error);
}

TEST(Splits, NamesRoundTrip) {
  for (SplitId s : {SplitId::Train, SplitId::Validation, SplitId::Test})
    EXPECT_EQ(parse_split(split_name(s)), s);
  EXPECT_EQ(parse_split("TEST"), SplitId::Test);
  EXPECT_EQ(parse_split("val"), SplitId::Validation);
  EXPECT_FALSE(parse_split("training set").has_value());
}

}  // namespace
}  // namespace nnplay
