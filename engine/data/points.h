// 2D points as a student draws, generates or imports them, each tagged with the split it
// belongs to. Splits live on the points (not in separate lists) so a point keeps its split when
// the set is redrawn, exported or re-featurised.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/core/rng.h"
#include "engine/data/dataset.h"

namespace nnplay {

enum class SplitId : uint8_t { Train = 0, Validation = 1, Test = 2 };

struct Point {
  double x1 = 0, x2 = 0;
  double y = 0;  // class index (classification) or target value (regression)
  SplitId split = SplitId::Train;
};

// Fractions of points per split. Valid when each is in [0, 1] and they sum to 1 (within 1e-6).
struct SplitFractions {
  double train = 0.7, validation = 0.15, test = 0.15;
};

struct PointSet {
  Task task = Task::Classification;
  int num_classes = 2;  // classification: labels are 0..num_classes-1; regression: 0
  std::vector<Point> points;
};

// Throws Error explaining which fraction is wrong.
void validate_fractions(const SplitFractions& f);

// Assigns each point's split by a seeded shuffle so the counts match the fractions exactly
// (rounded); the same seed and size always give the same assignment.
void assign_splits(PointSet& set, const SplitFractions& f, uint64_t seed);

// Split for ONE newly drawn point (drawing while training): drawn from the fractions with rng.
SplitId draw_split(const SplitFractions& f, Rng& rng);

// "train", "validation", "test" (the names used in CSV files and the UI).
const char* split_name(SplitId s);
// Accepts the names above (any case) plus "val"/"valid"; nullopt for anything else.
std::optional<SplitId> parse_split(std::string_view name);

// Number of points in split s.
int count_split(const PointSet& set, SplitId s);

}  // namespace nnplay
