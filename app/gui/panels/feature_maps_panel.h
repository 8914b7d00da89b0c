// Feature maps view: for one validation image, every channel of every convolution and pooling
// layer, so students see what each filter picks out and how pooling shrinks the maps.
#pragma once
#include <cstdint>

#include "app/gui/panels/image_atlas.h"
#include "app/gui/panels/image_common.h"
#include "app/gui/panels/image_maps.h"

namespace nnplay::gui {

struct AppState;

struct FeatureMapsPanelState {
  int row = 0;                   // validation image shown (the samples view can set it)
  Inspection result;             // of `row` under the cached parameters
  uint64_t result_key = ~0ull;   // (row, cache version) the result belongs to
  FeatureMapsView maps;
  ImageAtlas input;              // the image itself, large
};

// Draws into the current window region (the caller owns Begin/End).
void draw_feature_maps_panel(AppState& s);

}  // namespace nnplay::gui
