// Diagram geometry; see network_layout.h.
#include "app/gui/logic/network_layout.h"

#include <algorithm>
#include <cmath>

namespace nnplay::gui {

namespace {

// Node size that fits n neurons in height h with the given gap ratio.
float fitting_node(int n, float h, float gap_ratio) {
  if (n <= 0) return 1e9f;
  return h / (n + (n - 1) * gap_ratio);
}

void place_column(ColumnGeom& c, float top, float h, float node, float gap_ratio) {
  const float step = node * (1 + gap_ratio);
  int slots = c.count;
  if (c.count > 0 && fitting_node(c.count, h, gap_ratio) < node) {
    // Too many to show: keep as many as fit, minus one slot for the ellipsis.
    slots = std::max(3, static_cast<int>(std::floor((h + node * gap_ratio) / step)));
    const int visible = slots - 1;
    c.head = (visible + 1) / 2;
    c.tail = visible - c.head;
  } else {
    c.head = c.count;
    c.tail = 0;
  }
  const float total = slots * node + std::max(0, slots - 1) * node * gap_ratio;
  const float y0 = top + (h - total) / 2 + node / 2;
  c.slot_y.clear();
  for (int s = 0; s < slots; ++s) c.slot_y.push_back(y0 + s * step);
}

}  // namespace

DiagramLayout layout_diagram(ImVec2 min, ImVec2 max, const std::vector<int>& counts,
                             const LayoutOptions& opt) {
  DiagramLayout l;
  l.min = min;
  l.max = max;
  const float w = std::max(1.0f, max.x - min.x), h = std::max(1.0f, max.y - min.y);
  const int n = std::max<int>(1, static_cast<int>(counts.size()));
  l.pitch = w / n;
  // Each column's neurons are as large as its height allows, up to a cap set by the column
  // width; below min_node a column keeps min_node and is compressed instead.
  const float cap = std::min({opt.max_node, l.pitch * opt.max_width_ratio, h});
  const float floor_size = std::min({opt.min_node, cap, h / 3.5f});
  l.columns.resize(counts.size());
  for (size_t i = 0; i < counts.size(); ++i) {
    ColumnGeom& c = l.columns[i];
    c.x = min.x + l.pitch * (i + 0.5f);
    c.count = counts[i];
    c.node = std::clamp(fitting_node(c.count, h, opt.gap_ratio), floor_size, cap);
    place_column(c, min.y, h, c.node, opt.gap_ratio);
  }
  return l;
}

std::optional<ImVec2> DiagramLayout::node_center(int col, int unit) const {
  if (col < 0 || col >= static_cast<int>(columns.size())) return std::nullopt;
  const ColumnGeom& c = columns[col];
  if (unit < 0 || unit >= c.count) return std::nullopt;
  if (unit < c.head) return ImVec2(c.x, c.slot_y[unit]);
  if (!c.compressed()) return std::nullopt;
  const int from_end = c.count - unit;  // 1 for the last neuron
  if (from_end > c.tail) return std::nullopt;
  return ImVec2(c.x, c.slot_y[c.slot_y.size() - from_end]);
}

std::optional<ImVec2> DiagramLayout::ellipsis_center(int col) const {
  if (col < 0 || col >= static_cast<int>(columns.size())) return std::nullopt;
  const ColumnGeom& c = columns[col];
  if (!c.compressed()) return std::nullopt;
  return ImVec2(c.x, c.slot_y[c.head]);
}

float distance_to_segment(ImVec2 p, ImVec2 a, ImVec2 b) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len2 = dx * dx + dy * dy;
  float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0f, 1.0f);
  const float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return std::sqrt(ex * ex + ey * ey);
}

std::optional<NodeHit> hit_node(const DiagramLayout& layout, ImVec2 p) {
  for (int col = 0; col < static_cast<int>(layout.columns.size()); ++col) {
    const ColumnGeom& c = layout.columns[col];
    const float half = c.node / 2 + 2;
    if (std::fabs(p.x - c.x) > half) continue;
    for (int unit = 0; unit < c.count; ++unit) {
      const auto at = layout.node_center(col, unit);
      if (at && std::fabs(p.y - at->y) <= half) return NodeHit{col, unit};
    }
  }
  return std::nullopt;
}

std::optional<LinkHit> hit_link(const DiagramLayout& layout, int to_col,
                                const std::vector<int>& sources, ImVec2 p, float tol) {
  if (to_col < 1 || to_col >= static_cast<int>(layout.columns.size())) return std::nullopt;
  // Links run from the right edge of the source neuron to the left edge of the target.
  const float x0 = layout.columns[to_col - 1].x + layout.node(to_col - 1) / 2;
  const float x1 = layout.columns[to_col].x - layout.node(to_col) / 2;
  if (p.x < x0 - tol || p.x > x1 + tol) return std::nullopt;
  std::optional<LinkHit> best;
  for (int to = 0; to < layout.columns[to_col].count; ++to) {
    const auto b = layout.node_center(to_col, to);
    if (!b) continue;
    for (int from : sources) {
      const auto a = layout.node_center(to_col - 1, from);
      if (!a) continue;
      const float d = distance_to_segment(p, ImVec2(x0, a->y), ImVec2(x1, b->y));
      if (d <= tol && (!best || d < best->distance)) best = LinkHit{from, to, d};
    }
  }
  return best;
}

float insertion_x(const DiagramLayout& layout, int slot) {
  const int n = static_cast<int>(layout.columns.size());
  if (n == 0) return layout.min.x;
  slot = std::clamp(slot, 0, n - 2 < 0 ? 0 : n - 2);
  if (n == 1) return layout.columns[0].x + layout.pitch / 2;
  return (layout.columns[slot].x + layout.columns[slot + 1].x) / 2;
}

int insertion_slot(const DiagramLayout& layout, float x, int last_slot) {
  int best = 0;
  float best_d = 1e30f;
  for (int s = 0; s <= last_slot; ++s) {
    const float d = std::fabs(x - insertion_x(layout, s));
    if (d < best_d) best_d = d, best = s;
  }
  return best;
}

}  // namespace nnplay::gui
