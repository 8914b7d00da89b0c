#include "engine/train/inspect_drawing.h"

#include <algorithm>
#include <cmath>

namespace nnplay {

namespace {
constexpr float kFaint = 0.05f;

// Bilinear sample with pixel centres at i + 0.5; outside the image is no ink.
float sample(const Ink& ink, float x, float y) {
  x -= 0.5f;
  y -= 0.5f;
  const int x0 = static_cast<int>(std::floor(x)), y0 = static_cast<int>(std::floor(y));
  const float fx = x - x0, fy = y - y0;
  auto px = [&](int i, int j) {
    return (i < 0 || j < 0 || i >= ink.side || j >= ink.side) ? 0.0f : ink.at(i, j);
  };
  return (1 - fy) * ((1 - fx) * px(x0, y0) + fx * px(x0 + 1, y0)) +
         fy * ((1 - fx) * px(x0, y0 + 1) + fx * px(x0 + 1, y0 + 1));
}
}  // namespace

bool Ink::empty() const {
  return std::none_of(v.begin(), v.end(), [](float a) { return a > kFaint; });
}

void stamp_brush(Ink& ink, float cx, float cy, float radius) {
  const int x0 = std::max(0, static_cast<int>(std::floor(cx - radius - 1)));
  const int x1 = std::min(ink.side - 1, static_cast<int>(std::ceil(cx + radius + 1)));
  const int y0 = std::max(0, static_cast<int>(std::floor(cy - radius - 1)));
  const int y1 = std::min(ink.side - 1, static_cast<int>(std::ceil(cy + radius + 1)));
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) {
      const float d = std::hypot(x + 0.5f - cx, y + 0.5f - cy);
      const float a = std::clamp((radius + 1 - d) / 2, 0.0f, 1.0f);
      float& p = ink.v[size_t(y) * ink.side + x];
      p = std::max(p, a);
    }
}

void stroke_segment(Ink& ink, float x0, float y0, float x1, float y1, float radius) {
  const float len = std::hypot(x1 - x0, y1 - y0);
  const int steps = std::max(1, static_cast<int>(std::ceil(len / std::max(0.25f, radius * 0.3f))));
  for (int i = 0; i <= steps; ++i) {
    const float t = float(i) / steps;
    stamp_brush(ink, x0 + t * (x1 - x0), y0 + t * (y1 - y0), radius);
  }
}

void center_of_mass(const Ink& ink, float& x, float& y) {
  double m = 0, mx = 0, my = 0;
  for (int j = 0; j < ink.side; ++j)
    for (int i = 0; i < ink.side; ++i) {
      const double a = ink.at(i, j);
      m += a;
      mx += a * (i + 0.5);
      my += a * (j + 0.5);
    }
  x = m > 0 ? float(mx / m) : ink.side * 0.5f;
  y = m > 0 ? float(my / m) : ink.side * 0.5f;
}

Ink normalize_like_mnist(const Ink& ink, int out_side, int box) {
  Ink out(out_side);
  int bx0 = ink.side, by0 = ink.side, bx1 = -1, by1 = -1;
  for (int j = 0; j < ink.side; ++j)
    for (int i = 0; i < ink.side; ++i)
      if (ink.at(i, j) > kFaint) {
        bx0 = std::min(bx0, i), bx1 = std::max(bx1, i);
        by0 = std::min(by0, j), by1 = std::max(by1, j);
      }
  if (bx1 < 0) return out;
  const float bw = float(bx1 - bx0 + 1), bh = float(by1 - by0 + 1);
  const float scale = box / std::max(bw, bh);  // output pixels per input pixel
  const int tw = std::max(1, static_cast<int>(std::lround(bw * scale)));
  const int th = std::max(1, static_cast<int>(std::lround(bh * scale)));
  // Each output pixel averages 4x4 bilinear samples over its footprint in the input.
  Ink fitted(std::max(tw, th));
  constexpr int kSub = 4;
  for (int j = 0; j < th; ++j)
    for (int i = 0; i < tw; ++i) {
      float sum = 0;
      for (int sj = 0; sj < kSub; ++sj)
        for (int si = 0; si < kSub; ++si)
          sum += sample(ink, bx0 + (i + (si + 0.5f) / kSub) / scale, by0 + (j + (sj + 0.5f) / kSub) / scale);
      fitted.v[size_t(j) * fitted.side + i] = std::min(1.0f, sum / (kSub * kSub));
    }
  // Shift by whole pixels so the centre of mass lands on the centre, as MNIST did.
  float cx, cy;
  center_of_mass(fitted, cx, cy);
  const int dx = static_cast<int>(std::lround(out_side * 0.5f - cx));
  const int dy = static_cast<int>(std::lround(out_side * 0.5f - cy));
  for (int j = 0; j < fitted.side; ++j)
    for (int i = 0; i < fitted.side; ++i) {
      const int x = i + dx, y = j + dy;
      if (x >= 0 && y >= 0 && x < out_side && y < out_side) out.v[size_t(y) * out_side + x] = fitted.at(i, j);
    }
  return out;
}

}  // namespace nnplay
