// Metrics against hand-computed confusion matrices, ROC curves and R^2.
#include "engine/metrics/metrics.h"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/core/error.h"

namespace nnplay {
namespace {

constexpr double kTol = 1e-6;  // Scalar is float in the main build

Matrix col(std::initializer_list<double> v) {
  Matrix m(static_cast<Eigen::Index>(v.size()), 1);
  Eigen::Index i = 0;
  for (double x : v) m(i++, 0) = static_cast<Scalar>(x);
  return m;
}

TEST(Metrics, BinaryHandComputed) {
  // preds at 0.5: 1 1 0 1 0 0 against truth 1 1 1 0 0 0 -> TP 2, FN 1, FP 1, TN 2.
  const Matrix p = col({0.9, 0.8, 0.3, 0.6, 0.2, 0.4}), y = col({1, 1, 1, 0, 0, 0});
  const auto m = classification_metrics(p, y, 2);
  EXPECT_EQ(m.confusion, (std::vector<int>{2, 1, 1, 2}));
  EXPECT_EQ(m.at(1, 0), 1);  // one positive missed
  EXPECT_NEAR(m.accuracy, 4.0 / 6, kTol);
  EXPECT_NEAR(m.precision, 2.0 / 3, kTol);
  EXPECT_NEAR(m.recall, 2.0 / 3, kTol);
  EXPECT_NEAR(m.f1, 2.0 / 3, kTol);
}

TEST(Metrics, BinaryThresholdMoves) {
  // At 0.85 only the first point is predicted positive: TP 1, FN 2, FP 0, TN 3.
  const Matrix p = col({0.9, 0.8, 0.3, 0.6, 0.2, 0.4}), y = col({1, 1, 1, 0, 0, 0});
  const auto m = classification_metrics(p, y, 2, 0.85);
  EXPECT_EQ(m.confusion, (std::vector<int>{3, 0, 2, 1}));
  EXPECT_NEAR(m.precision, 1.0, kTol);
  EXPECT_NEAR(m.recall, 1.0 / 3, kTol);
  EXPECT_NEAR(m.f1, 0.5, kTol);
  EXPECT_NEAR(m.accuracy, 4.0 / 6, kTol);
}

TEST(Metrics, BinaryTwoColumnsUsesColumnOne) {
  Matrix p(3, 2);
  p << 0.2, 0.8, 0.7, 0.3, 0.45, 0.55;
  const auto m = classification_metrics(p, col({1, 0, 0}), 2);
  EXPECT_EQ(m.confusion, (std::vector<int>{1, 1, 0, 1}));
}

TEST(Metrics, NothingPredictedPositiveGivesZeroNotNaN) {
  const auto m = classification_metrics(col({0.1, 0.2}), col({1, 0}), 2);
  EXPECT_EQ(m.precision, 0.0);
  EXPECT_EQ(m.recall, 0.0);
  EXPECT_EQ(m.f1, 0.0);
  EXPECT_NEAR(m.accuracy, 0.5, kTol);
}

TEST(Metrics, MultiClassMacroAveraged) {
  // truth 0 0 1 1 2 2, argmax 0 1 1 1 2 0.
  Matrix p(6, 3);
  p << 0.8, 0.1, 0.1,  //
      0.2, 0.7, 0.1,   //
      0.1, 0.6, 0.3,   //
      0.3, 0.4, 0.3,   //
      0.1, 0.2, 0.7,   //
      0.5, 0.2, 0.3;
  const auto m = classification_metrics(p, col({0, 0, 1, 1, 2, 2}), 3);
  EXPECT_EQ(m.confusion, (std::vector<int>{1, 1, 0, 0, 2, 0, 1, 0, 1}));
  EXPECT_NEAR(m.accuracy, 4.0 / 6, kTol);
  // Per class (P, R, F1): 0 (1/2, 1/2, 1/2), 1 (2/3, 1, 4/5), 2 (1, 1/2, 2/3).
  EXPECT_NEAR(m.precision, (0.5 + 2.0 / 3 + 1) / 3, kTol);
  EXPECT_NEAR(m.recall, (0.5 + 1 + 0.5) / 3, kTol);
  EXPECT_NEAR(m.f1, (0.5 + 0.8 + 2.0 / 3) / 3, kTol);
}

TEST(Metrics, EmptyInputGivesZeros) {
  const auto m = classification_metrics(Matrix(0, 3), Matrix(0, 1), 3);
  EXPECT_EQ(m.accuracy, 0.0);
  EXPECT_EQ(m.confusion, std::vector<int>(9, 0));
}

TEST(Metrics, BadInputThrows) {
  EXPECT_THROW(classification_metrics(col({0.5}), col({0, 1}), 2), Error);    // rows differ
  EXPECT_THROW(classification_metrics(Matrix(2, 3), col({0, 1}), 2), Error);  // 3 outputs
  EXPECT_THROW(classification_metrics(col({0.5}), col({2}), 2), Error);       // label range
  EXPECT_THROW(classification_metrics(col({0.5}), col({-1}), 2), Error);
  EXPECT_THROW(classification_metrics(col({0.5}), col({0.5}), 2), Error);
  EXPECT_THROW(classification_metrics(col({0.5}), col({0}), 1), Error);
  try {
    classification_metrics(Matrix(1, 4), col({0}), 3);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("4 outputs"), std::string::npos) << e.what();
  }
}

TEST(MetricsRoc, PerfectSeparationIsOne) {
  const auto r = roc_curve(col({0.9, 0.8, 0.2, 0.1}), col({1, 1, 0, 0}));
  EXPECT_NEAR(r.auc, 1.0, kTol);
  EXPECT_EQ(r.fpr.front(), 0.0);
  EXPECT_EQ(r.tpr.front(), 0.0);
  EXPECT_EQ(r.fpr.back(), 1.0);
  EXPECT_EQ(r.tpr.back(), 1.0);
  EXPECT_TRUE(std::isinf(r.thresholds.front()));
}

TEST(MetricsRoc, InvertedIsZero) {
  EXPECT_NEAR(roc_curve(col({0.1, 0.2, 0.8, 0.9}), col({1, 1, 0, 0})).auc, 0.0, kTol);
}

TEST(MetricsRoc, AllTiedIsHalfOnOneDiagonalStep) {
  const auto r = roc_curve(col({0.5, 0.5, 0.5, 0.5}), col({1, 0, 1, 0}));
  EXPECT_NEAR(r.auc, 0.5, kTol);
  EXPECT_EQ(r.fpr, (std::vector<double>{0, 1}));
  EXPECT_EQ(r.tpr, (std::vector<double>{0, 1}));
}

TEST(MetricsRoc, HandComputedCurve) {
  // Positive-beats-negative pairs: 3 + 3 + 2 of 9, so AUC = 8/9.
  const auto r = roc_curve(col({0.9, 0.8, 0.7, 0.6, 0.55, 0.4}), col({1, 1, 0, 1, 0, 0}));
  const std::vector<double> fpr = {0, 0, 0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1};
  const std::vector<double> tpr = {0, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1, 1, 1};
  ASSERT_EQ(r.fpr.size(), fpr.size());
  for (size_t i = 0; i < fpr.size(); ++i) {
    EXPECT_NEAR(r.fpr[i], fpr[i], kTol) << i;
    EXPECT_NEAR(r.tpr[i], tpr[i], kTol) << i;
  }
  EXPECT_NEAR(r.thresholds[3], 0.7, kTol);
  EXPECT_NEAR(r.auc, 8.0 / 9, kTol);
}

TEST(MetricsRoc, PartialTieCountsHalf) {
  // The tied pair (0.5 positive, 0.5 negative) counts 1/2: (2 + 0.5 + 1) / 4.
  const auto r = roc_curve(col({0.8, 0.5, 0.5, 0.2}), col({1, 1, 0, 0}));
  EXPECT_EQ(r.fpr.size(), 4u);  // (0,0), after 0.8, after both 0.5s, after 0.2
  EXPECT_NEAR(r.auc, 0.875, kTol);
}

TEST(MetricsRoc, OneClassOnlyIsHalf) {
  const auto r = roc_curve(col({0.1, 0.9}), col({1, 1}));
  EXPECT_EQ(r.auc, 0.5);
  EXPECT_EQ(r.fpr.size(), 2u);
}

TEST(MetricsRoc, TwoColumnScoresAndErrors) {
  Matrix s(2, 2);
  s << 0.9, 0.1, 0.2, 0.8;  // column 1 ranks the positive (row 2) first
  EXPECT_NEAR(roc_curve(s, col({0, 1})).auc, 1.0, kTol);
  EXPECT_THROW(roc_curve(Matrix(2, 3), col({0, 1})), Error);
  EXPECT_THROW(roc_curve(col({0.1, 0.2}), col({0, 2})), Error);
  EXPECT_THROW(roc_curve(col({0.1, NAN}), col({0, 1})), Error);
  EXPECT_THROW(roc_curve(col({0.1, 0.2}), col({0})), Error);
}

TEST(MetricsRegression, HandComputed) {
  // SS_res = 1, mean 2.5, SS_tot = 5 -> R^2 = 0.8; MSE = 1/4.
  const auto m = regression_metrics(col({1, 2, 3, 5}), col({1, 2, 3, 4}));
  EXPECT_NEAR(m.mse, 0.25, kTol);
  EXPECT_NEAR(m.r2, 0.8, kTol);
  // Predicting the mean gives R^2 = 0; worse than the mean goes negative.
  EXPECT_NEAR(regression_metrics(col({2.5, 2.5, 2.5, 2.5}), col({1, 2, 3, 4})).r2, 0, kTol);
  EXPECT_LT(regression_metrics(col({4, 3, 2, 1}), col({1, 2, 3, 4})).r2, 0);
}

TEST(MetricsRegression, ConstantTargets) {
  EXPECT_EQ(regression_metrics(col({2, 2}), col({2, 2})).r2, 1.0);
  const auto m = regression_metrics(col({2, 3}), col({2, 2}));
  EXPECT_EQ(m.r2, 0.0);
  EXPECT_NEAR(m.mse, 0.5, kTol);
  EXPECT_EQ(regression_metrics(Matrix(0, 1), Matrix(0, 1)).mse, 0.0);
  EXPECT_THROW(regression_metrics(col({1, 2}), col({1})), Error);
}

}  // namespace
}  // namespace nnplay
