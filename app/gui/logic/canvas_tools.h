// What the canvas tools do to a PointSet: spray, single point, erase, find and move the nearest
// point. Pure functions (no ImGui) so their behaviour is unit-tested.
#pragma once
#include <optional>

#include "engine/core/rng.h"
#include "engine/data/points.h"

namespace nnplay::gui {

// One dab of the brush: about density * pi * radius^2 points (density in points per square
// world unit), uniformly inside the disc of `radius` around (cx, cy), each labelled `label`
// (class index or regression value) with its split drawn from `splits`. Returns how many.
int spray_points(PointSet& set, double cx, double cy, double radius, double density,
                 double label, const SplitFractions& splits, Rng& rng);

// Adds one point at (x1, x2). Its split is drawn from `splits`.
void add_point(PointSet& set, double x1, double x2, double label, const SplitFractions& splits,
               Rng& rng);

// Removes every point within `radius` of (cx, cy); returns how many were removed.
int erase_points(PointSet& set, double cx, double cy, double radius);

// Index of the point nearest to (cx, cy) if it is within max_dist, else nullopt.
std::optional<size_t> nearest_point(const PointSet& set, double cx, double cy, double max_dist);

// Moves point `index` to (x1, x2) (drag tool). Out-of-range indices are ignored.
void move_point(PointSet& set, size_t index, double x1, double x2);

// Range of regression values shown by the colour scale and the value picker: the labels'
// smallest and largest value, always including [-1, 1] (the generators' range) so a few drawn
// points never make the scale degenerate.
struct ValueRange {
  double lo = -1, hi = 1;
};
ValueRange value_range(const PointSet& set);

}  // namespace nnplay::gui
