// Turns one LayerSpec into a layer for a given input shape, or throws Error naming the layer,
// its input shape, the layer that produced that input and why the combination is impossible.
#pragma once
#include "engine/nn/layer.h"
#include "engine/nn/network_spec.h"

namespace nnplay {

// index is the layer's position (0-based), used in messages ("layer 3 (conv2d)"). previous is
// the spec of layer index-1 (null for the first layer): it names the producer of `input` in
// messages and tells a flat feature vector from a 1x1 image.
// Pooling layers use stride = kernel unless spec.stride > 1, and ignore padding and activation.
LayerPtr make_layer(const LayerSpec& spec, Shape input, int index,
                    const LayerSpec* previous = nullptr);
std::string shape_string(Shape s);
bool layer_has_params(const std::string& type);

}  // namespace nnplay
