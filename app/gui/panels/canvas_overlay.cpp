// What the data canvas draws over the decision boundary: grid lines and axes, the points, a
// legend of the split markers, the hover read-out, and banners.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/gui/fonts.h"
#include "app/gui/gfx/point_renderer.h"
#include "app/gui/panels/canvas_parts.h"
#include "app/gui/theme/palette.h"

namespace nnplay::gui::canvas {

namespace {

constexpr ImU32 kOutline = IM_COL32(25, 25, 30, 230);
constexpr ImU32 kBoxFill = IM_COL32(250, 250, 250, 225);
constexpr ImU32 kBoxText = IM_COL32(20, 20, 25, 255);

void format_tick(char* buf, size_t n, double v) { std::snprintf(buf, n, "%g", v); }

// A light box with dark text, readable over any boundary colour.
void text_box(ImDrawList* dl, ImVec2 pos, const std::string& text, ImU32 border) {
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const float pad = ImGui::GetFontSize() * 0.35f;
  dl->AddRectFilled(ImVec2(pos.x - pad, pos.y - pad),
                    ImVec2(pos.x + size.x + pad, pos.y + size.y + pad), kBoxFill, 4.0f);
  dl->AddRect(ImVec2(pos.x - pad, pos.y - pad), ImVec2(pos.x + size.x + pad, pos.y + size.y + pad),
              border, 4.0f, 0, 1.5f);
  dl->AddText(pos, kBoxText, text.c_str());
}

// Value of output k at world (x, y) from the nearest grid cell, or NaN outside the grid.
float grid_value(const DecisionGrid& g, double x, double y, int k) {
  const GridRequest& r = g.request;
  const int res = static_cast<int>(std::lround(std::sqrt(g.values.size() / double(g.outputs))));
  if (res <= 0 || x < r.x_min || x > r.x_max || y < r.y_min || y > r.y_max) return NAN;
  const int i = std::clamp(int((x - r.x_min) / (r.x_max - r.x_min) * res), 0, res - 1);
  const int j = std::clamp(int((y - r.y_min) / (r.y_max - r.y_min) * res), 0, res - 1);
  return g.values[(size_t(j) * res + i) * g.outputs + k];
}

std::string prediction_text(const Snapshot& snap, const DecisionGrid& g, Vec2d w, float threshold) {
  char buf[96];
  if (snap.task == Task::Regression) {
    const float v = grid_value(g, w.x, w.y, 0);
    if (std::isnan(v)) return {};
    std::snprintf(buf, sizeof buf, "network predicts %.3g", v);
  } else if (g.outputs <= 2) {
    const float p = grid_value(g, w.x, w.y, g.outputs - 1);
    if (std::isnan(p)) return {};
    std::snprintf(buf, sizeof buf, "network: class %d, P(class 1) = %.2f", p >= threshold ? 1 : 0, p);
  } else {
    int best = 0;
    float best_p = -1;
    for (int k = 0; k < g.outputs; ++k) {
      const float p = grid_value(g, w.x, w.y, k);
      if (std::isnan(p)) return {};
      if (p > best_p) best_p = p, best = k;
    }
    std::snprintf(buf, sizeof buf, "network: class %d (%.0f%% sure)", best, best_p * 100);
  }
  return buf;
}

MarkerShape marker_shape(SplitId split) {
  switch (split) {
    case SplitId::Train: return MarkerShape::Disc;
    case SplitId::Validation: return MarkerShape::Ring;
    case SplitId::Test: return MarkerShape::Square;
  }
  return MarkerShape::Disc;
}

// The same markers as shaders/points.frag draws, as ImGui shapes (legend; shader fallback).
void draw_marker(ImDrawList* dl, ImVec2 c, float r, ImU32 col, SplitId split) {
  switch (split) {
    case SplitId::Train:
      dl->AddCircleFilled(c, r, col);
      dl->AddCircle(c, r, kOutline, 0, 1.0f);
      break;
    case SplitId::Validation:  // ring: not trained on
      dl->AddCircle(c, r, kOutline, 0, 3.5f);
      dl->AddCircle(c, r, col, 0, 2.0f);
      break;
    case SplitId::Test: {  // hollow square: held out until the end
      const ImVec2 a(c.x - r, c.y - r), b(c.x + r, c.y + r);
      dl->AddRect(a, b, kOutline, 0, 0, 3.5f);
      dl->AddRect(a, b, col, 0, 0, 2.0f);
      break;
    }
  }
}

}  // namespace

ImU32 point_color(const PointSet& set, const Point& p, const ValueRange& range) {
  if (set.task == Task::Classification) return palette().class_u32(static_cast<int>(p.y));
  const double mid = 0.5 * (range.lo + range.hi), half = 0.5 * (range.hi - range.lo);
  return palette().diverging_u32(static_cast<float>((p.y - mid) / half));
}

void draw_grid_lines_and_axes(ImDrawList* dl, const Frame& f, const ViewTransform& v) {
  const WorldRect w = visible_world(v, f.rect);
  const ImU32 line = IM_COL32(0, 0, 0, 26), zero = IM_COL32(0, 0, 0, 70);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const float tick = ImGui::GetFontSize() * 0.3f;
  char buf[32];
  for (double t : nice_ticks(w.x_min, w.x_max, std::max(2, int(f.rect.w / 90)))) {
    const float x = f.to_screen(v, t, 0).x;
    dl->AddLine(ImVec2(x, f.min.y), ImVec2(x, f.max.y), t == 0 ? zero : line);
    dl->AddLine(ImVec2(x, f.max.y), ImVec2(x, f.max.y + tick), text);
    format_tick(buf, sizeof buf, t);
    const float tw = ImGui::CalcTextSize(buf).x;
    dl->AddText(ImVec2(x - tw * 0.5f, f.max.y + tick), text, buf);
  }
  for (double t : nice_ticks(w.y_min, w.y_max, std::max(2, int(f.rect.h / 70)))) {
    const float y = f.to_screen(v, 0, t).y;
    dl->AddLine(ImVec2(f.min.x, y), ImVec2(f.max.x, y), t == 0 ? zero : line);
    dl->AddLine(ImVec2(f.min.x - tick, y), ImVec2(f.min.x, y), text);
    format_tick(buf, sizeof buf, t);
    const ImVec2 ts = ImGui::CalcTextSize(buf);
    dl->AddText(ImVec2(f.min.x - tick - 3 - ts.x, y - ts.y * 0.5f), text, buf);
  }
  dl->AddRect(f.min, f.max, ImGui::GetColorU32(ImGuiCol_Border));
  const float pad = ImGui::GetFontSize() * 0.3f;
  const char* x1 = "x1 \xE2\x86\x92";  // →
  const ImVec2 s1 = ImGui::CalcTextSize(x1);
  dl->AddText(ImVec2(f.max.x - s1.x - pad, f.max.y - s1.y - pad), kBoxText, x1);
  dl->AddText(ImVec2(f.min.x + pad, f.min.y + pad), kBoxText, "x2 \xE2\x86\x91");  // ↑
}

void draw_points(ImDrawList* dl, const Frame& f, const ViewTransform& v, const PointSet& set,
                 bool show_test, PointRenderer* renderer) {
  const ValueRange range = value_range(set);
  const float r = f.point_radius;
  const bool sprites = renderer && renderer->ready();
  if (sprites) renderer->clear();
  for (const Point& p : set.points) {
    if (!show_test && p.split == SplitId::Test) continue;
    const ImVec2 c = f.to_screen(v, p.x1, p.x2);
    if (c.x < f.min.x - r || c.x > f.max.x + r || c.y < f.min.y - r || c.y > f.max.y + r) continue;
    if (sprites) renderer->add(c, point_color(set, p, range), marker_shape(p.split));
    else draw_marker(dl, c, r, point_color(set, p, range), p.split);
  }
  if (sprites) renderer->draw(dl, r, kOutline);
}

void draw_legend(ImDrawList* dl, const Frame& f, const PointSet& set, bool show_test) {
  const float fs = ImGui::GetFontSize(), pad = fs * 0.4f, r = f.point_radius;
  const ImU32 col = IM_COL32(110, 110, 110, 255);
  char text[3][48];
  std::snprintf(text[0], sizeof text[0], "train %d", count_split(set, SplitId::Train));
  std::snprintf(text[1], sizeof text[1], "validation %d", count_split(set, SplitId::Validation));
  std::snprintf(text[2], sizeof text[2], show_test ? "test %d" : "test %d (hidden)",
                count_split(set, SplitId::Test));
  float width = 0;
  for (const auto& t : text) width += ImGui::CalcTextSize(t).x + 2 * r + pad * 2.5f;
  const ImVec2 a(f.min.x + pad, f.max.y - fs - pad * 3), b(a.x + width + pad, f.max.y - pad);
  dl->AddRectFilled(a, b, kBoxFill, 4.0f);
  float x = a.x + pad;
  const SplitId ids[3] = {SplitId::Train, SplitId::Validation, SplitId::Test};
  for (int i = 0; i < 3; ++i) {
    draw_marker(dl, ImVec2(x + r, (a.y + b.y) * 0.5f), r, col, ids[i]);
    x += 2 * r + pad * 0.7f;
    dl->AddText(ImVec2(x, a.y + pad), kBoxText, text[i]);
    x += ImGui::CalcTextSize(text[i]).x + pad * 1.8f;
  }
}

void draw_hover_readout(ImDrawList* dl, const Frame& f, Vec2d world, const Snapshot* snap,
                        const DecisionGrid* grid, float threshold) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "x1 = %.2f   x2 = %.2f", world.x, world.y);
  std::string text = buf;
  if (snap && grid && grid->outputs > 0) {
    const std::string pred = prediction_text(*snap, *grid, world, threshold);
    if (!pred.empty()) text += "\n" + pred;
  }
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const float pad = ImGui::GetFontSize() * 0.5f;
  text_box(dl, ImVec2(f.max.x - size.x - pad, f.min.y + pad), text, IM_COL32(120, 120, 120, 255));
}

