// Drawing, fitting and hover read-outs of each plot item kind: lines (decimated to about two
// points per pixel column), bars, heatmaps, ridgelines (histograms over time), reference lines.
#include <algorithm>
#include <cmath>

#include "app/gui/plot/plot_items.h"

namespace nnplay::gui::plot_detail {

namespace {

// Screen-space dash pattern in units of the line thickness.
constexpr float kDashOn = 4.0f, kDashOff = 2.5f;

void draw_line(const LineItem& it, Frame& f) {
  const Transform& t = f.t;
  const int columns = std::max(1, static_cast<int>(t.max.x - t.min.x));
  f.pts.clear();
  for (size_t i : it.kept) {
    const double x = at(it.xs, i, it.stride);
    if (t.log_x && !(x > 0)) continue;
    f.pts.push_back({t.px(x), t.py(at(it.ys, i, it.stride))});
  }
  const float thick = it.style.thickness > 0 ? it.style.thickness : f.thickness;
  stroke(f.dl, f.pts, it.style.color, thick, it.style.dashed);
  if (it.style.markers && f.pts.size() * 6 < static_cast<size_t>(columns))
    for (const ImVec2& p : f.pts) f.dl->AddCircleFilled(p, thick * 1.6f, it.style.color, 12);
  if (f.pts.size() == 1) f.dl->AddCircleFilled(f.pts[0], thick * 1.6f, it.style.color, 12);
  f.drawn.insert(f.drawn.end(), f.pts.begin(), f.pts.end());
}

void draw_bars(const BarsItem& it, Frame& f) {
  const Transform& t = f.t;
  const float base = t.log_y ? t.max.y : std::clamp(t.py(0.0), t.min.y, t.max.y);
  const ImU32 fill = (it.color & ~IM_COL32_A_MASK) | (IM_COL32(0, 0, 0, 210) & IM_COL32_A_MASK);
  for (size_t i = 0; i < it.xs.size(); ++i) {
    const double h = it.heights[i];
    if (!std::isfinite(h) || (t.log_y && !(h > 0))) continue;
    float x0 = t.px(it.xs[i] - it.width / 2), x1 = t.px(it.xs[i] + it.width / 2);
    if (x1 - x0 > 4) x0 += 1, x1 -= 1;  // a hairline gap keeps neighbouring bars apart
    const float y = t.py(h);
    f.dl->AddRectFilled({x0, std::min(y, base)}, {std::max(x1, x0 + 1), std::max(y, base)}, fill);
    f.drawn.push_back({(x0 + x1) / 2, y});
  }
}

// Mean of the finite source cells covered by one drawn cell: merging instead of sampling keeps
// narrow features (a spike in one histogram bin) visible when cells are smaller than pixels.
float block_mean(const HeatmapItem& it, int c0, int c1, int r0, int r1) {
  double sum = 0;
  int n = 0;
  for (int r = r0; r < r1; ++r)
    for (int c = c0; c < c1; ++c) {
      const float v = it.values[static_cast<size_t>(r) * it.cols + c];
      if (std::isfinite(v)) sum += v, ++n;
    }
  return n ? static_cast<float>(sum / n) : NAN;
}

void draw_heatmap(const HeatmapItem& it, Frame& f) {
  const Transform& t = f.t;
  const float x0 = t.px(it.spec.x_lo), x1 = t.px(it.spec.x_hi);
  const float y0 = t.py(it.spec.y_lo), y1 = t.py(it.spec.y_hi);
  // At most one drawn cell per 2x2 pixels: vertex count stays bounded for any input size.
  const int dc = std::clamp(static_cast<int>(std::abs(x1 - x0) / 2), 1, it.cols);
  const int dr = std::clamp(static_cast<int>(std::abs(y1 - y0) / 2), 1, it.rows);
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  const float range = static_cast<float>(it.v_hi - it.v_lo);
  for (int r = 0; r < dr; ++r) {
    const int r0 = r * it.rows / dr, r1 = std::max(r0 + 1, (r + 1) * it.rows / dr);
    const float ya = y0 + (y1 - y0) * r0 / it.rows, yb = y0 + (y1 - y0) * r1 / it.rows;
    for (int c = 0; c < dc; ++c) {
      const int c0 = c * it.cols / dc, c1 = std::max(c0 + 1, (c + 1) * it.cols / dc);
      const float v = block_mean(it, c0, c1, r0, r1);
      if (!std::isfinite(v)) continue;
      const float xa = x0 + (x1 - x0) * c0 / it.cols, xb = x0 + (x1 - x0) * c1 / it.cols;
      const float tv = range > 0 ? (v - static_cast<float>(it.v_lo)) / range : 0.5f;
      f.dl->PrimReserve(6, 4);
      f.dl->PrimRectUV({std::min(xa, xb), std::min(ya, yb)}, {std::max(xa, xb), std::max(ya, yb)},
                       uv, uv, colormap_u32(it.spec.map, tv));
    }
  }
}

// The screen polygon of one ridge: bin centres at the slice's values, heights scaled by counts.
void ridge_points(const RidgeItem& it, const HistogramSlice& s, const Transform& t, float height,
                  std::vector<ImVec2>& pts) {
  pts.clear();
  const float base = t.py(s.time);  // ridges rise towards the top of the screen either way
  const double w = (s.hi - s.lo) / std::max(1, s.bins);
  for (int b = 0; b < s.bins; ++b) {
    const float h = height * static_cast<float>(s.counts[b]) / static_cast<float>(it.max_count);
    pts.push_back({t.px(s.lo + (b + 0.5) * w), base - h});
  }
}

void draw_ridges(const RidgeItem& it, Frame& f) {
  const Transform& t = f.t;
  const float height = std::abs(t.py(kRidgeSpan * it.spacing) - t.py(0.0));
  const ImU32 bg = ImGui::GetColorU32(ImGuiCol_FrameBg, 1.0f);
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  std::vector<size_t> order(it.n);
  for (size_t i = 0; i < it.n; ++i) order[i] = i;
  // Back to front: ridges higher on the screen are further away.
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return t.py(it.slices[a].time) < t.py(it.slices[b].time);
  });
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(it.color);
  const ImVec4 b4 = ImGui::ColorConvertU32ToFloat4(bg);
  for (size_t k = 0; k < order.size(); ++k) {
    const HistogramSlice& s = it.slices[order[k]];
    if (s.bins <= 0 || !s.counts) continue;
    ridge_points(it, s, t, height, f.pts);
    const float base = t.py(s.time);
    // Far ridges fade towards the background, so the newest reads strongest.
    const float mix = 0.3f + 0.6f * static_cast<float>(k + 1) / static_cast<float>(order.size());
    auto blend = [&](float m, float towards_white) {
      const ImVec4 v{b4.x + (c.x - b4.x) * m, b4.y + (c.y - b4.y) * m, b4.z + (c.z - b4.z) * m, 1};
      return ImGui::ColorConvertFloat4ToU32({v.x + (1 - v.x) * towards_white, v.y + (1 - v.y) * towards_white,
                                             v.z + (1 - v.z) * towards_white, 1});
    };
    const ImU32 fill = blend(mix, 0.0f), edge = blend(mix, 0.45f);
    for (size_t i = 0; i + 1 < f.pts.size(); ++i) {  // convex quads: no seams, any shape
      const ImVec2 a = f.pts[i], b = f.pts[i + 1];
      f.dl->PrimReserve(6, 4);
      f.dl->PrimQuadUV({a.x, base}, a, b, {b.x, base}, uv, uv, uv, uv, fill);
    }
    f.dl->AddPolyline(f.pts.data(), static_cast<int>(f.pts.size()), edge, 0, 1.5f);
  }
}

