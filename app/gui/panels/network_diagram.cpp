// Drawing the network diagram: the selected column's highlight, one line per weight (colour =
// sign, thickness and opacity = size), neurons as live thumbnails of their output over the input
// plane, compressed columns with "+n" markers, and blocks for layers without neurons.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/gui/panels/network_internal.h"
#include "app/gui/panels/network_thumbnails.h"
#include "app/gui/theme/palette.h"
#include "engine/data/features.h"
#include "engine/nn/layer_factory.h"

namespace nnplay::gui::netpanel {

namespace {

bool same_box(const GridRequest& a, const GridRequest& b) {
  return a.x_min == b.x_min && a.x_max == b.x_max && a.y_min == b.y_min && a.y_max == b.y_max;
}

bool same_grid(const std::weak_ptr<const DecisionGrid>& seen,
               const std::shared_ptr<const DecisionGrid>& grid) {
  return !seen.owner_before(grid) && !grid.owner_before(seen) && !seen.expired();
}

void upload_features(Frame& f, const GridRequest& box) {
  if (f.ui.features_uploaded && same_box(box, f.ui.thumbs_box)) return;
  f.ui.thumbs->upload(0, feature_images(box, kNetworkNeuronResolution), kNetworkNeuronResolution,
                      ThumbScale::PerNeuronMax);
  f.ui.thumbs_box = box;
  f.ui.features_uploaded = true;
}

// Re-uploads the layer atlases only when the trainer published a new grid for this network.
void upload_layers(Frame& f, const std::shared_ptr<const DecisionGrid>& grid) {
  if (same_grid(f.ui.thumbs_grid, grid)) return;
  f.ui.thumbs->truncate(column_count(f));
  f.ui.thumbs->invalidate(1);
  const size_t layers = std::min(grid->neurons.size(), f.spec.layers.size());
  for (size_t l = 0; l < layers; ++l) {
    const LayerSpec& spec = f.spec.layers[l];
    const auto& images = grid->neurons[l];
    if (spec.type != "dense" || static_cast<int>(images.size()) != spec.units) continue;
    const int res = static_cast<int>(std::lround(std::sqrt(double(images[0].size()))));
    if (res * res != static_cast<int>(images[0].size())) continue;
    f.ui.thumbs->upload(column_of(static_cast<int>(l)), images, res,
                        thumb_scale_for(spec.activation.kind));
  }
  f.ui.thumbs_grid = grid;
}

}  // namespace

void update_thumbnails(Frame& f) {
  if (!f.ui.thumbs) f.ui.thumbs = std::make_shared<NetworkThumbnails>();
  const std::shared_ptr<const DecisionGrid> grid = f.snap ? f.snap->grid : nullptr;
  if (!f.image_input) upload_features(f, grid ? grid->request : GridRequest{});
  if (!f.live || !grid || grid->neurons.empty() || grid->request.features != f.features) return;
  upload_layers(f, grid);
  f.thumbs_current = true;
}

namespace {

void draw_selection(const Frame& f, ImDrawList* dl) {
  const int layer = f.ui.selected_layer;
  if (layer < 0 || layer >= static_cast<int>(f.spec.layers.size())) return;
  const float x = f.layout.columns[column_of(layer)].x;
  const float half = std::min(f.layout.pitch * 0.48f, f.col_width / 2 + 6);
  const float bottom = f.footer_top + 2 * ImGui::GetFrameHeightWithSpacing();
  dl->AddRectFilled(ImVec2(x - half, f.header_top - 3), ImVec2(x + half, bottom),
                    palette().class_u32(2, 0.16f), 6.0f);
}

void draw_links_into(const Frame& f, int col, ImDrawList* dl) {
  const int layer = layer_of(col);
  const float* p = layer_params(f, layer);
  const int in = f.infos[layer].in.size();
  const int units = f.spec.layers[layer].units;
  const std::vector<int> sources = source_nodes(f, col);
  const float x0 = f.layout.columns[col - 1].x + f.layout.node(col - 1) / 2;
  const float x1 = f.layout.columns[col].x - f.layout.node(col) / 2;
  // Many crossing lines turn into a grey mat; fading them by density keeps the strong ones
  // readable.
  const int busiest = std::max<int>(sources.size(), units);
  const float fade = std::clamp(std::sqrt(8.0f / std::max(busiest, 1)), 0.35f, 1.0f);
  const float max_thick = std::clamp(f.layout.node(col) * 0.12f, 1.5f, 5.0f);
  const ImU32 idle = ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.35f);
  for (int j = 0; j < units; ++j) {
    const auto b = f.layout.node_center(col, j);
    if (!b) continue;
    for (int i = 0; i < static_cast<int>(sources.size()) && i < in; ++i) {
      const auto a = f.layout.node_center(col - 1, sources[i]);
      if (!a) continue;
      if (!p) {
        dl->AddLine(ImVec2(x0, a->y), ImVec2(x1, b->y), idle, 1.0f);
        continue;
      }
      const float w = p[size_t(j) * in + i];
      const float t = 1.0f - std::exp(-std::fabs(w));  // 0 for w = 0, towards 1 for |w| >> 1
      const ImU32 colour = palette().diverging_u32(w >= 0 ? 1.0f : -1.0f, (0.12f + 0.88f * t) * fade);
      dl->AddLine(ImVec2(x0, a->y), ImVec2(x1, b->y), colour, 0.6f + t * max_thick);
    }
  }
}

// Saturated and dead units of the last batch get a ring just outside their square.
void draw_unit_ring(const Frame& f, int col, int unit, ImVec2 a, ImVec2 b, ImDrawList* dl) {
  const LayerStats* st = live_stats(f, layer_of(col));
  if (!st) return;
  const bool saturated = st->unit_saturated(unit), dead = st->unit_is_dead(unit);
  if (!saturated && !dead) return;
  const float gap = std::max(2.0f, f.layout.node(col) * 0.06f);
  const float thick = std::clamp(f.layout.node(col) * 0.08f, 2.0f, 4.0f);
  const ImU32 colour = saturated ? saturated_ring_u32() : dead_ring_u32();
  dl->AddRect(ImVec2(a.x - gap, a.y - gap), ImVec2(b.x + gap, b.y + gap), colour, 3.0f, 0, thick);
  if (dead) dl->AddLine(ImVec2(a.x - gap, b.y + gap), ImVec2(b.x + gap, a.y - gap), colour, thick * 0.75f);
}

void draw_neuron(const Frame& f, int col, int unit, ImVec2 c, ImDrawList* dl, bool enabled) {
  const float half = f.layout.node(col) / 2;
  const ImVec2 a(c.x - half, c.y - half), b(c.x + half, c.y + half);
  ImTextureID tex{};
  ImVec2 uv0, uv1;
  const bool current = col == 0 || f.thumbs_current;
  if (current && f.ui.thumbs && f.ui.thumbs->tile(col, unit, tex, uv0, uv1))
    dl->AddImage(tex, a, b, uv0, uv1, enabled ? IM_COL32_WHITE : IM_COL32(255, 255, 255, 50));
  else
    dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg));
  const bool selected = col > 0 && f.ui.selected_layer == layer_of(col);
  const ImU32 border = selected  ? palette().class_u32(2)
                       : enabled ? ImGui::GetColorU32(ImGuiCol_Text, 0.55f)
                                 : ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.5f);
  dl->AddRect(a, b, border, 0.0f, 0, selected ? 2.0f : 1.0f);
  if (col > 0) draw_unit_ring(f, col, unit, a, b, dl);
}

