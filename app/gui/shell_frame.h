// One frame of the interface, between ImGui::NewFrame and ImGui::Render: menu bar, the five
// panels in their layout, splitters, dialogs and notifications, and turning everything the
// user did into commands for the trainer.
#pragma once
#include <optional>
#include <string>

#include "app/gui/app_state.h"
#include "app/gui/logic/layout_math.h"

namespace nnplay::gui {

// What the frame asks of the main loop (things that must happen outside NewFrame/Render).
struct FrameRequests {
  bool rebuild_fonts = false;  // prefs.scale changed
  bool restyle = false;        // theme changed
  bool screenshot = false;     // F12: capture after rendering, to a timestamped file
  bool quit = false;
};

// Draws the interface; `layout` receives this frame's panel rectangles (window coordinates).
FrameRequests draw_frame(AppState& s, Layout& layout, double now);

// --- dialogs and notifications (shell_dialogs.cpp)

// Asks first when the document is dirty; otherwise switches now.
void request_switch(AppState& s, const PendingSwitch& p, double now);
void draw_dialogs(AppState& s, double now);
void draw_banner(AppState& s, const Rect& area);
void draw_toast(AppState& s, double now);
void open_save_as(AppState& s);
void open_open_browser(AppState& s);
void carry_out_switch(AppState& s, const PendingSwitch& p, double now);

// File-browser purposes.
inline constexpr int kBrowseOpen = 1;
inline constexpr int kBrowseSaveAs = 2;

}  // namespace nnplay::gui
