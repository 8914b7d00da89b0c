// Colour scales for the plot module's heatmaps and their colour bars.
#include "app/gui/plot/colormap.h"

#include <algorithm>
#include <cmath>

#include "app/gui/logic/ticks.h"
#include "app/gui/theme/palette.h"

namespace nnplay::gui {

namespace {
// Viridis sampled at 9 evenly spaced points (matplotlib's table); linear in between is
// indistinguishable from the full 256-entry table at heatmap cell sizes.
constexpr float kViridis[9][3] = {
    {0.267f, 0.005f, 0.329f}, {0.283f, 0.141f, 0.458f}, {0.254f, 0.265f, 0.530f},
    {0.207f, 0.372f, 0.553f}, {0.164f, 0.471f, 0.558f}, {0.128f, 0.567f, 0.551f},
    {0.135f, 0.659f, 0.518f}, {0.478f, 0.821f, 0.318f}, {0.993f, 0.906f, 0.144f}};

ImU32 viridis(float t, float alpha) {
  const float s = t * 8.0f;
  const int i = std::min(7, static_cast<int>(s));
  const float f = s - i;
  const float* a = kViridis[i];
  const float* b = kViridis[i + 1];
  return ImGui::ColorConvertFloat4ToU32(
      {a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f, alpha});
}
}  // namespace

ImU32 colormap_u32(Colormap map, float t, float alpha) {
  if (std::isnan(t)) return 0;
  t = std::clamp(t, 0.0f, 1.0f);
  switch (map) {
    case Colormap::Viridis: return viridis(t, alpha);
    case Colormap::Diverging: return palette().diverging_u32(2.0f * t - 1.0f, alpha);
    case Colormap::Greys: {
      const float g = 1.0f - t * 0.9f;
      return ImGui::ColorConvertFloat4ToU32({g, g, g, alpha});
    }
  }
  return 0;
}

void draw_colorbar(ImDrawList* dl, ImVec2 min, ImVec2 max, Colormap map, double lo, double hi) {
  const int steps = 32;
  const float h = (max.y - min.y) / steps;
  for (int i = 0; i < steps; ++i) {  // bottom = lo, top = hi
    const float t0 = static_cast<float>(i) / steps, t1 = static_cast<float>(i + 1) / steps;
    const float y1 = max.y - i * h, y0 = max.y - (i + 1) * h;
    const ImU32 c0 = colormap_u32(map, t0), c1 = colormap_u32(map, t1);
    dl->AddRectFilledMultiColor({min.x, y0}, {max.x, y1}, c1, c1, c0, c0);
  }
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  dl->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border));
  if (!(hi > lo)) return;
  double step = 1;
  const int max_ticks = std::max(2, static_cast<int>((max.y - min.y) / (ImGui::GetFontSize() * 2.0f)));
  for (const Tick& t : linear_ticks(lo, hi, max_ticks, &step)) {
    const float y = max.y - static_cast<float>((t.value - lo) / (hi - lo)) * (max.y - min.y);
    dl->AddLine({max.x, y}, {max.x + 4, y}, text);
    const std::string s = format_tick(t.value, step);
    dl->AddText({max.x + 6, y - ImGui::GetFontSize() * 0.5f}, text, s.c_str());
  }
}

}  // namespace nnplay::gui
