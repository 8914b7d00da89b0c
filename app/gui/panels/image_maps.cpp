#include "app/gui/panels/image_maps.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/gui/plot/colormap.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

void range(const float* v, int n, float& lo, float& hi) {
  lo = 0, hi = 0;
  for (int i = 0; i < n; ++i) lo = std::min(lo, v[i]), hi = std::max(hi, v[i]);
  if (hi - lo < 1e-6f) hi = lo + 1e-6f;
}

const char* explain(const std::string& type) {
  if (type == "conv2d")
    return "Each map is one filter slid over the layer's input: bright where the filter's "
           "pattern is found (after ReLU, negative responses are cut to zero, so dark).";
  if (type == "maxpool2d")
    return "Max pooling keeps the strongest response in each 2x2 block: the maps halve in size "
           "and a pattern shifted by a pixel still gives the same output.";
  return "Average pooling replaces each block by its mean: smaller, smoother maps.";
}

}  // namespace

bool shows_maps(const LayerOutput& o) {
  return (o.type == "conv2d" || o.type == "maxpool2d" || o.type == "avgpool2d") && o.shape.h > 1;
}

void update_feature_maps(FeatureMapsView& v, const Inspection& r, uint64_t key) {
  if (key == v.key && v.atlases.size() == v.layers.size()) return;
  v.key = key;
  v.layers.clear();
  for (int l = 0; l < int(r.layers.size()); ++l)
    if (shows_maps(r.layers[l])) v.layers.push_back(l);
  v.atlases.resize(v.layers.size());
  v.lo.assign(v.layers.size(), 0);
  v.hi.assign(v.layers.size(), 1);
  for (size_t i = 0; i < v.layers.size(); ++i) {
    const LayerOutput& o = r.layers[v.layers[i]];
    const int hw = o.shape.h * o.shape.w;
    const int zoom = std::clamp(96 / std::max(o.shape.h, o.shape.w), 1, 8);
    ImageAtlas& a = v.atlases[i];
    a.begin(o.shape.c, o.shape.w, o.shape.h, zoom);
    range(o.values.data(), int(o.values.size()), v.lo[i], v.hi[i]);
    for (int ch = 0; ch < o.shape.c; ++ch) {
      const float* m = &o.values[size_t(ch) * hw];
      float lo = v.lo[i], hi = v.hi[i];
      if (v.per_map_scale) range(m, hw, lo, hi);
      for (int y = 0; y < o.shape.h; ++y)
        for (int x = 0; x < o.shape.w; ++x)
          a.set(ch, x, y, colormap_u32(Colormap::Viridis, (m[y * o.shape.w + x] - lo) / (hi - lo)));
    }
    a.upload();
  }
}

void draw_feature_maps(const FeatureMapsView& v, const Inspection& r, float max_tile) {
  const float font = ImGui::GetFontSize(), gap = font * 0.35f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  int conv = 0, pool = 0;
  for (size_t i = 0; i < v.layers.size() && i < v.atlases.size(); ++i) {
    const LayerOutput& o = r.layers[v.layers[i]];
    const bool is_conv = o.type == "conv2d";
    const std::string title = (is_conv ? "Convolution " + std::to_string(++conv)
                                       : (o.type == "maxpool2d" ? "Max pooling " : "Average pooling ") +
                                             std::to_string(++pool)) +
                              ": " + std::to_string(o.shape.c) + " maps of " + std::to_string(o.shape.h) +
                              "x" + std::to_string(o.shape.w);
    ImGui::TextUnformatted(title.c_str());
    help_marker(explain(o.type));
    const float width = ImGui::GetContentRegionAvail().x;
    const float tile = std::clamp(width / o.shape.c - gap, font * 2.2f, max_tile);
    const int cols = std::max(1, int((width + gap) / (tile + gap)));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const int hw = o.shape.h * o.shape.w;
    for (int ch = 0; ch < o.shape.c; ++ch) {
      const ImVec2 p(origin.x + (ch % cols) * (tile + gap), origin.y + (ch / cols) * (tile + gap));
      const ImVec2 q(p.x + tile, p.y + tile * o.shape.h / o.shape.w);
      v.atlases[i].draw(dl, ch, p, q);
      if (!ImGui::IsMouseHoveringRect(p, q)) continue;
      dl->AddRect(p, q, IM_COL32(255, 255, 255, 255), 0, 0, 2.0f);
      const ImVec2 m = ImGui::GetIO().MousePos;
      const int x = std::clamp(int((m.x - p.x) / (q.x - p.x) * o.shape.w), 0, o.shape.w - 1);
      const int y = std::clamp(int((m.y - p.y) / (q.y - p.y) * o.shape.h), 0, o.shape.h - 1);
      ImGui::BeginTooltip();
      ImGui::Text("%s, map %d", title.substr(0, title.find(':')).c_str(), ch + 1);
      ImGui::Text("Value at row %d, column %d: %.3f", y + 1, x + 1, o.values[size_t(ch) * hw + y * o.shape.w + x]);
      ImGui::EndTooltip();
    }
    const int rows = (o.shape.c + cols - 1) / cols;
    ImGui::Dummy(ImVec2(cols * (tile + gap), rows * (tile * o.shape.h / o.shape.w + gap)));
  }
}

}  // namespace nnplay::gui
