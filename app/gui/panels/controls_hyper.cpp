// The hyper-parameter section of the controls panel: learning rate, batch size, optimiser and
// its constants, regularisation. Each control explains its concept in a tooltip.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/gui/panels/controls_panel.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

constexpr const char* kRegNames[] = {"none", "L1", "L2"};

// Sliders leave room for the label and the "(?)" marker.
void item_width(const char* label) {
  const float reserve = ImGui::CalcTextSize(label).x + ImGui::CalcTextSize("(?)").x +
                        ImGui::GetStyle().ItemSpacing.x * 2 + ImGui::GetStyle().ItemInnerSpacing.x;
  ImGui::SetNextItemWidth(std::max(60.0f, ImGui::GetContentRegionAvail().x - reserve));
}

void log_slider(const char* label, double& v, double lo, double hi, const char* fmt,
                const char* help) {
  item_width(label);
  ImGui::SliderScalar(label, ImGuiDataType_Double, &v, &lo, &hi, fmt,
                      ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
  help_marker(help);
}

void linear_slider(const char* label, double& v, double lo, double hi, const char* fmt,
                   const char* help) {
  item_width(label);
  ImGui::SliderScalar(label, ImGuiDataType_Double, &v, &lo, &hi, fmt, ImGuiSliderFlags_AlwaysClamp);
  help_marker(help);
}

void draw_batch(TrainSettings& s, int train_size) {
  const int hi = std::max(1, train_size > 0 ? train_size : 1000);
  int b = std::clamp(s.batch_size, 1, hi);
  item_width("Batch size");
  if (ImGui::SliderInt("Batch size", &b, 1, hi, b >= hi ? "%d (full batch)" : "%d",
                       ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp))
    s.batch_size = b;
  help_marker("Points per weight update. Small batches give fast, noisy steps (the noise can "
              "even help escape bad spots); large batches give smooth but slower, costlier steps. "
              "1 = stochastic gradient descent, all points = full-batch gradient descent.");
}

void draw_optimizer_kind(OptimizerSettings& o) {
  const auto& names = optimizer_names();
  const std::string current = o.name();
  item_width("Optimiser");
  if (ImGui::BeginCombo("Optimiser", current.c_str())) {
    for (const auto& n : names) {
      if (ImGui::Selectable(n.c_str(), n == current)) {
        if (auto k = parse_optimizer(n)) o.kind = *k;
      }
    }
    ImGui::EndCombo();
  }
  help_marker("How the gradient becomes a weight change. sgd: step straight downhill. momentum / "
              "nesterov: keep rolling in the direction you were going. adagrad, rmsprop, adam: "
              "give every weight its own step size from the history of its gradients.");
}

void draw_optimizer_constants(OptimizerSettings& o) {
  const auto k = o.kind;
  if (k == OptimizerKind::Momentum || k == OptimizerKind::Nesterov)
    linear_slider("Momentum", o.momentum, 0.0, 0.999, "%.3f",
                  "How much of the previous step is kept (0 = plain sgd, 0.9 typical). Momentum "
                  "speeds up travel along long valleys and damps zig-zagging across them.");
  if (k == OptimizerKind::RmsProp)
    linear_slider("Rho", o.rho, 0.0, 0.999, "%.3f",
                  "Decay of the running average of squared gradients. Close to 1 = long memory, "
                  "smoother per-weight step sizes.");
  if (k == OptimizerKind::Adam) {
    linear_slider("Beta 1", o.beta1, 0.0, 0.999, "%.3f",
                  "Decay of adam's running average of gradients (its momentum). 0.9 is the usual "
                  "choice.");
    linear_slider("Beta 2", o.beta2, 0.9, 0.99999, "%.5f",
                  "Decay of adam's running average of squared gradients, which sets each weight's "
                  "step size. 0.999 is the usual choice.");
  }
  if (k == OptimizerKind::RmsProp || k == OptimizerKind::Adam)
    log_slider("Epsilon", o.eps, 1e-10, 1e-2, "%.1e",
               "A tiny number added before dividing by the gradient size, so weights with almost "
               "no gradient do not get huge steps.");
  if (k == OptimizerKind::Adagrad)
    log_slider("Epsilon", o.eps_adagrad, 1e-12, 1e-2, "%.1e",
               "A tiny number added before dividing by the accumulated gradient size, so weights "
               "with almost no gradient do not get huge steps.");
}

void draw_regularization(Regularization& r) {
  int kind = int(r.kind);
  item_width("Regularisation");
  if (ImGui::Combo("Regularisation", &kind, kRegNames, 3)) r.kind = RegKind(kind);
  help_marker("A penalty on large weights that keeps the boundary simple and fights overfitting. "
              "L2 shrinks all weights smoothly; L1 pushes unimportant weights to exactly zero.");
  if (r.kind == RegKind::None) return;
  log_slider("Reg. rate", r.rate, 1e-6, 1.0, "%.2e",
             "Strength of the penalty. Too small does nothing; too large makes every weight tiny "
             "and the network too simple to fit the data (underfitting).");
}

}  // namespace

void draw_hyper_parameters(TrainSettings& s, int train_size, const std::vector<std::string>& hidden) {
  const auto shown = [&](const char* c) { return std::find(hidden.begin(), hidden.end(), c) == hidden.end(); };
  if (shown("learning_rate")) log_slider("Learning rate", s.optimizer.lr, 1e-5, 10.0, "%.5g",
             "Size of each step downhill. Too small: training crawls. Too large: steps overshoot "
             "the valley, the loss jumps around or explodes.");
  if (shown("batch_size")) draw_batch(s, train_size);
  if (shown("optimizer")) draw_optimizer_kind(s.optimizer);
  if (shown("optimizer")) draw_optimizer_constants(s.optimizer);
  if (shown("regularization")) draw_regularization(s.regularization);
}

}  // namespace nnplay::gui
