// The network builder: input features on the left, one column of neurons per layer, the output
// on the right. Users drag layer types from a palette into the stack, reorder or bin layers,
// add and remove neurons, pick activations and initialisers, and read or type weights.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/data/dataset.h"
#include "engine/nn/network_spec.h"
#include "engine/train/snapshot.h"

namespace nnplay::gui {

struct NetworkPanelState {
  int selected_layer = -1;  // index into spec.layers; -1 = none
  // Popup to type a weight or bias: which flat parameter, and the value being edited.
  long edit_param = -1;
  float edit_value = 0.0f;
  bool open_edit_popup = false;
  // Thumbnail textures (GL names, owned here, created lazily) and what they show.
  std::vector<unsigned> thumb_textures;  // one atlas per layer
  unsigned long long thumbs_version = ~0ull;
};

struct NetworkPanelResult {
  bool spec_changed = false;      // layers, units, activation or initialiser edited
  bool features_changed = false;  // an input feature was switched on or off
  std::optional<std::pair<size_t, float>> set_param;  // flat param index, new value
};

// Draws into the current window region (the caller owns Begin/End and its size).
// snap may be null or describe an older spec; live weights are shown only when snap->spec == spec.
NetworkPanelResult draw_network_panel(const nnplay::Snapshot* snap, nnplay::NetworkSpec& spec,
                                      std::vector<std::string>& features, nnplay::Task task,
                                      int num_classes, NetworkPanelState& ui);

// Frees the thumbnail textures (call with a current GL context before shutdown).
void release_network_panel(NetworkPanelState& ui);

}  // namespace nnplay::gui