void draw_notice(ImDrawList* dl, const Frame& f, const char* text, ImU32 border) {
  const ImVec2 size = ImGui::CalcTextSize(text, nullptr, false, f.rect.w * 0.8f);
  const float pad = ImGui::GetFontSize() * 0.5f;
  const ImVec2 pos(f.min.x + (static_cast<float>(f.rect.w) - size.x) * 0.5f, f.min.y + pad * 4);
  dl->AddRectFilled(ImVec2(pos.x - pad, pos.y - pad), ImVec2(pos.x + size.x + pad, pos.y + size.y + pad),
                    kBoxFill, 4.0f);
  dl->AddRect(ImVec2(pos.x - pad, pos.y - pad), ImVec2(pos.x + size.x + pad, pos.y + size.y + pad),
              border, 4.0f, 0, 2.0f);
  dl->AddText(nullptr, 0.0f, pos, kBoxText, text, nullptr, f.rect.w * 0.8f);
}

bool draw_divergence_banner(const Frame& f, const Snapshot& snap) {
  const float fs = ImGui::GetFontSize();
  const ImVec2 pad(fs * 0.8f, fs * 0.6f);
  const float w = std::min(static_cast<float>(f.rect.w) - fs, fs * 26);
  const char* title = "Training diverged";
  const std::string text =
      snap.message.empty()
          ? "The loss blew up to infinity: the learning rate is probably too high. Lower it, "
            "roll back to the last good weights and play again."
          : snap.message + "\nIf the weights still look wrong, press Roll back.";
  ImFont* big = large_font();
  // Child windows in ImGui 1.86 cannot fit their height to the contents: measure it.
  const float title_h = big->FontSize;
  const float text_h = ImGui::CalcTextSize(text.c_str(), nullptr, false, w - 2 * pad.x).y;
  const float h = title_h + text_h + 2 * ImGui::GetStyle().ItemSpacing.y +
                  ImGui::GetFrameHeight() + 2 * pad.y;
  ImGui::SetCursorScreenPos(ImVec2(f.min.x + (static_cast<float>(f.rect.w) - w) * 0.5f,
                                   f.min.y + static_cast<float>(f.rect.h) * 0.25f));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(255, 244, 229, 248));
  ImGui::PushStyleColor(ImGuiCol_Border, palette().class_u32(3));
  ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 2.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, pad);
  bool rollback = false;
  if (ImGui::BeginChild("diverged", ImVec2(w, h), true, ImGuiWindowFlags_NoScrollbar)) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(150, 50, 0, 255));
    ImGui::PushFont(big);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::PushStyleColor(ImGuiCol_Text, kBoxText);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PushStyleColor(ImGuiCol_Button, palette().class_color(3));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    rollback = ImGui::Button("Roll back");
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("Restore the last weights that were still finite numbers.");
    }
  }
  ImGui::EndChild();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
  return rollback;
}

}  // namespace nnplay::gui::canvas
