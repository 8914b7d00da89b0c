// How good are the predictions? Accuracy, precision/recall/F1, the confusion matrix and the ROC
// curve for classification; MSE and R^2 for regression. Computed in double whatever Scalar is,
// so sums over a million points do not drift.
#pragma once
#include <vector>

#include "engine/core/tensor.h"

namespace nnplay {

struct ClassificationMetrics {
  double accuracy = 0, precision = 0, recall = 0, f1 = 0;
  int classes = 2;
  std::vector<int> confusion;  // classes x classes, row-major: row = true class, col = predicted
  int at(int truth, int predicted) const { return confusion[truth * classes + predicted]; }
};

// probs: (N, 1) P(class 1) from a sigmoid output, or (N, k) softmax rows with k == classes.
// labels: (N, 1) class indices in [0, classes).
// Binary (classes == 2): class 1 is "positive" and is predicted when P(class 1) >= threshold
//   (P(class 1) is column 0 of an (N, 1) input or column 1 of an (N, 2) input); precision, recall
//   and F1 are those of class 1.
// Multi-class: the prediction is the argmax; precision, recall and F1 are macro averages: the
//   plain mean over classes of each class's one-vs-rest value (F1 averaged per class, as
//   scikit-learn's average='macro'), so rare classes count as much as common ones.
// A ratio with a zero denominator (e.g. precision when nothing is predicted positive) is 0.
// N == 0 gives all-zero metrics. Throws Error on mismatched shapes or bad labels.
ClassificationMetrics classification_metrics(const Matrix& probs, const Matrix& labels, int classes,
                                             double threshold = 0.5);

// Receiver operating characteristic for a binary classifier. Points run from (0, 0) at
// threshold +infinity to (1, 1); each point is "predict positive when score >= threshold".
// Equal scores form one step (a diagonal segment), so ties are neither optimistic nor
// pessimistic. AUC is the trapezoid area under the curve. If the labels are all one class the
// curve is undefined; we return the diagonal {(0,0), (1,1)} and auc = 0.5 ("no better than
// chance", and never NaN in the UI).
struct RocCurve {
  std::vector<double> fpr, tpr, thresholds;
  double auc = 0;
};
// scores: (N, 1), or (N, 2) whose column 1 is used. labels: (N, 1) with values 0 or 1.
RocCurve roc_curve(const Matrix& scores, const Matrix& labels);

struct RegressionMetrics {
  double mse = 0, r2 = 0;
};
// pred and targets: same shape, usually (N, 1). mse = mean squared error over all entries.
// R^2 = 1 - SS_res / SS_tot with SS_tot about the targets' mean. When the targets are all equal
// (SS_tot == 0) R^2 is 1 for a perfect fit and 0 otherwise, instead of dividing by zero.
// N == 0 gives zeros.
RegressionMetrics regression_metrics(const Matrix& pred, const Matrix& targets);

}  // namespace nnplay
