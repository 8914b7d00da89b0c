// The backprop step-through's diagram: neurons as circles with a inside, z above and delta (or
// the bias) below; lines coloured by the weight's sign with w, dL/dw and the updated weight
// printed on them. The current step's layer is ringed.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/gui/fonts.h"
#include "app/gui/panels/backprop_parts.h"
#include "app/gui/theme/palette.h"

namespace nnplay::gui::backprop {

namespace {

constexpr int kMaxLabelledEdges = 16;  // per layer; more would cover each other

std::string num(double v, int decimals) {
  char buf[32];
  if (v != 0 && std::abs(v) < 0.5 * std::pow(10.0, -decimals)) std::snprintf(buf, sizeof buf, "%.1e", v);
  else std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

struct Geometry {
  std::vector<std::vector<ImVec2>> pos;  // [column][neuron]; column 0 = inputs
  std::vector<float> spacing;            // vertical distance between a column's neurons
  float r = 10;
  // Whether a column has room for z above and b/delta below each neuron, and a layer's lines
  // room for their labels; otherwise hovering a neuron shows its numbers.
  bool roomy(size_t col) const { return spacing[col] >= 2 * r + ImGui::GetFontSize() * 2.6f; }
};

Geometry layout(const BackpropTrace& t, ImVec2 p0, ImVec2 p1) {
  const float font = ImGui::GetFontSize();
  const int cols = int(t.layers.size()) + 1;
  const float left = font * 6.0f, right = font * 11.0f, top = font * 1.8f, bottom = font * 1.8f;
  const float w = std::max(1.0f, p1.x - p0.x - left - right), h = std::max(1.0f, p1.y - p0.y - top - bottom);
  Geometry g;
  size_t most = t.x.size();
  for (const auto& l : t.layers) most = std::max(most, size_t(l.units));
  const float col_gap = w / float(std::max(1, cols - 1)), row_gap = h / float(most);
  g.r = std::min(std::clamp(std::min(col_gap * 0.12f, row_gap * 0.22f), font * 0.9f, font * 1.8f), row_gap * 0.45f);
  // Smaller circles rather than hidden numbers, while the numbers still fit between them.
  const float r_fit = (row_gap - font * 2.6f) / 2;
  if (r_fit >= font * 0.8f) g.r = std::min(g.r, r_fit);
  for (int c = 0; c < cols; ++c) {
    const int n = c == 0 ? int(t.x.size()) : t.layers[size_t(c - 1)].units;
    std::vector<ImVec2> col;
    for (int k = 0; k < n; ++k)
      col.push_back({p0.x + left + col_gap * float(c), p0.y + top + h * (float(k) + 0.5f) / float(n)});
    g.pos.push_back(std::move(col));
    g.spacing.push_back(h / float(n));
  }
  return g;
}

// Text centred on `c` over a dark box so it stays legible on top of lines.
void label(ImDrawList* dl, ImVec2 c, const std::string& text, ImU32 color, bool box = true) {
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const ImVec2 a{c.x - size.x / 2, c.y - size.y / 2};
  if (box) dl->AddRectFilled({a.x - 3, a.y - 1}, {a.x + size.x + 3, a.y + size.y + 1}, IM_COL32(25, 27, 32, 225), 3);
  dl->AddText(a, color, text.c_str());
}

// Two texts in one box ("w 0.10" and its gradient), so an edge's label takes one line.
void label2(ImDrawList* dl, ImVec2 c, const std::string& a, ImU32 ca, const std::string& b, ImU32 cb) {
  const float space = ImGui::CalcTextSize(" ").x;
  const ImVec2 sa = ImGui::CalcTextSize(a.c_str()), sb = ImGui::CalcTextSize(b.c_str());
  const float w = sa.x + space + sb.x;
  const ImVec2 p{c.x - w / 2, c.y - sa.y / 2};
  dl->AddRectFilled({p.x - 3, p.y - 1}, {p.x + w + 3, p.y + sa.y + 1}, IM_COL32(25, 27, 32, 225), 3);
  dl->AddText(p, ca, a.c_str());
  dl->AddText({p.x + sa.x + space, p.y}, cb, b.c_str());
}

const ImU32 kText = IM_COL32(235, 235, 235, 255);
const ImU32 kDim = IM_COL32(170, 170, 170, 255);
ImU32 grad_color() { return palette().class_u32(1); }    // orange: everything backward
ImU32 update_color() { return palette().class_u32(2); }  // green: the new weights
ImU32 ring_color() { return palette().class_u32(6); }    // yellow: the current step

void draw_edges(ImDrawList* dl, const BackpropTrace& t, const Visible& v, const Geometry& g, double lr,
                int hovered_col, int hovered_unit) {
  for (size_t l = 0; l < t.layers.size(); ++l) {
    const LayerTrace& lt = t.layers[l];
    double wmax = 1e-9;
    for (double w : lt.weight) wmax = std::max(wmax, std::abs(w));
    const bool current = v.highlight == int(l);
    const bool labelled = lt.units * lt.inputs <= kMaxLabelledEdges && g.roomy(l) && g.roomy(l + 1);
    for (int j = 0; j < lt.units; ++j)
      for (int i = 0; i < lt.inputs; ++i) {
        const double w = lt.weight[size_t(j) * lt.inputs + i];
        const ImVec2 a = g.pos[l][size_t(i)], b = g.pos[l + 1][size_t(j)];
        const float alpha = current ? 1.0f : 0.55f;
        const float thick = (current ? 1.5f : 1.0f) * (1.0f + 3.0f * float(std::abs(w) / wmax));
        dl->AddLine({a.x + g.r, a.y}, {b.x - g.r, b.y}, palette().diverging_u32(w >= 0 ? 1.0f : -1.0f, alpha), thick);
        const bool hovered = hovered_col == int(l) + 1 && hovered_unit == j;
        if (!labelled && !hovered) continue;
        // Edges into different neurons get their labels at different distances, so crossing
        // lines do not put two labels on one spot.
        const float s = lt.units > 1 ? 0.3f + 0.35f * float(j) / float(lt.units - 1) : 0.5f;
        const ImVec2 c{a.x + (b.x - a.x) * s, a.y + (b.y - a.y) * s};
        const double gw = lt.grad_weight[size_t(j) * lt.inputs + i];
        if (int(l) < v.backward_from) label(dl, c, "w " + num(w, 2), kText);
        else if (v.update) label2(dl, c, "w " + num(w, 2), kText, "\xe2\x86\x92 " + num(w - lr * gw, 4), update_color());
        else label2(dl, c, "w " + num(w, 2), kText, "\xe2\x88\x82 " + num(gw, 4), grad_color());
      }
  }
}

void draw_neuron(ImDrawList* dl, ImVec2 c, float r, bool ring, const std::string& inside) {
  dl->AddCircleFilled(c, r, IM_COL32(48, 52, 60, 255));
  dl->AddCircle(c, r, ring ? ring_color() : IM_COL32(150, 155, 165, 255), 0, ring ? 4.0f : 1.5f);
  if (!inside.empty()) {
    ImFont* big = r > ImGui::GetFontSize() * 1.4f ? large_font() : ImGui::GetFont();
    const float size = big ? big->FontSize : ImGui::GetFontSize();
    const ImVec2 ext = (big ? big : ImGui::GetFont())->CalcTextSizeA(size, FLT_MAX, 0, inside.c_str());
    dl->AddText(big, size, {c.x - ext.x / 2, c.y - ext.y / 2}, kText, inside.c_str());
  }
}

void draw_neurons(ImDrawList* dl, const BackpropTrace& t, const Visible& v, const Geometry& g, double lr) {
  const float font = ImGui::GetFontSize();
  for (size_t i = 0; i < t.x.size(); ++i) {
    const ImVec2 c = g.pos[0][i];
    // Small circles cannot hold the value: it goes beside the input's name instead.
    const bool inside = g.r >= font * 1.3f;
    draw_neuron(dl, c, g.r, v.highlight == -1, inside ? num(t.x[i], 2) : "");
    const std::string name = "x" + std::to_string(i + 1) + (inside ? "" : " " + num(t.x[i], 2));
    const float w = ImGui::CalcTextSize(name.c_str()).x;
    label(dl, {c.x - g.r - font * 0.4f - w / 2, c.y}, name, inside ? kDim : kText, false);
  }
  for (size_t l = 0; l < t.layers.size(); ++l) {
    const LayerTrace& lt = t.layers[l];
    const bool fwd = int(l) <= v.forward_through, back = int(l) >= v.backward_from;
    for (int j = 0; j < lt.units; ++j) {
      const ImVec2 c = g.pos[l + 1][size_t(j)];
      const bool roomy = g.roomy(l + 1);
      draw_neuron(dl, c, g.r, v.highlight == int(l), fwd && roomy ? num(lt.a[size_t(j)], 3) : "");
      if (!roomy) continue;
      if (fwd) label(dl, {c.x, c.y - g.r - font * 0.75f}, "z " + num(lt.z[size_t(j)], 3), kText);
      const ImVec2 below{c.x, c.y + g.r + font * 0.75f};
      if (back && v.update)
        label(dl, below, "b \xe2\x86\x92 " + num(lt.bias[size_t(j)] - lr * lt.delta[size_t(j)], 4), update_color());
      else if (back)
        label(dl, below, "\xce\xb4 " + num(lt.delta[size_t(j)], 4), grad_color());
      else
        label(dl, below, "b " + num(lt.bias[size_t(j)], 2), kDim);
    }
  }
}

// Target and loss to the right of the output layer.
void draw_loss_box(ImDrawList* dl, const BackpropTrace& t, const Visible& v, const Geometry& g, const Loss& loss) {
  const float font = ImGui::GetFontSize();
  const auto& out = g.pos.back();
  const ImVec2 c{out.front().x + g.r + font * 4.8f, (out.front().y + out.back().y) / 2};
  const ImVec2 a{c.x - font * 3.6f, c.y - font * 1.7f}, b{c.x + font * 3.6f, c.y + font * 1.7f};
  const bool ring = v.highlight == int(t.layers.size());
  dl->AddRectFilled(a, b, IM_COL32(48, 52, 60, 255), 6);
  dl->AddRect(a, b, ring ? ring_color() : IM_COL32(150, 155, 165, 255), 6, 0, ring ? 4.0f : 1.5f);
  for (const ImVec2& o : out) dl->AddLine({o.x + g.r, o.y}, {a.x, c.y}, IM_COL32(150, 155, 165, 160), 1.5f);
  const std::string target = loss.kind == LossKind::Mse ? "t = " + num(t.target, 3)
                                                          : "class t = " + std::to_string(int(t.target));
  label(dl, {c.x, c.y - font * 0.7f}, target, kText, false);
  label(dl, {c.x, c.y + font * 0.7f}, v.loss ? "L = " + num(t.loss, 4) : "L = ?", v.loss ? kText : kDim, false);
}

}  // namespace

void draw_diagram(const BackpropTrace& t, const Visible& v, const Loss& loss, double lr, ImVec2 p0, ImVec2 p1) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Geometry g = layout(t, p0, p1);
  // The neuron under the mouse: its incoming weights are labelled even in a larger layer.
  int hc = -1, hu = -1;
  const ImVec2 m = ImGui::GetIO().MousePos;
  for (size_t c = 0; c < g.pos.size(); ++c)
    for (size_t k = 0; k < g.pos[c].size(); ++k) {
      const float dx = m.x - g.pos[c][k].x, dy = m.y - g.pos[c][k].y;
      if (dx * dx + dy * dy <= g.r * g.r) hc = int(c), hu = int(k);
    }
  dl->PushClipRect(p0, p1, true);
  draw_edges(dl, t, v, g, lr, hc, hu);
  draw_neurons(dl, t, v, g, lr);
  draw_loss_box(dl, t, v, g, loss);
  dl->PopClipRect();
  if (hc > 0 && ImGui::IsWindowHovered()) {
    const LayerTrace& lt = t.layers[size_t(hc - 1)];
    const size_t j = size_t(hu);
    ImGui::BeginTooltip();
    ImGui::Text("layer %d, neuron %d (%s)", hc, hu + 1, lt.activation.name().c_str());
    ImGui::Text("z = %.6f   a = %.6f   b = %.6f", lt.z[j], lt.a[j], lt.bias[j]);
    if (t.fused_output && hc == int(t.layers.size()))
      ImGui::Text("\xce\xb4 = dL/dz = p \xe2\x88\x92 t = %.6f", lt.delta[j]);
    else
      ImGui::Text("dL/da = %.6f   \xce\xb4 = dL/dz = %.6f", lt.da[j], lt.delta[j]);
    ImGui::EndTooltip();
  }
}

}  // namespace nnplay::gui::backprop