void draw_ref(const RefLineItem& it, Frame& f) {
  const Transform& t = f.t;
  std::vector<ImVec2> pts;
  if (it.vertical) {
    const float x = t.px(it.value);
    pts = {{x, t.min.y}, {x, t.max.y}};
  } else {
    const float y = t.py(it.value);
    pts = {{t.min.x, y}, {t.max.x, y}};
  }
  stroke(f.dl, pts, it.color, std::max(1.0f, f.thickness * 0.6f), it.dashed);
  if (it.label.empty()) return;
  // Labelled on the line itself rather than in the legend: nothing to match up by colour.
  const ImVec2 size = ImGui::CalcTextSize(it.label.c_str());
  const float pad = std::round(f.font * 0.25f);
  ImVec2 at;
  if (it.vertical) {
    at = {pts[0].x + pad, t.min.y + pad};
    if (at.x + size.x > t.max.x) at.x = std::max(t.min.x + pad, pts[0].x - pad - size.x);
  } else {
    at = {t.max.x - pad - size.x, pts[0].y - pad - size.y};
    if (at.y < t.min.y) at.y = pts[0].y + pad;
  }
  f.dl->AddText(at, it.color, it.label.c_str());
}

}  // namespace

// ---- shared queries

const std::string& label_of(const Item& item) {
  return std::visit([](const auto& it) -> const std::string& { return it.label; }, item);
}

