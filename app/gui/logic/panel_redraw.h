// Which fixed panels a frame redraws, for the panel cache (gfx/panel_cache.h): the decisions
// without GL, so they are unit-tested.
#pragma once
#include <string_view>
#include <vector>

namespace nnplay::gui {

struct Box {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
};
bool overlaps(const Box& a, const Box& b);

// Whether an ImDrawList owned by `window_name` belongs to the panel `key`: the window itself or
// one of its child windows ("Panel/Child_1234"); a key starting with "###" matches any title
// with that ID ("Data###left" and "Lesson###left" are the same window).
bool belongs_to_panel(std::string_view window_name, std::string_view key);

struct PanelState {
  bool changed = false;      // its draw lists differ from the ones last drawn
  bool damaged = false;      // never drawn, invalidated, or an overlay covers or covered it
  bool interactive = false;  // under the mouse, or the user is working a widget
  double drawn_at = -1e30;   // when it was last drawn
};

// Damaged and interactive-changed panels are drawn now. Other changed panels (training updates
// elsewhere) wait until min_interval has passed since their last draw, and at most one of them
// is drawn per frame, the one waiting longest, so their cost is spread over frames.
std::vector<bool> panels_to_draw(const std::vector<PanelState>& panels, double now,
                                 double min_interval);

}  // namespace nnplay::gui
