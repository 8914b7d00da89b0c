// Draw view (see draw_pad_panel.h). One forward pass per change of the drawing, on the UI
// thread: a single image is cheap, and the answer must follow the pen.
#include "app/gui/panels/draw_pad_panel.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/gui/app_state.h"
#include "app/gui/fonts.h"
#include "app/gui/theme/palette.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

// The pad scaled down to the network's input: MNIST's normalisation, or a plain box average.
std::vector<float> network_input(const DrawPadPanelState& st, Shape in) {
  Ink small(in.w);
  if (st.normalize) {
    small = normalize_like_mnist(st.ink, in.w, std::max(1, in.w * 20 / 28));
  } else {
    const int f = std::max(1, st.ink.side / in.w);
    for (int y = 0; y < in.w; ++y)
      for (int x = 0; x < in.w; ++x) {
        float sum = 0;
        for (int j = 0; j < f; ++j)
          for (int i = 0; i < f; ++i) sum += st.ink.at(std::min(st.ink.side - 1, x * f + i), std::min(st.ink.side - 1, y * f + j));
        small.v[size_t(y) * in.w + x] = sum / (f * f);
      }
  }
  return small.v;
}

// The pad: the mouse draws with the soft brush while the left button is held.
void draw_pad(DrawPadPanelState& st, float side) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##pad", ImVec2(side, side));
  const float scale = st.ink.side / side;
  const ImVec2 m = ImGui::GetIO().MousePos;
  const float x = (m.x - p.x) * scale, y = (m.y - p.y) * scale;
  if (ImGui::IsItemActivated()) {
    st.drawing = true;
    st.last_x = x, st.last_y = y;
    stamp_brush(st.ink, x, y, st.brush);
    ++st.ink_version;
  } else if (st.drawing && ImGui::IsItemActive()) {
    if (x != st.last_x || y != st.last_y) {
      stroke_segment(st.ink, st.last_x, st.last_y, x, y, st.brush);
      st.last_x = x, st.last_y = y;
      ++st.ink_version;
    }
  } else {
    st.drawing = false;
  }
  if (st.pad_uploaded != st.ink_version) {
    st.pad.begin(1, st.ink.side, st.ink.side, 1);
    for (int j = 0; j < st.ink.side; ++j)
      for (int i = 0; i < st.ink.side; ++i) st.pad.set(0, i, j, grey_u32(st.ink.at(i, j)));
    st.pad.upload();
    st.pad_uploaded = st.ink_version;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  st.pad.draw(dl, 0, p, ImVec2(p.x + side, p.y + side));
  dl->AddRect(p, ImVec2(p.x + side, p.y + side), ImGui::GetColorU32(ImGuiCol_Border), 0, 0, 2.0f);
  if (st.ink.empty())
    dl->AddText(ImVec2(p.x + side * 0.08f, p.y + side * 0.45f), IM_COL32(200, 200, 200, 255),
                "Draw here with the mouse");
  if (ImGui::IsItemHovered())  // the brush outline, so its thickness is clear
    dl->AddCircle(m, st.brush / scale, IM_COL32(230, 159, 0, 255), 24, 1.5f);
}

// Every class's probability as a labelled bar, the most probable highlighted.
void draw_probabilities(const Snapshot& snap, const std::vector<float>& probs, float width) {
  if (probs.empty()) return;
  const int best = int(std::max_element(probs.begin(), probs.end()) - probs.begin());
  ImGui::PushFont(large_font());
  ImGui::Text("%s  %.0f%%", class_label(snap, best).c_str(), 100.0 * probs[best]);
  ImGui::PopFont();
  help_marker("The network's softmax output: how probable it thinks each class is. The bars add "
              "up to 100%. A confident network puts almost everything on one class.");
  const float font = ImGui::GetFontSize();
  float label_w = 0;
  for (int k = 0; k < int(probs.size()); ++k)
    label_w = std::max(label_w, ImGui::CalcTextSize(class_label(snap, k).c_str()).x);
  const float bar_w = std::max(font * 4, width - label_w - font * 4);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int k = 0; k < int(probs.size()); ++k) {
    ImGui::TextUnformatted(class_label(snap, k).c_str());
    ImGui::SameLine(label_w + font * 0.8f + ImGui::GetCursorStartPos().x);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    dl->AddRectFilled(p, ImVec2(p.x + bar_w, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg));
    dl->AddRectFilled(p, ImVec2(p.x + bar_w * std::clamp(probs[k], 0.0f, 1.0f), p.y + h),
                      k == best ? palette().class_u32(2) : palette().class_u32(0, 0.6f));
    ImGui::Dummy(ImVec2(bar_w, h));
    ImGui::SameLine();
    ImGui::Text("%4.1f%%", 100.0 * probs[k]);
  }
}

