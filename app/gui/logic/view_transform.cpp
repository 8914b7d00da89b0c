// Pan/zoom maths of the data canvas (see view_transform.h).
#include "app/gui/logic/view_transform.h"

#include <algorithm>
#include <cmath>

namespace nnplay::gui {

namespace {
constexpr double kMinHalfSpan = 1e-3, kMaxHalfSpan = 1e4;
}

ViewTransform default_view() { return ViewTransform{}; }

double pixels_per_unit(const ViewTransform& v, const ScreenRect& r) {
  return std::max(1.0, std::min(r.w, r.h)) * 0.5 / v.half_span;
}

Vec2d world_to_screen(const ViewTransform& v, const ScreenRect& r, Vec2d world) {
  const double s = pixels_per_unit(v, r);
  return {r.x + r.w * 0.5 + (world.x - v.center_x) * s,
          r.y + r.h * 0.5 - (world.y - v.center_y) * s};
}

Vec2d screen_to_world(const ViewTransform& v, const ScreenRect& r, Vec2d screen) {
  const double s = pixels_per_unit(v, r);
  return {v.center_x + (screen.x - r.x - r.w * 0.5) / s,
          v.center_y - (screen.y - r.y - r.h * 0.5) / s};
}

WorldRect visible_world(const ViewTransform& v, const ScreenRect& r) {
  const Vec2d a = screen_to_world(v, r, {r.x, r.y + r.h});
  const Vec2d b = screen_to_world(v, r, {r.x + r.w, r.y});
  return {a.x, b.x, a.y, b.y};
}

void zoom_about(ViewTransform& v, const ScreenRect& r, Vec2d screen, double factor) {
  if (!(factor > 0)) return;
  const Vec2d anchor = screen_to_world(v, r, screen);
  v.half_span = std::clamp(v.half_span / factor, kMinHalfSpan, kMaxHalfSpan);
  // Shift the centre so `anchor` maps back onto the same pixel.
  const Vec2d moved = screen_to_world(v, r, screen);
  v.center_x += anchor.x - moved.x;
  v.center_y += anchor.y - moved.y;
}

void pan_by_pixels(ViewTransform& v, const ScreenRect& r, double dx, double dy) {
  const double s = pixels_per_unit(v, r);
  v.center_x -= dx / s;
  v.center_y += dy / s;
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
  std::vector<double> ticks;
  if (!(hi > lo) || target < 1) return ticks;
  const double raw = (hi - lo) / target;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * mag;
    if (step >= raw) break;
  }
  for (double t = std::ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
    // Snap tiny round-off (e.g. 1e-17) to an exact zero so labels read "0".
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
  }
  return ticks;
}

}  // namespace nnplay::gui
