// Samples view (see samples_panel.h).
#include "app/gui/panels/samples_panel.h"

#include <imgui.h>

#include <algorithm>
#include <functional>
#include <string>

#include "app/gui/app_state.h"
#include "app/gui/panels/image_common.h"
#include "app/gui/panels/image_confusion.h"
#include "app/gui/theme/palette.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

const ImVec4 kRight(0.0f, 0.62f, 0.45f, 1.0f), kWrong(0.84f, 0.37f, 0.0f, 1.0f);  // Okabe-Ito

uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * 0x100000001b3ULL; }

// Fills the page's tiles when the predictions, the filter or the page changed.
void update_gallery(SamplesPanelState& st, const Snapshot& snap, const Predictions& p, int per_page) {
  const std::vector<int> order = gallery_order(p, st.mistakes_first, st.true_class, st.predicted_class);
  const int pages = std::max(1, (int(order.size()) + per_page - 1) / per_page);
  st.page = std::clamp(st.page, 0, pages - 1);
  uint64_t key = 0xcbf29ce484222325ULL;
  for (uint64_t v : {uint64_t(p.params_version), uint64_t(uintptr_t(&p)), uint64_t(st.page), uint64_t(per_page),
                     uint64_t(st.mistakes_first), uint64_t(st.true_class + 1), uint64_t(st.predicted_class + 1)})
    key = mix(key, v);
  if (key == st.gallery_key) return;
  st.gallery_key = key;
  const int first = st.page * per_page;
  st.shown.assign(order.begin() + std::min<size_t>(first, order.size()),
                  order.begin() + std::min<size_t>(first + per_page, order.size()));
  const Shape in = snap.data->input;
  st.gallery.begin(std::max(1, int(st.shown.size())), in.w, in.h, 2);
  const DataSplit& split = snap.data->validation;
  for (int t = 0; t < int(st.shown.size()); ++t) {
    const std::vector<float> px = split_image(split, p.rows[st.shown[t]]);
    for (int y = 0; y < in.h; ++y)
      for (int x = 0; x < in.w; ++x) st.gallery.set(t, x, y, grey_u32(px[y * in.w + x]));  // channel 0
  }
  st.gallery.upload();
}

void top3_tooltip(const Snapshot& snap, const Predictions& p, int e) {
  ImGui::BeginTooltip();
  ImGui::Text("Validation image %d, true class: %s", p.rows[e], class_label(snap, p.truth[e]).c_str());
  ImGui::Separator();
  for (int j = 0; j < Predictions::kTop && p.top[e][j] >= 0; ++j) {
    const bool right = p.top[e][j] == p.truth[e];
    ImGui::TextColored(right ? kRight : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%d. %-12s %5.1f%%", j + 1,
                       class_label(snap, p.top[e][j]).c_str(), 100.0 * p.top_prob[e][j]);
  }
  ImGui::TextDisabled("Click to see its feature maps.");
  ImGui::EndTooltip();
}

