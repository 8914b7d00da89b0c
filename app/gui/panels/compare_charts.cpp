// The compare view's charts: the runs' loss curves on one axis (which configuration learns
// faster), and their gradient norms per layer side by side (where the gradient vanishes).
#include <imgui.h>

#include <string>
#include <vector>

#include "app/gui/panels/compare_parts.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui::compare {

namespace {

constexpr const char* kHelpLoss =
    "Each run's loss on its training examples over the minibatch steps. All runs start from the "
    "same data and seed, so the gap between the curves is caused by the configuration alone.";
constexpr const char* kHelpGrad =
    "The size (L2 norm) of the weight gradient of each layer in the last step, one bar per run. "
    "When it shrinks towards the first layer, those layers barely learn: the vanishing gradient. "
    "The axis is logarithmic: each grid line is ten times the one below.";

// Series must stay alive until Plot::end(), so they are gathered first.
struct Series {
  std::vector<double> x, y;
};

void draw_loss(ComparePanelState& ui, ImVec2 size) {
  const auto& runs = ui.runs.runs();
  std::vector<Series> series(runs.size());
  Plot p("##compare_loss", size);
  p.set_title(ui.validation ? "validation loss" : "training loss");
  p.setup_axes("step", "loss",
               AxisFlags::IntegerX | AxisFlags::NoLegend | (ui.log_loss ? AxisFlags::LogY : 0u));
  p.set_placeholder("Press Play all to train every run");
  for (size_t i = 0; i < runs.size(); ++i) {
    if (!runs[i].snap) continue;
    for (const MetricPoint& m : runs[i].snap->history) {
      const double v = ui.validation ? m.val_loss : m.train_loss;
      if (!std::isfinite(v)) continue;
      series[i].x.push_back(double(m.step));
      series[i].y.push_back(v);
    }
    p.line(runs[i].label.c_str(), series[i].x.data(), series[i].y.data(), series[i].x.size(),
           run_style(int(i)));
  }
  p.end();
}

void draw_grad_norms(ComparePanelState& ui, ImVec2 size) {
  const auto& runs = ui.runs.runs();
  size_t layers = 0;
  for (const auto& r : runs)
    if (r.snap) layers = std::max(layers, r.snap->layers.size());
  std::vector<std::string> names;
  for (size_t l = 0; l < layers; ++l) names.push_back(l + 1 == layers ? "output" : "layer " + std::to_string(l + 1));
  std::vector<Series> series(runs.size());
  const double group = 0.8, width = group / std::max<size_t>(1, runs.size());
  Plot p("##compare_grads", size);
  p.set_title("gradient norm per layer");
  p.setup_axes(nullptr, "|dL/dW|", AxisFlags::LogY | AxisFlags::NoLegend);
  p.set_x_categories(names);
  if (layers) p.set_x_limits(-0.5, double(layers) - 0.5);
  p.set_placeholder("Gradients appear after the first step");
  for (size_t i = 0; i < runs.size(); ++i) {
    if (!runs[i].snap || runs[i].snap->step == 0) continue;
    const auto& stats = runs[i].snap->layers;
    for (size_t l = 0; l < stats.size(); ++l) {
      if (stats[l].grad_norm <= 0) continue;  // pooling and flatten layers have no weights
      series[i].x.push_back(double(l) - group / 2 + width * (double(i) + 0.5));
      series[i].y.push_back(stats[l].grad_norm);
    }
    p.bars(runs[i].label.c_str(), series[i].x.data(), series[i].y.data(), series[i].x.size(), width * 0.9,
           run_style(int(i)).color);
  }
  p.end();
}

}  // namespace

void draw_charts(ComparePanelState& ui, float height) {
  const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
  const float w = (ImGui::GetContentRegionAvail().x - gap) / 2;
  const float row = ImGui::GetFrameHeightWithSpacing();
  ImGui::BeginGroup();
  ImGui::Checkbox("log scale", &ui.log_loss);
  ImGui::SameLine();
  ImGui::Checkbox("validation", &ui.validation);
  help_marker(kHelpLoss);
  draw_loss(ui, {w, height - row});
  ImGui::EndGroup();
  ImGui::SameLine(0, gap);
  ImGui::BeginGroup();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Gradients");
  help_marker(kHelpGrad);
  draw_grad_norms(ui, {w, height - row});
  ImGui::EndGroup();
}

}  // namespace nnplay::gui::compare