ImU32 color_of(const Item& item) {
  return std::visit(Overload{[](const LineItem& it) { return it.style.color; },
                             [](const HeatmapItem&) { return colormap_u32(Colormap::Viridis, 0.7f); },
                             [](const auto& it) { return it.color; }},
                    item);
}

bool dashed_of(const Item& item) {
  return std::visit(Overload{[](const LineItem& it) { return it.style.dashed; },
                             [](const RefLineItem& it) { return it.dashed; },
                             [](const auto&) { return false; }},
                    item);
}

Extent extent_of(const Item& item, const Transform& axes) {
  Extent e;
  std::visit(Overload{
      [&](const LineItem&) {},
      [&](const BarsItem& it) {
        for (size_t i = 0; i < it.xs.size(); ++i) {
          e.add_x(it.xs[i] - it.width / 2), e.add_x(it.xs[i] + it.width / 2);
          if (!axes.log_y || it.heights[i] > 0) e.add_y(it.heights[i]);
        }
        if (!axes.log_y && !it.xs.empty()) e.add_y(0);
      },
      [&](const HeatmapItem& it) {
        e.add_x(it.spec.x_lo), e.add_x(it.spec.x_hi), e.add_y(it.spec.y_lo), e.add_y(it.spec.y_hi);
      },
      [&](const RidgeItem& it) {
        for (size_t i = 0; i < it.n; ++i) {
          e.add_x(it.slices[i].lo), e.add_x(it.slices[i].hi), e.add_y(it.slices[i].time);
        }
        // Head room for the ridge furthest back, which rises above its baseline.
        if (it.n) e.add_y(axes.invert_y ? e.y_lo - kRidgeSpan * it.spacing : e.y_hi + kRidgeSpan * it.spacing);
      },
      [&](const RefLineItem& it) {
        if (it.vertical) e.add_x(it.value); else e.add_y(it.value);
      }},
      item);
  return e;
}

namespace {
bool point_ok(const LineItem& it, size_t i, bool log_x, bool log_y) {
  const double x = at(it.xs, i, it.stride), y = at(it.ys, i, it.stride);
  return std::isfinite(x) && std::isfinite(y) && (!log_x || x > 0) && (!log_y || y > 0);
}
}  // namespace

Extent line_x_extent(const LineItem& it, bool log_x, bool log_y) {
  Extent e;
  size_t a = 0, b = it.n;
  while (a < it.n && !point_ok(it, a, log_x, log_y)) ++a;
  while (b > a && !point_ok(it, b - 1, log_x, log_y)) --b;
  if (a < b) e.add_x(at(it.xs, a, it.stride)), e.add_x(at(it.xs, b - 1, it.stride));
  return e;
}

