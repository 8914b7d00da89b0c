// Editing rules of the network builder; see network_edit.h.
#include "app/gui/logic/network_edit.h"

#include <algorithm>
#include <cstdio>

#include "engine/core/error.h"
#include "engine/data/features.h"
#include "engine/nn/layer_factory.h"

namespace nnplay::gui {

namespace {
const std::vector<std::string> kPaletteTypes = {"dense",     "conv2d",  "maxpool2d",
                                                "avgpool2d", "flatten", "dropout"};
}  // namespace

const std::vector<std::string>& palette_layer_types() { return kPaletteTypes; }

bool layer_type_allowed(const std::string& type, const NetworkSpec& spec) {
  if (type == "dense") return true;
  return spec.input.h > 1 && std::count(palette_layer_types().begin(),
                                        palette_layer_types().end(), type) > 0;
}

const char* layer_type_help(const std::string& type) {
  if (type == "dense")
    return "Dense layer: every neuron takes a weighted sum of ALL outputs of the previous layer, "
           "adds its bias and applies its activation function.";
  if (type == "conv2d")
    return "Convolution: small filters slide over the image; each output channel is one filter "
           "looking for one local pattern (an edge, a corner) everywhere in the image.";
  if (type == "maxpool2d")
    return "Max pooling: keeps the largest value of each small window, halving the image size "
           "while keeping the strongest responses.";
  if (type == "avgpool2d")
    return "Average pooling: replaces each small window by its mean, shrinking the image.";
  if (type == "flatten")
    return "Flatten: lays an image's channels out as one long list of numbers so dense layers "
           "can follow.";
  if (type == "dropout")
    return "Dropout: while training, randomly silences a fraction of the units at each step so "
           "the network cannot rely on any single one; it does nothing at test time.";
  return "Unknown layer type.";
}

int required_output_units(Task task, int num_classes, int current) {
  if (task == Task::Regression) return 1;
  if (num_classes > 2) return num_classes;
  return current == 1 || current == 2 ? current : 1;
}

bool enforce_output_layer(NetworkSpec& spec, Task task, int num_classes) {
  bool changed = false;
  if (spec.layers.empty() || spec.layers.back().type != "dense") {
    LayerSpec out;
    out.type = "dense";
    out.units = required_output_units(task, num_classes, 0);
    spec.layers.push_back(out);
    return true;
  }
  LayerSpec& out = spec.layers.back();
  const int units = required_output_units(task, num_classes, out.units);
  if (out.units != units) {
    out.units = units;
    out.weight.reset();  // explicit values no longer fit the shape
    out.bias.reset();
    changed = true;
  }
  // Classification outputs are probabilities: one sigmoid unit (bce) or a softmax over the
  // classes (softmax_ce). Softmax means nothing for regression.
  ActivationKind kind = out.activation.kind;
  if (task == Task::Classification) kind = units == 1 ? ActivationKind::Sigmoid : ActivationKind::Softmax;
  else if (kind == ActivationKind::Softmax) kind = ActivationKind::Linear;
  if (kind != out.activation.kind) {
    out.activation.kind = kind;
    changed = true;
  }
  return changed;
}

int hidden_count(const NetworkSpec& spec) {
  return std::max(0, static_cast<int>(spec.layers.size()) - 1);
}

bool is_output_layer(const NetworkSpec& spec, int index) {
  return index >= 0 && index == static_cast<int>(spec.layers.size()) - 1;
}

namespace {

// The hidden dense layer nearest to `pos`, to copy its look, or null.
const LayerSpec* nearest_dense(const NetworkSpec& spec, int pos) {
  const int hidden = hidden_count(spec);
  for (int d = 0; d <= hidden; ++d) {
    for (int i : {pos - 1 - d, pos + d})
      if (i >= 0 && i < hidden && spec.layers[i].type == "dense") return &spec.layers[i];
  }
  return nullptr;
}

}  // namespace

LayerSpec make_default_layer(const std::string& type, const NetworkSpec& spec, int pos) {
  LayerSpec l;
  l.type = type;
  if (type == "dense") {
    l.units = 4;
    l.activation.kind = ActivationKind::Tanh;
    if (const LayerSpec* n = nearest_dense(spec, pos)) {
      l.units = n->units;
      l.activation = n->activation;
      l.init = n->init;
    }
  } else if (type == "conv2d") {
    l.channels = 8;
    l.kernel = 3;
    l.padding = 1;  // keeps the image size, so stacking convolutions cannot run out of pixels
    l.activation.kind = ActivationKind::Relu;
    l.init.kind = InitKind::HeUniform;
  } else if (type == "maxpool2d" || type == "avgpool2d") {
    l.kernel = 2;
  } else if (type == "dropout") {
    l.rate = 0.2;
  }
  return l;
}

bool insert_layer(NetworkSpec& spec, int pos, LayerSpec layer) {
  if (pos < 0 || pos > hidden_count(spec) || spec.layers.empty()) return false;
  spec.layers.insert(spec.layers.begin() + pos, std::move(layer));
  return true;
}

bool move_layer(NetworkSpec& spec, int from, int slot) {
  const int hidden = hidden_count(spec);
  if (from < 0 || from >= hidden || slot < 0 || slot > hidden) return false;
  if (slot == from || slot == from + 1) return false;  // dropped where it already is
  LayerSpec moved = std::move(spec.layers[from]);
  spec.layers.erase(spec.layers.begin() + from);
  const int to = slot > from ? slot - 1 : slot;
  spec.layers.insert(spec.layers.begin() + to, std::move(moved));
  return true;
}

bool remove_layer(NetworkSpec& spec, int index) {
  if (index < 0 || index >= hidden_count(spec)) return false;
  spec.layers.erase(spec.layers.begin() + index);
  return true;
}

bool change_units(NetworkSpec& spec, int index, int delta) {
  if (index < 0 || index >= hidden_count(spec)) return false;
  LayerSpec& l = spec.layers[index];
  int* width = l.type == "dense" ? &l.units : l.type == "conv2d" ? &l.channels : nullptr;
  if (!width) return false;
  const int next = std::clamp(*width + delta, kMinUnits, kMaxUnits);
  if (next == *width) return false;
  *width = next;
  l.weight.reset();  // explicit values no longer fit the shape
  l.bias.reset();
  return true;
}

int layer_width(const LayerSpec& layer) {
  if (layer.type == "dense") return layer.units;
  if (layer.type == "conv2d") return layer.channels;
  return 0;
}

std::vector<LayerInfo> describe_layers(const NetworkSpec& spec) {
  std::vector<LayerInfo> infos(spec.layers.size());
  Shape shape = spec.input;
  bool broken = false;
  for (size_t i = 0; i < spec.layers.size(); ++i) {
    LayerInfo& info = infos[i];
    info.in = shape;
    if (broken) {
      info.error = "fix the layer before this one first";
      continue;
    }
    try {
      const LayerPtr layer = make_layer(spec.layers[i], shape, static_cast<int>(i),
                                        i ? &spec.layers[i - 1] : nullptr);
      for (const ParamInfo& p : layer->params())
        (p.name == "bias" ? info.biases : info.weights) += size_t(p.rows) * p.cols;
      info.out = layer->output_shape();
      shape = info.out;
    } catch (const Error& e) {
      info.error = e.what();
      broken = true;
    }
  }
  return infos;
}

size_t total_params(const std::vector<LayerInfo>& infos) {
  size_t n = 0;
  for (const LayerInfo& i : infos) n += i.params();
  return n;
}

std::string format_count(size_t n) {
  char buf[32];
  if (n < 10'000) std::snprintf(buf, sizeof buf, "%zu", n);
  else if (n < 1'000'000) std::snprintf(buf, sizeof buf, "%.1fk", n / 1e3);
  else std::snprintf(buf, sizeof buf, "%.1fM", n / 1e6);
  return buf;
}

bool has_feature(const std::vector<std::string>& features, const std::string& name) {
  return std::find(features.begin(), features.end(), name) != features.end();
}

bool toggle_feature(std::vector<std::string>& features, const std::string& name) {
  if (!is_feature_name(name)) return false;
  const bool on = has_feature(features, name);
  if (on && features.size() == 1) return false;  // the network needs at least one input
  std::vector<std::string> next;
  for (const std::string& f : feature_names()) {
    const bool keep = f == name ? !on : has_feature(features, f);
    if (keep) next.push_back(f);
  }
  features = std::move(next);
  return true;
}

void sync_input_shape(NetworkSpec& spec, const std::vector<std::string>& features) {
  if (spec.input.h > 1 || spec.input.w > 1) return;
  spec.input = Shape{static_cast<int>(features.size()), 1, 1};
}

}  // namespace nnplay::gui
