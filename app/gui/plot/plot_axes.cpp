// Frame layout, grid, tick and axis labels, colour bar, legend and hover tooltip of a Plot.
#include "app/gui/plot/plot_axes.h"

#include <algorithm>
#include <cmath>

namespace nnplay::gui::plot_detail {

namespace {

ImU32 text_color(float alpha = 1.0f) { return ImGui::GetColorU32(ImGuiCol_Text, alpha); }
float text_width(const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; }

// Text reading bottom to top, centred on `center` (ImGui 1.86 has no rotated text: the glyph
// quads are emitted horizontally, then their vertices are turned a quarter turn).
void add_text_vertical(ImDrawList* dl, ImVec2 center, ImU32 col, const std::string& text) {
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  // Glyphs left of the clip rect are culled before we could rotate them, so they are emitted
  // at the screen's left edge, then turned about their centre and moved into place.
  const ImVec2 at{size.x / 2 + 1, center.y};
  dl->PushClipRectFullScreen();
  const int start = dl->VtxBuffer.Size;
  dl->AddText({at.x - size.x / 2, at.y - size.y / 2}, col, text.c_str());
  for (int i = start; i < dl->VtxBuffer.Size; ++i) {
    ImVec2& p = dl->VtxBuffer[i].pos;
    const float dx = p.x - at.x, dy = p.y - at.y;
    p = {center.x + dy, center.y - dx};
  }
  dl->PopClipRect();
}

// Ticks within [lo, hi] of the y range (a ridgeline's head room above the oldest slice is not
// time that happened, so it gets no ticks).
void y_ticks(const Transform& t, float height, float font, double lo, double hi, ValueFormat format,
             AxesLayout& a) {
  const int max_ticks = std::max(2, static_cast<int>(height / (font * 2.0f)));
  double step = 1;
  a.y_ticks = t.log_y ? log_ticks(t.y.lo, t.y.hi, max_ticks) : linear_ticks(t.y.lo, t.y.hi, max_ticks, &step);
  std::erase_if(a.y_ticks, [&](const Tick& k) { return k.value < lo - 1e-9 * std::abs(lo) || k.value > hi + 1e-9 * std::abs(hi); });
  for (const Tick& k : a.y_ticks)
    a.y_labels.push_back(!k.major  ? ""
                         : format ? format(k.value)
                         : t.log_y ? format_log_tick(k.value)
                                   : format_tick(k.value, step));
}

// Labels spaced at least a font width apart; thins them out (or asks for fewer ticks) if not.
bool labels_fit(const Transform& t, const AxesLayout& a, float font) {
  float prev_right = -INFINITY;
  for (size_t i = 0; i < a.x_ticks.size(); ++i) {
    if (a.x_labels[i].empty()) continue;
    const float w = text_width(a.x_labels[i]), x = t.px(a.x_ticks[i].value);
    if (x - w / 2 < prev_right + font * 0.8f) return false;
    prev_right = x + w / 2;
  }
  return true;
}

void category_ticks(const Transform& t, const std::vector<std::string>& names, float font, AxesLayout& a) {
  for (long i = std::max(0L, static_cast<long>(std::ceil(t.x.lo)));
       i < static_cast<long>(names.size()) && i <= t.x.hi; ++i) {
    a.x_ticks.push_back({static_cast<double>(i), true});
    a.x_labels.push_back(names[i]);
  }
  for (size_t every = 2; !labels_fit(t, a, font) && every < a.x_ticks.size(); ++every)
    for (size_t i = 0; i < a.x_labels.size(); ++i) a.x_labels[i] = i % every ? "" : names[static_cast<size_t>(a.x_ticks[i].value)];
}

void x_ticks(const Transform& t, const PlotText& text, float width, float font, AxesLayout& a) {
  if (!text.categories.empty()) return category_ticks(t, text.categories, font, a);
  int max_ticks = std::max(2, static_cast<int>(width / (font * 3.2f)));
  for (int attempt = 0; attempt < 5; ++attempt, max_ticks = std::max(2, max_ticks * 2 / 3)) {
    a.x_ticks.clear(), a.x_labels.clear();
    double step = 1;
    if (t.log_x) {
      a.x_ticks = log_ticks(t.x.lo, t.x.hi, max_ticks);
    } else {
      a.x_ticks = linear_ticks(t.x.lo, t.x.hi, max_ticks, &step);
      if ((text.flags & AxisFlags::IntegerX) && step < 1) {  // steps and layers come in whole numbers
        a.x_ticks.clear(), step = 1;
        for (double v = std::ceil(t.x.lo); v <= t.x.hi && a.x_ticks.size() < 1000; v += 1)
          a.x_ticks.push_back({v, true});
      }
    }
    for (const Tick& k : a.x_ticks)
      a.x_labels.push_back(!k.major        ? ""
                           : text.x_format ? text.x_format(k.value)
                           : t.log_x       ? format_log_tick(k.value)
                                           : format_tick(k.value, step));
    if (labels_fit(t, a, font)) return;
  }
}

std::string format_x(double x, unsigned flags) {
  if ((flags & AxisFlags::IntegerX) || (x == std::round(x) && std::abs(x) < 1e15))
    return format_count(std::llround(x));
  return format_value(x, 4);
}

}  // namespace

AxesLayout layout_axes(Frame& f, ImVec2 frame_min, ImVec2 frame_max, const PlotText& text,
                       const std::vector<Item>& items) {
  AxesLayout a;
  a.frame_min = frame_min, a.frame_max = frame_max;
  const float font = f.font, pad = std::round(font * 0.35f);
  const float top = frame_min.y + pad + font * 0.5f + (text.title.empty() ? 0 : font + pad) +
                    legend_row_height(items, text, font, frame_max.x - frame_min.x);
  const float bottom = frame_max.y - pad - (font + pad) - (text.x_label.empty() ? 0 : font + pad);
  f.t.min.y = top, f.t.max.y = std::max(top + 8, bottom);
  double tick_lo = -INFINITY, tick_hi = INFINITY;
  for (const Item& item : items)
    if (const auto* r = std::get_if<RidgeItem>(&item); r && r->n) {
      const auto [mn, mx] = std::minmax_element(r->slices, r->slices + r->n,
                                                [](auto& p, auto& q) { return p.time < q.time; });
      tick_lo = mn->time, tick_hi = mx->time;
    }
  y_ticks(f.t, f.t.max.y - f.t.min.y, font, tick_lo, tick_hi, text.y_format, a);
  float label_w = 0;
  for (const std::string& s : a.y_labels) label_w = std::max(label_w, text_width(s));
  const float left = frame_min.x + pad + (text.y_label.empty() ? 0 : font + pad) + label_w + pad;
  float right = frame_max.x - pad - font;  // room for half of the last x label
  for (const Item& item : items) {
    const auto* h = std::get_if<HeatmapItem>(&item);
    if (!h || !h->spec.colorbar) continue;
    const float labels = std::max(text_width(format_value(h->v_lo)), text_width(format_value(h->v_hi))) + font;
    a.colorbar = h;
    a.colorbar_max = {frame_max.x - pad - labels, f.t.max.y};
    a.colorbar_min = {a.colorbar_max.x - font * 0.9f, f.t.min.y};
    right = a.colorbar_min.x - pad * 2;
    break;
  }
  f.t.min.x = left, f.t.max.x = std::max(left + 8, right);
  x_ticks(f.t, text, f.t.max.x - f.t.min.x, font, a);
  return a;
}

void draw_axes_back(Frame& f, const AxesLayout& a, const PlotText& text) {
  const Transform& t = f.t;
  f.dl->AddRectFilled(t.min, t.max, ImGui::GetColorU32(ImGuiCol_FrameBg, 0.55f));
  if (text.flags & AxisFlags::NoGrid) return;
  for (const Tick& k : a.x_ticks) {
    const float x = std::round(t.px(k.value)) + 0.5f;
    f.dl->AddLine({x, t.min.y}, {x, t.max.y}, text_color(k.major ? 0.13f : 0.05f));
  }
  for (const Tick& k : a.y_ticks) {
    const float y = std::round(t.py(k.value)) + 0.5f;
    f.dl->AddLine({t.min.x, y}, {t.max.x, y}, text_color(k.major ? 0.13f : 0.05f));
  }
}

void draw_axes_front(Frame& f, const AxesLayout& a, const PlotText& text) {
  const Transform& t = f.t;
  const float font = f.font, pad = std::round(font * 0.35f);
  f.dl->AddRect(t.min, t.max, text_color(0.35f));
  for (size_t i = 0; i < a.y_ticks.size(); ++i) {
    if (a.y_labels[i].empty()) continue;
    const float y = t.py(a.y_ticks[i].value), w = text_width(a.y_labels[i]);
    f.dl->AddText({t.min.x - pad - w, y - font / 2}, text_color(0.85f), a.y_labels[i].c_str());
  }
  for (size_t i = 0; i < a.x_ticks.size(); ++i) {
    if (a.x_labels[i].empty()) continue;
    const float w = text_width(a.x_labels[i]);
    const float x = std::clamp(t.px(a.x_ticks[i].value) - w / 2, a.frame_min.x, a.frame_max.x - w);
    f.dl->AddText({x, t.max.y + pad}, text_color(0.85f), a.x_labels[i].c_str());
  }
  if (!text.x_label.empty()) {
    const float w = text_width(text.x_label);
    f.dl->AddText({(t.min.x + t.max.x - w) / 2, t.max.y + pad * 2 + font}, text_color(), text.x_label.c_str());
  }
  if (!text.y_label.empty())
    add_text_vertical(f.dl, {a.frame_min.x + pad + font / 2, (t.min.y + t.max.y) / 2}, text_color(), text.y_label);
  if (!text.title.empty())
    f.dl->AddText({t.min.x, a.frame_min.y + pad}, text_color(), text.title.c_str());
  if (a.colorbar)
    draw_colorbar(f.dl, a.colorbar_min, a.colorbar_max, a.colorbar->spec.map, a.colorbar->v_lo, a.colorbar->v_hi);
}

void draw_placeholder(Frame& f, const std::string& text) {
  const float wrap = std::max(f.font * 4, f.t.max.x - f.t.min.x - f.font * 2);
  const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
  const ImVec2 pos{(f.t.min.x + f.t.max.x - size.x) / 2, (f.t.min.y + f.t.max.y - size.y) / 2};
  f.dl->AddText(ImGui::GetFont(), f.font, pos, ImGui::GetColorU32(ImGuiCol_TextDisabled), text.c_str(),
                nullptr, wrap);
}

namespace {

std::vector<const Item*> legend_entries(const std::vector<Item>& items) {
  // A heatmap explains itself through its colour bar, a reference line through its own label.
  std::vector<const Item*> shown;
  for (const Item& item : items)
    if (!label_of(item).empty() && !std::holds_alternative<HeatmapItem>(item) &&
        !std::holds_alternative<RefLineItem>(item))
      shown.push_back(&item);
  return shown;
}

// Swatch and label with the swatch's left end at x, centred on y; returns the entry's width.
float legend_entry(Frame& f, const Item& item, float x, float y) {
  const float font = f.font, swatch = font * 1.6f, pad = std::round(font * 0.4f);
  if (std::holds_alternative<LineItem>(item) || std::holds_alternative<RefLineItem>(item)) {
    const float th = std::holds_alternative<LineItem>(item) ? f.thickness : std::max(1.0f, f.thickness * 0.6f);
    stroke(f.dl, {{x, y}, {x + swatch, y}}, color_of(item), th, dashed_of(item));
  } else {
    f.dl->AddRectFilled({x, y - font * 0.35f}, {x + swatch, y + font * 0.35f}, color_of(item));
  }
  f.dl->AddText({x + swatch + pad, y - font / 2}, text_color(), label_of(item).c_str());
  return swatch + pad + text_width(label_of(item));
}

float entry_width(const Item& item, float font) {
  return font * 1.6f + std::round(font * 0.4f) + text_width(label_of(item));
}

// Entries split into rows no wider than `width`: rows[i] is the index of row i's first entry.
std::vector<size_t> legend_rows(const std::vector<const Item*>& shown, float width, float font) {
  std::vector<size_t> rows;
  float x = INFINITY;
  for (size_t i = 0; i < shown.size(); ++i) {
    const float w = entry_width(*shown[i], font);
    if (x + font * 1.2f + w > width) rows.push_back(i), x = w; else x += font * 1.2f + w;
  }
  return rows;
}

}  // namespace

float legend_row_height(const std::vector<Item>& items, const PlotText& text, float font,
                        float frame_width) {
  if (!(text.flags & AxisFlags::LegendAbove) || (text.flags & AxisFlags::NoLegend)) return 0;
  const size_t rows = legend_rows(legend_entries(items), frame_width, font).size();
  return rows * (font + std::round(font * 0.35f));
}

namespace {

// Centred rows above the data area (AxisFlags::LegendAbove): never hides data on small plots.
void draw_legend_rows(Frame& f, const std::vector<const Item*>& shown, ImVec2 frame_min, ImVec2 frame_max) {
  const float font = f.font, gap = font * 1.2f, row_h = font + std::round(font * 0.35f);
  const std::vector<size_t> rows = legend_rows(shown, frame_max.x - frame_min.x, font);
  for (size_t r = 0; r < rows.size(); ++r) {
    const size_t end = r + 1 < rows.size() ? rows[r + 1] : shown.size();
    float width = -gap;
    for (size_t i = rows[r]; i < end; ++i) width += entry_width(*shown[i], font) + gap;
    float x = (frame_min.x + frame_max.x - width) / 2;
    const float y = f.t.min.y - (rows.size() - r) * row_h + font / 2 - std::round(font * 0.15f);
    for (size_t i = rows[r]; i < end; ++i) x += legend_entry(f, *shown[i], x, y) + gap;
  }
}

}  // namespace

void draw_legend(Frame& f, const std::vector<Item>& items, const PlotText& text, bool has_data,
                 ImVec2 frame_min, ImVec2 frame_max) {
  if (text.flags & AxisFlags::NoLegend) return;
  const std::vector<const Item*> shown = legend_entries(items);
  if (shown.empty()) return;
  if (text.flags & AxisFlags::LegendAbove) {
    draw_legend_rows(f, shown, frame_min, frame_max);
    return;
  }
  if (!has_data) return;
  const float font = f.font, pad = std::round(font * 0.4f), swatch = font * 1.6f, row = font + pad * 0.5f;
  float label_w = 0;
  for (const Item* item : shown) label_w = std::max(label_w, text_width(label_of(*item)));
  const ImVec2 size{pad * 3 + swatch + label_w, pad * 2 + row * shown.size() - pad * 0.5f};
  const Transform& t = f.t;
  // Candidate corners, in order of preference; the one covering the fewest drawn points wins.
  const ImVec2 corners[4] = {{t.max.x - pad - size.x, t.min.y + pad}, {t.min.x + pad, t.min.y + pad},
                             {t.max.x - pad - size.x, t.max.y - pad - size.y}, {t.min.x + pad, t.max.y - pad - size.y}};
  ImVec2 best = corners[0];
  size_t best_count = SIZE_MAX;
  for (const ImVec2& c : corners) {
    size_t count = 0;
    for (const ImVec2& p : f.drawn)
      count += p.x >= c.x - pad && p.x <= c.x + size.x + pad && p.y >= c.y - pad && p.y <= c.y + size.y + pad;
    if (count < best_count) best_count = count, best = c;
  }
  f.dl->AddRectFilled(best, {best.x + size.x, best.y + size.y}, ImGui::GetColorU32(ImGuiCol_WindowBg, 0.88f), pad * 0.5f);
  f.dl->AddRect(best, {best.x + size.x, best.y + size.y}, text_color(0.25f), pad * 0.5f);
  for (size_t i = 0; i < shown.size(); ++i)
    legend_entry(f, *shown[i], best.x + pad, best.y + pad + row * i + font / 2);
}

double draw_hover(Frame& f, const std::vector<Item>& items, const PlotText& text) {
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  double x = NAN;
  float best = INFINITY;
  for (const Item& item : items) {
    const double sx = snap_x(item, f.t, mouse.x);
    if (std::isfinite(sx) && std::abs(f.t.px(sx) - mouse.x) < best) best = std::abs(f.t.px(sx) - mouse.x), x = sx;
  }
  if (std::isfinite(x)) {
    const float px = f.t.px(x);
    f.dl->AddLine({px, f.t.min.y}, {px, f.t.max.y}, text_color(0.4f), 1.0f);
  }
  std::vector<HoverRow> rows;
  f.dl->PushClipRect(f.t.min, f.t.max, true);
  for (const Item& item : items) hover_rows(item, f, x, mouse, rows);
  f.dl->PopClipRect();
  const double shown_x = std::isfinite(x) ? x : f.t.data_x(mouse.x);
  if (rows.empty()) return shown_x;
  std::string header;
  const long cat = std::lround(shown_x);
  if (!text.categories.empty() && cat >= 0 && cat < static_cast<long>(text.categories.size()))
    header = text.categories[cat];
  else
    header = (text.x_label.empty() ? "x" : text.x_label) + " " +
             (text.x_format ? text.x_format(shown_x) : format_x(shown_x, text.flags));
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(header.c_str());
  ImGui::Separator();
  for (const HoverRow& r : rows) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float s = ImGui::GetFontSize();
    ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + s * 0.2f}, {p.x + s * 0.6f, p.y + s * 0.8f}, r.color);
    ImGui::Dummy({s * 0.6f, s});
    ImGui::SameLine();
    ImGui::Text("%s  %s", r.label.c_str(), r.value.c_str());
  }
  ImGui::EndTooltip();
  return shown_x;
}

}  // namespace nnplay::gui::plot_detail
