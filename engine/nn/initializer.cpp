#include "engine/nn/initializer.h"

#include <cmath>

namespace nnplay {

namespace {
const std::vector<std::string> kNames = {"zeros",        "uniform",   "normal",   "xavier_uniform",
                                         "xavier_normal", "he_uniform", "he_normal"};
}

std::optional<InitKind> parse_init(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<InitKind>(i);
  if (name == "glorot_uniform") return InitKind::XavierUniform;
  if (name == "glorot_normal") return InitKind::XavierNormal;
  return std::nullopt;
}
const std::vector<std::string>& init_names() { return kNames; }
std::string Initializer::name() const { return kNames[static_cast<size_t>(kind)]; }

void Initializer::fill(Scalar* data, size_t n, int fan_in, int fan_out, Rng& rng) const {
  const double fi = std::max(1, fan_in), fo = std::max(1, fan_out);
  auto uniform = [&](double a) {
    for (size_t i = 0; i < n; ++i) data[i] = static_cast<Scalar>(rng.uniform(-a, a));
  };
  auto normal = [&](double sd) {
    for (size_t i = 0; i < n; ++i) data[i] = static_cast<Scalar>(rng.normal(0.0, sd));
  };
  switch (kind) {
    case InitKind::Zeros:
      for (size_t i = 0; i < n; ++i) data[i] = 0;
      break;
    case InitKind::Uniform: uniform(scale); break;
    case InitKind::Normal: normal(scale); break;
    case InitKind::XavierUniform: uniform(std::sqrt(6.0 / (fi + fo))); break;
    case InitKind::XavierNormal: normal(std::sqrt(2.0 / (fi + fo))); break;
    case InitKind::HeUniform: uniform(std::sqrt(6.0 / fi)); break;
    case InitKind::HeNormal: normal(std::sqrt(2.0 / fi)); break;
  }
}

}  // namespace nnplay
