// The compare view's run cards: one per run, each with its colour (the charts' legend), its
// decision boundary as a thumbnail (point data) and its newest loss and accuracy.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "app/gui/app_state.h"
#include "app/gui/fonts.h"
#include "app/gui/gfx/boundary_renderer.h"
#include "app/gui/logic/canvas_tools.h"
#include "app/gui/logic/ticks.h"
#include "app/gui/panels/compare_parts.h"
#include "app/gui/theme/palette.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui::compare {

namespace {

constexpr const char* kHelpThumb =
    "Where this run's network puts the boundary between the classes now: each run learns its "
    "own boundary from the same points.";
constexpr const char* kHelpAcc =
    "Accuracy on the validation examples (held out from training): the share of them this run "
    "classifies correctly.";

double last_finite(const Snapshot& s, double MetricPoint::*m) {
  if (std::isfinite(s.latest.*m)) return s.latest.*m;
  for (auto it = s.history.rbegin(); it != s.history.rend(); ++it)
    if (std::isfinite((*it).*m)) return (*it).*m;
  return NAN;
}

// The data points over the thumbnail, mapped by the grid's own world rectangle so they sit
// exactly where the boundary was computed.
void draw_points(ImDrawList* dl, const PointSet& pts, const GridRequest& r, ImVec2 p0, ImVec2 p1,
                 bool regression) {
  const float radius = std::max(1.5f, ImGui::GetFontSize() * 0.13f);
  const ValueRange range = value_range(pts);
  const size_t stride = std::max<size_t>(1, pts.points.size() / 400);  // enough to see the shape
  for (size_t k = 0; k < pts.points.size(); k += stride) {
    const Point& p = pts.points[k];
    if (p.split != SplitId::Train) continue;
    const float u = float((p.x1 - r.x_min) / (r.x_max - r.x_min));
    const float v = float((p.x2 - r.y_min) / (r.y_max - r.y_min));
    if (u < 0 || u > 1 || v < 0 || v > 1) continue;
    const ImVec2 c{p0.x + u * (p1.x - p0.x), p1.y - v * (p1.y - p0.y)};
    const ImU32 col = regression ? palette().diverging_u32(float(2 * (p.y - range.lo) / (range.hi - range.lo) - 1))
                                 : palette().class_u32(int(p.y));
    dl->AddCircleFilled(c, radius + 1, IM_COL32(20, 20, 20, 255));
    dl->AddCircleFilled(c, radius, col);
  }
}

void draw_thumbnail(ComparePanelState& ui, const CompareRun& run, const PointSet& pts, ImVec2 box) {
  auto& renderer = ui.renderers[run.id];
  if (!renderer) renderer = std::make_shared<BoundaryRenderer>();
  if (run.snap) renderer->set_grid(run.snap->grid);
  const DecisionGrid* g = renderer->grid();
  // Keep the grid's aspect ratio so the thumbnail is the canvas in miniature.
  double aspect = 1;
  if (g) aspect = (g->request.x_max - g->request.x_min) / std::max(1e-9, g->request.y_max - g->request.y_min);
  ImVec2 size = box;
  if (box.x / box.y > aspect) size.x = float(box.y * aspect);
  else size.y = float(box.x / aspect);
  const ImVec2 cur = ImGui::GetCursorScreenPos();
  const ImVec2 p0{cur.x + (box.x - size.x) / 2, cur.y};
  const ImVec2 p1{p0.x + size.x, p0.y + size.y};
  ImGui::Dummy(box);
  tooltip_for_last_item(kHelpThumb);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, p1, palette().diverging_u32(0));
  BoundaryStyle style;
  if (g && run.snap && renderer->ready() && boundary_mode_for(*g, run.snap->task, style)) {
    const ValueRange range = value_range(pts);
    style.value_lo = float(range.lo);
    style.value_hi = float(range.hi);
    dl->PushClipRect(p0, p1, true);
    renderer->draw(dl, p0, p1, style);
    draw_points(dl, pts, g->request, p0, p1, run.snap->task == Task::Regression);
    dl->PopClipRect();
  }
  dl->AddRect(p0, p1, IM_COL32(0, 0, 0, 160));
}

