#include "engine/train/settings.h"

namespace nnplay {

std::optional<RegKind> parse_regularization(std::string_view name) {
  if (name == "none") return RegKind::None;
  if (name == "l1") return RegKind::L1;
  if (name == "l2") return RegKind::L2;
  return std::nullopt;
}

std::string regularization_name(RegKind kind) {
  switch (kind) {
    case RegKind::L1: return "l1";
    case RegKind::L2: return "l2";
    default: return "none";
  }
}

}  // namespace nnplay
