// Filters view (see filters_panel.h). Weights are read straight from the snapshot's flat
// parameters: a conv2d weight is (out_c, C*k*k), filter o at row o, laid out (c, ki, kj).
#include "app/gui/panels/filters_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/gui/app_state.h"
#include "app/gui/fonts.h"
#include "app/gui/panels/image_common.h"
#include "app/gui/plot/colormap.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

struct ConvInfo {
  int layer = 0;                    // index in the network
  int out_c = 0, in_c = 0, k = 0;
  const Scalar* weights = nullptr;  // (out_c, in_c*k*k)
  const Scalar* start = nullptr;    // the same weights when training started (learned view)
  float weight(int o, int c, int i, int j) const {
    const size_t at = ((size_t(o) * in_c + c) * k + i) * k + j;
    return start ? weights[at] - start[at] : weights[at];
  }
};

std::vector<ConvInfo> conv_layers(const Snapshot& snap, const Network& net, bool learned) {
  const bool have_start = learned && snap.start_params && snap.start_params->size() == snap.params.size();
  std::vector<ConvInfo> out;
  for (int l = 0; l < net.size() && l < int(snap.param_offsets.size()); ++l) {
    const Layer& layer = net.layer(l);
    if (layer.type() != "conv2d") continue;
    ConvInfo c;
    c.layer = l;
    c.out_c = layer.output_shape().c;
    c.in_c = layer.input_shape().c;
    const auto infos = layer.params();
    if (infos.empty() || infos[0].rows != c.out_c || c.in_c <= 0) continue;
    c.k = static_cast<int>(std::lround(std::sqrt(double(infos[0].cols) / c.in_c)));
    c.weights = snap.params.data() + snap.param_offsets[l] + infos[0].offset;
    if (have_start) c.start = snap.start_params->data() + snap.param_offsets[l] + infos[0].offset;
    out.push_back(c);
  }
  return out;
}

// Largest |weight| of filter o (over the shown channels), or of all filters when o < 0.
float max_abs(const ConvInfo& c, int o, int channel) {
  float m = 0;
  for (int f = 0; f < c.out_c; ++f) {
    if (o >= 0 && f != o) continue;
    for (int ch = 0; ch < c.in_c; ++ch) {
      if (channel >= 0 && ch != channel) continue;
      for (int i = 0; i < c.k; ++i)
        for (int j = 0; j < c.k; ++j) m = std::max(m, std::abs(c.weight(f, ch, i, j)));
    }
  }
  return m > 0 ? m : 1e-6f;
}

ImU32 weight_color(float w, float scale, bool greys) {
  const float t = 0.5f + 0.5f * std::clamp(w / scale, -1.0f, 1.0f);
  return colormap_u32(greys ? Colormap::Greys : Colormap::Diverging, greys ? 1.0f - t : t);
}

// One kernel as k x k squares, with a read-out of the weight under the mouse.
void draw_kernel(ImDrawList* dl, ImVec2 p, float size, const ConvInfo& c, int o, int ch, float scale,
                 bool greys) {
  const float cell = size / c.k;
  for (int i = 0; i < c.k; ++i)
    for (int j = 0; j < c.k; ++j) {
      const ImVec2 a(p.x + j * cell, p.y + i * cell);
      dl->AddRectFilled(a, ImVec2(a.x + cell + 0.5f, a.y + cell + 0.5f),
                        weight_color(c.weight(o, ch, i, j), scale, greys));
    }
  dl->AddRect(p, ImVec2(p.x + size, p.y + size), ImGui::GetColorU32(ImGuiCol_Border));
  const ImVec2 m = ImGui::GetIO().MousePos;
  if (m.x < p.x || m.y < p.y || m.x >= p.x + size || m.y >= p.y + size) return;
  const int j = std::clamp(int((m.x - p.x) / cell), 0, c.k - 1);
  const int i = std::clamp(int((m.y - p.y) / cell), 0, c.k - 1);
  ImGui::BeginTooltip();
  ImGui::Text("Filter %d, input channel %d", o + 1, ch + 1);
  ImGui::Text("Weight at row %d, column %d: %+.4f", i + 1, j + 1, c.weight(o, ch, i, j));
  ImGui::TextDisabled("Positive weights (orange) respond to bright input there, negative (blue) to dark.");
  ImGui::EndTooltip();
}

void draw_controls(FiltersPanelState& st, const std::vector<ConvInfo>& convs) {
  const ConvInfo& c = convs[st.conv];
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
  const std::string preview = "Convolution " + std::to_string(st.conv + 1);
  if (ImGui::BeginCombo("Layer", preview.c_str())) {
    for (int i = 0; i < int(convs.size()); ++i) {
      const std::string name = "Convolution " + std::to_string(i + 1) + " (" +
                               std::to_string(convs[i].out_c) + " filters)";
      if (ImGui::Selectable(name.c_str(), i == st.conv)) st.conv = i;
    }
    ImGui::EndCombo();
  }
  help_marker("The first convolution looks at the pixels, so its filters are pictures you can "
              "read. Deeper convolutions look at the maps the previous layers made: each of "
              "their filters has one small kernel per input channel.");
  if (c.in_c > 1) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    const std::string ch = st.channel < 0 ? "All channels" : "Channel " + std::to_string(st.channel + 1);
    if (ImGui::BeginCombo("Input", ch.c_str())) {
      if (ImGui::Selectable("All channels", st.channel < 0)) st.channel = -1;
      for (int i = 0; i < c.in_c; ++i)
        if (ImGui::Selectable(("Channel " + std::to_string(i + 1)).c_str(), st.channel == i)) st.channel = i;
      ImGui::EndCombo();
    }
  }
  ImGui::SameLine();
  ImGui::Checkbox("Shared scale", &st.shared_scale);
  help_marker("Shared: one colour scale for every filter, so strong and weak filters can be "
              "compared. Off: each filter uses its own range, so even a weak filter shows its "
              "pattern.");
  ImGui::SameLine();
  ImGui::Checkbox("Greys", &st.greys);
  // Wraps to its own line when the slot is narrow.
  const float need = ImGui::CalcTextSize("Learned part (?)").x + ImGui::GetFrameHeight() * 2;
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < need) ImGui::NewLine();
  ImGui::Checkbox("Learned part", &st.learned);
  help_marker("Shows what training has changed: each weight minus its value when training "
              "started. The first filters often keep much of their random start (random 5x5 "
              "filters already work), so the learned part shows the edge and stroke detectors "
              "training adds on top.");
}

}  // namespace

