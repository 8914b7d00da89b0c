// Colours shared by every panel. Class colours are Okabe-Ito (safe for the common colour-vision
// deficiencies); the diverging scale is blue-white-orange, also safe, for two classes and for
// regression values.
#pragma once
#include <imgui.h>

namespace nnplay::gui {

enum class Scheme { OkabeIto, HighContrast };

struct Palette {
  Scheme scheme = Scheme::OkabeIto;
  // Colour of class k (0..7).
  ImVec4 class_color(int k) const;
  ImU32 class_u32(int k, float alpha = 1.0f) const;
  // t in [-1, 1]: negative blue, 0 near white, positive orange (weights, regression, 2 classes).
  ImVec4 diverging(float t) const;
  ImU32 diverging_u32(float t, float alpha = 1.0f) const;
  ImU32 positive_weight() const { return diverging_u32(1.0f); }
  ImU32 negative_weight() const { return diverging_u32(-1.0f); }
};

Palette& palette();  // the app's current palette

}  // namespace nnplay::gui
