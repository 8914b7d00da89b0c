// Which fixed panels a frame redraws, for the panel cache (gfx/panel_cache.h): the decisions
// without GL, so they are unit-tested.
#pragma once
#include <string_view>
#include <vector>

#include "app/gui/logic/layout_math.h"

namespace nnplay::gui {

// Whether two screen rectangles share any area (touching edges do not).
bool overlaps(const Rect& a, const Rect& b);

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