// Name row: colour swatch, label (cut to fit) and the remove button. True when remove is pressed.
bool draw_header(const CompareRun& run, int i, float width) {
  const ImVec2 swatch{ImGui::GetFontSize() * 1.3f, ImGui::GetTextLineHeight()};
  line_swatch(run_style(i), swatch);
  ImGui::SameLine();
  const float close_w = ImGui::CalcTextSize("x").x + ImGui::GetStyle().FramePadding.x * 2;
  const float text_w = width - swatch.x - close_w - ImGui::GetStyle().ItemSpacing.x * 2;
  std::string label = run.label;
  while (label.size() > 1 && ImGui::CalcTextSize(label.c_str()).x > text_w) label.pop_back();
  if (label != run.label) label.back() = '.';
  ImGui::TextUnformatted(label.c_str());
  if (label != run.label) tooltip_for_last_item(run.label.c_str());
  ImGui::SameLine(width - close_w);
  const bool pressed = ImGui::SmallButton("x");
  tooltip_for_last_item("Remove this run from the comparison.");
  return pressed;
}

void draw_numbers(const CompareRun& run, int i, bool big_accuracy, bool compact) {
  if (!run.snap) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%s", run.error.c_str());
    ImGui::PopTextWrapPos();
    return;
  }
  const Snapshot& s = *run.snap;
  const double loss = last_finite(s, &MetricPoint::train_loss);
  const double acc = last_finite(s, &MetricPoint::val_acc);
  const bool regression = s.task == Task::Regression;
  if (big_accuracy && !regression) {
    ImGui::PushFont(large_font());
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(run_style(i).color), "%s", format_percent(acc).c_str());
    ImGui::PopFont();
    tooltip_for_last_item(kHelpAcc);
  }
  ImGui::Text("step %ld", s.step);
  ImGui::Text("loss %s", format_value(loss, 3).c_str());
  if (!big_accuracy || regression) {
    if (compact) ImGui::SameLine();
    ImGui::Text(regression ? "R\xc2\xb2 %s" : "acc %s",
                regression ? format_value(acc, 3).c_str() : format_percent(acc).c_str());
    tooltip_for_last_item(kHelpAcc);
  }
  if (s.diverged) ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "diverged");
}

}  // namespace

int draw_run_cards(AppState& s, float height) {
  ComparePanelState& ui = s.compare;
  const auto& runs = ui.runs.runs();
  const Experiment* src = ui.runs.source();
  const bool images = src && is_image_experiment(*src);
  const int n = int(runs.size());
  const float gap = ImGui::GetFontSize() * 0.8f;
  const float avail_w = ImGui::GetContentRegionAvail().x;
  // Cards too narrow for a name like "Nesterov 0.03" wrap into two rows.
  const int per_row = avail_w / float(std::max(1, n)) < ImGui::GetFontSize() * 10 ? (n + 1) / 2 : n;
  const int rows = (n + per_row - 1) / std::max(1, per_row);
  const float w = (avail_w - gap * float(per_row - 1)) / float(std::max(1, per_row));
  height = height / float(rows);
  const float line = ImGui::GetTextLineHeightWithSpacing();
  // The thumbnail sits left of the numbers when the card is wide enough, else above them.
  const float text_w = ImGui::CalcTextSize("loss 0.00284").x;
  const float beside = std::min(height - line, w - text_w - gap);
  const bool side = beside >= line * 2.0f;
  const float thumb = side ? beside : std::min(w, height - line * 4.2f);
  int removed = -1;
  for (int i = 0; i < n; ++i) {
    if (i % per_row) ImGui::SameLine(0, gap);
    ImGui::PushID(runs[i].id);
    ImGui::BeginGroup();
    if (draw_header(runs[i], i, w)) removed = i;
    const bool show_thumb = !images && runs[i].snap && thumb > 24;
    if (show_thumb) draw_thumbnail(ui, runs[i], src->data.points, {thumb, thumb});
    if (show_thumb && side) ImGui::SameLine(0, gap * 0.6f);
    ImGui::BeginGroup();
    draw_numbers(runs[i], i, images, !(show_thumb && side));
    ImGui::EndGroup();
    ImGui::EndGroup();
    ImGui::PopID();
  }
  return removed;
}

}  // namespace nnplay::gui::compare
