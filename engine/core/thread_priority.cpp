#include "engine/core/thread_priority.h"

#if defined(__linux__)
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace nnplay {

bool set_this_thread_priority(ThreadPriority p) {
#if defined(__linux__)
  // On Linux, scheduling policy and nice value belong to a thread (POSIX says process): pid 0
  // for sched_setscheduler and the thread id for setpriority change only this thread.
  const bool background = p == ThreadPriority::Background;
  sched_param param{};
  param.sched_priority = 0;
  if (sched_setscheduler(0, background ? SCHED_IDLE : SCHED_OTHER, &param) == 0) return true;
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  setpriority(PRIO_PROCESS, tid, background ? 19 : 0);
  return false;
#else
  (void)p;
  return false;
#endif
}

}  // namespace nnplay