void draw_ellipsis(const Frame& f, int col, ImDrawList* dl) {
  const auto c = f.layout.ellipsis_center(col);
  if (!c) return;
  const ColumnGeom& g = f.layout.columns[col];
  const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
  const float r = std::max(1.5f, f.layout.node(col) * 0.07f);
  for (int k = -1; k <= 1; ++k) dl->AddCircleFilled(ImVec2(c->x, c->y + k * 3.2f * r), r, colour);
  const std::string more = "+" + std::to_string(g.count - g.head - g.tail);
  const ImVec2 size = ImGui::CalcTextSize(more.c_str());
  dl->AddText(ImVec2(c->x + f.layout.node(col) / 2 + 3, c->y - size.y / 2), colour, more.c_str());
}

// Layers without neurons of their own (convolution, pooling, flatten, dropout, an image input)
// are drawn as one block naming the layer and its output shape.
struct Extent {
  ImVec2 min, max;
};

// The box a column occupies: its block, or its first to last shown neuron.
Extent column_extent(const Frame& f, int col) {
  const float x = f.layout.columns[col].x;
  if (!column_has_neurons(f, col)) {
    const float half_w = std::clamp(f.layout.pitch * 0.36f, 16.0f, 70.0f);
    const float mid = (f.layout.min.y + f.layout.max.y) / 2;
    const float half_h = (f.layout.max.y - f.layout.min.y) * 0.35f;
    return {ImVec2(x - half_w, mid - half_h), ImVec2(x + half_w, mid + half_h)};
  }
  const ColumnGeom& g = f.layout.columns[col];
  const float half = g.node / 2;
  if (g.slot_y.empty()) return {ImVec2(x, 0), ImVec2(x, 0)};
  return {ImVec2(x - half, g.slot_y.front() - half), ImVec2(x + half, g.slot_y.back() + half)};
}

// Where single weights are not drawn (into or out of a block), a faint band shows the data
// flowing from one column to the next.
void draw_bundle(const Frame& f, int col, ImDrawList* dl) {
  const Extent a = column_extent(f, col - 1), b = column_extent(f, col);
  dl->AddQuadFilled(ImVec2(a.max.x, a.min.y), ImVec2(b.min.x, b.min.y), ImVec2(b.min.x, b.max.y),
                    ImVec2(a.max.x, a.max.y), ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.12f));
}

