#include "engine/train/predictions.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "engine/core/error.h"

namespace nnplay {

double Predictions::accuracy() const {
  if (rows.empty()) return 0;
  int ok = 0;
  for (int i = 0; i < size(); ++i) ok += correct(i);
  return double(ok) / size();
}

Predictions make_predictions(const Matrix& probs, const Matrix& labels, const std::vector<int>& rows,
                             int classes) {
  const Eigen::Index n = probs.rows();
  const bool binary = probs.cols() == 1 && classes == 2;
  if (labels.rows() != n || Eigen::Index(rows.size()) != n || (!binary && probs.cols() != classes))
    throw Error("predictions: " + std::to_string(n) + " probability rows with " +
                std::to_string(probs.cols()) + " columns do not match " + std::to_string(labels.rows()) +
                " labels, " + std::to_string(rows.size()) + " rows and " + std::to_string(classes) +
                " classes");
  Predictions p;
  p.classes = classes;
  p.rows = rows;
  p.truth.resize(n);
  p.top.resize(n);
  p.top_prob.resize(n);
  p.confusion.assign(size_t(classes) * classes, 0);
  std::vector<float> prob(classes);
  std::vector<int> order(classes);
  for (Eigen::Index i = 0; i < n; ++i) {
    const int t = static_cast<int>(labels(i, 0));
    if (t < 0 || t >= classes)
      throw Error("predictions: label " + std::to_string(t) + " of row " + std::to_string(i) +
                  " is not a class in 0.." + std::to_string(classes - 1));
    for (int k = 0; k < classes; ++k)
      prob[k] = binary ? (k == 1 ? probs(i, 0) : 1 - probs(i, 0)) : probs(i, k);
    std::iota(order.begin(), order.end(), 0);
    const int keep = std::min(classes, Predictions::kTop);
    std::partial_sort(order.begin(), order.begin() + keep, order.end(),
                      [&](int a, int b) { return prob[a] > prob[b] || (prob[a] == prob[b] && a < b); });
    for (int j = 0; j < Predictions::kTop; ++j) {
      p.top[i][j] = j < keep ? order[j] : -1;
      p.top_prob[i][j] = j < keep ? prob[order[j]] : 0.0f;
    }
    p.truth[i] = t;
    ++p.confusion[size_t(t) * classes + order[0]];
  }
  return p;
}

std::vector<int> gallery_order(const Predictions& p, bool misclassified_first, int true_class,
                               int predicted_class) {
  std::vector<int> out;
  for (int i = 0; i < p.size(); ++i) {
    if (true_class >= 0 && p.truth[i] != true_class) continue;
    if (predicted_class >= 0 && p.predicted(i) != predicted_class) continue;
    out.push_back(i);
  }
  if (misclassified_first)
    std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
      const bool wa = !p.correct(a), wb = !p.correct(b);
      if (wa != wb) return wa;
      return wa && p.top_prob[a][0] > p.top_prob[b][0];
    });
  return out;
}

}  // namespace nnplay
