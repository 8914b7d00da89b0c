#include "app/gui/panels/image_confusion.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/gui/panels/image_common.h"
#include "app/gui/plot/colormap.h"

namespace nnplay::gui {

void draw_confusion_matrix(const Snapshot& snap, const Predictions& p, float size, int* true_class,
                           int* predicted_class) {
  const int k = p.classes;
  if (k <= 0) return;
  const float font = ImGui::GetFontSize();
  float label_w = 0;
  for (int c = 0; c < k; ++c) label_w = std::max(label_w, ImGui::CalcTextSize(class_label(snap, c).c_str()).x);
  label_w += font * 0.5f;
  const float head_h = ImGui::GetTextLineHeightWithSpacing();
  const float cell = std::max(font * 1.2f, (size - label_w) / k);
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const ImVec2 grid(o.x + label_w, o.y + head_h);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  std::vector<int> row_total(k, 0);
  for (int t = 0; t < k; ++t)
    for (int c = 0; c < k; ++c) row_total[t] += p.count(t, c);
  int hover_t = -1, hover_c = -1;
  for (int t = 0; t < k; ++t) {
    const std::string name = class_label(snap, t);
    dl->AddText(ImVec2(grid.x - label_w, grid.y + t * cell + (cell - font) * 0.5f), text, name.c_str());
    for (int c = 0; c < k; ++c) {
      const ImVec2 a(grid.x + c * cell, grid.y + t * cell), b(a.x + cell - 1, a.y + cell - 1);
      const int n = p.count(t, c);
      const float share = row_total[t] > 0 ? float(n) / row_total[t] : 0.0f;
      // sqrt lifts the small off-diagonal shares, which are the interesting ones.
      const float tone = std::sqrt(share);
      dl->AddRectFilled(a, b, colormap_u32(Colormap::Viridis, tone));
      if (cell >= font * 1.6f && n > 0) {
        const std::string s = std::to_string(n);
        const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
        dl->AddText(ImVec2(a.x + (cell - ts.x) * 0.5f, a.y + (cell - ts.y) * 0.5f),
                    tone > 0.6f ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255), s.c_str());
      }
      if (t == *true_class && c == *predicted_class) dl->AddRect(a, b, IM_COL32(255, 80, 80, 255), 0, 0, 3.0f);
      if (ImGui::IsMouseHoveringRect(a, b)) hover_t = t, hover_c = c;
    }
  }
  for (int c = 0; c < k && cell >= font * 0.7f; ++c) {  // column heads: numbers; names are on the rows
    const std::string s = std::to_string(c);
    const float w = ImGui::CalcTextSize(s.c_str()).x;
    dl->AddText(ImVec2(grid.x + c * cell + (cell - w) * 0.5f, o.y), text, s.c_str());
  }
  ImGui::InvisibleButton("##confusion", ImVec2(label_w + k * cell, head_h + k * cell));
  if (hover_t >= 0) {
    const int n = p.count(hover_t, hover_c);
    ImGui::BeginTooltip();
    if (hover_t == hover_c)
      ImGui::Text("%d of %d %s images recognised correctly (%.0f%%)", n, row_total[hover_t],
                  class_label(snap, hover_t).c_str(), row_total[hover_t] ? 100.0 * n / row_total[hover_t] : 0.0);
    else
      ImGui::Text("%d %s images taken for %s (%.0f%% of them)", n, class_label(snap, hover_t).c_str(),
                  class_label(snap, hover_c).c_str(), row_total[hover_t] ? 100.0 * n / row_total[hover_t] : 0.0);
    ImGui::TextDisabled("Click to show these images in the gallery.");
    ImGui::EndTooltip();
    if (ImGui::IsItemClicked()) {
      const bool same = *true_class == hover_t && *predicted_class == hover_c;
      *true_class = same ? -1 : hover_t;
      *predicted_class = same ? -1 : hover_c;
    }
  }
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(size, font * 8));
  ImGui::TextDisabled("Rows: true class. Columns: predicted class (its number).");
  ImGui::PopTextWrapPos();
}

}  // namespace nnplay::gui
