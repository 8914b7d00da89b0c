#include "app/gui/logic/panel_redraw.h"

namespace nnplay::gui {

bool overlaps(const Rect& a, const Rect& b) {
  return a.w > 0 && a.h > 0 && b.w > 0 && b.h > 0 && a.x < b.right() && b.x < a.right() &&
         a.y < b.bottom() && b.y < a.bottom();
}

bool belongs_to_panel(std::string_view window_name, std::string_view key) {
  const std::string_view root = window_name.substr(0, window_name.find('/'));
  if (key.substr(0, 3) == "###")
    return root.size() >= key.size() && root.substr(root.size() - key.size()) == key;
  return root == key;
}

std::vector<bool> panels_to_draw(const std::vector<PanelState>& panels, double now,
                                 double min_interval) {
  std::vector<bool> draw(panels.size(), false);
  int waiting_longest = -1;
  for (size_t i = 0; i < panels.size(); ++i) {
    const PanelState& p = panels[i];
    if (p.damaged || (p.changed && p.interactive)) {
      draw[i] = true;
    } else if (p.changed && now - p.drawn_at >= min_interval) {
      if (waiting_longest < 0 || p.drawn_at < panels[size_t(waiting_longest)].drawn_at)
        waiting_longest = int(i);
    }
  }
  if (waiting_longest >= 0) draw[size_t(waiting_longest)] = true;
  return draw;
}

}  // namespace nnplay::gui
