// Feature maps by hand, and the Dataset built from points.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "engine/core/error.h"
#include "engine/data/features.h"

namespace nnplay {
namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(Features, NamesInOrder) {
  const std::vector<std::string> expected = {"x1",    "x2",      "x1^2",   "x2^2",
                                             "x1*x2", "sin(x1)", "sin(x2)"};
  EXPECT_EQ(feature_names(), expected);
  EXPECT_TRUE(is_feature_name("x1*x2"));
  EXPECT_FALSE(is_feature_name("x3"));
  EXPECT_FALSE(is_feature_name("X1"));
}

TEST(Features, ValuesByHand) {
  const double x1[] = {2.0, 0.5}, x2[] = {-3.0, 0.0};
  Matrix out;
  apply_features(feature_names(), x1, x2, 2, out);
  ASSERT_EQ(out.rows(), 2);
  ASSERT_EQ(out.cols(), 7);
  const double row0[] = {2, -3, 4, 9, -6, std::sin(2.0), std::sin(-3.0)};
  const double row1[] = {0.5, 0, 0.25, 0, 0, std::sin(0.5), 0};
  for (int c = 0; c < 7; ++c) {
    EXPECT_NEAR(out(0, c), row0[c], 1e-6) << feature_names()[c];
    EXPECT_NEAR(out(1, c), row1[c], 1e-6) << feature_names()[c];
  }
}

TEST(Features, OrderFollowsTheRequest) {
  const double x1[] = {3.0}, x2[] = {4.0};
  Matrix out;
  apply_features({"x2^2", "x1"}, x1, x2, 1, out);
  ASSERT_EQ(out.cols(), 2);
  EXPECT_NEAR(out(0, 0), 16, 1e-6);
  EXPECT_NEAR(out(0, 1), 3, 1e-6);
  apply_features({"x1"}, x1, x2, 0, out);  // zero rows is fine (an empty split)
  EXPECT_EQ(out.rows(), 0);
  EXPECT_EQ(out.cols(), 1);
}

TEST(Features, BadFeatureListsThrow) {
  const double x[] = {1.0};
  Matrix out;
  EXPECT_NE(error_of([&] { apply_features({}, x, x, 1, out); }).find("at least one"),
            std::string::npos);
  EXPECT_NE(error_of([&] {
              apply_features({"x1", "x3"}, x, x, 1, out);
            }).find("'x3'"),
            std::string::npos);
  EXPECT_NE(error_of([&] {
              apply_features({"x1", "x1"}, x, x, 1, out);
            }).find("twice"),
            std::string::npos);
}

PointSet three_splits() {
  PointSet s;
  s.num_classes = 3;
  s.points = {{1, 2, 0, SplitId::Train},
              {3, 4, 1, SplitId::Train},
              {5, 6, 2, SplitId::Validation},
              {-1, -2, 1, SplitId::Test},
              {7, 8, 0, SplitId::Train}};
  return s;
}

TEST(Features, MakeDatasetSplitsRowsAndFeatures) {
  const Dataset d = make_dataset(three_splits(), {"x1", "x1*x2"});
  EXPECT_EQ(d.task, Task::Classification);
  EXPECT_EQ(d.num_classes, 3);
  EXPECT_EQ(d.input, (Shape{2, 1, 1}));
  EXPECT_EQ(d.feature_names, (std::vector<std::string>{"x1", "x1*x2"}));
  ASSERT_EQ(d.train.rows(), 3);
  ASSERT_EQ(d.validation.rows(), 1);
  ASSERT_EQ(d.test.rows(), 1);
  EXPECT_EQ(d.train.x.cols(), 2);
  EXPECT_EQ(d.train.y.cols(), 1);
  // Train keeps the points' order: (1,2), (3,4), (7,8).
  EXPECT_NEAR(d.train.x(2, 0), 7, 1e-6);
  EXPECT_NEAR(d.train.x(2, 1), 56, 1e-6);
  EXPECT_NEAR(d.train.y(1, 0), 1, 1e-6);
  EXPECT_NEAR(d.validation.x(0, 1), 30, 1e-6);
  EXPECT_NEAR(d.test.y(0, 0), 1, 1e-6);
}

TEST(Features, MakeDatasetMatchesApplyFeatures) {
  // The decision grid uses apply_features directly; it must agree with the training rows.
  const PointSet s = three_splits();
  const Dataset d = make_dataset(s, feature_names());
  const double x1[] = {7}, x2[] = {8};
  Matrix row;
  apply_features(feature_names(), x1, x2, 1, row);
  EXPECT_TRUE(row.row(0).isApprox(d.train.x.row(2)));
}

TEST(Features, MakeDatasetRegression) {
  PointSet s;
  s.task = Task::Regression;
  s.num_classes = 0;
  s.points = {{1, 0, -0.25}, {2, 0, 3.5}};
  const Dataset d = make_dataset(s, {"x1"});
  EXPECT_EQ(d.task, Task::Regression);
  ASSERT_EQ(d.train.rows(), 2);
  EXPECT_NEAR(d.train.y(0, 0), -0.25, 1e-6);
  EXPECT_NEAR(d.train.y(1, 0), 3.5, 1e-6);
  EXPECT_EQ(d.validation.rows(), 0);
}

TEST(Features, MakeDatasetRefusesBadInput) {
  PointSet s = three_splits();
  EXPECT_THROW(make_dataset(s, {}), Error);
  EXPECT_THROW(make_dataset(s, {"y"}), Error);
  for (auto& p : s.points) p.split = SplitId::Test;
  EXPECT_NE(error_of([&] { make_dataset(s, {"x1"}); }).find("training split"), std::string::npos);
  EXPECT_NE(error_of([&] { make_dataset(PointSet{}, {"x1"}); }).find("no points"),
            std::string::npos);
  PointSet bad = three_splits();
  bad.points[1].y = 3;  // num_classes is 3, so labels stop at 2
  EXPECT_NE(error_of([&] { make_dataset(bad, {"x1"}); }).find("point 2"), std::string::npos);
  bad.points[1].y = 0.5;
  EXPECT_THROW(make_dataset(bad, {"x1"}), Error);
}

}  // namespace
}  // namespace nnplay
