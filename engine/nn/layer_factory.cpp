#include "engine/nn/layer_factory.h"

#include "engine/core/error.h"
#include "engine/nn/conv2d.h"
#include "engine/nn/dense.h"
#include "engine/nn/dropout.h"
#include "engine/nn/flatten.h"
#include "engine/nn/pool2d.h"

namespace nnplay {

std::string shape_string(Shape s) {
  if (s.h == 1 && s.w == 1) return std::to_string(s.c);
  return std::to_string(s.c) + "x" + std::to_string(s.h) + "x" + std::to_string(s.w);
}

bool layer_has_params(const std::string& type) { return type == "dense" || type == "conv2d"; }

namespace {

bool is_spatial(const std::string& type) {
  return type == "conv2d" || type == "maxpool2d" || type == "avgpool2d";
}

// Who produced a layer's input, for messages: "layer 2 (maxpool2d)" or "the network input".
std::string producer(int index, const LayerSpec* previous) {
  if (index == 0) return "the network input";
  std::string s = "layer " + std::to_string(index);
  return previous ? s + " (" + previous->type + ")" : s;
}

void check_range(const std::string& where, const char* what, int value, int lo, int hi) {
  if (value < lo || value > hi)
    throw Error(where + ": " + what + " must be between " + std::to_string(lo) + " and " +
                std::to_string(hi) + ", got " + std::to_string(value));
}

// Convolution and pooling slide over an image. A (c, 1, 1) input with c > 1 is a feature
// vector (from a dense or flatten layer, or point data) unless a spatial layer made it.
void check_image_input(const std::string& where, Shape input, int index,
                       const LayerSpec* previous) {
  const bool flat = input.h == 1 && input.w == 1 && input.c > 1 &&
                    !(previous && is_spatial(previous->type));
  if (!flat) return;
  if (index == 0)
    throw Error(where + " needs an image input but the network input has " +
                std::to_string(input.c) +
                " features; choose an image dataset, or use dense layers for point data");
  throw Error(where + " needs an image input but " + producer(index, previous) + " outputs " +
              std::to_string(input.c) +
              " features; put convolution and pooling layers before flatten and dense layers");
}

// The window must fit inside the (padded) image and leave at least one output position.
void check_window(const std::string& where, Shape input, int index, const LayerSpec* previous,
                  int kernel, int stride, int padding) {
  const int ph = input.h + 2 * padding, pw = input.w + 2 * padding;
  const std::string k = std::to_string(kernel) + "x" + std::to_string(kernel);
  const std::string from = " (from " + producer(index, previous) + ")";
  if (kernel > ph || kernel > pw) {
    std::string msg = where + ": its " + k + " window is larger than its input " +
                      shape_string(input) + from;
    if (padding > 0) msg += " padded by " + std::to_string(padding);
    throw Error(msg + "; use a smaller kernel, add padding, or shrink the image less before it");
  }
  const int oh = (ph - kernel) / stride + 1, ow = (pw - kernel) / stride + 1;
  if (oh < 1 || ow < 1)
    throw Error(where + ": output size " + std::to_string(oh) + "x" + std::to_string(ow) +
                " is not positive for input " + shape_string(input) + from);
}

LayerPtr make_conv2d(const LayerSpec& spec, Shape input, int index, const LayerSpec* previous,
                     const std::string& where) {
  check_range(where, "channels", spec.channels, 1, 1024);
  check_range(where, "kernel", spec.kernel, 1, 15);
  check_range(where, "stride", spec.stride, 1, 15);
  check_range(where, "padding", spec.padding, 0, spec.kernel - 1);
  check_image_input(where, input, index, previous);
  check_window(where, input, index, previous, spec.kernel, spec.stride, spec.padding);
  return std::make_unique<Conv2D>(input, spec.channels, spec.kernel, spec.stride, spec.padding,
                                  spec.activation, spec.init);
}

LayerPtr make_pool(const LayerSpec& spec, Shape input, int index, const LayerSpec* previous,
                   const std::string& where) {
  check_range(where, "kernel", spec.kernel, 1, 15);
  check_range(where, "stride", spec.stride, 1, 15);
  // The spec's default stride of 1 means "the window size": non-overlapping windows.
  const int stride = spec.stride > 1 ? spec.stride : spec.kernel;
  check_image_input(where, input, index, previous);
  check_window(where, input, index, previous, spec.kernel, stride, 0);
  if (spec.type == "maxpool2d") return std::make_unique<MaxPool2D>(input, spec.kernel, stride);
  return std::make_unique<AvgPool2D>(input, spec.kernel, stride);
}

}  // namespace

LayerPtr make_layer(const LayerSpec& spec, Shape input, int index, const LayerSpec* previous) {
  const std::string where = "layer " + std::to_string(index + 1) + " (" + spec.type + ")";
  if (spec.type == "dense") {
    if (spec.units < 1 || spec.units > 100000)
      throw Error(where + ": units must be between 1 and 100000, got " + std::to_string(spec.units));
    return std::make_unique<Dense>(input, spec.units, spec.activation, spec.init);
  }
  if (spec.type == "conv2d") return make_conv2d(spec, input, index, previous, where);
  if (spec.type == "maxpool2d" || spec.type == "avgpool2d")
    return make_pool(spec, input, index, previous, where);
  if (spec.type == "flatten") return std::make_unique<Flatten>(input);
  if (spec.type == "dropout") {
    if (!(spec.rate >= 0 && spec.rate < 1))
      throw Error(where + ": rate must be at least 0 and below 1, got " + std::to_string(spec.rate));
    return std::make_unique<Dropout>(input, spec.rate);
  }
  throw Error(where + ": unknown layer type '" + spec.type + "'");
}

}  // namespace nnplay
