#include "app/gui/panels/fit_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/gui/app_state.h"
#include "app/gui/panels/fit_curves.h"
#include "app/gui/plot/plot.h"
#include "app/gui/theme/palette.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

struct Range {
  double lo = INFINITY, hi = -INFINITY;
  void add(double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
};

// The plot's y range covers the data and the fit, not the unit lines: a unit that shoots off
// would otherwise squash the picture the class is looking at.
Range y_range(const PointSet& pts, const FitPanelState& f) {
  Range r;
  for (const auto& p : pts.points) r.add(p.y);
  for (double v : f.fit) r.add(v);
  if (!(r.lo < r.hi)) r = {-1, 1};
  const double pad = (r.hi - r.lo) * 0.15;
  return {r.lo - pad, r.hi + pad};
}

void draw_points(const PointSet& pts, const Plot& p, Range xr, Range yr) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 lo = p.area_min(), hi = p.area_max();
  const float r = std::max(3.0f, ImGui::GetFontSize() * 0.22f);
  dl->PushClipRect(lo, hi, true);
  for (const auto& pt : pts.points) {
    const ImVec2 c(lo.x + float((pt.x1 - xr.lo) / (xr.hi - xr.lo)) * (hi.x - lo.x),
                   hi.y - float((pt.y - yr.lo) / (yr.hi - yr.lo)) * (hi.y - lo.y));
    if (pt.split == SplitId::Train) dl->AddCircleFilled(c, r, palette().class_u32(0, 0.75f));
    else dl->AddCircle(c, r, palette().class_u32(0, 0.9f), 0, 1.5f);
  }
  dl->PopClipRect();
}

void refresh(AppState& s, FitPanelState& f) {
  const Snapshot& snap = *s.snap;
  Range xr;
  for (const auto& p : s.exp.data.points.points) xr.add(p.x1);
  if (!(xr.lo < xr.hi)) xr = {-6, 6};
  if (f.valid && f.params_version == snap.params_version && f.features == s.exp.features &&
      f.x_lo == xr.lo && f.x_hi == xr.hi)
    return;
  f.params_version = snap.params_version;
  f.features = s.exp.features;
  f.x_lo = xr.lo;
  f.x_hi = xr.hi;
  compute_fit_curves(snap, s.inspector, s.exp.features, xr.lo, xr.hi, f);
}

void draw_header(FitPanelState& f) {
  const int units = int(f.units.size());
  if (units > 0) {
    ImGui::Checkbox("Show each hidden unit", &f.show_units);
    help_marker("Each thin line is one hidden unit's share of the output, w2 * f(w1 * x + b). A "
                "ReLU unit is flat on one side of its kink at x = -b / w1 and straight on the "
                "other. Added together with the output bias they make the thick fitted curve.");
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    ImGui::Text("%d hidden unit%s, output bias %.3f", units, units == 1 ? "" : "s", f.output_bias);
  } else {
    ImGui::TextWrapped("Unit contributions are drawn for networks with one hidden layer and a "
                       "linear output.");
  }
}

}  // namespace

void draw_fit_panel(AppState& s) {
  std::string why;
  if (!s.snap) return;
  if (!fit_applicable(*s.snap, s.exp.features, &why)) {
    ImGui::TextWrapped("%s", why.c_str());
    return;
  }
  FitPanelState& f = s.fit;
  refresh(s, f);
  if (!f.valid) {
    ImGui::TextWrapped("The network does not match the data yet.");
    return;
  }
  draw_header(f);
  const Range xr{f.x_lo, f.x_hi}, yr = y_range(s.exp.data.points, f);
  Plot p("##fit");
  p.setup_axes("x1", "value");
  p.set_x_limits(xr.lo, xr.hi);
  p.set_y_limits(yr.lo, yr.hi);
  if (f.show_units) {
    for (size_t j = 0; j < f.units.size(); ++j) {
      char label[32];
      std::snprintf(label, sizeof label, "##unit %zu", j + 1);  // one legend entry would be noise
      p.line(label, f.xs.data(), f.units[j].data(), f.xs.size(),
             {.color = palette().class_u32(2 + int(j % 6), 0.8f), .thickness = 1.5f});
    }
    if (!f.units.empty())
      p.hline(f.output_bias, ImGui::GetColorU32(ImGuiCol_TextDisabled), "output bias");
  }
  p.line("network", f.xs.data(), f.fit.data(), f.xs.size(),
         {.color = palette().class_u32(1), .thickness = ImGui::GetFontSize() * 0.22f});
  p.end();
  draw_points(s.exp.data.points, p, xr, yr);
}

}  // namespace nnplay::gui
