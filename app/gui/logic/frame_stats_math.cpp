// Ring buffer of frame times and its summary statistics.
#include "app/gui/logic/frame_stats_math.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace nnplay::gui {

FrameTimes::FrameTimes(size_t capacity) : ring_(std::max<size_t>(capacity, 1)) {}

void FrameTimes::add(double ms) {
  ring_[next_] = ms;
  next_ = (next_ + 1) % ring_.size();
  filled_ = std::min(filled_ + 1, ring_.size());
  ++total_;
}

void FrameTimes::clear() {
  next_ = filled_ = 0;
  total_ = 0;
}

std::vector<double> FrameTimes::samples() const {
  std::vector<double> out;
  out.reserve(filled_);
  const size_t start = filled_ < ring_.size() ? 0 : next_;
  for (size_t i = 0; i < filled_; ++i) out.push_back(ring_[(start + i) % ring_.size()]);
  return out;
}

double FrameTimes::mean() const {
  if (filled_ == 0) return 0;
  const auto s = samples();
  return std::accumulate(s.begin(), s.end(), 0.0) / double(s.size());
}

double FrameTimes::max() const {
  const auto s = samples();
  return s.empty() ? 0 : *std::max_element(s.begin(), s.end());
}

double FrameTimes::percentile(double p) const {
  auto s = samples();
  if (s.empty()) return 0;
  std::sort(s.begin(), s.end());
  p = std::clamp(p, 0.0, 100.0);
  const double rank = std::ceil(p / 100.0 * double(s.size()));
  const size_t index = rank < 1 ? 0 : size_t(rank) - 1;
  return s[std::min(index, s.size() - 1)];
}

}  // namespace nnplay::gui