void draw_toolbar(DrawPadPanelState& st) {
  if (ImGui::Button("Clear")) {
    st.ink = Ink(st.ink.side);
    ++st.ink_version;
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::SliderFloat("Brush", &st.brush, 2.0f, 12.0f, "%.1f");
  ImGui::SameLine();
  if (ImGui::Checkbox("Centre like MNIST", &st.normalize)) ++st.ink_version;
  help_marker("MNIST digits were scaled to fit a 20x20 box and centred by their centre of mass "
              "in 28x28. Doing the same with your drawing lets the network recognise a digit "
              "drawn small or off-centre; turn it off to see how much that matters.");
}

}  // namespace

void draw_draw_pad_panel(AppState& s) {
  DrawPadPanelState& st = s.draw_pad;
  const Snapshot* snap = s.snap.get();
  const Inspector* insp = inspector_or_explain(s.inspector, snap);
  if (!insp) return;
  const Shape in = snap->spec.input;
  if (in.c != 1 || in.h != in.w || in.h < 8) {
    ImGui::TextWrapped("The draw pad needs square greyscale images (the network's input is %dx%dx%d).",
                       in.c, in.h, in.w);
    return;
  }
  draw_toolbar(st);
  const float font = ImGui::GetFontSize();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float side = std::clamp(std::min(avail.y * 0.55f, avail.x * 0.36f), font * 8, font * 24);
  ImGui::BeginGroup();
  draw_pad(st, side);
  ImGui::EndGroup();

  const uint64_t key = st.ink_version * 0x9e3779b97f4a7c15ULL ^ s.inspector.version();
  if (key != st.result_key) {
    st.seen = network_input(st, in);
    st.result = insp->run(st.seen.data());
    st.preview.begin(1, in.w, in.h, 4);
    for (int y = 0; y < in.h; ++y)
      for (int x = 0; x < in.w; ++x) st.preview.set(0, x, y, grey_u32(st.seen[y * in.w + x]));
    st.preview.upload();
    st.result_key = key;
  }
  update_feature_maps(st.maps, st.result, key);

  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextUnformatted("Network sees");
  help_marker("Your drawing at the network's resolution (28x28 pixels), after the MNIST-style "
              "fitting and centring. This, not the big pad, is what the network classifies.");
  const float prev = std::min(side * 0.5f, font * 9);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  st.preview.draw(ImGui::GetWindowDrawList(), 0, p, ImVec2(p.x + prev, p.y + prev));
  ImGui::GetWindowDrawList()->AddRect(p, ImVec2(p.x + prev, p.y + prev), ImGui::GetColorU32(ImGuiCol_Border));
  ImGui::Dummy(ImVec2(prev, prev));
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  if (st.ink.empty())
    ImGui::TextDisabled("Draw a %s to see what the network says.",
                        class_label(*snap, 0) == "0" ? "digit" : "picture");
  else
    draw_probabilities(*snap, st.result.probs, ImGui::GetContentRegionAvail().x);
  ImGui::EndGroup();

  ImGui::BeginChild("##draw_maps", ImVec2(0, 0));
  if (!st.ink.empty()) draw_feature_maps(st.maps, st.result, font * 5);
  ImGui::EndChild();
}

}  // namespace nnplay::gui
