#include "engine/core/thread_priority.h"

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace nnplay {

bool set_this_thread_nice(int nice) {
#if defined(__linux__)
  // On Linux a nice value belongs to a thread (POSIX says process): setpriority on the
  // thread id changes only this thread.
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  return setpriority(PRIO_PROCESS, tid, nice) == 0;
#else
  (void)nice;
  return false;
#endif
}

}  // namespace nnplay
