// Turns one LayerSpec into a layer for a given input shape, or throws Error naming the layer,
// its input shape and why the combination is impossible.
#pragma once
#include "engine/nn/layer.h"
#include "engine/nn/network_spec.h"

namespace nnplay {

// index is the layer's position (0-based), used in messages ("layer 3 (conv2d)").
LayerPtr make_layer(const LayerSpec& spec, Shape input, int index);
std::string shape_string(Shape s);
bool layer_has_params(const std::string& type);

}  // namespace nnplay
