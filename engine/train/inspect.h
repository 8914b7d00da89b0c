// One image through the network, keeping what every layer made of it: the feature maps of the
// convolutions and poolings and the final class probabilities. One forward pass of one image is
// cheap enough for the UI thread (the draw pad reruns it on every stroke), so the window builds
// an Inspector from a snapshot's spec and parameters and keeps it while they are unchanged.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/nn/loss.h"
#include "engine/nn/network.h"

namespace nnplay {

struct LayerOutput {
  std::string type;           // "conv2d", "maxpool2d", "dense", ...
  Shape shape;                // (C, H, W); dense layers are (units, 1, 1)
  std::vector<float> values;  // channel-major, shape.size() values
};

struct Inspection {
  std::vector<LayerOutput> layers;  // one per layer; the last holds the probabilities
  std::vector<float> probs;         // the output as the loss shows it (softmax, sigmoid)
};

class Inspector {
 public:
  // spec as published in a snapshot (the user's, output softmax included); params flat.
  // Throws Error when the spec cannot be built or params has the wrong size.
  Inspector(const NetworkSpec& spec, const std::vector<Scalar>& params, const Loss& loss);
  // pixels: spec.input.size() values in [0, 1], channel-major (C, H, W); the network sees
  // them as training does (see set_input_transform).
  Inspection run(const float* pixels) const;
  // Inputs v in [0, 1] go into the network as v * scale + offset (a standardised dataset's
  // transform: DataSplit::pixel_scale * 255 and pixel_offset).
  void set_input_transform(Scalar scale, Scalar offset) {
    input_scale_ = scale;
    input_offset_ = offset;
  }
  // Probabilities (classification) or values (regression) for rows x as the network takes
  // them (feature rows; no input transform), (N, outputs).
  void predict(const Matrix& x, Matrix& out) const;
  // Replaces the parameters (same spec): after a training step only these change.
  void set_params(const std::vector<Scalar>& params);
  const Network& network() const { return *net_; }

 private:
  std::unique_ptr<Network> net_;
  Loss loss_;
  Scalar input_scale_ = 1, input_offset_ = 0;
};

}  // namespace nnplay
