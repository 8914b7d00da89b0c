// A small generated image data set: grayscale strokes of six kinds (horizontal line, vertical
// line, diagonal, cross, circle, square) drawn anti-aliased with random position, size,
// thickness, slight tilt, brightness and pixel noise, all from the project's seeded Rng. It
// needs no download, so tests and the offline fallback use it; a small CNN learns it in
// seconds, while a linear model does noticeably worse.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/images/idx_reader.h"

namespace nnplay {

const std::vector<std::string>& synthetic_class_names();

// count images of side x side pixels; image i has class i % 6, so classes are balanced.
// The same (count, side, seed) always gives the same images.
ImageSet make_synthetic_images(int count, int side, uint64_t seed);

}  // namespace nnplay
