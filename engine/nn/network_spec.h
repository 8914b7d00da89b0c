// What a user builds: a list of layer descriptions. The experiment file, the network builder
// panel and lessons all speak this; Network compiles it into layers and a parameter buffer.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/core/tensor.h"
#include "engine/nn/activation.h"
#include "engine/nn/initializer.h"

namespace nnplay {

struct LayerSpec {
  std::string type = "dense";  // dense, conv2d, maxpool2d, avgpool2d, flatten, dropout
  int units = 8;               // dense: neurons
  int channels = 8;            // conv2d: output channels
  int kernel = 3;              // conv2d kernel size, pooling window
  int stride = 1;              // conv2d (pooling defaults to its window)
  int padding = 0;             // conv2d zero padding on each side
  double rate = 0.5;           // dropout: probability of dropping a unit while training
  Activation activation;
  Initializer init;
  // Explicit initial values, row-major, overriding the initializer (lessons, worked examples).
  std::optional<std::vector<double>> weight, bias;
  bool operator==(const LayerSpec&) const = default;
};

struct NetworkSpec {
  Shape input;                  // after feature maps: (features, 1, 1) or an image (C, H, W)
  std::vector<LayerSpec> layers;  // the last one is the output layer
  bool operator==(const NetworkSpec&) const = default;
};

}  // namespace nnplay
