// The app's own frame timing (`--stats`): the interval between frame starts (what the viewer
// sees; 16.7 ms at 60 fps) and the work per frame (what it costs), both in ring buffers.
#pragma once
#include <chrono>
#include <string>

#include "app/gui/logic/frame_stats_math.h"

namespace nnplay::gui {

class FrameClock {
 public:
  // The first frames (font upload, shader compilation) are not representative.
  static constexpr int kWarmupFrames = 10;

  void frame_start();  // top of the loop
  void work_done();    // after the buffer swap, before any sleep
  // Seconds since the last frame_start (for the frame limiter).
  double since_frame_start() const;
  const FrameTimes& intervals() const { return intervals_; }
  const FrameTimes& work() const { return work_; }
  // "frames 300  mean 16.7 ms  p99 18.2 ms  max ... | work mean ... p99 ..."
  std::string report() const;

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point start_{}, prev_start_{};
  long frames_ = 0;
  FrameTimes intervals_, work_;
};

}  // namespace nnplay::gui
