// Draw view: a pad to draw on with the mouse. As the stroke is drawn, the drawing is
// normalised the way MNIST digits were (fitted into 20x20, centred by mass in 28x28) and the
// network's prediction, its probabilities and the feature maps update live.
#pragma once
#include <cstdint>

#include "app/gui/panels/image_atlas.h"
#include "app/gui/panels/image_common.h"
#include "app/gui/panels/image_maps.h"
#include "engine/train/inspect_drawing.h"

namespace nnplay::gui {

struct AppState;

struct DrawPadPanelState {
  Ink ink{112};              // the pad, 4x the network's 28x28 so strokes are smooth
  float brush = 5.5f;        // radius in pad pixels
  bool normalize = true;     // MNIST-style fit and centring before the network sees it
  bool drawing = false;
  float last_x = 0, last_y = 0;  // previous mouse position in pad pixels while drawing
  uint64_t ink_version = 1;
  uint64_t result_key = ~0ull;   // (ink version, parameters) the result belongs to
  uint64_t pad_uploaded = 0;     // ink version in the pad texture
  std::vector<float> seen;       // what the network gets (C*H*W in [0, 1])
  Inspection result;
  ImageAtlas pad, preview;
  FeatureMapsView maps;
};

// Draws into the current window region (the caller owns Begin/End).
void draw_draw_pad_panel(AppState& s);

}  // namespace nnplay::gui