bool decimate_line(LineItem& it, const Transform& t, int columns, Extent& e) {
  // Columns are even in data x; on a log x axis, many more keep the left end from coarsening.
  const int cols = t.log_x ? columns * 8 : columns;
  const bool ascending = decimate_min_max(it.xs, it.ys, it.n, it.stride, t.x.lo, t.x.hi, cols, t.log_y, it.kept);
  for (size_t i : it.kept) {
    const double x = at(it.xs, i, it.stride);
    if (t.log_x && !(x > 0)) continue;
    if (!ascending) e.add_x(x);
    if (ascending && (x < t.x.lo || x > t.x.hi)) continue;
    e.add_y(at(it.ys, i, it.stride));
  }
  return ascending;
}

void draw_item(const Item& item, Frame& f) {
  std::visit(Overload{[&](const LineItem& it) { draw_line(it, f); },
                      [&](const BarsItem& it) { draw_bars(it, f); },
                      [&](const HeatmapItem& it) { draw_heatmap(it, f); },
                      [&](const RidgeItem& it) { draw_ridges(it, f); },
                      [&](const RefLineItem& it) { draw_ref(it, f); }},
             item);
}

namespace {

// ImGui joins polyline segments with averaged normals, which blow up into spikes where a line
// doubles back on itself (min/max decimation of noisy data does that in every pixel column).
// Sharp turns therefore end one polyline and start the next: a plain butt joint there.
void polyline_no_spikes(ImDrawList* dl, const ImVec2* p, int n, ImU32 color, float thickness) {
  int start = 0;
  for (int i = 1; i + 1 < n; ++i) {
    const ImVec2 a{p[i].x - p[i - 1].x, p[i].y - p[i - 1].y}, b{p[i + 1].x - p[i].x, p[i + 1].y - p[i].y};
    const float dot = a.x * b.x + a.y * b.y;
    const float la = a.x * a.x + a.y * a.y, lb = b.x * b.x + b.y * b.y;
    if (dot < -0.3f * std::sqrt(la * lb)) {  // turning by more than ~107 degrees
      dl->AddPolyline(p + start, i - start + 1, color, 0, thickness);
      start = i;
    }
  }
  if (n - start >= 2) dl->AddPolyline(p + start, n - start, color, 0, thickness);
}

}  // namespace

void stroke(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 color, float thickness,
            bool dashed) {
  if (pts.size() < 2) return;
  if (!dashed) {
    polyline_no_spikes(dl, pts.data(), static_cast<int>(pts.size()), color, thickness);
    return;
  }
  // Walk the polyline, emitting "on" stretches as their own polylines so joins stay clean.
  const float on = kDashOn * thickness + 2, off = kDashOff * thickness + 1;
  std::vector<ImVec2> run;
  bool drawing = true;
  float left = on;  // length left in the current dash or gap
  run.push_back(pts[0]);
  auto flush = [&] {
    polyline_no_spikes(dl, run.data(), static_cast<int>(run.size()), color, thickness);
    run.clear();
  };
  for (size_t i = 1; i < pts.size(); ++i) {
    ImVec2 a = pts[i - 1];
    const ImVec2 b = pts[i];
    float seg = std::hypot(b.x - a.x, b.y - a.y);
    // A diverging loss puts points at absurd pixel coordinates; subtracting a dash length from
    // such a segment changes nothing in float, so it is drawn solid instead of looping forever.
    if (!(seg <= 1e5f)) {
      if (!drawing) run.clear();
      run.push_back(b);
      drawing = true;
      left = on;
      continue;
    }
    while (seg > left) {
      const float r = left / seg;
      a = {a.x + (b.x - a.x) * r, a.y + (b.y - a.y) * r};
      seg -= left;
      run.push_back(a);
      if (drawing) flush();
      drawing = !drawing;
      left = drawing ? on : off;
    }
    left -= seg;
    if (drawing) run.push_back(b);
  }
  if (drawing) flush();
}

}  // namespace nnplay::gui::plot_detail
