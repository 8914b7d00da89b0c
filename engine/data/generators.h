// Toy 2D data sets in the spirit of TensorFlow Playground's dataset.ts. Every point lies in the
// square [-6, 6]^2, every class gets the same number of points (±1), and only our own Rng is
// used, so a spec (name, n, noise, classes, seed) gives the same points on every machine.
//
// Noise: for classification the label is chosen first, then the point is moved by Gaussian
// jitter with standard deviation 2 * noise (noise 0.5 blurs borders about as much as
// Playground's 50%), so noise makes the classes genuinely overlap. For regression, noise is
// the standard deviation of Gaussian noise added to y (y itself spans about [-1, 1]).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/data/points.h"

namespace nnplay {

struct GeneratorSpec {
  std::string name = "circle";
  int n = 400;         // total points, in [1, 1'000'000]
  double noise = 0.1;  // in [0, 5]
  int classes = 2;     // in [2, 8]; used by "spiral" (arms) and "blobs" (blobs), else ignored
  uint64_t seed = 1;
};

// Classification:
//   circle        class 1 = inner disc (r < 2.5), class 0 = ring (3.5 < r < 5)
//   xor           class 1 in quadrants where x1*x2 > 0 (top-right, bottom-left), class 0 else
//   gaussians     class 1 blob at (2, 2), class 0 blob at (-2, -2)
//   spiral        `classes` interleaved arms of 1.75 turns, arm c is class c
//   moons         two interleaving half moons (scikit-learn's make_moons, scaled by 2.5)
//   checkerboard  4 x 4 board of 3-unit cells, class = (cell column + cell row) mod 2
//   blobs         `classes` Gaussian blobs with centres on a circle of radius 4
// Regression (y = value):
//   plane          y = (x1 + x2) / 12
//   gaussians_sum  y = sum of six +-1 Gaussian bumps (two rows of three)
//   sine, step, abs, poly   1D: x1 uniform in [-6, 6], x2 = 0
//     sine y = sin(x1); step y = -1 if x1 < 0 else 1; abs y = |x1|/3 - 1; poly y = (x1^3 - 27
//     x1)/54
// All points get SplitId::Train; the caller assigns splits (assign_splits).
// Throws Error for an unknown name or an out-of-range parameter.
PointSet generate(const GeneratorSpec& spec);

const std::vector<std::string>& generator_names();
bool generator_is_regression(const std::string& name);

}  // namespace nnplay
