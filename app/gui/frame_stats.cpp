// Frame timing for --stats.
#include "app/gui/frame_stats.h"

#include <cstdio>

namespace nnplay::gui {

namespace {
double ms_between(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}
}  // namespace

void FrameClock::frame_start() {
  prev_start_ = start_;
  start_ = Clock::now();
  if (++frames_ > kWarmupFrames + 1) intervals_.add(ms_between(prev_start_, start_));
}

void FrameClock::work_done() {
  if (frames_ > kWarmupFrames) work_.add(ms_between(start_, Clock::now()));
}

double FrameClock::since_frame_start() const {
  return ms_between(start_, Clock::now()) / 1000.0;
}

std::string FrameClock::report() const {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "frames %ld  mean %.2f ms  p99 %.2f ms  max %.2f ms  (work per frame: mean %.2f "
                "ms, p99 %.2f ms)",
                intervals_.total(), intervals_.mean(), intervals_.percentile(99), intervals_.max(),
                work_.mean(), work_.percentile(99));
  return buf;
}

}  // namespace nnplay::gui
