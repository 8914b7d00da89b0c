// The canvas tools as plain edits of a PointSet (see canvas_tools.h).
#include "app/gui/logic/canvas_tools.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace nnplay::gui {

int spray_points(PointSet& set, double cx, double cy, double radius, double density,
                 double label, const SplitFractions& splits, Rng& rng) {
  if (!(radius > 0) || !(density > 0)) return 0;
  const double expected = density * std::numbers::pi * radius * radius;
  // Round stochastically so small dabs still add points on average at the right rate.
  int n = static_cast<int>(expected);
  if (rng.uniform() < expected - n) ++n;
  for (int i = 0; i < n; ++i) {
    // sqrt of a uniform radius fraction gives a uniform density over the disc's area.
    const double r = radius * std::sqrt(rng.uniform());
    const double a = 2 * std::numbers::pi * rng.uniform();
    add_point(set, cx + r * std::cos(a), cy + r * std::sin(a), label, splits, rng);
  }
  return n;
}

void add_point(PointSet& set, double x1, double x2, double label, const SplitFractions& splits,
               Rng& rng) {
  set.points.push_back(Point{x1, x2, label, draw_split(splits, rng)});
}

int erase_points(PointSet& set, double cx, double cy, double radius) {
  const double r2 = radius * radius;
  const auto inside = [&](const Point& p) {
    const double dx = p.x1 - cx, dy = p.x2 - cy;
    return dx * dx + dy * dy <= r2;
  };
  const size_t before = set.points.size();
  std::erase_if(set.points, inside);
  return static_cast<int>(before - set.points.size());
}

std::optional<size_t> nearest_point(const PointSet& set, double cx, double cy, double max_dist) {
  std::optional<size_t> best;
  double best_d2 = max_dist * max_dist;
  for (size_t i = 0; i < set.points.size(); ++i) {
    const double dx = set.points[i].x1 - cx, dy = set.points[i].x2 - cy;
    const double d2 = dx * dx + dy * dy;
    if (d2 <= best_d2) {
      best_d2 = d2;
      best = i;
    }
  }
  return best;
}

void move_point(PointSet& set, size_t index, double x1, double x2) {
  if (index >= set.points.size()) return;
  set.points[index].x1 = x1;
  set.points[index].x2 = x2;
}

ValueRange value_range(const PointSet& set) {
  ValueRange r;
  for (const Point& p : set.points) {
    if (!std::isfinite(p.y)) continue;
    r.lo = std::min(r.lo, p.y);
    r.hi = std::max(r.hi, p.y);
  }
  return r;
}

}  // namespace nnplay::gui
