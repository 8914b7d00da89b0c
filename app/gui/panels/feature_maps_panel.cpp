// Feature maps view (see feature_maps_panel.h). One forward pass of one image on the UI thread,
// rerun only when the image or the parameters change.
#include "app/gui/panels/feature_maps_panel.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/gui/app_state.h"
#include "app/gui/fonts.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

// The chosen image, its true class and what the network says, with buttons to change it.
void draw_input_column(AppState& s, const Snapshot& snap, float side) {
  FeatureMapsPanelState& st = s.feature_maps;
  const DataSplit& split = snap.data->validation;
  const int n = split.rows();
  ImGui::Text("Validation image");
  help_marker("An image the network does not train on. Pick another one with the arrows, or "
              "click an image in the Samples view.");
  ImGui::SetNextItemWidth(side);
  if (ImGui::InputInt("##row", &st.row)) st.row = std::clamp(st.row, 0, n - 1);
  if (ImGui::Button("Random")) st.row = int((uint64_t(st.row) * 7919 + 104729) % uint64_t(n));
  const ImVec2 p = ImGui::GetCursorScreenPos();
  st.input.draw(ImGui::GetWindowDrawList(), 0, p, ImVec2(p.x + side, p.y + side));
  ImGui::Dummy(ImVec2(side, side));
  const int truth = int(split.y(st.row, 0));
  ImGui::Text("True: %s", class_label(snap, truth).c_str());
  const auto& probs = st.result.probs;
  if (!probs.empty()) {
    const int best = int(std::max_element(probs.begin(), probs.end()) - probs.begin());
    const ImVec4 col = best == truth ? ImVec4(0.0f, 0.62f, 0.45f, 1) : ImVec4(0.84f, 0.37f, 0.0f, 1);
    ImGui::TextUnformatted("Network says:");
    ImGui::PushFont(large_font());
    ImGui::TextColored(col, "%s", class_label(snap, best).c_str());
    ImGui::PopFont();
    ImGui::Text("%.0f%% sure", 100.0 * probs[best]);
  }
}

}  // namespace

void draw_feature_maps_panel(AppState& s) {
  FeatureMapsPanelState& st = s.feature_maps;
  const Snapshot* snap = s.snap.get();
  const Inspector* insp = inspector_or_explain(s.inspector, snap);
  if (!insp) return;
  if (!snap->data || snap->data->validation.rows() == 0 || snap->data->input.h == 1) {
    ImGui::TextWrapped("Feature maps need image data with a validation split.");
    return;
  }
  const DataSplit& split = snap->data->validation;
  st.row = std::clamp(st.row, 0, split.rows() - 1);
  const std::vector<float> pixels = split_image(split, st.row);
  const uint64_t key = (uint64_t(st.row) << 32) ^ s.inspector.version();
  if (key != st.result_key) {
    st.result = insp->run(pixels.data());
    const Shape in = snap->data->input;
    st.input.begin(1, in.w, in.h, 4);
    for (int y = 0; y < in.h; ++y)
      for (int x = 0; x < in.w; ++x) st.input.set(0, x, y, grey_u32(pixels[y * in.w + x]));
    st.input.upload();
    st.result_key = key;
  }
  update_feature_maps(st.maps, st.result, key);

  const float font = ImGui::GetFontSize();
  const float side = std::clamp(ImGui::GetContentRegionAvail().x * 0.18f, font * 6, font * 12);
  ImGui::BeginGroup();
  draw_input_column(s, *snap, side);
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginChild("##maps", ImVec2(0, 0));
  bool per_map = st.maps.per_map_scale;
  if (ImGui::Checkbox("Scale each map to its own range", &per_map)) {
    st.maps.per_map_scale = per_map;
    st.maps.key = ~0ull;
    update_feature_maps(st.maps, st.result, key);
  }
  help_marker("On: every map uses its full colour range, so weak responses are visible too. "
              "Off: one range per layer, so you can compare which maps respond most strongly. "
              "Yellow is strong, dark purple is zero.");
  if (st.maps.layers.empty())
    ImGui::TextWrapped("This network has no convolution or pooling layers: there are no maps to "
                       "show. Add a conv2d layer in the network panel.");
  draw_feature_maps(st.maps, st.result, font * 7);
  ImGui::EndChild();
}

}  // namespace nnplay::gui
