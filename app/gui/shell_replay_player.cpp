// Frame-by-frame playback of replay scripts.
#include "app/gui/shell_replay_player.h"

#include <string>

namespace nnplay::gui {

namespace {

const Rect* panel_rect(const Layout& l, const std::string& name) {
  if (name == "controls") return &l.controls;
  if (name == "data") return &l.data_controls;
  if (name == "network") return &l.network;
  if (name == "canvas") return &l.canvas;
  if (name == "curves") return &l.curves;
  return nullptr;
}

ImVec2 resolve(const ReplayEvent& e, const Layout& l) {
  const Rect* r = panel_rect(l, e.panel);
  if (!r) return ImVec2(e.x, e.y);
  return ImVec2(r->x + e.x * r->w, r->y + e.y * r->h);
}

}  // namespace

void ReplayPlayer::apply_held(ImGuiIO& io) const {
  io.MousePos = mouse_;
  io.MouseDown[0] = mouse_down_;
  io.KeyCtrl = ctrl_;
  io.KeyShift = shift_;
}

bool ReplayPlayer::waiting(const Snapshot* snap, double now, ReplayRequests& req) {
  if (wait_frame_ >= 0 && frame_ < wait_frame_) return true;
  if (wait_until_ >= 0 && now < wait_until_) return true;
  if (wait_step_ >= 0 && (!snap || snap->step < wait_step_)) {
    if (now > wait_deadline_) {
      req.error = "replay: wait_steps timed out at step " + std::to_string(snap ? snap->step : 0) +
                  " (waiting for " + std::to_string(wait_step_) + "; is training running?)";
      wait_step_ = -1;
      return false;
    }
    return true;
  }
  wait_frame_ = wait_step_ = -1;
  wait_until_ = -1;
  return false;
}

void ReplayPlayer::start(const ReplayEvent& e, ImGuiIO& io, const Layout& layout,
                         const Snapshot* snap, double now, ReplayRequests& req) {
  switch (e.op) {
    case ReplayOp::Key:
      key_down_ = e.key;
      ctrl_ = e.ctrl;
      shift_ = e.shift;
      if (e.key >= 0 && e.key < 512) io.KeysDown[e.key] = true;
      break;
    case ReplayOp::Type: io.AddInputCharactersUTF8(e.text.c_str()); break;
    case ReplayOp::MouseDown:
      mouse_ = resolve(e, layout);
      mouse_down_ = true;
      break;
    case ReplayOp::Move:
      mouse_ = resolve(e, layout);
      break;
    case ReplayOp::MouseUp: mouse_down_ = false; break;
    case ReplayOp::Wait: wait_frame_ = frame_ + long(e.amount); break;
    case ReplayOp::WaitSeconds: wait_until_ = now + e.amount; break;
    case ReplayOp::WaitSteps:
      wait_step_ = (snap ? snap->step : 0) + long(e.amount);
      wait_deadline_ = now + kWaitTimeoutSeconds;
      break;
    case ReplayOp::Save: req.save = e.text; break;
    case ReplayOp::Screenshot: req.screenshot = e.text; break;
    case ReplayOp::Quit: req.quit = true; break;
  }
}

ReplayRequests ReplayPlayer::before_frame(ImGuiIO& io, const Layout& layout, const Snapshot* snap,
                                          double now) {
  ReplayRequests req;
  // The first frames lay the panels out; panel-relative coordinates need that layout.
  if (++frame_ <= kSettleFrames) return req;
  if (key_down_ >= 0) {
    // A key press lasts exactly one frame, then a frame with it released.
    if (key_down_ < 512) io.KeysDown[key_down_] = false;
    key_down_ = -1;
    ctrl_ = shift_ = false;
  } else if (!waiting(snap, now, req) && !finished() && req.error.empty()) {
    // Every event gets its own frame, so ImGui sees each press, move and release.
    start(events_[next_++], io, layout, snap, now, req);
  }
  apply_held(io);
  return req;
}

}  // namespace nnplay::gui
