// Metric history that never grows past a bound: when full it keeps every other point and
// samples half as often from then on, so the start of training is never dropped.
#pragma once
#include <cmath>
#include <cstddef>
#include <vector>

namespace nnplay {

struct MetricPoint {
  long step = 0;
  double epoch = 0;
  double train_loss = NAN, val_loss = NAN;
  double train_acc = NAN, val_acc = NAN;  // accuracy for classification, R^2 for regression
};

template <typename T>
class DecimatedHistory {
 public:
  explicit DecimatedHistory(size_t capacity = 2048) : capacity_(capacity < 4 ? 4 : capacity) {}
  // Offers a point; it is kept if it falls on the current stride.
  void add(const T& p) {
    if (offered_++ % stride_ != 0) {
      latest_ = p;
      has_latest_ = true;
      return;
    }
    has_latest_ = false;
    points_.push_back(p);
    if (points_.size() >= capacity_) {
      size_t w = 0;
      for (size_t r = 0; r < points_.size(); r += 2) points_[w++] = points_[r];
      points_.resize(w);
      stride_ *= 2;
    }
  }
  // The kept points plus the newest one, so curves always end at the present.
  std::vector<T> points() const {
    std::vector<T> out = points_;
    if (has_latest_) out.push_back(latest_);
    return out;
  }
  size_t size() const { return points_.size(); }
  size_t stride() const { return stride_; }
  void clear() {
    points_.clear();
    stride_ = 1;
    offered_ = 0;
    has_latest_ = false;
  }

 private:
  size_t capacity_;
  std::vector<T> points_;
  size_t stride_ = 1, offered_ = 0;
  T latest_{};
  bool has_latest_ = false;
};

}  // namespace nnplay