void draw_block(const Frame& f, int col, ImDrawList* dl) {
  const float x = f.layout.columns[col].x;
  const Extent e = column_extent(f, col);
  const ImVec2 a = e.min, b = e.max;
  const float mid = (a.y + b.y) / 2;
  const bool broken = col > 0 && !f.infos[layer_of(col)].error.empty();
  dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg), 4.0f);
  dl->AddRect(a, b, broken ? palette().class_u32(3) : ImGui::GetColorU32(ImGuiCol_Border), 4.0f,
              0, broken ? 2.0f : 1.0f);
  const std::string& type = col == 0 ? "image" : f.spec.layers[layer_of(col)].type;
  const std::string name = type == "conv2d" ? "conv" : type.substr(0, type.find("2d"));
  const Shape shape = col == 0 ? f.spec.input : f.infos[layer_of(col)].out;
  // "conv / 6x28x28" when it fits, else one fact per line: "conv / 6 maps / 28x28".
  std::vector<std::string> lines = {name, shape.size() ? shape_string(shape) : "?"};
  const float room = b.x - a.x - 4;
  const auto wide = [&](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x > room; };
  if (shape.size() && (wide(lines[0]) || wide(lines[1]))) {
    lines.pop_back();
    if (shape.h > 1 || shape.w > 1) {
      lines.push_back(std::to_string(shape.c) + (shape.c == 1 ? " map" : " maps"));
      lines.push_back(std::to_string(shape.h) + "x" + std::to_string(shape.w));
    } else {
      lines.push_back(std::to_string(shape.c));
    }
  }
  dl->PushClipRect(a, b, true);
  const float lh = ImGui::GetTextLineHeight();
  const float top = mid - lh * float(lines.size()) / 2;
  for (size_t k = 0; k < lines.size(); ++k) {
    // Narrow blocks (many layers) shrink the text rather than cut it, down to 60%.
    const float full = ImGui::CalcTextSize(lines[k].c_str()).x;
    const float size = ImGui::GetFontSize() * std::clamp(room / std::max(full, 1.0f), 0.6f, 1.0f);
    const float w = full * size / ImGui::GetFontSize();
    dl->AddText(ImGui::GetFont(), size, ImVec2(x - w / 2, top + float(k) * lh),
                ImGui::GetColorU32(ImGuiCol_Text), lines[k].c_str());
  }
  dl->PopClipRect();
}

void draw_feature_labels(const Frame& f, ImDrawList* dl) {
  const auto& names = feature_names();
  for (int r = 0; r < static_cast<int>(names.size()); ++r) {
    const auto c = f.layout.node_center(0, r);
    if (!c) continue;
    const bool on = has_feature(f.features, names[r]);
    const ImVec2 size = ImGui::CalcTextSize(names[r].c_str());
    const ImVec2 at(c->x - f.layout.node(0) / 2 - 6 - size.x, c->y - size.y / 2);
    dl->AddText(at, ImGui::GetColorU32(on ? ImGuiCol_Text : ImGuiCol_TextDisabled),
                names[r].c_str());
  }
}

// Softmax outputs: a swatch of each class's colour beside its neuron says which is which.
void draw_class_swatches(const Frame& f, ImDrawList* dl) {
  const int col = column_count(f) - 1;
  const int units = f.layout.columns[col].count;
  if (f.task != Task::Classification || units < 2) return;
  const float half = f.layout.node(col) / 2, side = std::clamp(half * 0.5f, 6.0f, 14.0f);
  for (int k = 0; k < units; ++k) {
    const auto c = f.layout.node_center(col, k);
    if (!c) continue;
    const ImVec2 a(c->x + half + 4, c->y - side / 2);
    dl->AddRectFilled(a, ImVec2(a.x + side, a.y + side), palette().class_u32(k), 2.0f);
  }
}

void draw_column(const Frame& f, int col, ImDrawList* dl) {
  const ColumnGeom& g = f.layout.columns[col];
  if (!column_has_neurons(f, col)) {
    draw_block(f, col, dl);
    return;
  }
  const auto& names = feature_names();
  for (int u = 0; u < g.count; ++u) {
    const auto c = f.layout.node_center(col, u);
    const bool enabled = col > 0 || has_feature(f.features, names[u]);
    if (c) draw_neuron(f, col, u, *c, dl, enabled);
  }
  draw_ellipsis(f, col, dl);
}

}  // namespace

void draw_diagram(Frame& f) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  draw_selection(f, dl);
  for (int col = 1; col < column_count(f); ++col) {
    if (has_links(f, col)) draw_links_into(f, col, dl);
    else draw_bundle(f, col, dl);
  }
  for (int col = 0; col < column_count(f); ++col) draw_column(f, col, dl);
  if (!f.image_input) draw_feature_labels(f, dl);
  draw_class_swatches(f, dl);
}

}  // namespace nnplay::gui::netpanel
