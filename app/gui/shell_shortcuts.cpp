// Shortcut keys (ImGui 1.86: io.KeysDown is indexed by GLFW key codes).
#include "app/gui/shell_shortcuts.h"

#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace nnplay::gui {

namespace {
bool pressed(int key) { return ImGui::IsKeyPressed(key, false); }
}  // namespace

ShortcutActions read_shortcuts() {
  ShortcutActions a;
  const ImGuiIO& io = ImGui::GetIO();
  a.screenshot = pressed(GLFW_KEY_F12);
  // A modal (file browser, error message) owns the keyboard.
  if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return a;
  const bool ctrl = io.KeyCtrl, shift = io.KeyShift, plain = !io.KeyCtrl && !io.KeyAlt;
  if (ctrl) {
    a.save = pressed(GLFW_KEY_S);
    a.open = pressed(GLFW_KEY_O);
    if (pressed(GLFW_KEY_EQUAL) || pressed(GLFW_KEY_KP_ADD)) a.zoom = 1;
    if (pressed(GLFW_KEY_MINUS) || pressed(GLFW_KEY_KP_SUBTRACT)) a.zoom = -1;
    a.zoom_reset = pressed(GLFW_KEY_0) || pressed(GLFW_KEY_KP_0);
    return a;
  }
  if (!plain) return a;
  a.toggle_play = pressed(GLFW_KEY_SPACE);
  a.step = !shift && pressed(GLFW_KEY_S);
  if (pressed(GLFW_KEY_R)) (shift ? a.reset_same : a.reset_new) = true;
  return a;
}

}  // namespace nnplay::gui