void draw_filters_panel(AppState& s) {
  FiltersPanelState& st = s.filters;
  const Snapshot* snap = s.snap.get();
  // The cached network gives the layer geometry; weights are read live from the snapshot.
  const Inspector* insp = inspector_or_explain(s.inspector, snap);
  if (!insp) return;
  const std::vector<ConvInfo> convs = conv_layers(*snap, insp->network(), st.learned);
  if (convs.empty()) {
    ImGui::TextWrapped("This network has no convolution, so there are no filters to show. Add a "
                       "conv2d layer in the network panel: its filters will appear here.");
    return;
  }
  st.conv = std::clamp(st.conv, 0, int(convs.size()) - 1);
  const ConvInfo& c = convs[st.conv];
  if (st.channel >= c.in_c) st.channel = -1;
  draw_controls(st, convs);

  const std::string depth = c.in_c > 1 ? " x " + std::to_string(c.in_c) + " channels" : "";
  ImGui::Text("%d filters of %dx%d%s  -  step %ld", c.out_c, c.k, c.k, depth.c_str(), snap->step);
  help_marker("A filter is a small grid of weights slid over the image: at each position it "
              "multiplies the pixels under it by its weights and adds them up. Training shapes "
              "the filters into detectors of edges, strokes and blobs.");
  const float shared = max_abs(c, -1, st.channel);
  if (c.start && shared < 1e-5f) {
    ImGui::TextWrapped("Nothing learned yet: these are the changes training makes to the "
                       "filters. Press Play (Space), or untick 'Learned part' to see the random "
                       "starting filters.");
  } else if (st.greys)
    ImGui::TextDisabled("White: positive weight, black: negative (largest |w| %.3f).", shared);

  const int channels = st.channel >= 0 ? 1 : c.in_c;
  const float font = ImGui::GetFontSize();
  const float bar_w = st.shared_scale && !st.greys ? font * 5.0f : 0.0f;
  const float label_h = ImGui::GetTextLineHeightWithSpacing();
  const float gap = font * 0.5f;
  ImGui::BeginChild("##filters_grid", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // First layer: filters wrap into the column count that gives the largest tiles. Deeper
  // layers: one row per filter, its input channels across (scrolls when tall).
  int cols = channels, rows = c.out_c;
  float tile = std::min((avail.x - bar_w) / cols - gap, avail.y / rows - label_h - gap);
  if (channels == 1) {
    tile = 0;
    for (int k = 1; k <= c.out_c; ++k) {
      const int r = (c.out_c + k - 1) / k;
      const float t = std::min((avail.x - bar_w) / k - gap, avail.y / r - label_h - gap);
      if (t > tile) tile = t, cols = k, rows = r;
    }
  }
  tile = std::clamp(tile, font * 2.0f, font * 14.0f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float step_x = tile + gap, step_y = tile + label_h + gap;
  for (int o = 0; o < c.out_c; ++o) {
    const float scale = st.shared_scale ? shared : max_abs(c, o, st.channel);
    for (int ch = 0; ch < channels; ++ch) {
      const int channel = st.channel >= 0 ? st.channel : ch;
      const int slot = channels > 1 ? o * channels + ch : o;
      const ImVec2 p(origin.x + (slot % cols) * step_x, origin.y + (slot / cols) * step_y + label_h);
      std::string label = "filter " + std::to_string(o + 1);
      if (channels > 1 && ch > 0) label = "ch " + std::to_string(channel + 1);
      if (channels > 1 && ch == 0) label += ", ch 1";
      if (channels == 1 && c.in_c > 1) label += ", ch " + std::to_string(channel + 1);
      dl->PushClipRect(ImVec2(p.x, p.y - label_h), ImVec2(p.x + tile + gap, p.y), true);
      dl->AddText(ImVec2(p.x, p.y - label_h), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
      dl->PopClipRect();
      draw_kernel(dl, p, tile, c, o, channel, scale, st.greys);
    }
  }
  const float grid_w = cols * step_x;
  if (bar_w > 0) {
    const ImVec2 b0(origin.x + grid_w + gap, origin.y + label_h);
    const float h = std::min(rows * step_y - label_h - gap, std::max(tile, avail.y - label_h * 2));
    draw_colorbar(dl, b0, ImVec2(b0.x + font * 1.2f, b0.y + h), Colormap::Diverging, -shared, shared);
  }
  ImGui::Dummy(ImVec2(grid_w + bar_w, rows * step_y));
  ImGui::EndChild();
}

}  // namespace nnplay::gui
