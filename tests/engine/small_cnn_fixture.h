// What several engine tests train on: nnplay's own generated images (no files needed) and a
// small CNN for them (conv, ReLU, max-pool 2, flatten, softmax output).
#pragma once
#include <memory>

#include "engine/images/image_datasets.h"
#include "engine/nn/network_spec.h"

namespace nnplay::test {

inline NetworkSpec small_cnn(int channels, int kernel, int padding, int classes) {
  NetworkSpec s;
  LayerSpec c;
  c.type = "conv2d";
  c.channels = channels;
  c.kernel = kernel;
  c.padding = padding;
  c.activation.kind = ActivationKind::Relu;
  LayerSpec pool;
  pool.type = "maxpool2d";
  pool.kernel = 2;
  LayerSpec flat;
  flat.type = "flatten";
  LayerSpec out;
  out.units = classes;
  out.activation.kind = ActivationKind::Softmax;
  s.layers = {c, pool, flat, out};
  return s;
}

inline std::shared_ptr<Dataset> synthetic_images(int train, int test, double validation_fraction) {
  ImageDataSpec spec;
  spec.name = "synthetic";
  spec.limit_train = train;
  spec.limit_test = test;
  spec.validation_fraction = validation_fraction;
  return std::make_shared<Dataset>(load_image_dataset(spec));
}

}  // namespace nnplay::test
