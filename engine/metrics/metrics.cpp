#include "engine/metrics/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "engine/core/error.h"

namespace nnplay {

namespace {

double ratio(double num, double den) { return den > 0 ? num / den : 0.0; }
double harmonic(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

// Reads labels(i, 0) as a class index, refusing anything that is not one.
int label_at(const Matrix& labels, Eigen::Index i, int classes) {
  const double v = labels(i, 0);
  if (!(v >= 0 && v < classes) || v != std::floor(v))
    throw Error("label " + std::to_string(v) + " at row " + std::to_string(i + 1) +
                " is not a class index from 0 to " + std::to_string(classes - 1));
  return static_cast<int>(v);
}

void check_shapes(const Matrix& probs, const Matrix& labels, int classes) {
  if (classes < 2) throw Error("metrics need at least 2 classes, got " + std::to_string(classes));
  if (labels.cols() != 1 || labels.rows() != probs.rows())
    throw Error("metrics: expected labels of shape (" + std::to_string(probs.rows()) +
                ", 1), got (" + std::to_string(labels.rows()) + ", " +
                std::to_string(labels.cols()) + ")");
  const bool ok = probs.cols() == classes || (classes == 2 && probs.cols() == 1);
  if (!ok)
    throw Error("metrics: the network gives " + std::to_string(probs.cols()) +
                " outputs per point but the data has " + std::to_string(classes) +
                " classes (expected " + (classes == 2 ? "1 or 2" : std::to_string(classes)) + ")");
}

int predict_row(const Matrix& probs, Eigen::Index i, int classes, double threshold) {
  if (classes == 2) {
    const double p1 = probs(i, probs.cols() == 1 ? 0 : 1);
    return p1 >= threshold ? 1 : 0;
  }
  Eigen::Index best = 0;
  probs.row(i).maxCoeff(&best);
  return static_cast<int>(best);
}

// Precision, recall and F1 from the confusion matrix: class 1's for binary, macro otherwise.
void fill_rates(ClassificationMetrics& m) {
  const int k = m.classes;
  auto one_class = [&](int c, double& p, double& r) {
    double tp = m.at(c, c), predicted = 0, actual = 0;
    for (int j = 0; j < k; ++j) {
      predicted += m.at(j, c);
      actual += m.at(c, j);
    }
    p = ratio(tp, predicted);
    r = ratio(tp, actual);
  };
  if (k == 2) {
    one_class(1, m.precision, m.recall);
    m.f1 = harmonic(m.precision, m.recall);
    return;
  }
  for (int c = 0; c < k; ++c) {
    double p = 0, r = 0;
    one_class(c, p, r);
    m.precision += p / k;
    m.recall += r / k;
    m.f1 += harmonic(p, r) / k;
  }
}

// Column of binary scores as doubles, refusing NaN (it would break the sort's ordering).
std::vector<double> score_column(const Matrix& scores) {
  if (scores.cols() != 1 && scores.cols() != 2)
    throw Error("ROC: expected scores with 1 or 2 columns (a binary classifier), got " +
                std::to_string(scores.cols()));
  const Eigen::Index col = scores.cols() == 1 ? 0 : 1;
  std::vector<double> s(scores.rows());
  for (Eigen::Index i = 0; i < scores.rows(); ++i) {
    s[i] = scores(i, col);
    if (std::isnan(s[i]))
      throw Error("ROC: the score at row " + std::to_string(i + 1) +
                  " is not a number (did training diverge?)");
  }
  return s;
}

double trapezoid_auc(const RocCurve& c) {
  double area = 0;
  for (size_t i = 1; i < c.fpr.size(); ++i)
    area += (c.fpr[i] - c.fpr[i - 1]) * (c.tpr[i] + c.tpr[i - 1]) / 2;
  return area;
}

}  // namespace

ClassificationMetrics classification_metrics(const Matrix& probs, const Matrix& labels, int classes,
                                             double threshold) {
  check_shapes(probs, labels, classes);
  ClassificationMetrics m;
  m.classes = classes;
  m.confusion.assign(size_t(classes) * classes, 0);
  const Eigen::Index n = labels.rows();
  if (n == 0) return m;
  int correct = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const int truth = label_at(labels, i, classes);
    const int pred = predict_row(probs, i, classes, threshold);
    ++m.confusion[truth * classes + pred];
    correct += truth == pred;
  }
  m.accuracy = static_cast<double>(correct) / static_cast<double>(n);
  fill_rates(m);
  return m;
}

RocCurve roc_curve(const Matrix& scores, const Matrix& labels) {
  const std::vector<double> s = score_column(scores);
  if (labels.cols() != 1 || labels.rows() != scores.rows())
    throw Error("ROC: expected labels of shape (" + std::to_string(scores.rows()) + ", 1)");
  const Eigen::Index n = labels.rows();
  std::vector<int> y(n);
  for (Eigen::Index i = 0; i < n; ++i) y[i] = label_at(labels, i, 2);
  const double pos = std::accumulate(y.begin(), y.end(), 0.0), neg = double(n) - pos;

  RocCurve c;
  const double inf = std::numeric_limits<double>::infinity();
  if (pos == 0 || neg == 0) {
    c.fpr = {0, 1};
    c.tpr = {0, 1};
    c.thresholds = {inf, -inf};
    c.auc = 0.5;
    return c;
  }
  std::vector<Eigen::Index> order(n);
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return s[a] > s[b]; });

  c.fpr.push_back(0);
  c.tpr.push_back(0);
  c.thresholds.push_back(inf);
  double tp = 0, fp = 0;
  for (Eigen::Index i = 0; i < n;) {
    // Lowering the threshold to s[order[i]] admits every point with that score at once.
    const double t = s[order[i]];
    for (; i < n && s[order[i]] == t; ++i) (y[order[i]] ? tp : fp) += 1;
    c.fpr.push_back(fp / neg);
    c.tpr.push_back(tp / pos);
    c.thresholds.push_back(t);
  }
  c.auc = trapezoid_auc(c);
  return c;
}

RegressionMetrics regression_metrics(const Matrix& pred, const Matrix& targets) {
  if (pred.rows() != targets.rows() || pred.cols() != targets.cols())
    throw Error("regression metrics: predictions are (" + std::to_string(pred.rows()) + ", " +
                std::to_string(pred.cols()) + ") but targets are (" +
                std::to_string(targets.rows()) + ", " + std::to_string(targets.cols()) + ")");
  RegressionMetrics m;
  const Eigen::Index count = targets.size();
  if (count == 0) return m;
  // Plain loops in double: float sums over many points would lose the digits R^2 needs.
  const Scalar* p = pred.data();
  const Scalar* t = targets.data();
  double mean = 0;
  for (Eigen::Index i = 0; i < count; ++i) mean += t[i];
  mean /= static_cast<double>(count);
  double ss_res = 0, ss_tot = 0;
  for (Eigen::Index i = 0; i < count; ++i) {
    ss_res += (double(p[i]) - t[i]) * (double(p[i]) - t[i]);
    ss_tot += (double(t[i]) - mean) * (double(t[i]) - mean);
  }
  m.mse = ss_res / static_cast<double>(count);
  m.r2 = ss_tot > 0 ? 1.0 - ss_res / ss_tot : (ss_res > 0 ? 0.0 : 1.0);
  return m;
}

}  // namespace nnplay
