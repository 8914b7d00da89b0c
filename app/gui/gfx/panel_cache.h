// Software OpenGL (llvmpipe: CI machines, remote desktops, computers without a GPU driver) pays
// for every pixel of every frame, and a full frame at 1600x1000 costs it ~13 ms on two cores.
// The fixed panels seldom all change at once, so the cache keeps the last frame in the back
// buffer and redraws only the panels whose draw lists changed or that an overlay (menu, popup,
// tooltip, banner) touched; panels the mouse is not over redraw at most 20 times a second,
// one per frame (logic/panel_redraw.h). Overlays are drawn every frame on top.
// It is on only for software renderers, and only while a probe pixel shows that the back
// buffer keeps its pixels across a swap; otherwise every frame is drawn whole.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "app/gui/logic/panel_redraw.h"

namespace nnplay::gui {

struct CachedPanel {
  std::string key;  // window name, or "###id" (see belongs_to_panel)
  Rect rect;        // where it lies on screen, in ImGui coordinates
};

class PanelCache {
 public:
  // Decides, once a GL context exists, whether caching is worth it (software renderer) and
  // allowed (NNPLAY_PANEL_CACHE=0 turns it off).
  void init();
  bool active() const { return active_; }

  // Draws this frame's ImGui draw data into the back buffer. `whole` redraws everything
  // (screenshots must show the newest state of every panel).
  void render(ImDrawData* data, const std::vector<CachedPanel>& panels, ImVec4 clear_color,
              double now, bool whole);

  long panel_draws() const { return panel_draws_; }
  long panel_reuses() const { return panel_reuses_; }

 private:
  struct Entry {
    uint64_t hash = 0;
    Rect rect;
    double drawn_at = -1e30;
    bool valid = false;
  };
  bool probe_ok(int fb_h);
  void write_probe(int fb_h);

  bool active_ = false;
  std::vector<Entry> entries_;   // parallel to the panels of the last frame
  std::vector<Rect> last_overlays_;
  int fb_w_ = 0, fb_h_ = 0;
  unsigned frame_ = 0;
  bool probe_written_ = false;
  long panel_draws_ = 0, panel_reuses_ = 0;
};

}  // namespace nnplay::gui
