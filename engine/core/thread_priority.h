// Thread priorities, so that a window sharing the machine with training gets the CPU first
// whenever it draws a frame, and training takes every cycle the window leaves.
#pragma once

namespace nnplay {

enum class ThreadPriority {
  Normal,
  // Runs only on cores that would otherwise idle (Linux SCHED_IDLE). A plain lower nice value
  // is not enough on two cores: measured p99 frame time 27 ms at nice 10, 17-22 ms with this.
  Background,
};

// Applies to the calling thread. Best effort: returns false where the platform refuses
// (Background then falls back to the lowest nice value).
bool set_this_thread_priority(ThreadPriority p);

}  // namespace nnplay
