// A drawing turned into the kind of image the network was trained on. MNIST digits were
// written large, scaled so their bounding box fits 20x20 pixels (keeping the aspect ratio),
// anti-aliased, and placed in a 28x28 field with their centre of mass in the middle. A digit
// drawn small in a corner of the pad looks nothing like that, so the draw pad applies the same
// normalisation before asking the network.
#pragma once
#include <cstddef>
#include <vector>

namespace nnplay {

// Ink: side x side values in [0, 1], row-major, row 0 at the top.
struct Ink {
  int side = 0;
  std::vector<float> v;
  explicit Ink(int s = 0) : side(s), v(std::size_t(s) * s, 0.0f) {}
  float at(int x, int y) const { return v[std::size_t(y) * side + x]; }
  bool empty() const;  // no pixel above a faint threshold
};

// A soft round brush at (cx, cy) in pixel units: full ink within radius - 1, fading to none at
// radius + 1, like a pen's anti-aliased edge. Ink only grows (max), so overlapping dabs do not
// darken a stroke unevenly.
void stamp_brush(Ink& ink, float cx, float cy, float radius);
// Dabs along the segment closely enough that a fast mouse still leaves a continuous line.
void stroke_segment(Ink& ink, float x0, float y0, float x1, float y1, float radius);

// The MNIST normalisation: crop to the ink's bounding box, scale it so the longer side is `box`
// pixels (area-averaged, so thin strokes stay grey rather than vanish), and place it in an
// out_side x out_side image with its centre of mass at the centre. Empty ink gives a black image.
Ink normalize_like_mnist(const Ink& ink, int out_side = 28, int box = 20);

// Centre of mass (x, y) in pixel units (pixel centres at i + 0.5); the centre for empty ink.
void center_of_mass(const Ink& ink, float& x, float& y);

}  // namespace nnplay
