// Plays a replay script (logic/shell_replay.h) into ImGui's io, one step per frame, between the
// platform backend's NewFrame and ImGui::NewFrame, so the app sees it exactly like real input.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include <cfloat>

#include "app/gui/logic/layout_math.h"
#include "app/gui/logic/shell_replay.h"
#include "engine/train/snapshot.h"

namespace nnplay::gui {

// What the script asks of the shell this frame.
struct ReplayRequests {
  std::optional<std::string> save;        // save the experiment here (before drawing)
  std::optional<std::string> screenshot;  // capture this frame after rendering
  bool quit = false;
  std::string error;                      // the script failed (e.g. a wait timed out)
};

class ReplayPlayer {
 public:
  // A wait that takes longer than this fails the script instead of hanging a test.
  static constexpr double kWaitTimeoutSeconds = 120.0;
  static constexpr long kSettleFrames = 3;

  explicit ReplayPlayer(std::vector<ReplayEvent> events) : events_(std::move(events)) {}
  // Feeds input for this frame. layout resolves panel-relative coordinates; snap serves
  // wait_steps; now is the time in seconds.
  ReplayRequests before_frame(ImGuiIO& io, const Layout& layout, const Snapshot* snap, double now);
  bool finished() const { return next_ >= events_.size(); }

 private:
  bool waiting(const Snapshot* snap, double now, ReplayRequests& req);
  void start(const ReplayEvent& e, ImGuiIO& io, const Layout& layout, const Snapshot* snap,
             double now, ReplayRequests& req);
  void apply_held(ImGuiIO& io) const;

  std::vector<ReplayEvent> events_;
  size_t next_ = 0;
  long frame_ = 0;
  long wait_frame_ = -1;
  double wait_until_ = -1, wait_deadline_ = -1;
  long wait_step_ = -1;
  // Until the script moves it, the mouse is away from the window (the real pointer of a
  // headless X server sits mid-screen and would hover whatever is there).
  ImVec2 mouse_{-FLT_MAX, -FLT_MAX};
  bool mouse_down_ = false;
  int key_down_ = -1;  // pressed last frame: released this frame
  bool ctrl_ = false, shift_ = false;
};

}  // namespace nnplay::gui
