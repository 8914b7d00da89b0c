// Weight initialisers. fan_in/fan_out count the connections into/out of one unit
// (for a convolution: in_channels*k*k and out_channels*k*k).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/rng.h"
#include "engine/core/tensor.h"

namespace nnplay {

enum class InitKind { Zeros, Uniform, Normal, XavierUniform, XavierNormal, HeUniform, HeNormal };

struct Initializer {
  InitKind kind = InitKind::XavierUniform;
  double scale = 0.1;  // a for uniform(-a, a); sigma for normal(0, sigma); unused otherwise

  // Xavier/Glorot (2010): uniform limit sqrt(6/(fan_in+fan_out)), normal sd sqrt(2/(fan_in+fan_out)).
  // He (2015): uniform limit sqrt(6/fan_in), normal sd sqrt(2/fan_in).
  void fill(Scalar* data, size_t n, int fan_in, int fan_out, Rng& rng) const;
  std::string name() const;
  bool operator==(const Initializer&) const = default;
};

std::optional<InitKind> parse_init(std::string_view name);
const std::vector<std::string>& init_names();

}  // namespace nnplay
