#include "engine/nn/layer_factory.h"

#include "engine/core/error.h"
#include "engine/nn/dense.h"

namespace nnplay {

std::string shape_string(Shape s) {
  if (s.h == 1 && s.w == 1) return std::to_string(s.c);
  return std::to_string(s.c) + "x" + std::to_string(s.h) + "x" + std::to_string(s.w);
}

bool layer_has_params(const std::string& type) { return type == "dense" || type == "conv2d"; }

LayerPtr make_layer(const LayerSpec& spec, Shape input, int index) {
  const std::string where = "layer " + std::to_string(index + 1) + " (" + spec.type + ")";
  if (spec.type == "dense") {
    if (spec.units < 1 || spec.units > 100000)
      throw Error(where + ": units must be between 1 and 100000, got " + std::to_string(spec.units));
    return std::make_unique<Dense>(input, spec.units, spec.activation, spec.init);
  }
  throw Error(where + ": unknown layer type '" + spec.type + "'");
}

}  // namespace nnplay
