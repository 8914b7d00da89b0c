#include "app/gui/theme/palette.h"

#include <algorithm>
#include <cmath>

namespace nnplay::gui {

namespace {
// Okabe & Ito (2008): blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black-ish grey.
const ImVec4 kOkabeIto[8] = {
    {0.000f, 0.447f, 0.698f, 1}, {0.902f, 0.624f, 0.000f, 1}, {0.000f, 0.620f, 0.451f, 1},
    {0.835f, 0.369f, 0.000f, 1}, {0.337f, 0.706f, 0.914f, 1}, {0.800f, 0.475f, 0.655f, 1},
    {0.941f, 0.894f, 0.259f, 1}, {0.45f, 0.45f, 0.45f, 1}};
const ImVec4 kHighContrast[8] = {
    {0.00f, 0.27f, 0.80f, 1}, {1.00f, 0.55f, 0.00f, 1}, {0.00f, 0.60f, 0.30f, 1},
    {0.85f, 0.10f, 0.10f, 1}, {0.50f, 0.85f, 1.00f, 1}, {0.60f, 0.20f, 0.70f, 1},
    {1.00f, 0.90f, 0.00f, 1}, {0.20f, 0.20f, 0.20f, 1}};

ImVec4 lerp(const ImVec4& a, const ImVec4& b, float t) {
  return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1};
}
}  // namespace

Palette& palette() {
  static Palette p;  // one per process, like ImGui's style
  return p;
}

ImVec4 Palette::class_color(int k) const {
  const ImVec4* table = scheme == Scheme::OkabeIto ? kOkabeIto : kHighContrast;
  return table[((k % 8) + 8) % 8];
}

ImU32 Palette::class_u32(int k, float alpha) const {
  ImVec4 c = class_color(k);
  c.w = alpha;
  return ImGui::ColorConvertFloat4ToU32(c);
}

ImVec4 Palette::diverging(float t) const {
  t = std::clamp(t, -1.0f, 1.0f);
  const ImVec4 neg = class_color(0), pos = class_color(1), mid = {0.96f, 0.96f, 0.96f, 1};
  return t < 0 ? lerp(mid, neg, -t) : lerp(mid, pos, t);
}

ImU32 Palette::diverging_u32(float t, float alpha) const {
  ImVec4 c = diverging(t);
  c.w = alpha;
  return ImGui::ColorConvertFloat4ToU32(c);
}

}  // namespace nnplay::gui
