// Pure editing rules of the network builder (no ImGui drawing, no GL): where layers may go, how
// many units a layer may have, what the output layer must look like for the task, and how many
// parameters each layer has. The panel calls these; the tests check them without a window.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "engine/data/dataset.h"
#include "engine/nn/network_spec.h"

namespace nnplay::gui {

inline constexpr int kMinUnits = 1;
inline constexpr int kMaxUnits = 512;

// The layer types the palette offers, in palette order.
const std::vector<std::string>& palette_layer_types();
// Dense fits any input; convolution, pooling, flatten and dropout are offered for images only
// (spec.input.h > 1), where they make sense to a beginner.
bool layer_type_allowed(const std::string& type, const NetworkSpec& spec);
// One or two sentences for the tooltip of a palette entry or a layer header.
const char* layer_type_help(const std::string& type);

// Output units the task requires. Regression: 1. Classification with k > 2 classes: k
// (softmax). Two classes: 1 (sigmoid + bce) or 2 (softmax), so `current` is kept if it is one of
// those and 1 is chosen otherwise.
int required_output_units(Task task, int num_classes, int current);
// Fixes the output layer for the task: dense, its units, and its activation (sigmoid for one
// class probability, softmax for several, never softmax for regression). True if it changed.
bool enforce_output_layer(NetworkSpec& spec, Task task, int num_classes);

int hidden_count(const NetworkSpec& spec);  // layers before the output layer
bool is_output_layer(const NetworkSpec& spec, int index);

// A new layer of `type` to insert before index `pos`; copies activation/initialiser from the
// nearest hidden dense layer so a new layer matches its neighbours.
LayerSpec make_default_layer(const std::string& type, const NetworkSpec& spec, int pos);
// Inserts before layer `pos` (0 = first, hidden_count = just before the output). Positions after
// the output layer are refused. Returns false if nothing changed.
bool insert_layer(NetworkSpec& spec, int pos, LayerSpec layer);
// Moves hidden layer `from` to insertion slot `slot` (same numbering as insert_layer, counted
// before the move). The output layer never moves. Returns false for a no-op or a refused move.
bool move_layer(NetworkSpec& spec, int from, int slot);
// Removes a hidden layer; the output layer cannot be removed.
bool remove_layer(NetworkSpec& spec, int index);
// Adds delta units (dense) or channels (conv2d) to a hidden layer, clamped to 1..512.
bool change_units(NetworkSpec& spec, int index, int delta);
// Units (dense) or channels (conv2d) of a layer; 0 for layers without neurons of their own.
int layer_width(const LayerSpec& layer);

// What one layer turns into once built, computed by the engine's own layer factory so the
// counts always agree with training. error is set (and counts are 0) for impossible layers.
struct LayerInfo {
  Shape in, out;
  size_t weights = 0, biases = 0;
  size_t params() const { return weights + biases; }
  std::string error;
};
std::vector<LayerInfo> describe_layers(const NetworkSpec& spec);
size_t total_params(const std::vector<LayerInfo>& infos);
// "105", "12.3k", "1.2M": compact counts for column footers.
std::string format_count(size_t n);

// Input features are kept in the canonical order of feature_names(). Switching the last
// remaining feature off is refused (a network needs an input). Returns false if unchanged.
bool toggle_feature(std::vector<std::string>& features, const std::string& name);
bool has_feature(const std::vector<std::string>& features, const std::string& name);
// Point data: sets spec.input to (features, 1, 1). Image inputs are left alone.
void sync_input_shape(NetworkSpec& spec, const std::vector<std::string>& features);

}  // namespace nnplay::gui
