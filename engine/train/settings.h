// Hyper-parameters a student may change while training runs; each takes effect at the next step.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "engine/nn/optimizer.h"

namespace nnplay {

enum class RegKind { None, L1, L2 };

// How regularisation enters (weights only, never biases; the curves show the data loss alone):
//   L2: loss += (rate / 2) * sum w^2   ->  gradient += rate * w
//   L1: loss += rate * sum |w|         ->  gradient += rate * sign(w)
struct Regularization {
  RegKind kind = RegKind::None;
  double rate = 0.001;
  bool operator==(const Regularization&) const = default;
};

std::optional<RegKind> parse_regularization(std::string_view name);  // "none", "l1", "l2"
std::string regularization_name(RegKind kind);

struct TrainSettings {
  OptimizerSettings optimizer;
  int batch_size = 10;           // 1 = stochastic; >= train size = full batch
  Regularization regularization;
  double steps_per_second = 0;   // 0 = flat out; a few per second for explaining
  bool collect_stats = true;     // per-layer statistics at each publish
  bool operator==(const TrainSettings&) const = default;
};

}  // namespace nnplay
