// Colour scales for heatmaps: viridis (perceptually uniform and colour-blind safe) for
// magnitudes such as counts, the palette's blue-white-orange for signed values.
#pragma once
#include <imgui.h>

namespace nnplay::gui {

enum class Colormap {
  Viridis,    // dark purple -> blue -> green -> yellow: counts, magnitudes
  Diverging,  // palette blue -> white -> orange: signed values centred on the middle of the range
  Greys,      // white -> black: print-friendly
};

// t in [0, 1] (clamped; NaN gives a transparent colour).
ImU32 colormap_u32(Colormap map, float t, float alpha = 1.0f);

// A vertical colour bar in [min, max] with ticks at lo..hi labelled on its right side.
void draw_colorbar(ImDrawList* dl, ImVec2 min, ImVec2 max, Colormap map, double lo, double hi);

}  // namespace nnplay::gui
