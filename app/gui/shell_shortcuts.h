// Keyboard shortcuts of the shell: Space play/pause, S step, R reset (new weights), Shift+R
// same initial weights, Ctrl+S save, Ctrl+O open, Ctrl+= / Ctrl+- / Ctrl+0 interface size,
// F12 screenshot. Ignored while a text field has the keyboard (io.WantTextInput), so typing
// "s" in a file name does not take a training step.
#pragma once

namespace nnplay::gui {

struct ShortcutActions {
  bool toggle_play = false, step = false, reset_new = false, reset_same = false;
  bool save = false, open = false, screenshot = false;
  int zoom = 0;  // +1 / -1
  bool zoom_reset = false;
};

// Reads this frame's key presses (call between NewFrame and Render).
ShortcutActions read_shortcuts();

}  // namespace nnplay::gui
