#include "engine/data/points.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <string>

#include "engine/core/error.h"

namespace nnplay {

namespace {
void check_fraction(double v, const char* which) {
  if (!(v >= 0.0 && v <= 1.0))  // written this way so NaN fails too
    throw Error(std::string("the ") + which + " fraction must be between 0 and 1, got " +
                std::to_string(v));
}
}  // namespace

void validate_fractions(const SplitFractions& f) {
  check_fraction(f.train, "train");
  check_fraction(f.validation, "validation");
  check_fraction(f.test, "test");
  const double sum = f.train + f.validation + f.test;
  if (std::abs(sum - 1.0) > 1e-6)
    throw Error("the train, validation and test fractions must add up to 1, but they add up to " +
                std::to_string(sum));
}

void assign_splits(PointSet& set, const SplitFractions& f, uint64_t seed) {
  validate_fractions(f);
  const size_t n = set.points.size();
  // Rounding the cumulative boundaries (not each count) keeps the counts summing to n and each
  // within one point of its exact share.
  auto boundary = [n](double cum) {
    return std::min(n, static_cast<size_t>(std::llround(cum * static_cast<double>(n))));
  };
  const size_t end_train = boundary(f.train);
  const size_t end_val = std::max(end_train, boundary(f.train + f.validation));

  // Fisher-Yates with our Rng so a seed means the same split on every platform.
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  Rng rng(seed);
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);

  for (size_t k = 0; k < n; ++k) {
    const SplitId s = k < end_train ? SplitId::Train
                      : k < end_val ? SplitId::Validation
                                    : SplitId::Test;
    set.points[order[k]].split = s;
  }
}

SplitId draw_split(const SplitFractions& f, Rng& rng) {
  validate_fractions(f);
  const double u = rng.uniform();
  if (u < f.train) return SplitId::Train;
  if (u < f.train + f.validation) return SplitId::Validation;
  // The fractions may sum to 1 - 1e-6, so u can land past them: never pick an empty split.
  if (f.test > 0) return SplitId::Test;
  return f.validation > 0 ? SplitId::Validation : SplitId::Train;
}

const char* split_name(SplitId s) {
  switch (s) {
    case SplitId::Train:
      return "train";
    case SplitId::Validation:
      return "validation";
    case SplitId::Test:
      return "test";
  }
  return "train";
}

std::optional<SplitId> parse_split(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "train") return SplitId::Train;
  if (lower == "validation" || lower == "val" || lower == "valid") return SplitId::Validation;
  if (lower == "test") return SplitId::Test;
  return std::nullopt;
}

int count_split(const PointSet& set, SplitId s) {
  return static_cast<int>(std::count_if(set.points.begin(), set.points.end(),
                                        [s](const Point& p) { return p.split == s; }));
}

}  // namespace nnplay
