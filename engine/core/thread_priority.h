// Lowering a thread's scheduling priority, so that a window sharing the machine with training
// gets the CPU first when it needs it (training takes what the window leaves).
#pragma once

namespace nnplay {

// Sets the calling thread's nice value (0 = normal, 19 = lowest). Best effort: returns false
// where the platform does not support per-thread priorities or refuses the change.
bool set_this_thread_nice(int nice);

}  // namespace nnplay
