// Input-replay scripts for end-to-end GUI tests: one event per line, run frame by frame by the
// app as if a user had done it. Coordinates are window pixels ("move 400 300") or fractions of
// a panel ("move canvas 0.25 0.5"), so scripts survive layout changes. Lines starting with #
// are comments.
//
//   key NAME            press and release (space, s, r, 1, f12, escape, enter, ctrl+s, shift+r)
//   type TEXT           characters into the focused text field
//   mouse_down [P] X Y  move there and press the left button
//   move [P] X Y        move (dragging if the button is down)
//   mouse_up            release the left button
//   click [P] X Y       move, press, release
//   drag [P] X1 Y1 X2 Y2 [FRAMES]   press at 1, move to 2 in FRAMES steps (default 10), release
//   wait N              N frames
//   wait_seconds S      S seconds (training continues)
//   wait_steps N        until the trainer has done N more minibatch steps
//   save PATH           save the experiment (with weights) to PATH
//   screenshot PATH     save a PNG (and PATH.json sidecar) of the window
//   quit                end the app (exit status 0)
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace nnplay::gui {

enum class ReplayOp {
  Key, Type, MouseDown, Move, MouseUp, Wait, WaitSeconds, WaitSteps, Save, Screenshot, Quit
};

struct ReplayEvent {
  ReplayOp op = ReplayOp::Wait;
  int key = 0;            // GLFW key code (Key)
  bool ctrl = false, shift = false;
  std::string panel;      // empty: x, y are window pixels; else a panel name, x, y in [0, 1]
  float x = 0, y = 0;
  double amount = 0;      // frames, seconds or steps
  std::string text;       // Type text, Save/Screenshot path
  int line = 0;           // script line, for messages
};

// Panels a script may aim at: controls, data, network, canvas, curves.
bool is_replay_panel(std::string_view name);
// GLFW key code for a key name (letters, digits, space, enter, escape, tab, backspace, f1-f12,
// left/right/up/down, equal, minus); 0 if unknown.
int replay_key_code(std::string_view name);

// Throws nnplay::Error "<name> line <n>: ..." for anything it cannot read. Click and drag are
// expanded into MouseDown/Move/MouseUp events.
std::vector<ReplayEvent> parse_replay(std::string_view text, const std::string& name_for_errors);

}  // namespace nnplay::gui