void draw_gallery(AppState& s, const Snapshot& snap, const Predictions& p, ImVec2 size) {
  SamplesPanelState& st = s.samples;
  const float font = ImGui::GetFontSize(), gap = font * 0.5f;
  const float tile = std::clamp(size.x / 6 - gap, font * 3.5f, font * 6);
  const float line = ImGui::GetTextLineHeight();
  float label_w = 0;  // wide enough for "Ankle boot 99%", and no wider
  for (int k = 0; k < p.classes; ++k)
    label_w = std::max(label_w, ImGui::CalcTextSize((class_label(snap, k) + " 99%").c_str()).x);
  const float cell_w = std::max(tile, std::min(label_w, font * 8)) + gap, cell_h = tile + 2 * line + gap;
  const int cols = std::max(1, int(size.x / cell_w));
  const int rows = std::max(1, int((size.y - ImGui::GetFrameHeightWithSpacing()) / cell_h));
  const int per_page = std::min(cols * rows, 120);
  update_gallery(st, snap, p, per_page);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  for (int t = 0; t < int(st.shown.size()); ++t) {
    const int e = st.shown[t];
    const ImVec2 a(o.x + (t % cols) * cell_w, o.y + (t / cols) * cell_h);
    const ImVec2 b(a.x + tile, a.y + tile);
    st.gallery.draw(dl, t, a, b);
    const bool right = p.correct(e);
    dl->AddRect(a, b, ImGui::ColorConvertFloat4ToU32(right ? kRight : kWrong), 0, 0, right ? 1.0f : 3.0f);
    const std::string truth = "is " + class_label(snap, p.truth[e]);
    const std::string pred = class_label(snap, p.predicted(e)) + " " +
                             std::to_string(int(100 * p.top_prob[e][0] + 0.5f)) + "%";
    dl->PushClipRect(ImVec2(a.x, b.y), ImVec2(a.x + cell_w - gap * 0.5f, b.y + 2 * line), true);
    dl->AddText(ImVec2(a.x, b.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), truth.c_str());
    dl->AddText(ImVec2(a.x, b.y + line), ImGui::ColorConvertFloat4ToU32(right ? kRight : kWrong), pred.c_str());
    dl->PopClipRect();
    if (ImGui::IsMouseHoveringRect(a, ImVec2(a.x + cell_w, a.y + cell_h))) {
      top3_tooltip(snap, p, e);
      if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && ImGui::IsWindowHovered()) {
        s.feature_maps.row = p.rows[e];
        s.views.image = ImageView::FeatureMaps;
        s.views.force = true;
      }
    }
  }
  ImGui::Dummy(ImVec2(cols * cell_w, rows * cell_h));
  const int total = int(gallery_order(p, false, st.true_class, st.predicted_class).size());
  const int pages = std::max(1, (total + per_page - 1) / per_page);
  if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) st.page = std::max(0, st.page - 1);
  ImGui::SameLine();
  ImGui::Text("Page %d of %d (%d images)", st.page + 1, pages, total);
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Right)) st.page = std::min(pages - 1, st.page + 1);
}

void draw_header(SamplesPanelState& st, const Snapshot& snap, const Predictions& p) {
  int wrong = 0;
  for (int i = 0; i < p.size(); ++i) wrong += !p.correct(i);
  ImGui::Text("Validation: %.1f%% right, %d of %d wrong (step %ld)", 100.0 * p.accuracy(), wrong, p.size(),
              p.step);
  help_marker("Validation images are never trained on, so they show how the network does on "
              "images it has not seen. Recomputed every second or two while training. Under each "
              "image: its true class, then the network's guess and how sure it is.");
  ImGui::Checkbox("Mistakes first", &st.mistakes_first);
  help_marker("Show the misclassified images first, the most confidently wrong at the front: "
              "they show what the network has not understood yet (or labels that are wrong).");
  if (st.true_class >= 0) {
    ImGui::SameLine();
    ImGui::Text("| %s taken for %s", class_label(snap, st.true_class).c_str(),
                class_label(snap, st.predicted_class).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Show all")) st.true_class = st.predicted_class = -1;
  }
}

}  // namespace

void draw_samples_panel(AppState& s) {
  SamplesPanelState& st = s.samples;
  const Snapshot* snap = s.snap.get();
  if (!snap || !snap->data || snap->data->input.h == 1) {
    ImGui::TextWrapped("The samples view shows image data: open an image experiment.");
    return;
  }
  const auto pred = snap->predictions;  // keep it alive for the frame
  if (!pred || pred->size() == 0 || pred->classes != snap->num_classes) {
    ImGui::TextWrapped("Evaluating the validation images... (this needs a validation split)");
    return;
  }
  const Predictions& p = *pred;
  if (st.true_class >= p.classes || st.predicted_class >= p.classes) st.true_class = st.predicted_class = -1;
  draw_header(st, *snap, p);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float matrix = std::min(avail.x * 0.5f, avail.y - ImGui::GetTextLineHeightWithSpacing() * 4);
  ImGui::BeginChild("##gallery", ImVec2(avail.x - matrix - ImGui::GetFontSize(), avail.y));
  draw_gallery(s, *snap, p, ImGui::GetContentRegionAvail());
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextUnformatted("Confusion matrix");
  help_marker("Each row is a true class, each column the class the network predicted; the "
              "numbers count validation images. The diagonal is right; a bright cell off it is a "
              "pair of classes the network mixes up. Click a cell to see its images.");
  const int old_t = st.true_class, old_c = st.predicted_class;
  draw_confusion_matrix(*snap, p, matrix, &st.true_class, &st.predicted_class);
  if (old_t != st.true_class || old_c != st.predicted_class) st.page = 0;
  ImGui::EndGroup();
}

}  // namespace nnplay::gui
