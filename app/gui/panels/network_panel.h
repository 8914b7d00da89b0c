// The network builder: input features on the left, one column of neurons per layer, the output
// on the right. Users drag layer types from a palette into the stack, reorder or bin layers,
// add and remove neurons, pick activations and initialisers, and read or type weights.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/data/dataset.h"
#include "engine/nn/network_spec.h"
#include "engine/train/snapshot.h"

namespace nnplay::gui {

class NetworkThumbnails;  // GL textures of the neuron thumbnails (network_thumbnails.h)

struct NetworkPanelState {
  int selected_layer = -1;  // index into spec.layers; -1 = none
  // Popup to type a weight or bias: which flat parameter, the value being edited, and what it is.
  long edit_param = -1;
  float edit_value = 0.0f;
  std::string edit_label;
  int menu_layer = -1;  // layer whose right-click menu is open
  // Thumbnail textures, created lazily on the GL thread, and the grid they show.
  std::shared_ptr<NetworkThumbnails> thumbs;
  std::weak_ptr<const nnplay::DecisionGrid> thumbs_grid;
  nnplay::GridRequest thumbs_box;  // box of the feature thumbnails
  bool features_uploaded = false;
};

struct NetworkPanelResult {
  bool spec_changed = false;      // layers, units, activation or initialiser edited
  // An input feature was switched on or off: `features` and spec.input are updated (and
  // spec_changed is set too), so rebuild the dataset before replacing the network.
  bool features_changed = false;
  std::optional<std::pair<size_t, float>> set_param;  // flat param index, new value
};

// Draws into the current window region (the caller owns Begin/End and its size).
// snap may be null or describe an older spec; live weights are shown only when snap->spec == spec.
NetworkPanelResult draw_network_panel(const nnplay::Snapshot* snap, nnplay::NetworkSpec& spec,
                                      std::vector<std::string>& features, nnplay::Task task,
                                      int num_classes, NetworkPanelState& ui);

// A layer's name as the diagram's column header shows it ("Hidden 2", "Output", "Conv 1"), so
// other views can name layers the same way.
std::string layer_display_name(const nnplay::NetworkSpec& spec, int layer);

// Rings the diagram draws around neurons of the last training batch: a sigmoid/tanh unit that
// is saturated for most samples, a ReLU unit that output 0 for all of them (with a slash too,
// a second cue besides colour). The Gradients view's legend uses the same colours.
unsigned saturated_ring_u32();
unsigned dead_ring_u32();

// The neuron thumbnail size this panel wants: set GridRequest::neuron_resolution to it.
inline constexpr int kNetworkNeuronResolution = 32;

// Frees the thumbnail textures (call with a current GL context before shutdown).
void release_network_panel(NetworkPanelState& ui);

}  // namespace nnplay::gui
