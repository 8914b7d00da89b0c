// Feature maps of one image, shared by the feature-maps view and the draw pad: every channel of
// every convolution and pooling layer as a row of small pictures, bright where the channel's
// pattern was found. Textures are rebuilt only when the image or the parameters change.
#pragma once
#include <cstdint>
#include <vector>

#include "app/gui/panels/image_atlas.h"
#include "engine/train/inspect.h"

namespace nnplay::gui {

struct FeatureMapsView {
  std::vector<ImageAtlas> atlases;  // one per shown layer
  std::vector<int> layers;          // the network layer each atlas shows
  std::vector<float> lo, hi;        // per shown layer: value range of its colour scale
  uint64_t key = ~0ull;             // what the textures were built from (caller's choice)
  bool per_map_scale = true;        // each map scaled to its own range, or one per layer
};

// Whether a layer's output is a stack of maps worth drawing (conv2d and pooling layers).
bool shows_maps(const LayerOutput& o);
// Rebuilds the textures from r when key differs from the one they were built from.
void update_feature_maps(FeatureMapsView& v, const Inspection& r, uint64_t key);
// Draws the rows into the current window; tiles at most max_tile pixels wide.
void draw_feature_maps(const FeatureMapsView& v, const Inspection& r, float max_tile);

}  // namespace nnplay::gui
