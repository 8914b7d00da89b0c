// The main menu bar: File (new, open, save, recent), View (interface size, colours), Help.
// It only reports what was chosen; the shell carries it out.
#pragma once
#include <optional>
#include <string>

#include "app/gui/app_state.h"

namespace nnplay::gui {

struct MenuActions {
  bool new_document = false, open = false, save = false, save_as = false, quit = false;
  std::optional<std::string> open_recent;
  bool screenshot = false;
  int zoom = 0;             // +1 bigger, -1 smaller
  bool zoom_reset = false;
  bool style_changed = false;  // theme or colour scheme: re-apply the style
  bool show_keys = false, show_about = false;
};

// Draws the bar; *height receives its height in pixels.
MenuActions draw_menu_bar(AppState& s, float* height);

}  // namespace nnplay::gui
