// Frame-time statistics kept by the app itself (`nnplay gui --stats`): a ring buffer of the last
// N frame times with mean and percentiles, so "does the UI stay at 60 fps while training flat
// out?" is a number, not an impression.
#pragma once
#include <cstddef>
#include <vector>

namespace nnplay::gui {

class FrameTimes {
 public:
  explicit FrameTimes(size_t capacity = 3600);
  void add(double ms);
  void clear();
  size_t size() const { return filled_; }   // samples currently kept (<= capacity)
  long total() const { return total_; }     // every sample ever added
  double mean() const;                       // of the kept samples; 0 when empty
  double max() const;
  // Nearest-rank percentile (p in [0, 100]) of the kept samples: the smallest value with at
  // least p% of samples at or below it. 0 when empty.
  double percentile(double p) const;
  // The kept samples, oldest first.
  std::vector<double> samples() const;

 private:
  std::vector<double> ring_;
  size_t next_ = 0, filled_ = 0;
  long total_ = 0;
};

}  // namespace nnplay::gui
