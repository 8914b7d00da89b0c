// Shortcut keys (ImGui 1.86: io.KeysDown is indexed by GLFW key codes).
#include "app/gui/shell_shortcuts.h"

#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "app/gui/shell_window.h"

namespace nnplay::gui {

namespace {

// A key press with exactly these modifiers (Alt/Super never), seen either by ImGui this frame
// or by the latch (a tap shorter than a frame).
bool chord(int key, bool ctrl, bool shift) {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsKeyPressed(key, false) && io.KeyCtrl == ctrl && io.KeyShift == shift &&
      !io.KeyAlt && !io.KeySuper)
    return true;
  const int mods = key_press_mods(key);
  if (mods < 0) return false;
  const bool alt_super = mods & (GLFW_MOD_ALT | GLFW_MOD_SUPER);
  return !alt_super && bool(mods & GLFW_MOD_CONTROL) == ctrl && bool(mods & GLFW_MOD_SHIFT) == shift;
}

bool ctrl_chord(int key) { return chord(key, true, false) || chord(key, true, true); }

}  // namespace

ShortcutActions read_shortcuts() {
  ShortcutActions a;
  const ImGuiIO& io = ImGui::GetIO();
  a.screenshot = chord(GLFW_KEY_F12, false, false);
  // A modal (file browser, error message) or a text field owns the keyboard.
  if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return a;
  a.save = ctrl_chord(GLFW_KEY_S);
  a.open = ctrl_chord(GLFW_KEY_O);
  if (ctrl_chord(GLFW_KEY_EQUAL) || ctrl_chord(GLFW_KEY_KP_ADD)) a.zoom = 1;
  if (ctrl_chord(GLFW_KEY_MINUS) || ctrl_chord(GLFW_KEY_KP_SUBTRACT)) a.zoom = -1;
  a.zoom_reset = ctrl_chord(GLFW_KEY_0) || ctrl_chord(GLFW_KEY_KP_0);
  a.toggle_play = chord(GLFW_KEY_SPACE, false, false);
  a.step = chord(GLFW_KEY_S, false, false);
  a.reset_new = chord(GLFW_KEY_R, false, false);
  a.reset_same = chord(GLFW_KEY_R, false, true);
  return a;
}

}  // namespace nnplay::gui
