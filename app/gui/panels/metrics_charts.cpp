#include "app/gui/panels/metrics_charts.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/gui/fonts.h"
#include "app/gui/plot/plot.h"
#include "app/gui/theme/palette.h"

namespace nnplay::gui {

namespace {

const char* binary_cell_name(int truth, int predicted) {
  static const char* names[2][2] = {{"TN", "FP"}, {"FN", "TP"}};
  return names[truth][predicted];
}

void centered_text(ImDrawList* dl, ImFont* font, float size, ImVec2 centre, ImU32 colour,
                   const char* text) {
  const ImVec2 t = font->CalcTextSizeA(size, 1e9f, 0, text);
  dl->AddText(font, size, ImVec2(centre.x - t.x / 2, centre.y - t.y / 2), colour, text);
}

}  // namespace

void draw_confusion_matrix(const ClassificationMetrics& m, float side) {
  const int k = m.classes;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float label_w = ImGui::CalcTextSize("true 0 ").x + ImGui::GetStyle().ItemSpacing.x;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  ImGui::TextDisabled("predicted class");
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float grid = std::max(40.0f, side - label_w);
  const float cell = grid / float(k);
  const ImVec2 top_left(origin.x + label_w, origin.y + line);
  ImFont* big = large_font() ? large_font() : ImGui::GetFont();
  const float big_size = std::min(big->FontSize, cell * 0.4f);
  for (int c = 0; c < k; ++c) {
    char head[16];
    std::snprintf(head, sizeof head, "%d", c);
    centered_text(dl, ImGui::GetFont(), ImGui::GetFontSize(),
                  ImVec2(top_left.x + (c + 0.5f) * cell, origin.y + line / 2),
                  ImGui::GetColorU32(ImGuiCol_Text), head);
  }
  for (int t = 0; t < k; ++t) {
    int row_total = 0;
    for (int p = 0; p < k; ++p) row_total += m.at(t, p);
    char head[16];
    std::snprintf(head, sizeof head, "true %d", t);
    dl->AddText(ImVec2(origin.x, top_left.y + (t + 0.5f) * cell - ImGui::GetFontSize() / 2),
                ImGui::GetColorU32(ImGuiCol_Text), head);
    for (int p = 0; p < k; ++p) {
      const int n = m.at(t, p);
      const float share = row_total > 0 ? float(n) / float(row_total) : 0.0f;
      const ImVec2 a(top_left.x + p * cell, top_left.y + t * cell);
      const ImVec2 b(a.x + cell - 2, a.y + cell - 2);
      // Correct cells shade towards orange, mistakes towards blue: the diagonal reads at a glance.
      const float tint = (t == p ? 1.0f : -1.0f) * (0.15f + 0.85f * share);
      dl->AddRectFilled(a, b, palette().diverging_u32(tint), 4.0f);
      const ImU32 ink = share > 0.45f ? IM_COL32(255, 255, 255, 255) : IM_COL32(20, 20, 20, 255);
      char num[16];
      std::snprintf(num, sizeof num, "%d", n);
      const ImVec2 centre((a.x + b.x) / 2, (a.y + b.y) / 2);
      centered_text(dl, big, big_size, centre, ink, num);
      if (k == 2)
        centered_text(dl, ImGui::GetFont(), ImGui::GetFontSize(),
                      ImVec2(centre.x, centre.y + big_size * 0.5f + ImGui::GetFontSize() * 0.7f), ink,
                      binary_cell_name(t, p));
    }
  }
  ImGui::Dummy(ImVec2(label_w + grid, grid));
}

void draw_roc_curve(const RocCurve& roc, double fpr, double tpr, ImVec2 size) {
  char title[64];
  std::snprintf(title, sizeof title, "AUC = %.3f", roc.auc);
  static const double diag[2] = {0, 1};
  Plot p("##roc", size);
  p.set_title(title);
  p.setup_axes("false-positive rate", "true-positive rate", AxisFlags::NoLegend);
  p.set_x_limits(0, 1);
  p.set_y_limits(0, 1);
  p.line("chance", diag, diag, 2, {.color = ImGui::GetColorU32(ImGuiCol_TextDisabled), .dashed = true});
  if (!roc.fpr.empty())
    p.line("ROC", roc.fpr.data(), roc.tpr.data(), roc.fpr.size(), {.color = palette().class_u32(1)});
  p.end();
  const ImVec2 lo = p.area_min(), hi = p.area_max();
  const ImVec2 dot(lo.x + float(fpr) * (hi.x - lo.x), hi.y - float(tpr) * (hi.y - lo.y));
  const float r = ImGui::GetFontSize() * 0.4f;
  ImGui::GetWindowDrawList()->AddCircleFilled(dot, r, palette().class_u32(0));
  ImGui::GetWindowDrawList()->AddCircle(dot, r, ImGui::GetColorU32(ImGuiCol_Text), 0, 2.0f);
}

}  // namespace nnplay::gui
