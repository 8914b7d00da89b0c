#include "engine/images/synthetic_images.h"

#include <algorithm>
#include <cmath>

#include "engine/core/error.h"
#include "engine/core/rng.h"

namespace nnplay {

namespace {

constexpr double kPi = 3.14159265358979323846;

struct Vec2 {
  double x, y;
};

// Distance from p to the segment ab.
double segment_distance(Vec2 p, Vec2 a, Vec2 b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// One stroke shape, as the distance from a point to its outline.
struct Shape2D {
  int kind = 0;
  Vec2 c{}, a{}, b{}, a2{}, b2{};  // centre; segment ends (cross: two segments)
  double r = 0;                    // circle radius or square half-side

  double distance(Vec2 p) const {
    switch (kind) {
      case 3: return std::min(segment_distance(p, a, b), segment_distance(p, a2, b2));
      case 4: return std::abs(std::hypot(p.x - c.x, p.y - c.y) - r);
      case 5: {  // outline of an axis-aligned square: |signed distance to the box|
        const double qx = std::abs(p.x - c.x) - r, qy = std::abs(p.y - c.y) - r;
        const double outside = std::hypot(std::max(qx, 0.0), std::max(qy, 0.0));
        return std::abs(outside + std::min(std::max(qx, qy), 0.0));
      }
      default: return segment_distance(p, a, b);
    }
  }
};

// A segment of the given length through c at angle theta.
void segment(Vec2 c, double length, double theta, Vec2& a, Vec2& b) {
  const double hx = 0.5 * length * std::cos(theta), hy = 0.5 * length * std::sin(theta);
  a = {c.x - hx, c.y - hy};
  b = {c.x + hx, c.y + hy};
}

Shape2D random_shape(int kind, double side, Rng& rng) {
  Shape2D s;
  s.kind = kind;
  const double tilt = rng.uniform(-0.1, 0.1);  // about +-6 degrees
  switch (kind) {
    case 0:    // horizontal line
    case 1: {  // vertical line
      const double length = side * rng.uniform(0.5, 0.85);
      const double along = rng.uniform(-0.5, 0.5) * (side - length);
      const double across = side * rng.uniform(0.25, 0.75);
      s.c = kind == 0 ? Vec2{side / 2 + along, across} : Vec2{across, side / 2 + along};
      segment(s.c, length, (kind == 0 ? 0 : kPi / 2) + tilt, s.a, s.b);
      break;
    }
    case 2: {  // diagonal, either way
      const double length = side * rng.uniform(0.6, 0.95);
      const double slack = (side - length / std::sqrt(2.0)) / 2;
      s.c = {side / 2 + rng.uniform(-slack, slack), side / 2 + rng.uniform(-slack, slack)};
      segment(s.c, length, (rng.uniform() < 0.5 ? kPi / 4 : 3 * kPi / 4) + tilt, s.a, s.b);
      break;
    }
    case 3: {  // cross (+)
      const double arm = side * rng.uniform(0.45, 0.7);
      const double slack = (side - arm) / 2;
      s.c = {side / 2 + rng.uniform(-slack, slack) * 0.8, side / 2 + rng.uniform(-slack, slack) * 0.8};
      segment(s.c, arm, tilt, s.a, s.b);
      segment(s.c, arm, kPi / 2 + tilt, s.a2, s.b2);
      break;
    }
    default: {  // circle or square
      s.r = side * rng.uniform(0.18, 0.34);
      const double slack = side / 2 - s.r - 1.5;
      s.c = {side / 2 + rng.uniform(-slack, slack), side / 2 + rng.uniform(-slack, slack)};
      break;
    }
  }
  return s;
}

}  // namespace

const std::vector<std::string>& synthetic_class_names() {
  static const std::vector<std::string> names = {"horizontal line", "vertical line", "diagonal",
                                                 "cross",           "circle",        "square"};
  return names;
}

ImageSet make_synthetic_images(int count, int side, uint64_t seed) {
  if (count < 0 || count > 1'000'000) throw Error("synthetic images: count must be 0..1000000");
  if (side < 8 || side > 256) throw Error("synthetic images: side must be 8..256 pixels");
  const int classes = static_cast<int>(synthetic_class_names().size());
  ImageSet set;
  set.count = count;
  set.height = set.width = side;
  set.pixels.resize(size_t(count) * side * side);
  set.labels.resize(count);
  Rng rng(seed);
  for (int n = 0; n < count; ++n) {
    const int kind = n % classes;
    const Shape2D shape = random_shape(kind, side, rng);
    const double half_width = std::max(0.9, 0.5 * side * rng.uniform(0.05, 0.1));
    const double brightness = rng.uniform(0.7, 1.0);
    uint8_t* img = set.pixels.data() + size_t(n) * side * side;
    for (int y = 0; y < side; ++y)
      for (int x = 0; x < side; ++x) {
        // Coverage falls from 1 to 0 over one pixel at the stroke's edge (anti-aliasing).
        const double d = shape.distance({x + 0.5, y + 0.5});
        const double cover = std::clamp(half_width + 0.5 - d, 0.0, 1.0);
        const double v = std::clamp(brightness * cover + rng.normal(0.0, 0.06), 0.0, 1.0);
        img[y * side + x] = static_cast<uint8_t>(std::lround(v * 255));
      }
    set.labels[n] = static_cast<uint8_t>(kind);
  }
  return set;
}

}  // namespace nnplay
